"""Rendering in print, in real PDFs opened with pypdf: email autolinks as text, column
alignment of tables, code as written, organization authors cited whole, "n.d." localized.

The project is `rendering_support.rendering_project`, in English and French; its onboarding
pack prints the practice whose description holds each case.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader
from rendering_support import CODE, EMAIL, rendering_project

from generator.pipeline import load_content
from generator.render.print import build_pdfs

pytestmark = pytest.mark.slow
DOCUMENT = "documents/pa-onboarding.pdf"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("print-rendering")
    project = rendering_project(base / "project")
    site = project / "content/site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("languages: [en]", "languages: [en, fr]"),
                    encoding="utf-8")
    loaded = load_content(project)
    assert loaded.content is not None, loaded.issues
    build_pdfs(loaded.content, base / "pdf", jobs=1, timestamp=datetime(2026, 1, 2, tzinfo=UTC),
               project=project)
    return base / "pdf"


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_email_autolink_prints_as_the_address(pdfs: Path) -> None:
    text = _flat(_text(pdfs / "en" / DOCUMENT))
    assert f"Write to {EMAIL} to book a session." in text
    assert "amp" not in text.replace("example", "")  # no "&amp;#109;" left over


def test_code_prints_as_written(pdfs: Path) -> None:
    assert f"Run {CODE} first" in _flat(_text(pdfs / "en" / DOCUMENT))


def _cell_positions(page: PageObject) -> dict[str, float]:
    """Left edge (x) of each table cell's text on the page."""
    found: dict[str, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: object) -> None:
        if text.strip() in ("Left", "Right", "Centre", "l1", "12", "c1", "l2", "3456", "c2"):
            found.setdefault(text.strip(), cm[4] + tm[4])

    page.extract_text(visitor_text=visit)
    return found


def test_table_columns_keep_their_alignment(pdfs: Path) -> None:
    page = next(p for p in PdfReader(pdfs / "en" / DOCUMENT).pages if "3456" in p.extract_text())
    x = _cell_positions(page)
    # Left: every cell starts at the column's edge.
    assert x["Left"] == pytest.approx(x["l1"], abs=0.5) and x["l1"] == pytest.approx(x["l2"], abs=0.5)
    # Right: a shorter number starts further right, its right edge in line with the longer one's.
    assert x["12"] > x["3456"] + 5
    # Centre: short cells start right of the wider header, both rows alike.
    assert x["c1"] > x["Centre"] + 3 and x["c1"] == pytest.approx(x["c2"], abs=1.5)


def test_organization_authors_are_cited_whole_and_undated_is_localized(pdfs: Path) -> None:
    english = _flat(_text(pdfs / "en" / DOCUMENT))
    assert "as Health Quality Ontario (2017) and Université de Montréal et al. (n.d.) advise" in english
    assert "(Clavel et al., 2019, Results, section 2)" in english
    french = _flat(_text(pdfs / "fr" / DOCUMENT))
    assert "Université de Montréal et al. (s. d.)" in french
    assert "partenariat patient (s. d.). Guide pratique." in french  # the bibliography entry
    assert "n.d." not in french
