"""Checks on trainer sessions: the minutes add up, and everyone named presents.

A session is taught from its plan by people reading a clock, so a block that runs longer
than the session or a slide whose speaker has no lines is an error, not a style point.
Unknown role ids are reported by the reference check; these checks ask whether a known
role is one of the session's presenters.
"""

from __future__ import annotations

import difflib

from generator.issues import Issue, Severity
from generator.loading.project import LoadedFiles
from generator.model.session import Session, SessionBlock
from generator.positions import Origin


def check_sessions(loaded: LoadedFiles) -> list[Issue]:
    """Every problem of every session, in file order."""
    issues: list[Issue] = []
    roles = set(loaded.entities.get("role", {})) | {entity for kind, entity in loaded.broken if kind == "role"}
    for session_id, session in loaded.entities.get("session", {}).items():
        if isinstance(session, Session):
            origin = loaded.origins[("session", session_id)]
            issues += _check_session(origin, session, roles)
            issues += _check_visuals(origin, session, loaded)
    return issues


# What a slide's `visual` may name: a figure the generator draws, and the kind of its id.
_VISUAL_KINDS = {"process": "process", "timeline": "case", "quote": "quote"}


def _check_visuals(origin: Origin, session: Session, loaded: LoadedFiles) -> list[Issue]:
    """A visual names a figure that exists: a typo would otherwise leave the slide blank."""
    issues: list[Issue] = []
    for b, block in enumerate(session.blocks):
        for s, slide in enumerate(block.slides):
            if slide.visual is None or slide.visual == "framework":
                continue
            where = ("blocks", b, "slides", s, "visual")
            figure, _, ident = slide.visual.partition(":")
            kind = _VISUAL_KINDS.get(figure)
            if kind is None or not ident:
                close = difflib.get_close_matches(figure, ["framework", *_VISUAL_KINDS], n=1, cutoff=0.6)
                issues.append(origin.issue(
                    where, Severity.ERROR, f"unknown visual '{slide.visual}'",
                    hint=(f"did you mean '{close[0]}'? " if close else "")
                    + "write 'framework', 'process:<id>', 'timeline:<case id>' or 'quote:<id>'",
                ))
                continue
            known = [*loaded.entities.get(kind, {}), *(i for k, i in loaded.broken if k == kind)]
            if ident not in known:
                close = difflib.get_close_matches(ident, known, n=1, cutoff=0.6)
                issues.append(origin.issue(
                    where, Severity.ERROR, f"unknown {kind} '{ident}' in visual '{slide.visual}'",
                    hint=f"did you mean '{figure}:{close[0]}'?" if close else f"name an existing {kind}",
                ))
    return issues


def _check_session(origin: Origin, session: Session, roles: set[str]) -> list[Issue]:
    issues: list[Issue] = []
    total = sum(block.minutes for block in session.blocks)
    if total != session.duration_minutes:
        issues.append(origin.issue(
            ("duration_minutes",), Severity.ERROR,
            f"the blocks add up to {total} minutes but duration_minutes is {session.duration_minutes}",
            hint="change a block's minutes or the duration so they agree",
        ))
    presenters = list(session.presenters)
    # An unknown role is the reference check's to report; here only known roles that do not present.
    named = _Named(origin, presenters, roles)
    if len(set(presenters)) != len(presenters):
        issues.append(origin.issue(("presenters",), Severity.ERROR, "a presenter is listed twice",
                                   hint="list each presenter once"))
    for index, block in enumerate(session.blocks):
        issues += [issue for issue in _check_block(named, ("blocks", index), block) if issue is not None]
    return issues


class _Named:
    """Where a session names people: reports a known role that is not one of its presenters."""

    def __init__(self, origin: Origin, presenters: list[str], roles: set[str]) -> None:
        self.origin, self.presenters, self.roles = origin, presenters, roles

    def not_presenting(self, where: tuple[str | int, ...], who: str) -> Issue | None:
        if who in self.presenters or who not in self.roles:
            return None
        close = difflib.get_close_matches(who, self.presenters, n=1, cutoff=0.6)
        return self.origin.issue(
            where, Severity.ERROR, f"'{who}' does not present this session",
            hint=f"did you mean '{close[0]}'?" if close else
            f"name one of its presenters ({', '.join(self.presenters)}), or add '{who}' to presenters",
        )


def _check_block(named: _Named, where: tuple[str | int, ...], block: SessionBlock) -> list[Issue | None]:
    origin, presenters = named.origin, named.presenters
    issues = [named.not_presenting((*where, "lead", n), who) for n, who in enumerate(block.lead)]
    slide_minutes = sum(slide.minutes for slide in block.slides)
    if slide_minutes != block.minutes:
        issues.append(origin.issue(
            (*where, "minutes"), Severity.ERROR,
            f"the block's slides add up to {slide_minutes} minutes but the block has {block.minutes}",
            hint="change a slide's minutes or the block's so they agree",
        ))
    if block.activity is not None and block.activity.minutes > block.minutes:
        issues.append(origin.issue(
            (*where, "activity", "minutes"), Severity.ERROR,
            f"the activity takes {block.activity.minutes} minutes, more than its block's {block.minutes}",
            hint="shorten the activity or lengthen the block",
        ))
    for number, slide in enumerate(block.slides):
        at = (*where, "slides", number)
        issues += [named.not_presenting((*at, "lead", n), who) for n, who in enumerate(slide.lead)]
        speakers = [note.by for note in slide.notes]
        issues += [named.not_presenting((*at, "notes", n, "by"), who) for n, who in enumerate(speakers)]
        for who in slide.lead or block.lead:
            if who in presenters and who not in speakers:
                issues.append(origin.issue(
                    (*at, "notes") if slide.notes else (*at, "title"), Severity.ERROR,
                    f"'{who}' leads this slide but has no notes on it",
                    hint=f"add notes: [{{by: {who}, text: ...}}] with what they say",
                ))
        if slide.handoff is not None:
            issues.append(named.not_presenting((*at, "handoff", "to"), slide.handoff.to))
    return issues
