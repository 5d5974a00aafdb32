"""Upkeep: `owner` and `review_by` on every kind of entity, the overdue-review warning, `stats`
by owner, and the quiet "Owner · Next review" line on entity pages (English and French)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator.model import registry
from generator.pipeline import load_content
from generator.render.site.tree import render_site
from generator.report import format_text
from generator.schemas import schema_targets

Edit = Callable[[Path, str, str], None]
PEDIATRIC = Path(__file__).resolve().parent / "fixtures" / "pediatric-fr"
PRACTICE = "content/practices/prepare-patient-advisors.yaml"
NB = "\u00a0"  # French puts a no-break space before a colon


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _report(project: Path, today: date = date(2026, 1, 1)) -> list[str]:
    return [format_text(issue) for issue in load_content(project, today=today).issues]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.adapters.cli", *args], capture_output=True, text=True,
                          check=False)


# The model: every kind of entity, and nothing else, takes both fields.


def test_every_kind_of_entity_takes_owner_and_review_by() -> None:
    for name in registry.REFERABLE:
        fields = registry.kind_named(name).model.model_fields
        assert {"owner", "review_by"} <= set(fields), name
    assert "owner" not in registry.SITE.model.model_fields  # site settings are no entity
    assert "review_by" not in registry.FRAMEWORK.model.model_fields  # nor is a catalog file


def test_the_schemas_describe_both_fields() -> None:
    schemas = {name: schema for name, _, schema in schema_targets()}
    review_by = schemas["practice"]["properties"]["review_by"]
    assert {"type": "string", "format": "date", "pattern": r"^(\d{4})-(\d{2})-(\d{2})$"} in review_by["anyOf"]
    assert "YYYY-MM-DD" in review_by["description"]
    assert "Who keeps it current" in schemas["practice"]["properties"]["owner"]["description"]
    # Entities listed in catalog files carry them too: a family of framework.yaml, a path of paths.yaml.
    assert "review_by" in schemas["framework"]["$defs"]["Family"]["properties"]
    assert "owner" in schemas["paths"]["$defs"]["LearningPath"]["properties"]


def test_owner_and_review_by_load(mini_copy: Path) -> None:
    _append(mini_copy / PRACTICE, "owner: {en: Partnership office}\nreview_by: 2027-05-17\n")
    content = load_content(mini_copy).content
    assert content is not None
    practice: BaseModel = content.entity("practice", "prepare-patient-advisors")
    assert getattr(practice, "review_by") == date(2027, 5, 17)  # noqa: B009
    assert getattr(practice, "owner").get("en", "en") == "Partnership office"  # noqa: B009


@pytest.mark.parametrize(("written", "message"), [
    ("2026-13-01", "'2026-13-01' is not a date: there is no month 13"),
    ("2026-02-30", "'2026-02-30' is not a date: February 2026 has 28 days"),
    ("2026-5-1", "'2026-5-1' is not a date: it is not written YYYY-MM-DD"),
    ("next spring", "'next spring' is not a date: it is not written YYYY-MM-DD"),
    ("20270517", "'20270517' is not a date: it is not written YYYY-MM-DD"),
    ("[2027, 5, 17]", "expected a date, got list"),
])
def test_a_review_date_that_names_no_day_is_a_located_error(mini_copy: Path, written: str, message: str) -> None:
    _append(mini_copy / PRACTICE, f"review_by: {written}\n")
    assert _report(mini_copy) == [
        f"{PRACTICE}:23:12: error: review_by: {message} (write the date as YYYY-MM-DD, e.g. 2027-05-17)"
    ]


# The check: a warning at review_by from the day after the review date.


def test_an_overdue_review_warns_at_review_by_naming_the_owner(mini_copy: Path) -> None:
    _append(mini_copy / PRACTICE, "owner: Partnership office\nreview_by: 2026-03-01\n")
    assert _report(mini_copy, date(2026, 2, 28)) == []
    assert _report(mini_copy, date(2026, 3, 1)) == []  # due today: not overdue yet
    assert _report(mini_copy, date(2026, 3, 2)) == [
        f"{PRACTICE}:24:12: warning: review_by: review overdue since 2026-03-01 (owner: Partnership office) "
        "(review it, then move review_by to the next review date)"
    ]


def test_an_overdue_review_without_owner_says_so(mini_copy: Path) -> None:
    _append(mini_copy / "content/roles/patient-advisor.yaml", "review_by: 2025-12-31\n")
    assert _report(mini_copy) == [
        "content/roles/patient-advisor.yaml:13:12: warning: review_by: review overdue since 2025-12-31 (no owner) "
        "(review it, then move review_by to the next review date; add 'owner:' to say who keeps it current)"
    ]


def test_an_entity_listed_in_a_catalog_is_reported_where_it_is_listed(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / "content/framework.yaml", "    name: Designing partnership\n",
         "    name: Designing partnership\n    owner: Framework team\n    review_by: 2025-06-30\n")
    assert _report(mini_copy) == [
        "content/framework.yaml:7:16: warning: families[0].review_by: review overdue since 2025-06-30 "
        "(owner: Framework team) (review it, then move review_by to the next review date)"
    ]


def test_check_today_sets_the_day_and_strict_fails_on_an_overdue_review(mini_copy: Path) -> None:
    _append(mini_copy / PRACTICE, "owner: Partnership office\nreview_by: 2026-03-01\n")
    before = _run("check", "--project", str(mini_copy), "--strict", "--today", "2026-03-01")
    assert before.returncode == 0, before.stderr
    after = _run("check", "--project", str(mini_copy), "--today", "2026-03-02")
    assert after.returncode == 0  # a warning, not an error
    assert "warning: review_by: review overdue since 2026-03-01 (owner: Partnership office)" in after.stderr
    strict = _run("check", "--project", str(mini_copy), "--strict", "--today", "2026-03-02")
    assert strict.returncode == 1
    as_json = _run("check", "--project", str(mini_copy), "--format", "json", "--today", "2026-03-02")
    [problem] = json.loads(as_json.stdout)
    assert problem["severity"] == "warning" and problem["where"] == "review_by" and problem["line"] == 24


def test_check_without_today_uses_the_clock(mini_copy: Path) -> None:
    _append(mini_copy / PRACTICE, "review_by: 2000-01-01\n")
    assert _run("check", "--project", str(mini_copy), "--strict").returncode == 1
    (mini_copy / PRACTICE).write_text((mini_copy / PRACTICE).read_text().replace("2000-01-01", "2999-12-31"))
    assert _run("check", "--project", str(mini_copy), "--strict").returncode == 0


def test_check_today_must_be_a_date(mini_copy: Path) -> None:
    result = _run("check", "--project", str(mini_copy), "--today", "2026-13-01")
    assert result.returncode == 2
    assert "argument --today: '2026-13-01' is not a date written YYYY-MM-DD" in result.stderr


# stats: overdue reviews by owner.


def _overdue_project(project: Path, edit: Edit) -> Path:
    _append(project / PRACTICE, "owner: Partnership office\nreview_by: 2026-03-01\n")
    _append(project / "content/roles/patient-advisor.yaml", "review_by: 2026-04-01\n")
    _append(project / "content/tools/preparation-checklist.yaml", "owner: Partnership office\nreview_by: 2026-01-15\n")
    _append(project / "content/roles/program-manager.yaml", "owner: Partnership office\nreview_by: 2027-01-01\n")
    edit(project / "content/framework.yaml", "    name: Designing partnership\n",
         "    name: Designing partnership\n    owner: Framework team\n    review_by: 2025-06-30\n")
    return project


def test_stats_lists_overdue_reviews_by_owner(mini_copy: Path, edit: Edit) -> None:
    project = _overdue_project(mini_copy, edit)
    result = _run("stats", "--project", str(project), "--today", "2026-05-01")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("links: ")[1].split("\n", 1)[1] == (
        "overdue reviews on 2026-05-01: 4\n"
        "  Framework team: 1\n"
        "    family designing (review by 2025-06-30)\n"
        "  Partnership office: 2\n"
        "    tool preparation-checklist (review by 2026-01-15)\n"
        "    practice prepare-patient-advisors (review by 2026-03-01)\n"
        "  (no owner): 1\n"
        "    role patient-advisor (review by 2026-04-01)\n"
    )
    early = _run("stats", "--project", str(project), "--today", "2025-01-01")
    assert "overdue reviews on 2025-01-01: none\n" in early.stdout


def test_stats_json_lists_overdue_reviews_by_owner(mini_copy: Path, edit: Edit) -> None:
    project = _overdue_project(mini_copy, edit)
    result = _run("stats", "--project", str(project), "--today", "2026-03-02", "--json")
    data = json.loads(result.stdout)
    assert data["practices"] == 1 and data["today"] == "2026-03-02"
    assert data["overdue_by_owner"] == [
        {"owner": "Framework team", "overdue": [{"kind": "family", "id": "designing", "review_by": "2025-06-30"}]},
        {"owner": "Partnership office", "overdue": [
            {"kind": "tool", "id": "preparation-checklist", "review_by": "2026-01-15"},
            {"kind": "practice", "id": "prepare-patient-advisors", "review_by": "2026-03-01"}]},
    ]


# Pages: one quiet line at the end of an entity's own page.

ENTITY_PAGES = {
    "content/practices/prepare-patient-advisors.yaml": "practices/prepare-patient-advisors.md",
    "content/roles/patient-advisor.yaml": "roles/patient-advisor.md",
    "content/cases/oncology.yaml": "cases/oncology.md",
    "content/tools/preparation-checklist.yaml": "tools/preparation-checklist.md",
    "content/program/partners-in-care.yaml": "program/partners-in-care.md",
    "content/program/processes/five-step-involvement.yaml": "program/processes/five-step-involvement.md",
    "content/training/modules/welcome.yaml": "training/modules/welcome.md",
    "content/training/sessions/team-kickoff.yaml": "training/sessions/team-kickoff.md",
}


def _pages(project: Path, lang: str | None = None) -> dict[str, str]:
    loaded = load_content(project, today=date(2026, 1, 1))
    assert loaded.content is not None, loaded.issues
    assert loaded.issues == []
    return {page.src: page.markdown for page in render_site(loaded.content, lang).pages}


def test_every_entity_page_shows_owner_and_next_review(mini_copy: Path, edit: Edit) -> None:
    for file in ENTITY_PAGES:
        _append(mini_copy / file, "owner: Partnership office\nreview_by: 2027-05-17\n")
    edit(mini_copy / "content/training/paths.yaml", "    modules: [welcome]",
         "    modules: [welcome]\n    owner: Training team\n    review_by: 2027-06-01")
    pages = _pages(mini_copy)
    line = ('<p class="pk-upkeep"><span class="pk-upkeep__owner">Owner: Partnership office</span> · '
            '<span class="pk-upkeep__review">Next review: <time datetime="2027-05-17">17 May 2027</time></span></p>')
    for src in ENTITY_PAGES.values():
        assert line in pages[src], src
    path_page = pages["training/paths/patient-advisors.md"]
    assert ('<span class="pk-upkeep__owner">Owner: Training team</span> · <span class="pk-upkeep__review">'
            'Next review: <time datetime="2027-06-01">1 June 2027</time>') in path_page
    assert sum("pk-upkeep" in markdown for markdown in pages.values()) == len(ENTITY_PAGES) + 1


def test_nothing_is_shown_when_neither_is_set(mini_copy: Path) -> None:
    assert not any("pk-upkeep" in markdown for markdown in _pages(mini_copy).values())


def test_either_part_shows_alone_and_the_owner_is_text(mini_copy: Path) -> None:
    _append(mini_copy / PRACTICE, "owner: \"<b>Office</b> & co\"\n")
    _append(mini_copy / "content/roles/patient-advisor.yaml", "review_by: 2027-05-01\n")
    pages = _pages(mini_copy)
    assert ('<p class="pk-upkeep"><span class="pk-upkeep__owner">Owner: &lt;b&gt;Office&lt;/b&gt; &amp; co</span></p>'
            in pages["practices/prepare-patient-advisors.md"])
    assert ('<p class="pk-upkeep"><span class="pk-upkeep__review">Next review: '
            '<time datetime="2027-05-01">1 May 2027</time></span></p>') in pages["roles/patient-advisor.md"]


def test_french_pages_show_the_french_owner_and_date(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(PEDIATRIC, project)
    _append(project / "content/practices/preparer-les-parents.yaml",
            "owner:\n  fr: Bureau du partenariat\n  en: Partnership office\nreview_by: 2027-05-17\n")
    _append(project / "content/roles/parent-partenaire.yaml", "review_by: 2027-05-01\n")
    french = _pages(project)  # French first
    assert (f'<span class="pk-upkeep__owner">Responsable{NB}: Bureau du partenariat</span> · '
            f'<span class="pk-upkeep__review">Prochaine révision{NB}: <time datetime="2027-05-17">17 mai 2027</time>'
            in french["practices/preparer-les-parents.md"])
    assert '<time datetime="2027-05-01">1er mai 2027</time>' in french["roles/parent-partenaire.md"]
    english = _pages(project, "en")
    assert ('<span class="pk-upkeep__owner">Owner: Partnership office</span> · <span class="pk-upkeep__review">'
            'Next review: <time datetime="2027-05-17">17 May 2027</time>') in english[
        "practices/preparer-les-parents.md"]
