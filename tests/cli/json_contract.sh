#!/usr/bin/env bash
# The JSON output contract (docs/json-output.md): real output of
# news-search --json and --queries (results and error lines), news-index
# stats --json, and the --report files of add/rebuild and compact, made to
# hold every optional key (hits with and without url and section, facets
# and histograms, --explain, a suggestion, --allow-partial warnings, batch
# errors, rejections, incomplete sources, kept stories, WARC records that
# are not articles), validated against docs/schemata/*.schema.json (JSON
# Schema 2020-12, additionalProperties false: a key the schema does not
# name fails). Every key a schema names must also appear in some output,
# so that the schemata cannot drift from what is produced.
source "$(dirname "$0")/lib.sh"

PY=""
for p in python3 /usr/bin/python3; do
  if "$p" -c 'import jsonschema; jsonschema.Draft202012Validator' 2> /dev/null; then
    PY=$p
    break
  fi
done
if [ -z "$PY" ]; then
  echo "SKIP: python3-jsonschema not installed (scripts/install-deps.sh)"
  exit 77
fi

OUT="$WORK/out"
mkdir -p "$OUT"
DB="$WORK/db"

# A story without url, section, source or date; a line that is not JSON.
cat > "$WORK/extra.jsonl" << 'EOF'
{"id":"bare-story","title":"Quokka census on Rottnest","body":"Rangers counted every quokka on the island."}
{"id": "broken",
EOF
# Two copies of one wire story (a near-duplicate cluster) and a third story.
wire="Wombat numbers on the mainland rose for the third year running, rangers said on Monday, \
after a wet winter left the grasslands greener than they have been in a decade and the \
burrows along the river banks filled with young animals that survived the cold months, \
according to the annual survey published by the state wildlife service."
for n in 1 2; do
  printf '{"id":"wombat-%s","title":"Wombats thrive","body":"%s","source":"Wire %s","published":"2025-03-0%s"}\n' \
    "$n" "$wire" "$n" "$n"
done > "$WORK/copies.jsonl"
echo '{"id":"wombat-3","title":"Wombat burrows","body":"A short note on wombat burrows."}' \
  >> "$WORK/copies.jsonl"
# A WARC: one request record (not an article) and one HTML response.
"$PY" - "$SRC/corpus/html" "$WORK/crawl.warc" << 'PY'
import glob, sys
body = open(sorted(glob.glob(sys.argv[1] + "/*.html"))[0], "rb").read()
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body
req = b"WARC/1.1\r\nWARC-Type: request\r\nWARC-Target-URI: http://example.org/a\r\nContent-Length: 4\r\n\r\nGET \r\n\r\n"
res = (b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/a\r\n"
       b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(http)
       + http + b"\r\n\r\n")
open(sys.argv[2], "wb").write(req + res)
PY

run_status rc "$NEWS_INDEX" add -q --db "$DB" --report "$OUT/add.report.json" \
  "$SRC/corpus/sample.jsonl" "$WORK/extra.jsonl" "$WORK/crawl.warc" "$WORK/copies.jsonl"
check_eq "add with a broken line: exit" 1 "$rc"
# Without extra.jsonl and with a source that is gone: the bare story is
# kept, deletions are held back.
run_status rc "$NEWS_INDEX" rebuild -q --db "$DB" --report "$OUT/rebuild.report.json" \
  "$SRC/corpus/sample.jsonl" "$WORK/crawl.warc" "$WORK/copies.jsonl" "$WORK/gone.jsonl"
check_eq "rebuild with a missing source: exit" 1 "$rc"
"$NEWS_INDEX" compact -q --db "$DB" --report "$OUT/compact.report.json" 2> /dev/null
"$NEWS_INDEX" stats --db "$DB" --json > "$OUT/index.stats.json"

FACETS=(--facet tag --facet author --facet place --facet section --facet source --facet month
  --facet year)
search --json --explain -n 5 "${FACETS[@]}" tariffs > "$OUT/explain.search.json"
search --json -n 3 quokka > "$OUT/bare.search.json"
search --json -n 3 --collapse --facet source --facet-count clusters wombat \
  > "$OUT/collapse.search.json"
run_status rc search --json tarrifs > "$OUT/suggestion.search.json"
check_eq "misspelt query: no hits" 1 "$rc"
search --json -n 0 --facet topic > "$OUT/browse.search.json"
port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
gen=$(awk '$1 == "glass" {print $2}' "$DB/XAPIANDB")
printf 'glass %s\nremote 127.0.0.1:%s\n' "$DB/$gen" "$port" > "$WORK/partial.stub"
"$NEWS_SEARCH" --db "$WORK/partial.stub" --allow-partial --json -n 2 korea \
  > "$OUT/partial.search.json" 2> /dev/null
printf 'tariffs\na AND\ndate:2025-13\nquokka\n\n' > "$WORK/queries.txt"
search --queries "$WORK/queries.txt" -n 2 --facet month --explain > "$OUT/batch.lines"

"$PY" - "$SRC/docs/schemata" "$OUT" << 'PY' || fail "output against docs/schemata (above)"
import glob, json, os, sys
from jsonschema import Draft202012Validator

schemata, out = sys.argv[1], sys.argv[2]
load = lambda p: json.load(open(p))
names = ["search", "search-error", "stats", "index-report", "compact-report"]
schema = {n: load(os.path.join(schemata, n + ".schema.json")) for n in names}
for s in schema.values():
    Draft202012Validator.check_schema(s)

instances = []  # (schema name, where, instance)
for f in sorted(glob.glob(out + "/*.json")):
    base = os.path.basename(f)  # NAME.KIND.json
    kind = {"search": "search", "stats": "stats", "report": "index-report"}[base.split(".")[1]]
    if base.startswith("compact."):
        kind = "compact-report"
    instances.append((kind, base, load(f)))
for n, line in enumerate(open(out + "/batch.lines"), 1):
    j = json.loads(line)
    instances.append(("search-error" if "error" in j else "search", "batch.lines:%d" % n, j))

def resolve(root, s):
    while "$ref" in s:
        s = root["$defs"][s["$ref"].split("/")[-1]]
    return s

def schema_paths(root, s, path, acc):
    """Every key the schema names, as a path ("hits[].explain.parts[].detail")."""
    s = resolve(root, s)
    for k, sub in s.get("properties", {}).items():
        acc.add(path + "." + k)
        schema_paths(root, sub, path + "." + k, acc)
    if isinstance(s.get("additionalProperties"), dict):
        acc.add(path + ".*")
        schema_paths(root, s["additionalProperties"], path + ".*", acc)
    if "items" in s:
        schema_paths(root, s["items"], path + "[]", acc)
    return acc

def seen_paths(root, s, j, path, acc):
    """The schema paths of the keys `j` holds."""
    s = resolve(root, s)
    if isinstance(j, dict):
        for k, v in j.items():
            if k in s.get("properties", {}):
                acc.add(path + "." + k)
                seen_paths(root, s["properties"][k], v, path + "." + k, acc)
            elif isinstance(s.get("additionalProperties"), dict):
                acc.add(path + ".*")
                seen_paths(root, s["additionalProperties"], v, path + ".*", acc)
    elif isinstance(j, list) and "items" in s:
        for v in j:
            seen_paths(root, s["items"], v, path + "[]", acc)
    return acc

bad = 0
seen = {n: set() for n in names}
for kind, where, j in instances:
    for e in Draft202012Validator(schema[kind]).iter_errors(j):
        bad += 1
        print("%s (%s): %s at %s" % (where, kind, e.message, "/".join(map(str, e.absolute_path))))
    seen_paths(schema[kind], schema[kind], j, "", seen[kind])
for n in names:
    for p in sorted(schema_paths(schema[n], schema[n], "", set()) - seen[n]):
        bad += 1
        print("%s: %s is in the schema but in no output made here" % (n, p))
print("%d outputs checked" % len(instances))
sys.exit(1 if bad else 0)
PY
pass

# The optional values the schemata allow, each seen both ways.
hits() { json_get "$OUT/$1" "$2"; }
check_eq "a hit with url and section" True \
  "$(hits explain.search.json 'all(h["url"] and h["section"] for h in j["hits"])')"
check_eq "a hit without url, section, source, date" True \
  "$(hits bare.search.json 'all(j["hits"][0][k] is None for k in ("url", "section", "source", "published"))')"
check_eq "collapsed: one hit with its copy, counts of clusters" "[1, 1] 3 2 clusters" \
  "$(hits collapse.search.json '[h["copies"] for h in j["hits"] if "cluster" in h] + [len(j["hits"]) - 1], j["total"], j["clusters"], j["facet_count"]')"
check_eq "a suggestion" True "$(hits suggestion.search.json 'isinstance(j["suggestion"], str)')"
check_eq "no suggestion" None "$(hits explain.search.json 'j["suggestion"]')"
check_eq "a warning" True "$(hits partial.search.json 'len(j["warnings"]) == 1')"
check_eq "batch: results and errors" "search error error search search" \
  "$("$PY" -c 'import json,sys; print(" ".join("error" if "error" in json.loads(l) else "search" for l in open(sys.argv[1])))' "$OUT/batch.lines")"
check_eq "report: rejections, incomplete, kept, deletions skipped" True \
  "$(hits rebuild.report.json 'bool(j["incomplete"]) and j["kept"] == 1 and j["deletions_skipped"] is not None')"
check_eq "report: nothing held back" None "$(hits add.report.json 'j["deletions_skipped"]')"

finish
