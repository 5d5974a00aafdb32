"""One page per practice: what, why, how, pitfalls, what the cases did, quotes, links (template `practice.md`)."""

from __future__ import annotations

from generator.model.framework import Family
from generator.model.practice import Practice
from generator.model.quote import Quote
from generator.render.site.context import SiteContext
from generator.render.site.page import Page, render_page


def render_practice(ctx: SiteContext, practice: Practice) -> Page:
    """The practice page."""
    c = ctx.content
    observed = {o.case for o in practice.observed_in}
    quotes = list(dict.fromkeys([*practice.evidence, *c.related("practice", practice.id, "quote")]))
    return render_page(
        ctx, "practice.md", "practice", ctx.plain(practice.title),
        description=ctx.plain(practice.summary), lead=ctx.text(practice.summary),
        practice=practice,
        family=c.all(Family)[practice.family],
        quotes=[c.all(Quote)[q] for q in quotes],
        roles=c.related("practice", practice.id, "role"),
        tools=c.related("practice", practice.id, "tool"),
        related=c.related("practice", practice.id, "practice"),
        cases_only=[x for x in c.related("practice", practice.id, "case") if x not in observed],
        downloads=ctx.downloads_of("practice", practice.id),
        beyond_study=practice.provenance.type != "study"
        and any(p.provenance.type == "study" for p in c.all(Practice).values()),
    )
