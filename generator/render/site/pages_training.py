"""Training: the learning paths and one readable page per module
(templates `training-index.md`, `path.md`, `module.md`; the completion summary is in `training_ui.py`).

Knowledge checks are plain HTML: every choice opens its feedback in a <details>, so a
learner can answer and read why without JavaScript. Beside it, a hidden form (radio
buttons or checkboxes and a Check button) that `assets/training.js` shows instead: the
learner answers, reads the feedback for what they chose in a live region, and tries
again. Progress ("mark as done", per path) is what `training_ui.py` hands the script.
"""

from __future__ import annotations

from generator.model.session import Session
from generator.model.training import LearningPath, Module
from generator.render.site.context import SiteContext
from generator.render.site.page import Page, render_page
from generator.render.site.pages_sessions import is_trainers
from generator.render.site.training_ui import training_data


def _total(ctx: SiteContext, path: LearningPath) -> int:
    return sum(ctx.content.all(Module)[m].duration_minutes for m in path.modules)


def render_training_index(ctx: SiteContext) -> Page:
    """Every learning path with its audience, modules and total time."""
    paths = list(ctx.content.all(LearningPath).values())
    return render_page(ctx, "training-index.md", "index", ctx.raw("training"), lead=ctx.s("training_intro"),
                       paths=paths, totals={p.id: _total(ctx, p) for p in paths}, training=training_data(ctx))


def render_path(ctx: SiteContext, path: LearningPath) -> Page:
    """A path: its modules in order, with time and objectives; for trainers, the sessions to present."""
    c = ctx.content
    return render_page(ctx, "path.md", "path", ctx.plain(path.title), description=ctx.plain(path.summary),
                       lead=ctx.text(path.summary), path=path, total=_total(ctx, path),
                       minutes={m: c.all(Module)[m].duration_minutes for m in path.modules},
                       sessions=list(c.all(Session)) if is_trainers(path.audience) else [],
                       training=training_data(ctx))


def render_module(ctx: SiteContext, module: Module) -> Page:
    """A module: objectives and time first, then its sections, checks and reflection."""
    return render_page(ctx, "module.md", "module", ctx.plain(module.title), description=ctx.plain(module.summary),
                       lead=ctx.text(module.summary), module=module,
                       paths=[p.id for p in ctx.content.all(LearningPath).values() if module.id in p.modules],
                       training=training_data(ctx))
