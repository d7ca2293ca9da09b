#!/bin/sh
# The corpus of bad input: each folder here is a manuscript with one thing
# wrong, and its file `expect` says how octavo must fail:
#
#	exit N		the exit status
#	stderr RE	an extended regular expression the diagnostics match
#	args ARGS	options for the build (--strict, for a warning)
#
# Every case builds over a previous EPUB and PDF, which must come out
# byte for byte as they were, and `octavo normalize` writes nothing.
# Then come the cases too big to keep as files (a 20 MB line, 100,000
# notes, Markdown nested 50,000 deep), files that are no text files (a
# FIFO, a stylesheet of 2 GB), an output that cannot be written, and a
# full disk: octavo must get through them or fail cleanly, never crash.
#
# Environment: OCTAVO (the binary), BUILD (the build folder).
set -u

OCTAVO=$(cd "$(dirname "${OCTAVO:-build/octavo}")" && pwd)/$(basename "${OCTAVO:-build/octavo}")
BUILD=${BUILD:-build}
HERE=$(cd "$(dirname "$0")" && pwd)
T=$BUILD/bad
rm -rf "$T" && mkdir -p "$T" || exit 1
T=$(cd "$T" && pwd)

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   - $1"; }
not_ok() { failed=$((failed + 1)); echo "FAIL - $1"; sed 's/^/       /' "$T/err" | head -5; }

# The outputs a failed build must leave alone.
echo "previous EPUB" >"$T/keep.epub"
echo "previous PDF" >"$T/keep.pdf"

for dir in "$HERE"/*/; do
	name=$(basename "$dir")
	want_exit=$(sed -n 's/^exit //p' "$dir/expect")
	want_err=$(sed -n 's/^stderr //p' "$dir/expect")
	args=$(sed -n 's/^args //p' "$dir/expect")
	cp "$T/keep.epub" "$T/out.epub"
	cp "$T/keep.pdf" "$T/out.pdf"
	rm -rf "$T/norm"
	(cd "$dir" && "$OCTAVO" build -q $args --epub "$T/out.epub" \
	    --pdf "$T/out.pdf" edition.ini) >/dev/null 2>"$T/err"
	got=$?
	(cd "$dir" && "$OCTAVO" normalize -q $args -o "$T/norm" edition.ini) \
	    >/dev/null 2>&1
	normalized=$?
	if [ "$got" -ne "$want_exit" ]; then
		not_ok "$name: exit $got, want $want_exit"
	elif ! grep -Eq -- "$want_err" "$T/err"; then
		not_ok "$name: no diagnostic matching '$want_err'"
	elif ! cmp -s "$T/out.epub" "$T/keep.epub" ||
	    ! cmp -s "$T/out.pdf" "$T/keep.pdf"; then
		not_ok "$name: the previous outputs changed"
	elif grep -q 'AddressSanitizer\|runtime error' "$T/err"; then
		not_ok "$name: a sanitizer spoke"
	elif [ "$normalized" -ne 0 ] && [ -n "$(ls "$T/norm" 2>/dev/null)" ]; then
		not_ok "$name: normalize failed and wrote files"
	else
		ok "$name"
	fi
done

# --- too big for files: generated, and checked without outputs ---------
big=$T/big
mkdir -p "$big"
sed -e 's|^print-style = .*|print-style = '"$HERE"'/../../styles/print.ini|' \
    -e 's|^epub-style = .*|epub-style = '"$HERE"'/../../styles/epub.css|' \
    "$HERE/invalid-utf8/edition.ini" >"$big/edition.ini"
generated() {	# generated NAME FORMAT: check the generated source
	sed -e "s|^source = .*|source = $1|" "$big/edition.ini" >"$big/$1.ini"
	[ "$2" = markdown ] && printf 'format = markdown\n' >>"$big/$1.ini"
	"$OCTAVO" check "$big/$1.ini" >"$T/err" 2>&1
}
awk 'BEGIN { for (i = 0; i < 2000000; i++) printf "word%d ", i % 97; print "" }' \
    >"$big/long-line.txt"
generated long-line.txt text
[ $? -eq 0 ] && ok "a 20 MB line" || not_ok "a 20 MB line"
awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "Text.[%d] ", i; print "\n\n";
    for (i = 1; i <= 100000; i++) printf "[%d] A note. ", i; print "" }' \
    >"$big/many-notes.txt"
generated many-notes.txt text
[ $? -eq 0 ] && ok "100,000 note markers" || not_ok "100,000 note markers"
awk 'BEGIN { for (i = 0; i < 50000; i++) printf "> "; print "deep" }' \
    >"$big/deep.md"
generated deep.md markdown
[ $? -eq 0 ] && ok "Markdown nested 50,000 deep" || not_ok "Markdown nested 50,000 deep"

# --- files that are no text files, outputs that fail ----------------------
# A FIFO as the manifest or the print style is refused at once, not
# waited on; a stylesheet of 2 GB (sparse: no disk) is refused unread;
# when one output cannot be written, the other is not replaced either.
kept() {	# kept NAME RE ARGS…: octavo build ARGS fails, outputs stay;
		# KEPT_ENV: VAR=VALUE for its environment
	name=$1 re=$2
	shift 2
	cp "$T/keep.epub" "$T/out.epub"
	cp "$T/keep.pdf" "$T/out.pdf"
	timeout 60 env ${KEPT_ENV:-} "$OCTAVO" build -q "$@" >/dev/null \
	    2>"$T/err"
	got=$?
	if [ "$got" -ne 1 ]; then
		not_ok "$name: exit $got, want 1"
	elif ! grep -Eq -- "$re" "$T/err"; then
		not_ok "$name: no diagnostic matching '$re'"
	elif ! cmp -s "$T/out.epub" "$T/keep.epub" ||
	    ! cmp -s "$T/out.pdf" "$T/keep.pdf"; then
		not_ok "$name: the previous outputs changed"
	else
		ok "$name"
	fi
}
files=$T/files
mkdir -p "$files"
printf 'A paragraph of text that is long enough to be a chapter of a book.\n' \
    >"$files/text.txt"
sed -e "s|^source = .*|source = text.txt|" "$big/edition.ini" \
    >"$files/edition.ini"
mkfifo "$files/fifo"
sed "s|^print-style = .*|print-style = fifo|" "$files/edition.ini" \
    >"$files/fifo-style.ini"
truncate -s 2G "$files/huge.css"
sed "s|^epub-style = .*|epub-style = huge.css|" "$files/edition.ini" \
    >"$files/huge.ini"
outputs="--epub $T/out.epub --pdf $T/out.pdf"
kept "a FIFO as the manifest" "fifo: error: the manifest is a FIFO" \
    $outputs "$files/fifo"
kept "a FIFO as the print style" "print-style = FILE" \
    $outputs "$files/fifo-style.ini"
kept "a stylesheet of 2 GB" "huge.css: error: the EPUB stylesheet is more than" \
    $outputs "$files/huge.ini"
KEPT_ENV=SOURCE_DATE_EPOCH=yesterday
kept "SOURCE_DATE_EPOCH that is no number" \
    "error: SOURCE_DATE_EPOCH is 'yesterday'" $outputs "$files/edition.ini"
KEPT_ENV=
kept "an EPUB that cannot be written: the PDF is kept too" \
    "/proc/octavo/out.epub: error: cannot write here" \
    --epub /proc/octavo/out.epub --pdf "$T/out.pdf" "$files/edition.ini"

# --- a full disk: every write past 64 KiB fails --------------------------
cp "$T/keep.epub" "$T/out.epub"
(ulimit -f 128; "$OCTAVO" build -q --epub "$T/out.epub" \
    "$HERE/../../manuscript/edition.ini") >/dev/null 2>"$T/err"
got=$?
if [ "$got" -eq 1 ] && grep -q "$T/out.epub: error" "$T/err" &&
    cmp -s "$T/out.epub" "$T/keep.epub"; then
	ok "a full disk: exit 1, the file named, the old EPUB kept"
else
	not_ok "a full disk: exit $got"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
