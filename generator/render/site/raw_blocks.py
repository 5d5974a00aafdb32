"""Generated pages' HTML published as it is, not parsed a second time by Markdown.

A generated page is Markdown of a narrow shape (`fragments/block.md`, `fragments/heading.md`):
headings, and HTML that the generator already rendered, each block a
`<div class="pk-block" markdown="0">` with no blank line inside. Python-Markdown would
parse every such block again (md_in_html), only to write it out unchanged; at a thousand
pages that parse costs more than the rest of the build.

`split_raw_blocks` keeps the headings (and any other Markdown) for the engine and puts a
placeholder paragraph where each block was; `join_raw_blocks` puts the blocks back into
the engine's HTML, exactly as md_in_html writes them. A page whose blocks do not have that
shape (a project's own template may write anything) is left whole to the engine.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique

_OPENING = '<div class="pk-block" markdown="0">'
_ID = re.compile(r'\sid="([^"]+)"')


def placeholder_token() -> str:
    """A token no content can hold (drawn anew per build): `pkraw` and hex digits."""
    return f"pkraw{secrets.token_hex(8)}"


def split_raw_blocks(markdown: str, token: str) -> tuple[str, list[str]] | None:
    """(the Markdown with a placeholder paragraph `{token}-{n}` for each raw block, the
    blocks); None when a block does not have the shape this relies on."""
    if _OPENING not in markdown:
        return None
    body = markdown.rstrip("\n")
    parts = body.split("\n\n")
    blocks: list[str] = []
    for index, part in enumerate(parts):
        if not part.startswith(_OPENING):
            if _OPENING in part:
                return None  # a block that is not a paragraph of its own
            continue
        if not part.endswith("\n</div>") or part.count("<div") != part.count("</div>"):
            return None
        parts[index] = f"{token}-{len(blocks)}"
        blocks.append(part)
    return "\n\n".join(parts) + markdown[len(body):], blocks


def join_raw_blocks(html: str, blocks: list[str], token: str) -> str | None:
    """The engine's HTML with each placeholder paragraph replaced by its block; None when a
    placeholder did not come through as `<p>{token}-{n}</p>` exactly once."""
    pieces = html.split(f"<p>{token}-")
    if len(pieces) != len(blocks) + 1:
        return None
    out = [pieces[0]]
    for expected, piece in enumerate(pieces[1:]):
        number, closing, rest = piece.partition("</p>")
        if not closing or number != str(expected):
            return None
        # As md_in_html writes a raw block: unchanged, and a blank line after unless it ends the page.
        out.append(blocks[expected] + "\n" if rest else blocks[expected])
        out.append(rest)
    return "".join(out)


def anchor_ids(blocks: list[str]) -> set[str]:
    """The ids of the blocks' elements: anchors that links into the page may name."""
    return {match for block in blocks for match in _ID.findall(block)}


_HEADING = re.compile(r"^(#{1,6}) ([^*_`\[\]<>\\&{}#]+?)(?: \{ #([A-Za-z0-9_-]+) \})?$")


@dataclass(frozen=True)
class Rendered:
    """What Python-Markdown makes of a page of headings and placeholders (toc, attr_list,
    nothing else that changes them): the HTML, the table of contents as the toc extension's
    tokens, and the page's first H1."""

    html: str
    toc_tokens: list[dict[str, Any]]
    title: str | None


def render_headings(markdown: str, token: str, abbreviations: Iterable[str] = ()) -> Rendered | None:
    """The HTML of `split_raw_blocks`'s Markdown, written here as Python-Markdown would, for a
    page that holds only headings of plain text (no Markdown syntax, no entity, no word of
    `abbreviations`) and placeholders; None for anything else, to be parsed by Markdown."""
    placeholder = re.compile(rf"^{re.escape(token)}-\d+$")
    words = [re.compile(rf"(?<!\w){re.escape(word)}(?!\w)") for word in abbreviations]
    parts = [part for part in markdown.strip("\n").split("\n\n") if part.strip()]
    headings: list[tuple[int, str, str | None]] = []
    for part in parts:
        if placeholder.match(part):
            continue
        match = _HEADING.match(part)
        if match is None or any(word.search(match.group(2)) for word in words):
            return None
        headings.append((len(match.group(1)), match.group(2).strip(), match.group(3)))
    used = {anchor for _, _, anchor in headings if anchor}
    counters: dict[str, int] = {}
    html: list[str] = []
    tokens: list[Any] = []
    title = None
    found = iter(headings)
    for part in parts:
        if placeholder.match(part):
            html.append(f"<p>{part}</p>")
            continue
        level, text, anchor = next(found)
        name = strip_tags(text)  # as the toc extension names it: white space collapsed
        if anchor is None:
            anchor = unique(slugify(name, "-"), used, counters)
        if level == 1 and title is None:
            title = name
        html.append(f'<h{level} id="{anchor}">{text}</h{level}>')
        tokens.append({"level": level, "id": anchor, "name": name, "html": text, "data-toc-label": ""})
    nested: list[Any] = nest_toc_tokens(tokens)
    return Rendered("\n".join(html), nested, title)
