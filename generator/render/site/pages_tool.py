"""One page per tool: purpose, how to use it, and its items shown as a readable form."""

from __future__ import annotations

from generator.model.tool import Tool, ToolSection
from generator.render.site.components import download_links, link_list, references_block
from generator.render.site.context import SiteContext
from generator.render.site.html import esc
from generator.render.site.page import Page, block, heading, make_page, section


def _item(ctx: SiteContext, item: object) -> str:
    kind = getattr(item, "type", "")
    help_text = getattr(item, "help", None)
    hint = f'<span class="pk-hint">{ctx.text(help_text)}</span>' if help_text is not None else ""
    if kind == "checkbox":
        return (f'<li class="pk-item pk-item--checkbox"><span class="pk-box" aria-hidden="true">'
                f"☐</span> {ctx.text(item.label)}{hint}</li>")  # type: ignore[attr-defined]
    if kind == "text":
        lines = getattr(item, "lines", 1)
        return (f'<li class="pk-item pk-item--text">{ctx.text(item.label)}{hint}'  # type: ignore[attr-defined]
                f'<span class="pk-lines" style="--lines:{int(lines)}" aria-hidden="true"></span></li>')
    if kind == "rating":
        scale = int(item.scale)  # type: ignore[attr-defined]
        points = "".join(f"<li>{n}</li>" for n in range(1, scale + 1))
        legend = ctx.s("scale_from_to", n=scale, low=ctx.plain(item.low), high=ctx.plain(item.high))  # type: ignore[attr-defined]
        return (f'<li class="pk-item pk-item--rating">{ctx.text(item.label)}'  # type: ignore[attr-defined]
                f'<span class="pk-hint">{legend}</span><ol class="pk-scale" aria-hidden="true">'
                f"{points}</ol></li>")
    if kind == "signature":
        return (f'<li class="pk-item pk-item--signature">{ctx.s("signature")}: '
                f"{ctx.text(item.label)}"  # type: ignore[attr-defined]
                f'<span class="pk-hint">{ctx.s("name_date")}</span>'
                f'<span class="pk-lines" style="--lines:1" aria-hidden="true"></span></li>')
    return f'<li class="pk-item pk-item--info">{ctx.md(item.text)}</li>'  # type: ignore[attr-defined]


def _section(ctx: SiteContext, number: int, sec: ToolSection) -> str:
    items = "".join(_item(ctx, item) for item in sec.items)
    return (heading(ctx.plain(sec.title), f"section-{number}", 3) + "\n\n"
            + block(f'<ul class="pk-form">{items}</ul>'))


def render_tool(ctx: SiteContext, tool: Tool) -> Page:
    """The tool page."""
    c = ctx.content
    rows = [f'<div><dt>{ctx.s("kind")}</dt><dd>{ctx.s("kind_" + tool.kind)}</dd></div>']
    if tool.audience:
        rows.append(f'<div><dt>{ctx.s("audience")}</dt><dd>'
                    + ", ".join(ctx.link("audience", a) for a in tool.audience) + "</dd></div>")
    if tool.users:
        rows.append(f'<div><dt>{ctx.s("users")}</dt><dd>'
                    + ", ".join(ctx.link("role", r) for r in tool.users) + "</dd></div>")
    if tool.tags:
        rows.append(f'<div><dt>{ctx.s("tags")}</dt><dd>' + ", ".join(esc(x) for x in tool.tags)
                    + "</dd></div>")
    facts = f'<dl class="pk-facts">{"".join(rows)}</dl>'
    content_parts = "\n\n".join(_section(ctx, n, s) for n, s in enumerate(tool.sections, start=1))
    steps = []
    for process in c.processes.values():
        for number, step in enumerate(process.steps, start=1):
            if tool.id in step.tools:
                target = ctx.href("process", process.id) or "#"
                steps.append(f'<li><a href="{esc(target)}#step-{number}">{ctx.s("step", n=number)}: '
                             f"{ctx.text(step.title)}</a> — {ctx.link('process', process.id)}</li>")
    parts = [
        block(facts + download_links(ctx, ctx.downloads_of("tool", tool.id))),
        section(ctx, "purpose", ctx.md(tool.purpose)),
        section(ctx, "instructions", ctx.md(tool.instructions)),
        heading(ctx.raw("content_of_tool"), "content") + "\n\n" + content_parts,
        section(ctx, "supports", link_list(ctx, "practice", c.related("tool", tool.id, "practice"))),
        section(ctx, "steps", f"<ul>{''.join(steps)}</ul>" if steps else ""),
        section(ctx, "sources", references_block(ctx, tool.references)),
    ]
    return make_page(ctx, "tool", ctx.plain(tool.title), parts,
                     description=ctx.excerpt(tool.purpose))
