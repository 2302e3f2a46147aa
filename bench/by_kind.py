#!/usr/bin/env python3
"""p50 latency by query kind, for .lat files of the peer harness.

    bench/by_kind.py QUERIES LAT [LAT...]

QUERIES is the harness's query file (qid, kind, ...); each LAT file is one
engine's OUTPREFIX.lat of one run (qid, pass, microseconds, total), e.g.
results/runs/<stamp>/<engine>__<corpus>__<mode>.lat. Prints one row per
kind (title, bag, phrase, filter, and all) and one column per file, in ms.
"""
import collections
import os
import sys


def kinds_of(path):
    kinds = {}
    with open(path) as f:
        next(f)  # header
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if len(cells) > 1:
                kinds[cells[0]] = cells[1]
    return kinds


def latencies(path, kinds):
    by_kind = collections.defaultdict(list)
    with open(path) as f:
        for line in f:
            qid, _, micros = line.split("\t")[:3]
            by_kind[kinds.get(qid, "?")].append(float(micros))
            by_kind["all"].append(float(micros))
    return by_kind


def p50(values):
    values = sorted(values)
    return values[len(values) // 2] / 1000 if values else float("nan")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    kinds = kinds_of(sys.argv[1])
    columns = [(os.path.basename(p).split("__")[0], latencies(p, kinds)) for p in sys.argv[2:]]
    order = ["all"] + sorted(set(kinds.values()))
    print("kind".ljust(8) + "".join(name.rjust(14) for name, _ in columns))
    for kind in order:
        row = [p50(data[kind]) for _, data in columns]
        print(kind.ljust(8) + "".join(("%.3f" % v).rjust(14) for v in row))


if __name__ == "__main__":
    main()
