"""A trainer session's slides, in three forms: the 16:9 deck (a title page, then one page per
slide), its `.pdfpc` notes (one entry per deck page, for the pdfpc presenter console), and
the scripts (every slide drawn small by the deck's own Typst code, beside the lines).

A slide goes to Typst as one dictionary (`slide_data`), read by `pk-slide` in
`templates/session.typ` for the deck's pages and the scripts' thumbnails alike. A tandem
script holds every presenter's lines; a presenter's own script holds theirs in full and the
others' as cues (their first words), with every hand-off.
"""

from __future__ import annotations

import json

from generator.model.case import Case
from generator.model.catalog import Reference
from generator.model.program import Process
from generator.model.quote import Quote
from generator.model.session import Session, SpeakerNotes
from generator.render.citation import citation_in_parentheses
from generator.render.diagrams import framework_svg, process_svg, timeline_svg
from generator.render.present import clock
from generator.render.print.blocks import facts, heading, language_note
from generator.render.print.context import RenderContext
from generator.render.print.figures import alt_text
from generator.render.print.markdown import MarkdownWriter
from generator.render.print.session_plan import (
    PlannedSlide,
    Presenter,
    first_words,
    plain_text,
    plan_blocks,
    plan_slides,
    presenters,
)
from generator.render.print.typst_code import NONE, Code, call, dictionary, seq, text
from generator.render.print.workbook import duration

META = Code("meta")  # the `meta` dictionary every generated source defines
PDFPC_FORMAT = 2  # the JSON format of pdfpc 4.5 and later


def badge(person: Presenter) -> Code:
    """A presenter's badge, as `pk-badge` reads it."""
    return dictionary({"label": text(person.badge), "fill": person.fill, "ink": person.ink})


def badges(people: dict[str, Presenter], roles: tuple[str, ...] | list[str]) -> Code:
    """The badges of `roles` that present, side by side."""
    return call("pk-badges", [badge(people[r]) for r in roles if r in people])


def named_badges(people: dict[str, Presenter], roles: tuple[str, ...] | list[str]) -> Code:
    """Badge and name of each of `roles` that present ("PA Patient advisor, QA Quality advisor")."""
    parts = [seq([call("pk-badge", badge(people[r])), text(" " + people[r].name)])
             for r in roles if r in people]
    return seq(parts, Code('", "'))


def _visual(ctx: RenderContext, visual: str | None) -> Code:
    """A slide's figure (the shared SVG diagrams, with their alternative text) or quotation."""
    if not visual:
        return NONE
    kind, _, ident = visual.partition(":")
    content = ctx.content
    if kind == "quote" and ident in content.all(Quote):
        return _quotation(ctx, ident)
    if kind == "framework":
        stem, svg = "framework", framework_svg(content, ctx.lang)
    elif kind == "process" and ident in content.all(Process):
        stem, svg = f"process-{ident}", process_svg(content, ident, ctx.lang)
    elif kind == "timeline" and ident in content.all(Case):
        stem, svg = f"timeline-{ident}", timeline_svg(content, ident, ctx.lang)
    else:  # check reports a visual that names nothing
        return NONE
    return dictionary({"path": ctx.add_figure(stem, svg), "alt": text(alt_text(svg))})


def _quotation(ctx: RenderContext, quote_id: str) -> Code:
    """The quote as said (tagged with its language), its speaker and source, and under it the
    labelled translation when the words are in another language."""
    item = ctx.content.all(Quote)[quote_id]
    words = text(ctx.typeset(ctx.trace(item.text, item.words()), lang=item.language))
    if item.language != ctx.lang:
        words = call("text", words, lang=item.language)
    source = citation_in_parentheses(ctx.content.all(Reference)[item.source.reference], ctx.w("no_date"))
    locator = f", {item.source.locator}" if item.source.locator else ""
    return dictionary({"text": words, "attribution": text(f"{ctx.t(item.speaker.label)} ({source}{locator})"),
                       "note": language_note(ctx, item)})


def slide_data(ctx: RenderContext, people: dict[str, Presenter], planned: PlannedSlide, total: int) -> Code:
    """One slide for `pk-slide`: title, points, visual, block, badges of who leads, number."""
    slide = planned.slide
    return dictionary({
        "title": text(ctx.t(slide.title)),
        "points": [text(ctx.t(point)) for point in slide.points],
        "visual": _visual(ctx, slide.visual),
        "block": text(ctx.t(planned.block.title)),
        "leads": [badge(people[r]) for r in planned.leads if r in people],
        "number": planned.number,
        "total": total,
    })


def render_deck(ctx: RenderContext, session: Session) -> list[Code]:
    """The deck's pages after its title page: one per slide."""
    people = presenters(ctx, session)
    slides = plan_slides(session)
    return [call("pk-deck-slide", META, slide_data(ctx, people, planned, len(slides))) for planned in slides]


# ---------------------------------------------------------------- .pdfpc notes


def _note_lines(ctx: RenderContext, people: dict[str, Presenter], planned: PlannedSlide) -> list[str]:
    slide = planned.slide
    head = ctx.w("notes_slide_head", clock=clock(planned.start), minutes=ctx.w("minutes", n=slide.minutes),
                 block=ctx.t(planned.block.title))
    lines = [head, ctx.t(slide.title)]
    for note in planned.notes:
        name = people[note.by].name if note.by in people else note.by
        label = ctx.w("presenter_leads", name=name) if note.by in planned.leads else name
        lines += ["", ctx.w("label_colon", label=label), plain_text(ctx, ctx.source(note.text))]
    if slide.handoff is not None and slide.handoff.to in people:
        lines += ["", _handoff(ctx, people, planned)]
    return lines


def _title_note(ctx: RenderContext, session: Session, people: dict[str, Presenter]) -> list[str]:
    names = ", ".join(person.name for person in people.values())
    presenting = ctx.w("label_value", label=ctx.w("presenters"), value=names)
    lines = [ctx.t(session.title), f"{duration(ctx, session.duration_minutes)} · {presenting}",
             "", ctx.t(session.summary), "", ctx.label("objectives")]
    return lines + [f"- {ctx.t(objective)}" for objective in session.objectives]


def pdfpc_notes(ctx: RenderContext, session: Session) -> tuple[str, int]:
    """The deck's `.pdfpc` file (pdfpc's JSON format): the session's length in minutes, and per
    deck page its index, label (the page's number, as the deck numbers its pages) and notes:
    every presenter's lines, labelled by presenter, whoever leads first, then the hand-off.
    Notes are plain text (`disableMarkdown`), so nothing in them is read as markup. Returns
    the text and the number of pages."""
    people = presenters(ctx, session)
    notes = ["\n".join(_title_note(ctx, session, people))]
    notes += ["\n".join(_note_lines(ctx, people, planned)) for planned in plan_slides(session)]
    pages = [{"idx": index, "label": str(index + 1), "overlay": 0, "forcedOverlay": False, "hidden": False,
              "note": note} for index, note in enumerate(notes)]
    document = {"pdfpcFormat": PDFPC_FORMAT, "duration": session.duration_minutes, "disableMarkdown": True,
                "pages": pages}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n", len(pages)


# ---------------------------------------------------------------- scripts


def _lines(ctx: RenderContext, md: MarkdownWriter, people: dict[str, Presenter], planned: PlannedSlide,
           reader: str | None) -> Code:
    """What is said on a slide: every note in full (the tandem script, `reader` None), or the
    reader's notes in full and the others' first words; then the hand-off."""
    out: list[Code] = []
    for note in planned.notes:
        if note.by not in people:
            continue
        person = people[note.by]
        if reader is None or note.by == reader:
            out.append(call("pk-said", META, badge(person), md.content(ctx.source(note.text), 3)))
        else:
            out.append(call("pk-cue", META, badge(person), text(_cue(ctx, person, note))))
    handoff = planned.slide.handoff
    if handoff is not None and handoff.to in people:
        out.append(call("pk-handoff", META, badge(people[handoff.to]), text(_handoff(ctx, people, planned))))
    return seq(out)


def _handoff(ctx: RenderContext, people: dict[str, Presenter], planned: PlannedSlide) -> str:
    """The hand-off line, "→ Hands over to Patient advisor: “cue”" (the slide hands off)."""
    handoff = planned.slide.handoff
    assert handoff is not None
    return ctx.w("handoff_cue", handoff=ctx.w("hands_over_to", name=people[handoff.to].name),
                 cue=ctx.t(handoff.cue))


def _cue(ctx: RenderContext, person: Presenter, note: SpeakerNotes) -> str:
    return ctx.w("partner_cue", name=person.name, words=first_words(plain_text(ctx, ctx.source(note.text))))


def render_script(ctx: RenderContext, session: Session, reader: str | None) -> list[Code]:
    """A script: the legend, then per block its heading, clock, purpose and activity, and per
    slide its clock, minutes and thumbnail beside the lines."""
    people = presenters(ctx, session)
    md = MarkdownWriter(ctx)
    slides = plan_slides(session)
    intro = ctx.w("tandem_script_intro") if reader is None else ctx.w("own_script_intro")
    out: list[Code | None] = [
        facts(ctx, [(ctx.w("presenters"), named_badges(people, session.presenters)),
               (ctx.w("total_duration"), text(duration(ctx, session.duration_minutes)))]),
        call("pk-lead", text(intro)),
    ]
    for block in plan_blocks(session):
        out.append(heading(2, f"{clock(block.start)} · {ctx.t(block.block.title)}"))
        details = [(ctx.w("duration"), text(duration(ctx, block.block.minutes))),
                   (ctx.w("led_by"), badges(people, block.block.lead))]
        if block.block.activity is not None:
            activity = block.block.activity
            details.append((ctx.w("activity"), text(f"{ctx.t(activity.title)} "
                                                    f"({duration(ctx, activity.minutes)})")))
        out.append(facts(ctx, details))
        out.append(call("text", md.content(ctx.source(block.block.purpose), 2), size=Code("9.5pt"),
                        fill=Code("pk-muted")))
        for planned in (s for s in slides if s.block_number == block.number):
            out.append(call("pk-script-slide", META, slide_data(ctx, people, planned, len(slides)),
                            text(clock(planned.start)), text(ctx.w("minutes", n=planned.slide.minutes)),
                            _lines(ctx, md, people, planned, reader)))
    return [item for item in out if item is not None]
