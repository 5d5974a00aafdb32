"""The framework figure: practice families (rows) by management level and change phase."""

from __future__ import annotations

from generator.messages import message
from generator.model import registry
from generator.model.content import Content
from generator.model.framework import Family, Level
from generator.render.diagrams.svg import (
    INK,
    LINE,
    MUTED,
    arrow_marker,
    document,
    text_lines,
    wrap,
)
from generator.render.palette import Palette, palette
from generator.typography import typesetter

WIDTH = 960
MARGIN = 16
LABEL_COL = 290
GAP = 24
HEAD_GROUP = 34
ROW = 78
IDENT = "pk-framework"


def _count_label(content: Content, lang: str, n: int) -> str:
    """'1 practice', '3 practices', 'none' (as the catalog writes them)."""
    if n == 0:
        return message(lang, "practices_none", content.messages)
    if n == 1:
        return message(lang, "practices_one", content.messages)
    return message(lang, "practices_many", content.messages, n=n)


def _cell(x: float, y: float, w: float, h: float, n: int, count: str, colours: Palette) -> str:
    # Cell fill by number of practices: lighter to darker, always with the number written in it.
    shade = colours.shades[min(n, len(colours.shades) - 1)]
    text_fill = INK
    big = str(n) if n else "–"
    return (
        f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" fill="{shade}" '
        f'stroke="{LINE}" stroke-width="1"/>'
        + text_lines([big], x + w / 2, y + h / 2 + 2, 22, anchor="middle", weight="bold",
                     fill=text_fill)
        + text_lines([count], x + w / 2, y + h / 2 + 22, 12, anchor="middle",
                     fill=MUTED)
    )


def framework_svg(content: Content, lang: str) -> str:
    """Families × levels × phases, with the number of practices in each cell."""
    default = content.default_language
    typeset = typesetter(lang, content.site.french_spacing)  # every text of the figure, in its language's typography
    colours = palette(content.site.colours)
    families = list(content.all(Family).values())
    levels = list(content.all(Level).values())
    phases = list(content.all(registry.PHASE).values())
    columns = len(levels) + len(phases)
    cell_w = (WIDTH - 2 * MARGIN - LABEL_COL - GAP) / max(1, columns)
    size = 12.5
    head_names = [wrap(typeset(t.name.get(lang, default)), cell_w - 2, size, 3) for t in levels + phases]
    head_h = max(len(lines) for lines in head_names) * size * 1.25 + 16
    top = MARGIN + HEAD_GROUP + head_h
    # The adapted/renewed approach is optional: no legend when no family has one.
    with_approach = any(family.approach for family in families)
    legend_h = 44 if with_approach else 0
    height = top + ROW * len(families) + legend_h + MARGIN
    levels_x = MARGIN + LABEL_COL
    phases_x = levels_x + cell_w * len(levels) + GAP

    parts: list[str] = []
    # Column groups: levels, then phases with an arrow (phases follow each other in time).
    parts.append(text_lines([typeset(message(lang, "levels", content.messages))], levels_x + cell_w * len(levels) / 2,
                            MARGIN + 16, 15, anchor="middle", weight="bold", fill=colours.primary_text))
    parts.append(text_lines([typeset(message(lang, "phases", content.messages))], phases_x + cell_w * len(phases) / 2,
                            MARGIN + 16, 15, anchor="middle", weight="bold", fill=colours.primary_text))
    arrow_y = MARGIN + 26
    arrow_end = phases_x + cell_w * len(phases) - 6
    parts.append(f'<line x1="{phases_x + 6:g}" y1="{arrow_y:g}" x2="{arrow_end:g}" '
                 f'y2="{arrow_y:g}" stroke="{colours.primary_text}" stroke-width="2" '
                 f'marker-end="url(#{IDENT}-arrow)"/>')
    parts.append(text_lines([typeset(message(lang, "families", content.messages))], MARGIN,
                            MARGIN + HEAD_GROUP + head_h - 10, 15, weight="bold", fill=colours.primary_text))
    for i, lines in enumerate(head_names):
        x = (levels_x + i * cell_w) if i < len(levels) else (phases_x + (i - len(levels)) * cell_w)
        parts.append(text_lines(lines, x + cell_w / 2, MARGIN + HEAD_GROUP + size, size,
                                anchor="middle", weight="bold"))

    rows_desc: list[str] = []
    for r, family in enumerate(families):
        y = top + r * ROW
        practices = content.practices_in_family(family.id)
        renewed = family.approach == "renewed"
        fill = f"url(#{IDENT}-hatch)" if renewed else colours.pale
        parts.append(f'<rect x="{MARGIN:g}" y="{y:g}" width="{LABEL_COL - 8:g}" '
                     f'height="{ROW - 6:g}" fill="{fill}" stroke="{LINE}" stroke-width="1"/>')
        parts.append(f'<circle cx="{MARGIN + 22:g}" cy="{y + 24:g}" r="14" fill="{colours.primary}"/>')
        parts.append(text_lines([str(family.number)], MARGIN + 22, y + 29, 15, anchor="middle",
                                weight="bold", fill=colours.on_primary))
        name = typeset(family.name.get(lang, default))
        parts.append(text_lines(wrap(name, LABEL_COL - 60, 14, 2), MARGIN + 44, y + 22, 14,
                                weight="bold"))
        approach = typeset(message(lang, f"legend_{family.approach}", content.messages)) if family.approach else ""
        if approach:
            parts.append(text_lines([approach], MARGIN + 44, y + ROW - 16, 12, fill=MUTED))
        counts: list[str] = []
        for c, level in enumerate(levels):
            n = sum(1 for p in practices if level.id in p.levels)
            count = typeset(_count_label(content, lang, n))
            parts.append(_cell(levels_x + c * cell_w, y, cell_w, ROW - 6, n, count, colours))
            counts.append(f"{level.name.get(lang, default)}: {count}")
        for c, phase in enumerate(phases):
            n = sum(1 for p in practices if phase.id in p.phases)
            count = typeset(_count_label(content, lang, n))
            parts.append(_cell(phases_x + c * cell_w, y, cell_w, ROW - 6, n, count, colours))
            counts.append(f"{phase.name.get(lang, default)}: {count}")
        kind = f" ({approach})" if approach else ""
        rows_desc.append(f"{family.number}. {name}{kind}: " + "; ".join(counts) + ".")

    if with_approach:
        legend_y = top + ROW * len(families) + 12
        parts.append(f'<rect x="{MARGIN:g}" y="{legend_y:g}" width="28" height="18" fill="{colours.pale}" '
                     f'stroke="{LINE}"/>')
        parts.append(text_lines([typeset(message(lang, "legend_adapted", content.messages))], MARGIN + 36,
                                legend_y + 14, 13))
        lx = MARGIN + 220
        parts.append(f'<rect x="{lx:g}" y="{legend_y:g}" width="28" height="18" '
                     f'fill="url(#{IDENT}-hatch)" stroke="{LINE}"/>')
        parts.append(text_lines([typeset(message(lang, "legend_renewed", content.messages))], lx + 36,
                                legend_y + 14, 13))

    defs = (arrow_marker(IDENT, colours.primary_text)
            + f'<pattern id="{IDENT}-hatch" width="8" height="8" patternUnits="userSpaceOnUse" '
              f'patternTransform="rotate(45)"><rect width="8" height="8" fill="{colours.pale}"/>'
              f'<line x1="0" y1="0" x2="0" y2="8" stroke="{colours.hatch}" stroke-width="3"/></pattern>')
    title = typeset(message(lang, "framework_title", content.messages))
    desc = typeset(message(lang, "framework_desc", content.messages, families=len(families), rows=" ".join(rows_desc)))
    return document(IDENT, WIDTH, height, title, desc, "".join(parts), defs)


__all__ = ["framework_svg"]
