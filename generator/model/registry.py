"""The kind registry: the one place that says, per kind of content, what it is and where it goes.

Each `Kind` names its model, where its files are stored under `content/` (a folder of
one file per entity, a catalog file, or a list inside a catalog file), its URL rule on
the site (a page of its own, or an anchor on a shared page), its labels and the page
template that renders it. Loading, checks, the model's accessors, URLs, stats, schemas
and the page tree are derived from `KINDS`; adding a kind means one entry here, its
model and its template.

The order of `KINDS` is the order kinds are loaded, counted and listed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from generator.model.case import Case
from generator.model.catalog import Glossary, GlossaryTerm, Reference, References
from generator.model.document import Document
from generator.model.framework import Audience, Family, Framework, Level, Term
from generator.model.practice import Practice
from generator.model.program import Process, Program
from generator.model.quote import Quote
from generator.model.role import Role
from generator.model.session import Session
from generator.model.site import Site
from generator.model.tool import Tool
from generator.model.training import LearningPath, Module, Paths

M = TypeVar("M", bound=BaseModel)


# Where a kind is stored, under content/.
@dataclass(frozen=True)
class Folder:
    """One file per entity in this folder (`practices` -> content/practices/<id>.yaml)."""

    path: str


@dataclass(frozen=True)
class CatalogFile:
    """One file holding one record: settings, or the lists of the kinds listed in it."""

    path: str
    required: bool


@dataclass(frozen=True)
class ListedIn:
    """Entities listed in a catalog file: the catalog kind's name and its list attribute."""

    catalog: str
    attribute: str


# Where a kind is shown on the site.
@dataclass(frozen=True)
class OwnPage:
    """A page per entity at `<folder>/<id>.md`, rendered by the page template `template`."""

    folder: str
    template: str

    def src(self, entity_id: str) -> str:
        """The page of one entity, by source path."""
        return f"{self.folder}/{entity_id}.md"


@dataclass(frozen=True)
class Anchor:
    """An anchor `<prefix><id>` on a shared page (`framework/index.md#family-<id>`)."""

    page: str
    prefix: str


@dataclass(frozen=True)
class Labels:
    """English names for the command line and stats; the site message key of its section title."""

    singular: str
    plural: str
    title: str | None = None  # a key of the site's strings, where the kind has a section


@dataclass(frozen=True)
class Kind(Generic[M]):
    """One kind of content: its model, storage, URL rule, labels and place on the site."""

    name: str
    model: type[M]
    stored: Folder | CatalogFile | ListedIn
    labels: Labels
    url: OwnPage | Anchor | None = None  # None: the site does not show the kind
    index: str | None = None  # the site page that lists the kind, when it has one

    @property
    def referable(self) -> bool:
        """True for kinds whose entities have ids (other content can name them)."""
        return not isinstance(self.stored, CatalogFile)

    @property
    def template(self) -> str | None:
        """Name of the page template of the kind's own pages; None when it has none."""
        return self.url.template if isinstance(self.url, OwnPage) else None


# Entities stored one per file.
PRACTICE = Kind("practice", Practice, Folder("practices"), Labels("practice", "practices", "practices"),
                OwnPage("practices", "practice.md"), "practices/index.md")
ROLE = Kind("role", Role, Folder("roles"), Labels("role", "roles", "roles"),
            OwnPage("roles", "role.md"), "roles/index.md")
PROGRAM = Kind("program", Program, Folder("program"), Labels("program", "programs", "program"),
               OwnPage("program", "program.md"), "program/index.md")
PROCESS = Kind("process", Process, Folder("program/processes"), Labels("process", "processes", "processes"),
               OwnPage("program/processes", "process.md"))
CASE = Kind("case", Case, Folder("cases"), Labels("case", "cases", "cases"),
            OwnPage("cases", "case.md"), "cases/index.md")
QUOTE = Kind("quote", Quote, Folder("quotes"), Labels("quote", "quotes", "quotes"), Anchor("quotes.md", "quote-"))
TOOL = Kind("tool", Tool, Folder("tools"), Labels("tool", "tools", "tools"),
            OwnPage("tools", "tool.md"), "tools/index.md")
MODULE = Kind("module", Module, Folder("training/modules"), Labels("module", "modules", "modules"),
              OwnPage("training/modules", "module.md"))
SESSION = Kind("session", Session, Folder("training/sessions"), Labels("session", "sessions"))
DOCUMENT = Kind("document", Document, Folder("documents"), Labels("document", "documents", "downloads"),
                Anchor("downloads.md", "doc-"))

# Catalog files, each followed by the kinds listed in it.
SITE = Kind("site", Site, CatalogFile("site.yaml", required=True), Labels("site settings", "site settings"))
FRAMEWORK = Kind("framework", Framework, CatalogFile("framework.yaml", required=True),
                 Labels("framework", "frameworks", "framework"))
FAMILY = Kind("family", Family, ListedIn("framework", "families"), Labels("family", "families", "families"),
              Anchor("framework/index.md", "family-"))
LEVEL = Kind("level", Level, ListedIn("framework", "levels"), Labels("level", "levels", "levels"),
             Anchor("framework/index.md", "level-"))
PHASE = Kind("phase", Term, ListedIn("framework", "phases"), Labels("phase", "phases", "phases"),
             Anchor("framework/index.md", "phase-"))
CONTINUUM = Kind("continuum", Term, ListedIn("framework", "engagement_continuum"),
                 Labels("continuum stage", "continuum stages", "continuum"), Anchor("framework/index.md", "continuum-"))
AUDIENCE = Kind("audience", Audience, ListedIn("framework", "audiences"), Labels("audience", "audiences"),
                Anchor("index.md", "audience-"))
GLOSSARY = Kind("glossary", Glossary, CatalogFile("glossary.yaml", required=False),
                Labels("glossary", "glossaries", "glossary"))
TERM = Kind("term", GlossaryTerm, ListedIn("glossary", "terms"), Labels("glossary term", "glossary terms", "glossary"),
            Anchor("glossary.md", "term-"))
REFERENCES = Kind("references", References, CatalogFile("references.yaml", required=True),
                  Labels("bibliography", "bibliographies", "references"))
REFERENCE = Kind("reference", Reference, ListedIn("references", "references"),
                 Labels("reference", "references", "references"), Anchor("references.md", "ref-"))
PATHS = Kind("paths", Paths, CatalogFile("training/paths.yaml", required=False),
             Labels("learning paths file", "learning paths files", "learning_paths"))
PATH = Kind("path", LearningPath, ListedIn("paths", "paths"), Labels("path", "paths", "learning_paths"),
            OwnPage("training/paths", "path.md"), "training/index.md")

KINDS: tuple[Kind[Any], ...] = (
    PRACTICE, ROLE, PROGRAM, PROCESS, CASE, QUOTE, TOOL, MODULE, SESSION, DOCUMENT,
    SITE, FRAMEWORK, FAMILY, LEVEL, PHASE, CONTINUUM, AUDIENCE, GLOSSARY, TERM, REFERENCES, REFERENCE, PATHS, PATH,
)

# Views of KINDS, each in registry order.
BY_NAME: Mapping[str, Kind[Any]] = MappingProxyType({kind.name: kind for kind in KINDS})
FOLDER_KINDS: tuple[tuple[Kind[Any], Folder], ...] = tuple(
    (kind, kind.stored) for kind in KINDS if isinstance(kind.stored, Folder)
)
CATALOG_FILES: tuple[tuple[Kind[Any], CatalogFile], ...] = tuple(
    (kind, kind.stored) for kind in KINDS if isinstance(kind.stored, CatalogFile)
)
LISTED_KINDS: tuple[tuple[Kind[Any], ListedIn], ...] = tuple(
    (kind, kind.stored) for kind in KINDS if isinstance(kind.stored, ListedIn)
)
REFERABLE: tuple[str, ...] = tuple(kind.name for kind, _ in FOLDER_KINDS) + tuple(kind.name for kind, _ in LISTED_KINDS)
"""Names of the kinds a reference can point to: stored one per file first, then listed in catalogs."""
WITH_PAGES: tuple[tuple[Kind[Any], OwnPage], ...] = tuple(
    (kind, kind.url) for kind in KINDS if isinstance(kind.url, OwnPage)
)

_BY_MODEL: dict[type[BaseModel], list[Kind[Any]]] = {}
for _kind in KINDS:
    _BY_MODEL.setdefault(_kind.model, []).append(_kind)
del _kind


def kind_named(name: str) -> Kind[Any]:
    """The kind called `name` (KeyError when there is none)."""
    return BY_NAME[name]


def kind_of(model: type[M]) -> Kind[M]:
    """The one kind whose model is `model`.

    A model shared by several kinds (`Term`: phase and continuum) names none of them:
    pass the kind itself (`registry.PHASE`) where such a model is meant.
    """
    kinds = _BY_MODEL.get(model, [])
    if len(kinds) != 1:
        names = ", ".join(kind.name for kind in kinds)
        problem = f"is the model of {names}: pass the kind" if kinds else "is no kind's model"
        raise LookupError(f"{model.__name__} {problem}")
    return kinds[0]
