"""No English interface text on French pages, read from the built HTML.

The French-first fixture is built in French and every page is scanned for partnerkit's and
Material's English wording (tests/english_left.py). The same scan of the English build must
find plenty, so the scan itself is shown to work.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from english_left import english_on_page
from test_site_support import build_site, site_project

PEDIATRIC = Path(__file__).resolve().parent / "fixtures" / "pediatric-fr"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("french-pages")
    project = site_project(root / "project", PEDIATRIC)
    result = build_site(project, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_no_french_page_shows_english_interface_text(built: Path) -> None:
    # The French site (a site per language; the root pages are in both on purpose).
    built = built / "fr"
    pages = sorted(built.rglob("*.html"))
    assert len(pages) >= 30
    found = {page.relative_to(built).as_posix(): english_on_page(page) for page in pages}
    assert {page: words for page, words in found.items() if words} == {}


def test_the_scan_finds_english_on_an_english_page(tmp_path: Path) -> None:
    project = site_project(tmp_path / "project", PEDIATRIC)
    result = subprocess.run([sys.executable, "-m", "generator.adapters.cli", "build", "--no-pdf", "--lang", "en",
                             "--project", str(project), "--site-dir", str(tmp_path / "site")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    found = english_on_page(tmp_path / "site" / "index.html")
    assert {"Choose your path", "Back to top", "Type to start searching"} <= set(found), found
