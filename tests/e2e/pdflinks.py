#!/usr/bin/env python3
"""pdflinks.py PDF WHAT -- the print edition's labels, notes and links.

Reads the PDF's objects through `qpdf --json` and its words through
`pdftotext -bbox`, and checks one thing, named by WHAT:

  labels    page labels are i, ii, … up to the first chapter, then 1,
            2, … to the end, each page one more than the last;
  contents  the contents page links to every chapter's opening, and
            each link's target page bears the folio the contents print;
  notes     every note begins on the page of its reference: each note's
            destination (n…) is on the page of its reference's (r…),
            and both are the targets of a link (reference → note and
            back);
  index     the index's page numbers (arabic, or roman for the front
            matter) are links, each to the page whose label is the
            number it prints;
  targets   with names of destinations after it: each is the target
            of a link on a page before its own (a chapter's c2, a
            heading's h1), as links between chapters are.

With a third argument MIN, notes and index want at least MIN notes or
page links (else 100 and 500, the sample edition's).

Exits 0 if all holds, else 1, listing what failed.
"""
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET


def roman(n):
    """n in lower-case roman numerals."""
    out = ""
    for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"),
                          (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
                          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"),
                          (1, "i")):
        while n >= value:
            out += digits
            n -= value
    return out


class Pdf:
    def __init__(self, path):
        data = json.loads(subprocess.run(
            ["qpdf", "--json", path], check=True, capture_output=True,
            text=True).stdout)
        self.objs = data["qpdf"][1]
        self.pages = [p["object"] for p in data["pages"]]
        self.number = {ref: i for i, ref in enumerate(self.pages)}
        self.labels = self._labels(data["pagelabels"])
        self.dests = self._dests()
        self.height = float(self.get(self.pages[0])["/MediaBox"][3])
        self._words = None

    def get(self, ref):
        return self.objs["obj:" + ref]["value"]

    def resolve(self, v):
        return self.get(v) if isinstance(v, str) and v.endswith(" R") else v

    def _labels(self, ranges):
        """Each page's label, from the PDF's page-label ranges."""
        out = []
        starts = {r["index"]: r["label"] for r in ranges}
        cur = None
        for i in range(len(self.pages)):
            if i in starts:
                cur, first = starts[i], i
            prefix = cur.get("/P", "u:")[2:] if cur else ""
            style = cur.get("/S") if cur else None
            n = cur.get("/St", 1) + i - first if cur else i + 1
            num = {"/D": str(n), "/r": roman(n),
                   "/R": roman(n).upper()}.get(style, "")
            out.append(prefix + num)
        return out

    def _dests(self):
        """Named destinations: name → page index."""
        names = self.resolve(self.get(
            self.objs["trailer"]["value"]["/Root"])["/Names"])
        out = {}
        todo = [self.resolve(names["/Dests"])]
        while todo:
            node = todo.pop()
            for kid in node.get("/Kids", []):
                todo.append(self.resolve(kid))
            pairs = node.get("/Names", [])
            for k in range(0, len(pairs), 2):
                target = self.resolve(pairs[k + 1])
                if isinstance(target, dict):
                    target = target["/D"]
                out[pairs[k][2:]] = self.number[target[0]]
        return out

    def links(self, page):
        """(target page index, dest name or None, rect) of each link."""
        out = []
        for a in self.resolve(self.get(self.pages[page]).get("/Annots", [])):
            a = self.resolve(a)
            if a.get("/Subtype") != "/Link":
                continue
            d = a.get("/Dest")
            if d is None and "/A" in a:
                d = self.resolve(a["/A"]).get("/D")
            if isinstance(d, str):
                name = d[2:]
                out.append((self.dests.get(name), name, a["/Rect"]))
            elif isinstance(d, list):
                out.append((self.number.get(d[0]), None, a["/Rect"]))
        return out

    def words(self, page, path):
        """The words of a page with their boxes, in PDF coordinates."""
        if self._words is None:
            xml = subprocess.run(["pdftotext", "-bbox", path, "-"],
                                 check=True, capture_output=True,
                                 text=True).stdout
            xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
            xml = re.sub(r' xmlns="[^"]*"', "", xml)
            root = ET.fromstring(xml)
            self._words = []
            for p in root.iter("page"):
                self._words.append([
                    (float(w.get("xMin")), self.height - float(w.get("yMax")),
                     float(w.get("xMax")), self.height - float(w.get("yMin")),
                     w.text or "") for w in p.iter("word")])
        return self._words[page]


def number_at(words, rect):
    """The number a link covers: in a range ("45–47,") each number is a
    link of its own, so the one under the middle of the link's box."""
    x, y = (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2
    for w in words:
        if not (w[0] <= x <= w[2] and w[1] <= y <= w[3]):
            continue
        at = (x - w[0]) / max(w[2] - w[0], 1e-6)
        at = min(max(int(at * len(w[4])), 0), len(w[4]) - 1)
        for m in re.finditer(r"[0-9]+n?|[ivxlc]+n?", w[4]):
            if m.start() <= at < m.end() + 1:
                return m.group(0)
    return ""


def check_labels(pdf, _path):
    first = pdf.labels.index("1") if "1" in pdf.labels else -1
    if first < 1:
        return ["no page labelled 1 after the prelims"]
    bad = [f"page {i + 1} is labelled {lab!r}, not {want!r}"
           for i, lab in enumerate(pdf.labels)
           for want in [roman(i + 1) if i < first else str(i - first + 1)]
           if lab != want]
    return bad


def check_contents(pdf, path):
    chapters = sorted((k for k in pdf.dests if re.fullmatch(r"c\d+", k)),
                      key=lambda k: int(k[1:]))
    if not chapters:
        return ["no chapter destinations"]
    linked, bad = set(), []
    for page in range(len(pdf.pages)):
        for target, name, rect in pdf.links(page):
            if name not in chapters:
                continue
            linked.add(name)
            # The folio printed on the link's line, at its right end.
            line = [w for w in pdf.words(page, path)
                    if rect[1] <= (w[1] + w[3]) / 2 <= rect[3]]
            folio = line[-1][4] if line else ""
            if target is None or pdf.labels[target] != folio:
                bad.append(f"contents line for {name} prints {folio!r}, "
                           f"links to page {target}")
    bad += [f"no contents link to {c}" for c in chapters if c not in linked]
    return bad


def check_notes(pdf, _path, least=100):
    refs = {k[1:]: v for k, v in pdf.dests.items() if re.fullmatch(r"r\d+", k)}
    notes = {k[1:]: v for k, v in pdf.dests.items()
             if re.fullmatch(r"n\d+", k)}
    if len(notes) < least:
        return [f"only {len(notes)} notes have a destination"]
    targets = {name for page in range(len(pdf.pages))
               for _t, name, _r in pdf.links(page) if name}
    bad = []
    for k, page in notes.items():
        if k not in refs:
            continue            # a note without a reference in the text
        if "n" + k not in targets:
            bad.append(f"note n{k} is no link's target")
        if refs[k] != page:
            bad.append(f"note n{k} begins on page {pdf.labels[page]}, "
                       f"its reference is on {pdf.labels[refs[k]]}")
        if "r" + k not in targets:
            bad.append(f"note n{k} has no link back to its reference")
    return bad


def check_index(pdf, path, least=500):
    start = pdf.dests.get("index")
    if start is None:
        return ["no destination named 'index'"]
    bad, count = [], 0
    for page in range(start, len(pdf.pages)):
        for target, name, rect in pdf.links(page):
            if name is not None:
                continue
            text = number_at(pdf.words(page, path), rect)
            number = re.sub(r"n$", "", text)
            count += 1
            if target is None or pdf.labels[target] != number:
                bad.append(f"index page {pdf.labels[page]}: {text!r} "
                           f"links to page {target}")
    if count < least:
        bad.append(f"only {count} page links in the index")
    return bad


def check_targets(pdf, _path, *names):
    found = {name for page in range(len(pdf.pages))
             for target, name, _r in pdf.links(page)
             if name and target is not None and page < target}
    return [f"no link from an earlier page to {n}" for n in names
            if n not in found]


def main():
    path, what = sys.argv[1], sys.argv[2]
    pdf = Pdf(path)
    check = {"labels": check_labels, "contents": check_contents,
             "notes": check_notes, "index": check_index,
             "targets": check_targets}[what]
    if what == "targets":
        bad = check(pdf, path, *sys.argv[3:])
    elif len(sys.argv) > 3:
        bad = check(pdf, path, int(sys.argv[3]))
    else:
        bad = check(pdf, path)
    for b in bad[:20]:
        print(b)
    if len(bad) > 20:
        print(f"… and {len(bad) - 20} more")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
