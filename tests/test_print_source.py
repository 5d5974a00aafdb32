"""Print, without compiling: string escaping, the Markdown serializer, the golden source."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from generator.model.content import Content
from generator.pipeline import load_content
from generator.render.print.build import DEFAULT_TIMESTAMP, resolve_timestamp
from generator.render.print.context import RenderContext
from generator.render.print.jobs import PrintOptions, plan_jobs
from generator.render.print.markdown import MarkdownWriter
from generator.render.print.typst_code import string

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
GOLDENS = ROOT / "tests" / "goldens" / "print"
# A Typst string literal: quotes around anything but an unescaped quote or backslash.
_LITERAL = re.compile(r'"(?:[^"\\]|\\["\\nt]|\\u\{[0-9a-f]+\})*"')


@pytest.fixture(scope="module")
def content() -> Content:
    loaded = load_content(MINI)
    assert loaded.content is not None, loaded.issues
    return loaded.content


def test_string_literal_escapes_only_what_typst_strings_interpret() -> None:
    assert string('say "hi"') == '"say \\"hi\\""'
    assert string("a\\b") == '"a\\\\b"'
    assert string("#panic() $x$ @y <z> [a] *b* _c_ `d` ~ = - + /") == \
        '"#panic() $x$ @y <z> [a] *b* _c_ `d` ~ = - + /"'
    assert string("line\nnext\ttab\x00\x1b") == '"line\\nnext\\ttab\\u{0}\\u{1b}"'


def _code_outside_strings(code: str) -> str:
    return _LITERAL.sub('""', code)


def test_markdown_text_only_ever_lands_in_string_literals(content: Content) -> None:
    hostile = ('Text #panic("x") $y$ @z <w> ] [ ~ \\ `raw #q` *em #e* **st** [link](https://e.org/#x) '
               '[[role:patient-advisor|#label]]\n\n!!! warning "#title"\n    #body\n\n| #a | b |\n|---|---|\n'
               '| #c | $d$ |\n\n> #quoted\n\n1. #one\n2. two\n\n    #code block\n')
    code = MarkdownWriter(RenderContext(content, "en")).content(hostile)
    skeleton = _code_outside_strings(code)
    for char in "#$@<>~\\`*":
        assert char not in skeleton, (char, skeleton)
    assert "pk-callout" in skeleton and "pk-table" in skeleton and "pk-quote" in skeleton
    assert 'link("https://e.org/#x"' in code
    assert "raw(" in skeleton


def test_inline_reference_is_a_cross_reference_only_when_printed_here(content: Content) -> None:
    here = RenderContext(content, "en", targets=frozenset({"role:patient-advisor"}))
    code = MarkdownWriter(here).inline("See [[role:patient-advisor]] and [[tool:preparation-checklist]].")
    assert 'pk-xref("pk-role-patient-advisor", "Patient advisor", "p.")' in code
    assert 'emph("Patient advisor preparation checklist")' in code


def test_markdown_headings_nest_below_the_section(content: Content) -> None:
    code = MarkdownWriter(RenderContext(content, "en")).content("### Deep\n\ntext\n\n#### Deeper", 1)
    assert 'pk-h(2, "Deep")' in code and 'pk-h(3, "Deeper")' in code


@pytest.mark.parametrize(("file", "golden_name"), [
    ("en/documents/pa-onboarding.pdf", "pa-onboarding.en.typ"),
    ("en/tools/preparation-checklist.pdf", "preparation-checklist.en.typ"),
    ("en/workbooks/patient-advisors.pdf", "patient-advisors-workbook.en.typ"),
    ("en/sessions/team-kickoff-deck.pdf", "team-kickoff-deck.en.typ"),
    ("en/sessions/team-kickoff-script-patient-advisor.pdf", "team-kickoff-script-patient-advisor.en.typ"),
])
def test_golden_typst_source(content: Content, file: str, golden_name: str) -> None:
    jobs = {job.file: job for job in plan_jobs(content, PrintOptions(timestamp=DEFAULT_TIMESTAMP))}
    source = jobs[file].source
    golden = GOLDENS / golden_name
    if os.environ.get("PARTNERKIT_UPDATE_GOLDENS") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(source, encoding="utf-8")
    assert golden.is_file(), "run with PARTNERKIT_UPDATE_GOLDENS=1 to create the golden"
    assert source == golden.read_text(encoding="utf-8"), \
        "Typst source changed; review the diff and regenerate with PARTNERKIT_UPDATE_GOLDENS=1"


@pytest.mark.parametrize(("file", "golden_name"), [
    ("fr/workbooks/parents-partenaires.pdf", "parents-partenaires-workbook.fr.typ"),
    ("fr/roles/parent-partenaire.pdf", "parent-partenaire.fr.typ"),
])
def test_golden_french_typst_source(file: str, golden_name: str) -> None:
    # The French-first fixture in French: the catalog's French words and typography in print.
    loaded = load_content(ROOT / "tests" / "fixtures" / "pediatric-fr")
    assert loaded.content is not None, loaded.issues
    jobs = {job.file: job for job in plan_jobs(loaded.content, PrintOptions(timestamp=DEFAULT_TIMESTAMP))}
    source = jobs[file].source
    golden = GOLDENS / golden_name
    if os.environ.get("PARTNERKIT_UPDATE_GOLDENS") == "1":
        golden.write_text(source, encoding="utf-8")
    assert golden.is_file(), "run with PARTNERKIT_UPDATE_GOLDENS=1 to create the golden"
    assert source == golden.read_text(encoding="utf-8"), \
        "Typst source changed; review the diff and regenerate with PARTNERKIT_UPDATE_GOLDENS=1"


def test_build_date_comes_from_source_date_epoch_then_git_then_a_fixed_date(
        mini_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert resolve_timestamp(mini_copy) == DEFAULT_TIMESTAMP  # not a git repository
    env = {**os.environ, "GIT_AUTHOR_DATE": "2025-05-04T03:02:01Z", "GIT_COMMITTER_DATE": "2025-05-04T03:02:01Z",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    for command in (["git", "init", "-q"], ["git", "add", "content"], ["git", "commit", "-q", "-m", "c"]):
        subprocess.run(command, cwd=mini_copy, env=env, check=True)
    assert resolve_timestamp(mini_copy) == datetime(2025, 5, 4, 3, 2, 1, tzinfo=UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    assert resolve_timestamp(mini_copy) == datetime(1970, 1, 2, tzinfo=UTC)


def test_every_pdf_is_planned_with_what_it_contains(content: Content) -> None:
    jobs = plan_jobs(content, PrintOptions(timestamp=DEFAULT_TIMESTAMP))
    files = {job.file: job for job in jobs}
    session = [f"en/sessions/team-kickoff-{part}" for part in (
        "deck.pdf", "deck.pdfpc", "script.pdf", "script-program-manager.pdf", "script-patient-advisor.pdf",
        "facilitator-guide.pdf", "handout.pdf")]
    assert set(files) == {"en/documents/pa-onboarding.pdf", "en/roles/patient-advisor.pdf",
                          "en/roles/program-manager.pdf", "en/tools/preparation-checklist.pdf",
                          "en/workbooks/patient-advisors.pdf", *session}
    assert all(files[f].contains == ("session:team-kickoff",) and files[f].source_kind == "session"
               for f in session)
    document = files["en/documents/pa-onboarding.pdf"]
    for key in ("role:patient-advisor", "program:partners-in-care", "process:five-step-involvement",
                "practice:prepare-patient-advisors", "case:oncology", "quote:preparation-is-a-must",
                "tool:preparation-checklist", "module:welcome", "family:managing-integration"):
        assert key in document.contains
    assert set(document.figures) == {"figures/framework.svg", "figures/process-five-step-involvement.svg",
                                     "figures/timeline-oncology.svg"}
    assert files["en/tools/preparation-checklist.pdf"].contains == ("tool:preparation-checklist",)
    workbook = files["en/workbooks/patient-advisors.pdf"]
    assert workbook.contains == ("path:patient-advisors", "module:welcome")
    assert (workbook.kind, workbook.source_kind, workbook.audience) == ("workbook", "path", ("patient-advisors",))


def test_markdown_headings_never_skip_a_level(content: Content) -> None:
    writer = MarkdownWriter(RenderContext(content, "en"))
    markdown = "#### Deep first\n\ntext\n\n# Top\n\n## Below\n\n##### Deepest\n\n- item\n\n    # in a list"
    code = writer.content(markdown, 1)
    assert [int(n) for n in re.findall(r"pk-h\((\d)", code)] == [2, 2, 3, 4]
    assert 'strong("in a list")' in code
