"""The kind registry: the one place that says, per kind of content, what it is and where it goes.

Each `Kind` names its model, where its files are stored under `content/` (a folder of
one file per entity, a catalog file, or a list inside a catalog file), its URL rule on
the site (a page of its own, or an anchor on a shared page), its labels and the page
template that renders it. Loading, checks, the model's accessors, URLs, stats, schemas
and the page tree are derived from `KINDS`; adding a kind means one entry here (listed
in `KINDS`), its model and, when it has pages, its template (and its page function in
`render.site.tree.ENTITY_PAGES`; a test says when one is missing).

This module imports only models. The order of `KINDS` is the order kinds are loaded,
counted, listed and their pages generated in.
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
from generator.model.evidence import Evidence
from generator.model.framework import Audience, Family, Framework, Level, Term
from generator.model.practice import Practice
from generator.model.program import Process, Program
from generator.model.quote import Quote
from generator.model.role import Role
from generator.model.session import Session
from generator.model.site import Site
from generator.model.terminology import Terminology
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
    title: str | None = None  # a message key (generator.messages), where the kind has a section


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
PRACTICE = Kind("practice", Practice, stored=Folder("practices"),
                labels=Labels("practice", "practices", "practices"),
                url=OwnPage("practices", "practice.md"),
                index="practices/index.md")
ROLE = Kind("role", Role, stored=Folder("roles"),
            labels=Labels("role", "roles", "roles"),
            url=OwnPage("roles", "role.md"),
            index="roles/index.md")
PROGRAM = Kind("program", Program, stored=Folder("program"),
               labels=Labels("program", "programs", "program"),
               url=OwnPage("program", "program.md"),
               index="program/index.md")
PROCESS = Kind("process", Process, stored=Folder("program/processes"),
               labels=Labels("process", "processes", "processes"),
               url=OwnPage("program/processes", "process.md"))
CASE = Kind("case", Case, stored=Folder("cases"),
            labels=Labels("case", "cases", "cases"),
            url=OwnPage("cases", "case.md"),
            index="cases/index.md")
QUOTE = Kind("quote", Quote, stored=Folder("quotes"),
             labels=Labels("quote", "quotes", "quotes"),
             url=Anchor("quotes.md", "quote-"))
TOOL = Kind("tool", Tool, stored=Folder("tools"),
            labels=Labels("tool", "tools", "tools"),
            url=OwnPage("tools", "tool.md"),
            index="tools/index.md")
MODULE = Kind("module", Module, stored=Folder("training/modules"),
              labels=Labels("module", "modules", "modules"),
              url=OwnPage("training/modules", "module.md"))
SESSION = Kind("session", Session, stored=Folder("training/sessions"),
               labels=Labels("session", "sessions", "sessions"),
               url=OwnPage("training/sessions", "session.md"),
               index="training/sessions/index.md")
DOCUMENT = Kind("document", Document, stored=Folder("documents"),
                labels=Labels("document", "documents", "downloads"),
                url=Anchor("downloads.md", "doc-"))

# Catalog files, each followed by the kinds listed in it.
SITE = Kind("site", Site, stored=CatalogFile("site.yaml", required=True),
            labels=Labels("site settings", "site settings"))
FRAMEWORK = Kind("framework", Framework, stored=CatalogFile("framework.yaml", required=True),
                 labels=Labels("framework", "frameworks", "framework"))
FAMILY = Kind("family", Family, stored=ListedIn("framework", "families"),
              labels=Labels("family", "families", "families"),
              url=Anchor("framework/index.md", "family-"))
LEVEL = Kind("level", Level, stored=ListedIn("framework", "levels"),
             labels=Labels("level", "levels", "levels"),
             url=Anchor("framework/index.md", "level-"))
PHASE = Kind("phase", Term, stored=ListedIn("framework", "phases"),
             labels=Labels("phase", "phases", "phases"),
             url=Anchor("framework/index.md", "phase-"))
CONTINUUM = Kind("continuum", Term, stored=ListedIn("framework", "engagement_continuum"),
                 labels=Labels("continuum stage", "continuum stages", "continuum"),
                 url=Anchor("framework/index.md", "continuum-"))
AUDIENCE = Kind("audience", Audience, stored=ListedIn("framework", "audiences"),
                labels=Labels("audience", "audiences"),
                url=Anchor("index.md", "audience-"))
GLOSSARY = Kind("glossary", Glossary, stored=CatalogFile("glossary.yaml", required=False),
                labels=Labels("glossary", "glossaries", "glossary"))
TERM = Kind("term", GlossaryTerm, stored=ListedIn("glossary", "terms"),
            labels=Labels("glossary term", "glossary terms", "glossary"),
            url=Anchor("glossary.md", "term-"))
REFERENCES = Kind("references", References, stored=CatalogFile("references.yaml", required=True),
                  labels=Labels("bibliography", "bibliographies", "references"))
REFERENCE = Kind("reference", Reference, stored=ListedIn("references", "references"),
                 labels=Labels("reference", "references", "references"),
                 url=Anchor("references.md", "ref-"))
PATHS = Kind("paths", Paths, stored=CatalogFile("training/paths.yaml", required=False),
             labels=Labels("learning paths file", "learning paths files", "learning_paths"))
PATH = Kind("path", LearningPath, stored=ListedIn("paths", "paths"),
            labels=Labels("path", "paths", "learning_paths"),
            url=OwnPage("training/paths", "path.md"),
            index="training/index.md")

# The "About the evidence" page, when the project writes one.
EVIDENCE = Kind("evidence", Evidence, stored=CatalogFile("evidence.yaml", required=False),
                labels=Labels("evidence page", "evidence pages"))

# The English-to-French terminology table translators follow and `check` lints French text with.
TERMINOLOGY = Kind("terminology", Terminology, stored=CatalogFile("terminology.yaml", required=False),
                   labels=Labels("terminology table", "terminology tables"))

KINDS: tuple[Kind[Any], ...] = (
    PRACTICE, ROLE, PROGRAM, PROCESS, CASE, QUOTE, TOOL, MODULE, SESSION, DOCUMENT,
    SITE, FRAMEWORK, FAMILY, LEVEL, PHASE, CONTINUUM, AUDIENCE, GLOSSARY, TERM, REFERENCES, REFERENCE, PATHS, PATH,
    EVIDENCE, TERMINOLOGY,
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
