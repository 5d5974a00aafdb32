"""Rendering on the built site (a real `partnerkit build`): email autolinks, local images,
table alignment, code, titles escaped once, card descriptions and citations.

The project is `rendering_support.rendering_project`; it is built without `--strict`
because its practice holds an email address, which `check` rightly warns about.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from rendering_support import (
    CODE,
    EMAIL,
    IMAGE,
    IMAGE_ALT,
    PRACTICE_TITLE,
    SITE_TITLE,
    TOOL_CARD,
    rendering_project,
    tiny_png,
)
from test_site_support import broken_links, build_site, site_project

from generator.model.practice import Practice
from generator.pipeline import load_content
from generator.render.site.tree import render_site

PRACTICE = "practices/prepare-patient-advisors.html"


class _Elements(HTMLParser):
    """Every element as (tag, attributes, text inside it), entities decoded once."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []
        self._open: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}, []))
        if tag not in ("img", "br", "hr", "meta", "link", "input"):
            self._open.append(len(self.elements) - 1)

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self.elements[self._open.pop()][0] == tag:
                break

    def handle_data(self, data: str) -> None:
        for index in self._open:
            self.elements[index][2].append(data)


def _elements(path: Path) -> list[tuple[str, dict[str, str], str]]:
    parser = _Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return [(tag, attrs, " ".join("".join(text).split())) for tag, attrs, text in parser.elements]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("rendering")
    project = site_project(base / "project", rendering_project(base / "project"))
    result = build_site(project, base / "site", strict=False)
    assert result.returncode == 0, result.stderr
    return base / "site"


def test_email_autolink_is_a_working_mailto_link(site: Path) -> None:
    links = [(attrs.get("href"), text) for tag, attrs, text in _elements(site / PRACTICE) if tag == "a"]
    assert (f"mailto:{EMAIL}", EMAIL) in links
    # Nothing Python-Markdown leaves for its post-processors reaches any page.
    leftovers = [p.name for p in site.rglob("*.html") if re.search("[\x02\x03]|amp\x03|wzxhzdk|klzzwxh",
                                                                   p.read_text(encoding="utf-8"))]
    assert leftovers == []


def test_local_image_is_published_and_linked_from_its_page(site: Path) -> None:
    [image] = [attrs for tag, attrs, _ in _elements(site / PRACTICE) if tag == "img" and attrs.get("alt") == IMAGE_ALT]
    assert not image["src"].startswith(("/", "http")), image  # relative: works from disk and any folder
    assert "seating%20plan.png" in image["src"]  # the space of the file name, quoted
    published = (site / PRACTICE).parent / unquote(image["src"])
    assert published.resolve() == (site / "assets/images" / IMAGE).resolve()
    assert published.read_bytes() == tiny_png()
    assert broken_links(site) == []


def test_images_outside_the_project_or_missing_are_not_published(tmp_path: Path) -> None:
    # `check` stops a build on these; given them anyway, the renderer never points a page
    # outside the site nor publishes what is not an image of the project.
    project = rendering_project(tmp_path / "project")
    (tmp_path / "outside.png").write_bytes(tiny_png())
    (project / "images/misnamed.jpg").write_bytes(tiny_png())  # a PNG: browsers and Typst go by the name
    loaded = load_content(project)
    assert loaded.content is not None, loaded.issues
    content = loaded.content
    practice = content.all(Practice)["prepare-patient-advisors"]
    description = type(practice.description)(
        practice.description.get("en", "en") + "\n\n![Outside](../outside.png) ![Gone](images/gone.png) "
        "![Not an image](content/site.yaml) ![Misnamed](images/misnamed.jpg)\n")
    practices = {**content.all(Practice), practice.id: practice.model_copy(update={"description": description})}
    tree = render_site(replace(content, entities={**content.entities, "practice": practices}), project=project)
    page = next(p for p in tree.pages if p.src == "practices/prepare-patient-advisors.md")
    images = re.findall(r"<img [^>]*>", page.markdown)
    assert len(images) == 1 and f'alt="{IMAGE_ALT}"' in images[0]
    for alt in ("Outside", "Gone", "Not an image", "Misnamed"):
        assert f'<span class="pk-img-alt">{alt}</span>' in page.markdown
    assert [name for name in tree.assets if name.startswith("assets/images/")] == [f"assets/images/{IMAGE}"]


def test_table_keeps_column_alignment(site: Path) -> None:
    cells = [(text, attrs.get("align")) for tag, attrs, text in _elements(site / PRACTICE) if tag in ("th", "td")]
    aligned = dict(cells[cells.index(("Left", "left")):][:12])
    assert aligned == {"Left": "left", "Right": "right", "Centre": "center", "l1": "left", "12": "right",
                       "c1": "center", "l2": "left", "3456": "right", "c2": "center"}


def test_code_keeps_its_characters(site: Path) -> None:
    codes = [text for tag, _, text in _elements(site / PRACTICE) if tag == "code"]
    assert CODE in codes


def test_site_name_and_nav_titles_are_escaped_once(site: Path) -> None:
    # Read as a browser does (entities decoded once): the words as written, never "&#39;".
    index, practice = _elements(site / "practices/index.html"), _elements(site / PRACTICE)
    for page in (index, practice):
        shown = [text for _, _, text in page] + [v for _, attrs, _ in page for v in attrs.values()]
        assert not [s for s in shown if re.search(r"&(#\d+|amp|lt|gt|quot);", s)]
        logo = [attrs for tag, attrs, _ in page if tag == "a" and "md-logo" in attrs.get("class", "")]
        assert logo and all(a["title"] == SITE_TITLE and a["aria-label"] == SITE_TITLE for a in logo)
        assert SITE_TITLE in [text for _, attrs, text in page if "md-ellipsis" in attrs.get("class", "")]
    nav_links = [text for tag, attrs, text in practice if tag == "a" and "md-nav__link" in attrs.get("class", "")]
    assert PRACTICE_TITLE in nav_links
    footer = [attrs["aria-label"] for _, attrs, _ in index if "md-footer__link--next" in attrs.get("class", "")]
    assert footer == [f"Next: {PRACTICE_TITLE}"]
    [title] = [text for tag, _, text in practice if tag == "title"]
    assert title == f"{PRACTICE_TITLE} - {SITE_TITLE}"


def test_tool_card_and_description_end_on_a_whole_sentence(site: Path) -> None:
    # The purpose is longer than a card: its first sentence, whole, its reference read as a name.
    cards = [text for tag, attrs, text in _elements(site / "tools/index.html")
             if "pk-card__summary" in attrs.get("class", "")]
    assert cards == [TOOL_CARD]
    description = [attrs["content"] for tag, attrs, _ in _elements(site / "tools/preparation-checklist.html")
                   if tag == "meta" and attrs.get("name") == "description"]
    assert description == [TOOL_CARD]


def test_organization_authors_are_cited_whole(site: Path) -> None:
    practice = " ".join(text for _, _, text in _elements(site / PRACTICE))
    assert "Health Quality Ontario (2017)" in practice
    assert "Université de Montréal et al. (n.d.)" in practice
    assert "Ontario (2017)" not in practice.replace("Health Quality Ontario (2017)", "")
    references = " ".join(text for _, _, text in _elements(site / "references.html"))
    assert "Health Quality Ontario (2017)" in references
