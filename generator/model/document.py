"""A printable document: an ordered list of sections that reference entities."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from generator.model.base import Closed, Entity
from generator.model.text import (
    AudienceRef,
    CaseRef,
    FamilyRef,
    LanguageCode,
    LocalizedText,
    Markdown,
    ModuleRef,
    PracticeRef,
    ProcessRef,
    ProgramRef,
    RoleRef,
    ToolRef,
)


class TextSection(Closed):
    """A section written in the document itself."""

    type: Literal["text"] = Field(description="Section type.")
    title: LocalizedText = Field(description="Chapter title.")
    body: Markdown = Field(description="The text.")


class RoleSection(Closed):
    """A role's description."""

    type: Literal["role"] = Field(description="Section type.")
    ref: RoleRef = Field(description="The role.")


class ProgramSection(Closed):
    """A program's description."""

    type: Literal["program"] = Field(description="Section type.")
    ref: ProgramRef = Field(description="The program.")


class ProcessSection(Closed):
    """A process with its flow diagram."""

    type: Literal["process"] = Field(description="Section type.")
    ref: ProcessRef = Field(description="The process.")


class ToolSectionRef(Closed):
    """A printable tool."""

    type: Literal["tool"] = Field(description="Section type.")
    ref: ToolRef = Field(description="The tool.")


class CaseSection(Closed):
    """A case study."""

    type: Literal["case"] = Field(description="Section type.")
    ref: CaseRef = Field(description="The case.")


class PracticeSection(Closed):
    """One practice."""

    type: Literal["practice"] = Field(description="Section type.")
    ref: PracticeRef = Field(description="The practice.")


class FamilySection(Closed):
    """A practice family with all its practices."""

    type: Literal["family"] = Field(description="Section type.")
    ref: FamilyRef = Field(description="The family.")


class ModuleSectionRef(Closed):
    """A training module."""

    type: Literal["module"] = Field(description="Section type.")
    ref: ModuleRef = Field(description="The module.")


class GeneratedSection(Closed):
    """A section generated from the whole content."""

    type: Literal["framework", "glossary", "references"] = Field(description="Section type.")


DocumentSection = Annotated[
    TextSection
    | RoleSection
    | ProgramSection
    | ProcessSection
    | ToolSectionRef
    | CaseSection
    | PracticeSection
    | FamilySection
    | ModuleSectionRef
    | GeneratedSection,
    Field(discriminator="type"),
]


class Document(Entity):
    """content/documents/<id>.yaml."""

    title: LocalizedText = Field(description="Title on the cover.")
    subtitle: LocalizedText | None = Field(default=None, description="Subtitle on the cover.")
    audience: list[AudienceRef] = Field(min_length=1, description="Who the document is for.")
    languages: list[LanguageCode] = Field(
        default_factory=list, description="Languages to print; empty means every site language."
    )
    summary: LocalizedText = Field(description="One or two sentences for the downloads page.")
    sections: list[DocumentSection] = Field(min_length=1, description="Chapters, in order.")
