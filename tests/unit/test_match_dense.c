/*
 * test_match_dense.c - the query paths of match.c give the same answers:
 * the dense query (all accumulators, scores near the best only), the
 * term-at-a-time one (accumulate() and rank()), and a brute-force
 * reference written here the way match.c queried before the dense path,
 * the forward index and the kept unit bags came in (every posting in bag
 * order, ties kept in the order leaves are touched in, evidence by a
 * search of each query term's postings).  Same targets, same order, the
 * same scores to the bit, the same evidence.  And the ranking of touched
 * leaves, which divides only those near the best, keeps the same result
 * as ranking them all.
 *
 * The directives are random (match_fixtures.h): syllables drawn from a
 * small Vietnamese vocabulary, so that leaves share many terms, with
 * clauses repeated inside an article (equal scores: ties) and short ones
 * (shares capped at 1: more ties); the local plans paraphrase them.  The
 * bags and the document factor the queries start from are tested in
 * test_match_bags.c.
 */
#include <math.h>
#include <stdlib.h>

#include <criterion/criterion.h>

#include "match_fixtures.h"
#include "match_internal.h"

/* ## The reference: match.c's query before the dense path */

static double ref_weight(const dt_matcher *m, uint32_t id, uint32_t l)
{
	const dt_match_term *t = &m->terms[id];
	size_t k;

	for (k = 0; k < t->df; k++) {
		if (t->post[k].leaf == l) {
			return t->post[k].w;
		}
	}
	return 0;
}

static int ref_put_surface(
	char *out, size_t cap, size_t *len, const dt_match_bagged *b)
{
	size_t at = *len, i;

	if (at + (at ? 2 : 0) + (b->end - b->start) + 1 > cap) {
		return -1;
	}
	if (at > 0) {
		out[at++] = ';';
		out[at++] = ' ';
	}
	for (i = b->start; i < b->end; i++) {
		char c = b->text[i] == '\n' || b->text[i] == '\t' ? ' '
								  : b->text[i];

		if (c != ' ' || (at > 0 && out[at - 1] != ' ')) {
			out[at++] = c;
		}
	}
	out[at] = '\0';
	*len = at;
	return 0;
}

static int ref_syllable(const dt_matcher *m, size_t k)
{
	const dt_match_term *t = &m->terms[m->bag[k].id];

	return dt__match_is_syllable(m, m->strings.data + t->off, t->len);
}

static void ref_evidence(const dt_matcher *m, uint32_t l, dt_match *out)
{
	size_t top[EVIDENCE_TERMS], n = 0, i, k, len = 0;
	double w[EVIDENCE_TERMS];
	int bigrams = 0;

	for (i = 0; i < m->nbag; i++) {
		double x = ref_weight(m, m->bag[i].id, l);

		for (k = n; x > 0 && k > 0 && w[k - 1] < x; k--) {
			if (k < EVIDENCE_TERMS) {
				top[k] = top[k - 1];
				w[k] = w[k - 1];
			}
		}
		if (x > 0 && k < EVIDENCE_TERMS) {
			top[k] = i;
			w[k] = x;
			n += n < EVIDENCE_TERMS;
		}
	}
	for (k = 0; k < n; k++) {
		bigrams |= !ref_syllable(m, top[k]);
	}
	out->evidence[0] = '\0';
	for (k = 0; k < n; k++) {
		if ((!bigrams || !ref_syllable(m, top[k])) &&
			ref_put_surface(out->evidence, sizeof(out->evidence),
				&len, &m->bag[top[k]]) < 0) {
			break;
		}
	}
}

/* Whether the bag's terms that leaf l holds weigh the matcher's
 * min_share of the bag's weight, by a search of each term's postings. */
static int ref_covers(const dt_matcher *m, uint32_t l)
{
	double total = 0, shared = 0;
	size_t i;

	for (i = 0; i < m->nbag; i++) {
		double w = m->terms[m->bag[i].id].weight;

		total += w;
		shared += ref_weight(m, m->bag[i].id, l) > 0 ? w : 0;
	}
	return shared >= m->min_share * total;
}

/* Term at a time over m's current bag, keep() as it was, and the query
 * share. */
static size_t ref_query(const dt_matcher *m, double factor, double min_score,
	dt_match *out, size_t max, size_t *ties)
{
	double *acc = calloc(m->nleaves + 1, sizeof(*acc)), best = 0;
	uint32_t *touched = calloc(m->nleaves + 1, sizeof(*touched));
	size_t nt = 0, i, k, n = 0;

	cr_assert(acc != NULL && touched != NULL);
	for (i = 0; i < m->nbag; i++) {
		const dt_match_term *t = &m->terms[m->bag[i].id];

		for (k = 0; k < t->df; k++) {
			if (acc[t->post[k].leaf] == 0) {
				touched[nt++] = t->post[k].leaf;
			}
			acc[t->post[k].leaf] += t->post[k].w;
		}
	}
	for (i = 0; i < nt; i++) {
		uint32_t l = touched[i];

		acc[l] = factor * fmin(1.0, acc[l] / m->leaves[l].self);
		best = fmax(best, acc[l]);
	}
	min_score = fmax(min_score, RELATIVE_CUT * best);
	for (i = 0; i < nt; i++) {
		double s = acc[touched[i]];

		if (!(s >= min_score && s > 0) || !ref_covers(m, touched[i])) {
			continue;
		}
		k = n < max ? n++ : max;
		for (; k > 0 && out[k - 1].score < s; k--) {
			if (k < max) {
				out[k] = out[k - 1];
			}
		}
		if (k > 0 && out[k - 1].score == s) {
			(*ties)++;
		}
		if (k < max) {
			out[k].target = m->leaves[touched[i]].unit;
			out[k].score = s;
			ref_evidence(m, touched[i], &out[k]);
		}
	}
	free(acc);
	free(touched);
	return n;
}

/* ## The paths agree */

static void same(const dt_match *a, size_t na, const dt_match *b, size_t nb,
	const char *what, const char *eid)
{
	size_t k;

	cr_assert_eq(na, nb, "%s, %s: %zu matches, not %zu", what, eid, na, nb);
	for (k = 0; k < na; k++) {
		cr_assert_eq(a[k].target, b[k].target, "%s, %s: match %zu",
			what, eid, k);
		cr_assert(a[k].score == b[k].score, "%s, %s: %.17g != %.17g",
			what, eid, a[k].score, b[k].score);
		cr_assert_str_eq(
			a[k].evidence, b[k].evidence, "%s, %s", what, eid);
	}
}

/* Blocks of 16 leaves whose rows the dense queries did not add (none
 * near the best: match_dense.c, rows_near_top()), and all blocks. */
static size_t pruned_blocks, all_blocks;

/* The share of leaf l for the query in the bag: its weights of the
 * bag's terms summed by brute force, over its own share of itself. */
static double brute_share(const dt_matcher *m, size_t l)
{
	double sum = 0;
	size_t e;

	for (e = m->fwd_at[l]; e < m->fwd_at[l + 1]; e++) {
		if (m->inbag[m->fwd[e].term].mark == m->serial) {
			sum += m->fwd[e].w;
		}
	}
	return sum * m->inv_self[l];
}

/* Count the blocks the last dense query left out, and check that none
 * of them holds the best leaf or one within RELATIVE_CUT of it. */
static void count_pruned(const dt_matcher *m)
{
	double top = 0, near;
	size_t b, l;

	for (l = 0; l < m->nleaves; l++) {
		top = fmax(top, brute_share(m, l));
	}
	near = RELATIVE_CUT * fmin(top, 1) * (1 - 1e-6);
	for (b = 0; b < m->rowlen / 16; b++) {
		all_blocks++;
		if (m->bmax[b] != -1) {
			continue;
		}
		pruned_blocks++;
		for (l = b * 16; l < b * 16 + 16 && l < m->nleaves; l++) {
			cr_assert_lt(brute_share(m, l), near,
				"leaf %zu near the best left out", l);
		}
	}
}

/* Query unit `u` with the dense path forced (rows summed last, only in
 * the blocks that may hold the best; then in bag order), then the
 * term-at-a-time path, each against the reference. */
static size_t check_unit(dt_matcher *m, const dt_unit *u, double min_score,
	size_t max, size_t *ties)
{
	dt_match dense[8], sparse[8], ref[8];
	size_t nd = 99, ns = 99, nr = 0;
	uint32_t serial = m->serial;
	const char *eid = dt_unit_eid(u);

	m->dense_min = 0;
	cr_assert_eq(dt__matcher_query(m, u, DT_LANG_VI, min_score, dense, max,
			     &nd, NULL),
		0);
	if (m->serial != serial && m->nbag >= MIN_TERMS) {
		nr = ref_query(m, m->last_factor, min_score, ref, max, ties);
		count_pruned(m);
	}
	same(dense, nd, ref, nr, "dense", eid);
	/* again with the rows added in bag order, as for an index whose
	 * sums may round (dt_matcher.exact) */
	cr_assert(m->exact);
	m->exact = 0;
	nd = 99;
	cr_assert_eq(dt__matcher_query(m, u, DT_LANG_VI, min_score, dense, max,
			     &nd, NULL),
		0);
	m->exact = 1;
	same(dense, nd, ref, nr, "dense in bag order", eid);
	m->dense_min = SIZE_MAX;
	cr_assert_eq(dt__matcher_query(m, u, DT_LANG_VI, min_score, sparse, max,
			     &ns, NULL),
		0);
	same(sparse, ns, ref, nr, "term at a time", eid);
	return nd;
}

Test(match_dense, every_path_agrees_with_the_reference_on_random_indexes)
{
	static char dir_src[DOC_CAP], local_src[DOC_CAP];
	static char clauses[MAX_CLAUSES][512];
	static const double mins[] = {0.0, 0.2, 0.5};
	size_t seed, found = 0, ties = 0, queries = 0, rows = 0, lists = 0;

	for (seed = 1; seed <= 60; seed++) {
		dt_matcher *m = NULL;
		dt_doc *dir, *local;
		size_t n, i;

		rng = 0x9e3779b97f4a7c15ull * seed;
		n = directive(dir_src, clauses);
		plan(local_src, clauses, n);
		dir = parse(dir_src);
		local = parse(local_src);
		cr_assert_eq(dt__matcher_new(&m, dir, NULL), 0);
		cr_assert_gt(m->nleaves, 0, "seed %zu", seed);
		cr_assert(m->positive);
		for (i = 0; i < m->nterms; i++) {
			rows += m->terms[i].row != NULL;
			lists += m->terms[i].row == NULL;
		}
		for (i = 0; i < dt_doc_unit_count(local); i++) {
			const dt_unit *u = dt_doc_unit_at(local, i);

			found +=
				check_unit(m, u, mins[i % 3], 1 + i % 8, &ties);
			queries++;
		}
		dt__matcher_free(m);
		dt_doc_free(local);
		dt_doc_free(dir);
	}
	cr_assert_gt(found, queries / 4, "%zu matches in %zu queries", found,
		queries);
	cr_assert_gt(ties, 0, "no equal scores: ties untested");
	/* the dense query adds terms in many leaves as rows, the others
	 * posting by posting: both ways are tried */
	cr_assert_gt(rows, 0, "no dense rows: untested");
	cr_assert_gt(lists, 0, "no posting lists: untested");
	/* and the rows were left out of some blocks, not of all */
	cr_assert_gt(pruned_blocks, 0, "no block left out: untested");
	cr_assert_lt(pruned_blocks, all_blocks);
}

/* ## Ranking touched leaves: only those near the best are divided */

/* The ranking before near_touched(): every touched leaf scored with
 * fmin and fmax, kept by insertion in touch order; targets and scores
 * only (the bag is empty: no evidence). */
static size_t ref_rank(const dt_matcher *m, const double *acc,
	const uint32_t *touched, size_t ntouched, double factor,
	double min_score, dt_match *out, size_t max)
{
	double best = 0, *score = calloc(ntouched + 1, sizeof(*score));
	size_t i, n = 0;

	cr_assert_not_null(score);
	for (i = 0; i < ntouched; i++) {
		uint32_t l = touched[i];

		score[i] = factor * fmin(1.0, acc[l] / m->leaves[l].self);
		best = fmax(best, score[i]);
	}
	min_score = fmax(min_score, RELATIVE_CUT * best);
	for (i = 0; i < ntouched; i++) {
		size_t k;

		if (!(score[i] >= min_score && score[i] > 0)) {
			continue;
		}
		k = n < max ? n++ : max;
		for (; k > 0 && out[k - 1].score < score[i]; k--) {
			if (k < max) {
				out[k] = out[k - 1];
			}
		}
		if (k < max) {
			out[k].target = m->leaves[touched[i]].unit;
			out[k].score = score[i];
		}
	}
	free(score);
	return n;
}

/* A share for a leaf: above 1 (clipped), at the cut of the best and a
 * few ulps either side of it, ties, tiny ones, or random. */
static double pick_share(double best_share, size_t kind)
{
	double cut = RELATIVE_CUT * (best_share < 1 ? best_share : 1);

	switch (kind % 9) {
	case 0:
		return 1 + (double)pick(1000) / 100;
	case 1:
		return cut;
	case 2:
		return nextafter(cut, 0);
	case 3:
		return nextafter(cut, 2);
	case 4:
		return cut * (1 - 1e-12);
	case 5:
		return best_share;
	case 6:
		return 1e-300;
	default:
		return (double)pick(1000000) / 1e6;
	}
}

Test(match_dense, ranking_only_the_leaves_near_the_best_keeps_the_same)
{
	static char dir_src[DOC_CAP];
	static char clauses[MAX_CLAUSES][512];
	static const double factors[] = {1.0, 0.7, 0.2500001, 1e-3};
	static const double mins[] = {0.0, 0.2, 0.5, 0.95};
	size_t seed, rounds = 0, kept = 0, edge = 0;

	for (seed = 1; seed <= 6; seed++) {
		dt_matcher *m = NULL;
		dt_doc *dir;
		size_t r;

		rng = 0x51ed270b27a5c3f1ull * seed;
		directive(dir_src, clauses);
		dir = parse(dir_src);
		cr_assert_eq(dt__matcher_new(&m, dir, NULL), 0);
		cr_assert(m->positive);
		dt__match_next_serial(m); /* an empty bag: no evidence */
		for (r = 0; r < 400; r++) {
			double acc[4096], best_share = 0.3 + pick(1500) / 1000.0;
			dt_match got[8], want[8];
			size_t n = 1 + pick(m->nleaves), i, ng = 0, nw, max;
			double factor = factors[r % 4], min = mins[r / 4 % 4];

			cr_assert_leq(m->nleaves, 4096);
			/* n distinct leaves, in a random order */
			for (i = 0; i < m->nleaves; i++) {
				m->touched[i] = (uint32_t)i;
			}
			for (i = 0; i < n; i++) {
				size_t j = i + pick(m->nleaves - i);
				uint32_t t = m->touched[i];

				m->touched[i] = m->touched[j];
				m->touched[j] = t;
			}
			m->ntouched = n;
			for (i = 0; i < n; i++) {
				uint32_t l = m->touched[i];
				double s = i == 0 ? best_share :
					pick_share(best_share, pick(9));

				acc[l] = s * m->leaves[l].self;
				m->acc[l] = acc[l];
				edge += s == RELATIVE_CUT *
					(best_share < 1 ? best_share : 1);
			}
			max = 1 + r % 8;
			nw = ref_rank(m, acc, m->touched, n, factor, min, want,
				max);
			dt__match_rank(m, factor, min, got, max, &ng);
			cr_assert_eq(ng, nw, "seed %zu round %zu", seed, r);
			for (i = 0; i < ng; i++) {
				cr_assert_eq(got[i].target, want[i].target,
					"seed %zu round %zu match %zu", seed,
					r, i);
				cr_assert_eq(got[i].score, want[i].score);
			}
			for (i = 0; i < m->nleaves; i++) {
				cr_assert_eq(m->acc[i], 0, "not cleared");
			}
			kept += ng;
			rounds++;
		}
		dt__matcher_free(m);
		dt_doc_free(dir);
	}
	cr_assert_gt(kept, rounds, "%zu kept in %zu rounds", kept, rounds);
	cr_assert_gt(edge, 100, "%zu shares at the cut", edge);
}
