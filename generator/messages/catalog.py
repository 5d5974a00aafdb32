"""The one message catalog: every word partnerkit writes around content, in every shipped language.

`en.yaml` and `fr.yaml` beside this module each hold one flat mapping, key -> text, for the
site, the printed documents, the figures and the browser scripts alike. Texts are
`str.format` templates (`"{n} min"`). A project may override any key per language
(`strings/<lang>.yaml`, loaded by `generator.loading.messages`, checked by
`generator.checks.messages`); the overrides travel in `Content.messages` and every renderer
passes them to `message`, the one lookup.

A text is looked up in the project's overrides for the language, then the shipped catalog
of that language, then (for a language partnerkit does not ship) the project's English and
the shipped English. Language names (`lang_<code>`), dates and numbers come from Babel's
CLDR data for the language rather than from tables.

The shipped files are partnerkit's own, read once at import with PyYAML's base loader
(every scalar stays a string); `tests/test_messages.py` reads them again with the
project's strict reader and holds every language to the same keys and placeholders.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal

Overrides = Mapping[str, Mapping[str, str]]
"""A project's own texts: language -> key -> text."""

NO_OVERRIDES: Overrides = MappingProxyType({})
FALLBACK = "en"
LANGUAGE_PREFIX = "lang_"  # `lang_fr`: the name of French in the page's language, from Babel
DATE_KEY = "date_long"  # a CLDR date pattern, not a template

_BASE_LOADER: type = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def _load_shipped() -> Mapping[str, Mapping[str, str]]:
    tables: dict[str, Mapping[str, str]] = {}
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            data = yaml.load(entry.read_text(encoding="utf-8"), Loader=_BASE_LOADER)  # strings only, no tags
            tables[entry.name.removesuffix(".yaml")] = MappingProxyType(dict(data))
    return MappingProxyType(tables)


SHIPPED: Mapping[str, Mapping[str, str]] = _load_shipped()
"""The shipped catalog: language -> key -> text."""


def template(lang: str, key: str, overrides: Overrides = NO_OVERRIDES) -> str:
    """The text of `key` in `lang` with its `{placeholders}` left as they are (for scripts)."""
    own = overrides.get(lang)
    if own is not None and key in own:
        return own[key]
    shipped = SHIPPED.get(lang)
    if shipped is not None and key in shipped:
        return shipped[key]
    if key.startswith(LANGUAGE_PREFIX) and key not in SHIPPED[FALLBACK]:
        name = language_name(lang, key[len(LANGUAGE_PREFIX):])
        if name is not None:
            return name
    english = overrides.get(FALLBACK)
    if english is not None and key in english:
        return english[key]
    return SHIPPED[FALLBACK][key]  # KeyError: partnerkit asked for a key it does not ship (a bug)


def message(lang: str, key: str, overrides: Overrides = NO_OVERRIDES, /, **values: object) -> str:
    """The text of `key` in `lang`, with `values` filled in (numbers written the language's way)."""
    text = template(lang, key, overrides)
    if not values:
        return text
    return text.format_map({name: _localized(lang, value) for name, value in values.items()})


def has(key: str) -> bool:
    """True when `key` is a message: shipped, or the name of a language Babel knows."""
    if key in SHIPPED[FALLBACK]:
        return True
    return key.startswith(LANGUAGE_PREFIX) and language_name(FALLBACK, key[len(LANGUAGE_PREFIX):]) is not None


def keys() -> frozenset[str]:
    """Every shipped key."""
    return frozenset(SHIPPED[FALLBACK])


def placeholders(text: str) -> frozenset[str]:
    """The `{names}` a template fills in; ValueError when its braces do not pair up."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


@lru_cache(maxsize=64)
def locale(lang: str) -> Locale | None:
    """Babel's locale for a language code; None when CLDR does not know it."""
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return None


def language_name(lang: str, code: str) -> str | None:
    """The name of language `code` written in `lang` ('French', 'anglais'); None if unknown."""
    where = locale(lang) or locale(FALLBACK)
    assert where is not None
    name: str | None = where.languages.get(code)
    return name


@lru_cache(maxsize=4096)
def format_number(lang: str, value: int | float, decimals: int | None = None) -> str:
    """A number as `lang` writes it: 1,234.5 in English, 1 234,5 in French (grouped by a
    no-break space, as CLDR says); with `decimals`, always that many digits after the
    decimal mark (1.0, 1,0)."""
    where = locale(lang)
    if decimals is not None:
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        return f"{value:.{decimals}f}" if where is None else format_decimal(value, pattern, locale=where)
    return str(value) if where is None else format_decimal(value, locale=where)


def _localized(lang: str, value: object) -> object:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(lang, value)
    return value


# The day field of a CLDR pattern (a lone `d`, not `dd`, not inside quotes).
_DAY = re.compile(r"(?<![d'])d(?![d'])")


def long_date(moment: date, lang: str, overrides: Overrides = NO_OVERRIDES) -> str:
    """'26 November 2026', '1er mai 2021': the catalog's `date_long` pattern for the language
    (Babel's long format for a language partnerkit does not ship); ISO for a language CLDR
    does not know."""
    where = locale(lang)
    if where is None:
        return date(moment.year, moment.month, moment.day).isoformat()
    own = overrides.get(lang, {})
    pattern = own.get(DATE_KEY) or SHIPPED.get(lang, {}).get(DATE_KEY) or where.date_formats["long"].pattern
    if where.language == "fr" and moment.day == 1:
        # French writes the first of the month as an ordinal, "1er mai 2021" (Quebec and France
        # alike); CLDR's French patterns say "1 mai 2021", so the rule is kept here.
        pattern = _DAY.sub("d'er'", pattern, count=1)
    return format_date(date(moment.year, moment.month, moment.day), pattern, locale=where)
