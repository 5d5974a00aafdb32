"""Paper size comes from site.yaml: A4 by default, US Letter when `paper: us-letter`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.pipeline import load_content
from generator.render.print import build_pdfs
from generator.render.print.build import DEFAULT_TIMESTAMP

pytestmark = pytest.mark.slow

A4 = (595.28, 841.89)  # points
US_LETTER = (612.0, 792.0)


def _sizes(pdf: Path) -> set[tuple[float, float]]:
    return {(round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2))
            for page in PdfReader(pdf).pages}


def _print(project: Path, out: Path) -> list[Path]:
    loaded = load_content(project)
    assert loaded.content is not None, loaded.issues
    build_pdfs(loaded.content, out, jobs=2, timestamp=DEFAULT_TIMESTAMP, project=project)
    pdfs = sorted(out.rglob("*.pdf"))
    assert len(pdfs) >= 4  # a document, role cards, a tool, a workbook
    # A session's deck is 16:9 whatever the paper (test_print_sessions.py); its scripts, guide
    # and handout are printed on the paper.
    return [pdf for pdf in pdfs if not pdf.name.endswith("-deck.pdf")]


def test_a4_by_default(mini_copy: Path, tmp_path: Path) -> None:
    for pdf in _print(mini_copy, tmp_path / "out"):
        assert _sizes(pdf) == {A4}, pdf.name


def test_us_letter_from_site_yaml(mini_copy: Path, tmp_path: Path) -> None:
    site = mini_copy / "content/site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "paper: us-letter\n", encoding="utf-8")
    pdfs = _print(mini_copy, tmp_path / "out")
    for pdf in pdfs:
        assert _sizes(pdf) == {US_LETTER}, pdf.name
    document = next(p for p in pdfs if p.name == "pa-onboarding.pdf")
    assert len(PdfReader(document).pages) > 5  # the whole document, not only its cover


def test_an_unknown_paper_size_is_a_located_error(mini_copy: Path) -> None:
    site = mini_copy / "content/site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "paper: letter\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator.adapters.cli", "check", "--project", str(mini_copy)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "content/site.yaml:" in result.stderr and "paper" in result.stderr and "us-letter" in result.stderr
    assert "Traceback" not in result.stderr
