/*
 * scope.c - which local documents are within a directive's scope (see
 * scope.h for the rule and why).
 *
 * Documents and their bases are matched by symbol key (symbol.h:
 * "31-QĐ/TW", "31-QD/TW" and "031-qđ/tw" are one key).  Resolution is a
 * breadth-first walk: the documents that cite the directive, name it as
 * their basis or state no basis are in; then every document whose basis
 * is a document already in.  Basis entries are sorted by key once, so
 * the walk costs O((documents + bases) log bases), not documents².
 */
#include <stdlib.h>
#include <string.h>

#include "scope.h"
#include "symbol.h"

typedef struct {
	char *key;          /* the document's own symbol key, or NULL */
	unsigned recorded : 1;
	unsigned in : 1;
	unsigned cites : 1; /* cites the directive */
	unsigned based : 1; /* states at least one basis with a symbol */
} scope_doc;

typedef struct {
	char *key;  /* symbol key of a basis */
	size_t doc; /* the document that names it */
} scope_basis;

struct dt_scope {
	char **ours; /* keys of the directive and of what it replaces */
	size_t nours;
	scope_doc *docs;
	size_t ndocs, doccap;
	scope_basis *bases;
	size_t nbases, basecap;
};

/* The key of `symbol` as a new string; *out is NULL when it is none. */
static int key_of(char **out, const char *symbol)
{
	char key[DT_SYMBOL_KEY_MAX];
	int n = dt__symbol_key_str(key, sizeof(key), symbol, strlen(symbol));

	*out = NULL;
	if (n <= 0) {
		return n == 0 || n == DT_ELIMIT ? 0 : n;
	}
	*out = dt__strdup(key);
	return *out != NULL ? 0 : DT_ENOMEM;
}

static int add_ours(dt_scope *s, const char *symbol)
{
	char *key;
	int rc = key_of(&key, symbol);

	if (rc < 0 || key == NULL) {
		return rc;
	}
	s->ours[s->nours++] = key;
	return 0;
}

int dt__scope_new(dt_scope **out, const dt_doc *directive)
{
	const dt_meta *m = dt_doc_meta(directive);
	dt_scope *s = dt__calloc(1, sizeof(*s));
	size_t i;
	int rc = 0;

	*out = NULL;
	if (s == NULL) {
		return DT_ENOMEM;
	}
	s->ours = dt__calloc(m->replaces_count + 1, sizeof(*s->ours));
	if (s->ours == NULL) {
		dt__free(s);
		return DT_ENOMEM;
	}
	rc = add_ours(s, m->symbol);
	for (i = 0; rc == 0 && i < m->replaces_count; i++) {
		rc = add_ours(s, m->replaces[i].symbol);
	}
	if (rc < 0) {
		dt__scope_free(s);
		return rc;
	}
	*out = s;
	return 0;
}

void dt__scope_free(dt_scope *s)
{
	size_t i;

	if (s == NULL) {
		return;
	}
	for (i = 0; i < s->nours; i++) {
		dt__free(s->ours[i]);
	}
	for (i = 0; i < s->ndocs; i++) {
		dt__free(s->docs[i].key);
	}
	for (i = 0; i < s->nbases; i++) {
		dt__free(s->bases[i].key);
	}
	dt__free(s->ours);
	dt__free(s->docs);
	dt__free(s->bases);
	dt__free(s);
}

static int grow(void **v, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 16;
	void *p;

	if (need <= *cap) {
		return 0;
	}
	while (n < need) {
		n *= 2;
	}
	p = dt__reallocarray(*v, n, size);
	if (p == NULL) {
		return DT_ENOMEM;
	}
	memset((char *)p + *cap * size, 0, (n - *cap) * size);
	*v = p;
	*cap = n;
	return 0;
}

static int is_ours(const dt_scope *s, const char *key)
{
	size_t i;

	for (i = 0; i < s->nours; i++) {
		if (strcmp(s->ours[i], key) == 0) {
			return 1;
		}
	}
	return 0;
}

/* Record basis `symbol` of document `doc`: one of ours decides at once. */
static int add_basis(dt_scope *s, size_t doc, const char *symbol)
{
	scope_doc *d = &s->docs[doc];
	char *key;
	int rc = key_of(&key, symbol);

	if (rc < 0 || key == NULL) {
		return rc;
	}
	d->based = 1;
	if (is_ours(s, key)) {
		d->cites = 1;
		dt__free(key);
		return 0;
	}
	if (grow((void **)&s->bases, &s->basecap, s->nbases + 1,
		    sizeof(*s->bases)) < 0) {
		dt__free(key);
		return DT_ENOMEM;
	}
	s->bases[s->nbases].key = key;
	s->bases[s->nbases].doc = doc;
	s->nbases++;
	return 0;
}

int dt__scope_add(dt_scope *s, size_t doc, const dt_doc *local,
	int cites_directive)
{
	const dt_meta *m = dt_doc_meta(local);
	scope_doc *d;
	size_t i;
	int rc;

	if (grow((void **)&s->docs, &s->doccap, doc + 1, sizeof(*s->docs)) <
		0) {
		return DT_ENOMEM;
	}
	if (doc >= s->ndocs) {
		s->ndocs = doc + 1;
	}
	d = &s->docs[doc];
	dt__free(d->key);
	d->recorded = 1;
	d->cites = cites_directive != 0;
	rc = key_of(&d->key, m->symbol);
	for (i = 0; rc == 0 && i < m->based_on_count; i++) {
		rc = add_basis(s, doc, m->based_on[i].symbol);
	}
	return rc;
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const scope_basis *)a)->key,
		((const scope_basis *)b)->key);
}

/* Index of the first basis entry whose key is >= key. */
static size_t lower_bound(const dt_scope *s, const char *key)
{
	size_t lo = 0, hi = s->nbases;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(s->bases[mid].key, key) < 0) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo;
}

int dt__scope_resolve(dt_scope *s)
{
	size_t *queue, head = 0, tail = 0, i;

	queue = dt__calloc(s->ndocs + 1, sizeof(*queue));
	if (queue == NULL) {
		return DT_ENOMEM;
	}
	if (s->nbases > 1) { /* qsort's base must not be NULL, even for 0 */
		qsort(s->bases, s->nbases, sizeof(*s->bases), by_key);
	}
	for (i = 0; i < s->ndocs; i++) {
		scope_doc *d = &s->docs[i];

		d->in = !d->recorded || d->cites || !d->based;
		if (d->in) {
			queue[tail++] = i;
		}
	}
	while (head < tail) {
		const char *key = s->docs[queue[head++]].key;
		size_t k;

		if (key == NULL) {
			continue;
		}
		for (k = lower_bound(s, key);
			k < s->nbases && strcmp(s->bases[k].key, key) == 0;
			k++) {
			scope_doc *d = &s->docs[s->bases[k].doc];

			if (!d->in) {
				d->in = 1;
				queue[tail++] = s->bases[k].doc;
			}
		}
	}
	dt__free(queue);
	return 0;
}

int dt__scope_in(const dt_scope *s, size_t doc)
{
	return doc >= s->ndocs || s->docs[doc].in;
}
