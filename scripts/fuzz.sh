#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, preset `check`, the same build as the
# sanitizer test run, so CI compiles it once) and runs each for a
# bounded time on a seed corpus made from the project's own files and the
# real AWS samples. Usage: scripts/fuzz.sh [seconds-per-target]   (default 60)
# FUZZ_PARALLEL=2 runs two targets at once; FUZZ_TARGETS="a b" runs only those.
#
# A crash leaves its input as build-check/crash-*; copy it into
# tests/fixtures/fuzz-regressions/<target>/ so the unit suite replays it forever.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
bash scripts/install-deps.sh --fuzz
cmake --preset check > /dev/null
targets=(decimal price_table scenario claims offer_import lint)
# FUZZ_TARGETS="scenario claims" runs only those.
if [ -n "${FUZZ_TARGETS:-}" ]; then read -r -a targets <<< "$FUZZ_TARGETS"; fi
cmake --build --preset check --target "${targets[@]/#/fuzz_}"

corpus=build-check/corpus
rm -rf "$corpus"
mkdir -p "$corpus"/{decimal,price_table,scenario,claims,offer_import,lint}  # every corpus, whichever targets run
# decimal: every price string in the tables, plus edge cases.
# (sed -n, not head: head stops reading after 500 lines, and under pipefail the SIGPIPE that sort
# then gets fails the whole script, depending on timing: exit 141 seen once from a fresh clone.)
grep -rhoE '"price": "[^"]*"' pricing-data/aws | sed 's/.*: "//; s/"$//' | sort -u | sed -n '1,500p' |
  while read -r p; do printf '%s' "$p" > "$corpus/decimal/$(printf '%s' "$p" | md5sum | cut -c1-12)"; done
for e in 0 -0 0.0000166667 99999999999999999999999999999999999999 1e3 . - 1.2.3; do
  printf '%s' "$e" > "$corpus/decimal/edge-$(printf '%s' "$e" | md5sum | cut -c1-8)"
done
# price_table: every shipped table except the two big generated ones, and the bad fixtures.
find pricing-data/aws tests/fixtures/pricing -name '*.json' -size -64k -exec cp --backup=numbered -t "$corpus/price_table" {} +
# scenario: every scenario and bad scenario fixture.
find scenarios tests/fixtures/scenarios -name '*.json' -exec cp --backup=numbered -t "$corpus/scenario" {} +
# claims: every claims file (checked against the ep050 scenarios).
find scenarios tests/fixtures/episodes -name 'claims.json' -exec cp --backup=numbered -t "$corpus/claims" {} +
# lint: every outline (Markdown) of the episodes and fixtures.
find scenarios tests/fixtures/episodes -name '*.md' -exec cp --backup=numbered -t "$corpus/lint" {} +
# offer_import: the offer fixtures, each behind one option byte (see fuzz/harness.h):
# 'A' = 2-byte chunks with a full scan, '?' = 64-byte chunks stopping early.
for f in tests/fixtures/offers/*.json tests/fixtures/offers/*.csv; do
  for b in A '?'; do
    { printf '%s' "$b"; cat "$f"; } > "$corpus/offer_import/$b-$(basename "$f")"
  done
done
for t in "${targets[@]}"; do
  cp tests/fixtures/fuzz-regressions/$t/* "$corpus/$t/" 2>/dev/null || true
done

# Runs one target; its log is build-check/fuzz_<target>.log.
run_target() {
  local t=$1 log=build-check/fuzz_$1.log
  if ! (cd build-check && ./fuzz/fuzz_$t -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
          -max_len=131072 -print_final_stats=1 "corpus/$t" > "fuzz_$t.log" 2>&1); then
    echo "fuzz: $t FOUND A PROBLEM; see $log and build-check/crash-* / timeout-* / oom-*" >&2
    tail -40 "$log" >&2
    return 1
  fi
}

# FUZZ_PARALLEL=2 runs two targets at a time (one per core).
parallel=${FUZZ_PARALLEL:-1}
status=0
pids=()
for t in "${targets[@]}"; do
  echo "fuzz: $t for ${seconds}s"
  run_target "$t" &
  pids+=($!)
  if [ ${#pids[@]} -ge "$parallel" ]; then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
for t in "${targets[@]}"; do
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "build-check/fuzz_$t.log" | sed "s/^/fuzz: $t /" || true
done
exit $status
