"""The resolved model: frozen, complete, links answerable from both ends, schema documented."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from generator.model.content import Content
from generator.model.framework import Family
from generator.model.practice import Practice
from generator.model.registry import CATALOG_FILES, FOLDER_KINDS
from generator.model.text import LocalizedText
from generator.pipeline import load_content

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture(scope="module")
def content() -> Content:
    loaded = load_content(MINI)
    assert loaded.content is not None, loaded.issues
    return loaded.content


def test_links_resolve_both_ways(content: Content) -> None:
    # A practice knows its cases, a case knows its practices.
    assert content.related("practice", "prepare-patient-advisors", "case") == ("oncology",)
    assert content.related("case", "oncology", "practice") == ("prepare-patient-advisors",)
    # A role knows the practices that name it; a practice knows its quotes (named from the quote side).
    assert content.related("role", "patient-advisor", "practice") == ("prepare-patient-advisors",)
    assert content.related("practice", "prepare-patient-advisors", "quote") == ("preparation-is-a-must",)
    # Inline references in Markdown count as links too.
    assert "preparation-checklist" in content.related("practice", "prepare-patient-advisors", "tool")
    assert content.related("tool", "preparation-checklist", "module") == ()
    assert content.links.referrers(("module", "welcome"), "document") == ("pa-onboarding",)


def test_every_kind_is_present_and_typed(content: Content) -> None:
    assert content.all(Practice)["prepare-patient-advisors"].family == "managing-integration"
    assert content.default_language == "en"
    assert list(content.all(Family)) == ["designing", "managing-integration"]
    assert [p.id for p in content.practices_in_family("managing-integration")] == ["prepare-patient-advisors"]
    for kind in (
        "practice",
        "role",
        "program",
        "process",
        "case",
        "quote",
        "tool",
        "module",
        "session",
        "document",
        "family",
        "level",
        "phase",
        "continuum",
        "audience",
        "term",
        "reference",
        "path",
    ):
        assert content.entities[kind], kind


def test_model_is_frozen(content: Content) -> None:
    practice = content.all(Practice)["prepare-patient-advisors"]
    with pytest.raises(ValidationError):
        practice.family = "designing"  # type: ignore[misc]
    with pytest.raises(TypeError):
        content.entities["practice"]["x"] = practice  # type: ignore[index]


def test_localized_text_falls_back_to_the_default_language() -> None:
    text = LocalizedText.model_validate({"en": "Hello", "fr": "Bonjour"})
    assert text.get("fr", "en") == "Bonjour"
    assert text.get("de", "en") == "Hello"
    assert LocalizedText.model_validate("Plain").get("fr", "en") == "Plain"
    with pytest.raises(ValidationError):
        LocalizedText.model_validate({"en": "  "})


def _models(root: type[BaseModel]) -> set[type[BaseModel]]:
    found: set[type[BaseModel]] = set()

    def visit(annotation: object) -> None:
        for arg in typing.get_args(annotation):
            visit(arg)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation not in found:
            if issubclass(annotation, LocalizedText):
                return
            found.add(annotation)
            for field in annotation.model_fields.values():
                visit(field.annotation)

    visit(root)
    return found


def test_every_field_of_every_model_is_described_and_closed() -> None:
    roots = [k.model for k, _ in FOLDER_KINDS] + [k.model for k, _ in CATALOG_FILES]
    models = set().union(*(_models(root) for root in roots))
    assert len(models) > 30
    for model in models:
        assert model.model_config.get("extra") == "forbid", model
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name} has no description"
