"""JSON Schemas generated from the models, and their association with content files."""

from __future__ import annotations

import json
from pathlib import Path

from generator.model.registry import CATALOG_FILES, FOLDER_KINDS
from generator.writing import write_text_atomic


def schema_targets() -> list[tuple[str, str, dict[str, object]]]:
    """(kind name, content glob, JSON Schema) for every kind stored in files of its own."""
    targets: list[tuple[str, str, dict[str, object]]] = []
    for kind, folder in FOLDER_KINDS:
        schema = kind.model.model_json_schema()
        # The id defaults to the file name, so it is optional in the file.
        schema["required"] = [name for name in schema.get("required", []) if name != "id"]
        targets.append((kind.name, f"content/{folder.path}/*.yaml", schema))
    for kind, catalog in CATALOG_FILES:
        targets.append((kind.name, f"content/{catalog.path}", kind.model.model_json_schema()))
    return targets


def write_schemas(project: Path, out: Path, *, vscode: bool) -> list[Path]:
    """Write `<kind>.schema.json` per kind and, optionally, the VS Code association."""
    written: list[Path] = []
    associations: dict[str, list[str]] = {}
    for name, glob, schema in schema_targets():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        path = out / f"{name}.schema.json"
        write_text_atomic(path, json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
        written.append(path)
        try:
            relative = path.resolve().relative_to(project.resolve()).as_posix()
        except ValueError:
            relative = path.resolve().as_posix()
        associations[f"./{relative}" if not relative.startswith("/") else relative] = [glob]
    if vscode:
        settings_path = project / ".vscode" / "settings.json"
        settings: dict[str, object] = {}
        if settings_path.is_file():
            try:
                settings = json.loads(settings_path.read_text(encoding="utf-8"))
            except json.JSONDecodeError:
                settings = {}
        settings["yaml.schemas"] = associations
        write_text_atomic(settings_path, json.dumps(settings, indent=2, sort_keys=True) + "\n")
        written.append(settings_path)
    return written
