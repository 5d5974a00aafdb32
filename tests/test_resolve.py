"""The resolver links what the checks walk: its short walk finds every reference the full walk finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.loading.project import load_files
from generator.model.text import find_inline_refs
from generator.model.walk import FoundRef, references, walk
from generator.pipeline import load_content

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = [ROOT, *sorted(path for path in (ROOT / "tests" / "fixtures").iterdir() if (path / "content").is_dir())]


@pytest.mark.parametrize("project", PROJECTS, ids=lambda path: path.name)
def test_the_short_walk_finds_what_the_full_walk_finds(project: Path) -> None:
    loaded = load_files(project)
    models = [loaded.entities[kind][entity_id] for kind, entity_id in loaded.origins] + list(loaded.catalogs.values())
    for model in models:
        expected = []
        for found in walk(model):
            if isinstance(found, FoundRef):
                expected.append((found.kind, found.id))
            elif found.is_markdown:
                expected += [(ref.kind, ref.id) for _, text in found.text.items() for ref in find_inline_refs(text)]
        assert references(model) == expected


def test_links_come_from_references_and_inline_references() -> None:
    loaded = load_content(ROOT / "tests" / "fixtures" / "every-reference")
    assert loaded.content is not None, loaded.issues
    links = loaded.content.links
    # Every node that refers to others is an entity of the content (or the site settings).
    assert all(kind in loaded.content.entities or kind == "site" for kind, _ in links.outgoing)
    # `[[document:pa-onboarding]]` inside a role's day_one is a link from that role.
    assert ("document", "pa-onboarding") in links.outgoing[("role", "patient-advisor")]
    assert "patient-advisor" in links.referrers(("document", "pa-onboarding"), "role")
