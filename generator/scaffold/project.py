"""Write the starter project into a new or empty folder, in the chosen languages.

Which files a project gets, and in which form, is decided here from the file names under
`template/`: `NAME.<lang>.EXT` is one language's version of `NAME.EXT` (README, hand-written
page, mkdocs.yml), written only when that language is the default; YAML files are localized
(`localize_yaml`); `{{languages}}` and `{{language}}` become the language list and the default.
The project is built in a hidden sibling folder and renamed into place at the end (its
entries moved into an existing empty folder), so a failure never leaves half a project behind.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Sequence
from pathlib import Path

from generator.errors import UserError
from generator.scaffold.localize import TEMPLATE_LANGUAGES, localize_yaml

TEMPLATE = Path(__file__).resolve().parent / "template"
# Files that cannot ship under their real name as package data (its globs do not match dotfiles).
_RENAMES = {"gitignore": ".gitignore"}
# Files written as they are: the terminology table's `en:` and `fr:` are its columns, not languages.
VERBATIM = {"content/terminology.yaml"}


def parse_languages(spec: str) -> list[str]:
    """`fr,en` → ['fr', 'en']; refuses unknown, repeated or missing codes."""
    codes = [code.strip().lower() for code in spec.split(",")]
    if not all(codes):
        raise UserError(f"--languages '{spec}' has an empty code; write codes separated by commas, e.g. fr,en")
    unknown = [code for code in codes if code not in TEMPLATE_LANGUAGES]
    if unknown:
        raise UserError(
            f"unknown language '{unknown[0]}' in --languages; partnerkit new writes "
            f"{' and '.join(TEMPLATE_LANGUAGES)} (e.g. --languages fr,en; the first is the default)"
        )
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        raise UserError(f"language '{repeated[0]}' is listed twice in --languages; list each once")
    return codes


def fill_tokens(text: str, languages: Sequence[str]) -> str:
    """`{{languages}}` → `[fr, en]` (site.yaml), `{{language}}` → `fr` (a quote's own language)."""
    return text.replace("{{languages}}", f"[{', '.join(languages)}]").replace("{{language}}", languages[0])


def render_project(languages: Sequence[str]) -> dict[str, str]:
    """Every file of the starter project, by its path relative to the project, as text."""
    default = languages[0]
    files: dict[str, str] = {}
    for path in sorted(TEMPLATE.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(TEMPLATE)
        target = _target_name(relative, default)
        if target is None:
            continue
        text = fill_tokens(path.read_text(encoding="utf-8"), languages)
        if relative.suffix in (".yaml", ".yml") and relative.as_posix() not in VERBATIM:
            text = localize_yaml(text, languages)
        files[target] = text
    return files


def _target_name(relative: Path, default: str) -> str | None:
    """Where a template file goes; None for another language's version of a file."""
    parts = relative.name.split(".")
    if len(parts) == 3 and parts[1] in TEMPLATE_LANGUAGES:
        if parts[1] != default:
            return None
        name = f"{parts[0]}.{parts[2]}"
    else:
        name = _RENAMES.get(relative.name, relative.name)
    return relative.with_name(name).as_posix()


def _refuse_unusable(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise UserError(f"'{target}' is a file; give the name of a new folder, e.g. partnerkit new my-project")
    if target.is_dir():
        entries = sorted(entry.name for entry in target.iterdir())
        if entries:
            shown = ", ".join(entries[:3]) + (", ..." if len(entries) > 3 else "")
            raise UserError(
                f"folder '{target}' is not empty ({shown}); partnerkit new writes only into a new or "
                "empty folder, so nothing of yours is overwritten: choose another folder name"
            )


def write_project(target: Path, languages: Sequence[str]) -> list[str]:
    """Write the starter project into `target` (new or empty); returns the files written."""
    _refuse_unusable(target)
    files = render_project(languages)
    target = target.resolve()
    staging = target.with_name(f".{target.name}.partnerkit-new-{secrets.token_hex(4)}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging.mkdir()
        for name, text in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        if target.is_dir():
            # An empty folder that exists (maybe the current one) stays: the files move into it.
            for entry in sorted(staging.iterdir()):
                os.replace(entry, target / entry.name)
            staging.rmdir()
        else:
            os.replace(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        where = f" at '{exc.filename}'" if exc.filename else ""
        raise UserError(
            f"cannot write the project into '{target}': {exc.strerror or exc}{where}; "
            "give a folder whose parents are folders you can write to"
        ) from exc
    return sorted(files)
