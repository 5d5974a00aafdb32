"""Counts of entities per kind, for `check` and `stats`."""

from __future__ import annotations

from generator.loading.kinds import ALL_REFERABLE_KINDS
from generator.model.content import Content

# Display names, plural.
_PLURALS = {
    "practice": "practices",
    "role": "roles",
    "program": "programs",
    "process": "processes",
    "case": "cases",
    "quote": "quotes",
    "tool": "tools",
    "module": "modules",
    "session": "sessions",
    "document": "documents",
    "family": "families",
    "level": "levels",
    "phase": "phases",
    "continuum": "continuum stages",
    "audience": "audiences",
    "term": "glossary terms",
    "reference": "references",
    "path": "paths",
}


def count_entities(content: Content) -> dict[str, int]:
    """Number of entities of every kind (zero included), in a stable order."""
    return {_PLURALS[kind]: len(content.entities.get(kind, {})) for kind in ALL_REFERABLE_KINDS}
