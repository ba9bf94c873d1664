/*
 * eval.c - gold annotations and scoring (DESIGN §4).
 *
 * Matching rules: a predicted link (unit, file) matches a gold link
 * (unit', file) when the files are equal and one unit is the other or an
 * ancestor of it (eId prefix at a "__" boundary); a gold implicit link is
 * found by a predicted link of either kind; a link into a `nolinks` file
 * matches nothing.  Uncovered units are expanded to leaves on both sides.
 * Broken and stale references match on file and line within ±1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"

/* ## parsing */

static char *dup_n(const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (d != NULL) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

int ev_facts_push(ev_fact **v, size_t *n, size_t *cap, const ev_fact *f)
{
	ev_fact *c;

	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 32;
		ev_fact *p = realloc(*v, ncap * sizeof(*p));

		if (p == NULL) {
			return -1;
		}
		*v = p;
		*cap = ncap;
	}
	c = &(*v)[(*n)++];
	*c = *f;
	c->eid = f->eid ? strdup(f->eid) : NULL;
	c->file = f->file ? strdup(f->file) : NULL;
	c->text = f->text ? strdup(f->text) : NULL;
	return 0;
}

void ev_facts_free(ev_fact *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].eid);
		free(v[i].file);
		free(v[i].text);
	}
	free(v);
}

void ev_gold_free(ev_gold *g)
{
	size_t i;

	for (i = 0; i < g->n; i++) {
		free(g->sections[i].directive);
		free(g->sections[i].split);
		ev_facts_free(g->sections[i].facts, g->sections[i].n);
	}
	free(g->sections);
	memset(g, 0, sizeof(*g));
}

enum { MAX_FIELDS = 6 };

/* Split a line at tabs (a field starting with '#' ends the fields). */
static size_t split_fields(char *line, char **f)
{
	size_t n = 0;
	char *p = line;

	while (n < MAX_FIELDS && p != NULL && *p != '#') {
		char *tab = strchr(p, '\t');

		if (tab != NULL) {
			*tab = '\0';
		}
		f[n++] = p;
		p = tab ? tab + 1 : NULL;
	}
	return n;
}

static int new_section(ev_gold *g, char **f, size_t n)
{
	ev_section *s;

	if (g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 8;
		ev_section *p = realloc(g->sections, cap * sizeof(*p));

		if (p == NULL) {
			return -1;
		}
		g->sections = p;
		g->cap = cap;
	}
	s = &g->sections[g->n++];
	memset(s, 0, sizeof(*s));
	s->directive = strdup(f[1]);
	s->split = strdup(n > 2 ? f[2] : "");
	return s->directive && s->split ? 0 : -1;
}

/* Fill `fact` from the fields of one fact line; 0 or an error text. */
static const char *read_fact(ev_fact *fact, char **f, size_t n)
{
	static const struct {
		const char *name;
		ev_kind kind;
		size_t fields;
	} kinds[] = {
		{ "link", EV_LINK, 5 }, { "uncovered", EV_UNCOVERED, 2 },
		{ "partial", EV_PARTIAL, 2 }, { "broken", EV_BROKEN, 4 },
		{ "stale", EV_STALE, 4 }, { "nolinks", EV_NOLINKS, 2 },
	};
	size_t k;

	memset(fact, 0, sizeof(*fact));
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		if (strcmp(f[0], kinds[k].name) == 0) {
			break;
		}
	}
	if (k == sizeof(kinds) / sizeof(kinds[0])) {
		return "unknown fact";
	}
	if (n < kinds[k].fields) {
		return "too few fields";
	}
	fact->kind = kinds[k].kind;
	switch (fact->kind) {
	case EV_LINK:
		fact->eid = f[1];
		fact->file = f[2];
		fact->line = strtoul(f[3], NULL, 10);
		fact->implicit = strcmp(f[4], "implicit") == 0;
		return strcmp(f[4], "explicit") == 0 || fact->implicit ? NULL :
			"link kind must be explicit or implicit";
	case EV_UNCOVERED:
	case EV_PARTIAL:
		fact->eid = f[1];
		return NULL;
	case EV_NOLINKS:
		fact->file = f[1];
		return NULL;
	default:
		fact->file = f[1];
		fact->line = strtoul(f[2], NULL, 10);
		fact->text = f[3];
		return NULL;
	}
}

int ev_gold_parse(ev_gold *g, const char *text, char *errbuf, size_t errlen)
{
	const char *p = text;
	size_t lineno = 0;

	memset(g, 0, sizeof(*g));
	while (*p != '\0') {
		size_t len = strcspn(p, "\n");
		char *line = dup_n(p, len), *f[MAX_FIELDS];
		const char *bad = NULL;
		size_t n;

		lineno++;
		p += len + (p[len] == '\n');
		if (line == NULL) {
			return -1;
		}
		n = split_fields(line, f);
		if (n == 0 || f[0][0] == '\0') {
			free(line);
			continue;
		}
		if (strcmp(f[0], "directive") == 0) {
			bad = n < 2 ? "directive needs a path" :
				new_section(g, f, n) < 0 ? "out of memory" :
				NULL;
		} else if (g->n == 0) {
			bad = "fact before the first directive line";
		} else {
			ev_fact fact;
			ev_section *s = &g->sections[g->n - 1];

			bad = read_fact(&fact, f, n);
			if (bad == NULL && ev_facts_push(&s->facts, &s->n,
				&s->cap, &fact) < 0) {
				bad = "out of memory";
			}
		}
		free(line);
		if (bad != NULL) {
			snprintf(errbuf, errlen, "%zu: %s", lineno, bad);
			return -1;
		}
	}
	return 0;
}

/* ## matching */

int ev_eid_related(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	const char *longer = la > lb ? a : b;
	size_t n = la < lb ? la : lb;

	if (strncmp(a, b, n) != 0) {
		return 0;
	}
	return la == lb || strncmp(longer + n, "__", 2) == 0;
}

static int is_nolinks(const ev_section *g, const char *file)
{
	size_t i;

	for (i = 0; i < g->n; i++) {
		if (g->facts[i].kind == EV_NOLINKS &&
			strcmp(g->facts[i].file, file) == 0) {
			return 1;
		}
	}
	return 0;
}

static int link_matches(const ev_fact *p, const ev_fact *g)
{
	return strcmp(p->file, g->file) == 0 && ev_eid_related(p->eid, g->eid);
}

/* Where a scorer tells its errors: the callback (or NULL) and the name of
 * the measure. */
typedef struct {
	ev_error_cb cb;
	void *payload;
	const char *measure;
} teller;

static void tell(const teller *t, int missed, const ev_fact *f)
{
	if (t != NULL && t->cb != NULL) {
		t->cb(t->measure, missed, f, t->payload);
	}
}

/* Does a gold link of the kinds a `want_pred` prediction may find match
 * predicted link `p`?  An explicit prediction finds only explicit gold
 * links in the explicit measure; a link into a nolinks file is false. */
static int gold_has(const ev_section *g, const ev_fact *p, int want_pred)
{
	size_t k;

	if (is_nolinks(g, p->file)) {
		return 0;
	}
	for (k = 0; k < g->n; k++) {
		const ev_fact *q = &g->facts[k];

		if (q->kind == EV_LINK && (want_pred != 0 || !q->implicit) &&
			link_matches(p, q)) {
			return 1;
		}
	}
	return 0;
}

/* Does a prediction find gold link `q`?  A gold implicit link is found
 * by a prediction of either kind. */
static int pred_has(const ev_fact *pred, size_t npred, const ev_fact *q,
	int want_pred)
{
	size_t i;

	for (i = 0; i < npred; i++) {
		const ev_fact *p = &pred[i];

		if (p->kind == EV_LINK && (q->implicit || want_pred < 0 ||
			p->implicit == want_pred) && link_matches(p, q)) {
			return 1;
		}
	}
	return 0;
}

/* want_pred: 0 explicit, 1 implicit, -1 any; want_gold likewise. */
static void score_links(ev_score *s, const ev_section *g, const ev_fact *pred,
	size_t npred, int want_pred, int want_gold, const teller *t)
{
	size_t i, k;

	for (i = 0; i < npred; i++) {
		const ev_fact *p = &pred[i];

		if (p->kind != EV_LINK || (want_pred >= 0 &&
			p->implicit != want_pred)) {
			continue;
		}
		s->pred++;
		if (gold_has(g, p, want_pred)) {
			s->matched_pred++;
		} else {
			tell(t, 0, p);
		}
	}
	for (k = 0; k < g->n; k++) {
		const ev_fact *q = &g->facts[k];

		if (q->kind != EV_LINK || (want_gold >= 0 &&
			q->implicit != want_gold)) {
			continue;
		}
		s->gold++;
		if (pred_has(pred, npred, q, want_pred)) {
			s->matched_gold++;
		} else {
			tell(t, 1, q);
		}
	}
}

static int ref_matches(const ev_fact *p, const ev_fact *g)
{
	size_t d = p->line > g->line ? p->line - g->line : g->line - p->line;

	return p->kind == g->kind && strcmp(p->file, g->file) == 0 && d <= 1;
}

/* Precision/recall of facts of one kind matched by `same`. */
static void score_kind(ev_score *s, ev_kind kind, const ev_fact *gold,
	size_t ngold, const ev_fact *pred, size_t npred,
	int (*same)(const ev_fact *, const ev_fact *), const teller *t)
{
	size_t i, k;

	for (i = 0; i < npred; i++) {
		if (pred[i].kind != kind) {
			continue;
		}
		s->pred++;
		for (k = 0; k < ngold; k++) {
			if (gold[k].kind == kind && same(&pred[i], &gold[k])) {
				s->matched_pred++;
				break;
			}
		}
		if (k == ngold) {
			tell(t, 0, &pred[i]);
		}
	}
	for (k = 0; k < ngold; k++) {
		if (gold[k].kind != kind) {
			continue;
		}
		s->gold++;
		for (i = 0; i < npred; i++) {
			if (pred[i].kind == kind && same(&pred[i], &gold[k])) {
				s->matched_gold++;
				break;
			}
		}
		if (i == npred) {
			tell(t, 1, &gold[k]);
		}
	}
}

static int eid_equal(const ev_fact *p, const ev_fact *g)
{
	return strcmp(p->eid, g->eid) == 0;
}

/* The leaf units under (or equal to) each uncovered unit, as facts. */
static void expand_leaves(ev_fact **out, size_t *n, size_t *cap,
	const ev_fact *v, size_t nv, const dt_doc *doc)
{
	size_t i, k;

	for (i = 0; i < nv; i++) {
		const dt_unit *u;
		size_t before = *n;

		if (v[i].kind != EV_UNCOVERED) {
			continue;
		}
		u = doc ? dt_doc_find(doc, v[i].eid) : NULL;
		for (k = 0; u != NULL && k < dt_doc_unit_count(doc); k++) {
			const dt_unit *w = dt_doc_unit_at(doc, k);
			ev_fact f = v[i];

			if (dt_unit_child_count(w) == 0 &&
				ev_eid_related(dt_unit_eid(w), v[i].eid) &&
				strlen(dt_unit_eid(w)) >= strlen(v[i].eid)) {
				f.eid = (char *)dt_unit_eid(w);
				ev_facts_push(out, n, cap, &f);
			}
		}
		if (*n == before) {
			ev_facts_push(out, n, cap, &v[i]); /* unknown unit */
		}
	}
}

void ev_score_section(ev_scores *out, const ev_section *gold,
	const ev_fact *pred, size_t npred, const dt_doc *directive)
{
	ev_score_section_errors(out, gold, pred, npred, directive, NULL, NULL);
}

void ev_score_section_errors(ev_scores *out, const ev_section *gold,
	const ev_fact *pred, size_t npred, const dt_doc *directive,
	ev_error_cb cb, void *payload)
{
	ev_fact *gl = NULL, *pl = NULL;
	size_t gn = 0, gc = 0, pn = 0, pc = 0;
	teller t[] = { { cb, payload, "explicit links" },
		{ cb, payload, "implicit links" }, { cb, payload, "uncovered" },
		{ cb, payload, "partial" }, { cb, payload, "broken" },
		{ cb, payload, "stale" } };

	memset(out, 0, sizeof(*out));
	score_links(&out->explicit_links, gold, pred, npred, 0, 0, &t[0]);
	score_links(&out->implicit_links, gold, pred, npred, 1, 1, &t[1]);
	score_links(&out->all_links, gold, pred, npred, -1, -1, NULL);
	expand_leaves(&gl, &gn, &gc, gold->facts, gold->n, directive);
	expand_leaves(&pl, &pn, &pc, pred, npred, directive);
	score_kind(&out->uncovered, EV_UNCOVERED, gl, gn, pl, pn, eid_equal,
		&t[2]);
	ev_facts_free(gl, gn);
	ev_facts_free(pl, pn);
	score_kind(&out->partial, EV_PARTIAL, gold->facts, gold->n, pred,
		npred, eid_equal, &t[3]);
	score_kind(&out->broken, EV_BROKEN, gold->facts, gold->n, pred, npred,
		ref_matches, &t[4]);
	score_kind(&out->stale, EV_STALE, gold->facts, gold->n, pred, npred,
		ref_matches, &t[5]);
}

double ev_precision(const ev_score *s)
{
	return s->pred ? (double)s->matched_pred / (double)s->pred : 1.0;
}

double ev_recall(const ev_score *s)
{
	return s->gold ? (double)s->matched_gold / (double)s->gold : 1.0;
}

double ev_f1(const ev_score *s)
{
	double p = ev_precision(s), r = ev_recall(s);

	return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
