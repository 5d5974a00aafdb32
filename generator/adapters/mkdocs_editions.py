"""One edition of a site built once per language, inside MkDocs: what the plugin adds to it.

The app layer builds each language's site with its own MkDocs configuration and hands
the plugin the list of editions (`SiteRequest.editions`). For the edition it builds, the
plugin (through `EditionSettings`) sets the edition's site_url (`<site_url><lang>/`) and
`extra.alternate` (unless mkdocs.yml sets its own), and gives the theme's templates, page
by page, what the overrides in `render/site/overrides/` print: the switcher's relative
links to the same page in the other editions (`partials/alternate.html`), the head's
absolute `hreflang` links and the sitemap's (`base.html`, `sitemap.xml`, only with a
site_url). The links themselves come from `render.site.editions`, which knows no MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from mkdocs.config.defaults import MkDocsConfig

from generator.model.content import Content
from generator.render.site.editions import (
    X_DEFAULT,
    Edition,
    edition_url,
    editions_of,
    error_page_alternates,
    page_alternates,
    root_path,
)

# The name the overrides' base.html extends: the theme's own base.html, past the overrides.
THEME_PREFIX = "partnerkit-theme"


def _material_version() -> str:
    try:
        return version("mkdocs-material")
    except PackageNotFoundError:  # pragma: no cover - Material is a dependency
        return "9"


@dataclass(frozen=True)
class EditionSettings:
    """The edition of language `lang` among `editions`, and the project's own site_url."""

    lang: str
    editions: tuple[Edition, ...]
    site_url: str | None
    """The project's site_url (mkdocs.yml), not the edition's."""
    switcher: bool
    """The plugin set `extra.alternate` (mkdocs.yml sets none): the switcher is partnerkit's."""

    @classmethod
    def apply(cls, config: MkDocsConfig, content: Content, lang: str, languages: tuple[str, ...]) -> EditionSettings:
        """Set the edition's site_url and `extra.alternate` in `config` (fresh for this edition)."""
        editions = editions_of(content, languages)
        site_url = config.site_url or None
        switcher = not config.extra.get("alternate")
        if site_url:
            config.site_url = edition_url(site_url, lang)
        if switcher:
            # Material's own reading of extra.alternate: each edition's home, from this one's root.
            config.extra["alternate"] = [
                {"name": e.name, "lang": e.lang,
                 "link": edition_url(site_url, e.lang) if site_url else f"../{e.lang}/"}
                for e in editions]
        return cls(lang, editions, site_url, switcher)

    def page_context(self, context: Any, page_url: str) -> None:
        """What the page's switcher and head print (its URL in the edition is `page_url`)."""
        if not self.switcher:
            return
        alternates = page_alternates(self.editions, self.lang, page_url, self.site_url)
        context["partnerkit_alternates"] = alternates
        context["partnerkit_material_version"] = _material_version()
        if self.site_url:
            context["partnerkit_hreflang"] = [*((a.lang, a.url) for a in alternates), (X_DEFAULT, self.site_url)]

    def template_context(self, context: Any, template_name: str) -> None:
        """The edition's 404 page and its sitemap."""
        if template_name == "404.html":
            if not self.site_url:
                # MkDocs writes the error page's links from the root of the server when
                # there is no site_url; the edition's root is one folder down.
                context["base_url"] = f"{root_path(None)}{self.lang}/"
            if self.switcher:
                context["partnerkit_alternates"] = error_page_alternates(self.editions, self.lang, self.site_url)
                context["partnerkit_material_version"] = _material_version()
        elif template_name == "sitemap.xml" and self.site_url:
            context["partnerkit_sitemap"] = [
                *((e.lang, edition_url(self.site_url, e.lang), True) for e in self.editions),
                (X_DEFAULT, self.site_url, False)]


def chain_theme(env: Environment, config: MkDocsConfig, overrides: str) -> None:
    """Let the overrides' templates extend the theme's own ones of the same name, as
    `partnerkit-theme/<name>` (a project's custom_dir first, then the theme)."""
    beyond: BaseLoader = FileSystemLoader([d for d in config.theme.dirs if d != overrides])
    loader = env.loader
    assert loader is not None
    env.loader = ChoiceLoader([loader, PrefixLoader({THEME_PREFIX: beyond})])
