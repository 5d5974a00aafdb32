"""The one-way data flow holds in the imports: loading never imports checks."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_loading_never_imports_checks() -> None:
    offenders = {
        path.name: sorted(name for name in _imported_modules(path) if name.startswith("generator.checks"))
        for path in (ROOT / "generator" / "loading").glob("*.py")
    }
    assert {name: found for name, found in offenders.items() if found} == {}
