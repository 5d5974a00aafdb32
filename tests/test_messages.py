"""The one message catalog: every key in every shipped language, Babel's formats, and a
project's own wording (strings/<lang>.yaml) on the site and in print, or located errors."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from test_site_support import MINI, ROOT

from generator.loading.yaml_reader import read_yaml_file
from generator.messages import format_number, has, language_name, long_date, message
from generator.messages.catalog import SHIPPED, keys, placeholders
from generator.pipeline import load_content
from generator.render.print.jobs import PrintOptions, role_card_job
from generator.render.site.tree import render_site

CATALOG = ROOT / "generator" / "messages"
PEDIATRIC = ROOT / "tests" / "fixtures" / "pediatric-fr"
NBSP = "\u00a0"

Edit = Callable[[Path, str, str], None]


# The shipped catalog -------------------------------------------------------------------


def test_english_and_french_are_shipped() -> None:
    assert sorted(SHIPPED) == ["en", "fr"]
    assert sorted(path.name for path in CATALOG.glob("*.yaml")) == ["en.yaml", "fr.yaml"]


@pytest.mark.parametrize("lang", sorted(SHIPPED))
def test_every_key_is_in_every_language_with_the_same_placeholders(lang: str) -> None:
    english, table = SHIPPED["en"], SHIPPED[lang]
    assert sorted(set(english) - set(table)) == [], "missing"
    assert sorted(set(table) - set(english)) == [], "not in English"
    differ = {key: (sorted(placeholders(english[key])), sorted(placeholders(text)))
              for key, text in table.items() if placeholders(text) != placeholders(english[key])}
    assert differ == {}


@pytest.mark.parametrize("lang", sorted(SHIPPED))
def test_the_strict_reader_reads_each_file_as_the_catalog_does(lang: str) -> None:
    # Duplicate keys, tags, or a value YAML would read as a number or a boolean are caught here.
    result = read_yaml_file(CATALOG / f"{lang}.yaml", f"{lang}.yaml")
    assert result.issues == []
    assert result.located is not None
    assert result.located.data == dict(SHIPPED[lang])
    assert all(isinstance(value, str) for value in result.located.data.values())


def test_keys_are_snake_case_like_the_sites() -> None:
    # Site keys kept their names (consent_<basis>, dl_<kind>, open-challenge hold ids with hyphens).
    odd = [key for key in keys() if not re.fullmatch(r"[a-z][a-z0-9_]*(?:[a-z0-9_-]*)", key)]
    assert odd == []
    assert not [key for key in keys() if "-" in key and not key.startswith(("consent_", "dl_", "dls_"))
                and key != "open-challenge"]


def test_a_text_without_placeholders_has_no_braces() -> None:
    # A text is formatted only when values are given: a brace would print as written otherwise.
    braced = [(lang, key) for lang, table in SHIPPED.items() for key, text in table.items()
              if not placeholders(text) and ("{" in text or "}" in text)]
    assert braced == []


def test_french_follows_quebec_typography_and_oqlf_inclusive_writing() -> None:
    french = SHIPPED["fr"]
    assert [key for key, text in french.items() if re.search(r"[ \u202f][:»]|« ", text)] == []  # U+00A0 there
    assert [key for key, text in french.items() if re.search(r"\s[;!?]", text)] == []  # none before ; ! ?
    assert [key for key, text in french.items() if re.search(r"\w[·.]\w+[·.]\w|\w·\w", text)] == []  # no point médian
    assert [key for key, text in french.items() if "'" in text] == []  # typographic apostrophes


def test_words_shared_by_the_site_and_print_are_one_key() -> None:
    # Print's 'day-one', 'used-by' and the figures' 'who' were the site's day_one, users, actors.
    assert message("fr", "day_one") == "Dès le premier jour"
    assert message("en", "users") == "Filled in by"
    assert message("fr", "actors") == "Qui"
    assert {"day-one", "used-by", "who_holds_it"}.isdisjoint(keys())


# Babel: dates, numbers, language names --------------------------------------------------


def test_dates_per_locale() -> None:
    assert long_date(datetime(2026, 11, 26, tzinfo=UTC), "en") == "26 November 2026"
    assert long_date(date(2026, 11, 26), "fr") == "26 novembre 2026"
    assert long_date(date(2021, 5, 1), "fr") == "1er mai 2021"  # Quebec (and French) usage, kept by hand
    assert long_date(date(2021, 5, 1), "en") == "1 May 2021"
    assert long_date(date(2021, 5, 17), "de") == "17. Mai 2021"  # not shipped: Babel's long format
    assert long_date(date(2021, 5, 17), "zz") == "2021-05-17"  # unknown to CLDR: ISO


def test_numbers_per_locale() -> None:
    assert format_number("en", 1234.5) == "1,234.5"
    assert format_number("fr", 1234.5) == "1\u202f234,5"
    assert message("fr", "pages", n=1200) == "1\u202f200 pages"
    assert message("en", "pages", n=12) == "12 pages"


def test_language_names_per_locale() -> None:
    assert message("en", "lang_fr") == "French"
    assert message("fr", "lang_en") == "anglais"
    assert language_name("fr", "es") == "espagnol"
    assert has("lang_es") and not has("lang_zz")


# A project's own wording ------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.adapters.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, check=False)


def _strings(project: Path, lang: str, text: str) -> Path:
    folder = project / "strings"
    folder.mkdir(exist_ok=True)
    path = folder / f"{lang}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_override_changes_the_site_and_print(mini_copy: Path) -> None:
    _strings(mini_copy, "en", 'day_one: "Your first day"\nminutes: "{n} minutes"\nstep: "Stage {n}"\n')
    loaded = load_content(mini_copy)
    assert loaded.content is not None, loaded.issues
    assert loaded.issues == []
    pages = {page.src: page.markdown for page in render_site(loaded.content).pages}
    role = pages["roles/patient-advisor.md"]
    assert "Your first day" in role and "On day one" not in role
    assert "minutes" in pages["training/modules/welcome.md"]
    assert "Stage 1" in pages["program/processes/five-step-involvement.md"]  # the figure, drawn from the catalog
    card = role_card_job(loaded.content, "patient-advisor", "en", PrintOptions(datetime(2026, 1, 1, tzinfo=UTC)))
    assert "Your first day" in card.source and "On day one" not in card.source


def test_an_override_in_a_second_language_leaves_the_first_alone(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(PEDIATRIC, project)
    _strings(project, "fr", "summary: Votre relevé de formation\ndate_long: \"EEEE d MMMM y\"\n")
    content = load_content(project).content
    assert content is not None
    fr = {page.src: page.markdown for page in render_site(content, "fr").pages}
    en = {page.src: page.markdown for page in render_site(content, "en").pages}
    assert "Votre relevé de formation" in fr["training/summary.md"]
    assert "Your completion summary" in en["training/summary.md"]
    assert long_date(date(2021, 5, 1), "fr", content.messages) == "samedi 1er mai 2021"


def test_the_french_site_speaks_french() -> None:
    content = load_content(PEDIATRIC).content
    assert content is not None
    pages = {page.src: page.markdown for page in render_site(content, "fr").pages}
    assert "Marquer comme terminé" in pages["training/modules/bienvenue-parents.md"]
    assert "Mark as done" not in pages["training/modules/bienvenue-parents.md"]
    assert "Comment citer" in pages["about.md"]


BAD = """\
day_onne: "Le premier jour"
summary: 3
reset: [a, b]
minutes: "{m} min"
score: "{right} sur {total} {bonus}"
pages: "{n:d} pages"
title: "Titre {"
date_long: "d MMMMMMM y"
about: "À {{propos}}"
home:
"""


def test_every_bad_override_is_located_with_a_hint(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    _strings(project, "fr", BAD)
    _strings(project, "en", "day_one: First day\n")
    (project / "strings" / "notes.txt").write_text("scratch", encoding="utf-8")
    result = _cli("check", "--project", str(project))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    expected = [
        "strings/fr.yaml:1:1: warning: language 'fr' is not in the site's languages (en)",
        "strings/fr.yaml:1:1: error: day_onne: unknown message 'day_onne' (did you mean 'day_one'?)",
        "strings/fr.yaml:2:10: error: summary: a number, not text (put it in quotes",
        "strings/fr.yaml:3:8: error: reset: a list, not text",
        "strings/fr.yaml:4:10: error: minutes: the text lacks {n} and has {m} that partnerkit does not fill in "
        "(partnerkit's text uses {n}: '{n} min')",
        "strings/fr.yaml:5:8: error: score: the text has {bonus} that partnerkit does not fill in "
        "(partnerkit's text uses {right}, {total}: '{right} sur {total}')",
        "strings/fr.yaml:6:8: error: pages: placeholder '{n:d}' has a format (write it as {n}",
        "strings/fr.yaml:7:8: error: title: a '{' or '}' is not part of a placeholder",
        "strings/fr.yaml:9:8: error: about: a '{' or '}' is not part of a placeholder",
        "strings/fr.yaml:10:6: error: home: no text (write the text after 'home:'",
        "strings/fr.yaml:8:12: error: date_long: Babel cannot use this date pattern",
        "strings/notes.txt:1:1: warning: not a .yaml file; it was ignored",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, lines)
    assert not any(line.startswith("strings/en.yaml") for line in lines)


def test_a_build_reports_the_same_problems_and_writes_nothing(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    _strings(project, "en", "day_onne: First day\n")
    out = tmp_path / "out"
    result = _cli("build", "--project", str(project), "--out", str(out), "--no-pdf")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "strings/en.yaml:1:1: error: day_onne: unknown message 'day_onne' (did you mean 'day_one'?)" \
        in result.stderr
    assert not out.exists()


def test_a_strings_file_must_be_a_mapping(mini_copy: Path) -> None:
    _strings(mini_copy, "en", "- home\n- about\n")
    loaded = load_content(mini_copy)
    assert loaded.content is None
    assert [(i.file, i.line, i.message) for i in loaded.issues] == [
        ("strings/en.yaml", 1, "the file must be a mapping of message keys to texts")]
