"""The engine's entry point: load, check, resolve; returns the model and every issue.

The core never prints. Adapters (CLI, MkDocs plugin) call `load_content` and report
what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.checks.crossrefs import check_references
from generator.checks.messages import check_messages
from generator.checks.packages import check_packages
from generator.checks.provenance import check_provenance
from generator.checks.sessions import check_sessions
from generator.checks.training import check_training
from generator.checks.translations import check_translations
from generator.checks.upkeep import check_upkeep
from generator.issues import Issue, Severity
from generator.loading.project import LoadedFiles, load_files
from generator.model.content import Content
from generator.model.site import Site
from generator.resolve import resolve_content


@dataclass(frozen=True)
class Loaded:
    """The resolved content (None when there are errors) and every issue found."""

    content: Content | None
    issues: list[Issue]
    files_read: int
    files: LoadedFiles | None = field(default=None, compare=False, repr=False)
    """What loading read, with every value's place: for tools that edit the content (translations)."""

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings allowed)."""
        return self.content is not None


def load_content(project: Path, *, today: date | None = None) -> Loaded:
    """Load and check the project's content; the model is built only when there is no error.

    Reviews due before `today` (default: the clock's date) are reported as overdue.
    """
    loaded = load_files(project)
    site = loaded.catalogs.get("site")
    languages = list(site.languages) if isinstance(site, Site) else ["en"]
    cross = check_references(loaded, languages)
    issues = sorted(cross.refine(loaded.issues) + cross.issues + check_training(loaded)
                    + check_sessions(loaded) + check_packages(loaded) + check_provenance(loaded)
                    + check_messages(loaded.messages, languages)
                    + check_translations(loaded, languages)
                    + check_upkeep(loaded, languages[0], today or date.today()))
    if (
        any(issue.severity is Severity.ERROR for issue in issues)
        or "site" not in loaded.catalogs
        or "framework" not in loaded.catalogs
    ):
        return Loaded(None, issues, loaded.files_read, loaded)
    return Loaded(resolve_content(loaded), issues, loaded.files_read, loaded)
