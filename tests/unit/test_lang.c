/*
 * test_lang.c - language codes and detection (lang.c).
 *
 * The sample sentences are written for these tests.
 */
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "internal.h"

static dt_lang detect(const char *s)
{
	return dt_lang_detect(s, strlen(s));
}

Test(lang, codes_round_trip)
{
	dt_lang l, back;

	for (l = DT_LANG_UNKNOWN; l <= DT_LANG_OTHER; l++) {
		cr_assert_eq(dt_lang_from_code(&back, dt_lang_code(l)), 0);
		cr_assert_eq(back, l);
	}
	cr_assert_str_eq(dt_lang_code(DT_LANG_VI), "vi");
	cr_assert_str_eq(dt_lang_code(DT_LANG_RU), "ru");
	cr_assert_str_eq(dt_lang_code(DT_LANG_EN), "en");
	cr_assert_str_eq(dt_lang_code((dt_lang)42), "unknown");
}

Test(lang, codes_ignore_case_and_a_region)
{
	dt_lang l = DT_LANG_UNKNOWN;

	cr_assert_eq(dt_lang_from_code(&l, "VI"), 0);
	cr_assert_eq(l, DT_LANG_VI);
	cr_assert_eq(dt_lang_from_code(&l, "ru-RU"), 0);
	cr_assert_eq(l, DT_LANG_RU);
	cr_assert_eq(dt_lang_from_code(&l, "en_GB"), 0);
	cr_assert_eq(l, DT_LANG_EN);
}

Test(lang, unknown_codes_are_not_found)
{
	dt_lang l = DT_LANG_VI;

	cr_assert_eq(dt_lang_from_code(&l, "de"), DT_ENOTFOUND);
	cr_assert_eq(dt_lang_from_code(&l, ""), DT_ENOTFOUND);
	cr_assert_eq(dt_lang_from_code(&l, "v"), DT_ENOTFOUND);
	cr_assert_eq(dt_lang_from_code(&l, "vie"), DT_ENOTFOUND);
	cr_assert_eq(l, DT_LANG_VI);
}

Test(lang, detects_vietnamese)
{
	cr_assert_eq(detect("Các cấp ủy, tổ chức đảng có trách nhiệm quán "
			    "triệt và triển khai nghiêm túc quy định này. Ban "
			    "Thường vụ "
			    "giao Ban Tổ chức chủ trì, phối hợp hướng dẫn, "
			    "theo dõi, "
			    "kiểm tra; định kỳ hằng năm báo cáo kết quả."),
		DT_LANG_VI);
}

Test(lang, vietnamese_with_some_english_words_stays_vietnamese)
{
	cr_assert_eq(
		detect("Sở triển khai phần mềm Microsoft Office, hệ "
		       "thống email và nền tảng cloud computing cho các đơn vị "
		       "trực "
		       "thuộc trong năm 2025 theo kế hoạch chuyển đổi số."),
		DT_LANG_VI);
}

Test(lang, vietnamese_in_capitals_is_vietnamese)
{
	cr_assert_eq(detect("KẾ HOẠCH TRIỂN KHAI THỰC HIỆN QUY ĐỊNH VỀ CÔNG "
			    "TÁC KIỂM TRA, GIÁM SÁT CỦA ĐẢNG"),
		DT_LANG_VI);
}

Test(lang, decomposed_vietnamese_is_vietnamese)
{
	/* "Kế hoạch triển khai thực hiện quy định các đơn vị", NFD */
	cr_assert_eq(detect("Ke\xCC\x82\xCC\x81 hoa\xCC\xA3"
			    "ch "
			    "trie\xCC\x82\xCC\x89n khai "
			    "thu\xCC\x9B\xCC\xA3"
			    "c hie\xCC\x82\xCC\xA3n quy "
			    "\xC4\x91i\xCC\xA3nh ca\xCC\x81"
			    "c "
			    "\xC4\x91o\xCC\x9Bn vi\xCC\xA3"),
		DT_LANG_VI);
}

Test(lang, detects_russian)
{
	cr_assert_eq(detect("Партийные комитеты всех уровней обязаны "
			    "организовать изучение документа и представить "
			    "отчёт до 15 "
			    "ноября."),
		DT_LANG_RU);
}

Test(lang, russian_quoting_a_vietnamese_symbol_stays_russian)
{
	cr_assert_eq(detect("В соответствии с Положением № 24-QĐ/TW (Quy "
			    "định 24-QĐ/TW) партийные комитеты обязаны "
			    "представить отчёт "
			    "о выполнении."),
		DT_LANG_RU);
}

Test(lang, detects_english)
{
	cr_assert_eq(detect("The provincial committee shall review the plan "
			    "every year and report the results to the central "
			    "office."),
		DT_LANG_EN);
}

Test(lang, english_naming_vietnamese_places_stays_english)
{
	cr_assert_eq(detect("The Standing Committee of the Bắc Ninh "
			    "provincial party committee met in Hà Nội to "
			    "review how the "
			    "districts had carried out the plan on digital "
			    "transformation, "
			    "and asked every department to send a short report "
			    "by the end "
			    "of the quarter."),
		DT_LANG_EN);
}

Test(lang, other_scripts_and_alphabets_are_other)
{
	/* Greek, Chinese, Ukrainian (Cyrillic, not Russian), French */
	cr_assert_eq(detect("Η επιτροπή ενέκρινε το σχέδιο δράσης για την "
			    "ψηφιακή μετάβαση της περιφέρειας."),
		DT_LANG_OTHER);
	cr_assert_eq(
		detect("省委常委会审议并通过了数字化转型行动计划的实施方案和"
		       "工作安排。"),
		DT_LANG_OTHER);
	cr_assert_eq(detect("Київська міська рада ухвалила рішення про "
			    "підтримку місцевих ініціатив і доручила органам "
			    "підготувати "
			    "звіт."),
		DT_LANG_OTHER);
	cr_assert_eq(detect("Le comité régional a approuvé le plan et a "
			    "demandé à chaque département de préparer un "
			    "rapport détaillé "
			    "avant la fin de l'année."),
		DT_LANG_OTHER);
}

Test(lang, too_few_letters_are_unknown)
{
	cr_assert_eq(dt_lang_detect(NULL, 0), DT_LANG_UNKNOWN);
	cr_assert_eq(detect(""), DT_LANG_UNKNOWN);
	cr_assert_eq(detect("24-QĐ/TW, 01-HD/TW"), DT_LANG_UNKNOWN);
	cr_assert_eq(detect("1. 2. 3. 2025 - 2030 | Điều 5"), DT_LANG_UNKNOWN);
}

Test(lang, invalid_bytes_do_not_stop_detection)
{
	cr_assert_eq(detect("Партийные \xFF комитеты \xC3 всех уровней обязаны "
			    "организовать работу"),
		DT_LANG_RU);
}

Test(lang, only_the_first_256_kib_are_read)
{
	static const char en[] = "the plan is reviewed every year ";
	static const char ru[] = "план рассматривается ежегодно ";
	size_t n = 0, len = 600 * 1024;
	char *s = malloc(len);

	cr_assert_not_null(s);
	while (n + sizeof(en) < 300 * 1024) {
		memcpy(s + n, en, sizeof(en) - 1);
		n += sizeof(en) - 1;
	}
	while (n + sizeof(ru) < len) {
		memcpy(s + n, ru, sizeof(ru) - 1);
		n += sizeof(ru) - 1;
	}
	cr_expect_eq(dt_lang_detect(s, n), DT_LANG_EN);
	free(s);
}
