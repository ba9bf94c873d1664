/*
 * test_meta_verb.c - dt__meta_verb_marks(), the byte scan that lets the
 * supersession step skip the verb search on blocks without a verb: it
 * must say 1 wherever RE_VERB matches, on every slice of random texts
 * and for every code point PCRE2 might fold into a verb's letters.
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "internal.h"
#include "meta_internal.h"
#include "test_util.h"

static const char *const pieces[] = {
	"thay thế", "THAY THẾ", "Thay  thế", "tHAY\tThẾ", "bãi bỏ",
	"BÃI\tBỎ", "Bãi bỎ", "hết hiệu lực", "HẾT HIỆU LỰC", "Hết Hiệu Lực",
	"утратившим силу", "УТРАТИЛИ СИЛУ", "утрачивает силу",
	"Утратил\xC2\xA0СиЛу", "утратила \xE1\xB2\x83илу", "силу", "илу",
	"thế", "hết", "bỏ", "chế", "lực", "thay", "bãi", "Quyết định",
	"số 5/QĐ-UBND", "г. № 4", "правилу", "получение", "\xC2\xA0", "x",
	"_", "9", ".", "\n", " ", "ế", "Ỏ", "у", "л",
};
#define NPIECES (sizeof(pieces) / sizeof(pieces[0]))

/* The scan's answer on an exact-size copy of s[0..len) (so that ASan
 * sees a read past the end), checked against the pattern's. */
static void check(const char *s, size_t len)
{
	char *c = malloc(len ? len : 1);
	size_t ov[2];
	int rc;

	cr_assert_not_null(c);
	memcpy(c, s, len);
	rc = dt__meta_run(RE_VERB, s, len, 0, ov, 1);
	cr_assert_geq(rc, 0);
	if (rc > 0) {
		cr_assert_eq(dt__meta_verb_marks(c, len), 1, "'%.*s'",
			(int)len, s);
		cr_assert_eq(dt__meta_verb_marks_portable(c, len), 1,
			"'%.*s'", (int)len, s);
	}
	/* the two scans agree on every text, verb or not */
	cr_assert_eq(dt__meta_verb_marks(c, len),
		dt__meta_verb_marks_portable(c, len), "'%.*s'", (int)len, s);
	free(c);
}

Test(meta_verb, marks_are_found_in_every_slice_that_holds_a_verb)
{
	static char t[512];
	unsigned seed = 5;
	int round, hits = 0;

	cr_assert_eq(dt__meta_patterns_init(), 0);
	for (round = 0; round < 2000; round++) {
		size_t len = test_random_text(t, sizeof(t), pieces, NPIECES,
			12, &seed), a, z;
		size_t ov[2];

		hits += dt__meta_run(RE_VERB, t, len, 0, ov, 1) > 0;
		for (a = 0; a < len; a++) {
			if (((unsigned char)t[a] & 0xC0) == 0x80) {
				continue;
			}
			for (z = a + 1; z <= len; z++) {
				if (z == len ||
					((unsigned char)t[z] & 0xC0) != 0x80) {
					check(t + a, z - a);
				}
			}
		}
	}
	cr_assert_gt(hits, 500, "the texts hold verbs: %d", hits);
}

/* Every code point in place of each letter the marks rest on: wherever
 * PCRE2's caseless matching still finds the verb, the scan must too
 * (it would miss a third case form of a letter). */
Test(meta_verb, no_case_form_of_a_marked_letter_is_missed)
{
	static const struct {
		const char *before, *after;
	} slots[] = {
		{ "thay ", "hế" }, { "thay t", "ế" }, { "thay th", "" },
		{ "", "ết hiệu lực" }, { "h", "t hiệu lực" },
		{ "hế", " hiệu lực" }, { "bãi ", "ỏ" }, { "bãi b", "" },
		{ "утратил с", "лу" }, { "утратил си", "у" },
		{ "утратил сил", "" }, { "утратившими ", "илу" },
	};
	size_t k;
	uint32_t cp;
	int found = 0;

	cr_assert_eq(dt__meta_patterns_init(), 0);
	for (k = 0; k < sizeof(slots) / sizeof(slots[0]); k++) {
		for (cp = 1; cp < 0x30000; cp++) {
			char t[64];
			size_t n = strlen(slots[k].before), ov[2];

			if (cp >= 0xD800 && cp < 0xE000) {
				continue;
			}
			memcpy(t, slots[k].before, n);
			n += test_put_utf8(t + n, cp);
			memcpy(t + n, slots[k].after, strlen(slots[k].after));
			n += strlen(slots[k].after);
			if (dt__meta_run(RE_VERB, t, n, 0, ov, 1) > 0) {
				found++;
				cr_assert_eq(dt__meta_verb_marks(t, n), 1,
					"U+%04X in slot %zu", (unsigned)cp, k);
				cr_assert_eq(dt__meta_verb_marks_portable(t,
					n), 1, "U+%04X in slot %zu",
					(unsigned)cp, k);
			}
		}
	}
	cr_assert_geq(found, 2 * 12, "each slot takes both cases");
}

Test(meta_verb, says_no_on_text_without_a_verb)
{
	static const char *const none[] = { "", "Quyết định số 5",
		"chế chế độ", "получение", "bãi biển", "силы" };
	size_t k;

	for (k = 0; k < sizeof(none) / sizeof(none[0]); k++) {
		cr_assert_eq(dt__meta_verb_marks(none[k], strlen(none[k])), 0,
			"%s", none[k]);
		cr_assert_eq(dt__meta_verb_marks_portable(none[k],
			strlen(none[k])), 0, "%s", none[k]);
	}
}

/* A mark at every offset of long texts (chunk edges, the carry from one
 * chunk of 16 bytes to the next, the bytes after the last chunk). */
Test(meta_verb, marks_are_found_at_every_offset_of_long_texts)
{
	static const char *const marks[] = { "thay thế", "THAY THẾ",
		"hết hiệu lực", "HẾT HIỆU LỰC", "bãi bỏ", "BÃI BỎ",
		"утратил силу", "УТРАТИЛ СИЛУ", "утратил сИЛУ" };
	static const char *const fills[] = { "a", "\xD0\xBF",
		"\xE1\xBB\x87", "\xD1\x83" };
	size_t m, f, pad;

	cr_assert_eq(dt__meta_patterns_init(), 0);
	for (m = 0; m < sizeof(marks) / sizeof(marks[0]); m++) {
		for (f = 0; f < sizeof(fills) / sizeof(fills[0]); f++) {
			for (pad = 0; pad < 40; pad++) {
				char t[256];
				size_t n = 0, k, ml = strlen(marks[m]);

				for (k = 0; k < pad; k++) {
					memcpy(t + n, fills[f],
						strlen(fills[f]));
					n += strlen(fills[f]);
				}
				t[n++] = ' ';
				memcpy(t + n, marks[m], ml);
				n += ml;
				check(t, n);
				t[n++] = ' ';
				for (k = 0; k < pad % 19; k++) {
					t[n++] = 'x';
				}
				check(t, n);
			}
		}
	}
}
