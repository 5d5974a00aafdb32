"""Language editions: what joins the sites of a project built once per language.

With two or more languages in site.yaml, `partnerkit build` builds one site per language
into `<site>/<lang>/` with the same page names in each (`generator.app.editions` runs the
builds). This module says, as plain data and HTML and without MkDocs, what joins them:

- each edition: its language's own name ("English", "français", through Babel unless the
  project renames it in strings/) and the site's title in that language;
- the links from a page to the same page in every edition (`page_alternates`): relative,
  so the language switcher works from disk, under any sub-path and with or without a
  site_url; and absolute when the site_url is known, for the `hreflang` links of the
  page's head and of the sitemaps;
- the files at the root of the site: a chooser (`index.html`) that sends a visitor to the
  edition of their browser's language and lists every edition without JavaScript, a
  `404.html` that leads to each edition, and with a site_url a sitemap index.

The root pages request nothing (their CSS and script are inline) and escape every text
(Jinja's autoescape).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit
from xml.sax.saxutils import escape as xml_escape

from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from markupsafe import Markup

from generator.messages import message
from generator.model.content import Content
from generator.render.palette import palette

CHOOSER = "index.html"
NOT_FOUND = "404.html"
SITEMAP = "sitemap.xml"
X_DEFAULT = "x-default"  # the hreflang of the page for visitors whose language has no edition


@dataclass(frozen=True)
class Edition:
    """One language's site, as the chooser and the switcher name it."""

    lang: str
    name: str
    """The language's own name: 'English', 'français'."""
    title: str
    """The site's title in this language."""
    choose: str
    not_found: str
    not_found_lead: str

    @property
    def folder(self) -> str:
        """Where the edition is built, under the site folder."""
        return self.lang


@dataclass(frozen=True)
class Alternate:
    """The same page in one edition, seen from a page of another (or the same) edition."""

    lang: str
    name: str
    href: str
    """Relative to the page it is written on."""
    url: str | None
    """Absolute, when the site_url is known."""
    current: bool
    """The edition of the page itself."""


def editions_of(content: Content, languages: Sequence[str] | None = None) -> tuple[Edition, ...]:
    """The editions of `languages` (default: every language of site.yaml, the default first)."""
    overrides = content.messages
    default = content.default_language
    return tuple(
        Edition(lang=lang, name=message(lang, f"lang_{lang}", overrides),
                title=content.site.title.get(lang, default),
                choose=message(lang, "edition_choose", overrides),
                not_found=message(lang, "edition_not_found", overrides),
                not_found_lead=message(lang, "edition_not_found_lead", overrides))
        for lang in (languages if languages is not None else content.languages))


def edition_url(site_url: str, lang: str) -> str:
    """The site_url of an edition: `https://example.org/training/` -> `.../training/fr/`."""
    return f"{site_url.rstrip('/')}/{lang}/"


def same_page(page_url: str, lang: str) -> str:
    """The same page in edition `lang`, relative to the page: from `en/practices/x.html`
    (page URL `practices/x.html`), `../../fr/practices/x.html`. `page_url` is the page's
    URL in its edition, as MkDocs gives it ('' or 'index.html' for the home page,
    'practices/x/' with directory URLs)."""
    return "../" * (page_url.count("/") + 1) + f"{lang}/{page_url}"


def page_alternates(editions: Sequence[Edition], current: str, page_url: str,
                    site_url: str | None) -> tuple[Alternate, ...]:
    """Every edition's copy of the page at `page_url` of edition `current`."""
    return tuple(
        Alternate(lang=e.lang, name=e.name, href=same_page(page_url, e.lang),
                  url=f"{edition_url(site_url, e.lang)}{page_url}" if site_url else None,
                  current=e.lang == current)
        for e in editions)


def root_path(site_url: str | None) -> str:
    """The site's root as an absolute path, as MkDocs assumes it for error pages: the path
    of the site_url, else `/` (the site at the root of its server)."""
    path = urlsplit(site_url).path if site_url else "/"
    return path if path.endswith("/") else f"{path}/"


def error_page_alternates(editions: Sequence[Edition], current: str,
                          site_url: str | None) -> tuple[Alternate, ...]:
    """From an edition's 404 page (served at any depth, so its links are absolute): the
    home page of every edition."""
    return tuple(
        Alternate(lang=e.lang, name=e.name, href=f"{root_path(site_url)}{e.lang}/",
                  url=edition_url(site_url, e.lang) if site_url else None, current=e.lang == current)
        for e in editions)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("generator.render.site", "root"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def _template(name: str) -> Template:
    return _environment().get_template(name)


def _colours(content: Content) -> dict[str, str]:
    colours = palette(content.site.colours)
    return {"text": colours.primary_text, "fill": colours.primary, "on_fill": colours.on_primary,
            "pale": colours.paler}


def _codes(editions: Sequence[Edition]) -> Markup:
    # JSON inside <script>: '<', '>' and '&' as \u escapes, so no text closes the element.
    text = json.dumps([e.lang for e in editions])
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def chooser_html(content: Content, editions: Sequence[Edition]) -> str:
    """The root `index.html`: every edition's title and language, linked; a script sends
    the visitor to the first edition among the browser's languages."""
    return _template("chooser.html").render(
        editions=editions, first=editions[0], colours=_colours(content), codes=_codes(editions))


def not_found_html(content: Content, editions: Sequence[Edition], site_url: str | None) -> str:
    """The root `404.html`, in every edition's language, leading to each edition's home.

    A server shows it for a missing address at any depth, so relative links would not
    do. With a site_url the links are absolute; without one they are relative (right from
    disk and at the root), and a script finds the site's root from the address: the part
    before the first edition folder in it (`/intranet/training/fr/missing.html`)."""
    homes = {e.lang: edition_url(site_url, e.lang) if site_url else f"{e.lang}/index.html" for e in editions}
    return _template("not-found.html").render(
        editions=editions, first=editions[0], colours=_colours(content), homes=homes,
        codes=_codes(editions), relative=site_url is None)


def sitemap_index(editions: Sequence[Edition], site_url: str) -> str:
    """The root `sitemap.xml`: an index of the editions' sitemaps."""
    entries = "".join(f"    <sitemap><loc>{xml_escape(edition_url(site_url, e.lang) + SITEMAP)}</loc></sitemap>\n"
                      for e in editions)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{entries}</sitemapindex>\n")


def root_files(content: Content, editions: Sequence[Edition], site_url: str | None) -> dict[str, str]:
    """Name -> text of every file at the root of a site built in editions."""
    files = {CHOOSER: chooser_html(content, editions), NOT_FOUND: not_found_html(content, editions, site_url)}
    if site_url:
        files[SITEMAP] = sitemap_index(editions, site_url)
    return files
