"""Training: the learning paths and one readable page per module.

Knowledge checks are plain HTML: every choice opens its feedback in a <details>, so a
learner can answer and read why without JavaScript. Progress and interactive checks
(issue 6) build on these pages.
"""

from __future__ import annotations

from generator.model.training import KnowledgeCheck, LearningPath, Module
from generator.render.site.components import bullets
from generator.render.site.context import SiteContext
from generator.render.site.html import esc
from generator.render.site.page import Page, block, heading, make_page, section


def _minutes(ctx: SiteContext, n: int) -> str:
    return ctx.s("minutes", n=n)


def render_training_index(ctx: SiteContext) -> Page:
    """Every learning path with its audience, modules and total time."""
    c = ctx.content
    items = []
    for path in c.paths.values():
        total = sum(c.modules[m].duration_minutes for m in path.modules)
        items.append(f'<li class="pk-card"><h2 class="pk-card__title">{ctx.link("path", path.id)}</h2>'
                     f'<p class="pk-card__summary">{ctx.text(path.summary)}</p>'
                     f'<p class="pk-card__meta">{ctx.s("audience")}: {ctx.link("audience", path.audience)}'
                     f" · {ctx.s('modules_count', n=len(path.modules))} · {_minutes(ctx, total)}</p></li>")
    return make_page(ctx, "index", ctx.raw("training"), [block(f'<ul class="pk-cards">{"".join(items)}</ul>')],
                     lead=ctx.s("training_intro"))


def render_path(ctx: SiteContext, path: LearningPath) -> Page:
    """A path: its modules in order, with time and objectives."""
    c = ctx.content
    total = sum(c.modules[m].duration_minutes for m in path.modules)
    steps = "".join(
        f"<li><strong>{ctx.link('module', m)}</strong> ({_minutes(ctx, c.modules[m].duration_minutes)})"
        f"<br>{ctx.text(c.modules[m].summary)}</li>"
        for m in path.modules
    )
    facts = (f'<dl class="pk-facts"><div><dt>{ctx.s("audience")}</dt><dd>{ctx.link("audience", path.audience)}'
             f'</dd></div><div><dt>{ctx.s("duration")}</dt><dd>{_minutes(ctx, total)}</dd></div></dl>')
    parts = [block(facts), section(ctx, "modules", f'<ol class="pk-path-steps">{steps}</ol>')]
    return make_page(ctx, "path", ctx.plain(path.title), parts, description=ctx.plain(path.summary),
                     lead=ctx.text(path.summary))


def _check(ctx: SiteContext, number: int, check: KnowledgeCheck) -> str:
    choices = "".join(
        f'<li><details class="pk-choice"><summary>{ctx.text(choice.text)}</summary>'
        f'<p class="pk-verdict"><strong>{ctx.s("correct" if choice.correct else "not_quite")}</strong></p>'
        f"{ctx.md(choice.feedback)}</details></li>"
        for choice in check.choices
    )
    hint = ctx.s("choose_one" if check.kind == "single" else "choose_several")
    return (f'<div class="pk-check" id="check-{esc(check.id)}"><p><strong>{ctx.s("question", n=number)}</strong> '
            f'{ctx.text(check.question)} <span class="pk-muted">({hint})</span></p>'
            f'<ul class="pk-choices">{choices}</ul></div>')


def render_module(ctx: SiteContext, module: Module) -> Page:
    """A module: objectives and time first, then its sections, checks and reflection."""
    c = ctx.content
    facts = [f'<div><dt>{ctx.s("duration")}</dt><dd>{_minutes(ctx, module.duration_minutes)}</dd></div>',
             f'<div><dt>{ctx.s("audience")}</dt><dd>'
             + ", ".join(ctx.link("audience", a) for a in module.audience) + "</dd></div>"]
    if module.prerequisites:
        facts.append(f'<div><dt>{ctx.s("prerequisites")}</dt><dd>'
                     + ", ".join(ctx.link("module", m) for m in module.prerequisites) + "</dd></div>")
    paths = [p.id for p in c.paths.values() if module.id in p.modules]
    if paths:
        facts.append(f'<div><dt>{ctx.s("in_paths")}</dt><dd>'
                     + ", ".join(ctx.link("path", p) for p in paths) + "</dd></div>")
    sections = "\n\n".join(
        heading(ctx.plain(s.title), f"section-{n}") + "\n\n" + block(ctx.md(s.body, heading_base=3))
        for n, s in enumerate(module.sections, start=1)
    )
    checks = "".join(_check(ctx, n, check) for n, check in enumerate(module.checks, start=1))
    parts = [
        block(f'<dl class="pk-facts">{"".join(facts)}</dl>'),
        section(ctx, "objectives", bullets(ctx.text(o) for o in module.objectives)),
        sections,
        section(ctx, "checks", checks),
        section(ctx, "reflection", bullets(ctx.text(r) for r in module.reflection)),
        section(ctx, "key_points", bullets(ctx.text(k) for k in module.key_points)),
    ]
    return make_page(ctx, "module", ctx.plain(module.title), parts, description=ctx.plain(module.summary),
                     lead=ctx.text(module.summary))
