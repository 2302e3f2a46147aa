#!/usr/bin/env python3
"""Compares the server's /api/search with `news-search --json` for the same
options, dropping took_ms. usage: api_compare.py NEWS_SEARCH DB URL CASES.json
CASES: a list of objects of /api/search parameters (lists for repeatable ones).
Prints one line per difference and the count; exits 1 on any."""
import json
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

CLI = {"filter": "--filter", "facet": "--facet", "facet_limit": "--facet-limit",
       "sort": "--sort", "since": "--since", "until": "--until", "n": "-n",
       "offset": "--offset", "recent": "--recent", "as_of": "--as-of", "similar": "--similar",
       "copies": "--copies", "facet_count": "--facet-count"}
FLAGS = {"collapse": "--collapse"}  # 1: the option without a value


def as_list(v):
    return v if isinstance(v, list) else [v]


def cli(news_search, db, case):
    args = [news_search, "--db", db, "--json"]
    for key, value in case.items():
        if key in FLAGS:
            args += [FLAGS[key]] if str(value) in ("1", "true") else []
        elif key != "q":
            for v in as_list(value):
                args += [CLI[key], str(v)]
    if case.get("q"):
        args.append(case["q"])
    out = subprocess.run(args, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        return {"cli error": out.stderr.strip()}
    return json.loads(out.stdout)


def api(url, case):
    pairs = [(k, str(v)) for k, vs in case.items() for v in as_list(vs)]
    try:
        with urllib.request.urlopen(url + "/api/search?" + urllib.parse.urlencode(pairs)) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        return {"http error": e.code, "body": e.read().decode()}


def main():
    news_search, db, url, cases_file = sys.argv[1:5]
    cases = json.load(open(cases_file))
    bad = 0
    for case in cases:
        want, got = cli(news_search, db, case), api(url, case)
        for j in (want, got):
            j.pop("took_ms", None)
        if want != got:
            bad += 1
            print("DIFF %s\n  cli: %s\n  api: %s" % (json.dumps(case), json.dumps(want)[:400],
                                                   json.dumps(got)[:400]))
    print("%d cases, %d differ" % (len(cases), bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
