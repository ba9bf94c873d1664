/*
 * cite_anaphora.c - citations that name their unit by pointing back:
 * "частью 3 указанной статьи", "части 2 той же статьи", "khoản 3 Điều
 * đó" (DOMAIN §4.4, §4.10).  The scanner marks such a group (an
 * anaphoric prefix or label, a grammar row) and gives it no label;
 * citeset_resolve.c keeps the unit path of the last citation of the same
 * paragraph (the antecedent), and resolution borrows from it the label
 * of the unit of the anaphor's level and the units above it, so
 * "частью 3 указанной статьи" after "частью 1 статьи 5 Положения №
 * 12-П" is resolved as "частью 3 статьи 5" of 12-П.
 */
#include <string.h>

#include "cite.h"

int dt__cite_anaphor_of(const dt_cite_raw *raw, unsigned g0, unsigned g1)
{
	unsigned i;

	for (i = g0; i < g1; i++) {
		if (raw->groups[i].anaphor) {
			return (int)i;
		}
	}
	return -1;
}

void dt__cite_ante_remember(dt_cite_ante *a, const dt_cite_raw *raw,
	unsigned g0, unsigned g1, const dt_cite_docres *res,
	size_t doc_start, size_t doc_len)
{
	int g = (int)g1 - 1;

	/* the last leaf: "пунктов 1 и 2, пункта 4 статьи 5" ends on 4 */
	while (g > (int)g0 && raw->groups[g].children > 0) {
		g--;
	}
	a->set = 1;
	a->res = *res;
	a->doc_start = doc_start;
	a->doc_len = doc_len;
	for (a->n = 0; g >= 0 && a->n < DT_CITE_MAX_GROUPS;
		g = raw->groups[g].parent) {
		const dt_cite_group *grp = &raw->groups[g];
		const dt_cite_label *lb = &raw->labels[grp->first];
		dt_cite_ante_step *st = &a->path[a->n++];

		st->kind = grp->kind;
		st->decimal = grp->decimal;
		st->word = grp->word;
		/* a list or a range ("статей 5 и 6") is no single unit */
		st->one = grp->count == 1 && !grp->anaphor &&
			lb->hi.end == lb->lo.end;
		if (st->one) {
			st->label = *lb;
		}
	}
}

/* Append to `out` a group of step `st` above group `below`. */
static void push_step(dt_cite_raw *out, const dt_cite_ante_step *st,
	int below)
{
	dt_cite_group *g = &out->groups[out->ngroups];

	memset(g, 0, sizeof(*g));
	g->kind = st->kind;
	g->decimal = st->decimal;
	g->seg = out->groups[below].seg;
	g->word = st->word;
	g->span = out->groups[below].span;
	g->first = out->nlabels;
	g->count = 1;
	g->parent = -1;
	g->children = 1;
	out->labels[out->nlabels++] = st->label;
	out->groups[below].parent = (int)out->ngroups++;
}

int dt__cite_ante_take(const dt_cite_ante *a, const dt_cite_raw *raw,
	int ag, dt_cite_raw *out)
{
	dt_cite_group *g;
	unsigned j, k;
	int below = ag;

	for (j = 0; a->set && j < a->n && a->path[j].kind !=
		raw->groups[ag].kind; j++) {
	}
	if (!a->set || j == a->n || !a->path[j].one ||
		raw->nlabels + a->n - j > DT_CITE_MAX_LABELS ||
		raw->ngroups + a->n - j - 1 > DT_CITE_MAX_GROUPS) {
		return 0;
	}
	for (k = j + 1; k < a->n; k++) {
		if (!a->path[k].one) {
			return 0;
		}
	}
	*out = *raw;
	g = &out->groups[ag];
	g->anaphor = 0;
	g->decimal = a->path[j].decimal;
	g->first = out->nlabels;
	g->count = 1;
	out->labels[out->nlabels++] = a->path[j].label;
	for (k = j + 1; k < a->n; k++) {
		push_step(out, &a->path[k], below);
		below = (int)out->ngroups - 1;
	}
	return 1;
}
