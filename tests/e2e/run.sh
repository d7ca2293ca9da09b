#!/bin/sh
# End-to-end tests: build the real manuscript with build/octavo and
# inspect the EPUB and the PDF with the tools a reader's or a printer's
# would use (unzip, epubcheck, qpdf, pdftotext); then feed octavo bad
# input and check it fails cleanly without touching earlier outputs.
#
# Environment: OCTAVO (the binary), BUILD (the build folder).
set -u

OCTAVO=${OCTAVO:-build/octavo}
BUILD=${BUILD:-build}
MANIFEST=manuscript/edition.ini
T=$BUILD/e2e
EPUBCHECK="java -jar /usr/share/java/epubcheck.jar"
rm -rf "$T" && mkdir -p "$T" || exit 1

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   - $1"; }
not_ok() { failed=$((failed + 1)); echo "FAIL - $1"; }
# check NAME COMMAND...: a test passes when the command succeeds.
check() {
	name=$1; shift
	if "$@" >"$T/last.out" 2>&1; then ok "$name"; else
		not_ok "$name"; sed 's/^/       /' "$T/last.out" | head -20
	fi
}

# The chapter titles, as the manifest gives them.
titles() {
	awk '/^\[chapter /{c=1; next} /^\[/{c=0} c && /^title *=/ {
	    sub(/^title *= */, ""); print }' "$MANIFEST"
}

# --- building the edition ---------------------------------------------
SOURCE_DATE_EPOCH=1700000000 "$OCTAVO" build --epub "$T/a.epub" \
    --pdf "$T/a.pdf" "$MANIFEST" 2>"$T/build.err"
check "build exits 0" test $? -eq 0
check "progress: one line per stage, with its time" \
    grep -Eq '^octavo: (read|normalize|parse|epub|pdf) +[0-9.]+ ms' "$T/build.err"
for stage in read normalize parse epub pdf; do
	check "progress names stage $stage" grep -q "^octavo: $stage " "$T/build.err"
done

# --- the EPUB ----------------------------------------------------------
unzip -Z1 "$T/a.epub" >"$T/files" 2>/dev/null
check "EPUB: mimetype is the first entry" test "$(head -n 1 "$T/files")" = mimetype
check "EPUB: mimetype is stored, not deflated" \
    sh -c "unzip -Zv '$T/a.epub' mimetype | grep -q 'compression method:.*none (stored)'"
check "EPUB: mimetype says application/epub+zip" \
    test "$(unzip -p "$T/a.epub" mimetype)" = application/epub+zip
check "EPUB: container.xml" grep -qx META-INF/container.xml "$T/files"
check "EPUB: a package document" grep -q '\.opf$' "$T/files"
check "EPUB: a navigation document" grep -q 'nav\.xhtml$' "$T/files"
check "EPUB: a stylesheet" grep -q '\.css$' "$T/files"
for id in $(awk '/^\[chapter /{sub(/^\[chapter /,""); sub(/\]$/,""); print}' "$MANIFEST"); do
	check "EPUB: XHTML for chapter $id" grep -q "$id\.xhtml$" "$T/files"
done
$EPUBCHECK "$T/a.epub" >"$T/epubcheck.out" 2>&1
check "epubcheck: no fatal, error or warning" \
    grep -q 'No errors or warnings detected' "$T/epubcheck.out"
grep -E '^(FATAL|ERROR|WARNING)' "$T/epubcheck.out" | head -5

# --- the text in the EPUB: clean, structured, with its notes ------------
xhtml() { unzip -p "$T/a.epub" "OEBPS/chapter-$1.xhtml"; }
count() { xhtml "$1" | grep -o "$2" | wc -l; }
for debris in "Leave a Reply" "Similar Posts" "Image removed" \
    "Please follow and like us" "thoughts on" "Last updated on" \
    "Your email address" "Trotsykite Plot" "Marxists Internet Archive.é"; do
	check "EPUB: no debris '$debris'" sh -c \
	    "! unzip -p '$T/a.epub' 'OEBPS/*.xhtml' | grep -qF '$debris'"
done
check "EPUB: 18 section headings in left-opposition" \
    test "$(count left-opposition '<h2 id="s-')" -eq 18
check "EPUB: 6 + 12 headings in chimes" sh -c \
    "[ $(count chimes '<h2 id="s-') -eq 6 ] && [ $(count chimes '<h3 id="s-') -eq 12 ]"
check "EPUB: 6 section headings in bloc" test "$(count bloc '<h2 id="s-')" -eq 6
check "EPUB: chimes has its 24 block quotations" \
    test "$(count chimes '<blockquote')" -eq 24
check "EPUB: moscow-trials has its 6 block quotations" \
    test "$(count moscow-trials '<blockquote')" -eq 6
check "EPUB: exile has 37 + 1 (the byline's) references and 38 + 1 notes" \
    sh -c "[ $(count exile 'epub:type=\"noteref\"') -eq 38 ] &&
    [ $(count exile 'role=\"doc-footnote\"') -eq 39 ]"
check "EPUB: bloc has 108 references and 108 notes" \
    sh -c "[ $(count bloc 'epub:type=\"noteref\"') -eq 108 ] &&
    [ $(count bloc 'role=\"doc-footnote\"') -eq 108 ]"
check "EPUB: chimes has 189 references and 189 notes" \
    sh -c "[ $(count chimes 'epub:type=\"noteref\"') -eq 189 ] &&
    [ $(count chimes 'role=\"doc-footnote\"') -eq 189 ]"
check "EPUB: no source note marker left in running text" \
    sh -c "! unzip -p '$T/a.epub' 'OEBPS/chapter-*.xhtml' |
    sed 's/<sup>[^<]*<a [^>]*>[0-9]*<.a><.sup>//g; s/<[^>]*>//g' |
    grep -Eq '\[[0-9]{1,3}\]|[a-z][.’”][0-9]{1,2} [A-Z]'"

# Typography: what a copy-editor would have fixed is fixed.
unzip -p "$T/a.epub" 'OEBPS/chapter-*.xhtml' | sed 's/<[^>]*>//g' |
    sed "s/&quot;/\"/g; s/&#39;/'/g" >"$T/text"
check "EPUB text: no straight quotes" sh -c "! grep -q \"[\\\"']\" '$T/text'"
check "EPUB text: no '--'" sh -c "! grep -qF -- '--' '$T/text'"
check "EPUB text: no '...' or '. . .'" sh -c "! grep -qE '\.\.\.|\. \. \.' '$T/text'"
check "EPUB text: no spaced hyphen as a dash" sh -c "! grep -qE ' - ' '$T/text'"
check "EPUB text: ranges take en dashes (1926–1938)" grep -q '1926–1938' "$T/text"
check "EPUB text: the soft sign stays (Byullenten’)" grep -q 'Byullenten’' "$T/text"

# --- the PDF -----------------------------------------------------------
check "qpdf --check passes" qpdf --check "$T/a.pdf"
pdftotext -layout "$T/a.pdf" - 2>/dev/null | tr -s ' \n' '  ' >"$T/pdf.txt"
titles | while IFS= read -r title; do
	if grep -qF -- "$title" "$T/pdf.txt"; then echo y; else echo "n $title"; fi
done >"$T/titles"
check "pdftotext finds every chapter title" sh -c "! grep -q '^n' '$T/titles'"
check "PDF has more pages than chapters" \
    sh -c "[ \$(pdfinfo '$T/a.pdf' | awk '/^Pages:/{print \$2}') -gt 10 ]"

# --- reproducible ------------------------------------------------------
SOURCE_DATE_EPOCH=1700000000 "$OCTAVO" build -q --epub "$T/b.epub" \
    --pdf "$T/b.pdf" "$MANIFEST" 2>/dev/null
check "same SOURCE_DATE_EPOCH, same EPUB bytes" cmp "$T/a.epub" "$T/b.epub"
check "same SOURCE_DATE_EPOCH, same PDF bytes" cmp "$T/a.pdf" "$T/b.pdf"

# --- options -----------------------------------------------------------
"$OCTAVO" build -q --epub "$T/only.epub" "$MANIFEST" 2>"$T/q.err"
check "-q: no progress on stderr" sh -c "! grep -q ' ms ' '$T/q.err'"
check "--epub alone builds only the EPUB" \
    sh -c "test -s '$T/only.epub' && test ! -e '$T/only.pdf' && ! ls '$T' | grep -q '^\.'"
"$OCTAVO" --version >"$T/version"
check "--version" grep -q '^octavo [0-9]' "$T/version"
"$OCTAVO" --help >"$T/help"
check "--help lists the commands" sh -c "grep -q build '$T/help' && grep -q normalize '$T/help'"
"$OCTAVO" frobnicate >/dev/null 2>&1
check "unknown command exits 2" test $? -eq 2
"$OCTAVO" build --no-such-option >/dev/null 2>&1
check "unknown option exits 2" test $? -eq 2
"$OCTAVO" normalize -q -o "$T/norm" "$MANIFEST"
check "normalize writes one file per chapter" \
    test "$(ls "$T/norm" | wc -l)" -eq "$(grep -c '^\[chapter ' "$MANIFEST")"
"$OCTAVO" check "$MANIFEST" >"$T/check.out" 2>&1
check "check passes on the manuscript" test $? -eq 0

# --- bad input: clear errors, old outputs untouched ----------------------
bad=$T/bad
mkdir -p "$bad/sources"
cp "$MANIFEST" "$bad/edition.ini"
cp manuscript/sources/* "$bad/sources/"
cp "$T/a.epub" "$T/keep.epub" && cp "$T/a.pdf" "$T/keep.pdf"
first=$(ls "$bad/sources" | head -n 1)
printf 'Good line.\nBad \377 byte.\n' >"$bad/sources/$first"
"$OCTAVO" build -q --epub "$T/a.epub" --pdf "$T/a.pdf" "$bad/edition.ini" 2>"$T/bad.err"
check "invalid UTF-8 exits 1" test $? -eq 1
check "invalid UTF-8 is reported at FILE:LINE:COL" \
    grep -q "$bad/sources/$first:2:5: error: invalid UTF-8" "$T/bad.err"
check "failed build leaves the old EPUB" cmp "$T/a.epub" "$T/keep.epub"
check "failed build leaves the old PDF" cmp "$T/a.pdf" "$T/keep.pdf"
check "failed build leaves no temporary file" sh -c "! ls -a '$T' | grep -q '^\.a\.'"
rm "$bad/sources/$first"
"$OCTAVO" build -q --epub "$T/a.epub" --pdf "$T/a.pdf" "$bad/edition.ini" 2>"$T/missing.err"
check "missing source exits 1" test $? -eq 1
check "missing source names the file" grep -q "$bad/sources/$first" "$T/missing.err"
check "missing source leaves the old EPUB" cmp "$T/a.epub" "$T/keep.epub"
"$OCTAVO" check "$bad/edition.ini" >/dev/null 2>&1
check "check exits 1 on a broken manuscript" test $? -eq 1
"$OCTAVO" build -q --epub /proc/no/such.epub "$MANIFEST" 2>"$T/unwritable.err"
check "unwritable output exits 1 with its name" \
    sh -c "test $? -eq 1 && grep -q /proc/no/such.epub '$T/unwritable.err'"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
