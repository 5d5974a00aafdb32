"""The base every content model inherits: closed, frozen, described."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from generator.model.text import Id
from generator.positions import KeyPath


class Closed(BaseModel):
    """A closed, immutable record: unknown keys are errors, values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Entity(Closed):
    """An entity stored in its own file; the file name is its id."""

    id: Id = Field(
        description="The entity's id. Optional in the file: it defaults to the file name, and must equal it when given."
    )

    def original_language(self, path: KeyPath) -> str | None:
        """The language the text at `path` (inside the entity) was first written in, when it is not
        the site's default; None for the default. Its other languages translate that one."""
        return None
