/*
 * bench_match.c - speed of the implicit-link matcher (match.c), one core.
 *
 * Issue 6 asks for an inverted index: scoring a local unit must touch
 * only the postings of its terms, never every (local unit, directive
 * leaf) pair.  This program generates a Vietnamese-looking directive of N
 * articles (3 clauses each, syllables drawn from ~2,000 made-up ones with
 * a Zipf-like skew, so a few are everywhere and most are rare) and a
 * local plan of 10,000 clauses (10 per article) from the same syllables,
 * then reports the median CPU time of 3 runs to build the index and to
 * query every unit of the plan (the clauses and their articles), for
 * N = 200, 2,000 and 20,000.  A query costs the postings of its terms:
 * the skew puts the commonest syllables in most leaves, so the cost still
 * grows with N, but per posting, not per pair of texts.
 *
 * Usage: bench_match [QUERIES]   (default 10000)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "match.h"

#define RUNS 3

static const char *const onsets[] = {"b", "c", "ch", "d", "đ", "g", "h", "kh",
	"l", "m", "n", "ng", "nh", "ph", "s", "t", "th", "tr", "v", "x"};
static const char *const vowels[] = {"a", "á", "à", "ả", "ạ", "ê", "ế", "ô",
	"ơ", "ư", "i", "u", "o", "ă", "â"};
static const char *const codas[] = {"", "n", "ng", "nh", "c", "m", "t"};
#define NO (sizeof(onsets) / sizeof(onsets[0]))
#define NV (sizeof(vowels) / sizeof(vowels[0]))
#define NC (sizeof(codas) / sizeof(codas[0]))

static uint64_t rng = 88172645463325252u;

static uint64_t next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* A syllable: index r of the NO * NV * NC made-up ones, skewed so that
 * small indexes are common (r = n * x^3 for x uniform in [0,1)). */
static void put_syllable(char *buf, size_t cap, size_t *len)
{
	double x = (double)(next_random() % 1000000) / 1000000.0;
	size_t r = (size_t)(x * x * x * (double)(NO * NV * NC));
	int n = snprintf(buf + *len, cap - *len, "%s%s%s ", onsets[r % NO],
		vowels[(r / NO) % NV], codas[(r / NO / NV) % NC]);

	if (n > 0 && (size_t)n < cap - *len) {
		*len += (size_t)n;
	}
}

/* A sentence of 12 to 24 syllables, ending with ".\n\n". */
static void put_sentence(char *buf, size_t cap, size_t *len)
{
	size_t i, n = 12 + next_random() % 13;

	for (i = 0; i < n; i++) {
		put_syllable(buf, cap, len);
	}
	if (*len + 4 < cap) {
		memcpy(buf + *len - 1, ".\n\n", 4);
		*len += 2;
	}
}

static char *directive_text(size_t articles, size_t *len_out)
{
	size_t cap = articles * 600 + 256, len = 0, a, k;
	char *buf = malloc(cap);

	if (buf == NULL) {
		return NULL;
	}
	len += (size_t)snprintf(buf, cap, "# QUY ĐỊNH\n\n");
	for (a = 1; a <= articles; a++) {
		len += (size_t)snprintf(
			buf + len, cap - len, "### Điều %zu. Nhiệm vụ\n\n", a);
		for (k = 1; k <= 3; k++) {
			len += (size_t)snprintf(
				buf + len, cap - len, "%zu. ", k);
			put_sentence(buf, cap, &len);
		}
	}
	*len_out = len;
	return buf;
}

static char *plan_text(size_t paragraphs, size_t *len_out)
{
	size_t cap = paragraphs * 200 + 256, len = 0, p;
	char *buf = malloc(cap);

	if (buf == NULL) {
		return NULL;
	}
	len += (size_t)snprintf(buf, cap, "# KẾ HOẠCH\n\n");
	for (p = 0; p < paragraphs; p++) {
		if (p % 10 == 0) {
			len += (size_t)snprintf(buf + len, cap - len,
				"### Điều %zu. Nhiệm vụ\n\n", p / 10 + 1);
		}
		len += (size_t)snprintf(
			buf + len, cap - len, "%zu. ", p % 10 + 1);
		put_sentence(buf, cap, &len);
	}
	*len_out = len;
	return buf;
}

static double cpu_seconds(void)
{
	return (double)clock() / CLOCKS_PER_SEC;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static dt_doc *parse(const char *text, size_t len)
{
	dt_doc *doc = NULL;
	dt_error err = {0};

	if (dt_doc_parse(&doc, text, len, NULL, NULL, &err) < 0) {
		fprintf(stderr, "bench_match: %s\n", err.message);
		exit(1);
	}
	return doc;
}

/* One run: build the index, query every unit of the plan. */
static void run(const dt_doc *dir, const dt_doc *plan, double *build,
	double *query, size_t *links)
{
	dt_matcher *m = NULL;
	dt_match out[8];
	double t0 = cpu_seconds(), t1;
	size_t i, n;

	if (dt__matcher_new(&m, dir, NULL) < 0) {
		fprintf(stderr, "bench_match: cannot build the index\n");
		exit(1);
	}
	t1 = cpu_seconds();
	*links = 0;
	for (i = 0; i < dt_doc_unit_count(plan); i++) {
		if (dt__matcher_query(m, dt_doc_unit_at(plan, i),
			    dt_doc_lang(plan), DT_MATCH_DEFAULT_MIN_SCORE, out,
			    8, &n, NULL) < 0) {
			exit(1);
		}
		*links += n;
	}
	*query = cpu_seconds() - t1;
	*build = t1 - t0;
	dt__matcher_free(m);
}

static void bench(size_t articles, const dt_doc *plan)
{
	double build[RUNS], query[RUNS];
	size_t len, links = 0, r, nq = dt_doc_unit_count(plan);
	char *text = directive_text(articles, &len);
	dt_doc *dir;

	if (text == NULL) {
		exit(1);
	}
	dir = parse(text, len);
	for (r = 0; r < RUNS; r++) {
		run(dir, plan, &build[r], &query[r], &links);
	}
	qsort(build, RUNS, sizeof(double), cmp_double);
	qsort(query, RUNS, sizeof(double), cmp_double);
	printf("%6zu articles (%6zu units): index %7.3f s, %zu queries "
	       "%7.3f s = %6.1f us/query, %zu links\n",
		articles, dt_doc_unit_count(dir), build[RUNS / 2], nq,
		query[RUNS / 2], 1e6 * query[RUNS / 2] / (double)nq, links);
	dt_doc_free(dir);
	free(text);
}

int main(int argc, char **argv)
{
	size_t queries = argc > 1 ? strtoul(argv[1], NULL, 10) : 10000;
	size_t len;
	char *text = plan_text(queries ? queries : 1, &len);
	dt_doc *plan;

	if (text == NULL) {
		return 1;
	}
	plan = parse(text, len);
	bench(200, plan);
	bench(2000, plan);
	bench(20000, plan);
	dt_doc_free(plan);
	free(text);
	return 0;
}
