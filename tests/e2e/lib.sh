# lib.sh — what the end-to-end scripts share, sourced with SUITE set to
# the name of the script's folder under BUILD: the binary and the build
# folder from the environment, the folder made afresh with the tools'
# temporary files in it (not in /tmp; the JVM keeps no performance
# data), epubcheck, and the tally of tests.
#
# Environment: OCTAVO (the binary), BUILD (the build folder).

OCTAVO=${OCTAVO:-build/octavo}
BUILD=${BUILD:-build}
T=$BUILD/$SUITE
rm -rf "$T" && mkdir -p "$T/tmp" || exit 1
TMPDIR=$(cd "$T/tmp" && pwd) && export TMPDIR
# A GLib critical aborts octavo, failing the test that meets it.
export G_DEBUG=fatal-criticals
EPUBCHECK="java -XX:-UsePerfData -Djava.io.tmpdir=$TMPDIR -jar /usr/share/java/epubcheck.jar"

passed=0 failed=0 last_ok=0
ok() { passed=$((passed + 1)); last_ok=1; echo "ok   - $1"; }
not_ok() { failed=$((failed + 1)); last_ok=0; echo "FAIL - $1"; }
# check NAME COMMAND...: a test passes when the command succeeds.
check() {
	name=$1; shift
	if "$@" >"$T/last.out" 2>&1; then ok "$name"; else
		not_ok "$name"; sed 's/^/       /' "$T/last.out" | head -20
	fi
}

# The tally, and the status of the suite: failed if any test failed.
summary() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
