"""`partnerkit serve`: preview the site and rebuild it when content/ changes."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from generator.adapters.commands.common import add_project_option, options_from, show_mkdocs_logging


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
    parser.add_argument("--lang", metavar="CODE", help="language to preview (default: the first)")
    parser.add_argument("--downloads", type=Path, metavar="DIR",
                        help="PDFs the preview lists, relative to the project (default: build/downloads)")
    parser.add_argument("--strict", action="store_true", help="fail on any warning")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted."""
    from generator.adapters.mkdocs_engine import MkDocsEngine
    from generator.app.build import serve_site

    show_mkdocs_logging(logging.INFO)
    downloads = args.project / args.downloads if args.downloads else None
    serve_site(options_from(args, downloads=downloads), MkDocsEngine())
    return 0
