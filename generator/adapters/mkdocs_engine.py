"""MkDocs as the app layer's site engine: read mkdocs.yml, build into a folder, serve.

The app layer decides where the site goes and what is loaded; this adapter only drives
MkDocs, hands the partnerkit plugin the app's request (`mkdocs_plugin.handing`), and turns
MkDocs' own failures into messages without a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError
from mkdocs.utils.yaml import yaml_load

from generator.adapters.mkdocs_plugin import PartnerkitPlugin, handing
from generator.adapters.mkdocs_preview import quiet_dirty_builds
from generator.app.options import Options
from generator.app.site import EngineSettings, SiteRequest
from generator.errors import UserError


class _Label(logging.Filter):
    """Starts every MkDocs message with `label` ('[fr] ')."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = f"{self.label}{record.msg}"
        return True


@contextmanager
def _labelled(label: str) -> Iterator[None]:
    """MkDocs' messages inside the block start with `label` (none when it is empty)."""
    handlers = logging.getLogger("mkdocs").handlers if label else []
    marker = _Label(label)
    for handler in handlers:
        handler.addFilter(marker)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(marker)


def _for_package(config: MkDocsConfig, path: Path) -> None:
    """A site opened from disk or inside an LMS: file URLs, no address of its own (no
    canonical links or sitemap pointing at a server), no instant loading (it fetches pages
    with requests a file:// page cannot make), and search through Material's offline plugin."""
    offline = [name for name, plugin in config.plugins.items()
               if name.split("/")[-1] == "offline" and getattr(plugin, "config", {}).get("enabled", True)]
    if not offline:
        raise UserError(f"{path}: a package must work with no server, and search then needs Material's "
                        "offline plugin (add '- offline' under 'plugins:')")
    config.site_url = None
    config.use_directory_urls = False
    features = config.theme.get("features") or []
    config.theme["features"] = [f for f in features if not str(f).startswith("navigation.instant")]


class MkDocsEngine:
    """Builds and serves the site with MkDocs and the project's mkdocs.yml."""

    def __init__(self) -> None:
        self._config: MkDocsConfig | None = None

    @staticmethod
    def _load(options: Options) -> MkDocsConfig:
        path = options.config_path
        if not path.is_file():
            raise UserError(f"no MkDocs configuration at {path} (create it, or pass --config-file)")
        try:
            config = load_config(str(path), strict=options.strict)
        except (Abort, ConfigurationError, PluginError) as exc:
            raise UserError(f"{path}: {exc}") from None
        return config

    def settings(self, options: Options) -> EngineSettings:
        """site_dir and docs_dir of mkdocs.yml, and the partnerkit plugin's own options."""
        self._config = config = self._load(options)
        plugin = next((p for p in config.plugins.values() if isinstance(p, PartnerkitPlugin)), None)
        if plugin is None:
            raise UserError(f"{options.config_path} does not use the partnerkit plugin, so the site "
                            "would have none of the content (add '- partnerkit' under 'plugins:')")
        downloads = plugin.config.downloads
        return EngineSettings(
            site_dir=Path(config.site_dir).resolve(),
            sources=(Path(config.docs_dir).resolve(), options.config_path),
            downloads=options.project / downloads if downloads else None,
            lang=plugin.config.lang,
            site_url=config.site_url or None)

    def source_paths(self, options: Options) -> tuple[Path, ...]:
        """mkdocs.yml and its docs_dir, read leniently: a command that does not build the
        site must not fail on its configuration."""
        path = options.config_path
        if not path.is_file():
            return ()
        try:
            with path.open("rb") as handle:
                raw = yaml_load(handle)
        except (ConfigurationError, OSError):
            return (path,)
        docs = raw.get("docs_dir", "docs") if isinstance(raw, dict) else "docs"
        return (path, path.parent / str(docs))

    def build(self, request: SiteRequest, site_dir: Path) -> None:
        """Build into `site_dir`, handing the plugin the content the app layer loaded.

        Each build has a configuration of its own (a build changes it: plugins, theme,
        nav): the one `settings` read serves the first build, the next ones read mkdocs.yml
        again (one per edition of a site built once per language)."""
        config, self._config = self._config or self._load(request.options), None
        config.site_dir = str(site_dir)
        if request.packaged:
            _for_package(config, request.options.config_path)
        # One language's site among several: its messages and its failure say which.
        label = f"[{request.options.lang}] " if request.editions or request.packaged else ""
        try:
            with handing(request), _labelled(label):
                mkdocs_build(config)
        except (PluginError, ConfigurationError) as exc:
            raise UserError(f"{label}{exc}") from None
        except Abort as exc:
            raise UserError(f"{label}site not built ({exc}); the previous site is unchanged") from None

    def serve(self, request: SiteRequest) -> None:
        """MkDocs' development server; every reload loads the content again."""
        options = request.options
        quiet = quiet_dirty_builds()
        try:
            with handing(request):
                # Dirty builds: each rebuild builds only the pages whose output changed (mkdocs_preview).
                mkdocs_serve(str(options.config_path), dev_addr=options.dev_addr, strict=options.strict,
                             build_type="dirty")
        except (PluginError, ConfigurationError) as exc:
            raise UserError(str(exc)) from None
        except Abort as exc:
            raise UserError(f"preview stopped ({exc})") from None
        finally:
            logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
