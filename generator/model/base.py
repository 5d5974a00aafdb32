"""The base every content model inherits: closed, frozen, described; entities are kept current."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from generator.model.text import Id, LocalizedText
from generator.model.upkeep import ReviewDate
from generator.positions import KeyPath


class Closed(BaseModel):
    """A closed, immutable record: unknown keys are errors, values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Upkeep(Closed):
    """A record someone keeps current: who does (`owner`), and by when it is reviewed next.

    Every kind of entity takes both: those stored one per file (`Entity`) and those listed in
    catalog files (families, levels, phases, continuum stages, audiences, glossary terms,
    references, learning paths). Site settings and the catalog files themselves do not.
    """

    owner: LocalizedText | None = Field(
        default=None,
        description="Who keeps it current, e.g. 'Partnership office' or {en: Partnership office, fr: Bureau du "
        "partenariat}; shown on its page beside the next review date.",
    )
    review_by: ReviewDate | None = Field(
        default=None,
        description="When it is reviewed next, written YYYY-MM-DD (e.g. 2027-05-17); 'partnerkit check' warns "
        "once the date has passed. After the review, move it to the next review date.",
    )


class Entity(Upkeep):
    """An entity stored in its own file; the file name is its id."""

    id: Id = Field(
        description="The entity's id. Optional in the file: it defaults to the file name, and must equal it when given."
    )

    def original_language(self, path: KeyPath) -> str | None:
        """The language the text at `path` (inside the entity) was first written in, when it is not
        the site's default; None for the default. Its other languages translate that one."""
        return None
