#!/usr/bin/env bash
# End-to-end benchmark of the costproof program: process start to exit,
# including loading all price tables (~1,400 rows + 1,363 shapes) from JSON.
# Prints wall time per run (mean, min, max over N runs) and peak RSS.
# Usage: bench/cli-end-to-end.sh [runs]   (build first: scripts/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
bin=build/cli/costproof
[ -x "$bin" ] || { echo "build first: bash scripts/build.sh" >&2; exit 2; }
bench() {
  local label=$1; shift
  local times=()
  "$bin" "$@" > /dev/null  # warm the page cache
  for ((i = 0; i < runs; i++)); do
    local t0 t1
    t0=$(date +%s%N)
    "$bin" "$@" > /dev/null
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  local rss
  rss=$( { /usr/bin/time -v "$bin" "$@" > /dev/null; } 2>&1 | sed -n 's/.*Maximum resident set size (kbytes): //p')
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v rss="$rss" -v runs="$runs" '
    { t[NR] = $1; sum += $1 }
    END { printf "%-34s runs=%d mean=%.1f ms  min=%.1f ms  median=%.1f ms  max=%.1f ms  peak RSS=%.1f MiB\n",
          label, runs, sum / NR / 1000, t[1] / 1000, t[int((NR + 1) / 2)] / 1000, t[NR] / 1000, rss / 1024 }'
}
echo "costproof end-to-end benchmark on $(uname -m), $(nproc) cores, $(date -u +%Y-%m-%d)"
bench "--version (process floor)" --version
bench "pricing show m7i.xlarge" pricing show m7i.xlarge
bench "run scenarios/ep050 (md)" run scenarios/ep050 --as-of 2026-11-27
bench "run scenarios/ep050 (json)" run scenarios/ep050 --as-of 2026-11-27 --format json
bench "episode scenarios/ep050 (md)" episode scenarios/ep050 --as-of 2026-11-27
# The companion bundle: needs the WebAssembly engine (scripts/companion.sh builds it).
if [ -f build-wasm/web/costproof_engine.js ]; then
  bench "companion scenarios/ep050" companion scenarios/ep050 --as-of 2026-11-27 --out build/bench-companion
fi
