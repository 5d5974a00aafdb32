"""Plan what a trainer session prints in one language: the deck, its `.pdfpc` notes, the
tandem script and one script per presenter, the facilitator guide and the handout.

Files sit under `<lang>/sessions/`, named by the session (`<id>-deck.pdf` and, beside it as
pdfpc expects, `<id>-deck.pdfpc`). Every one is listed with `source_kind: session` and
contains only the session itself: trainer material is never offered from a learner's page
of a practice or case. The handout is for the session's audience; the rest for presenters.
"""

from __future__ import annotations

from pathlib import Path

from generator.downloads import DownloadKind
from generator.model.content import Content
from generator.model.session import Session
from generator.render.print.context import RenderContext
from generator.render.print.planning import (
    PrintJob,
    PrintOptions,
    document_meta,
    typst_source,
    written_from,
)
from generator.render.print.session_deck import badge, named_badges, pdfpc_notes, render_deck, render_script
from generator.render.print.session_guide import render_guide, render_handout
from generator.render.print.session_plan import presenters
from generator.render.print.sourcemap import FieldOrigin, field_index
from generator.render.print.typst_code import Code, text
from generator.render.print.workbook import duration

SESSION_TEMPLATES = ("lib.typ", "session.typ")
SESSION_FOLDER = "sessions"


def session_file(lang: str, session_id: str, part: str) -> str:
    """Where one of a session's files goes in the downloads folder."""
    return f"{lang}/{SESSION_FOLDER}/{session_id}-{part}"


class _Session:
    """What every job of one session in one language shares."""

    def __init__(self, content: Content, session_id: str, lang: str, options: PrintOptions,
                 project: Path | None, trace: bool) -> None:
        self.content, self.id, self.lang, self.options = content, session_id, lang, options
        self.session: Session = content.all(Session)[session_id]
        self.project, self.trace = project, trace
        self.words = RenderContext(content, lang)  # catalog words and titles, untraced

    def context(self) -> RenderContext:
        """A fresh context for one file: session outputs print no cross-reference, so one pass."""
        return RenderContext(self.content, self.lang, project=self.project,
                             fields=field_index(self.content) if self.trace else {})

    def title(self, what: str) -> str:
        return self.words.w("session_file_title", title=self.words.t(self.session.title), what=what)

    def meta(self, title: str, kind_label: str, *, subtitle: str | None = None,
             audience: tuple[str, ...] = (), front_pages: int = 0) -> dict[str, object]:
        session = self.session
        meta = document_meta(self.content, self.lang, self.options, title=title, kind_label=kind_label,
                             subtitle=subtitle, summary=self.words.t(session.summary),
                             audience=tuple(session.audience), front_pages=front_pages,
                             more_facts=((self.words.w("total_duration"),
                                          duration(self.words, session.duration_minutes)),))
        meta["heading"] = text(self.words.t(session.title))
        meta["footer-left"] = text(title)  # the organization is in the band at the top
        meta["presenters"] = [badge(person) for person in presenters(self.words, session).values()]
        return meta

    def job(self, part: str, title: str, kind: DownloadKind, template: str, meta: dict[str, object],
            ctx: RenderContext, body: list[Code], audience: tuple[str, ...] = ()) -> PrintJob:
        marked_body = written_from(ctx, FieldOrigin("session", self.id), body)
        source, marked = typst_source(ctx, meta, template, marked_body, SESSION_TEMPLATES)
        return PrintJob(session_file(self.lang, self.id, part), title, kind, "session", self.id, audience,
                        self.lang, source, dict(ctx.figures), (f"session:{self.id}",), marked,
                        templates=SESSION_TEMPLATES)


def _deck_jobs(s: _Session) -> list[PrintJob]:
    """The deck, and its notes beside it."""
    ctx = s.context()
    body = render_deck(ctx, s.session)
    title = s.title(s.words.w("dl_deck"))
    meta = s.meta(title, s.words.w("dl_deck"))
    people = presenters(s.words, s.session)
    audience = ", ".join(s.words.name_of("audience", a) for a in s.session.audience)
    meta["deck-facts"] = [
        [text(s.words.w("audience")), text(audience)],
        [text(s.words.w("total_duration")), text(duration(s.words, s.session.duration_minutes))],
        [text(s.words.w("presenters")), named_badges(people, s.session.presenters)],
    ]
    deck = s.job("deck.pdf", title, "deck", "pk-deck", meta, ctx, body)
    notes, pages = pdfpc_notes(s.words, s.session)
    notes_job = PrintJob(session_file(s.lang, s.id, "deck.pdfpc"), s.title(s.words.w("dl_notes")), "notes",
                         "session", s.id, (), s.lang, notes, {}, (f"session:{s.id}",),
                         templates=(), static=notes.encode("utf-8"), pages=pages)
    return [deck, notes_job]


def _script_jobs(s: _Session) -> list[PrintJob]:
    """The tandem script, then one per presenter."""
    readers: list[tuple[str | None, str, str]] = [(None, "script.pdf", s.words.w("tandem_script"))]
    for role_id, person in presenters(s.words, s.session).items():
        readers.append((role_id, f"script-{role_id}.pdf", s.words.w("script_for", name=person.name)))
    jobs = []
    for reader, part, what in readers:
        ctx = s.context()
        body = render_script(ctx, s.session, reader)
        title = s.title(what)
        meta = s.meta(title, what, subtitle=what)
        jobs.append(s.job(part, title, "script", "pk-session-sheet", meta, ctx, body))
    return jobs


def _guide_job(s: _Session) -> PrintJob:
    ctx = s.context()
    body = render_guide(ctx, s.session)
    kind_label = s.words.w("dl_facilitator-guide")
    title = s.title(kind_label)
    meta = s.meta(title, kind_label, subtitle=kind_label, front_pages=1)
    meta["logo"] = ctx.add_asset(s.content.site.logo) if s.content.site.logo else None
    meta["chapter-breaks"] = False  # short chapters follow one another; the cards and the form start pages
    meta["chapter-above"] = Code("2.2em")
    meta["contents-depth"] = 1
    meta["header-right"] = text(kind_label)
    return s.job("facilitator-guide.pdf", title, "facilitator-guide", "pk-document", meta, ctx, body)


def _handout_job(s: _Session) -> PrintJob:
    ctx = s.context()
    body = render_handout(ctx, s.session)
    kind_label = s.words.w("dl_handout")
    title = s.title(kind_label)
    meta = s.meta(title, kind_label, subtitle=kind_label)
    return s.job("handout.pdf", title, "handout", "pk-session-sheet", meta, ctx, body,
                 audience=tuple(s.session.audience))


def session_jobs(content: Content, session_id: str, lang: str, options: PrintOptions,
                 project: Path | None = None, *, trace: bool = False) -> list[PrintJob]:
    """Every file of one session in one language."""
    s = _Session(content, session_id, lang, options, project, trace)
    return [*_deck_jobs(s), *_script_jobs(s), _guide_job(s), _handout_job(s)]

