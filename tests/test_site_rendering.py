"""Rendering on the built site (a real `partnerkit build`): email autolinks, local images,
table alignment, code, titles escaped once, card descriptions and citations.

The project is `rendering_support.rendering_project`; it is built without `--strict`
because its practice holds an email address, which `check` rightly warns about.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rendering_support import (
    CODE,
    EMAIL,
    rendering_project,
)
from test_site_support import build_site, site_project

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


def test_table_keeps_column_alignment(site: Path) -> None:
    cells = [(text, attrs.get("align")) for tag, attrs, text in _elements(site / PRACTICE) if tag in ("th", "td")]
    aligned = dict(cells[cells.index(("Left", "left")):][:12])
    assert aligned == {"Left": "left", "Right": "right", "Centre": "center", "l1": "left", "12": "right",
                       "c1": "center", "l2": "left", "3456": "right", "c2": "center"}


def test_code_keeps_its_characters(site: Path) -> None:
    codes = [text for tag, _, text in _elements(site / PRACTICE) if tag == "code"]
    assert CODE in codes
