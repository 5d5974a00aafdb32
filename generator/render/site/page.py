"""A generated page: its source path, title and Markdown, and how the Markdown is framed."""

from __future__ import annotations

import json
from dataclasses import dataclass

from generator.render.site.context import SiteContext
from generator.render.site.html import esc, md_escape


@dataclass(frozen=True)
class Page:
    """One generated Markdown page; `title` is plain text (escaped where it is written)."""

    src: str
    title: str
    markdown: str
    kind: str


def heading(text: str, anchor: str, level: int = 2) -> str:
    """A Markdown heading with a stable id (needs the attr_list extension)."""
    return f"{'#' * level} {md_escape(text)} {{ #{anchor} }}"


def section(ctx: SiteContext, key: str, body: str, anchor: str | None = None,
            level: int = 2) -> str:
    """A titled section (a UI string as title); empty when `body` is empty."""
    if not body.strip():
        return ""
    return heading(ctx.raw(key), anchor or key.replace("_", "-"), level) + "\n\n" + block(body)


def block(html: str) -> str:
    """Raw HTML as one Markdown block: wrapped in a div, no blank line inside."""
    lines = [line for line in html.split("\n") if line.strip()]
    return '<div class="pk-block" markdown="0">\n' + "\n".join(lines) + "\n</div>"


def make_page(ctx: SiteContext, kind: str, title: str, parts: list[str], *,
              description: str = "", hide: tuple[str, ...] = (), lead: str = "") -> Page:
    """Front matter, the H1 and the body parts, separated by blank lines."""
    meta = [f"title: {json.dumps(esc(title), ensure_ascii=False)}"]
    if description:
        meta.append(f"description: {json.dumps(esc(description), ensure_ascii=False)}")
    if hide:
        meta.append("hide:\n" + "\n".join(f"  - {h}" for h in hide))
    meta.append(f"pk_kind: {kind}")
    body = [f"# {md_escape(title)}"]
    if lead:
        body.append(block(f'<p class="pk-lead">{lead}</p>'))
    body.extend(p for p in parts if p.strip())
    markdown = "---\n" + "\n".join(meta) + "\n---\n\n" + "\n\n".join(body) + "\n"
    return Page(ctx.page, title, markdown, kind)
