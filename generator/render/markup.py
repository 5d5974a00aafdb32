"""Parse content Markdown once into an element tree that both the site and print render.

The dialect is Python-Markdown with tables, admonitions and sane lists. Content text
is always text: raw HTML is not recognised (a `<script>` stays visible text), HTML
entities are not expanded, attribute lists are not enabled, link targets are limited
to http(s), mailto and relative addresses, and images may only be local files.

Python-Markdown's post-processors never run here (they work on serialized HTML), so
what the built-in processors leave for them is done on the tree instead: an email
autolink `<name@example.org>` is a plain `mailto:` link whose text is the address (the
built-in one hides it as entities for a post-processor to restore), and code keeps its
own characters (the built-in processors store `<` and `&` already escaped).

Inline references `[[kind:id]]` and `[[kind:id|label]]` become `<a>` elements with
`data-pk-kind` and `data-pk-id` attributes and no `href`; each renderer decides what
they point to (a page URL on the site, a labelled cross-reference in print).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from functools import lru_cache

import markdown
from markdown.inlinepatterns import AUTOMAIL_RE, InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from generator.model.text import INLINE_REF

REF_KIND = "data-pk-kind"
REF_ID = "data-pk-id"
# Allowed link targets: web, mail, in-page anchors and relative paths (no javascript:, data:, ...).
_SAFE_HREF = re.compile(r"^(?:https?://|mailto:|#|(?![a-zA-Z][a-zA-Z0-9+.-]*:)[^\s]*$)")
# A local image: no scheme, no '//host'; spaces only inside (`![alt](<images/a b.png>)`).
_LOCAL_SRC = re.compile(r"^(?![a-zA-Z][a-zA-Z0-9+.-]*:)(?!//)\S(?:[^\r\n]*\S)?$")


class _InlineRefProcessor(InlineProcessor):
    """`[[kind:id|label]]` -> <a data-pk-kind=kind data-pk-id=id>label</a>."""

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        element = etree.Element("a", {REF_KIND: m.group(1), REF_ID: m.group(2)})
        if m.group(3):
            element.text = m.group(3).strip()
        return element, m.start(0), m.end(0)


class _AutomailProcessor(InlineProcessor):
    """`<name@example.org>` -> <a href="mailto:name@example.org">name@example.org</a>."""

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        address = m.group(1).removeprefix("mailto:")
        element = etree.Element("a", {"href": f"mailto:{address}"})
        element.text = AtomicString(address)
        return element, m.start(0), m.end(0)


# What `markdown.util.code_escape` wrote, undone in reverse order ("&amp;lt;" -> "&lt;").
_CODE_UNESCAPE = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))


class _PlainCode(Treeprocessor):
    """Code text as the author wrote it: both serializers escape text themselves."""

    def run(self, root: etree.Element) -> None:
        for code in root.iter("code"):
            if code.text:
                text = code.text
                for escaped, char in _CODE_UNESCAPE:
                    text = text.replace(escaped, char)
                code.text = AtomicString(text)


class _SafeLinks(Treeprocessor):
    """Drop unsafe link targets and remote images (the site must make no outside request)."""

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            href = link.get("href")
            if href is not None and not _SAFE_HREF.match(href):
                del link.attrib["href"]
        for image in list(root.iter("img")):
            src = image.get("src", "")
            if not _LOCAL_SRC.match(src):
                image.tag = "span"
                image.text = image.get("alt", "")
                image.attrib.clear()


class _ContentDialect(markdown.Extension):
    """The project's Markdown dialect for content fields."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.deregister("entity")
        md.inlinePatterns.register(_InlineRefProcessor(INLINE_REF.pattern, md), "pk_ref", 175)
        md.inlinePatterns.register(_AutomailProcessor(AUTOMAIL_RE, md), "automail", 110)
        md.treeprocessors.register(_PlainCode(md), "pk_plain_code", 1)
        md.treeprocessors.register(_SafeLinks(md), "pk_safe_links", 0)


EXTENSIONS = ["tables", "admonition", "sane_lists"]
# Column alignment (`|:--|--:|:-:|`) as `align="left|right|center"` on each cell, never a
# `style` attribute: both renderers read it, and Material's table styles honour it.
EXTENSION_CONFIGS = {"tables": {"use_align_attribute": True}}


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=[*EXTENSIONS, _ContentDialect()],
                             extension_configs=EXTENSION_CONFIGS)


def parse_markdown(text: str) -> etree.Element:
    """Parse Markdown text into a `<div>` element tree (the same tree for HTML and Typst)."""
    md = _markdown()
    md.reset()
    lines = text.split("\n")
    for preprocessor in md.preprocessors:
        lines = preprocessor.run(lines)
    root = md.parser.parseDocument(lines).getroot()
    assert root is not None  # parseDocument always builds a root <div>
    for treeprocessor in md.treeprocessors:
        replaced = treeprocessor.run(root)
        if replaced is not None:
            root = replaced
    return root


# One line that starts with a letter and holds none of the characters the dialect's syntax
# starts with (no emphasis, code, link, image, autolink, escape; no block syntax, which
# needs another first character or another line). References `[[kind:id|label]]` are
# matched before any of those, so they may sit anywhere after the first letter.
_PLAIN_LINE = re.compile(r"[^\W\d_][^\\`*_\[\]<>]*")
_SYNTAX = re.compile(r"[\\`*_\[\]<>]")

# A paragraph of plain text and references: text, or (kind, id, label or None) per reference.
Segment = str | tuple[str, str, str | None]


def plain_segments(text: str) -> list[Segment] | None:
    """The text and references of a value that parses to one paragraph of them and nothing
    else, in order, so a renderer may skip the parse (most short values are such
    sentences); None when the value needs the parse."""
    if not text.isprintable() or text != text.rstrip():
        return None
    segments: list[Segment] = []
    skeleton: list[str] = []
    last = 0
    for m in INLINE_REF.finditer(text):
        kind, ident, label = m.group(1), m.group(2), m.group(3)
        if "\\" in ident or "`" in ident or (label is not None and _SYNTAX.search(label)):
            return None  # read by code and escapes before references, or a label with syntax of its own
        segments += [text[last:m.start()], (kind, ident, label.strip() or None if label else None)]
        skeleton += [text[last:m.start()], "0"]  # not a letter: a value that starts with a reference is parsed
        last = m.end()
    segments.append(text[last:])
    skeleton.append(text[last:])
    return segments if _PLAIN_LINE.fullmatch("".join(skeleton)) else None


def inline_refs(root: etree.Element) -> list[etree.Element]:
    """Every inline reference element in the tree, in document order."""
    return [element for element in root.iter("a") if element.get(REF_KIND)]
