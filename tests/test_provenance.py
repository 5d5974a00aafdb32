"""Provenance as data (issue 11, item 4): every practice, role, tool and document says where it
comes from (the study, with a locator; a published toolkit, with a reference; or the project's
own guidance), `check` asks what each needs, and the site and the PDFs label it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError

from generator.model.content import Content
from generator.model.document import Document
from generator.model.practice import Practice
from generator.model.provenance import GUIDANCE, Provenance, SourcedText, text_of
from generator.model.role import Role
from generator.model.tool import Tool
from generator.pipeline import load_content
from generator.render.site.tree import render_site
from generator.report import format_text
from generator.schemas import schema_targets

ROOT = Path(__file__).resolve().parent.parent
PAPER = ROOT / "sources" / "clavel-2019.txt"
PRACTICE = "content/practices/prepare-patient-advisors.yaml"
Edit = Callable[[Path, str, str], None]


@pytest.fixture(scope="module")
def content() -> Content:
    loaded = load_content(ROOT)
    assert loaded.content is not None, loaded.issues
    return loaded.content


@pytest.fixture(scope="module")
def pages(content: Content) -> dict[str, str]:
    return {page.src: page.markdown for page in render_site(content).pages}


def _report(project: Path) -> list[str]:
    return [format_text(issue) for issue in load_content(project).issues]


def _practice(**parts: object) -> Practice:
    return Practice.model_validate({
        "id": "p", "title": "T", "family": "f", "levels": ["top"], "phases": ["initiation"], "summary": "S",
        "description": "D", "why": "W", "references": ["r"], **parts,
    })


# -- the model: both ways of writing an item, one word or a mapping, what inherits


def test_an_item_is_plain_markdown_or_a_text_with_its_own_source() -> None:
    practice = _practice(source={"type": "study", "locator": "Results, Team training"}, how_to=[
        "Plain step.",
        {"text": "A step the study reports.", "source": {"type": "study", "locator": "Results, Team training"}},
        {"text": {"en": "A toolkit's step.", "fr": "Une étape d'un guide."},
         "source": {"type": "toolkit", "reference": "hqo-terms-of-reference"}},
    ])
    plain, study, toolkit = practice.how_to
    assert text_of(plain).root == "Plain step." and not isinstance(plain, SourcedText)
    assert practice.source_of("how_to", plain) == GUIDANCE  # how_to is advice unless it says otherwise
    assert practice.source_of("how_to", study) == Provenance(type="study", locator="Results, Team training")
    assert practice.source_of("how_to", toolkit).reference == "hqo-terms-of-reference"
    assert text_of(toolkit).get("fr", "en") == "Une étape d'un guide."
    assert practice.source_of("why") == practice.provenance  # the practice's own account follows it


def test_one_word_is_a_source_and_what_gives_none_is_guidance() -> None:
    assert _practice(source="guidance").provenance == GUIDANCE
    assert _practice().provenance == GUIDANCE  # nothing reads as the study's unless it says so
    assert _practice(source="study").provenance == Provenance(type="study")  # check asks its locator
    with pytest.raises(ValidationError, match=r"unknown source 'studdy' \(did you mean 'study'\?\)"):
        _practice(source="studdy")
    with pytest.raises(ValidationError, match="takes no locator or reference"):
        _practice(source={"type": "guidance", "locator": "Results"})


def test_lists_and_sections_take_their_source_from_what_holds_them() -> None:
    study = {"type": "study", "locator": "Background"}
    role = Role.model_validate({
        "id": "r", "name": "R", "category": "patient", "summary": "S", "who": "W", "source": study,
        "responsibilities": ["From the study.", {"text": "Ours.", "source": "guidance"}], "day_one": ["Ours too."],
    })
    assert role.source_of("responsibilities", role.responsibilities[0]).type == "study"
    assert role.source_of("responsibilities", role.responsibilities[1]) == GUIDANCE
    assert role.source_of("day_one") == GUIDANCE and role.source_of("who").type == "study"
    tool = Tool.model_validate({
        "id": "t", "title": "T", "kind": "checklist", "purpose": "P", "source": "guidance", "sections": [
            {"title": "A", "items": [{"type": "checkbox", "label": "x", "source": study}]},
            {"title": "B", "source": study, "items": [{"type": "checkbox", "label": "y"}]},
        ]})
    first, second = tool.sections
    assert tool.source_of(first).type == "study"  # every item of it says so
    assert tool.source_of(second, second.items[0]).type == "study"
    assert tool.source_of() == GUIDANCE


def test_the_schema_offers_the_one_word_form_and_the_mapping() -> None:
    schemas = {name: schema for name, _, schema in schema_targets()}
    source = schemas["practice"]["$defs"]["Provenance"]
    assert {"type": "string", "enum": ["study", "toolkit", "guidance"]} in source["anyOf"]
    assert source["description"]


# -- check: located errors with the fix


def test_a_study_source_without_a_locator_is_a_located_error(mini_copy: Path) -> None:
    (mini_copy / PRACTICE).write_text(
        (mini_copy / PRACTICE).read_text(encoding="utf-8").replace(
            'source: {type: study, locator: "Results, Selecting, recruiting and preparing"}', "source: study"),
        encoding="utf-8")
    assert _report(mini_copy) == [
        f"{PRACTICE}:22:9: error: source: a 'study' source needs a locator: where in the study it is said "
        '(write source: {type: study, locator: "Results, Team training"} with the heading of the paper that '
        "says it, or source: guidance if it is your own advice)"
    ]


def test_a_toolkit_source_needs_a_known_reference(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / PRACTICE, "  - Meet each new advisor before the first committee meeting.\n",
         "  - text: Meet each new advisor before the first committee meeting.\n"
         "    source: {type: toolkit}\n")
    edit(mini_copy / PRACTICE, "  - Leaving confidentiality rules unclear.\n",
         "  - text: Leaving confidentiality rules unclear.\n"
         "    source: {type: toolkit, reference: clavel-2109}\n")
    assert _report(mini_copy) == [
        f"{PRACTICE}:12:13: error: how_to[0].source: a 'toolkit' source needs a reference: the published "
        "toolkit it comes from (write source: {type: toolkit, reference: <id>} with the toolkit's id in "
        "references.yaml)",
        f"{PRACTICE}:16:40: error: pitfalls[0].source.reference: unknown reference 'clavel-2109' "
        "(did you mean 'clavel-2019'?)",
    ]


def test_what_toolkits_add_names_its_toolkit(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / PRACTICE, "roles: [", "toolkits_add:\n  - A toolkit adds a welcome letter.\nroles: [")
    assert _report(mini_copy) == [
        f"{PRACTICE}:19:5: error: toolkits_add[0]: this item names no toolkit: say which published toolkit "
        "adds it (cite it in the text as [[reference:<id>]], or write it as {text: ..., source: guidance} if "
        "it is your own observation)"
    ]


def test_a_misspelled_source_is_located_with_a_did_you_mean(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / PRACTICE, "  - Leaving confidentiality rules unclear.\n",
         "  - text: Leaving confidentiality rules unclear.\n    sorce: guidance\n")
    assert _report(mini_copy) == [
        f"{PRACTICE}:14:5: error: pitfalls[0].source: required field 'source' is missing (add it)",
        f"{PRACTICE}:15:5: error: pitfalls[0].sorce: unknown key 'sorce' (did you mean 'source'?)",
    ]


def test_an_evidence_section_from_the_study_needs_a_locator_too(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / "content/evidence.yaml", 'source: {type: study, locator: "Methods, Data collection methods"}',
         "source: {type: study}")
    assert _report(mini_copy) == [
        "content/evidence.yaml:5:13: error: sections[0].source: a 'study' source needs a locator: where in the "
        'study it is said (write source: {type: study, locator: "Results, Team training"} with the heading of '
        "the paper that says it, or source: guidance if it is your own advice)"
    ]


# -- the default content: every entity and section has a source, and study sources point into the paper


def _headings() -> set[str]:
    lines = PAPER.read_text(encoding="utf-8").replace("\u2019", "'").splitlines()
    return {re.sub(r"^\d\.\s*", "", line.strip()).casefold() for line in lines if 0 < len(line.strip()) < 90}


def _sources(content: Content) -> list[tuple[str, Provenance]]:
    found: list[tuple[str, Provenance]] = []
    for pid, p in content.all(Practice).items():
        found += [(pid, p.provenance)] + [(pid, p.source_of(part, item)) for part in (
            "how_to", "pitfalls", "toolkits_add", "observed_in") for item in getattr(p, part)]
        found += [(pid, p.source_of("description")), (pid, p.source_of("why"))]
    for rid, r in content.all(Role).items():
        found += [(rid, r.provenance), (rid, r.source_of("who"))]
        found += [(rid, r.source_of(part, x)) for part in ("responsibilities", "day_one") for x in getattr(r, part)]
    for tid, t in content.all(Tool).items():
        found += [(tid, t.provenance)] + [(tid, t.source_of(s, x)) for s in t.sections for x in s.items]
    for did, d in content.all(Document).items():
        found += [(did, source) for s in d.sections if (source := d.source_of(s)) is not None]
    assert content.evidence is not None
    found += [("evidence", s.provenance) for s in content.evidence.sections]
    return found


def test_every_practice_role_tool_and_document_of_the_default_content_gives_its_source() -> None:
    for folder in ("practices", "roles", "tools", "documents"):
        for path in sorted((ROOT / "content" / folder).glob("*.yaml")):
            assert re.search(r"^source: ", path.read_text(encoding="utf-8"), re.MULTILINE), path.name


def test_every_document_section_has_a_source(content: Content) -> None:
    entities = {"role": content.all(Role), "practice": content.all(Practice), "tool": content.all(Tool)}
    for doc in content.all(Document).values():
        for section in doc.sections:
            if section.type == "references":
                continue  # the list of sources itself
            ref = getattr(section, "ref", None)
            source = doc.source_of(section) or entities[section.type][ref].source  # type: ignore[attr-defined]
            assert source is not None, (doc.id, section.type, ref)


def test_the_projects_advice_is_never_the_studys(content: Content) -> None:
    practices = content.all(Practice)
    assert practices["report-results-back-to-pas"].provenance == GUIDANCE
    assert all(p.provenance.type == "study" for pid, p in practices.items() if pid != "report-results-back-to-pas")
    # How to do it is the project's advice, every step of it.
    assert {p.source_of("how_to", step).type for p in practices.values() for step in p.how_to} == {"guidance"}
    # Duties the paper does not describe: a board's, a patient coach's.
    roles = content.all(Role)
    assert {roles["board"].source_of("responsibilities", x).type for x in roles["board"].responsibilities} == {
        "guidance"}
    assert roles["patient-coach"].source_of("responsibilities") == GUIDANCE
    assert all(t.provenance == GUIDANCE for t in content.all(Tool).values())


def test_every_study_locator_names_headings_of_the_paper(content: Content) -> None:
    headings = _headings()
    parts = {"background", "methods", "results", "discussion", "table 1", "table 2", "theoretical framework",
             "conclusions"}
    for owner, source in _sources(content):
        if source.type != "study":
            continue
        assert source.locator, owner
        for place in source.locator.split("; "):
            part, _, heading = place.partition(", ")
            assert part.casefold() in parts, (owner, place)
            if heading:
                assert any(h.startswith(heading.casefold()) for h in headings), (owner, place)


def test_every_toolkit_source_names_a_reference_that_exists(content: Content) -> None:
    toolkits = [(owner, s) for owner, s in _sources(content) if s.type == "toolkit"]
    assert len(toolkits) >= 50
    assert all(s.reference in content.all("reference") for _, s in toolkits)


# -- the site shows it


def test_practice_pages_label_each_part_and_mark_it_with_data_pk_source(pages: dict[str, str]) -> None:
    page = pages["practices/secure-funds-to-compensate.md"]
    assert ('data-pk-source="study"><span class="pk-source__type">From the study</span> · '
            '<span class="pk-source__where">Results, Structuring</span>') in page
    assert '<li data-pk-source="guidance">' in page and "<span class=\"pk-source__type\">Our guidance</span>" in page
    assert "From published toolkits" in page and '<li data-pk-source="toolkit">' in page
    beyond = pages["practices/report-results-back-to-pas.md"]
    assert 'data-pk-source="guidance"><span class="pk-source__type">Beyond the study' in beyond
    assert "pk-approach" not in beyond  # the study's adapted/renewed line is for the study's practices
    assert '<div class="pk-observation" data-pk-source="study">' in beyond


def test_role_and_tool_pages_label_what_differs(pages: dict[str, str]) -> None:
    board = pages["roles/board.md"]
    assert '<p class="pk-source pk-source--guidance"><span class="pk-source__type">Our guidance</span></p><ul>' in board
    ceo = pages["roles/ceo.md"]
    assert ceo.count('<li data-pk-source="study">') == 5 and ceo.count('<li data-pk-source="guidance">') >= 1
    tool = pages["tools/request-appropriateness-check.md"]
    assert 'class="pk-item pk-item--checkbox" data-pk-source="study"' in tool
    assert "Results, Case 1 - Mental health" in tool


def test_labels_follow_the_language(content: Content) -> None:
    french = {page.src: page.markdown for page in render_site(content, "fr").pages}
    page = french["practices/secure-funds-to-compensate.md"]
    assert "Tiré de l’étude" in page and "Nos conseils" in page and "Tiré d’outils publiés" in page


# -- print shows it


@pytest.mark.slow
def test_pdfs_print_the_labels(mini_copy: Path, edit: Edit, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from generator.render.print import build_pdfs

    label = "        label: The role and its limits were explained.\n"
    edit(mini_copy / "content/tools/preparation-checklist.yaml", label,
         label +
         '        source: {type: study, locator: "Results, Selecting, recruiting and preparing"}\n')
    loaded = load_content(mini_copy)
    assert loaded.content is not None, loaded.issues
    build_pdfs(loaded.content, tmp_path, jobs=1)

    def text(name: str) -> str:
        reader = PdfReader(tmp_path / "en" / name)
        return " ".join(" ".join(page.extract_text() for page in reader.pages).split()).replace("\u2019", "'")

    tool = text("tools/preparation-checklist.pdf")
    assert "Our guidance" in tool  # the tool is the project's own
    assert "From the study · Results, Selecting, recruiting and preparing" in tool  # its first item is not
    card = text("roles/patient-advisor.pdf")
    assert "From the study · Background" in card and "Our guidance" in card  # day one is guidance
    pack = text("documents/pa-onboarding.pdf")
    assert "From the study · Results, Selecting, recruiting and preparing" in pack  # the practice chapter
