"""`partnerkit schema`: write one JSON Schema per kind for editors."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.adapters.commands.common import add_project_option
from generator.schemas import write_schemas


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    parser = subparsers.add_parser(
        "schema",
        help="write a JSON Schema per kind (for editor autocompletion)",
        description="Write one JSON Schema per content kind into OUT (default: PROJECT/schemas), "
        "plus .vscode/settings.json entries that associate them with content/** files. "
        "See the README's 'Editor support' section.",
    )
    add_project_option(parser)
    parser.add_argument("--out", type=Path, default=None, metavar="DIR", help="where to write the schemas")
    parser.add_argument("--no-vscode", action="store_true", help="do not write .vscode/settings.json")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the schemas and say where."""
    out = args.out or args.project / "schemas"
    written = write_schemas(args.project, out, vscode=not args.no_vscode)
    for path in written:
        print(path)
    return 0
