"""A trainer session's facilitator guide and participants' handout.

The guide is for the presenters: the session and its objectives, the agenda with each
block's start (from 0:00, and a blank for the clock time) and who leads it, each block's
purpose and links, the preparation timeline (earliest first), a materials checklist, the
room setup, an activity card per activity, and a session-evaluation form to copy.

The handout is for participants: objectives, key points, the agenda without who leads,
a worksheet per activity (its instructions, and room to write under each debrief
question), and where to go further. It holds no trainer notes: no speaker notes,
hand-off cues, block purposes or preparation.
"""

from __future__ import annotations

from generator.model.session import Session
from generator.render.present import clock
from generator.render.print.blocks import bullets, compact, facts, heading, lead, refs, table
from generator.render.print.context import RenderContext
from generator.render.print.markdown import MarkdownWriter
from generator.render.print.session_deck import badges, named_badges
from generator.render.print.session_plan import plan_blocks, presenters
from generator.render.print.typst_code import Code, call, seq, text
from generator.render.print.workbook import duration

WRITING_LINES = 3  # under each debrief question of a worksheet
COMMENT_LINES = 5
SCALE = 5
_EVALUATION = ("eval_objectives", "eval_useful", "eval_presenters", "eval_pace")


def _when(ctx: RenderContext, days: int) -> str:
    if days == 0:
        return ctx.w("on_the_day")
    return ctx.w("days_before_one") if days == 1 else ctx.w("days_before", n=days)


def _agenda(ctx: RenderContext, session: Session, *, leads: bool) -> Code:
    """Start from 0:00, a blank for the clock time, minutes, block (and its activity), who leads."""
    people = presenters(ctx, session)
    rows = []
    for planned in plan_blocks(session):
        block = planned.block
        title = text(ctx.t(block.title))
        if block.activity is not None:
            title = seq([call("strong", title), Code("linebreak()"), text(
                f"{ctx.label('activity')} {ctx.t(block.activity.title)} ({duration(ctx, block.activity.minutes)})")])
        else:
            title = call("strong", title)
        start = text(clock(planned.start))
        minutes = text(duration(ctx, block.minutes))
        rows.append([start, call("pk-blank"), minutes, title, badges(people, block.lead)] if leads
                    else [start, minutes, title])
    end = call("strong", text(ctx.w("end_of_session")))
    rows.append([text(clock(session.duration_minutes)), call("pk-blank"), text(""), end, text("")] if leads
                else [text(clock(session.duration_minutes)), text(""), end])
    if leads:  # the guide: a blank to write each block's clock time in
        return table("(auto, auto, auto, 1fr, auto)", [ctx.w("from_start"), ctx.w("clock_time"), ctx.w("duration"),
                                                       ctx.w("block"), ctx.w("led_by")], rows)
    return table("(auto, auto, 1fr)", [ctx.w("from_start"), ctx.w("duration"), ctx.w("block")], rows)


def _starts_at(ctx: RenderContext) -> Code:
    return call("pk-p", seq([call("strong", text(ctx.w("starts_at"))), text(" "), call("pk-blank", width=Code("4em"))]))


def _links(ctx: RenderContext, pairs: list[tuple[str, str, list[str]]]) -> Code | None:
    return facts(ctx, [(ctx.w(label), refs(ctx, kind, ids)) for label, kind, ids in pairs if ids])


def render_guide(ctx: RenderContext, session: Session) -> list[Code]:
    """The facilitator guide after its cover and contents."""
    people = presenters(ctx, session)
    md = MarkdownWriter(ctx)
    out: list[Code | None] = [
        call("pagebreak", weak=True),  # after the contents
        heading(1, ctx.w("session_overview")),
        lead(text(ctx.t(session.summary))),
        facts(ctx, [(ctx.w("presenters"), named_badges(people, session.presenters)),
               (ctx.w("total_duration"), text(duration(ctx, session.duration_minutes)))]),
        heading(2, ctx.w("objectives")),
        bullets(text(ctx.t(objective)) for objective in session.objectives),
    ]
    if session.key_points:
        out += [heading(2, ctx.w("key_points")), bullets(text(ctx.t(p)) for p in session.key_points)]
    out += [heading(1, ctx.w("agenda")), _starts_at(ctx), _agenda(ctx, session, leads=True),
            heading(1, ctx.w("blocks_in_detail"))]
    for planned in plan_blocks(session):
        block = planned.block
        out += [heading(2, f"{clock(planned.start)} · {ctx.t(block.title)}"),
                facts(ctx, [(ctx.w("duration"), text(duration(ctx, block.minutes))),
                       (ctx.w("led_by"), badges(people, block.lead))]),
                md.content(ctx.source(block.purpose), 2),
                _links(ctx, [("practices", "practice", block.practices), ("cases", "case", block.cases),
                             ("modules", "module", block.modules), ("tools", "tool", block.tools)])]
    out += _preparation(ctx, session) + _materials(ctx, session)
    if session.room_setup is not None:
        out += [heading(1, ctx.w("room_setup")), md.content(ctx.source(session.room_setup), 1)]
    out += _activity_cards(ctx, session, md) + _evaluation(ctx)
    return compact(out)


def _preparation(ctx: RenderContext, session: Session) -> list[Code]:
    """Who does what, how many days before, earliest first (in the file's order on a same day)."""
    if not session.preparation:
        return []
    tasks = sorted(session.preparation, key=lambda task: -task.days_before)
    rows = [[call("strong", text(_when(ctx, task.days_before))), refs(ctx, "role", task.who),
             text(ctx.t(task.task)), call("pk-tick")] for task in tasks]
    return [heading(1, ctx.w("preparation_timeline")),
            table("(auto, 1fr, 2.4fr, auto)", [ctx.w("when"), ctx.w("actors"), ctx.w("what"),
                                               ctx.w("done_col")], rows)]


def _materials(ctx: RenderContext, session: Session) -> list[Code]:
    """Boxes to tick: what to bring, then what to print (the handout, the tools and documents
    handed out, the evaluation form)."""
    out: list[Code] = [heading(1, ctx.w("materials_checklist"))]
    out += [call("pk-check", text(ctx.t(item)), None) for item in session.materials]
    out.append(heading(2, ctx.w("to_print")))
    each = [ctx.w("print_one_each", name=ctx.w(key)) for key in ("dl_handout", "session_evaluation")]
    printed = [*(ctx.name_of("tool", t) for t in session.tools),
               *(ctx.name_of("document", d) for d in session.handouts)]
    out += [call("pk-check", text(name), None) for name in dict.fromkeys([*each, *printed])]
    return out


def _activity_cards(ctx: RenderContext, session: Session, md: MarkdownWriter) -> list[Code]:
    out: list[Code] = []
    for planned in plan_blocks(session):
        activity = planned.block.activity
        if activity is None:
            continue
        details = facts(ctx, [(ctx.w("duration"), text(duration(ctx, activity.minutes))),
                         (ctx.w("block"), text(f"{clock(planned.start)} · {ctx.t(planned.block.title)}"))])
        out.append(call("pk-activity-card", text(ctx.t(activity.title)), details or Code("[]"),
                        md.content(ctx.source(activity.instructions), 2), text(ctx.w("debrief")),
                        [text(ctx.t(q)) for q in activity.debrief]))
    return [call("pagebreak", weak=True), heading(1, ctx.w("activity_cards")), *out] if out else []


def _evaluation(ctx: RenderContext) -> list[Code]:
    """A short form to copy for participants: a few ratings and one free-text question."""
    return [call("pagebreak", weak=True), heading(1, ctx.w("session_evaluation")),
            call("pk-p", text(ctx.w("evaluation_intro"))),
            *(call("pk-rating", text(ctx.w(key)), SCALE, text(ctx.w("eval_low")), text(ctx.w("eval_high")))
              for key in _EVALUATION),
            call("pk-lines", text(ctx.w("eval_comments")), COMMENT_LINES, None)]


def render_handout(ctx: RenderContext, session: Session) -> list[Code]:
    """The participants' handout: what they take away and the worksheets, no trainer notes."""
    md = MarkdownWriter(ctx)
    out: list[Code | None] = [
        lead(text(ctx.t(session.summary))),
        heading(2, ctx.w("objectives")),
        bullets(text(ctx.t(objective)) for objective in session.objectives),
    ]
    if session.key_points:
        out += [heading(2, ctx.w("key_points")), bullets(text(ctx.t(p)) for p in session.key_points)]
    out += [heading(2, ctx.w("agenda")), _agenda(ctx, session, leads=False)]
    activities = [p.block.activity for p in plan_blocks(session) if p.block.activity is not None]
    if activities:
        out.append(heading(2, ctx.w("worksheets")))
    for activity in activities:
        out += [heading(3, ctx.t(activity.title)),
                call("block", facts(ctx, [(ctx.w("duration"), text(duration(ctx, activity.minutes)))]), sticky=True),
                md.content(ctx.source(activity.instructions), 3)]
        out += [call("pk-lines", text(ctx.t(q)), WRITING_LINES, None, ruled=True) for q in activity.debrief]
        if not activity.debrief:
            out.append(call("pk-lines", text(ctx.w("your_notes")), WRITING_LINES, None, ruled=True))
    further = [(label, kind, list(dict.fromkeys(ids))) for label, kind, ids in (
        ("modules", "module", [m for b in session.blocks for m in b.modules]),
        ("tools", "tool", [*session.tools, *(t for b in session.blocks for t in b.tools)]),
        ("practices", "practice", [p for b in session.blocks for p in b.practices]),
        ("cases", "case", [c for b in session.blocks for c in b.cases]))]
    if any(ids for _, _, ids in further):
        out += [heading(2, ctx.w("to_go_further")), _links(ctx, further)]
    return compact(out)
