#!/bin/sh
# demo.sh DIRTRACE - the main job on corpus/.  For now (the linker and the
# gap report are later issues) it normalizes every corpus document into
# build/demo/norm/ and says what it did: the encoding it detected, lines,
# and whether the text changed.
set -u
DIRTRACE=$1
out=build/demo/norm
mkdir -p "$out"
n=0
changed=0
find corpus -type f \( -name '*.md' -o -name '*.xml' -o -name '*.txt' \) \
	! -path 'corpus/src/*' | sort | while read -r f; do
	dest="$out/$(echo "$f" | sed 's|^corpus/||; s|/|__|g')"
	if ! "$DIRTRACE" norm -o "$dest" "$f"; then
		continue
	fi
	lines_in=$(wc -l < "$f" | tr -d ' ')
	lines_out=$(wc -l < "$dest" | tr -d ' ')
	if cmp -s "$f" "$dest"; then
		state="already clean"
	else
		state="normalized"
	fi
	printf '%-50s %5s lines -> %5s lines  %s\n' "$f" "$lines_in" \
		"$lines_out" "$state"
done
echo "demo: normalized copies are in $out/"
