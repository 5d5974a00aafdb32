"""Hints for YAML syntax errors that come from plain text, not from the file's structure.

Authors write prose: `title: Step 1: prepare` or `summary: Item #1`. In YAML, `: ` starts
a mapping value and ` #` a comment, so unquoted text that holds them breaks the file
(or quietly loses its end). The parser's message speaks of mappings and keys; the fix
the author needs is "put this text in quotes", with the line as it should be written.
"""

from __future__ import annotations

import re

# `key: value` or `- value` or `- key: value`; the key holds no colon and no quote.
_LINE = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<key>[^\s\"'#{\[\]}][^:\"']*?:(?:\s+|$))?(?P<value>.*?)\s*$")
# Values YAML reads as something other than plain text: quoted, flow, block, anchor, tag.
_NOT_PLAIN = tuple("\"'[{|>&*!")


def quote_hint(lines: list[str], line: int, column: int, problem: str) -> str | None:
    """A hint to quote the text on `line` (1-based) or the line before, when its text holds ': ' or ' #'.

    `column` is where the parser stopped and `problem` what it said: "mapping values are
    not allowed" at a colon that no `key: value` line explains is a colon inside a text
    that runs over several lines.
    """
    for number in (line, line - 1):
        if not 0 < number <= len(lines):
            continue
        match = _LINE.match(lines[number - 1])
        if match is None:
            continue
        value = match["value"]
        if not value or value.startswith(_NOT_PLAIN) or not _breaks_plain_text(value):
            continue
        if match["key"] is None or _continues(lines, number, len(match["lead"])):
            # A text over several lines: the whole text needs the quotes, not this line alone.
            return "if ': ' or ' #' belongs to the text, put the whole text in quotes"
        return f"if ': ' or ' #' belongs to the text, put it in quotes: {match['key'].rstrip()} {quoted(value)}"
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if "mapping values" in problem and source[column - 1 : column] == ":":
        return "if ': ' belongs to the text, put the whole text in quotes; otherwise check the indentation"
    return None


def _continues(lines: list[str], number: int, indent: int) -> bool:
    """True when the text begun on line `number` goes on, indented, on the next line."""
    following = lines[number] if number < len(lines) else ""
    return bool(following.strip()) and len(following) - len(following.lstrip()) > indent


def _breaks_plain_text(value: str) -> bool:
    return ": " in value or value.endswith(":") or " #" in value


def quoted(value: str) -> str:
    """The value as a YAML quoted string: double quotes unless it holds some (then single, doubled)."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"
