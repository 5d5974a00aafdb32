"""The engine's entry point: load, validate, resolve; returns the model and every issue.

The core never prints. Adapters (CLI, MkDocs plugin) call `load_content` and report
what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from generator.checks.crossrefs import check_references
from generator.checks.sessions import check_sessions
from generator.checks.training import check_training
from generator.issues import Issue, Severity
from generator.loading.project import LoadedFiles, Origin, load_files
from generator.model.content import Content, KeyPath, Links, Place
from generator.model.framework import Framework
from generator.model.site import Site


@dataclass(frozen=True)
class Loaded:
    """The resolved content (None when there are errors) and every issue found."""

    content: Content | None
    issues: list[Issue]
    files_read: int

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return self.content is not None


@dataclass(frozen=True)
class _FileLocator:
    """Places of the content's values, from the positions the loader kept for every file."""

    origins: dict[tuple[str, str], Origin]
    catalogs: dict[str, Origin]

    def place(self, kind: str, entity_id: str, path: KeyPath) -> Place | None:
        origin = self.origins.get((kind, entity_id))
        if origin is None and kind == entity_id:  # a catalog file itself: ("site", "site")
            origin = self.catalogs.get(kind)
        if origin is None:
            return None
        full = (*origin.prefix, *path)
        position = origin.located.position(full)
        return Place(origin.display, position.line, position.column, full)


def _resolve(loaded: LoadedFiles, edges: list[tuple[tuple[str, str], tuple[str, str]]]) -> Content:
    site = loaded.catalogs["site"]
    framework = loaded.catalogs["framework"]
    assert isinstance(site, Site) and isinstance(framework, Framework)
    entities = MappingProxyType({kind: MappingProxyType(dict(by_id)) for kind, by_id in loaded.entities.items()})
    return Content(site=site, framework=framework, entities=entities, links=Links.from_edges(edges),
                   locator=_FileLocator(loaded.origins, loaded.catalog_origins))


def load_content(project: Path) -> Loaded:
    """Load and check the project's content; the model is built only when there is no error."""
    loaded = load_files(project)
    site = loaded.catalogs.get("site")
    languages = list(site.languages) if isinstance(site, Site) else ["en"]
    cross = check_references(loaded, languages)
    issues = sorted(cross.refine(loaded.issues) + cross.issues + check_training(loaded)
                    + check_sessions(loaded))
    if (
        any(issue.severity is Severity.ERROR for issue in issues)
        or "site" not in loaded.catalogs
        or "framework" not in loaded.catalogs
    ):
        return Loaded(None, issues, loaded.files_read)
    return Loaded(_resolve(loaded, cross.edges), issues, loaded.files_read)
