"""A printable tool: a form, checklist, guide or template with typed items."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from generator.model.base import Closed, Entity
from generator.model.provenance import GUIDANCE, Provenance, common_source, own_source
from generator.model.text import (
    AudienceRef,
    LocalizedText,
    Markdown,
    PracticeRef,
    ReferenceRef,
    RoleRef,
    Tag,
)


def _item_source() -> Any:
    return Field(default=None, description="Where this item comes from, when not from its section's source.")


class CheckboxItem(Closed):
    """A box to tick."""

    type: Literal["checkbox"] = Field(description="Item type.")
    label: LocalizedText = Field(description="What is ticked.")
    help: LocalizedText | None = Field(default=None, description="Hint under the label.")
    source: Provenance | None = _item_source()


class TextItem(Closed):
    """Lines or a box to write in."""

    type: Literal["text"] = Field(description="Item type.")
    label: LocalizedText = Field(description="Question or field name.")
    lines: int = Field(default=1, ge=1, le=30, description="Lines of writing space in print.")
    help: LocalizedText | None = Field(default=None, description="Hint under the label.")
    source: Provenance | None = _item_source()


class RatingItem(Closed):
    """A rating scale."""

    type: Literal["rating"] = Field(description="Item type.")
    label: LocalizedText = Field(description="What is rated.")
    scale: int = Field(default=5, ge=2, le=10, description="Number of points on the scale.")
    low: LocalizedText = Field(description="Meaning of the lowest point, e.g. 'Strongly disagree'.")
    high: LocalizedText = Field(description="Meaning of the highest point, e.g. 'Strongly agree'.")
    source: Provenance | None = _item_source()


class SignatureItem(Closed):
    """A signature line with name and date."""

    type: Literal["signature"] = Field(description="Item type.")
    label: LocalizedText = Field(description="Who signs, e.g. 'Patient advisor'.")
    source: Provenance | None = _item_source()


class InfoItem(Closed):
    """Guidance text between items."""

    type: Literal["info"] = Field(description="Item type.")
    text: Markdown = Field(description="The guidance.")
    source: Provenance | None = _item_source()


ToolItem = Annotated[
    CheckboxItem | TextItem | RatingItem | SignatureItem | InfoItem,
    Field(discriminator="type"),
]


class ToolSection(Closed):
    """A titled group of items."""

    title: LocalizedText = Field(description="Section title.")
    source: Provenance | None = Field(
        default=None, description="Where this section's items come from, if not from the tool's source."
    )
    items: list[ToolItem] = Field(min_length=1, description="Items in order.")


class Tool(Entity):
    """content/tools/<id>.yaml."""

    title: LocalizedText = Field(description="Title of the form or checklist.")
    kind: Literal["form", "checklist", "guide", "template", "questionnaire"] = Field(description="Kind of tool.")
    audience: list[AudienceRef] = Field(default_factory=list, description="Who uses it (framework audiences).")
    users: list[RoleRef] = Field(default_factory=list, description="Roles that fill it in or run it.")
    source: Provenance | None = Field(
        default=None,
        description="Where the tool comes from: 'guidance' for a form of your own (the default), "
        "{type: toolkit, reference: ...} for one built on a published toolkit, {type: study, locator: ...} for "
        "one the study describes. Sections and items follow it unless they give their own.",
    )
    purpose: Markdown = Field(description="What it is for.")
    instructions: Markdown | None = Field(default=None, description="How to use it.")
    sections: list[ToolSection] = Field(min_length=1, description="The tool's content.")
    practices: list[PracticeRef] = Field(default_factory=list, description="Practices it supports.")
    references: list[ReferenceRef] = Field(default_factory=list, description="Sources it draws on.")
    tags: list[Tag] = Field(default_factory=list, description="Free tags.")

    @property
    def provenance(self) -> Provenance:
        """The tool's source: its own, else the project's guidance."""
        return self.source or GUIDANCE

    def source_of(self, section: ToolSection | None = None, item: ToolItem | None = None) -> Provenance:
        """The source of the tool, of one section (its own, else the one all its items share, else the
        tool's), or of one item of a section."""
        if section is None:
            return self.provenance
        if item is not None:
            return own_source(item) or own_source(section) or self.provenance
        return own_source(section) or common_source([self.source_of(section, x) for x in section.items],
                                                    self.provenance)

    @model_validator(mode="after")
    def _has_fillable_item(self) -> Tool:
        # A form of nothing but guidance is a page, not a tool.
        if self.kind in ("form", "checklist", "questionnaire") and all(
            item.type == "info" for section in self.sections for item in section.items
        ):
            raise ValueError(f"a {self.kind} needs at least one item to fill in (checkbox, text, rating or signature)")
        return self
