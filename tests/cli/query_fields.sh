#!/usr/bin/env bash
# Fields as users type them (issue 21): names are case-insensitive; an
# unknown field given a value is one line naming the known ones, exit 2;
# a field without a value is an error, not the word; a URL's scheme, a
# quoted "a:b" and "Breaking: news" are no fields; no spelling suggestion
# for the parts of an address.
source "$(dirname "$0")/lib.sh"
DB="$WORK/db"
"$NEWS_INDEX" add -q --db "$DB" "$SRC/corpus/sample.jsonl"

check_eq "Author:lucey = author:lucey" "$(total 'author:lucey')" "$(total 'Author:lucey')"
check_eq "TAG:diplomacy = tag:diplomacy" "$(total 'tag:diplomacy')" "$(total 'TAG:diplomacy')"
check_eq "Title:heat = title:heat" "$(total 'title:heat')" "$(total 'Title:heat')"
check_eq "-Tag:x inside a query" "$(total 'heat -tag:x')" "$(total 'heat -Tag:x')"
[ "$(total 'author:lucey')" -gt 0 ] && pass || fail "author:lucey finds the sample's stories"

for q in 'foo:bar' 'url:example.com' 'Foo:"two words"'; do
  run_status rc "$NEWS_SEARCH" --db "$DB" "$q" >"$WORK/out" 2>"$WORK/err"
  check_eq "$q: exit" 2 "$rc"
  check_eq "$q: one line" 1 "$(wc -l <"$WORK/err")"
  check_contains "$q: names the field" "unknown field '${q%%:*}:'" "$(cat "$WORK/err")"
  check_contains "$q: names the known ones" "author:, by:" "$(cat "$WORK/err")"
done
run_status rc "$NEWS_SEARCH" --db "$DB" 'heat author:' >"$WORK/out" 2>"$WORK/err"
check_eq "an empty field: exit" 2 "$rc"
check_contains "an empty field: said" "the field author: has no value" "$(cat "$WORK/err")"

check_eq "a colon before a space is no field" "$(total 'breaking heat')" "$(total 'Breaking: heat')"
check_eq "a quoted a:b is no field" "$(total '"foo bar"')" "$(total '"foo:bar"')"
run_status rc "$NEWS_SEARCH" --db "$DB" 'http://example.com' >"$WORK/out" 2>&1
check_eq "a URL is searched, not refused" 1 "$rc"
check_eq "no suggestion for a URL" "" "$(grep -i 'did you mean' "$WORK/out" || true)"
run_status rc "$NEWS_SEARCH" --db "$DB" 'example.com' >"$WORK/out" 2>&1
check_eq "no suggestion for a domain" "" "$(grep -i 'did you mean' "$WORK/out" || true)"
run_status rc "$NEWS_SEARCH" --db "$DB" 'glaciirs' >"$WORK/out" 2>&1
check_contains "a misspelt word still gets one" "Did you mean" "$(cat "$WORK/out")"

finish
