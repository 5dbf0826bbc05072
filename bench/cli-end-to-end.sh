#!/usr/bin/env bash
# End-to-end benchmark of the costproof program: process start to exit,
# including loading all price tables (~1,400 rows + 1,363 shapes) from JSON.
# Prints wall time per run (mean, min, median, max over N runs), peak RSS and the
# median as a multiple of the `--version` median of the same run (the process floor),
# which is the figure to compare across runs on a shared machine. With perf installed it also
# prints the median CPU time (task-clock: user + system time of the process, what the command
# costs whatever else runs) and its multiple of the `--version` CPU time: on a loaded machine the
# wall time mostly measures waiting for a core, the CPU time much less so.
# Usage: bench/cli-end-to-end.sh [runs]   (build first: scripts/build.sh)
#        COSTPROOF_BIN=/path/to/other/costproof bench/cli-end-to-end.sh 20   (compare a build)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
bin=${COSTPROOF_BIN:-build/cli/costproof}
floor=
cpu_floor=
have_perf=
perf stat -x, -e task-clock true > /dev/null 2>&1 && have_perf=1
[ -x "$bin" ] || { echo "build first: bash scripts/build.sh" >&2; exit 2; }
bench() {
  local label=$1; shift
  local times=()
  "$bin" "$@" > /dev/null 2>&1  # warm the page cache
  for ((i = 0; i < runs; i++)); do
    local t0 t1
    t0=$(date +%s%N)
    "$bin" "$@" > /dev/null 2>&1
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  local cpu=
  if [ -n "$have_perf" ]; then
    local cpus=()
    for ((i = 0; i < runs; i++)); do
      cpus+=($(perf stat -x, -e task-clock "$bin" "$@" 2>&1 > /dev/null | awk -F, '/task-clock/ { printf "%d", $1 * 1000 }'))
    done
    cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
    [ -n "$cpu_floor" ] || cpu_floor=$cpu
  fi
  local rss
  rss=$( { /usr/bin/time -v "$bin" "$@" > /dev/null; } 2>&1 | sed -n 's/.*Maximum resident set size (kbytes): //p')
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
  [ -n "$floor" ] || floor=$median
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v rss="$rss" -v runs="$runs" -v floor="$floor" \
    -v cpu="$cpu" -v cpu_floor="$cpu_floor" '
    { t[NR] = $1; sum += $1 }
    END { m = t[int((NR + 1) / 2)];
          printf "%-40s runs=%d mean=%.1f ms  min=%.1f ms  median=%.1f ms  max=%.1f ms  peak RSS=%.1f MiB  x--version=%.1f",
          label, runs, sum / NR / 1000, t[1] / 1000, m / 1000, t[NR] / 1000, rss / 1024, m / floor;
          if (cpu != "") printf "  CPU median=%.1f ms  CPU x--version=%.1f", cpu / 1000, cpu / cpu_floor;
          printf "\n" }'
}
echo "costproof end-to-end benchmark on $(uname -m), $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
bench "--version (process floor)" --version
bench "pricing show m7i.xlarge" pricing show m7i.xlarge
bench "run one DSP scenario (md)" run scenarios/ep050/dsp-mid-size-mixed.json --as-of 2026-11-27
bench "run one Graviton scenario (md)" run scenarios/ep050/graviton-small-team.json --as-of 2026-11-27
bench "run scenarios/ep050 (md)" run scenarios/ep050 --as-of 2026-11-27
bench "run scenarios/ep050 (json)" run scenarios/ep050 --as-of 2026-11-27 --format json
bench "episode scenarios/ep050 (md)" episode scenarios/ep050 --as-of 2026-11-27
bench "episode scenarios/ep050 (json)" episode scenarios/ep050 --as-of 2026-11-27 --format json
# The companion bundle: needs the WebAssembly engine (scripts/companion.sh builds it).
if [ -f build-wasm/web/costproof_engine.js ]; then
  bench "companion scenarios/ep050" companion scenarios/ep050 --as-of 2026-11-27 --out build/bench-companion
fi
