/*
 * test_prefix.c - the literal-prefix filter (prefix.c) and the citation
 * scan built on it (cite.c): the case fold agrees with PCRE2's caseless
 * matching on every pair of characters it knows, prefixes are read from
 * patterns conservatively, and on varied and random text the filter
 * never refuses a position where the candidate pattern matches, so the
 * filtered scan finds exactly what the plain search pattern finds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "cite.h"
#include "test_util.h"

/* ## The fold */

/* Every character the fold knows (it folds no character above U+2200). */
static size_t known(uint32_t *v)
{
	size_t n = 0;
	uint32_t cp;

	for (cp = 1; cp < 0x2200; cp++) {
		if (dt__prefix_fold(cp) >= 0) {
			v[n++] = cp;
		}
	}
	return n;
}

static int matches(const dt_re *re, uint32_t cp)
{
	char s[4];
	size_t ov[2], n = test_put_utf8(s, cp);
	int rc = dt__re_match(re, s, n, 0, ov, 1);

	cr_assert_geq(rc, 0);
	return rc > 0 && ov[1] == n;
}

Test(prefix, fold_equates_what_pcre2_caseless_equates)
{
	static uint32_t v[0x2200];
	size_t n = known(v), i, k;

	cr_assert_gt(n, 500);
	for (i = 0; i < n; i++) {
		char pat[16];
		dt_re *re;

		if (dt__prefix_fold(v[i]) == ' ') {
			continue; /* blanks: next test */
		}
		snprintf(pat, sizeof(pat), "\\x{%x}", (unsigned)v[i]);
		cr_assert_eq(dt__re_compile(&re, pat, DT_RE_CASELESS |
			DT_RE_ANCHORED, NULL), 0);
		for (k = 0; k < n; k++) {
			int same = dt__prefix_fold(v[k]) ==
				dt__prefix_fold(v[i]);

			cr_assert_eq(matches(re, v[k]), same,
				"U+%04X vs U+%04X: pcre2 %d, fold %d",
				(unsigned)v[i], (unsigned)v[k], !same, same);
		}
		dt__re_free(re);
	}
}

Test(prefix, fold_makes_every_pcre2_blank_a_blank)
{
	static uint32_t v[0x2200];
	size_t n = known(v), k;
	dt_re *re;

	cr_assert_eq(dt__re_compile(&re, "\\s", DT_RE_ANCHORED, NULL), 0);
	for (k = 0; k < n; k++) {
		cr_assert_eq(matches(re, v[k]), dt__prefix_fold(v[k]) == ' ',
			"U+%04X", (unsigned)v[k]);
	}
	dt__re_free(re);
}

Test(prefix, leaves_odd_case_partners_unfolded)
{
	/* the Kelvin sign matches "k", long s "s", "ᲀ" "в": unknown, so
	 * they let a position pass */
	cr_assert_lt(dt__prefix_fold(0x212A), 0);
	cr_assert_lt(dt__prefix_fold(0x17F), 0);
	cr_assert_lt(dt__prefix_fold(0x1C80), 0);
	cr_assert_lt(dt__prefix_fold(0xB5), 0);
	cr_assert_eq(dt__prefix_fold('K'), 'k');
	cr_assert_eq(dt__prefix_fold(0x110), 0x111); /* Đ */
	cr_assert_eq(dt__prefix_fold(0x1EC0), 0x1EC1); /* Ề */
	cr_assert_eq(dt__prefix_fold(0x41F), 0x43F); /* П */
	cr_assert_eq(dt__prefix_fold(0xA0), ' ');
}

/* ## Reading prefixes */

static void expect_prefix(const char *pattern, const char *want)
{
	uint32_t t[DT_PREFIX_TOKENS];
	size_t n = dt__prefix_of(pattern, t), i, len = 0;
	char got[64];

	for (i = 0; i < n; i++) {
		len += test_put_utf8(got + len, t[i]);
	}
	got[len] = '\0';
	cr_expect_str_eq(got, want, "prefix of %s", pattern);
}

Test(prefix, reads_literals_blanks_and_case_sensitive_groups)
{
	expect_prefix("tiểu\\s{1,3}mục(?=\\s)", "tiểu mục");
	expect_prefix("Điều", "điều");
	expect_prefix("п\\.", "п.");
	expect_prefix("ст\\.(?:\\s?ст\\.)?", "ст.");
	expect_prefix("q(?<=Q)(?-i:Đ)\\s\\d{1,5}", "qđ ");
	expect_prefix("№\\s?\\d", "№");
	expect_prefix("\\(\\s{0,3}(?:sau\\s+đây|далее)", "(");
	expect_prefix("this\\s{1,3}(?=\\p{L})", "this ");
	expect_prefix("a\\s+\\s{1,2}b", "a b");
	expect_prefix("^chương\\s+(", "chương ");
	expect_prefix("paragraphs?", "paragrap");
	expect_prefix("points?", "point");
}

Test(prefix, stops_before_anything_optional_or_unread)
{
	expect_prefix("ab?c", "a");
	expect_prefix("ab*", "a");
	expect_prefix("ab{0,2}", "a");
	expect_prefix("a\\s*b", "a");
	expect_prefix("a\\s{0,3}b", "a");
	expect_prefix("(?-i:AB)?c", "");
	expect_prefix("x(?-i:A\\d)", "x");
	expect_prefix("(?:ab|cd)", "");
	expect_prefix("ab|cd", "");
	expect_prefix("[ab]c", "");
	expect_prefix("\\p{L}a", "");
	expect_prefix("a\\x{2013}", "a");
	expect_prefix("a(?![\\p{L}])b", "a");
	expect_prefix("\\x{2116}", "");
	expect_prefix("a\\K(?:b)", "a");
}

Test(prefix, an_empty_prefix_lets_everything_pass)
{
	dt_prefixes *p;
	static const char text[] = "xyz";

	cr_assert_eq(dt__prefixes_new(&p), 0);
	cr_assert_eq(dt__prefixes_add(p, "khoản"), 0);
	cr_assert_eq(dt__prefixes_seal(p), 0);
	cr_assert_not(dt__prefixes_may_start(p, text, 3, 0));
	cr_assert_eq(dt__prefixes_add(p, "(?:a|b)"), 0);
	cr_assert_eq(dt__prefixes_seal(p), 0);
	cr_assert(dt__prefixes_may_start(p, text, 3, 0));
	dt__prefixes_free(p);
}

Test(prefix, tests_blank_runs_and_case)
{
	dt_prefixes *p;
	static const char *const pass[] = { "nghị định", "NGHỊ  ĐỊNH",
		"Nghị\t\xC2\xA0định", "nghị\xE2\x80\xA8\xC4\x91ịnh",
		"\xE1\x82\xA0x" /* unknown first character */ };
	static const char *const fail[] = { "nghĩa", "nghị quyết", "ng",
		"ngx", "a", "nghịđịnh", "Ngh", "nghị đ" };
	size_t i;

	cr_assert_eq(dt__prefixes_new(&p), 0);
	cr_assert_eq(dt__prefixes_add(p, "nghị\\s{1,3}định"), 0);
	cr_assert_eq(dt__prefixes_seal(p), 0);
	for (i = 0; i < sizeof(pass) / sizeof(pass[0]); i++) {
		cr_expect(dt__prefixes_may_start(p, pass[i], strlen(pass[i]),
			0), "%s", pass[i]);
	}
	for (i = 0; i < sizeof(fail) / sizeof(fail[0]); i++) {
		cr_expect_not(dt__prefixes_may_start(p, fail[i],
			strlen(fail[i]), 0), "%s", fail[i]);
	}
	dt__prefixes_free(p);
}

/* ## The filter against the candidate pattern */

/* Fragments random texts are made of: citation words in every case,
 * near misses, blanks PCRE2 counts as \s, characters that fold oddly. */
static const char *const pieces[] = {
	"khoản 2", "KHOẢN 3", "Khoản a", "khoảng", "điều 5", "ĐIỀU 7",
	"Điều\xC2\xA0" "8", "điểm a", "thời điểm", "mục II", "Mục 1.2",
	"tiểu  mục 3", "chương IV", "phần thứ", "Quy định số 31-QĐ/TW",
	"QUYẾT ĐỊNH", "Nghị định", "nghị\tquyết 5", "Thông tư", "thông báo",
	"Luật Đất đai", "BỘ LUẬT", "Hiến pháp", "Kế hoạch số", "kết luận",
	"QĐ 31", "Qđ 31", "NQ 12", "CTr 3", "TTr 2", "ĐA 1", "№ 45",
	"(sau đây gọi là", "( sau đây", "Статья 5", "СТАТЬИ 6", "пункт 3",
	"п. 4", "ст.ст. 5", "ч. 2", "Федеральный закон", "приказом № 3",
	"настоящего Положения", "Article 5", "PARAGRAPH 2", "this Law",
	"\xE2\x84\xAAhoản 2", /* Kelvin sign K */
	"\xC5\xBFố 5", /* long s */
	"\xE1\xB2\x81" "анн" /* Cyrillic small rounded д */,
	"e\xCC\x81", "ó", "ư", "được", "các", "công văn", "Công điện",
	"chương trình", "Chương trình hành động", "phương án", "đề án",
	"tờ trình", "Báo cáo", "hướng dẫn", "cương lĩnh", "Pháp lệnh",
	"Điều lệ", "Chỉ thị", "khoản\xE2\x80\xA8" "2", "Điều\xE2\x80\x83" "9",
	"1.", "a)", "", "x", "KH 5", "HD 7", "kh", "tt 3", "TT 3",
};
static const char *const seps[] = { " ", "  ", "\n", "\t", "(", ", ", ". ",
	"", "\xC2\xA0", " - ", "; " };

static size_t random_text(char *out, size_t cap, unsigned *seed)
{
	size_t n = 0;

	while (n + 64 < cap) {
		const char *a = pieces[rand_r(seed) % (sizeof(pieces) /
			sizeof(pieces[0]))];
		const char *b = seps[rand_r(seed) % (sizeof(seps) /
			sizeof(seps[0]))];

		memcpy(out + n, a, strlen(a));
		n += strlen(a);
		memcpy(out + n, b, strlen(b));
		n += strlen(b);
	}
	out[n] = '\0';
	return n;
}

/* Wherever the anchored candidate pattern matches, the filter passes. */
static void check_positions(dt_cite_lang cl, const char *s, size_t len)
{
	const dt_prefixes *p = dt__cite_starts(cl);
	const dt_re *re = dt__cite_re_start(cl);
	size_t q, ov[2];

	for (q = 0; q < len; q++) {
		if (((unsigned char)s[q] & 0xC0) == 0x80) {
			continue;
		}
		if (dt__re_match(re, s, len, q, ov, 1) > 0) {
			cr_assert(dt__prefixes_may_start(p, s, len, q),
				"grammar %d refused a match at %zu: %.40s",
				(int)cl, q, s + q);
		}
	}
}

/* The candidates the plain search pattern finds, one after another
 * from each end, and those the filtered scan finds: the same list. */
static void check_search(dt_cite_lang cl, const char *s, size_t len)
{
	const dt_prefixes *p = dt__cite_starts(cl);
	const dt_re *re0 = dt__cite_re_start(cl);
	const dt_re *re = dt__cite_re(cl, DT_CRE_CAND);
	size_t pos = 0, q, ov[2], ov0[2];

	while (pos < len && dt__re_match(re, s, len, pos, ov, 1) > 0) {
		/* the filtered scan: the first word start past pos that
		 * passes the filter and the anchored pattern */
		for (q = pos + 1; q < len; q++) {
			if (strchr(" \t\n(", s[q - 1]) != NULL && s[q - 1] &&
				dt__prefixes_may_start(p, s, len, q) &&
				dt__re_match(re0, s, len, q, ov0, 1) > 0) {
				break;
			}
		}
		cr_assert_eq(q, ov[0], "grammar %d at %zu: %.40s", (int)cl,
			ov[0], s + ov[0]);
		cr_assert_eq(ov0[1], ov[1]);
		pos = ov[1];
	}
}

Test(prefix, never_refuses_where_the_candidate_pattern_matches)
{
	static char text[1 << 14];
	unsigned seed = 20261129;
	int round, cl;

	cr_assert_eq(dt__cite_grammar_init(NULL), 0);
	for (round = 0; round < 40; round++) {
		size_t len = random_text(text, sizeof(text), &seed);

		for (cl = 0; cl < DT_CG_COUNT; cl++) {
			check_positions((dt_cite_lang)cl, text, len);
			check_search((dt_cite_lang)cl, text, len);
		}
	}
}

Test(prefix, finds_what_the_search_pattern_finds_in_the_corpus)
{
	static const char *const files[] = { "corpus/vi/31-QD-TW.md",
		"corpus/vi/07-CT-TW.md", "corpus/ru/12-P.md" };
	size_t i;
	int cl;

	cr_assert_eq(dt__cite_grammar_init(NULL), 0);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		size_t len;
		char *s = test_read_file(files[i], &len);

		for (cl = 0; cl < DT_CG_COUNT; cl++) {
			check_positions((dt_cite_lang)cl, s, len);
			check_search((dt_cite_lang)cl, s, len);
		}
		free(s);
	}
}
