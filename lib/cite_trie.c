/*
 * cite_trie.c - building the candidate pattern's big alternation: the
 * words (level words, document words, codes) factored on their common
 * literal prefixes, and the little lists and string pools that carry
 * them while the grammar is compiled.
 */
#include <string.h>

#include "cite.h"

/* ## Alternations factored by first letter
 *
 * PCRE2 tries an alternation branch by branch at every position whose
 * first byte may start a branch; with thirty document words that is
 * most letters of a Vietnamese text.  Grouped by first letter
 * ("q(?:uy\\s{1,3}định|uyết\\s{1,3}định)|k(?:…)") one test of that
 * letter rules out a whole group: 2x faster on bench text.  Words are
 * given in lower case; the patterns are caseless. */

/* Bytes of the literal character a pattern starts with (a letter, not
 * regex syntax), 0 when it starts with syntax or is empty. */
size_t dt__cite_literal_len(const char *p)
{
	unsigned char c = (unsigned char)*p;

	if (c == '\0' || strchr("\\()[]{}|?*+.^$", c) != NULL) {
		return 0;
	}
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Emit the alternation of the patterns v[0..n), factored on their
 * common literal prefixes: a trie, so that at a given position PCRE2
 * tests each letter once instead of once per word. */
static int trie_of(dt_buf *b, const char **v, size_t n)
{
	const char **sub;
	unsigned char *done;
	size_t i, k, alts = 0;
	int rc = 0;

	if (n == 1) {
		return dt__buf_append(b, v[0], strlen(v[0]));
	}
	sub = dt__calloc(n, sizeof(*sub));
	done = dt__calloc(n, 1);
	rc = sub && done ? dt__buf_append(b, "(?:", 3) : DT_ENOMEM;
	for (i = 0; rc == 0 && i < n; i++) {
		size_t f = dt__cite_literal_len(v[i]), m = 0;

		if (done[i]) {
			continue;
		}
		rc = alts++ ? dt__buf_putc(b, '|') : 0;
		if (f == 0) {
			done[i] = 1;
			rc = rc == 0 ? dt__buf_append(b, v[i], strlen(v[i])) :
				rc;
			continue;
		}
		for (k = i; k < n; k++) {
			if (!done[k] && dt__cite_literal_len(v[k]) == f &&
				memcmp(v[k], v[i], f) == 0) {
				done[k] = 1;
				sub[m++] = v[k] + f;
			}
		}
		rc = rc == 0 ? dt__buf_append(b, v[i], f) : rc;
		rc = rc == 0 ? trie_of(b, sub, m) : rc;
	}
	rc = rc == 0 ? dt__buf_putc(b, ')') : rc;
	dt__free(sub);
	dt__free(done);
	return rc;
}

int dt__cite_trie(dt_buf *b, const dt_word_list *w)
{
	return trie_of(b, (const char **)w->v, w->n);
}

/* Add the contents of tmp (taken over) to the list. */
int dt__cite_add_word(dt_word_list *w, dt_str_pool *pool, dt_buf *tmp)
{
	char *s;

	if (pool->n == sizeof(pool->v) / sizeof(pool->v[0]) ||
		w->n == sizeof(w->v) / sizeof(w->v[0])) {
		return DT_ELIMIT;
	}
	s = dt__buf_detach(tmp, NULL);
	if (s == NULL) {
		return DT_ENOMEM;
	}
	pool->v[pool->n++] = s;
	w->v[w->n++] = s;
	return 0;
}

void dt__cite_pool_free(dt_str_pool *pool)
{
	size_t i;

	for (i = 0; i < pool->n; i++) {
		dt__free(pool->v[i]);
	}
	pool->n = 0;
}

/* Add s[0..n) and then `tail` to the list as one word. */
int dt__cite_add_entry(dt_word_list *w, dt_str_pool *pool, const char *s,
	size_t n,
	const char *tail)
{
	dt_buf tmp;
	int rc;

	dt__buf_init(&tmp, 1 << 14);
	rc = dt__buf_append(&tmp, s, n);
	if (rc == 0) {
		rc = dt__buf_append(&tmp, tail, strlen(tail));
	}
	if (rc == 0) {
		rc = dt__cite_add_word(w, pool, &tmp);
	}
	dt__buf_dispose(&tmp);
	return rc;
}
