"""The app layer sits between the engine and the adapters, and the imports say so."""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "generator"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def _modules(*, inside: str | None = None, outside: tuple[str, ...] = ()) -> dict[str, set[str]]:
    found = {}
    for path in sorted(GENERATOR.rglob("*.py")):
        where = path.relative_to(GENERATOR).as_posix()
        if (inside is None or where.startswith(inside)) and not where.startswith(outside):
            found[where] = _imports(path)
    return found


def test_only_adapters_import_the_app_layer() -> None:
    below = _modules(outside=("adapters/", "app/"))
    assert {m: sorted(n for n in names if n.startswith("generator.app")) for m, names in below.items()
            if any(n.startswith("generator.app") for n in names)} == {}


def test_the_app_layer_imports_neither_mkdocs_nor_argparse_nor_adapters() -> None:
    banned = ("mkdocs", "material", "argparse", "generator.adapters")
    app = _modules(inside="app/")
    assert app, "no app layer"
    assert {m: sorted(n for n in names if n.startswith(banned)) for m, names in app.items()
            if any(n.startswith(banned) for n in names)} == {}


def test_commands_leave_writing_to_the_app_layer() -> None:
    # Commands parse and print; where files go, and how they are swapped in, is the app's.
    writers = ("generator.writing", "generator.render.print", "shutil", "tempfile", "generator.pipeline")
    commands = {m: names for m, names in _modules(inside="adapters/commands/").items()
                if not m.endswith(("check.py", "stats.py", "schema.py", "new.py"))}
    assert {m: sorted(n for n in names if n.startswith(writers)) for m, names in commands.items()
            if any(n.startswith(writers) for n in names)} == {}
