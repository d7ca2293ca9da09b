#!/usr/bin/env python3
"""compare.py EPUB NAMES-INDEX -- octavo's index against a human's.

tests/index/human.json is an index of personal names made by hand, by
indexers who did not see octavo's list of names, for the five chapters:
for each paragraph, the people it names, as [paragraph, "Surname,
Forename"] pairs.  Paragraphs are numbered as here: every non-empty p,
h1-h6 or li of the chapter's XHTML, header, introduction and notes
included, from 1.

octavo's pairs come from its plain-text index (octavo index: CHAPTER ¶N
is the Nth block of the chapter's text, CHAPTER intro ¶N of its
introduction, CHAPTER n.N note N), mapped to the same numbering through
the EPUB.  A pair matches if the paragraph is
the same and the surnames are (accents and case aside; a few spellings
of one person, checked by hand, are listed below), with the same first
initial where both give one.

Prints recall (the human's pairs octavo has) and precision (octavo's
pairs the human has) and the differences; exits 1 if either is under
95 %.
"""
import html
import json
import os
import re
import sys
import unicodedata
import zipfile

CHAPTERS = ["left-opposition", "chimes", "bloc", "exile", "moscow-trials"]
# One person, two spellings (the human's → octavo's heading).
ALIAS = {"goltsman": "holtzman", "blyumkin": "blumkin",
         "heijenoort": "vanheijenoort", "lifshitz": "livshits",
         "kossior": "kosior", "nikolayev": "nikolaev",
         "kotsiubynsky": "kotsiubinsky", "bonaparte": "napoleoni",
         "vanderlinden": "linden", "sharov": "charov",
         "kuzmichev": "kusmichev", "shmidt": "schmidt"}
# One person, forenames spelt or given two ways: Georgy "Yuri" Pyatakov,
# Evgeny/Yevgeni Preobrazhensky, Grigory "Sergo" Ordzhonikidze, Evno/Yevno
# Azev.
ANYFORE = {"pyatakov", "preobrazhensky", "ordzhonikidze", "azev"}
LIMIT = 95.0


def key(heading):
    h = unicodedata.normalize("NFKD", heading)
    h = "".join(c for c in h if not unicodedata.combining(c)).lower()
    sur, _, fore = h.partition(",")
    sur = re.sub(r"[^a-z]", "", sur)
    sur = ALIAS.get(sur, sur)
    fore = "" if sur in ANYFORE else fore.strip()[:1]
    return sur, fore


def same(a, b):
    return a[0] == b[0] and (not a[1] or not b[1] or a[1] == b[1])


def blocks(xhtml):
    """(offset, text) of each non-empty block, the end of the header, the
    introduction's span (its own heading left out), and the start of the
    notes."""
    body = xhtml[xhtml.find("<body"):]
    body = re.sub(r'<span epub:type="pagebreak"[^>]*></span>', "", body)
    # A note is an item of the notes' list: its paragraphs are the blocks.
    body = re.sub(r'<li (id="note-[^"]+")[^>]*>', r"<aside \1>", body)
    out = []
    for m in re.finditer(r"<(p|h[1-6]|li)\b[^>]*>(.*?)</\1>", body, re.S):
        text = html.unescape(re.sub(r"<[^>]+>", "", m.group(2))).strip()
        if text:
            out.append(m.start())
    asides = [(m.start(), m.group(1)) for m in
              re.finditer(r'<aside id="note-([^"]+)"', body)]
    m = re.search(r'<section class="preface".*?</h2>(.*?)</section>',
                  body, re.S)
    intro = (m.start(), m.start(1), m.end(1)) if m else (-1, -1, -1)
    return out, body.find("</header>"), intro, \
        body.find('epub:type="endnotes"'), asides


def numbering(xhtml):
    """Maps octavo's ¶N, intro ¶N and note marks to the paragraph
    numbers; and each paragraph of a note to its first, since octavo's
    locator is the note."""
    offs, header, intro, notes, asides = blocks(xhtml)
    para, pref, note, first = {}, {}, {}, {}
    k = i = 0
    for n, pos in enumerate(offs, 1):
        if pos < header or intro[0] <= pos < intro[1]:
            continue            # the header, the introduction's heading
        if intro[1] <= pos < intro[2]:
            i += 1
            pref[i] = n
        elif notes < 0 or pos < notes:
            k += 1
            para[k] = n
        else:
            owner = [a for a in asides if a[0] < pos]
            if owner:
                note.setdefault(owner[-1][1], n)
                first[n] = note[owner[-1][1]]
    return para, pref, note, first


def octavo_pairs(index_text, chapter, para, pref, note):
    pairs = set()
    head = None
    for line in index_text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            head = re.sub(r" \(.*$", "", line).strip()
            continue
        s = line.strip()
        if not re.match(r"^[a-z-]+ (¶|n\.|intro ¶)", s) and \
                not line.startswith("    "):
            continue            # pages, see, see also, a sub-heading
        chap = None
        for part in re.split(r"[;,] ", s):
            m = re.match(r"^([a-z-]+) (.*)$", part)
            if m and m.group(1) != "intro" and m.group(2)[:1] in "¶ni":
                chap, part = m.group(1), m.group(2)
            if chap != chapter:
                continue
            if part.startswith("intro ¶"):
                p = pref.get(int(part[7:]))
            elif part.startswith("¶"):
                p = para.get(int(part[1:]))
            elif part.startswith("n."):
                p = note.get("author" if part[2:] == "*" else part[2:])
            else:
                continue
            if p is not None:
                pairs.add((p, key(head)))
    return pairs


def main():
    book = zipfile.ZipFile(sys.argv[1])
    index_text = open(sys.argv[2], encoding="utf-8").read()
    human = json.load(open(os.path.join(os.path.dirname(__file__),
                                        "human.json"), encoding="utf-8"))
    found = wanted = confirmed = listed = 0
    for ch in CHAPTERS:
        xhtml = book.read(f"OEBPS/chapter-{ch}.xhtml").decode()
        para, pref, note, first = numbering(xhtml)
        mine = octavo_pairs(index_text, ch, para, pref, note)
        theirs = {(first.get(p, p), key(h)) for p, h in human[ch]}
        miss = sorted(x for x in theirs if not any(
            x[0] == y[0] and same(x[1], y[1]) for y in mine))
        extra = sorted(x for x in mine if not any(
            x[0] == y[0] and same(x[1], y[1]) for y in theirs))
        wanted += len(theirs)
        found += len(theirs) - len(miss)
        listed += len(mine)
        confirmed += len(mine) - len(extra)
        print(f"{ch}: human {len(theirs)}, octavo {len(mine)}; "
              f"missed {miss}; not in the human's {extra}")
    recall, precision = 100 * found / wanted, 100 * confirmed / listed
    print(f"recall {recall:.1f}%, precision {precision:.1f}%")
    sys.exit(0 if recall >= LIMIT and precision >= LIMIT else 1)


if __name__ == "__main__":
    main()
