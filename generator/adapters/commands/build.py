"""`partnerkit build`: build the training site with MkDocs, or write the generated Markdown tree.

Without --out: the PDFs are printed first (unchanged ones come from the cache; --no-pdf
skips this), then the site is built from the project's mkdocs.yml (the partnerkit plugin
gets the content loaded once, generates every page and lists the PDFs of --downloads)
into site/ or --site-dir, replacing the previous site only when the build succeeded.
A site with two languages or more in site.yaml is built once per language into
site/<lang>/, with a chooser at the root (`generator.app.editions`); --lang builds that
language alone, at the root, as a quick preview. With --out DIR: only the generation runs,
and the Markdown pages, static files and navigation (nav.yml) are written to DIR (under
DIR/<lang>/ for each language, as the site), for another engine to build. The app layer
(`generator.app.build`) does the work; this module parses and prints.
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

from generator.adapters.commands.common import (
    TerminalReporter,
    add_pdf_options,
    add_project_option,
    options_from,
    show_mkdocs_logging,
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    parser = subparsers.add_parser(
        "build", help="build the training site (or, with --out, write its generated Markdown)",
        description="Validate content/, print the PDFs, generate every page and build the site "
        "with MkDocs and the project's mkdocs.yml. With --out DIR, write the generated Markdown "
        "tree to DIR instead (no MkDocs). Output folders may not be or hold the project's "
        "sources, and a non-empty folder is replaced only if partnerkit made it.")
    add_project_option(parser)
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="write the generated Markdown pages, assets and nav.yml to DIR "
                        "(replaced whole) and stop")
    parser.add_argument("--site-dir", type=Path, metavar="DIR",
                        help="where to build the site (default: site_dir of mkdocs.yml)")
    parser.add_argument("--config-file", type=Path, metavar="FILE",
                        help="MkDocs configuration (default: PROJECT/mkdocs.yml)")
    parser.add_argument("--strict", action="store_true",
                        help="fail on any warning (content, PDFs and MkDocs)")
    parser.add_argument("--lang", metavar="CODE",
                        help="build only this language's site, at the root of the site folder (default: "
                        "one site per language of content/site.yaml under <lang>/ when it lists two or "
                        "more, else its one language)")
    parser.add_argument("--downloads", type=Path, metavar="DIR",
                        help="where the PDFs and manifest.json are printed and what the site lists, "
                        "relative to the project (default: the plugin's downloads, else build/downloads)")
    parser.add_argument("--no-pdf", action="store_true",
                        help="do not print PDFs first; the site lists whatever is already in --downloads")
    add_pdf_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build; 0 on success."""
    from generator.adapters.mkdocs_engine import MkDocsEngine
    from generator.app.build import MarkdownRun, build
    from generator.render.site.tree import page_inventory

    started = time.perf_counter()
    show_mkdocs_logging(logging.WARNING)
    downloads = args.project / args.downloads if args.downloads else None
    done = build(options_from(args, downloads=downloads), MkDocsEngine(), TerminalReporter())
    elapsed = time.perf_counter() - started
    if isinstance(done, MarkdownRun):
        lines = [f"{len(tree.pages)} pages ({', '.join(f'{k} {v}' for k, v in page_inventory(tree).items())}) "
                 f"written to {done.out / lang if done.editions else done.out}" for lang, tree in done.trees.items()]
        print("\n".join(lines) + f" in {elapsed:.2f} s")
        return 0
    if done.pdfs is not None:
        report = done.pdfs.report
        print(f"{len(report.downloads)} printed files (PDFs and .pdfpc notes) in {done.pdfs.folder} "
              f"({len(report.compiled)} built, "
              f"{len(report.reused)} unchanged) in {done.pdfs.seconds:.1f} s")
    if done.editions:
        print(f"site built in {done.site_dir}, one per language: "
              f"{', '.join(f'{lang}/' for lang in done.editions)}, in {elapsed:.2f} s")
    else:
        print(f"site built in {done.site_dir} in {elapsed:.2f} s")
    return 0
