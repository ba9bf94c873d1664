/*
 * alloc.c - the one place libdirtrace allocates memory.
 *
 * Funnelling every allocation through here lets tests make the Nth call
 * fail (dt__alloc_fail_after) and check that each error path returns
 * DT_ENOMEM without leaking.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static size_t fail_countdown; /* 0 = never fail */

void dt__alloc_fail_after(size_t n)
{
	fail_countdown = n;
}

/* True when the test hook says this allocation must fail. */
static int should_fail(void)
{
	if (fail_countdown == 0) {
		return 0;
	}
	fail_countdown--;
	return fail_countdown == 0;
}

void *dt__malloc(size_t n)
{
	if (should_fail()) {
		return NULL;
	}
	return malloc(n ? n : 1);
}

void *dt__calloc(size_t count, size_t size)
{
	if (should_fail()) {
		return NULL;
	}
	return calloc(count ? count : 1, size ? size : 1);
}

void *dt__realloc(void *p, size_t n)
{
	if (should_fail()) {
		return NULL;
	}
	return realloc(p, n ? n : 1);
}

void *dt__reallocarray(void *p, size_t count, size_t size)
{
	if (size != 0 && count > SIZE_MAX / size) {
		return NULL;
	}
	return dt__realloc(p, count * size);
}

void dt__free(void *p)
{
	free(p);
}

void dt_free(void *p)
{
	free(p);
}

char *dt__strndup(const char *s, size_t len)
{
	char *d = dt__malloc(len + 1);

	if (d == NULL) {
		return NULL;
	}
	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

char *dt__strdup(const char *s)
{
	return dt__strndup(s, strlen(s));
}
