#!/usr/bin/env bash
# Install everything the tests need, then run them: Chromium and poppler from Debian's
# packages (browser tests, PDF renders), the package with its test extras, then pytest.
# Extra arguments go to pytest, e.g. `scripts/test.sh -m "not browser"`.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" fonts-dejavu-core >/dev/null
fi

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
python3 -m pytest "$@"
