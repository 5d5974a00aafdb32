"""One page per role: who, responsibilities, day one, and every practice, step and case naming it."""

from __future__ import annotations

from generator.model.role import Role
from generator.render.site.components import (
    bullets,
    download_links,
    link_list,
    quotes_block,
    references_block,
)
from generator.render.site.context import SiteContext
from generator.render.site.html import esc
from generator.render.site.page import Page, block, make_page, section


def _facts(ctx: SiteContext, role: Role) -> str:
    rows = [f'<div><dt>{ctx.s("category")}</dt><dd>{ctx.s("cat_" + role.category)}</dd></div>']
    if role.abbreviation is not None:
        rows.append(f'<div><dt>{ctx.s("abbreviation")}</dt><dd>{ctx.text(role.abbreviation)}</dd></div>')
    if role.level:
        rows.append(f'<div><dt>{ctx.s("level")}</dt><dd>{ctx.link("level", role.level)}</dd></div>')
    if role.tags:
        tags = "".join(f'<li class="pk-chip"><span class="pk-tag">{esc(x)}</span></li>' for x in role.tags)
        rows.append(f'<div><dt>{ctx.s("tags")}</dt><dd><ul class="pk-chips">{tags}</ul></dd></div>')
    return f'<dl class="pk-facts">{"".join(rows)}</dl>'


def _steps(ctx: SiteContext, role: Role) -> str:
    items = []
    for process in ctx.content.processes.values():
        for number, step in enumerate(process.steps, start=1):
            if role.id in step.actors:
                target = ctx.href("process", process.id) or "#"
                items.append(f'<li><a href="{esc(target)}#step-{number}">'
                             f'{ctx.s("step", n=number)}: {ctx.text(step.title)}</a> — '
                             f"{ctx.link('process', process.id)}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def render_role(ctx: SiteContext, role: Role) -> Page:
    """The role page."""
    c = ctx.content
    cases = [case.id for case in c.cases.values()
             if any(seat.role == role.id for seat in case.profile.qi_team)]
    quotes = [q.id for q in c.quotes.values() if q.speaker.role == role.id]
    parts = [
        block(_facts(ctx, role) + download_links(ctx, ctx.downloads_of("role", role.id))),
        section(ctx, "who", ctx.md(role.who)),
        section(ctx, "responsibilities", bullets(ctx.md(r) for r in role.responsibilities)),
        section(ctx, "day_one", bullets(ctx.md(d) for d in role.day_one)),
        section(ctx, "works_with", link_list(ctx, "role", c.related("role", role.id, "role"))),
        section(ctx, "practices_of_role",
                link_list(ctx, "practice", c.related("role", role.id, "practice"))),
        section(ctx, "steps_of_role", _steps(ctx, role)),
        section(ctx, "tools", link_list(ctx, "tool", c.related("role", role.id, "tool"))),
        section(ctx, "cases_with_role", link_list(ctx, "case", cases)),
        section(ctx, "quotes_by_role", quotes_block(ctx, quotes)),
        section(ctx, "sources", references_block(ctx, role.references)),
    ]
    return make_page(ctx, "role", ctx.plain(role.name), parts,
                     description=ctx.plain(role.summary), lead=ctx.text(role.summary))
