"""A site built once per language in headless Chromium (Debian's package): the chooser sends
a French browser to the French site and an English one to the English site (and lists
both without JavaScript), the switcher lands on the same page in the other language from
disk and under a sub-path of a web server, with the keyboard too, French search finds
another form of a word, and the root pages and the editions' pages pass axe-core with
no request to another host.

Run with `pytest -m browser`. The site is built once for the module.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_editions import LANGUAGES, NAMES, PRACTICE, copy_fixture
from test_site_browser import CHROMIUM, _axe_serious, _watched_page, chromium, serving
from test_site_support import build_site

pytestmark = pytest.mark.browser
# A word no page of the French site holds, whose stem (accompagn) begins words that some do (accompagner).
STEM_QUERY, STEM_WORD = "accompagnement", "accompagner"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    base = tmp_path_factory.mktemp("editions-browser")
    project = copy_fixture(base / "project")
    # Served from base/, the site lives under a sub-path: /intranet/training/.
    result = build_site(project, base / "intranet" / "training")
    assert result.returncode == 0, result.stderr
    return base / "intranet" / "training"


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    with serving(site.parent.parent) as origin:
        yield origin


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def _base(server: str) -> str:
    return f"{server}/intranet/training"


@pytest.mark.parametrize(("locale", "lands"), [("fr-CA", "fr"), ("en-US", "en"), ("de-DE", None)])
@pytest.mark.parametrize("where", ["disk", "server"])
def test_the_chooser_sends_each_browser_to_its_language(site: Path, server: str, browser: Any, locale: str,
                                                         lands: str | None, where: str) -> None:
    context = browser.new_context(locale=locale)
    page = context.new_page()
    start = (site / "index.html").as_uri() if where == "disk" else f"{_base(server)}/index.html"
    page.goto(start, wait_until="load")
    if lands is None:  # no edition in the browser's languages: the list stays
        page.wait_for_timeout(200)
        assert page.url == start
        assert page.locator(".editions a").count() == len(LANGUAGES)
    else:
        page.wait_for_url(f"**/{lands}/index.html")
        assert page.locator("html").get_attribute("lang") == lands
    context.close()


def test_the_chooser_lists_both_without_javascript(site: Path, browser: Any) -> None:
    context = browser.new_context(locale="fr-CA", java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "index.html").as_uri(), wait_until="load")
    links = page.locator(".editions a")
    assert [links.nth(i).get_attribute("hreflang") for i in range(links.count())] == list(LANGUAGES)
    with page.expect_navigation():
        links.nth(1).click()
    assert page.url.endswith("/en/index.html")
    context.close()


def _switch(page: Any, *, keyboard: bool = False) -> None:
    link = page.locator("a.pk-edition")
    assert link.count() == 1 and link.is_visible()
    with page.expect_navigation():
        if keyboard:
            link.focus()
            page.keyboard.press("Enter")
        else:
            link.click()


@pytest.mark.parametrize("where", ["disk", "server"])
def test_the_switcher_lands_on_the_same_page_in_the_other_language(site: Path, server: str, browser: Any,
                                                                    where: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    start = (site / "en" / PRACTICE).as_uri() if where == "disk" else f"{_base(server)}/en/{PRACTICE}"
    page.goto(start, wait_until="load")
    assert page.locator("a.pk-edition").inner_text().strip() == NAMES["fr"]
    _switch(page)
    assert page.url == start.replace("/en/", "/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("a.pk-edition").get_attribute("hreflang") == "en"
    _switch(page, keyboard=True)
    assert page.url == start
    context.close()


def test_the_switcher_is_reached_with_the_keyboard(site: Path, browser: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto((site / "fr" / "index.html").as_uri(), wait_until="load")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('pk-edition')"):
            break
    else:
        pytest.fail("Tab never reached the language switcher")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # the focus shows
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/en/index.html")
    context.close()


def _search(page: Any, query: str) -> list[str]:
    page.keyboard.press("s")
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    page.wait_for_function("document.querySelector('.md-search-result__meta') && "
                           "!/Initialisation|Initializing/.test(document.querySelector('.md-search-result__meta')"
                           ".textContent)", timeout=15_000)
    page.wait_for_timeout(300)
    items = page.locator(".md-search-result__item")
    return [items.nth(i).inner_text() for i in range(items.count())]


@pytest.mark.parametrize("where", ["disk", "server"])
def test_french_search_finds_another_form_of_a_word(site: Path, server: str, browser: Any, where: str) -> None:
    index = json.loads((site / "fr/search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]).lower()
    assert STEM_QUERY not in text and STEM_WORD in text  # only another form is on the pages
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    name = "fr/practices/index.html"
    start = (site / name).as_uri() if where == "disk" else f"{_base(server)}/{name}"
    page.goto(start, wait_until="load")
    found = _search(page, STEM_QUERY)
    assert found, "no result"
    assert any(STEM_WORD in item.lower() for item in found), found
    context.close()
    assert problems == []


def test_root_pages_and_edition_pages_pass_axe_and_stay_local(site: Path, server: str, browser: Any) -> None:
    page, problems = _watched_page(browser, server)
    # A browser in no language of the site, so that the chooser stays to be checked.
    page.add_init_script("Object.defineProperty(navigator, 'languages', {get: () => ['de']})")
    failures = []
    for name in ("index.html", "404.html", "fr/index.html", "en/index.html", f"fr/{PRACTICE}", f"en/{PRACTICE}",
                 "fr/training/summary.html"):
        page.goto(f"{_base(server)}/{name}", wait_until="load")
        failures += [f"{name}: {failure}" for failure in _axe_serious(page)]
    page.context.close()
    assert problems == []
    assert failures == []


def test_the_root_404_leads_to_each_edition_from_a_deep_address(site: Path, server: str, browser: Any) -> None:
    # A server that shows 404.html for any missing address: the links still reach each edition.
    page, problems = _watched_page(browser, server)
    html = (site / "404.html").read_text(encoding="utf-8")
    page.route(f"{_base(server)}/fr/no/such/page.html",
               lambda route: route.fulfill(status=404, body=html, content_type="text/html"))
    page.goto(f"{_base(server)}/fr/no/such/page.html", wait_until="load")
    links = page.locator(".editions a")
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
        f"/intranet/training/{lang}/index.html" for lang in LANGUAGES]
    with page.expect_navigation():
        links.nth(1).click()
    assert page.url == f"{_base(server)}/en/index.html"
    page.context.close()
    assert [p for p in problems if "status of 404" not in p] == []  # the 404 itself is logged
