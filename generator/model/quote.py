"""A quote: a participant's words, verbatim, with provenance and consent."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.base import Closed, Entity
from generator.model.text import (
    CaseRef,
    LanguageCode,
    LevelRef,
    LocalizedText,
    Markdown,
    PracticeRef,
    ReferenceRef,
    RoleRef,
)


class Speaker(Closed):
    """Who said it, as the source attributes it (never a name)."""

    label: LocalizedText = Field(description="Attribution as the source gives it, e.g. 'Mid-level manager, case 2'.")
    role: RoleRef | None = Field(default=None, description="The speaker's role.")
    level: LevelRef | None = Field(default=None, description="The speaker's management level, for managers.")


class Source(Closed):
    """Where the quote was published."""

    reference: ReferenceRef = Field(description="Reference (references.yaml).")
    locator: str | None = Field(default=None, description="Section or page in the source.")


class Consent(Closed):
    """On what basis the quote may be published."""

    basis: Literal["research-ethics-protocol", "written-consent", "published-open-licence"] = Field(
        description="Basis for publication."
    )
    note: Markdown = Field(description="Details: who consented, to what, under which licence.")


class Quote(Entity):
    """content/quotes/<id>.yaml."""

    text: LocalizedText = Field(
        description="The words, verbatim in the original language; other languages are translations."
    )
    language: LanguageCode = Field(description="Language the words were said or published in.")
    speaker: Speaker = Field(description="Who said it.")
    case: CaseRef | None = Field(default=None, description="The case the speaker belongs to.")
    practices: list[PracticeRef] = Field(default_factory=list, description="Practices it illustrates.")
    source: Source = Field(description="Provenance.")
    consent: Consent = Field(description="Consent to publish.")
