"""Hostile files are refused quickly in bounded memory, and no input ever raises."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.loading.yaml_reader import read_yaml_text
from generator.pipeline import load_content

_BOMB_SCRIPT = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    from generator.loading.yaml_reader import read_yaml_file
    path = Path(sys.argv[1])
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    result = read_yaml_file(path, path.name)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"messages": [i.message for i in result.issues], "seconds": elapsed,
                      "extra_kib": after - before, "data": result.located is not None}))
    """
)


def _billion_laughs(size: int) -> bytes:
    """Nested aliases, each level ten times the one before, padded to `size` bytes."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 30):
        refs = ",".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    body = "\n".join(lines) + "\n"
    padding = "# " + "x" * 76 + "\n"
    while len(body) < size:
        body += padding
    return body[:size].encode()


def test_alias_bomb_of_one_megabyte_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_bytes(_billion_laughs(1_000_000))
    out = subprocess.run([sys.executable, "-c", _BOMB_SCRIPT, str(bomb)], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert result["data"] is False
    assert result["messages"] == ["anchors and aliases (&name, *name) are not allowed in content"]
    assert result["extra_kib"] < 100 * 1024  # ru_maxrss is in KiB on Linux


def test_one_megabyte_of_nesting_is_refused(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_bytes(b"a: " + b"[" * 500_000 + b"]" * 499_990)
    out = subprocess.run([sys.executable, "-c", _BOMB_SCRIPT, str(deep)], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert result["messages"] == ["values are nested more than 32 levels deep"]
    assert result["extra_kib"] < 100 * 1024


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_text_never_raises(text: str) -> None:
    result = read_yaml_text(text, "f.yaml")
    assert result.located is not None or result.issues


_VALID = (Path(__file__).parent / "fixtures/mini/content/practices/prepare-patient-advisors.yaml").read_text()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(_VALID)),
            st.integers(0, 8),
            st.sampled_from(
                [
                    "",
                    ":",
                    "-",
                    "[",
                    "]",
                    "{",
                    "}",
                    "&a",
                    "*a",
                    "!!x",
                    "\t",
                    "\n",
                    "  ",
                    "'",
                    '"',
                    "#",
                    "|",
                    ">",
                    "?",
                    "1",
                    "null",
                    "\x00",
                    "\ufeff",
                    "é",
                ]
            ),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_mutated_content_files_never_raise(tmp_path_factory: object, mutations: list[tuple[int, int, str]]) -> None:
    import shutil

    text = _VALID
    for position, delete, insert in mutations:
        position = min(position, len(text))
        text = text[:position] + insert + text[position + delete :]
    project = Path(tmp_path_factory.mktemp("fuzz"))  # type: ignore[attr-defined]
    shutil.copytree(Path(__file__).parent / "fixtures/mini", project, dirs_exist_ok=True)
    (project / "content/practices/prepare-patient-advisors.yaml").write_text(text, encoding="utf-8")
    loaded = load_content(project)
    # Either it is still valid, or every problem is located in a real file.
    for issue in loaded.issues:
        assert issue.line >= 1 and issue.column >= 1
        assert issue.file.startswith("content/")


def test_nesting_past_the_yaml_library_limit_gets_our_located_message() -> None:
    # libyaml refuses 1000 levels itself, before our budget of 32 sees them: same message,
    # same place as for 40 levels, whatever the library version.
    shallow = read_yaml_text("a: " + "[" * 40 + "]" * 40, "f.yaml")
    deep = read_yaml_text("a: " + "[" * 5000 + "]" * 5000, "f.yaml")
    expected = [(i.line, i.column, i.message) for i in shallow.issues]
    assert expected == [(1, 35, "values are nested more than 32 levels deep")]
    assert [(i.line, i.column, i.message) for i in deep.issues] == expected
