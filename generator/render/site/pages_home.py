"""The home page: what the site is, and "choose your path", one card per audience (template `home.md`)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.model.framework import Audience, Level
from generator.model.practice import Practice
from generator.model.role import Role
from generator.model.session import Session
from generator.model.tool import Tool
from generator.model.training import LearningPath
from generator.render.site.context import SiteContext
from generator.render.site.icons import icon_svg
from generator.render.site.page import Page, render_page
from generator.render.site.pages_sessions import is_trainers
from generator.render.site.training_ui import training_data


@dataclass(frozen=True)
class AudienceCard:
    """What an audience's card links to."""

    audience: Audience
    icon: Markup  # the audience's icon (SVG), or empty
    level: str | None  # the management level the audience is named after ('top-managers' -> 'top')
    level_practices: int  # practices at that level
    paths: tuple[LearningPath, ...]  # its learning paths
    roles: tuple[str, ...]  # roles of its level, or patient roles for patients
    tools: tuple[str, ...]  # tools meant for it
    downloads: int  # its PDFs
    fallback: bool  # fewer than two links above: the card also links the framework (and the cases)
    sessions: int = 0  # for the trainers' audience: the sessions in the trainers' area, its first link


def _level_of(ctx: SiteContext, audience: Audience) -> str | None:
    # An audience named after a level ('top-managers' -> 'top') gets that level's practices.
    for level in ctx.content.all(Level):
        if audience.id == level or audience.id.startswith(level + "-"):
            return level
    return None


def _card(ctx: SiteContext, audience: Audience) -> AudienceCard:
    c = ctx.content
    level = _level_of(ctx, audience)
    paths = tuple(p for p in c.all(LearningPath).values() if p.audience == audience.id)
    roles = [r.id for r in c.all(Role).values() if level and r.level == level]
    if audience.id.startswith("patient"):
        roles += [r.id for r in c.all(Role).values() if r.category == "patient"]
    tools = tuple(t.id for t in c.all(Tool).values() if audience.id in t.audience)
    downloads = sum(1 for d in ctx.downloads if audience.id in d.audience)
    sessions = len(c.all(Session)) if is_trainers(audience.id) else 0
    links = (level is not None) + len(paths) + bool(roles) + bool(tools) + bool(downloads) + bool(sessions)
    return AudienceCard(audience, Markup(icon_svg(audience.icon)), level,
                        sum(1 for p in c.all(Practice).values() if level in p.levels) if level else 0,
                        paths, tuple(dict.fromkeys(roles)), tools, downloads, links < 2, sessions)


def render_home(ctx: SiteContext) -> Page:
    """The home page."""
    c = ctx.content
    return render_page(ctx, "home.md", "home", ctx.plain(c.site.title), description=ctx.plain(c.site.description),
                       hide=("navigation", "toc"), lead=ctx.text(c.site.description),
                       cards=[_card(ctx, a) for a in c.all(Audience).values()], training=training_data(ctx))
