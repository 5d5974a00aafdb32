"""Self-paced modules, learning paths and trainer-pair sessions."""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import Field, PositiveInt, model_validator

from generator.model.base import Closed, Entity, Upkeep
from generator.model.text import (
    AudienceRef,
    Id,
    LocalizedText,
    Markdown,
    ModuleRef,
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


class LearningPath(Upkeep):
    """An ordered list of modules for one audience."""

    id: Id = Field(description="Id of the path.")
    title: LocalizedText = Field(description="Title.")
    audience: AudienceRef = Field(description="Who the path is for.")
    summary: LocalizedText = Field(description="One or two sentences.")
    modules: list[ModuleRef] = Field(min_length=1, description="Modules in order.")
    mastery_score: int | None = Field(
        default=None, ge=0, le=100,
        description="In the path's SCORM package, the first-try score (0-100) at which a path whose modules are "
        "all done counts as passed rather than completed; the LMS reads it from the manifest. None: completed.",
    )


class Paths(Closed):
    """content/training/paths.yaml."""

    paths: list[LearningPath] = Field(min_length=1, description="Learning paths.")
