#!/usr/bin/env bash
# Fault injection (docs/errors.md#faults): `pricing import` and every --out writer run with
# the N-th write, fsync, rename, link, mkdir, create or remove made to fail
# (COSTPROOF_FAULT=fail:N) or to end the process there as a kill would (exit:N), for
# N = 1, 2, ... T, where T is the number of such points of a clean run (the first N at
# which exit:N gets through, minus one). After each faulted run the tables and the
# output are all old or all new; after the next clean run they are new and nothing is
# left behind.   Usage: check-faults.sh <costproof binary> [case...]
set -u
bin=$1; shift
cases=${*:-import run episode lint verify list companion}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export COSTPROOF_FAULT=off  # every run: syncs only counted (a kill, not a power cut, is simulated), so it is quick
fail=0
points=0  # fault points of a clean run, counted by the exit: pass
bad() { echo "check-faults: $*" >&2; fail=1; }
# A digest of a folder or file: every path and its bytes.
digest() {
  if [ -d "$1" ]; then (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum) | sha256sum | cut -c1-16
  elif [ -e "$1" ]; then sha256sum < "$1" | cut -c1-16
  else echo absent; fi
}
hidden_in() { find "$@" -name '.*' ! -name '.costproof-companion' 2> /dev/null; }

offers=(tests/fixtures/offers/ec2-small.json tests/fixtures/offers/vpc-small.json)
fixture=tests/fixtures/offers/pricing-data
asof=(--as-of 2026-11-27)
ep=tests/fixtures/episodes/ep900-made-up  # small: quick to render

# check_import <mode> [NO_EXCHANGE]: the tables and the report together.
check_import() {
  local mode=$1 noex=${2:-}
  local pd=$work/pd out=$work/out
  rm -rf "$pd" "$out"; cp -r "$fixture" "$pd"; mkdir "$out"; echo old > "$out/report.md"
  local old_tables; old_tables=$(digest "$pd/aws")
  "$bin" pricing import "${offers[@]}" --pricing-data "$pd" --progress never --out "$out/report.md" > /dev/null 2>&1
  local new_tables new_report; new_tables=$(digest "$pd/aws"); new_report=$(digest "$out/report.md")
  [ "$old_tables" != "$new_tables" ] || bad "import: the clean run changed no table"
  local n=1
  while [ $n -lt 500 ]; do
    rm -rf "$pd" "$out"; cp -r "$fixture" "$pd"; mkdir "$out"; echo old > "$out/report.md"
    local old_report; old_report=$(digest "$out/report.md")
    env COSTPROOF_FAULT="$mode:$n" ${noex:+COSTPROOF_FAULT_NO_EXCHANGE=1} \
      "$bin" pricing import "${offers[@]}" --pricing-data "$pd" --progress never --out "$out/report.md" > /dev/null 2>&1
    local rc=$?
    # A reader sees all old or all new tables (it finishes a swap a kill interrupted).
    [ -d "$pd/aws" ] || "$bin" pricing list --pricing-data "$pd" > /dev/null 2>&1 ||
      bad "import $mode:$n $noex: the tables do not load"
    local t r; t=$(digest "$pd/aws"); r=$(digest "$out/report.md")
    [ "$t" = "$old_tables" ] || [ "$t" = "$new_tables" ] || bad "import $mode:$n $noex: tables are neither old nor new"
    [ "$r" = "$old_report" ] || [ "$r" = "$new_report" ] || bad "import $mode:$n $noex: report is neither old nor new"
    [ "$r" = "$old_report" ] || [ "$t" = "$new_tables" ] || bad "import $mode:$n $noex: a new report of old tables"
    # The next clean run finishes the job and leaves nothing behind.
    "$bin" pricing import "${offers[@]}" --pricing-data "$pd" --progress never --out "$out/report.md" > /dev/null 2>&1 ||
      bad "import $mode:$n $noex: the next run failed"
    [ "$(digest "$pd/aws")" = "$new_tables" ] || bad "import $mode:$n $noex: the next run did not give the new tables"
    [ -z "$(hidden_in "$pd" "$out")" ] || bad "import $mode:$n $noex: left $(hidden_in "$pd" "$out")"
    if [ "$mode" = exit ]; then [ $rc -eq 0 ] && break; elif [ $n -ge "$points" ]; then break; fi
    n=$((n + 1))
  done
  [ "$mode" = exit ] && points=$((n - 1))
  echo "check-faults: import $mode ${noex:+(two renames) }at each of $points fault points: ok unless said above"
}

# check_out <label> <old args...> -- <new args...>: an --out writer; $out_path is the output.
check_out() {
  local label=$1; shift
  local old_args=() new_args=()
  while [ "$1" != -- ]; do old_args+=("$1"); shift; done; shift
  new_args=("$@")
  for mode in $modes; do
    rm -rf "$work/o"; mkdir "$work/o"
    "$bin" "${new_args[@]}" > /dev/null 2>&1; local new; new=$(digest "$out_path")
    rm -rf "$work/o" "$work/o-old"; mkdir "$work/o"
    "$bin" "${old_args[@]}" > /dev/null 2>&1; local old; old=$(digest "$out_path")
    [ "$old" != "$new" ] || bad "$label: old and new output are the same"
    cp -a "$work/o" "$work/o-old"
    local n=1
    while [ $n -lt 500 ]; do
      rm -rf "$work/o"; cp -a "$work/o-old" "$work/o"
      COSTPROOF_FAULT="$mode:$n" "$bin" "${new_args[@]}" > /dev/null 2>&1
      local rc=$? d; d=$(digest "$out_path")
      [ "$d" = "$old" ] || [ "$d" = "$new" ] || bad "$label $mode:$n: output is neither old nor new"
      "$bin" "${new_args[@]}" > /dev/null 2>&1 || bad "$label $mode:$n: the next run failed"
      [ "$(digest "$out_path")" = "$new" ] || bad "$label $mode:$n: the next run did not write the new output"
      [ -z "$(hidden_in "$work/o")" ] || bad "$label $mode:$n: left $(hidden_in "$work/o")"
      if [ "$mode" = exit ]; then [ $rc -eq 0 ] && break; elif [ $n -ge "$points" ]; then break; fi
      n=$((n + 1))
    done
    [ "$mode" = exit ] && points=$((n - 1))
    echo "check-faults: $label $mode at each of $points fault points: ok unless said above"
  done
}

for c in $cases; do
  modes="exit fail"
  case $c in
    import) check_import exit; check_import fail; check_import exit noex ;;
    run) out_path=$work/o/r.md
      check_out run run scenarios/ep050/graviton-small-team.json --as-of 2026-11-20 --out "$out_path" -- \
        run scenarios/ep050/graviton-small-team.json "${asof[@]}" --out "$out_path" ;;
    episode) out_path=$work/o/notes.md
      check_out episode episode "$ep" "${asof[@]}" --out "$out_path" -- episode "$ep" --format csv "${asof[@]}" --out "$out_path" ;;
    lint) out_path=$work/o/lint.json
      check_out lint lint "$ep/outline.md" --episode "$ep" --format json "${asof[@]}" --out "$out_path" -- \
        lint "$ep/outline.md" --episode "$ep" "${asof[@]}" --out "$out_path" ;;
    verify) out_path=$work/o/verify.md
      check_out verify pricing verify --format json --out "$out_path" -- pricing verify --out "$out_path" ;;
    list) out_path=$work/o/prices.md  # pricing show and list share run's writer
      check_out list pricing list --region us-east-1 --service vpc --out "$out_path" -- \
        pricing list --region us-east-1 --service ec2 --out "$out_path" ;;
    companion) out_path=$work/o/site modes=exit  # 40-odd points, each a whole bundle: kills only, to stay quick
      check_out companion companion "$ep" --as-of 2026-11-20 --engine tests/fixtures/companion/stub-engine.js \
        --out "$out_path" -- companion "$ep" "${asof[@]}" --engine tests/fixtures/companion/stub-engine.js --out "$out_path" ;;
    *) bad "unknown case $c" ;;
  esac
done
[ $fail -eq 0 ] && echo "check-faults: ok"
exit $fail
