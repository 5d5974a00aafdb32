"""Blocks many pages share: quotations, chips, link lists, references, downloads, cards."""

from __future__ import annotations

from collections.abc import Iterable

from generator.downloads import Download
from generator.model.catalog import Reference
from generator.model.quote import Quote
from generator.render.site.context import SiteContext
from generator.render.site.html import esc
from generator.render.site.strings import has


def quote_figure(ctx: SiteContext, quote: Quote, *, anchor: bool = False,
                 with_practices: bool = False) -> str:
    """A quotation with its attribution, case and source (and consent on the quotes page)."""
    ident = f' id="quote-{esc(quote.id)}"' if anchor else ""
    speaker = ctx.text(quote.speaker.label)
    if quote.speaker.role:
        # "Mid-level manager, case 2" already names the role: link the label rather than repeat it.
        role_name = ctx.title_of("role", quote.speaker.role).casefold()
        if role_name in ctx.plain(quote.speaker.label).casefold():
            speaker = ctx.link("role", quote.speaker.role, ctx.plain(quote.speaker.label))
        else:
            speaker += f" ({ctx.link('role', quote.speaker.role)})"
    bits = [f'<span class="pk-quote__speaker">{speaker}</span>']
    if quote.case:
        bits.append(ctx.link("case", quote.case))
    source = ctx.link("reference", quote.source.reference)
    if quote.source.locator:
        source += f", {esc(quote.source.locator)}"
    bits.append(f"<cite>{source}</cite>")
    extra = ""
    if anchor:
        extra = (f'<details class="pk-quote__consent"><summary><strong>{ctx.s("consent")}:</strong> '
                 f'{ctx.s("consent_" + quote.consent.basis)}</summary>{ctx.md(quote.consent.note)}</details>')
    if with_practices and quote.practices:
        extra += (f'<p class="pk-quote__practices"><strong>{ctx.s("practices")}:</strong> '
                  + link_list_inline(ctx, "practice", quote.practices) + "</p>")
    if quote.language == ctx.lang:
        words, lang_attr = ctx.abbreviations.html(quote.words()), ""
    else:
        # The words as said, tagged with their language (the page's abbreviations are not theirs).
        words, lang_attr = esc(quote.words()), f' lang="{esc(quote.language)}"'
    return (f'<figure class="pk-quote"{ident}>'
            f'<blockquote{lang_attr}><p>{words}</p></blockquote>'
            f'<figcaption>— {", ".join(bits)}{_language_note(ctx, quote)}</figcaption>'
            f"{extra}</figure>")


def _language_note(ctx: SiteContext, quote: Quote) -> str:
    """Under words in another language: the translation the quote gives into the page's
    language, labelled as a translation and by whom; else which language they are in."""
    if quote.language == ctx.lang:
        return ""
    language = language_name(ctx, quote.language)
    translation = quote.translation(ctx.lang)
    if translation is None:
        return f' <span class="pk-quote__lang">({ctx.s("quote_said_in", language=language)})</span>'
    if quote.translated_by is None:
        label = ctx.s("quote_translation_own", language=language)
    else:
        label = ctx.s("quote_translation_by", language=language, by=ctx.plain(quote.translated_by))
    return (f'<span class="pk-quote__translation"><span class="pk-quote__translation-label">{label}</span> '
            f"{ctx.abbreviations.html(translation)}</span>")


def language_name(ctx: SiteContext, code: str) -> str:
    """A language's name in the page's language ('English', 'anglais'); else its code."""
    return ctx.raw(f"lang_{code}") if has(f"lang_{code}") else code


def quotes_block(ctx: SiteContext, quote_ids: Iterable[str]) -> str:
    """Every quote in `quote_ids`, attributed."""
    return "\n".join(quote_figure(ctx, ctx.content.quotes[q]) for q in quote_ids)


def link_list(ctx: SiteContext, kind: str, ids: Iterable[str], *, summaries: bool = True) -> str:
    """A bulleted list of links, with each entity's summary when it has one."""
    items = []
    for entity_id in ids:
        entity = ctx.content.entities.get(kind, {}).get(entity_id)
        summary = getattr(entity, "summary", None) if summaries else None
        text = f" — {ctx.text(summary)}" if summary is not None else ""
        items.append(f"<li>{ctx.link(kind, entity_id)}{text}</li>")
    return f'<ul class="pk-links">{"".join(items)}</ul>' if items else ""


def link_list_inline(ctx: SiteContext, kind: str, ids: Iterable[str]) -> str:
    """Links separated by commas."""
    return ", ".join(ctx.link(kind, entity_id) for entity_id in ids)


def chips(ctx: SiteContext, practice_family: str | None, levels: Iterable[str],
          phases: Iterable[str], tags: Iterable[str] = ()) -> str:
    """Labelled taxonomy values of an entity, each linking to the framework."""
    rows: list[str] = []
    if practice_family:
        rows.append(_chip_row(ctx, "family", [ctx.link("family", practice_family)]))
    levels = list(levels)
    if levels:
        rows.append(_chip_row(ctx, "levels", [ctx.link("level", x) for x in levels]))
    phases = list(phases)
    if phases:
        rows.append(_chip_row(ctx, "phases", [ctx.link("phase", x) for x in phases]))
    tags = list(tags)
    if tags:
        rows.append(_chip_row(ctx, "tags", [f'<span class="pk-tag">{esc(x)}</span>' for x in tags]))
    return f'<dl class="pk-facts">{"".join(rows)}</dl>' if rows else ""


def _chip_row(ctx: SiteContext, key: str, values: list[str]) -> str:
    items = "".join(f'<li class="pk-chip">{v}</li>' for v in values)
    return f'<div><dt>{ctx.s(key)}</dt><dd><ul class="pk-chips">{items}</ul></dd></div>'


def reference_entry(ctx: SiteContext, ref: Reference, *, anchor: bool = False) -> str:
    """One bibliography entry: authors (year). Title. Venue volume(issue):pages. DOI."""
    ident = f' id="ref-{esc(ref.id)}"' if anchor else ""
    authors = ", ".join(ref.authors)
    year = ref.year if ref.year is not None else ctx.raw("no_date")
    parts = [f"{esc(authors)} ({year}). " if authors else f"({year}). ",
             f'<span class="pk-ref-title">{esc(ref.title)}</span>.']
    venue = ref.venue or ""
    if ref.volume:
        venue += f" {ref.volume}"
    if ref.issue:
        venue += f"({ref.issue})"
    if ref.pages:
        venue += f":{ref.pages}"
    if venue.strip():
        parts.append(f" <em>{esc(venue.strip())}</em>.")
    if ref.doi:
        url = f"https://doi.org/{ref.doi}"
        parts.append(f' {ctx.s("doi")}: <a href="{esc(url)}">{esc(ref.doi)}</a>')
    elif ref.url:
        parts.append(f' <a href="{esc(ref.url)}">{esc(ref.url)}</a>')
    if ref.licence:
        parts.append(f' <span class="pk-licence">({ctx.s("licence")}: {esc(ref.licence)})</span>')
    return f'<li{ident}>{"".join(parts)}</li>'


def references_block(ctx: SiteContext, ids: Iterable[str]) -> str:
    """Short citations linking to the bibliography."""
    items = [f"<li>{ctx.link('reference', r)} — {esc(ctx.content.references[r].title)}</li>"
             for r in ids]
    return f'<ul class="pk-links">{"".join(items)}</ul>' if items else ""


def size_text(n: int) -> str:
    """1 234 567 -> '1.2 MB'."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    return f"{max(1, round(n / 1000))} kB"


def download_links(ctx: SiteContext, downloads: list[Download]) -> str:
    """'Download as PDF' links for one entity."""
    if not downloads:
        return ""
    items = "".join(
        f'<li><a href="{esc(ctx.href_static("downloads/" + d.file))}" '
        f'download>{esc(d.title)}</a> <span class="pk-muted">({ctx.s("dl_" + d.kind)}, PDF, '
        f'{ctx.s("page_one") if d.pages == 1 else ctx.s("pages", n=d.pages)}, '
        f"{size_text(d.size_bytes)})</span></li>"
        for d in downloads
    )
    return (f'<aside class="pk-downloads" aria-label="{ctx.s("download_pdf")}"><p><strong>'
            f'{ctx.s("download_pdf")}</strong></p><ul>{items}</ul></aside>')


def ordered(items: Iterable[str]) -> str:
    """An ordered list of already-rendered HTML items."""
    lis = "".join(f"<li>{i}</li>" for i in items)
    return f"<ol>{lis}</ol>" if lis else ""


def bullets(items: Iterable[str]) -> str:
    """A bulleted list of already-rendered HTML items."""
    lis = "".join(f"<li>{i}</li>" for i in items)
    return f"<ul>{lis}</ul>" if lis else ""
