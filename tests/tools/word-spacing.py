#!/usr/bin/env python3
# Copied from the project's shared tools (shared/tools/word-spacing.py) so that
# the tests need nothing outside the repository.
"""Justification quality of a PDF, from pdftotext -bbox-layout: for every full
(justified) body line, the mean inter-word gap in word-box heights (about 1.2 em).
Prints p50/p95/max and
the share of loose lines (mean gap > 0.5). Usage: word-spacing.py FILE.pdf..."""
import re, statistics, subprocess, sys
from xml.etree import ElementTree as ET

def lines_of(pdf):
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True,
                         text=True, errors="replace").stdout
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    root = ET.fromstring(xml)
    ns = "{http://www.w3.org/1999/xhtml}"
    for page in root.iter(ns + "page"):
        for block in page.iter(ns + "block"):
            for line in block.iter(ns + "line"):
                words = [(float(w.get("xMin")), float(w.get("xMax")), float(w.get("yMin")), float(w.get("yMax")), w.text or "")
                         for w in line.iter(ns + "word")]
                yield block, words

def measure(pdf):
    rows = []
    for block, words in lines_of(pdf):
        if len(words) < 5: continue
        rows.append(words)
    if not rows: return None
    widths = [w[-1][1] - w[0][0] for w in rows]
    measure = statistics.quantiles(widths, n=20)[17]  # p90 width = the full measure
    gaps = []
    for words in rows:
        width = words[-1][1] - words[0][0]
        if width < 0.985 * measure or width > 1.01 * measure: continue  # short last lines, other blocks
        em = statistics.median(w[3] - w[2] for w in words)
        g = [(b[0] - a[1]) / em for a, b in zip(words, words[1:])]
        gaps.append(sum(g) / len(g))
    gaps.sort()
    n = len(gaps)
    return dict(lines=n, p50=gaps[n // 2], p95=gaps[int(n * .95)], max=gaps[-1],
                loose=sum(1 for g in gaps if g > 0.5) / n)

if __name__ == "__main__":
    for pdf in sys.argv[1:]:
        m = measure(pdf)
        print(pdf, {k: round(v, 3) for k, v in m.items()} if m else "no lines")
