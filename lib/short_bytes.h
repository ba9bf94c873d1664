/*
 * short_bytes.h - comparing and hashing short byte strings without a
 * call: the words, syllables and stems that the tokenizer's stopword sets
 * (tokens.c) and the matcher's vocabulary (match_vocab.c) look up are
 * mostly 2-16 bytes, where a memcmp() call costs more than the compare.
 * Every read stays inside the string: short ones are read as two
 * overlapping pieces.  tests/unit/test_short_bytes.c checks them against
 * memcmp() on random strings.
 */
#ifndef DT_SHORT_BYTES_H
#define DT_SHORT_BYTES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Bytes s[0..n), n <= 8, as one integer, without reading past them: the
 * same bytes give the same integer (strings of one length only). */
static inline uint64_t dt__tail_bytes(const unsigned char *s, size_t n)
{
	uint32_t a, b;

	if (n >= 4) { /* two overlapping 4-byte loads */
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		return (uint64_t)a << 32 | b;
	}
	return n == 0 ? 0
		      : (uint64_t)s[0] << 16 | (uint64_t)s[n / 2] << 8 |
				s[n - 1];
}

/* Up to 16 bytes s[0..len) as two integers, read as dt__same_bytes()
 * reads them: strings of one length are equal when their pairs are. */
static inline void dt__short_words(
	const char *s, size_t len, uint64_t *x, uint64_t *y)
{
	const unsigned char *u = (const unsigned char *)s;

	if (len >= 8) {
		memcpy(x, u, 8);
		memcpy(y, u + len - 8, 8);
	} else {
		*x = dt__tail_bytes(u, len);
		*y = 0;
	}
}

/* Whether a[0..len) and b[0..len) are equal: up to 16 bytes as two
 * overlapping loads a side, longer ones by memcmp(). */
static inline int dt__same_bytes(const char *a, const char *b, size_t len)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;
	uint64_t p, q, u, v;

	if (len > 16) {
		return memcmp(a, b, len) == 0;
	}
	if (len >= 8) {
		memcpy(&p, x, 8);
		memcpy(&q, x + len - 8, 8);
		memcpy(&u, y, 8);
		memcpy(&v, y + len - 8, 8);
		return ((p ^ u) | (q ^ v)) == 0;
	}
	return dt__tail_bytes(x, len) == dt__tail_bytes(y, len);
}

#endif /* DT_SHORT_BYTES_H */
