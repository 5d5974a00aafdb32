"""The preview's rebuilds: after a save, only the pages whose output changed are built again.

`partnerkit serve` runs MkDocs' dirty builds, which build only the pages whose file says it
was modified. Each page is told here (`PreviewState.mark`) whether the last build of this
preview already wrote it as it is now: a generated page is built again when its Markdown
changed (a digest per page); every page is built again when the frame it is drawn in
changed (the navigation's shape and sections, the site's name and footer, the theme's
strings, the abbreviations). A page whose only change is the new title of a page it links
to (its menu, its tabs, its footer) keeps what the last build wrote, the new title written
into those links (`retitled_html`): a title changed in a section of hundreds of pages costs
no more than a change inside one. A page no longer generated is deleted from the preview,
and Material's search index forgets the old entries of every page built again or gone (it
drops those of one page only).

The content folders are watched with the platform's file events where watchdog has them
(inotify on Linux) rather than MkDocs' half-second polling, so a save is seen at once; the
theme's templates are compiled once per preview rather than once per rebuild.
"""

from __future__ import annotations

import hashlib
import logging
import os
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.plugins.partnerkit")
_DIRTY_NOTICE = "A 'dirty' build is being performed"


class GeneratedFile(File):
    """A page that knows whether the previous build already wrote it as it is."""

    unchanged: bool = False

    def is_modified(self) -> bool:
        """False only for a page the previous build of this preview wrote as it is now."""
        return not self.unchanged and super().is_modified()


class HandWrittenFile(GeneratedFile):
    """A page of docs/: built again when its file changed (MkDocs' own test), or when it links
    to a page whose title changed."""

    def is_modified(self) -> bool:
        """MkDocs' own test, unless a title it shows changed."""
        return not self.unchanged or File.is_modified(self)


def digest(*parts: object) -> str:
    """A digest of `parts`, by their text."""
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(repr(part).encode("utf-8"))
        hashed.update(b"\0")
    return hashed.hexdigest()


def nav_titles(nav: list[Any]) -> tuple[object, dict[str, str]]:
    """(the navigation with its pages' titles left out, each page's title by its source path).
    Sections keep their titles in the first: they are drawn without a link to follow."""
    titles: dict[str, str] = {}

    def shape(items: list[Any]) -> list[object]:
        out: list[object] = []
        for item in items:
            ((title, value),) = item.items()
            if isinstance(value, list):
                out.append((str(title), shape(value)))
            else:
                titles[str(value)] = str(title)
                out.append(str(value))
        return out

    return shape(nav), titles


_HREF = re.compile(r'href="([^"#?:]*)[#?"]')
_ANCHOR = re.compile(r"<a\b[^>]*>.*?</a>", re.DOTALL)
_ANCHOR_HREF = re.compile(r'^<a\b[^>]*?\shref="([^"#?:]*)[#?"]')


def _target(href: str, page_url: str, sources: dict[str, str]) -> str | None:
    """The source path of the page a link of the page at `page_url` leads to, by `sources`."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), href)) if href else page_url
    if target.endswith("/") or not posixpath.splitext(target)[1]:
        target = posixpath.join(target, "index.html") if target != "." else "index.html"
    return sources.get(target)


def linked_pages(html: str, page_url: str, sources: dict[str, str]) -> set[str]:
    """The source paths of the pages `html` (the page at `page_url`) links to, by `sources` (url -> source)."""
    found = {_target(href, page_url, sources) for href in set(_HREF.findall(html))}
    return {source for source in found if source is not None}


def retitled_html(html: str, page_url: str, sources: dict[str, str],
                  changes: dict[str, tuple[str, str]]) -> str:
    """The page's HTML with each title of `changes` (source -> (old, new), as HTML) replaced
    inside the links to that page: the theme writes a page's title in the menu, the tabs and
    the footer only as the text of a link to it (a link that shows other words, a section's
    name say, is left as it is)."""

    def swap(match: re.Match[str]) -> str:
        anchor = match.group(0)
        href = _ANCHOR_HREF.match(anchor)
        source = _target(href.group(1), page_url, sources) if href else None
        if source is None or source not in changes:
            return anchor
        old, new = changes[source]
        return anchor.replace(old, new)

    return _ANCHOR.sub(swap, html)


@dataclass
class PreviewState:
    """What the last successful build of this preview wrote: each page's digest, the pages each
    page links to (read off its HTML), the navigation's titles and shape, and the digest of
    the rest of the frame every page is drawn in."""

    pages: dict[str, str] = field(default_factory=dict)
    links: dict[str, set[str]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    shape: object = None
    frame: str = ""
    urls: dict[str, str] = field(default_factory=dict)  # each page's URL, by its source path
    gone: dict[str, str] = field(default_factory=dict)  # pages the last build had and this one has not
    dest: dict[str, str] = field(default_factory=dict)  # each page's file in the site, by its source path
    gone_files: list[str] = field(default_factory=list)  # the files in the site of the pages gone
    patched: dict[Path, str] = field(default_factory=dict)  # pages kept, with new titles written in
    pending: tuple[dict[str, str], dict[str, str], object, str] | None = None
    rebuilt: list[str] = field(default_factory=list)

    def mark(self, files: Iterable[GeneratedFile], markdown: dict[str, str], nav: list[Any],
             frame: str, site_dir: Path | None = None) -> list[str]:
        """Mark unchanged every page the last build wrote as it would be written now; returns
        the source paths of the pages to build again. `markdown` holds the generated pages'
        text (a hand-written page is unchanged unless its file changed or a title it links
        to did)."""
        files = list(files)
        pages = {src: digest(text) for src, text in markdown.items()}
        shape, titles = nav_titles(nav)
        present = {file.src_uri for file in files}
        self.gone = {src: url for src, url in self.urls.items() if src not in present}
        self.gone_files = [self.dest[src] for src in self.gone if src in self.dest]
        self.urls = {file.src_uri: file.url for file in files}
        self.dest = {file.src_uri: file.dest_uri for file in files}
        self.patched = {}
        self.pending = (pages, titles, shape, frame)
        everything = frame != self.frame or shape != self.shape
        retitled = {src for src in titles.keys() | self.titles.keys() if titles.get(src) != self.titles.get(src)}
        rebuilt = []
        for file in files:
            src = file.src_uri
            shown = self.links.get(src, set()) & retitled
            # A hand-written page is the same here: MkDocs compares its file's times.
            same = src not in markdown or (src in self.pages and self.pages[src] == pages[src])
            file.unchanged = not everything and same and src in self.links
            if file.unchanged and shown:  # only the titles it shows changed: write them in
                file.unchanged = self._retitle(file, shown, titles, site_dir)
            if not file.unchanged:
                rebuilt.append(src)
        self.rebuilt = rebuilt
        return rebuilt

    def _retitle(self, file: GeneratedFile, shown: set[str], titles: dict[str, str], site_dir: Path | None) -> bool:
        """Keep the page the last build wrote, its links to `shown` given their new titles; False
        when that cannot be done (the page is then built again)."""
        path = Path(site_dir) / file.dest_uri if site_dir is not None else None
        if path is None or not path.is_file():
            return False
        sources = {url: src for src, url in self.dest.items()}
        changes = {src: (self.titles[src], titles[src]) for src in shown if src in self.titles and src in titles}
        if len(changes) != len(shown):
            return False
        html = path.read_text(encoding="utf-8")
        patched = retitled_html(html, file.dest_uri, sources, changes)
        if patched != html:
            self.patched[path] = patched
        return True

    def stale_urls(self) -> list[str]:
        """The URLs of the pages this build wrote again or no longer has: what was said of them is old."""
        return [*(self.urls[src] for src in self.rebuilt), *self.gone.values()]

    def wrote(self, src: str, html: str, page_url: str, sources: dict[str, str]) -> None:
        """A page was written: remember which pages it links to."""
        self.links[src] = linked_pages(html, page_url, sources)

    def built(self, config: MkDocsConfig) -> None:
        """The build succeeded: remember what it wrote, and delete the pages it no longer has."""
        if self.pending is None:
            return
        pages, titles, shape, frame = self.pending
        for path, html in self.patched.items():
            path.write_text(html, encoding="utf-8")
        self.patched = {}
        for dest in self.gone_files:  # where MkDocs wrote them, as its files said last time
            path = Path(config.site_dir) / dest
            if path.is_file():
                path.unlink()
        for src in self.gone:
            self.links.pop(src, None)
        self.pages, self.titles, self.shape, self.frame, self.pending = pages, titles, shape, frame, None


def forget_rebuilt_search_entries(config: MkDocsConfig, rebuilt_urls: Iterable[str]) -> None:
    """Material's search keeps the previous index in a dirty build and drops the entries of
    the first page built again only; drop those of every page built again (by their URLs)."""
    search = next((plugin for name, plugin in config.plugins.items() if name.split("/")[-1] == "search"), None)
    previous = getattr(search, "search_index_prev", None)
    entries = getattr(previous, "entries", None)
    urls = set(rebuilt_urls)
    if not isinstance(entries, list) or not urls:
        return
    entries[:] = [entry for entry in entries
                  if str(entry.get("location", "")).split("#", 1)[0] not in urls]


class ThemeBytecode(BytecodeCache):
    """The theme's templates compiled once per process, not once per build: the preview builds
    again after every save, and Jinja checks each entry against its template's source."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


THEME_BYTECODE = ThemeBytecode()


class _QuietDirty(logging.Filter):
    """MkDocs warns on every dirty build; the preview's dirty builds are partnerkit's own."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_DIRTY_NOTICE)


def quiet_dirty_builds() -> logging.Filter:
    """Stop MkDocs' warning about dirty builds (which --strict would count); returns the filter."""
    quiet = _QuietDirty()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    return quiet


def watch_with_events(server: Any, paths: Iterable[Path]) -> Any:
    """Have the preview server rebuild on changes under `paths`, seen through the platform's
    file events (watchdog's native observer); returns that observer, running, or None when
    the platform has none and MkDocs' polling watches them."""
    folders = [str(path) for path in paths if path.is_dir()]
    native: Any = None
    try:
        from watchdog import events
        from watchdog.observers import Observer

        class _Writes(Observer):  # type: ignore[misc,valid-type]
            """File events of writes only: the build reading a file must not start another build."""

            def schedule(self, handler: Any, path: Any, *, recursive: bool = False,
                         event_filter: Any = None) -> Any:
                return super().schedule(handler, path, recursive=recursive, event_filter=[
                    events.FileModifiedEvent, events.FileCreatedEvent, events.FileDeletedEvent,
                    events.FileMovedEvent, events.FileClosedEvent])

        native = _Writes()
        if type(native).__name__ == "PollingObserver":  # no file events here
            native = None
        else:
            native.daemon = True
            native.start()
    except (ImportError, OSError) as exc:
        log.debug(f"file events unavailable ({exc}); polling instead")
        native = None
    polling = server.observer
    for folder in folders:
        server.observer = native or polling  # watch() schedules on the server's observer
        try:
            server.watch(folder)
        except OSError as exc:  # inotify's limit of watches: poll this folder instead
            log.debug(f"file events unavailable for {folder} ({exc}); polling it")
            server.observer = polling
            getattr(server, "_watched_paths", {}).pop(os.path.abspath(folder), None)
            server.watch(folder)
        finally:
            server.observer = polling
    return native
