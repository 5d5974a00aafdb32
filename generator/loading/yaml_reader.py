"""Read one YAML file into plain data plus the line and column of every key and value.

Content files are authored by people and sometimes arrive from elsewhere, so the
reader is strict and bounded: only plain data (mappings, sequences, scalars), no
tags, no anchors or aliases (which is what makes "billion laughs" bombs possible),
one document per file, a size, depth and node budget, UTF-8 only, and duplicate
keys refused. It builds the data itself from the parser's event stream, without
recursion, so a hostile file costs at most one pass over its bytes.

Scalars follow YAML 1.2's core schema rather than PyYAML's YAML 1.1 defaults:
`no`, `on` and `2015-04` stay strings (the "Norway problem" never happens).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from generator.issues import Issue, Severity
from generator.loading.yaml_hints import quote_hint
from generator.positions import KeyPath, LocatedData, Position

MAX_BYTES = 1_048_576
MAX_DEPTH = 32
MAX_NODES = 100_000

try:  # libyaml's parser is several times faster; the pure-Python one behaves the same
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_FLOAT_SPECIAL = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}


@dataclass
class ReadResult:
    """What reading a file gave: data when it could be read, and its problems."""

    located: LocatedData | None
    issues: list[Issue]


class _Stop(Exception):
    """Reading must stop at this problem (the rest of the file cannot be trusted)."""

    def __init__(self, line: int, column: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.line, self.column, self.message, self.hint = line, column, message, hint


def _resolve_plain(text: str) -> Any:
    """Type of an unquoted scalar under YAML 1.2's core schema."""
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if _INT_OCT.match(text):
        return int(text[2:], 8)
    if _INT_HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if text.lower() in _FLOAT_SPECIAL:
        return _FLOAT_SPECIAL[text.lower()]
    return text


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _decode(raw: bytes, display: str) -> tuple[str | None, list[Issue]]:
    issues: list[Issue] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        issues.append(
            Issue(
                display,
                1,
                1,
                Severity.WARNING,
                "file starts with a byte-order mark (BOM); it was ignored",
                hint="save the file as UTF-8 without BOM",
            )
        )
    try:
        return raw.decode("utf-8"), issues
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        issues.append(
            Issue(
                display,
                line,
                column,
                Severity.ERROR,
                f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                hint="save the file as UTF-8; most editors offer it under 'Save with encoding'",
            )
        )
        return None, issues


def read_yaml_text(text: str, display: str) -> ReadResult:
    """Parse YAML text; `display` is the file name used in messages."""
    located = LocatedData(None, lines=text.splitlines())
    issues: list[Issue] = []
    try:
        _build(text, located, issues, display)
    except _Stop as stop:
        issues.append(Issue(display, stop.line, stop.column, Severity.ERROR, stop.message, hint=stop.hint))
        return ReadResult(None, issues)
    except yaml.MarkedYAMLError as exc:
        limit = _own_limit_before(text, exc)
        if limit is not None:
            issues.append(Issue(display, limit.line, limit.column, Severity.ERROR, limit.message, hint=limit.hint))
            return ReadResult(None, issues)
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        hint = quote_hint(located.lines, line, column, problem)
        issues.append(
            Issue(
                display,
                line,
                column,
                Severity.ERROR,
                f"YAML syntax: {problem}",
                hint=hint or "check indentation, colons and quotes on this line or the one before",
            )
        )
        return ReadResult(None, issues)
    except yaml.YAMLError as exc:
        issues.append(Issue(display, 1, 1, Severity.ERROR, f"YAML syntax: {exc}"))
        return ReadResult(None, issues)
    if located.data is None:
        issues.append(
            Issue(display, 1, 1, Severity.ERROR, "file is empty", hint="write the entity's fields, or delete the file")
        )
        return ReadResult(None, issues)
    return ReadResult(located, issues)


# Limits of the YAML library itself (libyaml 0.2.5 and PyYAML 6.0.4 stop flow nesting at
# 1000 levels). They fire in the scanner, which reads ahead of the events, so before our
# own budget sees the 33rd level; their wording and position depend on the version.
_LIBRARY_LIMITS = ("nesting depth", "maximum nesting", "too deep", "recursion")


def _own_limit_before(text: str, exc: yaml.MarkedYAMLError) -> _Stop | None:
    """When the library stopped at one of its own limits, the problem our budget reports
    for the text before that point, so the message and place never depend on the version."""
    problem = f"{exc.problem or ''} {exc.context or ''}".lower()
    mark = exc.problem_mark or exc.context_mark
    if mark is None or not any(limit in problem for limit in _LIBRARY_LIMITS):
        return None
    try:
        _build(text[: mark.index], LocatedData(None), [], "")
    except _Stop as stop:
        return stop
    except yaml.YAMLError:
        pass
    p = _position(mark)
    return _Stop(p.line, p.column, f"values are nested more than {MAX_DEPTH} levels deep",
                 hint="content never needs this depth; check the indentation")


def read_yaml_file(path: Path, display: str) -> ReadResult:
    """Read and parse one file, refusing what is too big or not UTF-8 before parsing."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return ReadResult(
                None,
                [
                    Issue(
                        display,
                        1,
                        1,
                        Severity.ERROR,
                        f"file is {size / 1_048_576:.1f} MiB; content files are limited to 1 MiB",
                        hint="split it into one file per entity",
                    )
                ],
            )
        raw = path.read_bytes()
    except OSError as exc:
        return ReadResult(None, [Issue(display, 1, 1, Severity.ERROR, f"cannot read file: {exc.strerror}")])
    result = _read_cached(raw, display) if len(raw) <= _CACHED_BYTES else _read_bytes(raw, display)
    if result.located is None:
        return result
    # The cached result is shared: the caller gets data of its own to change.
    located = result.located
    return ReadResult(replace(located, data=_copied(located.data)), list(result.issues))


def _copied(value: Any) -> Any:
    """Plain YAML data copied (mappings and lists; scalars are immutable)."""
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copied(item) for item in value]
    return value


# Files parsed once per process for the same bytes and name: the preview reads every file
# again after each save, and most have not changed. Content files are small; a big one
# (or hostile input) is parsed each time rather than kept.
_CACHED_BYTES = 64 * 1024


@lru_cache(maxsize=8192)
def _read_cached(raw: bytes, display: str) -> ReadResult:
    return _read_bytes(raw, display)


def _read_bytes(raw: bytes, display: str) -> ReadResult:
    """A file's bytes parsed."""
    text, issues = _decode(raw, display)
    if text is None:
        return ReadResult(None, issues)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return ReadResult(
            None, [*issues, Issue(display, line, 1, Severity.ERROR, "file contains a NUL byte; it is not a text file")]
        )
    result = read_yaml_text(text, display)
    return ReadResult(result.located, issues + result.issues)


def _build(text: str, located: LocatedData, issues: list[Issue], display: str) -> None:
    """Turn the event stream into data, recording positions; raises _Stop on hostile input."""
    # Each frame: [container, path, pending key (maps), seen keys (maps)]
    stack: list[list[Any]] = []
    documents = 0
    nodes = 0

    def attach(value: Any, start: Any, style: str | None) -> KeyPath | None:
        """Put a finished node into its parent; returns its path (None for a map key)."""
        position = _position(start)
        if not stack:
            located.data = value
            located.values[()] = position
            return ()
        frame = stack[-1]
        container, path = frame[0], frame[1]
        if isinstance(container, list):
            child = (*path, len(container))
            container.append(value)
        else:
            if frame[2] is None:  # this node is a key
                if isinstance(value, (dict, list)):
                    raise _Stop(
                        position.line,
                        position.column,
                        "a mapping key must be plain text",
                        hint="use 'name: value' with a text name",
                    )
                key = value if isinstance(value, str) else str(value)
                if key in frame[3]:
                    first = located.keys[(*path, key)]
                    issues.append(
                        Issue(
                            display,
                            position.line,
                            position.column,
                            Severity.ERROR,
                            f"duplicate key '{key}' (first at line {first.line})",
                            where=_where((*path, key)),
                            hint="keep one of them",
                        )
                    )
                    frame[2] = ("__duplicate__", key)
                else:
                    frame[3].add(key)
                    located.keys[(*path, key)] = position
                    frame[2] = key
                return None
            key = frame[2]
            frame[2] = None
            if isinstance(key, tuple):  # value of a duplicate key: parsed, then dropped
                return None
            child = (*path, key)
            container[key] = value
        located.values[child] = position
        if style in ("|", ">"):
            located.block_scalars.add(child)
        elif style in ("'", '"'):
            located.quoted_scalars.add(child)
        return child

    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                p = _position(event.start_mark)
                raise _Stop(
                    p.line,
                    p.column,
                    "a content file holds one YAML document; found a second '---'",
                    hint="split the file, one entity per file",
                )
            continue
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            p = _position(event.start_mark)
            raise _Stop(
                p.line,
                p.column,
                "anchors and aliases (&name, *name) are not allowed in content",
                hint="write the value out in full",
            )
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            nodes += 1
            if nodes > MAX_NODES:
                p = _position(event.start_mark)
                raise _Stop(
                    p.line,
                    p.column,
                    f"file has more than {MAX_NODES:,} values",
                    hint="split it into one file per entity",
                )
            explicit_tag = (
                event.tag
                if not (isinstance(event, yaml.ScalarEvent) and event.implicit[0])
                and not (not isinstance(event, yaml.ScalarEvent) and event.implicit)
                else None
            )
            if explicit_tag:
                p = _position(event.start_mark)
                raise _Stop(
                    p.line,
                    p.column,
                    f"YAML tags ('{event.tag}') are not allowed in content",
                    hint="remove the tag; quote the value if it must be text",
                )
        if isinstance(event, yaml.ScalarEvent):
            value = _resolve_plain(event.value) if not event.style else event.value
            attach(value, event.start_mark, event.style)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(stack) >= MAX_DEPTH:
                p = _position(event.start_mark)
                raise _Stop(
                    p.line,
                    p.column,
                    f"values are nested more than {MAX_DEPTH} levels deep",
                    hint="content never needs this depth; check the indentation",
                )
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is None:
                p = _position(event.start_mark)
                raise _Stop(
                    p.line, p.column, "a mapping key must be plain text", hint="use 'name: value' with a text name"
                )
            path = attach(container, event.start_mark, None)
            stack.append([container, path if path is not None else (), None, set()])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()


def _where(path: KeyPath) -> str:
    from generator.issues import format_where

    return format_where(path)
