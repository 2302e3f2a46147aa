#!/usr/bin/env bash
# Bad input (issue 2, item 7): every kind gets its own check. Each rejected
# article is reported as FILE:LINE: reason, the good ones are indexed and
# searchable, the run ends with a summary line, exit 1 for rejections and 2
# for fatal errors, and the index stays consistent.
source "$(dirname "$0")/lib.sh"

cd "$WORK"
DB="$WORK/db"

ids() { search --format ids -n 1000 "$@" | sort || true; }

# index ERRFILE ARGS...: runs news-index, stderr to ERRFILE; sets $rc.
index() {
  local err=$1; shift
  run_status rc "$NEWS_INDEX" "$@" 2>"$err"
}

# check_summary WHAT ERRFILE ADDED REJECTED: the last stderr line.
check_summary() {
  local last
  last="$(tail -n 1 "$2")"
  if [[ "$last" =~ ^news-index:\ added\ $3,\ replaced\ [0-9]+,\ .*rejected\ $4\ in\ [0-9.]+\ s ]]; then
    pass
  else
    fail "$1: summary line '$last' (want added $3, rejected $4)"
  fi
}

# check_consistent WHAT: xapian-check passes on every live database.
check_consistent() {
  command -v xapian-check >/dev/null || return 0
  local dbs
  dbs="$(awk '!/^#/ && NF == 2 { print $2 }' "$DB/XAPIANDB" 2>/dev/null || true)"
  [ -n "$dbs" ] || dbs="."
  local d
  for d in $dbs; do
    [[ "$d" == /* ]] || d="$DB/$d"
    if xapian-check "$d" >/dev/null 2>&1; then pass; else fail "$1: xapian-check $d"; fi
  done
}

good() {  # good ID [TITLE]
  printf '{"id":"%s","title":"%s","body":"A walrus story, number %s.","tags":["Arctic"]}\n' \
    "$1" "${2:-Good story $1}" "$1"
}

# ------------------------------------------------ malformed JSON, missing and wrong fields
{
  good ok-1
  printf '%s\n' '{"id":"broken","title":"no closing brace"'
  printf '%s\n' '{"id": "trailing-comma", "title": "t",}'
  printf '%s\n' 'this is not json'
  printf '%s\n' '["an", "array"]'
  printf '%s\n' '{"title":"no id here"}'
  printf '%s\n' '{"id":"no-title"}'
  printf '%s\n' '{"id":"","title":"empty id"}'
  printf '%s\n' '{"id":"blank-title","title":"   "}'
  printf '%s\n' '{"id":42,"title":"numeric id"}'
  printf '%s\n' '{"id":"obj-title","title":{"text":"t"}}'
  printf '%s\n' '{"id":"num-tags","title":"t","tags":[1,2]}'
  printf '%s\n' '{"id":"obj-authors","title":"t","authors":{"name":"x"}}'
  printf '%s\n' '{"id":"bad-date","title":"t","published":"last Tuesday"}'
  printf '%s\n' '{"id":"num-body","title":"t","body":12}'
  good ok-2
  printf '%s\n' '{"id":"null-fields","title":"Nulls are fine","tags":null,"body":null,"x":1}'
} >bad.jsonl
index "$WORK/bad.err" add --db "$DB" bad.jsonl
check_eq "bad records: exit 1" 1 "$rc"
check_summary "bad records" "$WORK/bad.err" 3 14
expect_reason() {  # expect_reason LINE WORDS
  local line
  line="$(grep "^bad.jsonl:$1: " "$WORK/bad.err" || true)"
  check_contains "bad.jsonl:$1 reported" "$2" "$line"
}
expect_reason 2 "malformed JSON"
expect_reason 3 "malformed JSON"
expect_reason 4 "malformed JSON"
expect_reason 5 "expected a JSON object"
expect_reason 6 "missing required field 'id'"
expect_reason 7 "missing required field 'title'"
expect_reason 8 "missing required field 'id'"
expect_reason 9 "missing required field 'title'"
expect_reason 10 "field 'id': expected a string"
expect_reason 11 "field 'title': expected a string"
expect_reason 12 "field 'tags'"
expect_reason 13 "field 'authors'"
expect_reason 14 "field 'published'"
expect_reason 15 "field 'body'"
check_eq "no report for good lines" "" "$(grep -E '^bad.jsonl:(1|16|17):' "$WORK/bad.err" || true)"
check_eq "good records searchable" "$(printf 'null-fields\nok-1\nok-2')" "$(ids)"
check_eq "good records by text" "$(printf 'ok-1\nok-2')" "$(ids walrus)"
check_consistent "after bad records"

# ------------------------------------------------ invalid UTF-8
{
  good utf8-ok-1
  printf '{"id":"latin1","title":"Caf\xe9 society"}\n'
  printf '{"id":"bad-continuation","title":"ok","body":"x\x80y"}\n'
  printf '{"id":"overlong","title":"\xc0\xaf"}\n'
  printf '{"id":"surrogate","title":"\xed\xa0\x80"}\n'
  printf '{"id":"utf8-fine","title":"Z\xc3\xbcrich \xe2\x82\xac \xf0\x9f\x93\xb0"}\n'
} >utf8.jsonl
index "$WORK/utf8.err" add --db "$DB" utf8.jsonl
check_eq "invalid UTF-8: exit 1" 1 "$rc"
check_summary "invalid UTF-8" "$WORK/utf8.err" 2 4
for line in 2 3 4 5; do
  check_contains "utf8.jsonl:$line reported" "invalid UTF-8" \
    "$(grep "^utf8.jsonl:$line: " "$WORK/utf8.err" || true)"
done
check_eq "valid UTF-8 kept" utf8-fine "$(ids zurich)"
search --json -n 1 id:utf8-fine >"$WORK/utf8.json"
check_eq "UTF-8 title round trip" True \
  "$(json_get "$WORK/utf8.json" 'j["hits"][0]["title"] == "Zürich € \U0001F4F0"')"

# ------------------------------------------------ truncated .gz
python3 - <<'EOF'
import gzip, json
lines = "".join(json.dumps({"id": "gz-%d" % i, "title": "Gzip story %d" % i,
                            "body": "number %d of many, about narwhals" % (i * 7919)}) + "\n"
                for i in range(4000))
data = gzip.compress(lines.encode())
open("cut.jsonl.gz", "wb").write(data[: len(data) * 2 // 3])
open("whole.jsonl.gz", "wb").write(data)
EOF
# What a streaming reader can recover: the complete lines before the cut.
RECOVERABLE="$(python3 -c '
import zlib
d = zlib.decompressobj(31).decompress(open("cut.jsonl.gz", "rb").read())
print(d.count(b"\n"))')"
good after-gz >after.jsonl
index "$WORK/gz.err" add --db "$DB" cut.jsonl.gz after.jsonl
check_eq "truncated gzip: exit 1" 1 "$rc"
check_eq "truncated gzip: located" 1 \
  "$(grep -c "^cut.jsonl.gz:$((RECOVERABLE + 1)): .*truncated" "$WORK/gz.err" || true)"
check_summary "truncated gzip" "$WORK/gz.err" "$((RECOVERABLE + 1))" 1
check_eq "records before the damage indexed" "$RECOVERABLE" "$(total 'narwhals')"
check_eq "sources after the damaged one indexed" after-gz "$(ids id:after-gz)"
check_consistent "after truncated gzip"
index "$WORK/gz2.err" add --db "$DB" whole.jsonl.gz
check_eq "intact gzip: exit 0" 0 "$rc"
check_eq "intact gzip: all records" 4000 "$(total narwhals)"
# A rebuild with a damaged source indexes the rest and deletes nothing.
BEFORE="$(total)"
index "$WORK/gz3.err" rebuild --db "$DB" whole.jsonl.gz cut.jsonl.gz
check_eq "rebuild with a truncated gzip: exit 1" 1 "$rc"
check_contains "rebuild names the damaged source" "cut.jsonl.gz" "$(cat "$WORK/gz3.err")"
check_contains "rebuild says nothing was deleted" "nothing deleted" "$(cat "$WORK/gz3.err")"
check_eq "rebuild with a damaged source keeps every story" "$BEFORE" "$(total)"

# ------------------------------------------------ a 50 MB line
python3 - <<'EOF'
import json
word = "plankton bloom over the shelf "
body = word * (50 * 1000 * 1000 // len(word))
with open("huge.jsonl", "w") as f:
    f.write(json.dumps({"id": "before-huge", "title": "Before the huge line"}) + "\n")
    f.write(json.dumps({"id": "huge", "title": "A fifty megabyte story", "body": body}) + "\n")
    f.write(json.dumps({"id": "after-huge", "title": "After the huge line"}) + "\n")
EOF
check_eq "huge line is 50 MB" True "$([ "$(sed -n 2p huge.jsonl | wc -c)" -ge 50000000 ] && echo True)"
TIME=()
if [ -x /usr/bin/time ]; then TIME=(/usr/bin/time -f '%M' -o "$WORK/huge.rss"); fi
run_status rc "${TIME[@]}" "$NEWS_INDEX" add --db "$DB" huge.jsonl 2>"$WORK/huge.err"
check_eq "50 MB line: exit 0 (indexed)" 0 "$rc"
check_summary "50 MB line" "$WORK/huge.err" 3 0
check_eq "50 MB story findable" huge "$(ids plankton)"
check_eq "lines around it indexed" "$(printf 'after-huge\nbefore-huge')" "$(ids title:huge)"
# Sensible memory: a small multiple of the line, not of the file or corpus
# (skipped under AddressSanitizer, whose shadow memory dominates).
if [ -s "$WORK/huge.rss" ] && ! ldd "$NEWS_INDEX" 2>/dev/null | grep -q asan; then
  RSS_KB="$(tail -n 1 "$WORK/huge.rss")"
  check_eq "50 MB line peak RSS under 1 GB (${RSS_KB} kB)" True \
    "$([ "$RSS_KB" -lt 1000000 ] && echo True)"
fi
rm -f huge.jsonl
# Over the reader's limit (64 MiB): skipped with a reason, the rest indexed.
python3 - <<'EOF'
import json
with open("toolong.jsonl", "w") as f:
    f.write(json.dumps({"id": "tl-before", "title": "Before the overlong line"}) + "\n")
    f.write('{"id":"tl-huge","title":"x","body":"' + "y" * (65 << 20) + '"}\n')
    f.write(json.dumps({"id": "tl-after", "title": "After the overlong line"}) + "\n")
EOF
index "$WORK/toolong.err" add --db "$DB" toolong.jsonl
check_eq "overlong line: exit 1" 1 "$rc"
check_contains "overlong line reported" "toolong.jsonl:2: line longer than" "$(cat "$WORK/toolong.err")"
check_summary "overlong line" "$WORK/toolong.err" 2 1
check_eq "around the overlong line" "$(printf 'tl-after\ntl-before')" "$(ids 'title:overlong')"
rm -f toolong.jsonl
check_consistent "after huge lines"

# ------------------------------------------------ terms over 245 bytes
LONG_ID="$(printf 'id-%0600d' 7)"
LONG_ID2="$(printf 'id-%0600d' 8)"   # same first 600 bytes but one
LONG_AUTHOR="$(python3 -c 'print("Maximilian " * 40 + "Longname")')"
LONG_TAG="$(python3 -c 'print("t" * 1000)')"
LONG_PLACE="$(python3 -c 'print("Llanfair" * 60)')"
python3 - "$LONG_ID" "$LONG_ID2" "$LONG_AUTHOR" "$LONG_TAG" "$LONG_PLACE" <<'EOF' >longterms.jsonl
import json, sys
long_id, long_id2, author, tag, place = sys.argv[1:]
print(json.dumps({"id": long_id, "title": "Giant identifier one", "authors": [author],
                  "tags": [tag], "places": [place]}))
print(json.dumps({"id": long_id2, "title": "Giant identifier two", "tags": [tag + "u"]}))
print(json.dumps({"id": "nul-id-" + "\u0000" * 200, "title": "Zero bytes in the id",
                  "tags": ["\u0000" * 300]}))
print(json.dumps({"id": "long-word", "title": "x" * 5000, "body": "y" * 100000}))
EOF
index "$WORK/long.err" add --db "$DB" longterms.jsonl
check_eq "long terms: exit 0" 0 "$rc"
check_summary "long terms" "$WORK/long.err" 4 0
check_eq "long id by id:" "$LONG_ID" "$(ids "id:$LONG_ID")"
check_eq "second long id distinct" "$LONG_ID2" "$(ids "id:$LONG_ID2")"
check_eq "long tag by tag:" "$LONG_ID" "$(ids "tag:$LONG_TAG")"
check_eq "long tag by --filter" "$LONG_ID" "$(ids --filter "tag=$LONG_TAG")"
check_eq "long tag + 1 is another tag" "$LONG_ID2" "$(ids --filter "tag=${LONG_TAG}u")"
check_eq "long author by --filter" "$LONG_ID" "$(ids --filter "author=$LONG_AUTHOR")"
check_eq "long author by words" "$LONG_ID" "$(ids author:longname)"
check_eq "long place by --filter (any case)" "$LONG_ID" "$(ids --filter "place=${LONG_PLACE^^}")"
search --json -n 1 "id:$LONG_ID" --facet tag >"$WORK/long.json"
check_eq "long values displayed whole" True \
  "$(json_get "$WORK/long.json" "j['hits'][0]['authors'] == ['$LONG_AUTHOR'] and j['hits'][0]['tags'] == ['$LONG_TAG'] and j['facets']['tag'][0]['value'] == '$LONG_TAG'")"
check_eq "id with zero bytes indexed" 1 "$(total 'title:"zero bytes"')"
check_eq "long word story indexed" long-word "$(ids id:long-word)"
index "$WORK/long2.err" delete --db "$DB" "$LONG_ID"
check_eq "delete by long id" 0 "$rc"
check_eq "long id deleted" 0 "$(total "id:$LONG_ID")"
check_eq "other long id kept" 1 "$(total "id:$LONG_ID2")"
check_consistent "after long terms"

# ------------------------------------------------ duplicate ids in one input
{
  good dup-a "Duplicate first version"
  good dup-b "Another story"
  good dup-a "Duplicate second version"
  good dup-a "Duplicate third version with puffins"
} >dups.jsonl
index "$WORK/dups.err" add --db "$DB" dups.jsonl
check_eq "duplicates: exit 0 (nothing rejected)" 0 "$rc"
check_eq "duplicates reported" 2 "$(grep -c "duplicate id 'dup-a'" "$WORK/dups.err" || true)"
check_contains "duplicate located" "dups.jsonl:3:" "$(grep "duplicate id" "$WORK/dups.err" | head -n 1)"
check_contains "last one wins said" "last one wins" "$(cat "$WORK/dups.err")"
check_eq "one document per id" 1 "$(total id:dup-a)"
check_eq "last one wins" dup-a "$(ids title:puffins)"
check_eq "earlier versions gone" 0 "$(total 'title:"second version"')"
# Duplicates across two files of one run, in a rebuild (fresh index).
good dup-a "Duplicate in the second file about seals" >dups2.jsonl
index "$WORK/dups3.err" rebuild --db "$WORK/db-dup" dups.jsonl dups2.jsonl
check_eq "duplicates in rebuild: exit 0" 0 "$rc"
check_eq "rebuild: 2 documents" 2 "$("$NEWS_SEARCH" --db "$WORK/db-dup" -n 0 --json | json_get /dev/stdin 'j["total"]')"
check_eq "rebuild: last file wins" dup-a \
  "$("$NEWS_SEARCH" --db "$WORK/db-dup" --format ids title:seals || true)"
check_contains "cross-file duplicate reported" "dups2.jsonl:1:" "$(grep "duplicate id" "$WORK/dups3.err" || true)"

# ------------------------------------------------ a path that does not exist
good nx-ok >exists.jsonl
index "$WORK/nx.err" add --db "$DB" exists.jsonl "$WORK/no/such/file.jsonl"
check_eq "missing path with add: exit 1" 1 "$rc"
check_contains "missing path reported" "$WORK/no/such/file.jsonl: " "$(cat "$WORK/nx.err")"
check_summary "missing path" "$WORK/nx.err" 1 1
check_eq "other source indexed" nx-ok "$(ids id:nx-ok)"
BEFORE="$(total)"
index "$WORK/nx2.err" rebuild --db "$DB" exists.jsonl "$WORK/no/such/file.jsonl"
check_eq "missing path with rebuild: exit 1" 1 "$rc"
check_contains "missing path with rebuild: named" "$WORK/no/such/file.jsonl: " "$(cat "$WORK/nx2.err")"
check_eq "rebuild with a missing path keeps the index" "$BEFORE" "$(total)"
index "$WORK/nx3.err" sync --db "$DB" exists.jsonl "$WORK/no/such/file.jsonl"
check_eq "missing path with sync: exit 1" 1 "$rc"
check_eq "sync with a missing path deletes nothing" "$BEFORE" "$(total)"
index "$WORK/nx4.err" add --db "$WORK/db-none" "$WORK/no/such/file.jsonl"
check_eq "only a missing path: exit 1" 1 "$rc"

# ------------------------------------------------ empty files
: >empty.jsonl
: >empty.json
printf '\n\n  \n' >blank.jsonl
gzip -c </dev/null >empty.jsonl.gz
mkdir -p emptydir
index "$WORK/empty.err" add --db "$WORK/db-empty" empty.jsonl blank.jsonl empty.jsonl.gz emptydir
check_eq "empty files: exit 0" 0 "$rc"
check_summary "empty files" "$WORK/empty.err" 0 0
run_status rc "$NEWS_SEARCH" --db "$WORK/db-empty" -n 0 >/dev/null 2>&1
check_eq "empty index searchable (no hits)" 1 "$rc"
index "$WORK/empty2.err" add --db "$WORK/db-empty" empty.json
check_eq "empty .json file: rejected" 1 "$rc"
check_contains "empty .json located" "empty.json:1: " "$(cat "$WORK/empty2.err")"

# ------------------------------------------------ stdin
{ good stdin-1; echo '{"id":"stdin-bad"'; good stdin-2; } >stdin.txt
run_status rc "$NEWS_INDEX" add --db "$DB" - <stdin.txt 2>"$WORK/stdin.err"
check_eq "stdin: exit 1" 1 "$rc"
check_contains "stdin located" "-:2: malformed JSON" "$(cat "$WORK/stdin.err")"
check_eq "stdin records" "$(printf 'stdin-1\nstdin-2')" "$(ids 'id:stdin-1 OR id:stdin-2')"

# The summary is the last line even when everything fails.
check_consistent "at the end"
finish
