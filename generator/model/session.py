"""A trainer session: a plan that one to three presenters teach together, block by block.

Presenters are roles of the project (a quality advisor and a patient advisor in the
default content), so an organization names its own trainers. Who leads, who speaks on a
slide and who takes over next are role ids, checked against the session's presenters by
`check` (generator/checks/sessions.py), which also checks that the minutes add up.
"""

from __future__ import annotations

from pydantic import Field, NonNegativeInt, PositiveInt

from generator.model.base import Closed, Entity
from generator.model.text import (
    AudienceRef,
    CaseRef,
    DocumentRef,
    LocalizedText,
    Markdown,
    ModuleRef,
    PracticeRef,
    RoleRef,
    ToolRef,
)


class SpeakerNotes(Closed):
    """What one presenter says or does on a slide."""

    by: RoleRef = Field(description="The presenter (one of the session's presenters).")
    text: Markdown = Field(description="Their lines: what to say and do, in a few sentences.")


class Handoff(Closed):
    """The cue on which a presenter hands the floor to another at the end of a slide."""

    to: RoleRef = Field(description="The presenter who takes over (one of the session's presenters).")
    cue: LocalizedText = Field(description="The words or gesture that hand over, e.g. 'Over to you, Marie.'")


class SessionSlide(Closed):
    """One slide of a block, timed, with notes per presenter."""

    title: LocalizedText = Field(description="Slide title.")
    minutes: PositiveInt = Field(description="Time on this slide; a block's slides add up to its minutes.")
    points: list[LocalizedText] = Field(default_factory=list, description="Bullet points (few, short).")
    visual: str | None = Field(
        default=None,
        description="A generated figure: 'framework', 'process:<id>', 'timeline:<case id>', or 'quote:<id>'.",
    )
    lead: list[RoleRef] = Field(
        default_factory=list, description="Who speaks on this slide; by default whoever leads the block."
    )
    notes: list[SpeakerNotes] = Field(
        default_factory=list, description="Notes per presenter; whoever leads the slide must have some."
    )
    handoff: Handoff | None = Field(default=None, description="Who takes over after this slide, and the cue.")


class Activity(Closed):
    """Something participants do during a block."""

    title: LocalizedText = Field(description="Name of the activity.")
    minutes: PositiveInt = Field(description="Time for the activity, within its block.")
    instructions: Markdown = Field(description="What participants do, step by step.")
    debrief: list[LocalizedText] = Field(default_factory=list, description="Questions to debrief with the group.")


class SessionBlock(Closed):
    """A timed block of a session, led by one presenter or several."""

    title: LocalizedText = Field(description="Block title.")
    minutes: PositiveInt = Field(description="Length in minutes; the blocks add up to the session's duration.")
    lead: list[RoleRef] = Field(min_length=1, description="Who leads the block: one presenter or several.")
    purpose: Markdown = Field(description="What the block is for and what happens in it.")
    activity: Activity | None = Field(default=None, description="An activity for participants, if any.")
    slides: list[SessionSlide] = Field(min_length=1, description="Slides shown, in order.")
    practices: list[PracticeRef] = Field(default_factory=list, description="Practices the block teaches.")
    cases: list[CaseRef] = Field(default_factory=list, description="Cases the block draws on.")
    modules: list[ModuleRef] = Field(default_factory=list, description="Modules participants can follow up with.")
    tools: list[ToolRef] = Field(default_factory=list, description="Tools used or handed out in the block.")


class PreparationTask(Closed):
    """A step of getting ready, so many days before the session."""

    days_before: NonNegativeInt = Field(description="How many days before the session (0 = on the day).")
    who: list[RoleRef] = Field(min_length=1, description="Who does it (presenters or other roles).")
    task: LocalizedText = Field(description="What to do.")


class Session(Entity):
    """content/training/sessions/<id>.yaml: a session presenters teach together."""

    title: LocalizedText = Field(description="Session title.")
    audience: list[AudienceRef] = Field(min_length=1, description="Who attends.")
    duration_minutes: PositiveInt = Field(description="Total time; the blocks add up to it.")
    summary: LocalizedText = Field(description="One or two sentences.")
    objectives: list[LocalizedText] = Field(min_length=1, description="What participants can do afterwards.")
    presenters: list[RoleRef] = Field(
        min_length=1, max_length=3, description="The roles who present, from one to three (e.g. a trainer pair)."
    )
    materials: list[LocalizedText] = Field(default_factory=list, description="What to bring or set out.")
    room_setup: Markdown | None = Field(default=None, description="How to arrange the room.")
    preparation: list[PreparationTask] = Field(default_factory=list, description="Who does what, and when.")
    blocks: list[SessionBlock] = Field(min_length=1, description="Timed blocks, in order.")
    tools: list[ToolRef] = Field(default_factory=list, description="Tools handed out or used.")
    handouts: list[DocumentRef] = Field(default_factory=list, description="Documents handed out.")
    key_points: list[LocalizedText] = Field(default_factory=list, description="What participants take away.")
