"""Problems found in content, as data: the core returns them, adapters format them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How bad a problem is: errors stop the build, warnings do not (unless --strict)."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Issue:
    """One problem, located in a file; `where` is the key path inside the file."""

    file: str
    line: int
    column: int
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    where: str = field(default="", compare=False)
    hint: str = field(default="", compare=False)

    def text(self) -> str:
        """The message with its key path and hint, without the location."""
        body = f"{self.where}: {self.message}" if self.where else self.message
        return f"{body} ({self.hint})" if self.hint else body


def errors(issues: list[Issue]) -> list[Issue]:
    """Only the errors."""
    return [issue for issue in issues if issue.severity is Severity.ERROR]


def warnings(issues: list[Issue]) -> list[Issue]:
    """Only the warnings."""
    return [issue for issue in issues if issue.severity is Severity.WARNING]


def format_where(path: tuple[str | int, ...]) -> str:
    """('roles', 2) -> 'roles[2]'; ('steps', 0, 'actors') -> 'steps[0].actors'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
