/*
 * test_util.h - what several unit tests need: a file of the source tree
 * read whole, a code point written as UTF-8, random text made of given
 * pieces (test_util.c).
 */
#ifndef DT_TEST_UTIL_H
#define DT_TEST_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* Read DT_TEST_DATA/rel whole (the test fails if it cannot), NUL added;
 * *len gets its size.  Free with free(). */
char *test_read_file(const char *rel, size_t *len);

/* cp (any value below 0x110000, surrogates too) as UTF-8 into out[0..4);
 * the bytes written.  The tests' own encoder: a test of the library's
 * UTF-8 code must not build its input with that code. */
size_t test_put_utf8(char *out, uint32_t cp);

/* Up to 1 + rand_r(seed) % max_pieces of pieces[0..npieces), each
 * followed by a blank half the time, into t (NUL-terminated, never more
 * than cap bytes with it); its length. */
size_t test_random_text(char *t, size_t cap, const char *const *pieces,
	size_t npieces, size_t max_pieces, unsigned *seed);

#endif
