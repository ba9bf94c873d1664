/*
 * eval_boot.c - how far a pooled figure of dt-eval may be from what more
 * documents like these would give: a 95% interval by the bootstrap over
 * local documents.
 *
 * A split holds a few dozen gold implicit links in some twenty local
 * documents, so one document more or less moves implicit F1 by a few
 * hundredths; the interval says how many.  Documents, not links, are
 * drawn: the links of one document share its wording and its author.
 * Every measure's counts are sums over local files (a link matches only
 * in its own file, DESIGN §4), so a draw sums the counts of the documents
 * drawn.  Hand-written: the draw needs only a seeded generator
 * (splitmix64) and a sort, and a fixed seed keeps `make eval` the same
 * from run to run.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"

/* Keep the facts of `file` (links and nolinks) of n facts in v, into a
 * new array (the strings are borrowed). */
static ev_fact *facts_of_file(const ev_fact *v, size_t n, const char *file,
	size_t *out_n)
{
	ev_fact *out = malloc((n + 1) * sizeof(*out));
	size_t i, k = 0;

	for (i = 0; out != NULL && i < n; i++) {
		if ((v[i].kind == EV_LINK || v[i].kind == EV_NOLINKS) &&
			v[i].file != NULL && strcmp(v[i].file, file) == 0) {
			out[k++] = v[i];
		}
	}
	*out_n = k;
	return out;
}

int ev_implicit_of_file(ev_score *out, const ev_section *gold,
	const ev_fact *pred, size_t npred, const char *file)
{
	ev_section one = *gold;
	ev_scores all;
	size_t np = 0;
	ev_fact *p = facts_of_file(pred, npred, file, &np);

	one.facts = facts_of_file(gold->facts, gold->n, file, &one.n);
	if (p == NULL || one.facts == NULL) {
		free(p);
		free(one.facts);
		return -1;
	}
	ev_score_section(&all, &one, p, np, NULL);
	*out = all.implicit_links;
	free(p);
	free(one.facts);
	return 0;
}

/* splitmix64: a full-period 64-bit generator from one word of state. */
static uint64_t next_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15u);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int ev_bootstrap_f1(const ev_score *units, size_t n, size_t rounds,
	uint64_t seed, double *lo, double *hi)
{
	double *f1;
	size_t r, k;

	if (n == 0 || rounds == 0) {
		return -1;
	}
	f1 = malloc(rounds * sizeof(*f1));
	if (f1 == NULL) {
		return -1;
	}
	for (r = 0; r < rounds; r++) {
		ev_score sum = { 0, 0, 0, 0 };

		for (k = 0; k < n; k++) {
			const ev_score *u = &units[next_random(&seed) % n];

			sum.pred += u->pred;
			sum.matched_pred += u->matched_pred;
			sum.gold += u->gold;
			sum.matched_gold += u->matched_gold;
		}
		f1[r] = ev_f1(&sum);
	}
	qsort(f1, rounds, sizeof(*f1), by_value);
	*lo = f1[(size_t)((double)rounds * 0.025)];
	k = (size_t)((double)rounds * 0.975);
	*hi = f1[k < rounds ? k : rounds - 1];
	free(f1);
	return 0;
}
