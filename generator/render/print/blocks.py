"""Small building blocks shared by the section renderers: headings, facts, lists, quotes."""

from __future__ import annotations

from collections.abc import Iterable

from generator.messages import has
from generator.model.catalog import Reference
from generator.model.quote import Quote
from generator.render.citation import citation_in_parentheses
from generator.render.print.context import RenderContext
from generator.render.print.typst_code import Code, call, seq, string, text


def heading(level: int, title: str, anchor: str | None = None) -> Code:
    """A heading (bookmarked, in the contents up to level 2), labelled when `anchor` is set."""
    if anchor is None:
        return call("pk-h", level, text(title))
    return call("pk-h", level, text(title), lbl=anchor)


def lead(body: Code) -> Code:
    """The summary under a title, set larger."""
    return call("pk-lead", body)


def facts(ctx: RenderContext, pairs: Iterable[tuple[str, Code]]) -> Code | None:
    """A line of 'Label: value' facts, the colon as the language sets it ('Niveau : ...'); None
    when there is nothing to say."""
    items = [(string(ctx.w("label_colon", label=k)), v) for k, v in pairs]
    if not items:
        return None
    return call("pk-facts", Code("(" + ", ".join(f"({k}, {v})" for k, v in items) + ",)"))


def bullets(items: Iterable[Code]) -> Code | None:
    """A bulleted list; None when empty."""
    parts = list(items)
    return call("list", *parts) if parts else None


def numbered(items: Iterable[Code]) -> Code | None:
    """A numbered list; None when empty."""
    parts = list(items)
    return call("enum", *parts) if parts else None


def refs(ctx: RenderContext, kind: str, ids: Iterable[str]) -> Code:
    """Comma-separated references to entities."""
    return seq([ctx.ref(kind, entity_id, None) for entity_id in ids], Code('", "'))


def quote(ctx: RenderContext, quote_id: str) -> Code:
    """A quote as an attributed quotation, labelled where it is printed first."""
    item: Quote = ctx.content.all(Quote)[quote_id]
    attribution = ctx.t(item.speaker.label)
    source = citation_in_parentheses(ctx.content.all(Reference)[item.source.reference], ctx.w("no_date"))
    locator = f", {item.source.locator}" if item.source.locator else ""
    body = text(ctx.typeset(ctx.trace(item.text, item.words()), lang=item.language))
    if item.language != ctx.lang:
        # The words as said, tagged with their language (PDF/UA tags carry it to screen readers).
        body = call("text", body, lang=item.language)
    note = language_note(ctx, item)
    return call("pk-quote", body, text(f"{attribution} ({source}{locator})"),
                lbl=ctx.anchor("quote", quote_id), **({"note": note} if note is not None else {}))


def language_note(ctx: RenderContext, item: Quote) -> Code | None:
    """Under words in another language: the translation the quote gives into this PDF's
    language, labelled as a translation and by whom; else which language they are in."""
    if item.language == ctx.lang:
        return None
    language = ctx.w(f"lang_{item.language}") if has(f"lang_{item.language}") else item.language
    translation = item.translation(ctx.lang)
    if translation is None:
        return text(f"({ctx.w('quote_said_in', language=language)})")
    if item.translated_by is None:
        label = ctx.w("quote_translation_own", language=language)
    else:
        label = ctx.w("quote_translation_by", language=language, by=ctx.t(item.translated_by))
    return seq([call("emph", text(label)), text(ctx.typeset(ctx.trace(item.text, translation)))], Code('" "'))


def table(columns: str, header: Iterable[str], rows: Iterable[Iterable[Code]]) -> Code:
    """A table with a repeated header row; `columns` is a Typst column spec."""
    return call("pk-table", Code(columns), [text(h) for h in header], [list(r) for r in rows])


def compact(items: Iterable[Code | None]) -> list[Code]:
    """Drop the blocks that had nothing to print."""
    return [item for item in items if item is not None]
