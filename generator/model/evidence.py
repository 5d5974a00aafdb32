"""The "About the evidence" page: what kind of evidence the site's content rests on.

Written by the organization in `content/evidence.yaml` (leave the file out and the site has no
such page): a title, a lead, sections in the organization's own words, each citing where in the
study it comes from, and the references the page draws on.
"""

from __future__ import annotations

from pydantic import Field

from generator.model.base import Closed
from generator.model.provenance import GUIDANCE, Provenance
from generator.model.text import LocalizedText, Markdown, ReferenceRef


class EvidenceSection(Closed):
    """One part of the page: a heading and its text."""

    title: LocalizedText = Field(description="Heading of the part, e.g. 'Two cases, mostly managers' view'.")
    body: Markdown = Field(description="The text, in your own words.")
    source: Provenance | None = Field(
        default=None,
        description="Where it comes from, e.g. {type: study, locator: 'Methods, Data collection methods'}; "
        "leave it out for your own reading of the evidence.",
    )

    @property
    def provenance(self) -> Provenance:
        """The section's source: its own, else the project's guidance."""
        return self.source or GUIDANCE


class Evidence(Closed):
    """content/evidence.yaml."""

    title: LocalizedText = Field(description="Title of the page, e.g. 'About the evidence'.")
    summary: LocalizedText = Field(description="One or two sentences under the title, and in the links to the page.")
    sections: list[EvidenceSection] = Field(min_length=1, description="The parts of the page, in order.")
    references: list[ReferenceRef] = Field(default_factory=list, description="Sources the page draws on.")
