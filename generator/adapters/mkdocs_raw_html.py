"""Generated pages in MkDocs without a second parse of what the generator already wrote.

MkDocs hands each page's Markdown to the plugin (`page_markdown`), renders it, and hands the
HTML back (`page_content`). For a generated page, its HTML blocks leave the Markdown for
placeholders (`render.site.raw_blocks`) and come back into the HTML afterwards; when the
page's headings are plain text and `mkdocs.yml` uses only extensions that leave them as
Markdown's core writes them, the page's `render` is replaced for this build by one that sets
what MkDocs' own sets (content, table of contents, title, anchors) from that HTML, with no
Markdown at all. A page of another shape is parsed whole, as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.render.site.raw_blocks import (
    Rendered,
    anchor_ids,
    join_raw_blocks,
    placeholder_token,
    render_headings,
    split_raw_blocks,
)

# Extensions that leave a page of plain headings and placeholder paragraphs as Markdown's
# core writes it (abbr too, for headings that hold none of its words).
_PLAIN_EXTENSIONS = frozenset({"toc", "attr_list", "md_in_html", "tables", "fenced_code", "admonition", "abbr"})


def _plain_headings_config(config: MkDocsConfig) -> bool:
    names = {str(extension) for extension in config.markdown_extensions}
    toc = dict(config.mdx_configs.get("toc", {}))
    return names <= _PLAIN_EXTENSIONS and set(toc) <= {"permalink"} and not toc.get("permalink")


def _publish_rendered(page: Page, rendered: Rendered) -> None:
    """What `Page.render` sets, from HTML written without Markdown's parse."""
    page.content = rendered.html
    page.toc = get_toc(rendered.toc_tokens)  # type: ignore[arg-type]
    page._title_from_render = rendered.title
    page.present_anchor_ids = set(_ids(rendered.toc_tokens))
    page.links_to_anchors = {}


def _ids(tokens: list[dict[str, Any]]) -> Iterator[str]:
    for token in tokens:
        yield str(token["id"])
        yield from _ids(token.get("children", []))


class RawHtml:
    """One build's generated pages: their HTML blocks kept aside while MkDocs renders the rest."""

    def __init__(self) -> None:
        self.token = placeholder_token()
        self._kept: dict[str, tuple[str, list[str]]] = {}  # page -> (its Markdown, its blocks)

    def page_markdown(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        """The Markdown MkDocs is to render: the page's headings and a placeholder per block."""
        split = split_raw_blocks(markdown, self.token)
        if split is None:
            return markdown
        self._kept[page.file.src_uri] = (markdown, split[1])
        if _plain_headings_config(config):
            glossary = config.mdx_configs.get("abbr", {}).get("glossary", {})
            rendered = render_headings(split[0], self.token, glossary)
            if rendered is not None:  # what Markdown would make of it, without its parse
                page.render = lambda config, files: _publish_rendered(page, rendered)  # type: ignore[method-assign]
        return split[0]

    def page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The blocks back in place; their ids count as the page's anchors (MkDocs checks links to them)."""
        kept = self._kept.pop(page.file.src_uri, None)
        if kept is None:
            return html
        markdown, blocks = kept
        joined = join_raw_blocks(html, blocks, self.token)
        if joined is None:  # an extension of mkdocs.yml changed a placeholder: parse the page whole
            page.__dict__.pop("render", None)  # MkDocs' own render again
            page.markdown = markdown
            page.render(config, files)
            return str(page.content)
        page.present_anchor_ids = (page.present_anchor_ids or set()) | anchor_ids(blocks)
        return joined
