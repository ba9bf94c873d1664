/*
 * test_limits.c - the caps of dt_parse_opts (limits.c), the Markdown
 * pre-scan (md_guard.c) and the guarded parse in a child process
 * (md_guard_child.c).  The CLI side, with time and memory limits around
 * whole runs, is tests/check_limits.sh.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "md_guard.h"

static dt_doc *doc;
static dt_error err;

static void teardown(void)
{
	dt_doc_free(doc);
	doc = NULL;
}

/* `s` repeated `n` times, then `tail` (malloc'd). */
static char *repeat(const char *s, size_t n, const char *tail, size_t *len)
{
	size_t k = strlen(s), t = strlen(tail), i;
	char *p = malloc(k * n + t + 1);

	cr_assert_not_null(p);
	for (i = 0; i < n; i++) {
		memcpy(p + i * k, s, k);
	}
	memcpy(p + k * n, tail, t + 1);
	*len = k * n + t;
	return p;
}

static int parse_with(const char *s, size_t len, const dt_parse_opts *o)
{
	memset(&err, 0, sizeof(err));
	return dt_doc_parse(&doc, s, len, "t.md", o, &err);
}

/* ## Defaults */

Test(limits, zero_options_are_the_documented_defaults)
{
	dt_parse_opts o;

	dt__parse_limits(&o, NULL);
	cr_expect_eq(o.max_bytes, (size_t)64 << 20);
	cr_expect_eq(o.max_depth, 256);
	cr_expect_eq(o.max_units, 1000000);
	cr_expect_eq(o.max_line, (size_t)1 << 20);
	cr_expect_eq(o.max_cells, 200000);
	cr_expect_eq(o.max_cites, 100000);
	cr_expect_eq(o.max_seconds, 5);
	cr_expect_eq(o.max_memory, (size_t)512 << 20);
	o.max_units = 5000000;
	dt__parse_limits(&o, &o);
	cr_expect_eq(o.max_units, 1000000, "the outline's ceiling");
}

Test(limits, the_document_keeps_its_citation_cap, .fini = teardown)
{
	static const char s[] = "Điều 1. Một\n";
	dt_parse_opts o = DT_PARSE_OPTS_INIT;

	o.max_cites = 7;
	cr_assert_eq(parse_with(s, sizeof(s) - 1, &o), 0);
	cr_expect_eq(doc->max_cites, 7);
}

/* ## The pre-scan */

static dt_md_scan scan_of(const char *s)
{
	dt_md_scan r;

	dt__md_scan(&r, s, strlen(s));
	return r;
}

Test(md_scan, counts_container_markers_but_not_thematic_breaks)
{
	cr_expect_eq(scan_of("> > - 1. a\n").depth, 4);
	cr_expect_eq(scan_of("  >  >a\n").depth, 2);
	cr_expect_eq(scan_of("- - -\n").depth, 0);
	cr_expect_eq(scan_of("* * * *\n").depth, 0);
	cr_expect_eq(scan_of("> - - -\n").depth, 1);
	cr_expect_eq(scan_of("- - a\n").depth, 2);
	cr_expect_eq(scan_of("-a *b 1.c 1234567890. d\n").depth, 0);
	cr_expect_eq(scan_of("a\n\n> > >\n").depth_line, 3);
}

Test(md_scan, finds_the_longest_line)
{
	dt_md_scan r = scan_of("ab\nabcd\nabc");

	cr_expect_eq(r.longest, 4);
	cr_expect_eq(r.longest_line, 2);
}

Test(md_scan, counts_table_cells_as_padded_to_the_header)
{
	/* 3 pipes: at most 4 columns; header, then two rows (one with no
	 * pipe at all: GFM makes it a row too) */
	dt_md_scan r = scan_of("text\n\n|a|b|\n|-|-|\n|1|2|\nx\n\nafter\n");

	cr_expect_eq(r.cells, 12);
	cr_expect_eq(r.cells_line, 3);
	/* a heading ends the table, as a blank line does */
	cr_expect_eq(scan_of("|a|\n|-|\n# h\nx\n").cells, 3);
	/* rows in a block quote stay in their table */
	cr_expect_eq(scan_of("> |a|\n> |-|\n> x\n> y\n").cells, 9);
	/* one column marked by a colon */
	cr_expect_eq(scan_of("a\n:-\nb\n").cells, 2);
	/* a setext underline or a thematic break is no delimiter row */
	cr_expect_eq(scan_of("a\n---\nb\n").cells, 0);
}

Test(md_scan, measures_the_suspect_shapes)
{
	size_t len;
	char *s = repeat("![[]()", 1000, "", &len);
	dt_md_scan r;

	dt__md_scan(&r, s, len);
	cr_expect_eq(r.bracket_work, 1000.0 * 1000.0);
	free(s);
	s = repeat("|\n|-\n", 1000, "", &len);
	dt__md_scan(&r, s, len);
	/* each "|-" row re-reads the paragraph so far: 2, 7, 12, … bytes */
	cr_expect_eq(r.delim_work, 1000.0 * 2 + 5.0 * 999 * 1000 / 2);
	free(s);
	r = scan_of("[x]: /uuuu\n\n[x] [x] [x]\n");
	cr_expect_eq(r.ref_work, 10.0 * 4);
	r = scan_of("[x]:\n/uu\n'tt'\n\n[x] [x]\n");
	cr_expect_eq(r.ref_work, (4.0 + 3 + 4) * 3);
}

/* The byte loop dt__md_brackets() replaced: the oracle. */
static void ref_brackets(const char *b, const char *e, size_t *close,
	size_t *img)
{
	const char *q;

	*close = 0;
	*img = 0;
	for (q = b; q < e; q++) {
		*close += *q == ']';
		*img += *q == '!' && q + 1 < e && q[1] == '[';
	}
}

static void expect_brackets(const char *b, size_t len)
{
	size_t c, m, rc, rm;

	dt__md_brackets(b, b + len, &c, &m);
	ref_brackets(b, b + len, &rc, &rm);
	cr_assert(c == rc && m == rm,
		"brackets of %zu bytes: %zu ] %zu ![, want %zu %zu", len, c, m,
		rc, rm);
}

/* Every byte value at every position of lines up to 20 bytes at every
 * alignment, in lines of 'a', of "![" pairs, and of ']' ('!' right
 * before the end must not pair with a '[' past it). */
Test(md_scan, bracket_counts_agree_with_the_byte_loop_on_every_byte)
{
	static const char fills[] = {'a', '!', '[', ']', '\x80'};
	char buf[64];
	size_t f, off, len, pos;
	unsigned v;

	for (f = 0; f < sizeof(fills); f++) {
		for (off = 0; off < 8; off++) {
			for (len = 0; len <= 20; len++) {
				for (pos = 0; pos < len; pos++) {
					for (v = 0; v < 256; v++) {
						memset(buf, fills[f], sizeof(buf));
						if (f == 1) {
							buf[off + len] = '[';
						}
						buf[off + pos] = (char)v;
						expect_brackets(buf + off, len);
					}
				}
			}
		}
	}
}

Test(md_scan, bracket_counts_agree_with_the_byte_loop_on_random_lines)
{
	static const char alpha[] = "![]![a b\xE1\xBB\x87x!";
	uint64_t r = 88172645463325252ull;
	char buf[300];
	int round;

	for (round = 0; round < 200000; round++) {
		size_t off, len, i;

		r ^= r << 13;
		r ^= r >> 7;
		r ^= r << 17;
		off = (size_t)(r % 8);
		len = (size_t)(r >> 8) % 260;
		for (i = 0; i < off + len + 1; i++) {
			r ^= r << 13;
			r ^= r >> 7;
			r ^= r << 17;
			buf[i] = (r >> 60) < 6 ? alpha[(r >> 16) % (sizeof(alpha) - 1)]
					       : 'a';
		}
		expect_brackets(buf + off, len);
	}
}

Test(md_guard, refuses_what_is_certain_and_guards_what_is_suspect)
{
	dt_parse_opts o;
	dt_md_scan r;
	const char *why;
	int suspect;

	dt__parse_limits(&o, NULL);
	memset(&r, 0, sizeof(r));
	cr_expect_eq(dt__md_guard(&why, &suspect, &r, 100, &o, &err), 0);
	cr_expect_null(why);
	cr_expect_eq(dt__md_guard(&why, &suspect, &r, (size_t)300 << 10, &o,
		&err), 0);
	cr_expect_str_eq(why, "over 256 KiB");
	cr_expect_eq(suspect, 0);
	r.delim_work = 1e9;
	cr_expect_eq(dt__md_guard(&why, &suspect, &r, 100, &o, &err), 0);
	cr_expect_str_eq(why, "table delimiter rows in long paragraphs");
	cr_expect_eq(suspect, 1);
	o.flags = DT_PARSE_GUARD_NEVER;
	cr_expect_eq(dt__md_guard(&why, &suspect, &r, 100, &o, &err),
		DT_ELIMIT);
	cr_expect_str_eq(err.message, "document too complex (table "
		"delimiter rows in long paragraphs; not parsed without a "
		"budget)");
	r.cells = 200001;
	r.cells_line = 9;
	cr_expect_eq(dt__md_guard(&why, &suspect, &r, 100, &o, &err),
		DT_ELIMIT);
	cr_expect_eq(err.line, 9);
	r.depth = 257;
	r.depth_line = 4;
	cr_expect_eq(dt__md_guard(&why, &suspect, &r, 100, &o, &err),
		DT_ELIMIT);
	cr_expect_str_eq(err.message, "blocks nested deeper than 256 levels");
	cr_expect_eq(err.line, 4);
}

/* ## Limits through dt_doc_parse */

Test(limits, refuses_a_long_line_with_its_number, .fini = teardown)
{
	static const char s[] = "Điều 1. Một\n\nĐiều 2. Hai hai hai hai\n";
	dt_parse_opts o = DT_PARSE_OPTS_INIT;

	o.max_line = 20;
	cr_assert_eq(parse_with(s, sizeof(s) - 1, &o), DT_ELIMIT);
	cr_expect_null(doc);
	cr_expect_eq(err.line, 3);
	cr_expect_str_eq(err.message, "line of 26 bytes; the limit is 20");
	cr_expect_str_eq(err.source, "t.md");
}

Test(limits, refuses_deep_nesting_fast, .fini = teardown)
{
	size_t len;
	char *s = repeat("> ", 50000, "Điều 1. Sâu\n", &len);

	cr_assert_eq(parse_with(s, len, NULL), DT_ELIMIT);
	cr_expect_str_eq(err.message, "blocks nested deeper than 256 levels");
	free(s);
}

Test(limits, refuses_more_units_than_allowed, .fini = teardown)
{
	static const char s[] = "Điều 1. Một\n\nĐiều 2. Hai\n\nĐiều 3. Ba\n";
	dt_parse_opts o = DT_PARSE_OPTS_INIT;

	o.max_units = 2;
	cr_assert_eq(parse_with(s, sizeof(s) - 1, &o), DT_ELIMIT);
	cr_expect_str_eq(err.message, "more than 2 blocks");
	o.max_units = 3;
	cr_assert_eq(parse_with(s, sizeof(s) - 1, &o), 0);
}

Test(limits, refuses_a_padded_table_before_cmark, .fini = teardown)
{
	size_t len, k;
	char *s = repeat("a|", 3000, "\n", &len), *t;

	t = malloc(len * 2 + 3000 * 2 + 1);
	cr_assert_not_null(t);
	memcpy(t, s, len);
	for (k = 0; k < 3000; k++) {
		memcpy(t + len + 2 * k, "-|", 2);
	}
	t[len + 6000] = '\n';
	for (k = 0; k < 3000; k++) {
		memcpy(t + len + 6001 + 2 * k, "x\n", 2);
	}
	cr_assert_eq(parse_with(t, len + 12001, NULL), DT_ELIMIT);
	cr_expect(strncmp(err.message, "document too complex (tables of ",
		32) == 0, "%s", err.message);
	free(s);
	free(t);
}

Test(limits, warns_about_empty_and_unstructured_documents,
	.fini = teardown)
{
	static const char plain[] = "Biên bản họp chi bộ.\n";

	cr_assert_eq(parse_with(" \n\t\n", 4, NULL), 0);
	cr_assert_eq(dt_doc_diag_count(doc), 1);
	cr_expect_str_eq(dt_doc_diag_at(doc, 0)->message, "empty document");
	teardown();
	cr_assert_eq(parse_with(plain, sizeof(plain) - 1, NULL), 0);
	cr_assert_eq(dt_doc_diag_count(doc), 1);
	cr_expect_str_eq(dt_doc_diag_at(doc, 0)->message,
		"no numbered units (articles, clauses, items)");
}

/* ## The guarded parse */

/* Every unit of two documents: same eId, label, heading, text, lines. */
static void expect_same_units(const dt_doc *a, const dt_doc *b)
{
	size_t i;

	cr_assert_eq(dt_doc_unit_count(a), dt_doc_unit_count(b));
	for (i = 0; i < dt_doc_unit_count(a); i++) {
		const dt_unit *u = dt_doc_unit_at(a, i), *v = dt_doc_unit_at(b,
			i);

		cr_expect_str_eq(dt_unit_eid(u), dt_unit_eid(v));
		cr_expect_str_eq(dt_unit_label(u), dt_unit_label(v));
		cr_expect_str_eq(dt_unit_heading(u), dt_unit_heading(v));
		cr_expect_str_eq(dt_unit_text(u), dt_unit_text(v));
		cr_expect_eq(dt_unit_line(u), dt_unit_line(v));
	}
}

Test(guard, a_guarded_parse_gives_what_an_in_process_parse_gives,
	.fini = teardown)
{
	static const char s[] = "---\nsymbol: 31-QĐ/TW\n---\n\n# QUY ĐỊNH\n\n"
		"## Chương I\n\n### Điều 1. Phạm vi\n\n1. Một **đậm** `mã`.\n\n"
		"2. Hai:\n\na) Điểm a;\n\n- gạch\n\n3) Ba\n\n"
		"| STT | Nội dung |\n|---|---|\n| 1 | Họp \\| bàn |\n\n"
		"```\nkhối mã\n```\n\n---\n\n### Điều 2. Hiệu lực\n\nHết.\n";
	dt_parse_opts o = DT_PARSE_OPTS_INIT;
	dt_doc *in_process = NULL;

	o.flags = DT_PARSE_GUARD_NEVER;
	cr_assert_eq(dt_doc_parse(&in_process, s, sizeof(s) - 1, "t.md", &o,
		NULL), 0);
	o.flags = DT_PARSE_GUARD_ALWAYS;
	cr_assert_eq(parse_with(s, sizeof(s) - 1, &o), 0, "%s", err.message);
	expect_same_units(in_process, doc);
	cr_expect_str_eq(dt_doc_meta(doc)->symbol, "31-QĐ/TW");
	dt_doc_free(in_process);
}

Test(guard, errors_in_the_child_come_back_with_their_line,
	.fini = teardown)
{
	static const char s[] = "Điều 1. Một\n\nĐiều 2. Hai\n\nĐiều 3. Ba\n";
	dt_parse_opts o = DT_PARSE_OPTS_INIT;

	o.flags = DT_PARSE_GUARD_ALWAYS;
	o.max_units = 2;
	cr_assert_eq(parse_with(s, sizeof(s) - 1, &o), DT_ELIMIT);
	cr_expect_str_eq(err.message, "more than 2 blocks");
}

Test(guard, a_parse_over_its_cpu_budget_is_refused, .fini = teardown)
{
	size_t len;
	char *s = repeat("![[]()", 100000, "\n", &len);
	dt_parse_opts o = DT_PARSE_OPTS_INIT;

	o.max_seconds = 1;
	cr_assert_eq(parse_with(s, len, &o), DT_ELIMIT);
	cr_expect_str_eq(err.message, "document too complex (a run of image "
		"and link brackets; over the 1 s CPU budget of a guarded "
		"parse)");
	o.flags = DT_PARSE_GUARD_NEVER;
	cr_assert_eq(parse_with(s, len, &o), DT_ELIMIT);
	free(s);
}

Test(guard, a_parse_over_its_memory_budget_is_refused, .fini = teardown)
{
	size_t len;
	char *refs = repeat("[x] ", 20000, "\n", &len), *s;
	dt_parse_opts o = DT_PARSE_OPTS_INIT;

	/* a 20 KB destination copied into 20,000 links: 400 MB */
	s = malloc(len + 20100);
	cr_assert_not_null(s);
	memcpy(s, "[x]: /", 6);
	memset(s + 6, 'u', 20000);
	memcpy(s + 20006, "\n\n", 2);
	memcpy(s + 20008, refs, len + 1);
	o.max_memory = (size_t)16 << 20;
	cr_assert_eq(parse_with(s, len + 20008, &o), DT_ELIMIT);
	cr_expect_str_eq(err.message, "document too complex (a long reference "
		"definition and many links; over the 16 MiB memory budget of "
		"a guarded parse)");
	free(refs);
	free(s);
}
