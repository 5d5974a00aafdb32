"""The terminology table: the French term this project uses for each English one, and its source.

Written in `content/terminology.yaml` (optional). Translators read it; `check` warns when a
French text uses a form the table says to avoid, and when an English text uses a term whose
French text uses none of the term's French forms.
"""

from __future__ import annotations

from pydantic import Field

from generator.model.base import Closed
from generator.model.text import Id, ReferenceRef


class TermPair(Closed):
    """One English term and the French term that renders it."""

    id: Id = Field(description="The entry's id, e.g. 'patient-advisor'.")
    en: str = Field(min_length=1,
                    description="The English term, lowercase unless a proper name, e.g. 'patient advisor'.")
    fr: str = Field(min_length=1, description="The French term to use, e.g. 'patient partenaire'.")
    fr_forms: tuple[str, ...] = Field(
        default=(),
        description="Other French forms that count as using the term (plural and feminine endings "
        "of each word are accepted without listing them), e.g. 'patients partenaires'.",
    )
    avoid: tuple[str, ...] = Field(
        default=(),
        description="French forms `check` warns about, e.g. the anglicism 'patient conseiller'.",
    )
    enforce: bool = Field(
        default=True,
        description="Warn when an English text uses the term and its French text uses none of its "
        "French forms. Set false for a common word that a good translation may render otherwise "
        "('senior managers' → 'haute direction'): then only `avoid` is checked.",
    )
    source: str = Field(
        min_length=1,
        description="Where the French term is established, e.g. 'OQLF, Grand dictionnaire "
        "terminologique'; 'project' when it is the project's own choice.",
    )
    reference: ReferenceRef | None = Field(default=None, description="The reference (references.yaml) behind it.")
    note: str | None = Field(default=None, description="When to use it, for translators.")


class Terminology(Closed):
    """content/terminology.yaml."""

    terms: list[TermPair] = Field(min_length=1, description="The terms, English to French.")
