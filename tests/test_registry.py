"""The kind registry is the one list of kinds: every reference kind is registered, and what is
derived from it (loading, URLs, stats, schemas, the page tree, the typed accessors) agrees."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator import messages
from generator.model import registry, text
from generator.model.content import Content
from generator.model.framework import Term
from generator.model.practice import Practice
from generator.model.site import Site
from generator.model.walk import _element, _ref_kind
from generator.pipeline import load_content
from generator.render.site import urls
from generator.render.site.tree import ENTITY_PAGES, render_site
from generator.schemas import schema_targets
from generator.stats import count_entities

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture(scope="module")
def content() -> Content:
    loaded = load_content(MINI)
    assert loaded.content is not None, loaded.issues
    return loaded.content


def _models(root: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    """`root` and every model its fields hold, through lists, unions and Annotated."""
    if root in seen:
        return seen
    seen.add(root)

    def visit(annotation: object) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            _models(annotation, seen)
        for arg in typing.get_args(annotation):
            visit(arg)

    for field in root.model_fields.values():
        visit(field.annotation)
    return seen


def test_every_reference_alias_names_a_registered_kind() -> None:
    aliases = {name: _ref_kind(value, []) for name, value in vars(text).items() if name.endswith("Ref")}
    aliases = {name: kind for name, kind in aliases.items() if kind is not None}
    assert len(aliases) >= 18
    assert {name: kind for name, kind in aliases.items() if kind not in registry.REFERABLE} == {}


def test_every_reference_in_every_model_names_a_registered_kind() -> None:
    models: set[type[BaseModel]] = set()
    for kind in registry.KINDS:
        _models(kind.model, models)
    kinds = {
        found
        for model in models
        for field in model.model_fields.values()
        for found in (_ref_kind(field.annotation, list(field.metadata)), _element_kind(field.annotation))
        if found is not None
    }
    assert kinds and kinds <= set(registry.REFERABLE)


def _element_kind(annotation: object) -> str | None:
    element = _element(annotation)
    return _ref_kind(element, []) if element is not None else None


def test_every_referable_kind_can_be_written_inline() -> None:
    for name in registry.REFERABLE:
        refs = text.find_inline_refs(f"see [[{name}:some-id]]")
        assert [(ref.kind, ref.id) for ref in refs] == [(name, "some-id")]


def test_names_are_unique_and_listed_kinds_name_a_catalog_and_its_list() -> None:
    assert len(registry.BY_NAME) == len(registry.KINDS)
    for kind, listed in registry.LISTED_KINDS:
        catalog = registry.kind_named(listed.catalog)
        assert isinstance(catalog.stored, registry.CatalogFile), kind.name
        assert listed.attribute in catalog.model.model_fields, kind.name


def test_every_kind_with_pages_has_a_page_function_and_a_template_named_after_it() -> None:
    with_pages = {kind.name for kind, _ in registry.WITH_PAGES}
    assert set(ENTITY_PAGES) == with_pages
    for kind, page in registry.WITH_PAGES:
        assert ENTITY_PAGES[kind.name].kind is kind
        assert page.template == kind.template == f"{kind.name}.md"
    assert all(kind.template is None for kind in registry.KINDS if kind.name not in with_pages)


def test_section_titles_are_site_strings() -> None:
    titles = {kind.name: kind.labels.title for kind in registry.KINDS if kind.labels.title is not None}
    assert titles["practice"] == "practices" and titles["term"] == "glossary"
    assert {name: key for name, key in titles.items() if not messages.has(key)} == {}


def test_urls_are_derived_unchanged() -> None:
    assert urls.ENTITY_FOLDERS == {
        "practice": "practices", "role": "roles", "case": "cases", "tool": "tools", "program": "program",
        "process": "program/processes", "module": "training/modules", "session": "training/sessions",
        "path": "training/paths",
    }
    assert urls.INDEXES == {
        "practice": "practices/index.md", "role": "roles/index.md", "case": "cases/index.md",
        "tool": "tools/index.md", "program": "program/index.md", "session": "training/sessions/index.md",
        "path": "training/index.md",
    }
    assert urls.ANCHORED == {
        "family": (urls.FRAMEWORK, "family-"), "level": (urls.FRAMEWORK, "level-"),
        "phase": (urls.FRAMEWORK, "phase-"), "continuum": (urls.FRAMEWORK, "continuum-"),
        "audience": (urls.HOME, "audience-"), "quote": (urls.QUOTES, "quote-"), "term": (urls.GLOSSARY, "term-"),
        "reference": (urls.REFERENCES, "ref-"), "document": (urls.DOWNLOADS, "doc-"),
    }
    assert urls.entity_page("practice", "x") == "practices/x.md"
    assert urls.entity_page("session", "x") == "training/sessions/x.md"  # beside its deck (render/site/decks.py)
    assert urls.target("family", "x") == ("framework/index.md", "family-x")
    assert urls.target("path", "x") == ("training/paths/x.md", "")


def test_every_page_the_registry_names_is_rendered(content: Content) -> None:
    rendered = {page.src for page in render_site(content).pages}
    named = {kind.index for kind in registry.KINDS if kind.index is not None}
    named |= {kind.url.page for kind in registry.KINDS if isinstance(kind.url, registry.Anchor)}
    assert named <= rendered
    for kind, page in registry.WITH_PAGES:
        assert {page.src(entity_id) for entity_id in content.all(kind)} <= rendered, kind.name


def test_stats_count_every_referable_kind_by_its_plural(content: Content) -> None:
    assert list(count_entities(content)) == [
        "practices", "roles", "programs", "processes", "cases", "quotes", "tools", "modules", "sessions",
        "documents", "families", "levels", "phases", "continuum stages", "audiences", "glossary terms",
        "references", "paths",
    ]


def test_schemas_cover_every_kind_stored_in_a_file_of_its_own() -> None:
    stored = {kind.name for kind in registry.KINDS if not isinstance(kind.stored, registry.ListedIn)}
    assert {name for name, _, _ in schema_targets()} == stored


def test_content_is_typed_by_the_registry(content: Content) -> None:
    assert content.all(Practice) is content.all("practice")  # by model or by name: one mapping
    practice = content.entity(Practice, "prepare-patient-advisors")
    assert isinstance(practice, Practice) and practice.id == "prepare-patient-advisors"
    assert content.entity("practice", practice.id) is practice
    assert list(content.all(registry.PHASE)) == [t.id for t in content.framework.phases]
    assert set(content.all(registry.CONTINUUM)) == {t.id for t in content.framework.engagement_continuum}
    with pytest.raises(LookupError, match="phase, continuum"):
        content.all(Term)  # two kinds share the model: name the kind
    with pytest.raises(LookupError, match="catalog file"):
        content.all(Site)
    for kind in registry.KINDS:
        if kind.referable and kind.model is not Term:
            assert registry.kind_of(kind.model) is kind


def test_the_readme_names_every_kind_and_where_it_is_stored() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    inline = re.search(r"\(kinds: ([^)]*)\)", readme)
    assert inline is not None
    names = [name.strip() for name in " ".join(inline.group(1).split()).split(",")]
    assert sorted(names) == sorted(registry.REFERABLE)
    for kind in registry.KINDS:
        if not isinstance(kind.stored, registry.ListedIn):
            path = kind.stored.path + ("/" if isinstance(kind.stored, registry.Folder) else "")
            assert f"`content/{path}`" in readme, kind.name

