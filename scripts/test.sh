#!/usr/bin/env bash
# Install everything the tests need, then run them: Chromium and poppler from Debian's
# packages (browser tests, PDF renders), Node.js and npm when they are missing, scorm-again
# from npm (the LMS side of the SCORM tests: tests/lms/, exactly as its package-lock.json
# says), then a virtual environment holding exactly the versions in requirements.lock
# (hash-checked) and partnerkit itself, then pytest.
#
# The environment is .venv-test (PARTNERKIT_VENV to change it). It is made anew when the
# lock file changed since it was made, or always with PARTNERKIT_FRESH_VENV=1 (CI sets
# it), so packages already on the machine can never hide a version problem.
# Extra arguments go to pytest, e.g. `scripts/test.sh -m "not browser"`.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v git >/dev/null 2>&1 || missing+=(git)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" fonts-dejavu-core >/dev/null
fi

# scorm-again, at the version and hash of tests/lms/package-lock.json; again when the lock changed.
lms_digest="$(sha256sum tests/lms/package-lock.json | cut -c1-16)"
if [ "${PARTNERKIT_FRESH_VENV:-0}" = "1" ] || [ "$(cat tests/lms/node_modules/.lock-digest 2>/dev/null)" != "$lms_digest" ]; then
  npm ci --prefix tests/lms --no-audit --no-fund --loglevel=error >/dev/null
  echo "$lms_digest" > tests/lms/node_modules/.lock-digest
fi

venv="${PARTNERKIT_VENV:-.venv-test}"
lock_digest="$(sha256sum requirements.lock pyproject.toml | sha256sum | cut -c1-16)"
if [ "${PARTNERKIT_FRESH_VENV:-0}" = "1" ] || [ "$(cat "$venv/.lock-digest" 2>/dev/null)" != "$lock_digest" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes \
    --no-deps -r requirements.lock
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
  echo "$lock_digest" > "$venv/.lock-digest"
fi
# Put the environment first so subprocesses (partnerkit, mkdocs) come from it too.
export PATH="$PWD/$venv/bin:$PATH"
export VIRTUAL_ENV="$PWD/$venv"
"$venv/bin/python" -m pip check --disable-pip-version-check >/dev/null
"$venv/bin/python" -m pytest "$@"
