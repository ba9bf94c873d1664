/*
 * test_paragraph.c - the paragraphs of a unit's text (paragraph.c) and
 * the review matching a unit of several paragraphs one by one
 * (review_add.c): a citation in one paragraph does not silence the
 * others, a title is context, and a link points at its paragraph.
 */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "internal.h"
#include "paragraph.h"

static void expect_paragraphs(const char *t, size_t n,
	const char *const *want)
{
	size_t len = strlen(t), at = 0, start, end, k = 0;

	while (dt__para_next(t, len, &at, &start, &end)) {
		cr_assert_lt(k, n, "too many paragraphs in '%s'", t);
		cr_expect_eq(end - start, strlen(want[k]));
		cr_expect(strncmp(t + start, want[k], end - start) == 0,
			"paragraph %zu of '%s': '%.*s', want '%s'", k, t,
			(int)(end - start), t + start, want[k]);
		k++;
	}
	cr_expect_eq(k, n, "'%s': %zu paragraphs, want %zu", t, k, n);
	cr_expect_eq(at, len);
}

Test(paragraph, splits_at_blank_lines_only)
{
	static const char *const two[] = { "Một.\nHai.", "Ba." };
	static const char *const one[] = { "Một dòng" };
	static const char *const three[] = { "a", "b", "c" };

	expect_paragraphs("Một.\nHai.\n\nBa.", 2, two);
	expect_paragraphs("Một.\nHai.\n\n\n\nBa.\n", 2, two);
	expect_paragraphs("\n\nMột dòng\n\n", 1, one);
	expect_paragraphs("a\n\nb\n\nc", 3, three);
	expect_paragraphs("", 0, NULL);
	expect_paragraphs("\n\n\n", 0, NULL);
}

static size_t title_of(const char *t)
{
	return dt__para_title_len(t, strlen(t));
}

Test(paragraph, a_short_first_line_above_paragraphs_is_a_title)
{
	cr_expect_eq(title_of("Về quản lý đảng viên\n\nChi bộ rà soát."),
		strlen("Về quản lý đảng viên"));
	/* a sentence, a lead-in, a lone paragraph, a long line: no title */
	cr_expect_eq(title_of("Chi bộ họp.\n\nChi bộ rà soát."), 0);
	cr_expect_eq(title_of("Chi bộ có trách nhiệm:\n\na) Rà soát."), 0);
	cr_expect_eq(title_of("Về quản lý đảng viên"), 0);
	cr_expect_eq(title_of("Về quản lý\nđảng viên\n\nChi bộ rà soát."), 0);
	cr_expect_eq(title_of("một hai ba bốn năm sáu bảy tám chín mười "
		"mười một mười hai mười ba mười bốn\n\nChi bộ rà soát."), 0);
	cr_expect_gt(title_of("một hai ba bốn năm sáu bảy tám chín mười "
		"mười một mười hai mười ba\n\nChi bộ rà soát."), 0);
	cr_expect_eq(title_of(""), 0);
}

/* ## The review, paragraph by paragraph */

static const char local_md[] =
	"**ĐẢNG ỦY XÃ AN PHÚ**\n\n"
	"Số 07-KH/ĐU\n\n"
	"## KẾ HOẠCH\n\n"
	"**thực hiện Quy định số 31-QĐ/TW về sinh hoạt chi bộ và quản lý "
	"đảng viên**\n\n"
	"### I. NHIỆM VỤ\n\n"
	"**1. Về quản lý đảng viên**\n\n"                       /* line 11 */
	"Các chi bộ quản lý đảng viên đi làm ăn xa theo khoản 1 Điều 10 "
	"Quy định số 31-QĐ/TW và báo cáo Đảng ủy hằng quý.\n\n" /* 13 */
	"Chi bộ xem xét, đưa ra khỏi Đảng những đảng viên hai năm liền "
	"không hoàn thành nhiệm vụ, báo cáo cấp ủy cấp trên.\n"; /* 15 */

static const dt_link *find_link(const dt_review *r, const char *eid)
{
	size_t i;

	for (i = 0; i < dt_review_unit_count(r); i++) {
		const dt_unit_review *u = dt_review_unit_at(r, i);

		if (strcmp(dt_unit_eid(u->unit), eid) == 0) {
			return u->nlinks > 0 ? &u->links[0] : NULL;
		}
	}
	return NULL;
}

Test(paragraph, a_citing_paragraph_leaves_the_next_one_free_to_match)
{
	dt_doc *dir = NULL, *local = NULL;
	dt_review *r = NULL;
	dt_error err = { 0 };
	const dt_link *l;

	cr_assert_eq(dt_doc_load(&dir, DT_TEST_DATA "/corpus/vi/31-QD-TW.md",
		NULL, &err), 0, "%s", err.message);
	cr_assert_eq(dt_doc_parse(&local, local_md, strlen(local_md),
		"local.md", NULL, &err), 0, "%s", err.message);
	cr_assert_eq(dt_review_new(&r, dir, NULL, &err), 0, "%s", err.message);
	cr_assert_eq(dt_review_add(r, local, &err), 0, "%s", err.message);
	cr_assert_eq(dt_review_finish(r, &err), 0, "%s", err.message);

	l = find_link(r, "art_10__para_1"); /* the citation */
	cr_assert_not_null(l);
	cr_expect_eq(l->kind, DT_LINK_EXPLICIT);
	cr_expect_eq(l->line, 13);
	l = find_link(r, "art_11__para_2"); /* the paraphrase after it */
	cr_assert_not_null(l, "the paraphrasing paragraph found no link");
	cr_expect_eq(l->kind, DT_LINK_IMPLICIT);
	cr_expect_eq(l->line, 15, "the link points at line %zu", l->line);
	cr_expect_gt(l->score, 0.2);
	dt_review_free(r);
	dt_doc_free(local);
	dt_doc_free(dir);
}

/* ## A paragraph that cites needs a stronger match */

static dt_doc *load_31(void)
{
	dt_doc *dir = NULL;
	dt_error err = { 0 };

	cr_assert_eq(dt_doc_load(&dir, DT_TEST_DATA "/corpus/vi/31-QD-TW.md",
		NULL, &err), 0, "%s", err.message);
	return dir;
}

/* The review against `dir` of a plan whose item 2 (line 9) is `item`,
 * at threshold `min_score` (0: the calibrated one). */
static dt_review *review_at(const dt_doc *dir, const char *item,
	double min_score)
{
	static const char head[] =
		"## KẾ HOẠCH\n\n"
		"thực hiện Quy định số 31-QĐ/TW về sinh hoạt chi bộ\n\n"
		"### I. NHIỆM VỤ\n\n"
		"1. Chi bộ rà soát danh sách đảng viên đi làm ăn xa.\n\n"
		"2. "; /* line 9 */
	char md[1024];
	dt_doc *local = NULL;
	dt_review *r = NULL;
	dt_error err = { 0 };
	dt_review_opts opts = { 0 };

	cr_assert_lt((size_t)snprintf(md, sizeof(md), "%s%s\n", head, item),
		sizeof(md));
	cr_assert_eq(dt_doc_parse(&local, md, strlen(md), "local.md", NULL,
		&err), 0, "%s", err.message);
	opts.min_score = min_score;
	cr_assert_eq(dt_review_new(&r, dir, &opts, &err), 0, "%s", err.message);
	cr_assert_eq(dt_review_add(r, local, &err), 0, "%s", err.message);
	cr_assert_eq(dt_review_finish(r, &err), 0, "%s", err.message);
	dt_doc_free(local);
	return r; /* it keeps what it needs of the local document */
}

static dt_review *review_of_item(const dt_doc *dir, const char *item)
{
	return review_at(dir, item, 0);
}

static const char cites_10_1[] = " theo khoản 1 Điều 10 Quy định số 31-QĐ/TW.";

Test(paragraph, a_citing_paragraph_links_a_clause_it_paraphrases_closely)
{
	char item[256];
	dt_doc *dir = load_31();
	dt_review *r;
	const dt_link *l;

	snprintf(item, sizeof(item), "%s%s", "Chi bộ xem xét đảng viên "
		"không hoàn thành nhiệm vụ", cites_10_1);
	r = review_of_item(dir, item);
	l = find_link(r, "art_10__para_1");
	cr_assert_not_null(l);
	cr_expect_eq(l->kind, DT_LINK_EXPLICIT);
	l = find_link(r, "art_11__para_2");
	cr_assert_not_null(l, "a close paraphrase beside a citation is lost");
	cr_expect_eq(l->kind, DT_LINK_IMPLICIT);
	cr_expect_eq(l->line, 9);
	cr_expect_geq(l->score, 0.35);
	dt_review_free(r);
	dt_doc_free(dir);
}

Test(paragraph, a_citing_paragraph_needs_more_than_the_threshold)
{
	static const char loose[] =
		"Đảng viên không hoàn thành nhiệm vụ thì chi bộ nhắc nhở";
	char item[256];
	dt_doc *dir = load_31();
	dt_review *r;
	const dt_link *l;

	/* Without the citation the loose paraphrase passes the threshold… */
	snprintf(item, sizeof(item), "%s.", loose);
	r = review_of_item(dir, item);
	l = find_link(r, "art_11__para_2");
	cr_assert_not_null(l);
	cr_expect_eq(l->kind, DT_LINK_IMPLICIT);
	cr_expect(l->score >= 0.2 && l->score < 0.35, "score %.3f", l->score);
	dt_review_free(r);
	/* …and beside one it does not. */
	snprintf(item, sizeof(item), "%s%s", loose, cites_10_1);
	r = review_of_item(dir, item);
	cr_expect_null(find_link(r, "art_11__para_2"));
	cr_expect_not_null(find_link(r, "art_10__para_1"));
	dt_review_free(r);
	dt_doc_free(dir);
}

/* The bar is a factor on the threshold, so --min-score moves it too: a
 * close paraphrase beside a citation (score s) links at a threshold just
 * below s / 1.75 and not just above it. */
Test(paragraph, the_citing_bar_moves_with_the_threshold)
{
	char item[256];
	dt_doc *dir = load_31();
	dt_review *r;
	const dt_link *l;
	double s;

	snprintf(item, sizeof(item), "%s%s", "Chi bộ xem xét đảng viên "
		"không hoàn thành nhiệm vụ", cites_10_1);
	r = review_of_item(dir, item);
	l = find_link(r, "art_11__para_2");
	cr_assert_not_null(l);
	s = l->score;
	dt_review_free(r);
	r = review_at(dir, item, s / 1.75 - 0.01);
	l = find_link(r, "art_11__para_2");
	cr_expect(l != NULL && l->kind == DT_LINK_IMPLICIT);
	dt_review_free(r);
	r = review_at(dir, item, s / 1.75 + 0.01);
	cr_expect_null(find_link(r, "art_11__para_2"));
	dt_review_free(r);
	dt_doc_free(dir);
}

/* ## Paragraph lines counted from one paragraph to the next */

/* The slow count: a byte at a time, as dt_unit_text_line() does. */
static size_t newlines_slow(const char *t, size_t from, size_t to)
{
	size_t n = 0, i;

	for (i = from; i < to; i++) {
		n += t[i] == '\n';
	}
	return n;
}

Test(paragraph, newlines_between_offsets_agree_with_a_byte_count)
{
	static const char alphabet[] = "\n\n\na b.\xc4\x91";
	char t[300];
	unsigned seed = 12345;
	int round;

	for (round = 0; round < 2000; round++) {
		size_t len = (seed = seed * 1103515245u + 12345u) % 300, i;
		size_t from, to;

		for (i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			t[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		from = len ? (seed >> 8) % (len + 1) : 0;
		to = from + (len - from ? (seed >> 4) % (len - from + 1) : 0);
		cr_assert_eq(dt__para_newlines(t, from, to),
			newlines_slow(t, from, to), "round %d", round);
	}
	cr_expect_eq(dt__para_newlines("\n\n", 0, 2), 2);
	cr_expect_eq(dt__para_newlines("a\n", 0, 0), 0);
	cr_expect_eq(dt__para_newlines("a\n", 2, 2), 0);
}

/* What implicit_paragraphs (review_add.c) computes, the line of each
 * paragraph summed from the one before, against dt_unit_text_line() of
 * every unit of a document with several paragraphs per item. */
Test(paragraph, paragraph_lines_summed_agree_with_dt_unit_text_line)
{
	static const char md[] =
		"## KẾ HOẠCH\n\n"
		"1. **Về quản lý đảng viên**\n\n"
		"   Chi bộ rà soát.\n   Dòng hai.\n\n"
		"   Đoạn ba,\n   còn dòng,\n   và dòng nữa.\n\n\n"
		"   Đoạn cuối.\n\n"
		"2. Một dòng.\n\n"
		"   Hai đoạn.\n";
	dt_doc *doc = NULL;
	dt_error err = { 0 };
	size_t i, checked = 0;

	cr_assert_eq(dt_doc_parse(&doc, md, strlen(md), "local.md", NULL,
		&err), 0, "%s", err.message);
	for (i = 0; i < dt_doc_unit_count(doc); i++) {
		const dt_unit *u = dt_doc_unit_at(doc, i);
		const char *t = dt_unit_text(u);
		size_t len = strlen(t), at = 0, start, end, counted = 0;
		size_t line = dt_unit_text_line(u, 0);

		while (dt__para_next(t, len, &at, &start, &end)) {
			line += dt__para_newlines(t, counted, start);
			counted = start;
			cr_expect_eq(line, dt_unit_text_line(u, start),
				"unit %zu, paragraph at %zu", i, start);
			checked++;
		}
	}
	cr_expect_geq(checked, 6, "%zu paragraphs", checked);
	dt_doc_free(doc);
}
