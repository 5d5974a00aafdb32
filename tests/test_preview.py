"""The preview's rebuilds: after each save, the dirty build that `partnerkit serve` runs writes
only the pages whose output changed, and the site it leaves is the site a full build makes:
a new title shows in every page's navigation, a new page is listed, a removed one is gone.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from test_site_support import ROOT

from generator.adapters.mkdocs_plugin import PartnerkitPlugin, handing
from generator.adapters.mkdocs_preview import quiet_dirty_builds
from generator.app.options import Options
from generator.app.site import SiteRequest

SERVE_URL = "http://127.0.0.1:8000/"
PRACTICE = "content/practices/recruit-on-core-skills.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    for part in ("content", "docs"):
        shutil.copytree(ROOT / part, target / part)
    shutil.copy(ROOT / "translations.lock", target / "translations.lock")
    # One language, as the preview shows; the address the preview gives the site.
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text(config + f"site_url: {SERVE_URL}\n", encoding="utf-8")
    return target


@pytest.fixture
def preview(project: Path, tmp_path: Path) -> Iterator[Callable[[], list[str]]]:
    """A rebuild as `mkdocs serve --dirty` runs it after a save (one startup, then a dirty
    build into the same folder each time); returns the pages it wrote again."""
    site = tmp_path / "preview"
    started: list[PartnerkitPlugin] = []
    quiet = quiet_dirty_builds()

    def rebuild() -> list[str]:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        if not started:
            config.plugins.on_startup(command="serve", dirty=True)
        plugin = next(p for p in config.plugins.values() if isinstance(p, PartnerkitPlugin))
        started[:] = [plugin]
        with handing(SiteRequest(Options(project=project, lang="en"))):
            build(config, serve_url=SERVE_URL, dirty=True)
        return list(plugin._rebuilt)

    yield rebuild
    import logging

    logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
    if started:  # the plugin outlives the test (MkDocs keeps it): back to plain builds
        started[0].on_startup(command="build", dirty=False)


def _full_build(project: Path, site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", "build", "--project", str(project), "--no-pdf",
         "--lang", "en", "--site-dir", str(site), "--downloads", str(project / "build" / "downloads")],
        capture_output=True, text=True, check=False, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def _search(site: Path) -> list[tuple[str, str, str]]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return sorted((doc["location"], doc["title"], doc["text"]) for doc in index["docs"])


def _same_site(preview_site: Path, full: Path) -> None:
    fresh, previewed = _pages(full), _pages(preview_site)
    assert previewed.keys() == fresh.keys()
    assert [name for name in fresh if fresh[name] != previewed[name]] == []
    searched, expected = _search(preview_site), _search(full)
    assert [entry for entry in searched if entry not in expected] == []
    assert [entry for entry in expected if entry not in searched] == []
    assert len(searched) == len(expected)


def _retitle(path: Path, words: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[at + 1] = lines[at + 1].replace("en: ", f"en: {words} ", 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def test_each_rebuild_writes_what_changed_and_leaves_the_site_a_full_build_makes(
        project: Path, preview: Callable[[], list[str]], tmp_path: Path) -> None:
    everything = preview()
    assert len(everything) > 90  # the first build writes every page

    # Nothing changed: nothing is written again.
    assert preview() == []

    # A new title: the practice, the pages that list or link to it, and those whose menu shows it.
    _retitle(project / PRACTICE, "Retitled")
    retitled = preview()
    assert "practices/recruit-on-core-skills.md" in retitled and "practices/index.md" in retitled
    assert len(retitled) < len(everything) / 4
    # The pages whose menu or footer shows the title are kept, the new title written into their links.
    kept = [name for name, html in _pages(tmp_path / "preview").items()
            if b"Retitled Recruit" in html and name.replace(".html", ".md") not in retitled]
    assert len(kept) > 5
    _full_build(project, tmp_path / "full-1")
    _same_site(tmp_path / "preview", tmp_path / "full-1")

    # A change inside another practice's description: its page and the few that show it.
    other = project / "content/practices/prepare-patient-advisors.yaml"
    other.write_text(other.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert preview() == []  # a blank line at the end changes no page
    text = other.read_text(encoding="utf-8")
    assert "they cannot guess what the role involves" in text
    other.write_text(text.replace("they cannot guess what the role involves",
                                  "they cannot guess what the role really involves", 1), encoding="utf-8")
    edited = preview()
    assert "practices/prepare-patient-advisors.md" in edited and len(edited) < len(everything) / 2
    _full_build(project, tmp_path / "full-2")
    _same_site(tmp_path / "preview", tmp_path / "full-2")

    # A new practice is listed everywhere; removed again, its page is gone and no page lists it.
    added = project / "content/practices/a-practice-of-our-own.yaml"
    shutil.copy(project / PRACTICE, added)
    _retitle(added, "Our own")
    preview()
    assert (tmp_path / "preview" / "practices" / "a-practice-of-our-own.html").is_file()
    _full_build(project, tmp_path / "full-3")
    _same_site(tmp_path / "preview", tmp_path / "full-3")
    added.unlink()
    preview()
    assert not (tmp_path / "preview" / "practices" / "a-practice-of-our-own.html").exists()
    _full_build(project, tmp_path / "full-4")
    _same_site(tmp_path / "preview", tmp_path / "full-4")
