"""Where a part of the content comes from: the study, a published toolkit, or the project's own guidance.

Practices, roles, tools and documents carry a `source`, and so may their parts and list
items. Written in a file as one word or a mapping:

    source: guidance                                             # the project's own advice
    source: {type: study, locator: "Results, Team training"}     # where the paper says it
    source: {type: toolkit, reference: hqo-terms-of-reference}   # a published toolkit

A list item or a long text is plain Markdown (it takes the source of what holds it), or
`{text: ..., source: ...}` with a source of its own. What leaves the source out is the
project's own guidance: nothing is presented as the study's unless it says so.
`checks.provenance` asks a locator of every `study` source and a reference of every
`toolkit` source; renderers show the label ("From the study · Results, Team training").
"""

from __future__ import annotations

import difflib
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, GetJsonSchemaHandler, Tag, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from generator.model.base import Closed
from generator.model.text import Markdown, ReferenceRef, find_inline_refs

SOURCE_TYPES = ("study", "toolkit", "guidance")
SourceType = Literal["study", "toolkit", "guidance"]
# Pydantic names the branch an error happened in ('sourced'); it is not in the author's file.
SHAPE_TAGS = frozenset({"markdown", "sourced"})


class Provenance(Closed):
    """Where a part of the content comes from: `guidance`, or `{type: study|toolkit, ...}`."""

    type: SourceType = Field(
        description="'study': the study the site is built on reports it (give `locator`); 'toolkit': a "
        "published toolkit or guide holds it (give `reference`); 'guidance': the project's own advice."
    )
    locator: str | None = Field(
        default=None,
        description="Where the study says it, by the paper's own headings, e.g. 'Results, Team training' "
        "(required for 'study'); for a toolkit, the part of it, if useful.",
    )
    reference: ReferenceRef | None = Field(
        default=None, description="The published toolkit it comes from (references.yaml); required for 'toolkit'."
    )

    @model_validator(mode="before")
    @classmethod
    def _one_word(cls, data: Any) -> Any:
        # `source: guidance` is `source: {type: guidance}`.
        if not isinstance(data, str):
            return data
        if data not in SOURCE_TYPES:
            close = difflib.get_close_matches(data, SOURCE_TYPES, n=1)
            meant = f" (did you mean '{close[0]}'?)" if close else ""
            raise ValueError(f"unknown source '{data}'{meant}; write study, toolkit or guidance")
        return {"type": data}

    @model_validator(mode="after")
    def _fits_its_type(self) -> Provenance:
        if self.type == "guidance" and (self.locator is not None or self.reference is not None):
            raise ValueError(
                "a 'guidance' source is the project's own advice and takes no locator or reference; "
                "write type: study or type: toolkit if it comes from one"
            )
        if self.type == "study" and self.reference is not None:
            raise ValueError("a 'study' source is the site's study: say where with 'locator', not 'reference'")
        return self

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        # The one-word form beside the mapping, so editors accept `source: guidance`.
        schema = handler.resolve_ref_schema(handler(core_schema))
        return {
            "description": schema.get("description", ""),
            "anyOf": [
                {"type": "string", "enum": list(SOURCE_TYPES)},
                {k: v for k, v in schema.items() if k != "description"},
            ],
        }

    @property
    def key(self) -> tuple[str, str | None, str | None]:
        """What tells two sources apart on a page (a label is shown where it changes)."""
        return self.type, self.locator, self.reference


GUIDANCE = Provenance(type="guidance")
# Published toolkits in general (a part listing what several toolkits add, each item citing its own).
TOOLKITS = Provenance.model_construct(type="toolkit", locator=None, reference=None)


class SourcedText(Closed):
    """A text with a source of its own: `{text: ..., source: ...}`."""

    text: Markdown = Field(description="The text (Markdown).")
    source: Provenance = Field(description="Where this text comes from: study, toolkit or guidance.")


def _shape(value: Any) -> str:
    if isinstance(value, SourcedText) or (isinstance(value, dict) and ("text" in value or "source" in value)):
        return "sourced"
    return "markdown"


Sourced = Annotated[
    Annotated[Markdown, Tag("markdown")] | Annotated[SourcedText, Tag("sourced")],
    Discriminator(_shape),
    Field(description="Markdown text, or {text: ..., source: ...} for a text with a source of its own."),
]
"""A text that is plain Markdown (it takes the source of what holds it) or carries its own."""


def text_of(item: Markdown | SourcedText) -> Markdown:
    """The Markdown of a text, whichever way it is written."""
    return item.text if isinstance(item, SourcedText) else item


def own_source(item: object) -> Provenance | None:
    """The source an item gives itself, if any (a `SourcedText`, a tool item, a section...)."""
    source = getattr(item, "source", None)
    return source if isinstance(source, Provenance) else None


def common_source(sources: list[Provenance], default: Provenance) -> Provenance:
    """The source every one of `sources` shares (a list whose items all say the same), else `default`."""
    if sources and all(source.key == sources[0].key for source in sources):
        return sources[0]
    return default


def cited_toolkit(text: Markdown) -> Provenance:
    """A toolkit source naming the first reference the text cites ([[reference:id]]); none named when
    it cites none (the check reports it)."""
    for _, value in text.items():
        for ref in find_inline_refs(value):
            if ref.kind == "reference":
                return Provenance.model_construct(type="toolkit", locator=None, reference=ref.id)
    return Provenance(type="toolkit")
