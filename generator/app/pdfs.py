"""Print the PDFs: one path for `partnerkit pdf` and for the PDFs `partnerkit build` lists.

Both print from the project folder (logo and local images included) with the same
timestamp and cache, so they make the same bytes; both report the PDFs' warnings.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.app.content import load_checked
from generator.app.options import Options
from generator.app.outputs import Output, Sources, check_outputs, claim
from generator.app.reporting import Reporter
from generator.app.site import SiteEngine
from generator.errors import UserError
from generator.model.content import Content

if TYPE_CHECKING:  # print imports Typst; load it only when printing
    from generator.render.print import BuildReport


@dataclass(frozen=True)
class PdfRun:
    """What printing did: the downloads folder and the print report."""

    folder: Path
    report: BuildReport
    seconds: float


def check_jobs(options: Options) -> None:
    """--jobs must allow at least one compile."""
    if options.jobs is not None and options.jobs < 1:
        raise UserError("--jobs must be 1 or more")


def pdf_outputs(options: Options, *, written: bool = True) -> list[Output]:
    """The downloads folder, and the PDF cache when PDFs are printed with one."""
    outputs = [Output.at("downloads folder", options.downloads_dir, written=written)]
    if written and options.cache_dir is not None:
        outputs.append(Output.at("PDF cache", options.cache_dir))
    return outputs


def print_pdfs(options: Options, content: Content, reporter: Reporter) -> PdfRun:
    """Print every PDF into the downloads folder, reusing the cache; the folders must have
    passed `check_outputs`. Warnings go to `reporter`."""
    from generator.render.print import build_pdfs_report, resolve_timestamp

    started = time.perf_counter()
    downloads, *cache = [claim(output) for output in pdf_outputs(options)]
    project = options.project_dir
    report = build_pdfs_report(content, downloads, cache_dir=cache[0] if cache else None,
                               jobs=options.jobs, timestamp=resolve_timestamp(project), project=project)
    for warning in report.warnings:
        reporter.warning(warning)
    return PdfRun(downloads, report, time.perf_counter() - started)


def make_pdfs(options: Options, engine: SiteEngine, reporter: Reporter) -> PdfRun:
    """`partnerkit pdf`: check the folders, load the content, print."""
    check_jobs(options)
    check_outputs(pdf_outputs(options), Sources.of(options.project, engine.source_paths(options)))
    return print_pdfs(options, load_checked(options, reporter), reporter)
