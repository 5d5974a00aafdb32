"""The case timeline: dated events, top to bottom, grouped by change phase."""

from __future__ import annotations

from generator.messages import message
from generator.model import registry
from generator.model.case import Case
from generator.model.content import Content
from generator.render.diagrams.svg import (
    INK,
    LINE,
    MUTED,
    WHITE,
    document,
    text_lines,
    wrap,
)
from generator.render.palette import palette
from generator.typography import typesetter

WIDTH = 720
MARGIN = 16
PHASE_W = 150
DATE_X = 172
AXIS_X = 262
EVENT_X = 280
SIZE = 15
GAP = 16


def timeline_svg(content: Content, case_id: str, lang: str) -> str:
    """The case's phases as labelled bands, each holding its dated events in order."""
    default = content.default_language
    typeset = typesetter(lang, content.site.french_spacing)  # every text of the figure, in its language's typography
    colours = palette(content.site.colours)
    case = content.all(Case)[case_id]
    ident = f"pk-timeline-{case_id}"
    parts: list[str] = []
    described: list[str] = []
    y: float = MARGIN
    count = 0
    for index, phase_story in enumerate(case.story):
        phase_name = typeset(content.all(registry.PHASE)[phase_story.phase].name.get(lang, default))
        rows: list[tuple[str, list[str]]] = []
        for event in phase_story.events:
            title = typeset(event.title.get(lang, default))
            rows.append((event.date, wrap(title, WIDTH - MARGIN - EVENT_X, SIZE, 3)))
            described.append(f"{event.date}, {phase_name}: {title}.")
            count += 1
        if not rows:
            rows.append(("", [typeset(message(lang, "no_dated_event", content.messages))]))
        heights = [len(lines) * SIZE * 1.25 + GAP for _, lines in rows]
        band_h = max(sum(heights) + GAP, 56)
        fill = colours.pale if index % 2 == 0 else colours.paler
        parts.append(f'<rect x="{MARGIN:g}" y="{y:g}" width="{WIDTH - 2 * MARGIN:g}" '
                     f'height="{band_h - 4:g}" rx="6" fill="{fill}" stroke="{LINE}" '
                     f'stroke-width="1"/>')
        parts.append(f'<rect x="{MARGIN:g}" y="{y:g}" width="6" height="{band_h - 4:g}" '
                     f'fill="{colours.primary}"/>')
        parts.append(text_lines(wrap(phase_name, PHASE_W - 24, SIZE, 3), MARGIN + 18, y + 26, SIZE,
                                weight="bold", fill=colours.primary_text))
        ry: float = y + GAP
        for (date, lines), h in zip(rows, heights, strict=True):
            baseline = ry + SIZE
            if date:
                parts.append(text_lines([date], DATE_X, baseline, SIZE, weight="bold"))
                parts.append(f'<circle cx="{AXIS_X:g}" cy="{baseline - 5:g}" r="6" '
                             f'fill="{colours.primary_text}" stroke="{WHITE}" stroke-width="2"/>')
            parts.append(text_lines(lines, EVENT_X, baseline, SIZE,
                                    fill=INK if date else MUTED))
            ry += h
        y += band_h
    axis = (f'<line x1="{AXIS_X:g}" y1="{MARGIN + 8:g}" x2="{AXIS_X:g}" y2="{y - 12:g}" '
            f'stroke="{LINE}" stroke-width="2"/>')
    height = y + MARGIN - 4
    short = case.short_title.get(lang, default)
    title = typeset(message(lang, "timeline_title", content.messages, case=short))
    desc = typeset(message(lang, "timeline_desc", content.messages, count=count, events=" ".join(described)) if count
                   else message(lang, "no_events", content.messages))
    # The axis goes first so the event dots are drawn over it.
    return document(ident, WIDTH, height, title, desc, _bands_then_axis(parts, axis))


def _bands_then_axis(parts: list[str], axis: str) -> str:
    # Bands first, then the axis, then dates, dots and titles over them.
    bands = [p for p in parts if p.startswith("<rect")]
    rest = [p for p in parts if not p.startswith("<rect")]
    return "".join(bands) + axis + "".join(rest)
