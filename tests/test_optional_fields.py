"""Fields that only the default study needs are optional, and their absence leaves no trace.

The adapted/renewed approach of families, the program's cycle and supervision, and the
five named fields of a case profile describe one study. A project without them checks
clean, builds its site and PDFs, and shows no heading, table row, column or legend
with nothing under it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_site_support import MINI, build_site, site_project

from generator.model.document import Document
from generator.pipeline import load_content
from generator.render.diagrams import framework_svg
from generator.render.print.build import DEFAULT_TIMESTAMP
from generator.render.print.jobs import PrintOptions, document_job

pytestmark = pytest.mark.slow

# (file, text removed): every study-specific field the fixture fills in.
_STRIPPED = [
    ("framework.yaml", "    approach: adapted\n"),
    ("framework.yaml", "    approach: renewed\n"),
    ("program/partners-in-care.yaml", "cycle: The committee runs Plan-Do-Study-Act cycles.\n"),
    ("program/partners-in-care.yaml", "supervision: The program manager supervises the committee.\n"),
    ("cases/oncology.yaml", "  organization_type: Integrated university health and social services center\n"
                            "  setting: Urban\n  clinical_area: Oncology\n  unit: Acute services, breast cancer\n"
                            "  coordination: Shared\n"),
]
_PROFILE_WORDS = ["Type of organization", "Setting", "Clinical area", "Unit", "Coordination"]


def _strip(target: Path) -> Path:
    shutil.copytree(MINI, target)
    for name, removed in _STRIPPED:
        path = target / "content" / name
        text = path.read_text(encoding="utf-8")
        assert removed in text, (name, removed)
        path.write_text(text.replace(removed, ""), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(project, site) of the stripped fixture, built with its PDFs the way an author does."""
    base = tmp_path_factory.mktemp("stripped")
    project = site_project(_strip(base / "project"))
    result = build_site(project, base / "site", pdf=True)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project, base / "site"


def test_check_strict_is_clean_without_them(tmp_path: Path) -> None:
    project = _strip(tmp_path / "project")
    result = subprocess.run([sys.executable, "-m", "generator.adapters.cli", "check", "--strict",
                             "--project", str(project)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_site_pages_have_no_empty_sections(built: tuple[Path, Path]) -> None:
    _, site = built
    program = (site / "program/partners-in-care.html").read_text(encoding="utf-8")
    assert 'id="objectives"' in program  # the page is there, with its other sections
    assert 'id="cycle"' not in program and 'id="supervision"' not in program
    assert "The improvement cycle" not in program and "Supervision" not in program
    for page in ("framework/index.html", "practices/prepare-patient-advisors.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert "pk-approach" not in html and "Adapted practice" not in html and "Renewed practice" not in html
    case = (site / "cases/oncology.html").read_text(encoding="utf-8")
    assert "QI team" in case  # what the profile still says is shown
    for word in _PROFILE_WORDS:
        assert f">{word}</th>" not in case, word
    index = (site / "cases/index.html").read_text(encoding="utf-8")
    assert "·  ·" not in index and " · </" not in index


def test_framework_figure_has_no_approach_legend(built: tuple[Path, Path]) -> None:
    project, site = built
    framework = (site / "framework/index.html").read_text(encoding="utf-8")
    assert "<svg" in framework and "pk-framework-hatch)" not in framework.split("</defs>", 1)[1]
    assert "adapted practice" not in framework and "renewed practice" not in framework
    loaded = load_content(project)
    assert loaded.content is not None
    svg = framework_svg(loaded.content, "en")
    assert "adapted practice" not in svg and "(adapted" not in svg


def test_pdfs_print_without_them(built: tuple[Path, Path]) -> None:
    project, site = built
    pdf = site / "downloads/en/documents/pa-onboarding.pdf"
    printed = project / "build/downloads/en/documents/pa-onboarding.pdf"
    assert pdf.is_file() and pdf.read_bytes() == printed.read_bytes()
    reader = PdfReader(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Partners in Care Program" in text and "Objectives" in text and "QI team" in text
    for absent in ("The improvement cycle", "Supervision", "Approach", "Adapted", "Renewed", *_PROFILE_WORDS):
        assert absent not in text, absent


def test_a_case_without_any_profile_prints_no_profile_heading(tmp_path: Path) -> None:
    project = _strip(tmp_path / "project")
    case = project / "content/cases/oncology.yaml"
    text = case.read_text(encoding="utf-8")
    team = text[text.index("profile:\n"):text.index("story:\n")]
    case.write_text(text.replace(team, ""), encoding="utf-8")
    loaded = load_content(project)
    assert loaded.content is not None, loaded.issues
    job = document_job(loaded.content, loaded.content.all(Document)["pa-onboarding"], "en",
                       PrintOptions(timestamp=DEFAULT_TIMESTAMP))
    assert '"Profile"' not in job.source and "pk-pairs" not in job.source
    assert '"Case 2: oncology in an urban organization"' in job.source
