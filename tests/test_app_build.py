"""One application layer under `build`, `pdf`, `serve` and plain `mkdocs`: real runs, real files.

`build` and `pdf` print the same PDFs byte for byte (logo and local images included),
report the same warnings once, and the site publishes what `--downloads` holds; the
site's language (page, theme, search) follows site.yaml (a site per language when it
lists two) or `--lang` unless mkdocs.yml sets it; plain `mkdocs build` and `partnerkit
serve` go through the same functions.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_site_support import ROOT, site_project

BADGE = ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
         '<rect width="120" height="40" fill="#1f5f8b"/></svg>')
CONTENT_WARNING = "content/practices/notes.txt:1:1: warning: not a .yaml file; it was ignored"


def _env() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    env.pop("SOURCE_DATE_EPOCH", None)  # both commands must find the same date by themselves
    return env


def _partnerkit(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.adapters.cli", *args], cwd=cwd, env=_env(),
                          capture_output=True, text=True, check=False)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass(frozen=True)
class Runs:
    project: Path
    pdf: subprocess.CompletedProcess[str]
    build: subprocess.CompletedProcess[str]
    pdf_dir: Path
    downloads: Path
    site: Path


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    """The fixture with a logo, a local image, a character no font prints and a content
    warning, printed by `pdf` and built by `build --downloads`, each with its own cache."""
    base = tmp_path_factory.mktemp("app")
    project = site_project(base / "project")
    (project / "content/images").mkdir()
    (project / "content/images/badge.svg").write_text(BADGE, encoding="utf-8")
    _edit(project / "content/site.yaml", "languages: [en]", "languages: [en]\nlogo: content/images/badge.svg")
    _edit(project / "content/documents/pa-onboarding.yaml",
          "body: Welcome to the team. This pack explains your role.",
          'body: "Welcome \U0001f642.\\n\\n![Team badge](content/images/badge.svg)"')
    (project / "content/practices/notes.txt").write_text("scratch", encoding="utf-8")
    pdf = _partnerkit("pdf", "--project", str(project), "--out", str(base / "pdf"),
                      "--cache", str(base / "pdf-cache"), "--jobs", "1")
    build = _partnerkit("build", "--project", str(project), "--site-dir", str(base / "site"),
                        "--downloads", "published", "--cache", str(base / "build-cache"), "--jobs", "1")
    return Runs(project, pdf, build, base / "pdf", project / "published", base / "site")


def _pdfs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.pdf"))}


def test_build_and_pdf_print_the_same_bytes(runs: Runs) -> None:
    assert runs.pdf.returncode == 0, runs.pdf.stderr
    assert runs.build.returncode == 0, runs.build.stderr
    from_pdf, from_build = _pdfs(runs.pdf_dir), _pdfs(runs.downloads)
    assert from_pdf and sorted(from_pdf) == sorted(from_build)
    assert [name for name in from_pdf if from_pdf[name] != from_build[name]] == []
    # The project folder reached print in both: the logo and the local image are in the pack.
    alts = [str(alt) for alt in _alts(PdfReader(runs.downloads / "en/documents/pa-onboarding.pdf"))]
    assert "Team badge" in alts and "Test Health Centre" in alts  # the picture, the logo


def _alts(reader: PdfReader) -> list[object]:
    """Every /Alt text of the PDF's structure tree (pictures are tagged with one)."""
    found: list[object] = []
    stack: list[object] = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        item = stack.pop()
        item = getattr(item, "get_object", lambda item=item: item)()
        if isinstance(item, dict):
            if "/Alt" in item:
                found.append(item["/Alt"])
            stack += [v for k, v in item.items() if k not in ("/P", "/Pg", "/Parent")]
        elif isinstance(item, list):
            stack += item
    return found


def test_the_site_publishes_what_downloads_holds(runs: Runs) -> None:
    assert runs.build.returncode == 0, runs.build.stderr
    assert not (runs.project / "build/downloads").exists(), "printed into the default folder too"
    manifest = json.loads((runs.downloads / "manifest.json").read_text(encoding="utf-8"))
    listing = (runs.site / "downloads.html").read_text(encoding="utf-8")
    for row in manifest:
        published = runs.site / "downloads" / row["file"]
        assert published.read_bytes() == (runs.downloads / row["file"]).read_bytes()
        assert row["file"] in listing


def test_warnings_are_reported_once_the_same_way(runs: Runs) -> None:
    for run in (runs.pdf, runs.build):
        lines = run.stderr.splitlines()
        located = [line for line in lines if line.startswith(CONTENT_WARNING)]
        assert len(located) == 1, run.stderr  # the content is loaded once
        font = [line for line in lines if "no font can print" in line]
        assert font == ["partnerkit: warning: en/documents/pa-onboarding.pdf: no font can print 1 "
                        "character(s), printed as \ufffd: \U0001f642 (add a font package with them, "
                        "or change the text)"], run.stderr


def test_strict_stops_on_content_warnings_before_writing(tmp_path: Path) -> None:
    project = site_project(tmp_path / "project")
    (project / "content/practices/notes.txt").write_text("scratch", encoding="utf-8")
    result = _partnerkit("build", "--project", str(project), "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    assert len([line for line in result.stderr.splitlines() if line.startswith(CONTENT_WARNING)]) == 1
    assert "content has 1 warning and --strict is set; nothing was written" in result.stderr
    assert not (tmp_path / "site").exists() and not (project / "build").exists()


def _bilingual(target: Path, languages: str) -> Path:
    """The fixture in English and French; its one quote is in French so every page renders."""
    project = site_project(target)
    _edit(project / "content/site.yaml", "languages: [en]", f"languages: {languages}")
    _edit(project / "content/quotes/preparation-is-a-must.yaml", "language: en", "language: fr")
    return project


def _language(site: Path) -> tuple[str, str, list[str]]:
    """(<html lang>, the search box's placeholder, the search index's languages)."""
    html = (site / "index.html").read_text(encoding="utf-8")
    lang = html.split('<html lang="', 1)[1].split('"', 1)[0]
    placeholder = html.split('placeholder="', 1)[1].split('"', 1)[0]
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    return lang, placeholder, index["config"]["lang"]


def test_the_site_speaks_the_chosen_language(tmp_path: Path) -> None:
    project = _bilingual(tmp_path / "project", "[en, fr]")
    result = _partnerkit("build", "--project", str(project), "--no-pdf", "--lang", "fr",
                         "--site-dir", str(tmp_path / "fr"))
    assert result.returncode == 0, result.stderr
    assert _language(tmp_path / "fr") == ("fr", "Rechercher", ["fr"])


def test_each_language_of_site_yaml_gets_its_own_site_the_first_leading(tmp_path: Path) -> None:
    project = _bilingual(tmp_path / "project", "[fr, en]")
    result = _partnerkit("build", "--project", str(project), "--no-pdf", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert _language(tmp_path / "site/fr") == ("fr", "Rechercher", ["fr"])
    assert _language(tmp_path / "site/en") == ("en", "Search", ["en"])
    chooser = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in chooser and chooser.index('href="fr/') < chooser.index('href="en/')


def test_mkdocs_yml_may_set_the_theme_language_itself(tmp_path: Path) -> None:
    project = _bilingual(tmp_path / "project", "[fr, en]")
    _edit(project / "mkdocs.yml", "  name: material\n", "  name: material\n  language: en\n")
    result = _partnerkit("build", "--project", str(project), "--no-pdf", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    # The theme keeps what mkdocs.yml says, in every language's site; search, which it does
    # not set, follows each site's language.
    assert _language(tmp_path / "site/fr") == ("en", "Search", ["fr"])
    assert _language(tmp_path / "site/en") == ("en", "Search", ["en"])


def test_a_language_the_site_lacks_is_refused(tmp_path: Path) -> None:
    project = site_project(tmp_path / "project")
    result = _partnerkit("build", "--project", str(project), "--lang", "de", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "language 'de' is not one of the site's languages (en)" in result.stderr
    assert not (tmp_path / "site").exists()


def test_plain_mkdocs_loads_the_content_itself_and_lists_the_plugins_downloads(tmp_path: Path) -> None:
    project = site_project(tmp_path / "project")
    _edit(project / "mkdocs.yml", "  - partnerkit\n", "  - partnerkit:\n      downloads: pdfs\n")
    printed = _partnerkit("pdf", "--project", str(project), "--out", str(project / "pdfs"), "--jobs", "1")
    assert printed.returncode == 0, printed.stderr
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
                           cwd=project, env=_env(), capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    assert sorted(_pdfs(tmp_path / "site" / "downloads")) == sorted(_pdfs(project / "pdfs"))
    # `partnerkit build` takes the same folder from the plugin when --downloads is not given.
    again = _partnerkit("build", "--project", str(project), "--no-pdf", "--site-dir", str(tmp_path / "again"))
    assert again.returncode == 0, again.stderr
    assert sorted(_pdfs(tmp_path / "again" / "downloads")) == sorted(_pdfs(project / "pdfs"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_serve_previews_through_the_same_layer(tmp_path: Path) -> None:
    project = _bilingual(tmp_path / "project", "[en, fr]")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator.adapters.cli", "serve", "--project", str(project),
                               "--lang", "fr", "--dev-addr", f"127.0.0.1:{port}"],
                              env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        page = ""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    page = response.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.5)
        assert '<html lang="fr"' in page, server.stderr.read() if server.poll() is not None else "no page"
        assert "Partnering with patients (test)" in page
    finally:
        server.terminate()
        server.wait(timeout=30)
