#!/usr/bin/env python3
"""ace.py REPORT -- what DAISY Ace found in an EPUB (its report.json).

Prints how many issues it found of each impact, and each critical,
serious or moderate one with the page and the markup it is in.  Exits 0
if there is none of those three and the package claims conformance
(dcterms:conformsTo), else 1; minor issues are counted, not failed.
"""
import collections
import json
import sys

FAILING = ("critical", "serious", "moderate")


def main():
    report = json.load(open(sys.argv[1], encoding="utf-8"))
    counts = collections.Counter({impact: 0 for impact in
                                  FAILING + ("minor",)})
    bad = []
    for page in report.get("assertions", []):
        where = page["earl:testSubject"]["url"]
        for a in page.get("assertions", []):
            impact = a["earl:test"]["earl:impact"]
            counts[impact] += 1
            if impact in FAILING:
                bad.append(f"{impact}: {a['earl:test']['dct:title']} in "
                           f"{where}: {a['earl:result'].get('html', '')[:160]}")
    if "dcterms:conformsTo" in report["a11y-metadata"].get("missing", []):
        bad.append("no dcterms:conformsTo: the book claims no conformance")
    print(", ".join(f"{counts[i]} {i}" for i in counts))
    for line in bad[:20]:
        print(line)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
