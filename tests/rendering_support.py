"""A copy of the fixture whose Markdown exercises every rendering rule (no tests here).

The practice's description holds an email autolink, a local image, a table with
aligned columns, code with `<` and `&`, and citations of an organization (dated and
undated); titles hold an apostrophe and `&`; the tool's purpose is a long Markdown
paragraph with an inline reference, the kind a card must shorten.
"""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

from test_site_support import MINI

SITE_TITLE = "Everyone's guide & partners"
PRACTICE_TITLE = "Prepare everyone's advisors & teams"
EMAIL = "coach@example.org"
IMAGE = "images/seating plan.png"
IMAGE_ALT = "Seating plan of the committee"
TABLE = "| Left | Right | Centre |\n|:-----|------:|:------:|\n| l1 | 12 | c1 |\n| l2 | 3456 | c2 |\n"
CODE = "a < b && c"
TOOL_PURPOSE = (
    "Use it at step 1 of the [[process:five-step-involvement]] to make sure a new patient\n"
    "advisor (PA) knows the role before the first meeting, and record it. The manager who\n"
    "asked for an advisor goes through it with them, item by item, and keeps the signed copy\n"
    "with the rest of the file for the whole of the involvement, e.g. until the advisor leaves.\n\n"
    "A second paragraph that a card never shows.\n"
)
# What a card shows of it: the first sentence whole, the reference read as its name.
TOOL_CARD = ("Use it at step 1 of the Five-step involvement process to make sure a new patient "
             "advisor (PA) knows the role before the first meeting, and record it.")
REFERENCES = """
  - id: hqo-framework
    type: report
    authors: [Health Quality Ontario]
    title: Ontario's Patient Engagement Framework
    year: 2017
  - id: udem-guide
    type: toolkit
    authors: [Université de Montréal, Direction collaboration et partenariat patient]
    title: Guide pratique
"""


def tiny_png(width: int = 4, height: int = 3) -> bytes:
    """A valid grey PNG of `width` x `height` pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rendering_project(target: Path) -> Path:
    """The fixture, with the Markdown and titles described in the module docstring."""
    shutil.copytree(MINI, target)
    content = target / "content"
    _replace(content / "site.yaml", "title: Partnering with patients (test)", f'title: "{SITE_TITLE}"')
    practice = content / "practices/prepare-patient-advisors.yaml"
    _replace(practice, "title: Prepare patient advisors before they start", f'title: "{PRACTICE_TITLE}"')
    indented = "\n".join("  " + line if line else "" for line in [
        "", f"Write to <{EMAIL}> to book a session.", "",
        f"![{IMAGE_ALT}](<{IMAGE}>)", "",
        *TABLE.rstrip("\n").split("\n"), "",
        f"Run `{CODE}` first, as [[reference:hqo-framework]] and [[reference:udem-guide]] advise.",
    ])
    _replace(practice, "ask for first.\n", "ask for first.\n" + indented + "\n")
    (target / "images").mkdir()
    (target / IMAGE).write_bytes(tiny_png())
    tool = content / "tools/preparation-checklist.yaml"
    block = "".join(f"  {line}\n" if line else "\n" for line in TOOL_PURPOSE.split("\n")[:-1])
    _replace(tool, "purpose: Make sure a new patient advisor knows the role before the first meeting.\n",
             "purpose: |\n" + block)
    references = content / "references.yaml"
    references.write_text(references.read_text(encoding="utf-8").rstrip("\n") + "\n" + REFERENCES.lstrip("\n"),
                           encoding="utf-8")
    return target
