"""What `partnerkit scorm` and `partnerkit bundle` share: their options and how they report."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING

from generator.adapters.commands.common import add_pdf_options, add_project_option
from generator.report import counted

if TYPE_CHECKING:
    from generator.app.packages import PackagesRun


def add_package_options(parser: argparse.ArgumentParser, default_out: str) -> None:
    """The options of a packaging command: the project, where the zips go, what to print first."""
    add_project_option(parser)
    parser.add_argument("--out", type=Path, default=None, metavar="DIR",
                        help=f"where to write the zips, replaced whole (default: PROJECT/{default_out})")
    parser.add_argument("--lang", metavar="CODE",
                        help="package only this language (default: every language of content/site.yaml)")
    parser.add_argument("--strict", action="store_true", help="fail on any warning (content, PDFs and MkDocs)")
    parser.add_argument("--config-file", type=Path, metavar="FILE",
                        help="MkDocs configuration (default: PROJECT/mkdocs.yml)")
    parser.add_argument("--downloads", type=Path, metavar="DIR",
                        help="where the PDFs are printed and read from, relative to the project "
                        "(default: the plugin's downloads, else build/downloads)")
    parser.add_argument("--no-pdf", action="store_true",
                        help="do not print PDFs first; the packages hold whatever --downloads holds")
    add_pdf_options(parser)


def print_run(done: PackagesRun, what: str, started: float) -> None:
    """Each zip with its size, then the count, the folder and the time."""
    if done.pdfs is not None:
        report = done.pdfs.report
        print(f"{len(report.downloads)} printed files in {done.pdfs.folder} ({len(report.compiled)} built, "
              f"{len(report.reused)} unchanged) in {done.pdfs.seconds:.1f} s")
    for package in done.packages:
        print(f"{package.file.name}  {package.size_bytes / 1024 / 1024:.1f} MiB")
    total = sum(package.size_bytes for package in done.packages) / 1024 / 1024
    print(f"{counted(len(done.packages), what)} ({total:.1f} MiB) in {done.folder} "
          f"in {time.perf_counter() - started:.1f} s")
