"""The command line: exit codes, formats, schemas, version, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from generator import __version__

Edit = Callable[[Path, str, str], None]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", *args], capture_output=True, text=True, check=False
    )


def test_check_counts_every_kind(mini_copy: Path) -> None:
    result = _run("check", "--project", str(mini_copy), "--strict")
    assert result.returncode == 0, result.stderr
    assert "  practices             1" in result.stdout
    assert "glossary terms        2" in result.stdout
    assert "17 files checked" in result.stdout


def test_formats_for_ci_and_tools(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / "content/roles/program-manager.yaml", "level: mid", "level: middle")
    github = _run("check", "--project", str(mini_copy), "--format", "github")
    assert github.returncode == 1
    assert (
        "::error file=content/roles/program-manager.yaml,line=3,col=8::level: unknown level 'middle' "
        "(did you mean 'mid'?)"
    ) in github.stderr.splitlines()
    as_json = _run("check", "--project", str(mini_copy), "--format", "json")
    assert as_json.returncode == 1
    [problem] = json.loads(as_json.stdout)
    assert problem == {
        "file": "content/roles/program-manager.yaml",
        "line": 3,
        "column": 8,
        "severity": "error",
        "where": "level",
        "message": "unknown level 'middle'",
        "hint": "did you mean 'mid'?",
    }


def test_warnings_fail_only_under_strict(mini_copy: Path, edit: Edit) -> None:
    (mini_copy / "content/practices/notes.txt").write_text("scratch", encoding="utf-8")
    assert _run("check", "--project", str(mini_copy)).returncode == 0
    strict = _run("check", "--project", str(mini_copy), "--strict")
    assert strict.returncode == 1
    assert "content/practices/notes.txt:1:1: warning: not a .yaml file; it was ignored" in strict.stderr


def test_missing_project_is_a_clear_error(tmp_path: Path) -> None:
    result = _run("check", "--project", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "no content folder" in result.stderr and "Traceback" not in result.stderr


def test_version_and_help() -> None:
    assert _run("--version").stdout.strip() == f"partnerkit {__version__}"
    help_text = _run("--help").stdout
    for command in ("check", "schema", "stats"):
        assert command in help_text


def test_schema_writes_one_schema_per_kind_and_editor_settings(mini_copy: Path) -> None:
    result = _run("schema", "--project", str(mini_copy))
    assert result.returncode == 0, result.stderr
    schemas = sorted(p.name for p in (mini_copy / "schemas").glob("*.schema.json"))
    assert len(schemas) == 17  # one per kind stored in a file of its own, the evidence page and terminology included
    practice = json.loads((mini_copy / "schemas/practice.schema.json").read_text())
    assert practice["additionalProperties"] is False
    assert "family" in practice["required"] and "id" not in practice["required"]
    settings = json.loads((mini_copy / ".vscode/settings.json").read_text())
    assert settings["yaml.schemas"]["./schemas/practice.schema.json"] == ["content/practices/*.yaml"]


def test_build_explains_a_missing_or_foreign_mkdocs_configuration(mini_copy: Path, edit: Edit) -> None:
    missing = _run("build", "--project", str(mini_copy), "--no-pdf")
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert f"no MkDocs configuration at {mini_copy.resolve() / 'mkdocs.yml'} (create it, or pass --config-file)" \
        in missing.stderr
    (mini_copy / "docs").mkdir()
    (mini_copy / "mkdocs.yml").write_text("site_name: x\ntheme: material\nplugins: [search]\n", encoding="utf-8")
    foreign = _run("build", "--project", str(mini_copy), "--no-pdf")
    assert foreign.returncode == 1
    assert "does not use the partnerkit plugin" in foreign.stderr and "'- partnerkit'" in foreign.stderr
    assert not (mini_copy / "site").exists()


def test_pdf_options_are_checked_before_anything_runs(mini_copy: Path) -> None:
    for command in ("pdf", "build"):
        result = _run(command, "--project", str(mini_copy), "--jobs", "0")
        assert result.returncode == 1 and "--jobs must be 1 or more" in result.stderr, result.stderr
    assert not (mini_copy / "build").exists()
