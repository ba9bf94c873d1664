/*
 * test_text.c - the decode/normalize pipeline, the line map and folding
 * (text.c).
 */
#include <string.h>

#include <criterion/criterion.h>

#include "internal.h"

static dt_text *text;

static void teardown(void)
{
	dt_text_free(text);
	text = NULL;
}

static void decode(const char *s, size_t len, dt_tone tone)
{
	dt_text_opts o = DT_TEXT_OPTS_INIT;
	dt_error err = { 0 };

	o.tone = tone;
	cr_assert_eq(dt_text_decode(&text, s, len, &o, &err), 0, "%s",
		err.message);
}

Test(text, turns_crlf_and_lone_cr_into_lf, .fini = teardown)
{
	static const char src[] = "một\r\nhai\rba\nbốn";

	decode(src, sizeof(src) - 1, DT_TONE_NEW);
	cr_assert_str_eq(dt_text_data(text), "một\nhai\nba\nbốn");
	cr_assert_eq(dt_text_line_count(text), 4);
}

Test(text, maps_every_offset_back_to_its_original_line, .fini = teardown)
{
	static const char src[] = "Điều 1.\r\n\r\nkhoản 2\rđiểm a\n";
	const char *d;

	decode(src, sizeof(src) - 1, DT_TONE_NEW);
	d = dt_text_data(text);
	cr_assert_eq(dt_text_line(text, 0), 1);
	cr_assert_eq(dt_text_line(text, (size_t)(strstr(d, "khoản") - d)), 3);
	cr_assert_eq(dt_text_line(text, (size_t)(strstr(d, "điểm") - d)), 4);
	cr_assert_eq(dt_text_line(text, dt_text_len(text) + 10), 4);
}

Test(text, drops_a_leading_bom, .fini = teardown)
{
	static const char src[] = "\xEF\xBB\xBFQuy định";

	decode(src, sizeof(src) - 1, DT_TONE_NEW);
	cr_assert_str_eq(dt_text_data(text), "Quy định");
}

Test(text, composes_decomposed_vietnamese_to_nfc, .fini = teardown)
{
	/* "Quyết định" in NFD, marks in non-canonical order for ệ. */
	static const char src[] = "Quye\xCC\x82\xCC\x81t \xC4\x91i\xCC\xA3nh "
		"Vie\xCC\xA3\xCC\x82t";

	decode(src, sizeof(src) - 1, DT_TONE_NEW);
	cr_assert_str_eq(dt_text_data(text), "Quyết định Việt");
}

Test(text, applies_the_chosen_tone_style_after_nfc, .fini = teardown)
{
	/* "hoà" decomposed: o, a, combining grave. */
	static const char src[] = "ho\x61\xCC\x80 u\xCC\x89y";

	decode(src, sizeof(src) - 1, DT_TONE_NEW);
	cr_assert_str_eq(dt_text_data(text), "hòa ủy");
	teardown();
	decode(src, sizeof(src) - 1, DT_TONE_OLD);
	cr_assert_str_eq(dt_text_data(text), "hoà uỷ");
}

Test(text, refuses_nul_bytes_with_their_line, .fini = teardown)
{
	static const char src[] = "a\nb\nc\0d";
	dt_error err = { 0 };

	cr_assert_eq(dt_text_decode(&text, src, sizeof(src) - 1, NULL, &err),
		DT_EPARSE);
	cr_assert_null(text);
	cr_assert_eq(err.line, 3);
	cr_assert_eq(err.column, 2);
}

Test(text, refuses_input_over_the_size_limit, .fini = teardown)
{
	dt_text_opts o = DT_TEXT_OPTS_INIT;
	dt_error err = { 0 };

	o.max_bytes = 4;
	cr_assert_eq(dt_text_decode(&text, "12345", 5, &o, &err), DT_ELIMIT);
	cr_assert_null(text);
}

Test(text, keeps_empty_input_empty, .fini = teardown)
{
	decode("", 0, DT_TONE_NEW);
	cr_assert_eq(dt_text_len(text), 0);
	cr_assert_str_eq(dt_text_data(text), "");
}

Test(text, quick_check_accepts_nfc_and_rejects_nfd)
{
	cr_assert(dt__nfc_quick("Nghị quyết Статья", strlen("Nghị quyết "
		"Статья")));
	cr_assert_not(dt__nfc_quick("e\xCC\x82", 3));
	/* Hebrew points U+05B0 (ccc 10), U+05B1 (ccc 11) are QC=Yes: only
	 * their order decides. */
	cr_assert(dt__nfc_quick("\xD7\x90\xD6\xB0\xD6\xB1", 6));
	cr_assert_not(dt__nfc_quick("\xD7\x90\xD6\xB1\xD6\xB0", 6));
}

Test(text, fails_every_allocation_cleanly)
{
	static const char src[] = "Cấp uỷ\r\nhoa\xCC\x80 binh";
	size_t n;

	for (n = 1; n < 40; n++) {
		dt_text *t = NULL;
		dt_error err = { 0 };
		int rc;

		dt__alloc_fail_after(n);
		rc = dt_text_decode(&t, src, sizeof(src) - 1, NULL, &err);
		dt__alloc_fail_after(0);
		if (rc == 0) {
			cr_assert_str_eq(dt_text_data(t), "Cấp ủy\nhòa binh");
			dt_text_free(t);
			break;
		}
		cr_assert_null(t);
		cr_assert(rc == DT_ENOMEM, "rc %d at allocation %zu", rc, n);
	}
	cr_assert_lt(n, 40);
}

/* ## folding */

static void expect_fold(const char *in, unsigned flags, const char *want)
{
	char *out = NULL;
	size_t len = 0;
	dt_error err = { 0 };

	cr_assert_eq(dt_fold(&out, &len, in, strlen(in), flags, &err), 0,
		"%s", err.message);
	cr_expect_str_eq(out, want);
	cr_expect_eq(len, strlen(want));
	dt_free(out);
}

Test(fold, folds_case_with_icu)
{
	expect_fold("ĐẢNG Cộng Sản СТАТЬЯ", DT_FOLD_CASE,
		"đảng cộng sản статья");
}

Test(fold, strips_diacritics_and_maps_d_stroke_explicitly)
{
	expect_fold("Quy định số 24-QĐ/TW Đảng", DT_FOLD_DIACRITICS,
		"Quy dinh so 24-QD/TW Dang");
	expect_fold("Ưu tiên", DT_FOLD_CASE | DT_FOLD_DIACRITICS, "uu tien");
}

Test(fold, always_maps_yo_to_ye)
{
	expect_fold("Её ещё", 0, "Ее еще");
	expect_fold("ЁЛКА", DT_FOLD_CASE, "елка");
	/* decomposed ё */
	expect_fold("е\xCC\x88", 0, "е");
}

Test(fold, keeps_russian_short_i_without_diacritic_folding)
{
	expect_fold("статьёй", DT_FOLD_CASE, "статьей");
}

Test(fold, rejects_invalid_utf8)
{
	char *out = NULL;

	cr_assert_eq(dt_fold(&out, NULL, "\xC3\x28", 2, 0, NULL), DT_EUTF8);
	cr_assert_null(out);
}
