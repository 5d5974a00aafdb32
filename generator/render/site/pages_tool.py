"""One page per tool: purpose, how to use it, and its items shown as a readable form (template `tool.md`)."""

from __future__ import annotations

from generator.model.tool import Tool
from generator.render.site.context import SiteContext
from generator.render.site.page import Page, render_page, steps_naming


def render_tool(ctx: SiteContext, tool: Tool) -> Page:
    """The tool page."""
    return render_page(
        ctx, "tool.md", "tool", ctx.plain(tool.title), description=ctx.excerpt(tool.purpose),
        tool=tool,
        practices=ctx.content.related("tool", tool.id, "practice"),
        steps=steps_naming(ctx, tool.id, "tools"),
        downloads=ctx.downloads_of("tool", tool.id),
    )
