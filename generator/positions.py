"""Where a value is written: key paths, line and column, and the file an entity came from.

The bottom layer with `generator.issues`: every other part names places with these types
(the YAML reader records them, checks report at them, the model answers `place_of` with
them), so none of those parts has to import another for a type name.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass, field
from typing import Any

from generator.issues import Issue, Severity, format_where

KeyPath = tuple[str | int, ...]
"""The keys and indexes from a file's top to a value: ('steps', 0, 'actors')."""


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass
class LocatedData:
    """A file's data with the position of every value and key, by key path."""

    data: Any
    values: dict[KeyPath, Position] = field(default_factory=dict)
    keys: dict[KeyPath, Position] = field(default_factory=dict)
    block_scalars: set[KeyPath] = field(default_factory=set)
    lines: list[str] = field(default_factory=list)
    quoted_scalars: set[KeyPath] = field(default_factory=set)

    def position(self, path: KeyPath, *, key: bool = False) -> Position:
        """Where `path` is; falls back to the deepest parent that exists."""
        table = self.keys if key else self.values
        for end in range(len(path), -1, -1):
            found = table.get(path[:end]) or self.values.get(path[:end])
            if found:
                return found
        return Position(1, 1)

    def text_start_line(self, path: KeyPath) -> int:
        """Line of the first character of a scalar's text (block scalars start a line below)."""
        line = self.position(path).line
        return line + 1 if path in self.block_scalars else line


@dataclass(frozen=True)
class Place:
    """Where a value is written: its file, line and column, and its key path in that file."""

    file: str
    line: int
    column: int
    path: KeyPath


@dataclass(frozen=True)
class Origin:
    """Where an entity was written: its file, its data, and its path inside the file."""

    display: str
    located: LocatedData
    prefix: KeyPath = ()

    def issue(
        self,
        path: KeyPath,
        severity: Severity,
        message: str,
        *,
        hint: str = "",
        key: bool = False,
        where: KeyPath | None = None,
        at: tuple[int, int] | None = None,
    ) -> Issue:
        """An issue at `path` in this file (or at line and column `at`), named by `where` (default: `path`)."""
        line, column = at if at is not None else astuple(self.located.position(path, key=key))
        return Issue(self.display, line, column, severity, message, where=format_where(where or path), hint=hint)

    def place(self, path: KeyPath) -> Place:
        """The place of `path` inside the entity (`()`: the entity itself)."""
        full = (*self.prefix, *path)
        position = self.located.position(full)
        return Place(self.display, position.line, position.column, full)
