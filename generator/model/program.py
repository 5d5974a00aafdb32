"""The program (e.g. Partners in Care) and its processes (e.g. the five-step involvement)."""

from __future__ import annotations

from pydantic import Field

from generator.model.base import Closed, Entity
from generator.model.text import (
    Abbreviation,
    LocalizedText,
    Markdown,
    ProcessRef,
    ReferenceRef,
    RoleRef,
    ToolRef,
)


class CommitteeSeat(Closed):
    """One role's place in a committee's composition."""

    role: RoleRef = Field(description="The role.")
    count: LocalizedText = Field(description="How many, as text: '2 or more', '1 or 2'.")
    minimum: int | None = Field(default=None, ge=0, description="Minimum number, when the program sets one.")
    note: Markdown | None = Field(default=None, description="What they do on the committee.")


class Skill(Closed):
    """A core skill looked for when recruiting."""

    name: LocalizedText = Field(description="The skill.")
    description: Markdown = Field(description="What it means in practice.")


class Program(Entity):
    """content/program/<id>.yaml."""

    name: LocalizedText = Field(description="Full name.")
    abbreviation: Abbreviation | None = Field(
        default=None,
        description="Abbreviation per language, e.g. {en: PCP, fr: PPS}; a language without one shows none.")
    summary: LocalizedText = Field(description="One or two sentences.")
    description: Markdown = Field(description="What the program is and where it comes from.")
    objectives: list[LocalizedText] = Field(min_length=1, description="What the program aims at.")
    committee: list[CommitteeSeat] = Field(default_factory=list, description="Composition of a QI committee.")
    # Optional: not every program runs one improvement cycle under one supervisor.
    cycle: Markdown | None = Field(default=None, description="How the improvement cycle runs (optional).")
    supervision: Markdown | None = Field(default=None, description="Who supervises the committee (optional).")
    first_year_support: Markdown | None = Field(default=None, description="Support teams get in their first year.")
    rules: list[Markdown] = Field(default_factory=list, description="Rules every team follows.")
    core_skills: list[Skill] = Field(default_factory=list, description="Core skills used to recruit patient advisors.")
    processes: list[ProcessRef] = Field(default_factory=list, description="Processes of the program.")
    references: list[ReferenceRef] = Field(min_length=1, description="Sources.")


class ProcessStep(Closed):
    """One step of a process."""

    title: LocalizedText = Field(description="Short title for the diagram.")
    actors: list[RoleRef] = Field(min_length=1, description="Who carries the step.")
    description: Markdown = Field(description="What happens.")
    inputs: list[LocalizedText] = Field(default_factory=list, description="What the step starts from.")
    outputs: list[LocalizedText] = Field(default_factory=list, description="What it produces.")
    tools: list[ToolRef] = Field(default_factory=list, description="Printable tools used.")


class Process(Entity):
    """content/program/processes/<id>.yaml."""

    name: LocalizedText = Field(description="Name of the process.")
    summary: LocalizedText = Field(description="One or two sentences.")
    description: Markdown | None = Field(default=None, description="Context and where the process comes from.")
    steps: list[ProcessStep] = Field(min_length=2, description="Steps in order.")
    references: list[ReferenceRef] = Field(min_length=1, description="Sources.")
