"""Load the content once per run, report what it says, and choose the site's language."""

from __future__ import annotations

from generator.app.options import Options
from generator.app.reporting import Reporter
from generator.errors import ContentError, UserError
from generator.issues import warnings
from generator.model.content import Content
from generator.pipeline import Loaded, load_content
from generator.report import counted


def load_checked(options: Options, reporter: Reporter) -> Content:
    """The resolved content. Errors stop the run with every issue (ContentError); warnings
    go to `reporter`, and stop the run too under `strict`."""
    return checked(load_content(options.project_dir), options, reporter)


def checked(loaded: Loaded, options: Options, reporter: Reporter) -> Content:
    """What `load_checked` makes of content already loaded."""
    if loaded.content is None:
        raise ContentError(loaded.issues)
    for issue in loaded.issues:
        reporter.issue(issue)
    warned = len(warnings(loaded.issues))
    if options.strict and warned:
        raise UserError(f"content has {counted(warned, 'warning')} and --strict is set; nothing was written")
    return loaded.content


def site_language(content: Content, lang: str | None) -> str:
    """`lang`, or the first of site.yaml's languages; a language the site lacks is refused."""
    chosen = lang or content.default_language
    if chosen not in content.languages:
        raise UserError(f"language '{chosen}' is not one of the site's languages "
                        f"({', '.join(content.languages)}) in content/site.yaml "
                        "(choose one of them, or add it to 'languages')")
    return chosen
