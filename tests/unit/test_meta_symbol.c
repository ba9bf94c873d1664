/*
 * test_meta_symbol.c - document symbols and dates (symbol.c, date.c):
 * the parts and matching key of a symbol, symbols, type words and
 * mentions in running text, dates in Vietnamese and Russian; and the
 * same searches from several threads at once and on pathological input.
 * Every text here is made up (the corpus files only feed the type-word
 * search).  The metadata built from them is in test_meta.c.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "internal.h"
#include "symbol.h"
#include "test_util.h"

/* ## Symbols */

/* Parse `s` as one symbol; its parts as strings. */
static struct parts {
	dt_symbol_shape shape;
	char all[64], number[16], year[8], type[16], issuer[32];
	char key[DT_SYMBOL_KEY_MAX];
} parse(const char *s)
{
	struct parts p;
	dt_symbol sym;

	memset(&p, 0, sizeof(p));
	cr_assert_eq(dt__symbol_parse(&sym, s, strlen(s)), 1, "%s", s);
	p.shape = sym.shape;
#define PART(f) memcpy(p.f, s + sym.f.start, sym.f.end - sym.f.start)
	PART(all);
	PART(number);
	PART(year);
	PART(type);
	PART(issuer);
#undef PART
	cr_assert_gt(dt__symbol_key(p.key, sizeof(p.key), s, &sym), 0);
	return p;
}

Test(meta, splits_party_symbols_into_number_type_and_issuer)
{
	struct parts p = parse("31-QĐ/TW");

	cr_assert_eq(p.shape, DT_SYM_PARTY);
	cr_assert_str_eq(p.number, "31");
	cr_assert_str_eq(p.type, "QĐ");
	cr_assert_str_eq(p.issuer, "TW");
	cr_assert_str_eq(p.year, "");
	p = parse("06-HD/BTCTW-BTGTW");
	cr_assert_str_eq(p.type, "HD");
	cr_assert_str_eq(p.issuer, "BTCTW-BTGTW");
	p = parse("19-QĐi/TU");
	cr_assert_str_eq(p.type, "QĐi");
	p = parse("10-CTr/TU");
	cr_assert_str_eq(p.type, "CTr");
	cr_assert_str_eq(p.key, "10-CTR/TU");
}

Test(meta, splits_normative_state_symbols_with_their_year)
{
	struct parts p = parse("30/2020/NĐ-CP");

	cr_assert_eq(p.shape, DT_SYM_NORMATIVE);
	cr_assert_str_eq(p.number, "30");
	cr_assert_str_eq(p.year, "2020");
	cr_assert_str_eq(p.type, "NĐ");
	cr_assert_str_eq(p.issuer, "CP");
	cr_assert_str_eq(p.key, "30/2020/ND-CP");
	p = parse("197/2025/QH15");
	cr_assert_str_eq(p.type, "");
	cr_assert_str_eq(p.issuer, "QH15");
	cr_assert_str_eq(p.key, "197/2025/QH15");
}

Test(meta, tells_administrative_symbols_from_letters)
{
	struct parts p = parse("594/KH-UBND");

	cr_assert_eq(p.shape, DT_SYM_ADMIN);
	cr_assert_str_eq(p.type, "KH");
	cr_assert_str_eq(p.issuer, "UBND");
	p = parse("32/CT-TTg");
	cr_assert_str_eq(p.type, "CT");
	cr_assert_str_eq(p.issuer, "TTg");
	p = parse("123/UBND-NC");
	cr_assert_eq(p.shape, DT_SYM_LETTER);
	cr_assert_str_eq(p.type, "");
	cr_assert_str_eq(p.issuer, "UBND-NC");
	cr_assert_str_eq(p.key, "123/UBND-NC");
}

Test(meta, tolerates_the_noise_of_real_copies)
{
	struct parts p = parse("927/QĐ TTg");

	cr_assert_str_eq(p.type, "QĐ");
	cr_assert_str_eq(p.issuer, "TTg");
	cr_assert_str_eq(p.key, "927/QD-TTG");
	/* a Party resolution written in State style keys as a Party one */
	cr_assert_str_eq(parse("27/NQ- TW").key, "27-NQ/TW");
	cr_assert_str_eq(parse("0219/KH-UBND").number, "0219");
	cr_assert_str_eq(parse("0219/KH-UBND").key, "219/KH-UBND");
	cr_assert_str_eq(parse("32/CT-TTG").key, "32/CT-TTG");
	cr_assert_str_eq(parse("10 - KH / TU").key, "10-KH/TU");
	cr_assert_str_eq(parse("Số: 12-KH/TU").all, "12-KH/TU");
}

Test(meta, gives_one_matching_key_for_every_spelling)
{
	static const char *const spellings[] = {
		"31-QĐ/TW", "31-QD/TW", "031-qđ/tw", " Số 31-QĐ/TW ",
	};
	char key[DT_SYMBOL_KEY_MAX];
	size_t i;

	for (i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++) {
		const char *s = spellings[i];

		cr_assert_eq(dt__symbol_key_str(key, sizeof(key), s,
			strlen(s)), 8, "%s", s);
		cr_assert_str_eq(key, "31-QD/TW", "%s", s);
	}
	cr_assert_eq(dt__symbol_key_str(key, sizeof(key), "Quy định",
		strlen("Quy định")), 0);
	cr_assert_str_eq(key, "");
	cr_assert_eq(dt__symbol_key_str(key, 4, "31-QĐ/TW",
		strlen("31-QĐ/TW")), DT_ELIMIT);
}

Test(meta, finds_the_first_symbol_in_running_text_with_its_span)
{
	static const char s[] = "theo Hướng dẫn sổ 05-HD/HU, ngày 8/5/2026 và "
		"Công văn số 77/SNV-TCBC";
	const char *p;
	dt_symbol sym;

	cr_assert_eq(dt__symbol_find(&sym, s, sizeof(s) - 1, 0), 1);
	p = strstr(s, "05-HD/HU");
	cr_assert_eq(sym.all.start, (size_t)(p - s));
	cr_assert_eq(sym.all.end, (size_t)(p - s) + 8);
	cr_assert_eq(dt__symbol_find(&sym, s, sizeof(s) - 1, sym.all.end), 1);
	cr_assert_eq(sym.shape, DT_SYM_LETTER);
	cr_assert_eq(sym.all.end, sizeof(s) - 1);
}

Test(meta, does_not_take_dates_or_prose_for_symbols)
{
	static const char *const prose[] = {
		"ngày 15/3/2026", "giai đoạn 2026 - 2030", "12/KH Ban Tổ chức",
		"tháng 12/2025", "trong 2-х дней", "Quy định 31",
	};
	dt_symbol sym;
	size_t i;

	for (i = 0; i < sizeof(prose) / sizeof(prose[0]); i++) {
		cr_assert_eq(dt__symbol_find(&sym, prose[i], strlen(prose[i]),
			0), 0, "%s", prose[i]);
	}
	cr_assert_eq(dt__symbol_parse(&sym, "31-QĐ/TW ngày",
		strlen("31-QĐ/TW ngày")), 0);
}

Test(meta, reads_russian_numbers_only_after_the_number_sign)
{
	static const char s[] = "приказ от 5 мая 2026 г. № 12-П и № 345";
	struct parts p = parse("№ 12-П");
	dt_symbol sym;

	cr_assert_eq(p.shape, DT_SYM_RU);
	cr_assert_str_eq(p.number, "12");
	cr_assert_str_eq(p.type, "П");
	cr_assert_str_eq(p.key, "12-П");
	cr_assert_str_eq(parse("№ 57-NQ/TW").key, "57-NQ/TW");
	cr_assert_eq(dt__symbol_find(&sym, s, sizeof(s) - 1, 0), 1);
	cr_assert_eq(sym.all.start, (size_t)(strstr(s, "12-П") - s));
	cr_assert_eq(dt__symbol_find(&sym, s, sizeof(s) - 1, sym.all.end), 1);
	cr_assert_eq(sym.all.start, (size_t)(strstr(s, "345") - s));
}

Test(meta, maps_type_words_to_their_canonical_name_and_codes)
{
	static const char s[] = "căn cứ quy định và постановлением";
	dt_span sp;
	size_t idx;

	cr_assert_eq(dt__symbol_doctype_find(&idx, &sp, s, sizeof(s) - 1, 0),
		1);
	cr_assert_str_eq(dt__symbol_doctype_name(idx), "QUY ĐỊNH");
	cr_assert_not_null(strstr(dt__symbol_doctype_codes(idx), "QĐi"));
	cr_assert_eq(dt__symbol_doctype_find(&idx, &sp, s, sizeof(s) - 1,
		sp.end), 1);
	cr_assert_str_eq(dt__symbol_doctype_name(idx), "ПОСТАНОВЛЕНИЕ");
	cr_assert_eq(sp.end, sizeof(s) - 1);
	cr_assert_eq(dt__symbol_doctype_at(&idx, &sp, "CHƯƠNG TRÌNH HÀNH ĐỘNG",
		strlen("CHƯƠNG TRÌNH HÀNH ĐỘNG"), 0), 1);
	cr_assert_str_eq(dt__symbol_doctype_name(idx),
		"CHƯƠNG TRÌNH HÀNH ĐỘNG");
	cr_assert_null(dt__symbol_doctype_name(100000));
}

/* dt__symbol_doctype_find() runs the anchored pattern only where a row's
 * first characters are: it must find what the unanchored pattern finds,
 * from every offset, in every case and case form. */
static const char *const type_pieces[] = {
	"Quy định", "QUY ĐỊNH", "quy  định", "Quy\xC2\xA0định", "quyết định",
	"Quyết Định", "NGHỊ QUYẾT", "nghị\tđịnh", "Chỉ thị", "chỉ", "thị",
	"KẾ HOẠCH", "kế hoạch", "Kết luận", "KẾT LUẬN", "Hướng dẫn", "BÁO CÁO", "thông báo",
	"Thông tư liên tịch", "THÔNG TƯ", "thông tri", "Chương trình hành động",
	"chương trình", "quy chế", "Tờ trình", "đề án", "PHƯƠNG ÁN", "Công văn",
	"công điện", "Bộ luật", "LUẬT", "luật", "pháp lệnh", "Hiến pháp",
	"Điều lệ", "cương lĩnh", "Положение", "ПОЛОЖЕНИЯ", "положениями",
	"постановлением", "Решение", "решения", "распоряжению", "приказом",
	"ПРИКАЗ", "план", "планы", "плановый", "Программа", "резолюцией",
	"директивы", "инструкцию", "регламентом", "заключение", "Указом",
	"указание", "федеральным  законом", "Федерального закона", "закон",
	"законодательство", "Устав", "уставом", "Article", "Law", "x", "5",
	"a)", "", "Luật1", "_Luật", "QUY ĐỊNHx", "\xE2\x84\xAA", "ư", "Ơ",
	"\xE1\xBA\xA0", "щ", "Ё",
};
static const char *const type_seps[] = { " ", "\n", "(", ", ", "«", "\"",
	"", "-", "_", "1", "\xC2\xA0" };

static void check_doctype_search(const char *s, size_t len)
{
	size_t from, i1, i2;
	dt_span a, b;
	int r1, r2;

	for (from = 0; from <= len; from++) {
		r1 = dt__symbol_doctype_find(&i1, &a, s, len, from);
		r2 = dt__symbol_doctype_find_plain(&i2, &b, s, len, from);
		cr_assert_eq(r1, r2, "from %zu in \"%s\"", from, s);
		if (r1 > 0) {
			cr_assert_eq(i1, i2, "from %zu in \"%s\"", from, s);
			cr_assert_eq(a.start, b.start);
			cr_assert_eq(a.end, b.end);
		}
	}
}

Test(meta, doctype_search_finds_what_the_plain_search_finds)
{
	unsigned seed = 11;
	int round;

	for (round = 0; round < 400; round++) {
		char text[512];
		size_t n = 0;

		while (n + 64 < sizeof(text) && rand_r(&seed) % 12 != 0) {
			const char *a = type_pieces[rand_r(&seed) %
				(sizeof(type_pieces) / sizeof(type_pieces[0]))];
			const char *b = type_seps[rand_r(&seed) %
				(sizeof(type_seps) / sizeof(type_seps[0]))];

			memcpy(text + n, a, strlen(a));
			n += strlen(a);
			memcpy(text + n, b, strlen(b));
			n += strlen(b);
		}
		text[n] = '\0';
		check_doctype_search(text, n);
	}
}

Test(meta, doctype_search_finds_what_the_plain_search_finds_in_the_corpus)
{
	static const char *const files[] = { "corpus/vi/31-QD-TW.md",
		"corpus/vi/dev/12-KH-TU.md", "corpus/ru/12-P.md",
		"corpus/ru/dev/reglament-mintrud.md" };
	size_t i, from, i1, i2;
	dt_span a, b;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		size_t len;
		char *s = test_read_file(files[i], &len);
		int r1, r2;

		/* match after match, as the callers walk a text */
		for (from = 0;; from = a.end) {
			r1 = dt__symbol_doctype_find(&i1, &a, s, len, from);
			r2 = dt__symbol_doctype_find_plain(&i2, &b, s, len,
				from);
			cr_assert_eq(r1, r2, "%s from %zu", files[i], from);
			if (r1 <= 0) {
				break;
			}
			cr_assert_eq(i1, i2);
			cr_assert_eq(a.start, b.start);
			cr_assert_eq(a.end, b.end);
		}
		free(s);
	}
}

Test(meta, ties_a_mention_to_its_symbol_and_date)
{
	static const char s[] = "Căn cứ Luật Mẫu số 12/2030/QH16, ngày 5 "
		"tháng 6 năm 2030 và Quyết định này; Chỉ thị số 3-CT/TU";
	dt_mention m, prev;
	char iso[DT_DATE_ISO_SIZE];

	cr_assert_eq(dt__symbol_mention_find(&m, s, sizeof(s) - 1, 0,
		sizeof(s) - 1, NULL), 1);
	cr_assert_eq(m.all.start, (size_t)(strstr(s, "Luật") - s));
	cr_assert_eq(m.has_date, 1);
	dt__date_iso(iso, &m.date);
	cr_assert_str_eq(iso, "2030-06-05");
	cr_assert_eq(m.all.end, (size_t)(strstr(s, " và") - s));
	prev = m;
	cr_assert_eq(dt__symbol_mention_find(&m, s, sizeof(s) - 1, m.all.end,
		sizeof(s) - 1, &prev), 1);
	cr_assert_str_eq(dt__symbol_doctype_name(m.doctype), "CHỈ THỊ");
	cr_assert_eq(m.has_date, 0);
}

/* ## Dates */

static const char *iso_of(const char *s)
{
	static char iso[DT_DATE_ISO_SIZE];
	dt_date d;

	if (dt__date_find(&d, s, strlen(s), 0) != 1) {
		return "none";
	}
	dt__date_iso(iso, &d);
	return iso;
}

Test(meta, reads_vietnamese_dates_long_and_numeric)
{
	cr_assert_str_eq(iso_of("ngày 15 tháng 3 năm 2026"), "2026-03-15");
	cr_assert_str_eq(iso_of("ngày 05 tháng 01 năm 2026"), "2026-01-05");
	cr_assert_str_eq(iso_of("NGÀY 9 THÁNG 12 NĂM 2025"), "2025-12-09");
	cr_assert_str_eq(iso_of("Hà\nNội, ngày 25 tháng 07\nnăm 2016"),
		"2016-07-25");
	cr_assert_str_eq(iso_of("ngày 15/3/2026"), "2026-03-15");
	cr_assert_str_eq(iso_of("15/03/2026"), "2026-03-15");
	cr_assert_str_eq(iso_of("15-3-2026"), "2026-03-15");
	cr_assert_str_eq(iso_of("vào 30.07.2021."), "2021-07-30");
	cr_assert_str_eq(iso_of("2026-03-15"), "2026-03-15");
}

Test(meta, reads_months_written_as_words)
{
	cr_assert_str_eq(iso_of("ngày 30 tháng bốn năm 2025"), "2025-04-30");
	cr_assert_str_eq(iso_of("ngày 2 tháng Giêng năm 2026"), "2026-01-02");
	cr_assert_str_eq(iso_of("ngày 20 tháng chạp năm 2025"), "2025-12-20");
	cr_assert_str_eq(iso_of("ngày 1 tháng mười một năm 2025"),
		"2025-11-01");
	cr_assert_str_eq(iso_of("ngày 3 tháng mười năm 2025"), "2025-10-03");
	cr_assert_str_eq(iso_of("ngày 7 tháng năm năm 2025"), "2025-05-07");
	cr_assert_str_eq(iso_of("ngày 8 tháng tư năm 2025"), "2025-04-08");
}

Test(meta, reads_russian_dates_with_their_whole_phrase)
{
	static const char s[] = "приказом от 17 марта 2011 г. № 4";
	dt_date d;

	cr_assert_eq(dt__date_find(&d, s, sizeof(s) - 1, 0), 1);
	cr_assert_eq(d.all.start, (size_t)(strstr(s, "от") - s));
	cr_assert_eq(d.all.end, (size_t)(strstr(s, " №") - s));
	cr_assert_eq(d.month, 3);
	cr_assert_str_eq(iso_of("30 мая 2019 года"), "2019-05-30");
	cr_assert_str_eq(iso_of("от «1» СЕНТЯБРЯ 2024 г."), "2024-09-01");
	cr_assert_eq(dt__date_parse(&d, " 30 мая 2019 года ",
		strlen(" 30 мая 2019 года ")), 1);
	cr_assert_eq(dt__date_parse(&d, "от 30.07.2021 г.",
		strlen("от 30.07.2021 г.")), 1);
	cr_assert_eq(d.year, 2021);
}

Test(meta, skips_impossible_dates)
{
	cr_assert_str_eq(iso_of("32/13/2025"), "none");
	cr_assert_str_eq(iso_of("ngày 30 tháng 2 năm 2026"), "none");
	cr_assert_str_eq(iso_of("29/02/2025"), "none");
	cr_assert_str_eq(iso_of("29/02/2024"), "2024-02-29");
	cr_assert_str_eq(iso_of("31.04.2021"), "none");
	cr_assert_str_eq(iso_of("ngày 0 tháng 5 năm 2025"), "none");
	cr_assert_str_eq(iso_of("32/13/2025 hoặc 01/02/2025"), "2025-02-01");
	cr_assert_str_eq(iso_of("tháng 12/2025, quý IV-2025"), "none");
	cr_assert_eq(dt__date_valid(2100, 2, 29), 0);
	cr_assert_eq(dt__date_valid(2000, 2, 29), 1);
}

Test(meta, parses_a_string_that_is_exactly_one_date)
{
	dt_date d;

	cr_assert_eq(dt__date_parse(&d, "  15/3/2026\n", 12), 1);
	cr_assert_eq(d.day, 15);
	cr_assert_eq(dt__date_parse(&d, "15/3/2026 và", strlen("15/3/2026 và")),
		0);
	cr_assert_eq(dt__date_parse(&d, "", 0), 0);
}

/* ## Robustness */

static void *hammer(void *arg)
{
	static const char s[] = "Căn cứ Quy định số 52-QĐ/TW, ngày 9/2/2026 "
		"và Nghị định số 14/2030/NĐ-CP ngày 5 tháng 3 năm 2030";
	long ok = 1;
	int i;

	(void)arg;
	for (i = 0; i < 2000 && ok; i++) {
		dt_mention m;
		char key[DT_SYMBOL_KEY_MAX];

		ok = dt__symbol_mention_find(&m, s, sizeof(s) - 1, 0,
			sizeof(s) - 1, NULL) == 1 && m.has_date &&
			dt__symbol_key(key, sizeof(key), s, &m.symbol) == 8 &&
			strcmp(key, "52-QD/TW") == 0;
	}
	return (void *)ok;
}

Test(meta, finds_symbols_and_dates_from_several_threads_at_once)
{
	pthread_t t[4];
	size_t i;

	for (i = 0; i < 4; i++) {
		cr_assert_eq(pthread_create(&t[i], NULL, hammer, NULL), 0);
	}
	for (i = 0; i < 4; i++) {
		void *ok = NULL;

		cr_assert_eq(pthread_join(t[i], &ok), 0);
		cr_assert_not_null(ok);
	}
}

Test(meta, stays_linear_on_a_long_run_of_type_words)
{
	static const char unit[] = "Quy định ";
	size_t n = 200000, w = sizeof(unit) - 1, i;
	char *s = dt__malloc(n * w + 1);
	dt_mention m;

	cr_assert_not_null(s);
	for (i = 0; i < n; i++) {
		memcpy(s + i * w, unit, w);
	}
	s[n * w] = '\0';
	cr_assert_eq(dt__symbol_mention_find(&m, s, n * w, 0, n * w, NULL), 0);
	dt__free(s);
}

