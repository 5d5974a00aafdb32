"""`partnerkit check`: load and validate the content, report every problem, count entities."""

from __future__ import annotations

import argparse
import sys
import time

from generator.adapters.commands.common import (
    add_project_option,
    add_report_options,
    add_today_option,
    exit_status,
    report,
)
from generator.pipeline import load_content
from generator.report import counted, summary
from generator.stats import count_entities


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    parser = subparsers.add_parser(
        "check",
        help="validate the content and report every problem",
        description="Load content/, validate every file and every reference, "
        "print each problem as file:line:col, and count entities per kind. "
        "An entity whose review date (review_by) has passed gets a warning.",
    )
    add_project_option(parser)
    add_report_options(parser)
    add_today_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Validate; print problems and a summary."""
    started = time.perf_counter()
    loaded = load_content(args.project, today=args.today)
    elapsed = time.perf_counter() - started
    report(loaded.issues, args.format)
    if args.format != "json":
        if loaded.content is not None:
            counts = count_entities(loaded.content)
            width = max(len(kind) for kind in counts)
            for kind, count in counts.items():
                print(f"  {kind:<{width}}  {count:>5}")
        print(
            f"{counted(loaded.files_read, 'file')} checked in {elapsed:.2f} s: {summary(loaded.issues)}",
            file=sys.stderr if loaded.content is None else sys.stdout,
        )
    return exit_status(loaded.issues, args.strict)
