#!/bin/sh
# demo.sh DIRTRACE - the main job on corpus/: every corpus document read
# (the encoding detected, normalized into build/demo/norm/), then the gap
# review of the Vietnamese regulation 31-QĐ/TW against all its local
# documents: build/demo/report.html, build/demo/report.json and the text
# summary on the terminal.
set -u
DIRTRACE=$1
out=build/demo
mkdir -p "$out/norm"
echo "== Reading the corpus (encodings detected, text normalized):"
find corpus -type f \( -name '*.md' -o -name '*.xml' -o -name '*.txt' \) \
	! -path 'corpus/src/*' ! -name README.md | sort | while read -r f; do
	dest="$out/norm/$(echo "$f" | sed 's|^corpus/||; s|/|__|g')"
	if ! enc=$("$DIRTRACE" norm -v -o "$dest" "$f" 2>&1); then
		echo "$enc"
		continue
	fi
	enc=$(echo "$enc" | sed -n 's/.*note: read as \([^,]*\),.*/\1/p')
	if cmp -s "$f" "$dest"; then
		state="already clean"
	else
		state="normalized"
	fi
	units=$("$DIRTRACE" outline -q -f json "$f" | grep -o '"eid":' | wc -l)
	printf '  %-46s %-12s %4s units  %s\n' "$f" "$enc" "$units" "$state"
done
echo
echo "== Gap review: dirtrace gaps corpus/vi/31-QD-TW.md corpus/vi/dev corpus/vi/test"
set -- corpus/vi/31-QD-TW.md corpus/vi/dev corpus/vi/test
"$DIRTRACE" gaps -q --format html -o "$out/report.html" "$@"
"$DIRTRACE" gaps -q --format json -o "$out/report.json" "$@"
"$DIRTRACE" gaps --color=never "$@"
echo
echo "demo: the review is in $out/report.html and $out/report.json"
