"""Output folders: partnerkit writes only where it may, and replaces only what it made.

Every folder a run writes (the site, the Markdown tree, the downloads, the PDF cache) is
checked before anything is written, as MkDocs' `SiteDir` option refuses a site folder
around its docs: never the project, a folder holding it, or a folder in or around the
sources (content/, docs/, the engine's docs folder and configuration); never two
outputs in one another. A folder partnerkit makes holds a marker file saying so; a
non-empty folder without it belongs to someone else and is neither replaced nor written
into. Folders replaced whole are built in a staging folder beside the target and
swapped in only once complete.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.errors import UserError
from generator.writing import FOLDER_MODE

MARKER = ".partnerkit-output"
_OWN_FOLDER = "empty it or delete it yourself, or choose another folder"


@dataclass(frozen=True)
class Sources:
    """What a run reads and must never write: the project and its source folders and files."""

    project: Path
    folders: tuple[Path, ...]
    files: tuple[Path, ...] = ()

    @classmethod
    def of(cls, project: Path, engine_paths: Iterable[Path] = ()) -> Sources:
        """The project's content/, docs/ and strings/, plus what the site engine reads (its
        docs folder, its configuration file), resolved."""
        root = project.resolve()
        paths = [path.resolve() for path in engine_paths]
        files = [path for path in paths if path.is_file()]
        folders = [root / "content", root / "docs", root / "strings", *(path for path in paths if path not in files)]
        return cls(root, tuple(dict.fromkeys(folders)), tuple(dict.fromkeys(files)))


@dataclass(frozen=True)
class Output:
    """One folder of a run, resolved. `written` is False for a folder only read (the
    downloads a site lists with --no-pdf); `replaced` for one swapped in whole."""

    role: str  # how messages name it: "site folder", "PDF cache", ...
    path: Path
    written: bool = True
    replaced: bool = False

    @classmethod
    def at(cls, role: str, folder: Path, *, written: bool = True, replaced: bool = False) -> Output:
        """The output `role` at `folder`, resolved (symlinks and `..` too) before any comparison."""
        return cls(role, folder.resolve(), written, replaced)


class OutputFolderError(UserError):
    """Output folders that a run refuses; nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(f"refused to write these folders (nothing was written or deleted):\n{lines}")


def _shown(path: Path, project: Path) -> str:
    """A source as the author knows it: `content/` inside the project, else the whole path."""
    return f"{path.relative_to(project).as_posix()}/" if path.is_relative_to(project) else str(path)


def _source_problem(path: Path, sources: Sources) -> str | None:
    project = sources.project
    own = "choose a folder of its own, inside the project or beside it"
    if path == project:
        return f"it is the project folder, which holds content/ ({own})"
    if project.is_relative_to(path):
        return f"it contains the project folder {project} ({own})"
    for folder in sources.folders:
        if path == folder:
            return f"it is {_shown(folder, project)}, which holds sources ({own})"
        if path.is_relative_to(folder):
            return f"it is inside {_shown(folder, project)}, which holds sources ({own})"
        if folder.is_relative_to(path):
            return f"it contains {_shown(folder, project)}, which holds sources ({own})"
    for file in sources.files:
        if file.is_relative_to(path):
            return f"it contains {_shown(file, project).rstrip('/')} ({own})"
    return None


def _overlap_problem(output: Output, earlier: list[Output], others: list[Output]) -> str | None:
    # Folders nested in one another would be emptied by a swap or pruned with the cache.
    # Each pair is told once: by the inner folder, or by the second of two equal ones.
    for other in others:
        if output.path == other.path and other in earlier:
            return f"it is also the {other.role} (give each its own folder)"
        if output.path != other.path and output.path.is_relative_to(other.path):
            return f"it is inside the {other.role} {other.path} (give each its own folder)"
    return None


def _ownership_problem(output: Output) -> str | None:
    path = output.path
    if not output.written or not path.exists():
        return None
    if not path.is_dir():
        return "it is a file, not a folder (choose a folder)"
    if (path / MARKER).is_file() or next(path.iterdir(), None) is None:
        return None
    return f"it is not empty and partnerkit did not make it (no {MARKER} file in it; {_OWN_FOLDER})"


def problems(outputs: list[Output], sources: Sources) -> list[str]:
    """Every refused output folder, one line each: which folder, and why."""
    source = [_source_problem(output.path, sources) for output in outputs]
    # A folder already refused for the sources says nothing about the others' places.
    placed = [output for output, why in zip(outputs, source, strict=True) if why is None]
    found = []
    for index, output in enumerate(outputs):
        others = [other for other in placed if other is not output]
        why = (source[index] or _overlap_problem(output, outputs[:index], others)
               or _ownership_problem(output))
        if why is not None:
            found.append(f"{output.role} {output.path}: {why}")
    return found


def check_outputs(outputs: list[Output], sources: Sources) -> None:
    """Raise OutputFolderError listing every refused folder, before anything is written."""
    found = problems(outputs, sources)
    if found:
        raise OutputFolderError(found)


def _mark(folder: Path, role: str) -> None:
    (folder / MARKER).write_text(
        f"Made by partnerkit: its {role}.\n"
        "partnerkit replaces or updates this folder on every run; keep no files of your own here.\n",
        encoding="utf-8")


def claim(output: Output) -> Path:
    """Create an output updated in place (downloads, cache) and mark it as partnerkit's."""
    output.path.mkdir(parents=True, exist_ok=True)
    if not (output.path / MARKER).is_file():
        _mark(output.path, output.role)
    return output.path


@contextmanager
def staged(output: Output) -> Iterator[Path]:
    """A fresh staging folder beside `output`; when the block ends without an exception it
    is marked and swapped in whole, else it is removed and the previous output stays."""
    target = output.path
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    staging.chmod(FOLDER_MODE)  # mkdtemp's folder is private; the output is for others to read
    try:
        yield staging
        _mark(staging, output.role)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, target)


def _swap(staging: Path, target: Path) -> None:
    # Two renames in one file system: readers see the old folder or the new one, never a mix.
    old = staging.with_name(f"{staging.name}.old")  # unique, as the staging name is
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    if old.exists():
        shutil.rmtree(old)
