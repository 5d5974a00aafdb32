"""Write checked translations into their content files and stamp the lock, or change nothing.

Each file is edited in place (`generator.loading.yaml_edit`), and the edited text is read
back before anything is written: it must hold the same data as before but for the new
translations. Then every file and the lock are written atomically, and the whole content
is loaded again; if it does not load, or loads differently but for the imported fields,
every file and the lock are put back as they were and the import fails with the reason.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.app.translations import Translations, load_translations, write_lock
from generator.errors import ContentError
from generator.issues import Issue, Severity, errors
from generator.loading.lock import LOCK_FILE, source_hash
from generator.loading.translatable import Translatable
from generator.loading.yaml_edit import EditError, TextEdit, apply_translations
from generator.writing import write_bytes_atomic

_BUG = "this is a bug in partnerkit: please report it with the file; nothing was changed"


@dataclass(frozen=True)
class Accepted:
    """A translation to write: its field, its language, its text, and its entry's line in the PO file."""

    text: Translatable
    lang: str
    value: str
    line: int

    @property
    def changes(self) -> bool:
        """True when the file does not say this already."""
        return self.value != self.text.translation(self.lang)


def write_translations(translations: Translations, accepted: list[Accepted]) -> list[Issue]:
    """Write `accepted` and stamp the lock for each; the problems (errors: nothing was changed)."""
    by_file: dict[str, list[Accepted]] = {}
    for entry in accepted:
        if entry.changes:
            by_file.setdefault(entry.text.file, []).append(entry)
    edited: dict[Path, tuple[bytes, bytes]] = {}
    issues: list[Issue] = []
    for file, entries in sorted(by_file.items()):
        path = translations.project / file
        old = path.read_bytes()
        new, problems = _edit(old.decode("utf-8"), entries)
        issues += problems
        if new is not None:
            edited[path] = (old, new.encode("utf-8"))
    if errors(issues):
        return issues
    lock_path = translations.project / LOCK_FILE
    old_lock = lock_path.read_bytes() if lock_path.is_file() else None
    try:
        for path, (_, new_bytes) in edited.items():
            write_bytes_atomic(path, new_bytes)
        for entry in accepted:
            translations.lock.stamp(entry.text.file, entry.text.where, entry.lang, source_hash(entry.text.source or ""))
        write_lock(translations.project, translations.lock)
        problems = _reloaded_as_expected(translations, accepted)
    except BaseException:
        _restore(edited, lock_path, old_lock)
        raise
    if problems:
        _restore(edited, lock_path, old_lock)
    return issues + problems


def _edit(text: str, entries: list[Accepted]) -> tuple[str | None, list[Issue]]:
    """The file's text with `entries` written in (checked by reading it back); None with the problem."""
    edits = [TextEdit(e.text.yaml_path, e.lang, e.value, e.text.source_lang) for e in entries]
    try:
        return apply_translations(text, edits), []
    except EditError as exc:
        if exc.edit is None:
            return None, [_issue(entries[0], f"cannot write the translations into this file: {exc}", _BUG)]
        entry = entries[exc.edit]
        return None, [_issue(entry, f"cannot write the '{entry.lang}' translation here: {exc}",
                             "write it by hand, then run 'partnerkit translations confirm'")]


def _reloaded_as_expected(translations: Translations, accepted: list[Accepted]) -> list[Issue]:
    """Load the content again: the same fields, the same texts, but for the imported translations."""
    try:
        reloaded = load_translations(translations.project)
    except ContentError as exc:
        first = accepted[0]
        return [*errors(exc.issues), _issue(first, "the imported translations leave the content with errors; "
                                            "every file was put back as it was",
                                            "fix the translations in the PO file, then import it again")]
    wanted = {(t.file, t.where): _root(t) for t in translations.texts}
    for entry in accepted:
        root = wanted[(entry.text.file, entry.text.where)]
        wanted[(entry.text.file, entry.text.where)] = ({**root, entry.lang: entry.value} if isinstance(root, dict)
                                                       else {entry.text.source_lang: root, entry.lang: entry.value})
    found = {(t.file, t.where): _root(t) for t in reloaded.texts}
    if found != wanted:
        differing = sorted(key for key in wanted.keys() | found.keys() if wanted.get(key) != found.get(key))
        file, where = differing[0]
        return [Issue(file, 1, 1, Severity.ERROR, f"after the import, '{where}' does not read as expected; "
                      "every file was put back as it was", where=where, hint=_BUG)]
    return []


def _root(text: Translatable) -> Any:
    return copy.deepcopy(text.text.root)


def _restore(edited: dict[Path, tuple[bytes, bytes]], lock_path: Path, old_lock: bytes | None) -> None:
    """Put every written file and the lock back as they were."""
    for path, (old, _) in edited.items():
        write_bytes_atomic(path, old)
    if old_lock is None:
        lock_path.unlink(missing_ok=True)
    else:
        write_bytes_atomic(lock_path, old_lock)


def _issue(entry: Accepted, message: str, hint: str) -> Issue:
    return Issue(entry.text.file, entry.text.line(entry.text.source_lang), 1, Severity.ERROR, message,
                 where=entry.text.where, hint=hint)
