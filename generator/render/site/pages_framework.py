"""The framework page: the SVG figure, then families × levels and families × phases matrices
(template `framework.md`)."""

from __future__ import annotations

from markupsafe import Markup

from generator.model.framework import Family
from generator.render.diagrams import framework_svg
from generator.render.site.context import SiteContext
from generator.render.site.page import Page, render_page


def render_framework(ctx: SiteContext) -> Page:
    """The framework page."""
    c = ctx.content
    return render_page(ctx, "framework.md", "framework", ctx.raw("framework"), hide=("toc",),
                       lead=ctx.s("framework_intro", n=len(c.all(Family))),
                       figure=Markup(framework_svg(c, ctx.lang)))
