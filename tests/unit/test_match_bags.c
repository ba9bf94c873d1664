/*
 * test_match_bags.c - what match.c keeps so that a query need not
 * tokenize its text again: the unit bags kept by the document factor
 * equal a tokenizer run, the bag of a paragraph built from the kept
 * occurrences equals the plain walk, and the document factor computed
 * from the compact topical counts (tdtf) equals the one of the term
 * records.  On the random directives and plans of match_fixtures.h; the
 * queries built on them are tested in test_match_dense.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "match_fixtures.h"
#include "match_internal.h"
#include "paragraph.h"

/* ## Unit bags kept by the document factor */

static int bag_term(const char *s, size_t len, uint32_t hash, size_t start,
	size_t end, void *payload)
{
	dt_matcher *m = payload;
	uint32_t id = dt__match_lookup(m, s, len, hash);

	if (id != UINT32_MAX) {
		cr_assert_neq(dt__match_bag_put(m, id, start, end), SIZE_MAX);
	}
	return 0;
}

Test(match_dense, kept_unit_bags_equal_a_tokenizer_run)
{
	static char dir_src[DOC_CAP], local_src[DOC_CAP];
	static char clauses[MAX_CLAUSES][512];
	static dt_match_bagged kept[4096];
	dt_matcher *m = NULL;
	dt_doc *dir, *local;
	size_t n, i, k, nkept;
	double factor;

	rng = 12345;
	n = directive(dir_src, clauses);
	plan(local_src, clauses, n);
	dir = parse(dir_src);
	local = parse(local_src);
	cr_assert_eq(dt__matcher_new(&m, dir, NULL), 0);
	/* backwards: the search for a unit's bag wraps around */
	for (i = dt_doc_unit_count(local); i-- > 0;) {
		const dt_unit *u = dt_doc_unit_at(local, i);

		cr_assert_eq(dt__match_doc_factor(m, u, &factor, NULL), 0);
		cr_assert_eq(dt__match_unit_bag(m, u), 1);
		nkept = m->nbag;
		cr_assert_leq(nkept, 4096);
		memcpy(kept, m->bag, nkept * sizeof(*kept));
		dt__match_next_serial(m);
		cr_assert_eq(dt__match_run_unit(m, u, bag_term, NULL), 0);
		cr_assert_eq(m->nbag, nkept, "unit %s", dt_unit_eid(u));
		for (k = 0; k < nkept; k++) {
			cr_assert_eq(m->bag[k].id, kept[k].id);
			cr_assert_eq(m->bag[k].start, kept[k].start);
			cr_assert_eq(m->bag[k].end, kept[k].end);
			cr_assert_eq(m->bag[k].text, kept[k].text);
		}
	}
	/* the root is no unit of the list: the caller tokenizes it */
	cr_assert_eq(
		dt__match_unit_bag(m, dt_unit_parent(dt_doc_unit_at(local, 0))),
		0);
	dt__matcher_free(m);
	dt_doc_free(local);
	dt_doc_free(dir);
}

/* ## Paragraph bags from the kept occurrences */

/* The bag of a paragraph query as dt__match_part_bag() built it before
 * the binary search: every kept occurrence of the unit tested. */
static size_t ref_part_bag(dt_matcher *m, const struct dt_match_unitrun *run,
	const char *text, size_t title, size_t start, size_t end,
	dt_match_bagged *out)
{
	size_t k, n = 0, i;

	for (k = run->occ_at; k < run->occ_at + run->occ_n; k++) {
		const dt_match_bagged *b = &m->uocc[k];

		if (b->text != text || b->start < title ||
			(b->start >= start && b->start < end)) {
			for (i = 0; i < n && out[i].id != b->id; i++) {
			}
			if (i == n) {
				out[n++] = *b;
			}
		}
	}
	return n;
}

/* The kept run of unit u (the test's own search). */
static struct dt_match_unitrun *run_of(dt_matcher *m, const dt_unit *u)
{
	size_t i;

	for (i = 0; i < m->nuruns; i++) {
		if (m->uruns[i].unit == u) {
			return &m->uruns[i];
		}
	}
	return NULL;
}

/* Every paragraph of u: the bag of dt__match_part_bag() is the
 * reference one, term for term; returns the paragraphs checked. */
static size_t check_parts(dt_matcher *m, const dt_unit *u)
{
	static dt_match_bagged ref[4096];
	struct dt_match_unitrun *run = run_of(m, u);
	const char *t = dt_unit_text(u);
	size_t len = strlen(t), title = dt__para_title_len(t, len);
	size_t at = title, start, end, n, k, parts = 0;

	if (run == NULL || !run->has_occ) {
		return 0;
	}
	cr_assert_leq(run->occ_n, 4096);
	while (dt__para_next(t, len, &at, &start, &end)) {
		n = ref_part_bag(m, run, t, title, start, end, ref);
		cr_assert_eq(dt__match_part_bag(m, u, title, start, end), 1);
		cr_assert_eq(m->nbag, n, "unit %s, paragraph at %zu",
			dt_unit_eid(u), start);
		for (k = 0; k < n; k++) {
			cr_assert_eq(m->bag[k].id, ref[k].id);
			cr_assert_eq(m->bag[k].start, ref[k].start);
			cr_assert_eq(m->bag[k].end, ref[k].end);
			cr_assert_eq(m->bag[k].text, ref[k].text);
		}
		parts++;
	}
	return parts;
}

/* The runs of occurrences a paragraph query takes, found by binary
 * search, are the occurrences the plain walk takes; so with the walk
 * forced (run->sorted cleared). */
Test(match_dense, paragraph_bags_equal_the_plain_walk)
{
	static char dir_src[DOC_CAP], local_src[DOC_CAP];
	static char clauses[MAX_CLAUSES][512];
	size_t seed, i, n, parts = 0, sorted = 0;

	for (seed = 1; seed <= 40; seed++) {
		dt_matcher *m = NULL;
		dt_doc *dir, *local;
		double factor;
		int walk;

		rng = seed * 7919;
		n = directive(dir_src, clauses);
		plan(local_src, clauses, n);
		dir = parse(dir_src);
		local = parse(local_src);
		cr_assert_eq(dt__matcher_new(&m, dir, NULL), 0);
		cr_assert_eq(dt__match_doc_factor(
				     m, dt_doc_unit_at(local, 0), &factor, NULL),
			0);
		for (walk = 0; walk < 2; walk++) {
			for (i = 0; i < dt_doc_unit_count(local); i++) {
				const dt_unit *u = dt_doc_unit_at(local, i);
				struct dt_match_unitrun *run = run_of(m, u);

				if (run != NULL && walk) {
					run->sorted = 0;
				}
				sorted += run != NULL && run->sorted;
				parts += check_parts(m, u);
			}
		}
		dt__matcher_free(m);
		dt_doc_free(local);
		dt_doc_free(dir);
	}
	cr_assert_gt(parts, 100, "few paragraphs: untested");
	cr_assert_gt(sorted, 0, "no sorted run: the search is untested");
}

/* ## The document factor from the compact topical counts (tdtf) */

/* Term counts of a local document, in the order first met, by a plain
 * tokenizer run (the reference of local_factor's counting). */
typedef struct {
	dt_matcher *m;
	float *ltf;
	uint32_t *order;
	size_t n;
} ref_counts;

static int ref_count_term(const char *s, size_t len, uint32_t hash,
	size_t start, size_t end, void *payload)
{
	ref_counts *c = payload;
	uint32_t id = dt__match_lookup(c->m, s, len, hash);

	(void)start;
	(void)end;
	if (id != UINT32_MAX) {
		if (c->ltf[id] == 0) {
			c->order[c->n++] = id;
		}
		c->ltf[id] += 1;
	}
	return 0;
}

/* The factor as local_factor computed it before tdtf, reading each
 * term's topical flag and dtf in dt_match_term. */
static double ref_factor(dt_matcher *m, const dt_doc *doc)
{
	ref_counts c = {m, NULL, NULL, 0};
	double dot = 0, sum = 0, cosine;
	size_t i;

	c.ltf = calloc(m->nterms + 1, sizeof(*c.ltf));
	c.order = calloc(m->nterms + 1, sizeof(*c.order));
	cr_assert(c.ltf != NULL && c.order != NULL);
	for (i = 0; i < dt_doc_unit_count(doc); i++) {
		const dt_unit *u = dt_doc_unit_at(doc, i);
		const char *h = dt_unit_heading(u), *t = dt_unit_text(u);

		cr_assert_eq(dt__tokenizer_run_hashed(m->tok, h, strlen(h),
			ref_count_term, &c, NULL), 0);
		cr_assert_eq(dt__tokenizer_run_hashed(m->tok, t, strlen(t),
			ref_count_term, &c, NULL), 0);
	}
	for (i = 0; i < c.n; i++) {
		const dt_match_term *t = &m->terms[c.order[i]];
		float ltf = c.ltf[c.order[i]];

		if (t->topical) {
			dot += (double)ltf * t->dtf;
			sum += (double)ltf * ltf;
		}
	}
	free(c.ltf);
	free(c.order);
	cosine = sum > 0 && m->dnorm > 0 ? dot / (sqrt(sum) * m->dnorm) : 0;
	cosine = (cosine - DOC_COS_LO) / (DOC_COS_HI - DOC_COS_LO);
	return cosine < 0 ? 0 : cosine > 1 ? 1 : cosine;
}

Test(match_dense, the_document_factor_is_the_one_of_the_term_records)
{
	static char dir_src[DOC_CAP], local_src[DOC_CAP], other_src[DOC_CAP];
	static char clauses[MAX_CLAUSES][512];
	size_t seed, topical = 0, not_topical = 0, inside = 0;

	for (seed = 1; seed <= 30; seed++) {
		dt_matcher *m = NULL;
		dt_doc *dir, *local, *other;
		double got, want;
		size_t n, i;

		rng = 0x2545f4914f6cdd1dull * seed;
		n = directive(dir_src, clauses);
		plan(local_src, clauses, n);
		/* a document of random words: about little of the directive */
		snprintf(other_src, sizeof(other_src), "# Báo cáo\n\n");
		words(other_src, sizeof(other_src), 40 + seed * 7);
		dir = parse(dir_src);
		local = parse(local_src);
		other = parse(other_src);
		cr_assert_eq(dt__matcher_new(&m, dir, NULL), 0);
		for (i = 0; i < m->nterms; i++) {
			const dt_match_term *t = &m->terms[i];

			cr_assert_eq(m->tdtf[i], t->topical ? t->dtf : -1.0f);
			cr_assert_geq(t->dtf, 0);
			topical += t->topical != 0;
			not_topical += t->topical == 0;
		}
		dt__matcher_doc_begin(m);
		cr_assert_eq(dt__match_doc_factor(m, dt_doc_unit_at(local, 0),
			&got, NULL), 0);
		want = ref_factor(m, local);
		cr_assert_eq(got, want, "seed %zu: %.17g, want %.17g", seed,
			got, want);
		inside += got > 0 && got < 1;
		dt__matcher_doc_begin(m);
		cr_assert_eq(dt__match_doc_factor(m, dt_doc_unit_at(other, 0),
			&got, NULL), 0);
		cr_assert_eq(got, ref_factor(m, other), "seed %zu", seed);
		inside += got > 0 && got < 1;
		dt__matcher_free(m);
		dt_doc_free(local);
		dt_doc_free(other);
		dt_doc_free(dir);
	}
	cr_assert_gt(topical, 0);
	cr_assert_gt(not_topical, 0);
	cr_assert_gt(inside, 5, "%zu factors strictly inside (0, 1)", inside);
}
