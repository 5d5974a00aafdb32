"""`partnerkit translations export`: a PO file of the texts a translator has to translate.

One message per field: its context is the field (`content/roles/board.yaml:summary`), its
msgid the source text, its msgstr the current translation (empty when missing), flagged
`fuzzy` when the source changed after the translation was confirmed. A `#:` line says
where the source text is written, and a `#.` comment, the place gettext keeps for notes
to translators, says whether the text is Markdown (its `[[kind:id]]` references kept as
they are) or plain text. Any PO editor (Poedit, Lokalize, Weblate, ...) opens the file;
`partnerkit translations import` reads it back.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from generator import __version__
from generator.app.translations import Translations, load_translations
from generator.errors import UserError
from generator.loading.translatable import Status, Translatable
from generator.model.site import Site
from generator.model.text import find_inline_refs
from generator.writing import write_bytes_atomic

MARKDOWN_NOTE = ("Markdown: keep the formatting, and every [[kind:id]] reference exactly as it is "
                 "(only a label after '|' is translated).")
PLAIN_NOTE = "Plain text (no Markdown)."


@dataclass(frozen=True)
class Exported:
    """What was written: the PO file and how many messages of each kind it holds."""

    path: Path
    messages: int
    missing: int
    outdated: int


def context_of(text: Translatable) -> str:
    """A field's msgctxt: `content/roles/board.yaml:summary`."""
    return f"{text.file}:{text.where}"


def export_po(project: Path, lang: str, out: Path, *, every_field: bool = False) -> Exported:
    """Write a PO file of the fields to translate into `lang`: missing or outdated ones, or every one."""
    translations = load_translations(project, refusing="nothing was exported (fix them, then export again)")
    translations.targets(lang)
    _refuse_output(translations, out)
    catalog = _catalog(translations, lang)
    counts = {Status.MISSING: 0, Status.OUTDATED: 0}
    for text in translations.texts:
        source = text.source
        if lang not in text.targets(translations.languages) or source is None:
            continue
        status = text.status(lang, translations.lock)
        if not every_field and status not in counts:
            continue
        if status in counts:
            counts[status] += 1
        catalog.add(source, string=text.translation(lang) or "", context=context_of(text),
                    locations=[(text.file, text.line(text.source_lang))],
                    flags=["fuzzy"] if status is Status.OUTDATED else [],
                    auto_comments=_notes(text, source))
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76)
    write_bytes_atomic(out, buffer.getvalue())
    return Exported(out, len(catalog), counts[Status.MISSING], counts[Status.OUTDATED])


def _notes(text: Translatable, source: str) -> list[str]:
    """The comment for the translator: the kind of text, and its source language when it is not the default."""
    notes = [MARKDOWN_NOTE if text.markdown else PLAIN_NOTE]
    if text.markdown and find_inline_refs(source):
        notes.append("References: " + ", ".join(f"[[{ref.kind}:{ref.id}]]" for ref in find_inline_refs(source)))
    return notes


def _catalog(translations: Translations, lang: str) -> Catalog:
    try:
        locale: Locale | None = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        locale = None
    name = locale.get_display_name("en") if locale is not None else lang
    site = translations.files.catalogs.get("site")
    title = site.title.get(translations.languages[0], translations.languages[0]) if isinstance(site, Site) else ""
    header = (f"# {name} translations of {title or 'the content'}.\n"
              "# Translate each msgstr; the msgctxt names the field: leave it.\n"
              "# Remove the 'fuzzy' flag once a translation is checked, then\n"
              "# run 'partnerkit translations import' with this file.\n#")
    catalog = Catalog(locale=locale, header_comment=header, project="partnerkit content", version=__version__,
                      creation_date=datetime.now(UTC), fuzzy=False)
    if locale is None:
        catalog.mime_headers = [*catalog.mime_headers, ("Language", lang)]
    return catalog


def _refuse_output(translations: Translations, out: Path) -> None:
    """The PO file goes neither into content/ (where it would be read as content) nor over a folder."""
    if out.is_dir():
        raise UserError(f"{out} is a folder; give the PO file to write, e.g. --out fr.po")
    content = (translations.project / "content").resolve()
    if out.resolve().is_relative_to(content):
        raise UserError(f"{out} is inside {content}, where every file is read as content "
                        "(write it beside content/, e.g. --out translations/fr.po)")
