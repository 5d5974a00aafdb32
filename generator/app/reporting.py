"""One way to report what a run finds: content problems and output warnings go to a `Reporter`.

The app layer never prints. The CLI hands it a reporter that writes to the terminal,
the MkDocs plugin one that logs through MkDocs (so `mkdocs build --strict` counts the
warnings); the same issues and messages reach both.
"""

from __future__ import annotations

from typing import Protocol

from generator.issues import Issue


class Reporter(Protocol):
    """Where the app layer sends what it finds while it works."""

    def issue(self, issue: Issue) -> None:
        """A located content problem that does not stop the run (a warning)."""

    def warning(self, message: str) -> None:
        """A problem met while making an output, e.g. a character no font can print."""

