"""A printable document: an ordered list of sections that reference entities."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from generator.model.base import Closed, Entity
from generator.model.provenance import GUIDANCE, Provenance
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


def _section_source() -> Any:
    return Field(default=None, description="Where this section comes from, when not from the document's source.")


class TextSection(Closed):
    """A section written in the document itself."""

    type: Literal["text"] = Field(description="Section type.")
    title: LocalizedText = Field(description="Chapter title.")
    body: Markdown = Field(description="The text.")
    source: Provenance | None = _section_source()


class RoleSection(Closed):
    """A role's description."""

    type: Literal["role"] = Field(description="Section type.")
    ref: RoleRef = Field(description="The role.")


class ProgramSection(Closed):
    """A program's description."""

    type: Literal["program"] = Field(description="Section type.")
    ref: ProgramRef = Field(description="The program.")
    source: Provenance | None = _section_source()


class ProcessSection(Closed):
    """A process with its flow diagram."""

    type: Literal["process"] = Field(description="Section type.")
    ref: ProcessRef = Field(description="The process.")
    source: Provenance | None = _section_source()


class ToolSectionRef(Closed):
    """A printable tool."""

    type: Literal["tool"] = Field(description="Section type.")
    ref: ToolRef = Field(description="The tool.")


class CaseSection(Closed):
    """A case study."""

    type: Literal["case"] = Field(description="Section type.")
    ref: CaseRef = Field(description="The case.")
    source: Provenance | None = _section_source()


class PracticeSection(Closed):
    """One practice."""

    type: Literal["practice"] = Field(description="Section type.")
    ref: PracticeRef = Field(description="The practice.")


class FamilySection(Closed):
    """A practice family with all its practices."""

    type: Literal["family"] = Field(description="Section type.")
    ref: FamilyRef = Field(description="The family.")
    source: Provenance | None = _section_source()


class ModuleSectionRef(Closed):
    """A training module."""

    type: Literal["module"] = Field(description="Section type.")
    ref: ModuleRef = Field(description="The module.")
    source: Provenance | None = _section_source()


class GeneratedSection(Closed):
    """A section generated from the whole content."""

    type: Literal["framework", "glossary", "references"] = Field(description="Section type.")
    source: Provenance | None = _section_source()


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
    source: Provenance | None = Field(
        default=None,
        description="Where the document's own sections come from ('guidance', the default, for a pack you "
        "wrote); a section may give its own. A role, practice or tool section shows that entity's source.",
    )
    sections: list[DocumentSection] = Field(min_length=1, description="Chapters, in order.")

    @property
    def provenance(self) -> Provenance:
        """The document's source: its own, else the project's guidance."""
        return self.source or GUIDANCE

    def source_of(self, section: DocumentSection) -> Provenance | None:
        """A section's source: its own, else the document's; None for a role, practice or tool section,
        which shows the source of the entity it prints, and for the references, the sources themselves."""
        own = getattr(section, "source", None)
        if isinstance(own, Provenance):
            return own
        if isinstance(section, RoleSection | PracticeSection | ToolSectionRef):
            return None
        if isinstance(section, GeneratedSection) and section.type == "references":
            return None  # the list of sources itself
        return self.provenance
