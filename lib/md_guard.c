/*
 * md_guard.c - one linear pass over Markdown before cmark-gfm sees it:
 * refuse what is certainly over a limit, send what is suspect to a
 * guarded parse (md_guard_child.c).
 *
 * Measured on Debian 12's cmark-gfm 0.29.0.gfm.6 (2 cores, tests in
 * tests/check_limits.sh):
 *  - a table pads every row to the header's width, so 3,000 columns and
 *    3,000 one-character rows (18 KB) make 9,000,000 cells, 2.1 GB and
 *    17 s: counted exactly enough here and refused over max_cells;
 *  - "> > > …" and "- - - …" runs nest one node per two bytes: counted
 *    and refused over max_depth;
 *  - a delimiter-like row ("|-") makes cmark re-read the whole paragraph
 *    above it, so alternating "|" and "|-" lines are quadratic (30 KB:
 *    14 s; about 160 ns per unit of delim_work);
 *  - every link closer walks back over all open image openers ("![[]()"
 *    x 10,000, 60 KB: 0.45 s; x 100,000: over 30 s; about 2 ns per unit
 *    of bracket_work);
 *  - a reference definition is copied into every link that uses it (a
 *    10 KB definition used 100,000 times: over 4 GB; ref_work counts the
 *    bytes copied at most).
 * The suspect thresholds below are a few hundred milliseconds of work or
 * a few MB of copies: far above any real document, far below harm.
 */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "md_guard.h"

#define BRACKET_WORK_MAX 5e7 /* ~0.1 s */
#define DELIM_WORK_MAX 1e6   /* ~0.16 s */
#define REF_WORK_MAX 8e6     /* 8 MB of copies */
#define GUARD_MIN_BYTES ((size_t)256 << 10)

typedef struct {
	dt_md_scan *r;
	size_t para_bytes, para_img, para_close; /* the current paragraph */
	size_t closes;      /* ']' in the whole document */
	size_t longest_ref; /* longest reference-definition-like run */
	size_t ref_len, ref_left; /* the current run: bytes, lines left */
	int prev_blank;
	int in_table;
	size_t tcols, tdepth, tcells, tline; /* the current table */
	size_t largest;     /* cells of the largest table so far */
} scanner;

static int is_ws(char c)
{
	return c == ' ' || c == '\t';
}

/* The first byte of the longest suffix of [b, e) made only of `c` and
 * blanks. */
static const char *tail_of(const char *b, const char *e, char c)
{
	while (e > b && (e[-1] == c || is_ws(e[-1]))) {
		e--;
	}
	return e;
}

/* Count the container markers (">", "-", "+", "*", "1." or "1)") that
 * open the line [b, e), each after optional blanks, into *depth; return
 * where the line's content starts.  A line that is a thematic break
 * ("- - -", "* * *") from some marker on stops counting there, and the
 * check reads that tail once, so the pass stays linear. */
static const char *container_prefix(const char *b, const char *e,
	size_t *depth)
{
	const char *p = b, *dash = tail_of(b, e, '-'), *star = tail_of(b, e,
		'*');

	*depth = 0;
	for (;;) {
		const char *q;

		while (p < e && is_ws(*p)) {
			p++;
		}
		if (p < e && *p == '>') {
			(*depth)++;
			p++;
			continue;
		}
		if (p < e && (*p == '-' || *p == '+' || *p == '*') &&
			(p + 1 == e || is_ws(p[1]))) {
			if ((*p == '-' && p >= dash) || (*p == '*' && p >= star)) {
				size_t k = 0;

				for (q = p; q < e; q++) {
					k += *q == *p;
				}
				if (k >= 3) {
					return p; /* a thematic break */
				}
			}
			(*depth)++;
			p++;
			continue;
		}
		for (q = p; q < e && q - p < 9 && *q >= '0' && *q <= '9'; q++) {
		}
		if (q > p && q < e && (*q == '.' || *q == ')') &&
			(q + 1 == e || is_ws(q[1]))) {
			(*depth)++;
			p = q + 1;
			continue;
		}
		return p;
	}
}

/* A GFM delimiter row: only "|:-" and blanks, a '-', and a '|' or ':'
 * (else "---" is a thematic break or a setext underline).  *cols gets
 * an upper bound of its columns. */
static int delim_like(const char *p, const char *e, size_t *cols)
{
	size_t pipes = 0;
	int dash = 0, colon = 0;

	for (; p < e; p++) {
		if (*p == '|') {
			pipes++;
		} else if (*p == '-') {
			dash = 1;
		} else if (*p == ':') {
			colon = 1;
		} else if (!is_ws(*p)) {
			return 0;
		}
	}
	*cols = pipes + 1;
	return dash && (pipes > 0 || colon);
}

/* Does [p, e) start a block that ends a table (heading, HTML, fence)? */
static int starts_block(const char *p, const char *e)
{
	return p < e && (*p == '#' || *p == '<' ||
		(e - p >= 3 && (memcmp(p, "```", 3) == 0 ||
		memcmp(p, "~~~", 3) == 0)));
}

static void end_table(scanner *sc)
{
	if (!sc->in_table) {
		return;
	}
	sc->r->cells += sc->tcells;
	if (sc->tcells > sc->largest) {
		sc->largest = sc->tcells;
		sc->r->cells_line = sc->tline;
	}
	sc->in_table = 0;
}

static void end_paragraph(scanner *sc)
{
	sc->r->bracket_work += (double)sc->para_img * (double)sc->para_close;
	sc->para_bytes = 0;
	sc->para_img = 0;
	sc->para_close = 0;
}

/* Tables: a delimiter-like row under a non-blank line opens one (its
 * header above); every later line at the same container depth is a row,
 * padded to the widest delimiter row seen, until a blank line, another
 * depth or a block start. */
static void table_line(scanner *sc, const char *p, const char *e,
	size_t depth, size_t line)
{
	size_t cols;
	int delim = delim_like(p, e, &cols);

	if (sc->in_table && (depth != sc->tdepth || starts_block(p, e))) {
		end_table(sc);
	}
	if (delim) {
		sc->r->delim_work += (double)sc->para_bytes;
	}
	if (sc->in_table) {
		if (delim && cols > sc->tcols) {
			sc->tcols = cols;
		}
		sc->tcells += sc->tcols;
	} else if (delim && !sc->prev_blank) {
		sc->in_table = 1;
		sc->tcols = cols;
		sc->tdepth = depth;
		sc->tcells = cols; /* the header row */
		sc->tline = line > 1 ? line - 1 : 1;
	}
}

/* Reference definitions: "[label]: destination 'title'", where the
 * destination and the title may each go on a line of their own; what
 * counts is the longest such run of up to three lines. */
static void ref_line(scanner *sc, const char *p, const char *e, size_t n)
{
	const char *c = *p == '[' ? memchr(p, ']', (size_t)(e - p)) : NULL;

	if (c != NULL && c + 1 < e && c[1] == ':') {
		sc->ref_len = n;
		sc->ref_left = 2;
	} else if (sc->ref_left > 0) {
		sc->ref_len += n;
		sc->ref_left--;
	} else {
		return;
	}
	if (sc->ref_len > sc->longest_ref) {
		sc->longest_ref = sc->ref_len;
	}
}

/* ## Brackets, sixteen or eight bytes at a time
 *
 * Counting ']' and "![" looked at every byte of every line (a tenth of a
 * read's instructions); most eight-byte words hold neither '!' nor ']',
 * and a word test (exact: no carry crosses a byte) skips them; with SSE2
 * (every x86-64) two compares skip sixteen. */

#define ONES ((uint64_t)0x0101010101010101u)
#define HIGHS (ONES * 0x80)

/* High bit of each byte of w that equals c. */
static uint64_t bytes_eq(uint64_t w, unsigned c)
{
	uint64_t t = w ^ (ONES * c);

	return ~(((t & ~HIGHS) + ~HIGHS) | t) & HIGHS;
}

void dt__md_brackets(const char *b, const char *e, size_t *close,
	size_t *img)
{
	const char *q = b;
	size_t c = 0, m = 0;

	while (q < e) {
		const char *stop = e;

#ifdef __SSE2__
		if (e - q >= 16) {
			__m128i w = _mm_loadu_si128((const __m128i *)(const void *)q);
			int hit = _mm_movemask_epi8(_mm_or_si128(
				_mm_cmpeq_epi8(w, _mm_set1_epi8(']')),
				_mm_cmpeq_epi8(w, _mm_set1_epi8('!'))));

			if (hit == 0) {
				q += 16;
				continue;
			}
			stop = q + 16;
		} else
#endif
		if (e - q >= 8) {
			uint64_t w;

			memcpy(&w, q, 8);
			if ((bytes_eq(w, ']') | bytes_eq(w, '!')) == 0) {
				q += 8;
				continue;
			}
			stop = q + 8;
		}
		for (; q < stop; q++) {
			c += *q == ']';
			m += *q == '!' && q + 1 < e && q[1] == '[';
		}
	}
	*close = c;
	*img = m;
}

static void scan_line(scanner *sc, const char *b, const char *e,
	size_t line)
{
	size_t n = (size_t)(e - b), depth, img = 0, close = 0;
	const char *p = container_prefix(b, e, &depth), *q;

	if (n > sc->r->longest) {
		sc->r->longest = n;
		sc->r->longest_line = line;
	}
	if (depth > sc->r->depth) {
		sc->r->depth = depth;
		sc->r->depth_line = line;
	}
	dt__md_brackets(b, e, &close, &img);
	sc->closes += close;
	for (q = p; q < e && is_ws(*q); q++) {
	}
	if (q == e) {
		sc->ref_left = 0;
		end_paragraph(sc);
		end_table(sc);
		sc->prev_blank = 1;
		return;
	}
	sc->para_img += img;
	sc->para_close += close;
	ref_line(sc, p, e, n);
	table_line(sc, p, e, depth, line);
	sc->para_bytes += n + 1;
	sc->prev_blank = 0;
}

void dt__md_scan(dt_md_scan *out, const char *s, size_t len)
{
	scanner sc;
	const char *p = s, *end = s + len;
	size_t line = 1;

	memset(out, 0, sizeof(*out));
	memset(&sc, 0, sizeof(sc));
	sc.r = out;
	sc.prev_blank = 1;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;

		scan_line(&sc, p, e, line++);
		p = nl ? nl + 1 : end;
	}
	end_paragraph(&sc);
	end_table(&sc);
	out->ref_work = (double)sc.longest_ref * (double)sc.closes;
}

/* The reason a document must be parsed under budget, or NULL. */
static const char *suspect_shape(const dt_md_scan *scan)
{
	if (scan->bracket_work > BRACKET_WORK_MAX) {
		return "a run of image and link brackets";
	}
	if (scan->delim_work > DELIM_WORK_MAX) {
		return "table delimiter rows in long paragraphs";
	}
	if (scan->ref_work > REF_WORK_MAX) {
		return "a long reference definition and many links";
	}
	return NULL;
}

int dt__md_guard(const char **why, int *suspect, const dt_md_scan *scan,
	size_t len, const dt_parse_opts *o, dt_error *err)
{
	const char *s;

	*why = NULL;
	*suspect = 0;
	if (scan->longest > o->max_line) {
		return dt__fail(err, DT_ELIMIT, scan->longest_line, 0,
			"line of %zu bytes; the limit is %zu", scan->longest,
			o->max_line);
	}
	if (scan->depth > o->max_depth) {
		return dt__fail(err, DT_ELIMIT, scan->depth_line, 0,
			"blocks nested deeper than %u levels", o->max_depth);
	}
	if (scan->cells > o->max_cells) {
		return dt__fail(err, DT_ELIMIT, scan->cells_line, 0,
			"document too complex (tables of %zu cells once rows "
			"are padded to their header; the limit is %zu)",
			scan->cells, o->max_cells);
	}
	s = suspect_shape(scan);
	if (s != NULL && (o->flags & DT_PARSE_GUARD_NEVER)) {
		return dt__fail(err, DT_ELIMIT, 0, 0, "document too complex "
			"(%s; not parsed without a budget)", s);
	}
	*suspect = s != NULL;
	if (s == NULL && len > GUARD_MIN_BYTES) {
		s = "over 256 KiB";
	}
	if (s == NULL && (o->flags & DT_PARSE_GUARD_ALWAYS)) {
		s = "a guarded parse was asked for";
	}
	*why = (o->flags & DT_PARSE_GUARD_NEVER) ? NULL : s;
	return 0;
}
