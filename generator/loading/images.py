"""Image files a project's content names (the logo, Markdown images): where they are and what they hold.

The rule, the same for the site, print and `check`: a relative path is read from the
project folder (the one holding `content/`) and must stay inside it. Absolute paths,
`..` that climb out and links that point out are refused, so content can never publish
a file of the machine it is built on. A file is an image when its first bytes say so
(PNG, JPEG, GIF, WebP or SVG), whatever its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path, PurePosixPath, PureWindowsPath

# Magic bytes of the raster formats browsers and Typst both read.
_RASTER: tuple[tuple[str, bytes, int], ...] = (
    ("PNG", b"\x89PNG\r\n\x1a\n", 0),
    ("JPEG", b"\xff\xd8\xff", 0),
    ("GIF", b"GIF87a", 0),
    ("GIF", b"GIF89a", 0),
    ("WebP", b"WEBP", 8),  # after b"RIFF" and the chunk size
)
SUFFIXES: dict[str, tuple[str, ...]] = {
    "PNG": (".png",),
    "JPEG": (".jpg", ".jpeg"),
    "GIF": (".gif",),
    "WebP": (".webp",),
    "SVG": (".svg",),
}
# Enough for an XML declaration, a comment and a doctype before the <svg> element.
_SNIFF_BYTES = 4096
_SVG_ROOT = re.compile(r"<svg[\s>/]")
# A scheme ('https:', 'data:', 'file:') or a protocol-relative '//host': not a file of the project.
_NOT_LOCAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


class Status(Enum):
    """What became of an image path."""

    IMAGE = "image"  # a file of the project that is an image
    REMOTE = "remote"  # an address, not a file: the site makes no outside request
    OUTSIDE = "outside"  # absolute, or climbing out of the project
    MISSING = "missing"
    NOT_A_FILE = "not a file"  # a folder, say
    NOT_AN_IMAGE = "not an image"


@dataclass(frozen=True)
class LocalImage:
    """An image path as the content gives it, and what it resolves to."""

    src: str
    status: Status
    path: Path | None = None  # the file, for IMAGE, NOT_AN_IMAGE and NOT_A_FILE
    format: str | None = None  # 'PNG', 'JPEG', 'GIF', 'WebP' or 'SVG' for IMAGE
    meant: str | None = None  # for MISSING: the path from the project folder of a file found under content/

    @property
    def suffix_matches(self) -> bool:
        """True when the file name ends as its format says (renderers and browsers go by the name)."""
        return self.path is None or self.format is None or self.path.suffix.lower() in SUFFIXES[self.format]


def image_format(head: bytes) -> str | None:
    """The format the first bytes of a file say it has, or None when it is not an image."""
    for name, magic, offset in _RASTER:
        if head[offset : offset + len(magic)] == magic and (name != "WebP" or head.startswith(b"RIFF")):
            return name
    text = head.decode("utf-8", "ignore").lstrip("\ufeff \t\r\n")
    if text.startswith("<") and _SVG_ROOT.search(text):
        return "SVG"
    return None


def locate_image(project: Path, src: str) -> LocalImage:
    """Resolve `src` against the project folder and look at what is there."""
    if _NOT_LOCAL.match(src):
        return LocalImage(src, Status.REMOTE)
    if PurePosixPath(src).is_absolute() or PureWindowsPath(src).is_absolute() or src.startswith("\\"):
        return LocalImage(src, Status.OUTSIDE)
    root = project.resolve()
    path = (root / src).resolve()  # follows links, so a link out of the project is caught too
    if not path.is_relative_to(root):
        return LocalImage(src, Status.OUTSIDE)
    if not path.exists():
        # Paths were once read from content/ as well; name the file such a path finds.
        under_content = (root / "content" / src).resolve()
        meant = under_content.relative_to(root).as_posix() if under_content.is_relative_to(root) else None
        return LocalImage(src, Status.MISSING, path, meant=meant if under_content.is_file() else None)
    if not path.is_file():
        return LocalImage(src, Status.NOT_A_FILE, path)
    try:
        with path.open("rb") as file:
            head = file.read(_SNIFF_BYTES)
    except OSError:
        return LocalImage(src, Status.NOT_A_FILE, path)
    found = image_format(head)
    return LocalImage(src, Status.IMAGE if found else Status.NOT_AN_IMAGE, path, found)


class ImageLookup:
    """`locate_image` for one run, each path looked at once (content often repeats an image)."""

    def __init__(self, project: Path | None) -> None:
        self.project = project
        self._seen: dict[str, LocalImage] = {}

    def locate(self, src: str) -> LocalImage | None:
        """What `src` resolves to; None when there is no project folder to look in."""
        if self.project is None:
            return None
        if src not in self._seen:
            self._seen[src] = locate_image(self.project, src)
        return self._seen[src]
