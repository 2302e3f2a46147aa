#!/usr/bin/env bash
# Stored text cannot drive the user's terminal (issue 21): control
# characters of a story (an OSC title sequence, BEL, a colour escape, a C1
# control) are neutralised in the text output, hits, facets and "Did you
# mean" alike, even with --color always; JSON escapes them. --color takes
# auto, always or never only, and NO_COLOR turns auto colour off.
source "$(dirname "$0")/lib.sh"
DB="$WORK/db"
python3 - "$WORK/evil.jsonl" <<'PY'
import json, sys
evil = "\u001b]0;owned\u0007"
with open(sys.argv[1], "w") as out:
    out.write(json.dumps({
        "id": "evil-1", "title": "Harbour " + evil + " closes \u001b[31mred\u001b[0m",
        "body": "The harbour closed on Monday." + evil + " Ships waited \u009b2J offshore.",
        "authors": ["Ann " + evil + "Lee"], "source": "Wire\u0007", "tags": ["ports" + evil],
        "url": "https://example.com/a\u001b[2J"}) + "\n")
    out.write(json.dumps({"id": "evil-2", "title": "Harbourmaster" + evil,
                          "body": "Harbourmaster retires after forty years."}) + "\n")
PY
"$NEWS_INDEX" add -q --db "$DB" "$WORK/evil.jsonl"

has_controls() { python3 -c '
import sys
data = sys.stdin.buffer.read().decode("utf-8", "replace")
bad = [c for c in data if (ord(c) < 32 and c not in "\n") or 0x7f <= ord(c) <= 0x9f]
print(len(bad))'; }
search --facet tag --facet author --facet source harbour >"$WORK/text" || true
check_eq "text output: no control characters" 0 "$(has_controls <"$WORK/text")"
check_contains "text output: the title is shown" "Harbour" "$(cat "$WORK/text")"
search --color always harbour >"$WORK/color" || true
python3 - "$WORK/color" <<'PY' && pass || fail "--color always: only our own colour escapes"
import re, sys
data = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
data = re.sub(r"\x1b\[[0-9;]*m", "", data)  # our SGR codes (bold, dim, reset)
sys.exit(1 if any(ord(c) < 32 and c != "\n" or 0x7f <= ord(c) <= 0x9f for c in data) else 0)
PY
python3 - "$WORK/color" <<'PY' && pass || fail "--color always: the story's own red is gone"
import sys
sys.exit(1 if b"\x1b[31m" in open(sys.argv[1], "rb").read() else 0)
PY
search 'harbourmastr' >"$WORK/suggest" 2>&1 || true
check_eq "did you mean: no control characters" 0 "$(has_controls <"$WORK/suggest")"
search --json harbour >"$WORK/json" || true
check_eq "JSON: no raw control characters" 0 "$(has_controls <"$WORK/json")"
check_contains "JSON: escaped" '\u001b]0;owned\u0007' "$(cat "$WORK/json")"

run_status rc "$NEWS_SEARCH" --db "$DB" --color blue harbour >/dev/null 2>"$WORK/err"
check_eq "--color blue: exit" 2 "$rc"
check_contains "--color blue: said" "--color must be auto, always or never" "$(cat "$WORK/err")"
# coloured MODE ENV...: whether news-search on a terminal (a pty) colours.
coloured() {
  python3 - "$NEWS_SEARCH" "$DB" "$@" <<'PY'
import os, pty, sys
binary, db, mode, *env = sys.argv[1:]
pid, fd = pty.fork()
if pid == 0:
    e = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    e.update(kv.split("=", 1) for kv in env)
    os.execve(binary, [binary, "--db", db, "--color", mode, "-n", "1", "harbour"], e)
out = b""
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
print("yes" if b"\x1b[1m" in out else "no")
PY
}
check_eq "auto on a terminal: colour" yes "$(coloured auto)"
check_eq "auto with NO_COLOR: none" no "$(coloured auto NO_COLOR=1)"
check_eq "always with NO_COLOR: colour" yes "$(coloured always NO_COLOR=1)"
check_eq "NO_COLOR empty: ignored" yes "$(coloured auto NO_COLOR=)"

finish
