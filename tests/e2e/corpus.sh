#!/bin/sh
# The corpus books (tests/corpus/, real books octavo was not written
# for): each builds from its short manifest with no error, no word
# unaccounted for and a clean epubcheck, a PDF that holds to PDF/UA-1,
# every note linked both ways in the EPUB and on its reference's page
# in the PDF, and its EPUB holds what tests/corpus/BOOK/expect says a
# good edition has (corpus.py).
#
# Environment: OCTAVO (the binary), BUILD (the build folder).
set -u

SUITE=corpus
. "$(dirname "$0")/lib.sh"

for dir in tests/corpus/*/; do
	book=$(basename "$dir")
	source=$(ls "$dir"*.txt)
	SOURCE_DATE_EPOCH=1700000000 "$OCTAVO" build -v --epub "$T/$book.epub" \
	    --pdf "$T/$book.pdf" "$dir/edition.ini" 2>"$T/$book.err"
	check "$book: builds" test $? -eq 0
	check "$book: no error" grep -q "^octavo: 0 errors" "$T/$book.err"
	check "$book: every word accounted for" \
	    grep -q "^octavo: words: .* 0 unaccounted$" "$T/$book.err"
	check "$book: the manifest is short (15 key lines at most)" \
	    test "$(grep -Ec '^[a-z-]+ *=' "$dir/edition.ini")" -le 15
	$EPUBCHECK "$T/$book.epub" >"$T/$book.epubcheck" 2>&1
	check "$book: epubcheck 0/0/0" grep -q \
	    'Messages: 0 fatals / 0 errors / 0 warnings / 0 infos' \
	    "$T/$book.epubcheck"
	check "$book: the edition its README describes" \
	    python3 tests/e2e/corpus.py "$dir/expect" "$source" "$T/$book.epub"
	# Guernsey Folk Lore's 460 pages are drawn on more than one Cairo
	# surface (pdf.c's SURFACE_PAGES), made one before the finishing.
	[ "$book" != guernsey-folklore ] ||
	    check "$book: drawn on several Cairo surfaces, made one" grep -q \
	    'are drawn on [2-9][0-9]* Cairo surfaces' "$T/$book.err"
	# So its EPUB is made as its text is let go of (main.c): the same
	# bytes as its EPUB made alone, with the text kept to the end.
	if [ "$book" = guernsey-folklore ]; then
		SOURCE_DATE_EPOCH=1700000000 "$OCTAVO" build -q \
		    --epub "$T/$book-alone.epub" "$dir/edition.ini" 2>/dev/null
		check "$book: its EPUB the same as one made alone" \
		    cmp -s "$T/$book.epub" "$T/$book-alone.epub"
	fi
	check "$book: the PDF holds to PDF/UA-1 (pdfua.py)" \
	    python3 tests/e2e/pdfua.py "$T/$book.pdf"
	grep -q '^notes 0$' "$dir/expect" ||
	    check "$book: each note on its reference's page, linked both ways" \
	    python3 tests/e2e/pdflinks.py "$T/$book.pdf" notes
done

summary
