#!/bin/sh
# run_bench.sh DIRTRACE GEN_CORPUS - the corpus-scale benchmark of issue 8:
# one table of outline, cites and gaps on generated corpora, with SQLite
# FTS5 (implicit linking) and grep -P (citation scanning) as peers on the
# same paragraphs and clauses.  Run from the project root (`make bench`).
#
# Environment (defaults in brackets):
#   BENCH_SIZES          Vietnamese corpus sizes, MB of local input ["10 100 300"]
#   BENCH_RU_SIZES       Russian corpus sizes ["100"]
#   BENCH_CHARTER_SIZES  decimal Charter-keyed corpus sizes ["10"]
#   BENCH_LARGE          corpora with a larger directive, LANG:SIZE:ARTICLES
#                        (gen_corpus -a) ["vi:10:2000": ten times the
#                        articles of vi-10, ~10,400 leaves]
#   BENCH_RUNS           runs per dirtrace / grep measurement; medians [3]
#   BENCH_FTS_SIZE       Vietnamese size the FTS5 peer runs at, 0 = none [10]
#   BENCH_FTS_RUNS       runs of the FTS5 peer (minutes each) [1]
#   BENCH_RECALL         1 = FTS5 vs dirtrace recall on corpus/ gold [1]
#   BENCH_DIR            corpora, outputs and the table [build/bench]
#   BENCH_COMMIT         the label of the measured build [git rev-parse HEAD,
#                        "+ uncommitted changes" when the tree differs]
#
# Method.  CPU = user + sys of the process (GNU time), median of the runs;
# MB/s = MB of local documents (10^6 bytes, directive not counted) / CPU s;
# wall = median elapsed; RSS = largest peak resident set of the runs.
# The machine may be shared: CPU time is the figure to compare, wall time
# moves with the load (the table's header gives the load average).
# Outputs go to files or to stdout redirected by the shell, never to
# `-o /dev/null` (dirtrace writes -o FILE atomically: a temporary file
# renamed over FILE, which as root would replace /dev/null).
#
# The implicit-linking stage alone is not a CLI option: it is measured as
# CPU(gaps) - CPU(gaps --no-implicit), which skips building the matcher
# and every query and keeps the rest (read, outline, cite, cover, report;
# the report is smaller by the implicit links it no longer holds).
#
# FTS5 peer: sqlite3 (Debian) indexes the local paragraphs (blank-line
# blocks of every local file) with `unicode61 remove_diacritics 2` and
# runs one BM25 query per obligation leaf of the directive (the leaves
# dirtrace's matcher indexes), its words OR-ed, top 10.  Index and query
# time are measured separately; the ratio is (index + queries) / the
# implicit stage.  grep peer: grep -P -o with a pattern equivalent to the
# candidate pattern of dirtrace's citation scanner (level word, blank,
# start of a label), over the same local files.
#
# Corpora are cached in BENCH_DIR/corpus-LANG-SIZE and regenerated only
# when the generator's sources or arguments change.
set -u
BIN=$1
GEN=$2
HERE=$(dirname "$0")
SIZES=${BENCH_SIZES-10 100 300}
RU_SIZES=${BENCH_RU_SIZES-100}
CH_SIZES=${BENCH_CHARTER_SIZES-10}
LARGE=${BENCH_LARGE-vi:10:2000}
RUNS=${BENCH_RUNS:-3}
FTS=${BENCH_FTS_SIZE-10}
FTS_RUNS=${BENCH_FTS_RUNS:-1}
RECALL=${BENCH_RECALL:-1}
DIR=${BENCH_DIR:-build/bench}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
mkdir -p "$DIR"
TABLE=$DIR/bench-table.txt
: > "$TMP/rows"
export LC_ALL=C.UTF-8

say() { echo "bench: $*" >&2; }

for tool in /usr/bin/time sqlite3 python3 grep; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "bench: $tool is missing (sh tools/deps.sh bench)" >&2
		exit 2
	fi
done

# ---- corpora ---------------------------------------------------------------

GEN_SUM=$(cat "$HERE"/gen_corpus*.c "$HERE"/gen_corpus*.h | cksum |
	cut -d' ' -f1)

# corpus LANG SIZE [ARTICLES]: the cached corpus folder (generated when
# missing or made by another version of the generator); ARTICLES, when
# given, sets the directive's (gen_corpus -a).
corpus() {
	c=$DIR/corpus-$1-$2${3:+-a$3}
	stamp="$GEN_SUM $1 $2 ${3:-}"
	if [ -f "$c/.stamp" ] && [ "$(cat "$c/.stamp")" = "$stamp" ]; then
		echo "$c"
		return 0
	fi
	say "generating $1 corpus of $2 MB in $c"
	rm -rf "$c.tmp"
	"$GEN" ${3:+-a "$3"} "$1" "$2" "$c.tmp" >&2 || exit 2
	rm -rf "$c"
	mv "$c.tmp" "$c" && echo "$stamp" > "$c/.stamp"
	echo "$c"
}

manifest() { awk -F'\t' -v k="$2" '$1 == k { print $2 }' "$1/manifest.txt"; }

# ---- measuring -------------------------------------------------------------

# median FILE: the median of the numbers in FILE, one per line.
median() {
	sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR == 0) print "";
		else if (NR % 2) print v[(NR + 1) / 2];
		else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# measure RUNS OUT CMD...: run CMD RUNS times, stdout to OUT; sets M_CPU,
# M_WALL (medians, s), M_RSS (largest, MB), M_RC (last exit status).
measure() {
	m_runs=$1
	m_out=$2
	shift 2
	: > "$TMP/cpu"
	: > "$TMP/wall"
	: > "$TMP/rss"
	m_i=0
	while [ "$m_i" -lt "$m_runs" ]; do
		/usr/bin/time -f '%U %S %e %M' -o "$TMP/time" "$@" \
			> "$m_out" 2> "$TMP/stderr"
		M_RC=$?
		tail -n 1 "$TMP/time" | awk -v c="$TMP/cpu" -v w="$TMP/wall" \
			-v r="$TMP/rss" '{ print $1 + $2 >> c; print $3 >> w;
			print $4 / 1024 >> r }'
		m_i=$((m_i + 1))
	done
	M_CPU=$(median "$TMP/cpu")
	M_WALL=$(median "$TMP/wall")
	M_RSS=$(sort -g "$TMP/rss" | tail -n 1)
	if [ "$M_RC" -gt 1 ]; then
		say "exit status $M_RC: $1 $2 $3 ..."
		head -n 5 "$TMP/stderr" >&2
	fi
}

# row CORPUS MB PARAS WHAT CPU WALL RSS NOTE: one line of the table.
row() {
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" \
		"$5" "$(awk -v mb="$2" -v c="$5" 'BEGIN { if (c > 0 && mb > 0)
		printf "%.1f", mb / c; else print "-" }')" "$6" "$7" "$8" \
		>> "$TMP/rows"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b;
	else print "-" }'; }

# Citation patterns for grep -P: the candidate patterns of lib/cite_grammar.c
# (a level word, then the start of a label: a digit, a Roman numeral, a
# letter alone or before ")", a quoted letter).
GREP_VI='(?i)(?<![\p{L}\p{N}])(?:tiểu\s{1,3}mục|tiết|điểm|khoản|điều|mục|chương|phần)(?![\p{L}\p{N}])\s{1,3}(?:\d|(?-i:[IVXLC]{1,8})(?![\p{L}\p{N}])|[a-zđ](?![\p{L}\p{N}])|\p{L}\))'
GREP_RU='(?i)(?<![\p{L}\p{N}])(?:подпункт\p{L}{0,3}|подп\.|пп\.|пункт\p{L}{0,3}|п\.|част(?:ь|и|ью|ей|ям|ями|ях)|ч\.|стат(?:ья|ьи|ье|ью|ьей|ьёй|ьям|ьями|ьях|ей)|ст\.|глав\p{L}{0,3}|гл\.|раздел\p{L}{0,3}|разд\.)\s{0,3}(?:\d|[«"]\p{L}|\p{L}\))'

JOBS=0
if "$BIN" gaps --help 2>/dev/null | grep -q -- '--jobs'; then
	JOBS=1
fi

# bench LANG SIZE [ARTICLES]: dirtrace verbs and the grep peer on one
# corpus (its directive of ARTICLES articles when given).
bench() {
	lang=$1
	c=$(corpus "$1" "$2" "${3:-}")
	name=$1-$2${3:+-a$3}
	out=$DIR/out-$name
	mkdir -p "$out"
	mb=$(awk -v b="$(manifest "$c" bytes)" 'BEGIN { printf "%.1f", b / 1e6 }')
	paras=$(manifest "$c" paragraphs)
	dir=$c/directive.md
	say "$name: outline"
	measure "$RUNS" "$out/outline.json" "$BIN" outline -q -f json \
		"$c"/local/*.md
	row "$name" "$mb" "$paras" "outline -f json" "$M_CPU" "$M_WALL" \
		"$M_RSS" ""
	say "$name: cites"
	measure "$RUNS" "$out/cites.tsv" "$BIN" cites -q -f tsv \
		--directive "$dir" "$c"/local/*.md
	cites_cpu=$M_CPU
	ncites=$(grep -vc '^#' "$out/cites.tsv")
	nres=$(awk -F'\t' '$4 == "resolved"' "$out/cites.tsv" | wc -l)
	row "$name" "$mb" "$paras" "cites -f tsv" "$M_CPU" "$M_WALL" \
		"$M_RSS" "$((ncites - 1)) citations, $nres resolved"
	say "$name: gaps"
	measure "$RUNS" "$out/gaps-j1.json" "$BIN" gaps -q -f json "$dir" \
		"$c/local"
	gaps_cpu=$M_CPU
	gaps_wall=$M_WALL
	nimp=$(grep -o '"kind":"implicit"' "$out/gaps-j1.json" | wc -l)
	row "$name" "$mb" "$paras" "gaps -f json" "$M_CPU" "$M_WALL" \
		"$M_RSS" "$nimp implicit links"
	say "$name: gaps --no-implicit"
	measure "$RUNS" "$out/gaps-noimpl.json" "$BIN" gaps -q --no-implicit \
		-f json "$dir" "$c/local"
	IMPL_CPU=$(awk -v a="$gaps_cpu" -v b="$M_CPU" \
		'BEGIN { printf "%.2f", a - b }')
	row "$name" "$mb" "$paras" "gaps --no-implicit" "$M_CPU" "$M_WALL" \
		"$M_RSS" "implicit stage = $IMPL_CPU s CPU"
	if [ "$JOBS" = 1 ]; then
		say "$name: gaps --jobs 2"
		measure "$RUNS" "$out/gaps-j2.json" "$BIN" gaps -q --jobs 2 \
			-f json "$dir" "$c/local"
		same="output differs from --jobs 1"
		cmp -s "$out/gaps-j1.json" "$out/gaps-j2.json" &&
			same="output identical"
		row "$name" "$mb" "$paras" "gaps --jobs 2" "$M_CPU" "$M_WALL" \
			"$M_RSS" "wall speed-up $(ratio "$gaps_wall" \
			"$M_WALL")x over --jobs 1, $same"
	else
		row "$name" "$mb" "$paras" "gaps --jobs 2" "" "n/a" "n/a" \
			"speed-up n/a: this dirtrace has no --jobs"
	fi
	pat=$GREP_VI
	[ "$lang" = ru ] && pat=$GREP_RU
	say "$name: grep -P"
	measure "$RUNS" "$out/grep.txt" grep -P -o -h -- "$pat" \
		"$c"/local/*.md
	row "$name" "$mb" "$paras" "peer: grep -P -o (cite pattern)" \
		"$M_CPU" "$M_WALL" "$M_RSS" "$(wc -l < "$out/grep.txt") \
matches; dirtrace cites CPU = $(ratio "$cites_cpu" "$M_CPU")x grep"
}

# fts SIZE: the FTS5 peer on the Vietnamese corpus of SIZE MB, against
# the implicit stage measured there (IMPL_CPU, set by bench).
fts() {
	c=$(corpus vi "$1")
	name=vi-$1
	out=$DIR/out-$name
	mb=$(awk -v b="$(manifest "$c" bytes)" 'BEGIN { printf "%.1f", b / 1e6 }')
	say "$name: FTS5 peer (index, then one query per leaf)"
	np=$(python3 "$HERE/fts_peer.py" paras "$c/local" "$out/paras.txt")
	python3 "$HERE/fts_peer.py" index "$out/index.sql" "$out/paras.txt"
	"$BIN" outline -q -f json "$c/directive.md" > "$out/directive.json"
	nq=$(python3 "$HERE/fts_peer.py" queries "$out/directive.json" \
		"$out/gaps-j1.json" "$out/queries.sql" 10)
	# shellcheck disable=SC2016 # $1 and $2 are the inner shell's
	measure "$FTS_RUNS" "$TMP/fts-index.out" sh -c \
		'rm -f "$1"; exec sqlite3 -batch "$1" < "$2"' sh \
		"$out/fts.db" "$out/index.sql"
	icpu=$M_CPU
	row "$name" "$mb" "$np" "peer: FTS5 index ($np paragraphs)" \
		"$M_CPU" "$M_WALL" "$M_RSS" "sqlite3 $(sqlite3 -version |
		cut -d' ' -f1), $FTS_RUNS run(s)"
	# shellcheck disable=SC2016
	measure "$FTS_RUNS" "$out/fts-hits.txt" sh -c \
		'exec sqlite3 -batch -readonly "$1" < "$2"' sh \
		"$out/fts.db" "$out/queries.sql"
	qcpu=$M_CPU
	row "$name" "$mb" "$np" "peer: FTS5 $nq BM25 queries, top 10" \
		"$M_CPU" "$M_WALL" "$M_RSS" "$(awk -v q="$qcpu" -v n="$nq" \
		'BEGIN { if (n > 0) printf "%.0f ms/query", 1000 * q / n }')"
	python3 "$HERE/fts_peer.py" synthetic "$c" "$out/directive.json" \
		"$out/gaps-j1.json" "$out/fts-hits.txt" > "$TMP/synthetic"
	tot=$(awk -v a="$icpu" -v b="$qcpu" 'BEGIN { printf "%.2f", a + b }')
	row "$name" "$mb" "$np" "peer: FTS5 index + queries" "$tot" "" "" \
		"= $(ratio "$tot" "$IMPL_CPU")x dirtrace's implicit stage \
($IMPL_CPU s)"
}

START_LOAD=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
for s in $SIZES; do
	bench vi "$s"
	if [ "$s" = "$FTS" ]; then
		fts "$s"
	fi
done
case " $SIZES " in
*" $FTS "*) ;;
*) if [ -n "$FTS" ] && [ "$FTS" != 0 ]; then
	bench vi "$FTS"
	fts "$FTS"
fi ;;
esac
for s in $RU_SIZES; do
	bench ru "$s"
done
for s in $CH_SIZES; do
	bench charter "$s"
done
for l in $LARGE; do
	bench "$(echo "$l" | cut -d: -f1)" "$(echo "$l" | cut -d: -f2)" \
		"$(echo "$l" | cut -d: -f3)"
done
if [ "$RECALL" = 1 ]; then
	say "recall of FTS5 and dirtrace on corpus/ gold"
	python3 "$HERE/fts_peer.py" recall "$BIN" sqlite3 > "$TMP/recall" ||
		echo "recall: failed" > "$TMP/recall"
fi

# ---- the table -------------------------------------------------------------

{
	cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null |
		sed 's/.*: //')
	commit=${BENCH_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null ||
		echo unknown)}
	if [ -z "${BENCH_COMMIT:-}" ] &&
		[ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]
	then
		commit="$commit + uncommitted changes"
	fi
	echo "dirtrace bench: commit $commit, $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "CPU: ${cpu:-unknown} x $(nproc 2>/dev/null || echo '?'); load \
average at start $START_LOAD, at end $(cut -d' ' -f1-3 /proc/loadavg \
2>/dev/null) (shared machine: compare CPU, not wall)"
	echo "medians of $RUNS runs (FTS5: $FTS_RUNS); CPU = user+sys; MB/s = \
MB of local documents / CPU s; RSS = peak resident set"
	echo
	awk -F'\t' '
	function line(c, mb, np, what, cpu, rate, wall, rss, note) {
		printf "%-13s %7s %8s  %-36s %8s %8s %8s %7s  %s\n", c, mb,
			np, what, cpu, rate, wall, rss, note
	}
	BEGIN { line("corpus", "MB", "paras", "command", "CPU s", "MB/s",
		"wall s", "RSS MB", "notes") }
	{
		first = $1 != last
		last = $1
		rate = $5 == "" ? "" : $6
		rss = $8 == "" || $8 == "n/a" ? $8 : sprintf("%.0f", $8)
		if (first)
			line($1, $2, $3, $4, $5, rate, $7, rss, $9)
		else
			line("", "", "", $4, $5, rate, $7, rss, $9)
	}' "$TMP/rows"
	if [ -s "$TMP/synthetic" ]; then
		echo
		echo "paraphrases in the generated vi-$FTS corpus (its gold.tsv; \
(leaf, file) pairs):"
		sed 's/^/  /' "$TMP/synthetic"
	fi
	if [ -f "$TMP/recall" ]; then
		echo
		echo "implicit links on corpus/ gold (vi + ru sections with \
implicit links; (unit, file) pairs, DESIGN §4 matching):"
		sed 's/^/  /' "$TMP/recall"
		echo "  (FTS5 top-k has no threshold: dirtrace_minX is gaps \
--min-score X, for recall at a like precision)"
	fi
} > "$TABLE"
cat "$TABLE"
