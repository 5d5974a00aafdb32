"""Load a project's `content/` folder: read every file, validate each against its model.

This is the first of the two validation passes (the per-file one). It never stops
at the first problem: every file is read and every problem is collected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.issues import Issue, Severity, format_where
from generator.loading.lock import TranslationLock, load_lock
from generator.loading.messages import MessageFile, load_messages
from generator.loading.model_errors import validation_issues
from generator.loading.yaml_reader import read_yaml_file
from generator.model.registry import CATALOG_FILES, FOLDER_KINDS, LISTED_KINDS
from generator.model.text import ID_PATTERN, suggest_id
from generator.positions import KeyPath, LocatedData, Origin

_ID = re.compile(ID_PATTERN)


@dataclass
class LoadedFiles:
    """The first pass's result: valid models by kind and id, where they came from, problems."""

    entities: dict[str, dict[str, BaseModel]] = field(default_factory=dict)
    catalogs: dict[str, BaseModel] = field(default_factory=dict)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    catalog_origins: dict[str, Origin] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    files_read: int = 0
    project: Path | None = None  # the project folder: images and the logo are read from it
    # Entities whose file exists but failed the first pass, and catalogs that failed:
    # references to them are not reported again as unknown.
    broken: set[tuple[str, str]] = field(default_factory=set)
    broken_catalogs: set[str] = field(default_factory=set)
    # Files that failed the first pass but are mappings: their references are still checked.
    partial: list[tuple[type[BaseModel], Origin]] = field(default_factory=list)
    # The project's own wording, strings/<lang>.yaml (see generator.loading.messages).
    messages: list[MessageFile] = field(default_factory=list)
    # translations.lock: which source text each translation was confirmed against.
    lock: TranslationLock = field(default_factory=TranslationLock)


def _display(project: Path, path: Path) -> str:
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return path.as_posix()


def _read_mapping(path: Path, display: str, loaded: LoadedFiles) -> LocatedData | None:
    result = read_yaml_file(path, display)
    loaded.files_read += 1
    loaded.issues.extend(result.issues)
    if result.located is None:
        return None
    if not isinstance(result.located.data, dict):
        loaded.issues.append(
            Issue(
                display,
                1,
                1,
                Severity.ERROR,
                "the file must be a mapping of keys",
                hint="start with 'key: value' lines, not a list or a single value",
            )
        )
        return None
    return result.located


def _validate(model: type[BaseModel], located: LocatedData, display: str, loaded: LoadedFiles) -> BaseModel | None:
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        loaded.issues.extend(validation_issues(exc, model, located, display))
        return None


def _entity_id(path: Path, display: str, loaded: LoadedFiles) -> str | None:
    """The id a file's entity is known by: its name, or the id its name was meant to be.

    A name that is not an id is reported with the name to use ('infirmière.yaml' ->
    'infirmiere.yaml'), and the entity is still checked under that id, so the files that
    name it are not told it does not exist. None when no id can be made of the name.
    """
    stem = path.stem
    if _ID.match(stem):
        return stem
    suggestion = suggest_id(stem)
    if not suggestion:
        hint = "rename it with lowercase letters a-z, digits and single hyphens"
    elif path.with_name(suggestion + path.suffix).exists():
        hint = (
            f"'{suggestion}{path.suffix}' exists already: merge the two files, or rename this one "
            "with lowercase letters a-z, digits and single hyphens"
        )
    else:
        hint = f"rename it to '{suggestion}{path.suffix}'"
    loaded.issues.append(Issue(display, 1, 1, Severity.ERROR, f"file name '{path.name}' is not a valid id", hint=hint))
    return suggestion or None


def _load_entity_file(kind: str, model: type[BaseModel], path: Path, project: Path, loaded: LoadedFiles) -> None:
    display = _display(project, path)
    entity_id = _entity_id(path, display, loaded)
    located = _read_mapping(path, display, loaded)
    if entity_id is None:
        return
    if located is None:
        loaded.broken.add((kind, entity_id))  # its own errors say why; references to it are not "unknown"
        return
    written_id: Any = located.data.get("id")
    if written_id is not None and written_id != entity_id:
        # Reported, then loaded under the file name so references to it still resolve.
        position = located.position(("id",))
        loaded.issues.append(
            Issue(
                display,
                position.line,
                position.column,
                Severity.ERROR,
                f"id '{written_id}' does not match the file name '{path.name}'",
                where="id",
                hint=f"rename the file to '{written_id}.yaml' or remove the 'id' line",
            )
        )
    located.data["id"] = entity_id
    entity = _validate(model, located, display, loaded)
    if entity is None:
        loaded.broken.add((kind, entity_id))
        loaded.partial.append((model, Origin(display, located)))
        return
    by_id = loaded.entities.setdefault(kind, {})
    if entity_id in by_id:  # same stem with another extension, or a name that becomes an existing id
        first = loaded.origins[(kind, entity_id)].display
        loaded.issues.append(
            Issue(
                display,
                1,
                1,
                Severity.ERROR,
                f"duplicate {kind} id '{entity_id}' (also in {first})",
                hint="keep one file per id",
            )
        )
        return
    by_id[entity_id] = entity
    loaded.origins[(kind, entity_id)] = Origin(display, located)


def _load_catalog(name: str, model: type[BaseModel], path: Path, project: Path, loaded: LoadedFiles) -> None:
    display = _display(project, path)
    located = _read_mapping(path, display, loaded)
    if located is None:
        loaded.broken_catalogs.add(name)
        return
    catalog = _validate(model, located, display, loaded)
    if catalog is None:
        loaded.broken_catalogs.add(name)
        loaded.partial.append((model, Origin(display, located)))
        return
    loaded.catalogs[name] = catalog
    loaded.catalog_origins[name] = Origin(display, located)


def _index_nested(loaded: LoadedFiles) -> None:
    """Entities listed inside catalogs (families, terms, references, paths) by id."""
    for listed, stored in LISTED_KINDS:
        kind, catalog_name, attribute = listed.name, stored.catalog, stored.attribute
        catalog = loaded.catalogs.get(catalog_name)
        if catalog is None:
            continue
        origin = loaded.catalog_origins[catalog_name]
        by_id = loaded.entities.setdefault(kind, {})
        for index, item in enumerate(getattr(catalog, attribute)):
            prefix: KeyPath = (attribute, index)
            if item.id in by_id:
                position = origin.located.position((*prefix, "id"))
                first = origin.located.position(loaded.origins[(kind, item.id)].prefix)
                loaded.issues.append(
                    Issue(
                        origin.display,
                        position.line,
                        position.column,
                        Severity.ERROR,
                        f"duplicate {kind} id '{item.id}' (first at line {first.line})",
                        where=format_where((*prefix, "id")),
                        hint="give each one its own id",
                    )
                )
                continue
            by_id[item.id] = item
            loaded.origins[(kind, item.id)] = Origin(origin.display, origin.located, prefix)


def load_files(project: Path) -> LoadedFiles:
    """Read and validate every content file of `project`; collect every problem."""
    loaded = LoadedFiles(project=project)
    content = project / "content"
    if not content.is_dir():
        loaded.issues.append(
            Issue(
                _display(project, content),
                1,
                1,
                Severity.ERROR,
                "no content folder",
                hint="run 'partnerkit new DIR' to scaffold a project, or pass --project",
            )
        )
        return loaded
    for kind, catalog in CATALOG_FILES:
        path = content / catalog.path
        if path.is_file():
            _load_catalog(kind.name, kind.model, path, project, loaded)
        elif catalog.required:
            loaded.issues.append(
                Issue(
                    _display(project, path),
                    1,
                    1,
                    Severity.ERROR,
                    f"missing {catalog.path}",
                    hint=f"create content/{catalog.path}; 'partnerkit new' writes an example",
                )
            )
    for kind, stored in FOLDER_KINDS:
        folder = content / stored.path
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.suffix in (".yaml", ".yml"):
                _load_entity_file(kind.name, kind.model, path, project, loaded)
            elif path.is_file() and not path.name.startswith("."):
                loaded.issues.append(
                    Issue(
                        _display(project, path),
                        1,
                        1,
                        Severity.WARNING,
                        "not a .yaml file; it was ignored",
                        hint="content files end in .yaml",
                    )
                )
    _index_nested(loaded)
    loaded.messages, message_issues, message_files = load_messages(project)
    loaded.issues.extend(message_issues)
    loaded.files_read += message_files
    loaded.lock, lock_issues = load_lock(project)
    loaded.issues.extend(lock_issues)
    return loaded
