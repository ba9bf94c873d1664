/*
 * test_alloc.c - allocation failures on the readers: for n = 1, 2, 3, …
 * the nth allocation through lib/alloc.c fails, until the call succeeds.
 * Every failure must be DT_ENOMEM with no result, and nothing may leak
 * (LSan checks under `make asan-check`, memcheck under `make
 * valgrind-check`).
 *
 * The wrapper reaches what libdirtrace allocates itself.  It cannot reach
 * cmark-gfm (abort-on-OOM by contract, its own allocator), libxml2 (its
 * allocator is process-wide: xmlMemSetup would change it for the whole
 * program), ICU or PCRE2 (their own heaps, failures come back as status
 * codes that the adapters check).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "internal.h"

/* A directive-like Markdown document with front matter, headings,
 * numbered clauses, points, a list, a table and a citation. */
static const char md_src[] =
	"---\nsymbol: 31-QĐ/TW\ndate: 2026-03-15\n---\n\n"
	"# QUY ĐỊNH\n\n**VỀ SINH HOẠT CHI BỘ**\n\n"
	"## Chương I\n\nQUY ĐỊNH CHUNG\n\n"
	"### Điều 1. Phạm vi điều chỉnh\n\n"
	"1. Quy định này quy định về sinh hoạt chi bộ.\n\n"
	"2. Chi bộ phải:\n\na) Họp thường kỳ mỗi tháng một lần;\n\n"
	"b) Thực hiện khoản 1 Điều 1 Quy định này.\n\n"
	"- Một ý;\n- Ý khác.\n\n"
	"| STT | Nội dung |\n|---|---|\n| 1 | Họp |\n| 2 | Kiểm tra |\n\n"
	"### Điều 2. Hiệu lực\n\nQuy định có hiệu lực từ ngày ký.\n";

/* The same in Akoma Ntoso. */
static const char akn_src[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">"
	"<act name=\"quy-dinh\"><meta><identification source=\"#x\">"
	"<FRBRWork><FRBRthis value=\"/vn/x\"/><FRBRuri value=\"/vn/x\"/>"
	"<FRBRdate date=\"2026-03-15\" name=\"x\"/><FRBRauthor href=\"#x\"/>"
	"<FRBRcountry value=\"vn\"/><FRBRnumber value=\"31-QĐ/TW\"/>"
	"</FRBRWork></identification></meta>\n"
	"<body><chapter eId=\"chp_1\"><num>Chương I</num>"
	"<heading>QUY ĐỊNH CHUNG</heading>\n"
	"<article eId=\"art_1\"><num>Điều 1.</num><heading>Phạm vi</heading>"
	"<paragraph eId=\"art_1__para_1\"><num>1.</num><content><p>Quy định "
	"này quy định về sinh hoạt chi bộ.</p></content></paragraph>\n"
	"<paragraph eId=\"art_1__para_2\"><num>2.</num><intro><p>Chi bộ "
	"phải:</p></intro><point eId=\"art_1__para_2__point_a\"><num>a)</num>"
	"<content><p>Họp mỗi tháng;</p></content></point></paragraph>"
	"</article>\n<article eId=\"art_2\"><num>Điều 2.</num><heading>Hiệu "
	"lực</heading><content><p>Có hiệu lực.</p></content></article>"
	"</chapter></body></act></akomaNtoso>\n";

typedef int (*call_fn)(void *ctx, dt_error *err);

/* Fail allocation 1, 2, 3, … of `fn` until it succeeds; every failure
 * must be DT_ENOMEM.  Returns how many allocations the call made. */
static size_t fail_each(call_fn fn, void *ctx)
{
	size_t n;
	int rc = DT_ENOMEM;

	for (n = 1; rc != 0; n++) {
		dt_error err = { 0 };

		cr_assert_lt(n, 200000, "never succeeded");
		dt__alloc_fail_after(n);
		rc = fn(ctx, &err);
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || rc == DT_ENOMEM,
			"allocation %zu: rc %d (%s)", n, rc, err.message);
		cr_assert(rc == 0 || err.code == DT_ENOMEM,
			"allocation %zu: err.code %d", n, err.code);
	}
	return n - 1;
}

typedef struct {
	const char *src;
	size_t len;
	const char *file;
	dt_parse_opts opts;
	size_t units; /* what a successful parse finds */
} parse_ctx;

static int parse_once(void *ctx, dt_error *err)
{
	parse_ctx *c = ctx;
	dt_doc *doc = NULL;
	int rc = dt_doc_parse(&doc, c->src, c->len, c->file, &c->opts, err);

	cr_assert(rc == 0 ? doc != NULL : doc == NULL);
	if (rc == 0) {
		cr_assert_eq(dt_doc_unit_count(doc), c->units);
	}
	dt_doc_free(doc);
	return rc;
}

static size_t parse_all_failures(const char *src, size_t len,
	const char *file, unsigned flags)
{
	parse_ctx c = { src, len, file, DT_PARSE_OPTS_INIT, 0 };
	dt_doc *doc = NULL;

	c.opts.flags = flags;
	/* one-time set-ups (grammar, patterns) happen outside the loop */
	cr_assert_eq(dt_doc_parse(&doc, src, len, file, &c.opts, NULL), 0);
	c.units = dt_doc_unit_count(doc);
	cr_assert_gt(c.units, 0);
	dt_doc_free(doc);
	return fail_each(parse_once, &c);
}

Test(alloc, markdown_reader_fails_every_allocation_cleanly)
{
	size_t n = parse_all_failures(md_src, sizeof(md_src) - 1, "a.md", 0);

	cr_expect_gt(n, 50, "only %zu allocations", n);
}

Test(alloc, guarded_markdown_parse_fails_every_allocation_cleanly)
{
	size_t n = parse_all_failures(md_src, sizeof(md_src) - 1, "a.md",
		DT_PARSE_GUARD_ALWAYS);

	cr_expect_gt(n, 50, "only %zu allocations", n);
}

Test(alloc, markdown_blocks_fail_cleanly)
{
	size_t n;
	int rc = DT_ENOMEM;

	for (n = 1; rc == DT_ENOMEM; n++) {
		dt_blocks b;
		dt_error e = { 0 };

		dt__blocks_init(&b, 0);
		dt__alloc_fail_after(n);
		rc = dt__read_md(&b, md_src, sizeof(md_src) - 1, NULL, &e);
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || rc == DT_ENOMEM, "n=%zu rc=%d %s", n, rc,
			e.message);
		dt__blocks_dispose(&b);
	}
}

Test(alloc, akn_reader_fails_every_allocation_cleanly)
{
	size_t n = parse_all_failures(akn_src, sizeof(akn_src) - 1, "a.xml",
		0);

	cr_expect_gt(n, 30, "only %zu allocations", n);
}

/* Read a test file into a malloc'd buffer. */
static char *slurp(const char *rel, size_t *len)
{
	char path[512];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof(path), "%s/%s", DT_TEST_DATA, rel);
	f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	cr_assert_not_null(buf);
	cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

Test(alloc, legacy_decoding_fails_every_allocation_cleanly)
{
	size_t len;
	char *src = slurp("tests/cases/norm-windows-1258/input.txt", &len);
	dt_doc *doc = NULL;
	size_t n;

	cr_assert_eq(dt_doc_parse(&doc, src, len, "a.txt", NULL, NULL), 0);
	dt_doc_free(doc);
	/* the text alone: decoding, NFC, tone, line map */
	for (n = 1;; n++) {
		dt_text *t = NULL;
		dt_error err = { 0 };
		int rc;

		dt__alloc_fail_after(n);
		rc = dt_text_decode(&t, src, len, NULL, &err);
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || rc == DT_ENOMEM, "n=%zu rc=%d", n, rc);
		cr_assert(rc == 0 ? t != NULL : t == NULL);
		dt_text_free(t);
		if (rc == 0) {
			break;
		}
	}
	cr_expect_gt(parse_all_failures(src, len, "a.txt", 0), 30);
	free(src);
}

typedef struct {
	dt_doc *dir, *local;
} cites_ctx;

static int cite_once(void *ctx, dt_error *err)
{
	cites_ctx *c = ctx;
	const dt_doc *dirs[1] = { c->dir };
	dt_citeset *set = NULL;
	int rc = dt_cites_find(&set, c->local, dirs, 1, err);

	cr_assert(rc == 0 ? set != NULL : set == NULL);
	if (rc == 0) {
		cr_assert_gt(dt_citeset_count(set), 0);
	}
	dt_citeset_free(set);
	return rc;
}

Test(alloc, citations_fail_every_allocation_cleanly)
{
	static const char local[] = "---\nsymbol: 12-KH/TU\n---\n\n"
		"# KẾ HOẠCH\n\nThực hiện Quy định số 31-QĐ/TW, các chi bộ "
		"thực hiện khoản 1, khoản 2 Điều 1 và điểm a khoản 2 Điều 1 "
		"Quy định 31; khoản 9 Điều 6 Quy định số 31-QĐ/TW.\n";
	cites_ctx c = { NULL, NULL };

	cr_assert_eq(dt_doc_parse(&c.dir, md_src, sizeof(md_src) - 1, "d.md",
		NULL, NULL), 0);
	cr_assert_eq(dt_doc_parse(&c.local, local, sizeof(local) - 1, "l.md",
		NULL, NULL), 0);
	cr_assert_eq(cite_once(&c, NULL), 0);
	cr_expect_gt(fail_each(cite_once, &c), 10);
	dt_doc_free(c.dir);
	dt_doc_free(c.local);
}

/* Every unit's value, in document order, into v[]; how many. */
static size_t unit_values(const dt_doc *doc, long *v, size_t cap)
{
	size_t i, n = dt_doc_unit_count(doc);

	for (i = 0; i < n && i < cap; i++) {
		v[i] = dt_unit_value(dt_doc_unit_at(doc, i));
	}
	return n;
}

/* "Phần thứ hai" is numbered by case-folding "thứ hai": out of memory
 * there once gave the part the value 0 and a successful parse. */
Test(alloc, ordinal_parts_fail_cleanly_or_keep_their_numbers)
{
	static const char src[] = "## PHẦN THỨ NHẤT\n\n### Điều 1. Một\n\n"
		"Nội dung.\n\n## Phần thứ hai\n\n### Điều 2. Hai\n\n"
		"Nội dung.\n";
	long want[16], got[16];
	size_t n, nwant, k;
	dt_doc *doc = NULL;
	int rc = DT_ENOMEM;

	cr_assert_eq(dt_doc_parse(&doc, src, sizeof(src) - 1, "a.md", NULL,
		NULL), 0);
	nwant = unit_values(doc, want, 16);
	cr_assert(nwant >= 4 && nwant <= 16);
	cr_assert_eq(dt_unit_kind(dt_doc_unit_at(doc, 0)), DT_KIND_PART);
	cr_assert_eq(want[0], 1);
	dt_doc_free(doc);
	for (n = 1; rc != 0; n++) {
		dt_error err = { 0 };

		cr_assert_lt(n, 100000, "never succeeded");
		doc = NULL;
		dt__alloc_fail_after(n);
		rc = dt_doc_parse(&doc, src, sizeof(src) - 1, "a.md", NULL,
			&err);
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || (rc == DT_ENOMEM && err.code == rc),
			"n=%zu rc=%d", n, rc);
		if (rc == 0) {
			cr_assert_eq(unit_values(doc, got, 16), nwant);
			for (k = 0; k < nwant; k++) {
				cr_assert_eq(got[k], want[k],
					"n=%zu unit %zu: %ld, not %ld", n, k,
					got[k], want[k]);
			}
		}
		dt_doc_free(doc);
	}
}

/* dt_review_accept() out of memory: DT_ENOMEM in `err` too, and no unit
 * left accepted with a NULL reason (the reports print it). */
Test(alloc, accepting_gaps_fails_cleanly)
{
	static const char tsv[] = "# accepted\nart_1\tplanned\tnext year\n"
		"art_2\tnot-applicable\tdefinitions only\n";
	dt_doc *dir = NULL;
	size_t n, i;
	int rc = DT_ENOMEM;

	cr_assert_eq(dt_doc_parse(&dir, md_src, sizeof(md_src) - 1, "d.md",
		NULL, NULL), 0);
	for (n = 1; rc != 0; n++) {
		dt_review *r = NULL;
		dt_error err = { 0 };

		cr_assert_lt(n, 100000, "never succeeded");
		cr_assert_eq(dt_review_new(&r, dir, NULL, NULL), 0);
		dt__alloc_fail_after(n);
		rc = dt_review_accept(r, tsv, sizeof(tsv) - 1, "a.tsv", &err);
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || rc == DT_ENOMEM, "n=%zu rc=%d", n, rc);
		cr_assert(rc == 0 || err.code == DT_ENOMEM,
			"n=%zu: err.code %d", n, err.code);
		cr_assert_eq(dt_review_finish(r, NULL), 0);
		for (i = 0; i < dt_review_unit_count(r); i++) {
			cr_assert_not_null(dt_review_unit_at(r, i)->accept_reason,
				"n=%zu unit %zu", n, i);
		}
		dt_review_free(r);
	}
	dt_doc_free(dir);
}

typedef struct {
	dt_doc *dir, *local;
} review_ctx;

/* The `gaps` pipeline: new, accept, add, finish, and every report. */
static int review_once(void *ctx, dt_error *err)
{
	static const char tsv[] = "art_2\tplanned\tnext year\n";
	static const dt_report_format fmts[] = { DT_REPORT_TEXT,
		DT_REPORT_JSON, DT_REPORT_MD, DT_REPORT_CSV, DT_REPORT_HTML };
	review_ctx *c = ctx;
	dt_review *r = NULL;
	char *out = NULL;
	size_t i;
	int rc = dt_review_new(&r, c->dir, NULL, err);

	cr_assert(rc == 0 ? r != NULL : r == NULL);
	if (rc == 0) {
		rc = dt_review_accept(r, tsv, sizeof(tsv) - 1, "a.tsv", err);
	}
	if (rc == 0) {
		rc = dt_review_add(r, c->local, err);
	}
	if (rc == 0) {
		rc = dt_review_finish(r, err);
	}
	for (i = 0; rc == 0 && i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		rc = dt_review_write(&out, NULL, r, fmts[i], 0, err);
		cr_assert(rc == 0 ? out != NULL : out == NULL);
		dt_free(out);
	}
	dt_review_free(r);
	return rc;
}

/* Some allocations may fail without harm (a shrinking realloc keeps the
 * larger block), so go on well past the first success. */
Test(alloc, gaps_pipeline_fails_every_allocation_cleanly)
{
	static const char local[] = "# KẾ HOẠCH\n\n### Điều 1. Sinh hoạt\n\n"
		"Các chi bộ họp thường kỳ mỗi tháng một lần theo khoản 1 "
		"Điều 1 Quy định số 31-QĐ/TW.\n";
	review_ctx c = { NULL, NULL };
	size_t n, last = 0;

	cr_assert_eq(dt_doc_parse(&c.dir, md_src, sizeof(md_src) - 1, "d.md",
		NULL, NULL), 0);
	cr_assert_eq(dt_doc_parse(&c.local, local, sizeof(local) - 1, "l.md",
		NULL, NULL), 0);
	cr_assert_eq(review_once(&c, NULL), 0);
	for (n = 1; n <= last + 200; n++) {
		dt_error err = { 0 };
		int rc;

		cr_assert_lt(n, 200000, "never succeeded");
		dt__alloc_fail_after(n);
		rc = review_once(&c, &err);
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || (rc == DT_ENOMEM && err.code == rc),
			"allocation %zu: rc %d, err.code %d (%s)", n, rc,
			err.code, err.message);
		last = rc != 0 ? n : last;
	}
	cr_expect_gt(last, 50, "only %zu allocations", last);
	dt_doc_free(c.dir);
	dt_doc_free(c.local);
}
