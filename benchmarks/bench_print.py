"""Benchmark print: pages per second for the default content, and what a no-change rebuild costs.

Run from the repository root:  python benchmarks/bench_print.py [--project DIR] [--jobs N]

It loads the project's content, builds every PDF into a fresh temporary folder with an
empty cache (the full build), then builds again with nothing changed (the rebuild), and
prints pages per second for the full build, for documents alone, and the ratio of the
rebuild's time to the full build's, both measured in this one run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from generator.pipeline import load_content
from generator.render.print import build_pdfs_report
from generator.render.print.build import DEFAULT_TIMESTAMP, _compile_all
from generator.render.print.compile import page_count
from generator.render.print.jobs import PrintOptions, plan_jobs
from generator.render.print.markdown import _parse


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--jobs", type=int, default=None, help="worker threads (default: every core)")
    args = parser.parse_args()
    loaded = load_content(args.project)
    if loaded.content is None:
        print("content has errors; run 'partnerkit check'", file=sys.stderr)
        return 1
    content = loaded.content
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
    pages = sum(d.pages for d in full.downloads)
    counts = {kind: sum(1 for d in full.downloads if d.kind == kind)
              for kind in ("document", "role-card", "tool", "workbook")}
    print(f"PDFs: {len(full.downloads)} ({counts['document']} documents, {counts['role-card']} role cards, "
          f"{counts['tool']} tools, {counts['workbook']} workbooks), {pages} pages; {workers} worker threads")
    print(f"documents:         {docs_s:6.2f} s  {doc_pages / docs_s:7.1f} pages/s  ({doc_pages} pages)")
    print(f"full build:        {full_s:6.2f} s  {pages / full_s:7.1f} pages/s  ({len(full.compiled)} compiled)")
    print(f"no-change rebuild: {again_s:6.2f} s  ({len(again.compiled)} compiled, {len(again.reused)} reused)")
    print(f"rebuild / full:    {again_s / full_s:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
