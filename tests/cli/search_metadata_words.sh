#!/usr/bin/env bash
# Words users type find what the metadata says (issue 21): a tag, an author
# or a source named in a plain query finds the stories that carry it, and
# no "did you mean" is offered for a word the metadata holds. A phrase
# never runs from the body into the metadata.
source "$(dirname "$0")/lib.sh"

DB="$WORK/db"
"$NEWS_INDEX" add -q --db "$DB" "$SRC/corpus/sample.jsonl"
suggestion() { search --json -n 0 "$@" | python3 -c 'import json,sys; print(json.load(sys.stdin)["suggestion"])'; }

check_eq "diplomacy finds the stories tagged Diplomacy" "$(total 'tag:diplomacy')" \
  "$(total 'diplomacy tag:diplomacy')"
check_eq "every story tagged Diplomacy is found by the word" 8 "$(total diplomacy)"
check_eq "no suggestion for a tag's word" None "$(suggestion diplomacy)"
check_eq "an author's surname finds their stories" "$(total 'author:lucey')" "$(total Lucey)"
check_eq "Lucey has stories" True "$([ "$(total Lucey)" -gt 0 ] && echo True)"
check_eq "a source's name finds its stories" "$(total 'source:bloomberg')" "$(total Bloomberg)"
check_eq "a section's name finds its stories" True \
  "$([ "$(total culture)" -ge "$(total 'section:culture')" ] && echo True)"
# The metadata words carry no positions: a phrase cannot end in them.
first_tag=$(search --json -n 1 'tag:diplomacy' | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["tags"][0])')
check_eq "a tag is no phrase with the body" 0 "$(total "\"zzqq $first_tag\"")"

finish
