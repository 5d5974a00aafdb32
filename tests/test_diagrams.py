"""The SVG figures: well-formed, titled, described, escaped, deterministic, self-contained."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import Path

import pytest
from test_site_support import MINI, hostile_project

from generator.model.content import Content
from generator.pipeline import load_content
from generator.render.diagrams import framework_svg, process_svg, timeline_svg

SVG = "{http://www.w3.org/2000/svg}"


def _content(project: Path) -> Content:
    loaded = load_content(project)
    assert loaded.content is not None, loaded.issues
    return loaded.content


def _figures(content: Content) -> dict[str, str]:
    return {
        "framework": framework_svg(content, "en"),
        "process": process_svg(content, "five-step-involvement", "en"),
        "timeline": timeline_svg(content, "oncology", "en"),
    }


@pytest.fixture(scope="module")
def mini() -> Content:
    return _content(MINI)


@pytest.mark.parametrize("name", ["framework", "process", "timeline"])
def test_figure_is_accessible_and_self_contained(mini: Content, name: str) -> None:
    svg = _figures(mini)[name]
    root = etree.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox", "").startswith("0 0 ")
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text and desc is not None and desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert root.get("font-family") == "Atkinson Hyperlegible, sans-serif"
    assert "http://" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in svg and "href" not in svg


def test_figures_name_what_they_show(mini: Content) -> None:
    figures = _figures(mini)
    assert "Managing patient advisor integration" in figures["framework"]
    assert "renewed practice" in figures["framework"] and "adapted practice" in figures["framework"]
    assert "Program manager" in figures["process"] and "Step 2" in figures["process"]
    desc = etree.fromstring(figures["process"]).find(f"{SVG}desc")
    expected = "Step 2: Prepare (Who: Program manager, Patient advisor)."
    assert desc is not None and expected in (desc.text or "")
    assert "2011" in figures["timeline"]
    assert "Six collaborative projects launched" in figures["timeline"]


def test_figures_are_deterministic(mini: Content) -> None:
    assert _figures(mini) == _figures(_content(MINI))


def test_text_is_escaped(tmp_path: Path) -> None:
    content = _content(hostile_project(tmp_path / "p"))
    for name, svg in _figures(content).items():
        root = etree.fromstring(svg)  # still well-formed XML
        assert root.find(f".//{SVG}script") is None, name
        assert root.find(f".//{SVG}b") is None, name
        assert "<script>" not in svg, name
        assert "PKX" in "".join(root.itertext()), name
    assert "&lt;script&gt;" in _figures(content)["framework"]
