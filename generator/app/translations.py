"""`partnerkit translations`: where each translation stands, and confirming translations.

A translation is missing (the field has no text in that language), outdated (its source
text changed after it was confirmed), unconfirmed (never confirmed: no stamp in
`translations.lock`) or current. Confirming stamps the lock with a hash of each
translated field's source text as it is now; the lock is written atomically. The PO
workflow for translators (`export`, `import`) is in `generator.app.po_export` and
`generator.app.po_import`.
"""

from __future__ import annotations

import contextlib
import difflib
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import ContentError, UserError
from generator.loading.lock import LOCK_FILE, TranslationLock, render_lock, source_hash
from generator.loading.project import LoadedFiles
from generator.loading.translatable import Status, Translatable, translatable_texts
from generator.pipeline import load_content
from generator.writing import write_text_atomic


@dataclass(frozen=True)
class Translations:
    """A project's translated fields, its languages (the default first) and its lock, from content without errors."""

    project: Path
    languages: list[str]
    texts: list[Translatable]
    lock: TranslationLock
    files: LoadedFiles

    def targets(self, lang: str | None) -> list[str]:
        """`[lang]` when it is one of the site's languages (UserError otherwise), else every language."""
        if lang is None:
            return self.languages
        if lang not in self.languages:
            raise UserError(f"language '{lang}' is not one of the site's languages ({', '.join(self.languages)}) "
                            "in content/site.yaml (choose one of them, or add it to 'languages')")
        return [lang]


def load_translations(project: Path, *, refusing: str = "") -> Translations:
    """The project's translated fields; ContentError (saying `refusing`) when the content has errors."""
    loaded = load_content(project)
    if loaded.content is None or loaded.files is None:
        raise ContentError(loaded.issues, refusing)
    files = loaded.files
    languages = loaded.content.languages
    return Translations(project, languages, translatable_texts(files, languages[0]), files.lock, files)


@dataclass
class FileReport:
    """Where the translations of one file into one language stand: the field paths per status."""

    file: str
    language: str
    fields: dict[Status, list[str]] = field(default_factory=lambda: {status: [] for status in Status})

    def count(self, status: Status) -> int:
        """How many fields have `status`."""
        return len(self.fields[status])

    @property
    def counts(self) -> dict[str, int]:
        """How many fields have each status, by its name."""
        return {status.value: self.count(status) for status in Status}

    @property
    def to_do(self) -> bool:
        """True when a translation is missing, outdated or unconfirmed."""
        return any(self.fields[status] for status in Status if status is not Status.CURRENT)


def report_translations(translations: Translations, lang: str | None = None) -> list[FileReport]:
    """A report per file and target language, in file order then the site's language order."""
    reports: dict[tuple[str, str], FileReport] = {}
    order = translations.targets(lang)
    for text in translations.texts:
        for target in text.targets(order):
            if text.source is None:
                continue  # not written in its own language: check says so
            report = reports.setdefault((text.file, target), FileReport(text.file, target))
            report.fields[text.status(target, translations.lock)].append(text.where)
    return sorted(reports.values(), key=lambda r: (r.file, order.index(r.language)))


def totals(reports: list[FileReport]) -> dict[str, dict[str, int]]:
    """Per language, how many fields have each status, and how many fields there are."""
    summed: dict[str, dict[str, int]] = {}
    for report in reports:
        counts = summed.setdefault(report.language, {status.value: 0 for status in Status} | {"fields": 0})
        for status in Status:
            counts[status.value] += report.count(status)
            counts["fields"] += report.count(status)
    return summed


@dataclass(frozen=True)
class Confirmed:
    """What confirming changed in the lock."""

    confirmed: int  # translations stamped that were unconfirmed or outdated
    unchanged: int  # translations already confirmed against their source as it is
    dropped: int  # stamps of translations or fields that no longer exist
    lock: Path


def confirm_translations(project: Path, files: list[str] | None = None, lang: str | None = None) -> Confirmed:
    """Stamp the lock for every translated field (of `files`, into `lang`) against its source text as it is now.

    Refuses (ContentError) when the content has errors; writes translations.lock atomically.
    """
    translations = load_translations(project, refusing="nothing was confirmed (fix them, then confirm again)")
    chosen = resolve_files(translations, files)
    targets = translations.targets(lang)
    lock = translations.lock
    confirmed = unchanged = 0
    kept: set[tuple[str, str, str]] = set()
    for text in translations.texts:
        if chosen is not None and text.file not in chosen:
            continue
        for target in text.targets(targets):
            source = text.source
            if source is None or text.translation(target) is None:
                continue
            kept.add((text.file, text.where, target))
            if text.status(target, lock) is Status.CURRENT:
                unchanged += 1
            else:
                lock.stamp(text.file, text.where, target, source_hash(source))
                confirmed += 1
    dropped = 0
    for file, fields in list(lock.stamps.items()):
        for where, langs in list(fields.items()):
            for target in list(langs):
                in_scope = (chosen is None or file in chosen) and (lang is None or target == lang)
                if in_scope and (file, where, target) not in kept:
                    lock.forget(file, where, target)
                    dropped += 1
    return Confirmed(confirmed, unchanged, dropped, write_lock(project, lock))


def resolve_files(translations: Translations, files: list[str] | None) -> set[str] | None:
    """The content files named on the command line, as messages show them; None for every file.

    A name may be as messages show it (`content/roles/board.yaml`) or a path from the current folder.
    """
    if not files:
        return None
    project = translations.project.resolve()
    known = {origin.display for origin in translations.files.origins.values()}
    known |= {origin.display for origin in translations.files.catalog_origins.values()}
    chosen: set[str] = set()
    for name in files:
        candidates = [name, Path(name).as_posix()]
        with contextlib.suppress(ValueError):  # a path outside the project: compared as given
            candidates.append(Path(name).resolve().relative_to(project).as_posix())
        match = next((candidate for candidate in candidates if candidate in known), None)
        if match is None:
            close = difflib.get_close_matches(Path(name).as_posix(), sorted(known), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "name a file of content/, e.g. content/roles/x.yaml"
            raise UserError(f"'{name}' is not a content file of {translations.project} ({hint})")
        chosen.add(match)
    return chosen


def write_lock(project: Path, lock: TranslationLock) -> Path:
    """Write translations.lock atomically; its path."""
    path = project / LOCK_FILE
    write_text_atomic(path, render_lock(lock))
    return path
