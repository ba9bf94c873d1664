/*
 * test_review.c - a review fed one document at a time (dt_review_add) or
 * prepared apart and merged (dt_review_prepare, dt_review_merge): in any
 * order of preparing, from any number of threads, the merged review is
 * the one dt_review_add gives, and failures leave nothing behind.
 *
 * The fixtures are the corpus: corpus/vi/31-QD-TW.md with the local
 * documents of corpus/vi (explicit and implicit links, broken and stale
 * references, a legacy encoding, an AKN file).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "internal.h"
#include "match.h"
#include "review_internal.h"
#include "report_pieces.h"
#include "report_text.h"

#define DATA DT_TEST_DATA "/corpus/vi/"

static const char *const local_names[] = {
	"dev/02-QDi-DU.xml", "dev/03-NQ-CB.md", "dev/05-HD-HU.md",
	"dev/12-KH-TU.md", "dev/120-KH-UBND.md", "dev/45-BC-DU.md",
	"test/04-QDi-DU.md", "test/09-NQ-CB.md", "test/14-KH-DU.md",
	"test/15-KH-TU.md", "test/30-BC-HU.md", "test/88-KH-UBND.md",
};
#define NLOCALS (sizeof(local_names) / sizeof(local_names[0]))

static dt_doc *dir;
static dt_doc *locals[NLOCALS];

static dt_doc *load(const char *name)
{
	char path[512];
	dt_doc *d = NULL;
	dt_error err = { 0 };

	snprintf(path, sizeof(path), "%s%s", DATA, name);
	cr_assert_eq(dt_doc_load(&d, path, NULL, &err), 0, "%s: %s", path,
		err.message);
	return d;
}

static void setup(void)
{
	size_t i;

	dir = load("31-QD-TW.md");
	for (i = 0; i < NLOCALS; i++) {
		locals[i] = load(local_names[i]);
	}
}

static void teardown(void)
{
	size_t i;

	dt__alloc_fail_after(0);
	for (i = 0; i < NLOCALS; i++) {
		dt_doc_free(locals[i]);
		locals[i] = NULL;
	}
	dt_doc_free(dir);
	dir = NULL;
}

/* The finished review as JSON (a new string), then freed. */
static char *finish_json(dt_review *r)
{
	char *out = NULL;
	size_t len = 0;
	dt_error err = { 0 };

	cr_assert_eq(dt_review_finish(r, &err), 0, "%s", err.message);
	cr_assert_eq(dt_review_write(&out, &len, r, DT_REPORT_JSON, 0, &err),
		0, "%s", err.message);
	dt_review_free(r);
	return out;
}

static dt_review *new_review(void)
{
	dt_review *r = NULL;
	dt_error err = { 0 };

	cr_assert_eq(dt_review_new(&r, dir, NULL, &err), 0, "%s",
		err.message);
	return r;
}

/* The report of dt_review_add, one document after the other. */
static char *added_one_by_one(void)
{
	dt_review *r = new_review();
	size_t i;

	for (i = 0; i < NLOCALS; i++) {
		dt_error err = { 0 };

		cr_assert_eq(dt_review_add(r, locals[i], &err), 0, "%s",
			err.message);
	}
	return finish_json(r);
}

static void merge_all(dt_review *r, dt_review_part **parts)
{
	size_t i;

	for (i = 0; i < NLOCALS; i++) {
		dt_error err = { 0 };

		cr_assert_eq(dt_review_merge(r, parts[i], &err), 0, "%s",
			err.message);
	}
}

Test(review, prepared_backwards_and_merged_in_order_is_added_in_order,
	.init = setup, .fini = teardown)
{
	char *want = added_one_by_one(), *got;
	dt_review_part *parts[NLOCALS];
	dt_review *r = new_review();
	size_t i;

	for (i = NLOCALS; i-- > 0;) {
		dt_error err = { 0 };

		cr_assert_eq(dt_review_prepare(&parts[i], r, locals[i], &err),
			0, "%s", err.message);
	}
	merge_all(r, parts);
	got = finish_json(r);
	cr_assert_str_eq(got, want);
	cr_assert(strstr(got, "\"kind\":\"implicit\"") != NULL);
	cr_assert(strstr(got, "\"kind\":\"broken-ref\"") != NULL);
	dt_free(got);
	dt_free(want);
}

Test(review, a_prepared_document_may_be_freed_before_the_merge,
	.init = setup, .fini = teardown)
{
	char *want = added_one_by_one(), *got;
	dt_review_part *parts[NLOCALS];
	dt_review *r = new_review();
	size_t i;

	for (i = 0; i < NLOCALS; i++) {
		dt_error err = { 0 };

		cr_assert_eq(dt_review_prepare(&parts[i], r, locals[i], &err),
			0, "%s", err.message);
		dt_doc_free(locals[i]);
		locals[i] = NULL;
	}
	merge_all(r, parts);
	got = finish_json(r);
	cr_assert_str_eq(got, want);
	dt_free(got);
	dt_free(want);
}

/* ## threads */

enum { THREADS = 4, ROUNDS = 3 };

typedef struct {
	const dt_review *r;
	dt_review_part **parts;
	size_t first; /* prepares documents first, first + THREADS, ... */
	int rc;
} prep_job;

static void *prepare_some(void *payload)
{
	prep_job *j = payload;
	size_t i;

	for (i = j->first; j->rc == 0 && i < NLOCALS; i += THREADS) {
		j->rc = dt_review_prepare(&j->parts[i], j->r, locals[i], NULL);
	}
	return NULL;
}

Test(review, documents_prepared_in_threads_give_the_same_review,
	.init = setup, .fini = teardown)
{
	char *want = added_one_by_one();
	int round;

	cr_assert_eq(dt_init(NULL), 0);
	for (round = 0; round < ROUNDS; round++) {
		dt_review_part *parts[NLOCALS];
		prep_job jobs[THREADS];
		pthread_t t[THREADS];
		dt_review *r = new_review();
		char *got;
		size_t i;

		for (i = 0; i < THREADS; i++) {
			jobs[i] = (prep_job){ r, parts, i, 0 };
			cr_assert_eq(pthread_create(&t[i], NULL, prepare_some,
					     &jobs[i]), 0);
		}
		for (i = 0; i < THREADS; i++) {
			pthread_join(t[i], NULL);
			cr_assert_eq(jobs[i].rc, 0);
		}
		merge_all(r, parts);
		got = finish_json(r);
		cr_assert_str_eq(got, want, "round %d", round);
		dt_free(got);
	}
	dt_free(want);
}

/* ## failures */

Test(review, an_unmerged_part_is_freed_and_leaves_the_review_alone,
	.init = setup, .fini = teardown)
{
	dt_review_part *part = NULL;
	dt_review *r = new_review();
	dt_error err = { 0 };
	char *got, *want;

	cr_assert_eq(dt_review_prepare(&part, r, locals[3], &err), 0);
	dt_review_part_free(part);
	dt_review_part_free(NULL);
	cr_assert_eq(dt_review_doc_count(r), 0);
	got = finish_json(r);
	r = new_review();
	want = finish_json(r);
	cr_assert_str_eq(got, want);
	dt_free(got);
	dt_free(want);
}

Test(review, every_allocation_failure_in_prepare_and_merge_is_reported,
	.init = setup, .fini = teardown)
{
	size_t n, k, links = 0;
	int done = 0;

	/* Once first, so that the patterns and tables every later prepare
	 * shares are built (a failure while building them stays). */
	dt_free(added_one_by_one());
	/* 12-KH-TU.md has explicit and implicit links: every step runs.
	 * Every one of the first 300 allocations fails once, then every
	 * 2% further (a prepare makes thousands). */
	for (n = 1; n < 10000000 && !done; n += n < 300 ? 1 : n / 50) {
		dt_review *r = new_review();
		dt_review_part *part = NULL;
		dt_error err = { 0 };
		int rc;

		dt__alloc_fail_after(n);
		rc = dt_review_prepare(&part, r, locals[3], &err);
		cr_assert(rc == 0 || part == NULL);
		if (rc == 0) {
			rc = dt_review_merge(r, part, &err);
		}
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || (rc == DT_ENOMEM && err.code == DT_ENOMEM),
			"rc %d at %zu: %s", rc, n, err.message);
		cr_assert_leq(dt_review_doc_count(r), 1);
		done = rc == 0;
		if (done) {
			cr_assert_eq(dt_review_finish(r, NULL), 0);
			for (k = 0; k < dt_review_unit_count(r); k++) {
				links += dt_review_unit_at(r, k)->nlinks;
			}
		}
		dt_review_free(r);
	}
	cr_assert(done);
	cr_assert_gt(links, 5);
}

/* ## streamed reports (dt_review_write_cb) */

typedef struct {
	dt_buf all;       /* everything handed over */
	size_t pieces, biggest;
	size_t fail_at;   /* fail the piece with this number (1-based) */
} sink_state;

static int collect(const char *buf, size_t len, void *payload)
{
	sink_state *s = payload;

	cr_assert_gt(len, 0);
	s->pieces++;
	s->biggest = len > s->biggest ? len : s->biggest;
	if (s->pieces == s->fail_at) {
		return DT_EIO;
	}
	cr_assert_eq(dt__buf_append(&s->all, buf, len), 0);
	return 0;
}

/* Every document of the corpus, finished (its HTML report is more than
 * one piece). */
static dt_review *full_review(void)
{
	dt_review *r = new_review();
	dt_error err = { 0 };
	size_t i;

	for (i = 0; i < NLOCALS; i++) {
		cr_assert_eq(dt_review_add(r, locals[i], &err), 0, "%s",
			err.message);
	}
	cr_assert_eq(dt_review_finish(r, &err), 0, "%s", err.message);
	return r;
}

Test(review, a_streamed_report_is_the_report_byte_for_byte,
	.init = setup, .fini = teardown)
{
	static const dt_report_format fmts[] = { DT_REPORT_TEXT,
		DT_REPORT_MD, DT_REPORT_JSON, DT_REPORT_CSV, DT_REPORT_HTML };
	static const unsigned flags[] = { 0, DT_WRITE_CSV_BOM |
		DT_WRITE_COLOR };
	dt_review *r = full_review();
	size_t i, k;

	for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		for (k = 0; k < 2; k++) {
			sink_state s;
			dt_error err = { 0 };
			char *want = NULL;
			size_t len = 0;

			memset(&s, 0, sizeof(s));
			dt__buf_init(&s.all, 0);
			cr_assert_eq(dt_review_write(&want, &len, r, fmts[i],
				flags[k], &err), 0, "%s", err.message);
			cr_assert_eq(dt_review_write_cb(r, fmts[i], flags[k],
				collect, &s, &err), 0, "%s", err.message);
			cr_assert_eq(s.all.len, len, "format %zu", i);
			cr_assert(memcmp(s.all.data, want, len) == 0,
				"format %zu", i);
			cr_assert_leq(s.biggest, 2 * DT_BUF_CHUNK);
			if (len > DT_BUF_CHUNK) {
				cr_assert_gt(s.pieces, 1);
			}
			dt__buf_dispose(&s.all);
			dt_free(want);
		}
	}
	dt_review_free(r);
}

Test(review, a_failing_writer_stops_the_report_with_its_status,
	.init = setup, .fini = teardown)
{
	dt_review *r = full_review();
	sink_state s;
	dt_error err = { 0 };

	memset(&s, 0, sizeof(s));
	dt__buf_init(&s.all, 0);
	s.fail_at = 2; /* the HTML report is more than one piece */
	cr_assert_eq(dt_review_write_cb(r, DT_REPORT_HTML, 0, collect, &s,
		&err), DT_EIO);
	cr_assert_eq(err.code, DT_EIO);
	cr_assert_eq(s.pieces, 2, "no piece after the failure");
	dt__buf_dispose(&s.all);
	s.pieces = 0;
	s.fail_at = 1; /* the last piece is the first */
	cr_assert_eq(dt_review_write_cb(r, DT_REPORT_TEXT, 0, collect, &s,
		&err), DT_EIO);
	cr_assert_eq(dt_review_write_cb(r, DT_REPORT_TSV, 0, collect, &s,
		&err), DT_EINVAL);
	dt_review_free(r);
}

/* ## reports rendered by several threads (dt_review_write_jobs) */

/* The report of `r` in `fmt` by `jobs` threads in pieces of `links_per`
 * links equals the one-go report. */
static void pieces_same(const dt_review *r, dt_report_format fmt,
	unsigned flags, size_t jobs, size_t links_per)
{
	const dt_review_layout *l = dt__review_layout(fmt);
	sink_state s;
	dt_error err = { 0 };
	char *want = NULL;
	size_t len = 0;

	memset(&s, 0, sizeof(s));
	dt__buf_init(&s.all, 0);
	cr_assert_eq(dt_review_write(&want, &len, r, fmt, flags, &err), 0);
	if (l != NULL && links_per > 0) {
		cr_assert_eq(dt__review_write_pieces(r, l, flags, jobs,
			links_per, collect, &s), 0);
	} else {
		cr_assert_eq(dt_review_write_jobs(r, fmt, flags,
			(unsigned)jobs, collect, &s, &err), 0, "%s",
			err.message);
	}
	cr_assert_eq(s.all.len, len, "format %d, %zu jobs, %zu links",
		(int)fmt, jobs, links_per);
	cr_assert(memcmp(s.all.data, want, len) == 0,
		"format %d, %zu jobs, %zu links", (int)fmt, jobs, links_per);
	if (l != NULL && links_per == 1) {
		cr_assert_gt(s.pieces, dt_review_unit_count(r) / 2);
	}
	dt__buf_dispose(&s.all);
	dt_free(want);
}

Test(review, a_report_in_pieces_by_threads_is_the_report_byte_for_byte,
	.init = setup, .fini = teardown)
{
	static const dt_report_format fmts[] = { DT_REPORT_TEXT,
		DT_REPORT_MD, DT_REPORT_JSON, DT_REPORT_CSV, DT_REPORT_HTML };
	static const size_t jobs[] = { 1, 2, 3, 8 };
	static const size_t links_per[] = { 0, 1, 5, 100000 };
	dt_review *r = full_review();
	size_t i, j, k;

	for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		for (j = 0; j < 4; j++) {
			for (k = 0; k < 4; k++) {
				pieces_same(r, fmts[i], DT_WRITE_CSV_BOM,
					jobs[j], links_per[k]);
			}
		}
	}
	dt_review_free(r);
}

Test(review, a_review_of_no_documents_in_pieces_is_the_report,
	.init = setup, .fini = teardown)
{
	dt_review *r = new_review();
	dt_error err = { 0 };

	cr_assert_eq(dt_review_finish(r, &err), 0);
	pieces_same(r, DT_REPORT_JSON, 0, 2, 1);
	pieces_same(r, DT_REPORT_CSV, 0, 3, 7);
	dt_review_free(r);
}

Test(review, a_failing_writer_stops_the_threads_with_its_status,
	.init = setup, .fini = teardown)
{
	dt_review *r = full_review();
	const dt_review_layout *l = dt__review_layout(DT_REPORT_JSON);
	size_t at;

	for (at = 1; at < 6; at++) {
		sink_state s;

		memset(&s, 0, sizeof(s));
		dt__buf_init(&s.all, 0);
		s.fail_at = at;
		cr_assert_eq(dt__review_write_pieces(r, l, 0, 2, 1, collect,
			&s), DT_EIO);
		cr_assert_eq(s.pieces, at, "no piece after the failure");
		dt__buf_dispose(&s.all);
	}
	dt_review_free(r);
}

Test(review, allocation_failures_in_pieces_are_reported,
	.init = setup, .fini = teardown)
{
	dt_review *r = full_review();
	const dt_review_layout *l = dt__review_layout(DT_REPORT_CSV);
	size_t n, failed = 0;

	for (n = 1; n < 40; n++) {
		sink_state s;
		int rc;

		memset(&s, 0, sizeof(s));
		dt__buf_init(&s.all, 0);
		cr_assert_eq(dt__buf_reserve(&s.all, 1 << 20), 0);
		/* One thread: the failure countdown is not for threads. */
		dt__alloc_fail_after(n);
		rc = dt__review_write_pieces(r, l, 0, 1, 20, collect, &s);
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || rc == DT_ENOMEM, "%d", rc);
		failed += rc != 0;
		dt__buf_dispose(&s.all);
	}
	cr_assert_gt(failed, 2);
	cr_assert_lt(failed, 39, "once allocations succeed, so does it");
	dt_review_free(r);
}

/* ## links in Markdown and HTML, as printf wrote them */

/* A link's Markdown as the byte-at-a-time cell and printf wrote it. */
static void ref_md_link(dt_buf *b, const dt_link *l, int first)
{
	const char *s;

	dt__buf_printf(b, "%s%s:%zu (%s", first ? "" : "; ", l->file,
		l->line, l->kind == DT_LINK_EXPLICIT ? "explicit" :
		"implicit");
	if (l->kind == DT_LINK_IMPLICIT) {
		dt__buf_printf(b, " %.2f", l->score);
	}
	dt__buf_append(b, ": ", 2);
	for (s = l->evidence; *s != '\0'; s++) {
		if (*s == '|') {
			dt__buf_append(b, "\\|", 2);
		} else {
			dt__buf_putc(b, *s == '\n' ? ' ' : *s);
		}
	}
	dt__buf_putc(b, ')');
}

Test(review, links_in_markdown_and_html_read_as_printf_wrote_them,
	.init = setup, .fini = teardown)
{
	dt_review *r = full_review();
	char *md = NULL, *html = NULL;
	size_t len = 0, i, k, n = 0;
	dt_error err = { 0 };

	cr_assert_eq(dt_review_write(&md, &len, r, DT_REPORT_MD, 0, &err), 0);
	cr_assert_eq(dt_review_write(&html, &len, r, DT_REPORT_HTML, 0,
		&err), 0);
	for (i = 0; i < dt_review_unit_count(r); i++) {
		const dt_unit_review *u = dt_review_unit_at(r, i);

		for (k = 0; k < u->nlinks; k++) {
			const dt_link *l = &u->links[k];
			const char *kind = l->kind == DT_LINK_EXPLICIT ?
				"explicit" : "implicit";
			char want[256];
			dt_buf b;

			dt__buf_init(&b, 0);
			ref_md_link(&b, l, k == 0);
			cr_assert_not_null(strstr(md, b.data), "%s", b.data);
			dt__buf_dispose(&b);
			snprintf(want, sizeof(want), ":%zu</code> <code>",
				l->line);
			cr_assert_not_null(strstr(html, want), "%s", want);
			snprintf(want, sizeof(want), "</code> %s, score %.2f: "
				"<q>", kind, l->score);
			cr_assert_not_null(strstr(html, want), "%s", want);
			n++;
		}
	}
	cr_assert_gt(n, 20, "%zu links", n);
	dt_free(md);
	dt_free(html);
	dt_review_free(r);
}

/* Links that say the same share one copy of it: memory grows with what
 * is new, not with the number of links. */
Test(review, equal_strings_of_links_are_one_copy,
	.init = setup, .fini = teardown)
{
	dt_review *r = full_review();
	const dt_link *first_of_eid[64] = { NULL };
	size_t i, k, n = 0, shared = 0;

	for (i = 0; i < dt_review_unit_count(r); i++) {
		const dt_unit_review *u = dt_review_unit_at(r, i);

		for (k = 0; k < u->nlinks; k++) {
			const dt_link *l = &u->links[k];
			size_t j;

			cr_assert_not_null(l->file);
			for (j = 0; j < n; j++) {
				if (strcmp(first_of_eid[j]->local_eid,
					    l->local_eid) == 0) {
					cr_assert_eq(first_of_eid[j]->local_eid,
						l->local_eid);
					shared++;
					break;
				}
			}
			if (j == n && n < 64) {
				first_of_eid[n++] = l;
			}
		}
	}
	cr_assert_gt(shared, 0);
	for (i = 0; i < dt_review_doc_count(r); i++) {
		const dt_review_doc *d = dt_review_doc_at(r, i);

		for (k = 0; k < dt_review_finding_count(r); k++) {
			const dt_finding *f = dt_review_finding_at(r, k);

			if (f->file != NULL && strcmp(f->file, d->file) == 0) {
				cr_assert_eq(f->file, d->file);
			}
		}
	}
	dt_review_free(r);
}

Test(review, every_allocation_failure_in_finish_is_reported,
	.init = setup, .fini = teardown)
{
	size_t n;
	int done = 0;

	for (n = 1; n < 100000 && !done; n++) {
		dt_review *r = new_review();
		dt_error err = { 0 };
		size_t i;
		int rc;

		for (i = 0; i < NLOCALS; i++) {
			cr_assert_eq(dt_review_add(r, locals[i], &err), 0);
		}
		dt__alloc_fail_after(n);
		rc = dt_review_finish(r, &err);
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || rc == DT_ENOMEM, "rc %d at %zu", rc, n);
		done = rc == 0;
		dt_review_free(r);
	}
	cr_assert(done);
}

Test(review, init_sets_up_once_and_may_be_called_again)
{
	dt_error err = { 0 };

	cr_assert_eq(dt_init(&err), 0, "%s", err.message);
	cr_assert_eq(dt_init(NULL), 0);
}

/* The Markdown cell writer copies runs; the byte-at-a-time one of
 * ref_md_link gives the same text, '|' and line breaks anywhere. */
Test(review, markdown_cells_escape_as_byte_by_byte)
{
	static const char alphabet[] = "ab|\n\r\\ \xD0\xB8\xE1\xBB\x87";
	uint64_t seed = 0x9E3779B97F4A7C15ull;
	char s[64];
	size_t i, k;

	for (i = 0; i < 20000; i++) {
		size_t len = (seed >> 7) % 60;
		dt_buf got, want;
		const char *p;

		for (k = 0; k < len; k++) {
			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			s[k] = alphabet[seed % (sizeof(alphabet) - 1)];
		}
		s[len] = '\0';
		dt__buf_init(&got, 0);
		dt__buf_init(&want, 0);
		cr_assert_eq(dt__md_cell(&got, s), 0);
		for (p = s; *p != '\0'; p++) {
			if (*p == '|') {
				dt__buf_append(&want, "\\|", 2);
			} else {
				dt__buf_putc(&want, *p == '\n' ? ' ' : *p);
			}
		}
		cr_assert_eq(got.len, want.len);
		cr_assert(got.len == 0 || strcmp(got.data, want.data) == 0,
			"\"%s\": %s, not %s", s, got.data, want.data);
		dt__buf_dispose(&got);
		dt__buf_dispose(&want);
	}
}

/* ## The string table: one copy of each distinct string
 *
 * Checked against a plain list: random strings of few letters (many
 * equal, many of one length, prefixes of one another), each copy equal
 * to its string, and two copies the same pointer exactly when their
 * strings are equal. */
Test(review, the_string_table_keeps_one_copy_of_each_distinct_string,
	.init = setup, .fini = teardown)
{
	enum { N = 6000 };
	static char strs[N][24];
	static const char *copies[N];
	dt_review *r = new_review();
	uint64_t x = 88172645463325252ull;
	size_t i, j, distinct = 0;

	for (i = 0; i < N; i++) {
		size_t len, k;

		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		len = 1 + x % 9;
		for (k = 0; k < len; k++) {
			strs[i][k] = "ab\xc4"[(x >> (k + 8)) % 3 == 2 &&
				k % 5 == 4 ? 2 : (x >> (k + 8)) % 2];
		}
		strs[i][len] = '\0';
		copies[i] = dt__review_str(r, strs[i]);
		cr_assert_not_null(copies[i]);
		cr_assert_str_eq(copies[i], strs[i]);
	}
	for (i = 0; i < N; i++) {
		int seen = 0;

		for (j = 0; j < i; j++) {
			int same = strcmp(strs[i], strs[j]) == 0;

			cr_assert_eq(same, copies[i] == copies[j],
				"'%s' (%zu) and '%s' (%zu)", strs[i], i,
				strs[j], j);
			seen |= same;
		}
		distinct += !seen;
	}
	cr_assert_gt(distinct, 100, "%zu distinct", distinct);
	cr_assert_lt(distinct, N / 2, "%zu distinct", distinct);
	cr_assert_eq(dt__review_str(r, ""), dt__review_str(r, NULL));
	dt_review_free(r);
}

/* The implicit links of a review of every local document with `opts`. */
static size_t implicit_links_with(const dt_review_opts *opts, char **json)
{
	dt_review *r = NULL;
	dt_error err = { 0 };
	const char *at;
	size_t i, n = 0;

	cr_assert_eq(dt_review_new(&r, dir, opts, &err), 0, "%s",
		err.message);
	for (i = 0; i < NLOCALS; i++) {
		cr_assert_eq(dt_review_add(r, locals[i], &err), 0, "%s",
			err.message);
	}
	*json = finish_json(r);
	for (at = *json; (at = strstr(at, "\"kind\":\"implicit\"")); at++) {
		n++;
	}
	return n;
}

Test(review, min_share_zero_is_calibrated_and_negative_any_share,
	.init = setup, .fini = teardown)
{
	dt_review_opts calibrated = { 0, 0, 0 };
	dt_review_opts same = { 0, 0, DT_MATCH_DEFAULT_MIN_SHARE };
	dt_review_opts any = { 0, 0, -1 };
	char *a, *b, *c;
	size_t na = implicit_links_with(&calibrated, &a);
	size_t nb = implicit_links_with(&same, &b);
	size_t nc = implicit_links_with(&any, &c);

	cr_assert_gt(na, 0);
	cr_assert_eq(na, nb);
	cr_assert_str_eq(a, b);
	cr_assert_gt(nc, na, "any share: %zu implicit links, default %zu", nc,
		na);
	free(a);
	free(b);
	free(c);
}
