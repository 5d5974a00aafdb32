"""Find identifying details in text that will be published: emails, phone and health-card numbers.

Quotes and stories come from patients; a name can't be detected reliably, but
contact details and health-card numbers can, and must never reach a public page.
The site's own contact address lives in a settings field and is not scanned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an email address", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("a phone number", re.compile(r"(?<![\w/.])(?:\+\d{1,3}[ .-]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?![\w/])")),
    # Quebec (RAMQ: 4 letters, 8 digits) and Ontario (10 digits, optional 2-letter version) cards,
    # and 10-digit numbers such as the NHS number.
    ("a health-card number", re.compile(r"(?<![\w/.])[A-Z]{4} ?\d{4} ?\d{4}(?![\w/])")),
    ("a health-card number", re.compile(r"(?<![\w/.-])\d{4}[ -]?\d{3}[ -]?\d{3}(?:[ -]?[A-Z]{2})?(?![\w/-])")),
)


@dataclass(frozen=True)
class Finding:
    """One identifying detail: what it looks like and where it starts in the text."""

    what: str
    start: int


# Every pattern needs an '@' or a digit: one scan rules most texts out.
_MAY_IDENTIFY = re.compile(r"[@\d]")


def identifying_details(text: str) -> list[Finding]:
    """Every email, phone or health-card number in `text`, in order, without overlaps."""
    if not _MAY_IDENTIFY.search(text):
        return []
    findings: list[Finding] = []
    taken: list[range] = []
    for what, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = range(match.start(), match.end())
            if any(span.start < other.stop and other.start < span.stop for other in taken):
                continue
            taken.append(span)
            findings.append(Finding(what, match.start()))
    return sorted(findings, key=lambda finding: finding.start)
