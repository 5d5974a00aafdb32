"""Shared fixtures: paths to the fixture project and a way to copy and mutate it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture project."""
    target = tmp_path / "project"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture
def edit() -> Callable[[Path, str, str], None]:
    """Replace one exact snippet in a file (fails loudly if the snippet is absent)."""

    def _edit(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return _edit
