"""The built site in headless Chromium (Debian's package): every page loads with no console
error and no request to another host; axe-core finds no serious or critical violation on
one page of each kind; filters work with JavaScript and lists stay readable without it.

Run with `pytest -m browser`. Chromium comes from /usr/bin/chromium (never `playwright install`).
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from test_site_support import ROOT, build_site, site_project

from generator.app.outputs import MARKER

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
# One page of each kind, in the default content and in the fixture.
KINDS = {
    "home": "index.html", "framework": "framework/index.html", "practice index": "practices/index.html",
    "practice": "practices/prepare-patient-advisors.html", "role": "roles/patient-advisor.html",
    "case": "cases/{case}.html", "tool": "tools/{tool}.html", "program": "program/partners-in-care.html",
    "process": "program/processes/five-step-involvement.html", "quotes": "quotes.html",
    "glossary": "glossary.html", "references": "references.html", "about": "about.html",
    "downloads": "downloads.html", "paths": "training/index.html",
    "path": "training/paths/{path}.html", "module": "training/modules/{module}.html",
    "summary": "training/summary.html", "evidence": "evidence.html",
    "sessions": "training/sessions/index.html", "session": "training/sessions/{session}.html",
    "changes": "changes.html",
}
# The fixture's practice and role show who keeps them current (fragments/upkeep.html), so axe reads that line too.
UPKEEP = {"practices/prepare-patient-advisors.yaml": "owner: Partnership office\nreview_by: 2999-12-31\n",
          "roles/patient-advisor.yaml": "review_by: 2999-12-31\n"}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serving(directory: Path) -> Iterator[str]:
    """`directory` served over HTTP on a free local port; yields the origin."""
    handler = functools.partial(_Quiet, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's Chromium through Playwright (the test is skipped without Playwright)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The fixture's site (one language), and the default content's in English and in French
    (a site per language: default-site/en/, default-site/fr/)."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    base = tmp_path_factory.mktemp("browser")
    built = {}
    mini = site_project(base / "mini")
    for file, lines in UPKEEP.items():
        path = mini / "content" / file
        path.write_text(path.read_text(encoding="utf-8") + lines, encoding="utf-8")
    for name, project in (("mini", mini), ("default", ROOT)):
        result = build_site(project, base / f"{name}-site")
        assert result.returncode == 0, result.stderr
        built[name] = base / f"{name}-site"
    built["default"], built["default-fr"] = built["default"] / "en", built["default"] / "fr"
    return built


def _served(root: Path) -> str:
    """Where the test server (which serves the folder the builds are in) has the site `root`:
    a language's site is one folder down, in the site folder partnerkit made."""
    return f"{root.parent.name}/{root.name}" if (root.parent / MARKER).is_file() else root.name


@pytest.fixture(scope="module")
def server(sites: dict[str, Path]) -> Iterator[str]:
    with serving(sites["mini"].parent) as origin:
        yield origin


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def _watched_page(browser: Any, origin: str, *, javascript: bool = True) -> tuple[Any, list[str]]:
    """A page that records console errors and blocks (and records) requests to other hosts.

    Reduced motion: axe then measures colours at rest, not halfway through a button's
    hover transition (a loaded machine caught one mid-way and read a false contrast failure).
    """
    context = browser.new_context(java_script_enabled=javascript, reduced_motion="reduce")
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith(origin + "/") or url.startswith("data:") or url.startswith("blob:"):
            request_route.continue_()
        else:
            problems.append(f"request to another host: {url}")
            request_route.abort()

    page.route("**/*", route)
    return page, problems


@pytest.mark.parametrize("site", ["mini", "default", "default-fr"])
def test_every_page_loads_cleanly_and_locally(sites: dict[str, Path], server: str, browser: Any,
                                              site: str) -> None:
    root = sites[site]
    page, problems = _watched_page(browser, server)
    pages = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html") if p.name != "404.html")
    assert len(pages) >= 19
    for name in pages:
        response = page.goto(f"{server}/{_served(root)}/{name}", wait_until="load")
        assert response is not None and response.ok, name
        page.wait_for_timeout(50)
        for problem in problems:
            pytest.fail(f"{site}/{name}: {problem}")
    page.context.close()


def _kinds(site: str, root: Path) -> dict[str, str]:
    case = "oncology" if site == "mini" else "case-1-mental-health"
    tool = "preparation-checklist" if site == "mini" else "pa-preparation-checklist"
    path = "patient-advisors" if site == "mini" else "top-managers-path"
    module = "welcome" if site == "mini" else "case-1-what-would-you-do"
    session = "team-kickoff" if site == "mini" else "qi-team-before-pa-joins"
    out = {kind: p.format(case=case, tool=tool, path=path, module=module, session=session)
           for kind, p in KINDS.items()}
    return {kind: path for kind, path in out.items() if (root / path).is_file()}


@pytest.mark.parametrize("site", ["mini", "default", "default-fr"])
def test_axe_finds_no_serious_violation(sites: dict[str, Path], server: str, browser: Any, site: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    root = sites[site]
    page, problems = _watched_page(browser, server)
    failures = []
    kinds = _kinds(site, root)
    assert len(kinds) == len(KINDS), set(KINDS) - set(kinds)
    for kind, name in kinds.items():
        page.goto(f"{server}/{_served(root)}/{name}", wait_until="load")
        results = axe.run(page)
        for violation in results.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [node["target"] for node in violation["nodes"]][:3]
                failures.append(f"{kind} ({name}): {violation['id']} [{violation['impact']}] "
                                f"{violation['help']} at {targets}")
    page.context.close()
    assert not problems
    assert failures == []


def test_filters_narrow_the_list_and_read_the_address(sites: dict[str, Path], server: str,
                                                      browser: Any) -> None:
    root = sites["default"]
    page, problems = _watched_page(browser, server)
    page.goto(f"{server}/{_served(root)}/practices/index.html", wait_until="load")
    total = page.locator("[data-pk-item]").count()
    assert total > 10
    assert page.locator("form[data-pk-filter]").is_visible()
    page.select_option("select[name=level]", "top")
    visible = page.locator("[data-pk-item]:visible").count()
    assert 0 < visible < total
    assert page.locator("[data-pk-status]").inner_text() == f"{visible} of {total} shown"
    page.goto(f"{server}/{_served(root)}/practices/index.html?level=top", wait_until="load")
    assert page.locator("[data-pk-item]:visible").count() == visible
    page.click("form[data-pk-filter] button[type=reset]")
    page.wait_for_timeout(50)
    assert page.locator("[data-pk-item]:visible").count() == total
    page.context.close()
    assert not problems


def test_lists_are_readable_without_javascript(sites: dict[str, Path], server: str, browser: Any) -> None:
    root = sites["default"]
    page, problems = _watched_page(browser, server, javascript=False)
    page.goto(f"{server}/{_served(root)}/practices/index.html", wait_until="load")
    assert page.locator("[data-pk-item]:visible").count() == page.locator("[data-pk-item]").count() > 10
    assert not page.locator("form[data-pk-filter]").is_visible()
    page.context.close()
    assert not problems


def test_abbreviation_expands_on_hover(sites: dict[str, Path], server: str, browser: Any) -> None:
    root = sites["mini"]
    page, _ = _watched_page(browser, server)
    page.goto(f"{server}/{_served(root)}/roles/patient-advisor.html", wait_until="load")
    abbr = page.locator("abbr[title]").first
    assert abbr.get_attribute("title") == "Quality improvement"
    page.context.close()


def test_search_works_from_disk_without_outside_requests(sites: dict[str, Path], browser: Any) -> None:
    root = sites["default"]
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: None if r.url.startswith("file://") else problems.append(r.url))
    page.goto((root / "practices" / "index.html").as_uri(), wait_until="load")
    page.keyboard.press("s")
    page.locator("input.md-search__input").press_sequentially("coach", delay=20)
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 0", timeout=10_000)
    assert "matching" in page.locator(".md-search-result__meta").inner_text()
    context.close()
    assert problems == []


# Self-paced training (issue 6): checks, "mark as done", progress, the completion summary.
MODULE = "training/modules/pcp-and-five-step-process.html"
PATH = "training/paths/top-managers-path.html"
ONE_DONE = "1 of 6 modules done · 20 of 135\u00a0min"  # the top-level managers' path, first module done
SUMMARY = "training/summary.html"


def _choices(check: Any) -> list[bool]:
    """Which choices of a check are right, read from the page (the no-JS list holds it)."""
    items = check.locator(".pk-choices > li")
    return [items.nth(i).get_attribute("data-pk-correct") == "true" for i in range(items.count())]


def _answer(check: Any, picks: list[int]) -> str:
    for i in picks:
        check.locator(".pk-quiz label").nth(i).click()
    check.locator("[data-pk-submit]").click()
    return str(check.locator("[data-pk-feedback]").inner_text())


def _axe_serious(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def test_training_checks_progress_summary_and_reset(sites: dict[str, Path], server: str, browser: Any,
                                                     tmp_path: Path) -> None:
    import json

    base = f"{server}/{_served(sites['default'])}"
    page, problems = _watched_page(browser, server)
    page.goto(f"{base}/{MODULE}", wait_until="load")
    # Objectives and duration come first; the readable list gives way to the form.
    facts = page.locator("dl.pk-facts").first
    assert "Duration" in facts.inner_text() and "20 min" in facts.inner_text()
    assert page.locator("h2").first.inner_text() == "Objectives"
    single, multiple = page.locator('[data-pk-kind="single"]').first, page.locator('[data-pk-kind="multiple"]').first
    assert single.locator(".pk-quiz").is_visible() and not single.locator(".pk-choices").is_visible()
    assert single.locator("input[type=radio]").count() >= 2
    assert multiple.locator("input[type=checkbox]").count() >= 2

    # Nothing chosen: asked to choose. A wrong answer: told so, with the feedback for it.
    single.locator("[data-pk-submit]").click()
    assert single.locator("[data-pk-feedback]").inner_text() == "Choose an answer first."
    right = _choices(single)
    wrong = right.index(False)
    feedback = _answer(single, [wrong])
    assert feedback.startswith("✗ Not quite.") or feedback.startswith("Not quite."), feedback
    assert "You chose: " + single.locator(".pk-quiz label").nth(wrong).inner_text() in feedback
    expected = single.locator(".pk-choices > li").nth(wrong).locator(".pk-feedback-text").text_content()
    assert " ".join(expected.split())[:40] in " ".join(feedback.split())
    assert single.locator("[data-pk-feedback]").get_attribute("aria-live") == "polite"
    retry = single.locator("[data-pk-retry]")
    assert retry.is_visible() and retry.evaluate("el => el === document.activeElement")
    assert single.locator(".pk-quiz input").first.is_disabled()
    # Try again, right this time.
    retry.click()
    assert single.locator("[data-pk-feedback]").inner_text() == ""
    assert "Right." in _answer(single, [right.index(True)])
    # Multiple choice: every right answer, first time.
    picks = [i for i, ok in enumerate(_choices(multiple)) if ok]
    assert "Right: you chose every right answer" in _answer(multiple, picks)
    assert _axe_serious(page) == []

    # Mark as done; the mark survives a reload.
    page.click("[data-pk-mark-done]")
    assert page.locator("[data-pk-module-status]").inner_text().startswith("Done on ")
    page.reload(wait_until="load")
    assert page.locator("[data-pk-module-status]").inner_text().startswith("Done on ")
    assert page.locator("[data-pk-mark-done]").inner_text() == "Mark as not done"
    top = page.locator("dl.pk-facts [data-pk-status-of]")  # the status is also up front
    assert top.is_visible() and top.inner_text().startswith("Done on ")

    # Progress on the path page and on the home page.
    page.goto(f"{base}/{PATH}", wait_until="load")
    assert page.locator(".pk-progress [data-pk-progress-text]").inner_text() == ONE_DONE
    assert page.locator('[data-pk-step="pcp-and-five-step-process"] .pk-step-done').is_visible()
    assert page.locator('[data-pk-step="designing-partnership"] .pk-step-done').is_hidden()
    assert page.locator(".pk-progress [data-pk-next]:visible").inner_text().startswith("Next: Designing")
    page.goto(f"{base}/index.html", wait_until="load")
    card = page.locator("#audience-top-managers .pk-progress")
    assert card.locator("[data-pk-progress-text]").inner_text() == ONE_DONE
    assert card.locator("progress").evaluate("el => el.value") == 1

    # The summary lists the module with its date and scores, and exports them.
    page.goto(f"{base}/{SUMMARY}", wait_until="load")
    row = page.locator('[data-pk-row="pcp-and-five-step-process"]')
    assert row.is_visible() and page.locator("[data-pk-row]:visible").count() == 1
    cells = row.locator("td")
    assert cells.nth(2).inner_text() == "1 of 4 (2 answered)" and cells.nth(3).inner_text() == "2 of 4 (2 answered)"
    assert page.locator("[data-pk-summary-total]").inner_text() == "Total: 1 module done, 20 min."
    page.fill("[data-pk-learner]", "Alex Manager")
    with page.expect_download() as text_download:
        page.click('[data-pk-download="text"]')
    text = Path(text_download.value.path()).read_text(encoding="utf-8")
    assert text_download.value.suggested_filename.startswith("training-summary-")
    assert "Name: Alex Manager" in text
    assert ("Partners in Care: the program, the four families of practice and the five-step process"
            in text), text
    assert "First try: 1 of 4 (2 answered)" in text and "Latest: 2 of 4 (2 answered)" in text
    assert "Top-level managers: set the vision and the structure: 1 of 6 modules done" in text
    with page.expect_download() as json_download:
        page.click('[data-pk-download="json"]')
    data = json.loads(Path(json_download.value.path()).read_text(encoding="utf-8"))
    [module] = data["modules"]
    assert (module["id"], module["first_try"], module["latest"], module["checks"]) == \
        ("pcp-and-five-step-process", 1, 2, 4)
    assert module["done"] == data["made"]
    assert _axe_serious(page) == []

    # Reset asks first: cancelling keeps everything; accepting erases it.
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("[data-pk-reset]")
    assert row.is_visible()
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-pk-reset]")
    assert page.locator("[data-pk-summary-status]").inner_text() == "Your progress has been erased."
    assert row.is_hidden() and page.locator("[data-pk-summary-empty]").is_visible()
    page.goto(f"{base}/{PATH}", wait_until="load")
    assert page.locator(".pk-progress [data-pk-progress-text]").inner_text().startswith("0 of 6 modules done")
    page.context.close()
    assert problems == []


def test_training_pages_without_javascript(sites: dict[str, Path], server: str, browser: Any) -> None:
    base = f"{server}/{_served(sites['default'])}"
    page, problems = _watched_page(browser, server, javascript=False)
    page.goto(f"{base}/{MODULE}", wait_until="load")
    check = page.locator("[data-pk-check]").first
    assert check.locator(".pk-choices").is_visible() and check.locator(".pk-quiz").is_hidden()
    check.locator("details.pk-choice summary").first.click()
    assert check.locator("details.pk-choice .pk-verdict").first.is_visible()
    assert page.locator("[data-pk-module]").is_hidden()
    assert "JavaScript" in page.locator("[data-pk-nojs]").inner_text()
    page.goto(f"{base}/{PATH}", wait_until="load")
    assert page.locator(".pk-progress").is_hidden()
    page.goto(f"{base}/{SUMMARY}", wait_until="load")
    assert page.locator("[data-pk-nojs]").is_visible() and page.locator("[data-pk-summary]").is_hidden()
    page.context.close()
    assert problems == []


def test_training_works_when_local_storage_is_refused(sites: dict[str, Path], server: str,
                                                      browser: Any) -> None:
    base = f"{server}/{_served(sites['default'])}"
    page, problems = _watched_page(browser, server)
    page.add_init_script("Object.defineProperty(window, 'localStorage', "
                         "{get() { throw new DOMException('denied', 'SecurityError'); }});")
    page.goto(f"{base}/{MODULE}", wait_until="load")
    assert page.locator("[data-pk-storage-off]").is_visible()
    check = page.locator('[data-pk-kind="single"]').first
    assert "Right." in _answer(check, [_choices(check).index(True)])
    page.click("[data-pk-mark-done]")
    assert page.locator("[data-pk-module-status]").inner_text().startswith("Done on ")
    page.context.close()
    assert problems == []


def test_training_progress_is_kept_per_site(sites: dict[str, Path], server: str, browser: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}/{_served(sites['mini'])}/training/modules/welcome.html", wait_until="load")
    page.click("[data-pk-mark-done]")
    keys = page.evaluate("Object.keys(window.localStorage)")
    assert keys == ["partnerkit:site:training"]  # the fixture sets no id: the documented default
    page.goto(f"{server}/{_served(sites['default'])}/{SUMMARY}", wait_until="load")
    assert page.locator("[data-pk-row]:visible").count() == 0  # same origin, another site: its own key
    context.close()


def test_progress_under_the_title_key_moves_to_the_site_id_key(sites: dict[str, Path], server: str,
                                                               browser: Any) -> None:
    # Progress an earlier version kept under the key named by the title ("Partnering with
    # patients (test)") is read once, written under the key named by the site id, and removed.
    old, new = "partnerkit:partnering-with-patients-test:training", "partnerkit:site:training"
    kept = {"version": 1, "modules": {"welcome": {"done": "2025-03-04T10:00:00.000Z", "checks": {}}}}
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}/{_served(sites['mini'])}/glossary.html", wait_until="load")  # no training script here
    page.evaluate("([key, value]) => window.localStorage.setItem(key, JSON.stringify(value))", [old, kept])
    page.goto(f"{server}/{_served(sites['mini'])}/training/paths/patient-advisors.html", wait_until="load")
    assert page.locator(".pk-progress [data-pk-progress-text]").inner_text().startswith("1 of 1 modules done")
    stored = page.evaluate("Object.fromEntries(Object.entries(window.localStorage))")
    assert list(stored) == [new]
    assert json.loads(stored[new])["modules"]["welcome"]["done"] == "2025-03-04T10:00:00.000Z"
    page.goto(f"{server}/{_served(sites['mini'])}/training/modules/welcome.html", wait_until="load")
    assert page.locator("[data-pk-module-status]").inner_text().startswith("Done on ")
    context.close()
