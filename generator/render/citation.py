"""Short citations of references ("Clavel et al. (2019)"), the same on the site and in print.

Authors are written as in `content/references.yaml`: a person as 'Family Initials'
('Clavel N', 'Pomey M-P', 'van der Berg J'), an organization by its name ('Health
Quality Ontario'). The two are told apart by the last word: initials are capitals,
optionally hyphenated or dotted ('N', 'DP', 'M-P', 'J.-F.'); an author whose last word
is anything else is an organization, cited whole. A person is cited by the family name,
all the words before the initials.
"""

from __future__ import annotations

import re

from generator.model.catalog import Reference

# 'N', 'DP', 'M-P', 'J.-F.', 'É': one to four capitals, with hyphens or dots between.
_INITIALS = re.compile(r"^(?:[^\W\d_a-z]\.?-?){1,4}$")
# "et al." written as an author (a list cut short) is not an author to cite.
_ET_AL = {"et al", "et al."}


def is_organization(author: str) -> bool:
    """True when `author` is not written 'Family Initials' (see the module docstring)."""
    words = author.split()
    return len(words) < 2 or not _is_initials(words[-1])


def _is_initials(word: str) -> bool:
    return bool(_INITIALS.match(word)) and word.upper() == word


def cited_name(author: str) -> str:
    """How an author is named in a citation: an organization whole, a person by family name."""
    if is_organization(author):
        return author.strip()
    return " ".join(author.split()[:-1])


def citation(ref: Reference, no_date: str) -> str:
    """The citation in running text: 'Family (year)', 'Family et al. (year)' or
    'Organization (year)'; the title when there is no author; `no_date` (the localized
    'n.d.') when there is no year."""
    name, year = _name_and_year(ref, no_date)
    return f"{name} ({year})"


def citation_in_parentheses(ref: Reference, no_date: str) -> str:
    """The citation inside parentheses, e.g. after a quotation: 'Family et al., year'."""
    name, year = _name_and_year(ref, no_date)
    return f"{name}, {year}"


def _name_and_year(ref: Reference, no_date: str) -> tuple[str, str]:
    authors = [a for a in ref.authors if a.strip() and a.strip().casefold() not in _ET_AL]
    year = str(ref.year) if ref.year is not None else no_date
    if not authors:
        return ref.title, year
    name = cited_name(authors[0])
    more = len(authors) > 1 or len(authors) < len(ref.authors)  # others, or "et al." written
    return (f"{name} et al." if more else name), year
