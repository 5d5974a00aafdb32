"""Checks on provenance: a `study` source says where the study says it, a `toolkit` source names
the toolkit, and what published toolkits add cites the toolkit it comes from.

A toolkit's reference that names no entry of references.yaml is reported by the reference
check, like any reference; these checks report what is missing.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

from generator.issues import Issue, Severity
from generator.loading.project import LoadedFiles
from generator.model.practice import Practice
from generator.model.provenance import Provenance, own_source, text_of
from generator.model.registry import LISTED_KINDS
from generator.model.text import LocalizedText, find_inline_refs
from generator.positions import KeyPath, Origin

_EXAMPLE_LOCATOR = "Results, Team training"


def check_provenance(loaded: LoadedFiles) -> list[Issue]:
    """Every source without what its type needs, and every toolkit item that names no toolkit."""
    example = _example_reference(loaded)
    issues: list[Issue] = []
    for (kind, entity_id), origin in loaded.origins.items():
        entity = loaded.entities[kind][entity_id]
        if not _plan(type(entity)):
            continue
        for path, source in _sources(entity, origin.prefix):
            issues += _check_source(origin, path, source, example)
        if isinstance(entity, Practice):
            issues += _check_toolkits_add(origin, entity, example)
    listing = {stored.catalog for _, stored in LISTED_KINDS}
    for name, origin in loaded.catalog_origins.items():
        if name not in listing:
            for path, source in _sources(loaded.catalogs[name], ()):
                issues += _check_source(origin, path, source, example)
    return issues


def _check_source(origin: Origin, path: KeyPath, source: Provenance, example: str) -> list[Issue]:
    if source.type == "study" and not (source.locator or "").strip():
        return [origin.issue(
            path, Severity.ERROR, "a 'study' source needs a locator: where in the study it is said",
            hint=f'write source: {{type: study, locator: "{_EXAMPLE_LOCATOR}"}} with the heading of the paper '
                 "that says it, or source: guidance if it is your own advice",
        )]
    if source.type == "toolkit" and source.reference is None:
        return [origin.issue(
            path, Severity.ERROR, "a 'toolkit' source needs a reference: the published toolkit it comes from",
            hint=f"write source: {{type: toolkit, reference: {example}}} with the toolkit's id in references.yaml",
        )]
    return []


def _check_toolkits_add(origin: Origin, practice: Practice, example: str) -> list[Issue]:
    issues: list[Issue] = []
    for index, item in enumerate(practice.toolkits_add):
        if own_source(item) is not None:
            continue
        cited = any(ref.kind == "reference" for _, value in text_of(item).items() for ref in find_inline_refs(value))
        if not cited:
            issues.append(origin.issue(
                (*origin.prefix, "toolkits_add", index), Severity.ERROR,
                "this item names no toolkit: say which published toolkit adds it",
                hint=f"cite it in the text as [[reference:{example}]], or write it as {{text: ..., source: "
                     "guidance} if it is your own observation",
            ))
    return issues


def _example_reference(loaded: LoadedFiles) -> str:
    """A toolkit of the project's references to show in hints, else a placeholder."""
    toolkits = [r for r in loaded.entities.get("reference", {}).values() if getattr(r, "type", None) == "toolkit"]
    return str(getattr(toolkits[0], "id", "<id>")) if toolkits else "<id>"


def _sources(model: BaseModel, prefix: KeyPath) -> Iterator[tuple[KeyPath, Provenance]]:
    """Every source inside `model`, with its path."""
    for name in _plan(type(model)):
        value = getattr(model, name)
        path = (*prefix, name)
        if isinstance(value, Provenance):
            yield path, value
        elif isinstance(value, BaseModel):
            yield from _sources(value, path)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel) and not isinstance(item, LocalizedText):
                    yield from _sources(item, (*path, index))


@cache
def _plan(model: type[BaseModel]) -> tuple[str, ...]:
    """Names of the fields of `model` that may hold a source (computed once per model)."""
    return tuple(name for name, field in model.model_fields.items() if _may_hold(field.annotation))


def _may_hold(annotation: Any) -> bool:
    if typing.get_origin(annotation) is not None:
        return any(_may_hold(arg) for arg in typing.get_args(annotation))
    if not isinstance(annotation, type) or not issubclass(annotation, BaseModel):
        return False
    if issubclass(annotation, LocalizedText):
        return False
    return annotation is Provenance or bool(_plan(annotation))
