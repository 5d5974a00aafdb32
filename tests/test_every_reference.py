"""Every kind of inline reference inside every kind of document section: check, site, PDFs.

tests/fixtures/every-reference writes all 18 kinds of `[[kind:id]]` into every Markdown field
that a section of its document prints (and into the framework and glossary), the document's
references to itself included: a role it prints names it in `day_one`. Print must turn each
reference into a cross-reference to a label of that same PDF, or else into text; the site
into a link or a span. Nothing may fail, and no traceback may reach the author.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_site_support import ROOT, broken_links, build_site, site_project

from generator.model.catalog import GlossaryTerm, Reference
from generator.model.content import Content
from generator.model.document import Document, DocumentSection
from generator.model.framework import Family
from generator.model.registry import REFERABLE
from generator.model.role import Role
from generator.model.text import find_inline_refs
from generator.model.walk import FoundText, walk
from generator.pipeline import load_content

FIXTURE = ROOT / "tests" / "fixtures" / "every-reference"
DOCUMENT = "pa-onboarding"


def _content() -> Content:
    loaded = load_content(FIXTURE)
    assert loaded.content is not None, loaded.issues
    return loaded.content


def _section_kinds() -> set[str]:
    """Every `type` a document section may have, read from the model."""
    members = typing.get_args(typing.get_args(DocumentSection)[0])
    return {kind for member in members for kind in typing.get_args(member.model_fields["type"].annotation)}


def _referenced_kinds(models: list[typing.Any]) -> set[str]:
    kinds: set[str] = set()
    for model in models:
        for found in walk(model):
            if isinstance(found, FoundText) and found.is_markdown:
                kinds |= {ref.kind for _, text in found.text.items() for ref in find_inline_refs(text)}
    return kinds


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.adapters.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, check=False)


def _flat(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split())


def test_the_fixture_has_every_reference_kind_in_every_section_kind() -> None:
    content = _content()
    document = content.all(Document)[DOCUMENT]
    assert {section.type for section in document.sections} == _section_kinds()
    everything = set(REFERABLE)
    for section in document.sections:
        if section.type == "text":
            models: list[typing.Any] = [section]
        elif section.type == "framework":
            models = [content.framework]
        elif section.type == "glossary":
            models = list(content.all(GlossaryTerm).values())
        elif section.type == "references":
            # A bibliography has no Markdown: there is nowhere to write a reference.
            assert _referenced_kinds(list(content.all(Reference).values())) == set()
            continue
        elif section.type == "family":
            models = [content.all(Family)[section.ref], *content.practices_in_family(section.ref)]
        else:
            models = [content.entity(section.type, section.ref)]
        assert _referenced_kinds(models) == everything, section.type
    # The document is referred to from inside itself, through the role it prints.
    day_one = " ".join(item.get("en", "en") for item in content.all(Role)["patient-advisor"].day_one)
    assert f"[[document:{DOCUMENT}]]" in day_one


def test_check_is_clean() -> None:
    result = _cli("check", "--strict", "--project", str(FIXTURE))
    assert result.returncode == 0, result.stderr
    assert "0 errors, 0 warnings" in result.stdout + result.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("every-reference")
    project = site_project(base / "project", FIXTURE)
    result = build_site(project, base / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    return base / "site"


def test_the_site_builds_strict_with_every_reference_resolved(site: Path) -> None:
    assert broken_links(site) == []
    role = (site / "roles/patient-advisor.html").read_text(encoding="utf-8")
    start = role.index("Bring the patient")
    item = role[start:role.index("</li>", start)]
    # One link per kind: 18.
    assert item.count('class="pk-ref') == len(REFERABLE)
    assert f'href="../downloads.html#doc-{DOCUMENT}"' in item


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("every-reference-pdf")
    project = base / "project"
    shutil.copytree(FIXTURE, project)
    result = _cli("pdf", "--project", str(project), "--out", str(base / "out"), "--no-cache")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return base / "out"


def _pdf_text(path: Path) -> str:
    return _flat("\n".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.mark.slow
def test_every_pdf_prints_and_opens(pdfs: Path) -> None:
    manifest = json.loads((pdfs / "manifest.json").read_text(encoding="utf-8"))
    session = [f"en/sessions/team-kickoff-{part}" for part in (
        "deck.pdf", "deck.pdfpc", "script.pdf", "script-program-manager.pdf", "script-patient-advisor.pdf",
        "facilitator-guide.pdf", "handout.pdf")]
    assert sorted(row["file"] for row in manifest) == sorted([
        "en/documents/pa-onboarding.pdf", "en/documents/team-handout.pdf", "en/roles/patient-advisor.pdf",
        "en/roles/program-manager.pdf", "en/tools/preparation-checklist.pdf", "en/workbooks/patient-advisors.pdf",
        *session])
    for row in manifest:
        if row["kind"] == "notes":  # the deck's .pdfpc: references read as names there too
            notes = json.loads((pdfs / row["file"]).read_text(encoding="utf-8"))
            assert all("[[" not in page["note"] and "]]" not in page["note"] for page in notes["pages"])
            continue
        text = _pdf_text(pdfs / row["file"])
        assert len(PdfReader(pdfs / row["file"]).pages) == row["pages"]
        assert "[[" not in text and "]]" not in text, row["file"]


@pytest.mark.slow
def test_a_document_refers_to_itself_as_text_and_to_what_it_prints_with_a_page(pdfs: Path) -> None:
    text = _pdf_text(pdfs / f"en/documents/{DOCUMENT}.pdf")
    # In the role it prints and in its own text, the document is named, not cross-referenced.
    assert "Know who their coach is, and read Patient advisor onboarding pack." in text
    assert "This very pack and Handout for the QI team are both printed." in text
    # What it prints is referred to with its page; what it does not print, by name only.
    assert re.search(r"Patient advisor preparation checklist \(p\. \d+\)", text)
    assert re.search(r"Partners in Care Program \(p\. \d+\)", text)
    assert "Kick-off for a new QI team, Patient advisor onboarding pack, Managing" in text
    handout = _pdf_text(pdfs / "en/documents/team-handout.pdf")
    assert "Read Patient advisor onboarding pack first; this is Handout for the QI team." in handout
