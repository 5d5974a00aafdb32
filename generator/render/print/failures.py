"""A PDF that Typst could not print, reported where it comes from: the content file, line
and field behind the part of the source Typst refused, never a traceback.

Some failures are the content's (an image file that is damaged inside), some would be
partnerkit's own; either way they are met while printing an author's text, and naming
that text lets the author fix it, or work around it and report it, at once.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import ContentError
from generator.issues import Issue, Severity, format_where
from generator.model.content import Content
from generator.render.print.compile import CompileFailure
from generator.render.print.jobs import PrintJob, PrintOptions, plan_jobs
from generator.render.print.sourcemap import FieldOrigin, origin_at, spans

_HINT = ("fix what Typst names here (e.g. a damaged image file), or reword the text; if it looks "
         "right, report it to partnerkit with this message")


class PrintError(ContentError):
    """Typst could not print some PDFs; `issues` says where each failure comes from."""


def locate_failures(content: Content, options: PrintOptions, project: Path | None,
                    failed: list[tuple[PrintJob, CompileFailure]]) -> list[Issue]:
    """An issue per PDF that failed, each at the content behind it. The jobs are planned
    again, traced (the same sources, with marks of where each part came from)."""
    traced = {job.file: job for job in plan_jobs(content, options, project, trace=True)}
    return sorted(failure_issue(content, traced.get(job.file, job), failure) for job, failure in failed)


def failure_issue(content: Content, job: PrintJob, failure: CompileFailure) -> Issue:
    """The failure of one PDF, at the entity and field its failing part was written from
    (the entity the PDF is about when the job is not traced, or Typst's message does not
    tell which part failed)."""
    origin = _origin(job, failure) or FieldOrigin(job.source_kind, job.source_id)
    message = f"{job.file}: Typst could not print this: {failure.message}"
    place = content.place_of(origin.kind, origin.id, origin.path)
    if place is None:  # content that was not read from files
        return Issue(job.file, 1, 1, Severity.ERROR, message, where=f"{origin.kind} {origin.id}", hint=_HINT)
    return Issue(place.file, place.line, place.column, Severity.ERROR, message,
                 where=format_where(place.path), hint=_HINT)


def _origin(job: PrintJob, failure: CompileFailure) -> FieldOrigin | None:
    """Where the failing part was written from: the innermost origin of the first place Typst
    names; else the one origin of every call of the library function it names, if they agree."""
    found = spans(job.marked)
    for offset in failure.offsets:
        origin = origin_at(found, offset)
        if origin is not None:
            return origin
    candidates = {origin_at(found, offset) for offset in failure.candidates}
    return candidates.pop() if len(candidates) == 1 else None
