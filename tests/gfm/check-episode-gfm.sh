#!/usr/bin/env bash
# Renders the show notes (short and --detail full) of episode 050 and of the made-up test episode with
# a real GitHub-flavoured Markdown renderer (cmark-gfm, Debian package
# cmark-gfm) and checks that they render cleanly:
#   - every Markdown table (a delimiter row such as |---|---:|) becomes a <table>,
#     with as many cells in each body row as in its header;
#   - no raw table row ("| a | b |") is left over as paragraph text;
#   - no escaped pipe ("\|") survives into the HTML;
#   - exactly one <h1>, and the claims table has one row per claim.
# Usage: check-episode-gfm.sh <costproof binary>   (run from the repository root)
# Exit 77 (skipped under CTest) when cmark-gfm is not installed.
set -u
bin=$1
if ! command -v cmark-gfm >/dev/null 2>&1; then
  echo "cmark-gfm not installed (Debian: apt-get install cmark-gfm); skipping" >&2
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "gfm: $1" >&2; failed=1; }

check() {
  local name=$1; shift
  local md=$tmp/$name.md html=$tmp/$name.html
  if ! "$bin" "$@" > "$md" 2> "$tmp/$name.err"; then
    fail "$name: costproof $* failed: $(cat "$tmp/$name.err")"; return
  fi
  cmark-gfm --extension table "$md" > "$html" || { fail "$name: cmark-gfm failed"; return; }

  # Tables: Markdown delimiter rows outside code fences vs <table> elements.
  local md_tables html_tables
  md_tables=$(awk '/^```/ { fence = !fence; next } !fence && /^\|[-:| ]+\|$/ { n++ } END { print n + 0 }' "$md")
  html_tables=$(grep -c '<table>' "$html")
  [ "$md_tables" = "$html_tables" ] || fail "$name: $md_tables Markdown tables but $html_tables <table> elements"

  # Cells: every body row has as many cells as its header row.
  awk -v name="$name" '
    /<thead>/ { head = 1; cols = 0 }
    head && /<th/ { cols += gsub(/<th[ >]/, "&") }
    /<\/thead>/ { head = 0 }
    /<tr>/ && !head { cells = 0; inrow = 1 }
    inrow { cells += gsub(/<td[ >]/, "&") }
    /<\/tr>/ && inrow { inrow = 0; if (cells != cols && cells != 0) { print name ": a table row has " cells " cells, its header " cols; bad = 1 } }
    END { exit bad }' "$html" >&2 || failed=1

  # Leftover raw table rows or escaped pipes in the rendered text.
  if awk '/<pre/ { pre = 1 } /<\/pre>/ { pre = 0; next } !pre && /^(<p>)?\|.*\|/ { found = 1 } END { exit !found }' "$html"; then
    fail "$name: a table row rendered as paragraph text"
  fi
  if grep -F '\|' "$html" >/dev/null; then fail "$name: an escaped pipe (\\|) survived into the HTML"; fi

  local h1
  h1=$(grep -c '<h1>' "$html")
  [ "$h1" = 1 ] || fail "$name: expected one <h1>, found $h1"

  # The claims table: one body row per claim.
  local claims rows
  claims=$(grep -oE '[0-9]+ claims checked' "$md" | head -1 | grep -oE '[0-9]+')
  rows=$(awk '/<h2>Claims<\/h2>/ { on = 1 } on && /<tbody>/ { body = 1 } body && /<tr>/ { n++ } body && /<\/tbody>/ { print n; exit }' "$html")
  [ "$claims" = "$rows" ] || fail "$name: $claims claims but $rows rows in the claims table"
}

check episode050 episode scenarios/ep050 --as-of 2026-11-27
check episode050-full episode scenarios/ep050 --as-of 2026-11-27 --detail full
check made-up episode tests/fixtures/episodes/ep900-made-up --as-of 2026-11-27
check made-up-full episode tests/fixtures/episodes/ep900-made-up --as-of 2026-11-27 --detail full
[ $failed = 0 ] && echo "gfm: episode show notes render cleanly as GitHub-flavoured Markdown"
exit $failed
