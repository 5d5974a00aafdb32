"""The thin MkDocs plugin: publishes what the app layer prepares, watches content/, strings/ and templates/.

Run by `partnerkit build` or `partnerkit serve`, it is handed the app layer's
`SiteRequest` (the options and, in a build, the content already loaded); run by plain
`mkdocs`, it makes one from its own options and loads the content through the same app
functions. It only moves results into MkDocs: generated pages and static files become
virtual files (nothing is written into docs/), the navigation becomes `nav`, the site's
language becomes Material's, engine problems (content and template errors among them)
become one build error listing every `file:line:col` message, without a traceback. When
the app layer builds one site per language, the edition's own settings (site_url, the
switcher, hreflang links) come from `mkdocs_editions`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.contrib.search import LangOption
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from generator.adapters.mkdocs_editions import EditionSettings, chain_theme
from generator.adapters.mkdocs_preview import (
    THEME_BYTECODE,
    GeneratedFile,
    HandWrittenFile,
    PreviewState,
    digest,
    forget_rebuilt_search_entries,
    watch_with_events,
)
from generator.adapters.mkdocs_raw_html import RawHtml
from generator.app.content import load_checked, site_language
from generator.app.options import Options
from generator.app.site import PreparedSite, SiteRequest, prepare_site
from generator.errors import ContentError, UserError
from generator.issues import Issue, errors
from generator.model.content import Content
from generator.render.site import assets
from generator.render.site.templating import PROJECT_FOLDER
from generator.report import format_text

log = logging.getLogger("mkdocs.plugins.partnerkit")
OVERRIDES = Path(__file__).resolve().parent.parent / "render" / "site" / "overrides"
# Markdown extensions the generated pages rely on (added when mkdocs.yml leaves them out).
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc", "abbr")

# Languages that elide a word's last vowel before another word (l'enfant, d'abord): search
# splits words at apostrophes too. Material's default separator is [\s\-]+.
ELIDING = frozenset({"fr"})
ELIDING_SEPARATOR = r"[\s\-'’]+"
# Material's lunr stemmer support, loaded by its search worker for every language but English.
LUNR_SUPPORT = "assets/javascripts/lunr/min/lunr.stemmer.support.min.js"

# The request partnerkit hands the plugin instances that MkDocs creates inside `handing`.
_HANDED: list[SiteRequest] = []


@contextmanager
def handing(request: SiteRequest) -> Iterator[None]:
    """Hand `request` to the plugin of every build run inside the block (MkDocs makes the
    plugin instances itself, anew at each reload of `serve`)."""
    _HANDED.append(request)
    try:
        yield
    finally:
        _HANDED.pop()


class PartnerkitConfig(Config):  # type: ignore[no-untyped-call]
    """Options of the `partnerkit` plugin in mkdocs.yml."""

    project = c.Optional(c.Type(str))
    """Project folder holding content/ (default: the folder of mkdocs.yml)."""
    lang = c.Optional(c.Type(str))
    """Language of the site (default: the first language of content/site.yaml)."""
    downloads = c.Optional(c.Type(str))
    """Folder where print wrote PDFs and manifest.json, relative to the project (default: build/downloads)."""
    nav = c.Type(bool, default=True)
    """Set the navigation from the content (hand-written pages are listed last)."""
    raw_html = c.Type(bool, default=True)
    """Publish the HTML of generated pages as it is (`render.site.raw_blocks`); false has
    Markdown parse it again, as a bare MkDocs build of the pages would (same output, slower)."""


class MkDocsReporter:
    """The app layer's reporter inside MkDocs: warnings are MkDocs warnings (--strict counts them)."""

    def issue(self, issue: Issue) -> None:
        """Log a content warning with its location."""
        log.warning(format_text(issue))

    def warning(self, message: str) -> None:
        """Log any other warning."""
        log.warning(message)


def plugin_error(exc: UserError) -> PluginError:
    """A user error as MkDocs' build error; content and template errors list every
    `file:line:col` error they hold."""
    if isinstance(exc, ContentError):
        problems = "\n".join(format_text(issue) for issue in errors(exc.issues))
        return PluginError(f"partnerkit: {exc}:\n{problems}")
    return PluginError(f"partnerkit: {exc}")


def load_for_mkdocs(options: Options) -> Content:
    """The content, loaded through the app layer with warnings logged by MkDocs; content
    errors become one PluginError listing every `file:line:col` error."""
    try:
        return load_checked(options, MkDocsReporter())
    except ContentError as exc:
        raise plugin_error(exc) from None


def _hand_written(docs_dir: Path) -> list[tuple[str, str]]:
    """(title, src) of Markdown pages in docs/ (outside overrides/), titled by their H1."""
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        if src.startswith("overrides/"):
            continue
        match = re.search(r"^# (.+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
        pages.append((match.group(1).strip() if match else path.stem, src))
    return pages


def _written_theme(config: MkDocsConfig) -> dict[str, Any]:
    """The `theme:` mapping as mkdocs.yml writes it (INHERIT included), to tell the
    settings it gives from the theme's defaults."""
    if not config.config_file_path:
        return {}
    with open(config.config_file_path, "rb") as handle:
        written = yaml_load(handle, get_yaml_loader(config=config))
    theme = written.get("theme") if isinstance(written, dict) else None
    return theme if isinstance(theme, dict) else {}


def _use_language(config: MkDocsConfig, lang: str) -> None:
    """Material's language (hence `<html lang>` and its own strings) and the search
    language follow the site's, unless mkdocs.yml sets them. In French, search splits
    words at apostrophes too, so `enfant` finds "l'enfant"."""
    translated = any((Path(d) / "partials" / "languages" / f"{lang}.html").is_file() for d in config.theme.dirs)
    if translated and "language" not in _written_theme(config):
        config.theme["language"] = lang
    for name, plugin in config.plugins.items():
        if name.split("/")[-1] != "search":
            continue
        # Runs before the search plugin's own on_config: a value still unset is not in mkdocs.yml.
        if getattr(plugin.config, "lang", "") is None:
            plugin.config.lang = LangOption().run_validation([lang])
        if lang in ELIDING and getattr(plugin.config, "separator", "") is None:
            plugin.config.separator = ELIDING_SEPARATOR


def _stem_search_words(files: Files, config: MkDocsConfig) -> None:
    """Append partnerkit's search-stems.js to Material's lunr stemmer support, which the
    search worker loads for every language but English: a search finds a word's other
    forms (see the script)."""
    theme_file = files.get_file_from_path(LUNR_SUPPORT)
    if theme_file is None or not theme_file.abs_src_path:
        return
    original = Path(theme_file.abs_src_path).read_bytes()
    files.remove(theme_file)
    files.append(File.generated(config, LUNR_SUPPORT, content=original + b"\n" + assets.search_stems()))


class PartnerkitPlugin(BasePlugin[PartnerkitConfig]):  # type: ignore[no-untyped-call]
    """Generates the training site's pages from content/ at every build."""

    def __init__(self) -> None:
        self.request = SiteRequest(Options())
        self.content: Content | None = None
        self.lang = ""
        self.site: PreparedSite | None = None
        self.edition: EditionSettings | None = None
        self._generated: frozenset[str] = frozenset()
        self._raw = RawHtml()  # generated pages' HTML, published without a second parse
        self._preview: PreviewState | None = None  # in `serve`: what the previous build wrote
        self._rebuilt: list[str] = []
        self._sources: dict[str, str] = {}  # in the preview: each page's source path by its file in the site
        self._events: Any = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """In the preview's dirty builds, remember what each build wrote (and keep this plugin
        across rebuilds: MkDocs keeps plugins that listen to startup)."""
        self._preview = PreviewState() if command == "serve" and dirty else None

    def on_shutdown(self) -> None:
        """Stop watching the content for the preview."""
        if self._events is not None:
            self._events.stop()
            self._events = None

    def _own_request(self, config: MkDocsConfig) -> SiteRequest:
        """Plain `mkdocs`: the options come from this plugin's settings in mkdocs.yml."""
        base = Path(config.config_file_path or ".").resolve().parent
        project = (base / self.config.project).resolve() if self.config.project else base
        downloads = project / self.config.downloads if self.config.downloads else None
        return SiteRequest(Options(project=project, lang=self.config.lang, downloads=downloads))

    @event_priority(50)  # before the search plugin reads the theme's language
    def _load_content(self, config: MkDocsConfig) -> MkDocsConfig:
        """The content (handed over, or loaded now) and the site's language."""
        self.request = _HANDED[-1] if _HANDED else self._own_request(config)
        try:
            self.content = self.request.content or load_for_mkdocs(self.request.options)
            lang = site_language(self.content, self.request.options.lang)
        except UserError as exc:
            raise PluginError(f"partnerkit: {exc}") from None
        self.lang = lang
        _use_language(config, lang)
        # MkDocs keeps this plugin from one build to the next in a process (it listens to
        # startup): nothing of the last build's edition may stay.
        self.edition = (EditionSettings.apply(config, self.content, lang, self.request.editions)
                        if self.request.editions else None)
        return config

    @event_priority(-50)  # after the offline plugin has set use_directory_urls
    def _publish_site(self, config: MkDocsConfig) -> MkDocsConfig:
        """Render the pages; set nav, site name, styles, extensions, overrides."""
        assert self.content is not None
        hand_written = _hand_written(Path(config.docs_dir))
        try:
            self.site = site = prepare_site(self.content, self.lang, self.request.options,
                                            directory_urls=bool(config.use_directory_urls),
                                            extra_pages=hand_written,
                                            own_downloads_only=self.request.packaged)
        except UserError as exc:  # a template of the project's that does not render, among others
            raise plugin_error(exc) from None
        generated = {page.src for page in site.tree.pages}
        clashes = [src for _, src in hand_written if src in generated]
        if clashes:
            raise PluginError("partnerkit: these pages in docs/ have the path of a generated page; "
                              "rename or remove them: " + ", ".join(clashes))
        config.site_name = site.tree.site_name
        if not config.copyright:
            config.copyright = site.tree.copyright  # it says "Made with Material" in the site's language
            config.extra.setdefault("generator", False)
        # Material's own strings as partnerkit words them (partials/language.html reads them first).
        config.extra["partnerkit_theme_strings"] = site.tree.theme_strings
        if site.tree.logo:
            config.theme["logo"] = site.tree.logo
        if self.config.nav:
            config.nav = site.tree.nav_config()
        config.extra_css = [assets.THEME_CSS, assets.CSS,
                            *[x for x in config.extra_css if x not in (assets.THEME_CSS, assets.CSS)]]
        for script in (assets.JS, assets.TRAINING_JS):
            if script not in [str(x) for x in config.extra_javascript]:
                config.extra_javascript.append(script)
        # Material's offline plugin adds a CDN script for search from file://; use ours.
        polyfills = [x for x in config.extra.get("polyfills", []) if "iframe-worker" not in str(x)]
        config.extra["polyfills"] = [*polyfills, assets.WORKER_SHIM]
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        abbr: dict[str, Any] = config.mdx_configs.setdefault("abbr", {})
        abbr["glossary"] = dict(site.tree.abbreviations)
        if str(OVERRIDES) not in config.theme.dirs:
            config.theme.dirs.insert(0, str(OVERRIDES))
        return config

    on_config = CombinedEvent(_load_content, _publish_site)

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """The overrides' base.html extends the theme's own (see `mkdocs_editions.chain_theme`)."""
        chain_theme(env, config, str(OVERRIDES))
        if env.bytecode_cache is None:
            env.bytecode_cache = THEME_BYTECODE
        return env

    def on_page_context(self, context: Any, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """In an edition: the page's links to the same page in the other editions."""
        if self.edition is not None:
            self.edition.page_context(context, page.url)
        return context

    def on_template_context(self, context: Any, template_name: str, config: MkDocsConfig) -> Any:
        """In an edition: its 404 page and its sitemap."""
        if self.edition is not None:
            self.edition.template_context(context, template_name)
        return context

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Publish generated pages, static files and the PDFs of the downloads folder as
        virtual files, and search's stemming of queries."""
        assert self.site is not None
        pages: list[GeneratedFile] = [GeneratedFile.generated(config, page.src, content=page.markdown)  # type: ignore[misc]
                                      for page in self.site.tree.pages]
        for file in pages:
            files.append(file)
        self._generated = frozenset(page.src for page in self.site.tree.pages)
        if self._preview is not None:
            self._mark_unchanged(pages, files, config)
        for name, data in sorted(self.site.tree.assets.items()):
            files.append(File.generated(config, name, content=data))
        for download in self.site.downloads:
            files.append(File.generated(config, f"downloads/{download.file}",
                                        abs_src_path=str(self.site.downloads_dir / download.file)))
        _stem_search_words(files, config)
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page's HTML blocks leave the Markdown, to come back in `on_page_content`."""
        if not self.config.raw_html or page.file.src_uri not in self._generated:
            return markdown
        return self._raw.page_markdown(markdown, page, config)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A generated page's HTML blocks back in place (`mkdocs_raw_html`)."""
        return self._raw.page_content(html, page, config, files)

    def _mark_unchanged(self, pages: list[GeneratedFile], files: Files, config: MkDocsConfig) -> None:
        """In the preview: which pages this build must write again (`mkdocs_preview`)."""
        assert self.site is not None and self._preview is not None
        tree = self.site.tree
        hand_written = [file for file in files.documentation_pages() if file.src_uri not in self._generated]
        for file in hand_written:
            file.__class__ = HandWrittenFile  # the same file, told whether a title it shows changed
        self._sources = {file.dest_uri: file.src_uri for file in [*pages, *hand_written]}
        frame = digest(self.lang, tree.site_name, tree.copyright, tree.theme_strings,
                       sorted(tree.abbreviations.items()), tree.logo, config.site_url)
        nav = tree.nav_config() if self.config.nav else []
        self._rebuilt = self._preview.mark([*pages, *hand_written],  # type: ignore[list-item]
                                           {page.src: page.markdown for page in tree.pages}, nav, frame,
                                           Path(config.site_dir))

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """In the preview: which pages this one links to, so a new title there rebuilds it."""
        if self._preview is not None:
            self._preview.wrote(page.file.src_uri, output, page.file.dest_uri, self._sources)
        return output

    @event_priority(100)  # before the search plugin writes its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """In the preview: forget the search entries of the pages built again, remember what was written."""
        if self._preview is not None:
            forget_rebuilt_search_entries(config, self._preview.stale_urls())
            self._preview.built(config)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when an author saves a file under content/, strings/ or templates/ (or new PDFs arrive)."""
        options = self.request.options
        folders = [options.project_dir / folder for folder in ("content", "strings", PROJECT_FOLDER)]
        if self._events is None:
            self._events = watch_with_events(server, folders)
        if options.downloads_dir.is_dir():
            server.watch(str(options.downloads_dir))
        return server
