"""SVG figures drawn from the model, shared by the site and print.

Each function takes the resolved `Content` and a language and returns SVG text:
a fixed viewBox, a <title> and <desc>, every content value escaped, the font
"Atkinson Hyperlegible, sans-serif", no external reference, and the same bytes for
the same content. Colours come from the site's primary colour (`generator.render.palette`),
never from a fixed brand. Colour is never the only cue: every coloured mark also has a
label or a pattern.
"""

from __future__ import annotations

from generator.render.diagrams.framework import framework_svg
from generator.render.diagrams.process import process_svg
from generator.render.diagrams.timeline import timeline_svg

__all__ = ["framework_svg", "process_svg", "timeline_svg"]
