"""The one-way data flow holds in the imports.

Bottom: issues, positions and the message catalog (`generator.issues`, `generator.positions`,
`generator.messages`: partnerkit's own words, which checks hold a project's wording to and
the model carries; `generator.typography`: French spacing, whose setting the model declares),
then the model
with its kind registry, then loading, then checks (which only report) and the resolver
(which builds the link index); renderers and the application above. Each part imports
only parts below it.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "generator"
BOTTOM = ("generator.issues", "generator.positions", "generator.messages", "generator.typography")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def _files(part: str) -> list[Path]:
    """The files of a package (`loading`) or the one module (`resolve`) of generator/."""
    folder = GENERATOR / part
    return sorted(folder.glob("*.py")) if folder.is_dir() else [GENERATOR / f"{part}.py"]


def _outside(part: str, allowed: tuple[str, ...]) -> dict[str, list[str]]:
    """Per file of `part`, the generator modules it imports that are not under `allowed`."""
    offenders = {}
    for path in _files(part):
        found = sorted(
            name for name in _imported_modules(path)
            if name.startswith("generator") and not any(name == a or name.startswith(a + ".") for a in allowed)
        )
        if found:
            offenders[path.relative_to(ROOT).as_posix()] = found
    return offenders


def test_issues_import_nothing_of_the_generator() -> None:
    assert _outside("issues", ()) == {}


def test_positions_import_only_issues() -> None:
    assert _outside("positions", ("generator.issues",)) == {}


def test_typography_imports_nothing_of_the_generator() -> None:
    assert _outside("typography", ()) == {}


def test_the_message_catalog_imports_nothing_of_the_generator() -> None:
    assert _outside("messages", ("generator.messages",)) == {}


def test_the_model_imports_only_the_model_and_the_bottom() -> None:
    # The walker over models names key paths from positions, not from the YAML reader.
    assert _outside("model", ("generator.model", *BOTTOM)) == {}


def test_loading_never_imports_checks() -> None:
    assert _outside("loading", ("generator.loading", "generator.model", *BOTTOM)) == {}


def test_checks_report_and_never_build_links() -> None:
    assert _outside("checks", ("generator.checks", "generator.loading", "generator.model", *BOTTOM)) == {}
    for path in _files("checks"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
        names |= {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
        assert not names & {"Links", "from_edges", "edges"}, path.name


def test_the_resolver_sits_on_loading_and_the_model() -> None:
    assert _outside("resolve", ("generator.loading", "generator.model", *BOTTOM)) == {}


def test_only_loading_reads_yaml() -> None:
    readers = [
        path.relative_to(ROOT).as_posix()
        for path in GENERATOR.rglob("*.py")
        if "generator.loading.yaml_reader" in _imported_modules(path) and path.parent.name != "loading"
    ]
    assert readers == []
