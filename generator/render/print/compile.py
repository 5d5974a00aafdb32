"""Compile one job's Typst source to PDF bytes (runs in worker threads).

Only this module calls the `typst` binding. Each compile gets a fresh folder as its
root holding the library, the generated source and the figures, so a source can read
nothing else; system fonts are ignored; the timestamp is always explicit.
"""

from __future__ import annotations

import re
import tempfile
import threading
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import typst

from generator.errors import PartnerkitError
from generator.render.print.fonts import font_paths

TEMPLATES = ("lib.typ",)
_PAGE_COUNT = re.compile(rb"/Type\s*/Pages\s*/Count\s+(\d+)")
# PDF/UA refuses text that no font can draw. Atkinson Hyperlegible, then the fonts Typst
# embeds, cover these ranges (Latin, Greek, Cyrillic, punctuation, arrows, symbols); other
# characters (emoji, CJK, ...) print as the replacement character, with a warning.
_COVERED = "\t\n\r\x20-\x7e\xa0-\u052f\u1e00-\u1fff\u2000-\u2bff\u2e00-\u2e7f\ufb00-\ufb06\ufffd"
_UNCOVERED = re.compile(f"[^{_COVERED}]")
_MISSING_GLYPH = re.compile(r'the text `"(.+?)"` could not be displayed with font')
REPLACEMENT = "\ufffd"
_RETRIES = 4


class PrintError(PartnerkitError):
    """Typst refused a generated source: a bug in the print renderer, never the author's."""


def template_texts() -> dict[str, str]:
    """The Typst library files, by name."""
    folder = resources.files("generator.render.print") / "templates"
    return {name: (folder / name).read_text(encoding="utf-8") for name in TEMPLATES}


_LOCAL = threading.local()


def _compiler() -> Any:
    """This thread's compiler: a compiler is not shared between threads (the binding
    releases the GIL while compiling, so threads compile in parallel)."""
    compiler = getattr(_LOCAL, "compiler", None)
    if compiler is None:
        compiler = typst.Compiler(font_paths=[str(p) for p in font_paths()], ignore_system_fonts=True)
        _LOCAL.compiler = compiler
    return compiler


def standards(pdf_a: bool) -> list[str]:
    """PDF standards every PDF conforms to: PDF/UA-1, plus PDF/A-2b when asked."""
    return ["ua-1", "a-2b"] if pdf_a else ["ua-1"]


def compile_pdf_reporting(source: str, figures: Mapping[str, bytes], *, pdf_a: bool, timestamp: int,
                          name: str = "main.typ") -> tuple[bytes, list[str]]:
    """The PDF, and warnings: the characters no font could draw, replaced by '\ufffd'."""
    replaced: dict[str, None] = {}
    figures = dict(figures)
    for _ in range(_RETRIES):
        try:
            return _compile_once(source, figures, pdf_a=pdf_a, timestamp=timestamp, name=name), \
                _warnings(name, replaced)
        except PrintError as error:
            match = _MISSING_GLYPH.search(str(error))
            if match is None:
                raise
            failing = re.sub(r"\\u\{([0-9a-fA-F]+)\}", lambda m: chr(int(m.group(1), 16)), match.group(1))
            svgs = {n: d.decode("utf-8") for n, d in figures.items() if n.endswith(".svg")}
            missing = set(_UNCOVERED.findall(source + "".join(svgs.values())))
            missing |= {char for char in failing if char.strip()}
            missing -= set(replaced) | {REPLACEMENT}
            if not missing:
                raise
            for char in sorted(missing):
                replaced[char] = None
                source = source.replace(char, REPLACEMENT)
                svgs = {n: svg.replace(char, REPLACEMENT) for n, svg in svgs.items()}
            figures.update({n: svg.encode("utf-8") for n, svg in svgs.items()})
    return _compile_once(source, figures, pdf_a=pdf_a, timestamp=timestamp, name=name), \
        _warnings(name, replaced)


def _warnings(name: str, replaced: dict[str, None]) -> list[str]:
    if not replaced:
        return []
    shown = " ".join(sorted(replaced))
    return [f"{name}: no font can print {len(replaced)} character(s), printed as {REPLACEMENT}: {shown} "
            "(add a font package with them, or change the text)"]


def _compile_once(source: str, figures: Mapping[str, bytes], *, pdf_a: bool, timestamp: int,
                  name: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="partnerkit-print-") as tmp:
        root = Path(tmp)
        for template, body in template_texts().items():
            (root / template).write_text(body, encoding="utf-8")
        for figure, data in figures.items():
            path = root / figure
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        (root / "main.typ").write_text(source, encoding="utf-8")
        try:
            pdf: bytes = _compiler().compile(input=str(root / "main.typ"), root=str(root),
                                             pdf_standards=standards(pdf_a), timestamp=timestamp)
        except Exception as exc:  # the binding raises TypstError, a plain RuntimeError subclass
            raise PrintError(f"{name}: Typst could not compile the generated source: {exc}") from exc
    return pdf


def page_count(pdf: bytes) -> int:
    """Number of pages, read from the page tree Typst writes."""
    match = _PAGE_COUNT.search(pdf)
    if match is None:
        return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    return int(match.group(1))
