"""Build every PDF: plan the jobs, skip those whose inputs are unchanged, compile the rest
in parallel on worker threads, write them atomically with the downloads manifest.

A PDF's cache key hashes everything it is made from: its generated Typst source (which
holds all the content of the entities it prints), its figures, the template files it
imports, the font files, the options (timestamp, PDF/A) and the compiler version. When a
key is in the cache, the cached PDF is used and nothing is compiled. A file that is not a
PDF (a deck's `.pdfpc` notes) goes the same way, its bytes standing for the compiled PDF. When Typst refuses
some sources, the build stops before any output is written, with a `PrintError` that
locates each failure in the content (see `failures`).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from generator.downloads import Download, read_manifest, write_manifest
from generator.model.content import Content
from generator.render.print.compile import CompileFailure, compile_pdf_reporting, page_count, template_texts
from generator.render.print.failures import PrintError, locate_failures
from generator.render.print.fonts import fonts_digest
from generator.render.print.jobs import PrintJob, PrintOptions, plan_jobs
from generator.writing import write_bytes_atomic, write_text_atomic

# Used when neither the caller nor SOURCE_DATE_EPOCH gives a date: fixed, so rebuilds match.
DEFAULT_TIMESTAMP = datetime(2026, 1, 1, tzinfo=UTC)
RENDERER_VERSION = "1"


@dataclass(frozen=True)
class BuildReport:
    """What a build did: every download, and which files were compiled or reused."""

    downloads: list[Download]
    compiled: list[str]
    reused: list[str]
    warnings: list[str]  # e.g. characters no font could print


def resolve_timestamp(project: Path | None = None) -> datetime:
    """The build date: SOURCE_DATE_EPOCH, else the last commit of the project's content/,
    else a fixed date. Never the clock, so the same content gives the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    if project is not None:
        try:
            done = subprocess.run(["git", "log", "-1", "--format=%ct", "--", "content"], cwd=project,
                                  capture_output=True, text=True, timeout=20, check=False)
            if done.returncode == 0 and done.stdout.strip().isdigit():
                return datetime.fromtimestamp(int(done.stdout.strip()), tz=UTC)
        except OSError:
            pass
    return DEFAULT_TIMESTAMP


def cache_key(job: PrintJob, options: PrintOptions) -> str:
    """Hash of every input of one PDF."""
    digest = hashlib.sha256()
    for part in (RENDERER_VERSION, version("typst"), fonts_digest(), job.file, job.source,
                 options.timestamp.isoformat(), str(options.pdf_a)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    library = template_texts()
    for name in sorted(job.templates):
        digest.update(name.encode() + b"\0" + library[name].encode("utf-8") + b"\0")
    if job.static is not None:
        digest.update(b"static\0" + hashlib.sha256(job.static).digest())
    for name, data in sorted(job.figures.items()):
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def available_cores() -> int:
    """Cores this process may run on (the default number of worker processes)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


Compiled = tuple[bytes, list[str]]


def _compile_job(job: PrintJob, options: PrintOptions) -> Compiled | CompileFailure:
    # A failure is returned, not raised, so that every PDF that fails is reported at once.
    if job.static is not None:
        return job.static, []
    try:
        return compile_pdf_reporting(job.source, job.figures, pdf_a=options.pdf_a,
                                     timestamp=int(options.timestamp.timestamp()), name=job.file,
                                     templates=job.templates)
    except CompileFailure as failure:
        return failure


def _compile_all(jobs: Sequence[PrintJob], options: PrintOptions,
                 workers: int) -> list[Compiled | CompileFailure]:
    """Compile on `workers` threads: the Typst binding releases the GIL while it compiles,
    so threads use every core without the start-up and pickling cost of processes (and
    callers need no `if __name__ == "__main__"` guard)."""
    if workers <= 1 or len(jobs) <= 1:
        return [_compile_job(job, options) for job in jobs]
    # Heaviest first, so the long documents do not finish last on one core.
    order = sorted(range(len(jobs)), key=lambda i: -len(jobs[i].source))
    results: list[Compiled | CompileFailure] = [(b"", [])] * len(jobs)
    with ThreadPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        futures = {i: pool.submit(_compile_job, jobs[i], options) for i in order}
        for i, future in futures.items():
            results[i] = future.result()
    return results


def _download(job: PrintJob, pages: int, size: int) -> Download:
    return Download(file=job.file, title=job.title, kind=job.kind, source_kind=job.source_kind,
                    source_id=job.source_id, audience=job.audience, language=job.language,
                    pages=pages, size_bytes=size, contains=job.contains)


def build_pdfs_report(content: Content, out_dir: Path, *, cache_dir: Path | None = None,
                      jobs: int | None = None, timestamp: datetime | None = None,
                      project: Path | None = None) -> BuildReport:
    """`build_pdfs`, also saying which PDFs were compiled and which reused."""
    options = PrintOptions(timestamp=timestamp or resolve_timestamp(), pdf_a=content.site.pdf_a)
    planned = plan_jobs(content, options, project)
    keys = [cache_key(job, options) for job in planned]
    pdfs: dict[str, bytes] = {}
    notes: dict[str, list[str]] = {}
    pages: dict[str, int] = {}
    stale: list[int] = []
    for i, key in enumerate(keys):
        cached = cache_dir / _cached_name(planned[i], key) if cache_dir else None
        if cached is not None and cached.is_file():
            pdfs[key] = cached.read_bytes()
            sidecar = cached.with_suffix(".json")
            notes[key] = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.is_file() else []
        else:
            stale.append(i)
    workers = jobs if jobs is not None else available_cores()
    compiled_now = _compile_all([planned[i] for i in stale], options, workers)
    failed: list[tuple[PrintJob, CompileFailure]] = []
    for i, result in zip(stale, compiled_now, strict=True):
        if isinstance(result, CompileFailure):
            failed.append((planned[i], result))
            continue
        pdfs[keys[i]], notes[keys[i]] = result
        if cache_dir is not None:
            write_text_atomic(cache_dir / f"{keys[i]}.json", json.dumps(result[1]))
            write_bytes_atomic(cache_dir / _cached_name(planned[i], keys[i]), result[0])
    if failed:  # before any output is touched: the previous PDFs stay as they were
        raise PrintError(locate_failures(content, options, project, failed))
    downloads = []
    for job, key in zip(planned, keys, strict=True):
        pdf = pdfs[key]
        pages[key] = job.pages if job.static is not None else page_count(pdf)
        target = out_dir / job.file
        if not (target.is_file() and target.read_bytes() == pdf):
            write_bytes_atomic(target, pdf)
        downloads.append(_download(job, pages[key], len(pdf)))
    _remove_dropped(out_dir, {job.file for job in planned})
    write_manifest(out_dir, downloads)
    if cache_dir is not None:
        _prune_cache(cache_dir, set(keys))
        write_text_atomic(cache_dir / "index.json", json.dumps(
            {job.file: key for job, key in zip(planned, keys, strict=True)}, indent=1, sort_keys=True))
    compiled = sorted(planned[i].file for i in stale)
    reused = sorted(set(job.file for job in planned) - set(compiled))
    warnings = [note for key in dict.fromkeys(keys) for note in notes[key]]
    return BuildReport(downloads, compiled, reused, warnings)


def build_pdfs(content: Content, out_dir: Path, *, cache_dir: Path | None = None,
               jobs: int | None = None, timestamp: datetime | None = None,
               project: Path | None = None) -> list[Download]:
    """Write every document, role card and tool as PDF under `out_dir/<lang>/`, and
    `out_dir/manifest.json`. Unchanged PDFs come from `cache_dir` (no cache when None);
    the others compile on `jobs` threads (default: every core). `timestamp` defaults
    to `resolve_timestamp()`; `project` (optional) is where the site logo and local
    Markdown images are read from."""
    return build_pdfs_report(content, out_dir, cache_dir=cache_dir, jobs=jobs,
                             timestamp=timestamp, project=project).downloads


def _remove_dropped(out_dir: Path, current: set[str]) -> None:
    """Delete PDFs a previous build listed that this build no longer makes."""
    try:
        previous = read_manifest(out_dir)
    except (ValueError, KeyError, TypeError):  # not a manifest this version wrote: leave files alone
        return
    for old in previous:
        if old.file not in current:
            (out_dir / old.file).unlink(missing_ok=True)


def _cached_name(job: PrintJob, key: str) -> str:
    """The file of the cache holding a job's output: its key, with the output's suffix."""
    return key + Path(job.file).suffix


def _prune_cache(cache_dir: Path, keep: set[str]) -> None:
    for path in [*cache_dir.glob("*.pdf"), *cache_dir.glob("*.pdfpc"), *cache_dir.glob("*.json")]:
        if path.stem not in keep and path.name != "index.json":
            path.unlink(missing_ok=True)
