"""Which local Markdown images (`![alt](images/x.png)`) the site and print show.

Both outputs follow the rule `check` enforces (`generator.loading.images`): a relative
path read from the project folder, staying inside it, naming a PNG, JPEG, GIF, WebP or
SVG file. An image is shown only when that rule finds an image whose name ends as its
format says (browsers and Typst go by the name); anything else shows its alternative
text, so a page or a PDF never points outside the project, whatever reached the renderer.
"""

from __future__ import annotations

from pathlib import Path

from generator.loading.images import Status, locate_image


def local_image(project: Path | None, src: str) -> Path | None:
    """The image file `src` names in `project`, resolved; None when it is not one to show."""
    if project is None or not src:
        return None
    found = locate_image(project, src)
    if found.status is not Status.IMAGE or not found.suffix_matches:
        return None
    return found.path


def project_path(project: Path, image: Path) -> str:
    """The image's path inside the project, with '/' separators (its stable name)."""
    return image.relative_to(project.resolve()).as_posix()
