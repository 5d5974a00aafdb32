"""An HTML deck per trainer session: reveal.js slides with a speaker view, from the session's YAML.

Each deck is a static page beside its session page (same folder, so links written for the
page work in the deck): a title slide, then one slide per slide of each block, with the
block and whoever leads it in the footer, the notes of every presenter in the speaker view
(S), and each slide's minutes as reveal's pacing. The markup is the template `deck.html`,
which a project overrides like any page template (see `templating.py`). reveal.js is kept
in the package (assets/vendor/reveal); nothing is loaded from another host, and it works
from disk.
Trainer notes live only here: learner pages never show them.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from markupsafe import Markup

from generator.model.case import Case
from generator.model.program import Process
from generator.model.quote import Quote
from generator.model.role import Role
from generator.model.session import Session, SessionBlock, SessionSlide
from generator.render.diagrams import framework_svg, process_svg, timeline_svg
from generator.render.present import clock
from generator.render.site.context import SiteContext

VENDOR = "assets/vendor/reveal"
VENDOR_FILES = ("reveal.js", "reveal.css", "reset.css", "notes.js", "LICENSE.txt")
DECK_CSS = "assets/deck.css"
DECK_JS = "assets/deck.js"


def deck_path(session_id: str, directory_urls: bool) -> str:
    """Where a session's deck sits in the site: in the folder its page is served from."""
    page_folder = f"training/sessions/{session_id}/" if directory_urls else "training/sessions/"
    return page_folder + ("deck.html" if directory_urls else f"{session_id}-deck.html")


def deck_href(ctx: SiteContext, session_id: str) -> str:
    """Link from the session's page to its deck."""
    return "deck.html" if ctx.directory_urls else f"{session_id}-deck.html"


@dataclass(frozen=True)
class Speaker:
    """A presenter as the deck shows them: name and badge number (1 to 3)."""

    name: Markup
    badge: int


@dataclass(frozen=True)
class SpokenNote:
    speaker: Speaker
    leads: bool
    html: Markup


@dataclass(frozen=True)
class SlideView:
    """One slide, ready for the template: every text escaped or rendered safely."""

    title: Markup
    points: tuple[Markup, ...]
    visual: Markup
    block: Markup
    leads: tuple[Speaker, ...]
    notes: tuple[SpokenNote, ...]
    handoff: tuple[Markup, Markup] | None  # "Hands over to <name>:", and the cue
    seconds: int
    clock: str  # start of the slide from the session's start, "h:mm"


def render_deck(ctx: SiteContext, session: Session) -> str:
    """The deck's HTML; `ctx` writes the session's page (the deck sits beside it)."""
    speakers = {role: Speaker(Markup(ctx.text(ctx.content.all(Role)[role].name)), n)
                for n, role in enumerate(session.presenters, start=1)}
    slides: list[SlideView] = []
    elapsed = 0
    for block in session.blocks:
        for slide in block.slides:
            slides.append(_slide(ctx, speakers, block, slide, elapsed))
            elapsed += slide.minutes
    files = {"reset": f"{VENDOR}/reset.css", "reveal_css": f"{VENDOR}/reveal.css", "theme": "assets/theme.css",
             "deck_css": DECK_CSS, "reveal_js": f"{VENDOR}/reveal.js", "notes_js": f"{VENDOR}/notes.js",
             "deck_js": DECK_JS}
    return ctx.templates.render("deck.html", dict(
        lang=ctx.lang,
        plain_title=ctx.plain(session.title),
        title=Markup(ctx.text(session.title)),
        summary=Markup(ctx.text(session.summary)),
        presenters=tuple(speakers.values()),
        duration=Markup(ctx.s("minutes", n=session.duration_minutes)),
        slides=slides,
        total_seconds=session.duration_minutes * 60,
        href={name: ctx.href_static(path) for name, path in files.items()},
        words={**{key: Markup(ctx.s(key)) for key in ("deck_of", "leads", "speaker_view_hint")},
               "leads_label": ctx.label("leads")},
    ))


def _slide(ctx: SiteContext, speakers: dict[str, Speaker], block: SessionBlock, slide: SessionSlide,
           elapsed: int) -> SlideView:
    leads = tuple(speakers[r] for r in (slide.lead or block.lead) if r in speakers)
    lead_ids = set(slide.lead or block.lead)
    # Whoever leads speaks first in the notes; the others after, in the session's order.
    ordered = sorted(slide.notes, key=lambda note: (note.by not in lead_ids, speakers[note.by].badge
                                                    if note.by in speakers else 9))
    notes = tuple(SpokenNote(speakers[n.by], n.by in lead_ids, Markup(ctx.md(n.text)))
                  for n in ordered if n.by in speakers)
    handoff = None
    if slide.handoff is not None and slide.handoff.to in speakers:
        name = ctx.plain(ctx.content.all(Role)[slide.handoff.to].name)
        handoff = (ctx.label("hands_over_to", name=name), Markup(ctx.text(slide.handoff.cue)))
    return SlideView(
        title=Markup(ctx.text(slide.title)),
        points=tuple(Markup(ctx.text(p)) for p in slide.points),
        visual=_visual(ctx, slide.visual),
        block=Markup(ctx.text(block.title)),
        leads=leads,
        notes=notes,
        handoff=handoff,
        seconds=slide.minutes * 60,
        clock=clock(elapsed),
    )


def _visual(ctx: SiteContext, visual: str | None) -> Markup:
    """A generated figure (SVG from the shared diagram renderers) or a quotation."""
    if not visual:
        return Markup("")
    kind, _, ident = visual.partition(":")
    content = ctx.content
    if kind == "framework":
        return Markup(framework_svg(content, ctx.lang))
    if kind == "process" and ident in content.all(Process):
        return Markup(process_svg(content, ident, ctx.lang))
    if kind == "timeline" and ident in content.all(Case):
        return Markup(timeline_svg(content, ident, ctx.lang))
    if kind == "quote" and ident in content.all(Quote):
        quote = content.all(Quote)[ident]
        return Markup(f'<blockquote class="pk-deck-quote"><p>{ctx.text(quote.text)}</p>'
                      f"<footer>{ctx.text(quote.speaker.label)}</footer></blockquote>")
    return Markup("")


def render_decks(ctx: SiteContext) -> dict[str, bytes]:
    """Every session's deck, and the files the decks need, by path in the site."""
    files: dict[str, bytes] = {}
    for session_id, session in ctx.content.all(Session).items():
        page = ctx.at(f"training/sessions/{session_id}.md")
        files[deck_path(session_id, ctx.directory_urls)] = render_deck(page, session).encode("utf-8")
    if files:
        package = resources.files("generator.render.site") / "assets"
        for name in VENDOR_FILES:
            files[f"{VENDOR}/{name}"] = (package / "vendor" / "reveal" / name).read_bytes()
        files[DECK_CSS] = (package / "deck.css").read_bytes()
        files[DECK_JS] = (package / "deck.js").read_bytes()
    return files
