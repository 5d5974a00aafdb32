"""Helpers shared by the site and diagram tests (no tests here): projects with hostile text."""

from __future__ import annotations

import shutil
from pathlib import Path

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
