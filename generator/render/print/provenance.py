"""Where a printed part comes from: "From the study · Results, Team training", "From published
toolkits · Health Quality Ontario (2017)" or "Our guidance", as a small line over a part or after
an item. Shown where the source changes, as on the site.
"""

from __future__ import annotations

from generator.model.provenance import Provenance
from generator.render.print.context import RenderContext
from generator.render.print.typst_code import Code, call, seq, text


def _words(ctx: RenderContext, source: Provenance, lead: str | None = None) -> list[Code]:
    parts = [text(ctx.w(lead or f"source_{source.type}"))]
    if source.locator:
        parts.append(text(f" · {source.locator}"))
    if source.reference:
        parts += [text(" · "), ctx.ref("reference", source.reference, None)]
    return parts


def source_line(ctx: RenderContext, source: Provenance, lead: str | None = None) -> Code:
    """The source of what follows, on a line of its own (`lead`: a message said instead of the type's)."""
    return call("pk-source", seq(_words(ctx, source, lead)))


def source_line_if(ctx: RenderContext, source: Provenance, around: Provenance) -> Code | None:
    """The line, when `source` is not the source of what holds it (`around`); else nothing."""
    return source_line(ctx, source) if source.key != around.key else None


def with_source(ctx: RenderContext, body: Code, source: Provenance, around: Provenance, *,
                by_type: bool = False) -> Code:
    """An item's body, followed by its source when that is not its list's (by type only with
    `by_type`: an item citing its toolkit in its text needs no second citation)."""
    differs = source.type != around.type or (not by_type and source.key != around.key)
    if not differs:
        return body
    return seq([body, text(" "), call("pk-source-tag", seq([text("("), *_words(ctx, source), text(")")]))])
