"""The review date of upkeep (`review_by`): a day written `YYYY-MM-DD`, parsed strictly.

The loader reads YAML dates as text (YAML 1.2), so `review_by: 2027-05-17` arrives as a
string and is parsed here. A value that names no day is an error that says why ('there is
no month 13') and carries the hint to write it right (`ctx["hint"]`, which the loader's
error messages show). The fields themselves are on `generator.model.base.Upkeep`; whether a
review is overdue is the checks' business (`generator.checks.upkeep`), never the model's.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from typing import Annotated

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATE_HINT = "write the date as YYYY-MM-DD, e.g. 2027-05-17"
# In English whatever the locale: the messages of `check` are English.
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def _date_problem(text: str) -> str:
    """Why `text` is not a `YYYY-MM-DD` date, in a few words ('' when it is one)."""
    match = _ISO_DATE.match(text)
    if match is None:
        return "it is not written YYYY-MM-DD"
    year, month, day = (int(part) for part in match.groups())
    if year < 1:
        return "there is no year 0"
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"{_MONTHS[month - 1]} {year} has {days} days"
    return ""


def parse_review_date(value: object) -> date:
    """`value` as a date: a `date`, or text written `YYYY-MM-DD` that names a real day."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    text = value if isinstance(value, str) else str(value) if isinstance(value, int) else None
    if text is None:
        raise PydanticCustomError("review_date", "expected a date, got {got}",
                                  {"got": type(value).__name__, "hint": DATE_HINT})
    problem = _date_problem(text.strip())
    if problem:
        raise PydanticCustomError("review_date", "'{value}' is not a date: {problem}",
                                  {"value": text, "problem": problem, "hint": DATE_HINT})
    return date.fromisoformat(text.strip())


ReviewDate = Annotated[
    date,
    BeforeValidator(parse_review_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": _ISO_DATE.pattern}),
]
"""A day written `YYYY-MM-DD` (JSON Schema: a string of format `date`)."""

