"""Turn pydantic validation errors into located, readable issues with a fix.

Pydantic's locations include union branch labels ('str', 'dict[...]') and
discriminator tags that are not in the author's file; they are removed so the
path matches what the author wrote. Errors from the branches of one union are
merged into a single message.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any, Union

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.issues import Issue, Severity, format_where
from generator.loading.yaml_hints import quoted
from generator.model.provenance import SHAPE_TAGS
from generator.model.text import ID_PATTERN, LANGUAGE_PATTERN, NEUTRAL, TEXT_KEY_PATTERN, LocalizedText, suggest_id
from generator.positions import KeyPath, LocatedData

_TYPE_LABEL = re.compile(r"^(str|int|float|bool|none|.*\[.*\].*)$")


def _clean_location(data: Any, loc: tuple[int | str, ...]) -> tuple[KeyPath, bool]:
    """The error's path in the author's data, and whether it points at a mapping key."""
    path: list[str | int] = []
    current = data
    for segment in loc:
        if segment == "[key]":
            return tuple(path), True
        if _has_child(current, segment):
            path.append(segment)
            current = current[segment]
        elif isinstance(current, dict) and current.get("type") == segment:
            continue  # discriminator tag
        elif segment in SHAPE_TAGS:
            continue  # which way a text is written (plain Markdown, or {text, source})
        elif isinstance(segment, str) and _TYPE_LABEL.match(segment):
            continue  # union branch label
        else:
            path.append(segment)
            return tuple(path), False
    return tuple(path), False


def _has_child(container: Any, segment: int | str) -> bool:
    """True when `segment` is a key of a mapping or an index of a list in the author's data."""
    if isinstance(container, dict):
        return isinstance(segment, str) and segment in container
    return isinstance(container, list) and isinstance(segment, int) and segment < len(container)


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types an annotation may hold (unions and Annotated opened)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def _model_at(root: type[BaseModel], data: Any, path: KeyPath) -> type[BaseModel] | None:
    """The model class that validates the mapping at `path`, to suggest field names."""
    candidates: list[Any] = [root]
    current = data
    for segment in path:
        models = [c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)]
        lists = [c for c in candidates if typing.get_origin(c) is list]
        if isinstance(segment, int):
            candidates = [t for c in lists for t in _unwrap(typing.get_args(c)[0])]
        else:
            candidates = []
            for model in models:
                if segment in model.model_fields:
                    candidates += _unwrap(model.model_fields[segment].annotation)
        if isinstance(current, dict):
            current = current.get(segment)
        elif isinstance(current, list) and isinstance(segment, int) and segment < len(current):
            current = current[segment]
        else:
            current = None
        if isinstance(current, dict) and "type" in current:
            candidates = [c for c in candidates if not _is_model(c) or _tag_of(c) in (None, current["type"])]
    models = [c for c in candidates if _is_model(c) and not issubclass(c, LocalizedText)]
    return models[0] if models else None


def _is_model(candidate: Any) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, BaseModel)


def _tag_of(model: type[BaseModel]) -> str | None:
    field = model.model_fields.get("type")
    if field is None:
        return None
    args = typing.get_args(field.annotation)
    return str(args[0]) if args else None


def _message(error: ErrorDetails, path: KeyPath, model: type[BaseModel] | None) -> tuple[str, str]:
    """(message, hint) for one pydantic error."""
    kind = error["type"]
    ctx = error.get("ctx", {})
    value = error.get("input")
    if kind == "missing":
        return f"required field '{path[-1]}' is missing", "add it"
    if "hint" in ctx:  # the model's own error, with its fix (a review date that names no day)
        return error["msg"], str(ctx["hint"])
    if kind == "extra_forbidden":
        allowed = sorted(model.model_fields) if model else []
        close = difflib.get_close_matches(str(path[-1]), allowed, n=1)
        hint = (
            f"did you mean '{close[0]}'?"
            if close
            else (f"allowed keys: {', '.join(allowed)}" if allowed else "remove it")
        )
        return f"unknown key '{path[-1]}'", hint
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == ID_PATTERN:
        suggestion = suggest_id(str(value))
        return f"'{value}' is not a valid id", (
            f"write it as '{suggestion}'" if suggestion else "use lowercase letters a-z, digits and single hyphens"
        )
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == LANGUAGE_PATTERN:
        return f"'{value}' is not a language code", "use two lowercase letters such as 'en' or 'fr'"
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == TEXT_KEY_PATTERN:
        return (
            f"'{value}' is not a language code",
            f"use two lowercase letters such as 'en' or 'fr', or '{NEUTRAL}' for text that needs no translation",
        )
    if kind == "too_short":
        need = ctx.get("min_length", 1)
        return f"needs at least {need} item{'s' if need != 1 else ''}", "add the missing items"
    if kind == "union_tag_invalid":
        return f"unknown type '{ctx.get('tag')}'", f"use one of: {ctx.get('expected_tags')}"
    if kind == "union_tag_not_found":
        return "missing 'type'", f"add 'type:' with one of the item types ({ctx.get('discriminator')})"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), ""
    if kind in ("string_type", "dict_type") and model is None:
        return f"expected text, got {_describe(value)}", "write text, or translations such as {en: ..., fr: ...}"
    if kind == "list_type":
        return f"expected a list, got {_describe(value)}", "write items as '- item' lines or [a, b]"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping of keys, got {_describe(value)}", "write 'key: value' lines under it"
    return error["msg"], ""


# What a mistyped language code looks like ('EN', 'eng', 'fr-CA'); anything else is a text's first words.
_LANGUAGE_LIKE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z]{2})?$")


def _text_read_as_mapping(error: ErrorDetails, path: KeyPath, located: LocatedData) -> tuple[str, str] | None:
    """(message, hint) when a text holding ': ' was read as a one-key mapping (`- Step 1: go`)."""
    if error["type"] != "string_pattern_mismatch" or error.get("ctx", {}).get("pattern") != TEXT_KEY_PATTERN:
        return None
    mapping = _value_at(located.data, path[:-1])
    key = path[-1]
    if not isinstance(mapping, dict) or len(mapping) != 1 or not isinstance(key, str) or _LANGUAGE_LIKE.match(key):
        return None
    start = located.position(path[:-1])
    line = located.lines[start.line - 1] if 0 < start.line <= len(located.lines) else ""
    if line[start.column - 1 : start.column] == "{":
        return None  # written as a mapping on purpose: {anglais: ...}
    value = mapping[key]
    written = f"{key}: {value}" if isinstance(value, str) else f"{key}:"
    lead = "-" if isinstance(path[-2], int) else f"{path[-2]}:"
    return (
        f"'{written}' was read as a key and a value, not as text",
        f"if ': ' belongs to the text, put it in quotes: {lead} {quoted(written)}",
    )


def _value_at(data: Any, path: KeyPath) -> Any:
    for segment in path:
        if not _has_child(data, segment):
            return None
        data = data[segment]
    return data


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"'{value}'" if isinstance(value, str) else f"{type(value).__name__} {value!r}"


def validation_issues(
    exc: ValidationError,
    root: type[BaseModel],
    located: LocatedData,
    display: str,
    prefix: KeyPath = (),
) -> list[Issue]:
    """Every error of `exc` as an issue located in the author's file."""
    issues: list[Issue] = []
    seen: set[KeyPath] = set()
    located_errors = [(error, *_clean_location(located.data, prefix + tuple(error["loc"]))) for error in exc.errors()]
    for error, path, at_key in located_errors:
        if path in seen:
            continue  # one message per place: union branches repeat each other
        if error["type"] == "string_type" and any(
            len(other) > len(path) and other[: len(path)] == path for _, other, _ in located_errors
        ):
            continue  # text written as a mapping: the error inside the mapping says what is wrong
        seen.add(path)
        model_path = path[:-1] if error["type"] in ("extra_forbidden", "missing") else path
        model = (
            _model_at(root, located.data, model_path[len(prefix) :])
            if error["type"] == "extra_forbidden"
            else (
                _model_at(root, located.data, path[len(prefix) :])
                if error["type"] in ("string_type", "dict_type")
                else None
            )
        )
        read_as_mapping = _text_read_as_mapping(error, path, located)
        if read_as_mapping:
            path, at_key = path[:-1], False  # the text is the problem, not its 'key'
        message, hint = read_as_mapping or _message(error, path, model)
        if error["type"] == "missing":
            position = located.position(path[:-1])
        else:
            position = located.position(path, key=at_key or error["type"] == "extra_forbidden")
        issues.append(
            Issue(display, position.line, position.column, Severity.ERROR, message, where=format_where(path), hint=hint)
        )
    return issues
