/*
 * template_data.c - the data tree a template is rendered against: strings,
 * booleans, maps and lists, all owned by one dt__tdata.
 *
 * Builders set many fields in a row (a plan task has a dozen), so errors
 * are sticky instead of returned: a failed allocation sets d->status and
 * returns NULL, and every setter given a NULL parent does nothing.  The
 * caller checks dt__tdata_status() once.  Nodes may be shared between
 * lists (the plan's tasks appear both in their groups and in the flat
 * appendix list): the tree frees every node through its `all` chain, not
 * by walking parents.
 */
#include <stdio.h>
#include <string.h>

#include "template.h"

struct dt__tval {
	dt__tv_kind kind;
	char *str;             /* DT__TV_STR */
	size_t len;
	int truth;             /* DT__TV_BOOL */
	const char **keys;     /* DT__TV_MAP: keys[i] names vals[i] */
	dt__tval **vals;       /* DT__TV_MAP, DT__TV_LIST */
	size_t n, cap;
	dt__tval *next_alloc;  /* the chain of every node of the tree */
};

static dt__tval *node_new(dt__tdata *d, dt__tv_kind kind)
{
	dt__tval *v = dt__calloc(1, sizeof(*v));

	if (v == NULL) {
		d->status = DT_ENOMEM;
		return NULL;
	}
	v->kind = kind;
	v->next_alloc = d->all;
	d->all = v;
	return v;
}

void dt__tdata_init(dt__tdata *d)
{
	d->all = NULL;
	d->status = 0;
	d->root = node_new(d, DT__TV_MAP);
}

void dt__tdata_dispose(dt__tdata *d)
{
	dt__tval *v = d->all, *next;

	for (; v != NULL; v = next) {
		next = v->next_alloc;
		dt__free(v->str);
		dt__free(v->keys);
		dt__free(v->vals);
		dt__free(v);
	}
	d->all = NULL;
	d->root = NULL;
}

int dt__tdata_status(const dt__tdata *d)
{
	return d->status; /* a failed root allocation set it too */
}

/* Make room for one more value in a map or list. */
static int grow(dt__tdata *d, dt__tval *c)
{
	size_t cap;
	dt__tval **vals;

	if (c->n < c->cap) {
		return 0;
	}
	cap = c->cap ? c->cap * 2 : 8;
	vals = dt__reallocarray(c->vals, cap, sizeof(*vals));
	if (vals == NULL) {
		d->status = DT_ENOMEM;
		return -1;
	}
	c->vals = vals;
	if (c->kind == DT__TV_MAP) {
		const char **keys = dt__reallocarray(c->keys, cap,
			sizeof(*keys));

		if (keys == NULL) {
			d->status = DT_ENOMEM;
			return -1;
		}
		c->keys = keys;
	}
	c->cap = cap;
	return 0;
}

/* Bind `key` to `v` in `map`, replacing an earlier binding. */
static dt__tval *bind(dt__tdata *d, dt__tval *map, const char *key,
	dt__tval *v)
{
	size_t i;

	if (map == NULL || v == NULL) {
		return NULL;
	}
	assert(map->kind == DT__TV_MAP);
	for (i = 0; i < map->n; i++) {
		if (strcmp(map->keys[i], key) == 0) {
			map->vals[i] = v;
			return v;
		}
	}
	if (grow(d, map) < 0) {
		return NULL;
	}
	map->keys[map->n] = key;
	map->vals[map->n++] = v;
	return v;
}

dt__tval *dt__tdata_strn(dt__tdata *d, dt__tval *map, const char *key,
	const char *s, size_t len)
{
	dt__tval *v;

	if (map == NULL) {
		return NULL;
	}
	v = node_new(d, DT__TV_STR);
	if (v == NULL) {
		return NULL;
	}
	v->str = dt__strndup(s, len);
	if (v->str == NULL) {
		d->status = DT_ENOMEM;
		return NULL;
	}
	v->len = len;
	return bind(d, map, key, v);
}

dt__tval *dt__tdata_str(dt__tdata *d, dt__tval *map, const char *key,
	const char *s)
{
	return dt__tdata_strn(d, map, key, s, strlen(s));
}

dt__tval *dt__tdata_fmt(dt__tdata *d, dt__tval *map, const char *key,
	const char *fmt, ...)
{
	dt__tval *v;
	char *s;
	va_list ap;
	int n;

	if (map == NULL) {
		return NULL;
	}
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = n >= 0 ? dt__malloc((size_t)n + 1) : NULL;
	if (s == NULL) {
		d->status = n < 0 ? DT_ERROR : DT_ENOMEM;
		return NULL;
	}
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	v = dt__tdata_strn(d, map, key, s, (size_t)n);
	dt__free(s);
	return v;
}

dt__tval *dt__tdata_bool(dt__tdata *d, dt__tval *map, const char *key,
	int truth)
{
	dt__tval *v = map != NULL ? node_new(d, DT__TV_BOOL) : NULL;

	if (v != NULL) {
		v->truth = truth != 0;
	}
	return bind(d, map, key, v);
}

dt__tval *dt__tdata_map(dt__tdata *d, dt__tval *map, const char *key)
{
	return bind(d, map, key, map != NULL ? node_new(d, DT__TV_MAP) : NULL);
}

dt__tval *dt__tdata_list(dt__tdata *d, dt__tval *map, const char *key)
{
	return bind(d, map, key,
		map != NULL ? node_new(d, DT__TV_LIST) : NULL);
}

void dt__tdata_push(dt__tdata *d, dt__tval *list, dt__tval *v)
{
	if (list == NULL || v == NULL) {
		return;
	}
	assert(list->kind == DT__TV_LIST);
	if (grow(d, list) == 0) {
		list->vals[list->n++] = v;
	}
}

dt__tval *dt__tdata_push_str(dt__tdata *d, dt__tval *list, const char *s)
{
	dt__tval *v = list != NULL ? node_new(d, DT__TV_STR) : NULL;
	size_t before = list != NULL ? list->n : 0;

	if (v != NULL) {
		v->len = strlen(s);
		v->str = dt__strndup(s, v->len);
		if (v->str == NULL) {
			d->status = DT_ENOMEM;
			return NULL;
		}
	}
	dt__tdata_push(d, list, v);
	return list != NULL && list->n > before ? v : NULL;
}

dt__tval *dt__tdata_push_map(dt__tdata *d, dt__tval *list)
{
	dt__tval *v = list != NULL ? node_new(d, DT__TV_MAP) : NULL;
	size_t before = list != NULL ? list->n : 0;

	dt__tdata_push(d, list, v);
	return list != NULL && list->n > before ? v : NULL;
}

/* ## readers */

dt__tv_kind dt__tval_kind(const dt__tval *v)
{
	return v->kind;
}

const char *dt__tval_text(const dt__tval *v, size_t *len)
{
	if (v->kind == DT__TV_BOOL) {
		*len = v->truth ? 4 : 5;
		return v->truth ? "true" : "false";
	}
	*len = v->kind == DT__TV_STR ? v->len : 0;
	return v->kind == DT__TV_STR ? v->str : "";
}

int dt__tval_truthy(const dt__tval *v)
{
	switch (v->kind) {
	case DT__TV_STR:
		return v->len > 0;
	case DT__TV_BOOL:
		return v->truth;
	case DT__TV_LIST:
		return v->n > 0;
	default:
		return 1;
	}
}

const dt__tval *dt__tval_get(const dt__tval *map, const char *name,
	size_t len)
{
	size_t i;

	if (map == NULL || map->kind != DT__TV_MAP) {
		return NULL;
	}
	for (i = 0; i < map->n; i++) {
		if (strlen(map->keys[i]) == len &&
			memcmp(map->keys[i], name, len) == 0) {
			return map->vals[i];
		}
	}
	return NULL;
}

size_t dt__tval_count(const dt__tval *list)
{
	return list->kind == DT__TV_LIST ? list->n : 0;
}

const dt__tval *dt__tval_at(const dt__tval *list, size_t i)
{
	return list->kind == DT__TV_LIST && i < list->n ? list->vals[i] : NULL;
}
