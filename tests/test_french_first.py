"""A second organization's project: French first, and a framework of another shape.

tests/fixtures/pediatric-fr is a fictional children's hospital whose site is `[fr, en]`,
with 3 practice families, 2 management levels, 4 phases, its own roles, quotes said in
French, a program and a process. It must check clean under --strict, build with MkDocs
--strict (a site per language), and print in both languages, as the default content does.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from second_language import build_in_language
from test_site_support import ROOT, broken_links, build_site

from generator.model.framework import Framework
from generator.pipeline import load_content

FIXTURE = ROOT / "tests" / "fixtures" / "pediatric-fr"
PHASES = {"fr": ["Exploration", "Préparation", "Mise en œuvre", "Pérennisation"],
          "en": ["Exploration", "Preparation", "Implementation", "Sustainability"]}
FAMILIES = {"fr": ["Ancrer le partenariat", "Accompagner les familles partenaires", "Apprendre ensemble"],
            "en": ["Anchoring partnership", "Supporting partner families", "Learning together"]}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy, so that builds and caches never write into tests/fixtures."""
    target = tmp_path_factory.mktemp("pediatric") / "project"
    shutil.copytree(FIXTURE, target)
    return target


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.adapters.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, check=False)


def _flat(text: str) -> str:
    """Text with entities decoded, typographic apostrophes plain and runs of space as one."""
    return " ".join(html.unescape(text).replace("\u2019", "'").split())


def test_the_fixture_has_its_own_shape() -> None:
    loaded = load_content(FIXTURE)
    assert loaded.content is not None, loaded.issues
    framework: Framework = loaded.content.framework
    assert loaded.content.site.languages == ["fr", "en"]
    assert (len(framework.families), len(framework.levels), len(framework.phases)) == (3, 2, 4)
    quotes = loaded.content.entities["quote"].values()
    assert quotes and all(getattr(quote, "language", None) == "fr" for quote in quotes)


def test_check_strict_is_clean(project: Path) -> None:
    result = _cli("check", "--strict", "--project", str(project))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "0 errors, 0 warnings" in result.stdout


def test_the_french_site_builds_strict(project: Path, tmp_path: Path) -> None:
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert broken_links(tmp_path / "site") == []
    site = tmp_path / "site" / "fr"  # a site per language; French first
    framework = _flat((site / "framework/index.html").read_text(encoding="utf-8"))
    assert all(name in framework for name in PHASES["fr"] + FAMILIES["fr"])
    quotes = _flat((site / "quotes.html").read_text(encoding="utf-8"))
    assert "Au début, je ne savais pas si j'avais le droit de parler." in quotes
    home = _flat((site / "index.html").read_text(encoding="utf-8"))
    assert "Conçu avec" in home and "Made with" not in home  # the footer credit too, not Material's English
    for page in ("practices/preparer-les-parents.html", "roles/parent-partenaire.html", "cases/neonatalogie.html",
                 "program/processes/accueil-des-familles.html", "training/modules/bienvenue-parents.html",
                 "tools/grille-disponibilites.html", "nous-joindre.html"):
        assert (site / page).is_file(), page


def test_the_english_site_builds_strict(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build_in_language(project, "en", site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert broken_links(site) == []
    framework = _flat((site / "framework/index.html").read_text(encoding="utf-8"))
    assert all(name in framework for name in PHASES["en"] + FAMILIES["en"])
    assert "Made with" in _flat((site / "index.html").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_pdfs_are_printed_in_both_languages(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "downloads"
    result = _cli("pdf", "--project", str(project), "--out", str(out))
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {row["language"] for row in manifest} == {"fr", "en"}
    for lang in ("fr", "en"):
        kinds = sorted(row["kind"] for row in manifest if row["language"] == lang)
        assert kinds == ["document", "role-card", "role-card", "role-card", "role-card", "role-card", "tool",
                         "workbook"]
    for row in manifest:
        assert len(PdfReader(out / row["file"]).pages) == row["pages"] >= 1
    french = _flat("\n".join(p.extract_text() for p in PdfReader(out / "fr/documents/trousse-parents.pdf").pages))
    english = _flat("\n".join(p.extract_text() for p in PdfReader(out / "en/documents/trousse-parents.pdf").pages))
    assert "Trousse d'accueil des parents partenaires" in french
    assert "Welcome pack for partner parents" in english
    # The document prints the framework: every phase in the reader's language.
    assert all(name in french for name in PHASES["fr"])
    assert all(name in english for name in PHASES["en"])
