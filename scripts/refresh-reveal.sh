#!/usr/bin/env bash
# Refresh the copy of reveal.js kept in the package (the HTML decks of trainer sessions use
# it; the site never loads it from a CDN), or check the copy with --check.
#
#   scripts/refresh-reveal.sh [VERSION]   download VERSION (default: the one kept) from npm,
#                                         check the tarball against the registry's sha512
#                                         integrity, copy the files we use, record hashes
#   scripts/refresh-reveal.sh --check     check the kept files against SHA256SUMS.txt
set -euo pipefail
cd "$(dirname "$0")/.."
dest="generator/render/site/assets/vendor/reveal"
files=(dist/reveal.js dist/reveal.css dist/reset.css dist/plugin/notes.js LICENSE)

if [ "${1:-}" = "--check" ]; then
  (cd "$dest" && sha256sum --quiet --check SHA256SUMS.txt) && echo "reveal.js $(cat "$dest/VERSION.txt"): files match"
  exit
fi

version="${1:-$(cat "$dest/VERSION.txt")}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "reveal.js@$version" >/dev/null)
tarball="$work/reveal.js-$version.tgz"
expected="$(npm view "reveal.js@$version" dist.integrity)"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [ "$expected" != "$actual" ]; then
  echo "refresh-reveal: the tarball's hash is not the registry's ($actual != $expected); nothing changed" >&2
  exit 1
fi
tar xzf "$tarball" -C "$work"
mkdir -p "$dest"
for file in "${files[@]}"; do
  cp "$work/package/$file" "$dest/$(basename "$file" | sed 's/^LICENSE$/LICENSE.txt/')"
done
echo "$version" > "$dest/VERSION.txt"
echo "$expected" > "$dest/INTEGRITY.txt"
(cd "$dest" && sha256sum reveal.js reveal.css reset.css notes.js LICENSE.txt > SHA256SUMS.txt)
echo "reveal.js $version copied into $dest; review with git diff --stat"
