"""Inclusive writing in French as the OQLF recommends it: no point médian.

The Office québécois de la langue française advises against abbreviated forms such as
« conseiller·ère » (point médian, and its look-alikes the bullet and the dot operator) and
recommends full doublets (« conseillères et conseillers ») or epicene words (« personne
conseillère », « gestionnaire »).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# U+00B7 middle dot, U+2022 bullet, U+2027 hyphenation point, U+22C5 dot operator, U+30FB katakana middle dot.
_MIDDLE_DOTS = "\u00b7\u2022\u2027\u22c5\u30fb"
_ABBREVIATED = re.compile(rf"\w+(?:[{_MIDDLE_DOTS}]\w+)+")
HINT = ("the OQLF recommends a full doublet (« les conseillères et les conseillers ») or an "
        "epicene word (« le personnel », « les gestionnaires »)")


@dataclass(frozen=True)
class AbbreviatedForm:
    """One word written with a point médian, and where it starts in its text."""

    word: str
    offset: int


def point_median_forms(text: str) -> list[AbbreviatedForm]:
    """Every word of `text` written with a point médian (or a dot that looks like one)."""
    if not any(dot in text for dot in _MIDDLE_DOTS):  # most texts: skip the regex
        return []
    return [AbbreviatedForm(match.group(0), match.start()) for match in _ABBREVIATED.finditer(text)]
