"""One page per role: who, responsibilities, day one, and every practice, step and case naming it
(template `role.md`)."""

from __future__ import annotations

from generator.model.case import Case
from generator.model.quote import Quote
from generator.model.role import Role
from generator.render.site.context import SiteContext
from generator.render.site.page import Page, render_page, steps_naming


def render_role(ctx: SiteContext, role: Role) -> Page:
    """The role page."""
    c = ctx.content
    return render_page(
        ctx, "role.md", "role", ctx.plain(role.name),
        description=ctx.plain(role.summary), lead=ctx.text(role.summary),
        role=role,
        works_with=c.related("role", role.id, "role"),
        practices=c.related("role", role.id, "practice"),
        tools=c.related("role", role.id, "tool"),
        cases=[case.id for case in c.all(Case).values() if any(seat.role == role.id for seat in case.profile.qi_team)],
        steps=steps_naming(ctx, role.id, "actors"),
        quotes=[q for q in c.all(Quote).values() if q.speaker.role == role.id],
        downloads=ctx.downloads_of("role", role.id),
    )
