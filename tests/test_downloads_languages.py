"""Each edition's downloads page lists its own language's PDFs first, then the other languages'."""

from __future__ import annotations

import re
from pathlib import Path

from generator.downloads import Download
from generator.pipeline import load_content
from generator.render.site.tree import render_site

PEDIATRIC = Path(__file__).resolve().parent / "fixtures" / "pediatric-fr"


def _download(lang: str, title: str) -> Download:
    return Download(file=f"{lang}/documents/trousse-parents.pdf", title=title, kind="document",
                    source_kind="document", source_id="trousse-parents", audience=(), language=lang,
                    pages=4, size_bytes=90_000)


def test_own_language_first_then_the_others_with_their_language_marked() -> None:
    loaded = load_content(PEDIATRIC)
    assert loaded.content is not None
    downloads = [_download("en", "Parents' kit"), _download("fr", "Trousse des parents")]
    for lang, own, other, heading in (("fr", "Trousse des parents", "Parents' kit", "En anglais"),
                                      ("en", "Parents' kit", "Trousse des parents", "In French")):
        page = next(p.markdown for p in render_site(loaded.content, lang, downloads=downloads).pages
                    if p.src == "downloads.md").replace("&#39;", "'")
        assert page.index(own) < page.index(heading) < page.index(other), lang
        other_lang = "en" if lang == "fr" else "fr"
        assert re.search(rf'hreflang="{other_lang}" lang="{other_lang}" download>{re.escape(other)}<', page), page
        # Only the page's own language carries the document's anchor (links from its pages land there).
        assert page.count('id="doc-trousse-parents"') == 1
