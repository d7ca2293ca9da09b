#!/bin/sh
# Books of other shapes than the sample: the book written in Markdown
# (tests/markdown-book/: a manifest of metadata and file names only; a
# dedication, an epigraph, an introduction, five chapters), built with
# chapters opening on rectos and again on any page, so that they begin
# on versos too; and a book with a foreword, a preface and an appendix
# (tests/e2e/front/).  Each builds without a warning, passes epubcheck,
# and holds to its expect file (matter.py): titles from headings, each
# chapter typed and placed by its role, the page list in reading order.
# Last, two Markdown chapters with a pipe table, an image and links
# between them (tests/e2e/tables/), held to what each output makes of
# them.
#
# Environment: OCTAVO (the binary), BUILD (the build folder).
set -u

SUITE=books
. "$(dirname "$0")/lib.sh"

# book NAME MANIFEST EXPECT: builds the book and checks it.
book() {
	bk=$1 manifest=$2 expect=$3
	SOURCE_DATE_EPOCH=1700000000 "$OCTAVO" build --epub "$T/$bk.epub" \
	    --pdf "$T/$bk.pdf" "$manifest" 2>"$T/$bk.err"
	check "$bk: builds" test $? -eq 0
	check "$bk: no error, no warning" \
	    grep -q "^octavo: 0 errors, 0 warnings" "$T/$bk.err"
	$EPUBCHECK "$T/$bk.epub" >"$T/$bk.epubcheck" 2>&1
	check "$bk: epubcheck 0/0/0" grep -q \
	    'Messages: 0 fatals / 0 errors / 0 warnings / 0 infos' \
	    "$T/$bk.epubcheck"
	check "$bk: titles from headings, chapters placed by their roles" \
	    python3 tests/e2e/matter.py "$expect" "$manifest" \
	    "$T/$bk.epub" "$T/$bk.pdf"
	check "$bk: each print page's marker where the PDF's page begins" \
	    python3 tests/e2e/pages.py "$T/$bk.epub" "$T/$bk.pdf"
	check "$bk: page labels i, ii… then 1, 2…" \
	    python3 tests/e2e/pdflinks.py "$T/$bk.pdf" labels
	check "$bk: the contents link to the folios they print" \
	    python3 tests/e2e/pdflinks.py "$T/$bk.pdf" contents
}

book markdown tests/markdown-book/edition.ini tests/markdown-book/expect
check "markdown: the manifest names files, no titles" \
    sh -c "! grep -Eq '^(title|role|split) *=' tests/markdown-book/edition.ini"
check "markdown: every footnote on its reference's page, linked both ways" \
    python3 tests/e2e/pdflinks.py "$T/markdown.pdf" notes 11
check "markdown: the dedication's page has no heading" \
    sh -c "pdftotext -f 5 -l 5 '$T/markdown.pdf' - | grep -q 'For the keepers' &&
    ! pdftotext -f 5 -l 5 '$T/markdown.pdf' - | grep -q Dedication"
check "markdown: the imprint cites no source" \
    sh -c "! unzip -p '$T/markdown.epub' OEBPS/imprint.xhtml | grep -q Sources"

# The same book, its chapters opening on whatever page comes next.
mkdir -p "$T/any" && cp tests/markdown-book/*.md "$T/any/" &&
    sed 's/^chapter-opens = recto$/chapter-opens = any/' styles/print.ini \
    >"$T/any/print.ini" &&
    cp styles/epub.css styles/cover.ini "$T/any/" &&
    sed 's/^\[edition\]$/&\nprint-style = print.ini\nepub-style = epub.css/' \
    tests/markdown-book/edition.ini >"$T/any/edition.ini"
check "any: its style opens chapters on any page" \
    grep -qx 'chapter-opens = any' "$T/any/print.ini"
book any "$T/any/edition.ini" tests/markdown-book/expect-any
check "any: chapters open on versos as well as rectos" \
    grep -Eq '[02468]$' tests/markdown-book/expect-any

book front tests/e2e/front/edition.ini tests/e2e/front/expect
"$OCTAVO" index -q -o "$T/front.index" tests/e2e/front/edition.ini \
    >"$T/front.index.out" 2>&1
check "front: the index gives a name's page in the front matter in roman" \
    grep -qx '  pages vii, 1' "$T/front.index"
check "front: every page the index gives prints the name, in both outputs" \
    python3 tests/e2e/indexpages.py "$T/front.pdf" "$T/front.index" \
    tests/e2e/front/names.txt "$T/front.epub" 4
check "front: the index's page numbers link to their pages" \
    python3 tests/e2e/pdflinks.py "$T/front.pdf" index 4
check "front: the foreword's guess is said at -v, with the key" \
    sh -c "'$OCTAVO' check -v tests/e2e/front/edition.ini 2>&1 |
    grep -q \"chapter foreword is the book's foreword, by its title ('role = chapter'\""

# A pipe table, an image, links between chapters.
tb=tests/e2e/tables/edition.ini
SOURCE_DATE_EPOCH=1700000000 "$OCTAVO" build --epub "$T/tables.epub" \
    --pdf "$T/tables.pdf" "$tb" 2>"$T/tables.err"
check "tables: builds" test $? -eq 0
check "tables: the image's one warning, no word unaccounted" sh -c \
    "grep -q '0 errors, 1 warnings' '$T/tables.err' &&
    grep -q \"one.md:11:1: warning: image 'photos/kittiwake-quay.png'\" \
    '$T/tables.err' && grep -q '; 0 unaccounted' '$T/tables.err'"
check "tables: check -v counts the image's file as dropped, not lost" \
    sh -c "'$OCTAVO' check -v '$tb' 2>&1 |
    grep -q \"6 words dropped: an image's file and title\""
$EPUBCHECK "$T/tables.epub" >"$T/tables.epubcheck" 2>&1
check "tables: epubcheck 0/0/0" grep -q \
    'Messages: 0 fatals / 0 errors / 0 warnings / 0 infos' \
    "$T/tables.epubcheck"
unzip -p "$T/tables.epub" OEBPS/chapter-one.xhtml >"$T/tables.one"
check "tables: the EPUB has a table, its head's cells headers of columns" \
    sh -c "tr -d '\n' <'$T/tables.one' | grep -q '<table><thead><tr><th scope=\"col\" style=\"text-align: left\">Harbour</th>'"
check "tables: a body cell with an escaped pipe, aligned by its column" \
    grep -q '<td style="text-align: left">Whitby | Staithes</td>' "$T/tables.one"
check "tables: a pipe in running text leaves its paragraph" \
    grep -q '<p>A harbour master.s log keeps one line a boat, with a |' "$T/tables.one"
check "tables: the EPUB links to the other chapter, and to its heading" \
    sh -c "grep -q '<a href=\"chapter-two.xhtml\">the next chapter</a>' '$T/tables.one' &&
    grep -q '<a href=\"chapter-two.xhtml#s-1\">under its own heading</a>' '$T/tables.one' &&
    unzip -p '$T/tables.epub' OEBPS/chapter-two.xhtml | grep -q '<h2 id=\"s-1\">The Deep Harbours</h2>'"
pdftotext -layout "$T/tables.pdf" "$T/tables.txt"
check "tables: the PDF sets each row on its line, the cells in columns" \
    sh -c "grep -Eq '^Harbour {2,}Boats {2,}Catch in crans\$' '$T/tables.txt' &&
    grep -Eq '^Aberdeen {2,}forty-two {2,}1,300\$' '$T/tables.txt' &&
    grep -Eq '^Whitby \\| Staithes {2,}seven {2,}210\$' '$T/tables.txt'"
check "tables: the delimiter row is nowhere in either output" \
    sh -c "! grep -Eq -- '---|—|:-' '$T/tables.txt' &&
    ! grep -Eq -- '---|—|:-' '$T/tables.one'"
check "tables: the PDF links to the other chapter, and to its heading" \
    python3 tests/e2e/pdflinks.py "$T/tables.pdf" targets c2 t1

rm -rf "$T/tmp"
summary
