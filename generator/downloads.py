"""The list of printable files a build produced: written by print, read by the site.

Print writes `manifest.json` beside the PDFs; the site's Downloads page and the
"download" links on entity pages read it. Both sides use these types only.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from generator.writing import write_text_atomic

# A trainer session prints a deck (16:9 PDF), its notes (a .pdfpc file beside the deck, not a
# PDF), scripts (the tandem one and one per presenter), a facilitator guide and a handout.
DownloadKind = Literal["document", "role-card", "tool", "workbook", "deck", "notes", "script",
                       "facilitator-guide", "handout"]
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Download:
    """One printable file under the site's `downloads/` folder (a PDF, or a deck's `.pdfpc` notes)."""

    file: str  # path relative to downloads/, e.g. "en/pa-onboarding-pack.pdf"
    title: str
    kind: DownloadKind
    source_kind: str  # kind of the entity printed: document, role, tool, path, session
    source_id: str
    audience: tuple[str, ...]
    language: str
    pages: int  # a .pdfpc: the pages of the deck it annotates
    size_bytes: int
    # Entities printed inside, as "kind:id", so their pages can link to this file.
    contains: tuple[str, ...] = field(default_factory=tuple)


def write_manifest(folder: Path, downloads: list[Download]) -> None:
    """Write the manifest, sorted for byte-identical rebuilds."""
    rows = [asdict(d) for d in sorted(downloads, key=lambda d: d.file)]
    write_text_atomic(folder / MANIFEST, json.dumps(rows, indent=2, ensure_ascii=False, sort_keys=True) + "\n")


def read_manifest(folder: Path) -> list[Download]:
    """Read a manifest; an absent one means no downloads."""
    path = folder / MANIFEST
    if not path.is_file():
        return []
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [Download(**{**row, "audience": tuple(row["audience"]), "contains": tuple(row["contains"])}) for row in rows]
