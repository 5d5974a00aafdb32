"""The process figure: steps in order, left to right, each with the role(s) who carry it."""

from __future__ import annotations

from generator.messages import message
from generator.model.content import Content
from generator.model.program import Process
from generator.model.role import Role
from generator.render.diagrams.svg import (
    LINE,
    MUTED,
    arrow_marker,
    document,
    text_lines,
    wrap,
)
from generator.render.palette import palette
from generator.typography import typesetter

MARGIN = 20
BOX = 172
GAP = 36
BAND = 30
TITLE_SIZE = 16
ACTOR_SIZE = 14


def process_svg(content: Content, process_id: str, lang: str) -> str:
    """A left-to-right flow of the process steps; under each title, who carries the step."""
    default = content.default_language
    typeset = typesetter(lang, content.site.french_spacing)  # every text of the figure, in its language's typography
    colours = palette(content.site.colours)
    process = content.all(Process)[process_id]
    ident = f"pk-process-{process_id}"
    name = process.name.get(lang, default)
    steps = []
    for step in process.steps:
        title_lines = wrap(typeset(step.title.get(lang, default)), BOX - 20, TITLE_SIZE, 6)
        actors = [typeset(content.all(Role)[a].name.get(lang, default)) for a in step.actors]
        actor_lines = [line for actor in actors for line in wrap(actor, BOX - 34, ACTOR_SIZE, 2)]
        steps.append((step, title_lines, actors, actor_lines))
    full_titles = [step.title.get(lang, default) for step in process.steps]
    title_h = max(len(t) for _, t, _, _ in steps) * TITLE_SIZE * 1.25
    actor_h = max(len(a) for _, _, _, a in steps) * ACTOR_SIZE * 1.3
    box_h = BAND + 14 + title_h + 18 + 20 + actor_h + 12
    width = 2 * MARGIN + len(steps) * BOX + (len(steps) - 1) * GAP
    height = 2 * MARGIN + box_h

    parts: list[str] = []
    described: list[str] = []
    for i, (_step, title_lines, actors, _actor_lines) in enumerate(steps):
        x = MARGIN + i * (BOX + GAP)
        y = MARGIN
        parts.append(f'<rect x="{x:g}" y="{y:g}" width="{BOX:g}" height="{box_h:g}" rx="8" '
                     f'fill="{colours.paler}" stroke="{colours.primary}" stroke-width="1.5"/>')
        parts.append(f'<path d="M{x:g},{y + BAND:g} V{y + 8:g} a8,8 0 0 1 8,-8 H{x + BOX - 8:g} '
                     f'a8,8 0 0 1 8,8 V{y + BAND:g} z" fill="{colours.primary}"/>')
        parts.append(text_lines([typeset(message(lang, "step", content.messages, n=i + 1))], x + 12, y + 20, 14,
                                weight="bold", fill=colours.on_primary))
        ty = y + BAND + 14 + TITLE_SIZE * 0.8
        parts.append(text_lines(title_lines, x + 12, ty, TITLE_SIZE, weight="bold"))
        sep = y + BAND + 14 + title_h + 8
        parts.append(f'<line x1="{x + 12:g}" y1="{sep:g}" x2="{x + BOX - 12:g}" y2="{sep:g}" '
                     f'stroke="{LINE}" stroke-width="1" stroke-dasharray="3 3"/>')
        actors_label = message(lang, "label_colon", content.messages, label=message(lang, "actors", content.messages))
        parts.append(text_lines([typeset(actors_label)], x + 12, sep + 20, 12, weight="bold", fill=MUTED))
        ay = sep + 20 + ACTOR_SIZE * 1.4
        # A small person mark before each actor: the label carries the meaning, not the mark.
        row = 0
        for actor in actors:
            lines = wrap(actor, BOX - 34, ACTOR_SIZE, 2)
            cy = ay + row * ACTOR_SIZE * 1.3
            parts.append(f'<circle cx="{x + 17:g}" cy="{cy - 4.5:g}" r="4" fill="none" '
                         f'stroke="{colours.primary_text}" stroke-width="1.5"/>')
            parts.append(text_lines(lines, x + 27, cy, ACTOR_SIZE, line_height=1.3))
            row += len(lines)
        if i < len(steps) - 1:
            ax = x + BOX + 4
            mid = y + box_h / 2
            parts.append(f'<line x1="{ax:g}" y1="{mid:g}" x2="{ax + GAP - 8:g}" y2="{mid:g}" '
                         f'stroke="{LINE}" stroke-width="2.5" marker-end="url(#{ident}-arrow)"/>')
        described.append(f"{message(lang, 'step', content.messages, n=i + 1)}: {full_titles[i]} "
                         f"({message(lang, 'actors', content.messages)}: {', '.join(actors)}).")
    title = typeset(message(lang, "process_title", content.messages, name=name))
    desc = typeset(message(lang, "process_desc", content.messages, count=len(steps), steps=" ".join(described)))
    return document(ident, width, height, title, desc, "".join(parts), arrow_marker(ident))
