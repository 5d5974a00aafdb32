"""`partnerkit translations import FILE.po`: a translator's PO file back into the content.

Every entry is checked before anything is written, and every problem is reported at once,
located at its entry in the PO file:

- an entry whose field no longer exists (unknown msgctxt), or whose source text changed
  since the export (msgid is not the source text any more), is reported and skipped;
- a translation that drops a `[[kind:id]]` reference or an image of its source is an error.

Fuzzy and empty translations are left out. When there is no error, the translations are
written into their files (`generator.app.translation_writer`) and the lock is stamped
for every field imported; with any error, nothing is written.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po

from generator.app.po_export import context_of
from generator.app.translation_writer import Accepted, write_translations
from generator.app.translations import Translations, load_translations
from generator.checks.images import markdown_images
from generator.errors import UserError
from generator.issues import Issue, Severity, errors
from generator.model.text import find_inline_refs


@dataclass
class Imported:
    """What an import did, and every problem it found."""

    issues: list[Issue] = field(default_factory=list)
    language: str = ""
    imported: int = 0  # translations confirmed (written, or already as the PO says)
    written: list[str] = field(default_factory=list)  # content files changed
    skipped: int = 0  # entries reported and left out
    fuzzy: int = 0
    untranslated: int = 0

    @property
    def ok(self) -> bool:
        """True when there was no error (then what could be imported was)."""
        return not errors(self.issues)


def import_po(project: Path, po_file: Path, lang: str | None = None) -> Imported:
    """Check every entry of `po_file`, then (with no error) write the translations and stamp the lock."""
    translations = load_translations(project, refusing="nothing was imported (fix them, then import again)")
    display = po_file.as_posix()
    catalog, result = _read(po_file, display)
    if catalog is None:
        return result
    result.language = _language(translations, catalog, lang)
    accepted = _check_entries(translations, catalog, display, result)
    if not result.ok:
        return result
    result.issues += write_translations(translations, accepted)
    if result.ok:
        result.imported = len(accepted)
        result.written = sorted({entry.text.file for entry in accepted
                                 if entry.value != entry.text.translation(entry.lang)})
    return result


def _read(po_file: Path, display: str) -> tuple[Catalog | None, Imported]:
    """The PO file's catalog, or None with the located problem that stopped reading it."""
    result = Imported()
    try:
        data = po_file.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {po_file}: {exc.strerror}") from exc
    hint = "open it in a PO editor (Poedit, Lokalize) and save it again, or export a new one"
    try:
        return read_po(io.BytesIO(data), abort_invalid=True), result
    except PoFileError as exc:
        line = int(getattr(exc, "lineno", 0)) + 1
        result.issues.append(Issue(display, line, 1, Severity.ERROR, f"not a valid PO file: {exc}", hint=hint))
    except (UnicodeDecodeError, ValueError) as exc:
        result.issues.append(Issue(display, 1, 1, Severity.ERROR, f"not a valid PO file: {exc}", hint=hint))
    return None, result


def _language(translations: Translations, catalog: Catalog, lang: str | None) -> str:
    """`lang`, else the PO file's `Language:`; a language the site lacks is refused."""
    chosen = lang or (catalog.locale.language if catalog.locale is not None else None)
    if chosen is None:
        language = dict(catalog.mime_headers).get("Language", "")
        chosen = language.split("_")[0] or None
    if chosen is None:
        raise UserError("the PO file says no language (no 'Language:' header): give it with --lang")
    translations.targets(chosen)
    return chosen


def _check_entries(translations: Translations, catalog: Catalog, display: str, result: Imported) -> list[Accepted]:
    """The entries to import; every problem goes into `result`."""
    fields = {context_of(text): text for text in translations.texts}
    lang = result.language
    export_again = f"export again ('partnerkit translations export --lang {lang}') and translate the new file"
    seen: dict[str, int] = {}
    accepted: list[Accepted] = []
    for message in catalog:
        if not message.id:
            continue  # the header
        line = message.lineno or 1

        def report(severity: Severity, text: str, hint: str, where: str = "", line: int = line) -> None:
            result.issues.append(Issue(display, line, 1, severity, text, where=where, hint=hint))
            if severity is Severity.WARNING:
                result.skipped += 1

        context = message.context or ""
        if isinstance(message.id, tuple):
            report(Severity.ERROR, "plural forms are not used in content", "remove the msgid_plural lines")
            continue
        if context in seen:
            report(Severity.ERROR, f"a second entry for '{context}' (first at line {seen[context]})",
                   "keep one entry per field")
            continue
        seen[context] = line
        text = fields.get(context)
        if text is None:
            report(Severity.WARNING, f"no field '{context}' in the content; this entry was not imported",
                   f"the field was moved or removed since the export: {export_again}")
            continue
        if lang not in text.targets(translations.languages):
            report(Severity.WARNING, f"'{context}' is written in '{lang}' and is not translated into it",
                   "remove the entry", text.where)
            continue
        if message.fuzzy:
            result.fuzzy += 1
            continue
        value = message.string if isinstance(message.string, str) else ""
        if not value.strip():
            result.untranslated += 1
            continue
        if message.id != text.source:
            report(Severity.WARNING, f"the '{text.source_lang}' text of '{context}' changed since this file was "
                   "exported; this entry was not imported", export_again)
            continue
        dropped = _dropped(message, value, text.markdown)
        for problem in dropped:
            report(Severity.ERROR, f"the translation of '{context}' drops {problem}, which the source text has",
                   "keep every [[kind:id]] reference and image as it is; only a label after '|' and an image's "
                   "alternative text are translated")
        if not dropped:
            accepted.append(Accepted(text, lang, value, line))
    return accepted


def _dropped(message: Message, value: str, markdown: bool) -> list[str]:
    """What of the source text the translation leaves out: its `[[kind:id]]` references, its images."""
    source = str(message.id)
    wanted = Counter((ref.kind, ref.id) for ref in find_inline_refs(source))
    wanted.subtract((ref.kind, ref.id) for ref in find_inline_refs(value))
    problems = [f"[[{kind}:{id_}]]" for (kind, id_), missing in wanted.items() if missing > 0]
    if markdown:
        images = Counter(image.src for image in markdown_images(source))
        images.subtract(image.src for image in markdown_images(value))
        problems += [f"the image '{src}'" for src, missing in images.items() if missing > 0]
    return problems
