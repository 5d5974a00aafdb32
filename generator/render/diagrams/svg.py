"""Small SVG building blocks: escaping, text wrapping, the document wrapper."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape as _escape

FONT = "Atkinson Hyperlegible, sans-serif"
# Neutral greys only: brand colours come from the site's palette (generator.render.palette).
INK = "#1a1a1a"
MUTED = "#4a4a4a"
LINE = "#5c6670"
WHITE = "#ffffff"
# Average advance of Atkinson Hyperlegible, in em: generous, so labels never overflow.
_EM_ADVANCE = 0.56
# Where a line may break: an ordinary space, never a no-break one (French spacing keeps "Étape 1 :" whole).
_BREAK = re.compile(r"[ \t\n\r\f\v]+")


def esc(text: str) -> str:
    """Escape text for SVG content and attribute values."""
    return _escape(text, {'"': "&quot;", "'": "&#39;"})


def text_width(text: str, size: float) -> float:
    """Estimated width of `text` at `size` px (no font metrics at hand: an upper estimate)."""
    return len(text) * size * _EM_ADVANCE


def wrap(text: str, width: float, size: float, max_lines: int = 4) -> list[str]:
    """Split `text` into lines that fit `width` px; the last kept line ends with '…'."""
    limit = max(4, int(width / (size * _EM_ADVANCE)))
    lines: list[str] = []
    current = ""
    # Break after '/' too ('management/patient team' wraps at the slash).
    words = [w for chunk in _BREAK.split(text.strip(" \t\n\r\f\v")) if chunk
             for w in re.findall(r"[^/]+/?|/", chunk)]
    joined_after_slash = False
    for word in words:
        glue = "" if joined_after_slash else " "
        joined_after_slash = word.endswith("/")
        while len(word) > limit:  # a word longer than the box: cut it
            if current:
                lines.append(current)
                current = ""
            lines.append(word[: limit - 1] + "-")
            word = word[limit - 1 :]
        candidate = f"{current}{glue}{word}" if current else word
        if len(candidate) <= limit:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        kept = lines[:max_lines]
        kept[-1] = kept[-1][: max(1, limit - 1)].rstrip() + "…"
        return kept
    return lines or [""]


def text_lines(lines: list[str], x: float, y: float, size: float, *, anchor: str = "start",
               weight: str = "normal", fill: str = INK, line_height: float = 1.25) -> str:
    """A <text> with one <tspan> per line; `y` is the first baseline."""
    spans = "".join(
        f'<tspan x="{x:g}" y="{y + i * size * line_height:g}">{esc(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (f'<text font-size="{size:g}" text-anchor="{anchor}" font-weight="{weight}" '
            f'fill="{fill}">{spans}</text>')


def document(ident: str, width: float, height: float, title: str, desc: str, body: str,
             defs: str = "") -> str:
    """The complete <svg> element with its title, description and fixed viewBox."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
        f'width="{width:g}" height="{height:g}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-family="{FONT}" class="pk-figure">'
        f'<title id="{ident}-title">{esc(title)}</title>'
        f'<desc id="{ident}-desc">{esc(desc)}</desc>'
        + (f"<defs>{defs}</defs>" if defs else "")
        + f'<rect width="{width:g}" height="{height:g}" fill="{WHITE}"/>'
        + body
        + "</svg>\n"
    )


def arrow_marker(ident: str, colour: str = LINE) -> str:
    """An arrow-head marker definition named `{ident}-arrow`."""
    return (f'<marker id="{ident}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
            f'fill="{colour}"/></marker>')
