/*
 * review_internal.h - the state of a dt_review, shared by review.c (the
 * object, links, the matchers), review_add.c (what one local document
 * contributes: prepared apart, then merged), accept.c (accepted gaps) and
 * coverage.c (statuses, findings, summary).
 *
 * Threads.  dt_review_prepare() may run in any number of threads at once
 * and alongside dt_review_merge().  It reads only what dt_review_new()
 * set up and never changes after (dir, opts, units[].unit, map) and takes
 * a matcher from the pool under its lock; everything merge writes (links,
 * finds, docs, strs, scope) prepare never reads.
 */
#ifndef DT_REVIEW_INTERNAL_H
#define DT_REVIEW_INTERNAL_H

#include <pthread.h>

#include "internal.h"

typedef struct dt_matcher dt_matcher;
typedef struct dt_scope dt_scope;

/* A string of the table with its hash and length, side by side: a
 * probe reads one entry (one cache line, where a pointer and a hash in
 * two arrays were two misses per link merged) and the string itself only
 * when hash and length agree, comparing known lengths. */
typedef struct {
	const char *s; /* NULL = free */
	uint32_t hash;
	uint32_t len;  /* strlen(s), when under UINT32_MAX (else that) */
} dt_str_slot;

/* Strings the review keeps, each kept once: a local eId, an evidence or
 * a message that many links share is one copy.  The bytes live in
 * blocks of strs[]; the table finds a string's copy.  The hash of each
 * string is kept beside it: a probe or a rehash reads the string itself
 * only when the hashes agree (strings lie all over the blocks, and each
 * one read was a cache miss: ~2% of a ru-100 run). */
typedef struct {
	dt_str_slot *slots;  /* open addressing */
	size_t cap, n;       /* cap: a power of two, or 0 */
	char *block;         /* the block being filled (in strs[]) */
	size_t used, room;
} dt_str_table;

typedef struct {
	const dt_unit *unit;
	size_t index;
} dt_unit_slot;

/* Matchers not in use.  A matcher keeps per-query scratch, so each
 * prepare borrows one; the pool grows to the number of prepares that ran
 * at once.  `all` counts the matchers made, and idle[] always has room
 * for all of them, so giving one back cannot fail. */
typedef struct {
	pthread_mutex_t lock;
	dt_matcher **idle;
	size_t nidle, all;
} dt_matcher_pool;

struct dt_review {
	const dt_doc *dir;
	dt_review_opts opts;
	dt_matcher_pool *pool;   /* NULL with DT_REVIEW_NO_IMPLICIT */
	dt_scope *scope;         /* documents implicit links may come from */
	dt_unit_review *units;   /* one per directive unit, in order */
	size_t nunits;
	dt_unit_slot *map;       /* unit pointer -> index */
	size_t mapcap;
	/* Links: as found, then (dt__review_group_links) grouped by unit
	 * in place, each unit pointing at its own.  Until then, the
	 * directive unit and the local document of each. */
	dt_link *links;
	uint32_t *link_unit, *link_doc;
	size_t nlinks, linkcap;
	dt_finding *finds;
	size_t nfinds, findcap;
	dt_review_doc *docs;
	size_t ndocs, doccap;
	char **strs;             /* every block of strings the review owns */
	size_t nstrs, strcap;
	dt_str_table table;
	dt_summary sum;
	int finished;
};

/** A copy of `s` owned by the review ("" for NULL/empty), shared with
 *  every equal string; NULL on OOM. */
const char *dt__review_str(dt_review *r, const char *s);
/** Make room for `n` more links, findings and one more document, and
 *  for `nstrs` more strings of `bytes` bytes in all (NULs included), so
 *  that a merge cannot fail halfway.  0 or DT_ENOMEM. */
int dt__review_reserve(dt_review *r, size_t nlinks, size_t nfinds,
	size_t nstrs, size_t bytes);
/** The review's copy of `s` after dt__review_reserve() made room for it:
 *  cannot fail. */
const char *dt__review_str_reserved(dt_review *r, const char *s);
/** Group the links by directive unit (stable, in place) and point each
 *  unit at its own; the unit and document of each link are forgotten. */
int dt__review_group_links(dt_review *r);
/** Index of directive unit `u`, or SIZE_MAX. */
size_t dt__review_index(const dt_review *r, const dt_unit *u);
/** Add a finding; its strings are copied. */
int dt__review_add_finding(dt_review *r, const dt_finding *f);

/** Borrow a matcher of the review's directive (made when none is idle);
 *  give it back with dt__review_matcher_put().  Thread-safe. */
int dt__review_matcher_get(const dt_review *r, dt_matcher **out,
	dt_error *err);
void dt__review_matcher_put(const dt_review *r, dt_matcher *m);

#endif /* DT_REVIEW_INTERNAL_H */
