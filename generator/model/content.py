"""The resolved model: every entity by kind and id, with links in both directions.

Renderers receive only a `Content`. It is built whole, after both validation passes
succeeded, and never changes: every reference in it points at an entity that exists.
It can also say where any of its values is written (`place_of`), so a renderer that
meets a problem later names the file, line and field behind it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Protocol, TypeVar, overload

from pydantic import BaseModel

from generator.messages import NO_OVERRIDES, Overrides
from generator.model import registry
from generator.model.evidence import Evidence
from generator.model.framework import Framework
from generator.model.practice import Practice
from generator.model.registry import Kind
from generator.model.site import Site
from generator.positions import KeyPath, Place

__all__ = ["Content", "KeyPath", "Links", "Locator", "Node", "Place"]

Node = tuple[str, str]
M = TypeVar("M", bound=BaseModel)
_NONE: Mapping[str, Any] = MappingProxyType({})


class Locator(Protocol):
    """Finds where a value of an entity is written (the loader knows; the model does not)."""

    def place(self, kind: str, entity_id: str, path: KeyPath) -> Place | None:
        """The place of `path` inside the entity (`()`: the entity itself); None if unknown."""


@dataclass(frozen=True)
class Links:
    """Edges between entities, answerable from either end, in content order."""

    outgoing: Mapping[Node, tuple[Node, ...]]
    incoming: Mapping[Node, tuple[Node, ...]]

    @classmethod
    def from_edges(cls, edges: list[tuple[Node, Node]]) -> Links:
        """Index edges both ways, dropping repeats and self-links."""
        outgoing: dict[Node, dict[Node, None]] = {}
        incoming: dict[Node, dict[Node, None]] = {}
        for source, target in edges:
            if source == target:
                continue
            outgoing.setdefault(source, {})[target] = None
            incoming.setdefault(target, {})[source] = None
        return cls(
            MappingProxyType({k: tuple(v) for k, v in outgoing.items()}),
            MappingProxyType({k: tuple(v) for k, v in incoming.items()}),
        )

    def related(self, node: Node, kind: str) -> tuple[str, ...]:
        """Ids of `kind` linked to `node` either way: its own references first."""
        seen: dict[str, None] = {}
        for other_kind, other_id in self.outgoing.get(node, ()):
            if other_kind == kind:
                seen[other_id] = None
        for other_kind, other_id in self.incoming.get(node, ()):
            if other_kind == kind:
                seen[other_id] = None
        return tuple(seen)

    def referrers(self, node: Node, kind: str) -> tuple[str, ...]:
        """Ids of `kind` that refer to `node` (one direction only)."""
        return tuple(other_id for other_kind, other_id in self.incoming.get(node, ()) if other_kind == kind)


@dataclass(frozen=True)
class Content:
    """Everything the renderers need, resolved and frozen."""

    site: Site
    framework: Framework
    entities: Mapping[str, Mapping[str, BaseModel]]  # by kind name; read through all()
    links: Links
    locator: Locator | None = field(default=None, compare=False, repr=False)
    # The project's own wording (strings/<lang>.yaml): language -> message key -> text.
    messages: Overrides = field(default_factory=lambda: NO_OVERRIDES)
    # The "About the evidence" page (content/evidence.yaml), when the project writes one.
    evidence: Evidence | None = None

    def place_of(self, kind: str, entity_id: str, path: KeyPath = ()) -> Place | None:
        """Where a value of an entity (kind 'site' for site.yaml) is written; None when the
        content was not loaded from files."""
        return self.locator.place(kind, entity_id, path) if self.locator is not None else None

    # Typed access to every kind, by its model (or by the kind itself, for a model two kinds share).
    @overload
    def all(self, kind: type[M] | Kind[M]) -> Mapping[str, M]: ...
    @overload
    def all(self, kind: str) -> Mapping[str, BaseModel]: ...
    def all(self, kind: type[M] | Kind[M] | str) -> Mapping[str, M] | Mapping[str, BaseModel]:
        """Every entity of a kind by id, in content order: `content.all(Practice)`.

        The kind is named by its model, by its `Kind` (`registry.PHASE`: phases and continuum
        stages share the model `Term`), or by its name when code handles any kind.
        """
        if isinstance(kind, str):
            spec: Kind[Any] = registry.kind_named(kind)
        else:
            spec = kind if isinstance(kind, Kind) else registry.kind_of(kind)
        if not spec.referable:
            raise LookupError(f"{spec.name} is a catalog file, not a kind of entity with ids")
        return self.entities.get(spec.name, _NONE)

    @overload
    def entity(self, kind: type[M] | Kind[M], entity_id: str) -> M: ...
    @overload
    def entity(self, kind: str, entity_id: str) -> BaseModel: ...
    def entity(self, kind: type[M] | Kind[M] | str, entity_id: str) -> M | BaseModel:
        """One entity of a kind (named as in `all`) by id; KeyError if absent (a bug after validation)."""
        return self.all(kind)[entity_id]

    @property
    def languages(self) -> list[str]:
        """Site languages, the default first."""
        return list(self.site.languages)

    @property
    def default_language(self) -> str:
        """The default language."""
        return self.site.languages[0]

    def related(self, kind: str, entity_id: str, other_kind: str) -> tuple[str, ...]:
        """Ids of `other_kind` linked to the entity in either direction.

        A practice knows its cases (it names them in observed_in, and each case lists
        it): `related('practice', 'secure-funds', 'case')`; a role knows the practices
        that name it: `related('role', 'patient-coach', 'practice')`.
        """
        return self.links.related((kind, entity_id), other_kind)

    def practices_in_family(self, family_id: str) -> list[Practice]:
        """Practices of one family, in file-name order."""
        return [p for p in self.all(Practice).values() if p.family == family_id]
