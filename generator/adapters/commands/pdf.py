"""`partnerkit pdf`: print every document, role card, tool and path workbook as a tagged PDF."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from generator.adapters.commands.common import add_project_option, report
from generator.errors import ContentError, UserError
from generator.pipeline import load_content


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    parser = subparsers.add_parser(
        "pdf", help="print documents, role cards, tools and workbooks as PDF",
        description="Build every document of content/documents/ in each of its languages, a role "
        "card per role, a printable form per tool and a workbook per learning path, as tagged "
        "PDF/UA-1 files (PDF/A-2b too when site.yaml sets pdf_a), with manifest.json. PDFs whose "
        "inputs are unchanged are reused from the cache. The date printed on covers is "
        "SOURCE_DATE_EPOCH, else the last commit of content/, else a fixed date.")
    add_project_option(parser)
    parser.add_argument("--out", type=Path, default=None, metavar="DIR",
                        help="output folder (default: PROJECT/build/downloads)")
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="PDFs compiled at once, on as many threads (default: every core)")
    parser.add_argument("--cache", type=Path, default=None, metavar="DIR",
                        help="cache of built PDFs (default: PROJECT/.cache/partnerkit/print)")
    parser.add_argument("--no-cache", action="store_true", help="rebuild every PDF")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Load the content, build the PDFs, list them."""
    from generator.render.print import build_pdfs_report, resolve_timestamp

    if args.jobs is not None and args.jobs < 1:
        raise UserError("--jobs must be 1 or more")
    started = time.perf_counter()
    loaded = load_content(args.project)
    if loaded.content is None:
        raise ContentError(loaded.issues)
    report(loaded.issues, "text")
    out = args.out or args.project / "build" / "downloads"
    cache = None if args.no_cache else (args.cache or args.project / ".cache" / "partnerkit" / "print")
    result = build_pdfs_report(loaded.content, out, cache_dir=cache, jobs=args.jobs,
                               timestamp=resolve_timestamp(args.project), project=args.project)
    for warning in result.warnings:
        print(f"partnerkit pdf: warning: {warning}", file=sys.stderr)
    for download in result.downloads:
        print(f"{download.file}  {download.pages} p.  {download.size_bytes / 1024:.0f} KiB")
    pages = sum(d.pages for d in result.downloads)
    print(f"{len(result.downloads)} PDFs ({pages} pages) in {out}: {len(result.compiled)} built, "
          f"{len(result.reused)} unchanged, in {time.perf_counter() - started:.1f} s")
    return 0
