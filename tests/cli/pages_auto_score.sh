#!/usr/bin/env bash
# The page cleaner on the auto-labelled page dumps of other sites
# (../shared/corpus/pages-auto, scored by its own score.py): title, authors,
# publication date, first and last paragraph each right on at least 90% of
# the pages that carry the label, and mean body-line recall and precision at
# least 0.92 (issue 17). Prints the scorer's table and every field below its
# target. Skipped (77) when the shared corpus is absent.
source "$(dirname "$0")/lib.sh"

DIR="$SHARED/corpus/pages-auto"
skip_unless_file "$DIR/score.py"

python3 "$DIR/score.py" "$NEWS_INDEX" "$DIR" >"$WORK/table.txt"
python3 "$DIR/score.py" "$NEWS_INDEX" "$DIR" --json >"$WORK/score.json" 2>/dev/null
cat "$WORK/table.txt"

for field in title authors published body_first body_last; do
  got="$(json_get "$WORK/score.json" "'%.1f' % (100 * j['fields']['$field']['accuracy'])")"
  ok="$(json_get "$WORK/score.json" "j['fields']['$field']['accuracy'] >= 0.90")"
  check_eq "$field right on 90% of its pages or more (got $got%)" True "$ok"
done
for measure in mean_recall mean_precision; do
  got="$(json_get "$WORK/score.json" "'%.3f' % j['body']['$measure']")"
  ok="$(json_get "$WORK/score.json" "j['body']['$measure'] >= 0.92")"
  check_eq "body $measure 0.92 or more (got $got)" True "$ok"
done
rejected="$(json_get "$WORK/score.json" "j['rejected_or_failed']")"
check_eq "pages rejected or failed" 0 "$rejected"

finish
