"""A managerial practice: what managers do to partner with patient advisors."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from generator.model.base import Closed, Entity
from generator.model.provenance import (
    GUIDANCE,
    TOOLKITS,
    Provenance,
    Sourced,
    SourcedText,
    cited_toolkit,
    common_source,
    own_source,
    text_of,
)
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
    source: Provenance | None = Field(
        default=None, description="Where this comes from, when not from the practice's own source."
    )


class Practice(Entity):
    """content/practices/<id>.yaml."""

    # Parts that are advice by nature: their items are the project's guidance unless they say otherwise.
    ADVICE: ClassVar[frozenset[str]] = frozenset({"how_to", "pitfalls"})

    title: LocalizedText = Field(description="Imperative title, e.g. 'Secure funds to compensate patient advisors'.")
    family: FamilyRef = Field(description="Practice family (framework.yaml).")
    levels: list[LevelRef] = Field(min_length=1, description="Management levels that carry the practice.")
    phases: list[PhaseRef] = Field(min_length=1, description="Change phases in which it matters.")
    status: Literal["observed", "open-challenge"] = Field(
        default="observed",
        description="'observed' in the cases, or an 'open-challenge' the study raises but no case solved.",
    )
    source: Provenance | None = Field(
        default=None,
        description="Where the practice comes from: {type: study, locator: ...} for a practice the study "
        "reports, 'guidance' for one of your own (the default). Its description, why and observed_in "
        "follow it; how_to and pitfalls are your guidance unless an item says otherwise.",
    )
    summary: LocalizedText = Field(description="One or two sentences for lists and cards.")
    description: Sourced = Field(description="What the practice is.")
    why: Sourced = Field(description="Why it matters.")
    how_to: list[Sourced] = Field(
        default_factory=list,
        description="Steps to put it in place, in order: your guidance, unless a step says "
        "{text: ..., source: {type: study, locator: ...}}.",
    )
    pitfalls: list[Sourced] = Field(
        default_factory=list,
        description="What goes wrong and how to avoid it: your guidance, unless an item gives its own source.",
    )
    observed_in: list[CaseObservation] = Field(default_factory=list, description="What each case did.")
    toolkits_add: list[Sourced] = Field(
        default_factory=list,
        description="What published toolkits add beyond the study (described, never copied): each item cites "
        "its toolkit as [[reference:id]], or gives its own source.",
    )
    evidence: list[QuoteRef] = Field(default_factory=list, description="Quotes that illustrate the practice.")
    roles: list[RoleRef] = Field(default_factory=list, description="Roles involved.")
    tools: list[ToolRef] = Field(default_factory=list, description="Printable tools that support it.")
    related: list[PracticeRef] = Field(default_factory=list, description="Related practices.")
    references: list[ReferenceRef] = Field(min_length=1, description="Sources (references.yaml).")
    tags: list[Tag] = Field(default_factory=list, description="Free tags.")

    @property
    def provenance(self) -> Provenance:
        """The practice's source: its own, else the project's guidance."""
        return self.source or GUIDANCE

    def source_of(self, part: str, item: object = None) -> Provenance:
        """The source of a part ('why', 'how_to', ...) or of one of its items: the item's own, else what
        the part takes (guidance for advice, the cited toolkit, the practice's source). A list's source
        is the one all its items share, else what its items take."""
        value = getattr(self, part, None)
        if item is None and isinstance(value, list):
            return common_source([self.source_of(part, x) for x in value], self._default(part, None))
        own = own_source(item if item is not None else value)
        return own if own is not None else self._default(part, item)

    def _default(self, part: str, item: object) -> Provenance:
        if part in self.ADVICE:
            return GUIDANCE
        if part == "toolkits_add":
            return cited_toolkit(text_of(item)) if isinstance(item, Markdown | SourcedText) else TOOLKITS
        return self.provenance
