"""Shared lists: the glossary, the bibliography and all quotes, each entry with an anchor
(templates `glossary.md`, `references.md`, `quotes.md`)."""

from __future__ import annotations

from generator.model.catalog import GlossaryTerm, Reference
from generator.model.quote import Quote
from generator.render.site.context import SiteContext
from generator.render.site.page import Page, render_page

# Kinds whose pages can cite a reference, in the order "cited on" lists them.
_CITING = ("practice", "case", "role", "tool", "program", "process", "quote")


def render_glossary(ctx: SiteContext) -> Page:
    """Terms sorted alphabetically; each abbreviation is also expanded on hover site-wide."""
    terms = sorted(ctx.content.all(GlossaryTerm).values(), key=lambda x: ctx.plain(x.term).casefold())
    return render_page(ctx, "glossary.md", "glossary", ctx.raw("glossary"), terms=terms)


def _cited_on(ctx: SiteContext, ref_id: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for kind in _CITING:
        for entity_id, entity in ctx.content.all(kind).items():
            refs: list[str] | None = getattr(entity, "references", None)
            source = getattr(entity, "source", None)
            if (refs and ref_id in refs) or (source is not None and source.reference == ref_id):
                found.append((kind, entity_id))
    return found


def render_references(ctx: SiteContext) -> Page:
    """The bibliography, in the order of references.yaml, with DOI links and where each is cited."""
    references = list(ctx.content.all(Reference).values())
    cited = {ref.id: [(k, i) for k, i in _cited_on(ctx, ref.id) if k != "quote"] for ref in references}
    return render_page(ctx, "references.md", "references", ctx.raw("references"), references=references,
                       cited=cited)


def render_quotes(ctx: SiteContext) -> Page:
    """Every quote with its attribution, source, consent and the practices it illustrates."""
    return render_page(ctx, "quotes.md", "quotes", ctx.raw("quotes"), quotes=list(ctx.content.all(Quote).values()))
