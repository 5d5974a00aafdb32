#!/usr/bin/env bash
# Write requirements.lock: exact versions with sha256 hashes of every runtime and test
# dependency, for any platform running Python 3.11 or newer (uv's universal resolution).
# Without arguments it keeps the locked versions that still satisfy pyproject.toml;
# scripts/upgrade-lock.sh passes --upgrade.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet uv
uv pip compile pyproject.toml --extra test --generate-hashes --universal \
  --python-version 3.11 --no-header --quiet "$@" -o requirements.lock
sed -i '1i # Exact versions and hashes of partnerkit'"'"'s runtime and test dependencies.\n# Made by scripts/lock.sh (uv pip compile); refresh with scripts/upgrade-lock.sh.' requirements.lock
