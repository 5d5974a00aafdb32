"""`partnerkit translations`: what is missing, outdated and unconfirmed; confirm; PO export and import.

The app layer (`generator.app.translations`, `po_export`, `po_import`) finds the fields,
stamps the lock and writes the files; this module parses and prints.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from generator.adapters.commands.common import add_project_option
from generator.issues import errors
from generator.report import counted, format_text


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command and its subcommands."""
    parser = subparsers.add_parser(
        "translations", help="report missing, outdated and unconfirmed translations; confirm, export, import",
        description="Without an action: report per file and language which translations are missing, outdated "
        "(their source text changed after they were confirmed) or unconfirmed, with totals. 'confirm' stamps "
        "translations.lock; 'export' writes a PO file for translators; 'import' reads it back into content/.")
    _add_lang(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text", help="how to print the report")
    parser.add_argument("--verbose", action="store_true", help="list the fields, not only how many")
    add_project_option(parser)
    parser.set_defaults(run=run_report)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    confirm = actions.add_parser(
        "confirm", help="confirm the translations as they are now (stamp translations.lock)",
        description="Record in translations.lock that every translated field (of the FILEs given, into --lang) "
        "was checked against its source text as it is now: 'check' warns when that text changes afterwards.")
    confirm.add_argument("files", nargs="*", metavar="FILE", help="content files (default: every file)")
    _add_lang(confirm)
    add_project_option(confirm)
    confirm.set_defaults(run=run_confirm)

    export = actions.add_parser(
        "export", help="write a PO file of the texts to translate",
        description="Write a PO file with one message per field to translate into --lang: missing or outdated "
        "ones (outdated ones flagged fuzzy), or every translated field with --all.")
    export.add_argument("--lang", required=True, metavar="CODE", help="the language to translate into")
    export.add_argument("--all", action="store_true", dest="every_field", help="every field, not only those to do")
    export.add_argument("--out", required=True, type=Path, metavar="FILE.po", help="the PO file to write")
    add_project_option(export)
    export.set_defaults(run=run_export)

    imported = actions.add_parser(
        "import", help="write a translated PO file into content/ and confirm those translations",
        description="Check every entry of FILE.po, then write each translation (not fuzzy, not empty) into its "
        "YAML file, keeping comments and layout, and confirm it in translations.lock. Entries whose field is "
        "gone or whose source text changed since the export are reported and skipped; with any error, nothing "
        "is written.")
    imported.add_argument("po_file", type=Path, metavar="FILE.po", help="the translated PO file")
    _add_lang(imported, "the language of the translations (default: the PO file's Language header)")
    add_project_option(imported)
    imported.set_defaults(run=run_import)


def _add_lang(parser: argparse.ArgumentParser, text: str = "only this language (default: every one)") -> None:
    parser.add_argument("--lang", default=None, metavar="CODE", help=text)


def run_report(args: argparse.Namespace) -> int:
    """Print where each file's translations stand, then totals per language."""
    from generator.app.translations import load_translations, report_translations, totals

    translations = load_translations(args.project)
    reports = report_translations(translations, args.lang)
    summed = totals(reports)
    if args.format == "json":
        print(json.dumps({
            "languages": list(summed),
            "files": [{"file": r.file, "language": r.language,
                       **{status.value: paths for status, paths in r.fields.items()}} for r in reports],
            "totals": summed,
        }, indent=2, ensure_ascii=False))
        return 0
    if not summed:
        into = f"into '{args.lang}'" if args.lang else "at all"
        print(f"nothing is translated {into}: the site's languages are {', '.join(translations.languages)}, "
              "and the texts are written in the first")
        return 0
    width = max((len(r.file) for r in reports), default=0)
    for report in reports:
        if not report.to_do:
            continue
        print(f"{report.file:<{width}}  {report.language}  {_counts(report.counts)}")
        if args.verbose:
            for status, paths in report.fields.items():
                if paths and status.value != "current":  # the fields to do
                    print(f"    {status.value}: {', '.join(paths)}")
    for lang, counts in summed.items():
        print(f"{'total':<{width}}  {lang}  {_counts(counts)} ({counted(counts['fields'], 'field')})")
    return 0


def _counts(counts: dict[str, int]) -> str:
    """'1 missing, 0 outdated, 2 unconfirmed, 3 current'."""
    return ", ".join(f"{counts[status]} {status}" for status in ("missing", "outdated", "unconfirmed", "current"))


def run_confirm(args: argparse.Namespace) -> int:
    """Stamp the lock and say what changed."""
    from generator.app.translations import confirm_translations

    done = confirm_translations(args.project, args.files, args.lang)
    print(f"{done.lock}: {counted(done.confirmed, 'translation')} confirmed, {done.unchanged} already confirmed"
          + (f", {counted(done.dropped, 'stamp')} of fields that are gone dropped" if done.dropped else ""))
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write the PO file and say what it holds."""
    from generator.app.po_export import export_po

    done = export_po(args.project, args.lang, args.out, every_field=args.every_field)
    print(f"wrote {done.path}: {counted(done.messages, 'message')} ({done.missing} missing; {done.outdated} "
          "outdated, flagged fuzzy)")
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Import, print every problem, and say what was written."""
    from generator.app.po_import import import_po

    done = import_po(args.project, args.po_file, args.lang)
    for issue in done.issues:
        print(format_text(issue), file=sys.stderr)
    if not done.ok:
        print(f"partnerkit: {counted(len(errors(done.issues)), 'error')}; nothing was written", file=sys.stderr)
        return 1
    files = f" ({', '.join(done.written)})" if done.written else ""
    print(f"imported {counted(done.imported, 'translation')} into '{done.language}', "
          f"{counted(len(done.written), 'file')} changed{files}; {done.skipped} skipped, {done.fuzzy} fuzzy and "
          f"{done.untranslated} untranslated left out")
    return 0
