"""The navigation: generated pages grouped in sections, so no page lists a thousand links.

Material renders the whole navigation into every page; with `navigation.prune` only
the open section is rendered, so keeping pages in sections keeps the build linear.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import escape

from generator.model.case import Case
from generator.model.framework import Family
from generator.model.program import Process, Program
from generator.model.role import Role
from generator.model.session import Session
from generator.model.tool import Tool
from generator.model.training import LearningPath, Module
from generator.render.site import urls
from generator.render.site.context import SiteContext

# Most pages a section lists before it is split into sub-sections: with
# navigation.prune, a page renders only the pages of its own sub-section.
CHUNK = 40


@dataclass(frozen=True)
class NavNode:
    """A page (src set) or a section (children set); `title` is plain text."""

    title: str
    src: str | None = None
    children: tuple[NavNode, ...] = ()


def _bounded(ctx: SiteContext, title: str, nodes: list[NavNode]) -> list[NavNode]:
    """`nodes` as they are when few; else one section of numbered sub-sections of CHUNK pages."""
    if len(nodes) <= CHUNK:
        return nodes
    groups = tuple(
        NavNode(ctx.raw("range", title=title, first=i + 1, last=min(i + CHUNK, len(nodes))), None,
                tuple(nodes[i : i + CHUNK]))
        for i in range(0, len(nodes), CHUNK)
    )
    return [NavNode(title, None, groups)]


def _chunked(ctx: SiteContext, title: str, nodes: list[NavNode]) -> list[NavNode]:
    """Inside a section already: the pages, or numbered sub-sections of CHUNK pages."""
    bounded = _bounded(ctx, title, nodes)
    return list(bounded[0].children) if len(nodes) > CHUNK else bounded


def build_nav(ctx: SiteContext, extra_pages: list[tuple[str, str]] | None = None) -> list[NavNode]:
    """The site's navigation; `extra_pages` (title, src) are hand-written pages, listed last."""
    c = ctx.content

    def page(kind: str, entity_id: str) -> NavNode:
        return NavNode(ctx.title_of(kind, entity_id), urls.entity_page(kind, entity_id))

    # Families are nested one level down, so a practice page lists only its own family.
    families = []
    for family in c.all(Family).values():
        members = [page("practice", p.id) for p in c.practices_in_family(family.id)]
        name = f"{family.number}. {ctx.plain(family.name)}"
        if len(members) > CHUNK:
            members = list(_bounded(ctx, name, members)[0].children)
        if members:
            families.append(NavNode(name, None, tuple(members)))
    practices = [NavNode(ctx.raw("all_practices"), urls.INDEXES["practice"]),
                 NavNode(ctx.raw("families"), None, tuple(families))]
    # Modules in the order the paths take them, then any module no path uses.
    modules = list(dict.fromkeys([*(m for p in c.all(LearningPath).values() for m in p.modules), *c.all(Module)]))
    program = [NavNode(ctx.raw("overview"), urls.INDEXES["program"])]
    program += [page("program", x) for x in c.all(Program)]
    program += [page("process", x) for x in c.all(Process)]
    nav = [
        NavNode(ctx.raw("home"), urls.HOME),
        NavNode(ctx.raw("framework"), urls.FRAMEWORK),
        NavNode(ctx.raw("practices"), None, tuple(practices)),
        NavNode(ctx.raw("roles"), None, (
            NavNode(ctx.raw("all_roles"), urls.INDEXES["role"]),
            *_bounded(ctx, ctx.raw("roles"), [page("role", x) for x in c.all(Role)]))),
        NavNode(ctx.raw("cases"), None, (
            NavNode(ctx.raw("all_cases"), urls.INDEXES["case"]),
            *_bounded(ctx, ctx.raw("cases"), [page("case", x) for x in c.all(Case)]))),
        NavNode(ctx.raw("program"), None, tuple(program)),
        NavNode(ctx.raw("training"), None, (
            NavNode(ctx.raw("all_paths"), urls.INDEXES["path"]),
            *([NavNode(ctx.raw("summary"), urls.TRAINING_SUMMARY)] if c.all(LearningPath) else []),
            NavNode(ctx.raw("learning_paths"), None, tuple(page("path", p) for p in c.all(LearningPath))),
            NavNode(ctx.raw("modules"), None, tuple(_chunked(ctx, ctx.raw("modules"),
                                                             [page("module", m) for m in modules]))),
            NavNode(ctx.raw("trainers"), None, (  # the trainers' area
                NavNode(ctx.raw("sessions"), urls.INDEXES["session"]),
                *_chunked(ctx, ctx.raw("sessions"), [page("session", s) for s in c.all(Session)]))),
        )),
        NavNode(ctx.raw("tools"), None, (
            NavNode(ctx.raw("all_tools"), urls.INDEXES["tool"]),
            *_bounded(ctx, ctx.raw("tools"), [page("tool", x) for x in c.all(Tool)]))),
        NavNode(ctx.raw("library"), None, (
            NavNode(ctx.raw("glossary"), urls.GLOSSARY),
            NavNode(ctx.raw("references"), urls.REFERENCES),
            NavNode(ctx.raw("quotes"), urls.QUOTES),
            NavNode(ctx.raw("downloads"), urls.DOWNLOADS),
            *([NavNode(ctx.plain(c.evidence.title), urls.EVIDENCE)] if c.evidence is not None else []),
            NavNode(ctx.raw("about"), urls.ABOUT),
            NavNode(ctx.raw("changes"), urls.CHANGES),
            *(NavNode(title, src) for title, src in (extra_pages or [])),
        )),
    ]
    return nav


def nav_config(nodes: list[NavNode]) -> list[Any]:
    """The navigation as MkDocs' `nav` setting, each title HTML-escaped exactly once.

    Material prints a title as HTML in the menu (`{{ nav_item.title }}`) but escapes it
    itself in attributes (`{{ page.next_page.title | e }}`). A `Markup` title is both:
    escaped text that Jinja knows is escaped, so `| e` leaves it alone.
    """
    out: list[Any] = []
    for node in nodes:
        if node.src is None and not node.children:
            continue  # an empty section (e.g. no modules yet)
        if node.children:
            out.append({escape(node.title): nav_config(list(node.children))})
        else:
            out.append({escape(node.title): node.src})
    return out


def plain_nav_config(config: list[Any]) -> list[Any]:
    """`nav_config` with plain `str` titles (still escaped), for writing nav.yml."""
    out: list[Any] = []
    for item in config:
        ((title, value),) = item.items()
        out.append({str(title): plain_nav_config(value) if isinstance(value, list) else value})
    return out
