"""Read the history of a project's `content/` from git: its latest commits, newest first.

One `git log` over `content/` (no merges, no rename detection: a renamed file is one
deleted and one added), run with a timeout and with the settings that change its output
pinned. Every failure is an answer, never an exception: no git, no repository, a shallow
clone or a history git cannot read give an empty `History` that says why, so a bad git
state never fails a build. Paths are named as the registry stores kinds (a file of
`content/practices/` is a practice, `content/framework.yaml` the framework).
"""

from __future__ import annotations

import os
import re
import subprocess
from datetime import datetime
from pathlib import Path

from generator.model.history import Absence, Commit, History, Touched
from generator.model.registry import CATALOG_FILES, FOLDER_KINDS
from generator.model.text import ID_PATTERN

HISTORY_LIMIT = 50
"""How many commits the What changed page lists at most."""
TIMEOUT_SECONDS = 20

CONTENT = "content"
_ID = re.compile(ID_PATTERN)
_STATUS = re.compile(r"^[ACDMRTUXB][0-9]*$")
_HEADER = "\x1e"  # starts each commit: hash, date and subject, apart by \x1f
_FIELD = "\x1f"
# Settings of the reader's own git configuration that would change what `git log` prints.
_PINNED = ("-c", "core.quotePath=false", "-c", "log.follow=false", "-c", "log.showSignature=false",
           "-c", "log.showRoot=true", "-c", "diff.relative=false")


class _Unreadable(Exception):
    """git ran but its answer cannot be used."""


def _git(project: Path, *args: str) -> str:
    """What git prints for `args`, run in `project`; _Unreadable when it fails."""
    env = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        done = subprocess.run(["git", *_PINNED, *args], cwd=project, capture_output=True, env=env,
                              timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        raise _Unreadable("git took too long") from None
    if done.returncode != 0:
        raise _Unreadable(done.stderr.decode("utf-8", "replace").strip())
    return done.stdout.decode("utf-8", "replace")


def read_history(project: Path, limit: int = HISTORY_LIMIT) -> History:
    """The latest `limit` commits that touched the project's content/, newest first."""
    if not project.is_dir():
        return History(absent=Absence.NOT_A_REPOSITORY, limit=limit)
    try:
        state = _git(project, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository").split()
    except FileNotFoundError:
        return History(absent=Absence.NO_GIT, limit=limit)
    except OSError:  # git is there but cannot be run, or the folder cannot be entered
        return History(absent=Absence.UNREADABLE, limit=limit)
    except _Unreadable as exc:
        broken = (project / ".git").exists() or "not a git repository" not in str(exc)
        return History(absent=Absence.UNREADABLE if broken else Absence.NOT_A_REPOSITORY, limit=limit)
    if state[:1] != ["true"]:  # inside a .git folder, or a bare repository
        return History(absent=Absence.NOT_A_REPOSITORY, limit=limit)
    if state[1:2] == ["true"]:
        return History(absent=Absence.SHALLOW, limit=limit)
    try:
        _git(project, "rev-parse", "--verify", "--quiet", "HEAD")  # the ref only: a missing object fails below
    except _Unreadable:
        return History(limit=limit)  # a repository without a commit yet
    except OSError:
        return History(absent=Absence.UNREADABLE, limit=limit)
    try:
        out = _git(project, "log", "--no-merges", "--no-renames", "--no-color", "--relative", "-z",
                   "--name-status", f"--max-count={limit + 1}",
                   f"--format={_HEADER}%H{_FIELD}%cI{_FIELD}%s", "HEAD", "--", CONTENT)
        commits = _parse_log(out)
    except (_Unreadable, OSError, ValueError):
        return History(absent=Absence.UNREADABLE, limit=limit)
    return History(tuple(commits[:limit]), truncated=len(commits) > limit, limit=limit)


def _parse_log(out: str) -> list[Commit]:
    """The commits of `git log -z --name-status` with our format; ValueError when it is not that."""
    commits: list[Commit] = []
    header: list[str] | None = None
    touched: list[Touched] = []
    status: str | None = None
    for token in out.split("\0"):
        if status is not None:  # the path of the status just read
            touched.append(_touched(token, deleted=status.startswith("D")))
            status = None
        elif token.startswith(_HEADER):
            if header is not None:
                commits.append(_commit(header, touched))
            header, touched = token[1:].split(_FIELD, 2), []
        elif _STATUS.match(token.strip("\n")):
            status = token.strip("\n")
        elif token.strip():
            raise ValueError(f"unexpected output from git log: {token[:80]!r}")
    if header is not None:
        commits.append(_commit(header, touched))
    return commits


def _commit(header: list[str], touched: list[Touched]) -> Commit:
    if len(header) != 3:
        raise ValueError("a commit without its hash, date and subject")
    sha, when, summary = header
    return Commit(sha, datetime.fromisoformat(when).date(), _plain(summary), tuple(touched))


def _plain(text: str) -> str:
    """One line of text: control characters become spaces."""
    return " ".join("".join(" " if ord(char) < 32 or ord(char) == 127 else char for char in text).split())


def _touched(path: str, *, deleted: bool) -> Touched:
    """The file at `path` and the entity stored there, by the registry's folders and catalog files."""
    kind, entity_id = entity_at(path)
    return Touched(path, kind, entity_id, deleted)


def entity_at(path: str) -> tuple[str | None, str | None]:
    """(kind, id) of the entity stored at `path` ('content/roles/icl.yaml' -> ('role', 'icl')), (kind,
    None) for a catalog file, (None, None) for any other file."""
    inside = path.removeprefix(f"{CONTENT}/")
    if inside == path:
        return None, None
    for kind, catalog in CATALOG_FILES:
        if inside == catalog.path:
            return kind.name, None
    folder, _, name = inside.rpartition("/")
    stem, dot, suffix = name.rpartition(".")
    if not dot or suffix not in ("yaml", "yml") or not _ID.match(stem):
        return None, None
    for kind, stored in FOLDER_KINDS:
        if folder == stored.path:
            return kind.name, stem
    return None, None
