"""A case study: one organization's story of partnering with patients in QI."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from generator.model.base import Closed, Entity
from generator.model.text import (
    LocalizedText,
    Markdown,
    PhaseRef,
    PracticeRef,
    ReferenceRef,
    RoleRef,
    Tag,
)

# A date as precise as the source: '2015', '2015-04' or '2015-04-01'.
PartialDate = Annotated[str, StringConstraints(pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")]


class TeamSeat(Closed):
    """How many of one role sit on the case's QI team."""

    role: RoleRef = Field(description="The role.")
    count: LocalizedText = Field(description="How many, as the source gives it ('2', '1 or 2').")


class ProfileFact(Closed):
    """A labelled fact of the case profile."""

    label: LocalizedText = Field(description="What the fact is, e.g. 'Clinical area'.")
    value: LocalizedText = Field(description="The fact.")


class Profile(Closed):
    """The case's profile: a few labelled facts, each optional.

    The five named fields are those of the default content's case table; another
    project fills in those it knows and adds its own as `facts`.
    """

    organization_type: LocalizedText | None = Field(default=None, description="Type of healthcare organization.")
    setting: LocalizedText | None = Field(default=None, description="Rural, urban, ...")
    clinical_area: LocalizedText | None = Field(default=None, description="Clinical area of the QI work.")
    unit: LocalizedText | None = Field(default=None, description="Unit or program studied.")
    coordination: LocalizedText | None = Field(default=None, description="How partnership is coordinated.")
    qi_team: list[TeamSeat] = Field(default_factory=list, description="QI team composition by role.")
    facts: list[ProfileFact] = Field(default_factory=list, description="Other facts of the profile.")


class Event(Closed):
    """A dated event on the case timeline."""

    date: PartialDate = Field(description="'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.")
    title: LocalizedText = Field(description="Short title for the timeline.")
    description: Markdown | None = Field(default=None, description="What happened.")


class CasePhase(Closed):
    """The case's story in one change phase."""

    phase: PhaseRef = Field(description="Change phase.")
    summary: Markdown = Field(description="What happened in this phase.")
    events: list[Event] = Field(default_factory=list, description="Dated events, in order.")


class Outcome(Closed):
    """A result, with its figure when the source gives one."""

    label: LocalizedText = Field(description="What was measured or observed.")
    figure: LocalizedText | None = Field(default=None, description="The figure, as text: '~200', '7', 'more than 10'.")
    date: PartialDate | None = Field(default=None, description="When the figure holds.")
    description: Markdown | None = Field(default=None, description="Context.")


class Activities(Closed):
    """QI activities with patient advisors."""

    team_level: list[Markdown] = Field(default_factory=list, description="In the QI team.")
    other_levels: list[Markdown] = Field(default_factory=list, description="At other levels of the organization.")


class Case(Entity):
    """content/cases/<id>.yaml."""

    title: LocalizedText = Field(description="Title, e.g. 'Case 1: mental health in a rural organization'.")
    short_title: LocalizedText = Field(description="Short title, e.g. 'Case 1'.")
    summary: LocalizedText = Field(description="One or two sentences.")
    profile: Profile = Field(default_factory=Profile, description="The case profile (optional).")
    story: list[CasePhase] = Field(min_length=1, description="The story by change phase.")
    activities: Activities = Field(default_factory=Activities, description="QI activities with patient advisors.")
    outcomes: list[Outcome] = Field(default_factory=list, description="Results.")
    challenges: list[Markdown] = Field(default_factory=list, description="Challenges met.")
    practices: list[PracticeRef] = Field(default_factory=list, description="Practices observed in the case.")
    references: list[ReferenceRef] = Field(min_length=1, description="Sources.")
    tags: list[Tag] = Field(default_factory=list, description="Free tags.")
