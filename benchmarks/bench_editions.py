"""Benchmark the editions: `build --no-pdf` of a bilingual project in one language and in two.

Run: python benchmarks/bench_editions.py [--runs N] [--project DIR]
Builds the French-first fixture (tests/fixtures/pediatric-fr, `languages: [fr, en]`), or
DIR (`--project .` for the default content, `[en, fr]`), as an author does, in a fresh
process each time: with `--lang` and its first language (one MkDocs build, at the root),
then as it is (a build per language, in parallel where cores allow), then one language
after the other (`--jobs 1`). Prints the median of N runs of each and the ratios to one
language (machines here are noisy, so compare ratios, not absolute times). Loading and
checking the content happen once whatever the languages, so even one after the other two
languages cost less than twice one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.app.editions import cores  # noqa: E402
from generator.pipeline import load_content  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "pediatric-fr"
PROJECT_PARTS = ("content", "docs", "strings", "templates", "mkdocs.yml")


def _build(project: Path, site: Path, *extra: str) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "generator.adapters.cli", "build", "--project", str(project),
                             "--site-dir", str(site), "--no-pdf", *extra],
                            capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stderr}")
    return seconds


def _median(project: Path, site: Path, runs: int, *extra: str) -> float:
    _build(project, site, *extra)  # warm the caches (bytecode, fonts) once
    return statistics.median(_build(project, site, *extra) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each build (default: 5)")
    parser.add_argument("--project", type=Path, default=FIXTURE, help="a project with two languages or more")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        project.mkdir()
        for name in PROJECT_PARTS:  # what a build reads; not a site, caches or a repository
            source = args.project / name
            if source.is_dir():
                shutil.copytree(source, project / name)
            elif source.is_file():
                shutil.copy(source, project / name)
        site = Path(tmp) / "site"
        loaded = load_content(project).content
        if loaded is None or len(loaded.languages) < 2:
            raise SystemExit(f"{args.project} does not check clean with two languages or more")
        first = loaded.default_language
        one = _median(project, site, args.runs, "--lang", first)
        two = _median(project, site, args.runs)
        in_turn = _median(project, site, args.runs, "--jobs", "1")
    count = len(loaded.languages)
    print(f"build --no-pdf, median of {args.runs} runs, {cores()} cores:")
    rows = [(f"one language (--lang {first})", one), (f"{count} languages, a build each, at once", two),
            (f"{count} languages, one after the other (--jobs 1)", in_turn)]
    width = max(len(label) for label, _ in rows)
    for label, seconds in rows:
        print(f"  {label:<{width}}  {seconds:.2f} s")
    print(f"{count} languages / one: {two / one:.2f}x (one after the other: {in_turn / one:.2f}x)")


if __name__ == "__main__":
    main()
