#!/usr/bin/env python3
"""Fit the page cleaner's scorers on labelled page dumps and cross-validate them.

usage:
  fit_cleaner.py fit [--binary B] [--pages DIR] [--out-weights FILE] [--report FILE]
  fit_cleaner.py cv  [--binary B] [--pages DIR] [--folds 5] [--report FILE]

The cleaner (common/clean/) scores candidate lines with six logistic-regression
models whose features are listed in common/clean/features.h: body (is this line a
paragraph of the story?), start and end (is it the first / last paragraph?), title
(is it the headline?), byline (do these names sign the story?) and date (is it the
publication date?). This script

  1. runs `news-index clean --explain-json` on every page, which prints each
     candidate with its feature values (so the features are computed by the C++
     code only, never re-implemented here);
  2. labels the candidates from the page's NAME.expected.json (the labels of
     ../shared/corpus/pages-auto, see its README);
  3. fits the models in stages, because later models read the choices of earlier
     ones: body lines first (their features depend on nothing fitted), then
     title (it reads the best run of body lines), then the first and last
     paragraph (they read the title), then byline and date (they read both);
     each stage re-runs the cleaner with the weights fitted so far
     (`--weights FILE`);
  4. `fit` writes the weights as common/clean/weights.cc; `cv` reports
     leave-site-out figures: the sites are split into folds, and for each fold
     all six models are fitted on the other folds and the fold's pages are
     scored by the corpus's own score.py with those weights, beside the
     in-sample figures (fitted and scored on all pages).

Body, byline and date use binary logistic regression (their scores are compared
with thresholds in the C++ code); start, end and title use conditional logit (one
right line per page, the best-scoring candidate wins). Both are fitted by Newton's
method with an L2 penalty on all weights but the bias. See README.md beside this
script. Python 3 standard library only.
"""
import argparse
import datetime as dt
import glob
import hashlib
import importlib.util
import json
import math
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
DEFAULT_PAGES = os.path.join(ROOT, "..", "shared", "corpus", "pages-auto")
DEFAULT_BINARY = os.path.join(ROOT, "build", "news-index")
WEIGHTS_CC = os.path.join(ROOT, "common", "clean", "weights.cc")
# The hand-labelled pages are the reference the team checked by hand: each
# counts for this many pages-auto pages.
EXTRA_WEIGHT = 5.0
MODELS = ["body", "start", "end", "title", "byline", "date", "run", "join", "member"]
FIELDS = ["title", "authors", "published", "body_first", "body_last"]

# Binary models whose pages weigh alike: a page with more candidate rows than this counts as
# this many (a list of 200 items does not outweigh the other pages).
PAGE_ROWS = {"member": 20.0}

# L2 penalties (on the summed log-loss) and the scorers' thresholds (as in the C++ code).
LAMBDA = {"body": 2.0, "start": 0.3, "end": 0.3, "title": 1.0, "byline": 1.0, "date": 1.0, "run": 1.0,
          "join": 1.0, "member": 1.0}


def load_scorer(pages_dir):
    path = os.path.join(pages_dir, "score.py")
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod, path


# ---- running the cleaner ------------------------------------------------------------

def explain_pages(binary, txts, weights_file=None):
    """{txt: explanation dict} from one `clean --explain-json` run over all pages."""
    cmd = [binary, "clean", "--explain-json"]
    if weights_file:
        cmd += ["--weights", weights_file]
    out = subprocess.run(cmd + txts, capture_output=True, check=False).stdout.decode("utf-8", "replace")
    explanations = [json.loads(l) for l in out.splitlines() if l.startswith('{"fields"') or l.startswith('{"outcome"')]
    if len(explanations) != len(txts):
        sys.exit("expected %d explanations, got %d" % (len(txts), len(explanations)))
    return dict(zip(txts, explanations))


def write_weights_file(weights, path):
    with open(path, "w") as f:
        for model in MODELS:
            for name, w in weights.get(model, {}).items():
                f.write("%s %s %.17g\n" % (model, name, w))


# ---- labels ---------------------------------------------------------------------------

class Labeller:
    def __init__(self, scorer):
        self.norm = scorer.norm
        self.parse_when = scorer.parse_when

    def body(self, exp, cands):
        """[(candidate index, y)] for the body lines; unknown lines left out."""
        n = self.norm
        texts = [n(c["text"]) for c in cands]
        lines = {n(x) for x in exp.get("body_lines", []) if n(x)}
        neutral = {n(x) for x in exp.get("body_neutral", []) if n(x)}
        first, last = n(exp.get("body_first")), n(exp.get("body_last"))
        if lines:
            return self._body_from_lines(texts, lines, neutral, first, last)
        out = []
        bad = [n(x) for x in exp.get("must_not_contain", []) if n(x)]
        out += [(i, 0) for i, t in enumerate(texts) if any(b in t for b in bad)]
        if first and first in texts:
            a = texts.index(first)
            out += [(i, 0) for i in range(a) if texts[i] not in neutral] + [(a, 1)]
        if last and last in texts:
            b = len(texts) - 1 - texts[::-1].index(last)
            out += [(b, 1)] + [(i, 0) for i in range(b + 1, len(texts)) if texts[i] not in neutral]
        return out

    def story(self, exp, expl):
        """(line numbers of the story's paragraphs, first line number or None, last or None)
        from the body field's candidates (every non-blank line)."""
        body = field_of(expl, "body")
        cands = body["candidates"] if body else []
        n = self.norm
        texts = [n(c["text"]) for c in cands]
        lines = {n(x) for x in exp.get("body_lines", []) if n(x)}
        first, last = n(exp.get("body_first")), n(exp.get("body_last"))
        a, b = self._extent(texts, lines, first, last)
        good = {cands[i]["line"] for i, y in self.body(exp, cands) if y}
        return good, (cands[a]["line"] if a is not None else None), (cands[b]["line"] if b is not None else None)

    @staticmethod
    def _range(cand):
        a, b = cand["value"].split(" ")[1].split("-")
        return int(a), int(b)

    def run(self, exp, expl, cands):
        """The candidate run holding most of the story's paragraphs is the right one."""
        good, _, _ = self.story(exp, expl)
        counts = []
        for c in cands:
            a, b = self._range(c)
            counts.append(sum(1 for g in good if a <= g <= b))
        top = max(counts) if counts else 0
        return [(i, int(k == top and top > 0)) for i, k in enumerate(counts)]

    def join(self, exp, expl, cands):
        """A neighbouring run continues the story when it reaches into the story's extent or holds
        one of its paragraphs; it does not when it lies outside a known end of the story."""
        good, first, last = self.story(exp, expl)
        out = []
        for i, c in enumerate(cands):
            a, b = self._range(c)
            below = c["value"].endswith("(below)")
            inside = any(a <= g <= b for g in good) or (
                first is not None and last is not None and b >= first and a <= last)
            if inside:
                out.append((i, 1))
            elif not below and first is not None and b < first:
                out.append((i, 0))
            elif below and last is not None and a > last:
                out.append((i, 0))
        return out

    def member(self, exp, expl, cands):
        """The lines between the first and last paragraph: body lines are 1, other lines 0, neutral
        lines left out. Pages without body_lines (the hand-labelled ones): prose lines are 1 (their
        paragraphs are sentence-shaped), other lines and must_not_contain lines 0."""
        n = self.norm
        lines = {n(x) for x in exp.get("body_lines", []) if n(x)}
        neutral = {n(x) for x in exp.get("body_neutral", []) if n(x)}
        bad = [n(x) for x in exp.get("must_not_contain", []) if n(x)]
        body = field_of(expl, "body")
        prose_index = body["features"].index("prose") if body else None
        prose = {c["line"]: c["x"][prose_index] > 0 for c in (body["candidates"] if body else [])}
        out = []
        for i, c in enumerate(cands):
            t = n(c["text"])
            if t in neutral:
                continue
            if lines:
                out.append((i, int(t in lines)))
            elif "body_first" in exp and "body_last" in exp:
                out.append((i, int(prose.get(c["line"], False) and not any(b in t for b in bad))))
        return out

    @staticmethod
    def _extent(texts, lines, first, last):
        """Positions of the story's first and last paragraph (None when unknown)."""
        where = [i for i, t in enumerate(texts) if t in lines]
        a = b = None
        if where:
            a, b = where[0], where[-1]
        starts = [i for i, t in enumerate(texts) if t == first]
        for s in starts:  # the copy of the first paragraph that the story follows
            if not where or sum(1 for i in where if i >= s) * 2 >= len(where):
                a = s
                if not where:
                    break
        ends = [i for i, t in enumerate(texts) if t == last and (a is None or i >= a)]
        if ends:
            b = ends[-1]
        return a, b

    @staticmethod
    def _body_from_lines(texts, lines, neutral, first, last):
        where = [i for i, t in enumerate(texts) if t in lines]
        if not where:
            return [(i, 0) for i, t in enumerate(texts) if t not in neutral]
        a, b = Labeller._extent(texts, lines, first, last)
        out = []
        for i, t in enumerate(texts):
            if t in neutral:
                continue
            out.append((i, 1 if (t in lines and a <= i <= b) else 0))
        return out

    def same_text(self, want, cands):
        want = self.norm(want)
        return [(i, int(self.norm(c["text"]) == want)) for i, c in enumerate(cands)]

    def byline(self, exp, cands):
        want = {self.norm(a).lower() for a in exp["authors"]}
        out = []
        for i, c in enumerate(cands):
            names = c["value"].split(" (")[0]
            got = {self.norm(a).lower() for a in names.split("; ") if a.strip()}
            out.append((i, int(got == want)))
        return out

    def date(self, exp, cands):
        want = exp.get("published_date") or self.norm(exp.get("published"))[:10]
        _, _, has_time = self.parse_when(exp.get("published") or want)
        w = dt.date.fromisoformat(want)
        out = []
        for i, c in enumerate(cands):
            got = dt.date.fromisoformat(c["value"][:10])
            ok = got == w or (has_time and abs((got - w).days) <= 1)
            out.append((i, int(ok)))
        return out


def field_of(expl, model):
    for f in expl.get("fields", []):
        if f["model"] == model:
            return f
    return None


def label_field(labeller, model, exp, expl):
    return {"body": lambda c: labeller.body(exp, c), "run": lambda c: labeller.run(exp, expl, c),
            "join": lambda c: labeller.join(exp, expl, c),
            "member": lambda c: labeller.member(exp, expl, c),
            "start": lambda c: labeller.same_text(exp["body_first"], c),
            "end": lambda c: labeller.same_text(exp["body_last"], c),
            "title": lambda c: labeller.same_text(exp["title"], c),
            "byline": lambda c: labeller.byline(exp, c), "date": lambda c: labeller.date(exp, c)}[model]


def has_label(model, exp):
    has_body = "body_first" in exp or "body_lines" in exp or "body_last" in exp
    return {"body": has_body, "run": has_body, "join": has_body, "member": has_body,
            "start": "body_first" in exp, "end": "body_last" in exp, "title": "title" in exp, "byline": "authors" in exp,
            "date": "published" in exp or "published_date" in exp}[model]


def training_rows(model, pages, explanations, labeller):
    """Sparse rows (idx, val, y), and groups ([row], page weight) for `model` from the pages."""
    rows, groups, names = [], [], None
    for page in pages:
        exp = page["expected"]
        if not has_label(model, exp):
            continue
        field = field_of(explanations[page["txt"]], model)
        if field is None or not field["candidates"]:
            continue
        names = field["features"]
        cands = field["candidates"]
        group = []
        for i, y in label_field(labeller, model, exp, explanations[page["txt"]])(cands):
            x = cands[i]["x"]
            idx = tuple(j for j, v in enumerate(x) if v != 0)
            rows.append((idx, tuple(x[j] for j in idx), y))
            group.append(len(rows) - 1)
        groups.append((group, page.get("weight", 1.0)))
    return rows, groups, names


# ---- logistic regression --------------------------------------------------------------

def solve(a, b):
    """Solves a x = b (a symmetric positive definite) by Gaussian elimination."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            if f:
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for c in range(n - 1, -1, -1):
        if abs(m[c][c]) < 1e-12:
            continue
        x[c] = (m[c][n] - sum(m[c][k] * x[k] for k in range(c + 1, n))) / m[c][c]
    return x


def sigmoid(s):
    return 1.0 / (1.0 + math.exp(-s)) if s > -500 else 0.0


def log1pexp(s):
    return s + math.log1p(math.exp(-s)) if s > 0 else math.log1p(math.exp(s))


def dot(w, idx, val):
    return sum(w[i] * v for i, v in zip(idx, val))


def newton(objective, grad_hess, d, iters):
    """Minimises a convex objective by Newton steps, halved until the objective decreases."""
    w = [0.0] * d
    f = objective(w)
    for _ in range(iters):
        g, h = grad_hess(w)
        step = solve(h, g)
        t = 1.0
        while t > 1e-6:
            cand = [wi - t * si for wi, si in zip(w, step)]
            fc = objective(cand)
            if fc <= f:
                break
            t /= 2
        if t <= 1e-6:
            break
        done = f - fc < 1e-9 * (1 + abs(f))
        w, f = cand, fc
        if done:
            break
    return w


def fit_binary(rows, weights, d, lam, iters=40):
    counts = {}
    for r, wgt in zip(rows, weights):
        counts[r] = counts.get(r, 0) + wgt
    data = list(counts.items())

    def penalty(w):
        return 0.5 * sum((lam if a > 0 else 1e-6) * w[a] ** 2 for a in range(d))

    def objective(w):
        return penalty(w) + sum(c * (log1pexp(dot(w, idx, val)) - y * dot(w, idx, val))
                                for (idx, val, y), c in data)

    def grad_hess(w):
        g = [0.0] * d
        h = [[0.0] * d for _ in range(d)]
        for (idx, val, y), c in data:
            p = sigmoid(dot(w, idx, val))
            r, q = c * (p - y), c * p * (1 - p)
            for a, va in zip(idx, val):
                g[a] += r * va
                ha, qa = h[a], q * va
                for b, vb in zip(idx, val):
                    ha[b] += qa * vb
        for a in range(d):
            pen = lam if a > 0 else 1e-6
            g[a] += pen * w[a]
            h[a][a] += pen
        return g, h

    return newton(objective, grad_hess, d, iters)


def fit_conditional(rows, groups, d, lam, iters=40):
    """Conditional logit: one right candidate per group (several copies allowed)."""
    groups = [(g, wgt) for g, wgt in groups if any(rows[i][2] for i in g)]

    def scores(w, grp):
        return [dot(w, rows[r][0], rows[r][1]) for r in grp]

    def objective(w):
        total = 0.5 * lam * sum(x * x for x in w)
        for grp, wgt in groups:
            s = scores(w, grp)
            top = max(s)
            z = sum(math.exp(x - top) for x in s)
            zpos = sum(math.exp(x - top) for x, r in zip(s, grp) if rows[r][2])
            total += wgt * (math.log(z) - math.log(zpos))
        return total

    def grad_hess(w):
        g = [lam * x for x in w]
        h = [[lam if a == b else 0.0 for b in range(d)] for a in range(d)]
        for grp, wgt in groups:
            s = scores(w, grp)
            top = max(s)
            e = [wgt * math.exp(x - top) for x in s]
            z = sum(e)
            zpos = sum(e[k] for k, r in enumerate(grp) if rows[r][2])
            mean = [0.0] * d
            for k, r in enumerate(grp):
                idx, val, y = rows[r]
                p, q = e[k] / z, (e[k] / zpos if y else 0.0)
                for a, va in zip(idx, val):
                    mean[a] += p * va
                    g[a] += wgt * (p - q) * va
                    ha = h[a]
                    for b, vb in zip(idx, val):
                        ha[b] += wgt * p * va * vb
            nz = [a for a in range(d) if mean[a]]
            for a in nz:
                for b in nz:
                    h[a][b] -= wgt * mean[a] * mean[b]
        return g, h

    w = newton(objective, grad_hess, d, iters)
    w[0] = 0.0  # the bias does not change which candidate wins
    return w


def fit_model(model, pages, explanations, labeller):
    rows, groups, names = training_rows(model, pages, explanations, labeller)
    if not rows:
        return {}
    if model in CONDITIONAL:
        w = fit_conditional(rows, groups, len(names), LAMBDA[model])
    else:
        weights = [1.0] * len(rows)
        cap = PAGE_ROWS.get(model)
        for group, weight in groups:
            share = min(1.0, cap / len(group)) if cap and group else 1.0
            for r in group:
                weights[r] = weight * share
        w = fit_binary(rows, weights, len(names), LAMBDA[model])
    return dict(zip(names, w))


# ---- stages ---------------------------------------------------------------------------

# The join model is fitted twice: the runs it is asked about depend on its own answers (a
# join brings the next run into reach).
STAGES = [["body"], ["run"], ["join"], ["join"], ["title"], ["start", "end"], ["member"],
          ["byline", "date"]]
# One right candidate per page, the best-scoring one wins: conditional logit.
CONDITIONAL = {"start", "end", "title", "run"}


def fit_all(binary, train, everything, labeller, log):
    """Fits the four models on `train` in stages; returns {model: {feature: w}}."""
    weights = {}
    txts = [p["txt"] for p in everything]
    with tempfile.TemporaryDirectory() as tmp:
        wfile = os.path.join(tmp, "weights.txt")
        for stage in STAGES:
            write_weights_file(weights, wfile)
            explanations = explain_pages(binary, txts, wfile)
            for model in stage:
                weights[model] = fit_model(model, train, explanations, labeller)
                log("  fitted %-6s on %d pages" % (model, len(train)))
    return weights


# ---- scoring with score.py -----------------------------------------------------------

def score_pages(binary, weights, pages, scorer_path):
    """score.py's JSON summary for `pages` cleaned with `weights`."""
    with tempfile.TemporaryDirectory() as tmp:
        wfile = os.path.join(tmp, "weights.txt")
        write_weights_file(weights, wfile)
        wrapper = os.path.join(tmp, "clean.sh")
        with open(wrapper, "w") as f:
            f.write('#!/bin/sh\nexec "%s" clean --weights "%s" "$2"\n' % (os.path.abspath(binary), wfile))
        os.chmod(wrapper, 0o755)
        d = os.path.join(tmp, "pages")
        os.mkdir(d)
        for p in pages:
            base = p["txt"][: -len(".txt")]
            for ext in (".txt", ".expected.json"):
                os.symlink(os.path.abspath(base + ext), os.path.join(d, os.path.basename(base) + ext))
        r = subprocess.run([sys.executable, scorer_path, wrapper, d, "--json"], capture_output=True, check=True)
        return json.loads(r.stdout)


def merge_summaries(summaries):
    total = {f: [0, 0] for f in FIELDS}
    rec, prec = [], []
    for s in summaries:
        for f in FIELDS:
            total[f][0] += s["fields"][f]["right"]
            total[f][1] += s["fields"][f]["of"]
        for p in s["per_page"]:
            if p["recall"] is not None:
                rec.append(p["recall"])
                prec.append(p["precision"] if p["precision"] is not None else 0.0)
    return total, (sum(rec) / len(rec) if rec else 0.0), (sum(prec) / len(prec) if prec else 0.0)


def table_line(name, total, rec, prec):
    cells = ["%5.1f%% (%d/%d)" % (100.0 * r / n if n else 0, r, n) for r, n in (total[f] for f in FIELDS)]
    right = sum(total[f][0] for f in FIELDS)
    of = sum(total[f][1] for f in FIELDS)
    return "| %s | %s | %.3f | %.3f | %d/%d |" % (name, " | ".join(cells), rec, prec, right, of)


# ---- pages and folds ------------------------------------------------------------------

def load_pages(pages_dir):
    pages = []
    for ef in sorted(glob.glob(os.path.join(pages_dir, "*.expected.json"))):
        exp = json.load(open(ef, encoding="utf-8"))
        txt = ef[: -len(".expected.json")] + ".txt"
        if os.path.exists(txt):
            pages.append({"txt": txt, "expected": exp, "site": exp.get("site") or os.path.basename(txt).split("-")[0]})
    return pages


def site_folds(pages, k):
    """Sites into k folds of about equal page counts (largest sites first, ties by name hash)."""
    sites = {}
    for p in pages:
        sites.setdefault(p["site"], []).append(p)
    order = sorted(sites, key=lambda s: (-len(sites[s]), hashlib.sha1(s.encode()).hexdigest()))
    folds = [[] for _ in range(k)]
    for s in order:
        min(folds, key=lambda f: sum(len(sites[x]) for x in f)).append(s)
    return [[p for s in f for p in sites[s]] for f in folds], [sorted(f) for f in folds]


# ---- output ----------------------------------------------------------------------------

def weights_cc(weights, pages_dir, n_pages, n_sites):
    out = ["// Generated by common/clean/fit/fit_cleaner.py fit: logistic-regression weights",
           "// fitted on %d pages from %d sites of %s." % (n_pages, n_sites, os.path.relpath(pages_dir, ROOT)),
           "// Do not edit by hand: change the features (features.h) and fit again.",
           '#include "clean/model.h"', "", "namespace news {", "namespace clean {", "",
           "extern const WeightEntry kFittedWeights[] = {"]
    for model in MODELS:
        for name, w in weights.get(model, {}).items():
            out.append('    {"%s", "%s", %.6f},' % (model, name, w))
    out += ["};", "extern const std::size_t kFittedWeightCount = sizeof(kFittedWeights) / sizeof(kFittedWeights[0]);",
            "", "}  // namespace clean", "}  // namespace news", ""]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=["fit", "cv"])
    ap.add_argument("--binary", default=DEFAULT_BINARY)
    ap.add_argument("--pages", default=DEFAULT_PAGES, help="the labelled pages scored (pages-auto)")
    ap.add_argument("--extra", action="append", default=[],
                    help="more labelled pages to fit on (the hand-labelled ../shared/corpus/pages and the "
                         "seed page); scored apart")
    ap.add_argument("--extra-weight", type=float, default=EXTRA_WEIGHT,
                    help="weight of each --extra page against 1 for a page of --pages")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out-weights", default=WEIGHTS_CC)
    ap.add_argument("--report", help="also write the report to this file")
    a = ap.parse_args()
    scorer, scorer_path = load_scorer(a.pages)
    labeller = Labeller(scorer)
    pages = load_pages(a.pages)
    extra = [dict(p, weight=a.extra_weight) for d in a.extra for p in load_pages(d)]
    lines = []

    def log(s):
        print(s, file=sys.stderr)

    def say(s):
        lines.append(s)
        print(s)

    sites = {p["site"] for p in pages}
    if a.command == "fit":
        weights = fit_all(a.binary, pages + extra, pages + extra, labeller, log)
        text = weights_cc(weights, a.pages, len(pages) + len(extra), len(sites | {p["site"] for p in extra}))
        try:  # the house style, wherever the file is written
            text = subprocess.run(["clang-format", "--assume-filename=" + WEIGHTS_CC], input=text.encode(),
                                  capture_output=True, check=True).stdout.decode()
        except (OSError, subprocess.CalledProcessError):
            pass
        with open(a.out_weights, "w") as f:
            f.write(text)
        say("wrote %s (%d pages, %d sites)" % (os.path.relpath(a.out_weights, ROOT), len(pages), len(sites)))
        for model in MODELS:
            say("%s: %s" % (model, ", ".join("%s %+.2f" % kv for kv in weights.get(model, {}).items())))
    else:
        folds, fold_sites = site_folds(pages, a.folds)
        say("# Cleaner scorers: in-sample and leave-site-out (%d folds by site)\n" % a.folds)
        say("pages: %d from %d sites (%s); fold sizes: %s\n" % (
            len(pages), len(sites), os.path.relpath(a.pages, ROOT), ", ".join(str(len(f)) for f in folds)))
        header = "| | " + " | ".join(FIELDS) + " | body recall | body precision | fields |"
        full = fit_all(a.binary, pages + extra, pages + extra, labeller, log)
        inside = merge_summaries([score_pages(a.binary, full, pages, scorer_path)])
        held = []
        fold_rows = []
        for k, test in enumerate(folds):
            log("fold %d: %d test pages" % (k + 1, len(test)))
            train = [p for p in pages if p not in test] + extra
            w = fit_all(a.binary, train, pages + extra, labeller, log)
            s = score_pages(a.binary, w, test, scorer_path)
            held.append(s)
            t, r, p = merge_summaries([s])
            fold_rows.append(table_line("fold %d (%d pages, %d sites)" % (k + 1, len(test), len(fold_sites[k])), t, r, p))
        say(header)
        say("|" + "---|" * (len(FIELDS) + 4))
        say(table_line("in-sample (fit and score on all pages)", *inside))
        say(table_line("leave-site-out (each fold scored by weights fitted on the other folds)", *merge_summaries(held)))
        for row in fold_rows:
            say(row)
        say("\nfolds (sites):")
        for k, f in enumerate(fold_sites):
            say("  %d: %s" % (k + 1, " ".join(f)))
    if a.report:
        with open(a.report, "w") as f:
            f.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
