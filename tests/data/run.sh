#!/bin/sh
# Tests as data: each folder under tests/data/KIND/ is one case, input
# files and what octavo must make of them, compared byte for byte:
#
#	normalize/NAME/	input.txt (or input.md) → expected.md, the
#			chapter as 'octavo normalize' writes it
#	model/NAME/	input.txt (or input.md) → expected.tree, the
#			document model as 'octavo dump' prints it
#	index/NAME/	names.txt and one or more CHAPTER.txt (or .md),
#			chapters in the order of their names →
#			expected.txt, 'octavo index --no-pages'
#
# A case's rules.ini, if it has one, holds group keys (normalization
# rules) given to each of its chapters.  Its diagnostics are held to
# expected.diags: a case without one must give none.
#
# With REGEN=1 ('make regen') the expectations are written from what
# octavo makes instead, so that a change of behaviour is reviewed as a
# diff of tests/data/.
#
# Environment: OCTAVO (the binary), BUILD (the build folder), REGEN.
set -u

OCTAVO=$(cd "$(dirname "${OCTAVO:-build/octavo}")" && pwd)/$(basename "${OCTAVO:-build/octavo}")
BUILD=${BUILD:-build}
REGEN=${REGEN:-}
HERE=$(cd "$(dirname "$0")" && pwd)
T=$BUILD/data
rm -rf "$T" && mkdir -p "$T" || exit 1
T=$(cd "$T" && pwd)

passed=0 failed=0 written=0

# manifest DIR CASE: an edition of the case's chapters, in DIR.
manifest() {
	cat <<-EOF
	[edition]
	title = Test
	editor = Test
	language = en-US
	identifier = urn:uuid:00000000-0000-4000-8000-000000000000
	EOF
	if [ -e "$2/names.txt" ]; then
		cp "$2/names.txt" "$1/"
		echo "names = names.txt"
	fi
	for f in "$2"/*.txt "$2"/*.md; do
		base=$(basename "$f")
		case $base in names.txt|expected.*|"*.txt"|"*.md") continue ;; esac
		cp "$f" "$1/"
		printf '\n[chapter %s]\nsource = %s\nformat = %s\n' \
		    "${base%.*}" "$base" "$(case $base in *.md) echo markdown ;;
		    *) echo text ;; esac)"
		if [ -e "$2/rules.ini" ]; then cat "$2/rules.ini"; fi
	done
}

# expect GOT WANT NAME: holds the file GOT to WANT (none: empty).  With
# REGEN, writes WANT instead; an expected.diags only if there are any.
expect() {
	if [ -n "$REGEN" ]; then
		if [ -s "$1" ] || [ "${2##*.}" != diags ]; then
			cmp -s "$1" "$2" || { cp "$1" "$2"; written=$((written + 1)); }
		elif [ -e "$2" ]; then
			rm "$2"; written=$((written + 1))
		fi
		return 0
	fi
	if [ -e "$2" ]; then
		cmp -s "$1" "$2" && return 0
	elif [ ! -s "$1" ]; then
		return 0
	fi
	echo "FAIL - data $3: not $(basename "$2")"
	diff -u "$([ -e "$2" ] && echo "$2" || echo /dev/null)" "$1" |
	    sed 's/^/       /' | head -30
	return 1
}

for dir in "$HERE"/*/*/; do
	kind=$(basename "$(dirname "$dir")")
	name=$kind/$(basename "$dir")
	dir=${dir%/}
	w=$T/$name
	mkdir -p "$w"
	manifest "$w" "$dir" >"$w/edition.ini"
	case $kind in
	normalize)
		(cd "$w" && "$OCTAVO" normalize -q -o out edition.ini) \
		    >/dev/null 2>"$w/diags"
		rc=$?; got=$(ls "$w"/out/*.md 2>/dev/null | head -n 1)
		want=$dir/expected.md ;;
	model)
		(cd "$w" && "$OCTAVO" dump -q edition.ini) >"$w/got" 2>"$w/diags"
		rc=$?; got=$w/got; want=$dir/expected.tree ;;
	index)
		(cd "$w" && "$OCTAVO" index -q --no-pages -o got edition.ini) \
		    >/dev/null 2>"$w/diags"
		rc=$?; got=$w/got; want=$dir/expected.txt ;;
	*)
		echo "FAIL - data $name: no kind '$kind'"; failed=$((failed + 1))
		continue ;;
	esac
	if [ "$rc" -ne 0 ] || [ -z "$got" ] || [ ! -e "$got" ]; then
		echo "FAIL - data $name: octavo exits $rc"
		sed 's/^/       /' "$w/diags" | head -10
		failed=$((failed + 1))
		continue
	fi
	if expect "$got" "$want" "$name" &&
	    expect "$w/diags" "$dir/expected.diags" "$name"; then
		passed=$((passed + 1)); [ -n "$REGEN" ] || echo "ok   - data $name"
	else
		failed=$((failed + 1))
	fi
done

if [ -n "$REGEN" ]; then
	echo "regen: $written expectations written, $failed cases failed"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
