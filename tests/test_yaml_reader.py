"""Golden tests for the YAML reader: one per class of bad input, exact message and place."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.loading.yaml_reader import MAX_BYTES, read_yaml_file, read_yaml_text
from generator.report import format_text


def _messages(text: str) -> list[str]:
    return [format_text(issue) for issue in read_yaml_text(text, "f.yaml").issues]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "a: 1\nb: [x\n",
            "f.yaml:3:1: error: YAML syntax: did not find expected ',' or ']' "
            "(check indentation, colons and quotes on this line or the one before)",
        ),
        ("name: x\nname: y\n", "f.yaml:2:1: error: name: duplicate key 'name' (first at line 1) (keep one of them)"),
        (
            "a: &anchor [1, 2]\nb: *anchor\n",
            "f.yaml:1:4: error: anchors and aliases (&name, *name) are not "
            "allowed in content (write the value out in full)",
        ),
        (
            "a: !!python/object:os.system ls\n",
            "f.yaml:1:4: error: YAML tags ('tag:yaml.org,2002:python/object:os.system') "
            "are not allowed in content (remove the tag; quote the value if it must be text)",
        ),
        (
            "a: !custom x\n",
            "f.yaml:1:4: error: YAML tags ('!custom') are not allowed in content "
            "(remove the tag; quote the value if it must be text)",
        ),
        ("", "f.yaml:1:1: error: file is empty (write the entity's fields, or delete the file)"),
        ("# only a comment\n", "f.yaml:1:1: error: file is empty (write the entity's fields, or delete the file)"),
        (
            "a: 1\n---\nb: 2\n",
            "f.yaml:2:1: error: a content file holds one YAML document; found a second '---' "
            "(split the file, one entity per file)",
        ),
        (
            "a: " + "[" * 40 + "]" * 40 + "\n",
            "f.yaml:1:35: error: values are nested more than 32 levels deep "
            "(content never needs this depth; check the indentation)",
        ),
        ("? [a, b]\n: c\n", "f.yaml:1:3: error: a mapping key must be plain text (use 'name: value' with a text name)"),
    ],
    ids=[
        "syntax",
        "duplicate-key",
        "alias",
        "python-tag",
        "custom-tag",
        "empty",
        "comment-only",
        "two-documents",
        "deep-nesting",
        "complex-key",
    ],
)
def test_bad_yaml_gets_one_clear_located_error(source: str, expected: str) -> None:
    assert _messages(source) == [expected]


def test_scalars_follow_yaml_1_2_core_schema() -> None:
    data = read_yaml_text("a: no\nb: on\nc: 2015-04\nd: 12\ne: 1.5\nf: true\ng: ~\nh: '7'\n", "f").located
    assert data is not None
    assert data.data == {"a": "no", "b": "on", "c": "2015-04", "d": 12, "e": 1.5, "f": True, "g": None, "h": "7"}


def test_positions_of_keys_and_values_are_recorded() -> None:
    located = read_yaml_text("title: x\nroles:\n  - a\n  - b\n", "f").located
    assert located is not None
    assert (located.position(("roles", 1)).line, located.position(("roles", 1)).column) == (4, 5)
    assert located.position(("roles",), key=True).line == 2
    # A path below what exists falls back to the nearest parent.
    assert located.position(("roles", 1, "deeper")).line == 4


def test_non_utf8_bytes_are_located(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: ok\nname: Québec\n".encode("latin-1"))
    issues = read_yaml_file(path, "latin1.yaml").issues
    assert [format_text(i) for i in issues] == [
        "latin1.yaml:2:9: error: file is not valid UTF-8 (byte 0xe9) "
        "(save the file as UTF-8; most editors offer it under 'Save with encoding')"
    ]


def test_bom_is_a_warning_and_the_file_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbftitle: ok\n")
    result = read_yaml_file(path, "bom.yaml")
    assert result.located is not None and result.located.data == {"title": "ok"}
    assert [format_text(i) for i in result.issues] == [
        "bom.yaml:1:1: warning: file starts with a byte-order mark (BOM); it was ignored "
        "(save the file as UTF-8 without BOM)"
    ]


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * (MAX_BYTES + 10) + b"\n")
    [issue] = read_yaml_file(path, "big.yaml").issues
    assert issue.message == "file is 1.0 MiB; content files are limited to 1 MiB"
    assert issue.hint == "split it into one file per entity"


def test_nul_byte_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nul.yaml"
    path.write_bytes(b"a: 1\nb: \x00\n")
    [issue] = read_yaml_file(path, "nul.yaml").issues
    assert (issue.line, issue.message) == (2, "file contains a NUL byte; it is not a text file")
