"""Load a project's own wording: `strings/<lang>.yaml`, a flat mapping of message key -> text.

Any of partnerkit's words (see `generator.messages`) can be replaced per language, e.g.
`strings/fr.yaml` holding `summary: Votre relevé de formation`. This module only reads
the files, keeping every position; `generator.checks.messages` says what is wrong with
them, and `project_messages` hands the texts to the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from generator.issues import Issue, Severity
from generator.loading.yaml_reader import read_yaml_file
from generator.messages import NO_OVERRIDES, Overrides
from generator.positions import LocatedData

FOLDER = "strings"


@dataclass(frozen=True)
class MessageFile:
    """One read `strings/<lang>.yaml`: its language (the file name), where it is, its data."""

    lang: str
    display: str
    located: LocatedData


def load_messages(project: Path) -> tuple[list[MessageFile], list[Issue], int]:
    """Every readable file of `<project>/strings/`, the problems of reading them, how many were read."""
    folder = project / FOLDER
    files: list[MessageFile] = []
    issues: list[Issue] = []
    read = 0
    if not folder.is_dir():
        return files, issues, read
    seen: dict[str, str] = {}
    for path in sorted(folder.iterdir()):
        display = f"{FOLDER}/{path.name}"
        if not path.is_file() or path.name.startswith("."):
            continue
        if path.suffix not in (".yaml", ".yml"):
            issues.append(Issue(display, 1, 1, Severity.WARNING, "not a .yaml file; it was ignored",
                                hint="name each file after its language, e.g. strings/fr.yaml"))
            continue
        result = read_yaml_file(path, display)
        read += 1
        issues.extend(result.issues)
        if result.located is None:
            continue
        if result.located.data is None:  # an empty file overrides nothing
            result.located.data = {}
        if not isinstance(result.located.data, dict):
            issues.append(Issue(display, 1, 1, Severity.ERROR, "the file must be a mapping of message keys to texts",
                                hint="write one 'key: text' line per string, e.g. 'home: Start here'"))
            continue
        lang = path.stem
        if lang in seen:
            issues.append(Issue(display, 1, 1, Severity.ERROR,
                                f"a second file for language '{lang}' (also {seen[lang]})",
                                hint="keep one file per language"))
            continue
        seen[lang] = display
        files.append(MessageFile(lang, display, result.located))
    return files, issues, read


def project_messages(files: Sequence[MessageFile]) -> Overrides:
    """The texts of the files by language and key, for `Content.messages` (only text values:
    anything else is an error `check_messages` reports before a model is built)."""
    if not files:
        return NO_OVERRIDES
    return MappingProxyType({
        file.lang: MappingProxyType({key: value for key, value in file.located.data.items()
                                     if isinstance(key, str) and isinstance(value, str)})
        for file in files
    })
