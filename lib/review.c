/*
 * review.c - one directive against its local documents: links (explicit
 * from citations, implicit from BM25 matches), accepted gaps, and the
 * bookkeeping the coverage pass (coverage.c) works from.
 *
 * Everything kept from a local document is copied, so a caller can read,
 * add and free documents one at a time: memory grows with the links
 * found, not with the documents read.
 */
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "review_internal.h"
#include "scope.h"

const char *dt_coverage_name(dt_coverage c)
{
	static const char *const names[] = { "n/a", "covered", "implicit",
		"partial", "uncovered" };

	return (unsigned)c < sizeof(names) / sizeof(names[0]) ? names[c] :
		"unknown";
}

const char *dt_finding_kind_name(dt_finding_kind k)
{
	static const char *const names[] = { "uncovered", "partial",
		"implicit-only", "broken-ref", "stale-ref", "ambiguous-ref" };

	return (unsigned)k < sizeof(names) / sizeof(names[0]) ? names[k] :
		"unknown";
}

/* ## strings owned by the review */

const char *dt__review_str(dt_review *r, const char *s)
{
	char *c;

	if (s == NULL || *s == '\0') {
		return dt__empty;
	}
	if (r->nstrs == r->strcap) {
		size_t cap = r->strcap ? r->strcap * 2 : 256;
		char **p = dt__reallocarray(r->strs, cap, sizeof(*p));

		if (p == NULL) {
			return NULL;
		}
		r->strs = p;
		r->strcap = cap;
	}
	c = dt__strdup(s);
	if (c != NULL) {
		r->strs[r->nstrs++] = c;
	}
	return c;
}

/* ## the review */

/* Index of each directive unit, by pointer: an open-addressing table. */
static size_t ptr_slot(const dt_review *r, const dt_unit *u)
{
	size_t h = ((uintptr_t)u >> 4) * 0x9E3779B97F4A7C15ull;

	return h & (r->mapcap - 1);
}

size_t dt__review_index(const dt_review *r, const dt_unit *u)
{
	size_t i = ptr_slot(r, u);

	while (r->map[i].unit != NULL) {
		if (r->map[i].unit == u) {
			return r->map[i].index;
		}
		i = (i + 1) & (r->mapcap - 1);
	}
	return SIZE_MAX;
}

static int build_units(dt_review *r)
{
	size_t n = dt_doc_unit_count(r->dir), i;

	r->units = dt__calloc(n ? n : 1, sizeof(*r->units));
	for (r->mapcap = 16; r->mapcap < 2 * n + 2; r->mapcap *= 2) {
	}
	r->map = dt__calloc(r->mapcap, sizeof(*r->map));
	if (r->units == NULL || r->map == NULL) {
		return DT_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		const dt_unit *u = dt_doc_unit_at(r->dir, i);
		size_t s = ptr_slot(r, u);

		r->units[i].unit = u;
		r->units[i].accept_reason = dt__empty;
		while (r->map[s].unit != NULL) {
			s = (s + 1) & (r->mapcap - 1);
		}
		r->map[s].unit = u;
		r->map[s].index = i;
	}
	r->nunits = n;
	return 0;
}

int dt_review_new(dt_review **out, const dt_doc *directive,
	const dt_review_opts *opts, dt_error *err)
{
	dt_review *r;
	int rc;

	DT_ASSERT_ARG(out != NULL && directive != NULL, err);
	*out = NULL;
	r = dt__calloc(1, sizeof(*r));
	if (r == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	r->dir = directive;
	if (opts != NULL) {
		r->opts = *opts;
	}
	if (r->opts.min_score <= 0) {
		r->opts.min_score = DT_MATCH_DEFAULT_MIN_SCORE;
	}
	rc = build_units(r);
	if (rc == 0 && !(r->opts.flags & DT_REVIEW_NO_IMPLICIT)) {
		rc = dt__matcher_new(&r->matcher, directive, err);
	}
	if (rc == 0 && r->matcher != NULL) {
		rc = dt__scope_new(&r->scope, directive);
	}
	if (rc < 0) {
		dt_review_free(r);
		return err && err->code ? rc : dt__fail(err, rc, 0, 0,
			"out of memory");
	}
	*out = r;
	return 0;
}

void dt_review_free(dt_review *r)
{
	size_t i;

	if (r == NULL) {
		return;
	}
	dt__matcher_free(r->matcher);
	dt__scope_free(r->scope);
	for (i = 0; i < r->nstrs; i++) {
		dt__free(r->strs[i]);
	}
	dt__free(r->strs);
	dt__free(r->units);
	dt__free(r->map);
	dt__free(r->links);
	dt__free(r->sorted);
	dt__free(r->finds);
	dt__free(r->docs);
	dt__free(r);
}

/* ## links */

int dt__review_add_link(dt_review *r, size_t unit, const dt_link *l)
{
	dt_link_rec *rec;

	if (r->nlinks == r->linkcap) {
		size_t cap = r->linkcap ? r->linkcap * 2 : 64;
		dt_link_rec *p = dt__reallocarray(r->links, cap, sizeof(*p));

		if (p == NULL) {
			return DT_ENOMEM;
		}
		r->links = p;
		r->linkcap = cap;
	}
	rec = &r->links[r->nlinks++];
	rec->unit = unit;
	rec->doc = r->ndocs > 0 ? r->ndocs - 1 : 0;
	rec->link = *l;
	return 0;
}

int dt__review_add_finding(dt_review *r, const dt_finding *f)
{
	dt_finding *c;

	if (r->nfinds == r->findcap) {
		size_t cap = r->findcap ? r->findcap * 2 : 32;
		dt_finding *p = dt__reallocarray(r->finds, cap, sizeof(*p));

		if (p == NULL) {
			return DT_ENOMEM;
		}
		r->finds = p;
		r->findcap = cap;
	}
	c = &r->finds[r->nfinds++];
	*c = *f;
	c->eid = f->eid ? dt__review_str(r, f->eid) : NULL;
	c->file = f->file ? dt__review_str(r, f->file) : NULL;
	c->message = dt__review_str(r, f->message);
	c->text = dt__review_str(r, f->text ? f->text : "");
	return (f->eid && !c->eid) || (f->file && !c->file) || !c->message ||
		!c->text ? DT_ENOMEM : 0;
}

/* ## accessors */

const dt_doc *dt_review_directive(const dt_review *r)
{
	return r->dir;
}

size_t dt_review_unit_count(const dt_review *r)
{
	return r->nunits;
}

const dt_unit_review *dt_review_unit_at(const dt_review *r, size_t i)
{
	return i < r->nunits ? &r->units[i] : NULL;
}

size_t dt_review_finding_count(const dt_review *r)
{
	return r->nfinds;
}

const dt_finding *dt_review_finding_at(const dt_review *r, size_t i)
{
	return i < r->nfinds ? &r->finds[i] : NULL;
}

size_t dt_review_doc_count(const dt_review *r)
{
	return r->ndocs;
}

const dt_review_doc *dt_review_doc_at(const dt_review *r, size_t i)
{
	return i < r->ndocs ? &r->docs[i] : NULL;
}

const dt_summary *dt_review_summary(const dt_review *r)
{
	return &r->sum;
}
