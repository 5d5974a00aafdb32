"""Check a project's own wording (`strings/<lang>.yaml`) against partnerkit's catalog.

Every problem is reported at its key or value, with a hint: a key partnerkit does not
have (with the key that was probably meant), a value that is not text, placeholders that
are not the ones partnerkit fills in, a date pattern Babel cannot use, and a file for a
language the site does not list.
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Sequence
from datetime import date

from generator.issues import Issue, Severity
from generator.loading.messages import MessageFile
from generator.messages import has, long_date, template
from generator.messages.catalog import DATE_KEY, FALLBACK, SHIPPED, keys, placeholders


def check_messages(files: Sequence[MessageFile], languages: Sequence[str]) -> list[Issue]:
    """Every problem of every strings/<lang>.yaml file."""
    issues: list[Issue] = []
    for file in files:
        if file.lang not in languages:
            issues.append(Issue(file.display, 1, 1, Severity.WARNING,
                                f"language '{file.lang}' is not in the site's languages ({', '.join(languages)})",
                                hint="name the file after a language listed in content/site.yaml, "
                                     "or add the language there"))
        for key, value in file.located.data.items():
            issues.extend(_check_entry(file, key, value))
    return issues


def _issue(file: MessageFile, key: object, message: str, hint: str, *, at_key: bool = False) -> Issue:
    path = (key,) if isinstance(key, str | int) else ()
    position = file.located.position(path, key=at_key)
    return Issue(file.display, position.line, position.column, Severity.ERROR, message,
                 where=str(key), hint=hint)


def _check_entry(file: MessageFile, key: object, value: object) -> list[Issue]:
    if not isinstance(key, str) or not has(key):
        close = difflib.get_close_matches(str(key), sorted(keys()), n=1, cutoff=0.6)
        hint = (f"did you mean '{close[0]}'?" if close else
                "the keys are those of partnerkit's catalog, generator/messages/en.yaml")
        return [_issue(file, key, f"unknown message '{key}'", hint, at_key=True)]
    if not isinstance(value, str):
        return [_not_text(file, key, value)]
    if key == DATE_KEY:
        return _check_date_pattern(file, key, value)
    return _check_placeholders(file, key, value)


def _not_text(file: MessageFile, key: str, value: object) -> Issue:
    if value is None:
        return _issue(file, key, "no text", f"write the text after '{key}:', or remove the line to keep partnerkit's")
    if isinstance(value, list | dict):
        what = "a list" if isinstance(value, list) else "a mapping"
        return _issue(file, key, f"{what}, not text", f'write one text: {key}: "..."')
    what = "true or false" if isinstance(value, bool) else "a number"
    return _issue(file, key, f"{what}, not text", f'put it in quotes to keep it as text: {key}: "{value}"')


def _check_placeholders(file: MessageFile, key: str, value: str) -> list[Issue]:
    shipped = template(file.lang if file.lang in SHIPPED else FALLBACK, key)
    expected = placeholders(shipped)
    try:
        fields = list(string.Formatter().parse(value))
    except ValueError:
        fields = [("{", None, None, None)]
    if any("{" in literal or "}" in literal for literal, _, _, _ in fields):
        return [_issue(file, key, "a '{' or '}' is not part of a placeholder",
                       "braces are kept for placeholders, such as {n}")]
    issues: list[Issue] = []
    for _, name, spec, conversion in fields:
        if name is not None and (spec or conversion):
            issues.append(_issue(file, key, f"placeholder '{{{name}{'!' + conversion if conversion else ''}"
                                            f"{':' + spec if spec else ''}}}' has a format",
                                 f"write it as {{{name}}}: partnerkit formats the value itself"))
    found = placeholders(value)
    missing, extra = sorted(expected - found), sorted(found - expected)
    if missing or extra:
        said = []
        if missing:
            said.append("lacks " + ", ".join(f"{{{name}}}" for name in missing))
        if extra:
            said.append("has " + ", ".join(f"{{{name}}}" for name in extra) + " that partnerkit does not fill in")
        uses = ", ".join(f"{{{name}}}" for name in sorted(expected)) or "no placeholder"
        issues.append(_issue(file, key, f"the text {' and '.join(said)}",
                             f"partnerkit's text uses {uses}: '{shipped}'"))
    return issues


def _check_date_pattern(file: MessageFile, key: str, value: str) -> list[Issue]:
    try:
        long_date(date(2021, 5, 17), file.lang, {file.lang: {key: value}})
    except (ValueError, KeyError, AttributeError, TypeError) as exc:
        return [_issue(file, key, f"Babel cannot use this date pattern ({exc})",
                       "write a CLDR pattern such as 'd MMMM y' or 'MMMM d, y'")]
    return []
