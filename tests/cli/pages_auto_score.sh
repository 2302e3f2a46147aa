#!/usr/bin/env bash
# The page cleaner on the auto-labelled page dumps of other sites
# (../shared/corpus/pages-auto, scored by its own score.py): each field and
# the body's recall and precision stay at least where they are now (the
# floors) or, once they meet issue 17's targets (90% of the pages that carry
# the label; 0.92), at the target; those still below it are named. Prints the scorer's table. Skipped (77)
# when the shared corpus is absent.
source "$(dirname "$0")/lib.sh"

DIR="$SHARED/corpus/pages-auto"
skip_unless_file "$DIR/score.py"

python3 "$DIR/score.py" "$NEWS_INDEX" "$DIR" >"$WORK/table.txt"
python3 "$DIR/score.py" "$NEWS_INDEX" "$DIR" --json >"$WORK/score.json" 2>/dev/null
cat "$WORK/table.txt"

# floor FIELD FLOOR TARGET: the figure must not fall below FLOOR (what the
# cleaner measures now); below TARGET (issue 17's) it is said, not failed.
floor() {
  local got ok met
  got="$(json_get "$WORK/score.json" "$1")"
  ok="$(python3 -c "print($got >= $2)")"
  met="$(python3 -c "print($got >= $3)")"
  check_eq "$4 at least $2 (got $got)" True "$ok"
  [ "$met" == True ] || echo "note: $4 is $got, below issue 17's target $3"
}
# Published and precision meet the targets: their checks are the targets.
for f in "title 0.89" "authors 0.86" "published 0.90" "body_first 0.85" "body_last 0.82"; do
  read -r field at_least <<<"$f"
  floor "j['fields']['$field']['accuracy']" "$at_least" 0.90 "$field"
done
floor "j['body']['mean_recall']" 0.89 0.92 "body recall"
floor "j['body']['mean_precision']" 0.92 0.92 "body precision"
rejected="$(json_get "$WORK/score.json" "j['rejected_or_failed']")"
check_eq "pages rejected or failed" 0 "$rejected"

finish
