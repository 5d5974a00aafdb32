"""Helpers for the translation tests (no tests here): a bilingual copy of the mini project.

The mini project is in English only; `bilingual` makes it English and French and adds a
board member's role written in every shape a text takes: a flow mapping, a block mapping,
a plain string, list items of both kinds, and comments.
"""

from __future__ import annotations

from pathlib import Path

BOARD_FILE = "content/roles/board.yaml"
BOARD = """\
# The board member, in both languages.
name: {en: Board member, fr: Membre du conseil}
category: manager
level: mid
summary:
  en: Sits on the board and speaks for patients.
  fr: Siège au conseil et parle au nom des patients.
who: A member of the board.  # the French is to come
responsibilities:
  - en: Read the quality reports before each meeting.
    fr: Lire les rapports de qualité avant chaque réunion.
  - Ask what [[role:patient-advisor|patient advisors]] said.
references: [clavel-2019]
"""


def bilingual(project: Path) -> Path:
    """The mini project in English and French, with a board member's role translated in part."""
    site = project / "content/site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("languages: [en]", "languages: [en, fr]"),
                    encoding="utf-8")
    (project / BOARD_FILE).write_text(BOARD, encoding="utf-8")
    return project
