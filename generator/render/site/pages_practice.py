"""One page per practice: what, why, how, pitfalls, what the cases did, quotes, links."""

from __future__ import annotations

from generator.model.practice import Practice
from generator.render.site.components import (
    bullets,
    chips,
    download_links,
    link_list,
    ordered,
    quotes_block,
    references_block,
)
from generator.render.site.context import SiteContext
from generator.render.site.page import Page, block, make_page, section


def render_practice(ctx: SiteContext, practice: Practice) -> Page:
    """The practice page."""
    c = ctx.content
    family = c.families[practice.family]
    status = ""
    if practice.status == "open-challenge":
        status = (f'<p class="pk-badge pk-badge--challenge"><strong>{ctx.s("open-challenge")}'
                  f"</strong> — {ctx.s('open_challenge_help')}</p>")
    approach = ""
    if family.approach is not None:  # a framework may not split adapted from renewed practices
        approach = (f'<p class="pk-approach">{ctx.s(family.approach)} — {ctx.s(family.approach + "_help")}'
                    f"</p>")
    facts = chips(ctx, practice.family, practice.levels, practice.phases, practice.tags)
    observed = "".join(
        f'<div class="pk-observation"><h3>{ctx.link("case", o.case)}</h3>{ctx.md(o.what)}</div>'
        for o in practice.observed_in
    )
    quotes = list(dict.fromkeys([*practice.evidence, *c.related("practice", practice.id, "quote")]))
    roles = c.related("practice", practice.id, "role")
    tools = c.related("practice", practice.id, "tool")
    related = c.related("practice", practice.id, "practice")
    cases_only = [x for x in c.related("practice", practice.id, "case")
                  if x not in {o.case for o in practice.observed_in}]
    if cases_only:
        observed += f"<p>{ctx.s('cases')}: " + ", ".join(ctx.link("case", x) for x in cases_only) + "</p>"
    parts = [
        block(status + approach + facts + download_links(ctx, ctx.downloads_of("practice", practice.id))),
        section(ctx, "what_it_is", ctx.md(practice.description)),
        section(ctx, "why", ctx.md(practice.why)),
        section(ctx, "how_to", ordered(ctx.md(step) for step in practice.how_to)),
        section(ctx, "pitfalls", bullets(ctx.md(p) for p in practice.pitfalls)),
        section(ctx, "observed_in", observed),
        section(ctx, "evidence", quotes_block(ctx, quotes)),
        section(ctx, "toolkits_add", bullets(ctx.md(x) for x in practice.toolkits_add)),
        section(ctx, "roles_involved", link_list(ctx, "role", roles)),
        section(ctx, "tools_support", link_list(ctx, "tool", tools)),
        section(ctx, "related_practices", link_list(ctx, "practice", related)),
        section(ctx, "sources", references_block(ctx, practice.references)),
    ]
    return make_page(ctx, "practice", ctx.plain(practice.title), parts,
                     description=ctx.plain(practice.summary),
                     lead=ctx.text(practice.summary))


