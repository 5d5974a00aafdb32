"""Entities are named alike on the site and in print: one helper, read on the default content."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model.content import Content
from generator.model.quote import Quote
from generator.pipeline import load_content
from generator.render.present import clock, display_name, quote_by_characters, quote_by_words

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def content() -> Content:
    loaded = load_content(ROOT)
    assert loaded.content is not None
    return loaded.content


def _name(content: Content, kind: str, entity_id: str, lang: str = "en") -> str:
    return display_name(content, lang, kind, entity_id, no_date="n.d.", shorten_quote=quote_by_words(4))


def test_titles_names_and_terms(content: Content) -> None:
    assert _name(content, "practice", "clarify-roles") == (
        "Clarify the roles and responsibilities of everyone on the QI team")
    assert _name(content, "role", "patient-coach") == content.all("role")["patient-coach"].name.get("en", "en")
    term = next(iter(content.all("term").values()))
    assert _name(content, "term", term.id) == term.term.get("en", "en")


def test_a_reference_is_its_citation(content: Content) -> None:
    assert _name(content, "reference", "clavel-2019") == "Clavel et al. (2019)"


def test_a_quote_is_its_words_as_said_cut_short(content: Content) -> None:
    quote = content.entity(Quote, "q-preparation-is-a-must")
    words = quote.words().split()
    assert _name(content, "quote", quote.id) == "\u201c" + " ".join(words[:4]) + " …\u201d"
    by_characters = display_name(content, "en", "quote", quote.id, no_date="n.d.",
                                 shorten_quote=quote_by_characters(20))
    assert len(by_characters) <= 20 and by_characters.endswith("…\u201d")


def test_an_unknown_id_is_named_by_itself(content: Content) -> None:
    assert _name(content, "practice", "no-such-practice") == "no-such-practice"


def test_a_session_clock_reads_hours_and_minutes_from_the_start() -> None:
    assert [clock(m) for m in (0, 5, 45, 60, 65, 210)] == ["0:00", "0:05", "0:45", "1:00", "1:05", "3:30"]
