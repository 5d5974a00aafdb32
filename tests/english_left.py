"""Find partnerkit's or Material's English interface wording on a built French page.

The English of every catalog message that French words differently, cut at its
{placeholders} into literal runs, and Material's English strings, are looked for in the
page's text (outside elements marked with another `lang`, such as a quote shown in the
English it was published in), in its attributes people read (aria-label, title, alt,
placeholder) and in its inline scripts (the browser scripts' strings). Runs of two words or
more are looked for anywhere; single words only in headings, navigation, buttons, labels and
table headers, where a lone English word would be interface.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import material

from generator.messages.catalog import SHIPPED, placeholders

_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
_INTERFACE_TAGS = {"h1", "h2", "h3", "h4", "nav", "button", "label", "th", "dt", "summary", "caption", "legend"}
_READ_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _runs(text: str) -> list[str]:
    """The literal runs of a message between its placeholders, trimmed of punctuation."""
    literal = re.split(r"\{[^}]*\}", text) if placeholders(text) else [text]
    return [run.strip(" :;,.·—–-()«»\"'") for run in literal if re.search(r"[A-Za-z]{3}", run)]


def _material(lang: str) -> dict[str, str]:
    """Material's own strings in `lang`, by key."""
    return dict(re.findall(r'"([a-z.]+)": "([^"]+)"', (_LANGUAGES / f"{lang}.html").read_text(encoding="utf-8")))


@cache
def english_wording() -> tuple[frozenset[str], frozenset[str]]:
    """(phrases of two words or more, single words) that only English uses."""
    english, french = SHIPPED["en"], SHIPPED["fr"]
    runs = {run for key, text in english.items()
            if french.get(key) != text and not key.startswith("date_") for run in _runs(text)}
    material_en = _material("en")
    runs |= {run for key, text in material_en.items()
             if key not in {"language", "search.config.lang", "search.config.pipeline", "search.config.separator"}
             for run in _runs(text.replace("#", "{n}"))}
    french_texts = " ".join([*french.values(), *_material("fr").values()])
    runs = {run for run in runs if run and run not in french_texts}  # "Documents", "Source": French too
    phrases = frozenset(run for run in runs if len(run.split()) >= 2)
    words = frozenset(run for run in runs if len(run.split()) == 1 and len(run) >= 4)
    return phrases, words


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []  # (tag, lang)
        self.text: list[str] = []
        self.interface: list[str] = []
        self.scripts: list[str] = []

    def _foreign(self) -> bool:
        """Inside an element whose language is not the page's (`<html lang>`)."""
        langs = [lang for _, lang in self.stack if lang is not None]
        return len(langs) > 1 and langs[-1].split("-")[0] != langs[0].split("-")[0]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag not in _VOID:
            self.stack.append((tag, values.get("lang")))
        if not self._foreign():
            self.interface += [v for k, v in attrs if k in _READ_ATTRIBUTES and v]

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        tags = {tag for tag, _ in self.stack}
        if "script" in tags:
            self.scripts.append(data)
        elif "style" not in tags and not self._foreign():
            self.text.append(data)
            if tags & _INTERFACE_TAGS:
                self.interface.append(data)


def english_on_page(path: Path) -> list[str]:
    """Every English interface phrase or word found on the French page at `path`."""
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    phrases, words = english_wording()
    text = " ".join(" ".join(page.text).split())
    scripts = " ".join(page.scripts)
    found = sorted(p for p in phrases if p in text or p in scripts or any(p in a for a in page.interface))
    interface = " ".join(page.interface)
    found += sorted(w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", interface))
    return found
