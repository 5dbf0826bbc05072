#!/usr/bin/env bash
# Inputs and outputs that cannot be committed as fixtures (FIFOs, sparse giants, symbolic
# link loops, an empty or 253-character --out name, leftovers of killed runs): each is
# refused quickly with a message saying what it is, or handled (docs/errors.md).
#   Usage: check-special-files.sh <costproof binary>
set -u
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
asof=(--as-of 2026-11-27 --max-price-age-days 100000)
# expect <label> <exit> <stderr text> <command args...>: exits so, within 10 s, saying that.
expect() {
  local label=$1 code=$2 text=$3; shift 3
  timeout 10 "$bin" "$@" > /dev/null 2> "$dir/err"
  local rc=$?
  [ $rc -eq "$code" ] || { echo "special-files: '$label' exited $rc, expected $code" >&2; fail=1; }
  [ -z "$text" ] || grep -qF -- "$text" "$dir/err" || { echo "special-files: '$label' said: $(cat "$dir/err")" >&2; fail=1; }
}
mkfifo "$dir/fifo.json" "$dir/fifo.md" "$dir/fifo.csv"
sed 's#no-such-profile.csv#fifo.csv#' tests/fixtures/scenarios/dsp-missing-csv.json > "$dir/csv-fifo.json"
fifo="is a named pipe (FIFO), expected a regular file"
expect "run: FIFO scenario" 6 "$dir/fifo.json: $fifo" run "$dir/fifo.json"
expect "run: FIFO CSV profile" 3 "$dir/fifo.csv: $fifo" run "$dir/csv-fifo.json"
expect "lint: FIFO outline" 6 "$dir/fifo.md: $fifo" lint "$dir/fifo.md" --episode scenarios/ep050
expect "import: FIFO offer" 6 "$dir/fifo.json: $fifo" pricing import "$dir/fifo.json" --dry-run
# Sizes: checked before reading, so a sparse 1 GB file costs nothing.
truncate -s 1G "$dir/big.md"
truncate -s 17M "$dir/big.json"
limit="more than the 16 MiB (16,777,216 bytes) this kind of file may have (docs/errors.md#limits)"
expect "lint: 1 GB outline" 6 "$dir/big.md: is 1,073,741,824 bytes, $limit" lint "$dir/big.md" --episode scenarios/ep050
expect "run: 17 MiB scenario" 6 "$dir/big.json: is 17,825,792 bytes, $limit" run "$dir/big.json"
# Symbolic link loops: in the price tables, and as the price tables folder.
mkdir -p "$dir/pd"
cp -r tests/fixtures/offers/pricing-data/aws "$dir/pd/"
ln -s loop.json "$dir/pd/aws/loop.json"
expect "pricing: link loop in the tables" 6 \
  "$dir/pd/aws/loop.json: is a symbolic link that cannot be followed (Too many levels of symbolic links); expected a price table" \
  pricing list --pricing-data "$dir/pd"
ln -s loop "$dir/loop"
expect "pricing: link loop as --pricing-data" 6 "$dir/loop/aws: cannot read (Too many levels of symbolic links)" \
  pricing list --pricing-data "$dir/loop"
expect "episode: link loop as the folder" 6 "$dir/loop: cannot read (Too many levels of symbolic links); expected an episode folder" \
  episode "$dir/loop"
# --out names.
expect "run: --out ''" 2 "--out: the file name is empty" run scenarios/ep050/graviton-small-team.json --out ""
expect "companion: --out ''" 2 "--out: the folder name is empty" companion scenarios/ep050 --out "" \
  --engine tests/fixtures/companion/stub-engine.js
mkdir "$dir/o"
long=$(printf 'r%.0s' $(seq 1 250)).md  # 253 characters: legal, and the temporary name must fit too
expect "run: 253-character --out" 0 "" run scenarios/ep050/graviton-small-team.json "${asof[@]}" --out "$dir/o/$long"
[ -s "$dir/o/$long" ] || { echo "special-files: the 253-character --out was not written" >&2; fail=1; }
# Leftovers of killed runs (a dead pid's temporary file, the older ".<name>.tmp-XXXXXX" form) go at the next write.
true & dead=$!; wait $dead
touch "$dir/o/.costproof-$dead-AbC123.tmp" "$dir/o/.r.md.tmp-AbC123"
expect "run: leftovers removed" 0 "" run scenarios/ep050/graviton-small-team.json "${asof[@]}" --out "$dir/o/r.md"
left=$(find "$dir/o" -name '.*')
[ -z "$left" ] || { echo "special-files: leftovers stayed: $left" >&2; fail=1; }
# The older per-table temporary files among the tables go at the next import.
rm "$dir/pd/aws/loop.json"
touch "$dir/pd/aws/us-east-1/.ec2.json.tmp-AbC123"
expect "import: leftovers removed" 0 "" pricing import tests/fixtures/offers/ec2-small.json --pricing-data "$dir/pd" \
  --progress never
left=$(find "$dir/pd" -name '.*')
[ -z "$left" ] || { echo "special-files: leftovers among the tables stayed: $left" >&2; fail=1; }
[ $fail -eq 0 ] && echo "special-files: ok"
exit $fail
