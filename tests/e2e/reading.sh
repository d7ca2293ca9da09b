#!/bin/sh
# The EPUB as reading systems and the accessibility checker see it: DAISY
# Ace on the sample edition and on a corpus book (no critical, serious or
# moderate issue, and a conformance claim); the title page, a chapter and
# the index rendered in headless Chromium parsed as XHTML and as HTML,
# their styles the same (styles.js); every note shown by a reader that
# hides footnote asides; and the ids of a chapter unchanged by an edit
# in another.
#
# Environment: OCTAVO (the binary), BUILD (the build folder), TOOLS (the
# tests' tools from npm, scripts/install-deps --test: build/tools).
set -u

TOOLS=${TOOLS:-build/tools}
MANIFEST=manuscript/edition.ini
if [ ! -x "$TOOLS/node_modules/.bin/ace-puppeteer" ]; then
	echo "reading.sh: no DAISY Ace in $TOOLS: run scripts/install-deps --test" >&2
	exit 1
fi
SUITE=reading
. "$(dirname "$0")/lib.sh"
NODE_PATH=$(cd "$TOOLS/node_modules" && pwd) && export NODE_PATH
PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium && export PUPPETEER_EXECUTABLE_PATH

# The counts of the last Ace check, under it, when it passed.
counts() {
	[ "$last_ok" -eq 1 ] || return 0
	sed 's/^/       /' "$T/last.out" | head -n 1
}

# ace NAME EPUB: DAISY Ace's report on EPUB, held to tests/e2e/ace.py.
ace() {
	"$NODE_PATH/.bin/ace-puppeteer" --silent --force --outdir "$T/ace-$1" \
	    --tempdir "$TMPDIR" "$2" >"$T/ace-$1.out" 2>&1
	test -s "$T/ace-$1/report.json" || { cat "$T/ace-$1.out"; return 1; }
	python3 tests/e2e/ace.py "$T/ace-$1/report.json"
}

SOURCE_DATE_EPOCH=1700000000 "$OCTAVO" build -q --epub "$T/a.epub" \
    --pdf "$T/a.pdf" "$MANIFEST" 2>"$T/a.err"
check "the sample builds" test $? -eq 0
book=tests/corpus/beethoven-letters
SOURCE_DATE_EPOCH=1700000000 "$OCTAVO" build -q --epub "$T/corpus.epub" \
    --pdf "$T/corpus.pdf" "$book/edition.ini" 2>"$T/corpus.err"
check "$(basename "$book") builds" test $? -eq 0

# --- DAISY Ace ------------------------------------------------------------
check "Ace: the sample, no critical, serious or moderate issue" \
    ace sample "$T/a.epub"
counts
check "Ace: $(basename "$book"), no critical, serious or moderate issue" \
    ace corpus "$T/corpus.epub"
counts

# --- parsed as XHTML and as HTML ------------------------------------------
mkdir -p "$T/book" && unzip -q -o "$T/a.epub" -d "$T/book"
chapter=chapter-exile.xhtml
check "render: the title page is centred, parsed as XHTML or HTML" \
    node tests/e2e/styles.js "$T/book" titlepage
check "render: the index hangs without bullets, as XHTML or HTML" \
    node tests/e2e/styles.js "$T/book" index
check "render: a chapter's opening, references and notes, as XHTML or HTML" \
    node tests/e2e/styles.js "$T/book" chapter "$chapter"
check "render: page-break markers hold no text, as XHTML or HTML" \
    node tests/e2e/styles.js "$T/book" markers "$chapter"
for page in chapter-bloc.xhtml chapter-exile.xhtml; do
	check "render: $page's notes shown by a reader that hides footnote asides" \
	    node tests/e2e/styles.js "$T/book" hidden "$page"
done

# --- ids --------------------------------------------------------------------
# A paragraph of the first chapter grows by a sentence naming four
# people: the third chapter's ids are what they were, but for the page
# markers', which name print pages.
mkdir -p "$T/edit" && cp -r manuscript/. "$T/edit/"
sed -i '9s/$/ In 1926 Trotsky, Zinoviev and Kamenev opposed Stalin and Bukharin./' \
    "$T/edit/sources/trotsky-left-opposition.txt"
SOURCE_DATE_EPOCH=1700000000 "$OCTAVO" build -q --epub "$T/edit.epub" \
    --pdf "$T/edit.pdf" "$T/edit/edition.ini" 2>"$T/edit.err"
check "the edited sample builds" test $? -eq 0
ids() {
	unzip -p "$1" "OEBPS/$2" | grep -o ' id="[^"]*"' | grep -v '"page-'
}
unzip -p "$T/edit.epub" OEBPS/chapter-left-opposition.xhtml >"$T/edit.one"
check "ids: the edit is in chapter 1, with its names" \
    grep -q 'In 1926 <span id="ix-[0-9]*"></span>Trotsky' "$T/edit.one"
ids "$T/a.epub" chapter-bloc.xhtml >"$T/ids.before"
ids "$T/edit.epub" chapter-bloc.xhtml >"$T/ids.after"
check "ids: chapter 3's ids, some hundreds, unchanged by an edit in chapter 1" \
    sh -c "[ \$(wc -l <'$T/ids.before') -gt 200 ] &&
    diff '$T/ids.before' '$T/ids.after'"

summary
