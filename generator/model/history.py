"""The history of a project's content, as data: its latest commits, newest first, and what each touched.

Read from git by `generator.loading.history` and shown by the "What changed" page. When
there is no history to read (no git, no repository, a shallow or unreadable one), the
history is empty and says why (`absent`); that is never an error. Everything here comes
from the commits themselves (their dates, not the clock), so the same history gives the
same page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Absence(StrEnum):
    """Why a project has no history to show."""

    NO_GIT = "no_git"  # git is not installed (or cannot be run)
    NOT_A_REPOSITORY = "not_git"  # the project is not in a git repository
    SHALLOW = "shallow"  # a shallow clone: only part of the history is there
    UNREADABLE = "unreadable"  # git failed: a broken repository, a timeout, output it cannot read


@dataclass(frozen=True)
class Touched:
    """A file of content/ one commit added, changed or deleted, and the entity stored in it."""

    path: str  # from the project folder, as git names it: 'content/practices/secure-funds.yaml'
    kind: str | None  # the registry's kind stored at that path (a catalog file's own kind); None: another file
    id: str | None  # the entity's id, for a kind stored one per file; None for a catalog file
    deleted: bool = False


@dataclass(frozen=True)
class Commit:
    """One commit that touched content/."""

    id: str  # the commit's full hash
    day: date  # the day it was committed, in the committer's time zone
    summary: str  # its subject line, plain text
    touched: tuple[Touched, ...]


@dataclass(frozen=True)
class History:
    """The latest commits that touched content/, newest first; empty with `absent` when there is no history."""

    commits: tuple[Commit, ...] = ()
    absent: Absence | None = None
    truncated: bool = False  # older commits touched content/ too, beyond the limit
    limit: int = 0  # how many commits were asked for
