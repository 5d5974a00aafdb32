"""Resolve checked content into the model: the links between entities, their places, the `Content`.

Runs after the checks found no error, so every reference points at an entity that
exists. It collects every loaded entity's references (fields marked `RefTo` and
`[[kind:id]]` in Markdown, with `model.walk` as the checks walk them) and indexes
them both ways (`Links`); the locator answers where any value is written from the
positions the loader kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from pydantic import BaseModel

from generator.loading.messages import project_messages
from generator.loading.project import LoadedFiles
from generator.model.content import Content, Links, Node
from generator.model.evidence import Evidence
from generator.model.framework import Framework
from generator.model.site import Site
from generator.model.walk import references
from generator.positions import KeyPath, Origin, Place


@dataclass(frozen=True)
class _FileLocator:
    """Places of the content's values, from the positions the loader kept for every file."""

    origins: dict[tuple[str, str], Origin]
    catalogs: dict[str, Origin]

    def place(self, kind: str, entity_id: str, path: KeyPath) -> Place | None:
        origin = self.origins.get((kind, entity_id))
        if origin is None and kind == entity_id:  # a catalog file itself: ("site", "site")
            origin = self.catalogs.get(kind)
        return origin.place(path) if origin is not None else None


def _sources(loaded: LoadedFiles) -> list[tuple[Node, BaseModel]]:
    """Every entity that may refer to others, in content order, then the site settings."""
    sources: list[tuple[Node, BaseModel]] = [(node, loaded.entities[node[0]][node[1]]) for node in loaded.origins]
    site = loaded.catalogs.get("site")
    if site is not None:
        sources.append((("site", "site"), site))
    return sources


def resolve_links(loaded: LoadedFiles) -> Links:
    """Every reference between loaded entities that exist, indexed both ways, in content order."""
    known = loaded.entities
    edges: list[tuple[Node, Node]] = []
    for source, entity in _sources(loaded):
        edges += [(source, target) for target in references(entity) if target[1] in known.get(target[0], {})]
    return Links.from_edges(edges)


def resolve_content(loaded: LoadedFiles) -> Content:
    """The frozen model of content that loaded and checked without error."""
    site = loaded.catalogs["site"]
    framework = loaded.catalogs["framework"]
    evidence = loaded.catalogs.get("evidence")
    assert isinstance(site, Site) and isinstance(framework, Framework)
    assert evidence is None or isinstance(evidence, Evidence)
    entities = MappingProxyType({kind: MappingProxyType(dict(by_id)) for kind, by_id in loaded.entities.items()})
    return Content(site=site, framework=framework, entities=entities, links=resolve_links(loaded),
                   locator=_FileLocator(loaded.origins, loaded.catalog_origins),
                   messages=project_messages(loaded.messages), evidence=evidence)
