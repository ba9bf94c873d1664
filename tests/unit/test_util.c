/*
 * test_util.c - helpers the unit tests share (test_util.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "test_util.h"

#ifndef DT_TEST_DATA
#define DT_TEST_DATA "."
#endif

char *test_read_file(const char *rel, size_t *len)
{
	char path[512], *s;
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s/%s", DT_TEST_DATA, rel);
	f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	cr_assert_eq(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	cr_assert_geq(n, 0, "%s", path);
	rewind(f);
	s = malloc((size_t)n + 1);
	cr_assert_not_null(s);
	cr_assert_eq(fread(s, 1, (size_t)n, f), (size_t)n, "%s", path);
	s[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return s;
}

size_t test_put_utf8(char *out, uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t test_random_text(char *t, size_t cap, const char *const *pieces,
	size_t npieces, size_t max_pieces, unsigned *seed)
{
	size_t len = 0, n = 1 + (size_t)rand_r(seed) % max_pieces, k;

	for (k = 0; k < n; k++) {
		const char *p = pieces[(size_t)rand_r(seed) % npieces];
		size_t pl = strlen(p);

		if (len + pl + 1 >= cap) {
			break;
		}
		memcpy(t + len, p, pl);
		len += pl;
		if (rand_r(seed) % 2) {
			t[len++] = ' ';
		}
	}
	t[len] = '\0';
	return len;
}
