"""The program page(s) and one page per process, with its SVG flow diagram."""

from __future__ import annotations

from generator.model.program import Process, Program
from generator.render.diagrams import process_svg
from generator.render.site.components import bullets, link_list, references_block
from generator.render.site.context import SiteContext
from generator.render.site.page import Page, block, heading, make_page, section


def render_program(ctx: SiteContext, program: Program) -> Page:
    """The program: objectives, committee, cycle, rules, core skills, processes."""
    committee = "".join(
        f"<tr><td>{ctx.link('role', seat.role)}</td><td>{ctx.text(seat.count)}"
        + (f" ({ctx.s('minimum', n=seat.minimum)})" if seat.minimum is not None else "")
        + f"</td><td>{ctx.md_inline(seat.note) if seat.note else ''}</td></tr>"
        for seat in program.committee
    )
    committee_table = (
        f'<table><caption>{ctx.s("committee")}</caption><thead><tr><th scope="col">{ctx.s("role")}'
        f'</th><th scope="col">{ctx.s("count")}</th><th scope="col">{ctx.s("what_it_is")}</th></tr>'
        f"</thead><tbody>{committee}</tbody></table>"
    ) if committee else ""
    skills = "".join(f"<dt>{ctx.text(s.name)}</dt><dd>{ctx.md(s.description)}</dd>"
                     for s in program.core_skills)
    parts = [
        section(ctx, "what_it_is", ctx.md(program.description), anchor="about-program"),
        section(ctx, "objectives", bullets(ctx.text(o) for o in program.objectives)),
        section(ctx, "committee", committee_table),
        section(ctx, "cycle", ctx.md(program.cycle)),
        section(ctx, "supervision", ctx.md(program.supervision)),
        section(ctx, "first_year", ctx.md(program.first_year_support)),
        section(ctx, "rules", bullets(ctx.md(r) for r in program.rules)),
        section(ctx, "core_skills", f'<dl class="pk-skills">{skills}</dl>' if skills else ""),
        section(ctx, "processes", link_list(ctx, "process", program.processes)),
        section(ctx, "sources", references_block(ctx, program.references)),
    ]
    title = ctx.plain(program.name)
    if program.abbreviation is not None:
        title += f" ({ctx.plain(program.abbreviation)})"
    return make_page(ctx, "program", title, parts, description=ctx.plain(program.summary),
                     lead=ctx.text(program.summary))


def _step(ctx: SiteContext, number: int, process: Process) -> str:
    step = process.steps[number - 1]
    rows = [f'<div><dt>{ctx.s("actors")}</dt><dd>'
            + ", ".join(ctx.link("role", a) for a in step.actors) + "</dd></div>"]
    if step.inputs:
        rows.append(f'<div><dt>{ctx.s("inputs")}</dt><dd>'
                    + "; ".join(ctx.text(x) for x in step.inputs) + "</dd></div>")
    if step.outputs:
        rows.append(f'<div><dt>{ctx.s("outputs")}</dt><dd>'
                    + "; ".join(ctx.text(x) for x in step.outputs) + "</dd></div>")
    if step.tools:
        rows.append(f'<div><dt>{ctx.s("tools")}</dt><dd>'
                    + ", ".join(ctx.link("tool", x) for x in step.tools) + "</dd></div>")
    title = f"{ctx.raw('step', n=number)}: {ctx.plain(step.title)}"
    return (heading(title, f"step-{number}", 3) + "\n\n"
            + block(ctx.md(step.description, heading_base=4)
                    + f'<dl class="pk-facts">{"".join(rows)}</dl>'))


def render_process(ctx: SiteContext, process: Process) -> Page:
    """The process: the flow diagram, then each step with its actors, inputs, outputs, tools."""
    c = ctx.content
    svg = process_svg(c, process.id, ctx.lang)
    programs = c.related("process", process.id, "program")
    part_of = (f'<p class="pk-muted">{ctx.s("in_program")}: '
               + ", ".join(ctx.link("program", p) for p in programs) + "</p>") if programs else ""
    steps = "\n\n".join(_step(ctx, n, process) for n in range(1, len(process.steps) + 1))
    parts = [
        block(part_of + f'<figure class="pk-diagram pk-diagram--process" tabindex="0">{svg}</figure>'),
        section(ctx, "what_it_is", ctx.md(process.description), anchor="about-process"),
        heading(ctx.raw("steps"), "steps") + "\n\n" + steps,
        section(ctx, "sources", references_block(ctx, process.references)),
    ]
    return make_page(ctx, "process", ctx.plain(process.name), parts, hide=("toc",),
                     description=ctx.plain(process.summary), lead=ctx.text(process.summary))


__all__ = ["render_process", "render_program"]
