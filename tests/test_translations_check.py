"""`check` warns when a source text changed after its translation was confirmed (translations.lock)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from translation_support import BOARD_FILE, bilingual

from generator.loading.lock import LOCK_FILE, source_hash
from generator.pipeline import load_content
from generator.report import format_text


def write_lock(project: Path, stamps: dict[str, dict[str, dict[str, str]]]) -> None:
    (project / LOCK_FILE).write_text(json.dumps({"files": stamps, "version": 1}, indent=2), encoding="utf-8")


def _about_translations(project: Path) -> list[str]:
    return [format_text(issue) for issue in load_content(project).issues
            if issue.file == LOCK_FILE or "outdated" in issue.message]


def test_a_changed_english_text_makes_its_french_outdated_on_the_french_value(mini_copy: Path) -> None:
    project = bilingual(mini_copy)
    write_lock(project, {BOARD_FILE: {
        "summary": {"fr": source_hash("Sits on the board and speaks for patients.")},
        "responsibilities[0]": {"fr": source_hash("Read the quality reports before each meeting.")},
    }})
    assert _about_translations(project) == []
    board = project / BOARD_FILE
    changed = board.read_text(encoding="utf-8").replace("speaks for patients", "speaks for patients and families")
    board.write_text(changed, encoding="utf-8")
    assert _about_translations(project) == [
        "content/roles/board.yaml:7:7: warning: summary: translation outdated: the 'en' text changed after this "
        "'fr' translation was confirmed (update the 'fr' text, then run 'partnerkit translations confirm')"
    ]


def test_a_translation_the_lock_does_not_know_is_not_outdated(mini_copy: Path) -> None:
    project = bilingual(mini_copy)
    write_lock(project, {BOARD_FILE: {"summary": {"fr": source_hash("An older text.")}}})
    # summary was confirmed against another text; name and responsibilities[0] never were.
    assert [line.split(": warning: ")[1].split(":")[0] for line in _about_translations(project)] == ["summary"]


def test_no_lock_means_nothing_is_confirmed_and_nothing_outdated(mini_copy: Path) -> None:
    project = bilingual(mini_copy)
    assert not (project / LOCK_FILE).exists()
    loaded = load_content(project)
    assert loaded.ok and _about_translations(project) == []


def test_a_damaged_lock_is_a_located_error_with_a_hint(mini_copy: Path) -> None:
    project = bilingual(mini_copy)
    (project / LOCK_FILE).write_text('{\n  "files": {\n    "content/roles/board.yaml": {\n      "summary": {"fr": 12\n',
                                     encoding="utf-8")
    loaded = load_content(project)
    assert not loaded.ok
    assert _about_translations(project) == [
        "translations.lock:5:1: error: not valid JSON: Expecting ',' delimiter (translations.lock is written by "
        "'partnerkit translations confirm': restore it from version control, or delete it and confirm the "
        "translations again)"
    ]


def test_a_lock_entry_of_the_wrong_shape_is_located_on_its_line(mini_copy: Path) -> None:
    project = bilingual(mini_copy)
    write_lock(project, {BOARD_FILE: {"summary": {"fr": "not-a-hash"}, "name": {"french": source_hash("x")}}})
    assert [line.split(" (")[0] for line in _about_translations(project)] == [
        "translations.lock:4:1: error: 'content/roles/board.yaml' 'summary' 'fr': 'not-a-hash' is not a source "
        "hash",
        "translations.lock:7:1: error: 'content/roles/board.yaml' 'name': 'french' is not a language code",
    ]


def test_a_french_first_project_checks_its_english_against_the_french(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(Path(__file__).parent / "fixtures/pediatric-fr", project)
    role = "content/roles/parent-partenaire.yaml"
    french = "Faire valoir le point de vue des familles dans chaque décision du comité."
    write_lock(project, {role: {"responsibilities[0]": {"en": source_hash(french)}}})
    assert _about_translations(project) == []
    path = project / role
    path.write_text(path.read_text(encoding="utf-8").replace("Faire valoir", "Faire entendre"), encoding="utf-8")
    assert _about_translations(project) == [
        "content/roles/parent-partenaire.yaml:13:9: warning: responsibilities[0]: translation outdated: the 'fr' "
        "text changed after this 'en' translation was confirmed (update the 'en' text, then run 'partnerkit "
        "translations confirm')"
    ]
