"""Checks on one human-readable text: its languages, its translations, what it would publish.

Each text is checked where the reference pass finds it: language codes the site does
not have, missing translations (unless the text needs none), identifying details, and
the images a Markdown text shows. Problems point at the character where they start.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.checks.images import image_problem, markdown_images
from generator.checks.inclusive import HINT as INCLUSIVE_HINT
from generator.checks.inclusive import point_median_forms
from generator.checks.privacy import identifying_details
from generator.checks.terminology import TermLint
from generator.issues import Issue, Severity
from generator.loading.images import ImageLookup
from generator.model.text import NEUTRAL, UNTAGGED
from generator.model.walk import FoundText
from generator.positions import KeyPath, Origin


@dataclass(frozen=True)
class TextRules:
    """What a text is checked against: the site's languages (default first) and the project's files."""

    languages: list[str]
    images: ImageLookup
    terminology: TermLint | None = None
    """content/terminology.yaml compiled, when the project has one: French texts are linted with it."""

    @property
    def default(self) -> str:
        """The site's default language."""
        return self.languages[0] if self.languages else "en"


def text_position(origin: Origin, path: KeyPath, text: str, offset: int) -> tuple[int, int]:
    """Line and column of character `offset` of the text at `path`."""
    located = origin.located
    start = located.position(path)
    before = text[:offset]
    newlines = before.count("\n")
    if path in located.block_scalars:
        line = start.line + 1 + newlines
        source = located.lines[line - 1] if 0 < line <= len(located.lines) else ""
        indent = len(source) - len(source.lstrip(" "))
        return line, indent + len(before) - (before.rfind("\n") + 1) + 1
    if newlines == 0:
        opening_quote = 1 if path in located.quoted_scalars else 0
        return start.line, start.column + offset + opening_quote
    return start.line + newlines, 1


def check_text(found: FoundText, origin: Origin, rules: TextRules) -> list[Issue]:
    """Every problem of one text, in the order of the checks."""
    issues = _check_languages(found, origin, rules)
    if found.text.needs_translation():
        issues += _check_translations(found, origin, rules)
    for lang, text in found.text.items():
        text_path = found.path if lang == UNTAGGED else (*found.path, lang)
        for finding in identifying_details(text):
            issues.append(
                origin.issue(
                    text_path,
                    Severity.WARNING,
                    f"text contains what looks like {finding.what}; it would be published",
                    where=found.path,
                    at=text_position(origin, text_path, text, finding.start),
                    hint="remove it, or replace it with a role (e.g. 'the partnership office')",
                )
            )
        if found.is_markdown:
            issues += _check_images(found.path, text_path, text, origin, rules)
    issues += _check_french(found, origin, rules)
    return issues


def _in_language(found: FoundText, lang: str, rules: TextRules) -> tuple[str, str] | None:
    """(key, text) of the text written in `lang` itself (a plain string is the default
    language's); None when it has none of its own."""
    for given, text in found.text.items():
        if given == lang or (given == UNTAGGED and rules.default == lang):
            return given, text
    return None


def _check_french(found: FoundText, origin: Origin, rules: TextRules) -> list[Issue]:
    """French writing rules: no point médian; the terminology table's terms, never its avoided forms."""
    french = _in_language(found, "fr", rules)
    if french is None:
        return []
    key, text = french
    text_path = found.path if key == UNTAGGED else (*found.path, key)
    issues = [
        origin.issue(text_path, Severity.WARNING,
                     f"'{form.word}' is written with a point médian", where=found.path,
                     at=text_position(origin, text_path, text, form.offset), hint=INCLUSIVE_HINT)
        for form in point_median_forms(text)
    ]
    if rules.terminology is not None:
        english = _in_language(found, "en", rules)
        for finding in rules.terminology.findings(english[1] if english else None, text):
            issues.append(origin.issue(text_path, Severity.WARNING, finding.message, where=found.path,
                                       at=text_position(origin, text_path, text, finding.offset),
                                       hint=finding.hint))
    return issues


def _check_languages(found: FoundText, origin: Origin, rules: TextRules) -> list[Issue]:
    given = found.text.languages()
    if given == (UNTAGGED,):
        return []
    return [
        origin.issue(
            (*found.path, lang),
            Severity.WARNING,
            f"language '{lang}' is not one of the site's languages ({', '.join(rules.languages)})",
            key=True,
            where=found.path,
            hint="add it to 'languages' in content/site.yaml, or fix the code",
        )
        for lang in given
        if lang not in rules.languages and lang != NEUTRAL
    ]


def _check_translations(found: FoundText, origin: Origin, rules: TextRules) -> list[Issue]:
    """A warning per site language the text lacks; the hint spells every language, in the site's order."""
    issues: list[Issue] = []
    given = found.text.languages()
    default = rules.default
    shape = ", ".join(f"{lang}: ..." for lang in rules.languages)
    for lang in rules.languages[1:] if given == (UNTAGGED,) else rules.languages:
        if not found.text.has(lang) and (given != (UNTAGGED,) or lang != default):
            fallback = default if found.text.has(default) or given == (UNTAGGED,) else given[0]
            issues.append(
                origin.issue(
                    found.path,
                    Severity.WARNING,
                    f"missing '{lang}' translation; the '{fallback}' text is used",
                    hint=f"write it as {{{shape}}}, or as {{{NEUTRAL}: ...}} if it needs no translation",
                )
            )
    return issues


def _check_images(where: KeyPath, text_path: KeyPath, text: str, origin: Origin, rules: TextRules) -> list[Issue]:
    """A Markdown image that is missing, not an image, or outside the project."""
    issues: list[Issue] = []
    for image in markdown_images(text):
        located = rules.images.locate(image.src)
        problem = image_problem(located, what="image") if located is not None else None
        if problem is not None:
            severity, message, hint = problem
            at = text_position(origin, text_path, text, image.start)
            issues.append(origin.issue(text_path, severity, message, where=where, at=at, hint=hint))
    return issues
