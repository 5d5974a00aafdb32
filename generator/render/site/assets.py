"""Static files the site needs: stylesheet, filter script, fonts from the pip font package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from generator.model.content import Content
from generator.render.palette import darker

CSS = "assets/partnerkit.css"
JS = "assets/partnerkit.js"
TRAINING_JS = "assets/training.js"
THEME_CSS = "assets/theme.css"
# Must contain "iframe-worker": Material's offline plugin then does not add its CDN copy.
WORKER_SHIM = "assets/iframe-worker-shim.js"
FONT_DIR = "assets/fonts"
_FONT_FILES = {
    "AtkinsonHyperlegible-Regular.ttf": ("normal", 400),
    "AtkinsonHyperlegible-Italic.ttf": ("italic", 400),
    "AtkinsonHyperlegible-Bold.ttf": ("normal", 700),
    "AtkinsonHyperlegible-BoldItalic.ttf": ("italic", 700),
}


def _font_folder() -> Path:
    # The font package ships the TTF files under files/ (pip: fontpkg-atkinson-hyperlegible).
    return Path(str(resources.files("fontpkg_atkinson_hyperlegible") / "files"))


def _theme_css(content: Content) -> str:
    """@font-face rules and the site's colours as Material's CSS variables."""
    faces = "".join(
        f'@font-face{{font-family:"Atkinson Hyperlegible";font-style:{style};font-weight:{weight};'
        f'font-display:swap;src:url("fonts/{name}") format("truetype")}}\n'
        for name, (style, weight) in _FONT_FILES.items()
    )
    colours = content.site.colours
    return (
        faces
        + ":root{--md-text-font:\"Atkinson Hyperlegible\";--md-code-font:ui-monospace,monospace;"
        + f"--md-primary-fg-color:{colours.primary};"
        + f"--md-primary-fg-color--light:{colours.primary};"
        + f"--md-primary-fg-color--dark:{darker(colours.primary, 0.8)};"
        + f"--md-accent-fg-color:{colours.accent};"
        + f"--pk-primary:{colours.primary};--pk-accent:{colours.accent};"
        + f"--md-typeset-a-color:{darker(colours.primary, 0.9)}}}\n"
    )


LOGO_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp")


def logo_asset(content: Content, project: Path | None) -> tuple[str, bytes] | None:
    """The site logo as (path in the site, bytes): read from the project folder only."""
    if project is None or not content.site.logo:
        return None
    root = project.resolve()
    path = (root / content.site.logo).resolve()
    if not path.is_relative_to(root) or not path.is_file() or path.suffix.lower() not in LOGO_SUFFIXES:
        return None
    return f"assets/logo{path.suffix.lower()}", path.read_bytes()


def search_stems() -> bytes:
    """The script that cuts the words of a search to their stem (see search-stems.js),
    for the plugin to append to Material's lunr stemmer support."""
    return (resources.files("generator.render.site") / "assets" / "search-stems.js").read_bytes()


def site_assets(content: Content) -> dict[str, bytes]:
    """Every static file, by its path in the site."""
    package = resources.files("generator.render.site") / "assets"
    files = {
        CSS: (package / "partnerkit.css").read_bytes(),
        JS: (package / "partnerkit.js").read_bytes(),
        TRAINING_JS: (package / "training.js").read_bytes(),
        WORKER_SHIM: (package / "iframe-worker-shim.js").read_bytes(),
        THEME_CSS: _theme_css(content).encode("utf-8"),
    }
    folder = _font_folder()
    for name in _FONT_FILES:
        files[f"{FONT_DIR}/{name}"] = (folder / name).read_bytes()
    return files
