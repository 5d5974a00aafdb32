"""Format issues for people (text), CI annotations (github) and tools (json)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from generator.issues import Issue, errors, warnings


def counted(count: int, noun: str) -> str:
    """'1 error', '2 errors', '0 warnings': every count partnerkit prints goes through here."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def summary(issues: list[Issue]) -> str:
    """'1 error, 2 warnings'."""
    return f"{counted(len(errors(issues)), 'error')}, {counted(len(warnings(issues)), 'warning')}"


def format_text(issue: Issue) -> str:
    """`content/practices/x.yaml:12:5: error: roles[2]: unknown role 'coach' (did you mean ...)`."""
    return f"{issue.file}:{issue.line}:{issue.column}: {issue.severity.value}: {issue.text()}"


def _escape_github(value: str, *, property_value: bool = False) -> str:
    # GitHub's workflow-command escaping; properties also escape ':' and ','.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(issue: Issue) -> str:
    """`::error file=...,line=...,col=...::message` for GitHub Actions annotations."""
    return (
        f"::{issue.severity.value} file={_escape_github(issue.file, property_value=True)},"
        f"line={issue.line},col={issue.column}::{_escape_github(issue.text())}"
    )


def format_json(issues: Iterable[Issue]) -> str:
    """All issues as a JSON array of objects."""
    return json.dumps(
        [
            {
                "file": i.file,
                "line": i.line,
                "column": i.column,
                "severity": i.severity.value,
                "where": i.where,
                "message": i.message,
                "hint": i.hint,
            }
            for i in issues
        ],
        indent=2,
        ensure_ascii=False,
    )


FORMATTERS = {"text": format_text, "github": format_github}
