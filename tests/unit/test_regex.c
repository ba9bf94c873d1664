/*
 * test_regex.c - the PCRE2 adapter's shortcuts (regex.c): the first-byte
 * test of anchored patterns and the required-byte test run before the
 * JIT.  Each pattern is matched both through dt__re_match() and straight
 * through pcre2_match() (the interpreter, no shortcut of ours) on
 * generated subjects at every start offset; any difference fails.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include <criterion/criterion.h>

#include "internal.h"
#include "outline_grammar.h"

/* Patterns beyond the grammar: caseless letters with other cases outside
 * ASCII (k: the Kelvin sign, s: long s), a required byte after a
 * lookbehind, a multi-byte caseless letter, no required byte at all. */
static const char *const extra[] = {
	"ok:", "(?<=x)ab", "s\\d+k", "điều\\s+\\d+\\)", "[a-z]+", "x|y\\)",
	"\\d+(?:\\.\\d+)+:", "Статья\\s+\\d+\\.",
};

/* clang-format off */
static const char *const bits[] = {
	"1", "2.", "1.2", ".", ")", "(", ":", " ", "\t", "a", "đ", "Điều",
	"điều", "ĐIỀU", "khoản", "Khoản", "(khoản 2)", "Статья", "статья",
	"а)", "K", "k", "\u212A", "s", "S", "\u017F", "o", "O", "x", "ab",
	"Chương", "CHƯƠNG", "phần", "PHẦN", "I.", "-", "•", "Phụ lục", "xab",
	"AB", "xAB", "PART 1", "\u0130", "\u0131",
};
/* clang-format on */

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static unsigned pick(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static size_t gen(char *b, size_t cap)
{
	size_t n = 0, k = pick(12), i;

	for (i = 0; i < k; i++) {
		const char *p = bits[pick(sizeof(bits) / sizeof(bits[0]))];
		size_t m = strlen(p);

		if (n + m >= cap) {
			break;
		}
		memcpy(b + n, p, m);
		n += m;
	}
	b[n] = '\0';
	return n;
}

static void check(const char *pattern, unsigned flags)
{
	uint32_t opts = PCRE2_UTF | PCRE2_UCP;
	pcre2_match_data *md = pcre2_match_data_create(8, NULL);
	dt_re *re = NULL;
	pcre2_code *ref;
	PCRE2_SIZE erroff;
	int errcode, round;

	opts |= (flags & DT_RE_CASELESS) ? PCRE2_CASELESS : 0;
	opts |= (flags & DT_RE_ANCHORED) ? PCRE2_ANCHORED : 0;
	ref = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts,
		&errcode, &erroff, NULL);
	cr_assert_not_null(ref, "%s", pattern);
	cr_assert_eq(dt__re_compile(&re, pattern, flags, NULL), 0);
	for (round = 0; round < 3000; round++) {
		char s[256];
		size_t len = gen(s, sizeof(s)), start;

		for (start = 0; start <= len; start++) {
			size_t ov[4] = {0, 0, 0, 0};
			int got = dt__re_match(re, s, len, start, ov, 1);
			int want = pcre2_match(ref, (PCRE2_SPTR)s, len, start, 0,
				md, NULL);

			if (want == PCRE2_ERROR_NOMATCH ||
				want == PCRE2_ERROR_BADUTFOFFSET ||
				want == PCRE2_ERROR_UTF8_ERR20) {
				/* mid-character starts: the JIT is not asked
				 * to check, so only a match is compared */
				cr_assert(got <= 0 || want < 0 ||
						  want != PCRE2_ERROR_NOMATCH,
					"/%s/ on \"%s\" at %zu: %d, want no match",
					pattern, s, start, got);
				continue;
			}
			if (want < 0) {
				cr_assert_lt(got, 0, "/%s/ \"%s\" at %zu",
					pattern, s, start);
				continue;
			}
			cr_assert_gt(got, 0, "/%s/ on \"%s\" at %zu: no match",
				pattern, s, start);
			cr_assert(ov[0] == pcre2_get_ovector_pointer(md)[0] &&
					  ov[1] == pcre2_get_ovector_pointer(md)[1],
				"/%s/ on \"%s\" at %zu: another match", pattern,
				s, start);
		}
	}
	dt__re_free(re);
	pcre2_code_free(ref);
	pcre2_match_data_free(md);
}

Test(regex, shortcuts_agree_with_pcre2_on_every_grammar_row)
{
	size_t i;

	for (i = 0; i < dt__outline_grammar_count; i++) {
		unsigned flags = DT_RE_ANCHORED;

		if (!(dt__outline_grammar[i].flags & G_CASE)) {
			flags |= DT_RE_CASELESS;
		}
		check(dt__outline_grammar[i].pattern, flags);
	}
}

Test(regex, shortcuts_agree_with_pcre2_on_other_patterns)
{
	size_t i;
	unsigned f;

	for (i = 0; i < sizeof(extra) / sizeof(extra[0]); i++) {
		for (f = 0; f < 4; f++) {
			check(extra[i], f);
		}
	}
}
