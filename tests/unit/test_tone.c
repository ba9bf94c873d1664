/*
 * test_tone.c - tone-mark placement in oa/oe/uy syllables (tone.c).
 */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "internal.h"

static char *apply(const char *s, dt_tone tone)
{
	dt_buf b;

	dt__buf_init(&b, 0);
	cr_assert_eq(dt__tone_apply(&b, s, strlen(s), tone), 0);
	if (b.data == NULL) {
		return dt__strdup("");
	}
	return dt__buf_detach(&b, NULL);
}

static void expect(const char *in, dt_tone tone, const char *want)
{
	char *got = apply(in, tone);

	cr_expect_str_eq(got, want, "%s -> %s, want %s", in, got, want);
	dt__free(got);
}

/* Both styles of every oa/oe/uy syllable, every tone, both cases. */
typedef struct {
	const char *old_style;
	const char *new_style;
} pair;

static const pair clusters[] = {
	/* oa: grave, acute, hook, tilde, dot */
	{ "hoà", "hòa" }, { "khoá", "khóa" }, { "hoả", "hỏa" },
	{ "xoã", "xõa" }, { "hoạ", "họa" },
	/* oe */
	{ "xoè", "xòe" }, { "khoé", "khóe" }, { "khoẻ", "khỏe" },
	{ "loẽ", "lõe" }, { "xoẹ", "xọe" },
	/* uy */
	{ "tuỳ", "tùy" }, { "tuý", "túy" }, { "thuỷ", "thủy" },
	{ "huỹ", "hũy" }, { "luỵ", "lụy" },
	/* no onset */
	{ "uỷ", "ủy" }, { "oà", "òa" }, { "oẻ", "ỏe" },
	/* đ onset and capitals */
	{ "đoạ", "đọa" }, { "HOÀ", "HÒA" }, { "Uỷ", "Ủy" },
	{ "THUỶ", "THỦY" }, { "KHOẺ", "KHỎE" }, { "Hoà", "Hòa" },
	{ "ĐOẠ", "ĐỌA" },
};

Test(tone, moves_every_cluster_and_tone_to_the_new_style)
{
	size_t i;

	for (i = 0; i < sizeof(clusters) / sizeof(clusters[0]); i++) {
		expect(clusters[i].old_style, DT_TONE_NEW,
			clusters[i].new_style);
		expect(clusters[i].new_style, DT_TONE_NEW,
			clusters[i].new_style);
	}
}

Test(tone, moves_every_cluster_and_tone_to_the_old_style)
{
	size_t i;

	for (i = 0; i < sizeof(clusters) / sizeof(clusters[0]); i++) {
		expect(clusters[i].new_style, DT_TONE_OLD,
			clusters[i].old_style);
		expect(clusters[i].old_style, DT_TONE_OLD,
			clusters[i].old_style);
	}
}

Test(tone, leaves_syllables_with_a_final_consonant_alone)
{
	static const char *const same[] = { "hoàng", "toán", "thuyết",
		"khoảng", "hoạch", "quyền", "khuyến", "Hoàn" };
	size_t i;

	for (i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		expect(same[i], DT_TONE_NEW, same[i]);
		expect(same[i], DT_TONE_OLD, same[i]);
	}
}

Test(tone, leaves_qu_and_gi_words_alone)
{
	static const char *const same[] = { "quý", "quỳ", "quỷ", "Quý",
		"giá", "giữ", "quốc", "quả", "già", "QUÝ" };
	size_t i;

	for (i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		expect(same[i], DT_TONE_NEW, same[i]);
		expect(same[i], DT_TONE_OLD, same[i]);
	}
}

Test(tone, leaves_triphthongs_and_other_vowels_alone)
{
	static const char *const same[] = { "khuya", "khoái", "ngoáy",
		"thuở", "hoặc", "xuân", "khuỷu" };
	size_t i;

	for (i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		expect(same[i], DT_TONE_NEW, same[i]);
		expect(same[i], DT_TONE_OLD, same[i]);
	}
}

Test(tone, rewrites_words_inside_running_text)
{
	expect("Cấp uỷ, ban thường vụ khoá XIII (hoà giải).\nThuỷ lợi",
		DT_TONE_NEW,
		"Cấp ủy, ban thường vụ khóa XIII (hòa giải).\nThủy lợi");
	expect("Ủy ban nhân dân tỉnh Khánh Hòa", DT_TONE_OLD,
		"Uỷ ban nhân dân tỉnh Khánh Hoà");
}

Test(tone, keep_copies_the_text_unchanged)
{
	expect("hoà hòa uỷ ủy", DT_TONE_KEEP, "hoà hòa uỷ ủy");
}

Test(tone, ignores_non_vietnamese_text)
{
	expect("Статья 5 coá ABC 12345 -- ??", DT_TONE_NEW,
		"Статья 5 cóa ABC 12345 -- ??");
	expect("", DT_TONE_NEW, "");
}

/* The code point table must agree with Unicode composition. */
Test(tone, vowel_table_agrees_with_icu_composition)
{
	static const UChar marks[] = { 0, 0x300, 0x301, 0x309, 0x303, 0x323 };
	static const UChar bases[] = { 'a', 'e', 'o', 'u', 'y', 'A', 'E',
		'O', 'U', 'Y' };
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
	size_t b, m;

	cr_assert(U_SUCCESS(st));
	for (b = 0; b < sizeof(bases) / sizeof(bases[0]); b++) {
		for (m = 1; m < 6; m++) {
			UChar32 c = unorm2_composePair(nfc, bases[b], marks[m]);
			char old_s[16], new_s[16], out_old[16];
			char enc[4];
			size_t n = dt__utf8_encode((uint32_t)c, enc);

			cr_assert(c > 0);
			/* "t" + base + "a"/"y": tone on the first vowel is only
			 * meaningful for o/u; check round trip via retone. */
			if (bases[b] != 'o' && bases[b] != 'O') {
				continue;
			}
			snprintf(new_s, sizeof(new_s), "t%.*sa", (int)n, enc);
			{
				UChar32 a = unorm2_composePair(nfc, 'a',
					marks[m]);
				char ea[4];
				size_t na = dt__utf8_encode((uint32_t)a, ea);

				snprintf(old_s, sizeof(old_s), "t%c%.*s",
					bases[b] == 'o' ? 'o' : 'O', (int)na,
					ea);
			}
			snprintf(out_old, sizeof(out_old), "%s", old_s);
			expect(new_s, DT_TONE_OLD, out_old);
		}
	}
}
