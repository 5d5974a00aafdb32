"""Abbreviations belong to a language: 'PA' is English, 'PP' French; none falls back to another's."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.model.text import Abbreviation
from generator.pipeline import load_content
from generator.render.site.tree import render_site

ROOT = Path(__file__).resolve().parent.parent
PEDIATRIC = ROOT / "tests" / "fixtures" / "pediatric-fr"


def test_an_abbreviation_exists_only_in_its_languages() -> None:
    given = Abbreviation.model_validate({"en": "PA", "fr": "PP"})
    assert (given.get("en", "fr"), given.get("fr", "fr")) == ("PA", "PP")
    english_only = Abbreviation.model_validate({"en": "ICL"})
    assert (english_only.get("en", "en"), english_only.get("fr", "en")) == ("ICL", "")
    assert Abbreviation.model_validate({"any": "PDSA"}).get("fr", "en") == "PDSA"
    plain = Abbreviation.model_validate("PA")  # a plain string is the default language's
    assert (plain.get("en", "en"), plain.get("fr", "en")) == ("PA", "")
    assert not english_only.needs_translation()


def test_pages_show_and_expand_only_their_own_languages_abbreviation(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(PEDIATRIC, project)
    role = project / "content/roles/chef-de-service.yaml"
    role.write_text("abbreviation: {fr: CS}\n" + role.read_text(encoding="utf-8"), encoding="utf-8")
    loaded = load_content(project)
    assert loaded.content is not None
    assert not [i for i in loaded.issues if "abbreviation" in i.where], loaded.issues  # no missing 'en' warning
    pages = {lang: {p.src: p.markdown for p in render_site(loaded.content, lang).pages} for lang in ("fr", "en")}
    assert ">CS<" in pages["fr"]["roles/chef-de-service.md"]
    assert "CS" not in pages["en"]["roles/chef-de-service.md"]
