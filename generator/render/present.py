"""How an entity is named wherever the site or print mentions it, the same in both.

A reference shows as its citation, a quote as its first words as said (never a
translation: those are not the speaker's words), anything else by its title, name or
term in the language asked for; a time within a trainer session reads "h:mm" from its
start. Citations themselves are `render.citation`, brand colours `render.palette`,
dates and numbers `messages`; this module is the one place for names and session
clocks, so the site, the HTML deck and print read alike.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel

from generator.model.catalog import Reference
from generator.model.content import Content
from generator.model.quote import Quote
from generator.model.text import LocalizedText
from generator.render.citation import citation

# The attributes that hold an entity's name, in the order they are tried.
_NAME_ATTRIBUTES = ("title", "name", "term")


def quote_by_characters(limit: int) -> Callable[[str], str]:
    """Quote words cut at a whole character count ('…' marks the cut): for running text."""

    def shorten(words: str) -> str:
        return words if len(words) <= limit else words[: limit - 3].rstrip() + "…"

    return shorten


def quote_by_words(limit: int) -> Callable[[str], str]:
    """Quote words cut after `limit` words (' …' marks the cut): for narrow print columns."""

    def shorten(words: str) -> str:
        split = words.split()
        return " ".join(split[:limit]) + (" …" if len(split) > limit else "")

    return shorten


def _curly_quotes(words: str) -> str:
    return f"\u201c{words}\u201d"


def display_name(content: Content, lang: str, kind: str, entity_id: str, *, no_date: str,
                 shorten_quote: Callable[[str], str],
                 localize: Callable[[LocalizedText], str] | None = None,
                 quoted: Callable[[str], str] = _curly_quotes) -> str:
    """The plain-text name of any entity: its title, name or term in `lang` (the default
    language when missing), a reference's citation (`no_date`: the localized 'n.d.'), a
    quote's words as said, shortened and in quotation marks (`quoted` puts them in those
    of the language, “…” or « … »); the id when it is unknown.

    `localize` picks the text of a localized name instead (print passes its own, which
    remembers the field a text came from, so a Typst failure can name it)."""
    entity: BaseModel | None = content.all(kind).get(entity_id)
    if entity is None:
        return entity_id
    if isinstance(entity, Quote):
        return quoted(shorten_quote(entity.words()))
    if isinstance(entity, Reference):
        return citation(entity, no_date)
    for attribute in _NAME_ATTRIBUTES:
        value = getattr(entity, attribute, None)
        if isinstance(value, LocalizedText):
            return localize(value) if localize is not None else value.get(lang, content.default_language)
    return entity_id


def clock(minutes: int) -> str:
    """Minutes from a session's start as a clock, "h:mm": 0:00, 0:45, 1:05 (agenda, slides, scripts)."""
    return f"{minutes // 60}:{minutes % 60:02d}"
