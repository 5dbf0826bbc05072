#!/usr/bin/env bash
# Runs one golden case: tests/golden/cases/<name>.test
#
# A case file is a header, then the expected output:
#   # free-text comment lines
#   args: run scenarios/ep050/graviton-small-team.json --as-of 2026-11-27
#   exit: 0
#   --- stdout
#   <exact expected stdout>
#   --- stderr
#   <exact expected stderr>
#
# The program runs from the repository root with the args split on spaces.
# The case passes when the file rebuilt from the real output equals the case
# file byte for byte. With UPDATE_GOLDEN=1 the case file is rewritten instead.
set -u
bin=$1
case_file=$2
header=$(sed -n '/^--- stdout$/q;p' "$case_file")
if ! printf '%s\n' "$header" | grep -q '^args:'; then echo "$case_file: no 'args:' line" >&2; exit 2; fi
args_line=$(printf '%s\n' "$header" | sed -n 's/^args: *//p')
read -r -a args <<< "$args_line"
out=$(mktemp) err=$(mktemp) actual=$(mktemp)
trap 'rm -f "$out" "$err" "$actual"' EXIT
"$bin" "${args[@]}" > "$out" 2> "$err"
code=$?
{
  printf '%s\n' "$header" | sed "s/^exit: .*/exit: $code/"
  echo '--- stdout'
  cat "$out"
  echo '--- stderr'
  cat "$err"
} > "$actual"
if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
  cp "$actual" "$case_file"
  echo "updated $case_file"
  exit 0
fi
if ! cmp -s "$actual" "$case_file"; then
  echo "golden mismatch: $case_file (expected -, actual +); rerun with UPDATE_GOLDEN=1 if the change is intended" >&2
  diff -u "$case_file" "$actual" | head -80 >&2
  exit 1
fi
