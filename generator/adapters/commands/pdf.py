"""`partnerkit pdf`: print every document, role card, tool, path workbook and trainer session's
materials as tagged PDFs (and each deck's .pdfpc notes)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from generator.adapters.commands.common import TerminalReporter, add_pdf_options, add_project_option, options_from


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    parser = subparsers.add_parser(
        "pdf", help="print documents, role cards, tools, workbooks and session materials as PDF",
        description="Build every document of content/documents/ in each of its languages, a role "
        "card per role, a printable form per tool, a workbook per learning path and, per trainer "
        "session, a 16:9 deck with its .pdfpc notes, a tandem script and one per presenter, a "
        "facilitator guide and a participant handout, as tagged "
        "PDF/UA-1 files (PDF/A-2b too when site.yaml sets pdf_a), with manifest.json. PDFs whose "
        "inputs are unchanged are reused from the cache. The date printed on covers is "
        "SOURCE_DATE_EPOCH, else the last commit of content/, else a fixed date. Output "
        "folders may not be or hold the project's sources, and a non-empty folder is written "
        "only if partnerkit made it.")
    add_project_option(parser)
    parser.add_argument("--out", dest="downloads", type=Path, default=None, metavar="DIR",
                        help="output folder (default: PROJECT/build/downloads)")
    add_pdf_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Load the content, print the PDFs, list them."""
    from generator.adapters.mkdocs_engine import MkDocsEngine
    from generator.app.pdfs import make_pdfs

    started = time.perf_counter()
    done = make_pdfs(options_from(args), MkDocsEngine(), TerminalReporter())
    report = done.report
    pdfs = [d for d in report.downloads if d.file.endswith(".pdf")]
    for download in report.downloads:
        what = f"{download.pages} p." if download in pdfs else f"notes for {download.pages} pages"
        print(f"{download.file}  {what}  {download.size_bytes / 1024:.0f} KiB")
    others = len(report.downloads) - len(pdfs)
    also = f" and {others} .pdfpc notes" if others else ""
    print(f"{len(pdfs)} PDFs ({sum(d.pages for d in pdfs)} pages){also} in {done.folder}: "
          f"{len(report.compiled)} built, {len(report.reused)} unchanged, in {time.perf_counter() - started:.1f} s")
    return 0
