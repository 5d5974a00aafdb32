"""A PDF that Typst cannot print is a located error at the content behind it, never a traceback.

The failures are real: a PNG whose header is sound but whose image data is damaged (check
reads headers, Typst decodes the data), and sources that Typst refuses, made from real jobs
by changing a few characters in place (as a renderer bug would), then compiled by Typst.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import zlib
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.model.content import Content
from generator.pipeline import load_content
from generator.render.print.compile import CompileFailure, compile_pdf_reporting
from generator.render.print.failures import failure_issue
from generator.render.print.jobs import PrintJob, PrintOptions, plan_jobs
from generator.render.print.sourcemap import unmarked
from generator.report import format_text

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
EVERY = ROOT / "tests" / "fixtures" / "every-reference"
OPTIONS = PrintOptions(timestamp=datetime(2026, 3, 14, tzinfo=UTC))

pytestmark = pytest.mark.slow


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.adapters.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, check=False)


def _content(project: Path) -> Content:
    loaded = load_content(project)
    assert loaded.content is not None, loaded.issues
    return loaded.content


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _damaged_png() -> bytes:
    """A PNG whose signature, header and checksums are right, and whose image data is not zlib."""
    header = _chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
    return b"\x89PNG\r\n\x1a\n" + header + _chunk(b"IDAT", b"not zlib data") + _chunk(b"IEND", b"")


def _line_of(path: Path, start: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(start))


def test_a_damaged_image_stops_print_at_the_field_that_shows_it_and_writes_nothing(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    out = tmp_path / "out"
    assert _cli("pdf", "--project", str(project), "--out", str(out), "--no-cache").returncode == 0
    before = {path: path.read_bytes() for path in out.rglob("*") if path.is_file()}
    (project / "images").mkdir()
    (project / "images/team.png").write_bytes(_damaged_png())
    role = project / "content/roles/patient-advisor.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace(
        "who: A patient or family member who has used the services the committee works on.",
        "who: |\n  A patient or family member.\n\n  ![The committee](images/team.png)"), encoding="utf-8")
    assert _cli("check", "--project", str(project)).returncode == 0  # the file looks like a PNG
    result = _cli("pdf", "--project", str(project), "--out", str(out), "--no-cache")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    line = _line_of(role, "who:")
    for pdf in ("en/documents/pa-onboarding.pdf", "en/roles/patient-advisor.pdf"):
        assert (f"content/roles/patient-advisor.yaml:{line}:6: error: who: {pdf}: Typst could not print this: "
                "failed to decode image") in result.stderr
    assert "partnerkit: 2 errors in content" in result.stderr
    # The previous PDFs and manifest are left as they were.
    assert {path: path.read_bytes() for path in out.rglob("*") if path.is_file()} == before


@pytest.fixture(scope="module")
def every() -> tuple[Content, dict[str, PrintJob]]:
    content = _content(EVERY)
    return content, {job.file: job for job in plan_jobs(content, OPTIONS, trace=True)}


def _refused(job: PrintJob, old: str, new: str, after: str) -> tuple[PrintJob, CompileFailure]:
    """`job` with `old` changed to `new` (as long) at its first place after `after`, and what
    Typst says of it."""
    assert len(old) == len(new)  # the marks keep their places
    marked = job.marked
    at = marked.index(old, marked.index(after))
    marked = marked[:at] + new + marked[at + len(old):]
    broken = replace(job, source=unmarked(marked), marked=marked)
    with pytest.raises(CompileFailure) as failure:
        compile_pdf_reporting(broken.source, broken.figures, pdf_a=False, timestamp=0, name=broken.file)
    return broken, failure.value


def test_a_missing_label_is_reported_at_the_field_that_refers_to_it(
        every: tuple[Content, dict[str, PrintJob]]) -> None:
    content, jobs = every
    # The first cross-reference after day one's first item is in its second item.
    job, failure = _refused(jobs["en/documents/pa-onboarding.pdf"], 'pk-xref("pk-practice-prepare-patient-advisors"',
                            'pk-xref("pk-practice-prepare-patient-advisorX"', "Know who their coach is")
    assert failure.message == "label `<pk-practice-prepare-patient-advisorX>` does not exist in the document"
    role = EVERY / "content/roles/patient-advisor.yaml"
    line = _line_of(role, '  - "See [[practice')
    assert format_text(failure_issue(content, job, failure)).startswith(
        f"content/roles/patient-advisor.yaml:{line}:5: error: day_one[1]: en/documents/pa-onboarding.pdf: "
        "Typst could not print this: label `<pk-practice-prepare-patient-advisorX>` does not exist")


def test_an_error_typst_places_in_the_source_is_reported_at_its_field(
        every: tuple[Content, dict[str, PrintJob]]) -> None:
    content, jobs = every
    job, failure = _refused(jobs["en/documents/pa-onboarding.pdf"], "emph(", "emqh(", "Providers asked")
    assert failure.message == "unknown variable: emqh"
    issue = failure_issue(content, job, failure)
    practice = EVERY / "content/practices/prepare-patient-advisors.yaml"
    assert (issue.file, issue.line, issue.where) == (
        "content/practices/prepare-patient-advisors.yaml", _line_of(practice, "    what:"), "observed_in[0].what")


def test_a_translated_text_is_reported_in_its_language(tmp_path: Path) -> None:
    project = ROOT / "tests" / "fixtures" / "foreign-quotes"
    content = _content(project)
    job = next(job for job in plan_jobs(content, OPTIONS, trace=True) if job.file == "fr/roles/gestionnaire.pdf")
    job, failure = _refused(job, "emph(", "emqh(", "Préparer les patients")
    issue = failure_issue(content, job, failure)
    assert (issue.file, issue.where) == ("content/roles/gestionnaire.yaml", "responsibilities[0].fr")


def test_tracing_changes_no_byte_of_any_source() -> None:
    for project in (ROOT, MINI, EVERY, ROOT / "tests" / "fixtures" / "foreign-quotes"):
        content = _content(project)
        plain = plan_jobs(content, OPTIONS, project)
        traced = plan_jobs(content, OPTIONS, project, trace=True)
        assert [job.source for job in plain] == [job.source for job in traced]
        assert all(job.marked == "" for job in plain)
        compiled = [job for job in traced if job.static is None]  # a .pdfpc is written as is, never compiled
        assert all(job.marked != job.source and unmarked(job.marked) == job.source for job in compiled)


def test_markdown_nested_too_deep_for_typst_still_prints(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    role = project / "content/roles/patient-advisor.yaml"
    quotes = "> " * 60 + "Deep in quotes."
    items = "\n".join("  " + "    " * depth + f"- Level {depth}" for depth in range(40))
    role.write_text(role.read_text(encoding="utf-8").replace(
        "who: A patient or family member who has used the services the committee works on.",
        f"who: |\n  {quotes}\n\n{items}"), encoding="utf-8")
    out = tmp_path / "out"
    result = _cli("pdf", "--project", str(project), "--out", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out / "en/roles/patient-advisor.pdf").pages)
                    .split())
    assert "Deep in quotes." in text and "Level 0" in text and "Level 39" in text
