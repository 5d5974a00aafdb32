"""Shared lists: the glossary, the bibliography and all quotes, each entry with an anchor."""

from __future__ import annotations

from typing import Any

from generator.render.site.components import quote_figure, reference_entry
from generator.render.site.context import SiteContext
from generator.render.site.html import esc
from generator.render.site.page import Page, block, make_page

# Kinds whose pages can cite a reference, in the order "cited on" lists them.
_CITING = ("practice", "case", "role", "tool", "program", "process", "quote")


def render_glossary(ctx: SiteContext) -> Page:
    """Terms sorted alphabetically; each abbreviation is also expanded on hover site-wide."""
    terms = sorted(ctx.content.terms.values(), key=lambda x: ctx.plain(x.term).casefold())
    rows = []
    for term in terms:
        abbr = ""
        if term.abbreviation is not None:
            abbr = (f' <abbr title="{esc(ctx.plain(term.term))}">'
                    f"({esc(ctx.plain(term.abbreviation))})</abbr>")
        see = ""
        if term.see_also:
            see = (f'<p class="pk-muted">{ctx.s("see_also")}: '
                   + ", ".join(ctx.link("term", x) for x in term.see_also) + "</p>")
        rows.append(f'<dt id="term-{esc(term.id)}">{esc(ctx.plain(term.term))}{abbr}</dt>'
                    f"<dd>{ctx.md(term.definition)}{see}</dd>")
    return make_page(ctx, "glossary", ctx.raw("glossary"),
                     [block(f'<dl class="pk-glossary">{"".join(rows)}</dl>')])


def _cited_on(ctx: SiteContext, ref_id: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for kind in _CITING:
        for entity_id, entity in ctx.content.entities.get(kind, {}).items():
            refs: Any = getattr(entity, "references", None)
            source = getattr(entity, "source", None)
            if (refs and ref_id in refs) or (source is not None and source.reference == ref_id):
                found.append((kind, entity_id))
    return found


def render_references(ctx: SiteContext) -> Page:
    """The bibliography, in the order of references.yaml, with DOI links and where each is cited."""
    items = []
    for ref in ctx.content.references.values():
        entry = reference_entry(ctx, ref, anchor=True)
        cited = [(k, i) for k, i in _cited_on(ctx, ref.id) if k != "quote"]
        extra = ""
        if ref.note is not None:
            extra += f'<p class="pk-muted">{ctx.text(ref.note)}</p>'
        if cited:
            extra += (f'<details class="pk-cited"><summary>{ctx.s("cited_by")} ({len(cited)})'
                      "</summary><ul>" + "".join(f"<li>{ctx.link(k, i)}</li>" for k, i in cited)
                      + "</ul></details>")
        items.append(entry[: -len("</li>")] + extra + "</li>")
    return make_page(ctx, "references", ctx.raw("references"),
                     [block(f'<ol class="pk-bibliography">{"".join(items)}</ol>')])


def render_quotes(ctx: SiteContext) -> Page:
    """Every quote with its attribution, source, consent and the practices it illustrates."""
    figures = "".join(quote_figure(ctx, q, anchor=True, with_practices=True)
                      for q in ctx.content.quotes.values())
    return make_page(ctx, "quotes", ctx.raw("quotes"), [block(figures)])
