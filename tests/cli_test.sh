#!/usr/bin/env bash
# CLI checks: the bundled examples code into a database, re-running changes
# nothing, and 1 and 2 threads give identical output.
set -euo pipefail
casus=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$casus" code "$src/examples" --db "$tmp/e.sqlite" --format jsonl -q > "$tmp/first.jsonl"
test -s "$tmp/first.jsonl" || { echo "FAIL: no events from examples"; exit 1; }
count() { sqlite3 "$tmp/e.sqlite" "select (select count(*) from documents)||' '||(select count(*) from events)||' '||(select count(*) from mentions)"; }
before=$(count)
"$casus" code "$src/examples" --db "$tmp/e.sqlite" --format none -q
after=$(count)
[ "$before" = "$after" ] || { echo "FAIL: re-ingest changed the store: $before -> $after"; exit 1; }

"$casus" code "$src/examples" --threads 2 --batch 1 -q > "$tmp/two.jsonl"
cmp "$tmp/first.jsonl" "$tmp/two.jsonl" || { echo "FAIL: --threads 2 output differs"; exit 1; }

# explain: every stored event can be explained, naming its dictionary line.
id=$(sqlite3 "$tmp/e.sqlite" "select id from events order by id limit 1")
"$casus" explain "$id" --db "$tmp/e.sqlite" > "$tmp/explain.txt"
grep -q "rule    verbs/" "$tmp/explain.txt" || { echo "FAIL: explain names no rule"; exit 1; }
grep -q "line    " "$tmp/explain.txt" || { echo "FAIL: explain shows no dictionary line"; exit 1; }

# Bad input: reported, the batch goes on, exit code 2.
printf ' date 2025-13-45 x\nTitle\nBody\n' > "$tmp/bad.txt"
set +e
"$casus" code "$tmp/bad.txt" "$src/examples" -q > "$tmp/bad.jsonl" 2> "$tmp/bad.err"
rc=$?
set -e
[ $rc -eq 2 ] || { echo "FAIL: exit code $rc for a bad file (want 2)"; exit 1; }
grep -q "bad.txt" "$tmp/bad.err" || { echo "FAIL: error does not name the file"; exit 1; }
cmp "$tmp/first.jsonl" "$tmp/bad.jsonl" || { echo "FAIL: a bad file changed the other output"; exit 1; }

if [ -d "$src/../shared/seeds" ]; then
  "$casus" code "$src/../shared/seeds" --format jsonl -q > "$tmp/seeds1.jsonl"
  "$casus" code "$src/../shared/seeds" --format jsonl --threads 2 --batch 1 -q > "$tmp/seeds2.jsonl"
  cmp "$tmp/seeds1.jsonl" "$tmp/seeds2.jsonl" || { echo "FAIL: seeds differ across thread counts"; exit 1; }
else
  echo "../shared/seeds is absent; skipping the seed comparison"
fi
echo "cli checks passed"
