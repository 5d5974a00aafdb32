"""Print, compiled: what a trainer session prints — a 16:9 deck with a title page and a page
per slide, its .pdfpc notes, the tandem script and one per presenter, the facilitator guide
and the participants' handout — opened with pypdf and read back."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from generator.downloads import Download, read_manifest
from generator.model.content import Content
from generator.model.quote import Quote
from generator.model.role import Role
from generator.model.session import Session
from generator.pipeline import load_content
from generator.render.palette import palette
from generator.render.print import build_pdfs, build_pdfs_report
from generator.render.print.context import RenderContext
from generator.render.print.jobs import PrintOptions, plan_jobs
from generator.render.print.session_plan import CUE_WORDS, first_words, plain_text, plan_blocks, plan_slides

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
STAMP = datetime(2026, 3, 14, 9, 26, tzinfo=UTC)
KINDS = ("deck", "notes", "script", "facilitator-guide", "handout")
# The keys pdfpc (4.5 and later) reads from a .pdfpc file and from each of its pages.
PDFPC_KEYS = {"pdfpcFormat", "duration", "startTime", "endTime", "endSlide", "savedSlide", "lastMinutes",
              "beamerNotePosition", "defaultTransition", "disableMarkdown", "noteFontSize", "pages"}
PDFPC_PAGE_KEYS = {"idx", "label", "overlay", "forcedOverlay", "hidden", "note"}

pytestmark = pytest.mark.slow


def _load(project: Path) -> Content:
    loaded = load_content(project)
    assert loaded.content is not None, loaded.issues
    return loaded.content


def _flat(text: str) -> str:
    """Text without spaces or line breaks, typographic quotes as straight ones (as print sets them)."""
    for curly, straight in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(curly, straight)
    return re.sub(r"\s+", "", text)


def _pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def default() -> Content:
    return _load(ROOT)


@pytest.fixture(scope="module")
def printed(default: Content, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default content's PDFs, sessions included."""
    out = tmp_path_factory.mktemp("sessions")
    build_pdfs(default, out, jobs=2, timestamp=STAMP)
    return out


def _row(folder: Path, session_id: str, kind: str, part: str = "", lang: str = "en") -> Download:
    rows = [d for d in read_manifest(folder) if d.source_id == session_id and d.kind == kind
            and d.file.endswith(part) and d.language == lang]
    assert len(rows) == 1, (session_id, kind, part, rows)
    return rows[0]


def _notes_text(ctx: RenderContext, text: Any) -> str:
    return plain_text(ctx, ctx.t(text))


# The manifest ----------------------------------------------------------------------------


def test_every_pdf_of_the_default_content_comes_in_both_languages(default: Content, printed: Path) -> None:
    """Documents, role cards, tools, workbooks and trainer kits: each file in English and in French."""
    assert default.languages == ["en", "fr"]
    rows = read_manifest(printed)
    by_language = {lang: {d.file.split("/", 1)[1]: d for d in rows if d.language == lang} for lang in default.languages}
    assert set(by_language["en"]) == set(by_language["fr"]) and len(by_language["en"]) >= 60
    for name, english in by_language["en"].items():
        french = by_language["fr"][name]
        assert french.file == f"fr/{name}" and (printed / french.file).is_file()
        assert (english.kind, english.source_kind, english.source_id) == (french.kind, french.source_kind,
                                                                           french.source_id)
        if english.kind != "notes":  # a .pdfpc is not a PDF
            langs = [str(PdfReader(printed / d.file).trailer["/Root"]["/Lang"]) for d in (english, french)]
            assert [lang.split("-")[0] for lang in langs] == ["en", "fr"], name
    # Printed from the French text: titles differ but for names the same in both ("Patient coach").
    same = [name for name, d in by_language["en"].items() if d.title == by_language["fr"][name].title]
    assert len(same) <= 2, same


def test_every_session_prints_its_kinds_in_every_language_listed_as_a_session(default: Content,
                                                                              printed: Path) -> None:
    rows = [d for d in read_manifest(printed) if d.source_kind == "session"]
    for session_id, session in default.all(Session).items():
        for lang in default.languages:
            mine = [d for d in rows if d.source_id == session_id and d.language == lang]
            assert sorted(d.kind for d in mine) == sorted(
                ["deck", "notes", "facilitator-guide", "handout"] + ["script"] * (1 + len(session.presenters)))
            for d in mine:
                assert d.contains == (f"session:{session_id}",), d.file  # never offered from a learner's page
                assert d.audience == (tuple(session.audience) if d.kind == "handout" else ()), d.file
                assert d.size_bytes == (printed / d.file).stat().st_size > 0
            scripts = sorted(d.file for d in mine if d.kind == "script")
            assert scripts == sorted([f"{lang}/sessions/{session_id}-script.pdf"]
                                     + [f"{lang}/sessions/{session_id}-script-{r}.pdf" for r in session.presenters])
    assert {d.kind for d in rows} == set(KINDS)


# The deck --------------------------------------------------------------------------------


def test_decks_are_16_9_pdf_ua_with_a_title_page_and_one_page_per_slide(default: Content, printed: Path) -> None:
    for session_id, session in default.all(Session).items():
        row = _row(printed, session_id, "deck")
        reader = PdfReader(printed / row.file)
        slides = plan_slides(session)
        assert len(reader.pages) == row.pages == len(slides) + 1  # the title page, then a page per slide
        for page in reader.pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert abs(width / height - 16 / 9) < 0.01, (row.file, width, height)
        root: Any = reader.trailer["/Root"]
        xmp = root["/Metadata"].get_object().get_data()
        assert "/StructTreeRoot" in root and re.search(rb"pdfuaid:part(>|=\")1", xmp)
        assert reader.metadata is not None and _flat(str(reader.metadata.title)) == _flat(row.title)
        fonts = {str(font.get_object()["/BaseFont"]) for page in reader.pages
                 for font in page["/Resources"]["/Font"].values()}
        assert fonts and all("AtkinsonHyperlegible" in font for font in fonts), fonts
        texts = [_flat(page.extract_text()) for page in reader.pages]
        ctx = RenderContext(default, "en")
        assert _flat(ctx.t(session.title)) in texts[0]
        for planned in slides:
            page = texts[planned.page]
            assert _flat(ctx.t(planned.slide.title)) in page, (row.file, planned.number)
            assert _flat(ctx.t(planned.block.title)) in page  # the footer: the block...
            assert f"{planned.number}/{len(slides)}" in page
        # ... every slide title a bookmark, in order.
        assert [_flat(str(item.title)) for item in reader.outline] == [_flat(ctx.t(p.slide.title)) for p in slides]


def test_the_footer_badge_names_who_leads_each_slide(default: Content, printed: Path) -> None:
    session = default.all(Session)["qi-team-before-pa-joins"]
    texts = _pages(printed / _row(printed, session.id, "deck").file)
    for planned in plan_slides(session):
        footer = texts[planned.page].splitlines()[-1]
        # The patient advisor's badge is their role's abbreviation; the quality advisor has none.
        assert ("PA" in footer) == ("patient-advisor" in planned.leads), (planned.number, footer)
        assert ("Quality advisor" in footer) == ("quality-advisor" in planned.leads), (planned.number, footer)


def test_visuals_are_vector_figures_or_attributed_quotes(default: Content, printed: Path) -> None:
    session = default.all(Session)["managers-workshop"]
    path = printed / _row(printed, session.id, "deck").file
    reader = PdfReader(path)
    assert not any(page.images for page in reader.pages), "figures are vectors, not pictures"
    texts = [_flat(t) for t in _pages(path)]
    for planned in plan_slides(session):
        visual = planned.slide.visual or ""
        if visual.startswith("quote:"):
            quote = default.all(Quote)[visual.split(":", 1)[1]]
            assert _flat(quote.words())[:60] in texts[planned.page]
            assert _flat(quote.speaker.label.get("en", "en")) in texts[planned.page]
    assert b"/Figure" in path.read_bytes() and b"/Alt" in path.read_bytes()


def test_decks_take_the_sites_colours(mini_copy: Path) -> None:
    site = mini_copy / "content/site.yaml"
    site.write_text(site.read_text() + "colours:\n  primary: '#6a1b9a'\n  accent: '#00796b'\n")
    content = _load(mini_copy)
    jobs = {job.file: job for job in plan_jobs(content, PrintOptions(timestamp=STAMP))}
    colours = palette(content.site.colours)
    for part in ("deck.pdf", "script.pdf", "facilitator-guide.pdf"):
        source = jobs[f"en/sessions/team-kickoff-{part}"].source
        assert f'"primary": "{colours.primary}"' in source and f'"accent": "{colours.accent}"' in source
        assert f'"fill": "{colours.primary}"' in source  # the first presenter's badge


# The .pdfpc notes ------------------------------------------------------------------------


def test_pdfpc_notes_have_an_entry_per_deck_page_with_every_presenters_notes(default: Content,
                                                                             printed: Path) -> None:
    ctx = RenderContext(default, "en")
    for session_id, session in default.all(Session).items():
        deck, notes = _row(printed, session_id, "deck"), _row(printed, session_id, "notes")
        assert notes.file == deck.file.removesuffix(".pdf") + ".pdfpc"  # where pdfpc looks for it
        data = json.loads((printed / notes.file).read_text(encoding="utf-8"))
        assert set(data) <= PDFPC_KEYS
        assert data["pdfpcFormat"] == 2 and data["duration"] == session.duration_minutes
        assert data["disableMarkdown"] is True  # notes are plain text, never read as markup
        reader = PdfReader(printed / deck.file)
        pages = data["pages"]
        assert len(pages) == len(reader.pages) == notes.pages == deck.pages
        assert [p["idx"] for p in pages] == list(range(len(pages)))
        # pdfpc matches an entry to the page with the same label: the deck's own page labels.
        assert [p["label"] for p in pages] == list(reader.page_labels)
        assert all(set(p) <= PDFPC_PAGE_KEYS and p["overlay"] == 0 for p in pages)
        assert ctx.t(session.title) in pages[0]["note"]
        for planned in plan_slides(session):
            note = pages[planned.page]["note"]
            assert ctx.t(planned.slide.title) in note
            for said in planned.notes:
                name = ctx.t(default.all(Role)[said.by].name)
                label = f"{name} (leads):" if said.by in planned.leads else f"{name}:"
                assert f"\n{label}\n{_notes_text(ctx, said.text)}" in note, (session_id, planned.number, said.by)
            handoff = planned.slide.handoff
            if handoff is not None:
                assert ctx.t(handoff.cue) in note and ctx.t(default.all(Role)[handoff.to].name) in note


# The scripts -----------------------------------------------------------------------------


def _script_text(printed: Path, session: Session, reader: str | None) -> str:
    """A script's text without its running header and footer, so that lines a page break
    splits read whole."""
    part = "-script.pdf" if reader is None else f"-script-{reader}.pdf"
    row = _row(printed, session.id, "script", part)
    text = _flat("\n".join(_pages(printed / row.file)))
    text = re.sub(re.escape(_flat(row.title)) + r"Page\d+of\d+", "", text)  # the footer
    kind = row.title.rsplit(" — ", 1)[1]
    return text.replace(_flat(session.title.get("en", "en") + kind), "")  # the header (and the title)


def test_each_presenters_script_holds_their_lines_in_full_and_only_cues_for_the_others(
        default: Content, printed: Path) -> None:
    ctx = RenderContext(default, "en")
    for session in default.all(Session).values():
        tandem = _script_text(printed, session, None)
        for reader in session.presenters:
            own = _script_text(printed, session, reader)
            for planned in plan_slides(session):
                for said in planned.notes:
                    lines = _notes_text(ctx, said.text)
                    assert _flat(lines) in tandem, (session.id, planned.number, said.by)
                    if said.by == reader:
                        assert _flat(lines) in own, (session.id, reader, planned.number)
                        continue
                    name = ctx.t(default.all(Role)[said.by].name)
                    assert _flat(f"{name}: “{first_words(lines)}”") in own, (session.id, reader, planned.number)
                    if len(lines.split()) > CUE_WORDS + 3:
                        assert _flat(lines) not in own, (session.id, reader, planned.number, said.by)
                        rest = " ".join(lines.split()[CUE_WORDS:])
                        assert _flat(rest) not in own
                handoff = planned.slide.handoff
                if handoff is not None:  # every hand-off, in every copy
                    assert _flat(ctx.t(handoff.cue)) in own


def test_scripts_run_a_clock_from_0_00_and_draw_each_slide_small(default: Content, printed: Path) -> None:
    session = default.all(Session)["managers-workshop"]
    path = printed / _row(printed, session.id, "script", "-script.pdf").file
    text = _flat("\n".join(_pages(path)))
    ctx = RenderContext(default, "en")
    at = 0
    for planned in plan_slides(session):
        clock = f"{planned.start // 60}:{planned.start % 60:02d}"
        title = _flat(ctx.t(planned.slide.title))
        # The clock and the minutes beside the thumbnail (which repeats the slide's title), then its title.
        found = text.find(_flat(f"{clock} {planned.slide.minutes} min"), at)
        assert found >= 0, (planned.number, clock)
        assert text.count(title) >= 2, planned.number
        at = found
    assert plan_slides(session)[-1].start + plan_slides(session)[-1].slide.minutes == session.duration_minutes
    slide_titles = [_flat(ctx.t(p.slide.title)) for p in plan_slides(session)]
    bookmarks = [_flat(t) for t in _outline(PdfReader(path).outline)]
    assert [t for t in bookmarks if t in slide_titles] == slide_titles


def _outline(outline: list[Any]) -> list[str]:
    titles: list[str] = []
    for item in outline:
        titles += _outline(item) if isinstance(item, list) else [str(item.title)]
    return titles


# Facilitator guide -----------------------------------------------------------------------


_BLOCK_HEADING = re.compile(r"^(\d+):(\d\d) · (.+)$")


def test_the_guides_start_times_add_up_and_it_says_who_leads(default: Content, printed: Path) -> None:
    ctx = RenderContext(default, "en")
    for session in default.all(Session).values():
        path = printed / _row(printed, session.id, "facilitator-guide").file
        headings = [m for m in (_BLOCK_HEADING.match(t) for t in _outline(PdfReader(path).outline)) if m]
        starts = [int(m.group(1)) * 60 + int(m.group(2)) for m in headings]
        assert [_flat(m.group(3)) for m in headings] == [_flat(ctx.t(b.title)) for b in session.blocks]
        assert starts[0] == 0
        for before, after, block in zip(starts, starts[1:], session.blocks, strict=False):
            assert after == before + block.minutes
        assert starts[-1] + session.blocks[-1].minutes == session.duration_minutes
        text = _flat("\n".join(_pages(path)))
        total = session.duration_minutes
        assert _flat(f"{total // 60}:{total % 60:02d} End of the session") in text
        assert _flat("The session starts at:") in text
        for planned in plan_blocks(session):
            assert _flat(f"{planned.start // 60}:{planned.start % 60:02d}") in text


def test_the_guide_has_materials_room_preparation_activities_and_an_evaluation_form(
        default: Content, printed: Path) -> None:
    ctx = RenderContext(default, "en")
    session = default.all(Session)["qi-team-before-pa-joins"]
    path = printed / _row(printed, session.id, "facilitator-guide").file
    reader = PdfReader(path)
    chapters = [str(item.title) for item in reader.outline if not isinstance(item, list)]
    assert chapters == ["The session", "Agenda", "The blocks", "Preparation", "Materials", "Room setup",
                        "Activity cards", "Session evaluation"]
    text = _flat("\n".join(_pages(path)))
    for item in session.materials:
        assert _flat(ctx.t(item)) in text
    assert _flat(plain_text(ctx, ctx.t(session.room_setup)).split("\n")[0]) in text
    for planned in plan_blocks(session):
        activity = planned.block.activity
        if activity is not None:
            assert _flat(ctx.t(activity.title)) in text
            assert all(_flat(ctx.t(q)) in text for q in activity.debrief)
    # The preparation timeline, earliest first, every task with who does it.
    whens = re.findall(r"(\d+)daysbefore|(1daybefore)|(Ontheday)", text)
    days = [int(n) if n else (1 if before else 0) for n, before, _ in whens]
    assert days == sorted(days, reverse=True) and days[0] == max(t.days_before for t in session.preparation)
    for task in session.preparation:
        assert _flat(ctx.t(task.task))[:50] in text
    for words in ("The session met its objectives.", "The pace and the length were right.",
                  "What would you keep, and what would you change?", "Not at all", "Completely"):
        assert _flat(words) in text
    evaluation = reader.pages[reader.get_destination_page_number(reader.outline[-1])].extract_text()
    assert "Session evaluation" in evaluation and "The session met its objectives." in evaluation


# Handout ---------------------------------------------------------------------------------


def test_the_handout_holds_objectives_and_worksheets_and_no_trainer_notes(default: Content,
                                                                          printed: Path) -> None:
    ctx = RenderContext(default, "en")
    for session in default.all(Session).values():
        text = _flat("\n".join(_pages(printed / _row(printed, session.id, "handout").file)))
        for objective in session.objectives:
            assert _flat(ctx.t(objective)) in text
        for point in session.key_points:
            assert _flat(ctx.t(point)) in text
        for block in session.blocks:
            assert _flat(ctx.t(block.title)) in text  # the agenda
            assert _flat(plain_text(ctx, ctx.t(block.purpose)))[:40] not in text  # trainer-facing
            if block.activity is not None:
                assert _flat(ctx.t(block.activity.title)) in text
                assert all(_flat(ctx.t(q)) in text for q in block.activity.debrief)
            for slide in block.slides:
                for said in slide.notes:
                    lines = _flat(_notes_text(ctx, said.text))
                    assert lines[:40] not in text, (session.id, ctx.t(slide.title), said.by)
                if slide.handoff is not None:
                    assert _flat(ctx.t(slide.handoff.cue)) not in text
        for task in session.preparation:
            assert _flat(ctx.t(task.task))[:40] not in text
        assert "Ledby" not in text and "(leads)" not in text


# Cache and reproducibility ---------------------------------------------------------------


def test_a_no_change_rebuild_compiles_nothing_and_a_session_change_only_the_sessions_files(
        mini_copy: Path, tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = build_pdfs_report(_load(mini_copy), out, cache_dir=cache, jobs=2, timestamp=STAMP)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    session_files = sorted(d.file for d in first.downloads if d.source_kind == "session")
    assert len(session_files) == 7 and set(session_files) <= set(first.compiled)
    assert sorted(p.name for p in cache.glob("*.pdfpc")) and len(list(cache.glob("*.pdf"))) == 11
    again = build_pdfs_report(_load(mini_copy), out, cache_dir=cache, jobs=2, timestamp=STAMP)
    assert again.compiled == [] and sorted(again.reused) == sorted(d.file for d in first.downloads)
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    fresh = build_pdfs_report(_load(mini_copy), tmp_path / "fresh", jobs=1, timestamp=STAMP)
    for download in fresh.downloads:  # a build without the cache, on one thread: the same bytes
        assert (tmp_path / "fresh" / download.file).read_bytes() == before[Path(download.file)], download.file
    session = mini_copy / "content/training/sessions/team-kickoff.yaml"
    session.write_text(session.read_text().replace("Walk through the five steps.", "Walk through the steps."))
    third = build_pdfs_report(_load(mini_copy), out, cache_dir=cache, jobs=2, timestamp=STAMP)
    # The deck's notes, the tandem script and the program manager's (whose line it is) change;
    # the patient advisor's copy shows the line as a cue, and it is short: it changes too.
    assert third.compiled == sorted(["en/sessions/team-kickoff-deck.pdfpc", "en/sessions/team-kickoff-script.pdf",
                                     "en/sessions/team-kickoff-script-program-manager.pdf",
                                     "en/sessions/team-kickoff-script-patient-advisor.pdf"])
    assert "Walk through the steps." in json.loads((out / "en/sessions/team-kickoff-deck.pdfpc").read_text())[
        "pages"][2]["note"]


def test_french_sessions_print_in_french(mini_copy: Path, tmp_path: Path) -> None:
    site = mini_copy / "content/site.yaml"
    site.write_text(site.read_text().replace("languages: [en]", "languages: [en, fr]"))
    downloads = build_pdfs(_load(mini_copy), tmp_path, jobs=2, timestamp=STAMP)
    french = {d.kind: d for d in downloads if d.source_kind == "session" and d.language == "fr"
              and not d.file.endswith("-script.pdf")}
    assert set(french) == set(KINDS)
    guide = "\n".join(_pages(tmp_path / french["facilitator-guide"].file))
    assert "Guide d’animation" in guide and "Déroulement" in guide and "Fin de la séance" in guide
    reader = PdfReader(tmp_path / french["deck"].file)
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    notes = json.loads((tmp_path / french["notes"].file).read_text(encoding="utf-8"))
    assert "(anime)" in notes["pages"][1]["note"] and "Passe la parole à" in notes["pages"][1]["note"]
