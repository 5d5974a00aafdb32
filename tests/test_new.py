"""`partnerkit new`: the starter project checks clean, builds with MkDocs and prints, in every language order.

Each language choice is scaffolded once per module by the real command; `check --strict`,
`build --strict` (real MkDocs) and `pdf` (real PDFs opened with pypdf) then run on it as an
author would run them. The template's localization is checked against its own structure.
"""

from __future__ import annotations

import fnmatch
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader
from second_language import build_in_language
from test_site_support import ROOT, broken_links, build_site

from generator.model.registry import CATALOG_FILES, FOLDER_KINDS
from generator.scaffold.localize import TEMPLATE_LANGUAGES, TemplateError, localize_yaml
from generator.scaffold.project import TEMPLATE, VERBATIM, fill_tokens, render_project

CHOICES = ["en", "fr,en", "en,fr"]
# What a reader of each language sees first: the site title.
TITLES = {"en": "Partnering with patients", "fr": "Partenariat avec les patients"}
HAND_WRITTEN = {"en": "get-involved.html", "fr": "participer.html"}


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "generator.adapters.cli", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, check=False)


@pytest.fixture(scope="module", params=CHOICES)
def scaffold(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path]:
    project = tmp_path_factory.mktemp("new") / "our-site"
    result = _cli("new", str(project), "--languages", request.param)
    assert result.returncode == 0, result.stderr
    return request.param.split(","), project


def test_check_strict_is_clean(scaffold: tuple[list[str], Path]) -> None:
    _, project = scaffold
    result = _cli("check", "--strict", "--project", str(project))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "0 errors, 0 warnings" in result.stdout


def test_site_builds_strict_in_the_default_language(scaffold: tuple[list[str], Path],
                                                    tmp_path: Path) -> None:
    languages, project = scaffold
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert broken_links(tmp_path / "site") == []
    # Two languages: a site each, under its code; the default language's is checked here.
    site = tmp_path / "site" / languages[0] if len(languages) > 1 else tmp_path / "site"
    for page in ("index.html", "practices/prepare-patient-partners.html", "roles/patient-partner.html",
                 "cases/example-clinic.html", "tools/welcome-checklist.html", "quotes.html",
                 "training/modules/first-weeks.html", "training/paths/new-patient-partners.html",
                 HAND_WRITTEN[languages[0]]):
        assert (site / page).is_file(), page
    assert TITLES[languages[0]] in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("choice", ["fr,en", "en,fr"])
def test_site_builds_strict_in_the_second_language(choice: str, tmp_path: Path) -> None:
    project = tmp_path / "project"
    assert _cli("new", str(project), "--languages", choice).returncode == 0
    second = choice.split(",")[1]
    result = build_in_language(project, second, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert TITLES[second] in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_pdfs_are_printed_in_every_language(scaffold: tuple[list[str], Path], tmp_path: Path) -> None:
    languages, project = scaffold
    out = tmp_path / "downloads"
    result = _cli("pdf", "--project", str(project), "--out", str(out))
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted({row["language"] for row in manifest}) == sorted(languages)
    kinds = {(row["language"], row["kind"]) for row in manifest}
    assert kinds == {(lang, kind) for lang in languages for kind in ("document", "role-card", "tool", "workbook")}
    for row in manifest:
        reader = PdfReader(out / row["file"])
        assert len(reader.pages) == row["pages"] >= 1
    pack = {"en": "Welcome pack for patient partners", "fr": "Trousse d'accueil des patients partenaires"}
    for lang in languages:
        text = PdfReader(out / lang / "documents/welcome-pack.pdf").pages[0].extract_text()
        assert pack[lang] in " ".join(text.replace("\u2019", "'").split()), text


def test_it_writes_every_kind_the_brief_lists(scaffold: tuple[list[str], Path]) -> None:
    languages, project = scaffold
    content = project / "content"
    # Every catalog, so the hints of `check` ("'partnerkit new' writes an example") hold for each.
    assert all((content / catalog.path).is_file() for _, catalog in CATALOG_FILES)
    counts = {kind.name: len(list((content / folder.path).glob("*.yaml"))) if (content / folder.path).is_dir() else 0
              for kind, folder in FOLDER_KINDS}
    assert {kind: n for kind, n in counts.items() if n} == {
        "practice": 2, "role": 1, "case": 1, "quote": 1, "tool": 1, "module": 1, "document": 1}
    assert (project / "mkdocs.yml").is_file() and (project / "README.md").is_file()
    assert (project / "docs" / HAND_WRITTEN[languages[0]].replace(".html", ".md")).is_file()
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert readme.startswith({"en": "# Our patient", "fr": "# Notre site"}[languages[0]])
    module = yaml.safe_load((content / "training/modules/first-weeks.yaml").read_text(encoding="utf-8"))
    assert module["checks"] and any(choice.get("correct") for choice in module["checks"][0]["choices"])


def test_the_example_quote_is_a_placeholder_with_consent(scaffold: tuple[list[str], Path]) -> None:
    languages, project = scaffold
    quote = yaml.safe_load((project / "content/quotes/example-feeling-prepared.yaml").read_text(encoding="utf-8"))
    texts = [quote["text"]] if isinstance(quote["text"], str) else list(quote["text"].values())
    assert all(text.startswith(("Example quote", "Exemple de citation")) for text in texts)
    assert quote["language"] == languages[0]
    assert quote["speaker"]["role"] == "patient-partner" and quote["consent"]["basis"] == "written-consent"


def test_next_steps_are_printed(tmp_path: Path) -> None:
    result = _cli("new", "our site", "--languages", "fr,en", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "languages: fr, en, default fr" in result.stdout
    for step in ("cd 'our site'", "partnerkit check", "partnerkit serve", "partnerkit build", "README.md"):
        assert step in result.stdout
    assert (tmp_path / "our site" / "content/site.yaml").is_file()


def test_a_non_empty_folder_is_refused_and_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "ours"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    result = _cli("new", str(target))
    assert result.returncode == 1
    assert "is not empty (notes.txt)" in result.stderr and "choose another folder name" in result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ours"]  # no staging folder left beside it


def test_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "ours").write_text("mine", encoding="utf-8")
    result = _cli("new", str(tmp_path / "ours"))
    assert result.returncode == 1 and "is a file" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "ours").read_text(encoding="utf-8") == "mine"


def test_a_folder_that_cannot_be_made_is_reported_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = _cli("new", str(tmp_path / "notes.txt" / "ours"))
    assert result.returncode == 1 and "cannot write the project into" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_an_empty_folder_is_filled_in_place(tmp_path: Path) -> None:
    # `partnerkit new .` in a folder just made: the files go into it, the folder itself stays.
    result = _cli("new", ".", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "content/site.yaml").is_file() and (tmp_path / ".gitignore").is_file()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [".gitignore"]


@pytest.mark.parametrize(("spec", "message"), [
    ("de", "unknown language 'de' in --languages; partnerkit new writes en and fr"),
    ("fr,es", "unknown language 'es'"),
    ("fr,fr", "language 'fr' is listed twice"),
    ("fr,", "has an empty code"),
])
def test_bad_languages_are_refused_before_anything_is_written(spec: str, message: str, tmp_path: Path) -> None:
    result = _cli("new", str(tmp_path / "ours"), "--languages", spec)
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_hint_of_check_works_as_written(tmp_path: Path) -> None:
    result = _cli("check", "--project", str(tmp_path))
    assert result.returncode == 1 and "run 'partnerkit new DIR' to scaffold a project" in result.stderr
    assert _cli("new", str(tmp_path / "project")).returncode == 0
    assert _cli("check", "--strict", "--project", str(tmp_path / "project")).returncode == 0


# --- the template and its localization -----------------------------------------------------------


def _pick(data: Any, languages: list[str]) -> Any:
    """`data` with every {en, fr} mapping cut to `languages` (a single language: the plain text)."""
    if isinstance(data, dict):
        if set(data) == set(TEMPLATE_LANGUAGES):
            return data[languages[0]] if len(languages) == 1 else {lang: data[lang] for lang in languages}
        return {key: _pick(value, languages) for key, value in data.items()}
    if isinstance(data, list):
        return [_pick(item, languages) for item in data]
    return data


def _localized_orders(data: Any) -> list[list[str]]:
    if isinstance(data, dict):
        here = [list(data)] if set(data) <= set(TEMPLATE_LANGUAGES) and len(data) > 1 else []
        return here + [order for value in data.values() for order in _localized_orders(value)]
    if isinstance(data, list):
        return [order for item in data for order in _localized_orders(item)]
    return []


@pytest.mark.parametrize("choice", ["en", "fr", "en,fr", "fr,en"])
def test_localizing_a_template_keeps_its_structure_and_order(choice: str) -> None:
    languages = choice.split(",")
    templates = sorted(TEMPLATE.rglob("*.y*ml"))
    assert len(templates) >= 15
    for path in templates:
        if path.relative_to(TEMPLATE).as_posix() in VERBATIM:  # written as it is, en and fr being its columns
            continue
        text = fill_tokens(path.read_text(encoding="utf-8"), languages)
        localized = localize_yaml(text, languages)
        assert yaml.safe_load(localized) == _pick(yaml.safe_load(text), languages), path
        assert set(map(tuple, _localized_orders(yaml.safe_load(localized)))) <= {tuple(languages)}, path
        assert "# [" not in localized, path


def test_comments_are_kept_in_the_default_language_only() -> None:
    french = render_project(["fr", "en"])["content/site.yaml"]
    english = render_project(["en", "fr"])["content/site.yaml"]
    assert french.startswith("# Réglages du site.") and "Site settings" not in french
    assert english.startswith("# Site settings.") and "Réglages" not in english


def test_a_template_value_missing_a_language_is_a_template_error() -> None:
    with pytest.raises(TemplateError, match="must give en, fr"):
        localize_yaml("title:\n  en: Only English\n", ["en"])
    with pytest.raises(TemplateError, match="line 3: 'en' given twice"):
        localize_yaml("title:\n  en: A\n  en: B\n  fr: C\n", ["en"])
    with pytest.raises(TemplateError, match="follow its key line"):
        localize_yaml("title:\n  # a comment\n  en: A\n  fr: B\n", ["en"])


def test_the_package_ships_every_template_file() -> None:
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["generator"]
    package = ROOT / "generator"
    for path in TEMPLATE.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            relative = path.relative_to(package).as_posix()
            assert any(fnmatch.fnmatch(relative, pattern) for pattern in globs), relative
