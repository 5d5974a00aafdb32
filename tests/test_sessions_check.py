"""Trainer sessions: `check` finds minutes that do not add up and people who do not present."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.model.session import Session
from generator.pipeline import load_content
from generator.report import format_text

SESSION = "content/training/sessions/team-kickoff.yaml"
Edit = Callable[[Path, str, str], None]


def _report(project: Path) -> list[str]:
    return [format_text(issue) for issue in load_content(project).issues]


def test_the_fixture_session_is_clean(mini_copy: Path) -> None:
    loaded = load_content(mini_copy)
    assert loaded.issues == []
    assert loaded.content is not None
    session = loaded.content.all(Session)["team-kickoff"]
    assert session.presenters == ["program-manager", "patient-advisor"]
    assert [note.by for note in session.blocks[0].slides[0].notes] == ["program-manager", "patient-advisor"]


def test_slides_must_fill_their_block_and_an_activity_fit_in_it(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / SESSION, "        minutes: 20\n", "        minutes: 15\n")
    edit(mini_copy / SESSION, "      minutes: 10\n", "      minutes: 25\n")
    assert _report(mini_copy) == [
        f"{SESSION}:16:14: error: blocks[0].minutes: the block's slides add up to 15 minutes but the block has 20 "
        "(change a slide's minutes or the block's so they agree)",
        f"{SESSION}:21:16: error: blocks[0].activity.minutes: the activity takes 25 minutes, more than its "
        "block's 20 (shorten the activity or lengthen the block)",
    ]


def test_whoever_leads_a_slide_needs_notes(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / SESSION, "          - by: patient-advisor\n            text: Tell your story.\n", "")
    assert _report(mini_copy) == [
        f"{SESSION}:30:11: error: blocks[0].slides[0].notes: 'patient-advisor' leads this slide but has no notes "
        "on it (add notes: [{by: patient-advisor, text: ...}] with what they say)",
    ]


def test_a_slide_can_be_led_by_one_presenter_of_the_block(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / SESSION, "        points: [Patients see what we do not]\n",
         "        points: [Patients see what we do not]\n        lead: [program-manager]\n")
    edit(mini_copy / SESSION, "          - by: patient-advisor\n            text: Tell your story.\n", "")
    assert _report(mini_copy) == []


def test_leads_notes_and_handoffs_name_presenters(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / SESSION, "presenters: [program-manager, patient-advisor]", "presenters: [program-manager]")
    edit(mini_copy / SESSION, "          to: program-manager\n", "          to: patient-advisor\n")
    assert _report(mini_copy) == [
        f"{SESSION}:17:29: error: blocks[0].lead[1]: 'patient-advisor' does not present this session "
        "(name one of its presenters (program-manager), or add 'patient-advisor' to presenters)",
        f"{SESSION}:32:17: error: blocks[0].slides[0].notes[1].by: 'patient-advisor' does not present this "
        "session (name one of its presenters (program-manager), or add 'patient-advisor' to presenters)",
        f"{SESSION}:35:15: error: blocks[0].slides[0].handoff.to: 'patient-advisor' does not present this "
        "session (name one of its presenters (program-manager), or add 'patient-advisor' to presenters)",
    ]


def test_an_unknown_role_is_reported_once_by_the_reference_check(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / SESSION, "    lead: [program-manager]\n", "    lead: [programme-manager]\n")
    assert _report(mini_copy) == [
        f"{SESSION}:39:12: error: blocks[1].lead[0]: unknown role 'programme-manager' "
        "(did you mean 'program-manager'?)",
    ]


def test_one_to_three_presenters(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / SESSION, "presenters: [program-manager, patient-advisor]",
         "presenters: [program-manager, patient-advisor, program-manager, patient-advisor]")
    assert any("presenters: List should have at most 3 items" in line for line in _report(mini_copy))


def test_a_visual_names_a_figure_that_exists(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / SESSION, "visual: process:five-step-involvement", "visual: process:five-steps-involvement")
    assert _report(mini_copy) == [
        f"{SESSION}:44:17: error: blocks[1].slides[0].visual: unknown process 'five-steps-involvement' in visual "
        "'process:five-steps-involvement' (did you mean 'process:five-step-involvement'?)",
    ]
    edit(mini_copy / SESSION, "visual: process:five-steps-involvement", "visual: timline:oncology")
    assert _report(mini_copy) == [
        f"{SESSION}:44:17: error: blocks[1].slides[0].visual: unknown visual 'timline:oncology' (did you mean "
        "'timeline'? write 'framework', 'process:<id>', 'timeline:<case id>' or 'quote:<id>')",
    ]
