"""A learning path as a printable workbook: an introduction, each module as a chapter with
its key points, its knowledge checks as questions to tick (no answers beside them) and ruled
lines under each reflection prompt, then an answer key with the correct choices and every
feedback.
"""

from __future__ import annotations

from generator.model.training import KnowledgeCheck, LearningPath, Module
from generator.render.palette import palette
from generator.render.print.blocks import bullets, compact, facts, heading, lead, refs, table
from generator.render.print.context import RenderContext
from generator.render.print.markdown import MarkdownWriter
from generator.render.print.typst_code import Code, call, seq, text

ANSWER_KEY = "pk-answer-key"  # label of the answer key chapter
REFLECTION_LINES = 5


def letter(index: int) -> str:
    """A, B, C, ... for the choices of a question (AA, AB, ... past Z)."""
    if index < 26:
        return chr(ord("A") + index)
    return letter(index // 26 - 1) + letter(index % 26)


def duration(ctx: RenderContext, minutes: int) -> str:
    """'45 min', or '2 h 15 min' from an hour on."""
    if minutes < 60:
        return ctx.w("minutes", n=minutes)
    hours, rest = divmod(minutes, 60)
    return ctx.w("hours_minutes", h=hours, m=rest) if rest else ctx.w("hours", h=hours)


def pageref(ctx: RenderContext, label: str) -> Code:
    """A link to a labelled place of this PDF that shows its page: "p. 12"."""
    return call("pk-pageref", label, ctx.w("page_word"))


def _question_label(module_id: str, check: KnowledgeCheck) -> str:
    # Module and check ids are kebab-case, so the label is safe.
    return f"pk-question-{module_id}-{check.id}"


def render_introduction(ctx: RenderContext, path: LearningPath) -> list[Code]:
    """What the path is, who it is for, how long it takes, and its modules with their pages."""
    modules = [ctx.content.all(Module)[mid] for mid in path.modules]
    total = sum(module.duration_minutes for module in modules)
    rows = [[text(str(number)), ctx.ref("module", module.id, None),
             text(duration(ctx, module.duration_minutes))]
            for number, module in enumerate(modules, start=1)]
    rows.append([text(""), call("strong", text(ctx.w("total_duration"))), call("strong", text(duration(ctx, total)))])
    return compact([
        heading(1, ctx.w("introduction"), ctx.anchor("path", path.id)),
        lead(text(ctx.t(path.summary))),
        facts(ctx, [(ctx.w("audience"), text(ctx.name_of("audience", path.audience))),
               (ctx.w("total_duration"), text(duration(ctx, total))),
               (ctx.w("modules"), text(str(len(modules))))]),
        heading(2, ctx.w("modules")),
        table("(auto, 1fr, auto)", ["", ctx.w("module"), ctx.w("duration")], rows),
        heading(2, ctx.w("how_to_use")),
        call("pk-p", seq([text(ctx.w("how_to_use_answers") + " ("), pageref(ctx, ANSWER_KEY),
                          text("). " + ctx.w("how_to_use_reflection"))])
             if _has_checks(ctx, path) else
             text(ctx.w("how_to_use_start") + " " + ctx.w("how_to_use_reflection"))),
    ])


def _has_checks(ctx: RenderContext, path: LearningPath) -> bool:
    return any(ctx.content.all(Module)[mid].checks for mid in path.modules)


def _quiz(ctx: RenderContext, module: Module, number: str, check: KnowledgeCheck) -> Code:
    how = ctx.w("choose_all" if check.kind == "multiple" else "choose_one_short")
    choices = [[text(f"{letter(i)}."), text(ctx.t(choice.text))] for i, choice in enumerate(check.displayed_choices())]
    return call("pk-quiz", text(f"{number} {ctx.t(check.question)}"), text(how), choices,
                lbl=_question_label(module.id, check))


def render_workbook_module(ctx: RenderContext, module_id: str, number: int) -> list[Code]:
    """A module as a chapter: what it teaches, its sections, key points, questions, reflection."""
    module = ctx.content.all(Module)[module_id]
    md = MarkdownWriter(ctx)
    meta = [(ctx.w("duration"), text(duration(ctx, module.duration_minutes)))]
    if module.prerequisites:
        meta.append((ctx.w("before_this_module"), refs(ctx, "module", module.prerequisites)))
    out: list[Code | None] = [
        heading(1, f"{number}. {ctx.t(module.title)}", ctx.anchor("module", module_id)),
        lead(text(ctx.t(module.summary))),
        facts(ctx, meta),
        heading(2, ctx.w("objectives")),
        bullets(text(ctx.t(o.text)) for o in module.objectives),
    ]
    for section in module.sections:
        out.append(heading(2, ctx.t(section.title)))
        out.append(md.content(ctx.source(section.body), 2))
    if module.key_points:
        # Kept whole, to sum up the reading before the questions.
        out.append(call("block", call("pk-callout", "tip", text(ctx.w("key_points")),
                                      call("list", *[text(ctx.t(p)) for p in module.key_points]),
                                      palette(ctx.content.site.colours).callout("key-points")),
                        breakable=False))
    if module.checks:
        out.append(heading(2, ctx.w("check_your_knowledge")))
        out.extend(_quiz(ctx, module, f"{number}.{n}", check) for n, check in enumerate(module.checks, start=1))
    if module.reflection:
        out.append(heading(2, ctx.w("reflection_heading")))
        out.extend(call("pk-lines", text(ctx.t(prompt)), REFLECTION_LINES, None, ruled=True)
                   for prompt in module.reflection)
    return compact(out)


def _answer(ctx: RenderContext, md: MarkdownWriter, module: Module, number: str,
            check: KnowledgeCheck) -> Code:
    shown = check.displayed_choices()
    right = [letter(i) for i, choice in enumerate(shown) if choice.correct]
    label = ctx.w("correct_answers" if len(right) > 1 else "correct_answer")
    question = text(f"{number} {ctx.t(check.question)}")
    where = seq([text("("), pageref(ctx, _question_label(module.id, check)), text(")")])
    choices = [[choice.correct, text(ctx.w("choice_right" if choice.correct else "choice_wrong") + "."),
                text(ctx.t(choice.text)), md.inline(ctx.source(choice.feedback))]
               for choice in shown]
    answer = seq([call("strong", text(label)), text(" " + ", ".join(right))])
    return call("pk-answer", question, where, answer, choices)


def render_answer_key(ctx: RenderContext, path: LearningPath) -> list[Code]:
    """The answer key: per module, per question, the correct choices and every feedback
    (nothing when no module of the path has questions)."""
    if not _has_checks(ctx, path):
        return []
    md = MarkdownWriter(ctx)
    out: list[Code | None] = [heading(1, ctx.w("answer_key"), ANSWER_KEY),
                              lead(text(ctx.w("answer_key_lead")))]
    for number, module_id in enumerate(path.modules, start=1):
        module = ctx.content.all(Module)[module_id]
        if not module.checks:
            continue
        out.append(heading(2, f"{number}. {ctx.t(module.title)}"))
        out.extend(_answer(ctx, md, module, f"{number}.{n}", check)
                   for n, check in enumerate(module.checks, start=1))
    return compact(out)


def render_workbook(ctx: RenderContext, path_id: str) -> list[Code]:
    """The whole workbook after its cover and contents."""
    path = ctx.content.all(LearningPath)[path_id]
    out = render_introduction(ctx, path)
    for number, module_id in enumerate(path.modules, start=1):
        out += render_workbook_module(ctx, module_id, number)
    out += render_answer_key(ctx, path)
    return out
