"""Index pages per kind: cards that filter by family, level, phase and tag in the browser
(templates `practices-index.md`, `roles-index.md`, `cases-index.md`, `tools-index.md`,
`program-index.md`, through the fragment `fragments/filtered-list.html`).

The list is complete and readable without JavaScript; the filter form is `hidden` until
the site's small script shows it. Filters read `?family=&level=&phase=&tag=` from the
address, so other pages can link to a filtered list.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.model import registry
from generator.model.case import Case
from generator.model.framework import Family, Level
from generator.model.practice import Practice
from generator.model.program import Process, Program
from generator.model.role import Role
from generator.model.tool import Tool
from generator.render.site.context import SiteContext
from generator.render.site.page import Page, render_page


@dataclass(frozen=True)
class Card:
    """One entity of an index: `key` ('kind:id') and its values per facet, for the filters."""

    kind: str
    id: str
    entity: object
    facets: dict[str, list[str]]

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True)
class Filter:
    """A select of the filter form: its name, label (a UI string key) and (value, label) options."""

    name: str
    label: str
    options: list[tuple[str, str]]


def _filters(ctx: SiteContext, cards: list[Card], facets: list[str]) -> list[Filter]:
    """A select per facet that some card has, with only the values cards have."""
    c = ctx.content
    used = {f: sorted({v for card in cards for v in card.facets.get(f, [])}) for f in facets}
    filters = []
    if used.get("family"):
        filters.append(Filter("family", "family", [(f.id, f"{f.number}. {ctx.plain(f.name)}")
                                                   for f in c.all(Family).values() if f.id in used["family"]]))
    if used.get("level"):
        filters.append(Filter("level", "level", [(x.id, ctx.plain(x.name))
                                                 for x in c.all(Level).values() if x.id in used["level"]]))
    if used.get("phase"):
        filters.append(Filter("phase", "phase", [(x.id, ctx.plain(x.name))
                                                 for x in c.all(registry.PHASE).values() if x.id in used["phase"]]))
    if used.get("tag"):
        filters.append(Filter("tag", "tag", [(x, x) for x in used["tag"]]))
    return filters


def _index(ctx: SiteContext, template: str, title_key: str, cards: list[Card], facets: list[str],
           lead: Markup | None = None) -> Page:
    return render_page(ctx, template, "index", ctx.raw(title_key), lead=lead, cards=cards, facets=facets,
                       filters=_filters(ctx, cards, facets))


def render_practice_index(ctx: SiteContext) -> Page:
    """All practices, grouped in family order, filterable."""
    c = ctx.content
    cards = [Card("practice", p.id, p, {"family": [p.family], "level": list(p.levels), "phase": list(p.phases),
                                        "tag": list(p.tags)})
             for family in c.all(Family).values() for p in c.practices_in_family(family.id)]
    return _index(ctx, "practices-index.md", "practices", cards, ["family", "level", "phase", "tag"],
                  lead=ctx.s("filter_help"))


def render_role_index(ctx: SiteContext) -> Page:
    """All roles, filterable by level and tag."""
    cards = [Card("role", r.id, r, {"level": [r.level] if r.level else [], "tag": list(r.tags)})
             for r in ctx.content.all(Role).values()]
    return _index(ctx, "roles-index.md", "roles", cards, ["level", "tag"])


def render_case_index(ctx: SiteContext) -> Page:
    """All cases, filterable by phase and tag."""
    cards = [Card("case", case.id, case, {"phase": [s.phase for s in case.story], "tag": list(case.tags)})
             for case in ctx.content.all(Case).values()]
    return _index(ctx, "cases-index.md", "cases", cards, ["phase", "tag"])


def render_tool_index(ctx: SiteContext) -> Page:
    """All tools, filterable by the families, levels and phases of the practices they support."""
    c = ctx.content
    cards = []
    for tool in c.all(Tool).values():
        practices = [c.all(Practice)[x] for x in c.related("tool", tool.id, "practice")]
        cards.append(Card("tool", tool.id, tool, {
            "family": sorted({p.family for p in practices}),
            "level": sorted({x for p in practices for x in p.levels}),
            "phase": sorted({x for p in practices for x in p.phases}),
            "tag": list(tool.tags),
        }))
    return _index(ctx, "tools-index.md", "tools", cards, ["family", "level", "phase", "tag"])


def render_program_index(ctx: SiteContext) -> Page:
    """Programs and their processes."""
    c = ctx.content
    cards = [*(Card("program", p.id, p, {}) for p in c.all(Program).values()),
             *(Card("process", p.id, p, {}) for p in c.all(Process).values())]
    return _index(ctx, "program-index.md", "program", cards, [])
