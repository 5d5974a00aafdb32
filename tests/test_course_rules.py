"""The default course keeps the rules its review set: checks that apply and link what teaches
them, paths written for their audience, varied prompts, no overclaim, Canadian spelling and
"patient advisor" spelled out in learner text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from generator.model.content import Content
from generator.model.text import LocalizedText
from generator.model.training import LearningPath, Module
from generator.pipeline import load_content

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
# Fields whose words are not ours: a participant's verbatim words and where the paper says them,
# bibliographic records, and the abbreviation a glossary term defines.
NOT_OUR_WORDS = {"text", "locator", "translation"}
NOT_LEARNER_FILES = {"references.yaml", "terminology.yaml"}


@pytest.fixture(scope="module")
def content() -> Content:
    loaded = load_content(ROOT)
    assert loaded.content is not None, loaded.issues
    return loaded.content


def _english(text: LocalizedText) -> str:
    return text.get("en", "en")


def _strings(node: object, key: str = "") -> Iterator[str]:
    if isinstance(node, dict):
        for child_key, value in node.items():
            # A study source's locator names the paper's own headings ("Results, Team training").
            # French is checked by `check` (terminology, point médian); these rules are the English's.
            if child_key in {"abbreviation", "url", "doi", "locator", "fr"}:
                continue
            yield from _strings(value, str(child_key) if child_key not in {"en", "fr", "any"} else key)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item, key)
    elif isinstance(node, str):
        yield node


def _learner_text() -> Iterator[tuple[str, str]]:
    """(file, text) for every string the default content shows learners, quotes' own words aside."""
    for path in sorted(CONTENT.rglob("*.yaml")):
        if path.name in NOT_LEARNER_FILES:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.parent.name == "quotes":
            data = {k: v for k, v in data.items() if k not in NOT_OUR_WORDS and k != "source"}
        for text in _strings(data):
            yield path.relative_to(ROOT).as_posix(), text


def test_at_least_half_of_the_checks_put_the_learner_in_a_situation(content: Content) -> None:
    checks = [c for m in content.all(Module).values() for c in m.checks]
    situated = [c for c in checks if re.search(r"\byou(r)?\b", _english(c.question), re.IGNORECASE)]
    assert len(situated) * 2 >= len(checks), f"{len(situated)} of {len(checks)}"


def test_every_check_links_the_page_that_teaches_it(content: Content) -> None:
    unlinked = [(m.id, c.id) for m in content.all(Module).values() for c in m.checks
                if not any("[[" in _english(choice.feedback) for choice in c.choices)]
    assert unlinked == []


def test_the_patient_advisor_path_is_written_for_patients(content: Content) -> None:
    path = content.all(LearningPath)["patient-advisors-path"]
    for module_id in path.modules:
        module = content.all(Module)[module_id]
        assert "patient-advisors" in module.audience, module_id
        for prompt in module.reflection:
            assert "your organization" not in _english(prompt).lower(), (module_id, _english(prompt))


def test_trainers_have_a_path(content: Content) -> None:
    assert any(p.audience == "trainers" for p in content.all(LearningPath).values())


def test_reflection_prompts_vary(content: Content) -> None:
    openings = Counter(" ".join(_english(p).split()[:3]).lower()
                       for m in content.all(Module).values() for p in m.reflection)
    assert max(openings.values()) <= 2, openings.most_common(3)


@pytest.mark.parametrize("overclaim", [
    "avoided tokenism", "links to success", "what the study concludes", "three communities of practice",
    "first to feel it", "did not evaluate anything", "carried partnership through the 2015 mergers",
])
def test_the_reviewed_overclaims_stay_out(overclaim: str) -> None:
    found = [f for f, text in _learner_text() if overclaim in text.lower()]
    assert found == []


US_SPELLINGS = re.compile(
    r"\b(center|centers|behavior\w*|color\w*|favor\w*|labor|honor\w*|neighbor\w*|counseling|"
    r"defense|traveled|traveling|modeled|modeling|fulfill|enrollment)\b",
    re.IGNORECASE,
)


def test_learner_text_is_in_canadian_english() -> None:
    found = {(f, m.group(0)) for f, text in _learner_text() for m in US_SPELLINGS.finditer(text)}
    assert found == set()


def test_patient_advisor_is_spelled_out_in_learner_text() -> None:
    found = [(f, text[:60]) for f, text in _learner_text() if re.search(r"\bPAs?\b", text)]
    assert found == []
