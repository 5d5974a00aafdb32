"""The default trainer sessions: three plans a quality advisor and a patient advisor teach together.

The minutes adding up, notes for whoever leads a slide and hand-offs to a presenter are
`check`'s to enforce (generator/checks/sessions.py), and the strict check of the default
content is the `content` fixture of test_default_content, reused here. These tests hold
the default content to what the brief asks of it: the three sessions, their audiences and
lengths, both presenters leading, the floor passing, links to what the course teaches,
figures that exist, and quotes shown only as figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import test_default_content

from generator.model.case import Case
from generator.model.content import Content
from generator.model.framework import Audience
from generator.model.program import Process
from generator.model.quote import Quote
from generator.model.session import Session, SessionBlock, SessionSlide
from generator.model.text import LocalizedText

ROOT = Path(__file__).resolve().parent.parent
SESSIONS = ROOT / "content" / "training" / "sessions"
PRESENTERS = {"quality-advisor", "patient-advisor"}

# The default content loaded once, failing on any error or warning: `check --strict` stays clean.
content = test_default_content.content

EXPECTED = {
    # id: (minutes, tolerance, audiences that must attend)
    "managers-workshop": (210, 30, {"top-managers", "mid-managers", "front-line-managers"}),
    "qi-team-before-pa-joins": (90, 0, {"qi-teams"}),
    "new-patient-advisor-preparation": (120, 0, {"patient-advisors"}),
}


def _en(text: LocalizedText) -> str:
    return text.get("en", "en")


def _slides(session: Session) -> list[tuple[SessionBlock, SessionSlide]]:
    return [(block, slide) for block in session.blocks for slide in block.slides]


def _leads(block: SessionBlock, slide: SessionSlide) -> list[str]:
    return list(slide.lead or block.lead)


@pytest.fixture(scope="module")
def sessions(content: Content) -> dict[str, Session]:
    found = content.all(Session)
    return {session_id: found[session_id] for session_id in EXPECTED if session_id in found}


def test_the_three_sessions_exist_with_their_length_and_audience(content: Content) -> None:
    assert set(EXPECTED) <= set(content.all(Session))
    for session_id, (minutes, tolerance, audiences) in EXPECTED.items():
        session = content.all(Session)[session_id]
        assert abs(session.duration_minutes - minutes) <= tolerance, session_id
        assert sum(block.minutes for block in session.blocks) == session.duration_minutes, session_id
        assert audiences <= set(session.audience), session_id
    # The managers' workshop is for the manager audiences the framework defines, and no one else.
    manager_audiences = {a for a in content.all(Audience) if a.endswith("-managers")}
    assert set(content.all(Session)["managers-workshop"].audience) == manager_audiences
    assert content.all(Session)["new-patient-advisor-preparation"].audience == ["patient-advisors"]


def test_a_quality_advisor_and_a_patient_advisor_present_each(sessions: dict[str, Session]) -> None:
    for session_id, session in sessions.items():
        assert set(session.presenters) == PRESENTERS, session_id


def test_every_slide_is_led_by_a_presenter_with_notes(sessions: dict[str, Session]) -> None:
    for session_id, session in sessions.items():
        for block, slide in _slides(session):
            where = (session_id, _en(block.title), _en(slide.title))
            notes = {note.by: _en(note.text) for note in slide.notes}
            for who in _leads(block, slide):
                assert who in session.presenters, where
                assert who in notes, where
                # A few sentences of what to say and do, not a placeholder.
                assert len(notes[who].split()) >= 20, (*where, who)


def test_both_presenters_lead_blocks_in_every_session(sessions: dict[str, Session]) -> None:
    for session_id, session in sessions.items():
        for presenter in session.presenters:
            assert any(presenter in block.lead for block in session.blocks), (session_id, presenter)
        # The patient advisor leads a block alone somewhere: a trainer, not a guest.
        assert any(block.lead == ["patient-advisor"] for block in session.blocks), session_id


def test_the_floor_passes_in_every_session(sessions: dict[str, Session]) -> None:
    for session_id, session in sessions.items():
        slides = _slides(session)
        handoffs = 0
        for index, (block, slide) in enumerate(slides):
            if slide.handoff is None:
                continue
            handoffs += 1
            where = (session_id, _en(slide.title))
            assert slide.handoff.to in session.presenters, where
            assert _en(slide.handoff.cue).strip(), where
            # The floor goes to someone else, who leads what comes next.
            assert _leads(block, slide) != [slide.handoff.to], where
            if index + 1 < len(slides):
                assert slide.handoff.to in _leads(*slides[index + 1]), where
        assert handoffs >= 1, session_id


def test_every_session_links_what_the_course_teaches(content: Content, sessions: dict[str, Session]) -> None:
    for session_id, session in sessions.items():
        links = [ref for block in session.blocks for ref in (*block.modules, *block.cases, *block.practices)]
        assert links, session_id
        assert session.handouts and session.tools, session_id
    assert set(content.all(Case)) <= {c for block in sessions["managers-workshop"].blocks for c in block.cases}


def test_every_visual_is_a_figure_that_exists(content: Content, sessions: dict[str, Session]) -> None:
    # `check` does not yet resolve a slide's visual; an unknown one would render as nothing.
    known = {"framework"} | {f"process:{p}" for p in content.all(Process)} | {
        f"timeline:{c}" for c in content.all(Case)} | {f"quote:{q}" for q in content.all(Quote)}
    for session_id, session in sessions.items():
        for _, slide in _slides(session):
            if slide.visual is not None:
                assert slide.visual in known, (session_id, slide.visual)


def test_quotes_appear_only_as_figures(content: Content) -> None:
    for path in sorted(SESSIONS.glob("*.yaml")):
        text = " ".join(path.read_text(encoding="utf-8").split())
        assert "[[quote:" not in text, path.name
        for quote_id, quote in content.all(Quote).items():
            words = _en(quote.text).split()
            # Any seven consecutive words of a quotation would be quoting it outside the figure.
            for start in range(len(words) - 6):
                assert " ".join(words[start:start + 7]) not in text, (path.name, quote_id)


def test_the_method_is_never_credited_to_the_study() -> None:
    for path in sorted(SESSIONS.glob("*.yaml")):
        text = " ".join(path.read_text(encoding="utf-8").lower().split())
        for claim in ("study recommends", "paper recommends", "the study proves", "study shows that partnership"):
            assert claim not in text, (path.name, claim)


def test_breaks_are_short_blocks_of_their_own(sessions: dict[str, Session]) -> None:
    for session_id, session in sessions.items():
        breaks = [block for block in session.blocks if "break" in _en(block.title).lower()]
        assert breaks, session_id
        assert all(block.minutes <= 15 and block.activity is None for block in breaks), session_id


def test_preparation_reads_as_a_timeline_with_more_than_the_presenters(sessions: dict[str, Session]) -> None:
    for session_id, session in sessions.items():
        days = [task.days_before for task in session.preparation]
        assert days == sorted(days, reverse=True) and days[-1] == 0, session_id
        helpers = {who for task in session.preparation for who in task.who} - set(session.presenters)
        assert helpers, session_id
        assert session.materials and session.room_setup and session.key_points and session.objectives, session_id
