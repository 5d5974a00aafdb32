"""The copy of reveal.js in the package is the one the refresh script recorded, whole, with its licence.

scripts/refresh-reveal.sh checks a new download against the npm registry's integrity hash and
records the files' SHA-256 here; this test fails when a kept file was changed by hand.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REVEAL = ROOT / "generator" / "render" / "site" / "assets" / "vendor" / "reveal"


def test_every_kept_file_matches_its_recorded_hash() -> None:
    recorded = dict(reversed(line.split("  ", 1)) for line in
                    (REVEAL / "SHA256SUMS.txt").read_text(encoding="utf-8").splitlines())
    assert set(recorded) == {"reveal.js", "reveal.css", "reset.css", "notes.js", "LICENSE.txt"}
    for name, digest in recorded.items():
        assert hashlib.sha256((REVEAL / name).read_bytes()).hexdigest() == digest, name


def test_the_licence_and_version_travel_with_it() -> None:
    assert "Permission is hereby granted, free of charge" in (REVEAL / "LICENSE.txt").read_text(encoding="utf-8")
    assert re.fullmatch(r"\d+\.\d+\.\d+\n", (REVEAL / "VERSION.txt").read_text(encoding="utf-8"))
    assert (REVEAL / "INTEGRITY.txt").read_text(encoding="utf-8").startswith("sha512-")


def test_it_loads_nothing_from_another_host() -> None:
    for name in ("reveal.js", "reveal.css", "reset.css", "notes.js"):
        text = (REVEAL / name).read_text(encoding="utf-8")
        assert not re.search(r"@import\s+[\"']?(https?:)?//", text), name
        assert not re.search(r"""(src|href)\s*=\s*["']https?://""", text), name
