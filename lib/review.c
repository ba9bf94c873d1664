/*
 * review.c - one directive against its local documents: links (explicit
 * from citations, implicit from BM25 matches), accepted gaps, and the
 * bookkeeping the coverage pass (coverage.c) works from; the pool of
 * matchers that lets documents be prepared in several threads.
 *
 * Everything kept from a local document is copied, so a caller can read,
 * add and free documents one at a time: memory grows with the links
 * found, not with the documents read.  A link costs a dt_link (and two
 * indexes until the review is finished); its strings are kept once per
 * distinct value, in blocks, found again through a hash table.  Once
 * finished, the links are grouped by unit where they lie, not copied.
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

/* ## strings owned by the review, each kept once */

enum { STR_BLOCK = 256 * 1024 };

/* Room for one more block in strs[]. */
static int strs_room(dt_review *r)
{
	size_t cap;
	char **p;

	if (r->nstrs < r->strcap) {
		return 0;
	}
	cap = r->strcap ? r->strcap * 2 : 256;
	p = dt__reallocarray(r->strs, cap, sizeof(*p));
	if (p == NULL) {
		return DT_ENOMEM;
	}
	r->strs = p;
	r->strcap = cap;
	return 0;
}

/* A hash of `s`, eight bytes at a step; its length in *len. */
static uint32_t str_hash(const char *s, size_t *len)
{
	size_t n = strlen(s), i;
	uint64_t h = 0x9E3779B97F4A7C15ull ^ n, w;

	for (i = 0; i < n; i += 8) {
		w = 0;
		memcpy(&w, s + i, n - i < 8 ? n - i : 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	*len = n;
	return (uint32_t)h;
}

/* Room in the table for `n` more strings (kept at most half full). */
static int table_room(dt_str_table *t, size_t n)
{
	size_t cap = t->cap ? t->cap : 1024, i;
	dt_str_slot *v;

	if (n > SIZE_MAX / 8 - t->n) {
		return DT_ENOMEM;
	}
	if (2 * (t->n + n) <= t->cap) {
		return 0;
	}
	while (cap < 2 * (t->n + n)) {
		cap *= 2;
	}
	if (cap > (size_t)UINT32_MAX + 1) { /* the hashes have 32 bits */
		return DT_ENOMEM;
	}
	v = dt__calloc(cap, sizeof(*v));
	if (v == NULL) {
		return DT_ENOMEM;
	}
	for (i = 0; i < t->cap; i++) {
		size_t h;

		if (t->slots[i].s == NULL) {
			continue;
		}
		h = t->slots[i].hash & (cap - 1);
		while (v[h].s != NULL) {
			h = (h + 1) & (cap - 1);
		}
		v[h] = t->slots[i];
	}
	dt__free(t->slots);
	t->slots = v;
	t->cap = cap;
	return 0;
}

/* Room for `bytes` more bytes in the block being filled. */
static int block_room(dt_review *r, size_t bytes)
{
	dt_str_table *t = &r->table;
	size_t size = bytes > STR_BLOCK ? bytes : STR_BLOCK;
	char *b;

	if (t->room - t->used >= bytes) {
		return 0;
	}
	if (strs_room(r) < 0 || (b = dt__malloc(size)) == NULL) {
		return DT_ENOMEM;
	}
	r->strs[r->nstrs++] = b;
	t->block = b;
	t->used = 0;
	t->room = size;
	return 0;
}

const char *dt__review_str_reserved(dt_review *r, const char *s)
{
	dt_str_table *t = &r->table;
	size_t len, h;
	uint32_t hash, len32;
	char *c;

	if (s == NULL || *s == '\0') {
		return dt__empty;
	}
	hash = str_hash(s, &len);
	len32 = len < UINT32_MAX ? (uint32_t)len : UINT32_MAX;
	h = hash & (t->cap - 1);
	while (t->slots[h].s != NULL) {
		const dt_str_slot *e = &t->slots[h];

		/* a length of UINT32_MAX or more is compared in full */
		if (e->hash == hash && e->len == len32 &&
			(len32 < UINT32_MAX ? memcmp(e->s, s, len) == 0 :
					      strcmp(e->s, s) == 0)) {
			return e->s;
		}
		h = (h + 1) & (t->cap - 1);
	}
	assert(t->room - t->used > len);
	c = t->block + t->used;
	memcpy(c, s, len + 1);
	t->used += len + 1;
	t->slots[h] = (dt_str_slot){c, hash, len32};
	t->n++;
	return c;
}

const char *dt__review_str(dt_review *r, const char *s)
{
	if (s == NULL || *s == '\0') {
		return dt__empty;
	}
	if (table_room(&r->table, 1) < 0 ||
		block_room(r, strlen(s) + 1) < 0) {
		return NULL;
	}
	return dt__review_str_reserved(r, s);
}

/* ## matchers, one per thread preparing at the moment */

static int pool_new(dt_matcher_pool **out)
{
	dt_matcher_pool *p = dt__calloc(1, sizeof(*p));

	*out = NULL;
	if (p == NULL) {
		return DT_ENOMEM;
	}
	if (pthread_mutex_init(&p->lock, NULL) != 0) {
		dt__free(p);
		return DT_ENOMEM;
	}
	*out = p;
	return 0;
}

static void pool_free(dt_matcher_pool *p)
{
	size_t i;

	if (p == NULL) {
		return;
	}
	assert(p->nidle == p->all); /* no prepare may still run */
	for (i = 0; i < p->nidle; i++) {
		dt__matcher_free(p->idle[i]);
	}
	dt__free(p->idle);
	pthread_mutex_destroy(&p->lock);
	dt__free(p);
}

/* Count one more matcher, with room for it in idle[]; under the lock. */
static int pool_count_one(dt_matcher_pool *p)
{
	dt_matcher **v = dt__reallocarray(p->idle, p->all + 1, sizeof(*v));

	if (v == NULL) {
		return DT_ENOMEM;
	}
	p->idle = v;
	p->all++;
	return 0;
}

int dt__review_matcher_get(const dt_review *r, dt_matcher **out,
	dt_error *err)
{
	dt_matcher_pool *p = r->pool;
	int rc = 0;

	*out = NULL;
	pthread_mutex_lock(&p->lock);
	if (p->nidle > 0) {
		*out = p->idle[--p->nidle];
	} else {
		rc = pool_count_one(p);
	}
	pthread_mutex_unlock(&p->lock);
	if (rc < 0) {
		return dt__fail(err, rc, 0, 0, "out of memory");
	}
	if (*out != NULL) {
		return 0;
	}
	/* Outside the lock: indexing the directive takes a while. */
	rc = dt__matcher_new(out, r->dir, err);
	if (rc < 0) {
		pthread_mutex_lock(&p->lock);
		p->all--;
		pthread_mutex_unlock(&p->lock);
	}
	return rc;
}

void dt__review_matcher_put(const dt_review *r, dt_matcher *m)
{
	dt_matcher_pool *p = r->pool;

	if (m == NULL) {
		return;
	}
	pthread_mutex_lock(&p->lock);
	assert(p->nidle < p->all);
	p->idle[p->nidle++] = m;
	pthread_mutex_unlock(&p->lock);
}

/* The first matcher, made at once so that a directive the matcher cannot
 * index fails dt_review_new(), not the first document. */
static int first_matcher(dt_review *r, dt_error *err)
{
	dt_matcher *m = NULL;
	int rc = pool_new(&r->pool);

	if (rc == 0) {
		rc = dt__review_matcher_get(r, &m, err);
	}
	dt__review_matcher_put(r, m);
	return rc;
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
	if (r->opts.min_share == 0) {
		r->opts.min_share = DT_MATCH_DEFAULT_MIN_SHARE;
	}
	rc = build_units(r);
	if (rc == 0 && !(r->opts.flags & DT_REVIEW_NO_IMPLICIT)) {
		rc = first_matcher(r, err);
	}
	if (rc == 0 && r->pool != NULL) {
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
	pool_free(r->pool);
	dt__scope_free(r->scope);
	for (i = 0; i < r->nstrs; i++) {
		dt__free(r->strs[i]);
	}
	dt__free(r->strs);
	dt__free(r->table.slots);
	dt__free(r->units);
	dt__free(r->map);
	dt__free(r->links);
	dt__free(r->link_unit);
	dt__free(r->link_doc);
	dt__free(r->finds);
	dt__free(r->docs);
	dt__free(r);
}

/* ## links */

/* Grow *v (of *cap elements of `size` bytes) to hold `need`. */
static int grow(void **v, size_t *cap, size_t need, size_t size, size_t first)
{
	size_t n = *cap ? *cap : first;
	void *p;

	if (need <= *cap) {
		return 0;
	}
	while (n < need) {
		n = n > SIZE_MAX / 2 ? need : n * 2;
	}
	p = dt__reallocarray(*v, n, size);
	if (p == NULL) {
		return DT_ENOMEM;
	}
	*v = p;
	*cap = n;
	return 0;
}

/* Room for `need` links in links[] and the arrays beside it. */
static int links_room(dt_review *r, size_t need)
{
	size_t cap = r->linkcap ? r->linkcap : 64;
	void *p;

	if (need <= r->linkcap) {
		return 0;
	}
	if (need > UINT32_MAX) { /* link_unit[], link_doc[] */
		return DT_ENOMEM;
	}
	while (cap < need) {
		cap *= 2;
	}
	if ((p = dt__reallocarray(r->links, cap, sizeof(*r->links))) == NULL) {
		return DT_ENOMEM;
	}
	r->links = p;
	if ((p = dt__reallocarray(r->link_unit, cap,
		     sizeof(*r->link_unit))) == NULL) {
		return DT_ENOMEM;
	}
	r->link_unit = p;
	if ((p = dt__reallocarray(r->link_doc, cap,
		     sizeof(*r->link_doc))) == NULL) {
		return DT_ENOMEM;
	}
	r->link_doc = p;
	r->linkcap = cap;
	return 0;
}

int dt__review_reserve(dt_review *r, size_t nlinks, size_t nfinds,
	size_t nstrs, size_t bytes)
{
	if (nlinks > SIZE_MAX - r->nlinks || nfinds > SIZE_MAX - r->nfinds ||
		r->ndocs >= UINT32_MAX) {
		return DT_ENOMEM;
	}
	if (links_room(r, r->nlinks + nlinks) < 0 ||
		grow((void **)&r->finds, &r->findcap, r->nfinds + nfinds,
			sizeof(*r->finds), 32) < 0 ||
		grow((void **)&r->docs, &r->doccap, r->ndocs + 1,
			sizeof(*r->docs), 16) < 0 ||
		table_room(&r->table, nstrs) < 0 || block_room(r, bytes) < 0) {
		return DT_ENOMEM;
	}
	return 0;
}

/* Move links[i] to links[dest[i]] for every i, in place: follow the
 * cycles of the permutation, swapping; every swap puts one link where it
 * goes.  dest[] ends up the identity. */
static void permute(dt_link *links, uint32_t *dest, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		while (dest[i] != i) {
			uint32_t j = dest[i];
			dt_link l = links[j];

			links[j] = links[i];
			links[i] = l;
			dest[i] = dest[j];
			dest[j] = j;
		}
	}
}

int dt__review_group_links(dt_review *r)
{
	size_t *start = dt__calloc(r->nunits + 1, sizeof(size_t)), i;
	uint32_t *dest;
	dt_link *p;

	if (r->links != NULL && r->link_unit == NULL) {
		dt__free(start); /* grouped before */
		return 0;
	}
	if (start == NULL || links_room(r, 1) < 0) {
		dt__free(start);
		return DT_ENOMEM;
	}
	dest = r->link_doc; /* the documents are no longer needed */
	for (i = 0; i < r->nlinks; i++) {
		start[r->link_unit[i] + 1]++;
	}
	for (i = 0; i < r->nunits; i++) {
		start[i + 1] += start[i];
		r->units[i].nlinks = 0;
	}
	for (i = 0; i < r->nlinks; i++) { /* where each goes (stable) */
		dt_unit_review *u = &r->units[r->link_unit[i]];

		dest[i] = (uint32_t)(start[r->link_unit[i]] + u->nlinks++);
	}
	permute(r->links, dest, r->nlinks);
	dt__free(r->link_unit);
	dt__free(r->link_doc);
	r->link_unit = NULL;
	r->link_doc = NULL;
	/* Give back the room grown for links never found. */
	p = dt__realloc(r->links, (r->nlinks ? r->nlinks : 1) *
		sizeof(*r->links));
	if (p != NULL) {
		r->links = p;
		r->linkcap = r->nlinks ? r->nlinks : 1;
	}
	for (i = 0; i < r->nunits; i++) {
		r->units[i].links = r->links + start[i];
	}
	dt__free(start);
	return 0;
}

int dt__review_add_finding(dt_review *r, const dt_finding *f)
{
	dt_finding *c;

	if (grow((void **)&r->finds, &r->findcap, r->nfinds + 1,
		    sizeof(*r->finds), 32) < 0) {
		return DT_ENOMEM;
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
