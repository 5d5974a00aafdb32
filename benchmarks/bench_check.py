"""Benchmark the engine: `check` on the default content, growth with content size, hostile input.

Run: python benchmarks/bench_check.py
Prints times measured in one run and the ratios between them (machines here are noisy,
so compare ratios, not absolute times). Linear growth shows as time per entity staying
flat when the number of entities quadruples.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.loading.yaml_reader import read_yaml_file  # noqa: E402
from generator.pipeline import load_content  # noqa: E402

MINI = ROOT / "tests" / "fixtures" / "mini"


def _synthetic_project(folder: Path, practices: int) -> Path:
    """The fixture project with `practices` practices, each linked to roles, a case, a tool and a quote."""
    shutil.copytree(MINI, folder)
    template = (MINI / "content/practices/prepare-patient-advisors.yaml").read_text(encoding="utf-8")
    quote = (MINI / "content/quotes/preparation-is-a-must.yaml").read_text(encoding="utf-8")
    for index in range(practices):
        (folder / f"content/practices/practice-{index:05d}.yaml").write_text(
            template.replace("related: []", "") + f"related: [practice-{(index + 1) % practices:05d}]\n",
            encoding="utf-8",
        )
        (folder / f"content/quotes/quote-{index:05d}.yaml").write_text(
            quote.replace("practices: [prepare-patient-advisors]", f"practices: [practice-{index:05d}]"),
            encoding="utf-8",
        )
    return folder


def _time(function: object, *args: object, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        function(*args)  # type: ignore[operator]
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    default = _time(load_content, ROOT)
    loaded = load_content(ROOT)
    print(f"check on the default content: {default * 1000:.0f} ms for {loaded.files_read} files "
          f"({len(loaded.issues)} issues)")
    with tempfile.TemporaryDirectory() as tmp:
        sizes = (500, 2000)
        per_entity = []
        for size in sizes:
            project = _synthetic_project(Path(tmp) / f"p{size}", size)
            seconds = _time(load_content, project, repeat=1)
            files = load_content(project).files_read
            per_entity.append(seconds / files)
            print(f"check on {files} files: {seconds:.2f} s ({seconds / files * 1e6:.0f} µs per file)")
        print(f"time per file at {sizes[1]} vs {sizes[0]} practices: {per_entity[1] / per_entity[0]:.2f}x "
              "(1.0 = linear)")
        bomb = Path(tmp) / "bomb.yaml"
        lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 30)]
        body = "\n".join(lines) + "\n"
        body += ("# " + "x" * 76 + "\n") * ((1_000_000 - len(body)) // 79)
        bomb.write_text(body, encoding="utf-8")
        seconds = _time(read_yaml_file, bomb, "bomb.yaml")
        print(f"1 MB alias bomb refused in {seconds * 1000:.1f} ms")


if __name__ == "__main__":
    main()
