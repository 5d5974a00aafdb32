"""The generator's own words assume no study and no organization: any project can use them.

The default content comes from one study (two cases, one program in Montreal); the
words around content (the message catalog of the site, print, figures and scripts) must not.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from test_site_support import MINI

from generator.messages.catalog import SHIPPED
from generator.pipeline import load_content
from generator.render.site.tree import render_site

# Words that only make sense for the default content's study.
_STUDY_WORDS = re.compile(r"\bstudy\b|\bétude\b|\bthe paper\b|\btwo organi[sz]ations\b|Montr[eé]al|Qu[eé]bec"
                          r"|\bboth cases\b|\bPartners in Care\b", re.IGNORECASE)


def _tables() -> dict[str, Mapping[str, str]]:
    return {f"generator/messages/{lang}.yaml": table for lang, table in SHIPPED.items()}


@pytest.mark.parametrize("name", sorted(_tables()))
def test_no_generator_string_assumes_the_default_study(name: str) -> None:
    table = _tables()[name]
    assert table, name
    # A source of type 'study' is named so in any project ("From the study"): the provenance
    # type itself, not the default content's study (a project rewords it in strings/).
    assumed = {key: value for key, value in table.items()
               if _STUDY_WORDS.search(value) and key not in {"source_study", "source_beyond_study"}}
    assert assumed == {}


def _home(project: Path) -> str:
    loaded = load_content(project)
    assert loaded.content is not None, loaded.issues
    return next(p.markdown for p in render_site(loaded.content).pages if p.src == "index.md")


def test_home_page_counts_the_projects_own_cases(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    assert "Read the case: what was done" in _home(project)  # the fixture has one case
    cases = project / "content/cases"
    for n in (2, 3):
        shutil.copy(cases / "oncology.yaml", cases / f"copy-{n}.yaml")
    home = _home(project)
    assert "Read the 3 cases: what was done" in home and "two organizations" not in home


def test_home_page_describes_the_process_with_its_own_summary(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    process = project / "content/program/processes/five-step-involvement.yaml"
    text = process.read_text(encoding="utf-8")
    summary = next(line for line in text.splitlines() if line.startswith("summary:"))
    process.write_text(text.replace(summary, "summary: How our clinic welcomes a family partner."),
                       encoding="utf-8")
    home = _home(project)
    assert "How our clinic welcomes a family partner." in home
    assert "involving a patient advisor" not in home


def test_home_page_has_no_tile_for_cases_when_there_are_none(
        mini_copy: Path, edit: Callable[[Path, str, str], None]) -> None:
    content = mini_copy / "content"
    shutil.rmtree(content / "cases")
    edit(content / "practices/prepare-patient-advisors.yaml",
         "observed_in:\n  - case: oncology\n    what: Providers asked for clearer roles, including confidentiality.\n",
         "")
    edit(content / "documents/pa-onboarding.yaml", "  - type: case\n    ref: oncology\n", "")
    edit(content / "quotes/preparation-is-a-must.yaml", "case: oncology\n", "")
    home = _home(mini_copy)
    assert "cases/" not in home and "Read the" not in home
