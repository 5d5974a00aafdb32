"""Options and reporting shared by commands."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
from datetime import date
from pathlib import Path
from typing import Any

from generator.app.options import Options
from generator.issues import Issue, Severity
from generator.report import FORMATTERS, format_json, format_text


def add_project_option(parser: argparse.ArgumentParser) -> None:
    """--project DIR, on every command."""
    parser.add_argument(
        "--project",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="project folder holding content/ (default: the current folder)",
    )


def _day(text: str) -> date:
    """A day given on the command line, written YYYY-MM-DD."""
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD (e.g. 2027-05-17)")


def add_today_option(parser: argparse.ArgumentParser) -> None:
    """--today YYYY-MM-DD: the day reviews are due against (default: today's date)."""
    parser.add_argument("--today", type=_day, default=None, metavar="YYYY-MM-DD",
                        help="the day against which review dates (review_by) count as overdue "
                        "(default: today's date)")


def add_pdf_options(parser: argparse.ArgumentParser) -> None:
    """--jobs, --cache and --no-cache, for commands that print PDFs."""
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="PDFs compiled at once, on as many threads, and for build the language "
                        "editions built at once, in as many processes (default: every core)")
    parser.add_argument("--cache", type=Path, default=None, metavar="DIR",
                        help="cache of built PDFs (default: PROJECT/.cache/partnerkit/print)")
    parser.add_argument("--no-cache", action="store_true", help="rebuild every PDF and keep no cache")


def options_from(args: argparse.Namespace, **values: Any) -> Options:
    """The app layer's options from what this command's parser read (and `values`)."""
    names = {field.name for field in dataclasses.fields(Options)}
    given = {name: value for name, value in vars(args).items() if name in names and value is not None}
    return Options(**{**given, **values})


class TerminalReporter:
    """The app layer's reporter for the CLI: warnings on stderr, content ones located."""

    def issue(self, issue: Issue) -> None:
        """`file:line:col: warning: message (hint)`."""
        print(format_text(issue), file=sys.stderr)

    def warning(self, message: str) -> None:
        """`partnerkit: warning: message`."""
        print(f"partnerkit: warning: {message}", file=sys.stderr)


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """--format and --strict, for commands that report issues."""
    parser.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default="text",
        help="how to print problems: text (file:line:col), github (CI annotations), json",
    )
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1)")


def report(issues: list[Issue], fmt: str) -> None:
    """Print issues to stderr (json to stdout, for tools)."""
    if fmt == "json":
        print(format_json(issues))
        return
    formatter = FORMATTERS[fmt]
    for issue in issues:
        print(formatter(issue), file=sys.stderr)


def exit_status(issues: list[Issue], strict: bool) -> int:
    """1 when there is an error, or a warning under --strict; else 0."""
    bad = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return 1 if any(issue.severity in bad for issue in issues) else 0


def show_mkdocs_logging(level: int) -> None:
    """Show MkDocs messages from `level` up as 'LEVEL - message' on stderr, like the mkdocs command."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(level)
