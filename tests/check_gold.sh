#!/bin/sh
# check_gold.sh - check corpus gold annotations against the corpus files.
#
# usage: sh tests/check_gold.sh DIRTRACE [GOLD.tsv ...]
#
# DIRTRACE is the dirtrace binary (only `DIRTRACE norm FILE` is used: it
# decodes any supported encoding to UTF-8 NFC, new tone style, LF, keeping
# line numbers).  Without GOLD arguments every corpus/*/gold.tsv is checked.
#
# For every fact of a gold file (format: DESIGN.md section 4, plus the
# `directive` section lines, trailing comments and `#@` comment lines of
# corpus/README.md) it checks that the files exist, that the line exists,
# that the cited text of explicit links (`# text`), implicit links
# (`# ~ text`), broken and stale references and `#@` lines is on that line
# of the normalized file, and that eIds name units of the section's
# directive (outline read from its Markdown).  Local files under dev/ and
# test/ with no link, broken, stale or nolinks fact give a warning.
#
# Output: `GOLD:LINE: gold error: ...` per error, `FILE: gold warning: ...`
# per warning, then `gold: N facts checked, M errors` and `P passed, F failed`.
# Exit status: 0 all facts pass, 1 some fact fails, 2 usage error.
# POSIX sh + awk; no other tools.

if [ $# -lt 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
	echo "usage: sh tests/check_gold.sh DIRTRACE [GOLD.tsv ...]" >&2
	exit 2
fi
DT=$1
shift
case $DT in
*/*) ;;
*) DT=$(command -v "$DT" || echo "./$DT") ;;
esac
if [ ! -x "$DT" ]; then
	echo "check_gold.sh: $DT: not an executable file" >&2
	exit 2
fi
if [ $# -eq 0 ]; then
	root=$(cd "$(dirname "$0")/.." && pwd) || exit 2
	set -- "$root"/corpus/*/gold.tsv
	if [ ! -f "$1" ]; then
		echo "check_gold.sh: no corpus/*/gold.tsv under $root" >&2
		exit 2
	fi
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check_gold.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

cat >"$tmp/check.awk" <<'AWK'
BEGIN {
	FS = "\t"
	while ((getline l < map) > 0) {
		split(l, a, "\t")
		normf[a[1]] = a[2]; state[a[1]] = a[3]; rawn[a[1]] = a[4]
	}
	close(map)
	while ((getline l < locals) > 0) { nloc++; loc[nloc] = l }
	close(locals)
	# point labels: Latin a-z, đ, Cyrillic а-я
	np = split("a b c d e f g h i j k l m n o p q r s t u v w x y z đ а б в г д е ж з и к л м н о п р с т у ф х ц ч ш щ э ю я", pl, " ")
	for (i = 1; i <= np; i++) ptlabel[pl[i]] = 1
	split("I II III IV V VI VII VIII IX X XI XII XIII XIV XV", rom, " ")
	for (i = 1; i <= 15; i++) roman[rom[i]] = i
	cur = ""
}

function gerr(msg) {
	printf "%s:%d: gold error: %s\n", gold, FNR, msg
	failed = 1
}

# load the normalized copy of f; 0 when it cannot be used (error reported)
function load(f,    fn, n, l) {
	if (f in loaded) return loaded[f]
	if (!(f in state) || state[f] == "missing") {
		loaded[f] = 0; return 0
	}
	if (state[f] != "ok") { loaded[f] = 0; return 0 }
	fn = normf[f]; n = 0
	while ((getline l < fn) > 0) { n++; text[f, n] = l }
	close(fn)
	nlines[f] = n
	if (rawn[f] != "" && rawn[f] + 0 != n)
		lcdiff[f] = 1
	loaded[f] = 1
	return 1
}

function usable(f) {
	if (f == "") { gerr("no file given"); return 0 }
	if (!(f in state) || state[f] == "missing") { gerr(f ": no such file"); return 0 }
	if (state[f] != "ok") { gerr(f ": `dirtrace norm` failed on it"); return 0 }
	load(f)
	if (f in lcdiff) {
		gerr(f ": `dirtrace norm` gave " nlines[f] " lines, the file has " rawn[f])
		return 0
	}
	return 1
}

function online(f, ln, t) {
	if (!usable(f)) return
	if (ln !~ /^[0-9]+$/ || ln + 0 < 1 || ln + 0 > nlines[f]) {
		gerr(f ": no line " ln " (the file has " nlines[f] ")")
		return
	}
	if (t != "" && index(text[f, ln + 0], t) == 0)
		gerr(f ":" ln ": '" t "' is not on that line")
}

function strip(s) {
	sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s)
	return s
}

# the eIds of a directive in Markdown, read from its normalized text
function outline(f,    i, s, m, num, art, clause, chap, top, lab, rest, found, decs) {
	if (f in haveol) return haveol[f]
	haveol[f] = 0
	if (f !~ /\.(md|markdown|txt)$/) return 0
	if (!load(f)) return 0
	art = ""; clause = ""; found = 0
	for (i = 1; i <= nlines[f]; i++) {
		s = text[f, i]
		if (s ~ /^#+ +(Chương|Глава) /) {
			m = s; sub(/^#+ +(Chương|Глава) +/, "", m); sub(/[. ].*$/, "", m)
			num = (m in roman) ? roman[m] : m + 0
			chap = "chp_" num; eid[f, chap] = 1
			art = ""; clause = ""
			continue
		}
		if (s ~ /^(#+ +)?(\*\*)?(Điều|Статья) [0-9]+\./) {
			m = s; sub(/^(#+ +)?(\*\*)?(Điều|Статья) /, "", m); sub(/\..*$/, "", m)
			art = "art_" m; eid[f, art] = 1; clause = ""; found = 1
			continue
		}
		if (art != "") {
			if (s ~ /^\|/) { art = ""; continue }
			if (s ~ /^[0-9]+[.)] /) {
				m = s; sub(/[.)] .*$/, "", m)
				clause = art "__para_" m; eid[f, clause] = 1
				continue
			}
			if (clause != "" && (lab = index(s, ") ")) > 1 && lab <= 3) {
				m = substr(s, 1, lab - 1)
				if (m in ptlabel) eid[f, clause "__point_" m] = 1
			}
			continue
		}
		# decimal items 1. / 1.2. / 1.2.3. (Party directives, guidances)
		if (s ~ /^[0-9]+\.[0-9]+\.[0-9]+\. /) {
			m = s; sub(/\. .*$/, "", m); split(m, decs, ".")
			eid[f, "lvl_" decs[1] "__lvl_" decs[1] "-" decs[2] "__lvl_" decs[1] "-" decs[2] "-" decs[3]] = 1
		} else if (s ~ /^[0-9]+\.[0-9]+\. /) {
			m = s; sub(/\. .*$/, "", m); split(m, decs, ".")
			eid[f, "lvl_" decs[1] "__lvl_" decs[1] "-" decs[2]] = 1
		} else if (s ~ /^[0-9]+\. /) {
			m = s; sub(/\. .*$/, "", m)
			eid[f, "lvl_" m] = 1
		}
	}
	haveol[f] = 1
	return 1
}

function checkeid(e) {
	if (e == "") { gerr("no eId"); return }
	if (cur == "") return
	if (!outline(cur)) return
	if (!((cur, e) in eid))
		gerr(e ": not a unit of " cur)
}

/^[ \t]*$/ { next }

/^#@/ {
	facts++; failed = 0
	k = substr($1, 3)
	if (k != "mention" && k != "self" && k != "other")
		gerr("unknown annotation " $1)
	else
		online($2, $3, $4)
	if (failed) nerr++
	next
}

/^#/ { next }

{
	facts++; failed = 0
	k = $1
	if (k == "directive") {
		cur = $2
		if (usable(cur) && !outline(cur))
			printf "%s:%d: gold warning: %s: cannot read its outline; eIds not checked\n", gold, FNR, cur
	} else if (k == "link") {
		checkeid($2)
		seen[$3] = 1
		if ($5 != "explicit" && $5 != "implicit")
			gerr("link kind '" $5 "' is neither explicit nor implicit")
		t = ""
		if (NF >= 6 && $6 ~ /^#/) {
			t = $6; sub(/^# ?/, "", t)
			if ($5 == "implicit") sub(/^~ ?/, "", t)
			t = strip(t)
		}
		online($3, $4, t)
	} else if (k == "uncovered" || k == "partial") {
		checkeid($2)
	} else if (k == "broken" || k == "stale") {
		seen[$2] = 1
		if (strip($4) == "") gerr(k ": no cited text")
		online($2, $3, strip($4))
	} else if (k == "nolinks") {
		seen[$2] = 1
		usable($2)
	} else {
		gerr("unknown fact '" k "'")
	}
	if (failed) nerr++
}

END {
	for (i = 1; i <= nloc; i++)
		if (!(loc[i] in seen))
			printf "%s/%s: gold warning: no link, broken, stale or nolinks fact in %s\n", dir, loc[i], gold
	printf "%d %d\n", facts, nerr > counts
}
AWK

allfacts=0
allerr=0
i=0
for gold in "$@"; do
	i=$((i + 1))
	if [ ! -f "$gold" ]; then
		echo "$gold:0: gold error: no such gold file"
		allerr=$((allerr + 1))
		allfacts=$((allfacts + 1))
		continue
	fi
	dir=$(dirname "$gold")
	# the files the gold file names (column 2, or 3 for links)
	awk -F '\t' '
		/^#@/ { print $2; next }
		/^#/ || /^[ \t]*$/ { next }
		$1 == "link" { print $3; next }
		{ print $2 }' "$gold" | sort -u >"$tmp/files.$i"
	: >"$tmp/map.$i"
	n=0
	while IFS= read -r f; do
		n=$((n + 1))
		out="$tmp/norm.$i.$n"
		if [ ! -f "$dir/$f" ]; then
			st=missing
			raw=
		elif "$DT" norm "$dir/$f" >"$out" 2>"$out.err"; then
			st=ok
			raw=$(awk 'END { print NR }' "$dir/$f")
		else
			st=normfail
			raw=
		fi
		printf '%s\t%s\t%s\t%s\n' "$f" "$out" "$st" "$raw" >>"$tmp/map.$i"
	done <"$tmp/files.$i"
	for s in dev test; do
		if [ -d "$dir/$s" ]; then
			(cd "$dir" && find "$s" -type f)
		fi
	done | sort >"$tmp/locals.$i"
	awk -v gold="$gold" -v dir="$dir" -v map="$tmp/map.$i" \
		-v locals="$tmp/locals.$i" -v counts="$tmp/counts.$i" \
		-f "$tmp/check.awk" "$gold"
	read -r f e <"$tmp/counts.$i" || { f=0; e=1; }
	allfacts=$((allfacts + f))
	allerr=$((allerr + e))
done

echo "gold: $allfacts facts checked, $allerr errors"
echo "$((allfacts - allerr)) passed, $allerr failed"
[ "$allerr" -eq 0 ]
