/*
 * review_internal.h - the state of a dt_review, shared by review.c (the
 * object, links), review_add.c (reading one local document), accept.c
 * (accepted gaps) and coverage.c (statuses, findings, summary).
 */
#ifndef DT_REVIEW_INTERNAL_H
#define DT_REVIEW_INTERNAL_H

#include "internal.h"

typedef struct dt_matcher dt_matcher;
typedef struct dt_scope dt_scope;

typedef struct {
	size_t unit;  /* index of the directive unit */
	size_t doc;   /* index of the local document (docs[]) */
	dt_link link;
} dt_link_rec;

typedef struct {
	const dt_unit *unit;
	size_t index;
} dt_unit_slot;

struct dt_review {
	const dt_doc *dir;
	dt_review_opts opts;
	dt_matcher *matcher;     /* NULL with DT_REVIEW_NO_IMPLICIT */
	dt_scope *scope;         /* documents implicit links may come from */
	dt_unit_review *units;   /* one per directive unit, in order */
	size_t nunits;
	dt_unit_slot *map;       /* unit pointer -> index */
	size_t mapcap;
	dt_link_rec *links;      /* as found */
	size_t nlinks, linkcap;
	dt_link *sorted;         /* by unit, after finish */
	dt_finding *finds;
	size_t nfinds, findcap;
	dt_review_doc *docs;
	size_t ndocs, doccap;
	char **strs;             /* every string the review owns */
	size_t nstrs, strcap;
	dt_summary sum;
	int finished;
};

/** A copy of `s` owned by the review ("" for NULL/empty); NULL on OOM. */
const char *dt__review_str(dt_review *r, const char *s);
/** Index of directive unit `u`, or SIZE_MAX. */
size_t dt__review_index(const dt_review *r, const dt_unit *u);
int dt__review_add_link(dt_review *r, size_t unit, const dt_link *l);
/** Add a finding; its strings are copied. */
int dt__review_add_finding(dt_review *r, const dt_finding *f);

#endif /* DT_REVIEW_INTERNAL_H */
