"""Injection: Typst code and markup characters in every kind of field come out literally."""

from __future__ import annotations

import base64
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from generator.pipeline import load_content
from generator.render.print import build_pdfs

pytestmark = pytest.mark.slow

# Plain text fields: every character Typst markup or code could react to.
PLAIN = '#panic("plain") #set page(fill: red) $x^2$ @ref <lbl> [a] *b* _c_ \\ `d` ~ -- = - + / "e" }'
# Markdown fields: the same Typst hazards, written so that Markdown keeps them as text.
MARKDOWN = 'md #panic("md") #let x = 1 $y$ @ref2 <tag> [z] ~ /w/ = + }'
PLAIN_KEYS = {"title", "subtitle", "name", "short_title", "summary", "label", "low", "high", "short",
              "term", "question", "value", "organization", "organization_type", "setting",
              "clinical_area", "unit", "coordination", "locator", "venue", "figure", "task", "cue"}
MARKDOWN_KEYS = {"who", "description", "why", "purpose", "instructions", "body", "what", "cycle",
                 "supervision", "definition", "feedback", "note", "help", "room_setup"}
LIST_KEYS = {"responsibilities", "day_one", "objectives", "rules", "how_to", "pitfalls", "challenges",
             "reflection", "key_points", "inputs", "outputs", "team_level", "other_levels",
             "toolkits_add", "positions", "materials", "points", "debrief"}
STAMP = datetime(2026, 1, 2, tzinfo=UTC)


class _Marker:
    """Gives each field its own numbered payload, so each can be found in the PDF."""

    def __init__(self) -> None:
        self.count = 0
        self.payloads: list[str] = []

    def __call__(self, base: str) -> str:
        self.count += 1
        payload = f"{base} k{self.count}q"
        self.payloads.append(payload)
        return payload


def _poison(node: Any, mark: _Marker, parent_key: str = "") -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key in PLAIN_KEYS and isinstance(value, str) and not (key == "summary" and parent_key == "story"):
                out[key] = mark(PLAIN)
            elif (key in MARKDOWN_KEYS or key == "summary") and isinstance(value, str):
                out[key] = mark(MARKDOWN)
            elif key in LIST_KEYS and isinstance(value, list):
                out[key] = [mark(MARKDOWN) for _ in value]
            elif key == "text" and isinstance(value, str):
                out[key] = mark(MARKDOWN)
            else:
                out[key] = _poison(value, mark, key)
        return out
    if isinstance(node, list):
        return [_poison(item, mark, parent_key) for item in node]
    return node


def _flat(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", "", text)


def test_hostile_text_in_every_field_is_printed_literally(mini_copy: Path, tmp_path: Path) -> None:
    mark = _Marker()
    for path in sorted((mini_copy / "content").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(_poison(data, mark), allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    loaded = load_content(mini_copy)
    assert loaded.content is not None, loaded.issues
    downloads = build_pdfs(loaded.content, tmp_path / "out", jobs=2, timestamp=STAMP)
    pdfs = [d for d in downloads if d.kind != "notes"]
    text = _flat("\n".join(page.extract_text() for d in pdfs for page in PdfReader(tmp_path / "out" / d.file).pages))
    sessions = _flat("\n".join(page.extract_text() for d in pdfs if d.source_kind == "session"
                               for page in PdfReader(tmp_path / "out" / d.file).pages))
    [notes] = [d for d in downloads if d.kind == "notes"]
    spoken = _flat("\n".join(page["note"] for page in json.loads((tmp_path / "out" / notes.file).read_text())["pages"]))
    printed = in_sessions = in_notes = 0
    for payload in mark.payloads:
        tag = payload.rsplit(" ", 1)[1]
        occurrences = text.count(tag)
        if occurrences:
            printed += 1
            in_sessions += tag in sessions
            assert text.count(_flat(payload)) == occurrences, f"{payload!r} was altered in print"
        if tag in spoken:
            in_notes += 1
            assert spoken.count(tag) == spoken.count(_flat(payload)), f"{payload!r} was altered in the notes"
    # Titles, labels, bodies, list items, quotes, tool items, cases, glossary, module checks...
    assert printed >= 60, f"only {printed} of {len(mark.payloads)} poisoned fields were printed"
    # ... and the session's: titles, points, notes, cues, purposes, activities, materials, tasks.
    assert in_sessions >= 20 and in_notes >= 5, (in_sessions, in_notes)
    assert "panic" in text


# Markdown that stresses the serializer: empty and skipped headings, empty links and cells,
# callouts, nested lists, code, raw HTML, references, remote images.
_MARKDOWN_STRESS = [
    "#", "#### Deep", "## Title", "[](https://example.org)", "[y](#frag)", "| | |\n|-|-|\n| | |",
    '!!! note ""\n    body only', "!!! danger", "> quote\n>\n> # heading", "1. \n2. b\n    - nested\n        1. deeper",
    "```\nfenced # code\n```", "    indented code", "***", "trailing  \nbreak", "![](pic.png)",
    "![alt](https://remote.example.org/x.png)", "[[role:patient-advisor]]", "<b>bold?</b> <script>x</script>",
    "Setext\n======", "- a\n\n    ## heading in a list",
]


@pytest.mark.parametrize("seed", [1, 2])
def test_stressful_markdown_in_every_markdown_field_compiles(mini_copy: Path, tmp_path: Path, seed: int) -> None:
    import random

    rng = random.Random(seed)

    def stress() -> str:
        return "\n\n".join(rng.sample(_MARKDOWN_STRESS, k=rng.randint(1, 5)))

    def poison(node: Any, parent: str = "") -> Any:
        if isinstance(node, dict):
            out = {}
            for key, value in node.items():
                markdown = key in MARKDOWN_KEYS or (key == "summary" and parent == "story") or \
                    (key == "text" and parent != "quote")
                if markdown and isinstance(value, str):
                    out[key] = stress()
                elif key in LIST_KEYS - {"objectives", "reflection", "key_points", "inputs", "outputs",
                                         "positions"} and isinstance(value, list):
                    out[key] = [stress() for _ in value]
                else:
                    out[key] = poison(value, key)
            return out
        if isinstance(node, list):
            return [poison(item, parent) for item in node]
        return node

    for path in sorted((mini_copy / "content").rglob("*.yaml")):
        if path.name != "site.yaml":
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            path.write_text(yaml.safe_dump(poison(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    # The local image of the stress Markdown exists (check refuses a missing one): a 1x1 PNG.
    (mini_copy / "pic.png").write_bytes(base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="))
    loaded = load_content(mini_copy)
    assert loaded.content is not None, loaded.issues
    downloads = build_pdfs(loaded.content, tmp_path / "out", jobs=1, timestamp=STAMP)
    assert len(downloads) == 12  # 5 PDFs of the documents, roles, tools and paths; 7 files of the session
