"""Self-paced modules, learning paths and trainer-pair sessions."""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import Field, PositiveInt, model_validator

from generator.model.base import Closed, Entity
from generator.model.text import (
    AudienceRef,
    DocumentRef,
    Id,
    LocalizedText,
    Markdown,
    ModuleRef,
    RoleRef,
    ToolRef,
)


class Choice(Closed):
    """One answer to a knowledge check."""

    text: LocalizedText = Field(description="The answer.")
    correct: bool = Field(default=False, description="True for a correct answer.")
    feedback: Markdown = Field(description="Why this answer is right or wrong; may link [[practice:...]].")


class KnowledgeCheck(Closed):
    """A question with feedback on every choice."""

    id: Id = Field(description="Id of the check within the module.")
    question: LocalizedText = Field(description="The question.")
    kind: Literal["single", "multiple"] = Field(default="single", description="One correct answer, or several.")
    choices: list[Choice] = Field(min_length=2, description="Answers.")
    shuffle: bool = Field(
        default=True,
        description="Show the choices in an order drawn from the check's id, the same in every build, language, "
        "page and workbook; false keeps the order written here.",
    )

    def displayed_choices(self) -> list[Choice]:
        """The choices in the order learners see them, on the site and in print alike."""
        if not self.shuffle:
            return list(self.choices)
        # A digest of the id and each position, not `random`: the order must not change with the
        # Python version, the language or the build, so a trainer's answer key stays right.
        order = sorted(range(len(self.choices)), key=lambda index: _draw(self.id, index))
        return [self.choices[index] for index in order]

    @model_validator(mode="after")
    def _answers_are_consistent(self) -> KnowledgeCheck:
        correct = sum(choice.correct for choice in self.choices)
        if correct == 0:
            raise ValueError("no choice is marked 'correct: true'; mark the right answer")
        if self.kind == "single" and correct > 1:
            raise ValueError(f"a 'single' check has {correct} correct choices; use 'kind: multiple' or keep one")
        return self


def _draw(check_id: str, index: int) -> bytes:
    return hashlib.sha256(f"{check_id}\x00{index}".encode()).digest()


class Objective(Closed):
    """A learning objective and what in the module assesses it."""

    text: LocalizedText = Field(description="What the learner can do after the module.")
    assessed_by: list[Id] = Field(
        default_factory=list,
        description="Ids of this module's knowledge checks that assess it, or 'reflection' for its reflection "
        "prompts; `check` warns on an objective nothing assesses.",
    )

    @model_validator(mode="before")
    @classmethod
    def _text_alone(cls, data: object) -> object:
        # An objective written as plain text (or {en:, fr:}) stays valid: it is the text alone.
        if isinstance(data, str) or (isinstance(data, dict) and "text" not in data):
            return {"text": data}
        return data


class ModuleSection(Closed):
    """A section of a module."""

    title: LocalizedText = Field(description="Section title.")
    body: Markdown = Field(description="Markdown; embed entities with [[practice:id]], [[case:id]], [[quote:id]].")


class Module(Entity):
    """content/training/modules/<id>.yaml."""

    title: LocalizedText = Field(description="Module title.")
    audience: list[AudienceRef] = Field(min_length=1, description="Who the module is for.")
    duration_minutes: PositiveInt = Field(description="Time to complete, in minutes.")
    summary: LocalizedText = Field(description="One or two sentences.")
    objectives: list[Objective] = Field(
        min_length=1, description="Learning objectives: text, or {text:, assessed_by: [check ids, 'reflection']}."
    )
    prerequisites: list[ModuleRef] = Field(default_factory=list, description="Modules to do first.")
    sections: list[ModuleSection] = Field(min_length=1, description="Content, in order.")
    checks: list[KnowledgeCheck] = Field(default_factory=list, description="Knowledge checks.")
    reflection: list[LocalizedText] = Field(default_factory=list, description="Reflection prompts.")
    key_points: list[LocalizedText] = Field(default_factory=list, description="Key points to remember.")


class LearningPath(Closed):
    """An ordered list of modules for one audience."""

    id: Id = Field(description="Id of the path.")
    title: LocalizedText = Field(description="Title.")
    audience: AudienceRef = Field(description="Who the path is for.")
    summary: LocalizedText = Field(description="One or two sentences.")
    modules: list[ModuleRef] = Field(min_length=1, description="Modules in order.")


class Paths(Closed):
    """content/training/paths.yaml."""

    paths: list[LearningPath] = Field(min_length=1, description="Learning paths.")


class SlideNotes(Closed):
    """What each presenter says on a slide."""

    quality_advisor: Markdown | None = Field(default=None, description="Script for the quality advisor.")
    patient_advisor: Markdown | None = Field(default=None, description="Script for the patient advisor.")


class Slide(Closed):
    """One slide."""

    title: LocalizedText = Field(description="Slide title.")
    points: list[LocalizedText] = Field(default_factory=list, description="Bullet points (few, short).")
    visual: str | None = Field(
        default=None,
        description="A generated figure: 'framework', 'process:<id>', 'timeline:<case id>', or 'quote:<id>'.",
    )
    notes: SlideNotes = Field(default_factory=SlideNotes, description="Presenter notes.")


class SessionBlock(Closed):
    """A timed block of a session."""

    title: LocalizedText = Field(description="Block title.")
    minutes: PositiveInt = Field(description="Length in minutes.")
    presenter: Literal["quality-advisor", "patient-advisor", "both"] = Field(description="Who leads the block.")
    activity: Markdown = Field(description="What happens.")
    slides: list[Slide] = Field(default_factory=list, description="Slides shown.")


class Session(Entity):
    """content/training/sessions/<id>.yaml: a plan for a trainer pair."""

    title: LocalizedText = Field(description="Session title.")
    audience: list[AudienceRef] = Field(min_length=1, description="Who attends.")
    duration_minutes: PositiveInt = Field(description="Total time; must equal the sum of the blocks.")
    summary: LocalizedText = Field(description="One or two sentences.")
    objectives: list[LocalizedText] = Field(min_length=1, description="Learning objectives.")
    presenters: list[RoleRef] = Field(
        min_length=2, max_length=2, description="The two presenter roles: quality advisor and patient advisor."
    )
    blocks: list[SessionBlock] = Field(min_length=1, description="Timed blocks, in order.")
    materials: list[ToolRef] = Field(default_factory=list, description="Tools handed out.")
    handouts: list[DocumentRef] = Field(default_factory=list, description="Documents handed out.")

    @model_validator(mode="after")
    def _blocks_fill_the_time(self) -> Session:
        total = sum(block.minutes for block in self.blocks)
        if total != self.duration_minutes:
            raise ValueError(f"blocks add up to {total} minutes but duration_minutes is {self.duration_minutes}")
        return self
