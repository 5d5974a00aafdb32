"""Counts of entities per kind, for `check` and `stats`."""

from __future__ import annotations

from generator.model.content import Content
from generator.model.registry import BY_NAME, REFERABLE


def count_entities(content: Content) -> dict[str, int]:
    """Number of entities of every kind (zero included), by the kind's plural label, in registry order."""
    return {BY_NAME[kind].labels.plural: len(content.all(kind)) for kind in REFERABLE}
