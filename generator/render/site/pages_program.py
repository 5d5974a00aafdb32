"""The program page(s) and one page per process, with its SVG flow diagram (templates `program.md`,
`process.md`)."""

from __future__ import annotations

from markupsafe import Markup

from generator.model.program import Process, Program
from generator.render.diagrams import process_svg
from generator.render.site.context import SiteContext
from generator.render.site.page import Page, render_page


def render_program(ctx: SiteContext, program: Program) -> Page:
    """The program: objectives, committee, cycle, rules, core skills, processes."""
    title = ctx.plain(program.name)
    if ctx.plain(program.abbreviation):
        title += f" ({ctx.plain(program.abbreviation)})"
    return render_page(ctx, "program.md", "program", title, description=ctx.plain(program.summary),
                       lead=ctx.text(program.summary), program=program)


def render_process(ctx: SiteContext, process: Process) -> Page:
    """The process: the flow diagram, then each step with its actors, inputs, outputs, tools."""
    c = ctx.content
    return render_page(ctx, "process.md", "process", ctx.plain(process.name), hide=("toc",),
                       description=ctx.plain(process.summary), lead=ctx.text(process.summary),
                       process=process, diagram=Markup(process_svg(c, process.id, ctx.lang)),
                       programs=c.related("process", process.id, "program"))


__all__ = ["render_process", "render_program"]
