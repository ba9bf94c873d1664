/*
 * test_meta.c - the metadata a document carries around its body
 * (meta.c): header block, preamble links, supersession, end matter, and
 * extraction under failing allocations.  Every document here is made
 * up.  Symbols and dates are in test_meta_symbol.c, the verb search of
 * the supersession step in test_meta_verb_search.c.
 */
#include <string.h>

#include <criterion/criterion.h>

#include "internal.h"
#include "meta_internal.h"

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
