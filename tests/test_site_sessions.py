"""The trainers' area: a page per session and the page listing them, from the default content and
the fixture. Trainer notes stay in the decks: the built site shows them nowhere else.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_site_support import MINI, ROOT, broken_links, build_site, site_project

from generator.downloads import Download
from generator.model.content import Content
from generator.model.session import Session
from generator.pipeline import load_content
from generator.render.site.nav import NavNode
from generator.render.site.templating import package_source
from generator.render.site.tree import SiteTree, render_site

INDEX = "training/sessions/index.md"


def _content(project: Path) -> Content:
    loaded = load_content(project)
    assert loaded.content is not None, loaded.issues
    return loaded.content


@pytest.fixture(scope="module")
def default() -> Content:
    return _content(ROOT)


@pytest.fixture(scope="module")
def tree(default: Content) -> SiteTree:
    return render_site(default, directory_urls=False)


def _pages(tree: SiteTree) -> dict[str, str]:
    return {page.src: page.markdown for page in tree.pages}


class _Text(HTMLParser):
    """The text of an HTML page, entities decoded, scripts and styles left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    return " ".join(" ".join(parser.parts).split())


def _snippet(text: str) -> str:
    """The longest run of plain words of a Markdown text: what any rendering of it prints as is."""
    runs = re.split(r"\[\[[^\]]*\]\]|[*_`\[\]()<>{}|#]|\n\s*[-\d]", text)
    return max((" ".join(run.split()) for run in runs), key=len)


def _trainer_words(content: Content) -> list[str]:
    """A snippet of every presenter's note and hand-off cue of every session, in every language."""
    found = []
    for lang in content.languages:
        for session in content.all(Session).values():
            for block in session.blocks:
                for slide in block.slides:
                    found += [_snippet(note.text.get(lang, lang)) for note in slide.notes]
                    if slide.handoff is not None:
                        found.append(_snippet(slide.handoff.cue.get(lang, lang)))
    return [words for words in found if len(words.split()) >= 4]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("sessions-site")
    result = build_site(ROOT, base / "site")
    assert result.returncode == 0, result.stderr
    return base / "site"


def test_no_trainer_note_on_any_built_page_but_the_decks(built: Path, default: Content) -> None:
    words = _trainer_words(default)
    assert len(words) > 100  # every note of the three default sessions, nearly
    decks = {path: _text(path.read_text(encoding="utf-8")) for path in built.rglob("*-deck.html")}
    assert len(decks) == len(default.all(Session)) * len(default.languages)  # a site per language
    every_deck = " ".join(decks.values())
    assert [w for w in words if w not in every_deck] == []  # the snippets are what the deck prints
    pages = [path for path in built.rglob("*.html") if path not in decks]
    assert len(pages) > 50
    shown = [(path.relative_to(built).as_posix(), w) for path in pages
             for text in [_text(path.read_text(encoding="utf-8"))] for w in words if w in text]
    assert shown == []
    searches = [json.loads(path.read_text(encoding="utf-8")) for path in built.glob("*/search/search_index.json")]
    assert len(searches) == len(default.languages)
    indexed = " ".join(_text(html.unescape(doc["text"])) for search in searches for doc in search["docs"])
    assert [w for w in words if w in indexed] == []


def test_the_built_trainers_area_has_no_broken_link(built: Path) -> None:
    assert broken_links(built) == []


def _agenda(markdown: str) -> list[tuple[str, int]]:
    """(start, minutes) of every agenda row, the end row last."""
    table = markdown[markdown.index('<table class="pk-matrix pk-stack pk-agenda">'):]
    table = table[:table.index("</table>")]
    starts = re.findall(r'<td class="pk-agenda__start"[^>]*>([\d:]+)</td>', table)
    minutes = re.findall(r'<td class="pk-agenda__minutes"[^>]*>(\d+)</td>', table)
    return [(start, int(n)) for start, n in zip(starts, minutes, strict=True)]


def test_the_agenda_start_times_add_up(default: Content, tree: SiteTree) -> None:
    pages = _pages(tree)
    for session_id, session in default.all(Session).items():
        rows = _agenda(pages[f"training/sessions/{session_id}.md"])
        assert len(rows) == len(session.blocks) + 1, session_id
        elapsed = 0
        for (start, minutes), block in zip(rows, session.blocks, strict=False):
            assert (start, minutes) == (f"{elapsed // 60}:{elapsed % 60:02d}", block.minutes), session_id
            elapsed += minutes
        end = rows[-1]
        assert end == (f"{elapsed // 60}:{elapsed % 60:02d}", session.duration_minutes), session_id
    # The workshop runs past the hour: 3 h 30 min ends at 3:30.
    assert _agenda(pages["training/sessions/managers-workshop.md"])[-1][0] == "3:30"


def test_a_session_page_shows_the_plan(default: Content, tree: SiteTree) -> None:
    page = _pages(tree)["training/sessions/qi-team-before-pa-joins.md"]
    session = default.all(Session)["qi-team-before-pa-joins"]
    for heading in ("Objectives", "Agenda", "Presenters", "Materials", "Room setup", "Preparation",
                    "Block by block", "What the session draws on"):
        assert f"\n## {heading} {{" in page, heading
    assert 'href="qi-team-before-pa-joins-deck.html"' in page and "Press S in the slides" in page
    # Who leads: a badge per presenter, the same number as in the deck, the role's name on it.
    assert '<span class="pk-presenter pk-presenter--1">Quality advisor</span>' in page
    assert '<span class="pk-presenter pk-presenter--2">Patient advisor</span>' in page
    # The preparation, earliest first.
    prep = page[page.index('<table class="pk-matrix pk-stack pk-preparation">'):]
    days = re.findall(r'<th scope="row">(\d+) days? before|<th scope="row">(On the day)', prep)
    shown = [int(n) if n else 0 for n, _ in days]
    assert shown == sorted((task.days_before for task in session.preparation), reverse=True)
    # What the blocks draw on: their modules, cases, practices and tools, and the handouts.
    uses = page[page.index("## What the session draws on"):]
    for block in session.blocks:
        for kind, ids in (("module", block.modules), ("case", block.cases), ("practice", block.practices),
                          ("tool", block.tools)):
            assert all(f'pk-ref--{kind}">' in uses and f"/{i}.html" in uses for i in ids), (kind, ids)
    assert all(f"#doc-{doc}" in uses for doc in session.handouts)


def test_a_session_page_lists_its_printed_files() -> None:
    content = _content(MINI)
    downloads = [Download(file="en/sessions/team-kickoff-deck.pdf", title="Kick-off: slides", kind="deck",
                          source_kind="session", source_id="team-kickoff", audience=("patient-advisors",),
                          language="en", pages=3, size_bytes=120_000)]
    pages = {p.src: p.markdown for p in render_site(content, downloads=downloads, directory_urls=False).pages}
    page = pages["training/sessions/team-kickoff.md"]
    assert 'href="../../downloads/en/sessions/team-kickoff-deck.pdf"' in page and "Kick-off: slides" in page
    assert "Kick-off: slides" in pages["downloads.md"]
    assert "Download as PDF" not in {p.src: p.markdown for p in render_site(content).pages}[
        "training/sessions/team-kickoff.md"]  # nothing printed: no downloads box



def test_speaker_notes_are_not_called_a_pdf() -> None:
    content = _content(MINI)
    common = {"source_kind": "session", "source_id": "team-kickoff", "audience": ("patient-advisors",),
              "language": "en", "pages": 3, "size_bytes": 12_000}
    notes = Download(file="en/sessions/team-kickoff-deck.pdfpc", title="Kick-off: notes", kind="notes", **common)
    deck = Download(file="en/sessions/team-kickoff-deck.pdf", title="Kick-off: slides", kind="deck", **common)
    pages = {p.src: p.markdown for p in render_site(content, downloads=[deck, notes], directory_urls=False).pages}
    page = pages["training/sessions/team-kickoff.md"]
    assert "<strong>Downloads</strong>" in page and "Download as PDF" not in page
    assert "(Slide deck, PDF, 3 pages, 12 kB)" in page
    assert "(Speaker notes (pdfpc), 12 kB)" in page
    listing = pages["downloads.md"]
    row = listing[listing.index("Kick-off: notes"):].split("</tr>")[0]
    assert "<td>—</td>" in row and "<td>3</td>" not in row  # the deck's pages are not the notes' pages

def _nav_srcs(nodes: tuple[NavNode, ...] | list[NavNode]) -> list[str]:
    return [src for node in nodes for src in ([node.src] if node.src else []) + _nav_srcs(node.children)]


def test_the_trainers_area_is_in_the_nav_and_lists_every_session(default: Content, tree: SiteTree) -> None:
    [training] = [node for node in tree.nav if node.title == "Training"]
    [trainers] = [node for node in training.children if node.title == "For trainers"]
    assert _nav_srcs(trainers.children) == [INDEX, *(f"training/sessions/{s}.md" for s in default.all(Session))]
    index = _pages(tree)[INDEX]
    for session_id, session in default.all(Session).items():
        assert f'href="{session_id}.html"' in index and f'href="{session_id}-deck.html"' in index
        assert f"{session.duration_minutes} min" in index
    assert 'href="../paths/trainers-path.html"' in index  # before you present: the trainers' path


def test_the_home_trainers_card_and_the_trainers_path_lead_to_the_trainers_area(tree: SiteTree) -> None:
    pages = _pages(tree)
    home = pages["index.md"]
    card = home[home.index('id="audience-trainers"'):]
    card = card[:card.index("</ul></li>")]
    first = re.search(r'<ul class="pk-path__links"><li><a href="([^"]+)"', card)
    assert first is not None and first.group(1) == "training/sessions/index.html"
    path = pages["training/paths/trainers-path.md"]
    section = path[path.index("## Sessions to present"):]
    assert 'href="../sessions/index.html"' in section
    assert all(f'href="../sessions/{s}.html"' in section
               for s in ("managers-workshop", "qi-team-before-pa-joins", "new-patient-advisor-preparation"))
    others = [src for src in pages if src.startswith("training/paths/") and src != "training/paths/trainers-path.md"]
    assert others and not [src for src in others if "## Sessions to present" in pages[src]]


def test_a_reference_to_a_session_links_its_page(tmp_path: Path) -> None:
    project = site_project(tmp_path / "project", ROOT / "tests" / "fixtures" / "every-reference")
    pages = {p.src: p.markdown for p in render_site(_content(project)).pages}
    assert '<a href="../../training/sessions/team-kickoff/" class="pk-ref">' in pages["roles/patient-advisor.md"]


def test_an_override_of_the_session_template_changes_every_session_page(tmp_path: Path) -> None:
    # The fixture has one session (tests/test_site_templates.py); the default content has three.
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    (project / "templates").mkdir()
    source = package_source("session.md")
    (project / "templates" / "session.md").write_text(
        source.replace("{% block body %}\n", "{% block body %}\nPK-OVERRIDE {{ session.id }}\n", 1), encoding="utf-8")
    pages = {p.src: p.markdown for p in render_site(_content(project), project=project).pages}
    marked = {src for src, text in pages.items() if "PK-OVERRIDE" in text}
    sessions = _content(project).all(Session)
    assert len(sessions) >= 3 and marked == {f"training/sessions/{s}.md" for s in sessions}
    assert all(f"PK-OVERRIDE {s}\n" in pages[f"training/sessions/{s}.md"] for s in sessions)
