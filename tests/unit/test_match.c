/*
 * test_match.c - implicit links (match.c): the inverted BM25 index of a
 * directive's leaf units, queried with local units.
 *
 * The fixtures are small directives written for these tests, in the
 * style of corpus/vi/31-QD-TW.md and corpus/ru/12-P.md, and local plans
 * that paraphrase some of their clauses.  What is checked comes from the
 * issue: a paraphrase ranks its clause first above the default threshold,
 * boilerplate alone does not, inflected Russian finds its статья, scores
 * stay in [0,1], evidence names shared terms, short or foreign units get
 * nothing, and every allocation failure is reported and leaks nothing.
 */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "match_internal.h"
#include "paragraph.h"

/* ## Fixtures */

static const char vi_directive[] =
	"# QUY ĐỊNH\n"
	"\n"
	"**VỀ SINH HOẠT CHI BỘ VÀ QUẢN LÝ ĐẢNG VIÊN**\n"
	"\n"
	"## Chương I\n"
	"\n"
	"QUY ĐỊNH CHUNG\n"
	"\n"
	"### Điều 1. Phạm vi điều chỉnh\n"
	"\n"
	"Quy định này quy định về sinh hoạt chi bộ và quản lý đảng viên.\n"
	"\n"
	"## Chương II\n"
	"\n"
	"SINH HOẠT CHI BỘ\n"
	"\n"
	"### Điều 2. Thời gian sinh hoạt\n"
	"\n"
	"1. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần vào một ngày cố "
	"định do chi ủy quyết định.\n"
	"\n"
	"2. Buổi sinh hoạt thường kỳ kéo dài không dưới 90 phút.\n"
	"\n"
	"### Điều 3. Tài liệu sinh hoạt\n"
	"\n"
	"1. Chi ủy chuẩn bị tài liệu sinh hoạt và gửi trước cho đảng viên "
	"ít nhất 02 ngày qua Sổ tay đảng viên điện tử.\n"
	"\n"
	"2. Biên bản sinh hoạt phải ghi đủ ý kiến phát biểu và kết luận của "
	"người chủ trì.\n"
	"\n"
	"### Điều 4. Sinh hoạt chuyên đề\n"
	"\n"
	"1. Mỗi năm chi bộ tổ chức ít nhất hai buổi sinh hoạt chuyên đề; "
	"chủ đề do chi ủy lựa chọn.\n"
	"\n"
	"2. Tài liệu chuyên đề phải có ý kiến đóng góp của những đảng viên "
	"am hiểu lĩnh vực liên quan.\n"
	"\n"
	"## Chương III\n"
	"\n"
	"QUẢN LÝ ĐẢNG VIÊN\n"
	"\n"
	"### Điều 5. Hồ sơ đảng viên\n"
	"\n"
	"1. Hằng năm, đảng viên bổ sung lý lịch và chi bộ hoàn thành việc "
	"bổ sung hồ sơ đảng viên trước ngày 31 tháng 3.\n"
	"\n"
	"2. Hồ sơ đảng viên được số hóa và cập nhật vào cơ sở dữ liệu đảng "
	"viên.\n"
	"\n"
	"### Điều 6. Đảng viên đi làm ăn xa\n"
	"\n"
	"1. Đảng viên đi làm việc ở địa phương khác từ 03 tháng trở lên "
	"phải báo cáo chi bộ.\n"
	"\n"
	"2. Chi bộ giữ liên lạc thường xuyên với đảng viên qua điện thoại "
	"hoặc Sổ tay đảng viên điện tử.\n"
	"\n"
	"### Điều 7. Hiệu lực thi hành\n"
	"\n"
	"Quy định này có hiệu lực kể từ ngày ký.\n";

/* A plan of a Party cell: p_1 is its preamble; sec_1__para_1 paraphrases
 * khoản 1 Điều 5, sec_1__para_2 khoản 1 Điều 4; sec_1__para_3 is
 * boilerplate; sec_1__para_4 a bare heading-like line. */
static const char vi_plan[] =
	"# KẾ HOẠCH\n"
	"\n"
	"**THỰC HIỆN QUY ĐỊNH VỀ SINH HOẠT CHI BỘ**\n"
	"\n"
	"Căn cứ Quy định về sinh hoạt chi bộ và quản lý đảng viên, chi ủy "
	"ban hành kế hoạch như sau:\n"
	"\n"
	"### I. NHIỆM VỤ\n"
	"\n"
	"1. Trước ngày 31/3 hằng năm, chi bộ thu phiếu bổ sung lý lịch của "
	"từng đảng viên và hoàn thành bổ sung hồ sơ đảng viên.\n"
	"\n"
	"2. Trong năm, chi bộ chọn hai chủ đề và tổ chức hai kỳ sinh hoạt "
	"chuyên đề.\n"
	"\n"
	"3. Ủy ban nhân dân xã triển khai kế hoạch, giao cơ quan, đơn vị, "
	"địa phương tổ chức thực hiện.\n"
	"\n"
	"4. Mục đích\n"
	"\n"
	"5. Chi ủy gửi tài liệu sinh hoạt chi bộ cho đảng viên qua Sổ tay "
	"đảng viên điện tử.\n";

/* A plan on another subject: flood prevention. */
static const char vi_flood[] =
	"# KẾ HOẠCH\n"
	"\n"
	"**PHÒNG, CHỐNG THIÊN TAI NĂM 2026**\n"
	"\n"
	"### I. NHIỆM VỤ\n"
	"\n"
	"1. Ủy ban nhân dân các xã hoàn thành kế hoạch phòng, chống thiên "
	"tai trước ngày 31 tháng 3; cập nhật cơ sở dữ liệu hộ dân.\n"
	"\n"
	"2. Duy trì liên lạc thường xuyên bằng điện thoại với các thôn.\n"
	"\n"
	"3. Kiểm tra an toàn hồ đập trước mùa mưa bão.\n";

/* A plan whose first task restates khoản 2 Điều 6, and whose second
 * uses a little of the words of several clauses (Điều 3, 4 and 6) and
 * implements none of them: each covers much of its clause's weight, none
 * a third of the paragraph's. */
static const char vi_scattered[] =
	"# KẾ HOẠCH\n"
	"\n"
	"**THỰC HIỆN QUY ĐỊNH VỀ SINH HOẠT CHI BỘ**\n"
	"\n"
	"### I. NHIỆM VỤ\n"
	"\n"
	"1. Chi bộ giữ liên lạc thường xuyên với đảng viên qua điện thoại và "
	"Sổ tay đảng viên điện tử.\n"
	"\n"
	"2. Chi ủy phân công đảng viên trẻ hướng dẫn đảng viên cao tuổi cài "
	"đặt Sổ tay đảng viên điện tử trên điện thoại, tra cứu lý lịch, chủ "
	"đề sinh hoạt chuyên đề và ý kiến đóng góp; kết quả ghi vào biên "
	"bản, báo cáo cấp ủy trước ngày 15 tháng 12 và đưa vào tiêu chí đánh "
	"giá, xếp loại chất lượng tổ chức cơ sở đảng.\n";

static const char ru_directive[] =
	"# ПОЛОЖЕНИЕ\n"
	"\n"
	"**о порядке рассмотрения обращений граждан**\n"
	"\n"
	"## Глава 1. Общие положения\n"
	"\n"
	"### Статья 1. Сфера действия\n"
	"\n"
	"Настоящее Положение устанавливает порядок рассмотрения обращений "
	"граждан.\n"
	"\n"
	"## Глава 2. Регистрация и рассмотрение обращений\n"
	"\n"
	"### Статья 2. Регистрация обращений\n"
	"\n"
	"1. Письменное обращение подлежит обязательной регистрации в течение "
	"трех дней с момента его поступления в исполнительный орган.\n"
	"\n"
	"2. Регистрация обращений осуществляется в системе электронного "
	"документооборота.\n"
	"\n"
	"### Статья 3. Рассмотрение обращений\n"
	"\n"
	"1. Обращение рассматривается в течение 30 дней со дня его "
	"регистрации.\n"
	"\n"
	"2. Руководитель вправе продлить срок рассмотрения обращения не "
	"более чем на 30 дней, уведомив об этом гражданина.\n"
	"\n"
	"### Статья 4. Личный прием\n"
	"\n"
	"Руководитель проводит личный прием граждан не реже одного раза в "
	"месяц по утвержденному графику.\n";

/* lvl_1 paraphrases пункт 1 статьи 2 in other case forms. */
static const char ru_order[] =
	"# ПРИКАЗ\n"
	"\n"
	"**Об организации работы с обращениями граждан**\n"
	"\n"
	"1. Регистрацию письменных обращений граждан проводить в течение "
	"трех дней с момента их поступления в министерство.\n"
	"\n"
	"2. Ответы на обращения граждан готовить в сроки, установленные "
	"для рассмотрения обращений.\n"
	"\n"
	"3. Личный прием граждан проводить по графику.\n";

static dt_doc *dir, *local;
static dt_matcher *m;

static dt_doc *parse(const char *src)
{
	dt_doc *doc = NULL;
	dt_error err = {0};

	cr_assert_eq(dt_doc_parse(&doc, src, strlen(src), NULL, NULL, &err), 0,
		"%s", err.message);
	return doc;
}

static void setup_pair(const char *directive, const char *localsrc)
{
	dt_error err = {0};

	dir = parse(directive);
	local = parse(localsrc);
	cr_assert_eq(dt__matcher_new(&m, dir, &err), 0, "%s", err.message);
}

static void teardown(void)
{
	dt__matcher_free(m);
	dt_doc_free(local);
	dt_doc_free(dir);
	m = NULL;
	local = dir = NULL;
	dt__alloc_fail_after(0);
}

/* Query the local unit `eid` with min_score 0 into out[8]. */
static size_t query(const char *eid, dt_match *out)
{
	const dt_unit *u = dt_doc_find(local, eid);
	dt_error err = {0};
	size_t n = 99;

	cr_assert_not_null(u, "no unit %s", eid);
	cr_assert_eq(dt__matcher_query(
			     m, u, dt_doc_lang(local), 0.0, out, 8, &n, &err),
		0, "%s", err.message);
	return n;
}

/* ## Ranking and scores */

Test(match, paraphrase_ranks_its_clause_first_above_threshold, .fini = teardown)
{
	dt_match out[8];

	setup_pair(vi_directive, vi_plan);
	cr_assert_geq(query("sec_1__para_1", out), 1);
	cr_assert_str_eq(dt_unit_eid(out[0].target), "art_5__para_1");
	cr_assert_geq(out[0].score, DT_MATCH_DEFAULT_MIN_SCORE);
	cr_assert_geq(query("sec_1__para_2", out), 1);
	cr_assert_str_eq(dt_unit_eid(out[0].target), "art_4__para_1");
	cr_assert_geq(out[0].score, DT_MATCH_DEFAULT_MIN_SCORE);
}

Test(match, boilerplate_alone_scores_below_the_threshold, .fini = teardown)
{
	dt_match out[8];
	size_t n, k;

	setup_pair(vi_directive, vi_plan);
	n = query("sec_1__para_3", out);
	for (k = 0; k < n; k++) {
		cr_assert_lt(out[k].score, DT_MATCH_DEFAULT_MIN_SCORE,
			"%s scored %f", dt_unit_eid(out[k].target),
			out[k].score);
	}
}

/* Without the query share (DT_MATCH_DEFAULT_MIN_SHARE) the second task would link
 * to khoản 2 Điều 6 (0.45), khoản 2 Điều 4 and khoản 1 Điều 3 (0.42):
 * the best and two near ties. */
Test(match, a_clause_must_account_for_a_share_of_the_paragraph,
	.fini = teardown)
{
	dt_match out[8];

	setup_pair(vi_directive, vi_scattered);
	cr_assert_geq(query("sec_1__para_1", out), 1);
	cr_assert_str_eq(dt_unit_eid(out[0].target), "art_6__para_2");
	cr_assert_geq(out[0].score, DT_MATCH_DEFAULT_MIN_SCORE);
	cr_assert_eq(query("sec_1__para_2", out), 0, "%s at %f",
		dt_unit_eid(out[0].target), out[0].score);
	dt__matcher_set_min_share(m, 0); /* any share: the three come back */
	cr_assert_eq(query("sec_1__para_2", out), 3);
	cr_assert_str_eq(dt_unit_eid(out[0].target), "art_6__para_2");
	cr_assert_geq(out[2].score, DT_MATCH_DEFAULT_MIN_SCORE);
}

Test(match, russian_inflected_paraphrase_finds_its_article, .fini = teardown)
{
	dt_match out[8];

	setup_pair(ru_directive, ru_order);
	cr_assert_geq(query("lvl_1", out), 1);
	cr_assert_str_eq(dt_unit_eid(out[0].target), "art_2__para_1");
	cr_assert_geq(out[0].score, DT_MATCH_DEFAULT_MIN_SCORE);
}

Test(match, scores_are_in_unit_range_best_first, .fini = teardown)
{
	dt_match out[8];
	size_t i, k, n, total = 0;

	setup_pair(vi_directive, vi_plan);
	for (i = 0; i < dt_doc_unit_count(local); i++) {
		const dt_unit *u = dt_doc_unit_at(local, i);

		cr_assert_eq(dt__matcher_query(
				     m, u, DT_LANG_VI, 0.0, out, 8, &n, NULL),
			0);
		for (k = 0; k < n; k++) {
			cr_assert(out[k].score >= 0.0 && out[k].score <= 1.0);
			cr_assert(k == 0 || out[k - 1].score >= out[k].score);
			cr_assert_eq(dt_unit_child_count(out[k].target), 0);
		}
		total += n;
	}
	cr_assert_gt(total, 0);
}

Test(match, min_score_and_max_bound_the_answer, .fini = teardown)
{
	const dt_unit *u;
	dt_match out[8];
	size_t n = 99;

	setup_pair(vi_directive, vi_plan);
	u = dt_doc_find(local, "sec_1__para_1");
	cr_assert_eq(
		dt__matcher_query(m, u, DT_LANG_VI, 1.01, out, 8, &n, NULL), 0);
	cr_assert_eq(n, 0);
	cr_assert_eq(
		dt__matcher_query(m, u, DT_LANG_VI, 0.0, NULL, 0, &n, NULL), 0);
	cr_assert_eq(n, 0);
	cr_assert_eq(
		dt__matcher_query(m, u, DT_LANG_VI, 0.0, out, 1, &n, NULL), 0);
	cr_assert_eq(n, 1);
}

/* ## Evidence */

Test(match, evidence_lists_shared_terms_as_written, .fini = teardown)
{
	dt_match out[8];

	setup_pair(vi_directive, vi_plan);
	cr_assert_geq(query("sec_1__para_1", out), 1);
	cr_assert(strstr(out[0].evidence, "lý lịch") != NULL ||
			  strstr(out[0].evidence, "bổ sung") != NULL,
		"evidence: %s", out[0].evidence);
	cr_assert_lt(strlen(out[0].evidence), sizeof(out[0].evidence));
	cr_assert_geq(query("sec_1__para_5", out), 1);
	cr_assert(strstr(out[0].evidence, "Sổ tay") != NULL ||
			  strstr(out[0].evidence, "điện tử") != NULL,
		"evidence: %s", out[0].evidence);
}

/* ## What gets nothing */

Test(match, short_and_empty_units_give_nothing, .fini = teardown)
{
	dt_match out[8];

	setup_pair(vi_directive, vi_plan);
	cr_assert_eq(query("sec_1__para_4", out), 0);
	cr_assert_eq(query("sec_1", out), 0);
}

Test(match, preamble_of_a_local_document_gives_nothing, .fini = teardown)
{
	dt_match out[8];

	setup_pair(vi_directive, vi_plan);
	cr_assert_eq(query("p_1", out), 0);
}

Test(match, units_that_oblige_nobody_are_not_targets, .fini = teardown)
{
	size_t i, k, n;
	dt_match out[8];

	setup_pair(vi_directive, vi_plan);
	for (i = 0; i < dt_doc_unit_count(local); i++) {
		n = query(dt_unit_eid(dt_doc_unit_at(local, i)), out);
		for (k = 0; k < n; k++) {
			cr_assert_str_neq(dt_unit_eid(out[k].target), "art_1");
			cr_assert_str_neq(dt_unit_eid(out[k].target), "art_7");
		}
	}
}

Test(match, document_on_another_subject_gives_nothing, .fini = teardown)
{
	size_t i;
	dt_match out[8];

	setup_pair(vi_directive, vi_flood);
	for (i = 0; i < dt_doc_unit_count(local); i++) {
		cr_assert_eq(
			query(dt_unit_eid(dt_doc_unit_at(local, i)), out), 0);
	}
}

Test(match, another_language_gives_nothing, .fini = teardown)
{
	const dt_unit *u;
	dt_match out[8];
	size_t n = 99;

	setup_pair(vi_directive, ru_order);
	u = dt_doc_find(local, "lvl_1");
	cr_assert_eq(dt__matcher_query(
			     m, u, dt_doc_lang(local), 0.0, out, 8, &n, NULL),
		0);
	cr_assert_eq(n, 0);
}

Test(match, same_answer_when_documents_alternate, .fini = teardown)
{
	dt_doc *flood = parse(vi_flood);
	dt_match a[8], b[8];
	size_t na, nb;

	setup_pair(vi_directive, vi_plan);
	na = query("sec_1__para_1", a);
	cr_assert_eq(dt__matcher_query(m, dt_doc_find(flood, "sec_1__para_1"),
			     DT_LANG_VI, 0.0, b, 8, &nb, NULL),
		0);
	cr_assert_eq(nb, 0);
	nb = query("sec_1__para_1", b);
	cr_assert_eq(na, nb);
	cr_assert_eq(a[0].target, b[0].target);
	cr_assert_float_eq(a[0].score, b[0].score, 1e-12);
	dt_doc_free(flood);
}

/* ## Failures */

Test(match, every_allocation_failure_is_reported_and_freed, .fini = teardown)
{
	dt_match out[8];
	size_t i, n;
	int rc, ok = 0;

	dir = parse(vi_directive);
	local = parse(vi_plan);
	for (i = 1; i < 5000 && !ok; i++) {
		dt_error err = {0};

		dt__alloc_fail_after(i);
		rc = dt__matcher_new(&m, dir, &err);
		if (rc == 0) {
			rc = dt__matcher_query(m,
				dt_doc_find(local, "sec_1__para_1"), DT_LANG_VI,
				0.0, out, 8, &n, &err);
			ok = rc == 0;
		}
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || rc == DT_ENOMEM, "rc %d at %zu: %s", rc, i,
			err.message);
		cr_assert(rc == 0 || err.code == DT_ENOMEM);
		dt__matcher_free(m);
		m = NULL;
	}
	cr_assert(ok);
}

Test(match, a_directive_without_leaves_matches_nothing, .fini = teardown)
{
	static const char empty[] = "# QUY ĐỊNH\n";
	dt_match out[8];

	setup_pair(empty, vi_plan);
	cr_assert_eq(query("sec_1__para_1", out), 0);
}

/* ## Paragraph queries */

/* A plan item of a title line and two paragraphs, each paraphrasing a
 * clause of vi_directive. */
static const char vi_item[] =
	"# KẾ HOẠCH\n"
	"\n"
	"**về sinh hoạt chi bộ và quản lý đảng viên**\n"
	"\n"
	"### I. NHIỆM VỤ\n"
	"\n"
	"1. Về tài liệu và chuyên đề\n"
	"\n"
	"Chi ủy gửi tài liệu sinh hoạt cho đảng viên trước ít nhất 02 ngày "
	"qua Sổ tay đảng viên điện tử.\n"
	"\n"
	"Hằng năm chi bộ tổ chức ít nhất hai buổi sinh hoạt chuyên đề, chủ "
	"đề do chi ủy lựa chọn.\n";

/* Query every paragraph of the item with min_score 0; into out[p][8]. */
static void query_paragraphs(const dt_unit *u, dt_match out[2][8],
	size_t n[2])
{
	const char *t = dt_unit_text(u);
	size_t len = strlen(t), title = dt__para_title_len(t, len);
	size_t at = title, start, end, p = 0;
	dt_error err = {0};

	cr_assert_gt(title, 0, "no title in '%s'", t);
	while (dt__para_next(t, len, &at, &start, &end)) {
		cr_assert_lt(p, 2);
		cr_assert_eq(dt__matcher_query_part(m, u, title, start, end,
				     dt_doc_lang(local), 0.0, out[p], 8,
				     &n[p], &err),
			0, "%s", err.message);
		p++;
	}
	cr_assert_eq(p, 2);
}

/* The terms the document factor kept are the terms the tokenizer finds
 * in the paragraph: the same answer from either. */
Test(match, a_paragraph_query_kept_or_tokenized_is_the_same,
	.fini = teardown)
{
	dt_match kept[2][8], fresh[2][8];
	size_t nk[2], nf[2], p, k;
	const dt_unit *u;

	setup_pair(vi_directive, vi_item);
	u = dt_doc_find(local, "sec_1__para_1");
	cr_assert_not_null(u);
	query_paragraphs(u, kept, nk);
	cr_assert_gt(nk[0], 0);
	cr_expect_str_eq(dt_unit_eid(kept[0][0].target), "art_3__para_1");
	cr_assert_gt(nk[1], 0);
	cr_expect_str_eq(dt_unit_eid(kept[1][0].target), "art_4__para_1");
	m->nuruns = 0; /* forget the kept terms: the queries tokenize */
	query_paragraphs(u, fresh, nf);
	for (p = 0; p < 2; p++) {
		cr_assert_eq(nk[p], nf[p], "paragraph %zu", p);
		for (k = 0; k < nk[p]; k++) {
			cr_expect_eq(kept[p][k].target, fresh[p][k].target);
			cr_expect_eq(kept[p][k].score, fresh[p][k].score);
			cr_expect_str_eq(kept[p][k].evidence,
				fresh[p][k].evidence);
		}
	}
}
