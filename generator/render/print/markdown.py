"""Markdown to Typst: serializes the element tree of `parse_markdown` (the site's own parse).

Elements become calls to the print library (`pk-p`, `pk-callout`, `pk-table`, ...) or
Typst's own functions (`emph`, `strong`, `link`, `list`, `enum`, `raw`); every run of
text becomes a string literal (`typst_code.text`), so content is always text, set first
in the PDF language's typography (`RenderContext.typeset`; code keeps its own characters).
Inline references become cross-references with page numbers when the target is
printed in the same PDF, emphasised names otherwise; a quote cited alone in its
paragraph prints whole, attributed, as on the site.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from functools import lru_cache

from generator.model.quote import Quote
from generator.render.markup import REF_ID, REF_KIND, parse_markdown
from generator.render.palette import palette
from generator.render.print.blocks import quote
from generator.render.print.context import RenderContext
from generator.render.print.sourcemap import mark, opening_of
from generator.render.print.typst_code import EMPTY, Code, blocks, call, seq, string, text

# Ordinary white space, collapsed as a paragraph does (never a no-break space typed or typeset).
_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_ASCII_SPACE = " \t\n\r\f\v"
_HEADING = re.compile(r"^h([1-6])$")
_PRINT_LINK = re.compile(r"^(?:https?://|mailto:)")
MAX_NESTING = 8  # lists, quotes and callouts inside one another (Typst stops near 16 quotes)
# Markdown's column alignments to Typst's.
_ALIGN = {"left": "left", "right": "right", "center": "center"}


@lru_cache(maxsize=8192)
def _parse(markdown_text: str) -> etree.Element:
    """The shared parse, memoized: the same field is printed in many PDFs (trees are never changed)."""
    return parse_markdown(markdown_text)


class _Inline:
    """Builds one run of inline content: text merged, whitespace collapsed, typeset."""

    def __init__(self, typeset: Callable[[str, bool], str], continues: bool = False) -> None:
        self.parts: list[str | Code] = []
        self.typeset = typeset
        self.continues = continues  # the run follows other text (it is inside emphasis, a link...)

    def add_text(self, value: str | None) -> None:
        if value:
            if self.parts and type(self.parts[-1]) is str:
                self.parts[-1] = self.parts[-1] + value
            else:
                self.parts.append(value)

    def add_code(self, code: Code) -> None:
        self.parts.append(code)

    def build(self, strip: bool = True) -> Code:
        parts: list[str | Code] = [
            self.typeset(_SPACE.sub(" ", p), i > 0 or self.continues) if type(p) is str else p
            for i, p in enumerate(self.parts)
        ]
        if strip and parts:
            if type(parts[0]) is str:
                parts[0] = parts[0].lstrip(_ASCII_SPACE)
            if type(parts[-1]) is str:
                parts[-1] = parts[-1].rstrip(_ASCII_SPACE)
        codes = [p if isinstance(p, Code) else text(p) for p in parts if p != ""]
        return seq(codes)


def _outline_headings(parent: etree.Element) -> Iterator[etree.Element]:
    """Headings that print as headings: not those inside lists, quotes or callouts."""
    for child in parent:
        if _HEADING.match(child.tag):
            if "".join(child.itertext()).strip():
                yield child
        elif child.tag == "div" and "admonition" not in child.get("class", "").split():
            yield from _outline_headings(child)


def _heading_levels(root: etree.Element, base_level: int) -> dict[int, int]:
    """Output level of each heading (by element id): ranked below `base_level`, and never
    more than one level deeper than the heading before it (PDF/UA forbids skipped levels)."""
    headings = list(_outline_headings(root))
    used = sorted({int(h.tag[1]) for h in headings})
    rank = {level: base_level + 1 + i for i, level in enumerate(used)}
    levels: dict[int, int] = {}
    previous = base_level
    for h in headings:
        level = min(rank[int(h.tag[1])], previous + 1, 6)
        levels[id(h)] = level
        previous = level
    return levels


class MarkdownWriter:
    """Serializes Markdown fields for one PDF."""

    def __init__(self, ctx: RenderContext) -> None:
        self.ctx = ctx
        self._depth = 0  # lists, quotes and callouts open around the block being written

    # -- entry points

    def blocks(self, markdown_text: str, base_level: int = 1) -> list[Code]:
        """Block expressions for a Markdown text; its headings nest below `base_level`."""
        root = _parse(markdown_text)
        return _traced(markdown_text, list(self._children(root, _heading_levels(root, base_level))))

    def content(self, markdown_text: str, base_level: int = 1) -> Code:
        """The whole text as one content value (paragraphs separated)."""
        return blocks(self.blocks(markdown_text, base_level))

    def inline(self, markdown_text: str) -> Code:
        """A short field (a list item, a table cell): its single paragraph as inline content;
        longer text as blocks, with its headings set bold (they are not chapters here)."""
        root = _parse(markdown_text)
        children = list(root)
        if len(children) == 1 and children[0].tag == "p":
            return _traced(markdown_text, [self._inline(children[0])])[0]
        return _traced(markdown_text, [blocks(self._flow(root, {}))])[0]

    def lead_and_rest(self, markdown_text: str, base_level: int = 1) -> tuple[Code, list[Code]]:
        """The first paragraph as inline content (for a lead), and the blocks after it."""
        root = _parse(markdown_text)
        children = list(root)
        if len(children) > 1 and children[0].tag == "p":
            rest = etree.Element("div")
            rest.extend(children[1:])
            lead, *others = _traced(markdown_text, [self._inline(children[0]),
                                                    *self._children(rest, _heading_levels(rest, base_level))])
            return lead, others
        return self.inline(markdown_text), []

    # -- blocks

    def _children(self, parent: etree.Element, levels: dict[int, int]) -> Iterator[Code]:
        for child in parent:
            block = self._block(child, levels)
            if block is not None:
                yield block

    def _block(self, el: etree.Element, levels: dict[int, int]) -> Code | None:
        tag = el.tag
        if tag == "p":
            lone = _lone_quote(el)
            if lone is not None and lone in self.ctx.content.all(Quote):
                return quote(self.ctx, lone)  # a quote cited on its own line prints whole, attributed
            if len(el) == 1 and el[0].tag == "img" and not (el.text or "").strip() \
                    and not (el[0].tail or "").strip():
                figure = self._image(el[0], block=True)
                if figure is not None:
                    return figure
            return call("pk-p", self._inline(el))
        if _HEADING.match(tag):
            if not "".join(el.itertext()).strip():
                return None  # an empty heading has nothing to say (and PDF/UA refuses it)
            return call("pk-h", levels.get(id(el), 6), self._inline(el))
        if tag in ("ul", "ol", "blockquote") or (tag == "div" and "admonition" in el.get("class", "").split()):
            return self._container(el, levels)
        if tag == "table":
            return self._table(el)
        if tag == "pre":
            code = el.find("code")
            source = "".join((code if code is not None else el).itertext()).rstrip("\n")
            return call("raw", string(source), block=True)
        if tag == "hr":
            return Code("pk-hr()")
        if tag == "div":
            return blocks(self._children(el, levels))
        # Anything else inline-like standing alone (an image, a span).
        return call("pk-p", self._inline_element_only(el))

    def _container(self, el: etree.Element, levels: dict[int, int]) -> Code:
        """A list, quote or callout. Typst refuses elements nested a few dozen deep, and no
        reader follows more than a few: past MAX_NESTING, a container prints as a paragraph."""
        if self._depth >= MAX_NESTING:
            return call("pk-p", self._inline_children(el))
        self._depth += 1
        try:
            if el.tag in ("ul", "ol"):
                return self._list(el, levels)
            if el.tag == "blockquote":
                return call("pk-quote", blocks(self._flow(el, levels)), None)
            return self._callout(el, levels)
        finally:
            self._depth -= 1

    def _flow(self, el: etree.Element, levels: dict[int, int]) -> list[Code]:
        """Content of a container: its loose text and its blocks (paragraph text unwrapped)."""
        out: list[Code] = []
        if el.text and el.text.strip():
            builder = _Inline(self.ctx.typeset)
            builder.add_text(el.text)
            out.append(builder.build())
        for child in el:
            if child.tag == "p":
                out.append(self._inline(child))
            elif _HEADING.match(child.tag):
                # A heading inside a list or quote is not a chapter: set it bold.
                out.append(call("strong", self._inline(child)))
            elif child.tag in _INLINE_TAGS:
                out.append(self._inline_element_only(child))
            else:
                block = self._block(child, levels)
                if block is not None:
                    out.append(block)
            if child.tail and child.tail.strip():
                builder = _Inline(self.ctx.typeset)
                builder.add_text(child.tail)
                out.append(builder.build())
        return out

    def _list(self, el: etree.Element, levels: dict[int, int]) -> Code:
        items = [self._list_item(li, levels) for li in el if li.tag == "li"]
        if el.tag == "ol":
            start = int(el.get("start", "1") or 1)
            return call("enum", *items, start=start)
        return call("list", *items)

    def _list_item(self, li: etree.Element, levels: dict[int, int]) -> Code:
        if any(child.tag not in _INLINE_TAGS for child in li):
            return blocks(self._flow(li, levels))
        return self._inline(li)

    def _callout(self, el: etree.Element, levels: dict[int, int]) -> Code:
        classes = [c for c in el.get("class", "").split() if c != "admonition"]
        kind = classes[0] if classes else "note"
        title: Code | None = None
        body: list[Code] = []
        for child in el:
            if child.tag == "p" and "admonition-title" in child.get("class", ""):
                title = self._inline(child)
            elif child.tag == "p":
                body.append(self._inline(child))
            elif _HEADING.match(child.tag):
                body.append(call("strong", self._inline(child)))
            else:
                block = self._block(child, levels)
                if block is not None:
                    body.append(block)
        colour = palette(self.ctx.content.site.colours).callout(kind)  # the site's colours, by kind
        return call("pk-callout", kind, title, blocks(body), colour)

    def _table(self, el: etree.Element) -> Code:
        rows = [tr for tr in el.iter("tr")]
        if not rows:
            return EMPTY
        cells = [[self._inline(cell) for cell in tr if cell.tag in ("th", "td")] for tr in rows]
        width = max(len(row) for row in cells)
        cells = [row + [EMPTY] * (width - len(row)) for row in cells]
        has_header = el.find("thead") is not None
        header = cells[0] if has_header else [EMPTY] * width
        body = cells[1:] if has_header else cells
        columns = Code("(" + ", ".join(["1fr"] * width) + ")")
        # Column alignment (`|--:|`) is on every cell; the first row says it for the column.
        aligns = [cell.get("align", "") for cell in rows[0] if cell.tag in ("th", "td")]
        if not any(a in _ALIGN for a in aligns):
            return call("pk-table", columns, header, body)
        aligns += [""] * (width - len(aligns))
        align = Code("(" + ", ".join(_ALIGN.get(a, "start") for a in aligns) + ",)")
        return call("pk-table", columns, header, body, align=align)

    # -- inline

    def _inline(self, el: etree.Element) -> Code:
        builder = _Inline(self.ctx.typeset)
        builder.add_text(el.text)
        for child in el:
            builder.add_code(self._inline_element_only(child))
            builder.add_text(child.tail)
        return builder.build()

    def _inline_children(self, el: etree.Element) -> Code:
        builder = _Inline(self.ctx.typeset, continues=True)
        builder.add_text(el.text)
        for child in el:
            builder.add_code(self._inline_element_only(child))
            builder.add_text(child.tail)
        return builder.build(strip=False)

    def _inline_element_only(self, el: etree.Element) -> Code:
        """One inline element, without its tail."""
        tag = el.tag
        if tag in ("em", "i"):
            return call("emph", self._inline_children(el))
        if tag in ("strong", "b"):
            return call("strong", self._inline_children(el))
        if tag == "code":
            return call("raw", string("".join(el.itertext())))
        if tag == "br":
            return Code("linebreak()")
        if tag == "a":
            kind, entity_id = el.get(REF_KIND), el.get(REF_ID)
            if kind and entity_id:
                label = "".join(el.itertext()).strip() or None
                return self.ctx.ref(kind, entity_id, label)
            href = el.get("href", "")
            body = self._inline_children(el)
            if _PRINT_LINK.match(href):
                if not "".join(el.itertext()).strip():
                    body = string(href)
                return call("link", string(href), body)
            return body  # a site-relative link means nothing on paper
        if tag == "img":
            return self._image(el, block=False) or call("emph", text(self.ctx.typeset(el.get("alt", ""), True)))
        return self._inline_children(el)

    def _image(self, el: etree.Element, *, block: bool) -> Code | None:
        """A local image of the project, with its alternative text (PDF/UA requires one)."""
        src = el.get("src", "")
        path = self.ctx.add_asset(src)
        if path is None:
            return None
        alt = el.get("alt", "").strip() or src.rsplit("/", 1)[-1]
        if block:
            return call("pk-picture", path, text(alt))
        return call("box", call("image", path, alt=text(alt), height=Code("1.2em")))


def _traced(markdown_text: str, codes: list[Code]) -> list[Code]:
    """`codes`, each marked with the field `markdown_text` was read from (see `sourcemap`)."""
    opening = opening_of(markdown_text)
    return [Code(mark(code, opening)) for code in codes] if opening is not None else codes


def _lone_quote(el: etree.Element) -> str | None:
    """The id of the quote a paragraph cites and says nothing else around."""
    children = list(el)
    if len(children) != 1 or (el.text or "").strip():
        return None
    child = children[0]
    if child.tag != "a" or child.get(REF_KIND) != "quote" or (child.tail or "").strip():
        return None
    return child.get(REF_ID)


_INLINE_TAGS = {"em", "i", "strong", "b", "code", "br", "a", "img", "span"}
