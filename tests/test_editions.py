"""A site in two languages is built once per language: real `partnerkit build --strict` runs.

tests/fixtures/pediatric-fr (`languages: [fr, en]`) builds into `site/fr/` and `site/en/`
with the same pages, each with its own language, search and 404 page, a switcher on every
page to the same page in the other language, and at the root a chooser and a 404 page;
with a site_url, hreflang links in every head and sitemap and a sitemap index. `--lang`
builds one language at the root, as before; a failing edition leaves the previous site.
Each project is built once per module; what a browser does is in test_editions_browser.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from test_site_support import ROOT, broken_links, build_site, site_project

FIXTURE = ROOT / "tests" / "fixtures" / "pediatric-fr"
LANGUAGES = ("fr", "en")
NAMES = {"fr": "français", "en": "English"}
TITLES = {"fr": "Partenariat avec les familles", "en": "Partnering with families"}
SITE_URL = "https://training.example.org/families/"
PRACTICE = "practices/preparer-les-parents.html"


def copy_fixture(target: Path) -> Path:
    """A writable copy of the bilingual fixture."""
    shutil.copytree(FIXTURE, target)
    return target


def set_in_mkdocs_yml(project: Path, old: str, new: str) -> None:
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "generator.adapters.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, check=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    base = tmp_path_factory.mktemp("editions")
    project = copy_fixture(base / "project")
    result = build_site(project, base / "site")
    return base / "site", result


@pytest.fixture(scope="module")
def site(built: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    folder, result = built
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture(scope="module")
def site_with_url(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture with a site_url and directory URLs (pages as practices/x/; the offline
    plugin, which would turn them off, is left out)."""
    base = tmp_path_factory.mktemp("editions-url")
    project = copy_fixture(base / "project")
    set_in_mkdocs_yml(project, "site_dir: site\n", f"site_dir: site\nsite_url: {SITE_URL}\n")
    set_in_mkdocs_yml(project, "use_directory_urls: false", "use_directory_urls: true")
    set_in_mkdocs_yml(project, "  - offline ", "  # - offline ")
    result = build_site(project, base / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return base / "site"


class _Page(HTMLParser):
    """What a test reads of a built page: its language, its head links, its switcher."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.head_alternates: list[dict[str, str]] = []
        self.canonical = ""
        self.switch: list[dict[str, str]] = []
        self._in_switch: dict[str, str] | None = None
        self.has_header = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        classes = found.get("class", "").split()
        if tag == "html":
            self.lang = found.get("lang", "")
        elif tag == "header" and "md-header" in classes:
            self.has_header = True
        elif tag == "link" and found.get("rel") == "alternate" and "hreflang" in found:
            self.head_alternates.append(found)
        elif tag == "link" and found.get("rel") == "canonical":
            self.canonical = found["href"]
        elif tag == "a" and "pk-edition" in classes:
            self._in_switch = {**found, "text": ""}
            self.switch.append(self._in_switch)

    def handle_data(self, data: str) -> None:
        if self._in_switch is not None:
            self._in_switch["text"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._in_switch is not None:
            self._in_switch["text"] = " ".join(self._in_switch["text"].split())
            self._in_switch = None


def read_page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def material_pages(edition: Path) -> list[str]:
    """Every page MkDocs wrote in an edition (Material's pages, not the HTML decks), but 404.html."""
    return sorted(p.relative_to(edition).as_posix() for p in edition.rglob("*.html")
                  if p.name != "404.html" and read_page(p).has_header)


def test_both_editions_build_strict_with_the_same_pages(built: tuple[Path, subprocess.CompletedProcess[str]],
                                                       site: Path) -> None:
    _, result = built
    assert "WARNING" not in result.stderr, result.stderr
    assert "one per language: fr/, en/" in result.stdout
    assert sorted(p.name for p in site.iterdir()) == [".partnerkit-output", "404.html", "en", "fr", "index.html"]
    pages = {lang: material_pages(site / lang) for lang in LANGUAGES}
    assert len(pages["fr"]) >= 25 and pages["fr"] == pages["en"]
    assert broken_links(site) == []
    for lang in LANGUAGES:
        assert (site / lang / "404.html").is_file()
        assert (site / lang / "downloads.html").is_file()


def test_each_edition_speaks_its_language(site: Path) -> None:
    placeholders = {"fr": "Rechercher", "en": "Search"}
    for lang in LANGUAGES:
        home = (site / lang / "index.html").read_text(encoding="utf-8")
        assert read_page(site / lang / "index.html").lang == lang
        assert f'placeholder="{placeholders[lang]}"' in home
        assert f"<title>{TITLES[lang]} - {TITLES[lang]}</title>" in home
        index = json.loads((site / lang / "search/search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang]
    # French splits words at apostrophes too: "enfant" finds "l'enfant".
    french = json.loads((site / "fr/search/search_index.json").read_text(encoding="utf-8"))
    assert "'" in french["config"]["separator"] and "’" in french["config"]["separator"]
    # Each edition's 404 page finds its styles one folder down (no site_url: from the server's root).
    not_found = (site / "en/404.html").read_text(encoding="utf-8")
    assert 'href="/en/assets/stylesheets/main.' in not_found and 'href="/fr/" hreflang="fr"' in not_found


def test_every_page_links_the_same_page_in_the_other_language(site: Path) -> None:
    for lang in LANGUAGES:
        edition = site / lang
        other = next(code for code in LANGUAGES if code != lang)
        for name in material_pages(edition):
            page = read_page(edition / name)
            assert [(a["hreflang"], a["lang"], a["text"]) for a in page.switch] == [(other, other, NAMES[other])], name
            target = ((edition / name).parent / page.switch[0]["href"]).resolve()
            assert target == (site / other / name).resolve() and target.is_file(), name


def test_without_a_site_url_no_head_alternates_and_no_sitemap_index(site: Path) -> None:
    for lang in LANGUAGES:
        for name in material_pages(site / lang):
            assert read_page(site / lang / name).head_alternates == [], name
        assert "xhtml:link" not in (site / lang / "sitemap.xml").read_text(encoding="utf-8")
    assert not (site / "sitemap.xml").exists()


def test_the_chooser_lists_each_edition_by_its_title(site: Path) -> None:
    chooser = (site / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)" lang="([a-z]+)"><span class="title">([^<]+)</span> '
                       r'<span class="name">([^<]+)</span></a>', chooser)
    assert links == [(f"{lang}/index.html", lang, lang, TITLES[lang], NAMES[lang]) for lang in LANGUAGES]
    assert '<span lang="fr">Choisissez votre langue</span><span lang="en">Choose your language</span>' in chooser
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert '<span lang="fr">Page introuvable</span><span lang="en">Page not found</span>' in not_found
    assert 'href="fr/index.html" hreflang="fr" lang="fr"' in not_found


def test_with_a_site_url_hreflang_in_every_head_and_sitemap(site_with_url: Path) -> None:
    site = site_with_url
    root = {lang: f"{SITE_URL}{lang}/" for lang in LANGUAGES}
    for lang in LANGUAGES:
        pages = [p.relative_to(site / lang).as_posix() for p in (site / lang).rglob("index.html")
                 if read_page(p).has_header]
        assert len(pages) >= 25
        for name in pages:
            page = read_page(site / lang / name)
            url = name.removesuffix("index.html")
            assert page.canonical == f"{root[lang]}{url}", name
            assert [(a["hreflang"], a["href"]) for a in page.head_alternates] == [
                ("fr", f"{root['fr']}{url}"), ("en", f"{root['en']}{url}"), ("x-default", SITE_URL)], name
            # The switcher stays relative: from en/practices/x/ to ../../../fr/practices/x/.
            [switch] = page.switch
            assert not urlsplit(switch["href"]).scheme
            other = "en" if lang == "fr" else "fr"
            assert ((site / lang / name).parent / switch["href"] / "index.html").resolve() == \
                (site / other / name).resolve()
        sitemap = (site / lang / "sitemap.xml").read_text(encoding="utf-8")
        assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in sitemap
        entry = sitemap.split(f"<loc>{root[lang]}practices/preparer-les-parents/</loc>", 1)[1].split("</url>", 1)[0]
        links = re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>', entry)
        assert links == [("fr", f"{root['fr']}practices/preparer-les-parents/"),
                         ("en", f"{root['en']}practices/preparer-les-parents/"), ("x-default", SITE_URL)]
        assert sitemap.count("<url>") == sitemap.count('hreflang="x-default"') >= 25
    index = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert re.findall(r"<loc>([^<]+)</loc>", index) == [f"{root[lang]}sitemap.xml" for lang in LANGUAGES]
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert f'href="{root["fr"]}" hreflang="fr"' in not_found
    assert 'href="/families/en/assets/stylesheets/main.' in (site / "en/404.html").read_text(encoding="utf-8")


def test_lang_builds_one_language_at_the_root_as_before(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "project")
    result = _cli("build", "--project", str(project), "--no-pdf", "--strict", "--lang", "en",
                  "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert not (site / "fr").exists() and not (site / "en").exists()
    page = read_page(site / PRACTICE)
    assert page.lang == "en" and page.switch == [] and page.head_alternates == []
    assert "pk-editions" not in (site / PRACTICE).read_text(encoding="utf-8")


def test_markdown_out_writes_a_tree_per_language(tmp_path: Path) -> None:
    out = tmp_path / "md"
    result = _cli("build", "--project", str(FIXTURE), "--out", str(out))
    assert result.returncode == 0, result.stderr
    for lang in LANGUAGES:
        assert (out / lang / "nav.yml").is_file() and (out / lang / PRACTICE.replace(".html", ".md")).is_file()
        assert TITLES[lang] in (out / lang / "index.md").read_text(encoding="utf-8")
    assert result.stdout.count(" pages (") == 2


def test_one_at_a_time_builds_the_same_site(site: Path, tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "project")
    result = _cli("build", "--project", str(project), "--no-pdf", "--strict", "--jobs", "1",
                  "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr

    def files(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    parallel, sequential = files(site), files(tmp_path / "site")
    assert sorted(parallel) == sorted(sequential)
    assert [name for name in parallel if parallel[name] != sequential[name]] == []


FAILING_TEMPLATE = """{% extends "base.md" %}
{% block body %}
{% if ctx.lang == "en" %}{{ ctx.no_such_helper() }}{% endif %}
{% endblock %}
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_failing_edition_leaves_the_previous_site(tmp_path: Path, jobs: str) -> None:
    project = copy_fixture(tmp_path / "project")
    site = tmp_path / "site"
    first = build_site(project, site)
    assert first.returncode == 0, first.stderr
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (project / "templates").mkdir()
    (project / "templates/about.md").write_text(FAILING_TEMPLATE, encoding="utf-8")
    result = _cli("build", "--project", str(project), "--no-pdf", "--strict", "--jobs", jobs,
                  "--site-dir", str(site))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "templates/about.md:3:" in result.stderr and "no_such_helper" in result.stderr, result.stderr
    after = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == []  # no staging left behind


def test_a_site_in_one_language_has_no_chooser_and_no_switcher(tmp_path: Path) -> None:
    project = site_project(tmp_path / "project")  # tests/fixtures/mini: `languages: [en]`
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "index.html").is_file() and not (site / "en").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "pk-editions" not in home and 'class="editions"' not in home
    assert read_page(site / "index.html").head_alternates == []


def test_mkdocs_yml_may_set_its_own_alternates(tmp_path: Path) -> None:
    project = copy_fixture(tmp_path / "project")
    own = "\nextra:\n  alternate:\n    - {name: Ailleurs, link: /ailleurs/, lang: fr}\n"
    set_in_mkdocs_yml(project, "\nplugins:", f"{own}\nplugins:")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/en" / PRACTICE).read_text(encoding="utf-8")
    assert "pk-editions" not in page
    assert '<a href="/ailleurs/" hreflang="fr" class="md-select__link">' in page  # Material's own selector


def test_a_build_after_the_editions_in_the_same_process_has_no_switcher(tmp_path: Path) -> None:
    # MkDocs keeps the plugin from one build to the next in a process: nothing of the editions may stay.
    from generator.adapters.mkdocs_engine import MkDocsEngine
    from generator.app.build import build
    from generator.app.options import Options

    class Quiet:
        def issue(self, issue: object) -> None:
            pass

        def warning(self, message: str) -> None:
            pass

    project = copy_fixture(tmp_path / "project")
    build(Options(project=project, site_dir=tmp_path / "both", no_pdf=True, jobs=1), MkDocsEngine(), Quiet())
    assert 'hreflang="en"' in (tmp_path / "both" / "fr" / "index.html").read_text(encoding="utf-8")
    build(Options(project=project, site_dir=tmp_path / "one", no_pdf=True, lang="fr"), MkDocsEngine(), Quiet())
    assert "hreflang" not in (tmp_path / "one" / "index.html").read_text(encoding="utf-8")
