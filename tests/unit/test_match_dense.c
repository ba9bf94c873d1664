/*
 * test_match_dense.c - the query paths of match.c give the same answers:
 * the dense query (all accumulators, scores near the best only), the
 * term-at-a-time one (accumulate() and rank()), and a brute-force
 * reference written here the way match.c queried before the dense path,
 * the forward index and the kept unit bags came in (every posting in bag
 * order, ties kept in the order leaves are touched in, evidence by a
 * search of each query term's postings).  Same targets, same order, the
 * same scores to the bit, the same evidence.
 *
 * The directives are random: syllables drawn from a small Vietnamese
 * vocabulary, so that leaves share many terms, with clauses repeated
 * inside an article (equal scores: ties) and short ones (shares capped
 * at 1: more ties); the local plans paraphrase them.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "match_internal.h"
#include "paragraph.h"

/* ## Random documents */

static const char *const vocab[] = {"đảng", "viên", "chi", "bộ", "sinh", "hoạt",
	"hồ", "sơ", "quản", "lý", "tài", "liệu", "kiểm", "tra", "giám", "sát",
	"cán", "cấp", "ủy", "nhiệm", "vụ", "thực", "hiện", "công", "tác", "tổ",
	"chức", "phát", "triển", "kỷ", "luật", "báo", "cáo", "định", "kỳ",
	"học", "tập", "nghị", "quyết", "lịch"};
#define NVOCAB (sizeof(vocab) / sizeof(vocab[0]))

static unsigned long long rng;

static size_t pick(size_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (size_t)(rng % n);
}

/* Append a, then b, to buf (cap bytes). */
static void put(char *buf, size_t cap, const char *a, const char *b)
{
	size_t len = strlen(buf);

	snprintf(buf + len, cap - len, "%s%s", a, b);
}

/* n random syllables, skewed towards the start of the vocabulary. */
static void words(char *buf, size_t cap, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		size_t a = pick(NVOCAB), b = pick(NVOCAB);

		put(buf, cap, i ? " " : "", vocab[a < b ? a : b]);
	}
}

#define DOC_CAP 65536
#define MAX_CLAUSES 64

/* A directive of a few articles of clauses; clauses[] keeps their text
 * for the plan.  Some clauses repeat the one before, some are short. */
static size_t directive(char *buf, char clauses[][512])
{
	/* a third of them long enough for several blocks of 16 leaves
	 * (match.c, near_best()) */
	size_t narts = pick(3) == 0 ? 8 + pick(12) : 2 + pick(5), a, c, n = 0;

	snprintf(buf, DOC_CAP, "# QUY ĐỊNH\n\n**VỀ CÔNG TÁC ĐẢNG VIÊN**\n\n");
	for (a = 1; a <= narts; a++) {
		char title[256] = "";
		char num[32];
		size_t nc = 1 + pick(5);

		words(title, sizeof(title), 2 + pick(3));
		snprintf(num, sizeof(num), "%zu", a);
		put(buf, DOC_CAP, "### Điều ", num);
		put(buf, DOC_CAP, ". ", title);
		put(buf, DOC_CAP, "\n\n", "");
		for (c = 1; c <= nc && n < MAX_CLAUSES; c++, n++) {
			clauses[n][0] = '\0';
			if (c > 1 && pick(4) == 0) {
				strcpy(clauses[n], clauses[n - 1]);
			} else {
				words(clauses[n], 512,
					pick(3) == 0 ? 2 + pick(3)
						     : 5 + pick(25));
			}
			snprintf(num, sizeof(num), "%zu", c);
			put(buf, DOC_CAP, num, ". ");
			put(buf, DOC_CAP, clauses[n], ".\n\n");
		}
	}
	return n;
}

/* A plan: headed sections of paragraphs, each a clause of the directive
 * (whole, cut, with syllables added, or two of them) or random
 * words. */
static void plan(char *buf, char clauses[][512], size_t nclauses)
{
	size_t nsec = 1 + pick(3), s, p;

	snprintf(buf, DOC_CAP, "# KẾ HOẠCH\n\n**THỰC HIỆN QUY ĐỊNH**\n\n");
	for (s = 1; s <= nsec; s++) {
		char num[32];

		snprintf(num, sizeof(num), "%zu", s);
		put(buf, DOC_CAP, "## ", num);
		put(buf, DOC_CAP, ". Nhiệm vụ\n\n", "");
		for (p = 0; p < 2 + pick(6); p++) {
			char text[1024] = "";
			size_t k = pick(5);

			if (k == 0) {
				words(text, sizeof(text), 3 + pick(30));
			} else {
				put(text, sizeof(text), "",
					clauses[pick(nclauses)]);
			}
			if (k == 2) {
				char *cut =
					strchr(text + strlen(text) / 2, ' ');

				if (cut != NULL) {
					*cut = '\0';
				}
				put(text, sizeof(text), " ",
					clauses[pick(nclauses)]);
			}
			if (k == 3) {
				put(text, sizeof(text), " ", "");
				words(text, sizeof(text), 1 + pick(8));
			}
			if (k == 4) { /* two clauses, maybe fully covered */
				put(text, sizeof(text), " ",
					clauses[pick(nclauses)]);
			}
			put(buf, DOC_CAP, text, ".\n\n");
		}
	}
}

static dt_doc *parse(const char *src)
{
	dt_doc *doc = NULL;
	dt_error err = {0};

	cr_assert_eq(dt_doc_parse(&doc, src, strlen(src), NULL, NULL, &err), 0,
		"%s", err.message);
	return doc;
}

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

/* Term at a time over m's current bag, keep() as it was. */
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

		if (!(s >= min_score && s > 0)) {
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
