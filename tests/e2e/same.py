#!/usr/bin/env python3
"""same.py EPUB PDF WHAT -- the two outputs of one manuscript say the same.

Reads the e-book's XHTML and the print edition's text (`pdftotext
-layout`, page by page) and checks one thing, named by WHAT:

  titlepage  every line of the e-book's title page is on the PDF's,
             and no name is given twice on either;
  imprint    the imprint's sources are the same entries, in the same
             order;
  heads      every running head of the PDF is a chapter's title or byline,
             or the book's author, as the e-book prints them (or the
             index's), and every byline heads some verso;
  contents   the contents list the same titles in the same order, with
             the same bylines;
  index      the index of names has the same headings in the same order.

Exits 0 if all holds, else 1, saying what differs.
"""
import html
import re
import subprocess
import sys
import zipfile


def squash(s):
    """s with its tags gone, its entities read and its spaces single."""
    s = html.unescape(re.sub(r"<[^>]*>", "", s))
    return " ".join(s.replace("\u00a0", " ").split())


class Epub:
    def __init__(self, path):
        self.zip = zipfile.ZipFile(path)

    def page(self, name):
        return self.zip.read("OEBPS/" + name).decode()

    def paras(self, name, cls=None):
        """The text of each <p> (of class cls) and <h1> of a page."""
        pat = r'<p class="%s">(.*?)</p>' % cls if cls else \
            r"<(?:p|h1)(?: [^>]*)?>(.*?)</(?:p|h1)>"
        return [squash(m) for m in re.findall(pat, self.page(name), re.S)]

    def chapters(self):
        """Each chapter's file, title and byline, in reading order."""
        opf = self.page("content.opf")
        out = []
        for ref in re.findall(r'<itemref idref="(chapter-[^"]*)"', opf):
            xhtml = self.page(ref + ".xhtml")
            title = squash(re.search(r"<h1>(.*?)</h1>", xhtml, re.S)[1])
            by = re.search(r'<p class="author">(.*?)(?:<sup>|</p>)', xhtml,
                           re.S)
            out.append((title, squash(by[1]) if by else None))
        return out


class Pdf:
    def __init__(self, path):
        text = subprocess.run(["pdftotext", "-layout", path, "-"],
                              capture_output=True, text=True,
                              check=True).stdout
        self.pages = text.split("\f")

    def flat(self, i):
        return " ".join(self.pages[i].split())

    def find(self, words):
        """The first page whose text holds words."""
        return next(i for i in range(len(self.pages))
                    if words in self.flat(i))

    def lines(self, i):
        return [" ".join(l.split()) for l in self.pages[i].splitlines()
                if l.strip()]


def check_titlepage(epub, pdf):
    bad = []
    lines = epub.paras("titlepage.xhtml")
    page = pdf.find(lines[0] + " " + lines[1])
    for line in lines:
        if line not in pdf.flat(page):
            bad.append(f"the PDF's title page lacks '{line}'")
    for name in re.findall(r"[A-Z]\w+ [A-Z]\w+", " ".join(lines)):
        for where, text in (("e-book", " ".join(lines)),
                            ("PDF", pdf.flat(page))):
            if text.count(name) > 1:
                bad.append(f"the {where}'s title page names {name} twice")
    return bad


def check_imprint(epub, pdf):
    entries = epub.paras("imprint.xhtml", "entry")
    page = pdf.find("Sources")
    text = pdf.flat(page)
    found = sorted((text.find(e), e) for e in entries)
    bad = [f"the PDF's imprint lacks '{e}'" for at, e in found if at < 0]
    if not bad and [e for _, e in found] != entries:
        bad.append("the imprints list their sources in other orders")
    if not entries:
        bad.append("the e-book's imprint lists no source")
    return bad


def check_heads(epub, pdf):
    chapters = epub.chapters()
    allowed = {t for t, _ in chapters} | {b for _, b in chapters if b}
    allowed |= set(epub.paras("titlepage.xhtml", "author"))
    allowed.add("Index")
    seen = set()
    for i in range(len(pdf.pages)):
        lines = pdf.lines(i)
        if not lines:
            continue
        head = re.sub(r"^\d+ +| +\d+$", "", lines[0])
        if head != lines[0]:		# a folio beside it: a running head
            seen.add(head)
    bad = [f"the running head '{h}' is no title or byline of the e-book"
           for h in sorted(seen - allowed)]
    bad += [f"no running head says '{b}'" for _, b in chapters
            if b and b not in seen]
    return bad


def check_contents(epub, pdf):
    nav = epub.page("nav.xhtml")
    toc = re.search(r'<nav id="toc".*?</nav>', nav, re.S)[0]
    titles = [squash(t) for t in
              re.findall(r'<a href="chapter-[^"#]*">(.*?)</a>', toc)]
    page = pdf.find("Contents")
    lines = pdf.lines(page)
    bad = []
    at = 0
    for (title, by), listed in zip(epub.chapters(), titles):
        if title != listed:
            bad.append(f"the e-book's contents list '{listed}' for "
                       f"'{title}'")
        while at < len(lines) and not lines[at].startswith(title):
            at += 1
        if at == len(lines):
            bad.append(f"the PDF's contents lack '{title}', or list it "
                       "out of order")
            break
        below = lines[at + 1] if at + 1 < len(lines) else ""
        if by is not None and below != by:
            bad.append(f"the PDF's contents give '{below}' under "
                       f"'{title}', the e-book '{by}'")
    return bad


def check_index(epub, pdf):
    terms = [squash(t) for t in re.findall(
        r'<span epub:type="index-term">(.*?)</span>',
        epub.page("index.xhtml"))]
    page = pdf.find("Index of Names")
    text = " ".join(pdf.flat(i) for i in range(page, len(pdf.pages)))
    found = [text.find(t + " ") for t in terms]
    bad = [f"the PDF's index lacks '{t}'" for t, at in zip(terms, found)
           if at < 0]
    if not bad and found != sorted(found):
        bad.append("the indexes order their headings differently")
    if not terms:
        bad.append("the e-book's index has no heading")
    return bad


def main():
    epub, pdf, what = Epub(sys.argv[1]), Pdf(sys.argv[2]), sys.argv[3]
    bad = {"titlepage": check_titlepage, "imprint": check_imprint,
           "heads": check_heads, "contents": check_contents,
           "index": check_index}[what](epub, pdf)
    for b in bad:
        print(b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
