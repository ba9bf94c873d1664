/*
 * test_report_html.c - the HTML gap review (report_html.c) through the
 * public API: a small directive reviewed against a local document citing
 * some of its clauses, written with dt_review_write(DT_REPORT_HTML), then
 * read back with libxml2's HTML parser and queried with XPath: one map
 * row per article with the status of its dt_unit_review, one cell per
 * clause and point, a coverage bar per chapter, and every piece of
 * document text escaped (the only <script> is the page's own).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include "internal.h" /* dt__alloc_fail_after */

/* Three articles in two chapters; document text carries markup, '&' and
 * quotes that must come out as text. */
static const char dir_md[] =
	"BAN CHẤP HÀNH TRUNG ƯƠNG\n"
	"Số 31-QĐ/TW\n"
	"\n"
	"ĐẢNG CỘNG SẢN VIỆT NAM\n"
	"Hà Nội, ngày 15 tháng 3 năm 2026\n"
	"\n"
	"QUY ĐỊNH\n"
	"về sinh hoạt chi bộ & quản lý <script>alert(1)</script>\n"
	"\n"
	"## Chương I\n"
	"QUY ĐỊNH CHUNG\n"
	"\n"
	"### Điều 1. Trách nhiệm <script>alert(1)</script>\n"
	"\n"
	"1. Chi bộ phải sinh hoạt mỗi tháng một lần.\n"
	"2. Chi ủy phải chuẩn bị <script>alert(1)</script> & \"tài liệu\".\n"
	"\n"
	"### Điều 2. Nội dung sinh hoạt\n"
	"\n"
	"1. Bí thư chi bộ phải chủ trì.\n"
	"2. Buổi sinh hoạt phải có các nội dung sau:\n"
	"a) Thông tin thời sự;\n"
	"b) Đánh giá kết quả công việc.\n"
	"\n"
	"## Chương II\n"
	"TỔ CHỨC THỰC HIỆN\n"
	"\n"
	"### Điều 3. Tổ chức thực hiện\n"
	"\n"
	"1. Các cấp ủy phải tổ chức thực hiện.\n"
	"2. Ban Tổ chức Trung ương phải hướng dẫn.\n";

static const char local_md[] =
	"TỈNH ỦY SƠN HÀ\n"
	"Số 12-KH/TU\n"
	"\n"
	"KẾ HOẠCH\n"
	"thực hiện Quy định 31 <script>alert(1)</script> & 'x'\n"
	"\n"
	"1. Thực hiện khoản 1 Điều 1 Quy định số 31-QĐ/TW, các chi bộ "
	"sinh hoạt <script>alert(1)</script> & 'y'.\n"
	"2. Thực hiện điểm a khoản 2 Điều 2 Quy định số 31-QĐ/TW.\n"
	"3. Thực hiện khoản 9 Điều 3 Quy định số 31-QĐ/TW.\n";

/* A file name with markup, a C0 control and a byte that is not UTF-8. */
static const char local_name[] = "loc<b>&\x01\xff.md";

static const char accept_tsv[] =
	"art_3__para_2\tplanned\tsẽ làm <b>sau</b> & \"x\"\n";

static dt_doc *dir, *local;
static dt_review *rev;
static char *out;
static size_t outlen;
static htmlDocPtr html;
static xmlXPathContextPtr xp;

static void teardown(void)
{
	xmlXPathFreeContext(xp);
	xmlFreeDoc(html);
	dt_free(out);
	dt_review_free(rev);
	dt_doc_free(local);
	dt_doc_free(dir);
	xp = NULL;
	html = NULL;
	out = NULL;
	rev = NULL;
	local = NULL;
	dir = NULL;
}

/* Review `dmd` against `lmd` (may be NULL), write HTML, parse it back. */
static void review(const char *dmd, const char *lmd, const char *accept)
{
	dt_review_opts opts = { .flags = DT_REVIEW_NO_IMPLICIT };
	dt_error err = { 0 };

	cr_assert_eq(dt_doc_parse(&dir, dmd, strlen(dmd), "dir.md", NULL,
		&err), 0, "%s", err.message);
	cr_assert_eq(dt_review_new(&rev, dir, &opts, &err), 0, "%s",
		err.message);
	if (accept != NULL) {
		cr_assert_eq(dt_review_accept(rev, accept, strlen(accept),
			"accept.tsv", &err), 0, "%s", err.message);
	}
	if (lmd != NULL) {
		cr_assert_eq(dt_doc_parse(&local, lmd, strlen(lmd),
			local_name, NULL, &err), 0, "%s", err.message);
		cr_assert_eq(dt_review_add(rev, local, &err), 0, "%s",
			err.message);
	}
	cr_assert_eq(dt_review_finish(rev, &err), 0, "%s", err.message);
	cr_assert_eq(dt_review_write(&out, &outlen, rev, DT_REPORT_HTML, 0,
		&err), 0, "%s", err.message);
	cr_assert_eq(strlen(out), outlen);
	html = htmlReadMemory(out, (int)outlen, "report.html", "UTF-8",
		HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	cr_assert_not_null(html);
	xp = xmlXPathNewContext(html);
	cr_assert_not_null(xp);
}

/* The number of nodes the XPath expression `fmt`, ... selects. */
static int count(const char *fmt, ...) DT_PRINTF(1, 2);
static int count(const char *fmt, ...)
{
	char expr[512];
	xmlXPathObjectPtr o;
	va_list ap;
	int n;

	va_start(ap, fmt);
	vsnprintf(expr, sizeof(expr), fmt, ap);
	va_end(ap);
	o = xmlXPathEvalExpression((const xmlChar *)expr, xp);
	cr_assert_not_null(o, "bad xpath %s", expr);
	n = o->nodesetval ? o->nodesetval->nodeNr : 0;
	xmlXPathFreeObject(o);
	return n;
}

/* The class attribute of the one element `fmt`, ... selects. */
static char *class_of(const char *fmt, ...) DT_PRINTF(1, 2);
static char *class_of(const char *fmt, ...)
{
	char expr[512];
	xmlXPathObjectPtr o;
	va_list ap;
	xmlChar *c;

	va_start(ap, fmt);
	vsnprintf(expr, sizeof(expr), fmt, ap);
	va_end(ap);
	o = xmlXPathEvalExpression((const xmlChar *)expr, xp);
	cr_assert(o && o->nodesetval && o->nodesetval->nodeNr == 1,
		"expected one match for %s", expr);
	c = xmlGetProp(o->nodesetval->nodeTab[0], (const xmlChar *)"class");
	xmlXPathFreeObject(o);
	cr_assert_not_null(c, "no class for %s", expr);
	return (char *)c;
}

/* The class the page must give unit `i` (accepted here or above and not
 * covered -> "accepted"). */
static const char *expected_class(size_t i)
{
	const dt_unit_review *ur = dt_review_unit_at(rev, i);
	const dt_unit *u;
	size_t k;

	if (ur->obligation == 0 || ur->status == DT_COV_NA) {
		return "na";
	}
	if (ur->status == DT_COV_COVERED || ur->status == DT_COV_IMPLICIT) {
		return dt_coverage_name(ur->status);
	}
	for (u = ur->unit; u != NULL; u = dt_unit_parent(u)) {
		for (k = 0; k < dt_review_unit_count(rev); k++) {
			const dt_unit_review *a = dt_review_unit_at(rev, k);

			if (a->unit == u && a->accepted != DT_ACCEPT_NONE) {
				return "accepted";
			}
		}
	}
	return dt_coverage_name(ur->status);
}

static int has_class(const char *classes, const char *want)
{
	size_t n = strlen(want);
	const char *s = classes;

	while ((s = strstr(s, want)) != NULL) {
		if ((s == classes || s[-1] == ' ') &&
			(s[n] == ' ' || s[n] == '\0')) {
			return 1;
		}
		s += n;
	}
	return 0;
}

#define ROWS "//table[@class='coverage-map']//tr[contains(concat(' ', " \
	"@class, ' '), ' article ')]"

#define CELL ROWS "/td[contains(@class, 'cell')][a/@href='#u-%s']"

Test(report_html, has_one_coverage_row_per_article, .fini = teardown)
{
	review(dir_md, local_md, NULL);
	cr_assert_eq(count(ROWS), 3);
	cr_assert_eq(count(ROWS "[@data-eid='art_1']"), 1);
	cr_assert_eq(count(ROWS "[@data-eid='art_3']"), 1);
	/* clauses and points: 2 + (2 + 2) + 2 */
	cr_assert_eq(count(ROWS "/td[contains(@class, 'cell')]"), 8);
	cr_assert_eq(count("//details[contains(@class, 'article')]"),
		3);
}

Test(report_html, gives_rows_and_cells_the_status_of_their_unit,
	.fini = teardown)
{
	size_t i, checked = 0;

	review(dir_md, local_md, accept_tsv);
	for (i = 0; i < dt_review_unit_count(rev); i++) {
		const dt_unit *u = dt_review_unit_at(rev, i)->unit;
		char want[64], *c;

		snprintf(want, sizeof(want), "status-%s", expected_class(i));
		if (dt_unit_kind(u) == DT_KIND_ARTICLE) {
			c = class_of(ROWS "[@data-eid='%s']", dt_unit_eid(u));
			cr_expect(has_class(c, want), "%s: %s, want %s",
				dt_unit_eid(u), c, want);
			xmlFree(c);
			checked++;
		}
		if (count(CELL, dt_unit_eid(u)) == 1) {
			c = class_of(CELL, dt_unit_eid(u));
			cr_expect(has_class(c, want), "%s: %s, want %s",
				dt_unit_eid(u), c, want);
			xmlFree(c);
			checked++;
		}
	}
	cr_assert_eq(checked, 3 + 8);
	/* the fixture has every kind of status but implicit */
	cr_assert_gt(count("//td[contains(@class, 'status-covered')]"), 0);
	cr_assert_gt(count("//td[contains(@class, 'status-uncovered')]"),
		0);
	cr_assert_gt(count("//td[contains(@class, 'status-partial')]"), 0);
	cr_assert_eq(count("//td[contains(@class, 'status-accepted')]"),
		1);
}

Test(report_html, escapes_every_piece_of_document_text, .fini = teardown)
{
	xmlXPathObjectPtr o;
	xmlChar *s;

	review(dir_md, local_md, accept_tsv);
	/* one script element, ours; no <b> from the reason or file name */
	cr_assert_eq(count("//script"), 1);
	o = xmlXPathEvalExpression((const xmlChar *)"string(//script)", xp);
	cr_assert(strstr((const char *)o->stringval, "filters") != NULL);
	xmlXPathFreeObject(o);
	cr_assert_eq(count("//b[text()='sau']"), 0);
	cr_assert_null(strstr(out, "<script>alert"));
	cr_assert_null(strstr(out, "<b>sau"));
	cr_assert_null(strstr(out, "loc<b>"));
	cr_assert_not_null(strstr(out,
		"&lt;script&gt;alert(1)&lt;/script&gt;"));
	cr_assert_not_null(strstr(out, "&amp; &quot;tài liệu&quot;"));
	cr_assert_not_null(strstr(out, "sẽ làm &lt;b&gt;sau&lt;/b&gt; &amp; "
		"&quot;x&quot;"));
	/* the file name: markup escaped, C0 dropped, bad byte -> U+FFFD */
	cr_assert_not_null(strstr(out, "loc&lt;b&gt;&amp;\xEF\xBF\xBD.md"));
	cr_assert_null(memchr(out, '\x01', outlen));
	/* read back, the text is the text */
	cr_assert_gt(count("//*[contains(text(), '<script>alert(1)"
		"</script>')]"), 0);
	s = xmlNodeGetContent(xmlDocGetRootElement(html));
	cr_assert_not_null(strstr((const char *)s,
		"sẽ làm <b>sau</b> & \"x\""));
	xmlFree(s);
}

Test(report_html, draws_a_coverage_bar_per_chapter, .fini = teardown)
{
	review(dir_md, local_md, NULL);
	cr_assert_eq(count("//div[@class='chapter']"), 2);
	cr_assert_eq(count("//div[@class='chapter']/svg[@class='bar']"),
		2);
	/* Chương II: nothing cited but a clause it lacks */
	cr_assert_eq(count("//div[@data-eid='chp_2']/svg/rect"), 1);
	cr_assert_eq(count("//div[@data-eid='chp_2']/svg/rect[@class='seg "
		"status-uncovered']"), 1);
	cr_assert_eq(count("//div[@data-eid='chp_1']/svg/rect"), 3);
	cr_assert_gt(count("//div[@data-eid='chp_1']/svg/rect/title"),
		0);
	/* and one for the whole directive */
	cr_assert_eq(count("//section[@class='summary']/svg[@class='bar']"),
		1);
}

Test(report_html, lists_links_with_evidence_and_findings, .fini = teardown)
{
	review(dir_md, local_md, NULL);
	cr_assert_eq(count("//li[@id='u-art_1__para_1']//li[contains(@class,"
		" 'explicit')]"), 1);
	cr_assert_eq(count("//li[@id='u-art_1__para_1']//q[text()='khoản 1 "
		"Điều 1 Quy định số 31-QĐ/TW']"), 1);
	cr_assert_eq(count("//tr[contains(@class, 'kind-broken-ref')]"), 1);
	cr_assert_eq(count("//tr[contains(@class, 'finding')]"),
		(int)dt_review_finding_count(rev));
}

Test(report_html, is_deterministic, .fini = teardown)
{
	char *first;

	review(dir_md, local_md, accept_tsv);
	first = strdup(out);
	teardown();
	review(dir_md, local_md, accept_tsv);
	cr_assert_str_eq(first, out);
	free(first);
}

Test(report_html, maps_top_decimal_items_when_there_are_no_articles,
	.fini = teardown)
{
	static const char md[] =
		"NGHỊ QUYẾT\n\n1. Mục tiêu\n\n1.1. Cấp ủy phải làm.\n\n"
		"1.2. Chi bộ phải làm.\n\n2. Nhiệm vụ\n\n"
		"2.1. Đảng viên phải làm.\n";

	review(md, NULL, NULL);
	cr_assert_eq(count(ROWS), 2);
	cr_assert_eq(count(ROWS "[@data-eid='lvl_2']/td"), 1);
	cr_assert_eq(count(ROWS "[@data-eid='lvl_1']/td[contains(., "
		"'1.2')]"), 1);
}

Test(report_html, maps_the_highest_units_of_a_plan, .fini = teardown)
{
	static const char md[] =
		"# KẾ HOẠCH\n\n### I. MỤC ĐÍCH\n\n1. Quán triệt.\n\n"
		"2. Tổ chức.\n\n### II. NHIỆM VỤ\n\n1. Các cấp ủy phải làm.\n";

	review(md, NULL, NULL);
	cr_assert_eq(count(ROWS), 3);
	cr_assert_eq(count("//div[@class='chapter']/svg"), 2);
	cr_assert_eq(count("//tr[@class='group-head']"), 2);
}

/* Fail the nth allocation of the writer for every n until it succeeds:
 * each failure is DT_ENOMEM with no output (ASan checks for leaks). */
Test(report_html, fails_cleanly_when_memory_runs_out, .fini = teardown)
{
	size_t n, len;
	int rc = DT_ENOMEM;

	review(dir_md, local_md, accept_tsv);
	for (n = 1; rc == DT_ENOMEM; n++) {
		char *o = NULL;
		dt_error e = { 0 };

		dt__alloc_fail_after(n);
		rc = dt_review_write(&o, &len, rev, DT_REPORT_HTML, 0, &e);
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || rc == DT_ENOMEM, "n=%zu rc=%d", n, rc);
		cr_assert((rc == 0) == (o != NULL));
		if (o != NULL) {
			cr_assert_str_eq(o, out);
		}
		dt_free(o);
	}
	cr_assert_gt(n, 2);
}
