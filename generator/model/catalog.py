"""Single-file catalogs: the glossary and the bibliography."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.base import Closed, Upkeep
from generator.model.text import Abbreviation, Id, LocalizedText, Markdown, TermRef


class GlossaryTerm(Upkeep):
    """A term or abbreviation."""

    id: Id = Field(description="Id of the term.")
    term: LocalizedText = Field(description="The term spelled out.")
    abbreviation: Abbreviation | None = Field(
        default=None,
        description="Abbreviation expanded on hover, per language, e.g. {en: PA, fr: PP}; "
        "a language without one shows none.")
    definition: Markdown = Field(description="Definition.")
    see_also: list[TermRef] = Field(default_factory=list, description="Related terms.")


class Glossary(Closed):
    """content/glossary.yaml."""

    terms: list[GlossaryTerm] = Field(min_length=1, description="Terms, in any order (shown sorted).")


class Reference(Upkeep):
    """A bibliographic reference."""

    id: Id = Field(description="Id used to cite it, e.g. 'clavel-2019'.")
    type: Literal["article", "preprint", "report", "book", "chapter", "web", "toolkit"] = Field(
        description="Kind of source."
    )
    authors: list[str] = Field(
        default_factory=list,
        description="Authors in order: a person as 'Family Initials' ('Pomey M-P'), an organization by its "
        "name ('Health Quality Ontario'), cited whole. The last word tells them apart: initials are capitals.",
    )
    title: str = Field(min_length=1, description="Title in its original language.")
    venue: str | None = Field(default=None, description="Journal, publisher or website.")
    year: int | None = Field(
        default=None, ge=1900, le=2100, description="Year of publication; leave out for an undated source ('n.d.')."
    )
    volume: str | None = Field(default=None, description="Volume.")
    issue: str | None = Field(default=None, description="Issue.")
    pages: str | None = Field(default=None, description="Pages or article number.")
    doi: str | None = Field(default=None, pattern=r"^10\.\d{4,9}/\S+$", description="DOI without 'https://doi.org/'.")
    url: str | None = Field(default=None, pattern=r"^https?://\S+$", description="Web address when there is no DOI.")
    licence: str | None = Field(default=None, description="Licence of the source, e.g. 'CC BY 4.0'.")
    note: LocalizedText | None = Field(default=None, description="What the source is used for.")


class References(Closed):
    """content/references.yaml."""

    references: list[Reference] = Field(min_length=1, description="Bibliography.")
