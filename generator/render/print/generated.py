"""Sections generated from the whole content: the framework, the glossary, the references."""

from __future__ import annotations

from generator.model import registry
from generator.model.catalog import GlossaryTerm, Reference
from generator.model.framework import Family, Level
from generator.render.print.blocks import compact, heading, table
from generator.render.print.context import RenderContext
from generator.render.print.figures import framework_figure
from generator.render.print.markdown import MarkdownWriter
from generator.render.print.typst_code import Code, call, seq, string, text


def render_framework(ctx: RenderContext, level: int = 1) -> list[Code]:
    """The framework figure, then the families, levels and phases as tables."""
    content = ctx.content
    out: list[Code | None] = [
        heading(level, ctx.w("framework"), ctx.anchor("framework", "framework")),
        framework_figure(ctx),
        heading(level + 1, ctx.w("families")),
        _families_table(ctx),
        heading(level + 1, ctx.w("levels")),
        table("(1fr, 1.4fr, 1.4fr)", [ctx.w("name"), ctx.w("description"), ctx.w("positions")], (
            [call("strong", text(ctx.t(lv.name))), text(ctx.t(lv.short)),
             text(", ".join(ctx.t(p) for p in lv.positions))]
            for lv in content.all(Level).values())),
        heading(level + 1, ctx.w("phases")),
        table("(1fr, 2.8fr)", [ctx.w("name"), ctx.w("description")], (
            [call("strong", text(ctx.t(ph.name))), text(ctx.t(ph.short))]
            for ph in content.all(registry.PHASE).values())),
    ]
    return compact(out)


def _families_table(ctx: RenderContext) -> Code:
    families = list(ctx.content.all(Family).values())
    if not any(f.approach for f in families):  # the approach is optional: no empty column
        return table("(auto, 1.3fr, 2.4fr)", ["", ctx.w("name"), ctx.w("description")], (
            [text(str(f.number)), call("strong", ctx.ref("family", f.id, None)), text(ctx.t(f.short))]
            for f in families))
    return table("(auto, 1.3fr, auto, 2fr)", ["", ctx.w("name"), ctx.w("approach"), ctx.w("description")], (
        [text(str(f.number)), call("strong", ctx.ref("family", f.id, None)),
         text(ctx.w(f"approach_{f.approach}") if f.approach else "—"), text(ctx.t(f.short))]
        for f in families))


def render_glossary(ctx: RenderContext, level: int = 1) -> list[Code]:
    """Every term, sorted, with its abbreviation and definition."""
    md = MarkdownWriter(ctx)
    terms = sorted(ctx.content.all(GlossaryTerm).values(), key=lambda term: ctx.t(term.term).casefold())
    rows = []
    for term in terms:
        definition = md.inline(ctx.source(term.definition))
        if term.see_also:
            also = ", ".join(ctx.t(ctx.content.all(GlossaryTerm)[t].term) for t in term.see_also)
            definition = seq([definition, text(f" {ctx.label('see_also')} {also}.")])
        rows.append([call("strong", text(ctx.t(term.term))),
                     text(ctx.t(term.abbreviation) if term.abbreviation else ""), definition])
    return compact([
        heading(level, ctx.w("glossary"), ctx.anchor("glossary", "glossary")),
        table("(1.1fr, auto, 2.6fr)", [ctx.w("term"), ctx.w("abbreviation"), ctx.w("definition")], rows),
    ])


def _reference(ctx: RenderContext, ref: Reference) -> Code:
    authors = ", ".join(ref.authors)
    year = str(ref.year) if ref.year is not None else ctx.w("no_date")
    parts: list[Code] = [text(f"{authors} ({year}). " if authors else f"({year}). "),
                         text(ref.title.rstrip(".") + ". ")]
    if ref.venue:
        where = ref.venue
        if ref.volume:
            where += f" {ref.volume}"
            if ref.issue:
                where += f"({ref.issue})"
        if ref.pages:
            where += f": {ref.pages}"
        parts.append(call("emph", text(where)))
        parts.append(text(". "))
    if ref.doi:
        url = f"https://doi.org/{ref.doi}"
        parts.append(call("link", string(url), string(url)))
    elif ref.url:
        parts.append(call("link", string(ref.url), string(ref.url)))
    if ref.licence:
        parts.append(text(f" ({ref.licence})"))
    return seq(parts)


def render_references(ctx: RenderContext, level: int = 1) -> list[Code]:
    """The bibliography, by first author."""
    refs = sorted(ctx.content.all(Reference).values(),
                  key=lambda r: ((r.authors[0] if r.authors else r.title).casefold(), r.year or 0))
    return compact([
        heading(level, ctx.w("references"), ctx.anchor("references", "references")),
        call("pk-references", *[_reference(ctx, r) for r in refs]),
    ])
