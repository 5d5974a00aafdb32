"""The About page (sources, licence, how to cite, contact) and the Downloads page."""

from __future__ import annotations

from itertools import groupby

from generator.render.site.components import reference_entry, size_text
from generator.render.site.context import SiteContext
from generator.render.site.html import esc
from generator.render.site.page import Page, block, make_page, section


def render_about(ctx: SiteContext) -> Page:
    """Where the content comes from, under which licence, and how to cite it."""
    c = ctx.content
    site = c.site
    refs = list(c.references.values())
    licensed = [r for r in refs if r.licence]
    sources = "".join(reference_entry(ctx, r) for r in refs)
    licence_link = f'<a href="{esc(site.licence.url)}">{esc(site.licence.name)}</a>'
    licence = f"<p>{ctx.s('licence_text', licence='§L§', org=ctx.plain(site.organization))}</p>"
    licence = licence.replace("§L§", licence_link)
    if licensed:
        licence += (f"<p>{ctx.s('adapted_from')}:</p><ul>"
                    + "".join(reference_entry(ctx, r) for r in licensed) + "</ul>")
    cite = (f"<p>{ctx.s('cite_as')}:</p><blockquote><p>{ctx.text(site.organization)}. "
            f"<em>{ctx.text(site.title)}</em>. {ctx.s('version')} {esc(site.version)}.</p></blockquote>")
    if licensed:
        cite += "<ul>" + "".join(reference_entry(ctx, r) for r in licensed[:1]) + "</ul>"
    contact = f"<p>{ctx.text(site.contact.name)}"
    if site.contact.email:
        contact += f' — <a href="mailto:{esc(site.contact.email)}">{esc(site.contact.email)}</a>'
    contact += "</p>"
    parts = [
        section(ctx, "about_sources", f'<ol class="pk-bibliography">{sources}</ol>'),
        section(ctx, "about_licence", licence),
        section(ctx, "about_cite", cite),
        section(ctx, "about_contact", contact),
        section(ctx, "about_built", f"<p>{ctx.s('about_built_text')}</p>"),
    ]
    return make_page(ctx, "about", ctx.raw("about"), parts, lead=ctx.text(site.description))


def render_downloads(ctx: SiteContext) -> Page:
    """Every printable file of this language, grouped by kind, with pages and size."""
    downloads = sorted(ctx.downloads, key=lambda d: (d.kind, d.title, d.file))
    if not downloads:
        anchors = "".join(f'<span id="doc-{esc(d)}"></span>' for d in ctx.content.documents)
        body = block(f'<p class="pk-notice">{ctx.s("no_downloads")}</p>{anchors}')
        return make_page(ctx, "downloads", ctx.raw("downloads"), [body],
                         lead=ctx.s("downloads_intro"))
    parts = []
    anchored: set[str] = set()
    for kind, group in groupby(downloads, key=lambda d: d.kind):
        rows = []
        for d in group:
            ident = ""
            if d.source_kind == "document" and d.source_id not in anchored:
                anchored.add(d.source_id)
                ident = f' id="doc-{esc(d.source_id)}"'
            audience = ", ".join(ctx.link("audience", a) for a in d.audience
                                 if a in ctx.content.audiences)
            rows.append(f"<tr{ident}><td><a href=\"{esc(ctx.href_static('downloads/' + d.file))}\" "
                        f"download>{esc(d.title)}</a></td><td>{audience}</td>"
                        f"<td>{esc(ctx.raw('lang_' + d.language) if d.language in ('en', 'fr') else d.language)}</td>"
                        f"<td>{d.pages}</td><td>{size_text(d.size_bytes)}</td></tr>")
        table = (f'<table><thead><tr><th scope="col">{ctx.s("title")}</th><th scope="col">'
                 f'{ctx.s("audience")}</th><th scope="col">{ctx.s("language")}</th>'
                 f'<th scope="col">{ctx.s("pages_col")}</th>'
                 f'<th scope="col">{ctx.s("size")}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
        parts.append(section(ctx, "dls_" + kind, table, anchor=f"kind-{kind}"))
    # Documents with no PDF yet still get their anchor, so links to them resolve.
    missing = [d for d in ctx.content.documents if d not in anchored]
    if missing:
        parts.append(block("".join(f'<span id="doc-{esc(d)}"></span>' for d in missing)))
    return make_page(ctx, "downloads", ctx.raw("downloads"), parts, lead=ctx.s("downloads_intro"))
