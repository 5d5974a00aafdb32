"""Writing a translation into YAML text keeps the file as it was, and reads back exactly."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.loading.yaml_edit import EditError, TextEdit, apply_translations, set_translation
from generator.loading.yaml_reader import read_yaml_text
from generator.positions import KeyPath

SHAPES = """\
# A comment at the top stays.
plain: Patient advisor   # and one after a value
folded: >-
  A volunteer with lived experience of care
  who joins a QI committee.

next_line:
  A patient or family member
  who has used the services.
quoted: "Say \\"hi\\": now"
literal: |
  Line one

  - item
mapping:
  en: Hello
  # a comment inside
flow: {en: Partnership office}
items:
  - Bring the patient's view
    to every decision.
  - text: Two advisors per team.
    source: guidance
flow_items: [First thing, second]
replace:
  en: Hi
  fr: Salut  # keep me
replace_block:
  fr: >-
    Ancien texte
    sur deux lignes

  en: Old
replace_flow: {en: A, fr: B}
last: the end"""

PATHS: list[KeyPath] = [
    ("plain",), ("folded",), ("next_line",), ("quoted",), ("literal",), ("mapping",), ("flow",), ("items", 0),
    ("items", 1, "text"), ("flow_items", 0), ("replace",), ("replace_block",), ("replace_flow",), ("last",),
]

TRICKY = [
    "Étape 1 : préparer « l’équipe »",
    "Step 1: prepare",
    "# not a comment",
    "* not a list",
    "[not a list]",
    "{not a mapping}",
    "- not an item",
    'with "double" and \'single\' quotes',
    "ends with a colon:",
    "l’équipe d’amélioration continue de la qualité " * 4 + "fin",
    "Un paragraphe.\n\n- une liste avec [[role:patient-advisor|le patient partenaire]]\n- et # un croisillon",
    "a line that ends with a break\n",
    "  leading spaces, and trailing ones  ",
    "2",
    "null",
    "tab\tinside",
    "a bell \x07 and a NEL \x85",
]


def _value(data: Any, path: KeyPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _read(text: str) -> Any:
    result = read_yaml_text(text, "test.yaml")
    assert result.located is not None, result.issues
    return result.located.data


@pytest.mark.parametrize("translation", TRICKY)
def test_every_shape_reads_back_exactly_with_every_other_value_unchanged(translation: str) -> None:
    before = _read(SHAPES)
    text = SHAPES
    for path in PATHS:
        text = set_translation(text, path, "fr", translation, "en")
    after = _read(text)
    for path in PATHS:
        written = _value(after, path)
        original = _value(before, path)
        assert written["fr"] == translation, path
        assert written.get("en") == (original if isinstance(original, str) else original["en"]), path
    # The rest of the file is untouched.
    assert {key: value for key, value in after.items() if (key,) not in PATHS and key not in ("items", "flow_items")} \
        == {key: value for key, value in before.items() if (key,) not in PATHS and key not in ("items", "flow_items")}
    assert after["items"][1]["source"] == "guidance" and after["flow_items"][1] == "second"


def test_comments_layout_and_the_original_value_are_kept_byte_for_byte() -> None:
    text = SHAPES
    for path in (("plain",), ("folded",), ("items", 0), ("replace",), ("flow",)):
        text = set_translation(text, path, "fr", "Texte", "en")
    assert text.startswith("# A comment at the top stays.\n"
                           "plain:\n"
                           "  en: Patient advisor   # and one after a value\n"
                           "  fr: Texte\n"
                           "folded:\n"
                           "  en: >-\n"
                           "    A volunteer with lived experience of care\n"
                           "    who joins a QI committee.\n"
                           "  fr: Texte\n"
                           "\n"
                           "next_line:\n")
    assert "items:\n  - en: Bring the patient's view\n      to every decision.\n    fr: Texte\n  - text:" in text
    assert "replace:\n  en: Hi\n  fr: Texte  # keep me\n" in text
    assert "flow: {en: Partnership office, fr: Texte}\n" in text
    assert "mapping:\n  en: Hello\n  # a comment inside\n" in text


def test_long_text_is_folded_and_markdown_is_a_literal_block() -> None:
    long = " ".join(["l’amélioration continue de la qualité"] * 6)
    text = set_translation("summary: Short\n", ("summary",), "fr", long, "en")
    assert text.startswith("summary:\n  en: Short\n  fr: >-\n    l’amélioration")
    assert all(len(line) < 96 for line in text.splitlines())
    text = set_translation("body: Short\n", ("body",), "fr", "Un.\n\n- deux", "en")
    assert text == "body:\n  en: Short\n  fr: |-\n    Un.\n\n    - deux\n"


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=120))
def test_any_text_reads_back_exactly(translation: str) -> None:
    text = SHAPES
    for path in (("plain",), ("literal",), ("items", 0), ("replace_block",), ("replace_flow",), ("flow",)):
        text = set_translation(text, path, "fr", translation, "en")
        assert _value(_read(text), path)["fr"] == translation, (path, text)


def test_many_edits_at_once_match_them_one_by_one_and_keep_bom_and_windows_line_ends() -> None:
    edits = [TextEdit(path, "fr", f"Texte {index} : « n° {index} »", "en") for index, path in enumerate(PATHS)]
    one_by_one = SHAPES
    for edit in edits:
        one_by_one = set_translation(one_by_one, edit.path, edit.lang, edit.value, edit.source_lang)
    assert apply_translations(SHAPES, edits) == one_by_one
    windows = "\ufeff" + SHAPES.replace("\n", "\r\n")
    assert apply_translations(windows, edits) == "\ufeff" + one_by_one.replace("\n", "\r\n")


def test_an_edit_that_cannot_be_made_names_itself() -> None:
    with pytest.raises(EditError, match="the field is a list, not a text") as raised:
        apply_translations(SHAPES, [TextEdit(("plain",), "fr", "Texte", "en"), TextEdit(("items",), "fr", "x", "en")])
    assert raised.value.edit == 1
