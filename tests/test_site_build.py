"""End to end: `partnerkit build --strict` on the fixture and on the default content.

Checks that every internal link and anchor resolves, that nothing is loaded from another
host, that text fields holding `<script>` come out as visible text, and that content
errors stop the build with file:line messages and no traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_site_support import ROOT, broken_links, build_site, hostile_project, parse_html, site_project

# Material's own links to its project page and the licence/DOI links of content are <a>;
# anything a browser would load by itself (scripts, styles, images, fonts) must be local.
_LOADED = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")}


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("mini")
    project = site_project(base / "project")
    result = build_site(project, base / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return base / "site"


def test_fixture_builds_every_page(mini_site: Path) -> None:
    expected = ["index.html", "framework/index.html", "practices/index.html",
                "practices/prepare-patient-advisors.html", "roles/patient-advisor.html",
                "roles/program-manager.html", "cases/oncology.html",
                "tools/preparation-checklist.html", "program/partners-in-care.html",
                "program/processes/five-step-involvement.html", "glossary.html", "references.html",
                "quotes.html", "about.html", "downloads.html", "assets/fonts/AtkinsonHyperlegible-Regular.ttf",
                "search/search_index.js", "training/index.html", "training/modules/welcome.html",
                "training/paths/patient-advisors.html"]
    missing = [name for name in expected if not (mini_site / name).is_file()]
    assert not missing


def test_every_internal_link_and_anchor_resolves(mini_site: Path) -> None:
    assert broken_links(mini_site) == []


def test_nothing_is_loaded_from_another_host(mini_site: Path) -> None:
    outside = []
    for path in mini_site.rglob("*.html"):
        for tag, attribute, value in parse_html(path).refs:
            if (tag, attribute) in _LOADED and re.match(r"^(https?:)?//", value):
                outside.append(f"{path.name}: <{tag} {attribute}={value}>")
    assert outside == []
    css = "".join(p.read_text(encoding="utf-8") for p in mini_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_abbreviations_are_expanded_and_diagrams_described(mini_site: Path) -> None:
    practice = (mini_site / "practices/prepare-patient-advisors.html").read_text(encoding="utf-8")
    assert '<abbr title="Quality improvement">QI</abbr>' in practice
    case = (mini_site / "cases/oncology.html").read_text(encoding="utf-8")
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in case and "<desc id=\"pk-timeline-oncology-desc\">" in case
    references = (mini_site / "references.html").read_text(encoding="utf-8")
    assert 'href="https://doi.org/10.1186/s12913-019-4618-8"' in references


def test_script_in_text_fields_is_shown_as_text(tmp_path: Path) -> None:
    project = site_project(tmp_path / "project", hostile_project(tmp_path / "project"))
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    pages = list((tmp_path / "site").rglob("*.html"))
    shown = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, page
        assert "<b>bold</b>" not in html, page
        shown += html.count("PKX&lt;script&gt;alert(1)&lt;/script&gt;")
    assert shown >= 10  # the payload is on many pages, always escaped
    assert "&lt;script&gt;" in (tmp_path / "site/practices/prepare-patient-advisors.html").read_text(encoding="utf-8")


def test_site_logo_comes_from_the_project(tmp_path: Path) -> None:
    project = site_project(tmp_path / "project")
    (project / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
                                      '<rect width="10" height="10"/></svg>', encoding="utf-8")
    site_yaml = project / "content/site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + "logo: logo.svg\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/assets/logo.svg").is_file()
    assert 'src="assets/logo.svg"' in (tmp_path / "site/index.html").read_text(encoding="utf-8")


def test_content_error_stops_the_build_with_locations(tmp_path: Path) -> None:
    project = site_project(tmp_path / "project")
    practice = project / "content/practices/prepare-patient-advisors.yaml"
    text = practice.read_text(encoding="utf-8")
    text = text.replace("roles: [patient-advisor, program-manager]", "roles: [patient-advisor, coach]")
    practice.write_text(text, encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("previous site", encoding="utf-8")
    (tmp_path / "site" / ".partnerkit-output").write_text("a previous build", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1
    assert "content/practices/prepare-patient-advisors.yaml:" in result.stderr
    assert "unknown role 'coach'" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "previous site"


def test_build_out_writes_the_markdown_tree(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "md"
    result = subprocess.run([sys.executable, "-m", "generator.adapters.cli", "build", "--project",
                             str(ROOT / "tests/fixtures/mini"), "--out", str(out)],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert (out / "practices/prepare-patient-advisors.md").is_file()
    assert (out / "nav.yml").is_file() and (out / "assets/partnerkit.css").is_file()
    assert "27 pages" in result.stdout


@pytest.mark.slow
def test_pdfs_are_printed_listed_and_linked(tmp_path: Path) -> None:
    project = site_project(tmp_path / "project")
    result = build_site(project, tmp_path / "site", pdf=True)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    pdfs = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.pdf"))
    assert pdfs, "no PDF in the site"
    listing = (site / "downloads.html").read_text(encoding="utf-8")
    assert all(p.removeprefix("downloads/") in listing for p in pdfs)
    assert ".pdf" in (site / "tools/preparation-checklist.html").read_text(encoding="utf-8")
    assert broken_links(site) == []


@pytest.mark.slow
def test_default_content_builds_strict_with_working_links(tmp_path: Path) -> None:
    result = build_site(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert broken_links(tmp_path / "site") == []
    # Undated references read "n.d.", never a Python "None"; no page prints one.
    pages = [page.read_text(encoding="utf-8") for page in (tmp_path / "site").rglob("*.html")]
    assert not [page for page in pages if "(None)" in page]
    references = (tmp_path / "site" / "en" / "references.html").read_text(encoding="utf-8")  # a site per language
    assert "Health Quality Ontario (n.d.)" in references or "(n.d.)" in references
