"""Render the whole site from the model: every page, the navigation and the static files.

`render_site` is a plain function (no MkDocs): the plugin publishes what it returns,
and `write_tree` writes the same Markdown tree to a folder for any other engine.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml
from markupsafe import Markup, escape
from pydantic import BaseModel

from generator.downloads import Download
from generator.model import registry
from generator.model.content import Content
from generator.model.history import History
from generator.model.registry import Kind
from generator.model.training import LearningPath
from generator.render.site import urls
from generator.render.site.assets import logo_asset, site_assets
from generator.render.site.context import SiteContext
from generator.render.site.decks import render_decks
from generator.render.site.html import esc
from generator.render.site.nav import NavNode, build_nav, nav_config, plain_nav_config
from generator.render.site.page import Page
from generator.render.site.pages_about import render_about, render_downloads, render_evidence
from generator.render.site.pages_case import render_case
from generator.render.site.pages_catalog import render_glossary, render_quotes, render_references
from generator.render.site.pages_changes import render_changes
from generator.render.site.pages_framework import render_framework
from generator.render.site.pages_home import render_home
from generator.render.site.pages_indexes import (
    render_case_index,
    render_practice_index,
    render_program_index,
    render_role_index,
    render_tool_index,
)
from generator.render.site.pages_practice import render_practice
from generator.render.site.pages_program import render_process, render_program
from generator.render.site.pages_role import render_role
from generator.render.site.pages_sessions import render_session, render_session_index
from generator.render.site.pages_tool import render_tool
from generator.render.site.pages_training import render_module, render_path, render_training_index
from generator.render.site.theme_strings import theme_strings
from generator.render.site.training_ui import render_summary
from generator.writing import write_bytes_atomic, write_text_atomic

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class SiteTree:
    """Everything generated for one language: pages, navigation, static files."""

    pages: tuple[Page, ...]
    nav: tuple[NavNode, ...]
    assets: dict[str, bytes]
    abbreviations: dict[str, str]
    copyright: str = ""
    logo: str | None = None  # path of the logo in the site, when site.yaml names one
    # Material's own interface strings as partnerkit words them (Material key -> text).
    theme_strings: dict[str, str] = field(default_factory=dict)

    def nav_config(self) -> list[object]:
        """The navigation in MkDocs' `nav` format (titles are `Markup`, see `nav.nav_config`)."""
        return nav_config(list(self.nav))

    @property
    def site_name(self) -> Markup:
        """The site title for MkDocs' `site_name`: escaped once, marked so templates leave it be."""
        home = next(page for page in self.pages if page.src == urls.HOME)
        return escape(home.title)


@dataclass(frozen=True)
class EntityPages(Generic[M]):
    """How one kind's own pages are rendered: the function that renders the page of one entity."""

    kind: Kind[M]
    render: Callable[[SiteContext, M], Page]


# The page function of every kind that has pages of its own in the registry.
ENTITY_PAGES: dict[str, EntityPages[Any]] = {
    pages.kind.name: pages
    for pages in (
        EntityPages(registry.PRACTICE, render_practice),
        EntityPages(registry.ROLE, render_role),
        EntityPages(registry.PROGRAM, render_program),
        EntityPages(registry.PROCESS, render_process),
        EntityPages(registry.CASE, render_case),
        EntityPages(registry.TOOL, render_tool),
        EntityPages(registry.MODULE, render_module),
        EntityPages(registry.SESSION, render_session),
        EntityPages(registry.PATH, render_path),
    )
}


def _render_pages(ctx: SiteContext, history: History) -> list[Page]:
    c = ctx.content
    singles: list[tuple[str, Callable[[SiteContext], Page]]] = [
        (urls.HOME, render_home),
        (urls.FRAMEWORK, render_framework),
        (urls.INDEXES["practice"], render_practice_index),
        (urls.INDEXES["role"], render_role_index),
        (urls.INDEXES["case"], render_case_index),
        (urls.INDEXES["tool"], render_tool_index),
        (urls.INDEXES["program"], render_program_index),
        (urls.INDEXES["path"], render_training_index),
        (urls.INDEXES["session"], render_session_index),
        (urls.QUOTES, render_quotes),
        (urls.GLOSSARY, render_glossary),
        (urls.REFERENCES, render_references),
        (urls.ABOUT, render_about),
        (urls.DOWNLOADS, render_downloads),
    ]
    if c.all(LearningPath):
        singles.append((urls.TRAINING_SUMMARY, render_summary))
    if c.evidence is not None:
        singles.append((urls.EVIDENCE, render_evidence))
    pages = [render(ctx.at(src)) for src, render in singles]
    pages.append(render_changes(ctx.at(urls.CHANGES), history))
    for kind, own_page in registry.WITH_PAGES:
        render_entity = ENTITY_PAGES[kind.name].render
        pages += [render_entity(ctx.at(own_page.src(i)), x) for i, x in c.all(kind).items()]
    return pages


def render_site(content: Content, lang: str | None = None, *, directory_urls: bool = True,
                downloads: list[Download] | None = None,
                extra_pages: list[tuple[str, str]] | None = None,
                project: Path | None = None, history: History | None = None) -> SiteTree:
    """Every generated page of the site in `lang` (the default language when None); the What
    changed page lists `history` (none given: an empty history)."""
    ctx = SiteContext.create(content, lang or content.default_language,
                             directory_urls=directory_urls, downloads=downloads, project=project)
    pages = _render_pages(ctx, history or History())
    nav = build_nav(ctx, extra_pages)
    site = content.site
    # Material writes its own "Made with" in English whatever the language; the plugin turns
    # that off and the footer says it here, in the page's language.
    notice = (f"{esc(ctx.plain(site.organization))} · {ctx.label('licence')} "
              f'<a href="{esc(site.licence.url)}">{esc(site.licence.name)}</a>'
              f'<br><span class="pk-made-with">{ctx.s("made_with")} '
              f'<a href="https://squidfunk.github.io/mkdocs-material/">Material for MkDocs</a></span>')
    files = site_assets(content)
    files.update(sorted(ctx.images.items()))  # the local images the pages show
    files.update(render_decks(ctx))  # sessions' HTML decks (beside their pages) and reveal.js
    logo = logo_asset(content, project)
    if logo is not None:
        files[logo[0]] = logo[1]
    # Material's own strings that the catalog words, in the page's typography like every other.
    theme = {key: ctx.typeset(text) for key, text in theme_strings(ctx.lang, content.messages).items()}
    return SiteTree(tuple(pages), tuple(nav), files, dict(ctx.abbreviations.expansions), notice,
                    logo[0] if logo else None, theme)


def page_inventory(tree: SiteTree) -> dict[str, int]:
    """Number of generated pages per kind."""
    counts: dict[str, int] = {}
    for page in tree.pages:
        counts[page.kind] = counts.get(page.kind, 0) + 1
    return dict(sorted(counts.items()))


def write_tree(tree: SiteTree, out: Path) -> list[Path]:
    """Write the Markdown pages, static files and navigation (nav.yml) under `out`."""
    written: list[Path] = []
    for page in tree.pages:
        path = out / page.src
        write_text_atomic(path, page.markdown)
        written.append(path)
    for name, data in sorted(tree.assets.items()):
        path = out / name
        write_bytes_atomic(path, data)
        written.append(path)
    nav_path = out / "nav.yml"
    write_text_atomic(nav_path, yaml.safe_dump({"nav": plain_nav_config(tree.nav_config())}, allow_unicode=True,
                                               sort_keys=False))
    abbr_path = out / "abbreviations.json"
    write_text_atomic(abbr_path, json.dumps(tree.abbreviations, indent=2, ensure_ascii=False,
                                            sort_keys=True) + "\n")
    return [*written, nav_path, abbr_path]
