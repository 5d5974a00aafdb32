"""Terminology lint: French text uses the terms of content/terminology.yaml, never the forms it avoids.

A text given in English and French is checked term by term: when the English uses a term
(plural forms included) and the French uses none of the term's French forms (plural and
feminine endings included), the French text gets a warning; any form listed under `avoid`
gets a warning where it starts. Inline references and link targets are blanked out first
(ids such as `role:patient-advisor` are not words), keeping every offset in place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

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


def _needle(form: str) -> str:
    """A lowercase piece every match of `form` contains (its longest word, without a final y),
    to skip the regex for texts that cannot match."""
    words = [w for w in re.split(r"[\s'-]+", form.translate(_APOSTROPHES).strip().lower()) if w]
    longest = max(words, key=len) if words else ""
    return longest[:-1] if longest.endswith("y") and len(longest) > 2 else longest


@dataclass(frozen=True)
class Pattern:
    """A regex and the piece of text it cannot match without."""

    regex: re.Pattern[str]
    needle: str

    @classmethod
    def of(cls, form: str, endings: str) -> Pattern:
        return cls(re.compile(_phrase(form, endings), re.IGNORECASE), _needle(form))

    def search(self, text: str, lowered: str) -> re.Match[str] | None:
        return self.regex.search(text) if self.needle in lowered else None

    def finditer(self, text: str, lowered: str) -> list[re.Match[str]]:
        return list(self.regex.finditer(text)) if self.needle in lowered else []


@dataclass(frozen=True)
class TermRule:
    """One entry of the table, as patterns."""

    term: TermPair
    english: Pattern
    french: tuple[Pattern, ...]
    avoided: tuple[Pattern, ...]


def _rule(term: TermPair) -> TermRule:
    return TermRule(
        term,
        Pattern.of(term.en, ENGLISH_ENDINGS),
        tuple(Pattern.of(form, FRENCH_ENDINGS) for form in (term.fr, *term.fr_forms)),
        tuple(Pattern.of(form, FRENCH_ENDINGS) for form in term.avoid),
    )


@dataclass(frozen=True)
class TermFinding:
    """A problem in one French text: what, where it starts (offset), and the hint."""

    message: str
    offset: int
    hint: str


class TermLint:
    """The table compiled once. One search of all the terms' first words tells which rules
    can apply to a text; most texts use none, and cost that search alone."""

    def __init__(self, table: Terminology) -> None:
        self.rules = tuple(_rule(term) for term in table.terms)
        self._avoided_by = _by_needle((p.needle, rule) for rule in self.rules for p in rule.avoided)
        self._english_by = _by_needle((rule.english.needle, rule) for rule in self.rules if rule.term.enforce)
        needles = sorted({*self._avoided_by, *self._english_by}, key=len, reverse=True)
        self._needles = re.compile("|".join(map(re.escape, needles))) if needles else None

    def findings(self, english: str | None, french: str) -> list[TermFinding]:
        """Every term the French text misses (given its English) or uses in an avoided form."""
        if self._needles is None:
            return []
        # The raw texts first (cheap): ids and link targets may name a term, so a candidate is
        # only a rule to try on the words alone.
        candidates = {rule.term.id: rule for needle in self._needles.findall(french.lower())
                      for rule in self._avoided_by.get(needle, ())}
        if english is not None:
            candidates |= {rule.term.id: rule for needle in self._needles.findall(english.lower())
                           for rule in self._english_by.get(needle, ())}
        if not candidates:
            return []
        french_words = words_only(french)
        french_lowered = french_words.lower()
        english_words = words_only(english) if english is not None else ""
        english_lowered = english_words.lower()
        texts = _Texts(french, french_words, french_lowered, english_words, english_lowered)
        findings: list[TermFinding] = []
        for rule in self.rules:  # in the table's order
            if rule.term.id in candidates:
                findings += _term_findings(rule, texts)
        return findings


def _by_needle(pairs: Iterable[tuple[str, TermRule]]) -> dict[str, tuple[TermRule, ...]]:
    grouped: dict[str, list[TermRule]] = {}
    for needle, rule in pairs:
        grouped.setdefault(needle, []).append(rule)
    return {needle: tuple(rules) for needle, rules in grouped.items()}


@dataclass(frozen=True)
class _Texts:
    french: str
    french_words: str
    french_lowered: str
    english_words: str
    english_lowered: str


def _term_findings(rule: TermRule, texts: _Texts) -> list[TermFinding]:
    term = rule.term
    avoided = [match for pattern in rule.avoided
               for match in pattern.finditer(texts.french_words, texts.french_lowered)]
    findings = [TermFinding(
        f"'{texts.french[match.start():match.end()]}' is a form the terminology table avoids; "
        f"the term is '{term.fr}'",
        match.start(),
        f"write '{term.fr}' (source: {term.source}; content/terminology.yaml, term '{term.id}')")
        for match in avoided]
    # An avoided form already says which term to use.
    if (term.enforce and not avoided and rule.english.search(texts.english_words, texts.english_lowered)
            and not any(p.search(texts.french_words, texts.french_lowered) for p in rule.french)):
        findings.append(TermFinding(
            f"the English says '{term.en}' but the French does not use '{term.fr}'",
            0,
            f"use '{term.fr}' (source: {term.source}), or add the form you used to fr_forms "
            f"of term '{term.id}' in content/terminology.yaml"))
    return findings


def check_french_terms(table: Terminology, english: str | None, french: str) -> list[TermFinding]:
    """Every term the French text misses (given its English) or uses in an avoided form."""
    return TermLint(table).findings(english, french)
