"""Where each kind of content lives and which model validates it."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from generator.model.base import Entity
from generator.model.case import Case
from generator.model.catalog import Glossary, References
from generator.model.document import Document
from generator.model.framework import Framework
from generator.model.practice import Practice
from generator.model.program import Process, Program
from generator.model.quote import Quote
from generator.model.role import Role
from generator.model.session import Session
from generator.model.site import Site
from generator.model.tool import Tool
from generator.model.training import Module, Paths


@dataclass(frozen=True)
class EntityKind:
    """A kind stored one entity per file in a folder of `content/`."""

    name: str
    folder: str
    model: type[Entity]


@dataclass(frozen=True)
class CatalogKind:
    """A single file of `content/` holding a settings record or a list of entities."""

    name: str
    file: str
    model: type[BaseModel]
    required: bool


ENTITY_KINDS: tuple[EntityKind, ...] = (
    EntityKind("practice", "practices", Practice),
    EntityKind("role", "roles", Role),
    EntityKind("program", "program", Program),
    EntityKind("process", "program/processes", Process),
    EntityKind("case", "cases", Case),
    EntityKind("quote", "quotes", Quote),
    EntityKind("tool", "tools", Tool),
    EntityKind("module", "training/modules", Module),
    EntityKind("session", "training/sessions", Session),
    EntityKind("document", "documents", Document),
)

CATALOG_KINDS: tuple[CatalogKind, ...] = (
    CatalogKind("site", "site.yaml", Site, required=True),
    CatalogKind("framework", "framework.yaml", Framework, required=True),
    CatalogKind("glossary", "glossary.yaml", Glossary, required=False),
    CatalogKind("references", "references.yaml", References, required=True),
    CatalogKind("paths", "training/paths.yaml", Paths, required=False),
)

# Kinds whose entities live inside a catalog file: kind -> (catalog, list attribute).
NESTED_KINDS: dict[str, tuple[str, str]] = {
    "family": ("framework", "families"),
    "level": ("framework", "levels"),
    "phase": ("framework", "phases"),
    "continuum": ("framework", "engagement_continuum"),
    "audience": ("framework", "audiences"),
    "term": ("glossary", "terms"),
    "reference": ("references", "references"),
    "path": ("paths", "paths"),
}

ALL_REFERABLE_KINDS: tuple[str, ...] = tuple(k.name for k in ENTITY_KINDS) + tuple(NESTED_KINDS)
