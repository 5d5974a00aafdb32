"""A role: who does what in patient partnership."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from generator.model.base import Entity
from generator.model.provenance import GUIDANCE, Provenance, Sourced, common_source, own_source
from generator.model.text import Abbreviation, LevelRef, LocalizedText, ReferenceRef, RoleRef, Tag


class Role(Entity):
    """content/roles/<id>.yaml."""

    # Parts that are advice by nature: their items are the project's guidance unless they say otherwise.
    ADVICE: ClassVar[frozenset[str]] = frozenset({"day_one"})

    name: LocalizedText = Field(description="Name of the role.")
    abbreviation: Abbreviation | None = Field(
        default=None,
        description="Abbreviation per language, e.g. {en: PA, fr: PP}; a language without one shows none.")
    category: Literal["manager", "patient", "provider", "support", "group"] = Field(
        description="Kind of role: a manager level, a patient role, a provider, a support function, or a group."
    )
    level: LevelRef | None = Field(default=None, description="Management level (managers only).")
    source: Provenance | None = Field(
        default=None,
        description="Where the role comes from: {type: study, locator: ...} for a role the study describes, "
        "'guidance' for one of your own (the default). `who` and the responsibilities follow it, unless an "
        "item gives its own source (a duty you add is {text: ..., source: guidance}); day_one is your guidance.",
    )
    summary: LocalizedText = Field(description="One sentence for lists and cards.")
    who: Sourced = Field(description="Who holds the role.")
    responsibilities: list[Sourced] = Field(min_length=1, description="What the role does.")
    works_with: list[RoleRef] = Field(default_factory=list, description="Roles it works with most.")
    day_one: list[Sourced] = Field(
        default_factory=list, description="What someone in this role needs on day one (your guidance by default)."
    )
    references: list[ReferenceRef] = Field(default_factory=list, description="Sources.")
    tags: list[Tag] = Field(default_factory=list, description="Free tags.")

    @property
    def provenance(self) -> Provenance:
        """The role's source: its own, else the project's guidance."""
        return self.source or GUIDANCE

    def source_of(self, part: str, item: object = None) -> Provenance:
        """The source of a part ('who', 'responsibilities', 'day_one') or of one of its items; a list's
        source is the one all its items share, else what its items take."""
        value = getattr(self, part, None)
        default = GUIDANCE if part in self.ADVICE else self.provenance
        if item is None and isinstance(value, list):
            return common_source([self.source_of(part, x) for x in value], default)
        return own_source(item if item is not None else value) or default
