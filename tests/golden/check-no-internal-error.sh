#!/usr/bin/env bash
# Property: no input under tests/fixtures makes costproof report an internal
# error (exit 1). Every scenario fixture goes through `run`, every episode
# fixture through `episode` (and `lint` when it has an outline), every price
# table fixture through `pricing list` and `pricing verify`, every offer
# fixture (offer files, GetProducts documents, the pricing-page feed, good and
# bad) through `pricing import --dry-run`, with and without --full-scan. Bad inputs must
# fail with a pointed error (exit 3-7), never with "internal error".
set -u
bin=$1
cd "$(dirname "$0")/../.."
failed=0
check() { check_args "$@" --as-of 2026-11-27; }
check_args() {
  local err rc
  err=$("$bin" "$@" 2>&1 >/dev/null)
  rc=$?
  if [ "$rc" -eq 1 ] || grep -q "internal error" <<<"$err"; then
    echo "internal error from: costproof $*"
    echo "$err" | head -3
    failed=1
  fi
}
for f in tests/fixtures/scenarios/*.json; do check run "$f"; done
for d in tests/fixtures/episodes/*/; do
  check episode "$d"
  [ -f "$d/outline.md" ] && check lint "$d/outline.md" --episode "$d"
done
for d in tests/fixtures/pricing/*/; do
  [ -d "$d/aws" ] || continue
  check pricing list --pricing-data "$d"
  check pricing verify --pricing-data "$d"
done
for f in tests/fixtures/offers/*.json tests/fixtures/offers/*.csv; do
  check_args pricing import "$f" --pricing-data tests/fixtures/offers/pricing-data --dry-run
  check_args pricing import "$f" --pricing-data tests/fixtures/offers/pricing-data --dry-run --full-scan
done
exit $failed
