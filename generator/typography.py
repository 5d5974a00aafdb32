"""French spacing around punctuation, the one rule set for every French text partnerkit writes.

`typeset(text, lang, spacing)` returns `text` with the spaces French typography asks for
around `:`, `;`, `!`, `?` and `« »`, for a French `lang` (`fr`, `fr-CA`, ...); any other
language comes back unchanged. It works on plain text, before escaping or markup: the site
escapes what it returns, print writes it as a Typst string literal.

The rules (`spacing`, from `french_spacing` in site.yaml):

- `quebec` (the default, as the Office québécois de la langue française recommends): a
  no-break space (U+00A0) before `:` and inside `« »`; none before `;`, `!` and `?` (a space
  typed there is removed).
- `france`: the same before `:` and inside `« »`, and a narrow no-break space (U+202F)
  before `;`, `!` and `?`.

Any space typed at those places (an ordinary space, a tab, either no-break space) is
replaced, and a missing one is added. A colon is punctuation only when a space or the end
of the text follows it, so times and ratios (`10:30`, `1:2`) stay as they are; `;`, `!`
and `?` only when no letter or digit follows. Never touched: addresses (`https://...`,
`mailto:...`), email addresses, inline references `[[kind:id|label]]`, Markdown link
targets `](...)`, code spans, anything between `<` and `>`, character references
(`&amp;`) and `{placeholders}` of catalog templates. The function is idempotent, so a text
may pass through it more than once.

A renderer that typesets a text in pieces (the runs of text between the inline elements
of a paragraph) passes `continues=True` for a piece that follows other text, so that a
piece starting with `:` or `»` gets its space too ("[[practice:x]]: ..." reads "Name : ...").

This module is part of the bottom layer: it imports nothing of partnerkit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Literal, get_args

Spacing = Literal["quebec", "france"]
"""How French text is spaced: 'quebec' (OQLF, the default) or 'france'."""

SPACINGS: tuple[str, ...] = get_args(Spacing)
DEFAULT_SPACING: Spacing = "quebec"
NBSP = "\u00a0"  # no-break space
NNBSP = "\u202f"  # narrow no-break space

# Only a text holding one of these characters can need a change.
_TRIGGER = re.compile("[:;!?«»]")

# What is left exactly as written (tried first, at every position).
_PROTECTED = "|".join((
    r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s<>«»\"]*[^\s<>«»\".,;:!?)\]]",  # an address, without the punctuation after it
    r"mailto:[^\s<>]+",
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # an email address
    r"\[\[[^\]\n]*\]\]",  # an inline reference
    r"\]\([^)\n]*\)",  # a Markdown link target
    r"`[^`\n]*`",  # a code span
    r"<[^<>\n]*>",  # an autolink, or a tag shown as text
    r"&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);",  # a character reference shown as text
    r"\{\w*(?:[:!][^{}\n]*)?\}",  # a placeholder of a catalog template
))
# A character after which a `;`, `!` or `?` ends a word (not after an opening bracket or quote).
_WORD_END = r"[\w)\]}»”’\"'.…%]"
_HIGH = r"[;!?]+(?!\w)"  # `;`, `!`, `?` (or a run of them, '?!') that end a sentence or a clause

_RULES = re.compile(
    rf"(?P<keep>{_PROTECTED})"
    r"|(?P<open>«\s*)"  # after «
    r"|(?P<close>(?<=[^\s«])\s*»)"  # before »
    r"|(?P<colon>(?<=[^\s:])[^\S\r\n]*:(?=\s|$))"  # before a colon that a space or the end follows
    rf"|(?P<high>(?<={_WORD_END})[^\S\r\n]*(?={_HIGH}))"  # before ; ! ?
)

# A letter put before a piece that continues a text, so that its first character has one
# before it (and taken off after).
_BEFORE = "x"


@lru_cache(maxsize=64)
def is_french(lang: str) -> bool:
    """True for French in any region: 'fr', 'fr-CA', 'fr_FR'."""
    return re.split(r"[-_]", lang, maxsplit=1)[0].lower() == "fr"


def typeset(text: str, lang: str, spacing: Spacing = DEFAULT_SPACING, *, continues: bool = False) -> str:
    """`text` with French spacing around `: ; ! ? « »` when `lang` is French; else unchanged.

    `continues`: the text is a piece that follows other text on the same line."""
    if not is_french(lang) or not _TRIGGER.search(text):
        return text
    return _french(str.__str__(text), spacing, continues)


def typesetter(lang: str, spacing: Spacing = DEFAULT_SPACING) -> Callable[[str], str]:
    """`typeset` for one language and spacing: what a renderer calls on every text it writes."""
    if not is_french(lang):
        return _unchanged

    def french(text: str) -> str:
        return _french(str.__str__(text), spacing, False) if _TRIGGER.search(text) else text

    return french


def _unchanged(text: str) -> str:
    return text


@lru_cache(maxsize=16384)
def _french(text: str, spacing: Spacing, continues: bool) -> str:
    high = NNBSP if spacing == "france" else ""

    def _replace(m: re.Match[str]) -> str:
        group = m.lastgroup
        if group == "open":
            return "«" + NBSP
        if group == "close":
            return NBSP + "»"
        if group == "colon":
            return NBSP + ":"
        if group == "high":
            return high
        return m.group()  # protected

    if continues:
        return _RULES.sub(_replace, _BEFORE + text)[len(_BEFORE):]
    return _RULES.sub(_replace, text)
