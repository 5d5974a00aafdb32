"""The About page (sources, licence, how to cite, contact), the "About the evidence" page and the
Downloads page (templates `about.md`, `evidence.md`, `downloads.md`)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from generator.downloads import Download
from generator.model.catalog import Reference
from generator.model.document import Document
from generator.model.evidence import EvidenceSection
from generator.model.text import suggest_id
from generator.render.site.context import SiteContext
from generator.render.site.page import Page, render_page


def render_about(ctx: SiteContext) -> Page:
    """Where the content comes from, under which licence, and how to cite it."""
    site = ctx.content.site
    references = list(ctx.content.all(Reference).values())
    return render_page(ctx, "about.md", "about", ctx.raw("about"), lead=ctx.text(site.description), site=site,
                       references=references, licensed=[r for r in references if r.licence])


@dataclass(frozen=True)
class EvidencePart:
    """One part of the evidence page and its anchor (from its title, unique on the page)."""

    section: EvidenceSection
    anchor: str


def render_evidence(ctx: SiteContext) -> Page:
    """What kind of evidence the content rests on (content/evidence.yaml); only called when it exists."""
    evidence = ctx.content.evidence
    assert evidence is not None
    parts: list[EvidencePart] = []
    for number, section in enumerate(evidence.sections, start=1):
        anchor = suggest_id(ctx.plain(section.title)) or f"part-{number}"
        if any(part.anchor == anchor for part in parts):
            anchor = f"{anchor}-{number}"
        parts.append(EvidencePart(section, anchor))
    return render_page(ctx, "evidence.md", "evidence", ctx.plain(evidence.title),
                       description=ctx.plain(evidence.summary), lead=ctx.text(evidence.summary),
                       evidence=evidence, parts=parts)


def render_downloads(ctx: SiteContext) -> Page:
    """Every printable file of this language, grouped by kind, with pages and size; then
    those of each other language of the site."""
    downloads = sorted(ctx.downloads, key=lambda d: (d.kind, d.title, d.file))
    groups: list[tuple[str, list[tuple[Download, str | None]]]] = []
    anchored: set[str] = set()
    others = [(language, sorted(group, key=lambda d: (d.kind, d.title, d.file)))
              for language, group in groupby(ctx.other_downloads, key=lambda d: d.language)]
    for kind, group in groupby(downloads, key=lambda d: d.kind):
        rows: list[tuple[Download, str | None]] = []
        for d in group:
            # The first PDF of each document carries its anchor (links to the document land here).
            anchor = d.source_id if d.source_kind == "document" and d.source_id not in anchored else None
            if anchor is not None:
                anchored.add(anchor)
            rows.append((d, anchor))
        groups.append((kind, rows))
    return render_page(ctx, "downloads.md", "downloads", ctx.raw("downloads"), lead=ctx.s("downloads_intro"),
                       groups=groups, others=others,
                       unlisted=[d for d in ctx.content.all(Document) if d not in anchored])
