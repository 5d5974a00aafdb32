"""The packages: a SCORM 1.2 zip per learning path and language, an offline bundle per language.

Both follow `build`'s order: check every output folder, load the content once, print the
PDFs (unless no_pdf), build one site per language that works with no server and lists
only its own language's PDFs (`SiteRequest.packaged`), then zip. The zips are written in
a staging folder swapped in whole, so a failure leaves the previous packages as they were;
the sites are built in a temporary folder beside it and thrown away.

- `partnerkit scorm`: per path and language, `<path>-<lang>.zip` holds the language's site
  under `site/`, the launch page and its script, and imsmanifest.xml
  (`render.packages.scorm`). A path whose progress could not fit in SCORM 1.2's
  suspend_data stops it with a located error (`checks.packages`).
- `partnerkit bundle`: per language, `<site id>-<lang>.zip` holds the site and its PDFs in
  one folder of that name, to open from a shared drive or a USB key (its index.html).
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from generator.app.content import checked, site_language
from generator.app.editions import build_languages
from generator.app.options import Options
from generator.app.outputs import Output, Sources, check_outputs, staged
from generator.app.pdfs import PdfRun, check_jobs, pdf_outputs, print_pdfs
from generator.app.reporting import Reporter
from generator.app.site import SiteEngine, SiteRequest
from generator.app.zips import add_entries, files_under, write_zip
from generator.checks.packages import check_packages
from generator.errors import ContentError, UserError
from generator.issues import Severity
from generator.messages import message
from generator.model.content import Content
from generator.model.training import LearningPath, Module
from generator.pipeline import load_content
from generator.render.packages import scorm
from generator.render.site.urls import entity_page, page_url
from generator.report import counted
from generator.typography import typeset

DEFAULT_SCORM = Path("build") / "scorm"
DEFAULT_BUNDLES = Path("build") / "bundles"


@dataclass(frozen=True)
class Package:
    """One zip written: its file, language, learning path (None for a bundle) and size."""

    file: Path
    lang: str
    path_id: str | None
    size_bytes: int


@dataclass(frozen=True)
class PackagesRun:
    """What a packaging run made."""

    folder: Path
    packages: tuple[Package, ...]
    pdfs: PdfRun | None


# (content, the languages, where their sites are, the staging folder, the zips' date) -> the zips
_Writer = Callable[[Content, Sequence[str], Path, Path, datetime], list[Package]]


def make_scorm(options: Options, engine: SiteEngine, reporter: Reporter, out: Path | None = None,
               path_ids: Sequence[str] = ()) -> PackagesRun:
    """`partnerkit scorm`: a SCORM 1.2 package per learning path (every one, or `path_ids`) and language."""
    folder = out or options.project / DEFAULT_SCORM
    chosen = tuple(dict.fromkeys(path_ids))

    def load(options: Options, reporter: Reporter) -> Content:
        content = _load_for_scorm(options, reporter)
        _chosen_paths(content, chosen)
        return content

    def write(content: Content, languages: Sequence[str], sites: Path, staging: Path,
              moment: datetime) -> list[Package]:
        return _write_scorm(content, _chosen_paths(content, chosen), languages, sites, staging, moment)

    return _package(options, engine, reporter, Output.at("SCORM folder", folder, replaced=True), load, write)


def make_bundles(options: Options, engine: SiteEngine, reporter: Reporter, out: Path | None = None) -> PackagesRun:
    """`partnerkit bundle`: the site and its PDFs, zipped, per language."""
    folder = out or options.project / DEFAULT_BUNDLES
    return _package(options, engine, reporter, Output.at("bundles folder", folder, replaced=True),
                    lambda options, reporter: checked(load_content(options.project_dir), options, reporter),
                    _write_bundles)


def _package(options: Options, engine: SiteEngine, reporter: Reporter, out: Output,
             load: Callable[[Options, Reporter], Content], write: _Writer) -> PackagesRun:
    check_jobs(options)
    settings = engine.settings(options)
    options = replace(options, downloads=options.downloads or settings.downloads)
    check_outputs([out, *pdf_outputs(options, written=not options.no_pdf)],
                  Sources.of(options.project, settings.sources))
    content = load(options, reporter)
    languages = (site_language(content, options.lang),) if options.lang else tuple(content.languages)
    pdfs = None if options.no_pdf else print_pdfs(options, content, reporter)
    if pdfs is not None and options.strict and pdfs.report.warnings:
        raise UserError(f"the PDFs have {counted(len(pdfs.report.warnings), 'warning')} and --strict "
                        "is set; no package was written")
    moment = _timestamp(options)
    with staged(out) as staging, tempfile.TemporaryDirectory(prefix=".partnerkit-sites-",
                                                              dir=out.path.parent) as sites:
        build_languages(engine, SiteRequest(options, content, packaged=True), languages, Path(sites))
        packages = write(content, languages, Path(sites), staging, moment)
    moved = tuple(replace(package, file=out.path / package.file.name) for package in packages)
    return PackagesRun(out.path, moved, pdfs)


def _timestamp(options: Options) -> datetime:
    from generator.render.print.build import resolve_timestamp  # print's date, without loading Typst first

    return resolve_timestamp(options.project_dir)


def _load_for_scorm(options: Options, reporter: Reporter) -> Content:
    """The content, where a path whose progress could not fit in an LMS is an error."""
    loaded = load_content(options.project_dir)
    blocking = check_packages(loaded.files, Severity.ERROR) if loaded.files is not None else []
    if blocking:
        # The same issue is a warning for `check`; here the error replaces it.
        spots = {(issue.file, issue.line, issue.column) for issue in blocking}
        others = [issue for issue in loaded.issues if (issue.file, issue.line, issue.column) not in spots]
        raise ContentError(sorted(others + blocking), "no SCORM package was written")
    return checked(loaded, options, reporter)


def _chosen_paths(content: Content, chosen: Sequence[str]) -> list[LearningPath]:
    """The paths to package, in content order; UserError when there are none or one is unknown."""
    paths = content.all(LearningPath)
    if not paths:
        raise UserError("there is no learning path to package: content/training/paths.yaml lists none "
                        "(add a path with its modules there)")
    unknown = [path_id for path_id in chosen if path_id not in paths]
    if unknown:
        raise UserError(f"no learning path {', '.join(repr(p) for p in unknown)} in content/training/paths.yaml "
                        f"(the paths are: {', '.join(paths)})")
    return [path for path_id, path in paths.items() if not chosen or path_id in chosen]


def scorm_path(content: Content, path: LearningPath, lang: str) -> scorm.ScormPath:
    """What the package of `path` in `lang` needs to know."""
    modules = content.all(Module)
    page = entity_page("path", path.id)
    assert page is not None
    title = typeset(path.title.get(lang, content.default_language), lang, content.site.french_spacing)
    return scorm.ScormPath(
        id=path.id, lang=lang, title=title, start=page_url(page, directory_urls=False),
        modules=tuple(scorm.ScormModule(m, tuple(check.id for check in modules[m].checks))
                      for m in dict.fromkeys(path.modules)),
        mastery_score=path.mastery_score,
        identifier=f"partnerkit-{content.site.id}-{path.id}-{lang}")


def _write_scorm(content: Content, paths: list[LearningPath], languages: Sequence[str], sites: Path,
                 staging: Path, moment: datetime) -> list[Package]:
    written = []
    script = scorm.launch_script()
    for lang in languages:
        site = files_under(sites / lang, scorm.SITE_FOLDER)
        # The site is compressed once per language; each path's zip starts as a copy of it.
        base = sites / f"{lang}.zip"
        write_zip(base, site, moment)
        texts = {key: message(lang, key, content.messages) for key in ("package_noscript", "package_open_site")}
        for path in paths:
            plan = scorm_path(content, path, lang)
            page = scorm.launch_page(plan, noscript=texts["package_noscript"], open_site=texts["package_open_site"])
            own = {scorm.LAUNCH_PAGE: page.encode("utf-8"), scorm.SCRIPT: script}
            own[scorm.MANIFEST] = scorm.manifest(plan, [*site, *own]).encode("utf-8")
            target = staging / f"{path.id}-{lang}.zip"
            shutil.copyfile(base, target)
            with zipfile.ZipFile(target, "a") as archive:
                add_entries(archive, own, moment)
            written.append(Package(target, lang, path.id, target.stat().st_size))
    return written


def _write_bundles(content: Content, languages: Sequence[str], sites: Path, staging: Path,
                   moment: datetime) -> list[Package]:
    written = []
    for lang in languages:
        name = f"{content.site.id}-{lang}"
        target = staging / f"{name}.zip"
        size = write_zip(target, files_under(sites / lang, f"{name}/"), moment)
        written.append(Package(target, lang, None, size))
    return written
