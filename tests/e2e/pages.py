#!/usr/bin/env python3
"""pages.py EPUB PDF -- do the e-book's print pages match the PDF's?

Reads the page list of EPUB's navigation and, through pdftotext, the
pages of PDF, and checks that
  - every entry of the page list leads to a page-break marker;
  - the text after each marker begins the PDF page with that number,
    after its running head and folio if it has them (compared as
    letters only: spacing, hyphens and note numbers differ; in the
    index, the entry's heading, perhaps under the title, or, on a page
    that goes on with an entry's page numbers, the first), unless
    the marker follows a note reference (the page holds only the rest
    of that note, which the e-book sets at the chapter's end);
  - a marker followed at once by the next one is a blank page of the
    PDF (a verso left empty before a chapter);
  - no page number between the first and the last is missing;
  - the prelims' pages i, ii, … are listed, each with its marker, as
    many as the PDF has before the text.
The PDF's folios start after its prelims: the offset is the one that
matches most markers.  Exits 0 if all holds, else 1, listing failures.
"""
import collections
import html
import re
import subprocess
import sys
import zipfile

from pdflinks import roman

LETTERS = 14        # letters after a marker that must begin its page
BLANK = "(blank)"


def letters(s):
    return "".join(c for c in s if c.isalpha())


def is_folio(line):
    return re.fullmatch(r"[0-9]+|[ivxlc]+", line) is not None


def bodies(pdf):
    """Each page's text, from the first line that is neither a running
    head (a line that opens three pages or more, or stands beside the
    folio in the page's first two lines) nor a folio.  A chapter's title opens
    its first page as well as its rectos."""
    split = [[ln.strip() for ln in p.split("\n") if ln.strip()]
             for p in pdf]
    heads = collections.Counter(ln for lines in split for ln in lines[:4])
    out = []
    for lines in split:
        i = 0
        # A verso's head follows its folio, a recto's comes before it.
        if len(lines) > 2 and (is_folio(lines[0]) or is_folio(lines[1])):
            i = 2
        while i < len(lines) and (not letters(lines[i]) or
                                  heads[lines[i]] >= 3):
            i += 1
        out.append(" ".join(lines[i:]))
    return out


def marker_text(book, href):
    """The letters after the marker href points at ("" if it follows
    a note reference, BLANK if the next marker follows it at once), or
    None if there is no marker."""
    file, ident = href.split("#")
    x = book.read("OEBPS/" + file).decode()
    at = x.find(f'id="{ident}"')
    if at < 0 or "pagebreak" not in x[x.rfind("<", 0, at):at]:
        return None
    if x[:x.rfind("<", 0, at)].endswith("</sup>"):
        return ""
    end = x.index("</span>", at) + len("</span>")
    if re.match(r'\s*<span[^>]*doc-pagebreak', x[end:]):
        return BLANK
    rest = re.sub(r"<sup>.*?</sup>", "", x[end:], 0, re.S)
    if file == "index.xhtml":
        number = re.match(r'\s*<a epub:type="index-locator"[^>]*>([0-9]+)',
                          rest)
        if number:                  # amid an entry's page numbers
            return "#" + number.group(1)
        rest = rest[:rest.index("</span>")]     # the entry's heading
    return letters(html.unescape(re.sub(r"<[^>]*>", " ", rest)))[:LETTERS]


def main():
    book = zipfile.ZipFile(sys.argv[1])
    nav = book.read("OEBPS/nav.xhtml").decode()
    found = re.search(r'<nav[^>]*epub:type="page-list".*?</nav>', nav, re.S)
    if found is None:
        sys.exit("no page list in the navigation")
    listed_all = re.findall(r'<a href="([^"]+)">([^<]+)</a>',
                            found.group(0))
    entries = [(int(label), marker_text(book, href))
               for href, label in listed_all if label.isdigit()]
    prelims = [(label, href) for href, label in listed_all
               if not label.isdigit()]
    pdf = subprocess.run(["pdftotext", sys.argv[2], "-"], check=True,
                         capture_output=True, text=True).stdout.split("\f")
    whole, raw = [letters(p) for p in pdf], bodies(pdf)
    pages = [letters(p) for p in raw]
    bad = [f"page {n}: no marker" for n, text in entries if text is None]

    def begins(n, text, front):
        i = n - 1 + front
        if not 0 <= i < len(pages):
            return False
        if text == BLANK:
            return pages[i] == ""
        if text.startswith("#"):
            return re.match(text[1:] + r"(?![0-9])", raw[i]) is not None
        # An index page may open with the index's title above.
        return (pages[i].startswith(text) or whole[i].startswith(text) or
                text in pages[i][:len(text) + len("IndexofNames")])

    front = max(range(len(pages)), key=lambda f: sum(
        begins(n, t, f) for n, t in entries if t is not None))
    bad += [f"page {n}: '{t}' does not begin PDF page {n + front}"
            for n, t in entries if t is not None and not begins(n, t, front)]
    listed = {n for n, _ in entries}
    bad += [f"page {n}: not in the page list"
            for n in range(min(listed), max(listed)) if n not in listed]
    # The prelims: i, ii, … each with its marker, one per PDF page
    # before the text's first.
    romans = [roman(n) for n in range(1, front + 1)]
    if [label for label, _ in prelims] != romans:
        bad.append(f"prelims listed {[l for l, _ in prelims]}, "
                   f"not {romans}")
    bad += [f"page {label}: no marker" for label, href in prelims
            if marker_text(book, href) is None]
    blank = sum(t == BLANK for _, t in entries)
    print(f"{len(prelims)} prelims and {len(entries)} pages listed, "
          f"{blank} blank; the PDF's page 1 is its page {front + 1}")
    for b in bad[:20]:
        print(b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
