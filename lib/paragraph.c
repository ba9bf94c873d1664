/*
 * paragraph.c - the paragraphs of a unit's text.
 *
 * Local plans write an item as a title line and several paragraphs
 * ("**2. Về quản lý đảng viên**", then one paragraph citing khoản 1
 * Điều 10, one paraphrasing khoản 2 Điều 11 …).  Matching such an item
 * as a whole let the citation of one paragraph silence the others, and
 * let the title alone look like a clause; review_add.c matches the
 * paragraphs one by one, each with the title as its context.
 */
#include <string.h>

#include "paragraph.h"

/* A title is a short line: a sentence is longer or ends with a stop. */
#define TITLE_MAX_WORDS 16

/* Where the blank line after t[p] starts, or len. */
static size_t blank_line(const char *t, size_t len, size_t p)
{
	const char *nl;

	while ((nl = memchr(t + p, '\n', len - p)) != NULL) {
		p = (size_t)(nl - t) + 1;
		if (p < len && t[p] == '\n') {
			return p - 1;
		}
	}
	return len;
}

int dt__para_next(const char *t, size_t len, size_t *at, size_t *start,
	size_t *end)
{
	size_t p = *at;

	while (p < len && t[p] == '\n') {
		p++;
	}
	if (p >= len) {
		*at = len;
		return 0;
	}
	*start = p;
	*at = blank_line(t, len, p);
	*end = *at;
	while (*end > p && t[*end - 1] == '\n') {
		(*end)--; /* the text's last line break */
	}
	return 1;
}

size_t dt__para_title_len(const char *t, size_t len)
{
	size_t at = 0, s, e, s2, e2, i, words = 1;

	if (!dt__para_next(t, len, &at, &s, &e) || s != 0 ||
		!dt__para_next(t, len, &at, &s2, &e2)) {
		return 0; /* one paragraph: nothing to stand above */
	}
	if (memchr(t, '\n', e) != NULL || strchr(".;:!?", t[e - 1]) != NULL) {
		return 0;
	}
	for (i = 0; i < e && words <= TITLE_MAX_WORDS; i++) {
		words += t[i] == ' ';
	}
	return words <= TITLE_MAX_WORDS ? e : 0;
}

size_t dt__para_newlines(const char *t, size_t from, size_t to)
{
	const char *p = t + from, *end = t + to, *nl;
	size_t n = 0;

	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		n++;
		p = nl + 1;
	}
	return n;
}
