"""`partnerkit translations`: the report, `confirm`, and what they say about outdated translations."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from translation_support import BOARD_FILE, bilingual

from generator.adapters.cli import main
from generator.loading.lock import LOCK_FILE, source_hash
from generator.pipeline import load_content


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def _board(report: dict[str, object]) -> dict[str, object]:
    files = report["files"]
    assert isinstance(files, list)
    [board] = [entry for entry in files if entry["file"] == BOARD_FILE]
    return board


def _outdated(project: Path) -> list[str]:
    return [issue.where for issue in load_content(project).issues if "outdated" in issue.message]


def test_the_report_counts_missing_outdated_and_unconfirmed_per_file(mini_copy: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    project = bilingual(mini_copy)
    status, out, _ = _run(capsys, "translations", "--project", str(project), "--format", "json")
    assert status == 0
    report = json.loads(out)
    assert _board(report) == {
        "file": BOARD_FILE, "language": "fr", "missing": ["who", "responsibilities[1]"], "outdated": [],
        "unconfirmed": ["name", "summary", "responsibilities[0]"], "current": [],
    }
    assert report["languages"] == ["fr"]
    totals = report["totals"]["fr"]
    assert (totals["unconfirmed"], totals["outdated"], totals["current"]) == (3, 0, 0)
    assert totals["fields"] == totals["missing"] + 3

    status, out, _ = _run(capsys, "translations", "--project", str(project), "--verbose")
    assert status == 0
    line = next(line for line in out.splitlines() if line.startswith(BOARD_FILE))
    assert line.split()[1:] == ["fr", "2", "missing,", "0", "outdated,", "3", "unconfirmed,", "0", "current"]
    assert "    missing: who, responsibilities[1]" in out
    assert "    unconfirmed: name, summary, responsibilities[0]" in out
    assert out.splitlines()[-1].split()[:2] == ["total", "fr"]


def test_confirm_stamps_the_lock_and_clears_an_outdated_translation(mini_copy: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    project = bilingual(mini_copy)
    status, out, _ = _run(capsys, "translations", "confirm", "--project", str(project))
    assert status == 0 and "3 translations confirmed" in out
    lock = json.loads((project / LOCK_FILE).read_text(encoding="utf-8"))
    assert lock["files"] == {BOARD_FILE: {
        "name": {"fr": source_hash("Board member")},
        "responsibilities[0]": {"fr": source_hash("Read the quality reports before each meeting.")},
        "summary": {"fr": source_hash("Sits on the board and speaks for patients.")},
    }}
    assert (project / LOCK_FILE).read_text(encoding="utf-8").startswith('{\n  "files": {\n')
    assert _outdated(project) == []

    board = project / BOARD_FILE
    board.write_text(board.read_text(encoding="utf-8").replace("Board member", "Board trustee"), encoding="utf-8")
    assert _outdated(project) == ["name"]
    status, out, _ = _run(capsys, "translations", "--project", str(project), "--format", "json")
    assert _board(json.loads(out))["outdated"] == ["name"]

    status, out, _ = _run(capsys, "translations", "confirm", "--project", str(project))
    assert status == 0 and "1 translation confirmed, 2 already confirmed" in out
    assert _outdated(project) == []
    status, out, _ = _run(capsys, "translations", "--project", str(project), "--format", "json")
    assert _board(json.loads(out))["current"] == ["name", "summary", "responsibilities[0]"]


def test_confirm_of_one_file_leaves_the_others_unconfirmed(mini_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = bilingual(mini_copy)
    other = project / "content/roles/program-manager.yaml"
    other.write_text(other.read_text(encoding="utf-8").replace(
        "name: Program manager", "name: {en: Program manager, fr: Gestionnaire de programme}"), encoding="utf-8")
    status, _, _ = _run(capsys, "translations", "confirm", str(project / BOARD_FILE), "--project", str(project))
    assert status == 0
    assert list(json.loads((project / LOCK_FILE).read_text(encoding="utf-8"))["files"]) == [BOARD_FILE]
    status, _, err = _run(capsys, "translations", "confirm", "content/roles/bord.yaml", "--project", str(project))
    assert status == 1
    assert "'content/roles/bord.yaml' is not a content file" in err and "did you mean 'content/roles/board.yaml'" in err


def test_confirm_refuses_content_with_errors_and_writes_no_lock(mini_copy: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    project = bilingual(mini_copy)
    board = project / BOARD_FILE
    board.write_text(board.read_text(encoding="utf-8").replace("level: mid", "level: middle"), encoding="utf-8")
    status, _, err = _run(capsys, "translations", "confirm", "--project", str(project))
    assert status == 1
    assert "content/roles/board.yaml:4:8: error: level: unknown level 'middle'" in err
    assert "partnerkit: 1 error in content; nothing was confirmed (fix them, then confirm again)" in err
    assert not (project / LOCK_FILE).exists()


def test_a_site_in_one_language_has_nothing_to_translate(mini_copy: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "generator.adapters.cli", "translations", "--project",
                             str(mini_copy)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("nothing is translated at all: the site's languages are en")


def test_an_unknown_language_is_refused(mini_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "translations", "--project", str(bilingual(mini_copy)), "--lang", "de")
    assert status == 1
    assert "language 'de' is not one of the site's languages (en, fr)" in err


def test_confirm_drops_the_stamps_of_fields_that_are_gone(mini_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = bilingual(mini_copy)
    _run(capsys, "translations", "confirm", "--project", str(project))
    board = project / BOARD_FILE
    board.write_text(board.read_text(encoding="utf-8").replace("name: {en: Board member, fr: Membre du conseil}",
                                                               "name: Board member"), encoding="utf-8")
    status, out, _ = _run(capsys, "translations", "confirm", "--lang", "fr", "--project", str(project))
    assert status == 0
    assert "0 translations confirmed, 2 already confirmed, 1 stamp of fields that are gone dropped" in out
    assert sorted(json.loads((project / LOCK_FILE).read_text(encoding="utf-8"))["files"][BOARD_FILE]) == [
        "responsibilities[0]", "summary"]
