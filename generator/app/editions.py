"""Build a site once per language ("editions"): `<site>/<lang>/`, and the root that joins them.

When site.yaml lists two languages or more and no single one is asked for (`--lang`, or
the plugin's `lang` in mkdocs.yml), `partnerkit build` builds every language's site with
the same page names into a folder of its own inside the staging folder, then writes at
its root the chooser, a 404 page and (with a site_url) a sitemap index
(`render.site.editions`). The content is loaded and checked once, before; the PDFs are
printed once, and every edition publishes the same downloads folder.

Editions are built in parallel processes when the platform can fork (each inherits the
loaded content instead of receiving a copy), as many as there are cores, languages and
`--jobs`; otherwise one after the other. An edition that fails stops the build with its
message, as a user error, and the staging folder is thrown away with the others.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from pathlib import Path

from generator.app.site import SiteEngine, SiteRequest
from generator.errors import UserError
from generator.model.content import Content
from generator.render.site.editions import editions_of, root_files
from generator.writing import write_text_atomic


def edition_languages(content: Content, lang: str | None) -> tuple[str, ...]:
    """The languages to build one site each for: every language of site.yaml when there
    are two or more and none was chosen; else none (one site, at the root)."""
    if lang is not None or len(content.languages) < 2:
        return ()
    return tuple(content.languages)


def cores() -> int:
    """The cores this process may run on."""
    counted = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counted is not None:
        return int(counted() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether processes can be forked here (not on Windows)."""
    return "fork" in multiprocessing.get_all_start_methods()


def workers(languages: int, jobs: int | None) -> int:
    """How many editions to build at once: cores, capped by the languages and --jobs."""
    return max(1, min(cores(), languages, jobs or languages))


@dataclass(frozen=True)
class EditionsJob:
    """Everything an edition's build needs; a forked process inherits it whole."""

    engine: SiteEngine
    request: SiteRequest
    """The request of the whole build: the options, the content and every edition."""
    staging: Path


def _build_edition(job: EditionsJob, lang: str) -> None:
    request = replace(job.request, options=replace(job.request.options, lang=lang))
    job.engine.build(request, job.staging / lang)


# The job of the build under way, set before the pool forks its processes (they inherit it).
_JOB: list[EditionsJob] = []


def _adopt(job: EditionsJob) -> None:
    """Pool initializer: with fork, `job` arrives as it is in the parent, not pickled."""
    _JOB[:] = [job]


def _build_in_child(lang: str) -> None:
    try:
        _build_edition(_JOB[0], lang)
    except UserError as exc:  # a plain UserError crosses the process boundary whole
        raise UserError(str(exc)) from None


def _build_in_parallel(job: EditionsJob, languages: Sequence[str], count: int) -> None:
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=_adopt,
                             initargs=(job,)) as pool:
        futures: list[Future[None]] = [pool.submit(_build_in_child, lang) for lang in languages]
        done, _ = wait(futures, return_when=FIRST_EXCEPTION)
        failed = next((f for f in futures if f in done and f.exception() is not None), None)
        if failed is not None:
            for future in futures:
                future.cancel()
            error = failed.exception()
            if isinstance(error, UserError):
                raise UserError(str(error)) from None
            assert error is not None
            raise error


def build_languages(engine: SiteEngine, request: SiteRequest, languages: Sequence[str], staging: Path) -> None:
    """Build the site of each of `languages` into `staging/<lang>/`, in parallel processes
    when the platform can fork; with `request.editions` empty, each is a site of its own
    with no switcher (as the packages want), else an edition among `request.editions`."""
    assert request.content is not None and languages
    job = EditionsJob(engine, request, staging)
    count = workers(len(languages), request.options.jobs)
    if count > 1 and can_fork():
        _build_in_parallel(job, languages, count)
    else:
        for lang in languages:
            _build_edition(job, lang)


def build_editions(engine: SiteEngine, request: SiteRequest, staging: Path, *, site_url: str | None) -> None:
    """Build every edition of `request.editions` into `staging/<lang>/`, then the root files."""
    assert request.content is not None and request.editions
    build_languages(engine, request, request.editions, staging)
    for name, text in root_files(request.content, editions_of(request.content, request.editions), site_url).items():
        write_text_atomic(staging / name, text)
