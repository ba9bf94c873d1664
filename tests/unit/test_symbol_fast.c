/*
 * test_symbol_fast.c - the cheap tests in front of the symbol and
 * type-word patterns (dt__symbol_find()'s byte test, the prefix test of
 * dt__symbol_doctype_at()) must change no answer: on random texts of
 * symbols, near misses, digits of other scripts and type words in
 * every case, at every offset and every end of the buffer, each fast
 * function gives what the plain pattern gives.
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "internal.h"
#include "symbol.h"
#include "test_util.h"

static const char *const pieces[] = {
	"31-QĐ/TW", "30/2020/NĐ-CP", "594/KH-UBND", "927/QĐ TTg",
	"123/UBND-NC", "№ 12-П", "№131-ФЗ", "N 5", "N5", "N", "№", "Số:",
	"số", "12", "/", "-", "–", " ", "\t", "\n", "Hà Nội", "NAM",
	"ngày 25 tháng 07 năm 2016", "\xD9\xA3", "\xEF\xBC\x93",
	"\xE1\x81\x81", "\xE0\xA5\xA7", "\xF0\x9D\x9F\x8E", "N\xD9\xA3",
	"N \xEF\xBC\x93", "N\xE1\xBB\x99", "QUY ĐỊNH", "Quy định",
	"quyết định", "QUYẾT ĐỊNH", "NGHỊ QUYẾT", "Kế hoạch", "kế hoạch",
	"ПОЛОЖЕНИЕ", "положение", "Постановление", "решения", "Luật",
	"LUẬT", "x", "_", "ế", "Ð", "ĐỀ ÁN", "27/NQ- TW", "12/KH Ban",
	"CT-TTG", "Chỉ thị", "\xC2\xA0", "ẞ", "K",
};
#define NPIECES (sizeof(pieces) / sizeof(pieces[0]))

static int boundary(const char *t, size_t i)
{
	return ((unsigned char)t[i] & 0xC0) != 0x80;
}

static void same_symbol(const char *t, size_t len, size_t from)
{
	dt_symbol a, b;
	int ra, rb;

	memset(&a, 0x5A, sizeof(a));
	memset(&b, 0x5A, sizeof(b));
	ra = dt__symbol_find(&a, t, len, from);
	rb = dt__symbol_find_full(&b, t, len, from);
	cr_assert_eq(ra, rb, "'%.*s' from %zu", (int)len, t, from);
	cr_assert_eq(memcmp(&a, &b, sizeof(a)), 0, "'%.*s' from %zu",
		(int)len, t, from);
}

static void same_type(const char *t, size_t len, size_t at)
{
	size_t ia = 99, ib = 99;
	dt_span sa = { 7, 7 }, sb = { 7, 7 };
	int ra = dt__symbol_doctype_at(&ia, &sa, t, len, at);
	int rb = dt__symbol_doctype_at_full(&ib, &sb, t, len, at);

	cr_assert_eq(ra, rb, "'%.*s' at %zu", (int)len, t, at);
	cr_assert_eq(ia, ib);
	cr_assert_eq(sa.start, sb.start);
	cr_assert_eq(sa.end, sb.end);
}

/* Every offset of every prefix of the text, on an exact-size copy so
 * that ASan sees a read past the buffer's end. */
Test(symbol_fast, fast_finds_answer_as_the_patterns_at_every_offset)
{
	static char t[256];
	unsigned seed = 3;
	int round, found = 0, types = 0;

	for (round = 0; round < 2500; round++) {
		size_t len = test_random_text(t, sizeof(t), pieces, NPIECES,
			6, &seed), n, at;
		dt_symbol sym;
		size_t idx;
		dt_span sp;

		found += dt__symbol_find_full(&sym, t, len, 0) > 0;
		for (n = 0; n <= len; n++) {
			char *c;

			if (n < len && !boundary(t, n)) {
				continue;
			}
			c = malloc(n ? n : 1);
			cr_assert_not_null(c);
			memcpy(c, t, n);
			for (at = 0; at <= n; at++) {
				if (at < n && !boundary(c, at)) {
					continue;
				}
				same_symbol(c, n, at);
				same_type(c, n, at);
				types += at < n && dt__symbol_doctype_at_full(
					&idx, &sp, c, n, at) > 0;
			}
			free(c);
		}
	}
	cr_assert_gt(found, 500, "the texts hold symbols: %d", found);
	cr_assert_gt(types, 500, "the texts hold type words: %d", types);
}

/* Each digit of each script PCRE2 knows, after "N", "N " and before "-":
 * the byte test must let all through. */
Test(symbol_fast, every_unicode_digit_may_make_a_symbol)
{
	uint32_t cp;

	for (cp = 0x80; cp < 0x20000; cp++) {
		char t[32];
		size_t n = 0, k;

		if (cp >= 0xD800 && cp < 0xE000) {
			continue;
		}
		for (k = 0; k < 2; k++) {
			n = 0;
			t[n++] = 'N';
			if (k) {
				t[n++] = ' ';
			}
			if (cp < 0x800) {
				t[n++] = (char)(0xC0 | cp >> 6);
			} else if (cp < 0x10000) {
				t[n++] = (char)(0xE0 | cp >> 12);
				t[n++] = (char)(0x80 | (cp >> 6 & 0x3F));
			} else {
				t[n++] = (char)(0xF0 | cp >> 18);
				t[n++] = (char)(0x80 | (cp >> 12 & 0x3F));
				t[n++] = (char)(0x80 | (cp >> 6 & 0x3F));
			}
			t[n++] = (char)(0x80 | (cp & 0x3F));
			same_symbol(t, n, 0);
		}
	}
}
