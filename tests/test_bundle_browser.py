"""The offline bundles in Chromium: unzipped and opened from disk, with every request that is
not for a file blocked, navigation, search, training progress and decks all work, and the
downloads page's PDFs are in the bundle, in its language.

Run with `pytest -m browser`; Chromium comes from /usr/bin/chromium.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_site_browser import CHROMIUM, chromium
from test_site_support import ROOT

pytestmark = pytest.mark.browser
SITE_ID = "partnering-with-patients-in-quality-improvement"
MODULE = "training/modules/pcp-and-five-step-process.html"
PATH = "training/paths/top-managers-path.html"
SESSION = "training/sessions/qi-team-before-pa-joins.html"
WORDS = {  # per language: the nav tab to follow, a search that finds pages, the link to the slides
    "en": {"tab": "Practices", "query": "coach", "found": "matching", "slides": "Open the slides",
           "progress": "1 of 6 modules done"},
    "fr": {"tab": "Pratiques", "query": "coach", "found": "trouvé", "slides": "Ouvrir les diapositives",
           "progress": "Modules terminés\u00a0: 1 sur 6"},
}


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both bundles of the default content (PDFs printed), each unzipped into a folder of its own."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    work = tmp_path_factory.mktemp("bundle")
    done = subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", "bundle", "--project", str(ROOT), "--strict",
         "--downloads", str(work / "downloads"), "--cache", str(work / "cache"), "--out", str(work / "bundles")],
        capture_output=True, text=True, check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr
    unzipped = {}
    for lang in ("en", "fr"):
        with zipfile.ZipFile(work / "bundles" / f"{SITE_ID}-{lang}.zip") as archive:
            archive.extractall(work / lang)
        unzipped[lang] = work / lang / f"{SITE_ID}-{lang}"
    return unzipped


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def _offline_page(browser: Any) -> tuple[Any, Any, list[str]]:
    """A page where only file:// (and data:, blob:) loads; anything else is blocked and recorded."""
    context = browser.new_context()
    problems: list[str] = []

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith(("file://", "data:", "blob:", "about:")):
            request_route.continue_()
        else:
            problems.append(f"request not for a file: {url}")
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    return context, page, problems


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_unzipped_bundle_works_from_disk(bundles: dict[str, Path], browser: Any, lang: str) -> None:
    root, words = bundles[lang], WORDS[lang]
    context, page, problems = _offline_page(browser)

    # The home page, then a tab of the navigation.
    page.goto((root / "index.html").as_uri(), wait_until="load")
    assert page.locator("html").get_attribute("lang") == lang
    page.locator(".md-tabs__link", has_text=words["tab"]).first.click()
    page.wait_for_url("**/practices/index.html")
    assert page.locator("[data-pk-item]").count() > 10

    # Search, from the index that travels in the bundle.
    page.keyboard.press("s")
    page.locator("input.md-search__input").press_sequentially(words["query"], delay=20)
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 0", timeout=10_000)
    assert words["found"] in page.locator(".md-search-result__meta").inner_text()

    # Training progress: a module marked done counts on its path's page, from another page.
    page.goto((root / MODULE).as_uri(), wait_until="load")
    page.click("[data-pk-mark-done]")
    page.goto((root / PATH).as_uri(), wait_until="load")
    assert page.locator("[data-pk-progress-text]").first.inner_text().startswith(words["progress"])

    # A session's slides, from its page's link, forward one slide.
    page.goto((root / SESSION).as_uri(), wait_until="load")
    page.get_by_role("link", name=words["slides"]).click()
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("Reveal.getIndices().h === 1")
    context.close()
    assert problems == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_bundle_holds_its_language_s_pdfs(bundles: dict[str, Path], lang: str) -> None:
    root = bundles[lang]
    page = (root / "downloads.html").read_text(encoding="utf-8")
    linked = sorted({part.split('"')[0] for part in page.split('href="')[1:] if part.split('"')[0].endswith(".pdf")})
    assert len(linked) > 40
    for href in linked:
        assert href.startswith(f"downloads/{lang}/"), href  # only its own language: no link out of the bundle
        assert (root / href).read_bytes()[:5] == b"%PDF-"
    other = "fr" if lang == "en" else "en"
    assert not (root / "downloads" / other).exists()
    assert not (root / ".partnerkit-output").exists()
