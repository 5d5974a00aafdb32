"""Benchmark print: pages per second for the default content, what a no-change rebuild costs,
how fast decks print and what share of the work the trainer sessions add.

Run from the repository root:  python benchmarks/bench_print.py [--project DIR] [--jobs N]

It loads the project's content, builds every PDF into a fresh temporary folder with an
empty cache (the full build), then builds again with nothing changed (the rebuild), and
prints pages per second for the full build, for documents alone, and the ratio of the
rebuild's time to the full build's, both measured in this one run.

Sessions, in a fresh process (the compiler memoizes layouts, so nothing compiled before may
help): one full build is planned and compiled job by job on one thread, each job timed.
Deck pages per second are the decks' pages over their compile time, and the sessions'
share is their planning and compiling time over the whole build's (a ratio from that one
run: on one thread the parts add up, which they do not when jobs overlap on several).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.model.content import Content
from generator.model.session import Session
from generator.pipeline import load_content
from generator.render.print import build_pdfs_report
from generator.render.print.build import DEFAULT_TIMESTAMP, _compile_all
from generator.render.print.compile import compile_pdf_reporting, page_count
from generator.render.print.jobs import PrintJob, PrintOptions, plan_jobs
from generator.render.print.markdown import _parse
from generator.render.print.session_jobs import session_jobs


def _plan_sessions(content: Content, options: PrintOptions) -> list[PrintJob]:
    return [job for lang in content.languages for session_id in content.all(Session)
            for job in session_jobs(content, session_id, lang, options)]


def _compile_seconds(job: PrintJob, options: PrintOptions) -> tuple[float, int]:
    """Time to compile one job on this thread, and its pages (a .pdfpc is written as is: 0 s)."""
    if job.static is not None:
        return 0.0, 0
    started = time.perf_counter()
    pdf, _ = compile_pdf_reporting(job.source, job.figures, pdf_a=options.pdf_a,
                                   timestamp=int(options.timestamp.timestamp()), name=job.file,
                                   templates=job.templates)
    return time.perf_counter() - started, page_count(pdf)


def _sessions(content: Content, options: PrintOptions) -> None:
    """Deck pages per second, and the share of a full build's work that sessions are: one full
    build planned, then compiled job by job on one thread, each job once (run in a fresh
    process: the compiler memoizes what it has laid out, so nothing may be compiled before)."""
    _parse.cache_clear()
    started = time.perf_counter()
    every = plan_jobs(content, options)
    plan_all = time.perf_counter() - started
    _parse.cache_clear()
    started = time.perf_counter()
    _plan_sessions(content, options)
    plan_sessions = time.perf_counter() - started
    compile_all = compile_sessions = deck_seconds = 0.0
    deck_pages = decks = 0
    for job in every:
        seconds, pages = _compile_seconds(job, options)
        compile_all += seconds
        if job.source_kind == "session":
            compile_sessions += seconds
        if job.kind == "deck":
            decks, deck_pages, deck_seconds = decks + 1, deck_pages + pages, deck_seconds + seconds
    session_files = sum(1 for job in every if job.source_kind == "session")
    total = plan_all + compile_all
    share = (plan_sessions + compile_sessions) / total
    print(f"decks:             {deck_seconds:6.2f} s  {deck_pages / deck_seconds:7.1f} deck pages/s  "
          f"({decks} decks, {deck_pages} pages, compiled on one thread)")
    print(f"one thread, job by job: {total:6.2f} s for {len(every)} files, of which sessions "
          f"{plan_sessions + compile_sessions:6.2f} s for {session_files} files "
          f"(planning {plan_sessions:.2f} s of {plan_all:.2f} s)")
    print(f"sessions / full:   {share:6.3f}  (the share of the full print build that sessions add: "
          f"{share / (1 - share):.0%} more than the build without them)")


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--jobs", type=int, default=None, help="worker threads (default: every core)")
    parser.add_argument("--sessions-only", action="store_true", help=argparse.SUPPRESS)  # the fresh process
    args = parser.parse_args()
    loaded = load_content(args.project)
    if loaded.content is None:
        print("content has errors; run 'partnerkit check'", file=sys.stderr)
        return 1
    content = loaded.content
    if args.sessions_only:
        _sessions(content, PrintOptions(timestamp=DEFAULT_TIMESTAMP, pdf_a=content.site.pdf_a))
        return 0
    workers = args.jobs or (os.cpu_count() or 1)
    with tempfile.TemporaryDirectory(prefix="bench-print-") as tmp:
        out, cache = Path(tmp) / "out", Path(tmp) / "cache"
        started = time.perf_counter()
        full = build_pdfs_report(content, out, cache_dir=cache, jobs=args.jobs, timestamp=DEFAULT_TIMESTAMP)
        full_s = time.perf_counter() - started
        _parse.cache_clear()  # a rebuild is a new process: nothing memoized
        started = time.perf_counter()
        again = build_pdfs_report(content, out, cache_dir=cache, jobs=args.jobs, timestamp=DEFAULT_TIMESTAMP)
        again_s = time.perf_counter() - started
    # The documents alone: write their sources and compile them, as a full build does.
    _parse.cache_clear()
    started = time.perf_counter()
    options = PrintOptions(timestamp=DEFAULT_TIMESTAMP, pdf_a=content.site.pdf_a)
    documents = [job for job in plan_jobs(content, options) if job.kind == "document"]
    doc_pages = sum(page_count(pdf) for pdf, _ in _compile_all(documents, options, workers))
    docs_s = time.perf_counter() - started
    pages = sum(d.pages for d in full.downloads if d.kind != "notes")  # a .pdfpc has no pages of its own
    counts = {kind: sum(1 for d in full.downloads if d.kind == kind)
              for kind in ("document", "role-card", "tool", "workbook")}
    sessions = sum(1 for d in full.downloads if d.source_kind == "session")
    print(f"files: {len(full.downloads)} ({counts['document']} documents, {counts['role-card']} role cards, "
          f"{counts['tool']} tools, {counts['workbook']} workbooks, {sessions} of sessions), {pages} pages; "
          f"{workers} worker threads")
    print(f"documents:         {docs_s:6.2f} s  {doc_pages / docs_s:7.1f} pages/s  ({doc_pages} pages)")
    print(f"full build:        {full_s:6.2f} s  {pages / full_s:7.1f} pages/s  ({len(full.compiled)} compiled)")
    print(f"no-change rebuild: {again_s:6.2f} s  ({len(again.compiled)} compiled, {len(again.reused)} reused)")
    print(f"rebuild / full:    {again_s / full_s:6.3f}")
    sys.stdout.flush()
    subprocess.run([sys.executable, __file__, "--project", str(args.project), "--sessions-only"], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
