#!/usr/bin/env python3
"""pdfua.py PDF [--bleed] [--langs L1,L2,...] [--others T:L,...] -- the
print edition held to PDF/UA-1 and to what a printer asks, clause by
clause, as veraPDF numbers them.

Reads the PDF's objects through `qpdf --json` and its content streams
through `qpdf --qdf` (uncompressed, one stream a page), and checks:

  7.2-34, 7.2-2  the catalogue's /Lang is the document's language;
                 with --langs, the chapters' Sect elements (the
                 Document's, in order) carry /Lang L1, L2, ... ('-':
                 none, the document's); without it, none does; with
                 --others, the other elements that carry a /Lang are,
                 in the tree's order, of type T and language L each
                 (Span:fr,Div:de: passages, TOCI:fr: a contents
                 entry); without it, no other element carries one;
  7.1-8, 7.1-9   an XMP packet with pdfuaid:part 1 and a dc:title;
  7.1-10         /ViewerPreferences /DisplayDocTitle true;
  7.1-1          /MarkInfo /Marked true, a structure tree;
  7.18.3-1       every page that has annotations (here: every page)
                 has /Tabs /S;
  7.18.1-2, 7.18.5-2  every link annotation has /Contents, and is in
                 the structure (/StructParent);
  7.9-1          every Note element has an /ID, each once, and the
                 IDTree lists them; one Note per footnote: as many
                 Notes as destinations of notes (n1, n2, …);
  7.2-20         every LI holds only Lbl and LBody;
  7.1-1          the structure holds all the content, in the reading
                 order: every MCID of every page's content is reached
                 from exactly one element's /K (an integer on its /Pg,
                 or a marked-content reference), the one the parent
                 tree names for it; walked depth first in /K order,
                 the tree reads each page's marked content in
                 increasing order, the pages in order (a Note read
                 apart: it stands by its reference, and may run on
                 overleaf);
  7.1-3          nothing is painted outside marked content: running
                 heads, folios and rules are inside /Artifact; no
                 marked content crosses a text object's BT or ET;
                 octavo draws those after the text, so an artifact
                 before a page's last marked content is text the
                 structure lost;
  print          no colour but gray (g, G), no RGB or CMYK operator;
                 every page has a TrimBox inside its MediaBox, and with
                 --bleed a BleedBox around it.

Exits 0 if all holds, else 1, listing what failed.
"""
import os
import re
import subprocess
import sys
import tempfile

import pdflinks

PAINT = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b",
         "b*", "sh", "Do", "EI"}
COLOUR = {"rg", "RG", "k", "K", "sc", "SC", "scn", "SCN", "cs", "CS"}


def tokens(data):
    """The operators of a content stream, in order (operands skipped)."""
    i, n = 0, len(data)
    white = b" \t\r\n\f\0"
    while i < n:
        c = data[i:i + 1]
        if c in (b" ", b"\t", b"\r", b"\n", b"\f", b"\0"):
            i += 1
        elif c == b"%":
            while i < n and data[i:i + 1] not in (b"\n", b"\r"):
                i += 1
        elif c == b"(":
            depth = 0
            while i < n:
                ch = data[i:i + 1]
                if ch == b"\\":
                    i += 1
                elif ch == b"(":
                    depth += 1
                elif ch == b")":
                    depth -= 1
                    if depth == 0:
                        i += 1
                        break
                i += 1
        elif data[i:i + 2] in (b"<<", b">>"):
            i += 2
        elif c == b"<":
            i = data.index(b">", i) + 1
        elif c in (b"[", b"]", b"{", b"}", b">", b")"):
            i += 1
        else:
            j = i + 1 if c == b"/" else i
            while j < n and data[j] not in white and \
                    data[j:j + 1] not in (b"(", b")", b"<", b">", b"[",
                                          b"]", b"{", b"}", b"/", b"%"):
                j += 1
            word = data[i:j].decode("latin-1")
            i = j
            if c != b"/" and not re.fullmatch(r"[-+.0-9]+|true|false|null",
                                              word):
                yield word


class Pdf(pdflinks.Pdf):
    """The PDF as pdflinks.py reads it, with its streams and elements."""

    def stream_data(self, ref):
        return self.objs["obj:" + ref]

    def elements(self):
        """Every structure element, with its type."""
        for key, obj in self.objs.items():
            v = obj.get("value")
            if isinstance(v, dict) and v.get("/Type") == "/StructElem" or \
                    isinstance(v, dict) and "/S" in v and "/P" in v:
                yield key[4:], v


    def walk(self, elem):
        """The elements under elem, depth first, with their references."""
        kids = elem.get("/K", [])
        for k in kids if isinstance(kids, list) else [kids]:
            e = self.resolve(k)
            if isinstance(k, str) and isinstance(e, dict) and "/S" in e:
                yield k, e
                yield from self.walk(e)


def contents(path):
    """Each page's content, uncompressed, from qpdf's QDF form."""
    with tempfile.NamedTemporaryFile(suffix=".pdf", dir=os.environ.get(
            "TMPDIR")) as tmp:
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", path,
                        tmp.name], check=True)
        data = open(tmp.name, "rb").read()
    pages = {}
    for m in re.finditer(rb"%% Contents for page (\d+)\n(?:%%[^\n]*\n)*"
                         rb"\d+ 0 obj\n.*?"
                         rb"stream\n(.*?)endstream", data, re.S):
        pages[int(m.group(1))] = m.group(2)
    return pages


def marked(data):
    """A content stream's MCIDs, in order."""
    return [int(m) for m in re.findall(rb"/MCID\s+(\d+)\s*>>\s*BDC", data)]


def parent_tree(pdf, tree):
    """(page index, MCID) -> the element the parent tree names."""
    nums, stack = {}, [tree.get("/ParentTree", {})]
    while stack:
        node = pdf.resolve(stack.pop())
        stack.extend(node.get("/Kids", []))
        flat = node.get("/Nums", [])
        nums.update(zip(flat[::2], flat[1::2]))
    owner = {}
    for i, ref in enumerate(pdf.pages):
        key = pdf.get(ref).get("/StructParents")
        for mcid, elem in enumerate(pdf.resolve(nums.get(key, []))):
            owner[(i, mcid)] = elem
    return owner


def reading(pdf, tree):
    """The tree's marked content, depth first in /K order: every
    (page index, MCID, element) reached, and the sequences to read in
    order, a Note's apart (it stands, by its first, in the one that holds
    it).  An integer's page is its element's /Pg (None if it has none)."""
    reached, seqs = [], [[]]

    def walk(ref, e, seq):
        pg = pdf.number.get(e.get("/Pg"))
        kids = e.get("/K", [])
        for k in kids if isinstance(kids, list) else [kids]:
            v, page = pdf.resolve(k), pg
            if isinstance(v, dict) and v.get("/Type") == "/MCR":
                page = pdf.number.get(v.get("/Pg", e.get("/Pg")))
                v = v.get("/MCID")
            if isinstance(v, int):
                reached.append((page, v, ref))
                seq.append((page, v))
            elif isinstance(k, str) and isinstance(v, dict) and "/S" in v:
                if v.get("/S") == "/Note":
                    own = []
                    seqs.append(own)
                    walk(k, v, own)
                    seq.extend(own[:1])
                else:
                    walk(k, v, seq)
    walk("root", tree, seqs[0])
    return reached, seqs


def check_structure(pdf, tree, streams):
    """What the structure leaves out, or holds out of order (7.1-1)."""
    bad = []
    content = {(n - 1, m) for n, data in streams.items()
               for m in marked(data)}
    owner = parent_tree(pdf, tree)
    reached, seqs = reading(pdf, tree)
    counts = {}
    for pg, m, ref in reached:
        counts[(pg, m)] = counts.get((pg, m), 0) + 1
    missing = content - set(counts)
    if missing:
        bad.append("7.1-1: %d of %d marked contents in no element "
                   "(page %d MCID %d, the parent tree's %s)"
                   % ((len(missing), len(content)) + min(missing) +
                      (owner.get(min(missing)),)))
    stray = set(counts) - content
    if stray:
        bad.append("7.1-1: %d marked contents the elements name are on no "
                   "page (%s)" % (len(stray), sorted(stray, key=str)[0]))
    twice = [k for k, c in counts.items() if c > 1]
    if twice:
        bad.append("7.1-1: %d marked contents in more than one element"
                   % len(twice))
    astray = [(pg, m, ref) for pg, m, ref in reached
              if (pg, m) in content and owner.get((pg, m)) != ref]
    if astray:
        bad.append("7.1-1: %d marked contents whose element the parent "
                   "tree does not name (page %s MCID %s in %s)"
                   % ((len(astray),) + astray[0]))
    disorder = [(a, b) for seq in seqs for a, b in zip(seq, seq[1:])
                if None not in (a[0], b[0]) and b <= a]
    if disorder:
        bad.append("7.1-1: the structure reads %d marked contents out of "
                   "order (page %d MCID %d, then page %d MCID %d)"
                   % ((len(disorder),) + disorder[0][0] + disorder[0][1]))
    return bad


def unstring(v):
    """A string as qpdf's JSON gives it (u:… or b:…) without its prefix."""
    return v[2:] if isinstance(v, str) and v[:2] in ("u:", "b:") else v


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    path, bleed = sys.argv[1], "--bleed" in sys.argv[2:]
    langs = None
    if "--langs" in sys.argv[2:-1]:
        langs = sys.argv[sys.argv.index("--langs") + 1].split(",")
    others = []
    if "--others" in sys.argv[2:-1]:
        others = sys.argv[sys.argv.index("--others") + 1].split(",")
    pdf = Pdf(path)
    bad = []
    root = next(v["value"] for v in pdf.objs.values()
                if isinstance(v.get("value"), dict) and
                v["value"].get("/Type") == "/Catalog")

    if not unstring(root.get("/Lang", "")):
        bad.append("7.2-34: no /Lang in the catalogue")
    meta = root.get("/Metadata")
    xmp = ""
    if meta:
        xmp = subprocess.run(
            ["qpdf", "--show-object=" + meta.split()[0],
             "--filtered-stream-data", path], capture_output=True,
            text=True).stdout
    if "<pdfuaid:part>1</pdfuaid:part>" not in xmp:
        bad.append("7.1-8: no XMP metadata with pdfuaid:part 1")
    if "<dc:title>" not in xmp:
        bad.append("7.1-9: no dc:title in the XMP metadata")
    prefs = pdf.resolve(root.get("/ViewerPreferences", {}))
    if prefs.get("/DisplayDocTitle") is not True:
        bad.append("7.1-10: no /ViewerPreferences /DisplayDocTitle true")
    if pdf.resolve(root.get("/MarkInfo", {})).get("/Marked") is not True:
        bad.append("7.1-1: /MarkInfo /Marked is not true")
    tree = pdf.resolve(root.get("/StructTreeRoot", {}))
    if not tree:
        bad.append("7.1-1: no structure tree")

    # The chapters' languages: on their Sects, and nowhere else.  The
    # Document holds the prelims, the text and the index, each a Part,
    # in that order.
    def kids_of(e):
        kids = pdf.resolve(e.get("/K", []))
        return [k for k in (kids if isinstance(kids, list) else [kids])
                if isinstance(k, str)]
    doc = next((pdf.resolve(k) for k in kids_of(tree)
                if pdf.resolve(k).get("/S") == "/Document"), {})
    parts = [pdf.resolve(k) for k in kids_of(doc)]
    if not parts or any(p.get("/S") != "/Part" for p in parts):
        bad.append("structure: the Document's kids are not the book's Parts")
    sects = [k for p in parts for k in kids_of(p)
             if pdf.resolve(k).get("/S") == "/Sect"]
    got = [unstring(pdf.resolve(k).get("/Lang", "-")) for k in sects]
    want = langs if langs is not None else ["-"] * len(sects)
    if got != want:
        bad.append("7.2-2: the chapters' Sects carry /Lang %s, not %s"
                   % (",".join(got), ",".join(want)))
    stray = ["%s:%s" % (e["/S"][1:], unstring(e["/Lang"]))
             for ref, e in pdf.walk(tree) if "/Lang" in e and
             ref not in sects]
    if stray != others:
        bad.append("7.2-2: the elements other than chapters carry /Lang "
                   "%s, not %s" % (",".join(stray) or "-",
                                   ",".join(others) or "-"))

    # Pages: tab order, boxes, links.
    untabbed, untrimmed, links, undescribed, unstructured = 0, 0, 0, 0, 0
    for ref in pdf.pages:
        page = pdf.get(ref)
        if page.get("/Tabs") != "/S":
            untabbed += 1
        media = [float(x) for x in page["/MediaBox"]]
        trim = [float(x) for x in page.get("/TrimBox", [])]
        bleedbox = [float(x) for x in page.get("/BleedBox", trim)]
        if len(trim) != 4 or not (media[0] <= trim[0] < trim[2] <= media[2]
                                  and media[1] <= trim[1] < trim[3] <=
                                  media[3]):
            untrimmed += 1
        elif bleed and not (bleedbox[0] < trim[0] and
                            bleedbox[2] > trim[2]):
            untrimmed += 1
        for a in pdf.resolve(page.get("/Annots", [])):
            a = pdf.resolve(a)
            if a.get("/Subtype") != "/Link":
                continue
            links += 1
            if not unstring(a.get("/Contents", "")):
                undescribed += 1
            if "/StructParent" not in a:
                unstructured += 1
    if untabbed:
        bad.append("7.18.3-1: %d pages without /Tabs /S" % untabbed)
    if untrimmed:
        bad.append("print: %d pages without a TrimBox%s inside the "
                   "MediaBox" % (untrimmed, " and a BleedBox" if bleed
                                 else ""))
    if undescribed:
        bad.append("7.18.5-2: %d of %d links without /Contents"
                   % (undescribed, links))
    if unstructured:
        bad.append("7.18.5-1: %d of %d links not in the structure"
                   % (unstructured, links))

    # Structure: Notes with IDs, one per note; lists.
    notes, ids, lis = [], [], 0
    for ref, e in pdf.elements():
        if e.get("/S") == "/Note":
            notes.append(ref)
            if "/ID" in e:
                ids.append(unstring(e["/ID"]))
        elif e.get("/S") == "/LI":
            lis += 1
            kids = e.get("/K", [])
            kids = kids if isinstance(kids, list) else [kids]
            types = {pdf.resolve(k).get("/S") if isinstance(
                pdf.resolve(k), dict) else "content" for k in kids}
            if not types or types - {"/Lbl", "/LBody"}:
                bad.append("7.2-20: LI %s holds %s" % (
                    ref, ", ".join(sorted(t or "?" for t in types))))
    dests = set()
    names = pdf.resolve(root.get("/Names", {}))
    stack = [pdf.resolve(names.get("/Dests", {}))]
    while stack:
        node = pdf.resolve(stack.pop())
        stack.extend(node.get("/Kids", []))
        for i in range(0, len(node.get("/Names", [])), 2):
            dests.add(unstring(node["/Names"][i]))
    wanted = len([d for d in dests if re.fullmatch(r"n\d+", d)])
    if len(ids) != len(notes):
        bad.append("7.9-1: %d of %d Note elements without an /ID"
                   % (len(notes) - len(ids), len(notes)))
    if len(set(ids)) != len(ids):
        bad.append("7.9-1: Note IDs used twice")
    if len(notes) != wanted:
        bad.append("one Note per note: %d Note elements for %d notes"
                   % (len(notes), wanted))
    idtree = pdf.resolve(tree.get("/IDTree", {}))
    if sorted(unstring(x) for x in idtree.get("/Names", [])[::2]) != \
            sorted(ids):
        bad.append("7.9-1: the IDTree does not list the Notes' IDs")

    # Content: painting inside marked content, the text's in the
    # structure; gray alone.
    streams = contents(path)
    bad.extend(check_structure(pdf, tree, streams))
    outside, colours, artifacts, crossing, painted = 0, 0, 0, 0, 0
    early = 0
    for n, data in streams.items():
        last = max((m.start() for m in re.finditer(rb"/MCID", data)),
                   default=0)
        early += data.count(b"/Artifact BMC", 0, last)
        depth, at_bt, paints = 0, 0, False
        for op in tokens(data):
            paints = paints or op in PAINT
            if op in ("BDC", "BMC"):
                depth += 1
            elif op == "EMC":
                depth -= 1
            elif op == "BT":
                at_bt = depth
            elif op == "ET":
                crossing += depth != at_bt
            elif op in PAINT and depth == 0:
                outside += 1
            elif op in COLOUR:
                colours += 1
        artifacts += data.count(b"/Artifact BMC")
        painted += paints
    if outside:
        bad.append("7.1-3: %d painting operators outside marked content"
                   % outside)
    if early:
        bad.append("7.1-3: %d artifacts among the structure's marked "
                   "content: text left out of it" % early)
    if crossing:
        bad.append("marked content crosses BT or ET in %d text objects"
                   % crossing)
    if colours:
        bad.append("print: %d colour operators other than gray" % colours)
    # A blank page has no folio: half the pages with ink, at least.
    if artifacts < painted // 2:
        bad.append("7.1-3: %d artifacts for %d pages with ink: running "
                   "heads and folios not marked" % (artifacts, painted))

    print("%d pages, %d links, %d notes, %d list items, %d artifacts"
          % (len(pdf.pages), links, len(notes), lis, artifacts))
    for b in bad:
        print(b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
