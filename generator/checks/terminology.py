"""Terminology lint: French text uses the terms of content/terminology.yaml, never the forms it avoids.

A text given in English and French is checked term by term: when the English uses a term
(plural forms included) and the French uses none of the term's French forms (plural and
feminine endings included), the French text gets a warning; any form listed under `avoid`
gets a warning where it starts. Inline references and link targets are blanked out first
(ids such as `role:patient-advisor` are not words), keeping every offset in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from generator.model.terminology import Terminology, TermPair

# [[kind:id|label]] keeps its label; [[kind:id]] and a link's target are not words.
_REF_WITH_LABEL = re.compile(r"(\[\[[a-z]+:[^\]|\s]+\|)([^\]]+)(\]\])")
_REF = re.compile(r"\[\[[a-z]+:[^\]|\s]+\]\]")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|https?://\S+")
_APOSTROPHES = str.maketrans({"’": "'", "\u00a0": " ", "\u202f": " "})


def words_only(text: str) -> str:
    """`text` with references' ids and link targets blanked, same length, apostrophes straightened."""
    blank = _REF_WITH_LABEL.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(3)), text)
    blank = _REF.sub(lambda m: " " * len(m.group(0)), blank)
    blank = _LINK_TARGET.sub(lambda m: " " * len(m.group(0)), blank)
    return blank.translate(_APOSTROPHES)


# Endings a word may take and still be the same term.
ENGLISH_ENDINGS = r"(?:s|es)?"  # advisor, advisors; a final y may also be ies
FRENCH_ENDINGS = r"(?:e|s|es|x)?"  # partenaire, partenaires, intervenante, nouveaux


def _phrase(form: str, endings: str) -> str:
    """A regex for `form`, word by word, each word with optional `endings`, any space or
    hyphen between words, and no letter or hyphen on either side."""
    words = [w for w in re.split(r"[\s-]+", form.translate(_APOSTROPHES).strip()) if w]
    parts: list[str] = []
    for index, word in enumerate(words):
        last = index == len(words) - 1
        if word.endswith("'"):  # d', l': the next word follows at once
            parts.append(re.escape(word))
            continue
        if endings == ENGLISH_ENDINGS and word.endswith("y"):
            parts.append(re.escape(word[:-1]) + r"(?:y|ies)")
        else:
            parts.append(re.escape(word) + endings)
        if not last:
            parts.append(r"[\s-]+")
    return r"(?<![\w-])" + "".join(parts) + r"(?![\w-])"


@dataclass(frozen=True)
class TermRule:
    """One entry of the table, as patterns."""

    term: TermPair
    english: re.Pattern[str]
    french: tuple[re.Pattern[str], ...]
    avoided: tuple[tuple[str, re.Pattern[str]], ...]


@cache
def _rule(term: TermPair) -> TermRule:
    flags = re.IGNORECASE
    return TermRule(
        term,
        re.compile(_phrase(term.en, ENGLISH_ENDINGS), flags),
        tuple(re.compile(_phrase(form, FRENCH_ENDINGS), flags) for form in (term.fr, *term.fr_forms)),
        tuple((form, re.compile(_phrase(form, FRENCH_ENDINGS), flags)) for form in term.avoid),
    )


@dataclass(frozen=True)
class TermFinding:
    """A problem in one French text: what, where it starts (offset), and the hint."""

    message: str
    offset: int
    hint: str


def check_french_terms(table: Terminology, english: str | None, french: str) -> list[TermFinding]:
    """Every term the French text misses (given its English) or uses in an avoided form."""
    findings: list[TermFinding] = []
    french_words = words_only(french)
    english_words = words_only(english) if english is not None else ""
    for term in table.terms:
        rule = _rule(term)
        avoided = [match for _form, pattern in rule.avoided for match in pattern.finditer(french_words)]
        for match in avoided:
            findings.append(TermFinding(
                f"'{french[match.start():match.end()]}' is a form the terminology table avoids; "
                f"the term is '{term.fr}'",
                match.start(),
                f"write '{term.fr}' (source: {term.source}; content/terminology.yaml, term '{term.id}')"))
        # An avoided form already says which term to use.
        if term.enforce and not avoided and english_words and rule.english.search(english_words) and not any(
                pattern.search(french_words) for pattern in rule.french):
            findings.append(TermFinding(
                f"the English says '{term.en}' but the French does not use '{term.fr}'",
                0,
                f"use '{term.fr}' (source: {term.source}), or add the form you used to fr_forms "
                f"of term '{term.id}' in content/terminology.yaml"))
    return findings
