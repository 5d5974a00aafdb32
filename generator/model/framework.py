"""The framework: taxonomies as data (families, levels, phases, continuum, audiences)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.base import Closed, Upkeep
from generator.model.text import Id, LocalizedText, Markdown


class Term(Upkeep):
    """One value of a taxonomy."""

    id: Id = Field(description="Id used by other files to refer to this value.")
    name: LocalizedText = Field(description="Display name.")
    short: LocalizedText = Field(description="One-sentence description shown in tables and tooltips.")
    description: Markdown | None = Field(default=None, description="Longer explanation for the framework page.")


class Family(Term):
    """A family of managerial practices."""

    number: int = Field(ge=1, description="Position in the framework (1 = first family).")
    # Optional: the adapted/renewed split is one study's finding, not every framework's.
    approach: Literal["adapted", "renewed"] | None = Field(
        default=None,
        description=(
            "Optional. 'adapted': a traditional QI management practice adapted to partnership; "
            "'renewed': a practice renewed by partnership. Leave it out when your framework "
            "does not make this distinction."
        ),
    )


class Level(Term):
    """A management level."""

    positions: list[LocalizedText] = Field(default_factory=list, description="Positions held at this level.")


class Audience(Term):
    """Someone the site and documents are written for (used by paths, documents, tools)."""

    icon: str | None = Field(
        default=None, description="Material icon name for the home page, e.g. 'material/account-tie'."
    )


class Framework(Closed):
    """content/framework.yaml: the taxonomies validation checks references against."""

    families: list[Family] = Field(min_length=1, description="Practice families, in order.")
    levels: list[Level] = Field(min_length=1, description="Management levels, from top to front line.")
    phases: list[Term] = Field(min_length=1, description="Change phases, in order.")
    engagement_continuum: list[Term] = Field(
        default_factory=list, description="Engagement continuum, from least to most engaged."
    )
    audiences: list[Audience] = Field(
        min_length=1, description="Audiences that paths, documents and tools are written for."
    )
