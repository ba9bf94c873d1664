/*
 * test_short_bytes.c - dt__same_bytes() agrees with memcmp(), and
 * dt__short_words() and dt__tail_bytes() tell strings of one length
 * apart, on random strings of 0 to 40 bytes: equal ones, and ones that
 * differ in one byte at any place (the pieces the short compare reads
 * overlap; a difference in any of them must show).  Each string sits at
 * the end of its buffer, so a read past it would also show under ASan
 * and valgrind.
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "short_bytes.h"

static unsigned long long rng = 0x2545F4914F6CDD1Dull;

static unsigned next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)rng;
}

Test(short_bytes, same_bytes_agrees_with_memcmp)
{
	size_t len, k, round;

	for (len = 0; len <= 40; len++) {
		for (round = 0; round < 200; round++) {
			char *a = malloc(len + 1), *b = malloc(len + 1);
			char *x, *y;

			cr_assert(a != NULL && b != NULL);
			x = a + 1; /* the string ends where the buffer does */
			y = b + 1;
			for (k = 0; k < len; k++) {
				x[k] = (char)(next() % 4 ? 'a' + next() % 3
							 : next());
			}
			memcpy(y, x, len);
			cr_assert(dt__same_bytes(x, y, len), "len %zu", len);
			if (len > 0) {
				k = next() % len;
				y[k] = (char)(y[k] ^ (1 + next() % 255));
			}
			cr_assert_eq(dt__same_bytes(x, y, len),
				memcmp(x, y, len) == 0, "len %zu, byte %zu",
				len, k);
			if (len <= 16) {
				uint64_t p, q, u, v;

				dt__short_words(x, len, &p, &q);
				dt__short_words(y, len, &u, &v);
				cr_assert_eq(p == u && q == v,
					memcmp(x, y, len) == 0, "len %zu", len);
			}
			if (len <= 8) {
				cr_assert_eq(dt__tail_bytes(
						     (unsigned char *)x, len) ==
						     dt__tail_bytes(
							     (unsigned char *)y,
							     len),
					memcmp(x, y, len) == 0);
			}
			free(a);
			free(b);
		}
	}
}
