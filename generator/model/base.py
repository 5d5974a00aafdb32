"""The base every content model inherits: closed, frozen, described."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from generator.model.text import Id


class Closed(BaseModel):
    """A closed, immutable record: unknown keys are errors, values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Entity(Closed):
    """An entity stored in its own file; the file name is its id."""

    id: Id = Field(
        description="The entity's id. Optional in the file: it defaults to the file name, and must equal it when given."
    )
