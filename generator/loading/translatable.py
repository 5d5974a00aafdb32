"""Every translated text of the loaded content: where it is written, what it is translated from.

The outdated-translation check and `partnerkit translations` both read the fields from
here, so they always agree on which fields there are. A field is a human-readable text
(found by the model walker) that needs a translation: `{any: ...}`, abbreviations and
text without a letter are left out. Its translations are made from its source text, the
text in the site's default language, except a quote's words, which are translated from
the language they were said in.

A field is named as issues name it: its file as shown in messages
(`content/roles/board.yaml`) and its path in the model (`responsibilities[0].text`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel

from generator.issues import format_where
from generator.loading.lock import TranslationLock, source_hash
from generator.loading.project import LoadedFiles
from generator.model.base import Entity
from generator.model.registry import LISTED_KINDS
from generator.model.text import LocalizedText
from generator.model.walk import FoundText, walk
from generator.positions import KeyPath, Origin


class Status(StrEnum):
    """Where one translation of a field stands."""

    MISSING = "missing"  # the field has no text in that language
    OUTDATED = "outdated"  # its source text changed after the translation was confirmed
    UNCONFIRMED = "unconfirmed"  # translated, never confirmed (no stamp in translations.lock)
    CURRENT = "current"  # confirmed against the source text as it is now


@dataclass(frozen=True)
class Translatable:
    """One text that is translated, with where it is written."""

    origin: Origin
    path: KeyPath
    """Its full path in the file, as the model names it (what issues show as `where`)."""
    text: LocalizedText
    source_lang: str
    """The language its translations are made from."""
    markdown: bool

    @property
    def file(self) -> str:
        """The file, as messages show it: `content/roles/board.yaml`."""
        return self.origin.display

    @property
    def where(self) -> str:
        """The field's path: `responsibilities[0].text`."""
        return format_where(self.path)

    @property
    def source(self) -> str | None:
        """The source text; None when the field is not written in its source language."""
        root = self.text.root
        return root if isinstance(root, str) else root.get(self.source_lang)

    def translation(self, lang: str) -> str | None:
        """The text in `lang` (never the source's), None when there is none."""
        root = self.text.root
        return root.get(lang) if isinstance(root, dict) and lang != self.source_lang else None

    def targets(self, languages: list[str]) -> list[str]:
        """The site's languages this field is translated into."""
        return [lang for lang in languages if lang != self.source_lang]

    def status(self, lang: str, lock: TranslationLock) -> Status:
        """Where its `lang` translation stands against the lock."""
        source = self.source
        if self.translation(lang) is None or source is None:
            return Status.MISSING
        confirmed = lock.confirmed(self.file, self.where, lang)
        if confirmed is None:
            return Status.UNCONFIRMED
        return Status.CURRENT if confirmed == source_hash(source) else Status.OUTDATED

    @property
    def yaml_path(self) -> KeyPath:
        """Where the text is written in the file: its path, or the nearest parent written there
        (an objective written as plain text is read as `{text: ...}`, but is the list item itself)."""
        values = self.origin.located.values
        path = self.path
        while path and path not in values:
            path = path[:-1]
        return path

    def value_path(self, lang: str) -> KeyPath:
        """Where the text in `lang` is written (a plain string is its source language's)."""
        return self.yaml_path if isinstance(self.text.root, str) else (*self.yaml_path, lang)

    def line(self, lang: str) -> int:
        """The line where the text in `lang` starts (the first line under a block scalar's `|`)."""
        return self.origin.located.text_start_line(self.value_path(lang))


def translatable_texts(loaded: LoadedFiles, default: str) -> list[Translatable]:
    """Every field of the valid files that needs a translation, by file and then in file order."""
    found: list[Translatable] = []
    for (kind, entity_id), origin in loaded.origins.items():
        found += _texts(loaded.entities[kind][entity_id], origin, default)
    # Catalogs that list no entities of their own (site settings, the evidence page) are walked whole.
    listing = {stored.catalog for _, stored in LISTED_KINDS}
    for name, origin in loaded.catalog_origins.items():
        if name not in listing:
            found += _texts(loaded.catalogs[name], origin, default)
    return sorted(found, key=lambda t: (t.file, _position_of(t)))


def _position_of(text: Translatable) -> tuple[int, int]:
    """Line and column of a field, to list fields in the order they are written."""
    position = text.origin.located.position(text.yaml_path)
    return position.line, position.column


def _texts(model: BaseModel, origin: Origin, default: str) -> Iterator[Translatable]:
    for found in walk(model, origin.prefix):
        if isinstance(found, FoundText) and found.text.needs_translation():
            inside = found.path[len(origin.prefix):]
            original = model.original_language(inside) if isinstance(model, Entity) else None
            yield Translatable(origin, found.path, found.text, original or default, found.is_markdown)
