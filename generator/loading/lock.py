"""Read `translations.lock`: which source text each translation was confirmed against.

The lock sits beside `content/` and records, per file, field and target language, a
short sha256 of the field's source text (the text the translation was made from, in the
site's default language) at the moment the translation was confirmed. When the source
text changes afterwards, its hash no longer matches and the translation is outdated.

The file is JSON (a strict subset of YAML) with sorted keys and one entry per line, so
its diffs read well in review:

    {
      "files": {
        "content/roles/board.yaml": {
          "responsibilities[0].text": {"fr": "3f2a9c1b7d4e5f60"}
        }
      },
      "version": 1
    }

`partnerkit translations confirm` and `import` write it (through the app layer); this
module only reads it, and renders the text the app layer writes. A missing lock means
nothing is confirmed yet; a damaged one is a located error with a hint, never a traceback.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.issues import Issue, Severity

LOCK_FILE = "translations.lock"
VERSION = 1
HASH_LENGTH = 16
_HASH = re.compile(rf"^[0-9a-f]{{{HASH_LENGTH}}}$")
_LANG = re.compile(r"^[a-z]{2}$")
_HINT = (
    f"{LOCK_FILE} is written by 'partnerkit translations confirm': restore it from version control, "
    "or delete it and confirm the translations again"
)

Stamps = dict[str, dict[str, dict[str, str]]]
"""file -> field path -> target language -> hash of the source text."""


def source_hash(text: str) -> str:
    """The short sha256 (hex) of a source text, as the lock records it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


@dataclass
class TranslationLock:
    """The confirmed translations: a hash of their source text by file, field and language."""

    stamps: Stamps = field(default_factory=dict)

    def confirmed(self, file: str, where: str, lang: str) -> str | None:
        """The source hash the `lang` translation of `where` in `file` was confirmed against, if any."""
        return self.stamps.get(file, {}).get(where, {}).get(lang)

    def stamp(self, file: str, where: str, lang: str, digest: str) -> None:
        """Record that the `lang` translation of `where` was confirmed against the source hashed `digest`."""
        self.stamps.setdefault(file, {}).setdefault(where, {})[lang] = digest

    def forget(self, file: str, where: str, lang: str) -> None:
        """Drop the stamp of one translation (it no longer exists), and emptied levels with it."""
        fields = self.stamps.get(file, {})
        langs = fields.get(where, {})
        langs.pop(lang, None)
        if not langs:
            fields.pop(where, None)
        if not fields:
            self.stamps.pop(file, None)


def render_lock(lock: TranslationLock) -> str:
    """The lock's text: JSON with sorted keys, two-space indent, a final newline."""
    stamps = {file: fields for file, fields in lock.stamps.items() if fields}
    return json.dumps({"files": stamps, "version": VERSION}, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def load_lock(project: Path) -> tuple[TranslationLock, list[Issue]]:
    """The project's lock and the problems reading it; an empty lock when there is no file."""
    path = project / LOCK_FILE
    if not path.is_file():
        return TranslationLock(), []
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        return TranslationLock(), [Issue(LOCK_FILE, 1, 1, Severity.ERROR, f"cannot read file: {exc.strerror}")]
    except UnicodeDecodeError as exc:
        return TranslationLock(), [_error(1, exc.start + 1, "file is not valid UTF-8")]
    return parse_lock(text)


def parse_lock(text: str) -> tuple[TranslationLock, list[Issue]]:
    """Read the lock's text; every problem is located in it."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return TranslationLock(), [_error(exc.lineno, exc.colno, f"not valid JSON: {exc.msg}")]
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        return TranslationLock(), [_error(1, 1, "the lock must be an object with 'files' and 'version'")]
    if data.get("version") != VERSION:
        line = _line_of(text, '"version"')
        return TranslationLock(), [
            _error(line, 1, f"unknown lock version {data.get('version')!r}; this partnerkit reads version {VERSION}")
        ]
    lock = TranslationLock()
    issues: list[Issue] = []
    lines = text.splitlines()
    for file, fields in data["files"].items():
        # Where a key is written is looked for only when there is something to report there.
        def file_line(file: str = file) -> int:
            return _line_in(lines, json.dumps(file, ensure_ascii=False))
        if not isinstance(fields, dict):
            issues.append(_error(file_line(), 1, f"'{file}': expected an object of field paths"))
            continue
        for where, langs in fields.items():
            def field_line(where: str = where) -> int:
                return _line_in(lines, json.dumps(where, ensure_ascii=False), after=file_line())
            if not isinstance(langs, dict):
                issues.append(_error(field_line(), 1, f"'{file}' '{where}': expected an object of languages"))
                continue
            for lang, digest in langs.items():
                if not isinstance(lang, str) or not _LANG.match(lang):
                    issues.append(_error(field_line(), 1, f"'{file}' '{where}': '{lang}' is not a language code"))
                elif not isinstance(digest, str) or not _HASH.match(digest):
                    issues.append(_error(field_line(), 1, f"'{file}' '{where}' '{lang}': {digest!r} is not a "
                                                          f"source hash ({HASH_LENGTH} hexadecimal digits)"))
                else:
                    lock.stamp(file, where, lang, digest)
    return (TranslationLock(), issues) if issues else (lock, [])


def _error(line: int, column: int, message: str) -> Issue:
    return Issue(LOCK_FILE, line, column, Severity.ERROR, message, hint=_HINT)


def _line_of(text: str, needle: str, after: int = 0) -> int:
    """The first line (1-based) after line `after` holding `needle`, else `after` or 1: the lock is
    written one key per line, so this finds where a key of it is."""
    return _line_in(text.splitlines(), needle, after)


def _line_in(lines: list[str], needle: str, after: int = 0) -> int:
    """`_line_of` over the lock's lines, split once."""
    for number in range(after, len(lines)):
        if needle in lines[number]:
            return number + 1
    return max(after, 1)
