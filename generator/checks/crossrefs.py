"""The second validation pass: references across files, inline references, translations.

It walks every valid entity once, checks each reference against the ids that exist
(with 'did you mean' suggestions and a wrong-kind diagnosis), and records every
edge so the resolved model can answer questions in both directions.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace

from generator.checks.privacy import identifying_details
from generator.checks.walk import FoundRef, FoundText, walk, walk_raw
from generator.issues import Issue, Severity
from generator.loading.kinds import ALL_REFERABLE_KINDS, NESTED_KINDS
from generator.loading.project import LoadedFiles, Origin
from generator.loading.yaml_reader import KeyPath
from generator.model.text import ID_PATTERN, NEUTRAL, UNTAGGED, find_inline_refs, suggest_id

Node = tuple[str, str]  # (kind, id)
_ID = re.compile(ID_PATTERN)


@dataclass
class CrossCheck:
    """Edges between entities (in content order) and the problems found."""

    edges: list[tuple[Node, Node]] = field(default_factory=list)
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
    elsewhere = [other for other in ALL_REFERABLE_KINDS if other != kind and wanted in known.get(other, {})]
    if elsewhere:
        return f"'{wanted}' is a {elsewhere[0]}, not a {kind}"
    return f"no {kind} has this id; check content/ for the right one"


def _inline_position(origin: Origin, path: KeyPath, text: str, offset: int) -> tuple[int, int]:
    """Line and column of character `offset` of the text at `path`."""
    located = origin.located
    start = located.position(path)
    before = text[:offset]
    newlines = before.count("\n")
    if path in located.block_scalars:
        line = start.line + 1 + newlines
        source = located.lines[line - 1] if 0 < line <= len(located.lines) else ""
        indent = len(source) - len(source.lstrip(" "))
        return line, indent + len(before) - (before.rfind("\n") + 1) + 1
    if newlines == 0:
        opening_quote = 1 if path in located.quoted_scalars else 0
        return start.line, start.column + offset + opening_quote
    return start.line + newlines, 1


def check_references(loaded: LoadedFiles, languages: list[str]) -> CrossCheck:
    """Check every reference and text of every loaded entity."""
    result = CrossCheck()
    known = loaded.entities
    default = languages[0] if languages else "en"
    for (kind, entity_id), origin in loaded.origins.items():
        entity = known[kind][entity_id]
        source: Node = (kind, entity_id)
        for found in walk(entity, origin.prefix):
            if isinstance(found, FoundRef):
                _check_ref(found, source, origin, loaded, result)
            else:
                _check_text(found, source, origin, loaded, result, languages, default)
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
            if isinstance(found, FoundRef):
                _check_ref(found, ("file", origin.display), origin, loaded, result)
            else:
                _check_text(found, ("file", origin.display), origin, loaded, result, languages, default)
    for name, origin in loaded.catalog_origins.items():
        if name in ("site",):
            for found in walk(loaded.catalogs[name]):
                if isinstance(found, FoundText):
                    _check_text(found, ("site", "site"), origin, loaded, result, languages, default)
    return result


def _check_ref(found: FoundRef, source: Node, origin: Origin, loaded: LoadedFiles, result: CrossCheck) -> None:
    known = loaded.entities
    if found.id in known.get(found.kind, {}):
        result.edges.append((source, (found.kind, found.id)))
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
    catalog = NESTED_KINDS.get(kind)
    return (kind, entity_id) in loaded.broken or (catalog is not None and catalog[0] in loaded.broken_catalogs)


def _check_translations(
    found: FoundText, origin: Origin, result: CrossCheck, languages: list[str], default: str
) -> None:
    """A warning per site language the text lacks; the hint spells every language, in the site's order."""
    given = found.text.languages()
    shape = ", ".join(f"{lang}: ..." for lang in languages)
    for lang in languages[1:] if given == (UNTAGGED,) else languages:
        if not found.text.has(lang) and (given != (UNTAGGED,) or lang != default):
            fallback = default if found.text.has(default) or given == (UNTAGGED,) else given[0]
            result.issues.append(
                origin.issue(
                    found.path,
                    Severity.WARNING,
                    f"missing '{lang}' translation; the '{fallback}' text is used",
                    hint=f"write it as {{{shape}}}, or as {{{NEUTRAL}: ...}} if it needs no translation",
                )
            )


def _check_text(
    found: FoundText,
    source: Node,
    origin: Origin,
    loaded: LoadedFiles,
    result: CrossCheck,
    languages: list[str],
    default: str,
) -> None:
    given = found.text.languages()
    where = found.path
    if given != (UNTAGGED,):
        for lang in given:
            if lang not in languages and lang != NEUTRAL:
                result.issues.append(
                    origin.issue(
                        (*found.path, lang),
                        Severity.WARNING,
                        f"language '{lang}' is not one of the site's languages ({', '.join(languages)})",
                        key=True,
                        where=where,
                        hint="add it to 'languages' in content/site.yaml, or fix the code",
                    )
                )
    if found.text.needs_translation():
        _check_translations(found, origin, result, languages, default)
    for lang, text in found.text.items():
        text_path = found.path if lang == UNTAGGED else (*found.path, lang)
        for finding in identifying_details(text):
            result.issues.append(
                origin.issue(
                    text_path,
                    Severity.WARNING,
                    f"text contains what looks like {finding.what}; it would be published",
                    where=where,
                    at=_inline_position(origin, text_path, text, finding.start),
                    hint="remove it, or replace it with a role (e.g. 'the partnership office')",
                )
            )
    if not found.is_markdown:
        return
    known = loaded.entities
    for lang, text in found.text.items():
        text_path = found.path if lang == UNTAGGED else (*found.path, lang)
        for inline in find_inline_refs(text):
            if inline.kind not in ALL_REFERABLE_KINDS:
                close = difflib.get_close_matches(inline.kind, ALL_REFERABLE_KINDS, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"kinds: {', '.join(ALL_REFERABLE_KINDS)}"
                result.issues.append(
                    origin.issue(
                        text_path,
                        Severity.ERROR,
                        f"unknown kind '{inline.kind}' in [[{inline.kind}:{inline.id}]]",
                        where=where,
                        at=_inline_position(origin, text_path, text, inline.start),
                        hint=hint,
                    )
                )
            elif inline.id not in known.get(inline.kind, {}) and not _already_reported(loaded, inline.kind, inline.id):
                result.issues.append(
                    origin.issue(
                        text_path,
                        Severity.ERROR,
                        f"unknown {inline.kind} '{inline.id}' in [[{inline.kind}:{inline.id}]]",
                        where=where,
                        at=_inline_position(origin, text_path, text, inline.start),
                        hint=_suggest(inline.id, inline.kind, loaded),
                    )
                )
            elif inline.id in known.get(inline.kind, {}):
                result.edges.append((source, (inline.kind, inline.id)))
