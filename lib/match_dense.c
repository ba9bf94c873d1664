/*
 * match_dense.c - the sums of a dense query (match.c, "Dense queries"):
 * every leaf's accumulator filled without a branch, the terms in many
 * leaves (ROW_SHARE) as dense rows added with vector instructions, the
 * others posting by posting; then the leaves near the best.
 *
 * The sums are those of the plain algorithm (match.c, accumulate()),
 * to the bit: a leaf without a row's term adds 0, which changes no sum;
 * in bag order, or, when every sum of the index is exact in a double
 * (dt_matcher.exact, match_index.c), in any order, and then the rows go
 * in together after the other terms, sixteen leaves at a time in
 * registers, with the top share of each block of sixteen leaves in the
 * same pass, and only in the blocks that may hold the best leaf or one
 * near it (section "Rows only where the best may be").
 * tests/unit/test_match_dense.c checks both orders against a
 * brute-force reference, and that no block left out holds a leaf near
 * the best; a build with -DDT_MATCH_NO_VECTORS runs the plain loops.
 *
 * Tried and dropped (a harness timing only the queries of 1,500 vi-100
 * documents, minimum of 7 interleaved runs): the rows four doubles an
 * instruction with AVX2 (a target("avx2") clone chosen at run time:
 * 0.673 s against 0.674 s, the adds are not what the rows wait for);
 * rows stored as floats and widened when added, half the bytes (0.758
 * against 0.655 s with SSE2 or AVX2: the conversions cost more than the
 * bytes saved); with the rows left out where the best cannot be,
 * ROW_SHARE 8 and 16 (0.715 and 0.882 against 0.647 s: more rows loosen
 * the bounds, and a row's block maxima cost as much as its postings);
 * the posting loop four postings at a time, loads before stores (within
 * noise, as the unrolling noted in match.c).
 */
#include <math.h>
#include <string.h>
#if defined(__GNUC__) && defined(__SSE2__) && !defined(DT_MATCH_NO_VECTORS)
#include <emmintrin.h>
#endif

#include "match_internal.h"

/* acc[0..n) += row[0..n), n a multiple of 4: two doubles an
 * instruction where the compiler has vector types (building with
 * -DDT_MATCH_NO_VECTORS takes the plain loops, to test them).  Adding
 * the 0 of a leaf without the term leaves its sum as it was, to the
 * bit. */
#if defined(__GNUC__) && !defined(DT_MATCH_NO_VECTORS)
typedef double dt_v2d __attribute__((vector_size(16)));

static inline dt_v2d load2(const double *p)
{
	dt_v2d x;

	memcpy(&x, p, sizeof(x));
	return x;
}

static inline void store2(double *p, dt_v2d x)
{
	memcpy(p, &x, sizeof(x));
}

static void add_row(double *acc, const double *row, size_t n)
{
	size_t i;

	for (i = 0; i < n; i += 4) {
		dt_v2d a, b, x, y;

		memcpy(&a, acc + i, sizeof(a));
		memcpy(&b, acc + i + 2, sizeof(b));
		memcpy(&x, row + i, sizeof(x));
		memcpy(&y, row + i + 2, sizeof(y));
		a += x;
		b += y;
		memcpy(acc + i, &a, sizeof(a));
		memcpy(acc + i + 2, &b, sizeof(b));
	}
}

#if defined(__SSE2__)
/* The larger of a and b, lane by lane (a > b ? a : b): one MAXPD, which
 * is that very choice (b when they are equal or either is NaN), where
 * the compare and three bit operations below cost four instructions,
 * seven times a block. */
static inline dt_v2d max2(dt_v2d a, dt_v2d b)
{
	return (dt_v2d)_mm_max_pd((__m128d)a, (__m128d)b);
}
#else
typedef long long dt_v2i __attribute__((vector_size(16)));

/* The larger of a and b, lane by lane (a > b ? a : b). */
static inline dt_v2d max2(dt_v2d a, dt_v2d b)
{
	dt_v2i gt = a > b;

	return (dt_v2d)(((dt_v2i)a & gt) | ((dt_v2i)b & ~gt));
}
#endif

/* The largest s[k] * inv[i + k] of the eight pairs of a block, as
 * block_rows_top() and block_top() take it. */
static inline double top_of(const dt_v2d s[8], const double *inv, size_t i)
{
	dt_v2d t0, t1;

	t0 = max2(max2(s[0] * load2(inv + i), s[2] * load2(inv + i + 4)),
		max2(s[4] * load2(inv + i + 8), s[6] * load2(inv + i + 12)));
	t1 = max2(max2(s[1] * load2(inv + i + 2), s[3] * load2(inv + i + 6)),
		max2(s[5] * load2(inv + i + 10), s[7] * load2(inv + i + 14)));
	t0 = max2(t0, t1);
	return t0[0] > t0[1] ? t0[0] : t0[1];
}

/* block_rows_top() without rows: the top share of block i as the sums
 * stand, without storing them back (a bound's first part, for every
 * block of every dense query). */
static double block_top(const double *acc, const double *inv, size_t i)
{
	dt_v2d s[8];
	size_t k;

	for (k = 0; k < 8; k++) {
		s[k] = load2(acc + i + 2 * k);
	}
	return top_of(s, inv, i);
}

/* acc[i..i + 16) += the sum of rows[0..nrows) there; return the
 * largest acc[l] * inv[l] of the block (its top share, for
 * dt__match_near_best()).  Sixteen leaves in registers: eight
 * independent vector sums, so that no add waits for the one before (two
 * adders, four cycles each), one load and one store per leaf.  Only when
 * the sums are exact (dt_matcher.exact): the rows go in after the other
 * terms, out of bag order. */
static double block_rows_top(double *acc, const double *inv,
	const double *const *rows, size_t nrows, size_t i)
{
	dt_v2d s0 = load2(acc + i), s1 = load2(acc + i + 2);
	dt_v2d s2 = load2(acc + i + 4), s3 = load2(acc + i + 6);
	dt_v2d s4 = load2(acc + i + 8), s5 = load2(acc + i + 10);
	dt_v2d s6 = load2(acc + i + 12), s7 = load2(acc + i + 14);
	size_t r;

	for (r = 0; r < nrows; r++) {
		const double *row = rows[r] + i;

		s0 += load2(row);
		s1 += load2(row + 2);
		s2 += load2(row + 4);
		s3 += load2(row + 6);
		s4 += load2(row + 8);
		s5 += load2(row + 10);
		s6 += load2(row + 12);
		s7 += load2(row + 14);
	}
	store2(acc + i, s0);
	store2(acc + i + 2, s1);
	store2(acc + i + 4, s2);
	store2(acc + i + 6, s3);
	store2(acc + i + 8, s4);
	store2(acc + i + 10, s5);
	store2(acc + i + 12, s6);
	store2(acc + i + 14, s7);
	{
		const dt_v2d s[8] = {s0, s1, s2, s3, s4, s5, s6, s7};

		return top_of(s, inv, i);
	}
}
#else
static void add_row(double *acc, const double *row, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		acc[i] += row[i];
	}
}

static double block_rows_top(double *acc, const double *inv,
	const double *const *rows, size_t nrows, size_t i)
{
	double top = 0;
	size_t l, r;

	for (l = i; l < i + 16; l++) {
		double x;

		for (r = 0; r < nrows; r++) {
			acc[l] += rows[r][l];
		}
		x = acc[l] * inv[l];
		top = l == i || x > top ? x : top;
	}
	return top;
}

static double block_top(const double *acc, const double *inv, size_t i)
{
	return block_rows_top((double *)acc, inv, NULL, 0, i);
}
#endif

/* Add the postings of term `t` one by one, four a step: a term has one
 * posting per leaf, so the four touch four accumulators, each once, and
 * every sum is the one the plain loop gives. */
static void add_postings(dt_matcher *m, const struct dt_match_qterm *t)
{
	const uint32_t *leaf = m->pleaf + t->at;
	const double *w = m->pw + t->at;
	double *acc = m->acc;
	size_t k = 0;

	for (; k + 4 <= t->df; k += 4) {
		acc[leaf[k]] += w[k];
		acc[leaf[k + 1]] += w[k + 1];
		acc[leaf[k + 2]] += w[k + 2];
		acc[leaf[k + 3]] += w[k + 3];
	}
	for (; k < t->df; k++) {
		acc[leaf[k]] += w[k];
	}
}

/* The largest acc[l] * inv_self[l], and in bmax that of each block of
 * sixteen leaves; four maxima apart so that no compare waits for the one
 * before (the padding after nleaves is 0 in both arrays). */
static double top_share(dt_matcher *m)
{
	const double *acc = m->acc, *inv = m->inv_self;
	double top = 0;
	size_t l, k;

	for (l = 0; l < m->rowlen; l += 16) {
		double t[4] = {0, 0, 0, 0}, b;

		for (k = 0; k < 16; k++) {
			double x = acc[l + k] * inv[l + k];

			t[k % 4] = x > t[k % 4] ? x : t[k % 4];
		}
		b = fmax(fmax(t[0], t[1]), fmax(t[2], t[3]));
		m->bmax[l / 16] = b;
		top = fmax(top, b);
	}
	return top;
}

/* ## Rows only where the best may be
 *
 * The rows of a query are added last (exact sums), and only in the
 * blocks of sixteen leaves that may hold a leaf near the best: a block's
 * share is at most the top share of its other terms, known once their
 * postings are in, plus the sum of the block maxima of the query's rows
 * (rbmax: a row's largest w * inv_self in each block, from the index).
 * The block with the largest such bound is summed first; its top share
 * is a lower bound of the best, and a block whose bound stays under
 * RELATIVE_CUT of it (less a slack far above the rounding of the bound)
 * can hold neither the best nor a leaf near it: its rows are not added
 * and its bmax is -1, so dt__match_near_best() skips it (its
 * accumulators, partial, are cleared with the others).  The blocks that
 * are summed are summed as before, so the top share and the candidates
 * are the same to the bit.  On vi-100 11.5% of the blocks of a query
 * may hold a leaf near the best (5.7% on ru-100). */

/* ub[b]: a bound of block b's top share once the rows are in; returns
 * the block with the largest. */
static size_t block_bounds(dt_matcher *m, size_t nrows, double *ub)
{
	size_t nb = m->rowlen / 16, b, r, best = 0;

	for (b = 0; b < nb; b++) {
		ub[b] = block_top(m->acc, m->inv_self, b * 16);
	}
	for (r = 0; r < nrows; r++) {
		add_row(ub, m->qrbm[r], m->nbpad); /* 0 past the blocks */
	}
	for (b = 1; b < nb; b++) {
		best = ub[b] > ub[best] ? b : best;
	}
	return best;
}

/* Add the query's rows in the blocks that may hold the best or a leaf
 * near it; their top shares to bmax (-1 for the others); return the top
 * share. */
static double rows_near_top(dt_matcher *m, size_t nrows)
{
	double *ub = m->bub, top, near;
	size_t b, best = block_bounds(m, nrows, ub);

	top = m->bmax[best] = block_rows_top(
		m->acc, m->inv_self, m->qrows, nrows, best * 16);
	near = RELATIVE_CUT * (top < 1 ? top : 1) * (1 - 1e-9);
	for (b = 0; b < m->rowlen / 16; b++) {
		if (b == best) {
			continue;
		}
		if (!(ub[b] * (1 + 1e-9) >= near)) {
			m->bmax[b] = -1; /* neither the best nor near it */
			continue;
		}
		m->bmax[b] = block_rows_top(
			m->acc, m->inv_self, m->qrows, nrows, b * 16);
		top = m->bmax[b] > top ? m->bmax[b] : top;
	}
	return top;
}

/* Add every posting of every query term (the accumulators are all 0
 * between queries) and return the top share (top_share()): a term in
 * many leaves as its dense row, the others posting by posting.  In bag
 * order; or, when every sum is exact and so the same in any order, the
 * other terms first, then the rows, only where the best may be
 * (rows_near_top()), with the top share in the same pass. */
double dt__match_fill(dt_matcher *m)
{
	size_t i, nrows = 0;

	for (i = 0; i < m->nbag; i++) {
		const struct dt_match_qterm *t = &m->qterms[m->bag[i].id];

		if (t->row == NULL) {
			add_postings(m, t);
		} else if (m->exact) {
			m->qrbm[nrows] = t->rbm;
			m->qrows[nrows++] = t->row;
		} else {
			add_row(m->acc, t->row, m->rowlen);
		}
	}
	return m->exact ? rows_near_top(m, nrows) : top_share(m);
}

/* The leaves that may pass: those whose acc * (1 / self), a few ulps
 * off the share acc / self, is within RELATIVE_CUT of the top one, less
 * a slack (1e-9) far above those ulps; only in the blocks of sixteen
 * leaves whose largest such product (bmax, computed with the top) gets
 * there.  The leaf rank() finds best is among
 * them, so the threshold comes out the same, and so is every leaf
 * that reaches it (its share is within RELATIVE_CUT of the best's). */
void dt__match_near_best(dt_matcher *m, double top)
{
	const double *acc = m->acc, *inv = m->inv_self;
	double near = RELATIVE_CUT * (top < 1 ? top : 1) * (1 - 1e-9);
	size_t b, l, n = 0;

	for (b = 0; b < m->rowlen / 16; b++) {
		size_t end =
			b * 16 + 16 < m->nleaves ? b * 16 + 16 : m->nleaves;

		if (!(m->bmax[b] >= near)) {
			continue; /* no leaf of the block is near */
		}
		for (l = b * 16; l < end; l++) {
			m->cand[n] = (uint32_t)l;
			n += acc[l] > 0 && acc[l] * inv[l] >= near;
		}
	}
	m->ncand = n;
}
