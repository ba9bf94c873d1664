#!/bin/sh
# check_browser.sh DIRTRACE - open the HTML gap review in headless Chromium
# and check what the browser built from it: a coverage-map row per article
# of the directive, each with a status class; the status filter working
# (its script ran and #status=uncovered hides the rows without one); a
# coverage bar per chapter.  The screenshot stays in build/browser/.
# Chromium comes from `sh tools/deps.sh browser`; without it this exits 2
# and says why: it never passes silently.  Run by `make check-browser`.
set -u
DT=${1:?usage: check_browser.sh DIRTRACE}
DIRECTIVE=corpus/vi/31-QD-TW.md
LOCALS=corpus/vi/dev
OUT=build/browser
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "browser: FAIL: $*" >&2; }

if ! sh tools/deps.sh browser; then
	echo "browser: cannot install Chromium (see above); not checked" >&2
	exit 2
fi
CHROMIUM=$(command -v chromium || command -v chromium-browser) || {
	echo "browser: no chromium command after tools/deps.sh browser" >&2
	exit 2
}
mkdir -p "$OUT" || exit 2
OUT=$(cd "$OUT" && pwd)
PROFILE=$(mktemp -d) || exit 2
trap 'rm -rf "$PROFILE"' EXIT INT TERM

# Chromium, offline and quiet; its noise on stderr is not ours to judge.
browse() {
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
		--disable-quic --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$PROFILE" "$@" 2>/dev/null
}

"$DT" gaps -q --format html -o "$OUT/report.html" "$DIRECTIVE" "$LOCALS"
rc=$?
if [ "$rc" -gt 1 ] || [ ! -s "$OUT/report.html" ]; then
	echo "browser: dirtrace gaps failed (exit $rc); nothing to open" >&2
	exit 2
fi
outline=$("$DT" outline -f json "$DIRECTIVE") || exit 2
articles=$(printf '%s' "$outline" | grep -o '"kind":"article"' | wc -l)
chapters=$(printf '%s' "$outline" | grep -o '"kind":"chapter"' | wc -l)
[ "$articles" -gt 0 ] && ok || bad "$DIRECTIVE has no articles"

URL="file://$OUT/report.html"
browse --dump-dom "$URL" > "$OUT/dom.html"
[ -s "$OUT/dom.html" ] && ok || bad "chromium rendered nothing"

rows=$(grep -c '<tr class="article' "$OUT/dom.html")
[ "$rows" -eq "$articles" ] && ok ||
	bad "$rows coverage rows for $articles articles"
st='status-(covered|implicit|partial|uncovered|na|accepted)'
with=$(grep -cE "<tr class=\"article $st[ \"]" "$OUT/dom.html")
[ "$with" -eq "$articles" ] && ok ||
	bad "$with of $articles rows have a status class"
bars=$(grep -o '<svg class="bar"' "$OUT/dom.html" | wc -l)
[ "$bars" -eq $((chapters + 1)) ] && ok ||
	bad "$bars coverage bars for $chapters chapters (+1 in total)"
if grep -q 'id="filters"' "$OUT/dom.html" &&
	! grep 'id="filters"' "$OUT/dom.html" | grep -q ' hidden'; then
	ok
else
	bad "the filter buttons are not shown: the script did not run"
fi

# #status=uncovered: a row stays only when it or a cell is uncovered.
browse --dump-dom "$URL#status=uncovered" > "$OUT/dom-uncovered.html"
keep=$(grep '<tr class="article' "$OUT/report.html" |
	grep -c 'status-uncovered')
hidden=$(grep -cE '<tr class="article[^"]* hidden"' "$OUT/dom-uncovered.html")
[ "$hidden" -eq $((articles - keep)) ] && [ "$keep" -gt 0 ] && ok ||
	bad "filter uncovered hid $hidden rows, expected $((articles - keep))"

rm -f "$OUT/report.png"
browse --screenshot="$OUT/report.png" --window-size=1280,2000 "$URL" \
	>/dev/null
if [ -s "$OUT/report.png" ] &&
	[ "$(head -c 4 "$OUT/report.png" | tail -c 3)" = PNG ]; then
	ok
else
	bad "no screenshot"
fi

echo "browser: $pass passed, $fail failed (screenshot: $OUT/report.png)"
[ "$fail" -eq 0 ]
