"""Where each part of a generated Typst source came from, so that a Typst failure names the
content file and field behind it.

Renderers read content through `RenderContext.t`, which returns a `Traced` string: the
text, knowing the entity and field it was read from. What `typst_code.text` and the
Markdown writer write from a traced string is wrapped in marks made of control
characters, which no string literal of the source can hold (`typst_code.string` escapes
them). `unmarked` takes the marks out of the finished source, so the source Typst
compiles is byte for byte what it would be without them; only when Typst refuses it does
`spans` read the marks, to find the field behind the failing part.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from generator.model.content import Content, KeyPath
from generator.model.text import LocalizedText

_OPEN, _SEP, _CLOSE = "\x01", "\x02", "\x03"
PART = "\x1f"  # between the parts of an origin inside a mark
_MARK = re.compile("\x01([^\x02]*)\x02|\x03")


@dataclass(frozen=True)
class FieldOrigin:
    """A value of the content: the entity (kind and id) and the key path of the field in it."""

    kind: str
    id: str
    path: KeyPath = ()


@dataclass(frozen=True)
class Span:
    """The part of a source, from `start` to `end` (character offsets), written from `origin`."""

    start: int
    end: int
    origin: FieldOrigin


def encode(origin: FieldOrigin) -> str:
    """The opening mark of `origin`: written once per field, decoded only after a failure."""
    parts = [origin.kind, origin.id, *(f"#{p}" if isinstance(p, int) else p for p in origin.path)]
    return _OPEN + PART.join(parts)


def _decode(encoded: str) -> FieldOrigin:
    kind, entity_id, *path = encoded.split(PART)
    return FieldOrigin(kind, entity_id, tuple(int(p[1:]) if p.startswith("#") else p for p in path))


class Traced(str):
    """A text of the content that knows where it was read from (`opening`, see `encode`)."""

    opening: str

    def __new__(cls, value: str, opening: str) -> Traced:
        traced = super().__new__(cls, value)
        traced.opening = opening
        return traced


def opening_of(value: str) -> str | None:
    """The opening mark of a traced text; None for any other string."""
    return value.opening if isinstance(value, Traced) else None


def mark(code: str, opening: str | None) -> str:
    """`code` wrapped in the marks of an origin (see `encode`); unchanged without one."""
    return code if opening is None else f"{opening}{_SEP}{code}{_CLOSE}"


def unmarked(marked: str) -> str:
    """The source without its marks: what Typst compiles."""
    return _MARK.sub("", marked)


def spans(marked: str) -> tuple[Span, ...]:
    """The span of the unmarked source each mark covers: by start, and of spans that start
    together, the outer first."""
    found: list[tuple[int, int, int, Span]] = []
    opened: list[tuple[int, str]] = []
    removed = 0  # characters of marks before the current one
    for match in _MARK.finditer(marked):
        at = match.start() - removed
        removed += match.end() - match.start()
        if match.group(1) is not None:
            opened.append((at, match.group(1)))
        elif opened:
            start, encoded = opened.pop()
            found.append((start, -at, len(opened), Span(start, at, _decode(encoded))))
    return tuple(span for *_, span in sorted(found, key=lambda item: item[:3]))


def origin_at(found: Sequence[Span], offset: int) -> FieldOrigin | None:
    """The innermost origin whose span holds `offset` (`found` as `spans` gives them)."""
    best: Span | None = None
    for span in found[:bisect.bisect_right([s.start for s in found], offset)]:
        if span.start <= offset < span.end and (best is None or span.start >= best.start):
            best = span
    return best.origin if best is not None else None


def _texts(value: Any, path: KeyPath) -> Iterator[tuple[LocalizedText, KeyPath]]:
    if isinstance(value, LocalizedText):
        yield value, path
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*path, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))


_INDEX: tuple[Content, dict[int, str]] | None = None


def field_index(content: Content) -> dict[int, str]:
    """The opening mark of every text of the content, by object identity: built once per
    content (the last one is kept, with the content, so the identities stay valid)."""
    global _INDEX
    if _INDEX is not None and _INDEX[0] is content:
        return _INDEX[1]
    index: dict[int, str] = {}
    for kind, by_id in content.entities.items():
        for entity_id, entity in by_id.items():
            for text, path in _texts(entity, ()):
                index[id(text)] = encode(FieldOrigin(kind, entity_id, path))
    for text, path in _texts(content.site, ()):
        index[id(text)] = encode(FieldOrigin("site", "site", path))
    _INDEX = (content, index)
    return index
