#!/bin/sh
# Runs each fuzz harness for FUZZ_SECONDS (default 60), one after the
# other, from a working corpus in the build folder seeded from
# tests/fuzz/corpus/HARNESS.  Prints each one's executions; every crash,
# leak or timeout found is copied to tests/fuzz/regress/HARNESS/, which
# `make check` replays, and makes the run fail.
#
# Usage: run.sh BUILDDIR HARNESS...
# FUZZ_RUNS stops each harness after that many executions, if sooner;
# FUZZ_JOBS > 1 runs that many workers per harness.  FUZZ_LEAKS=0 turns
# leak detection off: libFuzzer's check after each run that allocated
# more than it freed (memory still reachable: a library's caches, it
# seems, since LeakSanitizer then finds no leak) makes the pipeline
# harnesses about ten times slower; replay the corpus with leak detection
# on afterwards (make check-sanitize does so for the seeds).
set -u

B=$1; shift
HERE=$(cd "$(dirname "$0")" && pwd)
SECONDS_EACH=${FUZZ_SECONDS:-60}
JOBS=${FUZZ_JOBS:-1}
LEAKS=${FUZZ_LEAKS:-1}
runs_opt=${FUZZ_RUNS:+-runs=$FUZZ_RUNS}
status=0

for h in "$@"; do
	work=$B/corpus/$h art=$B/artifacts/$h
	mkdir -p "$work" "$art" "$HERE/regress/$h"
	log=$B/fuzz_$h.log
	rm -f "$B"/fuzz-[0-9]*.log
	if [ "$JOBS" -gt 1 ]; then
		par="-jobs=$JOBS -workers=$JOBS"
	else
		par=""
	fi
	start=$(date +%s)
	# shellcheck disable=SC2086
	(cd "$B" && ASAN_OPTIONS=detect_leaks=$LEAKS \
	    LSAN_OPTIONS=suppressions="$HERE/../lsan.supp" \
	    ./fuzz_$h -max_total_time="$SECONDS_EACH" -timeout=10 -detect_leaks=$LEAKS $runs_opt \
	    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix="artifacts/$h/" $par \
	    "corpus/$h" "$HERE/corpus/$h") >"$log" 2>&1
	rc=$?
	took=$(($(date +%s) - start))
	runs=$(cat "$log" "$B"/fuzz-[0-9]*.log 2>/dev/null |
	    sed -n 's/^stat::number_of_executed_units: *//p' |
	    awk '{ n += $1 } END { print n + 0 }')
	found=0
	for f in "$art"/crash-* "$art"/leak-* "$art"/timeout-* "$art"/oom-*; do
		[ -e "$f" ] || continue
		cp "$f" "$HERE/regress/$h/"
		found=$((found + 1))
	done
	echo "fuzz $h: $runs executions in ${took}s, exit $rc, $found new crashes"
	if [ "$found" -gt 0 ] || [ "$rc" -ne 0 ]; then
		tail -40 "$log" | sed 's/^/       /'
		status=1
	fi
	rm -f "$art"/crash-* "$art"/leak-* "$art"/timeout-* "$art"/oom-*
done
exit $status
