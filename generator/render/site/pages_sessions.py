"""The trainers' area: one page per trainer session and the page that lists them
(templates `session.md` and `sessions-index.md`).

A session page is the plan presenters teach from: the agenda with computed start times
and who leads each block, presenters, materials, room, preparation, what the blocks
draw on, the link to the HTML deck (beside the page, see `decks.py`) and the session's
printed files. Trainer notes and hand-off cues stay in the deck: no page shows them.

The trainers' audience is the one whose id starts with "trainer" (the default content's
`trainers`), as the home page reads patient audiences from their ids: its card on the
home page and its learning paths lead to the sessions.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.session import PreparationTask, Session, SessionBlock
from generator.model.training import LearningPath
from generator.render.present import clock
from generator.render.site.context import SiteContext
from generator.render.site.decks import deck_href, deck_path
from generator.render.site.page import Page, render_page

# What the blocks and the session draw on: (kind, section title key), in the page's order.
USED_KINDS: tuple[tuple[str, str], ...] = (
    ("module", "modules"), ("case", "cases"), ("practice", "practices"), ("tool", "tools"),
    ("document", "handouts"),
)


@dataclass(frozen=True)
class Presenter:
    """A presenter of a session: a role, and its badge number (1 to 3), the same as in the deck."""

    id: str
    badge: int


@dataclass(frozen=True)
class AgendaRow:
    """One block of the agenda: when it starts and ends ("h:mm" from the start) and who leads it."""

    start: str
    end: str
    block: SessionBlock
    leads: tuple[Presenter, ...]


@dataclass(frozen=True)
class PresenterShare:
    """A presenter and the blocks they lead or co-lead (count and minutes)."""

    presenter: Presenter
    blocks: int
    minutes: int


@dataclass(frozen=True)
class Used:
    """Entities of one kind the session draws on, for the section titled by `title` (a UI string key)."""

    kind: str
    title: str
    ids: tuple[str, ...]


def is_trainers(audience_id: str) -> bool:
    """True for the audience the trainers' area is for (its id starts with "trainer")."""
    return audience_id.startswith("trainer")


def trainers_paths(ctx: SiteContext) -> list[str]:
    """Ids of the learning paths meant for trainers."""
    return [p.id for p in ctx.content.all(LearningPath).values() if is_trainers(p.audience)]


def presenters_of(session: Session) -> dict[str, Presenter]:
    """The session's presenters by role id, numbered in the session's order."""
    return {role: Presenter(role, n) for n, role in enumerate(session.presenters, start=1)}


def agenda(session: Session) -> tuple[AgendaRow, ...]:
    """The blocks in order with their start and end times, counted from 0:00."""
    presenters = presenters_of(session)
    rows = []
    elapsed = 0
    for block in session.blocks:
        leads = tuple(presenters[r] for r in block.lead if r in presenters)
        rows.append(AgendaRow(clock(elapsed), clock(elapsed + block.minutes), block, leads))
        elapsed += block.minutes
    return tuple(rows)


def preparation(session: Session) -> tuple[PreparationTask, ...]:
    """The preparation tasks, earliest first (most days before), in the file's order within a day."""
    return tuple(sorted(session.preparation, key=lambda task: -task.days_before))


def _shares(session: Session) -> tuple[PresenterShare, ...]:
    return tuple(PresenterShare(p, sum(1 for b in session.blocks if p.id in b.lead),
                                sum(b.minutes for b in session.blocks if p.id in b.lead))
                 for p in presenters_of(session).values())


def _used(session: Session) -> tuple[Used, ...]:
    found: dict[str, list[str]] = {kind: [] for kind, _ in USED_KINDS}
    for block in session.blocks:
        found["module"] += block.modules
        found["case"] += block.cases
        found["practice"] += block.practices
        found["tool"] += block.tools
    found["tool"] += session.tools
    found["document"] += session.handouts
    return tuple(Used(kind, title, tuple(dict.fromkeys(found[kind]))) for kind, title in USED_KINDS if found[kind])


def render_session(ctx: SiteContext, session: Session) -> Page:
    """A session's page: the plan, the deck, the printed files."""
    return render_page(
        ctx, "session.md", "session", ctx.plain(session.title), description=ctx.plain(session.summary),
        lead=ctx.text(session.summary), session=session,
        presenters=presenters_of(session), shares=_shares(session),
        agenda=agenda(session), end=clock(sum(b.minutes for b in session.blocks)),
        preparation=preparation(session), used=_used(session),
        deck=deck_href(ctx, session.id),
        downloads=ctx.downloads_of("session", session.id),
    )


@dataclass(frozen=True)
class SessionCard:
    """A session as the trainers' area lists it."""

    session: Session
    presenters: tuple[Presenter, ...]
    deck: str  # link to its deck from the listing page


def session_cards(ctx: SiteContext) -> list[SessionCard]:
    """Every session, for the page `ctx` writes."""
    return [SessionCard(s, tuple(presenters_of(s).values()), ctx.href_static(deck_path(s.id, ctx.directory_urls)))
            for s in ctx.content.all(Session).values()]


def render_session_index(ctx: SiteContext) -> Page:
    """The trainers' area: every session with its audience, length and presenters; the trainers' paths."""
    return render_page(ctx, "sessions-index.md", "index", ctx.raw("sessions"), lead=ctx.s("sessions_intro"),
                       cards=session_cards(ctx), paths=trainers_paths(ctx))
