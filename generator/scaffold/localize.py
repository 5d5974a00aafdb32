"""Cut a template YAML file down to a project's languages, keeping its layout and comments.

Templates write every human-readable value as a block mapping with one key per language,
and each comment once per language:

    title:                          # [en] A comment in English.
      en: Prepare patient partners  # [fr] Le même commentaire en français.
      fr: Préparer les patients partenaires

For several languages the mapping keeps the chosen ones, in the chosen order (the default
first, as authors read it). For one language it folds onto its key (`title: Prepare ...`),
the plain-string form an author of a one-language project writes. Comments keep the default
language's only. This works on lines, not on a parsed document, because a YAML dump would
lose the comments and the block scalars that make the files readable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

# Languages every template is written in (each localized value gives all of them).
TEMPLATE_LANGUAGES: tuple[str, ...] = ("en", "fr")

_ENTRY = re.compile(r"^(?P<indent> *)(?P<dash>- )?(?P<lang>[a-z]{2}):(?P<value>(?: .*)?)$")
_COMMENT = re.compile(r"^(?P<indent> *)# \[(?P<lang>[a-z]{2})\] ?(?P<text>.*)$")


class TemplateError(ValueError):
    """A template breaks the layout this module relies on (a bug in partnerkit, not user input)."""


@dataclass
class _Entry:
    """One language's line of a localized value, with the lines of a block scalar under it."""

    value: str
    more: list[str] = field(default_factory=list)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _read_value(lines: list[str], start: int, column: int) -> tuple[dict[str, _Entry], int]:
    """The entries of the localized value starting at `start` (keys at `column`); the next line's index."""
    entries: dict[str, _Entry] = {}
    index = start
    while index < len(lines):
        match = _ENTRY.match(lines[index])
        first = index == start
        if match is None or match["lang"] not in TEMPLATE_LANGUAGES:
            break
        if not first and (match["dash"] or len(match["indent"]) != column):
            break
        entry = _Entry(match["value"])
        key_line = index + 1
        index += 1
        # A block scalar's lines are indented deeper than the key; blank lines may sit between them.
        while index < len(lines) and (not lines[index].strip() or _indent(lines[index]) > column):
            entry.more.append(lines[index])
            index += 1
        while entry.more and not entry.more[-1].strip():
            entry.more.pop()
            index -= 1
        if match["lang"] in entries:
            raise TemplateError(f"line {key_line}: '{match['lang']}' given twice")
        entries[match["lang"]] = entry
    return entries, index


def localize_yaml(text: str, languages: Sequence[str]) -> str:
    """`text` (a template) with localized values and comments kept in `languages` only."""
    if not languages or any(lang not in TEMPLATE_LANGUAGES for lang in languages):
        raise TemplateError(f"languages must be among {', '.join(TEMPLATE_LANGUAGES)}")
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        comment = _COMMENT.match(line)
        if comment is not None:
            if comment["lang"] == languages[0]:
                out.append(f"{comment['indent']}# {comment['text']}".rstrip())
            index += 1
            continue
        match = _ENTRY.match(line)
        if match is None or match["lang"] not in TEMPLATE_LANGUAGES:
            out.append(line)
            index += 1
            continue
        column = len(match["indent"]) + len(match["dash"] or "")
        entries, after = _read_value(lines, index, column)
        if set(entries) != set(TEMPLATE_LANGUAGES):
            raise TemplateError(f"line {index + 1}: a localized value must give {', '.join(TEMPLATE_LANGUAGES)}")
        out.extend(_write_value(entries, languages, match["indent"], match["dash"] or "", column, out, index))
        index = after
    return "\n".join(out)


def _write_value(
    entries: dict[str, _Entry], languages: Sequence[str], indent: str, dash: str, column: int, out: list[str], at: int
) -> list[str]:
    """The lines of one localized value in `languages`; a single language folds onto its key."""
    if len(languages) > 1:
        written: list[str] = []
        for position, lang in enumerate(languages):
            lead = f"{indent}{dash}" if position == 0 else " " * column
            written += [f"{lead}{lang}:{entries[lang].value}", *entries[lang].more]
        return written
    entry = entries[languages[0]]
    if dash:
        return [f"{indent}-{entry.value}", *_dedent(entry.more, column - len(indent))]
    if not out or not out[-1].rstrip().endswith(":") or out[-1].lstrip().startswith("#"):
        raise TemplateError(f"line {at + 1}: a localized mapping must follow its key line directly")
    parent = out[-1]
    key_column = _indent(parent) + (2 if parent.lstrip().startswith("- ") else 0)
    out[-1] = parent.rstrip() + entry.value
    return _dedent(entry.more, column - key_column)


def _dedent(lines: list[str], width: int) -> list[str]:
    """A folded block scalar's lines, moved left as far as its key moved (blank lines stay blank)."""
    return [line[width:] if line.strip() else "" for line in lines]
