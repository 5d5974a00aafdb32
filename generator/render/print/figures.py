"""Diagrams as vector figures: the SVG of `generator.render.diagrams`, stored in the
compile root and placed with `image()`, its alternative text taken from the SVG's own
<title> and <desc> (PDF/UA requires alternative text on every figure).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from generator.render.diagrams import framework_svg, process_svg, timeline_svg
from generator.render.print.context import RenderContext
from generator.render.print.typst_code import Code, call, text

_SVG = "{http://www.w3.org/2000/svg}"


def alt_text(svg: str) -> str:
    """The SVG's title and description, as one alternative text."""
    root = etree.fromstring(svg)
    parts = []
    for tag in ("title", "desc"):
        node = root.find(f"{_SVG}{tag}")
        if node is not None and node.text and node.text.strip():
            parts.append(node.text.strip().rstrip("."))
    return ". ".join(parts) + "." if parts else ""


def _figure(ctx: RenderContext, stem: str, svg: str, caption: str) -> Code:
    path = ctx.add_figure(stem, svg)
    return call("pk-figure", path, text(alt_text(svg)), text(caption))


def framework_figure(ctx: RenderContext) -> Code:
    """The framework figure (families × levels × phases)."""
    return _figure(ctx, "framework", framework_svg(ctx.content, ctx.lang), ctx.w("framework_figure"))


def process_figure(ctx: RenderContext, process_id: str) -> Code:
    """The flow of one process."""
    svg = process_svg(ctx.content, process_id, ctx.lang)
    return _figure(ctx, f"process-{process_id}", svg, ctx.w("process_figure"))


def timeline_figure(ctx: RenderContext, case_id: str) -> Code:
    """The timeline of one case."""
    svg = timeline_svg(ctx.content, case_id, ctx.lang)
    return _figure(ctx, f"timeline-{case_id}", svg, ctx.w("timeline_figure"))
