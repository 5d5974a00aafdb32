"""Escaping and serialization: how content values land in the generated pages, safely.

Every content value passes through one of three doors:
- `esc` for plain text inside HTML (and attribute values);
- `md_escape` for plain text in a Markdown line (headings, front matter titles);
- `element_html` for content Markdown, parsed once by `generator.render.markup` and
  serialized here, with `[[kind:id]]` references turned into links, abbreviations
  wrapped in `<abbr>` and local images pointed at their copy in the site
  (`paragraph_html` writes the same for a one-line value of text and references, which
  `generator.render.markup.plain_segments` tells apart, without the parse).

Both serializers set each run of text in the page's typography (`typeset`, see
`generator.typography`) before escaping it; code keeps its own characters.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping

from markupsafe import Markup, escape

from generator.render.markup import REF_ID, REF_KIND, Segment

# Characters that mean something to Markdown, written as numeric entities in headings.
_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+!|~<>&]")
_VOID = {"br", "hr", "img"}
# Markdown emits these; anything else is written as text (defence in depth).
_ALLOWED = {
    "p", "ul", "ol", "li", "em", "strong", "code", "pre", "a", "blockquote", "br", "hr",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "div",
    "span", "img", "dl", "dt", "dd", "sup", "sub", "abbr",
}
_ALLOWED_ATTRS = {"href", "title", "class", "src", "alt", "align", "start"}
# Inline elements whose text is prose, which takes abbreviations and typography (never code).
_NO_ABBR = {"code", "pre", "abbr"}
# Elements whose text starts a line (a paragraph, a cell...): any other continues the text before it.
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "blockquote", "div",
           "ul", "ol", "table", "thead", "tbody", "tr", "pre"}


def esc(text: str) -> str:
    """Escape text for HTML content or a double-quoted attribute."""
    return str(escape(text))


def md_escape(text: str) -> str:
    """Plain text safe on a Markdown line: HTML-escaped, Markdown syntax as entities."""
    escaped = esc(text)

    def _entity(m: re.Match[str]) -> str:
        char = m.group(0)
        return char if char == "&" else f"&#{ord(char)};"

    # Keep the entities esc() wrote ('&lt;'), neutralize every other special character.
    parts = re.split(r"(&(?:lt|gt|amp|quot|#\d+);)", escaped)
    return "".join(p if i % 2 else _MD_SPECIAL.sub(_entity, p) for i, p in enumerate(parts))


class Abbreviations:
    """Wraps known abbreviations in `<abbr title=...>` inside escaped text."""

    def __init__(self, expansions: Mapping[str, str]) -> None:
        self.expansions = dict(expansions)
        names = sorted(self.expansions, key=lambda a: (-len(a), a))
        self.pattern = (
            re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?=s?(?![\w-]))")
            if names else None
        )
        self._done: dict[str, Markup] = {}

    def html(self, text: str) -> Markup:
        """`text` escaped, with abbreviations marked up (each text marked up once: names recur on many pages)."""
        known = self._done.get(text)
        if known is None:
            known = self._done[text] = Markup(self._mark_up(text))
        return known

    def _mark_up(self, text: str) -> str:
        if self.pattern is None:
            return esc(text)
        out: list[str] = []
        last = 0
        for m in self.pattern.finditer(text):
            out.append(esc(text[last : m.start()]))
            abbr = m.group(1)
            out.append(f'<abbr title="{esc(self.expansions[abbr])}">{esc(abbr)}</abbr>')
            last = m.end()
        out.append(esc(text[last:]))
        return "".join(out)


# (kind, id, label or None) -> (href or None, label)
RefResolver = Callable[[str, str, str | None], tuple[str | None, str]]
# (kind, id) -> HTML shown in place of a paragraph holding nothing but that reference, or None
Embedder = Callable[[str, str], str | None]
# image src as written -> its URL from the page, or None when the site has no such image
ImageResolver = Callable[[str], str | None]
# (plain text, whether it continues the text before it) -> the text in the page's typography
Typesetter = Callable[[str, bool], str]


def _as_written(text: str, continues: bool = False) -> str:
    return text


def element_html(root: etree.Element, resolve: RefResolver, abbreviations: Abbreviations,
                 heading_base: int = 3, inner: bool = True, embed: Embedder | None = None,
                 image: ImageResolver | None = None, typeset: Typesetter = _as_written) -> str:
    """Serialize a parsed Markdown tree; `inner` drops the root <div> wrapper.

    A paragraph that holds a single reference and nothing else (`[[quote:id]]` on its own
    line) is replaced by what `embed` returns for it, e.g. the attributed quotation.
    An image shows from the URL `image` gives it; without one, its alternative text does.
    Text (never code) is set by `typeset` before it is escaped.
    """
    out: list[str] = []
    _serialize(root, _Writer(resolve, abbreviations, typeset, embed, image), heading_base, out,
               skip_tag=inner, abbr=True)
    return "".join(out)


def paragraph_html(segments: list[Segment], resolve: RefResolver, abbreviations: Abbreviations,
                   typeset: Typesetter = _as_written) -> str:
    """What `element_html` writes of the parse of a value that `plain_segments` split
    into text and references: the same HTML, without the parse."""
    out = ["\n<p>"]
    for index, segment in enumerate(segments):
        if isinstance(segment, str):
            out.append(abbreviations.html(typeset(segment, index > 0)) if segment else "")
        else:
            out.append(_ref_html(*segment, resolve, abbreviations))
    out.append("</p>\n")
    return "".join(out)


def _ref_html(kind: str, entity_id: str, label: str | None, resolve: RefResolver,
              abbreviations: Abbreviations) -> str:
    target, text = resolve(kind, entity_id, label)
    if target is None:
        return f'<span class="pk-ref">{abbreviations.html(text)}</span>'
    return f'<a href="{esc(target)}" class="pk-ref">{abbreviations.html(text)}</a>'


def _lone_ref(el: etree.Element) -> tuple[str, str] | None:
    children = list(el)
    if el.tag != "p" or len(children) != 1 or (el.text or "").strip():
        return None
    child = children[0]
    if child.tag != "a" or not child.get(REF_KIND) or (child.tail or "").strip():
        return None
    return child.get(REF_KIND, ""), child.get(REF_ID, "")


class _Writer:
    """What serializing one tree needs besides the tree: links, abbreviations, typography, embeds."""

    __slots__ = ("abbreviations", "embed", "image", "resolve", "typeset")

    def __init__(self, resolve: RefResolver, abbreviations: Abbreviations, typeset: Typesetter,
                 embed: Embedder | None, image: ImageResolver | None) -> None:
        self.resolve = resolve
        self.abbreviations = abbreviations
        self.typeset = typeset
        self.embed = embed
        self.image = image

    def text(self, text: str | None, abbr: bool, continues: bool) -> str:
        """A run of text escaped; prose (`abbr`, not code) typeset first and abbreviations marked up."""
        if not text:
            return ""
        return self.abbreviations.html(self.typeset(text, continues)) if abbr else esc(text)


def _serialize(el: etree.Element, writer: _Writer, heading_base: int, out: list[str], *,
               skip_tag: bool, abbr: bool) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    lone = _lone_ref(el) if writer.embed is not None else None
    if lone is not None and writer.embed is not None:
        embedded = writer.embed(*lone)
        if embedded is not None:
            out.append(embedded)
            out.append(writer.text(el.tail, abbr, True))
            return
    attrs = dict(el.attrib)
    if tag == "a" and attrs.get(REF_KIND):
        out.append(_ref_html(attrs[REF_KIND], attrs.get(REF_ID, ""), el.text or None, writer.resolve,
                             writer.abbreviations))
        out.append(writer.text(el.tail, abbr, True))
        return
    if tag == "img":
        url = writer.image(attrs.get("src", "")) if writer.image is not None else None
        if url is None:  # not published: its words still say what it showed
            out.append(f'<span class="pk-img-alt">{esc(writer.typeset(attrs.get("alt", ""), True))}</span>')
        else:
            out.append(f'<img src="{esc(url)}" alt="{esc(attrs.get("alt", ""))}"'
                       + (f' title="{esc(attrs["title"])}"' if attrs.get("title") else "") + ">")
        out.append(writer.text(el.tail, abbr, True))
        return
    if re.fullmatch(r"h[1-6]", tag):
        tag = f"h{min(6, int(tag[1]) - 1 + heading_base)}"
    known = tag in _ALLOWED
    if not skip_tag and known:
        attr_text = "".join(
            f' {name}="{esc(value)}"' for name, value in sorted(attrs.items())
            if name in _ALLOWED_ATTRS
        )
        out.append(f"<{tag}{attr_text}>")
    child_abbr = abbr and tag not in _NO_ABBR
    out.append(writer.text(el.text, child_abbr, tag not in _BLOCKS))
    for child in el:
        _serialize(child, writer, heading_base, out, skip_tag=False, abbr=child_abbr)
    if not skip_tag and known and tag not in _VOID:
        out.append(f"</{tag}>")
    if not skip_tag:
        out.append(writer.text(el.tail, abbr, True))
