"""Helpers shared by the site and diagram tests (no tests here): projects with hostile text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
PAYLOAD = "PKX<script>alert(1)</script><b>bold</b>&amp;"

# (file, start of a line in the fixture): the value on each line gets the payload.
_P = "practices/prepare-patient-advisors.yaml"
INJECTIONS: list[tuple[str, str]] = [
    ("site.yaml", "title: Partnering with patients (test)"),
    ("framework.yaml", "name: Designing partnership"),
    ("framework.yaml", "name: Top-level managers"),
    ("framework.yaml", "name: Initiation"),
    (_P, "title: Prepare patient advisors before they start"),
    (_P, "summary: Explain the role, its limits and confidentiality before the first"),
    (_P, "why: Patients arrive in good faith but need to know the extent of"),
    (_P, "  - Leaving confidentiality rules unclear."),
    ("roles/patient-advisor.yaml", "name: Patient advisor"),
    ("roles/program-manager.yaml", "summary: Front-line manager who chairs the QI committee."),
    ("cases/oncology.yaml", "short_title: Case 2"),
    ("cases/oncology.yaml", "title: Six collaborative projects launched"),
    ("cases/oncology.yaml", "  clinical_area: Oncology"),
    ("program/processes/five-step-involvement.yaml", "title: Request"),
    ("program/processes/five-step-involvement.yaml", "name: Five-step involvement process"),
    ("quotes/preparation-is-a-must.yaml", "  label: Program manager, case 2"),
    ("glossary.yaml", "    term: Patient advisor"),
    ("glossary.yaml", "    definition: Systematic work to make care better."),
]


def hostile_project(target: Path) -> Path:
    """A copy of the fixture where many text fields hold `<script>` and markup."""
    shutil.copytree(MINI, target)
    for name, start in INJECTIONS:
        path = target / "content" / name
        lines = path.read_text(encoding="utf-8").split("\n")
        index = next(i for i, line in enumerate(lines) if start.strip() in line)
        line = lines[index]
        sep = ": " if ": " in line else "- "
        key, value = line.split(sep, 1)
        value = value.strip('"').replace('"', "'")
        lines[index] = f'{key}{sep}"{PAYLOAD} {value}"'
        path.write_text("\n".join(lines), encoding="utf-8")
    return target


def site_project(target: Path, source: Path = MINI) -> Path:
    """A copy of a content project with the repository's mkdocs.yml and an empty docs/."""
    if not target.exists():
        shutil.copytree(source, target)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    (target / "docs").mkdir(exist_ok=True)
    return target


def build_site(project: Path, site_dir: Path, *, strict: bool = True,
               pdf: bool = False) -> subprocess.CompletedProcess[str]:
    """`partnerkit build` in a fresh process (the way an author runs it); PDFs only if asked."""
    command = [sys.executable, "-m", "generator.adapters.cli", "build", "--project", str(project),
               "--site-dir", str(site_dir)]
    if not pdf:
        command.append("--no-pdf")
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=False)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)
            if name in ("href", "src") or (name == "content" and tag == "meta" and value.startswith("http")):
                self.refs.append((tag, name, value))


def parse_html(path: Path) -> _Links:
    """Ids and link targets of one HTML file."""
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor in the built site that resolves to nothing."""
    parsed = {path: parse_html(path) for path in sorted(site.rglob("*.html"))}
    problems: list[str] = []
    for path, links in parsed.items():
        for tag, attribute, value in links.refs:
            split = urlsplit(value)
            if split.scheme or value.startswith("//"):
                continue  # external: a separate test forbids loading anything from outside
            if split.path.startswith("/"):  # root-relative (404.html): from the site root
                target = site / unquote(split.path).lstrip("/")
            else:
                target = path if not split.path else (path.parent / unquote(split.path))
            if split.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            target = target.resolve()
            if not target.exists():
                problems.append(f"{path.relative_to(site)}: <{tag} {attribute}={value!r}>: no such file")
                continue
            if split.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse_html(target).ids
                if unquote(split.fragment) not in ids:
                    problems.append(f"{path.relative_to(site)}: {value!r}: no anchor "
                                    f"#{split.fragment} in {target.relative_to(site.resolve())}")
    return problems
