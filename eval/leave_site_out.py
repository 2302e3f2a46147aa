#!/usr/bin/env python3
"""Leave-site-out figures for page cleaning: does a rule or a threshold generalise?

  eval/leave_site_out.py PAGES_DIR --variant NAME=BINARY [--variant NAME=BINARY ...]
                         [--input html|txt] [--folds 5] [--pages] [--json]

PAGES_DIR is a labelled folder with its scorer (../shared/corpus/pages-auto: NAME.expected.json,
NAME.txt, NAME.html.gz, score.py). Each variant is a `news-index` binary built with one setting
(a rule on or off, one value of a threshold); list the baseline first. Every page is cleaned once
per variant and scored with the folder's own score.py (imported, so the fields and their
normalisation are exactly the scorer's).

The pages are split into FOLDS folds by the `site` key of their expected file, all pages of a site
in the same fold (sites in order of page count, then of the MD5 of their name, each to the fold
with the fewest pages so far): a site never sits on both sides of a split.

Printed, per field (title, authors, published, body_first, body_last: right/of and %; body line
recall and precision: mean over the pages that have body_lines):
  in-sample      each variant scored on every page;
  per fold       each variant's total on each fold (does a change help on sites it was not
                 written for?);
  leave-site-out for each fold, the variant with the best objective on the other FOLDS-1 folds
                 (ties go to the variant listed first) scored on the held-out fold; the held-out
                 results of the five folds are pooled into one table.
Objective: fields right (the five above) + the sum over pages of (recall + precision) / 2.
With one variant, leave-site-out equals in-sample: a fixed rule is not tuned. A change that wins
in-sample but is not chosen on held-out folds, or loses there, fits the pages it was written for.
Python 3 standard library only.
"""
import argparse
import concurrent.futures
import hashlib
import importlib.util
import json
import os
import sys

FIELDS = ["title", "authors", "published", "body_first", "body_last"]


def load_scorer(pages_dir):
    path = os.path.join(pages_dir, "score.py")
    spec = importlib.util.spec_from_file_location("pages_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def assign_folds(pages, folds):
    """{site: fold}: whole sites, balanced by page count, deterministic."""
    count = {}
    for p in pages:
        count[p["site"]] = count.get(p["site"], 0) + 1
    order = sorted(count, key=lambda s: (-count[s], hashlib.md5(s.encode()).hexdigest()))
    size = [0] * folds
    out = {}
    for s in order:
        k = min(range(folds), key=lambda i: (size[i], i))
        out[s] = k
        size[k] += count[s]
    return out


def score_variant(scorer, binary, pages, suffix, jobs):
    """[(fields, recall, precision)] per page, in page order."""
    def one(p):
        out, err = scorer.run_clean(binary, p["stem"] + suffix)
        res, rec, prec, _ = scorer.score_page(out, p["expected"])
        return {"fields": res, "recall": rec, "precision": prec, "error": err}
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as ex:
        return list(ex.map(one, pages))


def table(results):
    """Per-field totals over a list of per-page results."""
    t = {f: [0, 0] for f in FIELDS}
    rec, prec = [], []
    for r in results:
        for f, v in r["fields"].items():
            t[f][0] += int(v)
            t[f][1] += 1
        if r["recall"] is not None:
            rec.append(r["recall"])
            prec.append(r["precision"] or 0.0)
    return {"fields": t, "recall": sum(rec) / len(rec) if rec else None,
            "precision": sum(prec) / len(prec) if prec else None, "body_pages": len(rec),
            "objective": sum(v[0] for v in t.values()) + sum(rec) / 2 + sum(prec) / 2}


def fmt_row(name, t):
    cells = []
    for f in FIELDS:
        r, n = t["fields"][f]
        cells.append("%3d/%-3d %5.1f%%" % (r, n, 100.0 * r / n) if n else "%13s" % "-")
    rp = "%.3f %.3f" % (t["recall"], t["precision"]) if t["recall"] is not None else "-"
    return "%-22s %s  %s" % (name[:22], "  ".join(cells), rp)


def header():
    return "%-22s %s  recall prec." % ("", "  ".join("%-13s" % f for f in FIELDS))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pages_dir")
    ap.add_argument("--variant", action="append", required=True, metavar="NAME=BINARY")
    ap.add_argument("--input", choices=["txt", "html"], default="html")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=2, help="pages cleaned at once (default 2)")
    ap.add_argument("--pages", action="store_true", help="list the pages where variants differ")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    a = ap.parse_args()
    scorer = load_scorer(a.pages_dir)
    pages = []
    for ef in scorer.find_pages(a.pages_dir):
        exp = json.load(open(ef, encoding="utf-8"))
        pages.append({"stem": ef[: -len(".expected.json")], "expected": exp,
                      "site": exp.get("site") or "?", "name": os.path.basename(ef)[:-14]})
    if not pages:
        print("no *.expected.json under %s" % a.pages_dir, file=sys.stderr)
        return 2
    variants = []
    for v in a.variant:
        name, sep, binary = v.partition("=")
        if not sep or not os.access(binary, os.X_OK):
            print("--variant %s: want NAME=BINARY (an executable)" % v, file=sys.stderr)
            return 2
        variants.append((name, binary))
    fold_of = assign_folds(pages, a.folds)
    suffix = ".txt" if a.input == "txt" else ".html.gz"
    results = {name: score_variant(scorer, b, pages, suffix, a.jobs) for name, b in variants}

    def subset(name, keep):
        return [r for p, r in zip(pages, results[name]) if keep(fold_of[p["site"]])]

    summary = {"pages": len(pages), "sites": len(fold_of), "folds": [], "in_sample": {},
               "per_fold": {}, "leave_site_out": None, "chosen": []}
    for k in range(a.folds):
        summary["folds"].append({"pages": sum(1 for p in pages if fold_of[p["site"]] == k),
                                 "sites": sum(1 for s in fold_of if fold_of[s] == k)})
    for name, _ in variants:
        summary["in_sample"][name] = table(results[name])
        summary["per_fold"][name] = [table(subset(name, lambda f, k=k: f == k))
                                     for k in range(a.folds)]
    held_out = []
    for k in range(a.folds):
        best = max(variants, key=lambda v: (table(subset(v[0], lambda f: f != k))["objective"],
                                            -variants.index(v)))[0]
        summary["chosen"].append(best)
        held_out += subset(best, lambda f: f == k)
    summary["leave_site_out"] = table(held_out)

    if a.json:
        print(json.dumps(summary, indent=1))
        return 0
    print("%d pages, %d sites, %d folds (pages per fold: %s)" % (
        len(pages), len(fold_of), a.folds, ", ".join(str(f["pages"]) for f in summary["folds"])))
    print("\nin-sample\n" + header())
    for name, _ in variants:
        print(fmt_row(name, summary["in_sample"][name]))
    print("\nper fold (fields right + body recall/precision)")
    for name, _ in variants:
        cells = []
        for t in summary["per_fold"][name]:
            right = sum(v[0] for v in t["fields"].values())
            of = sum(v[1] for v in t["fields"].values())
            rp = "%.2f/%.2f" % (t["recall"], t["precision"]) if t["recall"] is not None else "-"
            cells.append("%3d/%-3d %s" % (right, of, rp))
        print("%-22s %s" % (name[:22], " | ".join(cells)))
    print("\nleave-site-out (variant chosen per fold: %s)\n%s" % (", ".join(summary["chosen"]),
                                                               header()))
    print(fmt_row("held-out folds", summary["leave_site_out"]))
    if a.pages and len(variants) > 1:
        print("\npages where the variants differ (fields right; recall/precision)")
        for i, p in enumerate(pages):
            cells = []
            for name, _ in variants:
                r = results[name][i]
                rp = "" if r["recall"] is None else " %.2f/%.2f" % (r["recall"], r["precision"] or 0)
                cells.append("%s %s%s" % (name, "".join("1" if r["fields"][f] else "0"
                                                      for f in FIELDS if f in r["fields"]), rp))
            if len(set(c.split(" ", 1)[1] for c in cells)) > 1:
                print("  fold %d %-44s %s" % (fold_of[p["site"]], p["name"][:44], "; ".join(cells)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
