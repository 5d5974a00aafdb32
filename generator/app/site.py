"""The site engine seen from the app layer: what it must offer, and what it is handed.

The engine (MkDocs, through the adapters) builds and serves the site; the app layer
decides everything else. In `partnerkit build` the content is loaded once by the app and
handed to the engine's plugin in a `SiteRequest`; when the engine runs alone
(`mkdocs build`, or each reload of `serve`), the plugin loads it through the same
functions. `prepare_site` renders what the plugin publishes: pages, navigation, assets,
and the PDFs of the downloads folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from generator.app.options import Options
from generator.downloads import Download, read_manifest
from generator.errors import UserError
from generator.loading.history import read_history
from generator.model.content import Content
from generator.render.site.tree import SiteTree, render_site


@dataclass(frozen=True)
class EngineSettings:
    """What the engine's configuration says about folders and about the partnerkit plugin."""

    site_dir: Path
    """Where the configuration builds the site, resolved."""
    sources: tuple[Path, ...]
    """What the engine reads and outputs must never touch: its docs folder and its
    configuration file, resolved."""
    downloads: Path | None = None
    """The plugin's `downloads` folder, when the configuration sets one."""
    lang: str | None = None
    """The plugin's `lang`, when the configuration sets one."""
    site_url: str | None = None
    """Where the site is published (`https://example.org/training/`), when the configuration says."""


@dataclass(frozen=True)
class SiteRequest:
    """What the app layer hands the engine's plugin: the options, in a build the content
    it already loaded (None: the plugin loads it itself, as on each reload), and the
    editions when the site is built once per language."""

    options: Options
    content: Content | None = None
    editions: tuple[str, ...] = ()
    """When the site is built once per language: every edition's language, the default
    first (`options.lang` is the one being built). Empty: one site, no switcher."""
    packaged: bool = False
    """A site for a package (an LMS's SCORM zip, an offline bundle): it lists and publishes
    only its own language's PDFs, and the engine makes it work with no server and no
    address of its own (no site_url, no instant loading)."""


class SiteEngine(Protocol):
    """A site engine: MkDocs today (`adapters.mkdocs_engine`), another one tomorrow."""

    def settings(self, options: Options) -> EngineSettings:
        """Read and check the configuration; UserError when it is missing or invalid."""

    def source_paths(self, options: Options) -> tuple[Path, ...]:
        """What the engine reads, when there is a configuration (for commands that do not
        build the site but must not write over its sources); never raises."""

    def build(self, request: SiteRequest, site_dir: Path) -> None:
        """Build the whole site (or, with `request.editions`, the edition of
        `request.options.lang`) into the empty folder `site_dir`, from a configuration of
        its own; UserError when it fails."""

    def serve(self, request: SiteRequest) -> None:
        """Preview the site, rebuilding it when the content changes, until interrupted."""


@dataclass(frozen=True)
class PreparedSite:
    """Everything the plugin publishes for one language."""

    tree: SiteTree
    lang: str
    downloads: tuple[Download, ...]
    downloads_dir: Path


def read_downloads(folder: Path) -> list[Download]:
    """The PDFs a downloads folder holds, by its manifest; each listed file must be there."""
    try:
        downloads = read_manifest(folder)
    except (ValueError, KeyError, TypeError) as exc:
        raise UserError(f"{folder / 'manifest.json'} is not a manifest partnerkit wrote ({exc}); "
                        "print the PDFs again, or delete it") from None
    missing = [d.file for d in downloads if not (folder / d.file).is_file()]
    if missing:
        raise UserError(f"{folder / 'manifest.json'} lists {', '.join(missing)}, which "
                        f"{'is' if len(missing) == 1 else 'are'} not there; print the PDFs again")
    return downloads


def prepare_site(content: Content, lang: str, options: Options, *, directory_urls: bool,
                 extra_pages: list[tuple[str, str]], own_downloads_only: bool = False) -> PreparedSite:
    """Render every page in `lang`, listing the PDFs of the options' downloads folder (only
    those in `lang` with `own_downloads_only`) and, on the What changed page, the git
    history of the project's content/."""
    folder = options.downloads_dir
    downloads = read_downloads(folder)
    if own_downloads_only:
        downloads = [download for download in downloads if download.language == lang]
    tree = render_site(content, lang, directory_urls=directory_urls, downloads=downloads,
                       extra_pages=extra_pages, project=options.project_dir,
                       history=read_history(options.project_dir))
    return PreparedSite(tree, lang, tuple(downloads), folder)
