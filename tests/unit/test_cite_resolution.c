/*
 * test_cite_resolution.c - which document a citation names (the
 * cite_resolution table), and the single `cite` tests: the fixtures
 * themselves, spans, lines, messages, order, edges and linear time.
 * Fixtures, case builders and the runner are in cite_fixtures.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <dirtrace.h>

#include "cite_fixtures.h"

/* ## Resolution: which document a citation names */

ParameterizedTestParameters(cite_resolution, picks_the_document)
{
	static cite_case cases[] = {
		/* no name, no self form, no basis */
		VI("Các chi bộ thực hiện khoản 2 Điều 5.", "", AMB, "", ""),
		CASE("vi", "vi", "Các chi bộ thực hiện khoản 2 Điều 5.", "",
			AMB, "", ""),
		CASE("vi", "none", VI_BASIS "Các chi bộ thực hiện khoản 2 Điều "
			"5.", "", AMB, "", ""),
		RU("Комитетам выполнить пункт 2 статьи 5.", "", AMB, "", ""),
		EN("Committees act under Article 5(3).", "", AMB, "", ""),
		/* the basis names two loaded directives, but only one has
		 * articles: "Điều 5" can only be of that one */
		VI("Căn cứ Quy định số 31-QĐ/TW ngày 15/3/2026 của Ban Chấp "
			"hành Trung ương;\n\nCăn cứ Chỉ thị số 07-CT/TW ngày "
			"02/02/2026 của Ban Bí thư,\n\nBan Thường vụ Tỉnh ủy "
			"hướng dẫn như sau:\n\nCác chi bộ thực hiện Điều 5.",
			"", RES, "reg31", "art_5"),
		VI("Căn cứ Quy định số 31-QĐ/TW ngày 15/3/2026 của Ban Chấp "
			"hành Trung ương;\n\nCăn cứ Quy định số 24-QĐ/TW ngày "
			"30/7/2021 của Ban Chấp hành Trung ương,\n\nBan Thường "
			"vụ Tỉnh ủy hướng dẫn như sau:\n\nCác chi bộ thực hiện "
			"Điều 5.", "", AMB, "", ""),
		VI("Căn cứ Điều lệ Đảng;\n\nCăn cứ Quy định số 31-QĐ/TW ngày "
			"15/3/2026 của Ban Chấp hành Trung ương,\n\nBan Thường "
			"vụ Tỉnh ủy hướng dẫn như sau:\n\nCác chi bộ thực hiện "
			"khoản 2 Điều 5.", "", RES, "reg31", "art_5__para_2"),
		VI("Thực hiện Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Ban "
			"Chấp hành Trung ương, Ban Thường vụ hướng dẫn như "
			"sau:\n\nCác chi bộ thực hiện Điều 5.", "", AMB, "",
			""),
		RU(RU_BASIS "Комитетам выполнить подпункт «в» пункта 1 статьи "
			"5.", "", RES, "pol12", "art_5__para_1__point_в"),
		/* the nearest document named earlier in the same unit */
		VI("Quán triệt Chỉ thị số 07-CT/TW, các chi bộ thực hiện mục "
			"2.2 trong năm.", "2.2", RES, "ct07", "lvl_2__lvl_2-2"),
		VI(VI_BASIS "Triển khai Hướng dẫn số 06-HD/TW, các cấp ủy thực "
			"hiện tiểu mục 8.2.", "8.2", RES, "hd06",
			"lvl_8__lvl_8-2"),
		VI("Bám sát Quy định số 31-QĐ/TW và Chỉ thị số 07-CT/TW, các "
			"chi bộ thực hiện mục 2.2.", "2.2", RES, "ct07",
			"lvl_2__lvl_2-2"),
		VI("Các chi bộ thực hiện Điều 5 Quy định số 31-QĐ/TW. Đồng "
			"thời, các chi bộ báo cáo theo khoản 2 Điều 6.",
			"Điều 6", RES, "reg31", "art_6__para_2"),
		/* … but not from another unit */
		VI("Các chi bộ quán triệt Chỉ thị số 07-CT/TW.\n\nCác chi bộ "
			"thực hiện mục 2.2.", "", AMB, "", ""),
		VI(VI_BASIS "Các chi bộ quán triệt Chỉ thị số 07-CT/TW.\n\nCác "
			"chi bộ thực hiện khoản 2 Điều 5.", "", RES, "reg31",
			"art_5__para_2"),
		/* the name in the citation beats the basis */
		VI(VI_BASIS "Các chi bộ thực hiện mục 2.1 Chỉ thị số 07-CT/TW.",
			"2.1", RES, "ct07", "lvl_2__lvl_2-1"),
		/* self forms beat the basis */
		VI(VI_BASIS "Các chi bộ thực hiện khoản 2 Điều này.", "", SLF,
			"", ""),
		VI(VI_BASIS "Các chi bộ thực hiện Điều này.", "", SLF, "", ""),
		VI(VI_BASIS "Các chi bộ thực hiện điểm b và điểm đ khoản 1 "
			"Điều này.", "", SLF, "", ""),
		VI(VI_BASIS "Chi bộ áp dụng Điều 3 của Quy định này.", "", SLF,
			"", ""),
		VI(VI_BASIS "Các tổ chức đảng chấp hành Quy định này.", "", SLF,
			"", ""),
		VI(VI_BASIS "Các chi bộ tổ chức thực hiện Kế hoạch này.", "",
			SLF, "", ""),
		/* aliases */
		VI("Thực hiện Quy định số 31-QĐ/TW ngày 15/3/2026 của Ban Chấp "
			"hành Trung ương (sau đây gọi tắt là Quy định 31), Ban "
			"Thường vụ hướng dẫn như sau:\n\nCác chi bộ thực hiện "
			"khoản 2 Điều 6 Quy định 31.", "", RES, "reg31",
			"art_6__para_2"),
		VI("Năm 2026, Tỉnh ủy quán triệt Chỉ thị số 07-CT/TW ngày "
			"02/02/2026 của Ban Bí thư (sau đây gọi tắt là Chỉ thị "
			"tuyên truyền).\n\nCác chi bộ thực hiện mục 2.1 Chỉ "
			"thị tuyên truyền.", "", RES, "ct07", "lvl_2__lvl_2-1"),
		/* the Charter, when loaded, is a directive like any other */
		CASE("vi", "charter", "Đảng viên có nhiệm vụ theo Điều 5 Điều "
			"lệ Đảng.", "Điều 5", RES, "charter", "art_5"),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_resolution, picks_the_document,
	.fini = teardown)
{
	run_case(k);
}

/* ## A directive named by its type word and title, then by the type
 * word alone ("об исполнении Положения о порядке …" … "ст. 6
 * Положения") */

ParameterizedTestParameters(cite_resolution, follows_a_title)
{
	static cite_case cases[] = {
		RU("Отчёт об исполнении Положения о порядке проведения проверок "
			"в комитете.\n\nСроки соблюдены согласно п. 1 ст. 6 "
			"Положения.", "п. 1", RES, "pol12", "art_6__para_1"),
		/* any case form of the type word, either place */
		RU("Комитет руководствуется Положением о порядке проведения "
			"проверок.\n\nСроки продлеваются по части 2 статьи 6 "
			"Положения.", "части 2", RES, "pol12", "art_6__para_2"),
		RU("Комитет руководствуется ПОЛОЖЕНИЕМ О ПОРЯДКЕ ПРОВЕДЕНИЯ "
			"ПРОВЕРОК.\n\nСроки продлеваются по части 2 статьи 6 "
			"Положения.", "части 2", RES, "pol12", "art_6__para_2"),
		/* a unit missing from the titled directive is broken */
		RU("Отчёт об исполнении Положения о порядке проведения проверок."
			"\n\nСроки соблюдены согласно ст. 30 Положения.",
			"ст. 30", BRK, "pol12", ""),
		/* a number names another document */
		RU("Отчёт об исполнении Положения о порядке проведения проверок."
			"\n\nСроки исчислялись по пункту 12 Положения № 45-П.",
			"пункту 12", EXT, "", ""),
		/* a date names another document too */
		RU("Отчёт об исполнении Положения о порядке проведения проверок."
			"\n\nКомитет провёл проверки.\n\nСроки исчислялись по "
			"пункту 2 Положения от 14 марта 2019 г. и соблюдались.",
			"пункту 2", EXT, "", ""),
		/* without the title the type word names nothing loaded */
		RU("Отчёт комитета.\n\nСроки соблюдены согласно п. 1 ст. 6 "
			"Положения.", "п. 1", EXT, "", ""),
		/* the title named only after the type word does not count */
		RU("Сроки соблюдены согласно п. 1 ст. 6 Положения, как того "
			"требует исполнение Положения о порядке проведения "
			"проверок.", "п. 1", EXT, "", ""),
		/* part of a title is no title */
		RU("Отчёт об исполнении Положения о порядке.\n\nСроки соблюдены "
			"согласно п. 1 ст. 6 Положения.", "п. 1", EXT, "", ""),
		/* Vietnamese: "Quy định về …" named by its subject */
		VI("Báo cáo kết quả thực hiện Quy định về công tác kiểm tra, "
			"giám sát của Đảng.\n\nCác chi bộ thực hiện khoản 2 "
			"Điều 5 của Quy định.", "khoản 2", RES, "reg31",
			"art_5__para_2"),
		VI("Báo cáo kết quả thực hiện Chỉ thị về công tác phát triển "
			"đảng viên.\n\nCác chi bộ thực hiện khoản 2 Điều 5 của "
			"Quy định.", "khoản 2", EXT, "", ""),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_resolution, follows_a_title,
	.fini = teardown)
{
	run_case(k);
}

/* ## Single tests: the fixtures, spans, lines, messages, order */

/* Guards the tables above: the fixtures have the units they assume. */
Test(cite, fixtures_have_the_units_the_cases_assume, .fini = teardown)
{
	const dt_doc *dirs[FX_COUNT];
	const dt_meta *m;
	size_t n = load_set("charter", dirs);
	static const char *const need[][2] = {
		{ "reg31", "art_5__para_2__point_a__item_2" },
		{ "reg31", "art_7__para_1__point_đ" },
		{ "reg31", "art_7__para_1__point_g" },
		{ "reg31", "chp_2__sec_3" },
		{ "reg31", "art_8__para_5" },
		{ "reg31", "art_10__para_4__point_c" },
		{ "reg31", "art_12" },
		{ "hd06", "lvl_1__lvl_1-2__lvl_1-2-2" },
		{ "hd06", "lvl_8__lvl_8-1__point_h" },
		{ "hd06", "lvl_8__lvl_8-2" },
		{ "ct07", "lvl_2__lvl_2-1__point_b" },
		{ "reg24", "lvl_3__lvl_3-2" },
		{ "reg24", "lvl_5" },
		{ "pol12", "part_2" },
		{ "pol12", "chp_3" },
		{ "pol12", "art_5__para_2__point_д" },
		{ "act8", "chp_2" },
		{ "act8", "art_5__para_2__point_c" },
		{ "charter", "art_5" },
	};
	size_t i;

	cr_assert_eq(n, FX_COUNT);
	for (i = 0; i < sizeof(need) / sizeof(need[0]); i++) {
		cr_expect_not_null(dt_doc_find(fx[fixture_index(need[i][0])],
			need[i][1]), "%s lacks %s", need[i][0], need[i][1]);
	}
	cr_assert_not_null(dt_doc_find(fx[FX_REG31], "art_6"));
	cr_expect_eq(dt_unit_child_count(dt_doc_find(fx[FX_REG31], "art_6")),
		3);
	cr_expect_null(dt_doc_find(fx[FX_REG31], "art_13"));
	cr_expect_null(dt_doc_find(fx[FX_HD06], "lvl_8__lvl_8-5"));
	m = dt_doc_meta(fx[FX_REG31]);
	cr_expect_str_eq(m->symbol, "31-QĐ/TW");
	cr_assert_eq(m->replaces_count, 1);
	cr_expect_str_eq(m->replaces[0].symbol, "18-QĐ/TW");
	cr_expect_str_eq(dt_doc_meta(fx[FX_HD06])->symbol, "06-HD/TW");
	cr_expect_str_eq(dt_doc_meta(fx[FX_CT07])->symbol, "07-CT/TW");
	cr_expect_str_eq(dt_doc_meta(fx[FX_REG24])->symbol, "24-QĐ/TW");
	cr_expect_str_eq(dt_doc_meta(fx[FX_POL12])->symbol, "12-П");
	cr_expect_str_eq(dt_doc_meta(fx[FX_ACT8])->symbol, "8/2026/QH15");
	cr_expect_str_eq(dt_doc_meta(fx[FX_CHARTER])->type, "ĐIỀU LỆ");
	cr_expect_str_eq(dt_unit_implements_at(dt_doc_find(fx[FX_REG24],
		"lvl_3__lvl_3-2"), 0), "art_4__para_2");
	cr_expect_eq(dt_unit_implements_count(dt_doc_find(fx[FX_REG24],
		"lvl_1")), 1);
}

/* The first citation of the set whose text contains `s`. */
static const dt_cite *find_cite(const char *s)
{
	size_t i;

	for (i = 0; i < dt_citeset_count(set); i++) {
		const dt_cite *c = dt_citeset_at(set, i);

		if (c->text != NULL && strstr(c->text, s) != NULL) {
			return c;
		}
	}
	cr_assert_fail("no citation '%s'; got:%s", s, dump());
	return NULL;
}

/* The span [start, end) of the unit's text (or heading) is the text. */
static void expect_span(const dt_cite *c)
{
	const char *src = c->in_heading ? dt_unit_heading(c->unit)
		: dt_unit_text(c->unit);

	cr_assert_lt(c->start, c->end);
	cr_assert_leq(c->end, strlen(src));
	cr_expect_eq(c->end - c->start, strlen(c->text), "'%s'", c->text);
	cr_expect(strncmp(src + c->start, c->text, c->end - c->start) == 0,
		"span '%.*s' vs text '%s'", (int)(c->end - c->start),
		src + c->start, c->text);
}

Test(cite, reports_the_original_line, .fini = teardown)
{
	const dt_cite *c;

	cite("vi", "all", "Đoạn mở đầu.\n\nCác chi bộ thực hiện khoản 2 "
		"Điều 5 Quy định số 31-QĐ/TW.\n\nĐoạn kết.\n");
	c = find_cite("Điều 5");
	cr_expect_eq(c->line, 3);
	cr_expect_eq(c->status, DT_CITE_RESOLVED, "%s", dump());
}

Test(cite, reports_the_line_inside_a_wrapped_paragraph, .fini = teardown)
{
	const dt_cite *c;

	cite("vi", "all", "Đoạn mở đầu.\n\nCác chi bộ quán triệt nội dung\n"
		"và thực hiện khoản 2 Điều 5 Quy định số 31-QĐ/TW.\n");
	c = find_cite("Điều 5");
	cr_expect_eq(c->line, 4);
}

Test(cite, reports_the_original_line_through_crlf, .fini = teardown)
{
	const dt_cite *c;

	cite("vi", "all", "Đoạn mở đầu.\r\n\r\nCác chi bộ quán triệt nội "
		"dung\r\nvà thực hiện khoản 2 Điều 5 Quy định số 31-QĐ/TW.\r\n"
		"\r\nSau đó thực hiện Điều 8 Quy định số 31-QĐ/TW.\r\n");
	c = find_cite("Điều 5");
	cr_expect_eq(c->line, 4);
	c = find_cite("Điều 8");
	cr_expect_eq(c->line, 6);
}

Test(cite, text_is_the_cited_span, .fini = teardown)
{
	const dt_cite *c;

	cite("vi", "all", VI_BASIS "Các cấp ủy thực hiện khoản 2 Điều 5 "
		"nghiêm túc.");
	c = find_cite("Điều 5");
	cr_expect_str_eq(c->text, "khoản 2 Điều 5");
	cr_expect_eq(c->in_heading, 0);
	expect_span(c);
	cr_expect_eq(c->line, 3);
}

Test(cite, span_of_a_named_citation_starts_at_its_smallest_unit,
	.fini = teardown)
{
	static const char body[] = "Các chi bộ thực hiện điểm a khoản 2 "
		"Điều 5 Quy định số 31-QĐ/TW ngay.";
	const dt_cite *c;

	cite("vi", "all", body);
	c = find_cite("điểm a");
	cr_expect_eq(c->start, (size_t)(strstr(body, "điểm a") - body));
	cr_expect(strncmp(c->text, "điểm a khoản 2 Điều 5",
		strlen("điểm a khoản 2 Điều 5")) == 0, "%s", c->text);
	expect_span(c);
}

Test(cite, every_citation_names_its_rule_and_has_a_message,
	.fini = teardown)
{
	size_t i;

	/* sentences apart: a document attaches to the units before it */
	cite("vi", "all", VI_BASIS "Các chi bộ thực hiện khoản 2 Điều 5. "
		"Đoàn kiểm tra không có khoản 9 Điều 6. Không áp dụng Quy định "
		"số 18-QĐ/TW. Chính quyền thực hiện Nghị định 30/2020/NĐ-CP. "
		"Chi bộ thực hiện Điều này. Các cấp thực hiện từ Điều 9 đến "
		"Điều 11.");
	cr_assert_geq(dt_citeset_count(set), 7, "%s", dump());
	for (i = 0; i < dt_citeset_count(set); i++) {
		const dt_cite *c = dt_citeset_at(set, i);

		cr_expect_not_null(c->unit);
		cr_expect_not_null(c->text);
		cr_expect_not_null(c->rule);
		cr_expect(c->rule != NULL && c->rule[0] != '\0',
			"citation %zu '%s' has no rule", i, c->text);
		cr_expect_not_null(c->message);
		cr_expect_not_null(c->document);
		cr_expect(c->neids == 0 || c->eids != NULL);
		expect_span(c);
	}
}

Test(cite, broken_message_names_the_missing_unit, .fini = teardown)
{
	const dt_cite *c;

	cite("vi", "all", VI_BASIS "Đoàn kiểm tra có quyền theo khoản 9 "
		"Điều 6.");
	c = find_cite("Điều 6");
	cr_assert_eq(c->status, DT_CITE_BROKEN, "%s", dump());
	cr_expect_eq(c->directive, fx[FX_REG31]);
	cr_assert_not_null(c->message);
	cr_expect(strstr(c->message, "khoản 9") != NULL ||
		strstr(c->message, "para_9") != NULL,
		"message '%s' does not name khoản 9", c->message);
}

/* "статей 3 – 4 областного Положения" after "(далее — областное
 * Положение)": the alias names the document, and the citation says so
 * (not "basis"); "Типового положения" names none, and no basis either. */
Test(cite, an_adjective_and_a_type_word_resolve_by_their_alias,
	.fini = teardown)
{
	const dt_cite *c;

	cite("ru", "all", RU_BASIS "Комитет руководствуется Положением № "
		"12-П (далее — областное Положение).\n\nПриём ведётся по "
		"статьям 3 \u2013 4 областного Положения, отчёты по статье 3 "
		"Типового положения.");
	c = find_cite("статьям 3");
	cr_assert_eq(c->status, DT_CITE_RESOLVED, "%s", dump());
	cr_expect_eq(c->directive, fx[FX_POL12]);
	cr_expect_str_eq(c->text, "статьям 3 \u2013 4 областного Положения");
	cr_expect_str_eq(c->document, "областного Положения");
	cr_expect_str_eq(c->rule, "ru-units+alias");
	c = find_cite("статье 3");
	cr_expect_eq(c->status, DT_CITE_EXTERNAL, "%s", dump());
	cr_expect_str_eq(c->document, "Типового положения");
	cr_expect_str_eq(c->rule, "ru-units+type");
}

Test(cite, several_citations_come_out_in_text_order, .fini = teardown)
{
	static const char *const want[] = { "art_3", "art_9", "art_1" };
	const dt_unit *last;
	size_t i, k = 0, prev_start = 0;

	cite("vi", "all", VI_BASIS "Trước hết thực hiện Điều 3; sau đó "
		"thực hiện Điều 9; cuối cùng thực hiện Điều 1.");
	last = dt_doc_unit_at(local, dt_doc_unit_count(local) - 1);
	for (i = 0; i < dt_citeset_count(set); i++) {
		const dt_cite *c = dt_citeset_at(set, i);

		if (i > 0) {
			cr_expect_geq(c->line, dt_citeset_at(set, i - 1)->line,
				"set not in document order:%s", dump());
		}
		if (c->unit != last) {
			continue;
		}
		cr_assert_lt(k, 3, "too many citations:%s", dump());
		cr_expect_eq(c->status, DT_CITE_RESOLVED, "%s", dump());
		cr_assert_eq(c->neids, 1, "%s", dump());
		cr_expect_str_eq(c->eids[0], want[k]);
		if (k > 0) {
			cr_expect_gt(c->start, prev_start);
		}
		prev_start = c->start;
		k++;
	}
	cr_expect_eq(k, 3, "%s", dump());
}

Test(cite, finds_citations_in_table_rows, .fini = teardown)
{
	const dt_cite *c;

	cite("vi", "all", "| STT | Nội dung | Căn cứ |\n|---|---|---|\n"
		"| 1 | Kiểm tra | khoản 2 Điều 5 Quy định số 31-QĐ/TW |\n"
		"| 2 | Giám sát | Điều 7 Quy định số 31-QĐ/TW |\n");
	c = find_cite("khoản 2");
	cr_expect_eq(dt_unit_kind(c->unit), DT_KIND_ROW);
	cr_expect_eq(c->line, 3);
	cr_assert_eq(c->status, DT_CITE_RESOLVED, "%s", dump());
	cr_assert_eq(c->neids, 1);
	cr_expect_str_eq(c->eids[0], "art_5__para_2");
	c = find_cite("Điều 7");
	cr_expect_eq(c->line, 4);
	cr_assert_eq(c->neids, 1, "%s", dump());
	cr_expect_str_eq(c->eids[0], "art_7");
}

Test(cite, finds_citations_in_headings, .fini = teardown)
{
	const dt_cite *c;

	cite("vi", "all", "## I. Triển khai khoản 1 Điều 8 Quy định số "
		"31-QĐ/TW\n\nCác chi bộ thực hiện.\n");
	c = find_cite("Điều 8");
	cr_expect_eq(c->in_heading, 1);
	cr_expect_str_eq(dt_unit_eid(c->unit), "sec_1");
	cr_expect_eq(c->line, 1);
	cr_assert_eq(c->status, DT_CITE_RESOLVED, "%s", dump());
	cr_assert_eq(c->neids, 1);
	cr_expect_str_eq(c->eids[0], "art_8__para_1");
	expect_span(c);
}

Test(cite, resolved_eids_exist_in_their_directive, .fini = teardown)
{
	size_t i, j, resolved = 0;

	cite("vi", "all", VI_BASIS "Các cấp ủy thực hiện điểm a khoản 2 Điều "
		"5, các khoản 1, 2 và 3 Điều 8, từ điểm a đến điểm đ khoản 1 "
		"Điều 7 và Chương II. Ngoài ra, thực hiện mục 2.1 Chỉ thị số "
		"07-CT/TW và tiểu mục 8.1 Mục 8 Hướng dẫn 06-HD/TW.");
	for (i = 0; i < dt_citeset_count(set); i++) {
		const dt_cite *c = dt_citeset_at(set, i);

		if (c->status != DT_CITE_RESOLVED) {
			continue;
		}
		resolved++;
		cr_assert_not_null(c->directive);
		cr_expect_gt(c->neids, 0);
		for (j = 0; j < c->neids; j++) {
			cr_expect_not_null(dt_doc_find(c->directive,
				c->eids[j]), "'%s': %s not in %s", c->text,
				c->eids[j], directive_name(c->directive));
		}
	}
	cr_expect_geq(resolved, 2, "%s", dump());
}

/* A dotted label is a full path: an item listed beside it is a target
 * of its own ("tiểu mục 2.1 và mục 3"), while the item its path starts
 * with only says where it is ("tiểu mục 2.1 mục 2"). */
Test(cite, an_item_listed_beside_a_dotted_one_is_a_target,
	.fini = teardown)
{
	static const struct {
		const char *text, *find;
		size_t n;
		const char *eids[3];
	} cases[] = {
		{ "Các chi bộ thực hiện tiểu mục 2.1 và mục 3 Chỉ thị số "
			"07-CT/TW.", "2.1", 2, { "lvl_2__lvl_2-1", "lvl_3" } },
		{ "Các chi bộ thực hiện mục 1 và tiểu mục 2.2 Chỉ thị số "
			"07-CT/TW.", "2.2", 2, { "lvl_1", "lvl_2__lvl_2-2" } },
		{ "Các chi bộ thực hiện tiểu mục 2.1, 2.2 và mục 3 Chỉ thị "
			"số 07-CT/TW.", "2.1", 3,
			{ "lvl_2__lvl_2-1", "lvl_2__lvl_2-2", "lvl_3" } },
		{ "Các chi bộ thực hiện tiểu mục 2.1 mục 2 Chỉ thị số "
			"07-CT/TW.", "2.1", 1, { "lvl_2__lvl_2-1" } },
	};
	size_t i, k;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const dt_cite *c;

		cite("vi", "all", cases[i].text);
		c = find_cite(cases[i].find);
		cr_assert_not_null(c, "%s:%s", cases[i].text, dump());
		cr_assert_eq(c->status, DT_CITE_RESOLVED, "%s", dump());
		cr_assert_eq(c->neids, cases[i].n, "%s:%s", cases[i].text,
			dump());
		for (k = 0; k < cases[i].n; k++) {
			cr_expect_str_eq(c->eids[k], cases[i].eids[k], "%s",
				cases[i].text);
		}
		teardown();
	}
}

Test(cite, a_document_citation_names_its_directive, .fini = teardown)
{
	const dt_cite *c;

	cite("vi", "all", "Các cấp ủy quán triệt Quy định số 31-QĐ/TW.");
	c = find_cite("31-QĐ/TW");
	cr_expect_eq(c->status, DT_CITE_DOCUMENT, "%s", dump());
	cr_expect_eq(c->directive, fx[FX_REG31]);
	cr_expect_eq(c->neids, 0);
	cr_assert_not_null(c->document);
	cr_expect(strstr(c->document, "31-QĐ/TW") != NULL, "document '%s'",
		c->document);
}

Test(cite, a_stale_citation_names_the_replacing_directive,
	.fini = teardown)
{
	const dt_cite *c;

	cite("vi", "all", "Các chi bộ không còn áp dụng Quy định số "
		"18-QĐ/TW.");
	c = find_cite("18-QĐ/TW");
	cr_expect_eq(c->status, DT_CITE_STALE, "%s", dump());
	cr_expect_eq(c->directive, fx[FX_REG31]);
	cr_assert_not_null(c->document);
	cr_expect(strstr(c->document, "18-QĐ/TW") != NULL, "document '%s'",
		c->document);
}

Test(cite, nothing_resolves_without_directives, .fini = teardown)
{
	size_t i;

	cite("vi", "none", VI_BASIS "Các chi bộ thực hiện khoản 2 Điều 5 và "
		"Điều 7 Quy định số 31-QĐ/TW.");
	cr_assert_gt(dt_citeset_count(set), 0);
	for (i = 0; i < dt_citeset_count(set); i++) {
		const dt_cite *c = dt_citeset_at(set, i);

		cr_expect_neq(c->status, DT_CITE_RESOLVED, "%s", dump());
		cr_expect_null(c->directive);
	}
	cr_expect_eq(find_cite("Điều 7")->status, DT_CITE_EXTERNAL, "%s",
		dump());
}

Test(cite, set_accessors_are_safe_at_the_edges, .fini = teardown)
{
	cite("vi", "all", "Không có trích dẫn nào.");
	cr_expect_eq(dt_citeset_count(set), 0, "%s", dump());
	cr_expect_null(dt_citeset_at(set, 0));
	cr_expect_null(dt_citeset_at(set, (size_t)-1));
	dt_citeset_free(NULL);
}

Test(cite, names_every_status)
{
	static const char *const names[] = { "resolved", "document", "broken",
		"stale", "self", "external", "ambiguous" };
	int s;

	for (s = DT_CITE_RESOLVED; s <= DT_CITE_AMBIGUOUS; s++) {
		cr_expect_str_eq(dt_cite_status_name((dt_cite_status)s),
			names[s]);
	}
}

/* Linear time: long lists and list-like bait end quickly. */
Test(cite, long_lists_and_bait_end_quickly, .fini = teardown,
	.timeout = 20)
{
	static const char head[] = VI_BASIS "Các chi bộ thực hiện ";
	size_t cap = sizeof(head) + 20000 * 16 + 64, n;
	char *md = malloc(cap);
	int i;

	cr_assert_not_null(md);
	n = (size_t)snprintf(md, cap, "%s", head);
	for (i = 0; i < 10000; i++) {
		n += (size_t)snprintf(md + n, cap - n, "Điều 5 và ");
	}
	for (i = 0; i < 10000; i++) {
		n += (size_t)snprintf(md + n, cap - n, "khoản 1, ");
	}
	snprintf(md + n, cap - n, "năm 2026.");
	cite("vi", "all", md);
	free(md);
	cr_expect_gt(dt_citeset_count(set), 0);
	cr_expect_eq(find_cite("Điều 5")->status, DT_CITE_RESOLVED, "%s",
		"long list");
}
