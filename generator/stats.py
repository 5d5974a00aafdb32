"""Counts of entities per kind, for `check` and `stats`, and the overdue reviews by owner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.checks.upkeep import Overdue, overdue_reviews
from generator.model.content import Content
from generator.model.registry import BY_NAME, REFERABLE


def count_entities(content: Content) -> dict[str, int]:
    """Number of entities of every kind (zero included), by the kind's plural label, in registry order."""
    return {BY_NAME[kind].labels.plural: len(content.all(kind)) for kind in REFERABLE}


@dataclass(frozen=True)
class OwnerReviews:
    """One owner's overdue reviews, oldest first; `owner` is '' for entities nobody owns."""

    owner: str
    overdue: tuple[Overdue, ...]


def overdue_by_owner(content: Content, today: date) -> list[OwnerReviews]:
    """Entities whose review date is before `today`, grouped by owner (named in the default
    language): owners in alphabetical order, then the entities without an owner."""
    groups: dict[str, list[Overdue]] = {}
    for overdue in overdue_reviews(content.entities, today):
        groups.setdefault(overdue.owner_in(content.default_language), []).append(overdue)
    order = sorted(groups, key=lambda owner: (owner == "", owner.casefold(), owner))
    return [OwnerReviews(owner, tuple(groups[owner])) for owner in order]
