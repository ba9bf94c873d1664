#!/bin/sh
# run_fuzz.sh - build the libFuzzer targets and run each for a while.
#
#   make fuzz [FUZZ_SECONDS=N]            (or: sh tests/fuzz/run_fuzz.sh)
#   FUZZ_TARGETS="md akn" make fuzz       only some targets
#
# The library is built by the Makefile's own rules with clang, ASan+UBSan
# and libFuzzer's coverage instrumentation into build/fuzz/; each harness
# tests/fuzz/fuzz_<t>.c is linked with -fsanitize=fuzzer,address,undefined.
# Each target runs FUZZ_SECONDS (default 10) on a scratch copy of
# tests/fuzz/seeds/<t> (build/fuzz/corpus/<t>, kept between runs) plus
# tests/fuzz/regressions/<t>; crashes, leaks, timeouts and out-of-memory
# inputs are written to tests/fuzz/regressions/<t>/, which `make check`
# replays.  Exit status 1 when any target found something.
set -u

cd "$(dirname "$0")/../.." || exit 2
SECONDS_EACH=${FUZZ_SECONDS:-10}
TARGETS=${FUZZ_TARGETS:-text md akn cites gaps template}
CC_FUZZ=${FUZZ_CC:-clang}
MAXLEN=${FUZZ_MAX_LEN:-8192}
B=build/fuzz
MAKE=${MAKE:-make}

command -v "$CC_FUZZ" >/dev/null 2>&1 || {
	echo "run_fuzz: $CC_FUZZ not found (libFuzzer needs clang)" >&2
	exit 2
}

# The library, instrumented for coverage, through the Makefile's rules.
$MAKE --no-print-directory CC="$CC_FUZZ" BUILD=$B SAN=1 \
	CFLAGS="-O1 -g -fsanitize=fuzzer-no-link" $B/libdirtrace.a || exit 2
# Compiler and linker flags exactly as the Makefile computes them.
flags=$($MAKE -s --no-print-directory CC="$CC_FUZZ" BUILD=$B SAN=1 \
	--eval 'fuzz-print-flags: ; @echo $(DT_CFLAGS)' fuzz-print-flags) ||
	exit 2
libs=$($MAKE -s --no-print-directory BUILD=$B \
	--eval 'fuzz-print-libs: ; @echo $(DT_LIBS)' fuzz-print-libs) || exit 2

found=0
summary=""
for t in $TARGETS; do
	src=tests/fuzz/fuzz_$t.c
	bin=$B/fuzz-$t
	if [ ! -f "$src" ]; then
		echo "run_fuzz: no $src" >&2
		exit 2
	fi
	# shellcheck disable=SC2086
	$CC_FUZZ $flags -O1 -g -fsanitize=fuzzer,address,undefined \
		-o "$bin" "$src" tests/fuzz/fuzz_common.c $B/libdirtrace.a \
		$libs || exit 2

	work=$B/corpus/$t
	regr=tests/fuzz/regressions/$t
	mkdir -p "$work" "$regr"
	cp tests/fuzz/seeds/$t/* "$work"/
	log=$B/fuzz-$t.log
	echo "run_fuzz: $t for ${SECONDS_EACH}s (log $log)"
	before=$(ls "$regr" | wc -l)
	"$bin" -max_total_time="$SECONDS_EACH" -rss_limit_mb=1024 \
		-timeout=10 -max_len="$MAXLEN" -print_final_stats=1 \
		-artifact_prefix="$regr/" "$work" "$regr" >"$log" 2>&1
	rc=$?
	after=$(ls "$regr" | wc -l)
	# The last status line: "#N DONE cov: C ft: F corp: ... exec/s: E".
	last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
	execs=$(grep -E '^stat::number_of_executed_units' "$log" |
		sed 's/.*: *//')
	rate=$(grep -E '^stat::average_exec_per_sec' "$log" | sed 's/.*: *//')
	line="$t: rc=$rc execs=${execs:-?} exec/s=${rate:-?} | $last"
	if [ "$rc" -ne 0 ] || [ "$after" -ne "$before" ]; then
		found=1
		line="$line | FOUND: see $regr/ and $log"
		grep -E 'ERROR|SUMMARY|^    #[0-3] ' "$log" | head -n 12 >&2
	fi
	echo "$line"
	summary="$summary$line
"
done
printf '\nrun_fuzz summary (%ss each):\n%s' "$SECONDS_EACH" "$summary"
exit $found
