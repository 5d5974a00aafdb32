"""Training: the learning paths and one readable page per module.

Knowledge checks are plain HTML: every choice opens its feedback in a <details>, so a
learner can answer and read why without JavaScript. Beside it, a hidden form (radio
buttons or checkboxes and a Check button) that `assets/training.js` shows instead: the
learner answers, reads the feedback for what they chose in a live region, and tries
again. Progress ("mark as done", per path) is in `training_ui.py`.
"""

from __future__ import annotations

from generator.model.training import KnowledgeCheck, LearningPath, Module
from generator.render.site.components import bullets
from generator.render.site.context import SiteContext
from generator.render.site.html import esc
from generator.render.site.page import Page, block, heading, make_page, section
from generator.render.site.training_ui import (
    done_box,
    progress_widget,
    summary_link,
    training_data,
    training_heading,
)


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
                     f" · {ctx.s('modules_count', n=len(path.modules))} · {_minutes(ctx, total)}</p>"
                     f"{progress_widget(ctx, path)}</li>")
    body = f'<ul class="pk-cards">{"".join(items)}</ul>' + summary_link(ctx) + training_data(ctx)
    return make_page(ctx, "index", ctx.raw("training"), [block(body)], lead=ctx.s("training_intro"))


def render_path(ctx: SiteContext, path: LearningPath) -> Page:
    """A path: its modules in order, with time and objectives."""
    c = ctx.content
    total = sum(c.modules[m].duration_minutes for m in path.modules)
    steps = "".join(
        f'<li data-pk-step="{esc(m)}"><strong>{ctx.link("module", m)}</strong> '
        f"({_minutes(ctx, c.modules[m].duration_minutes)})"
        f' <span class="pk-step-done" hidden>{ctx.s("done_badge")}</span>'
        f"<br>{ctx.text(c.modules[m].summary)}</li>"
        for m in path.modules
    )
    facts = (f'<dl class="pk-facts"><div><dt>{ctx.s("audience")}</dt><dd>{ctx.link("audience", path.audience)}'
             f'</dd></div><div><dt>{ctx.s("duration")}</dt><dd>{_minutes(ctx, total)}</dd></div>'
             f'<div hidden data-pk-js><dt>{ctx.s("your_progress")}</dt><dd>'
             f"{progress_widget(ctx, path, next_link=True)}</dd></div></dl>")
    parts = [block(facts + summary_link(ctx)),
             section(ctx, "modules", f'<ol class="pk-path-steps">{steps}</ol>' + training_data(ctx))]
    return make_page(ctx, "path", ctx.plain(path.title), parts, description=ctx.plain(path.summary),
                     lead=ctx.text(path.summary))


def _check(ctx: SiteContext, number: int, check: KnowledgeCheck) -> str:
    ident = f"check-{esc(check.id)}"
    shown = check.displayed_choices()
    choices = "".join(
        f'<li data-pk-correct="{"true" if choice.correct else "false"}"><details class="pk-choice">'
        f"<summary>{ctx.text(choice.text)}</summary>"
        f'<p class="pk-verdict"><strong>{ctx.s("correct" if choice.correct else "not_quite")}</strong></p>'
        f'<div class="pk-feedback-text">{ctx.md(choice.feedback)}</div></details></li>'
        for choice in shown
    )
    single = check.kind == "single"
    hint = ctx.s("choose_one" if single else "choose_several")
    hint_js = ctx.s("choose_one_js" if single else "choose_several_js")
    kind = "radio" if single else "checkbox"
    inputs = "".join(
        f'<li><input type="{kind}" name="{ident}" id="{ident}-{n}" value="{n}">'
        f'<label for="{ident}-{n}">{ctx.text(choice.text)}</label></li>'
        for n, choice in enumerate(shown)
    )
    form = (f'<form class="pk-quiz" hidden data-pk-quiz><fieldset aria-labelledby="{ident}-question">'
            f'<ul class="pk-quiz__choices">{inputs}</ul></fieldset>'
            f'<p class="pk-quiz__actions"><button type="submit" class="md-button md-button--primary" data-pk-submit>'
            f'{ctx.s("check_answer")}</button> <button type="button" class="md-button" hidden data-pk-retry>'
            f'{ctx.s("try_again")}</button></p>'
            f'<div class="pk-quiz__feedback" role="status" aria-live="polite" data-pk-feedback></div></form>')
    return (f'<div class="pk-check" id="{ident}" data-pk-check="{esc(check.id)}" data-pk-kind="{check.kind}">'
            f'<p id="{ident}-question"><strong>{ctx.s("question", n=number)}</strong> '
            f'{ctx.text(check.question)} <span class="pk-muted" data-pk-hint="({hint_js})">({hint})</span></p>'
            f'<ul class="pk-choices">{choices}</ul>{form}</div>')


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
    facts.append(f'<div hidden data-pk-js><dt>{ctx.s("your_progress")}</dt><dd><span data-pk-status-of='
                 f'"{esc(module.id)}">{ctx.s("not_done")}</span> <a href="#your-progress">{ctx.s("go_mark_done")}</a>'
                 "</dd></div>")
    sections = "\n\n".join(
        heading(ctx.plain(s.title), f"section-{n}") + "\n\n" + block(ctx.md(s.body, heading_base=3))
        for n, s in enumerate(module.sections, start=1)
    )
    checks = "".join(_check(ctx, n, check) for n, check in enumerate(module.checks, start=1))
    parts = [
        block(f'<dl class="pk-facts">{"".join(facts)}</dl>'),
        section(ctx, "objectives", bullets(ctx.text(o.text) for o in module.objectives)),
        sections,
        section(ctx, "checks", checks),
        section(ctx, "reflection", bullets(ctx.text(r) for r in module.reflection)),
        section(ctx, "key_points", bullets(ctx.text(k) for k in module.key_points)),
        training_heading(ctx) + "\n\n" + block(done_box(ctx, module) + training_data(ctx)),
    ]
    return make_page(ctx, "module", ctx.plain(module.title), parts, description=ctx.plain(module.summary),
                     lead=ctx.text(module.summary))
