"""A role: who does what in patient partnership."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.base import Entity
from generator.model.text import LevelRef, LocalizedText, Markdown, ReferenceRef, RoleRef, Tag


class Role(Entity):
    """content/roles/<id>.yaml."""

    name: LocalizedText = Field(description="Name of the role.")
    abbreviation: LocalizedText | None = Field(default=None, description="Abbreviation, e.g. 'PA'.")
    category: Literal["manager", "patient", "provider", "support", "group"] = Field(
        description="Kind of role: a manager level, a patient role, a provider, a support function, or a group."
    )
    level: LevelRef | None = Field(default=None, description="Management level (managers only).")
    summary: LocalizedText = Field(description="One sentence for lists and cards.")
    who: Markdown = Field(description="Who holds the role.")
    responsibilities: list[Markdown] = Field(min_length=1, description="What the role does.")
    works_with: list[RoleRef] = Field(default_factory=list, description="Roles it works with most.")
    day_one: list[Markdown] = Field(default_factory=list, description="What someone in this role needs on day one.")
    references: list[ReferenceRef] = Field(default_factory=list, description="Sources.")
    tags: list[Tag] = Field(default_factory=list, description="Free tags.")
