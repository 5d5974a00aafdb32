"""The built site in headless Chromium (Debian's package): every page loads with no console
error and no request to another host; axe-core finds no serious or critical violation on
one page of each kind; filters work with JavaScript and lists stay readable without it.

Run with `pytest -m browser`. Chromium comes from /usr/bin/chromium (never `playwright install`).
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
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    base = tmp_path_factory.mktemp("browser")
    built = {}
    for name, project in (("mini", site_project(base / "mini")), ("default", ROOT)):
        result = build_site(project, base / f"{name}-site")
        assert result.returncode == 0, result.stderr
        built[name] = base / f"{name}-site"
    return built


@pytest.fixture(scope="module")
def server(sites: dict[str, Path]) -> Iterator[str]:
    root = next(iter(sites.values())).parent
    handler = functools.partial(_Quiet, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def _watched_page(browser: Any, origin: str, *, javascript: bool = True) -> tuple[Any, list[str]]:
    """A page that records console errors and blocks (and records) requests to other hosts."""
    context = browser.new_context(java_script_enabled=javascript)
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


@pytest.mark.parametrize("site", ["mini", "default"])
def test_every_page_loads_cleanly_and_locally(sites: dict[str, Path], server: str, browser: Any,
                                              site: str) -> None:
    root = sites[site]
    page, problems = _watched_page(browser, server)
    pages = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html") if p.name != "404.html")
    assert len(pages) >= 19
    for name in pages:
        response = page.goto(f"{server}/{root.name}/{name}", wait_until="load")
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
    out = {kind: p.format(case=case, tool=tool, path=path, module=module) for kind, p in KINDS.items()}
    return {kind: path for kind, path in out.items() if (root / path).is_file()}


@pytest.mark.parametrize("site", ["mini", "default"])
def test_axe_finds_no_serious_violation(sites: dict[str, Path], server: str, browser: Any, site: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    root = sites[site]
    page, problems = _watched_page(browser, server)
    failures = []
    kinds = _kinds(site, root)
    assert len(kinds) == len(KINDS), set(KINDS) - set(kinds)
    for kind, name in kinds.items():
        page.goto(f"{server}/{root.name}/{name}", wait_until="load")
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
    page.goto(f"{server}/{root.name}/practices/index.html", wait_until="load")
    total = page.locator("[data-pk-item]").count()
    assert total > 10
    assert page.locator("form[data-pk-filter]").is_visible()
    page.select_option("select[name=level]", "top")
    visible = page.locator("[data-pk-item]:visible").count()
    assert 0 < visible < total
    assert page.locator("[data-pk-status]").inner_text() == f"{visible} of {total} shown"
    page.goto(f"{server}/{root.name}/practices/index.html?level=top", wait_until="load")
    assert page.locator("[data-pk-item]:visible").count() == visible
    page.click("form[data-pk-filter] button[type=reset]")
    page.wait_for_timeout(50)
    assert page.locator("[data-pk-item]:visible").count() == total
    page.context.close()
    assert not problems


def test_lists_are_readable_without_javascript(sites: dict[str, Path], server: str, browser: Any) -> None:
    root = sites["default"]
    page, problems = _watched_page(browser, server, javascript=False)
    page.goto(f"{server}/{root.name}/practices/index.html", wait_until="load")
    assert page.locator("[data-pk-item]:visible").count() == page.locator("[data-pk-item]").count() > 10
    assert not page.locator("form[data-pk-filter]").is_visible()
    page.context.close()
    assert not problems


def test_abbreviation_expands_on_hover(sites: dict[str, Path], server: str, browser: Any) -> None:
    root = sites["mini"]
    page, _ = _watched_page(browser, server)
    page.goto(f"{server}/{root.name}/roles/patient-advisor.html", wait_until="load")
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
