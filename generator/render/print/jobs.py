"""Plan every file of a build and write its Typst source: documents, role cards, tools,
workbooks, and each trainer session's deck, notes, scripts, guide and handout
(`session_jobs`). What a job is and what every source shares is in `planning`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.model.content import Content
from generator.model.document import Document, DocumentSection, GeneratedSection, TextSection
from generator.model.role import Role
from generator.model.session import Session
from generator.model.tool import Tool
from generator.model.training import LearningPath, Module
from generator.render.print.blocks import heading
from generator.render.print.context import RenderContext
from generator.render.print.forms import render_tool
from generator.render.print.generated import render_framework, render_glossary, render_references
from generator.render.print.markdown import MarkdownWriter
from generator.render.print.planning import (
    PrintJob,
    PrintOptions,
    contained,
    document_meta,
    render_twice,
    typst_source,
    written_from,
)
from generator.render.print.provenance import source_line
from generator.render.print.sections import (
    render_case,
    render_family,
    render_module,
    render_practice,
    render_process,
    render_program,
    render_role,
)
from generator.render.print.session_jobs import session_jobs
from generator.render.print.sourcemap import FieldOrigin
from generator.render.print.typst_code import Code, text
from generator.render.print.workbook import duration, render_workbook

__all__ = ["PrintJob", "PrintOptions", "document_job", "plan_jobs", "role_card_job", "tool_job", "workbook_job"]


def _section(ctx: RenderContext, doc: Document, section: DocumentSection) -> list[Code]:
    """A chapter, its source under its heading (a role, practice or tool says its own)."""
    blocks = _section_blocks(ctx, section)
    source = doc.source_of(section)
    return [*blocks[:1], source_line(ctx, source), *blocks[1:]] if source is not None and blocks else blocks


def _section_blocks(ctx: RenderContext, section: DocumentSection) -> list[Code]:
    if section.type == "text":
        md = MarkdownWriter(ctx)
        return [heading(1, ctx.t(section.title)), md.content(ctx.source(section.body), 1)]
    if section.type == "framework":
        return render_framework(ctx)
    if section.type == "glossary":
        return render_glossary(ctx)
    if section.type == "references":
        return render_references(ctx)
    renderers: dict[str, Callable[[RenderContext, str], list[Code]]] = {
        "role": render_role, "program": render_program, "process": render_process,
        "tool": render_tool, "case": render_case, "practice": render_practice,
        "family": render_family, "module": render_module,
    }
    return renderers[section.type](ctx, section.ref)


def _section_origin(doc: Document, index: int, section: DocumentSection) -> FieldOrigin:
    """An entity's section is written from the entity; the others from the document."""
    if isinstance(section, TextSection | GeneratedSection):
        return FieldOrigin("document", doc.id, ("sections", index))
    return FieldOrigin(section.type, section.ref)


def document_job(content: Content, doc: Document, lang: str, options: PrintOptions,
                 project: Path | None = None, *, trace: bool = False) -> PrintJob:
    """A document: cover, contents, then its sections as chapters."""
    def build(ctx: RenderContext) -> list[Code]:
        # The document is the whole PDF, not a labelled place in it: a reference to it from
        # its own pages (`[[document:x]]` in a role it prints) prints as its title, as text.
        return [block for index, section in enumerate(doc.sections)
                for block in written_from(ctx, _section_origin(doc, index, section), _section(ctx, doc, section))]

    body, ctx = render_twice(content, lang, build, project, trace)
    title = ctx.t(doc.title)
    meta = document_meta(content, lang, options, title=title, kind_label=ctx.w("dl_document"),
                 subtitle=ctx.t(doc.subtitle) or None, summary=ctx.t(doc.summary),
                 audience=tuple(doc.audience), front_pages=1)
    meta["logo"] = ctx.add_asset(content.site.logo) if content.site.logo else None
    source, marked = typst_source(ctx, meta, "pk-document", body)
    return PrintJob(f"{lang}/documents/{doc.id}.pdf", str(title), "document", "document", doc.id,
                    tuple(doc.audience), lang, source, dict(ctx.figures), contained(content, ctx), marked)


def role_card_job(content: Content, role_id: str, lang: str, options: PrintOptions,
                  project: Path | None = None, *, trace: bool = False) -> PrintJob:
    """A role card: one or two pages about one role."""
    body, ctx = render_twice(content, lang, lambda c: render_role(c, role_id, card=True), project,
                              trace)
    title = ctx.name_of("role", role_id)
    meta = document_meta(content, lang, options, title=title, kind_label=ctx.w("dl_role-card"))
    meta["text-size"] = Code("9.5pt")
    source, marked = typst_source(ctx, meta, "pk-sheet", written_from(ctx, FieldOrigin("role", role_id), body))
    return PrintJob(f"{lang}/roles/{role_id}.pdf", str(title), "role-card", "role", role_id, (), lang,
                    source, dict(ctx.figures), contained(content, ctx), marked)


def tool_job(content: Content, tool_id: str, lang: str, options: PrintOptions,
             project: Path | None = None, *, trace: bool = False) -> PrintJob:
    """A tool: the printable form or checklist."""
    body, ctx = render_twice(content, lang, lambda c: render_tool(c, tool_id), project, trace)
    tool = content.all(Tool)[tool_id]
    title = ctx.t(tool.title)
    meta = document_meta(content, lang, options, title=title, kind_label=ctx.w("kind_" + tool.kind),
                 audience=tuple(tool.audience))
    source, marked = typst_source(ctx, meta, "pk-sheet", written_from(ctx, FieldOrigin("tool", tool_id), body))
    return PrintJob(f"{lang}/tools/{tool_id}.pdf", str(title), "tool", "tool", tool_id,
                    tuple(tool.audience), lang, source, dict(ctx.figures), contained(content, ctx), marked)


def workbook_job(content: Content, path_id: str, lang: str, options: PrintOptions,
                 project: Path | None = None, *, trace: bool = False) -> PrintJob:
    """A learning path's workbook: cover, contents, introduction, modules, answer key."""
    body, ctx = render_twice(content, lang, lambda c: render_workbook(c, path_id), project, trace)
    path = content.all(LearningPath)[path_id]
    title = ctx.t(path.title)
    kind_label = ctx.w("dl_workbook")
    total = sum(content.all(Module)[m].duration_minutes for m in path.modules)
    meta = document_meta(content, lang, options, title=title, kind_label=kind_label, subtitle=kind_label,
                 summary=ctx.t(path.summary), audience=(path.audience,), front_pages=1,
                 more_facts=((ctx.w("total_duration"), duration(ctx, total)),))
    meta["logo"] = ctx.add_asset(content.site.logo) if content.site.logo else None
    meta["contents-depth"] = 1  # the modules and the answer key: their inner headings are alike
    meta["header-right"] = text(kind_label)  # the path's title is in the footer already
    source, marked = typst_source(ctx, meta, "pk-document", written_from(ctx, FieldOrigin("path", path_id), body))
    return PrintJob(f"{lang}/workbooks/{path_id}.pdf", str(title), "workbook", "path", path_id,
                    (path.audience,), lang, source, dict(ctx.figures), contained(content, ctx), marked)


def plan_jobs(content: Content, options: PrintOptions, project: Path | None = None, *,
              trace: bool = False) -> list[PrintJob]:
    """Every file of the build: each document in its languages; each role card, tool, path
    workbook and trainer session (deck, notes, scripts, guide, handout) in all.

    `project` is where local images and the site logo are read from; without it they are
    left out (images print as their alternative text). `trace` marks where every part of
    each source comes from (`PrintJob.marked`); the sources themselves are the same.
    """
    jobs: list[PrintJob] = []
    for doc in content.all(Document).values():
        for lang in doc.languages or content.languages:
            jobs.append(document_job(content, doc, lang, options, project, trace=trace))
    for lang in content.languages:
        jobs += [role_card_job(content, role_id, lang, options, project, trace=trace) for role_id in content.all(Role)]
        jobs += [tool_job(content, tool_id, lang, options, project, trace=trace) for tool_id in content.all(Tool)]
        jobs += [workbook_job(content, path_id, lang, options, project, trace=trace)
                 for path_id in content.all(LearningPath)]
        for session_id in content.all(Session):
            jobs += session_jobs(content, session_id, lang, options, project, trace=trace)
    return jobs
