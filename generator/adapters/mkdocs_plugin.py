"""The thin MkDocs plugin: runs the engine, publishes the generated pages, watches content/.

All the work is done by plain functions (`load_content`, `render_site`); this adapter
only moves their results into MkDocs: generated pages and static files become virtual
files (nothing is written into docs/), the navigation becomes `nav`, engine problems
become one build error listing every `file:line:col` message, without a traceback.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.downloads import Download, read_manifest
from generator.issues import Severity, errors
from generator.pipeline import load_content
from generator.render.site import assets
from generator.render.site.tree import SiteTree, render_site
from generator.report import counted, format_text

log = logging.getLogger("mkdocs.plugins.partnerkit")
OVERRIDES = Path(__file__).resolve().parent.parent / "render" / "site" / "overrides"
# Markdown extensions the generated pages rely on (added when mkdocs.yml leaves them out).
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "tables", "toc", "abbr")


class PartnerkitConfig(Config):  # type: ignore[no-untyped-call]
    """Options of the `partnerkit` plugin in mkdocs.yml."""

    project = c.Optional(c.Type(str))
    """Project folder holding content/ (default: the folder of mkdocs.yml)."""
    lang = c.Optional(c.Type(str))
    """Language of the site (default: the first language of content/site.yaml)."""
    downloads = c.Type(str, default="build/downloads")
    """Folder where print wrote PDFs and manifest.json, relative to the project."""
    nav = c.Type(bool, default=True)
    """Set the navigation from the content (hand-written pages are listed last)."""


def load_site(project: Path, lang: str | None, *, directory_urls: bool,
              downloads: list[Download], extra_pages: list[tuple[str, str]]) -> SiteTree:
    """Run the engine; raise PluginError with every problem when the content has errors."""
    loaded = load_content(project)
    for issue in loaded.issues:
        if issue.severity is Severity.WARNING:
            log.warning(format_text(issue))
    if loaded.content is None:
        problems = "\n".join(format_text(i) for i in loaded.issues if i.severity is Severity.ERROR)
        raise PluginError(f"partnerkit: {counted(len(errors(loaded.issues)), 'error')} in content:\n{problems}")
    return render_site(loaded.content, lang, directory_urls=directory_urls, downloads=downloads,
                       extra_pages=extra_pages, project=project)


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


class PartnerkitPlugin(BasePlugin[PartnerkitConfig]):  # type: ignore[no-untyped-call]
    """Generates the training site's pages from content/ at every build."""

    def __init__(self) -> None:
        self.tree: SiteTree | None = None
        self.project = Path(".")
        self.downloads: list[Download] = []
        self.downloads_dir = Path(".")

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Load and render the content; set nav, site name, styles, extensions, overrides."""
        base = Path(config.config_file_path or ".").resolve().parent
        self.project = (base / self.config.project).resolve() if self.config.project else base
        self.downloads_dir = self.project / self.config.downloads
        self.downloads = read_manifest(self.downloads_dir)
        hand_written = [(t, s) for t, s in _hand_written(Path(config.docs_dir))]
        self.tree = load_site(self.project, self.config.lang,
                              directory_urls=bool(config.use_directory_urls),
                              downloads=self.downloads, extra_pages=hand_written)
        generated = {page.src for page in self.tree.pages}
        clashes = [src for _, src in hand_written if src in generated]
        if clashes:
            raise PluginError("partnerkit: these pages in docs/ have the path of a generated page; "
                              "rename or remove them: " + ", ".join(clashes))
        config.site_name = self.tree.site_name
        if not config.copyright:
            config.copyright = self.tree.copyright
        if self.tree.logo:
            config.theme["logo"] = self.tree.logo
        if self.config.nav:
            config.nav = self.tree.nav_config()
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
        abbr["glossary"] = dict(self.tree.abbreviations)
        if str(OVERRIDES) not in config.theme.dirs:
            config.theme.dirs.insert(0, str(OVERRIDES))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Publish generated pages, static files and downloaded PDFs as virtual files."""
        assert self.tree is not None
        for page in self.tree.pages:
            files.append(File.generated(config, page.src, content=page.markdown))
        for name, data in sorted(self.tree.assets.items()):
            files.append(File.generated(config, name, content=data))
        for download in self.downloads:
            source = self.downloads_dir / download.file
            if not source.is_file():
                raise PluginError(f"partnerkit: {self.downloads_dir / 'manifest.json'} lists "
                                  f"{download.file}, which is not there; rebuild the PDFs")
            files.append(File.generated(config, f"downloads/{download.file}",
                                        abs_src_path=str(source)))
        return files

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when an author saves a file under content/ (or new PDFs arrive)."""
        server.watch(str(self.project / "content"))
        if self.downloads_dir.is_dir():
            server.watch(str(self.downloads_dir))
        return server
