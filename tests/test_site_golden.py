"""Golden Markdown for one generated page of each kind, from the fixture project.

Regenerate after an intended change with `PARTNERKIT_UPDATE_GOLDENS=1 pytest tests/test_site_golden.py`
and review the diff.
"""

from __future__ import annotations

import os

import pytest
from test_site_support import MINI, ROOT

from generator.downloads import Download
from generator.model.content import Content
from generator.pipeline import load_content
from generator.render.site.tree import page_inventory, render_site

GOLDENS = ROOT / "tests" / "goldens" / "site"
UPDATE = os.environ.get("PARTNERKIT_UPDATE_GOLDENS") == "1"
PAGES = [
    "index.md", "framework/index.md", "practices/index.md", "practices/prepare-patient-advisors.md",
    "roles/patient-advisor.md", "cases/oncology.md", "tools/preparation-checklist.md",
    "program/partners-in-care.md", "program/processes/five-step-involvement.md", "quotes.md",
    "glossary.md", "references.md", "about.md", "evidence.md", "downloads.md", "training/index.md",
    "training/paths/patient-advisors.md", "training/modules/welcome.md", "training/summary.md",
    "training/sessions/index.md", "training/sessions/team-kickoff.md", "changes.md",
]


@pytest.fixture(scope="module")
def content() -> Content:
    loaded = load_content(MINI)
    assert loaded.content is not None, loaded.issues
    return loaded.content


@pytest.mark.parametrize("src", PAGES)
def test_page_matches_golden(content: Content, src: str) -> None:
    pages = {page.src: page.markdown for page in render_site(content).pages}
    golden = GOLDENS / src
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(pages[src], encoding="utf-8")
    assert golden.is_file(), f"no golden for {src}: run with PARTNERKIT_UPDATE_GOLDENS=1"
    assert pages[src] == golden.read_text(encoding="utf-8")


def test_rendering_is_deterministic(content: Content) -> None:
    first, second = render_site(content), render_site(content)
    assert [(p.src, p.markdown) for p in first.pages] == [(p.src, p.markdown) for p in second.pages]


def test_inventory(content: Content) -> None:
    assert page_inventory(render_site(content)) == {
        "about": 1, "case": 1, "changes": 1, "downloads": 1, "evidence": 1, "framework": 1, "glossary": 1, "home": 1,
        "index": 7,
        "module": 1, "path": 1, "practice": 1, "process": 1, "program": 1, "quotes": 1, "references": 1,
        "role": 2, "session": 1, "summary": 1, "tool": 1,
    }


def test_file_urls_when_directory_urls_are_off(content: Content) -> None:
    pages = {p.src: p.markdown for p in render_site(content, directory_urls=False).pages}
    assert 'href="../roles/patient-advisor.html"' in pages["practices/prepare-patient-advisors.md"]


def test_downloads_are_listed_and_linked_from_entity_pages(content: Content) -> None:
    downloads = [
        Download(file="en/pa-onboarding.pdf", title="Onboarding pack", kind="document",
                 source_kind="document", source_id="pa-onboarding", audience=("patient-advisors",),
                 language="en", pages=12, size_bytes=250_000,
                 contains=("role:patient-advisor", "tool:preparation-checklist")),
        Download(file="fr/pa-onboarding.pdf", title="Trousse", kind="document", source_kind="document",
                 source_id="pa-onboarding", audience=("patient-advisors",), language="fr", pages=12,
                 size_bytes=250_000),
    ]
    pages = {p.src: p.markdown
             for p in render_site(content, downloads=downloads, directory_urls=False).pages}
    listing = pages["downloads.md"]
    assert 'href="downloads/en/pa-onboarding.pdf"' in listing and "Onboarding pack" in listing
    assert "Trousse" not in listing  # French is not one of this site's languages
    assert 'id="doc-pa-onboarding"' in listing
    assert 'href="../downloads/en/pa-onboarding.pdf"' in pages["roles/patient-advisor.md"]
    assert "Download as PDF" in pages["tools/preparation-checklist.md"]
    empty = {p.src: p.markdown for p in render_site(content).pages}["downloads.md"]
    assert "No printable document has been built yet" in empty


def test_goldens_folder_has_no_strays() -> None:
    if UPDATE or not GOLDENS.is_dir():
        return
    present = {p.relative_to(GOLDENS).as_posix() for p in GOLDENS.rglob("*.md")}
    assert present <= set(PAGES), present - set(PAGES)




def test_long_sections_are_split_so_each_page_lists_few_siblings(content: Content) -> None:
    from generator.render.site.context import SiteContext
    from generator.render.site.nav import CHUNK, NavNode, _bounded

    ctx = SiteContext.create(content, "en")
    pages = [NavNode(f"Page {i}", f"p/{i}.md") for i in range(CHUNK * 2 + 5)]
    (section,) = _bounded(ctx, "Roles", pages)
    assert [g.title for g in section.children] == ["Roles: 1–40", "Roles: 41–80", "Roles: 81–85"]
    assert all(len(g.children) <= CHUNK for g in section.children)
    assert _bounded(ctx, "Roles", pages[:CHUNK]) == pages[:CHUNK]


# The French-first fixture in French: the generator's own words are French (the catalog's).
FRENCH = ROOT / "tests" / "fixtures" / "pediatric-fr"
FRENCH_PAGES = [
    "index.md", "framework/index.md", "practices/index.md", "practices/preparer-les-parents.md",
    "roles/parent-partenaire.md", "cases/neonatalogie.md", "tools/grille-disponibilites.md",
    "program/familles-partenaires.md", "program/processes/accueil-des-familles.md", "quotes.md", "glossary.md",
    "about.md", "downloads.md", "training/modules/bienvenue-parents.md", "training/summary.md",
]


@pytest.fixture(scope="module")
def french() -> Content:
    loaded = load_content(FRENCH)
    assert loaded.content is not None, loaded.issues
    return loaded.content


@pytest.mark.parametrize("src", FRENCH_PAGES)
def test_french_page_matches_golden(french: Content, src: str) -> None:
    pages = {page.src: page.markdown for page in render_site(french, "fr").pages}
    golden = GOLDENS.parent / "site-fr" / src
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(pages[src], encoding="utf-8")
    assert golden.is_file(), f"no golden for {src}: run with PARTNERKIT_UPDATE_GOLDENS=1"
    assert pages[src] == golden.read_text(encoding="utf-8")
