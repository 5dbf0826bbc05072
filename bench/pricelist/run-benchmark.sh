#!/usr/bin/env bash
# Benchmark of `costproof pricing import` on a generated EC2 offer file, side by
# side with jq doing the same extraction and with a plain read (cat) as the floor.
# Results: docs/benchmark-pricing-import.md.
#
#   bash bench/pricelist/run-benchmark.sh [size in MB, default 500]
#
# Environment: COSTPROOF_BIN (default build/cli/costproof), BENCH_DIR (default
# /tmp/costproof-bench; the generated file goes there, never into the repository),
# RUNS (default 3; the best run of each tool is reported), JQ=0 to skip jq (20 s a run),
# BASE_BIN (an older costproof, e.g. of the main branch, measured in the same run for a ratio),
# TERMS_FIRST=1 (also import a copy with "terms" before "products", bench/pricelist/terms_first.py).
# On a shared machine wall time waits for the CPU: compare the CPU column (user + system),
# and the load average printed at the end.
# Needs g++ and GNU time (/usr/bin/time); jq is installed with apt-get when
# missing and running as root, else its row is skipped.
set -euo pipefail
cd "$(dirname "$0")/../.."
size_mb=${1:-500}
dir=${BENCH_DIR:-/tmp/costproof-bench}
bin=${COSTPROOF_BIN:-build/cli/costproof}
runs=${RUNS:-3}
mkdir -p "$dir"
[ -x "$bin" ] || { echo "run-benchmark: build costproof first ($bin not found)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "run-benchmark: needs GNU time (apt-get install time)" >&2; exit 1; }
g++ -O2 -std=c++20 -o "$dir/gen_ec2_offer" bench/pricelist/gen_ec2_offer.cpp
file="$dir/AmazonEC2-synthetic-${size_mb}MB.json"
[ -f "$file" ] || "$dir/gen_ec2_offer" "$size_mb" "$file"
bytes=$(stat -c %s "$file")

have_jq=${JQ:-1}
if [ "$have_jq" = 1 ] && ! command -v jq >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq jq >/dev/null 2>&1 || true; fi
  command -v jq >/dev/null || { have_jq=0; echo "run-benchmark: jq not available, skipping its row" >&2; }
fi

# The same extraction as the importer's EC2 filter, joined with the OnDemand terms.
jq_filter='.terms.OnDemand as $od | .products[]
  | select((.productFamily == "Compute Instance" or .productFamily == "Compute Instance (bare metal)")
      and .attributes.operatingSystem == "Linux" and .attributes.tenancy == "Shared"
      and .attributes.preInstalledSw == "NA" and .attributes.capacitystatus == "Used"
      and .attributes.licenseModel == "No License required"
      and ((.attributes.marketoption // "OnDemand") == "OnDemand")
      and .attributes.locationType == "AWS Region")
  | . as $p | $od[$p.sku][] | .priceDimensions[]
  | [$p.attributes.regionCode, $p.attributes.instanceType, $p.sku, .rateCode, .pricePerUnit.USD] | @tsv'

cat "$file" > /dev/null  # warm the page cache: every tool reads from memory

# measure NAME CMD... -> "NAME wall_s cpu_s rss_kb" (best wall time of $runs)
measure() {
  local name=$1; shift
  local best="" line
  for _ in $(seq "$runs"); do
    rm -rf "$dir/pricing-data" && cp -r pricing-data "$dir/pricing-data"
    /usr/bin/time -v "$@" > "$dir/out-$name.txt" 2> "$dir/time-$name.txt" || { echo "run-benchmark: $name failed" >&2; cat "$dir/time-$name.txt" >&2; exit 1; }
    line=$(awk -F': ' '
      /Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i] }
      /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident set size/ { r = $2 }
      END { printf "%.2f %.2f %d", w, u + s, r }' "$dir/time-$name.txt")
    if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then best=$line; fi
  done
  echo "$name $best"
}

results=()
results+=("$(measure cat cat "$file")")
results+=("$(measure costproof "$bin" pricing import "$file" --pricing-data "$dir/pricing-data" --progress never)")
results+=("$(measure costproof-full-scan "$bin" pricing import "$file" --pricing-data "$dir/pricing-data" --progress never --full-scan --dry-run)")
if [ "${TERMS_FIRST:-0}" = 1 ]; then
  first="$dir/AmazonEC2-synthetic-${size_mb}MB-terms-first.json"
  [ -f "$first" ] || python3 bench/pricelist/terms_first.py "$file" "$first"
  cat "$first" > /dev/null
  results+=("$(measure terms-first "$bin" pricing import "$first" --pricing-data "$dir/pricing-data" --progress never --dry-run)")
fi
if [ -n "${BASE_BIN:-}" ]; then
  results+=("$(measure base "$BASE_BIN" pricing import "$file" --pricing-data "$dir/pricing-data" --progress never)")
  results+=("$(measure base-full-scan "$BASE_BIN" pricing import "$file" --pricing-data "$dir/pricing-data" --progress never --full-scan --dry-run)")
fi
if [ "$have_jq" = 1 ]; then results+=("$(measure jq jq -r "$jq_filter" "$file")"); fi

cat_wall=$(echo "${results[0]}" | awk '{ print $2 }')
echo
echo "file: $file ($bytes bytes), $(nproc) CPUs, $(uname -r), $(jq --version 2>/dev/null || echo 'no jq'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "costproof rows: $(grep -c '^| ' "$dir/out-costproof.txt" || true) report lines; jq rows: $( [ "$have_jq" = 1 ] && wc -l < "$dir/out-jq.txt" || echo -)"
echo
printf '| %-20s | %8s | %8s | %10s | %10s | %12s | %14s |\n' tool "wall s" "MB/s" "CPU s" "MB/CPU s" "peak RSS MB" "wall / cat"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' ---------------------- ---------- ---------- ------------ ------------ -------------- ----------------
for r in "${results[@]}"; do
  read -r name wall cpu rss <<< "$r"
  awk -v n="$name" -v w="$wall" -v c="$cpu" -v r="$rss" -v b="$bytes" -v cw="$cat_wall" 'BEGIN {
    mbs = (w > 0) ? b / 1e6 / w : 0; ratio = (cw > 0) ? w / cw : 0; mbc = (c > 0) ? b / 1e6 / c : 0
    printf "| %-20s | %8.2f | %8.0f | %10.2f | %10.0f | %12.1f | %13.1fx |\n", n, w, mbs, c, mbc, r / 1024, ratio }'
done
