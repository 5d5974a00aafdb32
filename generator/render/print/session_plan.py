"""A trainer session laid out for print: who presents (with a badge and a colour each), when
each block and slide starts, who leads each slide and in which order the notes are read.

Every printed output of a session (deck, notes, scripts, guide, handout) reads the session
through this plan, so they agree on the clock and on who leads. Nothing here writes Typst.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass

from generator.model.role import Role
from generator.model.session import Session, SessionBlock, SessionSlide, SpeakerNotes
from generator.render.markup import REF_ID, REF_KIND, parse_markdown
from generator.render.palette import fill_for_text, palette, text_on
from generator.render.print.context import RenderContext

# The third presenter's badge (the first two take the site's primary and accent colours):
# a slate that white text reads on, whatever the brand.
THIRD_BADGE = "#4a5563"
CUE_WORDS = 8  # how much of a partner's lines a presenter's own script shows


@dataclass(frozen=True)
class Presenter:
    """A presenter as print shows them: their role's name, a badge and its colours."""

    role: str
    name: str
    badge: str  # the role's abbreviation, else its name
    fill: str
    ink: str  # text on the fill


@dataclass(frozen=True)
class PlannedSlide:
    """One slide with its place in the session: number, deck page, start minute, who leads."""

    number: int  # 1, 2, ... through the whole session
    page: int  # index of its page in the deck (the title page is 0)
    block_number: int  # 1, 2, ...
    block: SessionBlock
    slide: SessionSlide
    start: int  # minutes from the start of the session
    leads: tuple[str, ...]  # role ids: the slide's lead, else the block's
    notes: tuple[SpeakerNotes, ...]  # whoever leads first, then the others in the session's order


@dataclass(frozen=True)
class PlannedBlock:
    number: int
    block: SessionBlock
    start: int


def presenters(ctx: RenderContext, session: Session) -> dict[str, Presenter]:
    """The session's presenters in order, each with a badge colour of their own."""
    colours = palette(ctx.content.site.colours)
    accent = fill_for_text(colours.accent)
    fills = [colours.primary, accent, THIRD_BADGE]
    out: dict[str, Presenter] = {}
    for number, role_id in enumerate(session.presenters):
        role = ctx.content.all(Role).get(role_id)
        name = ctx.t(role.name) if role is not None else role_id
        badge = (ctx.t(role.abbreviation) if role is not None else "") or name
        fill = fills[min(number, len(fills) - 1)]
        out[role_id] = Presenter(role_id, name, badge, fill, text_on(fill))
    return out


def plan_blocks(session: Session) -> list[PlannedBlock]:
    """Each block with its start minute."""
    out, elapsed = [], 0
    for number, block in enumerate(session.blocks, start=1):
        out.append(PlannedBlock(number, block, elapsed))
        elapsed += block.minutes
    return out


def plan_slides(session: Session) -> list[PlannedSlide]:
    """Every slide of the session in order, with its start minute and who leads it. A slide
    starts when the slides before it in its block are done, from its block's start."""
    order = {role: i for i, role in enumerate(session.presenters)}
    out: list[PlannedSlide] = []
    for planned in plan_blocks(session):
        elapsed = planned.start
        for slide in planned.block.slides:
            leads = tuple(slide.lead or planned.block.lead)
            notes = tuple(sorted(slide.notes, key=lambda n: (n.by not in leads, order.get(n.by, len(order)))))
            out.append(PlannedSlide(len(out) + 1, len(out) + 1, planned.number, planned.block, slide,
                                    elapsed, leads, notes))
            elapsed += slide.minutes
    return out


def plain_text(ctx: RenderContext, markdown_text: str) -> str:
    """A Markdown field as plain text: paragraphs apart, list items on their lines, inline
    references read as their labels (for the .pdfpc notes and the cues)."""
    root = parse_markdown(markdown_text)
    blocks = [_plain_block(ctx, child) for child in root]
    return "\n\n".join(b for b in blocks if b)


def _plain_block(ctx: RenderContext, element: etree.Element) -> str:
    if element.tag in ("ul", "ol"):
        items = [_plain_inline(ctx, li).strip() for li in element if li.tag == "li"]
        marks = [f"{n}." for n in range(1, len(items) + 1)] if element.tag == "ol" else ["-"] * len(items)
        return "\n".join(f"{m} {item}" for m, item in zip(marks, items, strict=True))
    if element.tag == "div" or element.tag == "blockquote":
        return "\n\n".join(b for b in (_plain_block(ctx, child) for child in element) if b)
    return " ".join(_plain_inline(ctx, element).split())


def _plain_inline(ctx: RenderContext, element: etree.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == "a" and child.get(REF_KIND):
            label = "".join(child.itertext()).strip()
            parts.append(label or ctx.name_of(child.get(REF_KIND, ""), child.get(REF_ID, "")))
        elif child.tag in ("ul", "ol", "p", "div"):
            parts.append("\n" + _plain_block(ctx, child))
        else:
            parts.append(_plain_inline(ctx, child))
        parts.append(child.tail or "")
    return "".join(parts)


def first_words(text: str, count: int = CUE_WORDS) -> str:
    """The first words of a text, with an ellipsis when there is more."""
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")
