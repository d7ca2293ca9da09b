#!/usr/bin/env python3
"""draft-compare.py REFERENCE DRAFT TEXTDIR -- a drafted list against a
list of names made by hand.

REFERENCE is an authority list written by an editor (manuscript/
names.txt), DRAFT the list 'octavo names' drafted from the same text
without it, TEXTDIR the chapters as 'octavo normalize' writes them
(only to tell which of the reference's forms the text has).  People
only: the reference's '!' entries and sub-headings are left out.

A heading is "Surname, Forenames"; two headings match when their
surnames' last words are the same (accents, case and punctuation
aside) and so are their forenames' initials, where both give one.  A
reference entry matches by its heading or by any of its forms, under
'forms:', 'in' or 'at' (Jacob Blumkin for "Blumkin, Yakov", Olga for
the "Kameneva, Olga" of 'at left-opposition:175: Olga'); each draft
heading matches at most one entry, the closest.  A 'see:' entry and the
one it points to are one person: finding either finds both.

Prints, and with --check holds to the limits:
  recall     the reference's headings matched by a draft heading: those
             the draft is sure of, and all (its commented-out ones too);
  precision  the draft's sure headings that match a person of the
             reference (a second heading for one person counts, and is
             listed as a duplicate);
  forms      the reference's variant forms ('forms:') that the text has,
             listed under (or implied by) a draft heading matched to
             their entry.
"""
import argparse
import os
import re
import sys
import unicodedata

UNSURE = "# ---- unsure"
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def fold(word):
    """A word as the matcher compares it: no accents, lower case, no 's."""
    w = unicodedata.normalize("NFKD", word.replace("’", "'"))
    w = "".join(c for c in w if not unicodedata.combining(c)).lower()
    return w[:-2] if w.endswith("'s") and len(w) > 2 else w


def signature(form):
    return " ".join(fold(w) for w in WORD.findall(form))


def strip_comment(line):
    m = re.search(r"(^|[ \t])#", line)
    return (line[:m.start()] if m else line).rstrip()


class Entry:
    def __init__(self, heading, line):
        self.heading = heading
        self.line = line
        self.forms = []         # 'forms:' items
        self.rules = []         # 'in' and 'at' items
        self.see = None

    def surname_key(self):
        name = self.heading.split("(")[0].strip()
        sur, comma, fore = name.partition(",")
        words = sur.split()
        if not comma:
            while len(words) > 1 and re.fullmatch(r"[IVX]+", words[-1]):
                words.pop()
        last = words[-1] if words else sur
        key = re.sub(r"[^a-z]", "", fold(last))
        fore = fore.strip()
        return key, (fold(fore)[0] if comma and fore else None)

    def keys(self):
        """(surname, initial) of the heading, then of each form."""
        out = [self.surname_key()]
        for form in self.forms + self.rules:
            words = WORD.findall(form)
            if not words or not words[-1][0].isupper():
                continue
            key = re.sub(r"[^a-z]", "", fold(words[-1]))
            out.append((key, fold(words[0])[0] if len(words) > 1 else None))
        return out

    def implied(self):
        """The signatures of every form this entry claims."""
        name = self.heading.split("(")[0].strip()
        sur, comma, fore = name.partition(",")
        sigs = {signature(sur)}
        if comma and fore.strip():
            sigs.add(signature(fore.strip() + " " + sur.strip()))
        for form in self.forms + self.rules:
            sigs.add(signature(form))
        return sigs


def parse(text):
    """The people of a list: main headings, '!' and sub-headings left out."""
    people, cur, sub = [], None, False
    for n, raw in enumerate(text.split("\n"), 1):
        line = strip_comment(raw)
        body = line.lstrip()
        if not body:
            continue
        if body == line:
            sub = False
            cur = None if body.startswith("!") else Entry(body, n)
            if cur:
                people.append(cur)
            continue
        if cur is None:
            continue
        if body.startswith("- "):
            sub = True
            continue
        if sub:
            continue
        key, _, items = body.partition(":")
        if body.startswith("at "):
            m = re.match(r"at [^:]+:\d+(#\d+)?:(.*)", body)
            items = m.group(2) if m else ""
        items = [i.strip() for i in items.split(";") if i.strip()]
        if key == "forms":
            cur.forms += items
        elif key.startswith("in ") or body.startswith("at "):
            cur.rules += items
        elif key == "see":
            cur.see = items[0] if items else None
    return people


def uncomment_unsure(text):
    """The draft with its commented-out entries taken in."""
    out, unsure = [], False
    for line in text.split("\n"):
        if line.startswith(UNSURE):
            unsure = True
        elif unsure and line.startswith("# "):
            line = line[2:]
        out.append(line)
    return "\n".join(out)


def match(ref, draft):
    """Each draft heading to at most one reference entry: the closest.

    Tiers: the heading's surname and initial; the same through one of
    the entry's forms; then a surname where one side has no initial.
    Returns {draft index: reference index}, and the duplicates (draft
    headings of a person another draft heading already matched)."""
    keys = [r.keys() for r in ref]
    taken, pairs, dups = set(), {}, {}
    for tier in range(3):
        for d, entry in enumerate(draft):
            if d in pairs:
                continue
            dk, di = entry.surname_key()
            for r, rkeys in enumerate(keys):
                ks = rkeys[:1] if tier == 0 else rkeys
                ok = any(k == dk and (i == di if tier < 2 else
                                      (i is None or di is None or i == di))
                         for k, i in ks)
                if not ok:
                    continue
                if r in taken:
                    dups.setdefault(d, r)
                    continue
                pairs[d] = r
                taken.add(r)
                dups.pop(d, None)
                break
    return pairs, {d: r for d, r in dups.items() if d not in pairs}


def same_person(ref, found):
    """found, with each 'see:' entry and the entry it points to."""
    heads = {e.heading.split("(")[0].strip(): r for r, e in enumerate(ref)}
    out = set(found)
    for r, e in enumerate(ref):
        to = heads.get(e.see) if e.see else None
        if to is not None and (r in found or to in found):
            out.update((r, to))
    return out


def text_ngrams(textdir):
    """Every run of up to eight words of the text that stands as a name
    of its own (no capitalised word just before or after it), folded,
    with whether each word is capitalised: {folded run: {capitals}}."""
    grams = {}
    for name in sorted(os.listdir(textdir)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(textdir, name), encoding="utf-8") as f:
            text = f.read()
        spans = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
        words = [w for _, _, w in spans]
        folded = [fold(w) for w in words]

        def joined(a, b):
            gap = text[spans[a][1]:spans[b][0]]
            return re.fullmatch(r"\.? ?", gap) is not None and \
                words[a][0].isupper() and words[b][0].isupper()

        for i in range(len(words)):
            for n in range(1, 9):
                if i + n > len(words):
                    break
                if i > 0 and joined(i - 1, i) or \
                        i + n < len(words) and joined(i + n - 1, i + n):
                    continue
                grams.setdefault(" ".join(folded[i:i + n]), set()).add(
                    tuple(w[0].isupper() for w in words[i:i + n]))
    return grams


def in_text(form, grams):
    words = WORD.findall(form)
    sig = " ".join(fold(w) for w in words)
    caps = [w[0].isupper() for w in words]
    return any(all(t or not c for t, c in zip(tcaps, caps))
               for tcaps in grams.get(sig, ()))


def percent(n, d):
    return 100.0 * n / d if d else 100.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("reference")
    ap.add_argument("draft")
    ap.add_argument("textdir")
    ap.add_argument("--check", action="store_true",
                    help="exit 1 if a measure is under its limit")
    ap.add_argument("--recall", type=float, default=95.0)
    ap.add_argument("--precision", type=float, default=85.0)
    ap.add_argument("--forms", type=float, default=90.0)
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list what was missed")
    a = ap.parse_args()
    with open(a.reference, encoding="utf-8") as f:
        ref = parse(f.read())
    with open(a.draft, encoding="utf-8") as f:
        text = f.read()
    sure = parse(text)
    every = parse(uncomment_unsure(text))
    grams = text_ngrams(a.textdir)

    pairs, dups = match(ref, sure)
    all_pairs, _ = match(ref, every)
    found = same_person(ref, set(pairs.values()))
    found_all = same_person(ref, set(all_pairs.values()))
    recall = percent(len(found), len(ref))
    recall_all = percent(len(found_all), len(ref))
    precision = percent(len(pairs) + len(dups), len(sure))

    owned = {}
    for d, r in list(pairs.items()) + list(dups.items()):
        for q in same_person(ref, {r}):
            owned.setdefault(q, set()).update(sure[d].implied())
    forms = right = 0
    wrong = []
    for r, entry in enumerate(ref):
        for form in entry.forms:
            if not in_text(form, grams):
                continue
            forms += 1
            if signature(form) in owned.get(r, ()):
                right += 1
            else:
                wrong.append("%s: %s" % (entry.heading.split("(")[0].strip(),
                                         form))
    clustered = percent(right, forms)

    print("recall: %.1f%% of the reference's %d headings among the draft's "
          "sure ones, %.1f%% among all" % (recall, len(ref), recall_all))
    print("precision: %.1f%% of the draft's %d sure headings are people of "
          "the reference (%d a second heading for one)" % (
              precision, len(sure), len(dups)))
    print("forms: %.1f%% of the reference's %d variant forms in the text "
          "under the right heading" % (clustered, forms))
    if a.verbose:
        print("\nmissed (not among the sure):")
        for r, e in enumerate(ref):
            if r not in found:
                print("  %s%s" % (e.heading, "" if r not in found_all else
                                  "   [commented out]"))
        print("\nnot people of the reference:")
        for d, e in enumerate(sure):
            if d not in pairs and d not in dups:
                print("  %s" % e.heading)
        print("\nduplicates:")
        for d, r in sorted(dups.items()):
            print("  %s  (%s)" % (sure[d].heading, ref[r].heading))
        print("\nforms not under their heading:")
        for w in wrong:
            print("  " + w)
    if a.check:
        bad = [name for name, value, limit in (
            ("recall", recall_all, a.recall),
            ("precision", precision, a.precision),
            ("forms", clustered, a.forms)) if value < limit]
        if bad:
            print("under the limit: " + ", ".join(bad))
            sys.exit(1)


if __name__ == "__main__":
    main()
