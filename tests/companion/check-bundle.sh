#!/usr/bin/env bash
# Checks a companion bundle written with a stub engine (no Emscripten needed):
# its show notes, JSON and CSV are byte for byte what `costproof episode` prints,
# its README matches the golden copy, the zip holds every file, and index.html
# has the parts the page needs. The page itself is tested in headless Chromium
# by scripts/companion.sh.    Usage: check-bundle.sh <costproof binary>
set -euo pipefail
bin=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
args=(scenarios/ep050 --as-of 2026-11-27)
"$bin" companion "${args[@]}" --out "$out/bundle" --engine tests/fixtures/companion/stub-engine.js > /dev/null 2>&1
fail=0
same() {  # same <what> <file> <command...>
  local what=$1 file=$2; shift 2
  if ! cmp -s <("$@" 2> /dev/null) "$file"; then echo "check-bundle: $what differs from: $*" >&2; fail=1; fi
}
# The bundle holds the full notes (episode_document's default detail; costproof episode prints the short ones by default).
same "show-notes.md" "$out/bundle/show-notes.md" "$bin" episode "${args[@]}" --detail full
same "results.json" "$out/bundle/results.json" "$bin" episode "${args[@]}" --format json
same "results.csv" "$out/bundle/results.csv" "$bin" episode "${args[@]}" --format csv
if ! diff -u tests/golden/companion-README.md "$out/bundle/README.md"; then
  echo "check-bundle: README.md differs from tests/golden/companion-README.md" >&2; fail=1
fi
for f in scenarios/ep050/*; do
  cmp -s "$f" "$out/bundle/scenarios/$(basename "$f")" || { echo "check-bundle: $f not copied" >&2; fail=1; }
done
html=$out/bundle/index.html
for want in '<meta http-equiv="Content-Security-Policy" content="default-src '"'none'" \
            '<script type="application/json" id="pricing-data">' '<script type="application/json" id="form-options">' \
            '<h2 id="claims">Claims</h2>' '<h2 id="sources">Sources</h2>' '<h2 id="plug-in-heading">Plug in your numbers</h2>' \
            '<nav class="toc"' 'function createCostproofEngine()'; do
  grep -qF -- "$want" "$html" || { echo "check-bundle: index.html lacks $want" >&2; fail=1; }
done
# One chart per scenario kind the episode uses.
kinds=$(grep -ho '^ *"kind": *"[^"]*"' scenarios/ep050/*.json | sed 's/.*: *//' | sort -u | wc -l)
svgs=$(grep -o '<svg xmlns="http://www.w3.org/2000/svg"' "$html" | wc -l)
[ "$kinds" -gt 0 ] && [ "$svgs" -eq "$kinds" ] ||
  { echo "check-bundle: index.html has $svgs charts, expected $kinds (one per kind in scenarios/ep050)" >&2; fail=1; }
if command -v unzip > /dev/null; then
  listed=$(unzip -Z1 "$out/bundle/costproof-companion-ep050.zip" | sort)
  expected=$(cd "$out/bundle" && find . -type f ! -name '*.zip' ! -name '.costproof-companion' | sed 's|^\./||' | sort)
  [ "$listed" = "$expected" ] || { echo "check-bundle: the zip does not list exactly the bundle's files" >&2; fail=1; }
  unzip -tq "$out/bundle/costproof-companion-ep050.zip" > /dev/null || { echo "check-bundle: unzip -t failed" >&2; fail=1; }
fi
# An engine with its WebAssembly inside (Emscripten's -sSINGLE_FILE): the page carries the module
# deflated in #engine-wasm (base64 of the raw DEFLATE of "\0asm\1\0\0\0") and the script without it.
"$bin" companion "${args[@]}" --out "$out/single" --engine tests/fixtures/companion/stub-engine-single-file.js > /dev/null 2>&1
for want in '<script type="application/octet-stream" id="engine-wasm">Y0gszmVkYGAAAA==</script>' \
            'var wasmBinaryFile = "data:application/octet-stream;base64,";'; do
  grep -qF -- "$want" "$out/single/index.html" || { echo "check-bundle: the single-file engine's page lacks $want" >&2; fail=1; }
done
[ $fail -eq 0 ] && echo "check-bundle: ok"
exit $fail
