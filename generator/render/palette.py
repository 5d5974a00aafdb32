"""The colours figures and print derive from the site's two brand colours.

`site.yaml` gives a primary and an accent colour; every tint, shade and text colour of
the figures and PDFs is computed from them here, so another organization's colours
reach every output and no renderer hard-codes a hex value. A brand colour too light
to be read as text on white is darkened for text (WCAG 2.1 AA: 4.5:1), and text on a
brand-coloured fill is white or ink, whichever reads better.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from generator.model.site import Colours

WHITE = "#ffffff"
INK = "#1a1a1a"
_TEXT_CONTRAST = 4.5  # WCAG 2.1 AA for body text
# Tints are the brand colour mixed with white: the share of white in each.
_PALE, _PALER, _HATCH = 0.91, 0.955, 0.70
_SHADES = (1.0, 0.91, 0.80, 0.65, 0.50)  # cell fills, by number of practices: 0, 1, 2, 3, 4+

# Callout kinds that say something about the brand's own voice take its colours; the
# others keep the colour of their meaning, as Material's admonitions do on the site
# (green for a tip or success, red for danger, whatever the organization's colours).
_BRAND_KINDS = {"note": "primary", "info": "primary", "abstract": "primary", "question": "primary",
                "key-points": "primary", "warning": "accent", "caution": "accent",
                "important": "accent", "open-challenge": "accent"}
_MEANING_COLOURS = {"tip": "#2e7d4f", "success": "#2e7d4f", "example": "#6a4c93", "quote": "#5b6673",
                    "danger": "#a4262c", "failure": "#a4262c", "bug": "#a4262c"}


def darker(colour: str, factor: float) -> str:
    """The colour with each channel scaled by `factor` (truncated): the site's hover and link shades."""
    return "#" + "".join(f"{max(0, int(v * factor)):02x}" for v in _rgb(colour))


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _hex(rgb: Iterable[float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(255.0, v))):02x}" for v in rgb)


def mix(colour: str, other: str, share: float) -> str:
    """`colour` mixed with `share` (0–1) of `other`, in sRGB."""
    a, b = _rgb(colour), _rgb(other)
    return _hex(x + (y - x) * share for x, y in zip(a, b, strict=True))


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2.1)."""
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """Contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable_on_white(colour: str) -> str:
    """`colour` itself when text in it reads on white, else the lightest darker shade that does."""
    share = 0.0
    darker = colour
    while contrast(darker, WHITE) < _TEXT_CONTRAST and share < 1.0:
        share = round(share + 0.05, 2)
        darker = mix(colour, "#000000", share)
    return darker


def text_on(fill: str) -> str:
    """White or ink, whichever reads better on `fill`."""
    return WHITE if contrast(WHITE, fill) >= contrast(INK, fill) else INK


@dataclass(frozen=True)
class Palette:
    """Every colour figures and print use, derived from the brand colours."""

    primary: str  # fills and strokes (a mid-tone is darkened a little so text on it reads)
    primary_text: str  # text and thin lines in the primary colour, on white
    on_primary: str  # text on a primary fill
    accent: str
    accent_text: str
    pale: str  # a light tint: backgrounds
    paler: str
    hatch: str  # the stripes of a hatched fill
    shades: tuple[str, ...]  # from white to the darkest tint, for counts 0, 1, 2, ...

    def callout(self, kind: str) -> str:
        """The colour of a callout of this kind (Material's admonition names, plus the
        generator's own 'key-points' and 'open-challenge')."""
        brand = _BRAND_KINDS.get(kind)
        if brand == "accent":
            return self.accent_text
        if brand == "primary" or kind not in _MEANING_COLOURS:
            return self.primary_text
        return _MEANING_COLOURS[kind]


def fill_for_text(colour: str) -> str:
    """`colour` itself when white or ink text reads on it; else (a mid-tone, where neither
    does) the lightest darker shade that white text reads on."""
    if max(contrast(WHITE, colour), contrast(INK, colour)) >= _TEXT_CONTRAST:
        return colour
    return readable_on_white(colour)


@lru_cache(maxsize=16)
def _palette(given: str, accent: str) -> Palette:
    primary = fill_for_text(given)  # primary fills carry text (step numbers, the cover's title)
    return Palette(
        primary=primary, primary_text=readable_on_white(given), on_primary=text_on(primary),
        accent=accent, accent_text=readable_on_white(accent),
        pale=mix(given, WHITE, _PALE), paler=mix(given, WHITE, _PALER), hatch=mix(given, WHITE, _HATCH),
        shades=tuple(mix(given, WHITE, share) for share in _SHADES),
    )


def palette(colours: Colours) -> Palette:
    """The palette of the site's colours (computed once per pair of colours)."""
    return _palette(colours.primary.lower(), colours.accent.lower())
