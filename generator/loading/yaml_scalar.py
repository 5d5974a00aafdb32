"""Write a text as a YAML scalar that reads back as exactly that text.

Used when partnerkit writes a translation into a content file. The most readable form
that round-trips is chosen: plain for a short line (`fr: Parent partenaire`), a literal
block (`|-`) for text with line breaks (Markdown paragraphs and lists), a folded block
(`>-`) for a long line, and a double-quoted string otherwise, where every character YAML
could misread is escaped. Each candidate is read back with the project's own YAML reader
in the place it will stand (same indentation, same rest of line, block or flow), and
kept only if it gives the text exactly; double quotes always do.
"""

from __future__ import annotations

from generator.loading.yaml_reader import read_yaml_text

WIDTH = 96
"""Lines of a folded block are broken before this column."""

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x85": "\\N", "\u2028": "\\L",
            "\u2029": "\\P", "\ufeff": "\\ufeff"}


def _printable(char: str) -> bool:
    """True for characters YAML lets stand in a file as themselves (its `c-printable`, less line breaks)."""
    code = ord(char)
    return (0x20 <= code <= 0x7E or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF) and char not in _ESCAPES


def double_quoted(text: str) -> str:
    """`text` as a double-quoted YAML scalar on one line: quotes, backslashes, line breaks and
    every character that is not printable escaped."""
    out = ['"']
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif _printable(char):
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    out.append('"')
    return "".join(out)


def _literal(text: str, indent: int) -> str | None:
    """A literal block (`|-`, or `|` when the text ends with one line break)."""
    if text.endswith("\n\n") or text.startswith((" ", "\t")) or not all(map(_printable_line, text.split("\n"))):
        return None
    body, header = (text[:-1], "|") if text.endswith("\n") else (text, "|-")
    pad = " " * (indent + 2)
    return header + "".join("\n" + (pad + line if line else "") for line in body.split("\n"))


def _printable_line(line: str) -> bool:
    return all(_printable(char) or char == "\t" for char in line)


def _folded(text: str, indent: int) -> str | None:
    """A folded block (`>-`) broken at single spaces between words, each line short of WIDTH."""
    if "\n" in text or text != text.strip() or not _printable_line(text) or "\t" in text:
        return None
    pad = " " * (indent + 2)
    room = max(WIDTH - len(pad), 40)
    lines: list[str] = []
    start = 0
    while len(text) - start > room:
        cut = -1
        for at in range(start + room, start, -1):
            if text[at] == " " and text[at - 1] != " " and at + 1 < len(text) and text[at + 1] != " ":
                cut = at
                break
        if cut == -1:
            break
        lines.append(text[start:cut])
        start = cut + 1
    lines.append(text[start:])
    return ">-" + "".join("\n" + pad + line for line in lines)


def _reads_back(candidate: str, text: str, indent: int, tail: str, flow: bool) -> bool:
    """True when `candidate`, standing as a value at `indent` and followed by `tail`, reads back as `text`."""
    snippet = f"x: {{y: {candidate}}}\n" if flow else f"{' ' * indent}x: {candidate}{tail}"
    located = read_yaml_text(snippet, "snippet").located
    data = located.data if located is not None else None
    expected = {"x": {"y": text}} if flow else {"x": text}
    return data == expected


def scalar(text: str, indent: int, *, flow: bool = False, tail: str = "\n") -> str:
    """`text` as a YAML scalar to write after `key: `, the key at column `indent` (0-based).

    `flow`: the value stands in a flow collection (`{en: ..., fr: ...}`); else in block context,
    followed by `tail`: the rest of its line (spaces, a comment) and its line break, none at the
    end of the file. Block scalars only when the rest of the line is blank.
    """
    candidates: list[str | None] = []
    block = not flow and not tail.strip()
    if block and "\n" in text:
        candidates.append(_literal(text, indent))
    elif block and indent + 4 + len(text) > WIDTH:
        candidates.append(_folded(text, indent))
    elif "\n" not in text and len(text) < WIDTH:
        candidates.append(text)  # plain, when nothing in it reads as YAML syntax (checked by reading it back)
    candidates.append(double_quoted(text))
    for candidate in candidates:
        if candidate is not None and _reads_back(candidate, text, indent, "" if flow else tail, flow):
            return candidate
    raise ValueError(f"cannot write {text!r} as a YAML scalar")  # pragma: no cover - double quotes always read back
