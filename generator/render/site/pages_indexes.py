"""Index pages per kind: cards that filter by family, level, phase and tag in the browser.

The list is complete and readable without JavaScript; the filter form is `hidden` until
the site's small script shows it. Filters read `?family=&level=&phase=&tag=` from the
address, so other pages can link to a filtered list.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.render.site.context import SiteContext
from generator.render.site.html import esc
from generator.render.site.page import Page, block, make_page

Card = tuple[str, str, dict[str, list[str]]]  # (kind:id, inner HTML, facets)


def _select(ctx: SiteContext, name: str, label_key: str, options: Iterable[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{esc(v)}">{esc(label)}</option>' for v, label in options)
    return (f'<label class="pk-filter__field"><span>{ctx.s(label_key)}</span>'
            f'<select name="{name}"><option value="">{ctx.s("any")}</option>{opts}</select></label>')


def filtered_list(ctx: SiteContext, cards: list[Card], facets: list[str]) -> str:
    """The filter form (for the facets used) and the list of cards."""
    c = ctx.content
    fields = []
    used = {f: sorted({v for _, _, fc in cards for v in fc.get(f, [])}) for f in facets}
    if used.get("family"):
        fields.append(_select(ctx, "family", "family",
                              [(f.id, f"{f.number}. {ctx.plain(f.name)}") for f in c.families.values()
                               if f.id in used["family"]]))
    if used.get("level"):
        fields.append(_select(ctx, "level", "level", [(x.id, ctx.plain(x.name))
                                                       for x in c.levels.values() if x.id in used["level"]]))
    if used.get("phase"):
        fields.append(_select(ctx, "phase", "phase", [(x.id, ctx.plain(x.name))
                                                       for x in c.phases.values() if x.id in used["phase"]]))
    if used.get("tag"):
        fields.append(_select(ctx, "tag", "tag", [(x, x) for x in used["tag"]]))
    form = ""
    if fields:
        form = (f'<form class="pk-filter" data-pk-filter hidden><fieldset><legend>{ctx.s("filter")}'
                f'</legend>{"".join(fields)}<button type="reset" class="md-button">{ctx.s("reset")}'
                f'</button></fieldset><p class="pk-filter__status" role="status" aria-live="polite" '
                f'data-pk-status data-template="{ctx.s("showing", shown="{shown}", total="{total}")}">'
                f'</p></form>')
    items = []
    for key, inner, fc in cards:
        data = "".join(f' data-{f}="{esc(" ".join(fc.get(f, [])))}"' for f in facets)
        items.append(f'<li class="pk-card" data-pk-item="{esc(key)}"{data}>{inner}</li>')
    empty = f'<p class="pk-empty" data-pk-empty hidden>{ctx.s("no_match")}</p>'
    return form + f'<ul class="pk-cards" data-pk-list>{"".join(items)}</ul>' + empty


def _card(ctx: SiteContext, kind: str, entity_id: str, summary: str, meta: str) -> str:
    meta_html = f'<p class="pk-card__meta">{meta}</p>' if meta else ""
    return (f'<h2 class="pk-card__title">{ctx.link(kind, entity_id)}</h2>'
            f'<p class="pk-card__summary">{summary}</p>{meta_html}')


def render_practice_index(ctx: SiteContext) -> Page:
    """All practices, grouped in family order, filterable."""
    c = ctx.content
    cards: list[Card] = []
    for family in c.families.values():
        for p in c.practices_in_family(family.id):
            meta = (f"{ctx.s('family')}: {ctx.text(family.name)} · {ctx.s('levels')}: "
                    + ", ".join(ctx.text(c.levels[x].name) for x in p.levels)
                    + f" · {ctx.s('phases')}: " + ", ".join(ctx.text(c.phases[x].name) for x in p.phases))
            if p.status == "open-challenge":
                meta += f" · <strong>{ctx.s('open-challenge')}</strong>"
            cards.append((f"practice:{p.id}", _card(ctx, "practice", p.id, ctx.text(p.summary), meta),
                          {"family": [p.family], "level": list(p.levels), "phase": list(p.phases),
                           "tag": list(p.tags)}))
    body = filtered_list(ctx, cards, ["family", "level", "phase", "tag"])
    return make_page(ctx, "index", ctx.raw("practices"), [block(body)],
                     lead=ctx.s("filter_help"))


def render_role_index(ctx: SiteContext) -> Page:
    """All roles, filterable by level and tag."""
    cards: list[Card] = []
    for r in ctx.content.roles.values():
        meta = ctx.s("cat_" + r.category)
        if r.level:
            meta += f" · {ctx.text(ctx.content.levels[r.level].name)}"
        cards.append((f"role:{r.id}", _card(ctx, "role", r.id, ctx.text(r.summary), meta),
                      {"level": [r.level] if r.level else [], "tag": list(r.tags)}))
    return make_page(ctx, "index", ctx.raw("roles"), [block(filtered_list(ctx, cards, ["level", "tag"]))])


def render_case_index(ctx: SiteContext) -> Page:
    """All cases, filterable by phase and tag."""
    cards: list[Card] = []
    for case in ctx.content.cases.values():
        p = case.profile
        meta = " · ".join(ctx.text(x) for x in (p.clinical_area, p.setting, p.coordination) if x is not None)
        cards.append((f"case:{case.id}", _card(ctx, "case", case.id, ctx.text(case.summary), meta),
                      {"phase": [s.phase for s in case.story], "tag": list(case.tags)}))
    return make_page(ctx, "index", ctx.raw("cases"), [block(filtered_list(ctx, cards, ["phase", "tag"]))])


def render_tool_index(ctx: SiteContext) -> Page:
    """All tools, filterable by the families, levels and phases of the practices they support."""
    c = ctx.content
    cards: list[Card] = []
    for tool in c.tools.values():
        practices = [c.practices[x] for x in c.related("tool", tool.id, "practice")]
        facets = {
            "family": sorted({p.family for p in practices}),
            "level": sorted({x for p in practices for x in p.levels}),
            "phase": sorted({x for p in practices for x in p.phases}),
            "tag": list(tool.tags),
        }
        meta = ctx.s("kind_" + tool.kind)
        if tool.audience:
            meta += " · " + ", ".join(ctx.text(c.audiences[a].name) for a in tool.audience)
        summary = ctx.plain(tool.purpose).split("\n")[0]
        cards.append((f"tool:{tool.id}", _card(ctx, "tool", tool.id, esc(summary), meta), facets))
    body = filtered_list(ctx, cards, ["family", "level", "phase", "tag"])
    return make_page(ctx, "index", ctx.raw("tools"), [block(body)])


def render_program_index(ctx: SiteContext) -> Page:
    """Programs and their processes."""
    c = ctx.content
    cards: list[Card] = []
    for program in c.programs.values():
        cards.append((f"program:{program.id}",
                      _card(ctx, "program", program.id, ctx.text(program.summary), ""), {}))
    for process in c.processes.values():
        cards.append((f"process:{process.id}",
                      _card(ctx, "process", process.id, ctx.text(process.summary),
                            ctx.s("steps") + f": {len(process.steps)}"), {}))
    return make_page(ctx, "index", ctx.raw("program"), [block(filtered_list(ctx, cards, []))])
