"""One page per case: profile table, SVG timeline, story by phase, outcomes, quotes."""

from __future__ import annotations

from generator.model.case import Case
from generator.render.diagrams import timeline_svg
from generator.render.site.components import (
    bullets,
    download_links,
    link_list,
    quotes_block,
    references_block,
)
from generator.render.site.context import SiteContext
from generator.render.site.html import esc
from generator.render.site.page import Page, block, heading, make_page, section


def _profile(ctx: SiteContext, case: Case) -> str:
    p = case.profile
    named = [("organization_type", p.organization_type), ("setting", p.setting),
             ("clinical_area", p.clinical_area), ("unit", p.unit), ("coordination", p.coordination)]
    # Every profile field is optional: a row only for what the case tells.
    body = "".join(f'<tr><th scope="row">{ctx.s(k)}</th><td>{ctx.text(v)}</td></tr>'
                   for k, v in named if v is not None)
    if p.qi_team:
        team = "".join(f"<li>{ctx.text(seat.count)} × {ctx.link('role', seat.role)}</li>"
                       for seat in p.qi_team)
        body += f'<tr><th scope="row">{ctx.s("qi_team")}</th><td><ul class="pk-plain">{team}</ul></td></tr>'
    body += "".join(f'<tr><th scope="row">{ctx.text(f.label)}</th><td>{ctx.text(f.value)}</td></tr>'
                    for f in p.facts)
    if not body:
        return ""
    return (f'<table class="pk-profile"><caption>{ctx.s("profile")}: {ctx.text(case.short_title)}'
            f"</caption><tbody>{body}</tbody></table>")


def _story(ctx: SiteContext, case: Case) -> str:
    parts = []
    for story in case.story:
        name = ctx.plain(ctx.content.phases[story.phase].name)
        events = "".join(
            f'<li><strong><time datetime="{esc(e.date)}">{esc(e.date)}</time></strong> — '
            f"{ctx.text(e.title)}{(' ' + ctx.md_inline(e.description)) if e.description else ''}</li>"
            for e in story.events
        )
        parts.append(heading(name, f"phase-{story.phase}", 3) + "\n\n" + block(
            f'<p class="pk-muted pk-small">{ctx.link("phase", story.phase, ctx.raw("about_phase", name=name))}</p>'
            + ctx.md(story.summary, heading_base=4)
            + (f'<ul class="pk-events">{events}</ul>' if events else "")))
    return "\n\n".join(parts)


def _outcomes(ctx: SiteContext, case: Case) -> str:
    items = []
    for o in case.outcomes:
        figure = f'<span class="pk-figure-value">{ctx.text(o.figure)}</span> ' if o.figure else ""
        when = f' <span class="pk-muted">({esc(o.date)})</span>' if o.date else ""
        desc = ctx.md(o.description) if o.description else ""
        items.append(f"<li>{figure}{ctx.text(o.label)}{when}{desc}</li>")
    return f'<ul class="pk-outcomes">{"".join(items)}</ul>' if items else ""


def render_case(ctx: SiteContext, case: Case) -> Page:
    """The case page."""
    c = ctx.content
    svg = timeline_svg(c, case.id, ctx.lang)
    timeline = f'<figure class="pk-diagram pk-diagram--timeline" tabindex="0">{svg}</figure>'
    story = _story(ctx, case)
    activities = ""
    if case.activities.team_level:
        activities += f"<h3>{ctx.s('team_level')}</h3>" + bullets(ctx.md(a) for a in case.activities.team_level)
    if case.activities.other_levels:
        activities += f"<h3>{ctx.s('other_levels')}</h3>" + bullets(ctx.md(a) for a in case.activities.other_levels)
    quotes = c.related("case", case.id, "quote")
    head = _profile(ctx, case) + download_links(ctx, ctx.downloads_of("case", case.id))
    parts = [
        block(head) if head else "",
        section(ctx, "timeline", timeline),
        heading(ctx.raw("story"), "story") + "\n\n" + story if story else "",
        section(ctx, "activities", activities),
        section(ctx, "outcomes", _outcomes(ctx, case)),
        section(ctx, "challenges", bullets(ctx.md(x) for x in case.challenges)),
        section(ctx, "practices_observed",
                link_list(ctx, "practice", c.related("case", case.id, "practice"))),
        section(ctx, "evidence", quotes_block(ctx, quotes)),
        section(ctx, "sources", references_block(ctx, case.references)),
    ]
    return make_page(ctx, "case", ctx.plain(case.title), parts,
                     description=ctx.plain(case.summary), lead=ctx.text(case.summary))
