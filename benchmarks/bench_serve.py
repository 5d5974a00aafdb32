"""Benchmark the preview: from saving a practice's YAML to `partnerkit serve` serving the new page.

Run: python benchmarks/bench_serve.py [--project DIR] [--entities N] [--saves K]
Copies the project (default: the default content; with --entities, the synthetic project
of bench_site.py with that many entities), starts `partnerkit serve` on a free port, waits
for the first build, then K times each: writes a new marker into one practice's summary (its
page and the practices index change), then into its title (and so the navigation of the
pages that show it), and polls the practice's page and the practices index until both show
it. Prints each time, the median of each kind, and their ratio to the first build.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_site import synthetic_project  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait_for(urls: list[str], marker: str, timeout: float = 120) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if all(marker in _get(url) for url in urls):
            return time.perf_counter() - started
        time.sleep(0.02)
    raise SystemExit(f"'{marker}' never appeared in {urls}")


def _retitled(yaml_text: str, marker: str) -> str:
    """The practice with `marker` at the start of its title (a plain string, or its first language)."""
    lines = yaml_text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    if lines[at].strip() != "title:":
        lines[at] = lines[at].replace("title: ", f"title: {marker} ", 1)
    else:
        lines[at + 1] = re.sub(r"^(\s+\w+: )", rf"\g<1>{marker} ", lines[at + 1])
    return "\n".join(lines)


def _resummarized(yaml_text: str, marker: str) -> str:
    """The practice with `marker` at the start of its summary: its page and the index's list change."""
    lines = yaml_text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    value = lines[at].split(":", 1)[1].strip()
    if value and value[0] not in ">|":
        lines[at] = lines[at].replace("summary: ", f"summary: {marker} ", 1)
        return "\n".join(lines)
    for index in range(at + 1, len(lines)):
        inner = lines[index].strip()
        if re.match(r"^\w+: [>|]", inner) or inner in (">-", "|", ">"):
            continue
        if re.match(r"^\w+: ", inner):
            lines[index] = re.sub(r"^(\s+\w+: )", rf"\g<1>{marker} ", lines[index])
        else:
            lines[index] = re.sub(r"^(\s+)", rf"\g<1>{marker} ", lines[index])
        return "\n".join(lines)
    raise SystemExit("no summary to edit")


def _copy(project: Path, target: Path) -> Path:
    for part in ("content", "docs", "strings", "templates"):
        if (project / part).is_dir():
            shutil.copytree(project / part, target / part)
    for part in ("mkdocs.yml", "translations.lock"):
        if (project / part).is_file():
            shutil.copy(project / part, target / part)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=ROOT, help="project to preview (default: the default content)")
    parser.add_argument("--entities", type=int, default=0, help="preview a synthetic project of N entities instead")
    parser.add_argument("--saves", type=int, default=7, help="saves to time (default: 7)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.entities:
            project = synthetic_project(Path(tmp) / "project", args.entities)
        else:
            project = _copy(args.project.resolve(), Path(tmp) / "project")
        practice = sorted((project / "content" / "practices").glob("*.yaml"))[0]
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        started = time.perf_counter()
        server = subprocess.Popen(
            [sys.executable, "-m", "generator.adapters.cli", "serve", "--project", str(project),
             "--dev-addr", f"127.0.0.1:{port}"],
            cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            page = f"{base}/practices/{practice.stem}.html"
            index = f"{base}/practices/index.html"
            first = _wait_for([page], "<html")
            print(f"first build served after {first:.2f} s ({time.perf_counter() - started:.2f} s from start)")
            original = practice.read_text(encoding="utf-8")
            times: dict[str, list[float]] = {"summary": [], "title": []}
            # Every summary first (the title stays), then every title.
            for kind, edit in (("summary", _resummarized), ("title", _retitled)):
                for save in range(args.saves):
                    marker = f"Edited{save}{kind}x{os.getpid()}"
                    time.sleep(0.6)  # let the server settle between saves, as an author would
                    practice.write_text(edit(original, marker), encoding="utf-8")
                    times[kind].append(_wait_for([page, index], marker))
                    print(f"save {save + 1}, new {kind}: the page and the index show it after "
                          f"{times[kind][-1]:.2f} s", flush=True)
            for kind, measured in times.items():
                print(f"median from saving a new {kind} to the served pages: {statistics.median(measured):.2f} s "
                      f"over {len(measured)} saves (against the first build: "
                      f"{statistics.median(measured) / first:.2f})")
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
