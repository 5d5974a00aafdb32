"""The `partnerkit` command line: parses options, calls the core, reports, sets the exit status.

Each command lives in `generator/adapters/commands/<name>.py` with a `register`
function; this module only assembles them and turns user errors into messages.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from generator import __version__
from generator.errors import ContentError, UserError
from generator.report import format_text

# Command modules, in the order `--help` lists them.
COMMANDS: tuple[str, ...] = ("new", "check", "schema", "stats", "pdf", "build", "serve", "scorm", "bundle",
                             "templates", "translations")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command registered."""
    parser = argparse.ArgumentParser(
        prog="partnerkit",
        description="Build a training site and printable documents about patient partnership "
        "in quality improvement from the YAML in a project's content/ folder.",
        epilog="Run 'partnerkit COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"partnerkit {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"generator.adapters.commands.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (0 ok, 1 content or user error, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
        return status
    except ContentError as exc:
        for issue in exc.issues:
            print(format_text(issue), file=sys.stderr)
        print(f"partnerkit: {exc}", file=sys.stderr)
        return 1
    except UserError as exc:
        print(f"partnerkit: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("partnerkit: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
