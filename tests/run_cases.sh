#!/bin/sh
# run_cases.sh DIRTRACE - end-to-end tests.  Each folder tests/cases/NAME/
# holds `cmd` (a shell command run from the project root with $DIRTRACE
# set to the binary and $T to a fresh scratch folder), `expected.out`,
# optionally `expected.err`, and `expected.rc` (default 0).  stdout,
# stderr and the exit status must match exactly.
set -u
DIRTRACE=$1
case $DIRTRACE in /*) ;; *) DIRTRACE=$(pwd)/$DIRTRACE ;; esac
export DIRTRACE
pass=0
fail=0
for dir in tests/cases/*/; do
	name=$(basename "$dir")
	[ -f "$dir/cmd" ] || continue
	T=$(mktemp -d)
	export T
	sh -c ". \"$dir/cmd\"" >"$T/.out" 2>"$T/.err"
	rc=$?
	want_rc=0
	[ -f "$dir/expected.rc" ] && want_rc=$(cat "$dir/expected.rc")
	ok=1
	if [ "$rc" != "$want_rc" ]; then
		echo "FAIL $name: exit status $rc, expected $want_rc"
		ok=0
	fi
	if ! cmp -s "$T/.out" "$dir/expected.out"; then
		echo "FAIL $name: stdout differs:"
		diff "$dir/expected.out" "$T/.out" | head -20
		ok=0
	fi
	if [ -f "$dir/expected.err" ]; then
		if ! cmp -s "$T/.err" "$dir/expected.err"; then
			echo "FAIL $name: stderr differs:"
			diff "$dir/expected.err" "$T/.err" | head -20
			ok=0
		fi
	elif [ -s "$T/.err" ] && [ "$want_rc" = 0 ]; then
		echo "FAIL $name: unexpected stderr:"
		head -5 "$T/.err"
		ok=0
	fi
	rm -rf "$T"
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
done
echo "e2e: $pass passed, $fail failed"
[ $fail = 0 ]
