"""Upkeep: which entities are past their review date, as data, and the warnings that say so.

An entity's `review_by` is the day it is reviewed by; from the next day on the review is
overdue. `overdue_reviews` finds those entities for a given `today` (the caller's clock,
so tests and `--today` choose it), in any mapping of entities by kind and id: the loaded
files for `check`, the resolved content for `stats`. `check_upkeep` turns them into
warnings located at each `review_by`, naming the owner.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel

from generator.issues import Issue, Severity
from generator.loading.project import LoadedFiles
from generator.model.base import Upkeep
from generator.model.registry import REFERABLE
from generator.model.text import LocalizedText


@dataclass(frozen=True)
class Overdue:
    """An entity whose review date has passed."""

    kind: str
    id: str
    review_by: date
    owner: LocalizedText | None

    def owner_in(self, lang: str) -> str:
        """The owner's name in `lang` (the default language's when it has none); '' when unset."""
        return "" if self.owner is None else self.owner.get(lang, lang)


def overdue_reviews(entities: Mapping[str, Mapping[str, BaseModel]], today: date) -> list[Overdue]:
    """Every entity whose `review_by` is before `today`, oldest review date first, then in
    registry and content order."""
    found: list[Overdue] = []
    for kind in REFERABLE:
        for entity_id, entity in entities.get(kind, {}).items():
            if isinstance(entity, Upkeep) and entity.review_by is not None and entity.review_by < today:
                found.append(Overdue(kind, entity_id, entity.review_by, entity.owner))
    return sorted(found, key=lambda overdue: overdue.review_by)


def check_upkeep(loaded: LoadedFiles, lang: str, today: date) -> list[Issue]:
    """A warning at the `review_by` of every entity whose review is overdue on `today`; the
    owner is named in `lang`, the site's default language."""
    issues: list[Issue] = []
    for overdue in overdue_reviews(loaded.entities, today):
        origin = loaded.origins[(overdue.kind, overdue.id)]
        owner = overdue.owner_in(lang)
        hint = "review it, then move review_by to the next review date"
        if not owner:
            hint += "; add 'owner:' to say who keeps it current"
        issues.append(origin.issue(
            (*origin.prefix, "review_by"),
            Severity.WARNING,
            f"review overdue since {overdue.review_by.isoformat()} ({f'owner: {owner}' if owner else 'no owner'})",
            hint=hint,
        ))
    return issues
