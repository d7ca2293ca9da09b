#!/bin/sh
# End-to-end tests: build the real manuscript with build/octavo and
# inspect the EPUB and the PDF with the tools a reader's or a printer's
# would use (unzip, epubcheck, qpdf, pdftotext, pdffonts, pdfinfo, and
# tests/tools/word-spacing.py for the evenness of the justification);
# then feed octavo bad input and check it fails cleanly without touching
# earlier outputs.
#
# Environment: OCTAVO (the binary), BUILD (the build folder).
set -u

SUITE=e2e
. "$(dirname "$0")/lib.sh"
MANIFEST=manuscript/edition.ini

# The chapter titles, as the manifest gives them.
titles() {
	awk '/^\[chapter /{c=1; next} /^\[/{c=0} c && /^title *=/ {
	    sub(/^title *= */, ""); print }' "$MANIFEST"
}

# --- building the edition ---------------------------------------------
SOURCE_DATE_EPOCH=1700000000 "$OCTAVO" build --epub "$T/a.epub" \
    --pdf "$T/a.pdf" --report "$T/report" "$MANIFEST" 2>"$T/build.err"
check "build exits 0" test $? -eq 0
check "progress: one line per stage, with its time" \
    grep -Eq '^octavo: (read|normalize|parse|epub|pdf) +[0-9.]+ ms' "$T/build.err"
for stage in read normalize parse notes index epub pdf; do
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
unzip -p "$T/a.epub" OEBPS/css/epub.css >"$T/epub.css"
check "EPUB: the stylesheet hyphenates (hyphens: auto)" \
    grep -q '^[[:space:]]*hyphens: auto;' "$T/epub.css"
check "EPUB: no pixel font sizes in the stylesheet" \
    sh -c "! grep -Eq '(font-size|font|line-height):[^;]*[0-9]px' '$T/epub.css'"
for id in $(awk '/^\[chapter /{sub(/^\[chapter /,""); sub(/\]$/,""); print}' "$MANIFEST"); do
	check "EPUB: XHTML for chapter $id" grep -q "$id\.xhtml$" "$T/files"
done
$EPUBCHECK "$T/a.epub" >"$T/epubcheck.out" 2>&1
check "epubcheck: no fatal, error or warning" \
    grep -q 'No errors or warnings detected' "$T/epubcheck.out"
grep -E '^(FATAL|ERROR|WARNING)' "$T/epubcheck.out" | head -5

# --- outputs that would overwrite the manifest, or each other ----------
"$OCTAVO" build -q --pdf "$MANIFEST" "$MANIFEST" 2>"$T/clash.err"
check "--pdf naming the manifest is a usage error" test $? -eq 2
check "... and the manifest is untouched" git diff --quiet -- "$MANIFEST"
"$OCTAVO" build -q --epub "$T/same" --pdf "$T/same" "$MANIFEST" 2>"$T/clash.err"
check "--epub and --pdf naming one file is a usage error" test $? -eq 2
src=manuscript/sources/trotsky-left-opposition.txt
"$OCTAVO" build -q --pdf "$src" "$MANIFEST" 2>"$T/clash.err"
check "--pdf naming a source is a usage error" test $? -eq 2
check "... which says so" grep -q "the PDF, $src, is a source" "$T/clash.err"
check "... and the source is untouched" git diff --quiet -- "$src"
"$OCTAVO" build -q --epub styles/print.ini "$MANIFEST" 2>"$T/clash.err"
check "--epub naming the print style is a usage error" test $? -eq 2
check "... and the style is untouched" git diff --quiet -- styles/print.ini

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
    [ $(count exile 'epub:type=\"endnote\"') -eq 39 ]"
check "EPUB: bloc has 108 references and 108 notes" \
    sh -c "[ $(count bloc 'epub:type=\"noteref\"') -eq 108 ] &&
    [ $(count bloc 'epub:type=\"endnote\"') -eq 108 ]"
check "EPUB: chimes has 189 references and 189 notes" \
    sh -c "[ $(count chimes 'epub:type=\"noteref\"') -eq 189 ] &&
    [ $(count chimes 'epub:type=\"endnote\"') -eq 189 ]"
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

# --- the index of names in the EPUB -------------------------------------
check "EPUB: an index of names" grep -qx 'OEBPS/index.xhtml' "$T/files"
unzip -p "$T/a.epub" OEBPS/index.xhtml >"$T/index.xhtml"
check "EPUB: the index is an EPUB Indexes document" sh -c "grep -q \
    '<section id=\"index\" class=\"index\" epub:type=\"index\" role=\"doc-index\"' \
    '$T/index.xhtml' && grep -q \
    'epub:type=\"index-locator\" href=\"chapter-' '$T/index.xhtml'"
check "EPUB: the index is in the package with properties=\"index\"" \
    sh -c "unzip -p '$T/a.epub' OEBPS/content.opf | grep -q 'properties=\"index\"'"
# Every locator's target exists, and Trotsky's land on one of his forms.
grep -o 'href="chapter-[a-z-]*\.xhtml#ix-[0-9]*"' "$T/index.xhtml" |
    sed 's/href="chapter-\([a-z-]*\)\.xhtml#\(ix-[0-9]*\)"/\1 \2/' |
    sort -u >"$T/locators"
for id in $(awk '/^\[chapter /{sub(/^\[chapter /,""); sub(/\]$/,""); print}' "$MANIFEST"); do
	xhtml "$id" | grep -o 'id="ix-[0-9]*"' | sed "s/id=\"\(.*\)\"/$id \1/"
done | sort -u >"$T/anchors"
check "EPUB: index locators (some hundreds)" \
    test "$(wc -l <"$T/locators")" -gt 500
check "EPUB: every index locator has its anchor" \
    test -z "$(comm -23 "$T/locators" "$T/anchors")"
grep -o '<span epub:type="index-term">Trotsky, Leon</span>.*' "$T/index.xhtml" |
    head -n 1 | grep -o 'chapter-[a-z-]*\.xhtml#ix-[0-9]*' |
    sed 's/#/ /' >"$T/trotsky"
while read -r file ix; do
	unzip -p "$T/a.epub" "OEBPS/$file" |
	    sed 's/<span epub:type="pagebreak"[^>]*><\/span>//g' |
	    grep -o "id=\"$ix\"></span>[A-Za-z]*" | sed 's/.*>//'
done <"$T/trotsky" | sort | uniq -c >"$T/trotsky.forms"
# (G. Gurov was one of his pseudonyms.)
check "EPUB: Trotsky's locators land on his name" sh -c \
    "test -s '$T/trotsky.forms' && ! grep -vE ' (Trotsky|Lev|Leon|L|G|Trotksy|Trockij)$' '$T/trotsky.forms'"

# --- the EPUB as a professional producer would ship it ---------------------
unzip -p "$T/a.epub" OEBPS/content.opf >"$T/opf"
unzip -p "$T/a.epub" OEBPS/nav.xhtml >"$T/nav.xhtml"
for page in cover titlepage imprint nav index; do
	check "EPUB: front and back matter: $page.xhtml" grep -qx "OEBPS/$page.xhtml" "$T/files"
done
check "EPUB: the cover image, declared as such" grep -q \
    'href="images/cover.png" media-type="image/png" properties="cover-image"' "$T/opf"
unzip -p "$T/a.epub" OEBPS/images/cover.png >"$T/cover.png"
check "EPUB: the cover is drawn, not blank" python3 tests/e2e/inked.py "$T/cover.png"
sed -n 's/^author *= *//p' "$MANIFEST" | sort -u | while IFS= read -r author; do
	id=$(grep -o "<dc:creator id=\"[^\"]*\">$author<" "$T/opf" | sed 's/.*id="\([^"]*\)".*/\1/')
	if [ -n "$id" ] && grep -q "refines=\"#$id\" scheme=\"marc:relators\">aut<" "$T/opf"
	then echo y; else echo "n $author"; fi
done >"$T/creators"
check "EPUB: a dc:creator with the role aut for each author" sh -c "! grep -q '^n' '$T/creators'"
check "EPUB: a dc:source for each published essay" \
    test "$(grep -c '<dc:source>' "$T/opf")" -ge 3
check "EPUB: dcterms:modified from SOURCE_DATE_EPOCH" \
    grep -q '<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>' "$T/opf"
for feature in tableOfContents index printPageNumbers readingOrder structuralNavigation; do
	check "EPUB: accessibilityFeature $feature" \
	    grep -q "\"schema:accessibilityFeature\">$feature<" "$T/opf"
done
check "EPUB: accessibilityHazard none, and a summary" sh -c "grep -q \
    '\"schema:accessibilityHazard\">none<' '$T/opf' && grep -q \
    '\"schema:accessibilitySummary\">' '$T/opf'"
check "EPUB: the print edition is the source of the page numbers" \
    grep -q '<meta property="source-of" refines="#pagination">pagination</meta>' "$T/opf"
check "EPUB: the imprint links each chapter's source" sh -c "for id in \
    $(awk '/^\[chapter /{sub(/^\[chapter /,""); sub(/\]$/,""); printf "%s ", $0}' "$MANIFEST"); do
    unzip -p '$T/a.epub' OEBPS/imprint.xhtml | grep -q \"<p class=\\\"entry\\\"><a href=\\\"chapter-\$id.xhtml\" || exit 1; done"
for nav in toc landmarks page-list; do
	check "EPUB: the navigation has its $nav" grep -q "epub:type=\"$nav\"" "$T/nav.xhtml"
done
for mark in cover titlepage toc bodymatter index; do
	check "EPUB: a landmark for the $mark" grep -q "epub:type=\"$mark\">" "$T/nav.xhtml"
done
check "EPUB: a toc.ncx with the print pages" sh -c \
    "unzip -p '$T/a.epub' OEBPS/toc.ncx | grep -q '<pageTarget '"
# The print pages: each in the page list has its marker where the
# PDF's page begins, and the list leaves out only blank pages.
check "EPUB: page markers where the PDF's pages begin, all listed" \
    python3 tests/e2e/pages.py "$T/a.epub" "$T/a.pdf"
check "EPUB: no soft hyphens (U+00AD) in the text" sh -c \
    "! unzip -p '$T/a.epub' 'OEBPS/*.xhtml' OEBPS/toc.ncx OEBPS/content.opf | grep -q \"\$(printf '\302\255')\""
# Each chapter as a reading system would show it: Chromium renders the
# page with its stylesheet; the result must hold the chapter's title
# and be more than a blank or single-colour page.
mkdir -p "$T/book" "$T/render" && unzip -q -o "$T/a.epub" -d "$T/book"
chrome() {
	chromium --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --user-data-dir="$T/render/profile" \
	    --window-size=800,1200 "$@" 2>/dev/null
}
for id in $(awk '/^\[chapter /{sub(/^\[chapter /,""); sub(/\]$/,""); print}' "$MANIFEST"); do
	page=file://$PWD/$T/book/OEBPS/chapter-$id.xhtml
	chrome --screenshot="$T/render/$id.png" "$page" >/dev/null
	chrome --dump-dom "$page" >"$T/render/$id.dom"
	title=$(sed -n 's/.*<h1>\([^<]*\)<\/h1>.*/\1/p' "$T/book/OEBPS/chapter-$id.xhtml" | head -n 1)
	check "render: chapter $id shows its title, and parses" sh -c "grep -qF -- \
	    '$title' '$T/render/$id.dom' && ! grep -q parsererror '$T/render/$id.dom'"
	check "render: chapter $id is not a blank page" python3 tests/e2e/inked.py "$T/render/$id.png"
done

# --- the PDF -----------------------------------------------------------
check "qpdf --check passes" qpdf --check "$T/a.pdf"
# PDF/UA-1, clause by clause as veraPDF numbers them, and a printer's
# wants: black in one ink, a TrimBox (tests/e2e/pdfua.py says which).
check "PDF/UA-1: language, XMP, titles, tab order, links, notes, lists, artifacts; gray, trim" \
    python3 tests/e2e/pdfua.py "$T/a.pdf"
# A style that asks for bleed and crop marks: a larger sheet, the trim
# and the bleed boxed within it.
mkdir -p "$T/bleed/sources" && cp manuscript/sources/* "$T/bleed/sources/"
cp manuscript/names.txt "$T/bleed/"
sed 's/^bleed = .*/bleed = 9pt/; s/^crop-marks = .*/crop-marks = corners/' \
    styles/print.ini >"$T/bleed/print.ini"
sed 's/^\[edition\]$/[edition]\nprint-style = print.ini/' "$MANIFEST" \
    >"$T/bleed/edition.ini"
"$OCTAVO" build -q --pdf "$T/bleed.pdf" "$T/bleed/edition.ini" 2>/dev/null
check "[print] bleed and crop marks: the sheet grows by both, trim and bleed boxed" \
    sh -c "pdfinfo '$T/bleed.pdf' | grep -q '^Page size: *492 x 708 pts' &&
    python3 tests/e2e/pdfua.py '$T/bleed.pdf' --bleed"
pdftotext -layout "$T/a.pdf" - 2>/dev/null | tr -s ' \n' '  ' >"$T/pdf.txt"
titles | while IFS= read -r title; do
	if grep -qF -- "$title" "$T/pdf.txt"; then echo y; else echo "n $title"; fi
done >"$T/titles"
check "pdftotext finds every chapter title" sh -c "! grep -q '^n' '$T/titles'"
check "PDF has more pages than chapters" \
    sh -c "[ \$(pdfinfo '$T/a.pdf' | awk '/^Pages:/{print \$2}') -gt 10 ]"
# A font subset kept word after word: small capitals (running heads, the
# title page) must not push the text's letters out of the Latin subset,
# which made the content switch fonts at nearly every letter (about a
# thousand times a page, where a plain Pango program switches a dozen).
qpdf --qdf --object-streams=disable "$T/a.pdf" "$T/a.qdf.pdf"
check "the PDF switches fonts under 60 times a page" sh -c "[ \$(grep -ac \
    ' Tf\$' '$T/a.qdf.pdf') -lt \$((60 * \$(pdfinfo '$T/a.pdf' | \
    awk '/^Pages:/{print \$2}'))) ]"

# --- the PDF as a printer and a reader's software see it -----------------
WORD_SPACING=tests/tools/word-spacing.py
pdffonts "$T/a.pdf" >"$T/fonts" 2>&1
check "pdffonts: every font embedded and subset" awk 'NR > 2 &&
    ($(NF-4) != "yes" || $(NF-3) != "yes") { bad = 1 } END { exit bad }' "$T/fonts"
pdfinfo "$T/a.pdf" >"$T/info" 2>&1
check "pdfinfo: Title" grep -q '^Title: *Trotsky, Stalin' "$T/info"
check "pdfinfo: Author" grep -q '^Author: *[^ ]' "$T/info"
check "pdfinfo: Tagged: yes" grep -q '^Tagged: *yes$' "$T/info"
qpdf --json --json-key=outlines "$T/a.pdf" >"$T/outline" 2>&1
titles | while IFS= read -r title; do
	title=$(printf '%s' "$title" | sed 's/"/\\"/g')
	if grep -qF -- "\"title\": \"$title\"" "$T/outline"; then echo y
	else echo "n $title"; fi
done >"$T/in-outline"
check "the outline lists every chapter" sh -c "! grep -q '^n' '$T/in-outline'"
python3 "$WORD_SPACING" "$T/a.pdf" >"$T/spacing" 2>&1
cat "$T/spacing"
check "word spacing: p95 at most 0.33, under 0.5% loose lines" awk '{
    for (i = 1; i <= NF; i++) {
	if ($i == "\047p95\047:") p95 = $(i + 1) + 0
	if ($i == "\047loose\047:") loose = $(i + 1) + 0
    } } END { exit !(p95 > 0 && p95 <= 0.33 && loose < 0.005) }' "$T/spacing"
# The typesetting's own measure (--report): its totals.
total() {
	awk -v k="$1" 'index($0, k " ") == 1 {
	    split(substr($0, length(k) + 1), f, " "); print f[1] }' "$T/report"
}
check "report: no overfull line" test "$(total overfull)" = 0
check "report: no capitalised word (a name) hyphenated" \
    test "$(total 'capitals hyphenated')" = 0
check "report: no chapter ends on a page of under five lines" \
    test "$(total 'short chapter endings')" = 0
check "report: no recto ends in a hyphen" \
    test "$(total 'recto-final hyphens')" = 0
check "report: no split note leaves one line on a page" \
    test "$(total 'note parts of one line')" = 0
check "report: no spread out of line, no hole above the notes" \
    sh -c "[ $(total 'spreads out of line') = 0 ] &&
    [ $(total 'holes above notes') = 0 ]"
# Loose lines (badness over TeX's \hbadness, 1000): most are the first
# line of a short paragraph or note; no more than when last counted.
check "report: at most 31 loose lines" test "$(total loose)" -le 31
check "report: no widow" test "$(total widows)" = 0
check "report: no orphan" test "$(total orphans)" = 0
check "report: no heading at the foot of a page" \
    test "$(total 'headings at foot')" = 0
# …and the hyphens of each paragraph, counted from its lines: a line
# ending in '-' is hyphenated.
check "report: at most two hyphenated lines in a row" awk '
    /^#/ { next } { run = 0
	for (i = 1; i <= NF; i++) {
		run = $i ~ /-$/ && $i != "-" ? run + 1 : 0
		if (run > 2) { print; exit 1 }
	} }' "$T/report"
# Labels, the contents' links, notes on their references' pages, and the
# index's links to its pages, read from the PDF's objects.
check "PDF: page labels roman in the prelims, then arabic" \
    python3 tests/e2e/pdflinks.py "$T/a.pdf" labels
check "PDF: the contents link to each chapter, on the page they print" \
    python3 tests/e2e/pdflinks.py "$T/a.pdf" contents
check "PDF: each note begins on its reference's page, linked both ways" \
    python3 tests/e2e/pdflinks.py "$T/a.pdf" notes
check "PDF: each page number in the index links to that page" \
    python3 tests/e2e/pdflinks.py "$T/a.pdf" index

# Each chapter's page in the contents is odd, and the chapter opens there.
pdftotext -layout "$T/a.pdf" "$T/pages.txt" 2>/dev/null
check "every chapter opens on an odd page, the one the contents gives" \
    awk -v RS='\f' -v titles="$(titles)" '
    { page[NR] = $0; if (!toc && $0 ~ /(^|\n) *Contents *\n/) toc = NR }
    END {
	n = split(titles, want, "\n")
	if (!toc || n == 0) exit 1
	for (i = 1; i <= n; i++) {
		t = want[i]
		split(page[toc] "\n" page[toc + 1], lines, "\n")
		for (j in lines)
			if (index(lines[j], t) && match(lines[j], /[0-9]+ *$/))
				folio[i] = substr(lines[j], RSTART) + 0
		if (!folio[i] || folio[i] % 2 == 0) exit 1
	}
	# The text begins after the prelims: chapter one is on page 1.
	for (p = toc + 1; p in page; p++)
		if (index(page[p], want[1]) && !index(page[p], "Contents")) {
			front = p - folio[1]; break
		}
	# A long title breaks over lines on its opening page: its start.
	for (i = 1; i <= n; i++)
		if (!index(page[front + folio[i]], substr(want[i], 1, 16)))
			exit 1
    }' "$T/pages.txt"

# The index of names: last, on a recto, and every page it gives for a
# heading prints the name (text block only: no running head or folio).
ix=$(awk -v RS='\f' '/Index of Names/ { p = NR } END { print p }' "$T/pages.txt")
ixfolio=$(awk -v RS='\f' '/Contents/ && !c { c = NR } c && NR <= c + 1 &&
    match($0, /Index of Names +[0-9]+/) { s = substr($0, RSTART, RLENGTH)
    sub(/.* /, "", s); print s; exit }' "$T/pages.txt")
check "PDF: the index of names, in the contents, on an odd page" \
    sh -c "[ -n '$ix' ] && [ -n '$ixfolio' ] && [ \$(( $ixfolio % 2 )) -eq 1 ]"
# Page numbers "8, 9–11, 12n" one per line, ranges spread out.
spread() {
	tr ',' '\n' | awk -F'–' '
	    { gsub(/[ n]/, "") } $0 == "" { next }
	    NF == 2 { for (p = $1; p <= $2; p++) print p; next } { print }'
}
# The folios the index gives for a heading; of a stretch "27–50 passim"
# its two ends, the pages between not all naming it.
index_folios() {
	pdftotext -f "$ix" -y 50 -W 500 -H 536 "$T/a.pdf" - 2>/dev/null |
	    tr '\n\f' '  ' |
	    grep -o "$1, [^(),]* ([^)]*), [0-9][0-9n–, ]*\( passim[0-9n–, ]*\)*" |
	    head -n 1 | sed 's/^[^)]*), //; s/\([0-9]*\)–\([0-9]*\) passim/\1, \2/g' |
	    spread
}
for name in Zinoviev Bukharin Kamenev Radek; do
	index_folios "$name" >"$T/ix-$name"
	front=$((ix - ${ixfolio:-0}))
	check "PDF index: every page given for $name names him" sh -c "
	    [ -s '$T/ix-$name' ] || exit 1
	    while read -r n; do
		pdftotext -f \$(($front + n)) -l \$(($front + n)) '$T/a.pdf' - |
		    tr -d '\n' | grep -q '$name' || { echo \"page \$n\"; exit 1; }
	    done <'$T/ix-$name'"
done

# --- the two outputs say the same ----------------------------------------
# An anthology whose chapters are by "Ann Smith and Bob Jones" and by "Ann
# Smith": each output names each author once, and both say the same on the
# title page, in the imprint, the running heads, the contents and the index.
same=tests/e2e/same.py
SOURCE_DATE_EPOCH=1700000000 "$OCTAVO" build -q --epub "$T/au.epub" \
    --pdf "$T/au.pdf" tests/e2e/authors/edition.ini 2>"$T/au.err"
check "anthology: builds" test $? -eq 0
for what in titlepage imprint heads contents index; do
	check "anthology: the PDF's and the EPUB's $what agree" \
	    python3 "$same" "$T/au.epub" "$T/au.pdf" $what
done
check "anthology: the title page credits both authors, each once" sh -c \
    "unzip -p '$T/au.epub' OEBPS/titlepage.xhtml | grep -q \
    '<p class=\"authors\">With texts by Ann Smith and Bob Jones</p>'"
$EPUBCHECK "$T/au.epub" >"$T/au.epubcheck" 2>&1
check "anthology: epubcheck finds nothing" \
    grep -q 'No errors or warnings detected' "$T/au.epubcheck"
# A monograph: two chapters of one author from one file.  Its author is
# the book's; no chapter has a byline; the imprint cites the file once.
SOURCE_DATE_EPOCH=1700000000 "$OCTAVO" build -q --epub "$T/mono.epub" \
    --pdf "$T/mono.pdf" tests/e2e/monograph/edition.ini 2>"$T/mono.err"
check "monograph: builds" test $? -eq 0
for what in titlepage imprint heads contents; do
	check "monograph: the PDF's and the EPUB's $what agree" \
	    python3 "$same" "$T/mono.epub" "$T/mono.pdf" $what
done
unzip -p "$T/mono.epub" OEBPS/content.opf >"$T/mono.opf"
check "monograph: dc:creator is the author" \
    grep -q '<dc:creator id="creator-1">Harriet Martineau<' "$T/mono.opf"
check "monograph: the author is filed as 'Martineau, Harriet'" grep -q \
    '<meta property="file-as" refines="#creator-1">Martineau, Harriet<' \
    "$T/mono.opf"
check "monograph: the PDF's Author is the book's" sh -c \
    "pdfinfo '$T/mono.pdf' | grep -q '^Author: *Harriet Martineau$'"
check "monograph: the cover's text names the author" sh -c \
    "unzip -p '$T/mono.epub' OEBPS/cover.xhtml | grep -q 'by Harriet Martineau'"
check "monograph: no chapter has a byline; no 'With texts by'" sh -c \
    "! unzip -p '$T/mono.epub' 'OEBPS/chapter-*.xhtml' |
    grep -q 'class=\"author\"' && ! unzip -p '$T/mono.epub' 'OEBPS/*.xhtml' |
    grep -q 'With texts by' && ! pdftotext '$T/mono.pdf' - |
    grep -q 'With texts by'"
check "monograph: the imprint names its one source once" test \
    "$(unzip -p "$T/mono.epub" OEBPS/imprint.xhtml | grep -c 'class="entry"')" -eq 1
$EPUBCHECK "$T/mono.epub" >"$T/mono.epubcheck" 2>&1
check "monograph: epubcheck finds nothing" \
    grep -q 'No errors or warnings detected' "$T/mono.epubcheck"

# --- a chapter or a passage in another language -----------------------------
# A made-up en-US book with a chapter in French, one in British English and
# one in Markdown with a French span and a German div: each chapter's page
# and its contents entries in its language, its Sect and TOCI in the PDF
# with its /Lang, hyphenated by its own patterns or, where none are
# installed, not at all (and said at its key); each passage a span or div
# in the EPUB and a Span or Div in the PDF with its language, its mark-up
# in neither, its words accounted for.
L=tests/e2e/languages
SOURCE_DATE_EPOCH=1700000000 "$OCTAVO" build -q --epub "$T/lang.epub" \
    --pdf "$T/lang.pdf" --report "$T/lang.report" "$L/edition.ini" \
    2>"$T/lang.err"
check "languages: builds" test $? -eq 0
if [ -e /usr/share/hyphen/hyph_fr.dic ]; then
	check "languages: French patterns installed, no warning of them" \
	    sh -c "! grep -q 'patterns for fr' '$T/lang.err'"
else
	check "languages: no French patterns, said at the chapter's key" \
	    grep -q "^octavo: $L/edition.ini:18:12: warning: no hyphenation \
patterns for fr here: \[chapter registre\] is set without hyphens; install \
them (Debian's hyphen-fr)$" "$T/lang.err"
	check "languages: ... and the French chapter has no hyphen" sh -c \
	    "! grep '^registre ' '$T/lang.report' | grep -q -- '-\( \|\$\)'"
fi
check "languages: the book's and en-GB's patterns hyphenate theirs" sh -c \
    "grep '^keeper ' '$T/lang.report' | grep -q -- '-\( \|\$\)' &&
    grep '^survey ' '$T/lang.report' | grep -q -- '-\( \|\$\)'"
langof() {
	unzip -p "$T/lang.epub" "OEBPS/chapter-$1.xhtml" |
	    sed -n 's/^<html .* lang="\([^"]*\)" xml:lang="\1">$/\1/p'
}
check "languages: each chapter's page is in its language" test \
    "$(langof keeper) $(langof registre) $(langof survey)" = "en-US fr en-GB"
unzip -p "$T/lang.epub" OEBPS/nav.xhtml >"$T/lang.nav"
check "languages: the contents give the other languages, only them" sh -c \
    "grep -qF '<a href=\"chapter-registre.xhtml\" lang=\"fr\" xml:lang=\"fr\">Le registre du port</a>' '$T/lang.nav' &&
    grep -qF '<a href=\"chapter-keeper.xhtml\">The Keeper' '$T/lang.nav'"
$EPUBCHECK "$T/lang.epub" >"$T/lang.epubcheck" 2>&1
check "languages: epubcheck finds nothing" \
    grep -q 'No errors or warnings detected' "$T/lang.epubcheck"
if [ ! -e /usr/share/hyphen/hyph_de_DE.dic ]; then
	check "languages: no German patterns, said at the passage" \
	    grep -q "^octavo: $L/quay.md:11:1: warning: no hyphenation \
patterns for de here: the passage is set without hyphens in the PDF; \
install them (Debian's hyphen-de)$" "$T/lang.err"
fi
unzip -p "$T/lang.epub" OEBPS/chapter-quay.xhtml >"$T/lang.quay"
check "languages: the passages are a span and a div in their languages" \
    sh -c "grep -qF '<span lang=\"fr\" xml:lang=\"fr\">bon vent et bonne mer</span>' '$T/lang.quay' &&
    grep -qF '<div lang=\"de\" xml:lang=\"de\">' '$T/lang.quay'"
check "languages: no passage's mark-up in the EPUB or the PDF" sh -c \
    "! grep -q 'lang=fr\|:::' '$T/lang.quay' &&
    ! pdftotext '$T/lang.pdf' - | grep -q 'lang=\|:::'"
check "languages: the passages' mark-up is no word lost" sh -c \
    "'$OCTAVO' check -v '$L/edition.ini' 2>&1 | grep -q '; 0 unaccounted' &&
    '$OCTAVO' check -v '$L/edition.ini' 2>&1 | grep -q '4 words dropped: the mark-up of a passage'"
check "languages: PDF/UA-1, the chapters' Sects, contents entries and passages with their /Lang" \
    python3 tests/e2e/pdfua.py "$T/lang.pdf" --langs -,fr,en-GB,- \
    --others TOCI:fr,TOCI:en-GB,Span:fr,Div:de
# Without its language, the French chapter is the book's: English patterns.
mkdir -p "$T/nofr" && cp "$L"/*.txt "$L"/*.md "$T/nofr/"
sed '/^language = fr$/d' "$L/edition.ini" >"$T/nofr/edition.ini"
"$OCTAVO" build -q --pdf "$T/nofr.pdf" --report "$T/nofr.report" \
    "$T/nofr/edition.ini" 2>/dev/null
check "languages: without its key, the French chapter takes the book's hyphens and no /Lang" \
    sh -c "grep '^registre ' '$T/nofr.report' | grep -q -- '-\( \|\$\)' &&
    python3 tests/e2e/pdfua.py '$T/nofr.pdf' --langs -,-,en-GB,- \
    --others TOCI:en-GB,Span:fr,Div:de"

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
check "normalize writes the metadata found in the text" \
    grep -q '^published: "January 1980"' "$T/norm/bloc.md"
check "normalize writes one file per chapter" \
    test "$(ls "$T/norm" | wc -l)" -eq "$(grep -c '^\[chapter ' "$MANIFEST")"
"$OCTAVO" check "$MANIFEST" >"$T/check.out" 2>&1
check "check passes on the manuscript" test $? -eq 0
check "check lists each chapter's notes" \
    grep -q 'chapter exile: 39 notes, 37 referenced' "$T/check.out"
check "check says what the heuristics were unsure of, at its line" \
    grep -q 'broue-bloc-of-oppositions.txt:32:1: unsure: a quotation .*not-quotes = 32' "$T/check.out"
check "check -v lists every dropped line" sh -c "'$OCTAVO' check -v '$MANIFEST' 2>&1 |
    grep -q 'getty-trotsky-in-exile.txt:46:1: info: dropped'"

# --- octavo index -------------------------------------------------------
case $OCTAVO in /*) octavo=$OCTAVO ;; *) octavo=$PWD/$OCTAVO ;; esac
mkdir -p "$T/idx"
manifest=$PWD/$MANIFEST
(cd "$T/idx" && "$octavo" index "$manifest" >index.out 2>index.err)
rc=$?
check "index exits 0" test $rc -eq 0
check "index writes build/names-index.txt" test -s "$T/idx/build/names-index.txt"
check "index: 'Trotsky, Leon' with its locators" sh -c "grep -qx \
    'Trotsky, Leon (1879–1940)' '$T/idx/build/names-index.txt' && grep -A1 \
    '^Trotsky, Leon' '$T/idx/build/names-index.txt' | grep -q '^  left-opposition ¶1, ¶2'"
check "index: a 'see' reference" grep -A1 -x 'Gurov, G\.' "$T/idx/build/names-index.txt"
check "index reports its counts" \
    grep -Eq '^octavo index: [0-9]+ headings, [0-9]+ occurrences in [0-9]+ places' "$T/idx/index.out"
check "index reports shared forms and their rulings" \
    grep -q 'Smirnov, Alexander Petrovich (at bloc:66#3)' "$T/idx/index.out"
check "index reports candidates to paste into the list" \
    grep -q '^# Capitalised words the list does not know' "$T/idx/index.out"
check "index shows its stage time" grep -q '^octavo: index ' "$T/idx/index.err"
(cd "$T/idx" && "$octavo" index -o again.txt "$manifest" >again.out 2>again.err)
sed 1d "$T/idx/index.out" >"$T/idx/index.out.tail"
check "index is deterministic" sh -c "cmp '$T/idx/again.txt' '$T/idx/build/names-index.txt' && \
    sed 1d '$T/idx/again.out' | cmp -s - '$T/idx/index.out.tail'"
# The first run laid the book out and kept the layout; the second read it
# (and gave the same pages, above); a changed source is laid out again.
check "index lays the book out when no layout is kept" \
    grep -q 'octavo: layout .*print pages, laid out' "$T/idx/index.err"
check "index reads the last layout when the manuscript is the same" \
    grep -q 'octavo: layout .*print pages, from the last layout' "$T/idx/again.err"
mkdir -p "$T/idx2" && cp -r manuscript "$T/idx2/" && cp -r styles "$T/idx2/"
(cd "$T/idx2" && "$octavo" index -q manuscript/edition.ini >/dev/null 2>&1 &&
    echo "A sentence more." >>manuscript/sources/sahai-moscow-trials.txt &&
    "$octavo" index manuscript/edition.ini >/dev/null 2>index.err)
check "index lays the book out again when a source changed" \
    grep -q 'octavo: layout .*print pages, laid out' "$T/idx2/index.err"
# A rebuild after an edit reads what the build before kept (the cover,
# the page map, the words shaped, the blocks set, the pages' contents
# finished): a one-sentence edit sets so few new words that the kept
# words' file is left as it was, the same file, and leaves most blocks
# and pages as they were.  Its outputs are a clean build's, byte for
# byte.  So are a rebuild's whose kept words have a byte changed, which
# are not used.
mkdir -p "$T/rb" && cp -r manuscript styles "$T/rb/"
(cd "$T/rb" && export SOURCE_DATE_EPOCH=1 &&
    "$octavo" build -q --epub a.epub --pdf a.pdf manuscript/edition.ini \
    2>/dev/null && stat -c %i build/edition.shapes >shapes.before &&
    sed -i '1s/$/ And a sentence more./' \
    manuscript/sources/trotsky-left-opposition.txt &&
    "$octavo" build -v --epub b.epub --pdf b.pdf manuscript/edition.ini \
    2>b.err && stat -c %i build/edition.shapes >shapes.after &&
    rm build/edition.cover build/edition.pages build/edition.shapes \
    build/edition.contents build/edition.paras build/edition.deflated \
    build/edition.normalized &&
    "$octavo" build -v --epub c.epub --pdf c.pdf manuscript/edition.ini \
    2>c.err &&
    printf '\377' | dd of=build/edition.shapes bs=1 seek=500000 \
    conv=notrunc 2>/dev/null &&
    "$octavo" build -q --epub d.epub --pdf d.pdf manuscript/edition.ini \
    2>/dev/null)
check "rebuild: the words shaped were kept, and the rebuild read them" \
    cmp "$T/rb/shapes.before" "$T/rb/shapes.after"
check "rebuild: the blocks the edit left were set as before" \
    grep -Eq 'info: [1-9][0-9]* of the [0-9]+ blocks are set as the last' \
    "$T/rb/b.err"
check "rebuild: the sources the edit left were normalized as before" \
    grep -Eq 'info: 4 of the 5 sources are as the last build normalized' \
    "$T/rb/b.err"
check "rebuild: the pages' contents the edit left were reused" \
    grep -Eq 'info: [1-9][0-9]* pages. contents are as the last build' \
    "$T/rb/b.err"
check "rebuild: the edit is in the new outputs" sh -c \
    "! cmp -s '$T/rb/a.pdf' '$T/rb/b.pdf' && ! cmp -s '$T/rb/a.epub' '$T/rb/b.epub'"
check "rebuild: EPUB and PDF byte-identical to a clean build's" sh -c \
    "cmp '$T/rb/b.epub' '$T/rb/c.epub' && cmp '$T/rb/b.pdf' '$T/rb/c.pdf'"
# What was said of the sources found as the last build normalized them is
# said again, the same words at the same places, as a clean build says
# it: -v's lines but for the times, the outputs' names and what was kept.
for b in b c; do
	grep -v -e ' ms ' -e 'as the last' -e "$b\.pdf" -e "$b\.epub" \
	    "$T/rb/$b.err" >"$T/rb/$b.said"
done
check "rebuild: its diagnostics are a clean build's" \
    cmp "$T/rb/b.said" "$T/rb/c.said"
check "rebuild: the same with a byte of the kept words changed" sh -c \
    "cmp '$T/rb/b.epub' '$T/rb/d.epub' && cmp '$T/rb/b.pdf' '$T/rb/d.pdf'"
# Its print pages are the PDF's: the same layout, made again.  It lists
# every page; the PDF's index, any page of it, stretches as "passim".
for name in Zinoviev Bukharin Kamenev Radek; do
	grep -A2 "^$name, " "$T/idx/build/names-index.txt" | head -n 3 |
	    sed -n 's/^  pages //p' | spread >"$T/idx/pages-$name"
	sort -u "$T/idx/pages-$name" >"$T/idx/pages-$name.sorted"
	check "index: the print pages of $name hold the PDF index's" sh -c \
	    "test -s '$T/idx/pages-$name' && test -s '$T/ix-$name' &&
	    ! sort -u '$T/ix-$name' | comm -23 - '$T/idx/pages-$name.sorted' |
	    grep -q ."
done
# Every page given for every heading prints one of its forms, and is
# one the EPUB's index gives too.
check "index: every print page of every heading names it in the PDF" \
    python3 tests/e2e/indexpages.py "$T/a.pdf" \
    "$T/idx/build/names-index.txt" manuscript/names.txt "$T/a.epub"
# Against an index made by hand, for the five chapters (tests/index/).
check "index: 95% of a human indexer's places found, 95% of ours confirmed" \
    python3 tests/index/compare.py "$T/a.epub" "$T/idx/build/names-index.txt"
"$OCTAVO" index -q --no-pages -o "$T/idx/nopages.txt" "$MANIFEST" >/dev/null 2>&1
check "index --no-pages lists the locators alone" sh -c \
    "test -s '$T/idx/nopages.txt' && ! grep -q '^ *pages ' '$T/idx/nopages.txt'"

# --- bad input: clear errors, old outputs untouched ----------------------
bad=$T/bad
mkdir -p "$bad/sources"
cp "$MANIFEST" "$bad/edition.ini"
cp manuscript/names.txt "$bad/"
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

# A broken list of names: an error at its line and column, no output.
cp "manuscript/sources/$first" "$bad/sources/"
printf 'Trotsky, Leon (1879\n' >"$bad/names.txt"
"$OCTAVO" index -q -o "$T/bad-index.txt" "$bad/edition.ini" >/dev/null 2>"$T/badnames.err"
check "a malformed list of names exits 1" test $? -eq 1
check "a malformed list is reported at FILE:LINE:COL" \
    grep -q "$bad/names.txt:1:15: error: unbalanced parentheses" "$T/badnames.err"
check "a malformed list writes no index" test ! -e "$T/bad-index.txt"

# --- octavo names: a list of names drafted from the text ---------------
# The sample manuscript without its list (the draft must not see it),
# then held against the list made by hand (tests/index/draft-compare.py).
D=$T/names
mkdir -p "$D" && ln -s "$PWD/manuscript/sources" "$D/sources"
sed 's/^names *=.*/names =/' "$MANIFEST" >"$D/edition.ini"
"$OCTAVO" names -q -o "$D/draft.txt" "$D/edition.ini" >"$D/out" 2>"$D/err"
check "names: drafts the sample's list without its own" sh -c \
    "test $? -eq 0 && test -s '$D/draft.txt' && ! grep -q 'error:' '$D/err'"
"$OCTAVO" normalize -q -o "$D/text" "$MANIFEST" 2>/dev/null
python3 tests/index/draft-compare.py --check manuscript/names.txt \
    "$D/draft.txt" "$D/text" >"$D/compare" 2>&1
check "names: 95% of the list's people drafted, 85% of the sure ones people, 90% of forms right" \
    test $? -eq 0
sed 's/^/       /' "$D/compare"
# The draft is a list octavo index reads, and running again changes
# nothing.
sed 's/^names *=.*/names = list.txt/' "$MANIFEST" >"$D/listed.ini"
cp "$D/draft.txt" "$D/list.txt"
"$OCTAVO" index -q --no-pages -o "$D/index.txt" "$D/listed.ini" >/dev/null 2>"$D/index.err"
check "names: octavo index reads the draft without an error" sh -c \
    "test $? -eq 0 && test -s '$D/index.txt' && ! grep -q 'error:' '$D/index.err'"
"$OCTAVO" names -q -o "$D/again.txt" "$D/listed.ini" >/dev/null 2>&1
check "names: a second run changes nothing" cmp "$D/draft.txt" "$D/again.txt"
# Merged with the manuscript's own list: its text kept whole, what is
# new after a marked line, and nothing more the second time.
cp manuscript/names.txt "$D/list.txt"
"$OCTAVO" names -q -o "$D/merged.txt" "$D/listed.ini" >/dev/null 2>&1
check "names: merged, the list's own text is kept whole" sh -c \
    "head -c $(wc -c <manuscript/names.txt) '$D/merged.txt' | cmp -s - manuscript/names.txt"
check "names: merged, what is new follows a marked line" \
    grep -q '^# ---- new: drafted from the text' "$D/merged.txt"
cp "$D/merged.txt" "$D/list.txt"
"$OCTAVO" names -q -o "$D/merged2.txt" "$D/listed.ini" >/dev/null 2>&1
check "names: merged twice, the second run changes nothing" \
    cmp "$D/merged.txt" "$D/merged2.txt"
"$OCTAVO" index -q --no-pages -o "$D/index2.txt" "$D/listed.ini" >/dev/null 2>"$D/index2.err"
check "names: octavo index reads the merged list without an error" sh -c \
    "test $? -eq 0 && ! grep -q 'error:' '$D/index2.err'"
# A small made-up book and the draft it must give, exactly.
"$OCTAVO" names -q -o "$D/book.txt" tests/index/draft/edition.ini >/dev/null 2>&1
check "names: the made-up book's draft is tests/index/draft/expected.txt" \
    diff -u tests/index/draft/expected.txt "$D/book.txt"

summary
