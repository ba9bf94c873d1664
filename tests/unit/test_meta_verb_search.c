/*
 * test_meta_verb_search.c - the verb search of the supersession step
 * (meta_body.c, meta.c): the search over a whole block, which decides
 * whether the block is split into sentences at all, finds a verb
 * wherever a sentence of the block holds one; and RE_VERB, run through
 * its verbs' literal beginnings, finds what the plain pattern finds.
 * The byte scan that skips the search altogether is in test_meta_verb.c.
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "internal.h"
#include "meta_internal.h"

/* ## The whole-block verb search before the sentences (meta_body.c)
 *
 * A block is split into sentences only when the verb pattern matches
 * somewhere in it.  That skip is sound when every verb a sentence holds
 * is also found in the whole text: a sentence ends at the text's end or
 * after a blank.  Random texts of verbs, near misses and sentence breaks
 * check it for every such end. */

static const char *const verb_pieces[] = {
	"thay thế", "THAY THẾ", "Thay  thế", "bãi bỏ", "BÃI\tBỎ",
	"hết hiệu lực", "Hết Hiệu Lực", "thay thếx", "xthay thế", "bãi",
	"утратившим силу", "УТРАТИЛИ СИЛУ", "утрачивает силу", "силу",
	"Quyết định", "số 5/QĐ-UBND", "г. № 4", "các", "Điều 2", "1.",
	"thế", "bỏ", "lực", "\xC2\xA0", "đã", "Nghị",
};
static const char *const verb_seps[] = { " ", ". ", ".  ", ".\n", ", ",
	"", "\n", ": " };

#define NPIECES (sizeof(verb_pieces) / sizeof(verb_pieces[0]))
#define NSEPS (sizeof(verb_seps) / sizeof(verb_seps[0]))

/* n random pieces (verb_pieces, then `extra`), each followed by a random
 * separator, into t; returns the length. */
static size_t random_verb_text(char *t, unsigned *seed, size_t n,
	const char *const *extra, size_t nextra)
{
	size_t len = 0, k;

	for (k = 0; k < n; k++) {
		size_t pick = rand_r(seed) % (NPIECES + nextra);
		const char *a = pick < NPIECES ? verb_pieces[pick] :
			extra[pick - NPIECES];
		const char *b = verb_seps[rand_r(seed) % NSEPS];

		memcpy(t + len, a, strlen(a));
		len += strlen(a);
		memcpy(t + len, b, strlen(b));
		len += strlen(b);
	}
	t[len] = '\0';
	return len;
}

Test(meta, a_verb_in_a_sentence_is_a_verb_in_its_block)
{
	static char t[1024];
	unsigned seed = 7;
	int round;

	cr_assert_eq(dt__meta_patterns_init(), 0);
	for (round = 0; round < 3000; round++) {
		size_t ss, se, ov[2], n = 1 + rand_r(&seed) % 6;
		size_t len = random_verb_text(t, &seed, n, NULL, 0);
		int whole;

		whole = dt__meta_run(RE_VERB, t, len, 0, ov, 1);
		cr_assert_geq(whole, 0);
		for (ss = 0; ss < len; ss++) {
			for (se = ss + 1; se <= len; se++) {
				if (se < len && t[se - 1] != ' ' &&
					t[se - 1] != '\n' && t[se - 1] != '\t') {
					continue;
				}
				if (dt__meta_run(RE_VERB, t, se, ss, ov, 1) > 0) {
					cr_assert_gt(whole, 0, "%s", t);
				}
			}
		}
	}
}

/* RE_VERB runs through its verbs' literal beginnings (prefix.h): at
 * every start, on random texts, it finds what the plain pattern finds. */
Test(meta, the_filtered_verb_search_finds_what_the_pattern_finds)
{
	static const char *const extra[] = { "nhất", "thực", "hệ", "bà",
		"_thay thế", "9bãi bỏ", "(thay thế)", "«bãi bỏ»", "ухтратил",
		"\xE2\x84\xAAhoản" };
	static char t[1024];
	unsigned seed = 11;
	int round;

	cr_assert_eq(dt__meta_patterns_init(), 0);
	for (round = 0; round < 2000; round++) {
		size_t from, n = 1 + rand_r(&seed) % 8;
		size_t len = random_verb_text(t, &seed, n, extra,
			sizeof(extra) / sizeof(extra[0]));

		for (from = 0; from <= len; from++) {
			size_t ov1[16], ov2[16];
			int r1, r2;

			if (((unsigned char)t[from] & 0xC0) == 0x80) {
				continue;
			}
			r1 = dt__re_match(dt__meta_re(RE_VERB), t, len, from,
				ov1, 8);
			r2 = dt__meta_run(RE_VERB, t, len, from, ov2, 8);
			cr_assert_eq(r1, r2, "%s from %zu", t, from);
			if (r1 > 0) {
				cr_assert_eq(ov1[0], ov2[0], "%s", t);
				cr_assert_eq(ov1[1], ov2[1], "%s", t);
				cr_assert_eq(memcmp(ov1, ov2, 2 * (size_t)r1 *
					sizeof(size_t)), 0, "%s", t);
			}
		}
	}
}
