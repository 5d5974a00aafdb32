"""French writing checks: the terminology table's terms, never its avoided forms, no point médian.

Each case edits one text of the French-first fixture (or adds a terminology table to it) and
reads what `check` reports, where, and with which hint.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.checks.terminology import check_french_terms, words_only
from generator.issues import Issue
from generator.model.terminology import Terminology
from generator.pipeline import load_content

ROOT = Path(__file__).resolve().parent.parent
PEDIATRIC = ROOT / "tests" / "fixtures" / "pediatric-fr"

TABLE = """\
terms:
  - id: unit-head
    en: unit head
    fr: chef de service
    fr_forms: [cheffe de service]
    avoid: [head d'unité]
    source: project
  - id: meeting
    en: meeting
    fr: rencontre
    fr_forms: [réunion]
    avoid: [meeting]
    source: "OQLF, Grand dictionnaire terminologique"
"""
ROLE = "content/roles/chef-de-service.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(PEDIATRIC, target)
    (target / "content" / "terminology.yaml").write_text(TABLE, encoding="utf-8")
    return target


def _warnings(project: Path) -> list[Issue]:
    loaded = load_content(project)
    return [issue for issue in loaded.issues if "terminology" in issue.hint or "point médian" in issue.message]


def test_the_fixture_follows_its_table(project: Path) -> None:
    assert _warnings(project) == []


def test_an_avoided_form_is_reported_where_it_starts(project: Path, edit: Callable[[Path, str, str], None]) -> None:
    edit(project / ROLE, "avant leur première rencontre.", "avant leur premier meeting.")
    found = _warnings(project)
    assert len(found) == 1, found
    issue = found[0]
    assert issue.file == ROLE and issue.where == "responsibilities[0]"
    line = (project / ROLE).read_text(encoding="utf-8").splitlines()[issue.line - 1]
    assert line[issue.column - 1:].startswith("meeting.")
    assert "'meeting' is a form the terminology table avoids; the term is 'rencontre'" in issue.message
    assert "OQLF" in issue.hint


def test_an_english_term_needs_its_french_term(project: Path, edit: Callable[[Path, str, str], None]) -> None:
    edit(project / ROLE, "  fr: La ou le gestionnaire d'une unité de soins,",
         "  fr: La ou le gestionnaire d'une unité de soins (chef d'unité),")
    edit(project / ROLE, "  en: The manager of a care unit,", "  en: The unit head of a care unit,")
    found = _warnings(project)
    assert [issue.message for issue in found] == [
        "the English says 'unit head' but the French does not use 'chef de service'"], found
    assert found[0].where == "summary" and "fr_forms of term 'unit-head'" in found[0].hint


def test_plural_and_feminine_forms_count(project: Path, edit: Callable[[Path, str, str], None]) -> None:
    edit(project / ROLE, "  en: The manager of a care unit,", "  en: The unit heads of a care unit,")
    edit(project / ROLE, "  fr: La ou le gestionnaire d'une unité de soins,",
         "  fr: Les cheffes de service d’une unité de soins,")
    assert _warnings(project) == []


def test_point_median_is_reported_with_the_oqlf_advice(project: Path, edit: Callable[[Path, str, str], None]) -> None:
    edit(project / ROLE, "Préparer les parents partenaires", "Préparer les intervenant·e·s")
    found = _warnings(project)
    assert len(found) == 1, found
    assert found[0].message == "'intervenant·e·s' is written with a point médian"
    assert "doublet" in found[0].hint and "OQLF" in found[0].hint


def test_reference_ids_and_links_are_not_words() -> None:
    table = Terminology.model_validate({"terms": [
        {"id": "pa", "en": "patient advisor", "fr": "patient partenaire", "source": "project"}]})
    english = "See [[role:patient-advisor]] and [the guide](https://example.org/patient-advisor)."
    assert check_french_terms(table, english, "Voir [[role:patient-advisor]].") == []
    labelled = "See [[role:patient-advisor|patient advisors]]."
    assert [f.message for f in check_french_terms(table, labelled, "Voir [[role:patient-advisor|les membres]].")] == [
        "the English says 'patient advisor' but the French does not use 'patient partenaire'"]
    assert len(words_only(labelled)) == len(labelled)


def test_default_content_table_loads_and_every_reference_exists() -> None:
    loaded = load_content(ROOT)
    assert loaded.content is not None
    assert not [i for i in loaded.issues if i.file == "content/terminology.yaml"], loaded.issues
