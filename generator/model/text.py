"""Localized text, Markdown text, ids and references: the field types every kind shares.

A human-readable field is either a plain string (written in the site's default
language), a mapping of language codes to strings, or `{any: ...}` for text that is
the same in every language (a number, an abbreviation, a proper name). Every shape
becomes a `LocalizedText`; a `Markdown` is a `LocalizedText` whose content is Markdown.
References between kinds are ids annotated with the kind they point to (`RefTo`),
so the cross-file checks can find every reference by walking the models.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from pydantic import ConfigDict, Field, GetJsonSchemaHandler, RootModel, StringConstraints, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LANGUAGE_PATTERN = r"^[a-z]{2}$"
# A plain string has no language of its own: it is read as the default language.
UNTAGGED = ""
# The key of text that is the same in every language: `{any: "CHU Sainte-Justine"}`.
# Three letters, so it can never be an ISO 639-1 code.
NEUTRAL = "any"
TEXT_KEY_PATTERN = r"^(?:[a-z]{2}|any)$"

# Letters NFKD does not split into a base letter and an accent.
_LIGATURES = str.maketrans(
    {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l"}
)


def suggest_id(text: str) -> str:
    """The id an author most likely meant by `text`: 'Infirmière clinicienne' -> 'infirmiere-clinicienne'.

    Accents are dropped (NFKD), letters lowered, every other run of characters becomes one
    hyphen. '' when nothing usable is left (a name in another script, say).
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    plain = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return "-".join(re.findall(r"[a-z0-9]+", plain))[:80].strip("-")


Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=80),
    Field(description="Lowercase kebab-case id, stable across versions (used in URLs)."),
]
LanguageCode = Annotated[
    str,
    StringConstraints(pattern=LANGUAGE_PATTERN),
    Field(description="Two-letter ISO 639-1 language code, e.g. 'en' or 'fr'."),
]
TextKey = Annotated[
    str,
    StringConstraints(pattern=TEXT_KEY_PATTERN),
    Field(description="A two-letter language code, or 'any' for text that is the same in every language."),
]
Tag = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=60),
    Field(description="A free tag in kebab-case; tag pages group entities by it."),
]


@dataclass(frozen=True)
class RefTo:
    """Marks an id field as a reference to an entity of `kind`."""

    kind: str


_REF_ID = StringConstraints(pattern=ID_PATTERN, max_length=80)

# One alias per kind a field can point to; the cross-file checks find them by `RefTo`.
FamilyRef = Annotated[str, _REF_ID, RefTo("family")]
LevelRef = Annotated[str, _REF_ID, RefTo("level")]
PhaseRef = Annotated[str, _REF_ID, RefTo("phase")]
ContinuumRef = Annotated[str, _REF_ID, RefTo("continuum")]
AudienceRef = Annotated[str, _REF_ID, RefTo("audience")]
PracticeRef = Annotated[str, _REF_ID, RefTo("practice")]
RoleRef = Annotated[str, _REF_ID, RefTo("role")]
CaseRef = Annotated[str, _REF_ID, RefTo("case")]
QuoteRef = Annotated[str, _REF_ID, RefTo("quote")]
ToolRef = Annotated[str, _REF_ID, RefTo("tool")]
ProgramRef = Annotated[str, _REF_ID, RefTo("program")]
ProcessRef = Annotated[str, _REF_ID, RefTo("process")]
ModuleRef = Annotated[str, _REF_ID, RefTo("module")]
PathRef = Annotated[str, _REF_ID, RefTo("path")]
SessionRef = Annotated[str, _REF_ID, RefTo("session")]
DocumentRef = Annotated[str, _REF_ID, RefTo("document")]
TermRef = Annotated[str, _REF_ID, RefTo("term")]
ReferenceRef = Annotated[str, _REF_ID, RefTo("reference")]


class LocalizedText(RootModel[str | dict[TextKey, str]]):
    """Human-readable text: a string, `{en: ..., fr: ...}`, or `{any: ...}` (the same in every language)."""

    model_config = ConfigDict(frozen=True, coerce_numbers_to_str=True)

    @model_validator(mode="after")
    def _not_empty(self) -> LocalizedText:
        values = [self.root] if isinstance(self.root, str) else list(self.root.values())
        if not values:
            raise ValueError("give the text, or at least one language: {en: ...}")
        if any(not v.strip() for v in values):
            raise ValueError("text is empty; write it or remove the field")
        if isinstance(self.root, dict) and NEUTRAL in self.root and len(self.root) > 1:
            raise ValueError(
                f"'{NEUTRAL}' means the text is the same in every language; keep either '{NEUTRAL}' or the languages"
            )
        return self

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        # Spelled out so editors offer the three shapes and underline a mix or an unknown key.
        schema = handler.resolve_ref_schema(handler(core_schema))
        schema["anyOf"] = [
            {"type": "string"},
            {
                "type": "object",
                "patternProperties": {LANGUAGE_PATTERN: {"type": "string"}},
                "additionalProperties": False,
                "minProperties": 1,
                "description": "The text per language: {en: ..., fr: ...}.",
            },
            {
                "type": "object",
                "properties": {NEUTRAL: {"type": "string"}},
                "required": [NEUTRAL],
                "additionalProperties": False,
                "description": "Text that is the same in every language (a number, an abbreviation, a name).",
            },
        ]
        return schema

    @property
    def is_neutral(self) -> bool:
        """True for `{any: ...}`: the same text in every language."""
        return isinstance(self.root, dict) and NEUTRAL in self.root

    def needs_translation(self) -> bool:
        """False for `{any: ...}` and for text without a single letter (numbers, dates, symbols)."""
        return not self.is_neutral and any(char.isalpha() for _, value in self.items() for char in value)

    def languages(self) -> tuple[str, ...]:
        """Languages given explicitly ('' for a plain string, 'any' for neutral text)."""
        return (UNTAGGED,) if isinstance(self.root, str) else tuple(self.root)

    def has(self, lang: str) -> bool:
        """True when the text exists in `lang` without falling back (neutral text exists in all)."""
        return isinstance(self.root, dict) and (lang in self.root or NEUTRAL in self.root)

    def get(self, lang: str, default_lang: str) -> str:
        """The text in `lang`, else in the default language, else the first given."""
        if isinstance(self.root, str):
            return self.root
        if lang in self.root:
            return self.root[lang]
        if NEUTRAL in self.root:
            return self.root[NEUTRAL]
        if default_lang in self.root:
            return self.root[default_lang]
        return next(iter(self.root.values()))

    def items(self) -> Iterator[tuple[str, str]]:
        """(language, text) pairs; a plain string yields ('', text)."""
        if isinstance(self.root, str):
            yield UNTAGGED, self.root
        else:
            yield from self.root.items()


class Abbreviation(LocalizedText):
    """An abbreviation: given per language, it never falls back to another language's.

    'PA' (patient advisor) means nothing in French, where the established one is 'PP'
    (patient partenaire); a term with no abbreviation in a language has none there. A plain
    string is the default language's; `{any: PDSA}` is the same in every language.
    """

    def needs_translation(self) -> bool:
        """Never: a language without an abbreviation of its own simply shows none."""
        return False

    def get(self, lang: str, default_lang: str) -> str:
        """The abbreviation in `lang`, or '' when that language has none."""
        if isinstance(self.root, str):
            return self.root if lang == default_lang else ""
        return self.root.get(lang) or self.root.get(NEUTRAL) or ""


class Markdown(LocalizedText):
    """Localized text written in Markdown; may embed `[[kind:id]]` references."""


# Inline reference syntax inside Markdown: [[kind:id]] or [[kind:id|label]].
INLINE_REF = re.compile(r"\[\[([a-z]+):([^\]|\s]+)(?:\|([^\]]+))?\]\]")


@dataclass(frozen=True)
class InlineRef:
    """One `[[kind:id|label]]` occurrence inside a Markdown text."""

    kind: str
    id: str
    label: str | None
    start: int
    end: int


def find_inline_refs(text: str) -> list[InlineRef]:
    """Every inline reference in `text`, in order."""
    return [InlineRef(m.group(1), m.group(2), m.group(3), m.start(), m.end()) for m in INLINE_REF.finditer(text)]
