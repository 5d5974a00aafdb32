"""`partnerkit bundle`: the site and its PDFs as one zip per language, to open from disk."""

from __future__ import annotations

import argparse
import logging
import time

from generator.adapters.commands.common import TerminalReporter, options_from, show_mkdocs_logging
from generator.adapters.commands.packaging import add_package_options, print_run


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    parser = subparsers.add_parser(
        "bundle", help="write the site and its PDFs as one zip per language, to open from disk",
        description="Print the PDFs, build each language's site to work with no server, and write "
        "one zip per language (<site id>-<lang>.zip) holding that site and its PDFs in one folder. "
        "Unzipped on a shared drive or a USB key, its index.html opens the site: navigation, "
        "search, training progress and decks work with no connection.")
    add_package_options(parser, "build/bundles")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Bundle; 0 on success."""
    from generator.adapters.mkdocs_engine import MkDocsEngine
    from generator.app.packages import make_bundles

    started = time.perf_counter()
    show_mkdocs_logging(logging.WARNING)
    downloads = args.project / args.downloads if args.downloads else None
    done = make_bundles(options_from(args, downloads=downloads), MkDocsEngine(), TerminalReporter(), out=args.out)
    print_run(done, "bundle", started)
    return 0
