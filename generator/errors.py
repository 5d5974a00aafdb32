"""The exception hierarchy: an author's mistake is a UserError and never shows a traceback."""

from __future__ import annotations

from generator.issues import Issue, errors
from generator.report import counted


class PartnerkitError(Exception):
    """Base of every error partnerkit raises on purpose."""


class UserError(PartnerkitError):
    """Something the user can fix: bad content, a bad option, a missing folder."""


class ContentError(UserError):
    """The content has errors; `issues` lists every one of them (warnings included)."""

    def __init__(self, issues: list[Issue], consequence: str = "") -> None:
        self.issues = issues
        found = f"{counted(len(errors(issues)), 'error')} in content"
        super().__init__(f"{found}; {consequence}" if consequence else found)
