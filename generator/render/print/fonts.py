"""Fonts for print: from pip font packages only, so every machine sets the same glyphs.

Atkinson Hyperlegible (regular, italic, bold, bold italic) sets all text. Code spans
use DejaVu Sans Mono, which the `typst` wheel embeds: it is pinned with the compiler
and needs no other package. System fonts are always ignored.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

FONT_PACKAGES = ("fontpkg_atkinson_hyperlegible",)


@lru_cache(maxsize=1)
def font_paths() -> tuple[Path, ...]:
    """Folders holding the fonts handed to Typst."""
    return tuple(Path(str(resources.files(package) / "files")) for package in FONT_PACKAGES)


@lru_cache(maxsize=1)
def fonts_digest() -> str:
    """A hash of every font file: a changed font rebuilds every PDF."""
    digest = hashlib.sha256()
    for folder in font_paths():
        for path in sorted(folder.glob("*.[ot]tf")):
            digest.update(path.name.encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
