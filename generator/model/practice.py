"""A managerial practice: what managers do to partner with patient advisors."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.base import Closed, Entity
from generator.model.text import (
    CaseRef,
    FamilyRef,
    LevelRef,
    LocalizedText,
    Markdown,
    PhaseRef,
    PracticeRef,
    QuoteRef,
    ReferenceRef,
    RoleRef,
    Tag,
    ToolRef,
)


class CaseObservation(Closed):
    """What one case did (or failed to do) about a practice."""

    case: CaseRef = Field(description="The case observed.")
    what: Markdown = Field(description="What the case did, in a sentence or two.")


class Practice(Entity):
    """content/practices/<id>.yaml."""

    title: LocalizedText = Field(description="Imperative title, e.g. 'Secure funds to compensate patient advisors'.")
    family: FamilyRef = Field(description="Practice family (framework.yaml).")
    levels: list[LevelRef] = Field(min_length=1, description="Management levels that carry the practice.")
    phases: list[PhaseRef] = Field(min_length=1, description="Change phases in which it matters.")
    status: Literal["observed", "open-challenge"] = Field(
        default="observed",
        description="'observed' in the cases, or an 'open-challenge' the study raises but no case solved.",
    )
    summary: LocalizedText = Field(description="One or two sentences for lists and cards.")
    description: Markdown = Field(description="What the practice is.")
    why: Markdown = Field(description="Why it matters.")
    how_to: list[Markdown] = Field(default_factory=list, description="Steps to put it in place, in order.")
    pitfalls: list[Markdown] = Field(default_factory=list, description="What goes wrong and how to avoid it.")
    observed_in: list[CaseObservation] = Field(default_factory=list, description="What each case did.")
    toolkits_add: list[Markdown] = Field(
        default_factory=list, description="What published toolkits add beyond the study (described, never copied)."
    )
    evidence: list[QuoteRef] = Field(default_factory=list, description="Quotes that illustrate the practice.")
    roles: list[RoleRef] = Field(default_factory=list, description="Roles involved.")
    tools: list[ToolRef] = Field(default_factory=list, description="Printable tools that support it.")
    related: list[PracticeRef] = Field(default_factory=list, description="Related practices.")
    references: list[ReferenceRef] = Field(min_length=1, description="Sources (references.yaml).")
    tags: list[Tag] = Field(default_factory=list, description="Free tags.")
