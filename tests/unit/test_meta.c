/*
 * test_meta.c - symbols and dates (symbol.c, date.c) and the metadata a
 * document carries around its body (meta.c): header block, preamble
 * links, supersession, end matter.  Every document here is made up.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "internal.h"
#include "meta_internal.h"
#include "symbol.h"
#include "test_util.h"

/* ## Fixtures: hand-built blocks and a document */

static dt_blocks bl;
static dt_doc *doc;
static unsigned char *used;

static void setup(void)
{
	dt__blocks_init(&bl, 0);
	cr_assert_eq(dt__doc_new(&doc, "t.md", NULL), 0);
}

static void teardown(void)
{
	dt__blocks_dispose(&bl);
	dt_doc_free(doc);
	doc = NULL;
	dt__free(used);
	used = NULL;
}

static dt_block *push(dt_block_kind kind, const char *text, size_t line)
{
	dt_block *b;
	size_t i;

	cr_assert_eq(dt__blocks_push(&bl, &b), 0);
	b->kind = kind;
	b->text = dt__strdup(text);
	cr_assert_not_null(b->text);
	b->line = b->last_line = line;
	for (i = 0; text[i] != '\0'; i++) {
		b->last_line += text[i] == '\n';
	}
	return b;
}

static void para(const char *text, size_t line)
{
	push(DT_BLOCK_PARA, text, line);
}

static void heading(const char *text, size_t line)
{
	push(DT_BLOCK_HEADING, text, line)->level = 1;
}

static void bold(const char *text, size_t line)
{
	dt_block *b = push(DT_BLOCK_PARA, text, line);

	b->strong_len = strlen(text);
}

static void item(const char *text, size_t line)
{
	push(DT_BLOCK_ITEM, text, line)->level = 1;
}

static void rule(size_t line)
{
	dt_block *b;

	cr_assert_eq(dt__blocks_push(&bl, &b), 0);
	b->kind = DT_BLOCK_BREAK;
	b->line = b->last_line = line;
}

/* A table row of two cells, as the Markdown reader makes it. */
static void row(size_t table, int header, size_t line, const char *c0,
	const char *c1)
{
	dt_block *b = push(DT_BLOCK_ROW, "", line);

	b->table = table;
	b->header = header;
	b->cells = dt__calloc(2, sizeof(char *));
	cr_assert_not_null(b->cells);
	b->cells[0] = dt__strdup(c0);
	b->cells[1] = dt__strdup(c1);
	b->ncells = 2;
}

static void kv(const char *key, const char *value)
{
	cr_assert_eq(dt__blocks_meta(&bl, key, value, 1), 0);
}

static void extract(void)
{
	dt_error err = { 0 };

	used = dt__calloc(bl.n + 1, 1);
	cr_assert_not_null(used);
	cr_assert_eq(dt__meta_extract(doc, &bl, used, &err), 0, "%s",
		err.message);
}

/* used[] as a string of 0/1, one per block: easy to compare. */
static const char *used_map(void)
{
	static char map[128];
	size_t i;

	for (i = 0; i < bl.n && i + 1 < sizeof(map); i++) {
		map[i] = used[i] ? '1' : '0';
	}
	map[i] = '\0';
	return map;
}

static const dt_meta *meta(void)
{
	return dt_doc_meta(doc);
}

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

/* ## Header block */

Test(meta, reads_a_party_regulation_with_a_two_column_header_table,
	.init = setup, .fini = teardown)
{
	const dt_meta *m;

	row(1, 1, 1, "BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐẢNG CỘNG SẢN VIỆT NAM");
	row(1, 0, 3, "*", "---------------");
	row(1, 0, 4, "Số 52-QĐ/TW", "Hà Nội, ngày 9 tháng 2 năm 2026");
	heading("QUY ĐỊNH", 6);
	bold("VỀ CÔNG TÁC LƯU TRỮ HỒ SƠ\nĐẢNG VIÊN Ở CƠ SỞ", 8);
	rule(11);
	item("- Căn cứ Điều lệ Đảng;", 13);
	item("- Căn cứ Quyết định số 11-QĐ/TW, ngày 03/01/2025 của Bộ Chính "
		"trị về chế độ làm việc;", 14);
	para("Ban Bí thư quy định như sau:", 16);
	heading("Điều 1. Phạm vi điều chỉnh", 18);
	extract();
	cr_assert_str_eq(used_map(), "1111110000");
	m = meta();
	cr_assert_str_eq(m->type, "QUY ĐỊNH");
	cr_assert_str_eq(m->symbol, "52-QĐ/TW");
	cr_assert_str_eq(m->number, "52");
	cr_assert_str_eq(m->type_code, "QĐ");
	cr_assert_str_eq(m->issuer_code, "TW");
	cr_assert_str_eq(m->year, "");
	cr_assert_str_eq(m->date, "2026-02-09");
	cr_assert_str_eq(m->place, "Hà Nội");
	cr_assert_str_eq(m->issuer, "BAN CHẤP HÀNH TRUNG ƯƠNG");
	cr_assert_str_eq(m->title,
		"VỀ CÔNG TÁC LƯU TRỮ HỒ SƠ ĐẢNG VIÊN Ở CƠ SỞ");
	cr_assert_eq(m->based_on_count, 1);
	cr_assert_str_eq(m->based_on[0].type, "Quyết định");
	cr_assert_str_eq(m->based_on[0].symbol, "11-QĐ/TW");
	cr_assert_str_eq(m->based_on[0].date, "2025-01-03");
	cr_assert_str_eq(m->based_on[0].text,
		"Quyết định số 11-QĐ/TW, ngày 03/01/2025");
	cr_assert_eq(m->based_on[0].line, 14);
	cr_assert_eq(m->replaces_count, 0);
}

Test(meta, reads_a_provincial_plan_and_the_parent_it_implements,
	.init = setup, .fini = teardown)
{
	const dt_meta *m;

	bold("TỈNH ỦY LÂM HÀ", 1);
	bold("BAN THƯỜNG VỤ", 3);
	para("*", 5);
	para("Số: 12-KH/TU", 7);
	bold("ĐẢNG CỘNG SẢN VIỆT NAM", 9);
	para("Lâm Hà, ngày 05 tháng 01 năm 2026", 11);
	heading("KẾ HOẠCH", 13);
	bold("THỰC HIỆN QUY ĐỊNH SỐ 52-QĐ/TW CỦA BAN BÍ THƯ", 15);
	para("Thực hiện Quy định số 52-QĐ/TW ngày 9/2/2026 của Ban Bí thư "
		"về công tác lưu trữ hồ sơ đảng viên,\nBan Thường vụ Tỉnh ủy "
		"ban hành Kế hoạch thực hiện như sau:", 17);
	heading("I. MỤC ĐÍCH, YÊU CẦU", 20);
	extract();
	cr_assert_str_eq(used_map(), "1111111100");
	m = meta();
	cr_assert_str_eq(m->type, "KẾ HOẠCH");
	cr_assert_str_eq(m->symbol, "12-KH/TU");
	cr_assert_str_eq(m->type_code, "KH");
	cr_assert_str_eq(m->issuer_code, "TU");
	cr_assert_str_eq(m->date, "2026-01-05");
	cr_assert_str_eq(m->place, "Lâm Hà");
	cr_assert_str_eq(m->issuer, "TỈNH ỦY LÂM HÀ BAN THƯỜNG VỤ");
	cr_assert_str_eq(m->title,
		"THỰC HIỆN QUY ĐỊNH SỐ 52-QĐ/TW CỦA BAN BÍ THƯ");
	cr_assert_eq(m->based_on_count, 1);
	cr_assert_str_eq(m->based_on[0].type, "Quy định");
	cr_assert_str_eq(m->based_on[0].symbol, "52-QĐ/TW");
	cr_assert_str_eq(m->based_on[0].date, "2026-02-09");
	cr_assert_eq(m->based_on[0].line, 17);
}

Test(meta, reads_a_state_plan_under_the_national_motto, .init = setup,
	.fini = teardown)
{
	const dt_meta *m;

	row(1, 1, 1, "ỦY BAN NHÂN DÂN TỈNH LÂM HÀ",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
	row(1, 0, 3, "-------", "Độc lập - Tự do - Hạnh phúc");
	row(1, 0, 4, "Số: 0594/KH-UBND", "Lâm Hà, ngày 20/3/2026");
	heading("KẾ HOẠCH", 6);
	bold("PHÒNG CHỐNG HẠN HÁN NĂM 2026", 8);
	para("Căn cứ Nghị định số 14/2030/NĐ-CP ngày 05 tháng 3 năm 2030 "
		"của Chính phủ về phòng chống thiên tai;", 10);
	para("Thực hiện Chỉ thị số 41/CT-TTg ngày 02/12/2025 của Thủ tướng "
		"Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
		12);
	heading("I. MỤC TIÊU", 14);
	extract();
	cr_assert_str_eq(used_map(), "11111000");
	m = meta();
	cr_assert_str_eq(m->symbol, "0594/KH-UBND");
	cr_assert_str_eq(m->number, "0594");
	cr_assert_str_eq(m->type_code, "KH");
	cr_assert_str_eq(m->issuer_code, "UBND");
	cr_assert_str_eq(m->date, "2026-03-20");
	cr_assert_str_eq(m->issuer, "ỦY BAN NHÂN DÂN TỈNH LÂM HÀ");
	cr_assert_eq(m->based_on_count, 2);
	cr_assert_str_eq(m->based_on[0].symbol, "14/2030/NĐ-CP");
	cr_assert_str_eq(m->based_on[0].date, "2030-03-05");
	cr_assert_str_eq(m->based_on[1].type, "Chỉ thị");
	cr_assert_str_eq(m->based_on[1].date, "2025-12-02");
	cr_assert_eq(m->based_on[1].line, 12);
}

Test(meta, reads_a_header_copied_one_cell_per_line, .init = setup,
	.fini = teardown)
{
	const dt_meta *m;

	push(DT_BLOCK_HEADING, "|\nBAN CHẤP HÀNH\nTRUNG ƯƠNG\nBAN TỔ CHỨC\n"
		"*\n|\nĐẢNG CỘNG SẢN\nVIỆT NAM", 1)->level = 2;
	para("|\n|\nSố 77-HD/BTCTW\n|\n*Hà\nNội, ngày 25 tháng 07\n"
		"năm 2016 *\n|", 10);
	para("HƯỚNG DẪN", 18);
	para("MỘT SỐ VẤN ĐỀ VỀ\nCÔNG TÁC QUẢN LÝ ĐẢNG VIÊN", 20);
	para("-----", 23);
	item("- Căn cứ Quy định số 52-QĐ/TW, ngày 9/2/2026 của Ban Bí thư;",
		25);
	para("I. Về hồ sơ đảng viên", 27);
	extract();
	cr_assert_str_eq(used_map(), "1111100");
	m = meta();
	cr_assert_str_eq(m->type, "HƯỚNG DẪN");
	cr_assert_str_eq(m->symbol, "77-HD/BTCTW");
	cr_assert_str_eq(m->date, "2016-07-25");
	cr_assert_str_eq(m->place, "Hà Nội");
	cr_assert_str_eq(m->issuer, "BAN CHẤP HÀNH TRUNG ƯƠNG BAN TỔ CHỨC");
	cr_assert_str_eq(m->title,
		"MỘT SỐ VẤN ĐỀ VỀ CÔNG TÁC QUẢN LÝ ĐẢNG VIÊN");
	cr_assert_eq(m->based_on_count, 1);
	cr_assert_eq(m->based_on[0].line, 25);
}

Test(meta, takes_the_type_from_the_title_word_not_the_symbol,
	.init = setup, .fini = teardown)
{
	para("BỘ CHÍNH TRỊ", 1);
	para("Số 146-QĐ/TW", 2);
	para("ĐẢNG CỘNG SẢN VIỆT NAM", 3);
	para("QUYẾT ĐỊNH", 4);
	para("VỀ CHỨC NĂNG CỦA MỘT BAN", 5);
	para("Điều 1. Vị trí", 6);
	extract();
	cr_assert_str_eq(used_map(), "111110");
	cr_assert_str_eq(meta()->type, "QUYẾT ĐỊNH");
	cr_assert_str_eq(meta()->type_code, "QĐ");
}

Test(meta, reads_a_russian_regulation_header, .init = setup,
	.fini = teardown)
{
	const dt_meta *m;

	para("ДЕПАРТАМЕНТ МОЛОДЁЖНОЙ ПОЛИТИКИ", 1);
	para("ПОЛОЖЕНИЕ о совете молодых специалистов", 3);
	para("от 10 марта 2026 г. № 12-П", 5);
	para("г. Москва", 6);
	para("В соответствии с постановлением Правительства от 5 февраля "
		"2026 г. № 45-ПП и в целях поддержки молодёжи:", 8);
	para("1. Общие положения", 10);
	extract();
	cr_assert_str_eq(used_map(), "111100");
	m = meta();
	cr_assert_str_eq(m->type, "ПОЛОЖЕНИЕ");
	cr_assert_str_eq(m->title, "о совете молодых специалистов");
	cr_assert_str_eq(m->symbol, "12-П");
	cr_assert_str_eq(m->number, "12");
	cr_assert_str_eq(m->type_code, "П");
	cr_assert_str_eq(m->date, "2026-03-10");
	cr_assert_str_eq(m->place, "Москва");
	cr_assert_str_eq(m->issuer, "ДЕПАРТАМЕНТ МОЛОДЁЖНОЙ ПОЛИТИКИ");
	cr_assert_eq(m->based_on_count, 1);
	cr_assert_str_eq(m->based_on[0].type, "постановлением");
	cr_assert_str_eq(m->based_on[0].symbol, "45-ПП");
	cr_assert_str_eq(m->based_on[0].date, "2026-02-05");
}

Test(meta, reads_a_russian_decree_with_number_and_date_apart,
	.init = setup, .fini = teardown)
{
	const dt_meta *m;

	para("ПРАВИТЕЛЬСТВО КРАЯ", 1);
	para("ПОСТАНОВЛЕНИЕ", 3);
	para("№ 12-П", 5);
	para("от 10 марта 2026 г.", 7);
	para("г. Светлогорск", 9);
	para("О мерах поддержки молодых специалистов", 11);
	para("В соответствии с Федеральным законом от 06.10.2003 № 131-ФЗ "
		"Правительство края постановляет:", 13);
	para("1. Утвердить порядок.", 15);
	para("Губернатор края\nИ.И. Петров", 17);
	extract();
	cr_assert_str_eq(used_map(), "111111001");
	m = meta();
	cr_assert_str_eq(m->type, "ПОСТАНОВЛЕНИЕ");
	cr_assert_str_eq(m->symbol, "12-П");
	cr_assert_str_eq(m->date, "2026-03-10");
	cr_assert_str_eq(m->place, "Светлогорск");
	cr_assert_str_eq(m->title, "О мерах поддержки молодых специалистов");
	cr_assert_eq(m->based_on_count, 1);
	cr_assert_str_eq(m->based_on[0].type, "Федеральным законом");
	cr_assert_str_eq(m->based_on[0].symbol, "131-ФЗ");
	cr_assert_str_eq(m->based_on[0].date, "2003-10-06");
}

Test(meta, keeps_an_approval_stamp_out_of_the_fields, .init = setup,
	.fini = teardown)
{
	para("УТВЕРЖДЕНО\nприказом комитета от 2 марта 2026 г. № 7", 1);
	para("ПОЛОЖЕНИЕ", 3);
	para("о конкурсе проектов", 4);
	para("1. Общие положения", 6);
	extract();
	cr_assert_str_eq(used_map(), "1110");
	cr_assert_str_eq(meta()->type, "ПОЛОЖЕНИЕ");
	cr_assert_str_eq(meta()->title, "о конкурсе проектов");
	cr_assert_str_eq(meta()->symbol, "");
	cr_assert_str_eq(meta()->issuer, "");
}

Test(meta, reads_a_symbol_line_without_its_number_word, .init = setup,
	.fini = teardown)
{
	para("BAN BÍ THƯ\n61-QĐ/TW\nHà\nNội, ngày 2 tháng 3 năm 2026", 1);
	para("KẾT LUẬN", 5);
	para("Ban Bí thư kết luận như sau:", 6);
	extract();
	cr_assert_str_eq(used_map(), "110");
	cr_assert_str_eq(meta()->issuer, "BAN BÍ THƯ");
	cr_assert_str_eq(meta()->symbol, "61-QĐ/TW");
	cr_assert_str_eq(meta()->place, "Hà Nội");
	cr_assert_str_eq(meta()->date, "2026-03-02");
	cr_assert_str_eq(meta()->type, "KẾT LUẬN");
}

Test(meta, lets_front_matter_override_the_text, .init = setup,
	.fini = teardown)
{
	const dt_meta *m;

	kv("symbol", "53-QĐ/TW");
	kv("date", "2026-02-10");
	kv("type", "Quyết định");
	kv("title", "Về một việc khác");
	kv("based_on", "Nghị quyết số 21-NQ/TW ngày 16/6/2022");
	para("Số 52-QĐ/TW", 1);
	para("Hà Nội, ngày 9 tháng 2 năm 2026", 2);
	para("QUY ĐỊNH", 3);
	para("VỀ CÔNG TÁC LƯU TRỮ", 4);
	para("- Căn cứ Kết luận số 9-KL/TW ngày 1/2/2026 của Bộ Chính trị;",
		5);
	para("- Căn cứ Nghị quyết số 21-NQ/TW, ngày 16/6/2022;", 6);
	para("Điều 1. Phạm vi", 7);
	extract();
	cr_assert_str_eq(used_map(), "1111000");
	m = meta();
	cr_assert_str_eq(m->symbol, "53-QĐ/TW");
	cr_assert_str_eq(m->number, "53");
	cr_assert_str_eq(m->date, "2026-02-10");
	cr_assert_str_eq(m->type, "QUYẾT ĐỊNH");
	cr_assert_str_eq(m->title, "Về một việc khác");
	cr_assert_str_eq(m->place, "Hà Nội");
	/* the declared parent first; the text adds only what is new */
	cr_assert_eq(m->based_on_count, 2);
	cr_assert_str_eq(m->based_on[0].text,
		"Nghị quyết số 21-NQ/TW ngày 16/6/2022");
	cr_assert_str_eq(m->based_on[0].date, "2022-06-16");
	cr_assert_str_eq(m->based_on[1].symbol, "9-KL/TW");
}

Test(meta, leaves_a_document_without_header_untouched, .init = setup,
	.fini = teardown)
{
	const dt_meta *m;

	heading("Một số ý kiến về công tác đảng viên", 1);
	para("Những năm qua, công tác đảng viên đã có nhiều chuyển biến.", 3);
	para("1. Nâng cao chất lượng sinh hoạt.", 5);
	extract();
	cr_assert_str_eq(used_map(), "000");
	m = meta();
	cr_assert_str_eq(m->type, "");
	cr_assert_str_eq(m->symbol, "");
	cr_assert_str_eq(m->issuer, "");
	cr_assert_eq(m->based_on_count, 0);
}

Test(meta, never_takes_a_numbered_unit_for_header, .init = setup,
	.fini = teardown)
{
	heading("KẾ HOẠCH", 1);
	heading("I. MỤC ĐÍCH, YÊU CẦU", 3);
	para("CHƯƠNG I", 5);
	extract();
	cr_assert_str_eq(used_map(), "100");
	cr_assert_str_eq(meta()->title, "");
}

Test(meta, needs_an_anchor_before_taking_capitals_as_header,
	.init = setup, .fini = teardown)
{
	para("TỔNG KẾT CÔNG TÁC NĂM", 1);
	para("Năm qua, chi bộ đã hoàn thành nhiệm vụ.", 3);
	extract();
	cr_assert_str_eq(used_map(), "00");
	cr_assert_str_eq(meta()->issuer, "");
}

/* ## End matter */

Test(meta, skips_recipients_and_signature_but_keeps_the_appendix,
	.init = setup, .fini = teardown)
{
	heading("Điều 9. Hiệu lực", 1);
	para("Quy định này có hiệu lực kể từ ngày ký./.", 3);
	row(1, 1, 5, "Nơi nhận:", "T/M BAN BÍ THƯ");
	row(1, 0, 7, "- Các tỉnh ủy,", "");
	row(1, 0, 8, "- Lưu Văn phòng.", "Nguyễn Văn An");
	heading("PHỤ LỤC", 10);
	para("DANH MỤC NHIỆM VỤ", 12);
	row(2, 1, 14, "STT", "Nhiệm vụ");
	row(2, 0, 16, "1", "Rà soát hồ sơ đảng viên");
	extract();
	cr_assert_str_eq(used_map(), "001110000");
}

Test(meta, skips_a_state_signature_block_and_a_lone_end_mark,
	.init = setup, .fini = teardown)
{
	para("4. Các xã báo cáo kết quả trước ngày 31/12/2026.", 1);
	para("./.", 2);
	para("Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.", 4);
	para("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", 8);
	para("(đã ký)", 11);
	para("Trần Thị Bình", 12);
	heading("Phụ lục I", 14);
	para("Danh sách các xã", 15);
	para("KT. CHỦ TỊCH", 17);
	para("Lê Văn Cường", 18);
	extract();
	cr_assert_str_eq(used_map(), "0111110011");
}

Test(meta, finds_end_matter_behind_the_bars_of_a_web_copy,
	.init = setup, .fini = teardown)
{
	heading("Điều 3. Hiệu lực", 1);
	para("|\nNơi nhận:", 2);
	item("- Lưu: VT.\n|\nT/M BAN BÍ THƯ\nNguyễn Văn An\n|", 4);
	para("PHỤ LỤC", 9);
	extract();
	cr_assert_str_eq(used_map(), "0110");
}

Test(meta, ends_russian_documents_at_the_signatory, .init = setup,
	.fini = teardown)
{
	para("5. Контроль возлагаю на заместителя.", 1);
	para("Председатель комитета отвечает за работу совета.", 2);
	para("Председатель комитета\nИ.И. Петров", 4);
	para("Рассылка: в дело", 6);
	extract();
	cr_assert_str_eq(used_map(), "0011");
}

Test(meta, keeps_the_body_when_a_signature_mark_was_a_false_alarm,
	.init = setup, .fini = teardown)
{
	para("KT. CHỦ TỊCH", 1);
	heading("Chương II", 2);
	para("Điều 5. Nội dung", 3);
	extract();
	cr_assert_str_eq(used_map(), "000");
}

/* ## Supersession */

Test(meta, records_what_a_vietnamese_document_replaces, .init = setup,
	.fini = teardown)
{
	const dt_meta *m;

	kv("symbol", "52-QĐ/TW");
	heading("Điều 9. Hiệu lực thi hành", 1);
	para("Quy định số 52-QĐ/TW có hiệu lực kể từ ngày ký và thay thế "
		"Quy định số 18-QĐ/TW ngày 20 tháng 6 năm 2022, số 05-QĐ/TW, "
		"ngày 01/02/2019 của Ban Bí thư./.", 3);
	para("Bãi bỏ Quyết định số 7/QĐ-UBND ngày 2/1/2020. Căn cứ Kế hoạch "
		"số 4/KH-UBND, cán bộ được thay thế kịp thời.", 5);
	para("Kế hoạch số 3/KH-UBND ngày 4/1/2024 hết hiệu lực từ ngày "
		"1/7/2026.", 7);
	para("Các đơn vị thay thế thiết bị cũ theo Nghị định số "
		"99/2031/NĐ-CP.", 9);
	extract();
	m = meta();
	/* not "Kế hoạch số 4" (a preamble phrase before a passive verb),
	 * not "Nghị định số 99" (equipment is replaced, not a document) */
	cr_assert_eq(m->replaces_count, 4);
	cr_assert_str_eq(m->replaces[0].symbol, "18-QĐ/TW");
	cr_assert_str_eq(m->replaces[0].date, "2022-06-20");
	cr_assert_str_eq(m->replaces[0].type, "Quy định");
	cr_assert_eq(m->replaces[0].line, 3);
	cr_assert_str_eq(m->replaces[1].symbol, "05-QĐ/TW");
	cr_assert_str_eq(m->replaces[1].type, "Quy định");
	cr_assert_str_eq(m->replaces[1].date, "2019-02-01");
	cr_assert_str_eq(m->replaces[2].symbol, "7/QĐ-UBND");
	cr_assert_str_eq(m->replaces[3].symbol, "3/KH-UBND");
	cr_assert_str_eq(m->replaces[3].date, "2024-01-04");
	cr_assert_eq(m->based_on_count, 0);
	cr_assert_str_eq(used_map(), "00000");
}

Test(meta, records_what_a_russian_document_repeals, .init = setup,
	.fini = teardown)
{
	const dt_meta *m;

	para("1. Признать утратившим силу постановление Правительства от 1 "
		"июня 2020 г. № 300-ПП.", 1);
	para("2. Приказ от 5 мая 2019 г. № 77 утрачивает силу.", 2);
	para("3. Признать утратившими силу:", 3);
	item("1) постановление от 1 марта 2018 г. № 10-П;", 4);
	item("2) постановление от 2 апреля 2019 г. № 20-П.", 5);
	para("4. Настоящее постановление вступает в силу.", 6);
	extract();
	m = meta();
	cr_assert_eq(m->replaces_count, 4);
	cr_assert_str_eq(m->replaces[0].symbol, "300-ПП");
	cr_assert_str_eq(m->replaces[0].date, "2020-06-01");
	cr_assert_str_eq(m->replaces[1].symbol, "77");
	cr_assert_str_eq(m->replaces[1].date, "2019-05-05");
	cr_assert_str_eq(m->replaces[2].symbol, "10-П");
	cr_assert_eq(m->replaces[2].line, 4);
	cr_assert_str_eq(m->replaces[3].date, "2019-04-02");
}

Test(meta, records_a_titled_document_by_the_act_that_approved_it,
	.init = setup, .fini = teardown)
{
	const dt_meta *m;

	para("2. Признается утратившим силу Положение о приеме граждан, "
		"утвержденное постановлением Правительства области от 14 "
		"марта 2019 г. № 45-П.", 7);
	extract();
	m = meta();
	cr_assert_eq(m->replaces_count, 1);
	cr_assert_str_eq(m->replaces[0].symbol, "45-П");
	cr_assert_str_eq(m->replaces[0].date, "2019-03-14");
	cr_assert_eq(m->replaces[0].line, 7);
}

Test(meta, lists_parents_named_in_one_preamble_line, .init = setup,
	.fini = teardown)
{
	const dt_meta *m;

	para("Căn cứ các Hướng dẫn số 08-HD/BTCTW ngày 11/3/2023, số "
		"09-HD/BTCTW ngày 12/4/2023 và Kế hoạch số 6-KH/TU của Tỉnh "
		"ủy;", 1);
	para("Căn cứ Hướng dẫn số 08-HD/BTCTW ngày 11/3/2023;", 3);
	para("1. Mục tiêu", 4);
	extract();
	m = meta();
	cr_assert_eq(m->based_on_count, 3);
	cr_assert_str_eq(m->based_on[1].type, "Hướng dẫn");
	cr_assert_str_eq(m->based_on[1].symbol, "09-HD/BTCTW");
	cr_assert_str_eq(m->based_on[1].date, "2023-04-12");
	cr_assert_str_eq(m->based_on[1].text, "số 09-HD/BTCTW ngày 12/4/2023");
	cr_assert_str_eq(m->based_on[2].symbol, "6-KH/TU");
	cr_assert_str_eq(used_map(), "000");
}

/* ## Robustness */

Test(meta, fails_cleanly_when_memory_runs_out, .init = setup,
	.fini = teardown)
{
	size_t n;

	row(1, 1, 1, "BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐẢNG CỘNG SẢN VIỆT NAM");
	row(1, 0, 2, "Số 52-QĐ/TW", "Hà Nội, ngày 9 tháng 2 năm 2026");
	para("QUY ĐỊNH", 3);
	para("VỀ CÔNG TÁC LƯU TRỮ", 4);
	para("- Căn cứ Kết luận số 9-KL/TW ngày 1/2/2026;", 5);
	para("Điều 1. Quy định này thay thế Quy định số 1-QĐ/TW.", 6);
	para("Nơi nhận:", 7);
	kv("based_on", "Kết luận số 8-KL/TW");
	extract(); /* compiles the patterns before allocations fail */
	for (n = 1; n < 400; n++) {
		dt_doc *d = NULL;
		dt_error err = { 0 };
		int rc;

		cr_assert_eq(dt__doc_new(&d, "t.md", NULL), 0);
		memset(used, 0, bl.n);
		dt__alloc_fail_after(n);
		rc = dt__meta_extract(d, &bl, used, &err);
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || rc == DT_ENOMEM, "n=%zu rc=%d", n, rc);
		dt_doc_free(d);
		if (rc == 0) {
			break; /* past the last allocation: all paths seen */
		}
	}
	cr_assert_lt(n, 400);
}

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

/* A plan approved by the order follows its signature: the approval
 * stamp opens body again, like an appendix. */
Test(meta, ends_the_end_matter_at_an_approval_stamp, .init = setup,
	.fini = teardown)
{
	para("1. Утвердить прилагаемый План.", 1);
	para("Министр О.П. Гречко", 3);
	para("УТВЕРЖДЕН приказом министерства от 02.03.2026 № 118-од", 5);
	heading("ПЛАН", 7);
	para("1. Разместить на сайте адрес.", 9);
	extract();
	cr_assert_str_eq(used_map(), "01000");
}

Test(meta, takes_a_russian_purpose_sentence_as_the_basis, .init = setup,
	.fini = teardown)
{
	const dt_meta *m;

	para("В целях реализации постановления Правительства области от "
		"16.02.2026 № 12-П приказываю:", 1);
	para("1. Утвердить план.", 3);
	extract();
	m = meta();
	cr_assert_eq(m->based_on_count, 1);
	cr_assert_str_eq(m->based_on[0].symbol, "12-П");
}

/* "Секретарь ячейки" in a task table is a person responsible, not the
 * signature that opens the end matter. */
Test(meta, keeps_task_tables_with_signatory_words_as_body, .init = setup,
	.fini = teardown)
{
	dt_block *b;

	para("1. Сводная таблица", 1);
	b = push(DT_BLOCK_ROW, "", 3);
	b->table = 1;
	b->cells = dt__calloc(3, sizeof(char *));
	cr_assert_not_null(b->cells);
	b->cells[0] = dt__strdup("2");
	b->cells[1] = dt__strdup("Провести собрания");
	b->cells[2] = dt__strdup("Секретарь ячейки");
	b->ncells = 3;
	extract();
	cr_assert_str_eq(used_map(), "00");
}

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
