"""Tools as printable forms: boxes to tick, lines and boxes to write in, rating scales,
signature lines, guidance between them.
"""

from __future__ import annotations

from generator.model.provenance import Provenance
from generator.model.tool import (
    CheckboxItem,
    InfoItem,
    RatingItem,
    SignatureItem,
    TextItem,
    Tool,
    ToolItem,
)
from generator.render.print.blocks import compact, facts, heading, lead, refs
from generator.render.print.context import RenderContext
from generator.render.print.markdown import MarkdownWriter
from generator.render.print.provenance import source_line, source_line_if, with_source
from generator.render.print.typst_code import Code, call, seq, text


def _item(ctx: RenderContext, md: MarkdownWriter, item: ToolItem, level: int, source: Provenance,
          around: Provenance) -> Code:
    """One item; its source after its label when it is not its section's."""
    help_text = getattr(item, "help", None)
    help_code = text(ctx.t(help_text)) if help_text is not None else None
    if isinstance(item, InfoItem):
        note = source_line_if(ctx, source, around)
        body = md.content(ctx.source(item.text), level)
        return call("pk-info", seq([body, note]) if note is not None else body)
    label = with_source(ctx, text(ctx.t(item.label)), source, around)
    if isinstance(item, CheckboxItem):
        return call("pk-check", label, help_code)
    if isinstance(item, TextItem):
        return call("pk-lines", label, item.lines, help_code)
    if isinstance(item, RatingItem):
        return call("pk-rating", label, item.scale, text(ctx.t(item.low)), text(ctx.t(item.high)))
    if isinstance(item, SignatureItem):
        words = [ctx.w("signature"), ctx.w("name"), ctx.w("date")]
        return call("pk-signature", label, [text(w) for w in words])
    raise TypeError(f"unknown tool item {type(item).__name__}")


def render_tool(ctx: RenderContext, tool_id: str, level: int = 1) -> list[Code]:
    """A tool: title, where it comes from, purpose and instructions, then its sections of items
    (a section or an item from elsewhere than what holds it says so)."""
    tool: Tool = ctx.content.all(Tool)[tool_id]
    md = MarkdownWriter(ctx)
    meta: list[tuple[str, Code]] = []
    if tool.users:
        meta.append((ctx.w("users"), refs(ctx, "role", tool.users)))
    if tool.practices:
        meta.append((ctx.w("supports_short"), refs(ctx, "practice", tool.practices)))
    purpose, more = md.lead_and_rest(ctx.source(tool.purpose), level)
    own = tool.provenance
    out: list[Code | None] = [
        heading(level, ctx.t(tool.title), ctx.anchor("tool", tool_id)),
        source_line(ctx, own),
        lead(purpose),
        *more,
        facts(ctx, meta),
    ]
    if tool.instructions is not None:
        out.append(call("pk-info", md.content(ctx.source(tool.instructions), level + 1)))
    for section in tool.sections:
        around = tool.source_of(section)
        out += [heading(level + 1, ctx.t(section.title)), source_line_if(ctx, around, own)]
        out.extend(_item(ctx, md, item, level + 1, tool.source_of(section, item), around) for item in section.items)
    return compact(out)
