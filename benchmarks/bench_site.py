"""Benchmark the site build at scale: partnerkit against a bare MkDocs build of the same pages.

Run: python benchmarks/bench_site.py [--sizes 200,1000,2000]
For each size, a synthetic project (the test fixture with practices, roles and tools
copied until it holds that many entities, the practices linked in a chain so every page
has cross-links) is built in a fresh process, as an author builds it:

- `partnerkit build --no-pdf`: load, check, generate every page, MkDocs build;
- a bare `mkdocs build` of the same generated pages (`partnerkit build --out` writes them,
  with their nav and assets): the same Material theme, features, nav, search and offline
  plugins and Markdown extensions, without partnerkit;
- their ratio (at most 1.0 is the goal: partnerkit adds nothing to what MkDocs costs), the
  cost per page of each, the time page generation alone takes per page (in this process),
  and each build's peak memory (the child's maximum resident set);
- `partnerkit check` from the command line, start-up included.

Machines here are noisy: compare the ratios of one run, not the absolute times.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.model.registry import REFERABLE  # noqa: E402
from generator.pipeline import load_content  # noqa: E402
from generator.render.site.tree import render_site  # noqa: E402

MINI = ROOT / "tests" / "fixtures" / "mini"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}


def synthetic_project(folder: Path, entities: int) -> Path:
    """The fixture with copies of its practice (3 in 5), role and tool (1 in 5 each) up to `entities`."""
    shutil.copytree(MINI, folder)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "docs").mkdir(exist_ok=True)
    content = folder / "content"
    practice = (content / "practices/prepare-patient-advisors.yaml").read_text(encoding="utf-8")
    role = (content / "roles/program-manager.yaml").read_text(encoding="utf-8")
    tool = (content / "tools/preparation-checklist.yaml").read_text(encoding="utf-8")
    loaded = load_content(folder)
    assert loaded.content is not None
    have = sum(len(loaded.content.all(kind)) for kind in REFERABLE)
    extra = max(0, entities - have)
    practices = extra * 3 // 5
    for index in range(practices):
        nxt = f"practice-{(index + 1) % practices:05d}"
        text = practice.replace("related: []", "") + f"related: [{nxt}]\n"
        (content / f"practices/practice-{index:05d}.yaml").write_text(
            text.replace("title: Prepare patient advisors", f"title: Practice {index} — prepare patient advisors"),
            encoding="utf-8")
    for index in range((extra - practices) // 2):
        (content / f"roles/role-{index:05d}.yaml").write_text(role, encoding="utf-8")
    for index in range(extra - practices - (extra - practices) // 2):
        (content / f"tools/tool-{index:05d}.yaml").write_text(tool, encoding="utf-8")
    return folder


def _run(command: list[str]) -> tuple[float, float]:
    """Run `command` in a fresh process: (seconds, its peak memory in MB)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    error = process.stderr.read().decode() if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command[:6])} failed:\n{error}")
    return seconds, usage.ru_maxrss / 1024  # kilobytes on Linux


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "generator.adapters.cli", *args]


def bare_config(project: Path, markdown: Path) -> Path:
    """mkdocs.yml for the generated Markdown alone: the project's, without partnerkit, with the
    nav, styles, scripts, extensions and abbreviations the plugin would have set."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if p != "partnerkit"]
    config["docs_dir"] = str(markdown)
    config["nav"] = yaml.safe_load((markdown / "nav.yml").read_text(encoding="utf-8"))["nav"]
    config["extra_css"] = ["assets/theme.css", "assets/partnerkit.css"]
    config["extra_javascript"] = ["assets/partnerkit.js", "assets/training.js"]
    config["validation"] = {"nav": {"omitted_files": "ignore", "not_found": "ignore"},
                            "links": {"not_found": "ignore", "anchors": "ignore", "unrecognized_links": "ignore"}}
    extensions = config.setdefault("markdown_extensions", [])
    names = {next(iter(e)) if isinstance(e, dict) else e for e in extensions}
    extensions += [e for e in ("attr_list", "md_in_html", "tables", "toc", "abbr") if e not in names]
    path = project / "bare-mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def generation_ms_per_page(project: Path) -> float:
    """Rendering every page of the site in this process (no MkDocs), per page."""
    loaded = load_content(project)
    assert loaded.content is not None
    render_site(loaded.content, directory_urls=False)  # warm the templates
    started = time.perf_counter()
    pages = len(render_site(loaded.content, directory_urls=False).pages)
    return (time.perf_counter() - started) * 1000 / pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000,2000", help="entities per project (default: 200,1000,2000)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            project = synthetic_project(Path(tmp) / f"p{size}", size)
            markdown, site, bare_site = Path(tmp) / f"md{size}", Path(tmp) / f"s{size}", Path(tmp) / f"b{size}"
            _run(_cli("build", "--project", str(project), "--no-pdf", "--site-dir", str(site)))  # warm caches
            built, built_mb = _run(_cli("build", "--project", str(project), "--no-pdf", "--site-dir", str(site)))
            _run(_cli("build", "--project", str(project), "--out", str(markdown)))
            pages = sum(1 for _ in markdown.rglob("*.md"))
            config = bare_config(project, markdown)
            bare, bare_mb = _run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
                                  "-d", str(bare_site)])
            generation = generation_ms_per_page(project)
            checked, _ = _run(_cli("check", "--project", str(project)))
            rows.append((size, pages, built, bare, built_mb, bare_mb, generation))
            print(f"{size} entities, {pages} pages: partnerkit build {built:.1f} s ({built / pages * 1000:.1f} ms "
                  f"per page, peak {built_mb:.0f} MB), bare mkdocs build {bare:.1f} s "
                  f"({bare / pages * 1000:.1f} ms per page, peak {bare_mb:.0f} MB): ratio {built / bare:.2f}; "
                  f"page generation {generation:.2f} ms per page; `partnerkit check` {checked:.2f} s "
                  "from the command line", flush=True)
    first, last = rows[0], rows[-1]
    print(f"cost per page at {last[0]} entities against {first[0]}: "
          f"{(last[2] / last[1]) / (first[2] / first[1]):.2f}x (1.0 = linear)")


if __name__ == "__main__":
    main()
