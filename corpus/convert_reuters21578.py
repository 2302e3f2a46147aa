#!/usr/bin/env python3
"""Convert the Reuters-21578 SGML files to the corpus JSON Lines format.

Usage:
    convert_reuters21578.py [-o OUTPUT] SOURCE...

SOURCE is a reut2-NNN.sgm file or a directory searched recursively for
reut2-*.sgm files (read in sorted order). OUTPUT defaults to
./reuters21578.jsonl.gz; a name ending in .gz is gzip-compressed, "-" writes
plain JSON Lines to stdout. The output file is written to a temporary name
and renamed when complete, so an interrupted run never leaves half a file.

One article per <REUTERS> element (see corpus/README.md for the format):
  id         "reuters-<NEWID>"
  title      <TITLE>; without one (TYPE="UNPROC") the first text line,
             marked with "title_derived": true
  body       <BODY> (or the whole <TEXT> of UNPROC stories); lines are
             unwrapped, an indented or blank line starts a new paragraph,
             paragraphs joined by a blank line, the "Reuter" sign-off removed
  published  <DATE> "26-FEB-1987 15:01:01.79" -> "1987-02-26T15:01:01Z";
             date only ("1987-03-31") when the time is broken
  authors    <AUTHOR> without "By" and ", Reuters"
  source     "Reuters"
  tags       <TOPICS><D> codes;  places: <PLACES><D> codes
  extra keys title_derived, date_raw, author_raw, people, orgs, exchanges,
             dateline, topics_attr, lewissplit, cgisplit, oldid, newid,
             text_type, mknote
Stories with neither title nor body are skipped (one in the collection).

Standard library only (Python 3.6+).
"""

import argparse
import gzip
import io
import json
import os
import re
import sys
import tempfile

MONTHS = {m: i for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}

RE_DOC = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S | re.I)
RE_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
RE_D = re.compile(r"<D>(.*?)</D>", re.S | re.I)
RE_TEXT = re.compile(r"<TEXT\b([^>]*)>(.*?)</TEXT>", re.S | re.I)
RE_TAG = re.compile(r"<[^>]*>")
RE_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|lt|gt|amp|quot|apos);")
# C0/C1 control characters except tab and newline (the collection uses
# &#2; &#3; &#5; &#22; ... as wire-service framing).
RE_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
RE_DATE = re.compile(
    r"^\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})(?:\s+(\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?)?\s*$")
RE_SIGNOFF = re.compile(r"^\s*reuters?\s*$", re.I)
NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


def unescape(text):
    """Decodes the few SGML entities used by the collection; drops controls."""
    def repl(m):
        name = m.group(1)
        if name[0] != "#":
            return NAMED[name]
        try:
            code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
            return chr(code)
        except (ValueError, OverflowError):
            return ""
    return RE_CONTROL.sub("", RE_ENTITY.sub(repl, text))


def element(name, text):
    """Raw content of the first <name>...</name> in text, or None."""
    m = re.search(r"<%s\b[^>]*>(.*?)</%s>" % (name, name), text, re.S | re.I)
    return m.group(1) if m else None


def one_line(text):
    return " ".join(text.split())


def codes(name, text):
    block = element(name, text)
    if block is None:
        return []
    return [one_line(unescape(d)) for d in RE_D.findall(block) if d.strip()]


def paragraphs(raw):
    """Unwraps lines; an indented or blank line starts a new paragraph."""
    lines = unescape(raw).split("\n")
    # Drop the trailing sign-off ("Reuter") and blank lines after it.
    while lines and (not lines[-1].strip() or RE_SIGNOFF.match(lines[-1])):
        lines.pop()
    paras, current = [], []
    for line in lines:
        if not line.strip() or line[:1].isspace():
            if current:
                paras.append(" ".join(current))
            current = []
        if line.strip():
            current.append(one_line(line))
    if current:
        paras.append(" ".join(current))
    return paras


def parse_date(raw):
    """'26-FEB-1987 15:01:01.79' -> '1987-02-26T15:01:01Z' (date only if the
    time is broken); None when even the day is unreadable."""
    m = RE_DATE.match(raw)
    if m:
        day, mon, year = int(m.group(1)), MONTHS.get(m.group(2).upper()), m.group(3)
        if mon and 1 <= day <= 31:
            date = "%s-%02d-%02d" % (year, mon, day)
            if m.group(4) is not None:
                h, mi, s = int(m.group(4)), int(m.group(5)), int(m.group(6))
                if h < 24 and mi < 60 and s < 60:
                    return "%sT%02d:%02d:%02dZ" % (date, h, mi, s)
            return date
    # Broken time such as "31-MAR-1987 605:12:19.12": keep the day.
    m = re.match(r"^\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})\b", raw)
    if m and MONTHS.get(m.group(2).upper()) and 1 <= int(m.group(1)) <= 31:
        return "%s-%02d-%02d" % (m.group(3), MONTHS[m.group(2).upper()], int(m.group(1)))
    return None


def parse_authors(raw):
    name = one_line(raw)
    name = re.sub(r"^by\s+", "", name, flags=re.I)
    name = re.sub(r",?\s*reuters?\.?$", "", name, flags=re.I).strip(" ,")
    return [n.strip() for n in re.split(r"\s+and\s+", name) if n.strip()]


def convert_doc(attrs_raw, doc):
    """One <REUTERS> element -> (article dict or None, reason if skipped)."""
    attrs = {k.upper(): v for k, v in RE_ATTR.findall(attrs_raw)}
    newid = attrs.get("NEWID", "").strip()
    if not newid:
        return None, "no NEWID"
    art = {"id": "reuters-" + newid}

    text_type = "NORM"
    title = body = author = dateline = None
    m = RE_TEXT.search(doc)
    if m:
        ta = {k.upper(): v for k, v in RE_ATTR.findall(m.group(1))}
        text_type = ta.get("TYPE", "NORM").upper()
        text = m.group(2)
        t, a, d = element("TITLE", text), element("AUTHOR", text), element("DATELINE", text)
        title = one_line(unescape(t)) if t is not None else None
        author = one_line(unescape(a)) if a is not None else None
        dateline = one_line(unescape(d)).rstrip(" -") if d is not None else None
        b = element("BODY", text)
        if b is not None:
            body = paragraphs(b)
        elif text_type == "UNPROC":
            body = paragraphs(RE_TAG.sub("", text))
        # TYPE="BRIEF": title only (the text after it is filler).

    derived = False
    if not title and body:
        title, derived = body[0], True
    if not title:
        return None, "no title and no body"
    art["title"] = title
    if derived:
        art["title_derived"] = True
    if body:
        art["body"] = "\n\n".join(body)

    date_raw = element("DATE", doc)
    if date_raw is not None:
        date_raw = one_line(unescape(date_raw))
        published = parse_date(date_raw)
        if published:
            art["published"] = published
        art["date_raw"] = date_raw
    art["source"] = "Reuters"
    if author:
        authors = parse_authors(author)
        if authors:
            art["authors"] = authors
        art["author_raw"] = author
    art["tags"] = codes("TOPICS", doc)
    art["places"] = codes("PLACES", doc)
    for name in ("PEOPLE", "ORGS", "EXCHANGES", "COMPANIES"):
        values = codes(name, doc)
        if values:
            art[name.lower()] = values
    if dateline:
        art["dateline"] = dateline
    for key in ("TOPICS", "LEWISSPLIT", "CGISPLIT", "OLDID", "NEWID"):
        if key in attrs:
            art["topics_attr" if key == "TOPICS" else key.lower()] = attrs[key]
    art["text_type"] = text_type
    mknote = element("MKNOTE", doc)
    if mknote is not None and mknote.strip():
        art["mknote"] = one_line(unescape(mknote))
    return art, None


def read_sgml(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # The collection is ASCII with a few stray 8-bit bytes (latin-1-ish).
        return data.decode("latin-1", errors="replace")


def find_sources(sources):
    files = []
    for src in sources:
        if os.path.isdir(src):
            found = []
            for root, dirs, names in os.walk(src):
                dirs.sort()
                found += [os.path.join(root, n) for n in names
                          if n.lower().startswith("reut2-") and n.lower().endswith(".sgm")]
            if not found:
                raise SystemExit("error: no reut2-*.sgm files under %s" % src)
            files += sorted(found)
        elif os.path.isfile(src):
            files.append(src)
        else:
            raise SystemExit("error: no such file or directory: %s" % src)
    return files


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Convert Reuters-21578 SGML (reut2-NNN.sgm) to corpus JSON Lines.")
    ap.add_argument("sources", nargs="+", metavar="SOURCE",
                    help="reut2-NNN.sgm file or directory containing them")
    ap.add_argument("-o", "--output", default="reuters21578.jsonl.gz",
                    help="output file (.gz compresses; '-' = stdout; "
                         "default: %(default)s)")
    args = ap.parse_args(argv)

    files = find_sources(args.sources)
    if args.output == "-":
        out_dir, tmp_path = None, None
        sink = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
    else:
        out_dir = os.path.dirname(os.path.abspath(args.output))
        fd, tmp_path = tempfile.mkstemp(prefix=".reuters21578.", dir=out_dir)
        raw = os.fdopen(fd, "wb")
        if args.output.endswith(".gz"):
            raw = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0)
        sink = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")

    seen, written, skipped = set(), 0, 0
    stats = {"body": 0, "authors": 0, "tags": 0, "places": 0, "title_derived": 0}
    try:
        for path in files:
            for attrs_raw, doc in RE_DOC.findall(read_sgml(path)):
                art, reason = convert_doc(attrs_raw, doc)
                if art is not None and art["id"] in seen:
                    art, reason = None, "duplicate id %s" % art["id"]
                if art is None:
                    skipped += 1
                    ids = dict((k.upper(), v) for k, v in RE_ATTR.findall(attrs_raw))
                    sys.stderr.write("%s: skipped NEWID=%s: %s\n"
                                     % (path, ids.get("NEWID", "?"), reason))
                    continue
                seen.add(art["id"])
                for key in stats:
                    stats[key] += bool(art.get(key))
                sink.write(json.dumps(art, ensure_ascii=False, separators=(",", ":")))
                sink.write("\n")
                written += 1
        sink.close()
        if tmp_path:
            os.chmod(tmp_path, 0o644)
            os.replace(tmp_path, args.output)
    except BaseException:
        if tmp_path and os.path.exists(tmp_path):
            os.unlink(tmp_path)
        raise
    sys.stderr.write("%d articles from %d files written to %s (%d skipped); with body %d, "
                     "authors %d, tags %d, places %d, derived titles %d\n"
                     % (written, len(files), args.output, skipped, stats["body"],
                        stats["authors"], stats["tags"], stats["places"],
                        stats["title_derived"]))
    return 0 if written else 1


if __name__ == "__main__":
    sys.exit(main())
