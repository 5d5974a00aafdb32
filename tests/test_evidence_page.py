"""The "About the evidence" page (issue 11, item 6): written in content/evidence.yaml, rendered by its
template, linked from the home page and from every case, absent when the project writes none."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model.case import Case
from generator.model.content import Content
from generator.pipeline import load_content
from generator.render.site import urls
from generator.render.site.tree import render_site

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def content() -> Content:
    loaded = load_content(ROOT)
    assert loaded.content is not None, loaded.issues
    return loaded.content


@pytest.fixture(scope="module")
def pages(content: Content) -> dict[str, str]:
    return {page.src: page.markdown for page in render_site(content).pages}


def test_the_default_content_has_an_evidence_page_with_evidence_in_its_title(pages: dict[str, str]) -> None:
    page = pages[urls.EVIDENCE]
    title = page.split("\n# ", 1)[1].split("\n", 1)[0]
    assert "evidence" in title.lower()
    assert "pk_kind: evidence" in page


@pytest.mark.parametrize("said", [
    "qualitative", "two", "38 interviews with managers", "professional translator",
    "did not measure whether partnering with patients", "2015", "merged", "specific training",
    "online course", "schools of public health, nursing and management", "cooperation among managers across levels",
])
def test_it_says_what_kind_of_evidence_this_is(pages: dict[str, str], said: str) -> None:
    assert said in pages[urls.EVIDENCE]


def test_each_part_cites_where_in_the_paper_it_comes_from(content: Content, pages: dict[str, str]) -> None:
    assert content.evidence is not None
    study = [s for s in content.evidence.sections if s.provenance.type == "study"]
    assert len(study) >= 6 and all(s.provenance.locator for s in study)
    page = pages[urls.EVIDENCE]
    assert page.count('<div class="pk-sourced" data-pk-source="study">') == len(study)
    assert "From the study</span> · <span class=\"pk-source__where\">Methods, Data collection methods" in page
    assert 'href="../references/#ref-clavel-2019"' in page


def test_it_is_linked_from_the_home_page_and_every_case(content: Content, pages: dict[str, str]) -> None:
    assert 'href="evidence/"' in pages[urls.HOME]
    for case_id in content.all(Case):
        assert 'href="../../evidence/"' in pages[urls.entity_page("case", case_id)], case_id


def test_it_is_in_the_navigation(content: Content) -> None:
    tree = render_site(content)
    library = next(node for node in tree.nav if node.title == "Library")
    assert ("About the evidence", urls.EVIDENCE) in [(n.title, n.src) for n in library.children]


def test_without_evidence_yaml_there_is_no_page_and_no_link(mini_copy: Path) -> None:
    (mini_copy / "content/evidence.yaml").unlink()
    loaded = load_content(mini_copy)
    assert loaded.content is not None and loaded.issues == []
    pages = {page.src: page.markdown for page in render_site(loaded.content).pages}
    assert urls.EVIDENCE not in pages
    assert not any("evidence/" in text for text in pages.values())


def test_its_references_and_links_are_checked(mini_copy: Path) -> None:
    path = mini_copy / "content/evidence.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("references: [clavel-2019]", "references: [clavel-2091]")
                    .replace("A qualitative study", "A [[case:oncolgy]] qualitative study"), encoding="utf-8")
    messages = [issue.text() for issue in load_content(mini_copy).issues]
    assert messages == [
        "sections[0].body: unknown case 'oncolgy' in [[case:oncolgy]] (did you mean 'oncology'?)",
        "references[0]: unknown reference 'clavel-2091' (did you mean 'clavel-2019'?)",
    ]
