#!/bin/sh
# demo.sh DIRTRACE - the main job on corpus/.  Until the linker and the gap
# report land (issues 5-6) it shows the stages that exist: every corpus
# document normalized into build/demo/norm/ (the encoding detected, lines,
# whether the text changed), the outline of the central directive, and
# the units and numbering warnings of every document.
set -u
DIRTRACE=$1
out=build/demo/norm
mkdir -p "$out"
n=0
changed=0
find corpus -type f \( -name '*.md' -o -name '*.xml' -o -name '*.txt' \) \
	! -path 'corpus/src/*' ! -name README.md | sort | while read -r f; do
	dest="$out/$(echo "$f" | sed 's|^corpus/||; s|/|__|g')"
	if ! enc=$("$DIRTRACE" norm -v -o "$dest" "$f" 2>&1); then
		echo "$enc"
		continue
	fi
	enc=$(echo "$enc" | sed -n 's/.*note: read as \([^,]*\),.*/\1/p')
	lines_in=$(wc -l < "$f" | tr -d ' ')
	lines_out=$(wc -l < "$dest" | tr -d ' ')
	if cmp -s "$f" "$dest"; then
		state="already clean"
	else
		state="normalized"
	fi
	printf '%-40s %-12s %4s lines -> %4s  %s\n' "$f" "$enc" \
		"$lines_in" "$lines_out" "$state"
done
echo "demo: normalized copies are in $out/"
echo
echo "== The directive corpus/vi/31-QD-TW.md, outlined (dirtrace outline):"
"$DIRTRACE" outline corpus/vi/31-QD-TW.md | sed -n '1,7p;8,${/^[a-z]/p;}' | head -40
echo
echo "== Every corpus document: units and numbering warnings"
find corpus -type f \( -name '*.md' -o -name '*.xml' \) ! -path 'corpus/src/*' \
	! -name README.md | sort | while read -r f; do
	units=$("$DIRTRACE" outline -q -f json "$f" | grep -o '"eid":' | wc -l)
	warns=$("$DIRTRACE" outline "$f" 2>&1 >/dev/null | grep -c warning)
	printf '%-45s %4s units  %s warnings\n' "$f" "$units" "$warns"
done
