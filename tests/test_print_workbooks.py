"""Print, compiled: a learning path's workbook — modules with questions, ruled reflection
space, and the answers only in the answer key at the end."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from generator.downloads import read_manifest
from generator.messages.catalog import message
from generator.model.content import Content
from generator.model.training import LearningPath, Module
from generator.pipeline import load_content
from generator.render.print import build_pdfs, build_pdfs_report
from generator.render.print.compile import compile_pdf_reporting
from generator.render.print.jobs import PrintOptions, workbook_job

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
STAMP = datetime(2026, 3, 14, 9, 26, tzinfo=UTC)
WORKBOOK = "en/workbooks/patient-advisors.pdf"

pytestmark = pytest.mark.slow


def _load(project: Path) -> Content:
    loaded = load_content(project)
    assert loaded.content is not None, loaded.issues
    return loaded.content


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"'))


def _chapters(reader: PdfReader) -> dict[str, int]:
    """Top-level bookmarks: title -> index of the page they open on."""
    return {str(item.title): reader.get_destination_page_number(item)
            for item in reader.outline if not isinstance(item, list)}


def _answer_key_page(reader: PdfReader, title: str = "Answer key") -> int:
    return _chapters(reader)[title]


def _is_tagged_pdf_ua(reader: PdfReader) -> bool:
    root: Any = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data()
    return "/StructTreeRoot" in root and bool(root["/MarkInfo"]["/Marked"]) \
        and re.search(rb"pdfuaid:part(>|=\")1", xmp) is not None


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("workbooks")
    build_pdfs(_load(MINI), out, jobs=2, timestamp=STAMP)
    return out


def test_workbook_is_listed_in_the_manifest(built: Path) -> None:
    [row] = [d for d in read_manifest(built) if d.kind == "workbook"]
    assert (row.file, row.source_kind, row.source_id) == (WORKBOOK, "path", "patient-advisors")
    assert row.title == "Joining a QI team as a patient advisor"
    assert row.audience == ("patient-advisors",) and row.language == "en"
    assert row.contains == ("path:patient-advisors", "module:welcome")
    assert row.pages == len(PdfReader(built / WORKBOOK).pages) > 1


def test_workbook_is_a_tagged_document_with_cover_contents_and_chapters(built: Path) -> None:
    reader = PdfReader(built / WORKBOOK)
    assert _is_tagged_pdf_ua(reader)
    assert reader.metadata is not None and reader.metadata.title == "Joining a QI team as a patient advisor"
    pages = [page.extract_text() for page in reader.pages]
    assert "Joining a QI team as a patient advisor" in " ".join(pages[0].split())
    assert "Workbook" in pages[0] and "Total duration" in pages[0] and "15 min" in pages[0]
    assert "Contents" in pages[1]
    chapters = _chapters(reader)
    assert list(chapters) == ["Introduction", "1. Welcome to the QI committee", "Answer key"]
    intro = pages[chapters["Introduction"]]
    for expected in ("Everything a new patient advisor needs.", "Patient advisors", "Total duration",
                     "Welcome to the QI committee", "15 min"):
        assert expected in intro
    # The module list and the answer key are cross-references with their page numbers.
    module_page = chapters["1. Welcome to the QI committee"] + 1
    assert f"Welcome to the QI committee (p. {module_page})" in intro.replace("\xa0", " ")
    assert f"(p. {chapters['Answer key'] + 1})" in intro.replace("\xa0", " ")


def test_questions_come_without_answers_and_the_answer_key_has_every_feedback(built: Path) -> None:
    reader = PdfReader(built / WORKBOOK)
    key = _answer_key_page(reader)
    before = _flat("\n".join(page.extract_text() for page in reader.pages[:key]))
    after = _flat("\n".join(page.extract_text() for page in reader.pages[key:]))
    question = _flat("How many patient advisors sit on a QI team at least?")
    assert question in before and question in after
    assert _flat("Choose one.") in before
    assert _flat("A. One") in before and _flat("B. Two") in before
    for feedback in ("No. The rule is at least two, so no advisor is alone.", "Yes. See Partners in Care Program."):
        assert _flat(feedback) not in before, "no answer next to the question"
        assert _flat(feedback) in after
    assert _flat("Correct answer: B") in after
    assert "Correct" not in before.replace("Correctanswer", "")
    # The answer key points back at the page of the question.
    question_page = next(i for i, page in enumerate(reader.pages) if "How many patient" in page.extract_text())
    assert _flat(f"at least? (p. {question_page + 1})") in after


def test_reflection_prompts_have_lines_to_write_on(built: Path) -> None:
    reader = PdfReader(built / WORKBOOK)
    page = next(p for p in reader.pages if "who would be your coach?" in p.extract_text())
    assert "Reflection" in page.extract_text()
    drawing = page.get_contents()
    assert drawing is not None
    # Five ruled lines: stroked paths (moveto/lineto) drawn after the prompt.
    assert len(re.findall(rb"\bl\b", drawing.get_data())) >= 5


def test_multiple_choice_says_choose_all_and_the_key_lists_every_correct_choice(
        mini_copy: Path, edit: Callable[[Path, str, str], None], tmp_path: Path) -> None:
    module = mini_copy / "content/training/modules/welcome.yaml"
    edit(module, "reflection:\n", (
        "  - id: who-helps\n    kind: multiple\n    shuffle: false\n    question: Who supports a new patient advisor?\n"
        "    choices:\n"
        "      - text: A patient coach\n        correct: true\n        feedback: \"Coach feedback #1 [x](y).\"\n"
        "      - text: Nobody\n        feedback: Nobody feedback $2$.\n"
        "      - text: The program manager\n        correct: true\n        feedback: Manager feedback @3.\n"
        "reflection:\n"))
    build_pdfs(_load(mini_copy), tmp_path, jobs=1, timestamp=STAMP)
    reader = PdfReader(tmp_path / WORKBOOK)
    key = _answer_key_page(reader)
    before = _flat("\n".join(page.extract_text() for page in reader.pages[:key]))
    after = _flat("\n".join(page.extract_text() for page in reader.pages[key:]))
    assert _flat("1.2 Who supports a new patient advisor?") in before
    assert _flat("Choose all that apply.") in before and _flat("C. The program manager") in before
    assert _flat("Correct answers: A, C") in after
    for feedback in ("Coach feedback #1 x.", "Nobody feedback $2$.", "Manager feedback @3."):
        assert _flat(feedback) in after and _flat(feedback) not in before


def test_a_quote_cited_alone_in_a_section_prints_whole_and_attributed(
        mini_copy: Path, edit: Callable[[Path, str, str], None], tmp_path: Path) -> None:
    edit(mini_copy / "content/training/modules/welcome.yaml",
         "    body: Read [[practice:prepare-patient-advisors]] and [[quote:preparation-is-a-must]].",
         '    body: "Read [[practice:prepare-patient-advisors]].\\n\\n[[quote:preparation-is-a-must]]"')
    [workbook] = [d for d in build_pdfs(_load(mini_copy), tmp_path, jobs=1, timestamp=STAMP) if d.kind == "workbook"]
    assert "quote:preparation-is-a-must" in workbook.contains
    text = _flat("\n".join(page.extract_text() for page in PdfReader(tmp_path / WORKBOOK).pages))
    assert _flat("Preparation is provided to new patients; it's a must.") in text
    assert _flat("— Program manager, case 2") in text


def test_a_path_without_questions_has_no_answer_key(mini_copy: Path, tmp_path: Path) -> None:
    module = mini_copy / "content/training/modules/welcome.yaml"
    data = yaml.safe_load(module.read_text(encoding="utf-8"))
    del data["checks"]
    data["objectives"][0]["assessed_by"] = ["reflection"]
    module.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    build_pdfs(_load(mini_copy), tmp_path, jobs=1, timestamp=STAMP)
    reader = PdfReader(tmp_path / WORKBOOK)
    assert list(_chapters(reader)) == ["Introduction", "1. Welcome to the QI committee"]
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "answer key" not in text.lower() and "Choose one" not in text
    assert "who would be your coach?" in text


def test_a_changed_module_rebuilds_only_the_pdfs_that_print_it(
        mini_copy: Path, edit: Callable[[Path, str, str], None], tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    build_pdfs_report(_load(mini_copy), out, cache_dir=cache, jobs=2, timestamp=STAMP)
    again = build_pdfs_report(_load(mini_copy), out, cache_dir=cache, jobs=2, timestamp=STAMP)
    assert again.compiled == [] and WORKBOOK in again.reused
    edit(mini_copy / "content/training/modules/welcome.yaml", "sit on a QI team at least",
         "sit on a QI committee at least")
    third = build_pdfs_report(_load(mini_copy), out, cache_dir=cache, jobs=2, timestamp=STAMP)
    assert third.compiled == ["en/documents/pa-onboarding.pdf", WORKBOOK]
    text = "\n".join(page.extract_text() for page in PdfReader(out / WORKBOOK).pages)
    assert "sit on a QI committee at least" in text


def test_default_content_prints_a_workbook_per_path(tmp_path: Path) -> None:
    content = _load(ROOT)
    options = PrintOptions(timestamp=STAMP, pdf_a=content.site.pdf_a)
    for path in content.all(LearningPath).values():
        for lang in content.languages:
            job = workbook_job(content, path.id, lang, options, ROOT)
            assert job.file == f"{lang}/workbooks/{path.id}.pdf"
            modules_printed = tuple(key for key in job.contains if not key.startswith("quote:"))
            assert modules_printed == (f"path:{path.id}", *(f"module:{m}" for m in path.modules))
            pdf, warnings = compile_pdf_reporting(job.source, job.figures, pdf_a=options.pdf_a,
                                                  timestamp=int(STAMP.timestamp()), name=job.file)
            assert warnings == []
            (tmp_path / f"{path.id}.{lang}.pdf").write_bytes(pdf)
            reader = PdfReader(tmp_path / f"{path.id}.{lang}.pdf")
            assert _is_tagged_pdf_ua(reader)
            chapters = _chapters(reader)
            modules = [content.all(Module)[m] for m in path.modules]
            expected = [f"{n}. {m.title.get(lang, content.default_language)}"
                        for n, m in enumerate(modules, start=1)]
            introduction, answer_key = message(lang, "introduction"), message(lang, "answer_key")
            assert [title for title in chapters if title not in (introduction, answer_key)] == expected
            key = chapters[answer_key]
            assert key == max(chapters.values()) and len(reader.pages) > key
            before = _flat("\n".join(page.extract_text() for page in reader.pages[:key]))
            after = _flat("\n".join(page.extract_text() for page in reader.pages[key:]))
            for module in modules:
                for check in module.checks:
                    assert _flat(check.question.get(lang, content.default_language)) in before
                    first_feedback = check.choices[0].feedback.get(lang, content.default_language)
                    words = _flat(" ".join(first_feedback.split()[:10]))
                    if "[[" not in words:
                        assert words in after and words not in before
            total = sum(m.duration_minutes for m in modules)
            hours, minutes = divmod(total, 60)
            assert f"{hours} h {minutes} min" in reader.pages[chapters[introduction]].extract_text()
