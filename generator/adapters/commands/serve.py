"""`partnerkit serve`: preview the site and rebuild it when content/ changes."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from generator.adapters.commands.common import add_project_option, show_mkdocs_logging
from generator.errors import UserError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    parser = subparsers.add_parser(
        "serve", help="preview the site; it reloads when a content file is saved",
        description="Run MkDocs' development server with the project's mkdocs.yml; the "
        "partnerkit plugin watches content/ so the preview reloads on every save.")
    add_project_option(parser)
    parser.add_argument("--config-file", type=Path, metavar="FILE",
                        help="MkDocs configuration (default: PROJECT/mkdocs.yml)")
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                        help="address to serve on (default: 127.0.0.1:8000)")
    parser.add_argument("--strict", action="store_true", help="fail on any warning")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted."""
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import Abort, PluginError

    config_file = args.config_file or (args.project / "mkdocs.yml")
    if not config_file.is_file():
        raise UserError(f"no MkDocs configuration at {config_file}")
    show_mkdocs_logging(logging.INFO)
    try:
        serve(str(config_file), dev_addr=args.dev_addr, strict=args.strict)
    except (PluginError, Abort) as exc:
        print(f"partnerkit: {exc}", file=sys.stderr)
        return 1
    return 0
