#!/usr/bin/env bash
# Refresh requirements.lock to the newest versions pyproject.toml allows, then run the
# whole test suite in a fresh environment made from the new lock. Review with
# `git diff requirements.lock`; commit only when the tests pass.
# Pass package names to upgrade only those: `scripts/upgrade-lock.sh pyyaml`.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet uv
upgrade=(--upgrade)
if [ "$#" -gt 0 ]; then
  upgrade=()
  for name in "$@"; do upgrade+=(--upgrade-package "$name"); done
fi
scripts/lock.sh "${upgrade[@]}"
PARTNERKIT_FRESH_VENV=1 scripts/test.sh
