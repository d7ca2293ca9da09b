#!/usr/bin/env python3
"""corpus.py EXPECT SOURCE EPUB -- a corpus book's EPUB held to what a
good edition of it looks like (tests/corpus/README.md).

EXPECT lists what the book must have, a line each:

  chapters N          the spine holds N chapter documents
  headings-min N      at least N section headings in the chapters
  notes N             N notes, each linked from its reference and back
  italics-min N       at least N italic spans
  author TEXT         TEXT is the book's dc:creator and on its title page
  absent TEXT         TEXT is in no document of the book
  present TEXT        TEXT is in the book's text
  verse-min N         at least N line breaks kept (verse, addresses)

and, always: every paragraph of the EPUB starts where a paragraph of
the source starts (none begins in the middle of a source paragraph,
wrapped lines joined back), and no source line ends the EPUB's words
with a broken word ("guild- master").

Exits 0 if all holds, else 1, listing what failed.
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB = "{http://www.idpf.org/2007/ops}"


def words(text):
    """The case-folded runs of letters and digits, as the ledger counts."""
    return re.findall(r"[^\W_]+", text.casefold())


def source_starts(path):
    """The first words of each paragraph of the source (blank-line parted)."""
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    starts = set()
    for block in re.split(r"\n\s*\n", text):
        lines = [l for l in block.split("\n") if l.strip()]
        # A block's every line may start a paragraph (a scrape, verse);
        # a wrapped paragraph's lines after the first are counted
        # against: they start no paragraph of the edition.
        if lines:
            starts.add(tuple(words(lines[0])[:4]))
        for line in lines[1:]:
            w = tuple(words(line)[:4])
            starts.add(("line",) + w)
    return starts


def paragraphs(tree):
    """The <p> elements of a chapter, outside notes, with their text."""
    out = []
    for p in tree.iter(XHTML + "p"):
        text = "".join(p.itertext())
        out.append((p, text))
    return out


def main():
    expect, source, epub = sys.argv[1:4]
    failures = []
    z = zipfile.ZipFile(epub)
    names = z.namelist()
    opf = ET.fromstring(z.read([n for n in names if n.endswith(".opf")][0]))
    creators = [e.text or "" for e in opf.iter(
        "{http://purl.org/dc/elements/1.1/}creator")]
    chapters = sorted(n for n in names if re.search(r"chapter-.*\.xhtml$",
                                                    n))
    trees = {n: ET.fromstring(z.read(n)) for n in chapters}
    everything = "\n".join(z.read(n).decode("utf-8") for n in names
                           if n.endswith(".xhtml"))
    text = "\n".join("".join(t.itertext()) for t in trees.values())
    headings = sum(1 for t in trees.values() for tag in ("h2", "h3", "h4")
                   for _ in t.iter(XHTML + tag))
    italics = sum(1 for t in trees.values() for _ in t.iter(XHTML + "em"))
    breaks = sum(1 for t in trees.values() for _ in t.iter(XHTML + "br"))
    ids = {}
    for n, t in trees.items():
        for e in t.iter():
            if e.get("id"):
                ids[(n.split("/")[-1], e.get("id"))] = e
    refs = [(n, a) for n, t in trees.items() for a in t.iter(XHTML + "a")
            if "noteref" in (a.get(EPUB + "type") or "")]
    notes = [(n, e) for n, t in trees.items() for e in t.iter()
             if e.get(EPUB + "type") in ("footnote", "endnote")]

    def target(doc, href):
        """The element an href points to, from document doc."""
        name, _, frag = href.partition("#")
        return ids.get((name or doc.split("/")[-1], frag))

    for n, a in refs:
        if target(n, a.get("href", "")) is None:
            failures.append("a note reference leads nowhere: %s" %
                            a.get("href"))
    for n, note in notes:
        back = [a for a in note.iter(XHTML + "a") if a.get("href")]
        if not back or target(n, back[0].get("href")) is None:
            failures.append("note %s has no link back" % note.get("id"))

    for line in open(expect, encoding="utf-8"):
        key, _, value = line.strip().partition(" ")
        if not key or key.startswith("#"):
            continue
        if key == "chapters" and len(chapters) != int(value):
            failures.append("%d chapters, want %s" % (len(chapters), value))
        elif key == "headings-min" and headings < int(value):
            failures.append("%d headings, want %s or more" % (headings,
                                                              value))
        elif key == "notes" and (len(notes) != int(value) or
                                 len(refs) < int(value)):
            failures.append("%d notes and %d references, want %s" %
                            (len(notes), len(refs), value))
        elif key == "italics-min" and italics < int(value):
            failures.append("%d italic spans, want %s or more" % (italics,
                                                                  value))
        elif key == "verse-min" and breaks < int(value):
            failures.append("%d kept line breaks, want %s or more" %
                            (breaks, value))
        elif key == "author":
            # Each person is a dc:creator of their own; the title page
            # names them all in one line.
            people = re.split(r",\s*|\s+and\s+", value)
            if sorted(people) != sorted(creators):
                failures.append("dc:creator %s, want %s" % (creators, value))
            title = [z.read(n).decode("utf-8") for n in names
                     if n.endswith("titlepage.xhtml")]
            if not title or value not in title[0]:
                failures.append("the title page lacks %s" % value)
        elif key == "absent" and value in everything:
            failures.append("%r is in the book" % value)
        elif key == "present" and value not in text:
            failures.append("%r is not in the text" % value)

    starts = source_starts(source)
    for n, t in trees.items():
        for p, ptext in paragraphs(t):
            w = tuple(words(ptext)[:4])
            if len(w) < 4 or w in starts:
                continue
            if ("line",) + w in starts:
                failures.append("%s: a paragraph starts in the middle of "
                                "a source paragraph: %r" % (n, ptext[:60]))
    for m in re.finditer(r"\w- \w+", text):
        if not re.search(r"\w- (and|or|to|und)\b", m.group(0)):
            failures.append("a broken word: %r" % m.group(0))
    for f in failures[:40]:
        print(f)
    if len(failures) > 40:
        print("… and %d more" % (len(failures) - 40))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
