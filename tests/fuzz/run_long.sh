#!/bin/sh
# run_long.sh - the long fuzzing campaign of issue 9 on a shared machine:
# every target at once, each until its fuzzer process has used
# FUZZ_CPU_SECONDS of CPU time (not wall time: other work may take the
# cores), at nice 15 so that builds and tests keep their speed.
#
#   sh tests/fuzz/run_long.sh              # 1800 CPU seconds per target
#   FUZZ_CPU_SECONDS=600 FUZZ_TARGETS="md gaps" sh tests/fuzz/run_long.sh
#
# The fuzzers are the ones `make fuzz` builds (build/fuzz/fuzz-<t>; run
# `make fuzz FUZZ_SECONDS=1` first).  Each works on build/fuzz/corpus/<t>
# plus tests/fuzz/regressions/<t> and writes what it finds into
# build/fuzz/long/artifacts/<t>/ (move real findings to regressions/, see
# README.md).  libFuzzer's -timeout is wall time, so on a loaded machine it
# is FUZZ_TIMEOUT (25 s) rather than `make fuzz`'s 10 s; a timeout artifact
# must be re-run alone (`build/fuzz/fuzz-<t> FILE`) before it counts.
# Never stop a fuzzer with SIGSTOP: its alarm keeps running and every
# paused input becomes a false timeout.  Results: build/fuzz/long/summary.txt
# and the logs beside it.
set -u

cd "$(dirname "$0")/../.." || exit 2
CPU_S=${FUZZ_CPU_SECONDS:-1800}
TARGETS=${FUZZ_TARGETS:-text md akn cites gaps template}
TIMEOUT=${FUZZ_TIMEOUT:-25}
MAXLEN=${FUZZ_MAX_LEN:-8192}
B=build/fuzz
L=$B/long

# CPU seconds (user + sys) used so far by process $1, or nothing.
cpu_of() {
	awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) / hz) }' \
		"/proc/$1/stat" 2>/dev/null
}

# run_one TARGET: fuzz until the CPU budget is spent, then SIGINT (libFuzzer
# prints its final statistics and exits).
run_one() {
	t=$1
	mkdir -p "$L/artifacts/$t" "$B/corpus/$t"
	nice -n 15 "$B/fuzz-$t" -max_total_time=$((CPU_S * 20)) \
		-rss_limit_mb=1024 -timeout="$TIMEOUT" -max_len="$MAXLEN" \
		-print_final_stats=1 -artifact_prefix="$L/artifacts/$t/" \
		"$B/corpus/$t" "tests/fuzz/regressions/$t" \
		> "$L/fuzz-$t.log" 2>&1 &
	pid=$!
	used=0
	while kill -0 "$pid" 2>/dev/null; do
		sleep 15
		now=$(cpu_of "$pid")
		[ -n "$now" ] || break # it ended (its wall-time cap)
		used=$now
		if [ "$used" -ge "$CPU_S" ]; then
			kill -INT "$pid"
			wait "$pid"
			break
		fi
	done
	execs=$(grep -E '^stat::number_of_executed_units' "$L/fuzz-$t.log" |
		sed 's/.*: *//')
	last=$(grep -aE '^#[0-9]+' "$L/fuzz-$t.log" | tail -n 1)
	found=$(ls "$L/artifacts/$t" | wc -l)
	echo "$t: cpu=${used:-?}s execs=${execs:-?} artifacts=$found | $last" \
		>> "$L/summary.txt"
}

for t in $TARGETS; do
	if [ ! -x "$B/fuzz-$t" ]; then
		echo "run_long: no $B/fuzz-$t (run: make fuzz FUZZ_SECONDS=1)" >&2
		exit 2
	fi
done
mkdir -p "$L"
: > "$L/summary.txt"
for t in $TARGETS; do
	run_one "$t" &
done
wait
cat "$L/summary.txt"
! grep -q 'artifacts=[1-9]' "$L/summary.txt"
