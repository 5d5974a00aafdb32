"""`partnerkit new`: write a small, valid starter project into a new folder, then say what to do next."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

from generator.scaffold.localize import TEMPLATE_LANGUAGES
from generator.scaffold.project import parse_languages, write_project


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    parser = subparsers.add_parser(
        "new",
        help="write a small, valid starter project into a new folder",
        description="Write a starter project into DIR (a new or empty folder): site settings, a "
        "framework, two practices, a role, a case, a quote with consent, a tool, a document, a "
        "module with a knowledge check, a learning path, mkdocs.yml, a hand-written page in docs/ "
        "and an authoring README. Every text is written in each chosen language. The example "
        "case and quote are made up: replace them with your own.",
    )
    parser.add_argument("dir", type=Path, metavar="DIR", help="folder to create (new, or empty)")
    parser.add_argument(
        "--languages",
        default="en",
        metavar="CODES",
        help=f"languages separated by commas, the default first, among {', '.join(TEMPLATE_LANGUAGES)} "
        "(e.g. fr,en; default: en)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the project; print what was made and the next steps."""
    languages = parse_languages(args.languages)
    files = write_project(args.dir, languages)
    folder = shlex.quote(str(args.dir))
    print(f"Created a partnerkit project in {args.dir} ({len(files)} files; "
          f"languages: {', '.join(languages)}, default {languages[0]}).")
    print()
    print("Next steps:")
    print(f"  cd {folder}")
    print("  partnerkit check     check the content; every problem with file:line:col and a hint")
    print("  partnerkit serve     preview the site; it reloads when you save a file")
    print("  partnerkit build     print the PDFs and build the site into site/")
    print("Then replace the examples with your own content: README.md explains how. The example")
    print("case and quote are made up and must not be published as they are.")
    return 0
