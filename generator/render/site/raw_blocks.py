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
