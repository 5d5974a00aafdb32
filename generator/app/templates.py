"""`partnerkit templates`: the page templates a project may override, and copying one to start.

The site's pages come from the templates partnerkit ships (`generator/render/site/templates/`);
a file of the same name in the project's `templates/` folder (beside `content/`) is used
instead. Listing says what each renders and which the project overrides; copying puts
partnerkit's own text into `templates/`, the one file written, never over an existing one
unless asked.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from generator.errors import UserError
from generator.render.site.templating import PROJECT_FOLDER, SUFFIXES, package_source, package_templates
from generator.writing import write_text_atomic


@dataclass(frozen=True)
class Listed:
    """A template as `templates list` shows it."""

    name: str
    description: str
    overridden: bool  # the project's templates/ holds a file of this name
    own: bool = False  # the project's alone: partnerkit has none of this name


def list_templates(project: Path) -> list[Listed]:
    """Every template partnerkit ships (pages first, then fragments), then the project's own others."""
    folder = project / PROJECT_FOLDER
    shipped = package_templates()
    names = {info.name for info in shipped}
    listed = [Listed(info.name, info.description, (folder / info.name).is_file()) for info in shipped]
    if folder.is_dir():
        others = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                        if p.is_file() and p.name.endswith(SUFFIXES))
        listed += [Listed(name, "", True, own=True) for name in others if name not in names]
    return listed


def template_named(name: str) -> str:
    """The shipped template called `name` (or `name` with .md or .html, or in fragments/);
    UserError with a did-you-mean when there is none."""
    names = [info.name for info in package_templates()]
    for candidate in (name, f"{name}.md", f"{name}.html", f"fragments/{name}", f"fragments/{name}.html",
                      f"fragments/{name}.md"):
        if candidate in names:
            return candidate
    by_stem: dict[str, str] = {}
    for shipped in names:
        by_stem.setdefault(Path(shipped).stem, shipped)
    close = (difflib.get_close_matches(name, names, n=1, cutoff=0.6)
             or [by_stem[s] for s in difflib.get_close_matches(Path(name).stem, list(by_stem), n=1, cutoff=0.6)])
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise UserError(f"partnerkit has no template '{name}'{hint}; 'partnerkit templates list' names them")


def copy_template(project: Path, name: str, *, force: bool = False) -> Path:
    """Copy partnerkit's template `name` into the project's templates/ folder, to start an
    override; refuses to replace a file there unless `force`."""
    if not (project / "content").is_dir():
        raise UserError(f"{project} has no content/ folder, so it is not a partnerkit project "
                        "(pass --project DIR, or run 'partnerkit new DIR')")
    name = template_named(name)
    target = project / PROJECT_FOLDER / name
    if target.exists() and not force:
        raise UserError(f"{target} exists: it already overrides {name} (pass --force to replace it with "
                        "partnerkit's own)")
    write_text_atomic(target, package_source(name))
    return target
