"""Figures and print take the site's colours: another organization's brand reaches them all.

`site.yaml`'s `colours` (primary, accent) are the only brand colours: no SVG and no
Typst source of a project with other colours holds the default ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.model.content import Content
from generator.model.site import Colours
from generator.pipeline import load_content
from generator.render.diagrams import framework_svg, process_svg, timeline_svg
from generator.render.palette import Palette, contrast, palette
from generator.render.print.build import DEFAULT_TIMESTAMP
from generator.render.print.jobs import PrintOptions, plan_jobs

Edit = Callable[[Path, str, str], None]
PLUM, TEAL = "#6b2d5c", "#00695c"
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
_NEUTRAL = {"#ffffff", "#1a1a1a", "#4a4a4a", "#5c6670"}  # white and the figures' greys


def _brand(colours: Palette) -> set[str]:
    return {colours.primary, colours.primary_text, colours.accent, colours.accent_text, colours.pale,
            colours.paler, colours.hatch, *colours.shades} - {"#ffffff"}


# The default colours, the tints figures used before they followed the site's colours, and
# the green key points had whatever the brand.
_DEFAULT = _brand(palette(Colours())) | {"#e8f0f6", "#cddfeb", "#a9c8dd", "#86b1cf", "#b9cfdf", "#2e7d4f"}


@pytest.fixture
def branded(mini_copy: Path, edit: Edit) -> Content:
    """The fixture with plum and teal colours, an open challenge and a Markdown warning."""
    content = mini_copy / "content"
    site = content / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + f'colours:\n  primary: "{PLUM}"\n  accent: "{TEAL}"\n',
                    encoding="utf-8")
    practice = content / "practices/prepare-patient-advisors.yaml"
    edit(practice, "phases: [deployment]\n", "phases: [deployment]\nstatus: open-challenge\n")
    edit(practice, "  It is what [[role:patient-advisor|patient advisors]] ask for first.\n",
         "  It is what [[role:patient-advisor|patient advisors]] ask for first.\n\n"
         "  !!! warning\n      Never share a patient's name.\n\n  !!! note\n      A note.\n")
    loaded = load_content(mini_copy)
    assert loaded.content is not None, loaded.issues
    return loaded.content


def test_figures_use_the_sites_colours(branded: Content) -> None:
    colours = palette(branded.site.colours)
    figures = {"framework": framework_svg(branded, "en"),
               "process": process_svg(branded, "five-step-involvement", "en"),
               "timeline": timeline_svg(branded, "oncology", "en")}
    for name, svg in figures.items():
        used = {h.lower() for h in _HEX.findall(svg)}
        assert PLUM in used, name
        assert used <= _NEUTRAL | _brand(colours), (name, used - _NEUTRAL - _brand(colours))
        assert not used & _DEFAULT, (name, used & _DEFAULT)
    assert colours.shades[1] in figures["framework"] and colours.pale in figures["timeline"]


def test_typst_sources_and_callouts_use_the_sites_colours(branded: Content) -> None:
    jobs = plan_jobs(branded, PrintOptions(timestamp=DEFAULT_TIMESTAMP))
    sources = {job.file: job.source for job in jobs}
    document = sources["en/documents/pa-onboarding.pdf"]
    assert f'"primary": "{PLUM}"' in document and f'"accent": "{TEAL}"' in document
    assert f'"Open challenge: no case described here had solved it yet", "{TEAL}")' in document
    assert f'pk-callout("warning", "Warning", "Never share a patient’s name.", "{TEAL}")' in document
    assert f'pk-callout("note", "Note", "A note.", "{PLUM}")' in document
    assert f'"Key points", list("You are never alone on the committee."), "{PLUM}")' in document
    for name, source in sources.items():
        assert not {h.lower() for h in _HEX.findall(source)} & _DEFAULT, name
    figures = {name: data for job in jobs for name, data in job.figures.items() if name.endswith(".svg")}
    assert len(figures) >= 3  # the framework, the process and the timeline, drawn for print
    assert all(PLUM.encode() in data for data in figures.values())


@pytest.mark.parametrize("primary", ["#ffcc00", "#e0f0ff", "#777777", "#1f5f8b", "#000000"])
def test_text_in_the_brand_colour_stays_readable(primary: str) -> None:
    colours = palette(Colours(primary=primary, accent=primary))
    assert contrast(colours.primary_text, "#ffffff") >= 4.5  # headings, labels on white
    assert contrast(colours.on_primary, colours.primary) >= 4.5  # text on a primary fill
    assert contrast(colours.accent_text, "#ffffff") >= 4.5
    if contrast(primary, "#ffffff") >= 4.5:
        assert colours.primary_text == primary  # a readable colour is used as it is


def test_default_colours_keep_todays_look() -> None:
    colours = palette(Colours())
    assert (colours.primary, colours.primary_text, colours.accent_text) == ("#1f5f8b", "#1f5f8b", "#b8420f")
    assert colours.on_primary == "#ffffff" and colours.paler == "#f5f8fa"
