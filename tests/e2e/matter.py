#!/usr/bin/env python3
"""matter.py EXPECT MANIFEST EPUB PDF -- a book's front, text and back
matter, and its chapters called by their titles, in both outputs.

EXPECT has a line per chapter, in the manifest's order:

  ID TYPE BODY FOLIO

TYPE is the epub:type of the chapter's section (its role: chapter,
dedication, preface…), BODY the epub:type of its page's body
(frontmatter, bodymatter, backmatter), FOLIO the page the PDF's
contents gives it ("vii", "3"), or "-" if the contents does not list
it (a dedication or an epigraph, set alone on its page).

Checks, besides each line:
  - no chapter id is a title: not in the navigation, the pages'
    <title> or <h1>, the PDF's contents or its running heads;
  - each listed chapter's title in the navigation is its source's
    first level-1 heading ("# Title") when the manifest gives none;
  - each section's ARIA role is its epub:type's (doc-TYPE);
  - the landmarks name the first chapter of the text as bodymatter and
    each chapter of another role by its role;
  - the spine puts the contents after the chapters the contents does
    not list and that open the book, and before the rest;
  - the page list is in reading order: its entries' markers come in
    the order of the spine and of each page's text;
  - the PDF's running heads name only the book's author, its title, a
    chapter's title or the index, and some name a chapter.

Exits 0 if all holds, else 1, listing what failed.
"""
import configparser
import html
import os
import re
import subprocess
import sys
import zipfile

ARIA = {"endnotes": "doc-endnotes"}


def manifest(path):
    """The chapters' ids, sources and own titles, in order, and the
    book's title and author as the manifest gives them."""
    ini = configparser.ConfigParser(interpolation=None)
    ini.read(path, encoding="utf-8")
    chapters = []
    for g in ini.sections():
        if g.startswith("chapter "):
            src = os.path.join(os.path.dirname(path), ini[g]["source"])
            chapters.append((g[8:], src, ini[g].get("title")))
    ed = ini["edition"]
    return chapters, ed.get("title"), ed.get("author")


def first_heading(src):
    for line in open(src, encoding="utf-8"):
        m = re.match(r"#\s+(.*?)\s*#*\s*$", line)
        if m:
            return m.group(1)
    return None


def text(x):
    return html.unescape(re.sub(r"<[^>]+>", "", x)).strip()


def main():
    expect_path, manifest_path, epub_path, pdf_path = sys.argv[1:5]
    chapters, book_title, _ = manifest(manifest_path)
    ids = {c[0] for c in chapters}
    expect = [ln.split() for ln in open(expect_path, encoding="utf-8")
              if ln.strip() and not ln.startswith("#")]
    z = zipfile.ZipFile(epub_path)
    opf = z.read("OEBPS/content.opf").decode()
    # The book's authors, from the manifest or a YAML block alike.
    creators = re.findall(r"<dc:creator[^>]*>(.*?)</dc:creator>", opf)
    author = " and ".join(text(c) for c in creators)
    nav = z.read("OEBPS/nav.xhtml").decode()
    bad = []

    if [e[0] for e in expect] != [c[0] for c in chapters]:
        bad.append(f"EXPECT lists {[e[0] for e in expect]}, the manifest "
                   f"{[c[0] for c in chapters]}")
    titles = {}
    for (cid, src, own), (_, typ, body, folio) in zip(chapters, expect):
        page = z.read(f"OEBPS/chapter-{cid}.xhtml").decode()
        title = own or first_heading(src)
        titles[cid] = title
        m = re.search(r'<body epub:type="([^"]+)"', page)
        if not m or m.group(1) != body:
            bad.append(f"{cid}: body {m and m.group(1)}, want {body}")
        # The page's first section, its attributes in any order.
        m = re.search(r'<section\b([^>]*)>', page)
        attrs = dict(re.findall(r'([\w:-]+)="([^"]*)"', m.group(1))) \
            if m else {}
        if attrs.get("epub:type") != typ:
            bad.append(f"{cid}: section {attrs.get('epub:type')}, "
                       f"want {typ}")
        elif attrs.get("role") != ARIA.get(typ, "doc-" + typ):
            bad.append(f"{cid}: role {attrs.get('role')} for {typ}")
        t = re.search(r"<title>(.*?)</title>", page)
        if t is None or text(t.group(1)) in ids:
            bad.append(f"{cid}: <title> is {t and t.group(1)}")
        for h in re.findall(r"<h1>(.*?)</h1>", page):
            if text(h) in ids:
                bad.append(f"{cid}: <h1> is the id {text(h)}")
        if folio != "-" and title not in text(nav):
            bad.append(f"{cid}: the navigation lacks its title {title!r}")

    toc = re.search(r'<nav id="toc".*?</nav>', nav, re.S).group(0)
    for entry in re.findall(r"<a [^>]*>(.*?)</a>", toc):
        if text(entry) in ids:
            bad.append(f"the navigation lists the id {text(entry)}")

    # Landmarks.
    marks = re.findall(r'<a href="chapter-([^".#]+)\.xhtml[^"]*" '
                       r'epub:type="([^"]+)"', re.search(
                           r'<nav id="landmarks".*?</nav>', nav,
                           re.S).group(0))
    body = [e[0] for e in expect if e[2] == "bodymatter"]
    if body and (body[0], "bodymatter") not in marks:
        bad.append(f"landmarks: bodymatter is not {body[0]}: {marks}")
    for cid, typ, _, _ in expect:
        if typ != "chapter" and (cid, typ) not in marks:
            bad.append(f"landmarks: no {typ} for {cid}")

    # The spine: the contents after the unlisted chapters that open it.
    spine = re.findall(r'<itemref idref="([^"]+)"', opf)
    lead = 0
    while lead < len(expect) and expect[lead][3] == "-":
        lead += 1
    want = [f"chapter-{e[0]}" for e in expect]
    want = want[:lead] + ["nav"] + want[lead:]
    got = [s for s in spine if s == "nav" or s.startswith("chapter-")]
    if got != want:
        bad.append(f"spine {got}, want {want}")

    # The page list, against the markers in reading order.
    hrefs = {}
    for item in re.finditer(r'<item id="([^"]+)" href="([^"]+)"', opf):
        hrefs[item.group(1)] = item.group(2)
    order = []
    for idref in spine:
        doc = z.read("OEBPS/" + hrefs[idref]).decode()
        order += [f"{hrefs[idref]}#{i}" for i in re.findall(
            r'epub:type="pagebreak"[^>]* id="([^"]+)"', doc)]
    plist = re.search(r'<nav id="page-list".*?</nav>', nav, re.S)
    listed = re.findall(r'<a href="([^"]+)"', plist.group(0)) if plist \
        else []
    if not listed:
        bad.append("no page list")
    elif listed != order:
        bad.append("the page list is out of reading order: "
                   f"{[h for h, o in zip(listed, order) if h != o][:3]}")

    # The PDF: the contents' folios, and the running heads.
    pages = subprocess.run(["pdftotext", "-layout", pdf_path, "-"],
                           check=True, capture_output=True,
                           text=True).stdout.split("\f")
    contents = next((p for p in pages if p.strip().startswith("Contents")),
                    "")
    lines = [re.sub(r"\s+", " ", ln).strip() for ln in contents.split("\n")]
    for cid, typ, body_type, folio in expect:
        title = titles[cid]
        row = [ln for ln in lines if ln.startswith(title + " ")]
        if folio == "-" and row:
            bad.append(f"{cid}: the contents lists it: {row[0]!r}")
        elif folio != "-" and (not row or not row[0].endswith(" " + folio)):
            bad.append(f"{cid}: contents {row}, want {title} {folio}")
    for ln in lines:
        if ln in ids:
            bad.append(f"the contents lists the id {ln}")
    heads = set(titles.values()) | {author, book_title, "Index of Names"}
    named = 0
    for i, p in enumerate(pages):
        first = next((ln.strip() for ln in p.split("\n") if ln.strip()), "")
        m = re.match(r"^([0-9]+|[ivxlc]+) +(.+)$|^(.+?) +([0-9]+|[ivxlc]+)$",
                     first)
        if not m:
            continue
        head = m.group(2) or m.group(3)
        head = re.sub(r"\s+", " ", head)
        named += head in titles.values()
        if head in ids or (head not in heads and
                           not any(t.startswith(head.rstrip("…"))
                                   for t in heads if t)):
            bad.append(f"PDF page {i + 1}: running head {head!r}")

    if named == 0:
        bad.append("no running head names a chapter")

    for b in bad[:30]:
        print(b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
