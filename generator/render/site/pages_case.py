"""One page per case: profile table, SVG timeline, story by phase, outcomes, quotes (template `case.md`)."""

from __future__ import annotations

from markupsafe import Markup

from generator.model.case import Case
from generator.model.quote import Quote
from generator.render.diagrams import timeline_svg
from generator.render.site.context import SiteContext
from generator.render.site.page import Page, render_page


def render_case(ctx: SiteContext, case: Case) -> Page:
    """The case page."""
    c = ctx.content
    return render_page(
        ctx, "case.md", "case", ctx.plain(case.title),
        description=ctx.plain(case.summary), lead=ctx.text(case.summary),
        case=case,
        timeline=Markup(timeline_svg(c, case.id, ctx.lang)),
        practices=c.related("case", case.id, "practice"),
        quotes=[c.all(Quote)[q] for q in c.related("case", case.id, "quote")],
        downloads=ctx.downloads_of("case", case.id),
    )
