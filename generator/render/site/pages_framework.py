"""The framework page: the SVG figure, then families × levels and families × phases matrices."""

from __future__ import annotations

from collections.abc import Callable

from generator.model.practice import Practice
from generator.render.diagrams import framework_svg
from generator.render.site.context import SiteContext
from generator.render.site.html import esc
from generator.render.site.page import Page, block, make_page, section


def _matrix(ctx: SiteContext, caption_key: str, columns: list[tuple[str, str]],
            member: Callable[[Practice, str], bool], kind: str) -> str:
    head = "".join(f'<th scope="col">{ctx.link(kind, cid, name)}</th>' for cid, name in columns)
    rows = []
    for family in ctx.content.families.values():
        practices = ctx.content.practices_in_family(family.id)
        cells = []
        for cid, _name in columns:
            inside = [p for p in practices if member(p, cid)]
            if inside:
                links = "".join(f"<li>{ctx.link('practice', p.id)}</li>" for p in inside)
                cells.append(f'<td><ul class="pk-cell">{links}</ul></td>')
            else:
                cells.append(f'<td class="pk-empty">{ctx.s("no_practice")}</td>')
        label = f"{family.number}. {ctx.plain(family.name)}"
        rows.append(f'<tr><th scope="row">{ctx.link("family", family.id, label)}</th>'
                    + "".join(cells) + "</tr>")
    return (f'<div class="pk-table-wrap"><table class="pk-matrix"><caption>{ctx.s(caption_key)}'
            f'</caption><thead><tr><th scope="col">{ctx.s("family")}</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _terms(ctx: SiteContext, kind: str, terms: list[object]) -> str:
    items = []
    for term in terms:
        tid = getattr(term, "id", "")
        extra = ""
        approach = getattr(term, "approach", None)  # families only, and optional
        if approach is not None:
            extra = f'<p class="pk-approach">{ctx.s(approach)} — {ctx.s(approach + "_help")}</p>'
        positions = getattr(term, "positions", None)
        if positions:
            extra += "<p>" + ", ".join(ctx.text(p) for p in positions) + "</p>"
        number = getattr(term, "number", None)
        name = ctx.text(getattr(term, "name", None))
        label = f"{number}. {name}" if number is not None else name
        description = ctx.md(getattr(term, "description", None), heading_base=4)
        items.append(f'<div class="pk-term" id="{esc(kind)}-{esc(tid)}"><h3>{label}</h3>'
                     f'<p><strong>{ctx.text(getattr(term, "short", None))}</strong></p>'
                     f"{extra}{description}</div>")
    return "".join(items)


def render_framework(ctx: SiteContext) -> Page:
    """The framework page."""
    c = ctx.content
    svg = framework_svg(c, ctx.lang)
    levels = [(x.id, ctx.plain(x.name)) for x in c.levels.values()]
    phases = [(x.id, ctx.plain(x.name)) for x in c.phases.values()]
    continuum = list(c.framework.engagement_continuum)
    parts = [
        block(f'<figure class="pk-diagram pk-diagram--framework" tabindex="0">{svg}</figure>'),
        section(ctx, "families_levels",
                _matrix(ctx, "matrix_caption_levels", levels, lambda p, x: x in p.levels, "level")),
        section(ctx, "families_phases",
                _matrix(ctx, "matrix_caption_phases", phases, lambda p, x: x in p.phases, "phase")),
        section(ctx, "families", _terms(ctx, "family", list(c.families.values()))),
        section(ctx, "levels", _terms(ctx, "level", list(c.levels.values()))),
        section(ctx, "phases", _terms(ctx, "phase", list(c.phases.values()))),
        section(ctx, "continuum", _terms(ctx, "continuum", list(continuum))) if continuum else "",
    ]
    return make_page(ctx, "framework", ctx.raw("framework"), parts, hide=("toc",),
                     lead=ctx.s("framework_intro", n=len(c.families)))
