"""`partnerkit build`: build the training site with MkDocs, or write the generated Markdown tree.

Without --out: the PDFs are printed first (unchanged ones come from the cache; --no-pdf
skips this), then the site is built from the project's mkdocs.yml (the partnerkit plugin
generates every page and lists the PDFs) into site/ or --site-dir, replacing the
previous site only when the build succeeded. With --out DIR: only the generation runs, and the Markdown pages,
static files and navigation (nav.yml) are written to DIR, for another engine to build.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

from generator.adapters.commands.common import add_project_option, report, show_mkdocs_logging
from generator.downloads import read_manifest
from generator.errors import ContentError, UserError
from generator.issues import Severity
from generator.pipeline import load_content
from generator.render.site.tree import page_inventory, render_site, write_tree
from generator.writing import replace_folder


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    parser = subparsers.add_parser(
        "build", help="build the training site (or, with --out, write its generated Markdown)",
        description="Validate content/, generate every page and build the site with MkDocs "
        "and the project's mkdocs.yml. With --out DIR, write the generated Markdown tree "
        "to DIR instead (no MkDocs).")
    add_project_option(parser)
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="write the generated Markdown pages, assets and nav.yml to DIR "
                        "(replaced whole) and stop")
    parser.add_argument("--site-dir", type=Path, metavar="DIR",
                        help="where to build the site (default: site_dir of mkdocs.yml)")
    parser.add_argument("--config-file", type=Path, metavar="FILE",
                        help="MkDocs configuration (default: PROJECT/mkdocs.yml)")
    parser.add_argument("--strict", action="store_true",
                        help="fail on any warning (content warnings and MkDocs warnings)")
    parser.add_argument("--lang", metavar="CODE", help="language to generate (default: the first)")
    parser.add_argument("--downloads", type=Path, default=Path("build/downloads"), metavar="DIR",
                        help="PDFs and manifest.json written by print, relative to the project "
                        "(default: build/downloads, where the plugin looks for them)")
    parser.add_argument("--no-pdf", action="store_true",
                        help="do not print PDFs first; the site lists whatever is already in --downloads")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Build; 0 on success."""
    if args.out is not None:
        return _write_markdown(args)
    return _build_site(args)


def _write_markdown(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    loaded = load_content(args.project)
    report(loaded.issues, "text")
    warned = any(i.severity is Severity.WARNING for i in loaded.issues)
    if loaded.content is None:
        raise ContentError(loaded.issues)
    if args.strict and warned:
        raise UserError("content has warnings and --strict is set")
    downloads = read_manifest(args.project / args.downloads)
    tree = render_site(loaded.content, args.lang, directory_urls=True, downloads=downloads,
                       project=args.project)
    out: Path = args.out.resolve()
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent if out.parent.exists()
                                    else None))
    write_tree(tree, staging)
    replace_folder(staging, out)
    elapsed = time.perf_counter() - started
    counts = page_inventory(tree)
    print(f"{len(tree.pages)} pages ({', '.join(f'{k} {v}' for k, v in counts.items())}) "
          f"written to {out} in {elapsed:.2f} s")
    return 0


def _build_site(args: argparse.Namespace) -> int:
    # Only this adapter (and the plugin) import MkDocs.
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    config_file = args.config_file or (args.project / "mkdocs.yml")
    if not config_file.is_file():
        raise UserError(f"no MkDocs configuration at {config_file} (create it, or pass "
                        "--config-file)")
    show_mkdocs_logging(logging.WARNING)
    started = time.perf_counter()
    if not args.no_pdf:
        _print_pdfs(args)
    try:
        config = load_config(str(config_file), strict=args.strict)
        target = Path(args.site_dir or config.site_dir).resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        config.site_dir = str(staging)
        try:
            build(config)
        except BaseException:
            import shutil

            shutil.rmtree(staging, ignore_errors=True)
            raise
        replace_folder(staging, target)
    except (PluginError, ConfigurationError) as exc:
        print(f"partnerkit: {exc}", file=sys.stderr)
        return 1
    except Abort as exc:
        print(f"partnerkit: site not built ({exc}); the previous site is unchanged", file=sys.stderr)
        return 1
    print(f"site built in {target} in {time.perf_counter() - started:.2f} s")
    return 0


def _print_pdfs(args: argparse.Namespace) -> None:
    """Print every PDF into --downloads (the plugin's default folder), reusing cached ones."""
    from generator.render.print import build_pdfs_report, resolve_timestamp

    loaded = load_content(args.project)
    if loaded.content is None:
        raise ContentError(loaded.issues)
    started = time.perf_counter()
    out = args.project / args.downloads
    cache = args.project / ".cache" / "partnerkit" / "print"
    result = build_pdfs_report(loaded.content, out, cache_dir=cache, jobs=None,
                               timestamp=resolve_timestamp(args.project))
    print(f"{len(result.downloads)} PDFs in {out} ({len(result.compiled)} built, "
          f"{len(result.reused)} unchanged) in {time.perf_counter() - started:.1f} s")
