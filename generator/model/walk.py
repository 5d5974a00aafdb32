"""Walk a validated model and yield every reference and every human-readable text in it.

The walk is driven by the models' type annotations (`RefTo` markers, `LocalizedText`
and `Markdown` types), so a new kind or field is checked and resolved without new code
here: the checks report on what it finds, the resolver links what it finds.
Each model class is introspected once (a cached plan), keeping the walk linear.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Union

from pydantic import BaseModel

from generator.model.text import INLINE_REF, LocalizedText, Markdown, RefTo
from generator.positions import KeyPath


@dataclass(frozen=True)
class FoundRef:
    """A reference by id found at `path`."""

    path: KeyPath
    kind: str
    id: str


@dataclass(frozen=True)
class FoundText:
    """A human-readable text found at `path`."""

    path: KeyPath
    text: LocalizedText

    @property
    def is_markdown(self) -> bool:
        """True for Markdown fields (which may hold inline references)."""
        return isinstance(self.text, Markdown)


def _ref_kind(annotation: Any, metadata: list[Any]) -> str | None:
    for item in metadata:
        if isinstance(item, RefTo):
            return item.kind
    if typing.get_origin(annotation) is typing.Annotated:
        return _ref_kind(None, list(typing.get_args(annotation)[1:]))
    if typing.get_origin(annotation) in (Union, types.UnionType):
        kinds = {_ref_kind(arg, []) for arg in typing.get_args(annotation)} - {None}
        return kinds.pop() if kinds else None
    return None


def _element(annotation: Any) -> Any:
    """The element type of list[X] (through Optional and Annotated)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _element(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                return _element(arg)
    if origin is list:
        return typing.get_args(annotation)[0]
    return None


@cache
def _plan(model: type[BaseModel], texts: bool = True) -> tuple[tuple[str, str | None, str | None], ...]:
    """For each field that may hold a reference (with `texts`, or a text): (name, kind if the
    field is a ref, kind if its elements are refs). Fields of numbers, dates and the like are left out."""
    plan = []
    for name, field in model.model_fields.items():
        element = _element(field.annotation)
        kind = _ref_kind(field.annotation, field.metadata)
        element_kind = _ref_kind(element, []) if element is not None else None
        if kind or element_kind or _may_hold(field.annotation, texts):
            plan.append((name, kind, element_kind))
    return tuple(plan)


def _may_hold(annotation: Any, texts: bool) -> bool:
    """False when no value of this type can hold a reference (or, with `texts`, a text)."""
    if annotation is Any:
        return True
    if typing.get_origin(annotation) is not None:
        return any(_may_hold(arg, texts) for arg in typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, LocalizedText):
        return texts or issubclass(annotation, Markdown)  # Markdown may hold [[kind:id]]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return bool(_plan(annotation, texts))
    return False


def walk(model: BaseModel, prefix: KeyPath = ()) -> Iterator[FoundRef | FoundText]:
    """Every reference and text inside `model`, with its path."""
    found: list[FoundRef | FoundText] = []
    _walk(model, prefix, found)
    return iter(found)


def _walk(model: BaseModel, prefix: KeyPath, found: list[FoundRef | FoundText]) -> None:
    for name, field_kind, element_kind in _plan(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        path = (*prefix, name)
        if field_kind and isinstance(value, str):
            found.append(FoundRef(path, field_kind, value))
        elif isinstance(value, LocalizedText):
            found.append(FoundText(path, value))
        elif isinstance(value, BaseModel):
            _walk(value, path, found)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if element_kind and isinstance(item, str):
                    found.append(FoundRef((*path, index), element_kind, item))
                elif isinstance(item, LocalizedText):
                    found.append(FoundText((*path, index), item))
                elif isinstance(item, BaseModel):
                    _walk(item, (*path, index), found)


def references(model: BaseModel) -> list[tuple[str, str]]:
    """(kind, id) of every reference inside `model`, `[[kind:id]]` in Markdown included, in `walk` order."""
    found: list[tuple[str, str]] = []
    _collect(model, found)
    return found


def _collect(model: BaseModel, found: list[tuple[str, str]]) -> None:
    for name, field_kind, element_kind in _plan(type(model), False):
        value = getattr(model, name)
        if value is None:
            continue
        if field_kind and isinstance(value, str):
            found.append((field_kind, value))
        elif isinstance(value, Markdown):
            _collect_inline(value, found)
        elif isinstance(value, BaseModel) and not isinstance(value, LocalizedText):
            _collect(value, found)
        elif isinstance(value, list):
            for item in value:
                if element_kind and isinstance(item, str):
                    found.append((element_kind, item))
                elif isinstance(item, Markdown):
                    _collect_inline(item, found)
                elif isinstance(item, BaseModel) and not isinstance(item, LocalizedText):
                    _collect(item, found)


def _collect_inline(text: Markdown, found: list[tuple[str, str]]) -> None:
    root = text.root
    for value in (root,) if isinstance(root, str) else root.values():
        if "[[" in value:
            found += [(match.group(1), match.group(2)) for match in INLINE_REF.finditer(value)]


def _candidates(annotation: Any) -> list[Any]:
    """Concrete types an annotation may hold, unions and Annotated opened, refs kept whole."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        if _ref_kind(annotation, []):
            return [annotation]
        return _candidates(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _candidates(arg)]
    return [annotation]


def walk_raw(
    model: type[BaseModel], data: Any, prefix: KeyPath = (), metadata: tuple[Any, ...] = ()
) -> Iterator[FoundRef | FoundText]:
    """Like `walk`, over the raw data of a file that failed validation.

    Used so that a file with one bad field still has its references checked in the
    same run. Values that do not have the expected shape are skipped: the first pass
    already reported them.
    """
    if not isinstance(data, dict):
        return
    for name, field in model.model_fields.items():
        if name not in data:
            continue
        yield from _walk_value(field.annotation, list(field.metadata), data[name], (*prefix, name))


def _walk_value(annotation: Any, metadata: list[Any], value: Any, path: KeyPath) -> Iterator[FoundRef | FoundText]:
    kind = _ref_kind(annotation, metadata)
    if kind and isinstance(value, str):
        yield FoundRef(path, kind, value)
        return
    for candidate in _candidates(annotation):
        if isinstance(candidate, type) and issubclass(candidate, LocalizedText):
            try:
                text = candidate.model_validate(value)
            except ValueError:
                continue  # malformed text, or another member of the union: the first pass reported it
            yield FoundText(path, text)
            return
        if isinstance(candidate, type) and issubclass(candidate, BaseModel) and isinstance(value, dict):
            tag = candidate.model_fields.get("type")
            if (
                tag is not None
                and typing.get_args(tag.annotation)
                and value.get("type") not in typing.get_args(tag.annotation)
            ):
                continue  # another member of a discriminated union
            yield from walk_raw(candidate, value, path)
            return
        if typing.get_origin(candidate) is list and isinstance(value, list):
            element = typing.get_args(candidate)[0]
            for index, item in enumerate(value):
                yield from _walk_value(element, [], item, (*path, index))
            return
