"""The default content: valid under --strict, and faithful to the paper it comes from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.model import registry
from generator.model.case import Case
from generator.model.content import Content
from generator.model.framework import Family, Level
from generator.model.practice import Practice
from generator.model.program import Process, Program
from generator.model.quote import Quote
from generator.pipeline import load_content
from generator.report import format_text

ROOT = Path(__file__).resolve().parent.parent
PAPER = (ROOT / "sources" / "clavel-2019.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def content() -> Content:
    loaded = load_content(ROOT)
    problems = [format_text(issue) for issue in loaded.issues]
    assert problems == [], "\n".join(problems)
    assert loaded.content is not None
    return loaded.content


def test_default_content_passes_strict_check(content: Content) -> None:
    assert len(content.all(Practice)) >= 25
    assert set(content.all(Family)) == {"designing", "structuring", "managing-integration", "evaluating"}
    assert set(content.all(Level)) == {"top", "mid", "front-line"}
    assert set(content.all(registry.PHASE)) == {"initiation", "deployment", "sustainability"}


def test_every_quote_is_verbatim_from_the_paper(content: Content) -> None:
    for quote_id, quote in content.all(Quote).items():
        text = quote.text.get(quote.language, quote.language)
        assert text in PAPER, f"{quote_id}: text is not verbatim from the paper"


def test_every_participant_quote_of_the_paper_is_in_the_content(content: Content) -> None:
    # Interview excerpts end with an attribution such as "(Mid-level manager, case 2)".
    attributions = re.findall(r"\(([^()]*?, case [12])\)\.?\s*$", PAPER, flags=re.MULTILINE)
    labels = sorted(q.speaker.label.get("en", "en").lower() for q in content.all(Quote).values())
    assert sorted(a.lower() for a in attributions) == labels


def test_every_quote_carries_provenance_and_consent(content: Content) -> None:
    for quote in content.all(Quote).values():
        assert quote.source.reference == "clavel-2019"
        assert quote.consent.basis == "research-ethics-protocol"
        assert quote.case in content.all(Case)


def test_case_figures_match_the_paper(content: Content) -> None:
    def figures(case_id: str) -> str:
        raw = yaml.safe_load((ROOT / "content/cases" / f"{case_id}.yaml").read_text(encoding="utf-8"))
        return yaml.safe_dump(raw["outcomes"])

    assert "around 200 PAs had been involved" in PAPER and "seven improvement cycles with PAs" in PAPER
    case_1 = figures("case-1-mental-health")
    assert "200" in case_1 and ("7" in case_1 or "seven" in case_1)
    assert "more than 10 PAs had been involved within the oncology program" in PAPER
    assert "10" in figures("case-2-oncology")
    # Every dated event is a year the paper names for that story.
    for case in content.all(Case).values():
        for phase in case.story:
            for event in phase.events:
                assert event.date[:4] in PAPER, f"{case.id}: {event.date} is not in the paper"


def test_core_skills_are_the_papers_four(content: Content) -> None:
    program = content.all(Program)["partners-in-care"]
    assert len(program.core_skills) == 4
    process = content.all(Process)["five-step-involvement"]
    assert len(process.steps) == 5
