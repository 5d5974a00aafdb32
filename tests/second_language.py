"""Helpers for tests that build a site in a language other than the project's default (no tests here).

The partnerkit plugin's `lang` option builds one language of a site with MkDocs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from test_site_support import ROOT


def build_in_language(project: Path, lang: str, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """`partnerkit build --strict --no-pdf` of `project` in `lang`, through the plugin's `lang` option."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    if "  - partnerkit\n" not in config:
        raise AssertionError("mkdocs.yml lists the plugin in a way this helper does not know")
    second = project / f"mkdocs-{lang}.yml"
    second.write_text(config.replace("  - partnerkit\n", f"  - partnerkit:\n      lang: {lang}\n"), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", "build", "--project", str(project), "--config-file",
         str(second), "--site-dir", str(site_dir), "--no-pdf", "--strict"],
        capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    return result
