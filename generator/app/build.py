"""The site commands: build the site (PDFs first), write the Markdown tree, serve a preview.

Each follows Pelican's order: check every output folder, load the content once, make
everything, and only then swap the new output in. A failure at any step leaves the
previous output as it was. A site in two languages or more is built once per language,
into `<lang>/` of the same folder (`app.editions`), unless one language is asked for;
the Markdown tree likewise. `serve` previews one language.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from generator.app.content import load_checked, site_language
from generator.app.editions import build_editions, edition_languages
from generator.app.options import Options
from generator.app.outputs import Output, Sources, check_outputs, staged
from generator.app.pdfs import PdfRun, check_jobs, pdf_outputs, print_pdfs
from generator.app.reporting import Reporter
from generator.app.site import EngineSettings, SiteEngine, SiteRequest, prepare_site
from generator.errors import UserError
from generator.render.site.tree import SiteTree, write_tree
from generator.report import counted


@dataclass(frozen=True)
class SiteRun:
    """What `build` made: the site folder, the PDFs when it printed them, and the
    languages of its editions (empty: one site at the root of the folder)."""

    site_dir: Path
    pdfs: PdfRun | None
    editions: tuple[str, ...] = ()


@dataclass(frozen=True)
class MarkdownRun:
    """What `build` made with `out`: the folder and the tree of each language written into
    it (under `<lang>/` when `editions`, else one tree at the root)."""

    out: Path
    trees: dict[str, SiteTree]
    editions: bool = False


def _with_settings(options: Options, settings: EngineSettings) -> Options:
    """The options, with what the engine's configuration sets where the command line did not."""
    return replace(options, site_dir=options.site_dir or settings.site_dir,
                   downloads=options.downloads or settings.downloads, lang=options.lang or settings.lang)


def build(options: Options, engine: SiteEngine, reporter: Reporter) -> SiteRun | MarkdownRun:
    """`partnerkit build`: the site, or with `options.out` the Markdown tree only."""
    if options.out is not None:
        return _write_markdown(options, options.out, engine, reporter)
    return _build_site(options, engine, reporter)


def _build_site(options: Options, engine: SiteEngine, reporter: Reporter) -> SiteRun:
    """Print the PDFs (unless no_pdf), then build the site with `engine` into a staging
    folder swapped in whole; the engine's plugin gets the content loaded here."""
    check_jobs(options)
    settings = engine.settings(options)
    options = _with_settings(options, settings)
    site = Output.at("site folder", options.site_dir or settings.site_dir, replaced=True)
    check_outputs([site, *pdf_outputs(options, written=not options.no_pdf)],
                  Sources.of(options.project, settings.sources))
    content = load_checked(options, reporter)
    languages = edition_languages(content, options.lang)
    if not languages:
        options = replace(options, lang=site_language(content, options.lang))
    pdfs = None if options.no_pdf else print_pdfs(options, content, reporter)
    if pdfs is not None and options.strict and pdfs.report.warnings:
        raise UserError(f"the PDFs have {counted(len(pdfs.report.warnings), 'warning')} and --strict "
                        "is set; the site was not built")
    with staged(site) as staging:
        if languages:
            build_editions(engine, SiteRequest(options, content, languages), staging, site_url=settings.site_url)
        else:
            engine.build(SiteRequest(options, content), staging)
    return SiteRun(site.path, pdfs, languages)


def _write_markdown(options: Options, folder: Path, engine: SiteEngine, reporter: Reporter) -> MarkdownRun:
    """Write the generated Markdown pages, assets and nav.yml into `folder`, replaced whole."""
    out = Output.at("Markdown folder", folder, replaced=True)
    downloads = pdf_outputs(options, written=False)
    check_outputs([out, *downloads], Sources.of(options.project, engine.source_paths(options)))
    content = load_checked(options, reporter)
    languages = edition_languages(content, options.lang)
    trees = {lang: prepare_site(content, lang, options, directory_urls=True, extra_pages=[]).tree
             for lang in languages or (site_language(content, options.lang),)}
    with staged(out) as staging:
        for lang, tree in trees.items():
            write_tree(tree, staging / lang if languages else staging)
    return MarkdownRun(out.path, trees, editions=bool(languages))


def serve_site(options: Options, engine: SiteEngine) -> None:
    """Preview the site with `engine`; its plugin loads the content at every reload."""
    settings = engine.settings(options)
    options = _with_settings(options, settings)
    check_outputs(pdf_outputs(options, written=False), Sources.of(options.project, settings.sources))
    engine.serve(SiteRequest(options))
