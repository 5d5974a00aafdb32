"""Compile one job's Typst source to PDF bytes (runs in worker threads).

Only this module calls the `typst` binding. Each compile gets a fresh folder as its
root holding the library, the generated source and the figures, so a source can read
nothing else; system fonts are ignored; the timestamp is always explicit. When Typst
refuses a source, `CompileFailure` says where in it (see `failures` for the rest).
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

TEMPLATES = ("lib.typ", "session.typ")  # the library, and the trainer sessions' templates
_PAGE_COUNT = re.compile(rb"/Type\s*/Pages\s*/Count\s+(\d+)")
# PDF/UA refuses text that no font can draw. Atkinson Hyperlegible, then the fonts Typst
# embeds, cover these ranges (Latin, Greek, Cyrillic, punctuation, arrows, symbols); other
# characters (emoji, CJK, ...) print as the replacement character, with a warning.
_COVERED = "\t\n\r\x20-\x7e\xa0-\u052f\u1e00-\u1fff\u2000-\u2bff\u2e00-\u2e7f\ufb00-\ufb06\ufffd"
_UNCOVERED = re.compile(f"[^{_COVERED}]")
_MISSING_GLYPH = re.compile(r'the text `"(.+?)"` could not be displayed with font')
# Places of main.typ in Typst's diagnostic (lines from 1, columns from 0), innermost first.
_LOCATION = re.compile(r"(?:^|[\s/])main\.typ:(\d+):(\d+)", re.MULTILINE)
_QUOTED = re.compile(r"`([^`]+)`")
_LIBRARY_LINE = re.compile(r"lib\.typ:(\d+):\d+")
_DEFINITION = re.compile(r"^#let (pk-[a-z-]+)\(", re.MULTILINE)
REPLACEMENT = "\ufffd"
_RETRIES = 4


class CompileFailure(PartnerkitError):
    """Typst refused a generated source: its message, the character offsets of main.typ it
    points at (innermost first), and when it points only into the library, the calls of the
    library function it names (any of them may be the one)."""

    def __init__(self, name: str, message: str, offsets: tuple[int, ...] = (),
                 candidates: tuple[int, ...] = ()) -> None:
        super().__init__(f"{name}: Typst could not compile the generated source: {message}")
        self.message = message
        self.offsets = offsets
        self.candidates = candidates


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
                          name: str = "main.typ", templates: tuple[str, ...] = TEMPLATES
                          ) -> tuple[bytes, list[str]]:
    """The PDF, and warnings: the characters no font could draw, replaced by '\ufffd'.
    `templates` are the library files the source imports (only they are in its root)."""
    replaced: dict[str, None] = {}
    figures = dict(figures)
    for _ in range(_RETRIES):
        try:
            return _compile_once(source, figures, pdf_a=pdf_a, timestamp=timestamp, name=name,
                                 templates=templates), _warnings(name, replaced)
        except CompileFailure as error:
            match = _MISSING_GLYPH.search(error.message)
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
    return _compile_once(source, figures, pdf_a=pdf_a, timestamp=timestamp, name=name,
                         templates=templates), _warnings(name, replaced)


def _warnings(name: str, replaced: dict[str, None]) -> list[str]:
    if not replaced:
        return []
    shown = " ".join(sorted(replaced))
    return [f"{name}: no font can print {len(replaced)} character(s), printed as {REPLACEMENT}: {shown} "
            "(add a font package with them, or change the text)"]


def _compile_once(source: str, figures: Mapping[str, bytes], *, pdf_a: bool, timestamp: int,
                  name: str, templates: tuple[str, ...]) -> bytes:
    with tempfile.TemporaryDirectory(prefix="partnerkit-print-") as tmp:
        root = Path(tmp)
        library = template_texts()
        for template in templates:
            (root / template).write_text(library[template], encoding="utf-8")
        for figure, data in figures.items():
            path = root / figure
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        (root / "main.typ").write_text(source, encoding="utf-8")
        try:
            pdf: bytes = _compiler().compile(input=str(root / "main.typ"), root=str(root),
                                             pdf_standards=standards(pdf_a), timestamp=timestamp)
        except Exception as exc:  # the binding raises TypstError, a plain RuntimeError subclass
            message = str(getattr(exc, "message", "") or exc)
            diagnostic = str(getattr(exc, "diagnostic", "") or "")
            raise CompileFailure(name, message, _offsets(source, message, diagnostic),
                                 _library_calls(source, diagnostic)) from exc
    return pdf


def _offsets(source: str, message: str, diagnostic: str) -> tuple[int, ...]:
    """Where in `source` Typst's error is: the places of main.typ its diagnostic names, else
    the first place holding what its message quotes (a label the library could not find)."""
    starts = [0] + [i + 1 for i, char in enumerate(source) if char == "\n"]
    found = [starts[int(line) - 1] + int(column) for line, column in _LOCATION.findall(diagnostic)
             if 1 <= int(line) <= len(starts)]
    if found:
        return tuple(found)
    for quoted in _QUOTED.findall(message):
        name = quoted.strip("<>")
        for needle in (f'"{name}"', name):
            at = source.find(needle)
            if at >= 0 and name:
                return (at,)
    return ()


def _library_calls(source: str, diagnostic: str) -> tuple[int, ...]:
    """The calls in `source` of the library function holding the first library line that
    `diagnostic` names."""
    match = _LIBRARY_LINE.search(diagnostic)
    if match is None:
        return ()
    library = template_texts()["lib.typ"]
    line_start = sum(len(line) for line in library.splitlines(keepends=True)[:int(match.group(1)) - 1])
    defined = [m for m in _DEFINITION.finditer(library) if m.start() <= line_start]
    if not defined:
        return ()
    return tuple(m.start() for m in re.finditer(re.escape(defined[-1].group(1)) + r"\(", source))


def page_count(pdf: bytes) -> int:
    """Number of pages, read from the page tree Typst writes."""
    match = _PAGE_COUNT.search(pdf)
    if match is None:
        return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    return int(match.group(1))
