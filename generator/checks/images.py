"""Images named by content: find `![alt](path)` in Markdown, and say what is wrong with a path.

The site publishes a Markdown image's file and print embeds it, so a path that is
missing, is not an image or leaves the project must stop the build with its place
(`../../etc/passwd` would otherwise become an `<img>` of the site). Where a path goes
is decided by `generator.loading.images`; this module finds the paths in the text and
words the problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.issues import Severity
from generator.loading.images import SUFFIXES, LocalImage, Status

# Inline image: ![alt](src "title") or ![alt](<src with spaces>), alt may hold [brackets].
_INLINE = re.compile(
    r"!\[(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*\]\(\s*"
    r"(?:<(?P<angle>[^<>\n]*)>|(?P<src>[^\s()<]+(?:\([^\s()]*\)[^\s()]*)*))"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)
# Reference image: ![alt][label], ![alt][] or ![alt], with a definition `[label]: src` in the text.
_REFERENCE = re.compile(r"!\[(?P<alt>(?:[^\[\]\\]|\\.)*)\](?:\s?\[(?P<label>[^\[\]]*)\])?")
_DEFINITION = re.compile(r"^ {0,3}\[(?P<label>[^\[\]]+)\]:[ \t]*(?:<(?P<angle>[^<>\n]*)>|(?P<src>\S+))", re.MULTILINE)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)


@dataclass(frozen=True)
class ImageRef:
    """An image path in a Markdown text and the offset where the path starts."""

    src: str
    start: int


def markdown_images(text: str) -> list[ImageRef]:
    """Every image path of `text`, in order (none inside `code`)."""
    if "![" not in text:  # most texts: no need to look further
        return []
    masked = _CODE_SPAN.sub(lambda match: " " * len(match.group()), text)
    found: dict[int, ImageRef] = {}
    inline_spans: list[range] = []
    for match in _INLINE.finditer(masked):
        group = "angle" if match.group("angle") is not None else "src"
        found[match.start(group)] = ImageRef(match.group(group), match.start(group))
        inline_spans.append(range(match.start(), match.end()))
    definitions = {
        match.group("label").strip().lower(): match for match in _DEFINITION.finditer(masked)
    }
    for match in _REFERENCE.finditer(masked):
        if any(match.start() in span for span in inline_spans):
            continue
        label = (match.group("label") or match.group("alt")).strip().lower()
        definition = definitions.get(label)
        if definition is not None:
            group = "angle" if definition.group("angle") is not None else "src"
            found[definition.start(group)] = ImageRef(definition.group(group), definition.start(group))
    return [found[start] for start in sorted(found)]


def image_problem(image: LocalImage, *, what: str) -> tuple[Severity, str, str] | None:
    """(severity, message, hint) for an image path that cannot be shown as written; None when it can.

    `what` names the image in the message: 'image' or 'logo'. An address instead of a
    file is a warning for a Markdown image (it is shown as its alternative text) but an
    error for the logo (which would simply be missing).
    """
    src = image.src if len(image.src) <= 60 else image.src[:57] + "..."
    inside = "give its path from the project folder (the one holding content/), e.g. 'images/team.png'"
    if image.status is Status.REMOTE:
        severity = Severity.WARNING if what == "image" else Severity.ERROR
        shown = "it is shown as its alternative text" if what == "image" else "it is left out"
        return severity, f"{what} '{src}' is not a file of the project; {shown}", (
            "save the image in the project folder and give its path from there "
            "(the site makes no request to other hosts)"
        )
    if image.status is Status.OUTSIDE:
        return Severity.ERROR, f"{what} '{src}' is outside the project", f"copy the file into the project and {inside}"
    if image.status is Status.MISSING:
        if image.meant:
            return Severity.ERROR, f"{what} '{src}' not found", (
                f"did you mean '{image.meant}'? paths start at the project folder, not at content/"
            )
        return Severity.ERROR, f"{what} '{src}' not found", inside
    if image.status is Status.NOT_A_FILE:
        return Severity.ERROR, f"{what} '{src}' is not a file", inside
    if image.status is Status.NOT_AN_IMAGE:
        return Severity.ERROR, f"{what} '{src}' is not an image", "use a PNG, JPEG, GIF, WebP or SVG file"
    if not image.suffix_matches and image.format is not None:
        wanted = " or ".join(SUFFIXES[image.format])
        return Severity.WARNING, f"{what} '{src}' holds a {image.format} image", f"rename the file to end in {wanted}"
    return None
