"""A session's HTML deck in Chromium: it starts from a file and over HTTP with no outside
request, and pressing S opens reveal's speaker view with every presenter's notes; for the
default content, from the session page's "Open the slides" link too.

Run with `pytest -m browser`; Chromium comes from /usr/bin/chromium.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_site_support import ROOT, build_site, site_project

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
DECK = "training/sessions/team-kickoff-deck.html"  # the repository's mkdocs.yml: no directory URLs
DEFAULT_PAGE = "training/sessions/qi-team-before-pa-joins.html"
DEFAULT_DECK = "training/sessions/qi-team-before-pa-joins-deck.html"
# The first slide after the title, in the default session: both presenters speak on it.
DEFAULT_NOTES = ("Quality advisor", "Welcome the team by first name", "Patient advisor",
                 "Introduce yourself as a patient advisor")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    work = tmp_path_factory.mktemp("deck")
    result = build_site(site_project(work / "project"), work / "site")
    assert result.returncode == 0, result.stderr
    return work / "site"


@pytest.fixture(scope="module")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    work = tmp_path_factory.mktemp("default-deck")
    result = build_site(ROOT, work / "site")
    assert result.returncode == 0, result.stderr
    return work / "site" / "en"  # a site per language: the English one


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


def _open_speaker_view(browser: Any, url: str, allowed: str, *,
                       from_page: str | None = None) -> tuple[str, str, list[str]]:
    """Load the deck (or the session page `from_page`, then follow its link to the deck), go to the
    first content slide, press S: (notes, clock text, problems)."""
    context = browser.new_context()
    problems: list[str] = []

    def route(request_route: Any) -> None:
        target = request_route.request.url
        if target.startswith(allowed) or target.startswith(("about:", "data:", "blob:")):
            request_route.continue_()
        else:
            problems.append(f"request to another host: {target}")
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    if from_page is None:
        page.goto(url + "#/1")
    else:
        page.goto(from_page)
        page.get_by_role("link", name="Open the slides").click()
        page.wait_for_url(url)
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    if from_page is not None:
        page.evaluate("Reveal.slide(1)")
    with context.expect_page() as popup:
        page.keyboard.press("s")
    speaker = popup.value
    speaker.wait_for_selector(".speaker-controls-notes")
    speaker.wait_for_function("document.querySelector('.speaker-controls-notes').innerText.length > 20")
    notes = speaker.locator(".speaker-controls-notes").inner_text()
    clock = speaker.locator(".speaker-controls-time").inner_text()
    context.close()
    return notes, clock, problems


def test_the_deck_runs_from_disk_with_the_speaker_view(site: Path, browser: Any) -> None:
    notes, clock, problems = _open_speaker_view(browser, (site / DECK).as_uri(), "file://")
    assert problems == []
    assert "Program manager" in notes and "Introduce the program." in notes
    assert "Patient advisor" in notes and "Tell your story." in notes
    assert "Hands over to Program manager" in notes
    assert "PACING" in clock.upper()


def test_the_deck_runs_over_http_with_no_outside_request(site: Path, browser: Any) -> None:
    httpd, origin = _serve(site)
    try:
        notes, _, problems = _open_speaker_view(browser, f"{origin}/{DECK}", origin + "/")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert problems == []
    assert "Tell your story." in notes


def _serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def test_a_default_session_page_opens_its_deck_and_the_speaker_view(default_site: Path, browser: Any) -> None:
    notes, clock, problems = _open_speaker_view(browser, (default_site / DEFAULT_DECK).as_uri(), "file://",
                                                from_page=(default_site / DEFAULT_PAGE).as_uri())
    assert problems == []
    assert all(words in notes for words in DEFAULT_NOTES), notes
    assert "PACING" in clock.upper()


def test_a_default_deck_runs_over_http_with_no_outside_request(default_site: Path, browser: Any) -> None:
    httpd, origin = _serve(default_site)
    try:
        notes, _, problems = _open_speaker_view(browser, f"{origin}/{DEFAULT_DECK}", origin + "/")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert problems == []
    assert all(words in notes for words in DEFAULT_NOTES), notes


@pytest.mark.parametrize("width", [390, 1280])
def test_axe_finds_no_serious_violation_on_the_trainers_pages(default_site: Path, browser: Any, width: int) -> None:
    from axe_playwright_python.sync_playwright import Axe

    httpd, origin = _serve(default_site)
    context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
    page = context.new_page()
    failures = []
    try:
        for name in (DEFAULT_PAGE, "training/sessions/index.html"):
            page.goto(f"{origin}/{name}", wait_until="load")
            for violation in Axe().run(page).response["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    failures.append(f"{name} at {width}px: {violation['id']} {violation['help']} "
                                    f"at {[node['target'] for node in violation['nodes']][:3]}")
    finally:
        context.close()
        httpd.shutdown()
        httpd.server_close()
    assert failures == []
