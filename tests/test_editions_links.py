"""What joins the editions of a site built once per language, without MkDocs: the links
from a page to the same page in the other languages, and the root pages (chooser, 404,
sitemap index), their texts escaped.
"""

from __future__ import annotations

import dataclasses
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_site_support import ROOT

from generator.app.editions import edition_languages, workers
from generator.model.content import Content
from generator.model.text import LocalizedText
from generator.pipeline import load_content
from generator.render.site import editions as ed

PEDIATRIC = ROOT / "tests" / "fixtures" / "pediatric-fr"


@pytest.fixture(scope="module")
def content() -> Content:
    loaded = load_content(PEDIATRIC)
    assert loaded.content is not None, loaded.issues
    return loaded.content


@pytest.mark.parametrize(("page_url", "expected"), [
    ("index.html", "../fr/index.html"),
    ("", "../fr/"),
    ("practices/x.html", "../../fr/practices/x.html"),
    ("practices/x/", "../../../fr/practices/x/"),
    ("training/modules/a.html", "../../../fr/training/modules/a.html"),
])
def test_the_same_page_in_another_edition_is_a_relative_link(page_url: str, expected: str) -> None:
    assert ed.same_page(page_url, "fr") == expected


def test_alternates_name_each_edition_in_its_own_language(content: Content) -> None:
    editions = ed.editions_of(content)
    assert [(e.lang, e.name, e.title) for e in editions] == [
        ("fr", "français", "Partenariat avec les familles"), ("en", "English", "Partnering with families")]
    alternates = ed.page_alternates(editions, "en", "practices/x.html", None)
    assert [(a.lang, a.href, a.url, a.current) for a in alternates] == [
        ("fr", "../../fr/practices/x.html", None, False), ("en", "../../en/practices/x.html", None, True)]
    absolute = ed.page_alternates(editions, "en", "practices/x.html", "https://example.org/training/")
    assert [a.url for a in absolute] == ["https://example.org/training/fr/practices/x.html",
                                         "https://example.org/training/en/practices/x.html"]


def test_error_pages_link_each_home_from_the_root(content: Content) -> None:
    editions = ed.editions_of(content)
    assert [a.href for a in ed.error_page_alternates(editions, "fr", None)] == ["/fr/", "/en/"]
    assert [a.href for a in ed.error_page_alternates(editions, "fr", "https://example.org/t/")] == ["/t/fr/", "/t/en/"]


def test_a_project_may_rename_a_language(content: Content) -> None:
    renamed = dataclasses.replace(content, messages={"fr": {"lang_fr": "Français"}})
    assert [e.name for e in ed.editions_of(renamed)] == ["Français", "English"]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a":
            self.links.append(found)
        for name in ("src", "href"):
            value = found.get(name) or ""
            if tag != "a" and value:
                self.external.append(value)


def test_the_chooser_lists_each_edition_and_loads_nothing(content: Content) -> None:
    html = ed.chooser_html(content, ed.editions_of(content))
    parsed = _Links()
    parsed.feed(html)
    assert [(a["href"], a["hreflang"], a["lang"]) for a in parsed.links] == [
        ("fr/index.html", "fr", "fr"), ("en/index.html", "en", "en")]
    assert parsed.external == []  # no stylesheet, script or image to fetch
    assert '<html lang="fr">' in html and "Choisissez votre langue" in html and "Choose your language" in html
    assert 'var codes = ["fr", "en"];' in html


def test_root_pages_escape_the_titles(content: Content) -> None:
    payload = "</script><script>alert(1)</script>&"
    site = content.site.model_copy(update={"title": LocalizedText({"fr": payload, "en": "Plain"})})
    hostile = dataclasses.replace(content, site=site)
    editions = ed.editions_of(hostile)
    for html in (ed.chooser_html(hostile, editions), ed.not_found_html(hostile, editions, None)):
        assert "<script>alert(1)" not in html
        assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;" in html


def test_the_root_404_links_absolute_with_a_site_url_and_relative_without(content: Content) -> None:
    editions = ed.editions_of(content)
    with_url, without = _Links(), _Links()
    with_url.feed(ed.not_found_html(content, editions, "https://example.org/t/"))
    without.feed(ed.not_found_html(content, editions, None))
    assert [a["href"] for a in with_url.links] == ["https://example.org/t/fr/", "https://example.org/t/en/"]
    assert [a["href"] for a in without.links] == ["fr/index.html", "en/index.html"]
    files = ed.root_files(content, editions, None)
    assert sorted(files) == ["404.html", "index.html"]  # no sitemap index without a site_url
    index = ed.root_files(content, editions, "https://example.org/t/")["sitemap.xml"]
    assert "<loc>https://example.org/t/fr/sitemap.xml</loc>" in index and "<sitemapindex" in index


def test_editions_are_built_for_two_languages_unless_one_is_asked(content: Content, tmp_path: Path) -> None:
    assert edition_languages(content, None) == ("fr", "en")
    assert edition_languages(content, "en") == ()
    project = tmp_path / "one"
    shutil.copytree(PEDIATRIC, project)
    site_yaml = project / "content/site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace("languages: [fr, en]", "languages: [fr]"),
                         encoding="utf-8")
    one = load_content(project).content
    assert one is not None and edition_languages(one, None) == ()


def test_editions_at_once_are_capped_by_languages_and_jobs() -> None:
    assert workers(2, None) <= 2
    assert workers(2, 1) == 1
    assert workers(1, None) == 1
    assert workers(5, 3) <= 3
