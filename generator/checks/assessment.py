"""Checks that a module assesses what it teaches, and that its answers cannot be guessed.

Warnings, not errors: a module still works, but a learner who can pick the right answer
by its place or its length learns nothing from the check, and an objective that nothing
assesses is a promise the module does not keep.
"""

from __future__ import annotations

import difflib

from generator.issues import Issue, Severity
from generator.model.training import KnowledgeCheck, Module
from generator.positions import Origin

REFLECTION = "reflection"
# Below this many single-answer checks, one position or length for all is likely chance.
FEWEST_CHECKS_FOR_A_PATTERN = 3


def check_assessment(origin: Origin, module: Module) -> list[Issue]:
    """Objectives nothing assesses or that name an unknown check, and predictable answers."""
    return _objectives(origin, module) + _predictable_answers(origin, module)


def _objectives(origin: Origin, module: Module) -> list[Issue]:
    issues: list[Issue] = []
    check_ids = [check.id for check in module.checks]
    for index, objective in enumerate(module.objectives):
        if not objective.assessed_by:
            issues.append(origin.issue(
                ("objectives", index), Severity.WARNING,
                f"objective {index + 1} is not assessed by any knowledge check or activity",
                hint="add 'assessed_by: [<check id>, ...]' (or 'reflection') to it, or write a check that assesses it",
            ))
        for position, name in enumerate(objective.assessed_by):
            if name in check_ids:
                continue
            if name == REFLECTION:
                if not module.reflection:
                    issues.append(origin.issue(
                        ("objectives", index, "assessed_by", position), Severity.ERROR,
                        "'reflection' assesses this objective, but the module has no reflection prompts",
                        hint="add reflection prompts to the module, or name a knowledge check",
                    ))
                continue
            close = difflib.get_close_matches(name, [*check_ids, REFLECTION], n=1, cutoff=0.6)
            known = ", ".join(check_ids) or "none"
            issues.append(origin.issue(
                ("objectives", index, "assessed_by", position), Severity.ERROR,
                f"no knowledge check '{name}' in this module",
                hint=f"did you mean '{close[0]}'?" if close else f"checks of this module: {known}",
            ))
    return issues


def _predictable_answers(origin: Origin, module: Module) -> list[Issue]:
    """Warn when every single-answer check puts its right answer in one place, or makes it the longest."""
    singles = [check for check in module.checks if check.kind == "single"]
    if len(singles) < FEWEST_CHECKS_FOR_A_PATTERN:
        return []
    issues: list[Issue] = []
    positions = {_right_position(check) for check in singles}
    if len(positions) == 1:
        place = positions.pop() + 1
        issues.append(origin.issue(
            ("checks",), Severity.WARNING,
            f"the right answer is choice {place} as shown in all {len(singles)} single-answer checks",
            hint="the order is drawn from each check's id: rename a check, or set 'shuffle: false' on one "
                 "and order its choices yourself",
        ))
    for lang in _languages(singles):
        if all(_right_is_longest(check, lang) for check in singles):
            shown = f" ({lang})" if lang else ""
            issues.append(origin.issue(
                ("checks",), Severity.WARNING,
                f"the right answer is the longest choice in all {len(singles)} single-answer checks{shown}",
                hint="learners pick the longest answer when unsure: shorten a right answer or make the "
                     "other choices as precise",
            ))
    return issues


def _right_position(check: KnowledgeCheck) -> int:
    return next(index for index, choice in enumerate(check.displayed_choices()) if choice.correct)


def _languages(checks: list[KnowledgeCheck]) -> list[str]:
    """Languages the choices are written in ('' for plain text), in first-seen order."""
    seen: dict[str, None] = {}
    for check in checks:
        for choice in check.choices:
            for lang, _ in choice.text.items():
                seen.setdefault(lang, None)
    return list(seen)


def _right_is_longest(check: KnowledgeCheck, lang: str) -> bool:
    lengths = [(len(choice.text.get(lang, lang)), choice.correct) for choice in check.choices]
    longest = max(length for length, _ in lengths)
    holders = [correct for length, correct in lengths if length == longest]
    return holders == [True]
