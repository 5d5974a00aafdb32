"""Choice order and assessment: choices in an order drawn from each check's id, the same on
the site and in the workbook; warnings on guessable answers and on objectives nothing assesses."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.model.training import KnowledgeCheck, Module
from generator.pipeline import load_content
from generator.render.print import build_pdfs
from generator.render.site.tree import render_site
from generator.report import format_text

ROOT = Path(__file__).resolve().parent.parent
MODULE = "content/training/modules/welcome.yaml"
Edit = Callable[[Path, str, str], None]


def _check(check_id: str, texts: list[str], right: int = 0, shuffle: bool = True) -> KnowledgeCheck:
    return KnowledgeCheck.model_validate({
        "id": check_id, "question": "Which?", "shuffle": shuffle,
        "choices": [{"text": t, "correct": i == right, "feedback": "Because."} for i, t in enumerate(texts)],
    })


def _order(check: KnowledgeCheck) -> list[int]:
    return [check.choices.index(choice) for choice in check.displayed_choices()]


def _checks_yaml(*checks: tuple[str, list[str], int], shuffle: bool = False) -> str:
    """Single-answer checks as YAML, the right answer at the given index."""
    out = ""
    for check_id, texts, right in checks:
        out += f"  - id: {check_id}\n    shuffle: {'true' if shuffle else 'false'}\n    question: Which one?\n"
        out += "    choices:\n"
        for index, text in enumerate(texts):
            out += f"      - text: {text}\n        feedback: Because.\n"
            if index == right:
                out += "        correct: true\n"
    return out


def _report(project: Path) -> list[str]:
    return [format_text(issue) for issue in load_content(project).issues]


def test_the_order_depends_on_the_id_only() -> None:
    english = _check("merger-ceo", ["One", "Two", "Three", "Four"])
    french = KnowledgeCheck.model_validate({
        "id": "merger-ceo", "question": {"fr": "Laquelle?"},
        "choices": [{"text": {"fr": t}, "correct": i == 0, "feedback": {"fr": "Parce que."}}
                    for i, t in enumerate(["Un", "Deux", "Trois", "Quatre"])],
    })
    assert _order(english) == _order(french)
    assert _order(english) == _order(_check("merger-ceo", ["One", "Two", "Three", "Four"]))
    assert sorted(_order(english)) == [0, 1, 2, 3]


def test_shuffle_false_keeps_the_written_order() -> None:
    assert _order(_check("merger-ceo", ["A", "B", "C", "D"], shuffle=False)) == [0, 1, 2, 3]


def test_the_default_content_is_shown_out_of_its_written_order() -> None:
    loaded = load_content(ROOT)
    assert loaded.content is not None
    checks = [c for m in loaded.content.all(Module).values() for c in m.checks if len(c.choices) >= 3]
    moved = [c for c in checks if _order(c) != list(range(len(c.choices)))]
    assert len(moved) >= len(checks) // 2
    # The written order put the right answer first in almost every check; shown, it moves.
    firsts = [c for c in checks if c.kind == "single" and c.displayed_choices()[0].correct]
    assert len(firsts) < len(checks) // 2


@pytest.mark.slow
def test_site_and_workbook_show_the_same_order(mini_copy: Path, edit: Edit, tmp_path: Path) -> None:
    texts = ["Alpha answer", "Bravo answer", "Charlie answer", "Delta answer", "Echo answer"]
    edit(mini_copy / MODULE, "reflection:\n", _checks_yaml(("order-probe", texts, 2), shuffle=True) + "reflection:\n")
    loaded = load_content(mini_copy)
    assert loaded.content is not None
    probe = next(c for c in loaded.content.all(Module)["welcome"].checks if c.id == "order-probe")
    shown = [str(choice.text.root) for choice in probe.displayed_choices()]
    assert shown != texts, "this id draws another order than the written one"

    page = {p.src: p.markdown for p in render_site(loaded.content).pages}["training/modules/welcome.md"]
    form = page.split('id="check-order-probe"')[1]
    assert [t for t in re.findall(r"(\w+ answer)</summary>", form)][:5] == shown
    assert [t for t in re.findall(r"(\w+ answer)</label>", form)][:5] == shown

    build_pdfs(loaded.content, tmp_path, jobs=1, timestamp=datetime(2026, 3, 14, tzinfo=UTC))
    words = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(
        tmp_path / "en/workbooks/patient-advisors.pdf").pages))
    for letter, text in zip("ABCDE", shown, strict=True):
        assert f"{letter}. {text}" in words
    right = "ABCDE"[shown.index("Charlie answer")]
    assert f"Correct answer: {right}" in words


def test_the_right_answer_always_in_one_place_is_a_warning(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / MODULE, "reflection:\n", _checks_yaml(
        ("first", ["Right", "Wrong one", "Wrong two"], 0),
        ("second", ["Right too", "Wrong three", "Wrong four"], 0),
    ) + "reflection:\n")
    assert _report(mini_copy) == [], "how-many, shuffled, shows its right answer elsewhere"
    # Pin how-many with its right answer first too: now all three checks put it first.
    edit(mini_copy / MODULE, "  - id: how-many\n", "  - id: how-many\n    shuffle: false\n")
    edit(mini_copy / MODULE, "      - text: One\n", "      - text: Two people\n        correct: true\n"
                                                    "        feedback: Yes.\n      - text: One\n")
    edit(mini_copy / MODULE, "      - text: Two\n        correct: true\n", "      - text: Three\n")
    assert _report(mini_copy) == [
        f"{MODULE}:12:3: warning: checks: the right answer is choice 1 as shown in all 3 single-answer checks "
        "(the order is drawn from each check's id: rename a check, or set 'shuffle: false' on one and order "
        "its choices yourself)"
    ]


def test_the_right_answer_always_the_longest_is_a_warning(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / MODULE, "reflection:\n", _checks_yaml(
        ("first", ["No", "The long and precise right answer", "Nope"], 1),
        ("second", ["Never", "Nah", "Another long and precise right answer"], 2),
    ) + "reflection:\n")
    edit(mini_copy / MODULE, "      - text: Two\n", "      - text: Two, at the very least\n")
    report = _report(mini_copy)
    assert [line for line in report if "longest" in line] == [
        f"{MODULE}:12:3: warning: checks: the right answer is the longest choice in all 3 single-answer checks "
        "(learners pick the longest answer when unsure: shorten a right answer or make the other choices "
        "as precise)"
    ]


def test_an_objective_nothing_assesses_is_a_warning(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / MODULE, "    assessed_by: [how-many]\n", "  - Say who coaches a new advisor.\n")
    assert _report(mini_copy) == [
        f"{MODULE}:6:5: warning: objectives[0]: objective 1 is not assessed by any knowledge check or activity "
        "(add 'assessed_by: [<check id>, ...]' (or 'reflection') to it, or write a check that assesses it)",
        f"{MODULE}:7:5: warning: objectives[1]: objective 2 is not assessed by any knowledge check or activity "
        "(add 'assessed_by: [<check id>, ...]' (or 'reflection') to it, or write a check that assesses it)",
    ]


def test_assessed_by_names_checks_of_the_module_or_its_reflection(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / MODULE, "assessed_by: [how-many]", "assessed_by: [how-mani, reflection, nothing-like-it]")
    assert _report(mini_copy) == [
        f"{MODULE}:7:19: error: objectives[0].assessed_by[0]: no knowledge check 'how-mani' in this module "
        "(did you mean 'how-many'?)",
        f"{MODULE}:7:41: error: objectives[0].assessed_by[2]: no knowledge check 'nothing-like-it' in this module "
        "(checks of this module: how-many)",
    ]
    edit(mini_copy / MODULE, "reflection:\n  - In your organization, who would be your coach?\n", "")
    assert f"{MODULE}:7:29: error: objectives[0].assessed_by[1]: 'reflection' assesses this objective, but the " \
        "module has no reflection prompts (add reflection prompts to the module, or name a knowledge check)" \
        in _report(mini_copy)
