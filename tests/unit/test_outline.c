/*
 * test_outline.c - the numbering grammar and the Markdown reader shapes
 * (outline.c, read_md.c, doc.c): every grammar row and reader shape.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <criterion/criterion.h>

#include "internal.h"

static dt_doc *doc;

static void teardown(void)
{
	dt_doc_free(doc);
	doc = NULL;
}

static void parse(const char *src)
{
	dt_error err = { 0 };

	cr_assert_eq(dt_doc_parse(&doc, src, strlen(src), "t.md", NULL, &err),
		0, "%s (line %zu)", err.message, err.line);
}

static const dt_unit *unit(const char *eid)
{
	const dt_unit *u = dt_doc_find(doc, eid);

	cr_assert_not_null(u, "no unit %s", eid);
	return u;
}

/* The eIds of the document in order, joined by spaces. */
static void expect_eids(const char *want)
{
	char got[4096] = "";
	size_t i, n = 0;

	for (i = 0; i < dt_doc_unit_count(doc); i++) {
		n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%s",
			i ? " " : "", dt_unit_eid(dt_doc_unit_at(doc, i)));
	}
	cr_assert_str_eq(got, want);
}

static int has_warning(const char *needle)
{
	size_t i;

	for (i = 0; i < dt_doc_diag_count(doc); i++) {
		if (strstr(dt_doc_diag_at(doc, i)->message, needle) != NULL) {
			return 1;
		}
	}
	return 0;
}

Test(outline, reads_chapters_articles_clauses_points_and_items,
	.fini = teardown)
{
	parse("## Chương I\nQUY ĐỊNH CHUNG\n\n"
		"### Điều 1. Phạm vi điều chỉnh\n\nQuy định này quy định.\n\n"
		"### Điều 2. Trách nhiệm\n\n1. Cấp ủy lãnh đạo.\n\n"
		"2. Tổ chức:\n\na) Xây dựng kế hoạch;\n\nb) Kiểm tra:\n\n"
		"- rà soát;\n- báo cáo.\n");
	expect_eids("chp_1 art_1 art_2 art_2__para_1 art_2__para_2 "
		"art_2__para_2__point_a art_2__para_2__point_b "
		"art_2__para_2__point_b__item_1 art_2__para_2__point_b__item_2");
	cr_assert_str_eq(dt_unit_heading(unit("chp_1")), "QUY ĐỊNH CHUNG");
	cr_assert_str_eq(dt_unit_num(unit("chp_1")), "I");
	cr_assert_eq(dt_unit_value(unit("chp_1")), 1);
	cr_assert_str_eq(dt_unit_heading(unit("art_1")),
		"Phạm vi điều chỉnh");
	cr_assert_str_eq(dt_unit_text(unit("art_1")),
		"Quy định này quy định.");
	cr_assert_str_eq(dt_unit_text(unit("art_2__para_1")),
		"Cấp ủy lãnh đạo.");
	cr_assert_str_eq(dt_unit_label(unit("art_2__para_2__point_b")),
		"điểm b khoản 2 Điều 2");
	cr_assert_eq(dt_unit_line(unit("art_2__para_2__point_a")), 14);
	cr_assert_eq(dt_unit_kind(unit("art_2__para_2__point_b__item_2")),
		DT_KIND_ITEM);
	cr_assert_eq(dt_unit_last_line(unit("chp_1")), 19);
}

Test(outline, honours_an_ordered_list_that_starts_at_three,
	.fini = teardown)
{
	parse("**Điều 4. Nhiệm vụ**\n\n3. Ba.\n4. Bốn.\n5. Năm.\n");
	expect_eids("art_4 art_4__para_3 art_4__para_4 art_4__para_5");
	cr_assert_str_eq(dt_unit_text(unit("art_4__para_4")), "Bốn.");
	cr_assert_eq(dt_unit_line(unit("art_4__para_5")), 5);
}

/* List markers are read back from the source line of each item
 * (read_md.c line_offset(), which goes on from the line found last):
 * nested lists, items after long paragraphs and blank lines, front
 * matter, and an item on the last line with no line break after it. */
Test(outline, list_markers_come_from_the_source_line_of_every_item)
{
	static const char src[] =
		"---\ntitle: x\n---\n"
		"Intro paragraph\nover two lines.\n\n"
		"3. three\n"
		"4. four\n"
		"   - dash\n"
		"   + plus\n\n"
		"     7) seven\n"
		"5. five\n\n"
		"Between.\n\n"
		"* star\n"
		"12) twelve";
	static const char *const want[] = {
		"3. three", "4. four", "- dash", "+ plus", "7) seven", "5. five",
		"* star", "12) twelve",
	};
	dt_blocks b;
	dt_error err = {0};
	size_t i, k = 0;

	dt__blocks_init(&b, 1000);
	cr_assert_eq(dt__read_md(&b, src, sizeof(src) - 1, NULL, &err), 0,
		"%s", err.message);
	for (i = 0; i < b.n; i++) {
		if (b.v[i].kind != DT_BLOCK_ITEM) {
			continue;
		}
		cr_assert_lt(k, sizeof(want) / sizeof(want[0]));
		cr_assert_str_eq(b.v[i].text, want[k], "item %zu", k);
		k++;
	}
	cr_assert_eq(k, sizeof(want) / sizeof(want[0]));
	dt__blocks_dispose(&b);
}

Test(outline, splits_points_inside_one_paragraph, .fini = teardown)
{
	parse("Điều 3. Nội dung\n\n1. Gồm:\na) một;\nb) hai;\nc) ba;\n"
		"d) bốn;\nđ) năm.\n");
	expect_eids("art_3 art_3__para_1 art_3__para_1__point_a "
		"art_3__para_1__point_b art_3__para_1__point_c "
		"art_3__para_1__point_d art_3__para_1__point_đ");
	cr_assert_eq(dt_unit_line(unit("art_3__para_1__point_đ")), 8);
	cr_assert_eq(dt_unit_value(unit("art_3__para_1__point_đ")), 5);
	cr_assert_str_eq(dt_unit_text(unit("art_3__para_1__point_c")), "ba;");
	cr_assert_eq(dt_doc_diag_count(doc), 0);
}

Test(outline, bold_number_only_makes_the_rest_text, .fini = teardown)
{
	parse("**Điều 5.** Cấp ủy phải kiểm tra.\n\n"
		"**Điều 6. Giám sát** Nội dung giám sát.\n");
	cr_assert_str_eq(dt_unit_heading(unit("art_5")), "");
	cr_assert_str_eq(dt_unit_text(unit("art_5")),
		"Cấp ủy phải kiểm tra.");
	cr_assert_str_eq(dt_unit_heading(unit("art_6")), "Giám sát");
	cr_assert_str_eq(dt_unit_text(unit("art_6")), "Nội dung giám sát.");
}

Test(outline, does_not_take_citations_or_the_charter_for_articles,
	.fini = teardown)
{
	parse("Điều lệ Đảng quy định rõ.\n\n"
		"Điều 5 của Quy định này được áp dụng.\n");
	expect_eids("p_1 p_2");
}

Test(outline, keys_table_rows_by_their_header, .fini = teardown)
{
	const char *name = NULL;

	parse("I. NHIỆM VỤ\n\n| STT | Nội dung nhiệm vụ | Cơ quan chủ trì |\n"
		"|---|---|---|\n| 1 | Quán triệt | Ban Tuyên giáo |\n"
		"| 2 | Kiểm tra | Ủy ban Kiểm tra |\n");
	expect_eids("sec_1 sec_1__row_1 sec_1__row_2");
	cr_assert_eq(dt_unit_cell_count(unit("sec_1__row_2")), 3);
	cr_assert_str_eq(dt_unit_cell_at(unit("sec_1__row_2"), 2, &name),
		"Ủy ban Kiểm tra");
	cr_assert_str_eq(name, "Cơ quan chủ trì");
	cr_assert_str_eq(dt_unit_num(unit("sec_1__row_1")), "1");
	cr_assert_eq(dt_unit_line(unit("sec_1__row_2")), 6);
}

Test(outline, reads_plan_sections_clauses_and_decimals, .fini = teardown)
{
	parse("I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n2. Yêu cầu\n\n"
		"II. NHIỆM VỤ\n\n1. Quán triệt\n\n1.1. Tổ chức hội nghị.\n\n"
		"a) Cấp tỉnh;\n\n1.2. Tuyên truyền.\n");
	expect_eids("sec_1 sec_1__para_1 sec_1__para_2 sec_2 sec_2__para_1 "
		"sec_2__para_1__lvl_1-1 sec_2__para_1__lvl_1-1__point_a "
		"sec_2__para_1__lvl_1-2");
	cr_assert_str_eq(dt_unit_heading(unit("sec_2")), "NHIỆM VỤ");
}

/* Charter-keyed regulations in the 2006, 2016 and 2021 punctuation. */
Test(outline, reads_charter_keyed_items_in_the_2021_style,
	.fini = teardown)
{
	parse("1. Điều 1 (Khoản 2): Tuổi đời\n\n1.1. Về tuổi đời.\n\n"
		"1.1.1. Phải đủ 18 tuổi.\n\n2. Điều 3: Quyền của đảng viên\n\n"
		"2.1. (Khoản 1): Quyền được thông tin.\n");
	expect_eids("lvl_1 lvl_1__lvl_1-1 lvl_1__lvl_1-1__lvl_1-1-1 lvl_2 "
		"lvl_2__lvl_2-1");
	cr_assert_str_eq(dt_unit_implements_at(unit("lvl_1"), 0),
		"art_1__para_2");
	cr_assert_str_eq(dt_unit_heading(unit("lvl_1")), "Tuổi đời");
	cr_assert_str_eq(dt_unit_implements_at(unit("lvl_2"), 0), "art_3");
	cr_assert_str_eq(dt_unit_implements_at(unit("lvl_2__lvl_2-1"), 0),
		"art_3__para_1");
	cr_assert_eq(dt_unit_implements_count(unit("lvl_1__lvl_1-1")), 0);
}

/* The tag table (doc_index.c) answers as a walk of every unit's tags in
 * document order would: the first unit with the eId as a whole tag, or,
 * for an article, as the article of one; Điều 1 is not Điều 10. */
Test(outline, finds_the_first_unit_implementing_a_charter_unit,
	.fini = teardown)
{
	parse("1. Điều 10 (Khoản 1): Mười\n\n1.1. Về mười.\n\n"
		"2. Điều 3: Quyền\n\n2.1. (Khoản 2): Thông tin.\n\n"
		"3. Điều 1 (Khoản 2): Tuổi đời\n\n"
		"4. Điều 3 (Khoản 2): Lần nữa\n\n5. Điều 1: Chung\n");
	cr_assert_eq(doc->ntagged, 6);
	cr_assert_eq(dt__doc_implementing(doc, "art_10__para_1"),
		unit("lvl_1"));
	cr_assert_eq(dt__doc_implementing(doc, "art_10"), unit("lvl_1"));
	/* art_3 is lvl_2's whole tag, art_3__para_2 first lvl_2-1's */
	cr_assert_eq(dt__doc_implementing(doc, "art_3"), unit("lvl_2"));
	cr_assert_eq(dt__doc_implementing(doc, "art_3__para_2"),
		unit("lvl_2__lvl_2-1"));
	/* Điều 1: lvl_3 by its part, before lvl_5's whole tag */
	cr_assert_eq(dt__doc_implementing(doc, "art_1"), unit("lvl_3"));
	cr_assert_eq(dt__doc_implementing(doc, "art_1__para_2"),
		unit("lvl_3"));
	cr_assert_null(dt__doc_implementing(doc, "art_1__para_1"));
	cr_assert_null(dt__doc_implementing(doc, "art_2"));
	cr_assert_null(dt__doc_implementing(doc, "art_"));
	cr_assert_null(dt__doc_implementing(doc, ""));
}

Test(outline, a_document_without_tags_has_an_empty_tag_table,
	.fini = teardown)
{
	parse("### Điều 1. Chung\n\n1. Một.\n");
	cr_assert_eq(doc->ntagged, 0);
	cr_assert_eq(doc->ntags, 0);
	cr_assert_null(dt__doc_implementing(doc, "art_1"));
}

Test(outline, reads_charter_keyed_items_in_the_2016_style,
	.fini = teardown)
{
	parse("1- Điều 1 (Khoản 2): Tuổi đời\n\n1.1- Về tuổi đời.\n\n"
		"a) Đủ 18 tuổi;\n\nb) Không quá 60 tuổi.\n");
	expect_eids("lvl_1 lvl_1__lvl_1-1 lvl_1__lvl_1-1__point_a "
		"lvl_1__lvl_1-1__point_b");
	cr_assert_str_eq(dt_unit_implements_at(unit("lvl_1"), 0),
		"art_1__para_2");
}

Test(outline, reads_charter_keyed_items_in_the_2006_style,
	.fini = teardown)
{
	parse("1- Điều 1(điểm 2) : Tuổi đời\n\n2.1- Điều 3 (điểm 1) : Quyền\n");
	cr_assert_str_eq(dt_unit_implements_at(unit("lvl_1"), 0),
		"art_1__para_2");
	cr_assert_str_eq(dt_unit_implements_at(unit("lvl_2-1"), 0),
		"art_3__para_1");
}

Test(outline, reads_parts_sections_and_subsections, .fini = teardown)
{
	parse("## Phần thứ nhất\nNHỮNG QUY ĐỊNH CHUNG\n\n## Chương II\n\n"
		"### Mục 1. Tổ chức\n\nTiểu mục 2. Nhân sự\n\nĐiều 7. Bầu cử\n");
	expect_eids("part_1 chp_2 chp_2__sec_1 chp_2__sec_1__subsec_2 art_7");
	cr_assert_str_eq(dt_unit_heading(unit("part_1")),
		"NHỮNG QUY ĐỊNH CHUNG");
	cr_assert_str_eq(dt_unit_heading(unit("chp_2__sec_1")), "Tổ chức");
}

Test(outline, reads_russian_structure, .fini = teardown)
{
	parse("Глава 1. Общие положения\n\nСтатья 1. Предмет\n\n"
		"1. Настоящее Положение определяет порядок.\n\n"
		"а) первый;\n\nб) второй.\n\nСтатья 2. Обязанности\n");
	expect_eids("chp_1 art_1 art_1__para_1 art_1__para_1__point_а "
		"art_1__para_1__point_б art_2");
	cr_assert_eq(dt_doc_lang(doc), DT_LANG_RU);
	cr_assert_str_eq(dt_unit_label(unit("art_1__para_1__point_б")),
		"подпункт б пункта 1 статьи 1");
	cr_assert_eq(dt_unit_value(unit("art_1__para_1__point_б")), 2);
}

Test(outline, reads_english_structure, .fini = teardown)
{
	parse("Chapter I. General provisions\n\nArticle 5. Duties\n\n"
		"1. Each committee shall report.\n\n(a) yearly;\n\n"
		"(b) on request.\n");
	expect_eids("chp_1 art_5 art_5__para_1 art_5__para_1__point_a "
		"art_5__para_1__point_b");
}

Test(outline, warns_about_irregular_numbering, .fini = teardown)
{
	parse("Điều 4. A\n\nĐiều 4. B\n\nĐiều 6. C\n\n1. x\n\nb) y\n\n"
		"Điều 7. D\n\na) z\n");
	cr_assert(has_warning("duplicate article 4"));
	cr_assert(has_warning("gap in numbering: article 6 follows "
		"article 4"));
	cr_assert(has_warning("point z") || has_warning("outside a clause"));
	cr_assert_not_null(dt_doc_find(doc, "art_4-2"));
	cr_assert(has_warning("duplicate eId art_4"));
}

Test(outline, keeps_original_lines_through_crlf_and_nfd, .fini = teardown)
{
	/* "Điều" with a decomposed "ề", CRLF line ends. */
	parse("\r\n\r\nĐie\xCC\x82\xCC\x80u 2. Tie\xCC\x82u \xC4\x91\xE1\xBB\x81\r\n"
		"\r\n1. Một.\r\n\r\n2. Hai.\r\n");
	cr_assert_eq(dt_unit_line(unit("art_2")), 3);
	cr_assert_eq(dt_unit_line(unit("art_2__para_2")), 7);
	cr_assert_str_eq(dt_unit_heading(unit("art_2")), "Tiêu đề");
}

Test(outline, maps_unit_text_offsets_to_lines, .fini = teardown)
{
	const dt_unit *u;

	parse("Điều 1. A\n\n1. dòng một\ndòng hai\n\ndòng bốn\n");
	u = unit("art_1__para_1");
	cr_assert_eq(dt_unit_text_line(u, 0), 3);
	cr_assert_eq(dt_unit_text_line(u, strlen("dòng một\n")), 4);
	cr_assert_eq(dt_unit_text_line(u, strlen(dt_unit_text(u)) - 1), 6);
}

Test(outline, treats_raw_html_as_text, .fini = teardown)
{
	parse("Điều 1. A\n\n1. <script>alert(1)</script> nội dung\n");
	cr_assert(strstr(dt_unit_text(unit("art_1__para_1")), "<script>") !=
		NULL);
}

Test(outline, refuses_undecodable_input_with_its_line, .fini = teardown)
{
	static const char src[] = "Điều 1. A\n\nxin chào\n\xFF\xFE\x80\n";
	dt_error err = { 0 };

	cr_assert_lt(dt_doc_parse(&doc, src, sizeof(src) - 1, "bad.md", NULL,
		&err), 0);
	cr_assert_null(doc);
	cr_assert_str_eq(err.source, "bad.md");
}

Test(outline, survives_fifty_thousand_nested_blockquotes, .fini = teardown)
{
	size_t n = 50000, i;
	char *src = dt__malloc(n * 2 + 32);
	dt_error err = { 0 };
	int rc;

	for (i = 0; i < n; i++) {
		src[2 * i] = '>';
		src[2 * i + 1] = ' ';
	}
	strcpy(src + 2 * n, "Điều 1. Sâu\n");
	rc = dt_doc_parse(&doc, src, strlen(src), "deep.md", NULL, &err);
	dt__free(src);
	cr_assert(rc == 0 || rc == DT_ELIMIT);
}

Test(outline, outlines_two_thousand_articles, .fini = teardown)
{
	dt_buf b;
	size_t i;

	dt__buf_init(&b, 0);
	for (i = 1; i <= 2000; i++) {
		cr_assert_eq(dt__buf_printf(&b, "### Điều %zu. Tiêu đề %zu\n\n"
			"1. Cấp ủy phải thực hiện.\n\n2. Gồm:\na) một;\nb) hai.\n\n",
			i, i), 0);
	}
	parse(b.data);
	dt__buf_dispose(&b);
	cr_assert_eq(dt_doc_unit_count(doc), 2000 * 5);
	cr_assert_not_null(dt_doc_find(doc, "art_2000__para_2__point_b"));
	cr_assert_eq(dt_doc_diag_count(doc), 0);
}

static int count_until_second(const dt_unit *u, unsigned depth,
	void *payload)
{
	size_t *n = payload;

	(void)u;
	(void)depth;
	return ++*n == 2 ? 7 : 0;
}

static int record_depths(const dt_unit *u, unsigned depth, void *payload)
{
	char *out = payload;
	size_t n = strlen(out);

	snprintf(out + n, 256 - n, "%s:%u ", dt_unit_eid(u), depth);
	return 0;
}

Test(outline, visits_units_in_document_order_and_stops_on_request,
	.fini = teardown)
{
	char seen[256] = "";
	size_t count = 0;

	parse("Điều 1. A\n\n1. x\n\nĐiều 2. B\n");
	cr_assert_eq(dt_doc_foreach(doc, record_depths, seen), 0);
	cr_assert_str_eq(seen, "art_1:0 art_1__para_1:1 art_2:0 ");
	cr_assert_eq(dt_doc_foreach(doc, count_until_second, &count), 7);
	cr_assert_eq(count, 2);
	cr_assert_eq(dt_unit_parent(unit("art_1__para_1")), unit("art_1"));
	cr_assert_eq(dt_unit_child_at(unit("art_1"), 0),
		unit("art_1__para_1"));
	cr_assert_null(dt_unit_child_at(unit("art_1"), 1));
	cr_assert_null(dt_doc_unit_at(doc, 99));
}

/* Inputs found by random testing that once read past a segment's end:
 * a pattern's \s must never cross a line break. */
Test(outline, keeps_every_match_inside_its_line, .fini = teardown)
{
	static const char *const inputs[] = {
		"\xE2\x80\x93\nI. >",
		"1. Điều 1 (Khoản 2):\nI. >",
		"Глава\n3. (a)",
		"- \n- \na)\n",
		"Điều 1.\n   1. thụt lề\n\ta) tab",
	};
	size_t i;

	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		dt_error err = { 0 };

		cr_assert_eq(dt_doc_parse(&doc, inputs[i], strlen(inputs[i]),
			"fuzz.md", NULL, &err), 0, "%s", err.message);
		teardown();
	}
}

Test(outline, reads_numbering_after_leading_blanks, .fini = teardown)
{
	parse("Điều 1. A\n\n1. x\n   a) thụt lề\n");
	expect_eids("art_1 art_1__para_1 art_1__para_1__point_a");
}

Test(outline, renames_the_children_of_a_duplicate_too, .fini = teardown)
{
	parse("## Chương I\n\nĐiều 1. A\n\n## Chương I\n\n"
		"Mục 1. B\n");
	cr_assert_not_null(dt_doc_find(doc, "chp_1-2"));
	cr_assert_not_null(dt_doc_find(doc, "chp_1-2__sec_1"));
}

Test(outline, keeps_a_dash_after_a_decimal_number, .fini = teardown)
{
	parse("1. Điều 1: A\n\n1.2. - gạch đầu dòng\n");
	cr_assert_str_eq(dt_unit_text(unit("lvl_1__lvl_1-2")),
		"- gạch đầu dòng");
}

Test(outline, reads_setext_article_heads, .fini = teardown)
{
	parse("Điều 3. Nguyên tắc\n------------------\n\n1. Dân chủ.\n\n"
		"Điều 4. Thời gian\n=================\n");
	expect_eids("art_3 art_3__para_1 art_4");
	cr_assert_str_eq(dt_unit_heading(unit("art_4")), "Thời gian");
	cr_assert_eq(dt_unit_line(unit("art_4")), 6);
}

Test(outline, takes_front_matter_as_metadata_and_keeps_lines,
	.fini = teardown)
{
	const dt_meta *m;

	parse("---\ntype: QUY ĐỊNH\nsymbol: 31-QĐ/TW\ndate: 2026-03-15\n"
		"title: Về sinh hoạt chi bộ\n---\n\nĐiều 1. Phạm vi\n");
	m = dt_doc_meta(doc);
	cr_assert_str_eq(m->type, "QUY ĐỊNH");
	cr_assert_str_eq(m->symbol, "31-QĐ/TW");
	cr_assert_str_eq(m->number, "31");
	cr_assert_str_eq(m->issuer_code, "TW");
	cr_assert_str_eq(m->date, "2026-03-15");
	cr_assert_str_eq(m->title, "Về sinh hoạt chi bộ");
	expect_eids("art_1");
	cr_assert_eq(dt_unit_line(unit("art_1")), 8);
}

Test(outline, reads_a_two_column_header_table_as_metadata,
	.fini = teardown)
{
	const dt_meta *m;

	parse("| TỈNH ỦY SƠN HÀ | ĐẢNG CỘNG SẢN VIỆT NAM |\n|---|---|\n"
		"| Số 12-KH/TU | Sơn Hà, ngày 20 tháng 4 năm 2026 |\n\n"
		"KẾ HOẠCH\n\nTHỰC HIỆN QUY ĐỊNH SỐ 31-QĐ/TW\n\n"
		"Thực hiện Quy định số 31-QĐ/TW ngày 15/3/2026 của Ban Bí thư, "
		"Ban Thường vụ Tỉnh ủy ban hành kế hoạch như sau:\n\n"
		"I. MỤC ĐÍCH\n\nNơi nhận:\n- Như trên,\n- Lưu VP.\n");
	m = dt_doc_meta(doc);
	cr_assert_str_eq(m->type, "KẾ HOẠCH");
	cr_assert_str_eq(m->symbol, "12-KH/TU");
	cr_assert_str_eq(m->date, "2026-04-20");
	cr_assert_str_eq(m->place, "Sơn Hà");
	cr_assert_eq(m->based_on_count, 1);
	cr_assert_str_eq(m->based_on[0].symbol, "31-QĐ/TW");
	/* the header and "Nơi nhận" are metadata, not units */
	expect_eids("p_1 sec_1");
}

Test(outline, turns_emphasis_links_and_code_into_plain_text,
	.fini = teardown)
{
	parse("Điều 1. A\n\n1. Theo *hướng dẫn* của [Ban Tổ chức]"
		"(http://x.invalid) và `mẫu 2`.\n");
	cr_assert_str_eq(dt_unit_text(unit("art_1__para_1")),
		"Theo hướng dẫn của Ban Tổ chức và mẫu 2.");
}

/* Text extraction lays tables out one cell per line: "|" between
 * cells, "|" "|" between rows.  They become rows again. */
Test(outline, reads_tables_laid_out_one_cell_per_line, .fini = teardown)
{
	const char *name = NULL;

	parse("PHỤ LỤC\n\n|\nSTT\n|\nTên nhiệm vụ\n|\nCơ quan chủ trì\n|\n|\n"
		"I. NÂNG CAO NHẬN THỨC\n|\n|\n1\n|\nTriển khai đào tạo\ntrực "
		"tuyến\n|\nSở KH&CN\n|\n");
	expect_eids("p_1 p_1__row_1 p_1__row_2");
	cr_assert_eq(dt_unit_cell_count(unit("p_1__row_1")), 1);
	cr_assert_str_eq(dt_unit_cell_at(unit("p_1__row_2"), 1, &name),
		"Triển khai đào tạo trực tuyến");
	cr_assert_str_eq(name, "Tên nhiệm vụ");
	cr_assert_str_eq(dt_unit_num(unit("p_1__row_2")), "1");
	cr_assert_eq(dt_unit_line(unit("p_1__row_2")), 14);
}

/* A unit's text length and line breaks are kept as it grows (doc.c), not
 * counted again per append (quadratic in a unit of many paragraphs): the
 * kept ones must be the text's, and line k of the text must still be
 * text_line + k however the paragraphs were spaced. */
Test(outline, a_growing_unit_keeps_its_length_and_lines,
	.fini = teardown)
{
	static char src[200000];
	size_t i, n = 0, k, breaks, last = 3;
	const dt_unit *u;

	n += (size_t)sprintf(src + n, "### Điều 1. Chung\n\n1. Mở đầu.\n");
	for (i = 0; i < 2000; i++) { /* one or two blank lines before */
		n += (size_t)sprintf(src + n, "%sĐoạn %zu của khoản.\n",
			i % 3 == 0 ? "\n\n" : "\n", i);
		last += i % 3 == 0 ? 3 : 2;
	}
	parse(src);
	for (k = 0; k < dt_doc_unit_count(doc); k++) {
		u = dt_doc_unit_at(doc, k);
		breaks = 0;
		for (i = 0; u->text[i] != '\0'; i++) {
			breaks += u->text[i] == '\n';
		}
		cr_assert_eq(u->text_len, strlen(u->text), "%s", u->eid);
		cr_assert_eq(u->text_breaks, breaks, "%s", u->eid);
	}
	u = unit("art_1__para_1");
	cr_assert_gt(u->text_len, 20000);
	/* the last paragraph is on the source's last line */
	cr_assert_eq(u->text_line + u->text_breaks, last,
		"text line %zu, %zu breaks", u->text_line, u->text_breaks);
	cr_assert_eq(dt_unit_text_line(u, u->text_len - 1), last);
}
