"""A quote: a participant's words, verbatim, with provenance and consent.

`text` holds the words as said or published, in `language`; its other languages are
translations. Renderers show the words as written, tagged with their language, and a
translation only beside them, labelled with who made it: a translation is never
presented as the participant's own words.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

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
from generator.positions import KeyPath


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
        description="The words, verbatim in `language` (a plain string, or {<language>: ...}); other "
        "languages given are translations, shown beside the words and labelled as translations."
    )
    language: LanguageCode = Field(description="Language the words were said or published in.")
    translated_by: LocalizedText | None = Field(
        default=None,
        description="Who translated the words into the other languages of `text`, e.g. 'a professional "
        "translator'. Leave it out when the translation is the project's own (shown as 'our own "
        "translation').",
    )
    speaker: Speaker = Field(description="Who said it.")
    case: CaseRef | None = Field(default=None, description="The case the speaker belongs to.")
    practices: list[PracticeRef] = Field(default_factory=list, description="Practices it illustrates.")
    source: Source = Field(description="Provenance.")
    consent: Consent = Field(description="Consent to publish.")

    @field_validator("language")
    @classmethod
    def _words_in_their_language(cls, language: str, info: ValidationInfo) -> str:
        # `text` is validated first (it is declared before `language`).
        text = info.data.get("text")
        if isinstance(text, LocalizedText) and isinstance(text.root, dict) and not text.has(language):
            given = ", ".join(text.languages())
            raise ValueError(
                f"the text gives no '{language}' words (it has: {given}); write the words as said "
                f"under '{language}:', or set 'language' to the language they were said in"
            )
        return language

    def original_language(self, path: KeyPath) -> str | None:
        """The words are said in `language`: their translations are made from them."""
        return self.language if path == ("text",) else None

    def words(self) -> str:
        """The words as said or published, in `language`."""
        return self.text.get(self.language, self.language)

    def translation(self, lang: str) -> str | None:
        """The words translated into `lang`, when `text` gives that translation; else None."""
        if lang == self.language or not self.text.has(lang):
            return None
        translated = self.text.get(lang, self.language)
        return None if translated == self.words() else translated
