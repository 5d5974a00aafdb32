"""Where every generated page lives, and relative links between pages.

Pages are named by source path (`practices/secure-funds.md`), as MkDocs names them.
Links are written into HTML the generator builds itself, so they are computed here
for both URL styles MkDocs offers (`a/b/` with directory URLs, `a/b.html` without).
Where each kind is shown (its own pages, an anchor on a shared page, its index) is
read from the kind registry (`generator.model.registry`).
"""

from __future__ import annotations

import posixpath

from generator.model.registry import KINDS, WITH_PAGES, Anchor

# Kinds with one page per entity, and the folder of their pages.
ENTITY_FOLDERS: dict[str, str] = {kind.name: page.folder for kind, page in WITH_PAGES}

HOME = "index.md"
FRAMEWORK = "framework/index.md"
QUOTES = "quotes.md"
GLOSSARY = "glossary.md"
REFERENCES = "references.md"
ABOUT = "about.md"
CHANGES = "changes.md"  # What changed: the content's git history
EVIDENCE = "evidence.md"  # only when the content has an evidence page (content/evidence.yaml)
DOWNLOADS = "downloads.md"
TRAINING_SUMMARY = "training/summary.md"
# The page that lists a kind, for the kinds that have one.
INDEXES: dict[str, str] = {kind.name: kind.index for kind in KINDS if kind.index is not None}

# Kinds that live as an anchor on a shared page: (page, anchor prefix).
ANCHORED: dict[str, tuple[str, str]] = {
    kind.name: (kind.url.page, kind.url.prefix) for kind in KINDS if isinstance(kind.url, Anchor)
}


def entity_page(kind: str, entity_id: str) -> str | None:
    """Source path of an entity's own page, or None when the kind has none."""
    folder = ENTITY_FOLDERS.get(kind)
    return f"{folder}/{entity_id}.md" if folder else None


def target(kind: str, entity_id: str) -> tuple[str, str] | None:
    """(page, anchor) where an entity is shown; None when the site does not show the kind."""
    page = entity_page(kind, entity_id)
    if page:
        return page, ""
    if kind in ANCHORED:
        page, prefix = ANCHORED[kind]
        return page, prefix + entity_id
    return None


def _relpath(target: str, base_dir: str) -> str:
    """posixpath.relpath for site-relative paths, without touching the file system."""
    target_parts = [p for p in target.split("/") if p]
    base_parts = [p for p in base_dir.split("/") if p]
    common = 0
    while (common < len(target_parts) and common < len(base_parts)
           and target_parts[common] == base_parts[common]):
        common += 1
    parts = [".."] * (len(base_parts) - common) + target_parts[common:]
    return "/".join(parts) or "."


def page_url(src: str, directory_urls: bool) -> str:
    """The URL MkDocs gives a page, relative to the site root ('' for the home page)."""
    stem = src[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def href(from_src: str, to_src: str, anchor: str, directory_urls: bool) -> str:
    """A link from one page to another (or to an anchor on the same page)."""
    fragment = f"#{anchor}" if anchor else ""
    if from_src == to_src:
        return fragment or "#"
    here = page_url(from_src, directory_urls)
    there = page_url(to_src, directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    rel = _relpath(there, base)
    if directory_urls and (there.endswith("/") or not there):
        rel = rel.rstrip("/") + "/"
        if rel == "./":
            rel = "./"
    return rel + fragment


def href_static(from_src: str, path: str, directory_urls: bool) -> str:
    """A link from a page to a file of the site (a PDF, an image), by its site path."""
    here = page_url(from_src, directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    return _relpath(path, base)
