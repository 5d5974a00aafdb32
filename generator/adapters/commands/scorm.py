"""`partnerkit scorm`: a SCORM 1.2 package per learning path and language, for an LMS."""

from __future__ import annotations

import argparse
import logging
import time

from generator.adapters.commands.common import TerminalReporter, options_from, show_mkdocs_logging
from generator.adapters.commands.packaging import add_package_options, print_run


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    parser = subparsers.add_parser(
        "scorm", help="write a SCORM 1.2 package per learning path and language, for an LMS",
        description="Print the PDFs, build each language's site to work with no server, and write "
        "one SCORM 1.2 zip per learning path and language (<path>-<lang>.zip): imsmanifest.xml, "
        "a launch page that reports to the LMS (status, first-try score, time, progress to resume), "
        "and the whole site of that language with its PDFs. Import a zip into the LMS as a SCORM "
        "package (in Moodle: Add an activity, SCORM package).")
    add_package_options(parser, "build/scorm")
    parser.add_argument("--path", dest="paths", action="append", default=[], metavar="ID",
                        help="package only this learning path (repeat for several; default: every path)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Package; 0 on success."""
    from generator.adapters.mkdocs_engine import MkDocsEngine
    from generator.app.packages import make_scorm

    started = time.perf_counter()
    show_mkdocs_logging(logging.WARNING)
    downloads = args.project / args.downloads if args.downloads else None
    done = make_scorm(options_from(args, downloads=downloads), MkDocsEngine(), TerminalReporter(),
                      out=args.out, path_ids=args.paths)
    print_run(done, "SCORM package", started)
    return 0
