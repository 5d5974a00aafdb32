"""Typst source as data: string literals, calls, arrays. The only way text enters Typst.

Every piece of content text becomes a Typst *string literal* in code mode. Inside a
string literal only the backslash and the double quote mean anything, so escaping
those two (and writing control characters as `\\u{...}`) is complete: `#`, `$`, `@`,
`<`, `[`, `*`, `_`, backticks and the rest are plain characters of the string, and the
templates display strings as text. Structure (paragraphs, lists, emphasis) is written
as calls to the functions of `templates/lib.typ` whose names come from this package,
never from content.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from generator.render.print.sourcemap import mark, opening_of

_OPEN_SINGLE = re.compile(r"(^|[\s(\[{«—–-])'")
_OPEN_DOUBLE = re.compile(r'(^|[\s(\[{«—–-])"')
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t"})
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class Code(str):
    """A Typst code expression written by this package (never content text)."""

    __slots__ = ()


NONE = Code("none")
EMPTY = Code("[]")


def string(text: str) -> Code:
    """`text` as a Typst string literal: every character means itself."""
    escaped = text.translate(_ESCAPES)
    if _CONTROL.search(escaped):
        escaped = _CONTROL.sub(lambda m: f"\\u{{{ord(m.group()):x}}}", escaped)
    return Code(f'"{escaped}"')


def smarten(text: str) -> str:
    """Typographic apostrophes and quotes, as a typesetter sets them: a quote after a space
    or an opening bracket opens, any other closes (and is the apostrophe)."""
    if "'" in text:
        text = _OPEN_SINGLE.sub(lambda m: m.group(1) + "\u2018", text).replace("'", "\u2019")
    if '"' in text:
        text = _OPEN_DOUBLE.sub(lambda m: m.group(1) + "\u201c", text).replace('"', "\u201d")
    return text


def text(value: str) -> Code:
    """Content text, typographically smartened, as a string literal. Control characters
    are not text (no font draws them): tabs and line separators become spaces, the rest
    are dropped. Text read from the content is marked with where it came from (see
    `sourcemap`)."""
    opening = opening_of(value)
    if _CONTROL.search(value):
        value = _CONTROL.sub(lambda m: " " if m.group() in "\t\u2028\u2029" else "", value)
    return Code(mark(string(smarten(value)), opening))


def value(item: object) -> Code:
    """A Python value as a Typst value: str is text data, Code is passed through."""
    if isinstance(item, Code):
        return item
    if item is None:
        return NONE
    if isinstance(item, bool):
        return Code("true" if item else "false")
    if isinstance(item, int | float):
        return Code(repr(item))
    if isinstance(item, str):
        return string(item)
    if isinstance(item, Mapping):
        return dictionary(item)
    if isinstance(item, list | tuple):
        return array(item)
    raise TypeError(f"cannot write {type(item).__name__} as Typst")


def array(items: Iterable[object]) -> Code:
    """A Typst array; one item keeps its trailing comma so it stays an array."""
    parts = [value(item) for item in items]
    if not parts:
        return Code("()")
    if len(parts) == 1:
        return Code(f"({parts[0]},)")
    return Code(f"({', '.join(parts)})")


def dictionary(items: Mapping[str, object]) -> Code:
    """A Typst dictionary with string keys."""
    if not items:
        return Code("(:)")
    return Code("(" + ", ".join(f"{string(k)}: {value(v)}" for k, v in items.items()) + ")")


def call(function: str, *args: object, **kwargs: object) -> Code:
    """`function(arg, ..., name: value)`; keyword names use '-' for '_'."""
    parts: list[str] = [value(arg) for arg in args]
    parts += [f"{name.replace('_', '-')}: {value(arg)}" for name, arg in kwargs.items()]
    return Code(f"{function}({', '.join(parts)})")


def seq(items: Iterable[Code], separator: Code | None = None) -> Code:
    """Content made of `items` one after the other (joined by `separator`)."""
    parts = list(items)
    if not parts:
        return EMPTY
    if len(parts) == 1:
        return parts[0]
    joined = f"({', '.join(parts)}).join({separator})" if separator else f"({', '.join(parts)}).join()"
    return Code(joined)


def blocks(items: Iterable[Code]) -> Code:
    """Block content one after the other, with paragraph breaks between."""
    return seq(items, Code("parbreak()"))
