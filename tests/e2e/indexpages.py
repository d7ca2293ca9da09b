#!/usr/bin/env python3
"""indexpages.py PDF NAMES-INDEX NAMES [EPUB [MIN]] -- does every page the index
gives print the name?

NAMES-INDEX is `octavo index`'s plain text (each heading, its locators,
and its print pages), NAMES the list of names it was made from.  For
every heading and sub-heading, every page it gives is looked up in PDF
(its text block: running heads left out, words broken by a hyphen at a
line's end joined again), and must print one of the heading's forms
(or end with its first words, when a note or the text goes on to the
next page): the forms its list entry gives (`forms:`, `in …:`, `at …:`), the ones
its heading implies ("Forenames Surname", "Surname"), and those of the
headings that refer to it with `see:`.  A page given as "12n" is found
the same way: the note's text is on that page.

Exits 1 also if fewer than MIN pages (a fifth argument; 1000 if none)
were checked.  With EPUB, also: the pages of each heading are the same in the EPUB's
index as in NAMES-INDEX (the two come from the layout by different
roads: the page of each mark's anchor, and the line each mark falls in).

Exits 0 if all holds, else 1, listing each page that does not name its
heading.
"""
import html
import re
import sys
import unicodedata
import zipfile

from pdflinks import roman, Pdf


def fold(s):
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def bare(heading):
    """A heading without its gloss: "Smirnov, Ivan (1881–1936)" →
    "Smirnov, Ivan"."""
    return re.sub(r"\s*\(.*$", "", heading).strip()


def implied(heading):
    sur, comma, fore = heading.partition(",")
    if not comma:
        return [heading]
    return [sur.strip(), f"{fore.strip()} {sur.strip()}"]


def read_names(path):
    """heading → set of forms, with sub-headings as "HEADING / SUB"."""
    forms, see = {}, []
    head = cur = None
    for raw in open(path, encoding="utf-8"):
        line = re.sub(r"\s+#.*$", "", raw.rstrip("\n"))
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            head = None if line.startswith("!") else bare(line)
            cur = head
            if head is not None:
                forms.setdefault(head, set()).update(implied(head))
            continue
        if head is None:
            continue
        s = line.strip()
        if s.startswith("- "):
            cur = f"{head} / {s[2:].strip()}"
            forms.setdefault(cur, set())
            continue
        m = re.match(r"^(forms|in [^:]+|at [^:]+:[0-9#]+|see|see also|sort):"
                     r"\s*(.*)$", s)
        if m is None:
            continue
        key, value = m.group(1), m.group(2)
        if key == "see":
            see.append((head, value.strip()))
        elif key not in ("see also", "sort"):
            forms[cur].update(f.strip() for f in value.split(";")
                              if f.strip())
    for src, dst in see:
        forms.setdefault(dst, set()).update(forms.get(src, ()))
    return forms


def from_roman(r):
    """The value of a lower-case roman numeral."""
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500,
              "m": 1000}
    n = prev = 0
    for d in reversed(r):
        v = values[d]
        n += -v if v < prev else v
        prev = max(prev, v)
    return n


def labels(part):
    """The page labels a locator gives: "12", "vii", a range "45–47"
    or "vii–ix" spread out."""
    arabic = [int(x) for x in re.findall(r"[0-9]+", part)]
    if arabic:
        return [str(n) for n in range(arabic[0], arabic[-1] + 1)]
    ends = [from_roman(x) for x in re.findall(r"[ivxlcdm]+", part)]
    return [roman(n) for n in range(ends[0], ends[-1] + 1)] if ends else []


def read_pages(path):
    """heading → print page labels, sub-headings as in read_names."""
    pages = {}
    head = cur = None
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        if not line[0].isspace():
            head = cur = bare(line)
            continue
        s = line.strip()
        indent = len(line) - len(line.lstrip())
        if s.startswith("pages "):
            for part in s[6:].split(","):
                if labels(part):
                    pages.setdefault(cur, set()).update(labels(part))
        elif indent == 2 and not re.match(
                r"^([a-z0-9-]+ (¶|n\.|intro ¶)|see )", s):
            cur = f"{head} / {s}"
    return pages


def epub_pages(path):
    """heading → the print pages the EPUB's index links, sub-headings as
    in read_names."""
    x = zipfile.ZipFile(path).read("OEBPS/index.xhtml").decode()
    pages, stack = {}, []
    for m in re.finditer(r'(<li epub:type="index-entry")|(</li>)|'
                         r'<span epub:type="index-term">(.*?)</span>|'
                         r'<a epub:type="index-locator"[^>]*>'
                         r'([0-9]+|[ivxlcdm]+)',
                         x):
        if m.group(1):
            stack.append(None)
        elif m.group(2):
            stack.pop()
        elif m.group(3) is not None:
            stack[-1] = html.unescape(m.group(3))
        else:
            pages.setdefault(" / ".join(stack), set()).add(m.group(4))
    return pages


def page_text(pdf, page, path):
    """A page's text block as one folded string."""
    top = pdf.height * 0.075             # the running head's band
    words = [w for w in pdf.words(page, path) if pdf.height - w[3] > top]
    text = ""
    for i, w in enumerate(words):
        t = w[4]
        last = i + 1 == len(words) or words[i + 1][3] < w[1]
        if last and t.endswith("-") and i + 1 < len(words) and \
                words[i + 1][4][:1].islower():
            text += t[:-1]
        else:
            text += t + (" " if not (last and t.endswith("-")) else "")
    return fold(text)


def main():
    pdf_path, index_path, names_path = sys.argv[1:4]
    pdf = Pdf(pdf_path)
    forms = read_names(names_path)
    pages = read_pages(index_path)
    folio = {label: i for i, label in enumerate(pdf.labels)}
    texts, bad, checked = {}, [], 0
    for heading, numbers in sorted(pages.items()):
        own = forms.get(heading, set())
        if " / " in heading:
            own = own | forms.get(heading.split(" / ")[0], set())
        if not own:
            bad.append(f"{heading}: not in the list of names")
            continue
        pats = [re.compile(r"(?<!\w)" + r"\s*".join(
            re.escape(fold(p)) for p in f.split()) + r"(?!\w)")
            for f in own]
        # A note or the text that goes on to the next page may end this
        # one inside the name: the page, or its text before its notes
        # (each begun by its number, "111."), then ends with the name's
        # first words.
        pats += [re.compile(r"(?<!\w)" + r"\s*".join(
            re.escape(fold(p)) for p in f.split()[:k]) +
            r"\W*(?:$|\d+\.\s)")
            for f in own for k in range(1, len(f.split()))]
        for n in sorted(numbers):
            page = folio.get(n)
            if page is None:
                bad.append(f"{heading}: page {n} does not exist")
                continue
            if page not in texts:
                texts[page] = page_text(pdf, page, pdf_path)
            checked += 1
            if not any(p.search(texts[page]) for p in pats):
                bad.append(f"{heading}: page {n} does not print it")
    if len(sys.argv) > 4:
        theirs = epub_pages(sys.argv[4])
        bad += [f"{h}: EPUB {sorted(theirs.get(h, ()))}, "
                f"index {sorted(pages.get(h, ()))}"
                for h in sorted(set(pages) | set(theirs))
                if pages.get(h) != theirs.get(h)]
    print(f"{checked} pages of {len(pages)} headings checked, "
          f"{len(bad)} wrong")
    for b in bad[:30]:
        print(b)
    least = int(sys.argv[5]) if len(sys.argv) > 5 else 1000
    sys.exit(1 if bad or checked < least else 0)


if __name__ == "__main__":
    main()
