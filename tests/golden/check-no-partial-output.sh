#!/usr/bin/env bash
# Every failing command that was given --out leaves nothing behind: no output
# file, no temporary file, no half-written bundle folder (docs/errors.md).
#   Usage: check-no-partial-output.sh <costproof binary>
set -u
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
expect_nothing() {  # expect_nothing <label> <command args...>
  local label=$1; shift
  if "$bin" "$@" > /dev/null 2>&1; then echo "no-partial-output: '$label' did not fail" >&2; fail=1; fi
  if [ -n "$(ls -A "$dir")" ]; then
    echo "no-partial-output: '$label' left: $(ls -A "$dir")" >&2; fail=1
    rm -rf "${dir:?}"/* "${dir:?}"/.[!.]*
  fi
}
expect_nothing "run: bad scenario" run tests/fixtures/scenarios/err-too-deep.json --out "$dir/out.md"
expect_nothing "run: good then bad scenario" run scenarios/ep050/graviton-small-team.json \
  tests/fixtures/scenarios/dsp-missing-csv.json --out "$dir/out.md"
expect_nothing "run: missing price" run tests/fixtures/scenarios/ipv6-region-without-prices.json --out "$dir/out.json" --format json
expect_nothing "episode: bad claims" episode tests/fixtures/episodes/err-missing-source --out "$dir/notes.md"
expect_nothing "companion: missing engine" companion scenarios/ep050 --out "$dir/bundle" \
  --engine tests/fixtures/companion/no-such-engine.js
expect_nothing "companion: bad episode" companion tests/fixtures/episodes/err-missing-figure --out "$dir/bundle" \
  --engine tests/fixtures/companion/stub-engine.js
[ $fail -eq 0 ] && echo "no-partial-output: ok"
exit $fail
