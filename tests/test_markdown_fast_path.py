"""A one-line value of text and references is written without its parse, and exactly as its parse.

`plain_segments` says when a value is such a line; `paragraph_html` must then write what
`element_html` writes of the parsed value, byte for byte, references, abbreviations,
escaping and French spacing included, and never for a value whose parse would embed a quote.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from test_site_support import MINI, ROOT

from generator.model.text import Markdown
from generator.pipeline import load_content
from generator.render.markup import parse_markdown, plain_segments
from generator.render.site.html import Abbreviations, Typesetter, element_html, paragraph_html
from generator.typography import typeset

ABBREVIATIONS = Abbreviations({"QI": "Quality improvement", "CEO": "Chief executive officer"})


def _resolve(kind: str, entity_id: str, label: str | None) -> tuple[str | None, str]:
    target = None if entity_id == "gone" else f"../{kind}/{entity_id}/?a=1&b=<2>"
    return target, label or f"Title of {entity_id} <QI>"


def _embed(kind: str, entity_id: str) -> str | None:
    return "<figure>EMBEDDED</figure>"


def _as_written(text: str, continues: bool) -> str:
    return text


def _french(text: str, continues: bool) -> str:
    return typeset(text, "fr", "france", continues=continues)


def _parsed(text: str, typeset: Typesetter = _as_written) -> str:
    return element_html(parse_markdown(text), _resolve, ABBREVIATIONS, embed=_embed, image=lambda src: None,
                        typeset=typeset)


def _assert_same(text: str) -> bool:
    segments = plain_segments(text)
    if segments is None:
        return False
    for typeset_ in (_as_written, _french):
        assert paragraph_html(segments, _resolve, ABBREVIATIONS, typeset_) == _parsed(text, typeset_), text
    return True


@pytest.mark.parametrize("text", [
    "Preparation is a must.",
    "A QI team & its CEO, say “yes”: 100% — or 2 of 3?",
    "Read [[practice:prepare]] and [[quote:must|the quote]].",
    "See [[role:gone]], [[tool:x| spaced label ]] and [[case:a*b_c]].",
    "Ends with a reference [[practice:p]]",
    "Voir [[practice:p]]: la suite ; « [[quote:must|la citation]] » ?",
])
def test_lines_of_text_and_references_skip_the_parse(text: str) -> None:
    assert _assert_same(text)


@pytest.mark.parametrize("text", [
    "[[quote:must]]",  # alone on its line: the quote is embedded
    "[[practice:p]] starts the line",
    "Some *emphasis*", "Some `code`", "A [link](https://example.org)", "An <b>tag</b>", "a \\*",
    "- a list", "1. a list", "# a heading", "> a quote", "Two\nlines", "Trailing space ",
    "See [[practice:p|*em*]]", "Odd [[practice:a`b]]", "A snake_case word",
])
def test_anything_else_is_parsed(text: str) -> None:
    assert plain_segments(text) is None


_PIECES = st.sampled_from([
    "word", "QI", "CEO", " ", " ", ", ", ". ", "é", "—", "&", "&amp;", "\"", "'", "?", "!", ":", "%", "1.", "2",
    "-", "+", "#", "|", "*", "_", "`", "\\", "[", "]", "<", ">", "(", ")", "\n", "\t", ";", "«", "»", "\u00a0",
    "[[practice:p]]", "[[quote:q|A label]]", "[[role:gone]]", "[[tool:t| x ]]", "[[case:a_b]]", "[[x:y|*e*]]",
])


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_any_value_written_without_its_parse_is_written_as_its_parse(text: str) -> None:
    _assert_same(text)


def _markdown_values(value: object) -> Iterator[str]:
    if isinstance(value, Markdown):
        yield from (text for _, text in value.items())
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _markdown_values(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _markdown_values(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _markdown_values(item)


@pytest.mark.parametrize("project", [ROOT, MINI, *sorted((ROOT / "tests/fixtures").iterdir())], ids=lambda p: p.name)
def test_every_markdown_value_of_the_content(project: Path) -> None:
    loaded = load_content(project)
    assert loaded.content is not None
    texts = [text for entities in loaded.content.entities.values() for entity in entities.values()
             for text in _markdown_values(entity)]
    skipped = sum(_assert_same(text) for text in texts)
    assert texts and skipped  # most short values are sentences with references
