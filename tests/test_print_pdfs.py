"""Print, compiled: open every PDF built from the fixture and check what a reader gets."""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.adapters.cli import main
from generator.downloads import read_manifest
from generator.model.content import Content
from generator.model.document import Document
from generator.model.role import Role
from generator.model.session import Session
from generator.model.tool import Tool
from generator.model.training import LearningPath
from generator.pipeline import load_content
from generator.render.print import build_pdfs, build_pdfs_report

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
STAMP = datetime(2026, 3, 14, 9, 26, tzinfo=UTC)
# The fixture prints 5 PDFs of documents, roles, tools and paths, and 7 files of its session:
# deck, .pdfpc notes, tandem script, a script per presenter (2), facilitator guide, handout.
FILES = 12

pytestmark = pytest.mark.slow


def _load(project: Path) -> Content:
    loaded = load_content(project)
    assert loaded.content is not None, loaded.issues
    return loaded.content


def _text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"'))


def _outline_titles(outline: list[object]) -> list[str]:
    titles: list[str] = []
    for item in outline:
        if isinstance(item, list):
            titles += _outline_titles(item)
        else:
            titles.append(str(getattr(item, "title", "")))
    return titles


def _struct_values(node: object, key: str) -> list[str]:
    """Every value of `key` in the structure tree under `node`."""
    found: list[str] = []
    stack = [node]
    while stack:
        item = stack.pop()
        item = getattr(item, "get_object", lambda item=item: item)()
        if isinstance(item, dict):
            if key in item:
                found.append(str(item[key]))
            stack.append(item.get("/K"))
        elif isinstance(item, list):
            stack.extend(item)
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    build_pdfs(_load(MINI), out, jobs=2, timestamp=STAMP)
    return out


def test_every_pdf_is_tagged_pdf_ua_with_title_and_language(built: Path) -> None:
    downloads = read_manifest(built)
    assert len(downloads) == FILES
    for download in downloads:
        if download.kind == "notes":  # a .pdfpc file, not a PDF (tests/test_print_sessions.py)
            continue
        reader = PdfReader(built / download.file)
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root, download.file
        assert bool(root["/MarkInfo"]["/Marked"])
        assert root["/Lang"] == "en"
        assert reader.metadata is not None and reader.metadata.title == download.title
        xmp = root["/Metadata"].get_object().get_data()
        assert re.search(rb"pdfuaid:part(>|=\")1", xmp), xmp[:400]
        assert len(reader.pages) == download.pages
        assert download.size_bytes == (built / download.file).stat().st_size


def test_document_has_cover_contents_chapters_bookmarks_and_links(built: Path) -> None:
    reader = PdfReader(built / "en/documents/pa-onboarding.pdf")
    pages = [page.extract_text() for page in reader.pages]
    cover = pages[0]
    for expected in ("Patient advisor onboarding pack", "Joining a quality improvement team",
                     "Patient advisors", "Test Health Centre", "1.0", "14 March 2026"):
        assert expected in cover
    assert "Contents" in pages[1] and "Five-step involvement process" in pages[1]
    assert re.search(r"Page 2 of \d+", pages[1])
    titles = _outline_titles(reader.outline)
    for chapter in ("Welcome", "Patient advisor (PA)", "Partners in Care Program (PCP)",
                    "Five-step involvement process", "Case 2: oncology in an urban organization",
                    "Patient advisor preparation checklist", "The framework", "Glossary", "References"):
        assert chapter in titles
    text = _flat("\n".join(pages))
    # Quote attributed, cross-reference with page number, external DOI link.
    assert _flat("Preparation is provided to new patients; it's a must.") in text
    assert _flat("— Program manager, case 2") in text
    assert re.search(r"patientadvisors\(p\.\d+\)", text)
    uris = [annot.get_object().get("/A", {}).get("/URI") for page in reader.pages
            for annot in page.get("/Annots", []) or []]
    assert "https://doi.org/10.1186/s12913-019-4618-8" in uris
    internal = [annot for page in reader.pages for annot in page.get("/Annots", []) or []
                if "/Dest" in annot.get_object() or annot.get_object().get("/A", {}).get("/S") == "/GoTo"]
    assert internal, "cross-references link inside the document"


def test_running_header_names_the_current_chapter(built: Path) -> None:
    reader = PdfReader(built / "en/documents/pa-onboarding.pdf")
    continued = [page.extract_text() for page in reader.pages]
    # The case spans two pages: the second starts with the chapter name in the header.
    assert any(page.startswith("Case 2: oncology in an urban organization") for page in continued[2:])


def test_role_cards_and_tools_are_short_printable_sheets(built: Path) -> None:
    for name in ("patient-advisor", "program-manager"):
        reader = PdfReader(built / f"en/roles/{name}.pdf")
        assert 1 <= len(reader.pages) <= 2
    tool = PdfReader(built / "en/tools/preparation-checklist.pdf")
    text = _text(tool)
    for expected in ("Patient advisor preparation checklist", "The role and its limits were explained.",
                     "Not at all", "Fully", "Signature", "Name", "Date"):
        assert expected in text


def test_diagrams_are_vector_figures_with_alternative_text(built: Path) -> None:
    reader = PdfReader(built / "en/documents/pa-onboarding.pdf")
    raw = (built / "en/documents/pa-onboarding.pdf").read_bytes()
    assert b"/Figure" in raw and b"/Alt" in raw
    assert not any(page.images for page in reader.pages), "diagrams must not be raster images"


def test_same_content_gives_the_same_bytes(tmp_path: Path) -> None:
    content = _load(MINI)
    first, second = tmp_path / "a", tmp_path / "b"
    build_pdfs(content, first, jobs=1, timestamp=STAMP)
    build_pdfs(_load(MINI), second, jobs=2, timestamp=STAMP)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_source_date_epoch_sets_the_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build_pdfs(_load(MINI), tmp_path, jobs=1)
    reader = PdfReader(tmp_path / "en/tools/preparation-checklist.pdf")
    assert reader.metadata is not None
    assert str(reader.metadata.get("/CreationDate")).startswith("D:20231114")


def test_unchanged_pdfs_are_not_rebuilt_and_a_change_rebuilds_only_what_contains_it(
        mini_copy: Path, edit: object, tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = build_pdfs_report(_load(mini_copy), out, cache_dir=cache, jobs=2, timestamp=STAMP)
    assert len(first.compiled) == FILES and first.reused == []
    second = build_pdfs_report(_load(mini_copy), out, cache_dir=cache, jobs=2, timestamp=STAMP)
    assert second.compiled == [] and len(second.reused) == FILES
    tool = mini_copy / "content/tools/preparation-checklist.yaml"
    tool.write_text(tool.read_text().replace("Name of the patient coach", "Name of your patient coach"))
    third = build_pdfs_report(_load(mini_copy), out, cache_dir=cache, jobs=2, timestamp=STAMP)
    containing = sorted(d.file for d in third.downloads if "tool:preparation-checklist" in d.contains)
    assert third.compiled == containing == ["en/documents/pa-onboarding.pdf",
                                             "en/tools/preparation-checklist.pdf"]
    assert "Name of your patient coach" in _text(PdfReader(out / "en/tools/preparation-checklist.pdf"))


def test_french_accents_language_and_pdf_a(mini_copy: Path, tmp_path: Path) -> None:
    site = mini_copy / "content/site.yaml"
    site.write_text(site.read_text().replace("languages: [en]", "languages: [en, fr]") + "pdf_a: true\n")
    document = mini_copy / "content/documents/pa-onboarding.yaml"
    document.write_text(document.read_text().replace(
        "title: Patient advisor onboarding pack",
        "title:\n  en: Patient advisor onboarding pack\n  fr: Trousse d’accueil — êtes-vous prêt à "
        "participer ? Ça, c’est l’été à Noël"))
    downloads = build_pdfs(_load(mini_copy), tmp_path, jobs=2, timestamp=STAMP)
    assert {d.language for d in downloads} == {"en", "fr"}
    reader = PdfReader(tmp_path / "fr/documents/pa-onboarding.pdf")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr"
    cover = reader.pages[0].extract_text()
    # In Quebec typography: no space before the question mark, whatever the author typed.
    assert "Trousse d’accueil — êtes-vous prêt à participer? Ça, c’est l’été à Noël" in " ".join(cover.split())
    assert "14 mars 2026" in cover
    assert "Table des matières" in reader.pages[1].extract_text()
    xmp = root["/Metadata"].get_object().get_data()
    assert b"pdfaid" in xmp and b"pdfuaid" in xmp
    # The English quote printed as said in the French pack is tagged as English.
    assert "en" in _struct_values(root["/StructTreeRoot"], "/Lang")


def test_cli_builds_pdfs_and_the_manifest(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    out = tmp_path / "downloads"
    assert main(["pdf", "--project", str(project), "--out", str(out), "--jobs", "1"]) == 0
    rows = json.loads((out / "manifest.json").read_text())
    assert [row["file"] for row in rows] == sorted(row["file"] for row in rows)
    assert {row["kind"] for row in rows} == {"document", "role-card", "tool", "workbook", "deck", "notes", "script",
                                             "facilitator-guide", "handout"}
    assert all(row["pages"] >= 1 and row["size_bytes"] > 0 for row in rows)
    assert (project / ".cache" / "partnerkit" / "print").is_dir()


def test_default_content_prints_every_document_role_card_tool_and_workbook(tmp_path: Path) -> None:
    content = _load(ROOT)
    downloads = build_pdfs(content, tmp_path, timestamp=STAMP)
    made = {(d.source_kind, d.source_id, d.language) for d in downloads}
    for doc in content.all(Document).values():
        for lang in doc.languages or content.languages:
            assert ("document", doc.id, lang) in made
    for lang in content.languages:
        assert {("role", r, lang) for r in content.all(Role)} <= made
        assert {("tool", t, lang) for t in content.all(Tool)} <= made
        assert {("path", p, lang) for p in content.all(LearningPath)} <= made
        assert {("session", s, lang) for s in content.all(Session)} <= made
    for download in downloads:
        if download.kind == "notes":  # not a PDF
            continue
        reader = PdfReader(tmp_path / download.file)
        assert "/StructTreeRoot" in reader.trailer["/Root"], download.file
        if download.kind == "role-card":
            assert download.pages <= 2, f"{download.file} has {download.pages} pages"
        if download.kind in ("document", "workbook"):
            assert download.pages >= 3 and reader.outline, download.file


def test_long_tables_break_between_rows_and_repeat_their_header(mini_copy: Path, tmp_path: Path) -> None:
    glossary = mini_copy / "content/glossary.yaml"
    terms = "".join(
        f"  - id: term-{n:03d}\n    term: Term number {n:03d}\n"
        f"    definition: Definition {n:03d} that is long enough to take a line or two of the table, "
        f"so that the glossary runs over several pages.\n" for n in range(120))
    glossary.write_text(glossary.read_text() + terms)
    build_pdfs(_load(mini_copy), tmp_path, jobs=1, timestamp=STAMP)
    reader = PdfReader(tmp_path / "en/documents/pa-onboarding.pdf")
    pages = [page.extract_text() for page in reader.pages]
    glossary_pages = [text for text in pages if "Term number" in text]
    assert len(glossary_pages) >= 3
    for text in glossary_pages:
        assert "Abbreviation" in text and "Definition" in text.split("Term number")[0], \
            "every page of the table starts with its header row"
        # A row is never split: each definition printed on a page ends on that page.
        assert text.count("Definition 0") + text.count("Definition 1") == text.count("several pages.")


def test_logo_and_local_images_come_from_the_project_only(mini_copy: Path, tmp_path: Path) -> None:
    (mini_copy / "content/images").mkdir()
    (mini_copy / "content/images/badge.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" '
        'fill="#1f5f8b"/></svg>')
    (tmp_path / "outside.svg").write_text((mini_copy / "content/images/badge.svg").read_text())
    site = mini_copy / "content/site.yaml"
    site.write_text(site.read_text() + "logo: content/images/badge.svg\n")
    document = mini_copy / "content/documents/pa-onboarding.yaml"
    original = document.read_text()
    document.write_text(original.replace(
        "body: Welcome to the team. This pack explains your role.",
        'body: "Welcome.\\n\\n![Team badge](content/images/badge.svg)\\n\\n![Escaped](../../outside.svg)"'))
    # An image outside the project never reaches print: check refuses it first.
    issues = load_content(mini_copy).issues
    assert [issue.message for issue in issues] == ["image '../../outside.svg' is outside the project"]
    document.write_text(original.replace(
        "body: Welcome to the team. This pack explains your role.",
        'body: "Welcome.\\n\\n![Team badge](content/images/badge.svg)"'))
    build_pdfs(_load(mini_copy), tmp_path / "out", jobs=1, timestamp=STAMP, project=mini_copy)
    reader = PdfReader(tmp_path / "out/en/documents/pa-onboarding.pdf")
    alts = _struct_values(reader.trailer["/Root"]["/StructTreeRoot"], "/Alt")
    assert "Team badge" in alts and "Test Health Centre" in alts  # the picture, the logo


def test_any_heading_levels_in_markdown_still_compile_as_pdf_ua(mini_copy: Path, tmp_path: Path) -> None:
    tool = mini_copy / "content/tools/preparation-checklist.yaml"
    tool.write_text(tool.read_text().replace(
        "      - type: signature\n",
        '      - type: info\n        text: "## In info\\n\\nText.\\n\\n# Top\\n\\n#### Deep"\n'
        "      - type: signature\n"))
    document = mini_copy / "content/documents/pa-onboarding.yaml"
    document.write_text(document.read_text().replace(
        "body: Welcome to the team. This pack explains your role.",
        'body: "#### Deep first\\n\\ntext\\n\\n# Then top\\n\\n- item\\n\\n    ## heading in a list"'))
    downloads = build_pdfs(_load(mini_copy), tmp_path, jobs=1, timestamp=STAMP)
    assert len(downloads) == FILES
    titles = _outline_titles(PdfReader(tmp_path / "en/documents/pa-onboarding.pdf").outline)
    assert "Deep first" in titles and "Then top" in titles


_SNIPPETS = [
    "#", "## ", "### Title", "#### Deep", "plain *em* **strong** `code`", "[](https://example.org)",
    "[x]()", "[y](#frag)", "<https://auto.example.org>", "| | |\n|-|-|\n| | |", "| a |\n|---|\n| b |",
    '!!! note ""\n    body only', "!!! danger", "!!! tip \"Title\"\n    - a\n    - b", ">", "> quote\n>\n> # heading",
    "1. \n2. b\n    - nested\n        1. deeper", "- \n-", "```\nfenced # code\n```", "    indented code",
    "***", "trailing  \nbreak", "![](pic.png)", "![alt](https://remote.example.org/x.png)",
    "[[role:patient-advisor]]", "[[tool:preparation-checklist|the checklist]]", "[[case:oncology|a *case*]]",
    "\\*escaped\\* \\# \\[", "&amp; &lt;b&gt; <b>bold?</b> <script>x</script>", "$$ x $$ @ref <label>",
    "Term\n: definition?", "a | b", "---", "~~strike~~ ==mark== ^sup^",
]


def test_random_markdown_always_compiles_as_pdf_ua(mini_copy: Path, tmp_path: Path) -> None:
    import random

    rng = random.Random(20261126)
    sections = []
    for n in range(60):
        body = "\n\n".join(rng.sample(_SNIPPETS, k=rng.randint(1, 6))) + f"\n\nend-of-section-{n}"
        sections.append(f"  - type: text\n    title: Section {n}\n    body: {json.dumps(body)}\n")
    document = mini_copy / "content/documents/pa-onboarding.yaml"
    document.write_text(document.read_text().replace("sections:\n", "sections:\n" + "".join(sections), 1))
    # The snippets' local image exists: check refuses a missing one.
    (mini_copy / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    build_pdfs(_load(mini_copy), tmp_path, jobs=1, timestamp=STAMP)
    text = _text(PdfReader(tmp_path / "en/documents/pa-onboarding.pdf"))
    assert all(f"end-of-section-{n}" in text for n in range(60))


def test_characters_no_font_can_draw_print_as_a_replacement_with_a_warning(
        mini_copy: Path, tmp_path: Path) -> None:
    document = mini_copy / "content/documents/pa-onboarding.yaml"
    document.write_text(document.read_text().replace(
        "body: Welcome to the team. This pack explains your role.",
        'body: "Welcome \\U0001F600 to the team 中文 with arrows → ≥ and a bell \\a here."'))
    process = mini_copy / "content/program/processes/five-step-involvement.yaml"
    process.write_text(process.read_text().replace("  - title: Request", '  - title: "Request \\U0001F4DD"'))
    report = build_pdfs_report(_load(mini_copy), tmp_path / "out", cache_dir=tmp_path / "cache",
                               jobs=1, timestamp=STAMP)
    warning, *figure = report.warnings
    assert warning.startswith("en/documents/pa-onboarding.pdf: no font can print 4 character(s)")
    # The process's figure is on a slide of the session: its deck and scripts say so too.
    assert sorted(w.split(":", 1)[0] for w in figure) == sorted(
        f"en/sessions/team-kickoff-{part}.pdf" for part in ("deck", "script", "script-patient-advisor",
                                                              "script-program-manager"))
    assert all("no font can print 1 character(s), printed as \ufffd: \U0001F4DD" in w for w in figure)
    text = _text(PdfReader(tmp_path / "out/en/documents/pa-onboarding.pdf"))
    assert "Welcome \ufffd to the team \ufffd\ufffd with arrows → ≥ and a bell here." in " ".join(text.split())
    again = build_pdfs_report(_load(mini_copy), tmp_path / "out", cache_dir=tmp_path / "cache",
                              jobs=1, timestamp=STAMP)
    assert again.compiled == [] and again.warnings == report.warnings


def test_a_pdf_no_longer_built_is_removed_from_the_downloads(mini_copy: Path, tmp_path: Path) -> None:
    build_pdfs(_load(mini_copy), tmp_path, jobs=1, timestamp=STAMP)
    assert (tmp_path / "en/roles/program-manager.pdf").is_file()
    site = mini_copy / "content/site.yaml"
    site.write_text(site.read_text().replace("languages: [en]", "languages: [en, fr]"))
    build_pdfs(_load(mini_copy), tmp_path, jobs=1, timestamp=STAMP)
    assert (tmp_path / "fr/roles/program-manager.pdf").is_file()
    site.write_text(site.read_text().replace("languages: [en, fr]", "languages: [en]"))
    build_pdfs(_load(mini_copy), tmp_path, jobs=1, timestamp=STAMP)
    assert not (tmp_path / "fr/roles/program-manager.pdf").exists()
    assert all(d.language == "en" for d in read_manifest(tmp_path))
