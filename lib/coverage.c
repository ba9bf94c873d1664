/*
 * coverage.c - from links to coverage (DESIGN §5): which directive units
 * oblige, their status rolled up from leaves to articles and chapters,
 * the findings a reviewer acts on, and the summary.
 *
 * A link to a unit covers its descendants too (citing "Điều 5" cites all
 * of it).  A unit with obligation children is covered when they all are,
 * implicit when they all are but some only implicitly, uncovered when
 * none is, partial otherwise.  An accepted unit (and what it holds) counts
 * as covered for its parents and is never reported as a gap.
 */
#include <stdio.h>
#include <string.h>

#include "review_internal.h"
#include "scope.h"

/* Per-unit scratch for the passes below. */
typedef struct {
	int own;          /* dt__obligation_of() */
	int ob;           /* rolled up: 0 none, 1 obliges, 2 marked */
	int exp, imp;     /* explicit / implicit link here or above */
	int accepted;     /* accepted here or above */
} unit_flags;

static size_t parent_index(const dt_review *r, size_t i)
{
	const dt_unit *p = dt_unit_parent(r->units[i].unit);

	return p == NULL || dt_unit_kind(p) == DT_KIND_ROOT ? SIZE_MAX :
		dt__review_index(r, p);
}

/* Own obligation of every unit, then top-down link and acceptance
 * flags (pre-order: a parent comes before its children). */
static int down_pass(dt_review *r, unit_flags *f)
{
	size_t i, k;

	for (i = 0; i < r->nunits; i++) {
		size_t p = parent_index(r, i);
		const dt_unit_review *u = &r->units[i];

		f[i].own = dt__obligation_of(u->unit);
		if (f[i].own < 0) {
			return f[i].own;
		}
		f[i].exp = p != SIZE_MAX && f[p].exp;
		f[i].imp = p != SIZE_MAX && f[p].imp;
		f[i].accepted = u->accepted != DT_ACCEPT_NONE ||
			(p != SIZE_MAX && f[p].accepted);
		for (k = 0; k < u->nlinks; k++) {
			f[i].exp |= u->links[k].kind == DT_LINK_EXPLICIT;
			f[i].imp |= u->links[k].kind == DT_LINK_IMPLICIT;
		}
	}
	return 0;
}

typedef struct {
	size_t covered, implicit, partial, uncovered;
} child_counts;

static child_counts count_children(const dt_review *r, const unit_flags *f,
	size_t i)
{
	const dt_unit *u = r->units[i].unit;
	child_counts c = { 0, 0, 0, 0 };
	size_t k;

	for (k = 0; k < dt_unit_child_count(u); k++) {
		size_t j = dt__review_index(r, dt_unit_child_at(u, k));

		if (j == SIZE_MAX || f[j].ob == 0) {
			continue;
		}
		switch (f[j].accepted ? DT_COV_COVERED : r->units[j].status) {
		case DT_COV_COVERED: c.covered++; break;
		case DT_COV_IMPLICIT: c.implicit++; break;
		case DT_COV_PARTIAL: c.partial++; break;
		default: c.uncovered++; break;
		}
	}
	return c;
}

static dt_coverage rolled_up(const child_counts *c, int implicit_here)
{
	if (c->uncovered == 0 && c->partial == 0) {
		return c->implicit > 0 ? DT_COV_IMPLICIT : DT_COV_COVERED;
	}
	if (c->covered == 0 && c->implicit == 0 && c->partial == 0) {
		return implicit_here ? DT_COV_IMPLICIT : DT_COV_UNCOVERED;
	}
	return DT_COV_PARTIAL;
}

/* Bottom-up (reverse pre-order): obligation and status of each unit. */
static void up_pass(dt_review *r, unit_flags *f)
{
	size_t i;

	for (i = r->nunits; i-- > 0;) {
		dt_unit_review *u = &r->units[i];
		child_counts c = count_children(r, f, i);
		size_t kids = c.covered + c.implicit + c.partial + c.uncovered;

		f[i].ob = kids > 0 ? (f[i].own == 2 ? 2 : 1) :
			f[i].own > 0 && dt_unit_child_count(u->unit) == 0 ?
			f[i].own : 0;
		u->obligation = f[i].ob;
		if (f[i].ob == 0) {
			u->status = DT_COV_NA;
		} else if (f[i].exp) {
			u->status = DT_COV_COVERED;
		} else if (kids == 0) {
			u->status = f[i].imp ? DT_COV_IMPLICIT :
				DT_COV_UNCOVERED;
		} else {
			u->status = rolled_up(&c, f[i].imp);
		}
	}
}

/* The best implicit link of unit i (for the implicit-only message). */
static const dt_link *best_implicit(const dt_unit_review *u)
{
	const dt_link *best = NULL;
	size_t k;

	for (k = 0; k < u->nlinks; k++) {
		if (u->links[k].kind == DT_LINK_IMPLICIT &&
			(best == NULL || u->links[k].score > best->score)) {
			best = &u->links[k];
		}
	}
	return best;
}

static int unit_finding(dt_review *r, size_t i, dt_finding_kind kind)
{
	const dt_unit_review *u = &r->units[i];
	const dt_link *b = best_implicit(u);
	char msg[512];
	dt_finding f;

	if (kind == DT_FIND_UNCOVERED) {
		snprintf(msg, sizeof(msg), "%s is not implemented by any "
			"local document", dt_unit_label(u->unit));
	} else if (kind == DT_FIND_PARTIAL) {
		snprintf(msg, sizeof(msg), "%s is implemented only in part",
			dt_unit_label(u->unit));
	} else if (b != NULL) {
		snprintf(msg, sizeof(msg), "%s is implemented only implicitly "
			"(best: %s:%zu, score %.2f)", dt_unit_label(u->unit),
			b->file, b->line, b->score);
	} else {
		snprintf(msg, sizeof(msg), "%s is implemented only implicitly",
			dt_unit_label(u->unit));
	}
	f.kind = kind;
	f.eid = dt_unit_eid(u->unit);
	f.file = dt_doc_file(r->dir);
	f.line = dt_unit_line(u->unit);
	f.message = msg;
	f.text = "";
	return dt__review_add_finding(r, &f);
}

/* Uncovered at the highest wholly uncovered unit; every partial unit;
 * implicit-only at the highest unit covered only implicitly. */
static int findings(dt_review *r, const unit_flags *f)
{
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < r->nunits; i++) {
		size_t p = parent_index(r, i);
		dt_coverage s = r->units[i].status;
		dt_coverage ps = p == SIZE_MAX ? DT_COV_NA : r->units[p].status;

		if (f[i].ob == 0 || f[i].accepted) {
			continue;
		}
		if (s == DT_COV_UNCOVERED && ps != DT_COV_UNCOVERED) {
			rc = unit_finding(r, i, DT_FIND_UNCOVERED);
		} else if (s == DT_COV_PARTIAL) {
			rc = unit_finding(r, i, DT_FIND_PARTIAL);
		} else if (s == DT_COV_IMPLICIT && ps != DT_COV_IMPLICIT) {
			rc = unit_finding(r, i, DT_FIND_IMPLICIT_ONLY);
		}
	}
	return rc;
}

static void summarize(dt_review *r, const unit_flags *f)
{
	dt_summary *s = &r->sum;
	size_t i;

	memset(s, 0, sizeof(*s));
	s->units = r->nunits;
	for (i = 0; i < r->nunits; i++) {
		dt_coverage c = r->units[i].status;

		if (f[i].ob == 0) {
			continue;
		}
		s->obligations++;
		if (c == DT_COV_COVERED) {
			s->covered++;
		} else if (c == DT_COV_IMPLICIT) {
			s->implicit++;
		} else if (f[i].accepted) {
			s->accepted++;
		} else if (c == DT_COV_PARTIAL) {
			s->partial++;
		} else {
			s->uncovered++;
		}
	}
	if (s->obligations > 0) {
		s->coverage = (double)(s->covered + s->implicit + s->accepted) /
			(double)s->obligations;
		s->explicit_coverage = (double)(s->covered + s->accepted) /
			(double)s->obligations;
	}
}

/* Drop the implicit links of local documents outside the directive's
 * scope (scope.h): they can be decided only once every document is in,
 * as a document's basis may come later in the input. */
static int drop_out_of_scope(dt_review *r)
{
	size_t i, kept = 0;
	int rc;

	if (r->scope == NULL || r->link_doc == NULL) {
		return 0; /* no links, or dropped and grouped before */
	}
	rc = dt__scope_resolve(r->scope);
	if (rc < 0) {
		return rc;
	}
	for (i = 0; i < r->nlinks; i++) {
		if (r->links[i].kind != DT_LINK_IMPLICIT ||
			dt__scope_in(r->scope, r->link_doc[i])) {
			r->links[kept] = r->links[i];
			r->link_unit[kept] = r->link_unit[i];
			r->link_doc[kept++] = r->link_doc[i];
		}
	}
	r->nlinks = kept;
	return 0;
}

int dt_review_finish(dt_review *r, dt_error *err)
{
	unit_flags *f;
	int rc;

	DT_ASSERT_ARG(r != NULL && !r->finished, err);
	f = dt__calloc(r->nunits + 1, sizeof(*f));
	if (f == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	rc = drop_out_of_scope(r);
	if (rc == 0) {
		rc = dt__review_group_links(r);
	}
	if (rc == 0) {
		rc = down_pass(r, f);
	}
	if (rc == 0) {
		up_pass(r, f);
		rc = findings(r, f);
	}
	if (rc == 0) {
		summarize(r, f);
		r->finished = 1;
	}
	dt__free(f);
	return rc < 0 ? dt__fail(err, rc, 0, 0, "out of memory") : 0;
}
