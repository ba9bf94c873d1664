#!/bin/sh
# check_eval.sh - the options of the evaluator (tools/dt-eval.c).
#
# usage: sh tests/check_eval.sh DT-EVAL
#
# --split dev prints the dev sections and the dev pool only; --errors
# prints, under each section's figures, one `error:` line per unmatched
# fact, so that for every measure of every section the false lines count
# `predicted - correct` and the missed lines `gold - found`, and each
# missed implicit link says how it scored at --min-score 0.01; the dev
# pool's implicit F1 has a bootstrap interval that holds it; --json with
# --errors and unknown options are usage errors (exit 2).
# Output: one line per failed check, then `eval options: P passed, F failed`.
# POSIX sh + awk.

if [ $# -ne 1 ]; then
	echo "usage: sh tests/check_eval.sh DT-EVAL" >&2
	exit 2
fi
EV=$1
tmp=${TMPDIR:-/tmp}/check_eval.$$
trap 'rm -f "$tmp"' EXIT INT TERM
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "check_eval: $*"; }

if "$EV" --split dev --errors > "$tmp"; then ok; else bad "exit status $?"; fi
if grep -q '^[a-z]* test \|^test split' "$tmp"; then
	bad "--split dev printed test figures"
else ok; fi
if grep -q '^dev split, pooled' "$tmp"; then ok; else bad "no dev pool"; fi
# Per section and measure: figures against the error lines under them.
awk '
function check() {
	for (m in pred) {
		if (nfalse[m] + 0 != pred[m] - corr[m] ||
		    nmiss[m] + 0 != gold[m] - found[m]) {
			printf "%s: %s: %d false, %d missed lines; figures say %d, %d\n",
			    sec, m, nfalse[m], nmiss[m], pred[m] - corr[m],
			    gold[m] - found[m] > "/dev/stderr"
			bad++
		}
		checked++
	}
	split("", pred); split("", corr); split("", gold); split("", found)
	split("", nfalse); split("", nmiss)
}
/^[a-z]+ dev  directive/ { check(); sec = $0; next }
/^overall|^dev split/ { check(); sec = ""; next }
sec != "" && /\(predicted [0-9]+, correct/ {
	m = substr($0, 3, 15); sub(/ +$/, "", m)
	if (m == "all links") next
	match($0, /predicted [0-9]+/); pred[m] = substr($0, RSTART + 10, RLENGTH - 10)
	match($0, /correct [0-9]+/); corr[m] = substr($0, RSTART + 8, RLENGTH - 8)
	match($0, /gold [0-9]+/); gold[m] = substr($0, RSTART + 5, RLENGTH - 5)
	match($0, /found [0-9]+/); found[m] = substr($0, RSTART + 6, RLENGTH - 6)
}
sec != "" && /^  error: / {
	m = $0; sub(/^  error: /, "", m); kind = m
	sub(/: .*/, "", m)
	if (kind ~ /^[a-z ]+: false/) nfalse[m]++; else nmiss[m]++
}
END { check(); print checked, bad + 0 }' "$tmp" > "$tmp.awk"
read checked errs < "$tmp.awk" || true
rm -f "$tmp.awk"
if [ "${checked:-0}" -ge 18 ] && [ "${errs:-1}" -eq 0 ]; then ok; else
	bad "error lines disagree with the figures ($checked measures checked, $errs wrong)"
fi
if grep -q '^  error: implicit links: false .* score [0-9.]* (' "$tmp"; then
	ok
else bad "no false implicit link with its score and evidence"; fi
# every missed implicit link says how it scored at the low threshold
nmiss=$(grep -c '^  error: implicit links: missed ' "$tmp")
nnote=$(grep -c '^  error: implicit links: missed .*(\(no candidate\|not near the best\|below the threshold\|[0-9.]*, near the best\|[0-9.]*, under the query share\)' "$tmp")
if [ "$nmiss" -gt 0 ] && [ "$nmiss" -eq "$nnote" ]; then ok; else
	bad "$nmiss missed implicit links, $nnote say how they scored"
fi
# the pooled implicit F1 has its bootstrap interval, which holds it (the
# documents' counts add up to the pool, or no interval is printed)
awk '
/^  implicit links  P=/ { split($0, a, "F1="); f1 = substr(a[2], 1, 5) + 0 }
/F1 95% interval/ {
	split($4, iv, "-"); n++
	if (iv[1] + 0 <= f1 && f1 <= iv[2] + 0 && iv[1] < iv[2]) good++
}
END { print n + 0, good + 0 }' "$tmp" > "$tmp.iv"
read nint nheld < "$tmp.iv" || true
rm -f "$tmp.iv"
if [ "${nint:-0}" -eq 1 ] && [ "${nheld:-0}" -eq 1 ]; then ok; else
	bad "dev pool: ${nint:-0} implicit F1 intervals, ${nheld:-0} holding it"
fi
"$EV" --json --errors > /dev/null 2>&1
if [ $? -eq 2 ]; then ok; else bad "--json --errors is not a usage error"; fi
"$EV" --no-such-option > /dev/null 2>&1
if [ $? -eq 2 ]; then ok; else bad "an unknown option is not a usage error"; fi
echo "eval options: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
