"""The options of one run: a single frozen object that the CLI and the MkDocs plugin fill in.

Declared as MkDocs declares its settings: one documented option per field, the
default beside it. Paths are relative to the current folder (or absolute); the app
layer resolves them, symlinks and `..` included, before it compares or writes anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_DOWNLOADS = Path("build") / "downloads"
DEFAULT_CACHE = Path(".cache") / "partnerkit" / "print"


@dataclass(frozen=True)
class Options:
    """What to build, from which project, and where to write it."""

    project: Path = Path(".")
    """Project folder holding content/."""
    lang: str | None = None
    """Language of the site (default: the plugin's `lang`, else the first of site.yaml's languages)."""
    strict: bool = False
    """Stop on any warning: content, PDFs and the site engine's own."""
    config_file: Path | None = None
    """The site engine's configuration (default: PROJECT/mkdocs.yml)."""
    site_dir: Path | None = None
    """Where the site is built (default: site_dir of the engine's configuration)."""
    out: Path | None = None
    """Write the generated Markdown tree here instead of building a site."""
    downloads: Path | None = None
    """PDFs and manifest.json (default: the plugin's `downloads`, else PROJECT/build/downloads)."""
    cache: Path | None = None
    """Cache of built PDFs (default: PROJECT/.cache/partnerkit/print)."""
    no_cache: bool = False
    """Compile every PDF anew and keep no cache."""
    jobs: int | None = None
    """PDFs compiled at once (default: every core)."""
    no_pdf: bool = False
    """Build the site without printing PDFs first; it lists what the downloads folder holds."""
    dev_addr: str = "127.0.0.1:8000"
    """Address the preview server listens on."""

    @property
    def project_dir(self) -> Path:
        """The project folder, resolved."""
        return self.project.resolve()

    @property
    def config_path(self) -> Path:
        """The engine's configuration file, resolved."""
        return (self.config_file or self.project / "mkdocs.yml").resolve()

    @property
    def downloads_dir(self) -> Path:
        """The downloads folder, resolved."""
        return (self.downloads or self.project / DEFAULT_DOWNLOADS).resolve()

    @property
    def cache_dir(self) -> Path | None:
        """The PDF cache, resolved; None with no_cache."""
        if self.no_cache:
            return None
        return (self.cache or self.project / DEFAULT_CACHE).resolve()
