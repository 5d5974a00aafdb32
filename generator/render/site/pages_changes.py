"""The "What changed" page: the content's latest commits, newest first (template `changes.md`).

It reads the `History` the app layer read from git, never git itself. Each file a commit
touched is named by its kind and, while the entity is still in the content, linked to
where the site shows it (a catalog file to the page that shows its entries); a file that
commit deleted, or that is gone since, is named plainly. Commit subjects are plain text.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.history import Commit, History, Touched
from generator.model.registry import BY_NAME, LISTED_KINDS, Anchor, OwnPage
from generator.render.site import urls
from generator.render.site.context import SiteContext
from generator.render.site.page import Page, render_page

MAX_TOUCHED = 30
"""Files listed per commit; the others are counted ("and 12 more files")."""


@dataclass(frozen=True)
class TouchedRow:
    """One file a commit touched, as the page names it."""

    touched: Touched
    kind_key: str  # message key of its kind ('changes_kind_practice'); 'changes_file' for another file
    name: str  # plain text: the entity's name while it exists, else its id, else the file's path
    href: str | None  # link from this page to where the site shows it now; None: named plainly


@dataclass(frozen=True)
class Change:
    """One commit and the files it touched (at most MAX_TOUCHED of them), with how many more."""

    commit: Commit
    rows: tuple[TouchedRow, ...]
    more: int


def _catalog_page(ctx: SiteContext, catalog: str) -> str | None:
    """The page that shows a catalog file's entries (framework.yaml -> the framework page)."""
    if catalog == "evidence":
        return urls.EVIDENCE if ctx.content.evidence is not None else None
    for listed, stored in LISTED_KINDS:
        if stored.catalog == catalog:
            if isinstance(listed.url, Anchor):
                return listed.url.page
            if isinstance(listed.url, OwnPage):
                return listed.index
    return None


def _row(ctx: SiteContext, touched: Touched) -> TouchedRow:
    if touched.kind is None:
        return TouchedRow(touched, "changes_file", touched.path, None)
    key = f"changes_kind_{touched.kind}"
    if touched.id is None:  # a catalog file
        page = None if touched.deleted else _catalog_page(ctx, touched.kind)
        return TouchedRow(touched, key, touched.path, ctx.href_page(page) if page else None)
    kind = BY_NAME[touched.kind]
    if touched.deleted or touched.id not in ctx.content.all(kind):
        return TouchedRow(touched, key, touched.id, None)
    return TouchedRow(touched, key, ctx.title_of(kind.name, touched.id), ctx.href(kind.name, touched.id))


def render_changes(ctx: SiteContext, history: History) -> Page:
    """The latest commits that touched content/, or the sentence that says why there are none."""
    changes = [Change(commit, tuple(_row(ctx, t) for t in commit.touched[:MAX_TOUCHED]),
                      max(0, len(commit.touched) - MAX_TOUCHED))
               for commit in history.commits]
    if changes:
        lead = ctx.s("changes_intro")
    else:
        lead = ctx.s(f"changes_{history.absent.value}" if history.absent is not None else "changes_none")
    return render_page(ctx, "changes.md", "changes", ctx.raw("changes"), lead=lead, changes=changes,
                       truncated=history.truncated, limit=history.limit)
