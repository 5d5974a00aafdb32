"""The home page: what the site is, and "choose your path", one card per audience."""

from __future__ import annotations

from generator.model.framework import Audience
from generator.render.site import urls
from generator.render.site.context import SiteContext
from generator.render.site.html import esc
from generator.render.site.icons import icon_svg
from generator.render.site.page import Page, block, heading, make_page
from generator.render.site.training_ui import progress_widget, summary_link, training_data


def _level_of(ctx: SiteContext, audience: Audience) -> str | None:
    # An audience named after a level ('top-managers' -> 'top') gets that level's practices.
    for level in ctx.content.levels:
        if audience.id == level or audience.id.startswith(level + "-"):
            return level
    return None


def _modules(ctx: SiteContext, n: int) -> str:
    return ctx.s("modules_one") if n == 1 else ctx.s("modules_count", n=n)


def _cases_blurb(ctx: SiteContext) -> str:
    # The number of cases is the content's, never a study's ("two organizations").
    n = len(ctx.content.cases)
    return ctx.s("explore_cases_one") if n == 1 else ctx.s("explore_cases_many", n=n)


def _explore_tiles(ctx: SiteContext) -> list[tuple[str, str, str]]:
    """(page, escaped title, escaped blurb) of each "Explore" tile the content has."""
    c = ctx.content
    tiles = [(urls.FRAMEWORK, ctx.s("framework"), ctx.s("explore_framework"))]
    if c.cases:
        tiles.append((urls.INDEXES["case"], ctx.s("cases"), _cases_blurb(ctx)))
    if c.processes:
        # The process tells what it is about: its own name and summary, not a fixed sentence.
        process = next(iter(c.processes.values()))
        tiles.append((f"{urls.ENTITY_FOLDERS['process']}/{process.id}.md", ctx.text(process.name),
                      ctx.text(process.summary)))
    if c.tools:
        tiles.append((urls.INDEXES["tool"], ctx.s("tools"), ctx.s("explore_tools")))
    return tiles


def _audience_card(ctx: SiteContext, audience: Audience) -> str:
    c = ctx.content
    links: list[str] = []
    level = _level_of(ctx, audience)
    if level:
        count = sum(1 for p in c.practices.values() if level in p.levels)
        target = ctx.href_page(urls.INDEXES["practice"]) + f"?level={level}"
        links.append(f'<li><a href="{esc(target)}">{ctx.s("for_level")}</a> ({count})</li>')
    for path in c.paths.values():
        if path.audience == audience.id:
            links.append(f"<li>{ctx.s('learning_path')}: {ctx.link('path', path.id)} "
                         f"({_modules(ctx, len(path.modules))}){progress_widget(ctx, path, next_link=True)}</li>")
    roles = [r.id for r in c.roles.values() if level and r.level == level]
    if audience.id.startswith("patient"):
        roles += [r.id for r in c.roles.values() if r.category == "patient"]
    if roles:
        links.append(f"<li>{ctx.s('your_roles')}: "
                     + ", ".join(ctx.link("role", r) for r in dict.fromkeys(roles)) + "</li>")
    tools = [t.id for t in c.tools.values() if audience.id in t.audience]
    if tools:
        more = ""
        if len(tools) > 3:
            more = (f', <a href="{esc(ctx.href_page(urls.INDEXES["tool"]))}">'
                    f"{ctx.s('all_tools_n', n=len(tools))}</a>")
        links.append(f"<li>{ctx.s('your_tools')}: "
                     + ", ".join(ctx.link("tool", t) for t in tools[:3]) + more + "</li>")
    docs = [d for d in ctx.downloads if audience.id in d.audience]
    if docs:
        links.append(f'<li><a href="{esc(ctx.href_page(urls.DOWNLOADS))}">'
                     f"{ctx.s('your_downloads')}</a> ({len(docs)})</li>")
    if len(links) < 2:
        links.append(f'<li><a href="{esc(ctx.href_page(urls.FRAMEWORK))}">{ctx.s("framework")}'
                     f"</a> — {ctx.s('explore_framework')}</li>")
        if c.cases:
            links.append(f'<li><a href="{esc(ctx.href_page(urls.INDEXES["case"]))}">{ctx.s("cases")}'
                         f"</a> — {_cases_blurb(ctx)}</li>")
    icon = icon_svg(audience.icon)
    icon_html = f'<span class="pk-path__icon">{icon}</span>' if icon else ""
    return (f'<li class="pk-path" id="audience-{esc(audience.id)}">{icon_html}'
            f'<h3 class="pk-path__title">{ctx.text(audience.name)}</h3>'
            f'<p>{ctx.text(audience.short)}</p><ul class="pk-path__links">{"".join(links)}</ul></li>')


def render_home(ctx: SiteContext) -> Page:
    """The home page."""
    c = ctx.content
    cards = "".join(_audience_card(ctx, a) for a in c.audiences.values())
    tiles = [f'<li><a href="{esc(ctx.href_page(src))}"><strong>{title}</strong><span>{blurb}</span></a></li>'
             for src, title, blurb in _explore_tiles(ctx)]
    parts = [
        heading(ctx.raw("choose_path"), "choose-your-path") + "\n\n"
        + block(f"<p>{ctx.s('choose_path_intro')}</p><ul class=\"pk-paths\">{cards}</ul>"
                + (summary_link(ctx) + training_data(ctx) if c.paths else "")),
        heading(ctx.raw("explore"), "explore") + "\n\n"
        + block(f'<ul class="pk-tiles">{"".join(tiles)}</ul>'),
    ]
    return make_page(ctx, "home", ctx.plain(c.site.title), parts,
                     description=ctx.plain(c.site.description), hide=("navigation", "toc"),
                     lead=ctx.text(c.site.description))
