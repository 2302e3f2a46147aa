#!/usr/bin/env bash
# No input aborts a run (issue 16, items 4-6 and 10): JSON nested 100,000
# deep, numbers out of range, symlink loops, binary files and random bytes
# named .jsonl.gz are located rejections, the good stories beside them are
# indexed, and reasons are cut to a sane length.
source "$(dirname "$0")/lib.sh"

cd "$WORK"
DB="$WORK/db"
index() { run_status rc "$NEWS_INDEX" "$@" 2>"$WORK/err"; }
err() { cat "$WORK/err"; }
doccount() { "$NEWS_INDEX" stats --db "$DB" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])'; }
good() { echo "{\"id\": \"$1\", \"title\": \"Good story $1\", \"body\": \"Walrus counts rise.\"}"; }

# 4. Nesting 100,000 deep, in a known field and in an extra one.
python3 - >deep.jsonl <<'EOF'
import json
print(json.dumps({"id": "g1", "title": "Good story g1", "body": "Walrus counts rise."}))
print('{"id": "deep1", "title": "Deep", "x": ' + "[" * 100000 + "]" * 100000 + "}")
print('{"id": "deep2", "title": "Deep", "tags": ' + '{"a":' * 100000 + "1" + "}" * 100000 + "}")
print(json.dumps({"id": "g2", "title": "Good story g2", "body": "Walrus counts rise."}))
EOF
index add --db "$DB" deep.jsonl
check_eq "deep nesting: exit" 1 "$rc"
check_contains "deep nesting: located" "deep.jsonl:2: JSON nested deeper than" "$(err)"
check_contains "deep nesting: second located" "deep.jsonl:3:" "$(err)"
check_eq "deep nesting: the good ones indexed" 2 "$(doccount)"
check_eq "deep nesting: a re-run does the same" 1 "$("$NEWS_INDEX" add -q --db "$DB" deep.jsonl 2>/dev/null; echo $?)"
# Nesting within the limit is kept as an extra field.
python3 - >nested.jsonl <<'EOF'
import json
x = 0
for _ in range(40):
    x = [x]
print(json.dumps({"id": "nest40", "title": "Nested forty", "x": x}))
EOF
index add --db "$DB" nested.jsonl
check_eq "nesting within the limit: exit" 0 "$rc"

# 5. A number out of double range anywhere in a record.
{
  good g3
  echo '{"id": "huge", "title": "Huge number", "x": 1e309}'
  echo '{"id": "huge2", "title": "Huge number", "n": {"y": [-1e400]}}'
  good g4
} >numbers.jsonl
index add --db "$DB" numbers.jsonl
check_eq "number out of range: exit" 1 "$rc"
check_contains "number out of range: located" "numbers.jsonl:2: " "$(err)"
check_contains "number out of range: second located" "numbers.jsonl:3: " "$(err)"
check_eq "number out of range: the good ones indexed" 5 "$(doccount)"

# 6. A symlink loop in a folder, symlinked folders and dangling symlinks.
mkdir -p feed/real
good g5 >feed/a.jsonl
good g6 >feed/real/b.jsonl
ln -s loop.jsonl feed/loop.jsonl
ln -s real feed/linked
ln -s gone.jsonl feed/dangling.jsonl
mkdir -p elsewhere && good g7 >elsewhere/c.jsonl && ln -s "$WORK/elsewhere" feed/outside
ln -s .. feed/real/up
index add --db "$DB" feed
check_eq "symlink loop: exit" 1 "$rc"
check_contains "symlink loop: named" "feed/loop.jsonl: Too many levels of symbolic links" "$(err)"
check_contains "dangling symlink: named" "feed/dangling.jsonl:" "$(err)"
check_eq "symlinks: the good files indexed, each once" 8 "$(doccount)"
check_eq "symlinked folder followed" 1 "$(total id:g7)"
check_eq "no duplicate for a folder reached twice" "" "$(grep 'duplicate id' "$WORK/err" || true)"

# 10. Random bytes named .txt are not an article; random bytes named
# .jsonl.gz are not gzip; a 10 MB unterminated string gives a short reason.
python3 -c 'import os, sys; sys.stdout.buffer.write(os.urandom(30000))' >random.txt
python3 -c 'import os, sys; sys.stdout.buffer.write(os.urandom(30000))' >random.jsonl.gz
{
  good g8
  python3 -c 'print("{\"id\": \"long\", \"title\": \"" + "x" * 10000000)'
  good g9
} >unterminated.jsonl
index add --db "$DB" --report "$WORK/report.json" random.txt random.jsonl.gz unterminated.jsonl
check_eq "random bytes: exit" 1 "$rc"
check_contains "random .txt rejected" "random.txt: not text" "$(err)"
check_contains "random .jsonl.gz not gzip" "random.jsonl.gz: not in gzip format" "$(err)"
check_contains "unterminated string located" "unterminated.jsonl:2: malformed JSON" "$(err)"
check_eq "reasons cut to a sane length" True \
  "$(python3 -c 'import sys; print(max(len(l) for l in open(sys.argv[1], "rb")) < 1000)' "$WORK/err")"
check_eq "report reasons cut too" True \
  "$(json_get "$WORK/report.json" "max(len(r['reason']) for r in j['rejections']) < 1000")"
check_eq "random and unterminated: the good ones indexed" 10 "$(doccount)"

# --report to a folder that does not exist: a usage error before any work.
index add --db "$DB" --report "$WORK/no/such/dir/r.json" numbers.jsonl
check_eq "report to a missing folder: exit" 2 "$rc"
check_contains "report to a missing folder: said first" "no/such/dir" "$(head -n 1 "$WORK/err")"
check_eq "report to a missing folder: nothing indexed" 10 "$(doccount)"

finish
