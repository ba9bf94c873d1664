#!/bin/sh
# check_options.sh DIRTRACE - every long option a subcommand accepts (its
# longopts[] table in tools/cmd_*.c, plus the common ones in tools/cli.h)
# appears in that subcommand's --help and in the man page tools/dirtrace.1.
set -u
DIRTRACE=$1
pass=0
fail=0
common=$(sed -n '/CLI_COMMON_LONGOPTS/,/^$/p' tools/cli.h |
	sed -n 's/.*{ "\([a-z-]*\)",.*/\1/p')
for src in tools/cmd_*.c; do
	verb=$(basename "$src" .c | sed 's/^cmd_//')
	own=$(sed -n 's/^[[:space:]]*{ "\([a-z-]*\)",.*/\1/p' "$src")
	help=$("$DIRTRACE" "$verb" --help)
	for opt in $common $own; do
		if ! printf '%s\n' "$help" | grep -q -- "--$opt"; then
			echo "FAIL: --$opt missing from 'dirtrace $verb --help'"
			fail=$((fail + 1))
		elif ! grep -qF -- "\\-\\-$(echo "$opt" | sed 's/-/\\-/g')" \
			tools/dirtrace.1; then
			echo "FAIL: --$opt missing from tools/dirtrace.1"
			fail=$((fail + 1))
		else
			pass=$((pass + 1))
		fi
	done
	if ! grep -q "^\.SS .*$verb" tools/dirtrace.1; then
		echo "FAIL: command $verb has no section in tools/dirtrace.1"
		fail=$((fail + 1))
	fi
done
echo "options: $pass passed, $fail failed"
[ $fail = 0 ]
