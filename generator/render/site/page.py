"""A generated page: its source path, title and Markdown, rendered by the page's template.

Each `render_<kind>` function computes what its page needs and hands it to
`render_page`, which renders the page's template (`practice.md`, `home.md`, ...; see
`templating.py`): the template extends `base.md`, which writes the front matter, the H1
and the lead from `page`, and fills its `body` block with sections and HTML blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from generator.model.program import Process, ProcessStep
from generator.render.site.context import SiteContext


@dataclass(frozen=True)
class Page:
    """One generated Markdown page; `title` is plain text (escaped where it is written)."""

    src: str
    title: str
    markdown: str
    kind: str


@dataclass(frozen=True)
class PageMeta:
    """What `base.md` writes of every page: front matter (title, description, hide, kind) and lead."""

    kind: str
    title: str  # plain text
    description: str = ""  # plain text
    hide: tuple[str, ...] = ()
    lead: Markup | None = None  # HTML


# Blank lines left by parts that rendered empty: the page keeps one between two parts.
_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n)+")


def frame(markdown: str) -> str:
    """The Markdown as written to the page: parts one blank line apart, one newline at the end."""
    return _BLANK_RUN.sub("\n\n", markdown).strip("\n") + "\n"


def render_page(ctx: SiteContext, template: str, kind: str, title: str, *, description: str = "",
                hide: tuple[str, ...] = (), lead: Markup | None = None, **values: object) -> Page:
    """The page `ctx` writes, rendered by `template` with `values` (and `ctx`, `page`)."""
    meta = PageMeta(kind, title, description, hide, lead)
    markdown = ctx.templates.render(template, {**values, "ctx": ctx, "page": meta})
    return Page(ctx.page, title, frame(markdown), kind)

def steps_naming(ctx: SiteContext, entity_id: str, attribute: str) -> list[tuple[str, int, ProcessStep]]:
    """(process id, step number, step) of every process step whose `attribute` lists `entity_id`."""
    return [(process.id, number, step)
            for process in ctx.content.all(Process).values()
            for number, step in enumerate(process.steps, start=1)
            if entity_id in getattr(step, attribute)]
