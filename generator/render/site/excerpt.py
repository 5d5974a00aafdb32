"""Short plain-text descriptions from Markdown fields, for cards and page descriptions.

A card shows the start of a longer field (a tool's purpose). It reads as the author
wrote it: inline references become their labels (never `[[tool:...]]`), Markdown
marks are dropped, and the text ends at the end of a sentence, never mid-sentence:
as many whole sentences of the first paragraph as fit, and always the first one whole.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from generator.render.markup import REF_ID, REF_KIND, parse_markdown

# (kind, id, label or None) -> the words a reference reads as
RefLabel = Callable[[str, str, str | None], str]

# A sentence ends with . ! ? or … (and any closing quote or bracket), then a space and
# a capital or a digit, maybe after an opening quote: "the PAs. Then" ends one, "e.g. the" does not.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?(\w))")
_SPACE = re.compile(r"\s+")
# Characters of sentences a card shows, at most (unless the first sentence is longer).
CARD_LENGTH = 200


def plain_text(element: etree.Element, label: RefLabel) -> str:
    """The words of a parsed Markdown element: references as labels, images as their
    alternative text, whitespace collapsed."""
    parts: list[str] = []
    _collect(element, label, parts)
    return _SPACE.sub(" ", "".join(parts)).strip()


def _collect(element: etree.Element, label: RefLabel, parts: list[str]) -> None:
    kind = element.get(REF_KIND) if element.tag == "a" else None
    if kind:
        parts.append(label(kind, element.get(REF_ID, ""), "".join(element.itertext()).strip() or None))
    elif element.tag == "img":
        parts.append(element.get("alt", ""))
    else:
        parts.append(element.text or "")
        for child in element:
            _collect(child, label, parts)
            parts.append(" " if child.tag in ("p", "li", "br", "tr", "td", "th") else "")
    if element.tail:
        parts.append(element.tail)


def first_sentences(text: str, limit: int = CARD_LENGTH) -> str:
    """Whole sentences from the start of `text`, as many as fit in `limit` characters
    (the first one always, however long)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    ends = [m.end() for m in _SENTENCE_END.finditer(text)
            if m.group(1).isupper() or m.group(1).isdigit()]
    if not ends:
        return text  # a single sentence: whole
    fitting = [end for end in ends if end <= limit]
    return text[: fitting[-1] if fitting else ends[0]]


def excerpt(markdown_text: str, label: RefLabel, limit: int = CARD_LENGTH) -> str:
    """The first paragraph of a Markdown text as plain text, cut after a whole sentence."""
    root = parse_markdown(markdown_text)
    first = next((child for child in root if child.tag == "p"), root)
    return first_sentences(plain_text(first, label), limit)
