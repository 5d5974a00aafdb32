"""Material Design icons inlined as SVG (from the installed theme), so no icon font is fetched."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_NAME = re.compile(r"^(material|fontawesome/(?:solid|regular|brands)|octicons|simple)/[a-z0-9-]+$")


@lru_cache(maxsize=256)
def icon_svg(name: str | None) -> str:
    """The icon's SVG markup, decorative (aria-hidden); '' when unknown or not installed."""
    if not name or not _NAME.match(name):
        return ""
    try:
        import material
    except ImportError:  # the theme is not installed: no icon, the label still says it all
        return ""
    path = Path(material.__file__).parent / "templates" / ".icons" / f"{name}.svg"
    if not path.is_file():
        return ""
    svg = path.read_text(encoding="utf-8").strip()
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
