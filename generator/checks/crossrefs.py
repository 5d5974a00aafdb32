"""The second validation pass: references across files, inline references, texts, the logo.

It walks every valid entity once, checks each reference against the ids that exist
(with 'did you mean' suggestions and a wrong-kind diagnosis) and hands each text to
`checks.texts`. It only reports: the links between entities are built by
`generator.resolve`, once the content is known to be sound.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace

from generator.checks.images import image_problem
from generator.checks.terminology import TermLint
from generator.checks.texts import TextRules, check_text, text_position
from generator.issues import Issue, Severity
from generator.loading.images import ImageLookup
from generator.loading.project import LoadedFiles
from generator.model.registry import BY_NAME, LISTED_KINDS, REFERABLE, ListedIn
from generator.model.site import Site
from generator.model.terminology import Terminology
from generator.model.text import ID_PATTERN, UNTAGGED, find_inline_refs, suggest_id
from generator.model.walk import FoundRef, FoundText, walk, walk_raw
from generator.positions import Origin

_ID = re.compile(ID_PATTERN)


@dataclass
class CrossCheck:
    """The problems found."""

    issues: list[Issue] = field(default_factory=list)
    # Better hints for first-pass issues, by (file, line, column): an invalid id in a
    # reference ('Clarify_roles') gets the close existing id, which the first pass cannot know.
    hints: dict[tuple[str, int, int], str] = field(default_factory=dict)

    def refine(self, first_pass: list[Issue]) -> list[Issue]:
        """The first pass's issues, with the hints this pass improved."""
        return [
            replace(issue, hint=self.hints.get((issue.file, issue.line, issue.column), issue.hint))
            for issue in first_pass
        ]


def _suggest(wanted: str, kind: str, loaded: LoadedFiles) -> str:
    """A hint for an unknown id: a close id of the right kind, or the kind it belongs to.

    Ids of files that failed to load count too: a reference one letter off from one of
    them is still a typo. An id that is not even valid ('Clarify_roles') is compared
    in the form it was most likely meant ('clarify-roles').
    """
    known = loaded.entities
    candidates = [*known.get(kind, {}), *(entity_id for broken_kind, entity_id in loaded.broken if broken_kind == kind)]
    meant = suggest_id(wanted) or wanted
    close = [meant] if meant in candidates else difflib.get_close_matches(meant, candidates, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    elsewhere = [other for other in REFERABLE if other != kind and wanted in known.get(other, {})]
    if elsewhere:
        return f"'{wanted}' is a {elsewhere[0]}, not a {kind}"
    return f"no {kind} has this id; check content/ for the right one"


def check_references(loaded: LoadedFiles, languages: list[str]) -> CrossCheck:
    """Check every reference and text of every loaded entity."""
    result = CrossCheck()
    known = loaded.entities
    images = ImageLookup(loaded.project)
    terminology = loaded.catalogs.get("terminology")
    rules = TextRules(languages, images, TermLint(terminology) if isinstance(terminology, Terminology) else None)
    for (kind, entity_id), origin in loaded.origins.items():
        for found in walk(known[kind][entity_id], origin.prefix):
            _check_found(found, origin, loaded, result, rules)
    # Files that failed the first pass: check what can be checked, skipping places already reported.
    reported = {(issue.file, issue.line, issue.column) for issue in loaded.issues}
    for model, origin in loaded.partial:
        for found in walk_raw(model, origin.located.data):
            position = origin.located.position(found.path)
            place = (origin.display, position.line, position.column)
            if place in reported:
                if isinstance(found, FoundRef) and not _ID.match(found.id):
                    hint = _suggest(found.id, found.kind, loaded)
                    if hint.startswith("did you mean"):
                        result.hints[place] = hint
                continue
            _check_found(found, origin, loaded, result, rules)
    # Catalogs that list no entities of their own (site settings, the evidence page) are walked whole.
    listing = {stored.catalog for _, stored in LISTED_KINDS}
    for name, origin in loaded.catalog_origins.items():
        if name not in listing:
            for found in walk(loaded.catalogs[name]):
                _check_found(found, origin, loaded, result, rules)
    result.issues += _check_logo(loaded, images, reported)
    return result


def _check_found(
    found: FoundRef | FoundText, origin: Origin, loaded: LoadedFiles, result: CrossCheck, rules: TextRules
) -> None:
    if isinstance(found, FoundRef):
        _check_ref(found, origin, loaded, result)
        return
    result.issues += check_text(found, origin, rules)
    if found.is_markdown:
        _check_inline_refs(found, origin, loaded, result)


def _check_ref(found: FoundRef, origin: Origin, loaded: LoadedFiles, result: CrossCheck) -> None:
    known = loaded.entities
    if found.id in known.get(found.kind, {}):
        return
    if _already_reported(loaded, found.kind, found.id):
        return
    result.issues.append(
        origin.issue(
            found.path,
            Severity.ERROR,
            f"unknown {found.kind} '{found.id}'",
            hint=_suggest(found.id, found.kind, loaded),
        )
    )


def _already_reported(loaded: LoadedFiles, kind: str, entity_id: str) -> bool:
    """True when the target's own file failed the first pass (its errors say why)."""
    spec = BY_NAME.get(kind)
    listed_in = spec.stored if spec is not None and isinstance(spec.stored, ListedIn) else None
    return (kind, entity_id) in loaded.broken or (listed_in is not None and listed_in.catalog in loaded.broken_catalogs)


def _check_inline_refs(found: FoundText, origin: Origin, loaded: LoadedFiles, result: CrossCheck) -> None:
    """`[[kind:id]]` in a Markdown text: the kind exists, and the id exists."""
    known = loaded.entities
    for lang, text in found.text.items():
        text_path = found.path if lang == UNTAGGED else (*found.path, lang)
        for inline in find_inline_refs(text):
            if inline.kind not in REFERABLE:
                close = difflib.get_close_matches(inline.kind, REFERABLE, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"kinds: {', '.join(REFERABLE)}"
                result.issues.append(
                    origin.issue(
                        text_path,
                        Severity.ERROR,
                        f"unknown kind '{inline.kind}' in [[{inline.kind}:{inline.id}]]",
                        where=found.path,
                        at=text_position(origin, text_path, text, inline.start),
                        hint=hint,
                    )
                )
            elif inline.id not in known.get(inline.kind, {}) and not _already_reported(loaded, inline.kind, inline.id):
                result.issues.append(
                    origin.issue(
                        text_path,
                        Severity.ERROR,
                        f"unknown {inline.kind} '{inline.id}' in [[{inline.kind}:{inline.id}]]",
                        where=found.path,
                        at=text_position(origin, text_path, text, inline.start),
                        hint=_suggest(inline.id, inline.kind, loaded),
                    )
                )


def _check_logo(loaded: LoadedFiles, images: ImageLookup, reported: set[tuple[str, int, int]]) -> list[Issue]:
    """site.yaml's logo is a file of the project and an image (checked even when site.yaml has other errors)."""
    origin = loaded.catalog_origins.get("site") or next((o for model, o in loaded.partial if model is Site), None)
    logo = origin.located.data.get("logo") if origin is not None else None
    if origin is None or not isinstance(logo, str):
        return []
    located = images.locate(logo)
    problem = image_problem(located, what="logo") if located is not None else None
    position = origin.located.position(("logo",))
    if problem is None or (origin.display, position.line, position.column) in reported:
        return []
    severity, message, hint = problem
    return [origin.issue(("logo",), severity, message, hint=hint)]
