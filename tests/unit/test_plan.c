/*
 * test_plan.c - the plan drafter (lib/plan*.c): options, templates and
 * formats, the restriction to the gaps of a report, and out-of-memory
 * paths.  Extraction: test_plan_extract.c; the round trip through `gaps`:
 * test_plan_roundtrip.c; the engine: test_template*.c.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "dirtrace.h"
#include "internal.h"

Test(plan, gaps_read_keeps_uncovered_and_partial)
{
	static const char json[] = "{\"units\":[{\"eid\":\"art_1\",\"status\":"
		"\"n/a\",\"links\":[]},{\"eid\":\"art_5__para_2\",\"status\":"
		"\"partial\",\"links\":[{\"local_eid\":\"x\"}]},{\"eid\":"
		"\"art_6\",\"status\":\"uncovered\"},{\"eid\":\"art_7\","
		"\"status\":\"covered\"}]}";
	char **eids = NULL;
	size_t n = 0, i;

	cr_assert_eq(dt_plan_gaps_read(&eids, &n, json, strlen(json), NULL, NULL), 0);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(eids[0], "art_5__para_2");
	cr_assert_str_eq(eids[1], "art_6");
	for (i = 0; i < n; i++) {
		dt_free(eids[i]);
	}
	dt_free(eids);
	cr_assert_eq(dt_plan_gaps_read(&eids, &n, "{}", 2, NULL, NULL), DT_EPARSE);
}

Test(plan, unknown_placeholder_names_it_and_its_line)
{
	static const char tpl[] = "# KẾ HOẠCH\n\n{{symbol}}\n{{bogus}}\n";
	dt_plan_opts o;
	dt_error err = { 0 };
	dt_doc *doc = NULL;
	char *out = NULL;

	cr_assert_eq(dt_doc_load(&doc, DT_TEST_DATA "/corpus/vi/31-QD-TW.md",
		NULL, NULL), 0);
	memset(&o, 0, sizeof o);
	o.tpl = tpl;
	o.tpl_len = strlen(tpl);
	o.symbol = "15-KH/TU";
	cr_assert_eq(dt_plan_write(&out, NULL, doc, &o, &err), DT_EPARSE);
	cr_assert_eq(err.line, 4);
	cr_assert(strstr(err.message, "{{bogus}}") != NULL);
	o.tpl = NULL;
	o.date = "2026-03-15";
	cr_assert_eq(dt_plan_write(&out, NULL, doc, &o, NULL), 0);
	cr_assert(strstr(out, "Thực hiện khoản 2 Điều 5 Quy định số "
		"31-QĐ/TW: ") != NULL);
	cr_assert(strstr(out, "ngày 15 tháng 3 năm 2026") != NULL);
	cr_assert(strstr(out, "| 15-KH/TU |") == NULL);
	dt_free(out);
	dt_doc_free(doc);
}

Test(plan, gaps_read_counts_only_the_keys_of_units_themselves)
{
	/* a link inside a covered unit has an "eid" of its own, and the
	 * next unit's status must not be taken for it */
	static const char json[] = "{\"tool\":\"dirtrace\",\"units\":[\n"
		"{\"eid\":\"art_9__para_2\",\"status\":\"covered\",\"links\":"
		"[{\"file\":\"x.md\",\"eid\":\"p_2__row_6\",\"line\":87,"
		"\"score\":1.000,\"evidence\":\"Kho\\u1ea3n 2 \\\"\u0110i\u1ec1u\\\" 9\"}]},\n"
		"{\"status\":\"uncovered\",\"eid\":\"art_9__para_3\",\"accepted\":"
		"null,\"obligation\":true,\"links\":[]}],"
		"\"summary\":{\"units\":2}}";
	char **eids = NULL;
	size_t n = 0;

	cr_assert_eq(dt_plan_gaps_read(&eids, &n, json, strlen(json), NULL, NULL), 0);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(eids[0], "art_9__para_3");
	dt_free(eids[0]);
	dt_free(eids);
}

Test(plan, gaps_read_reports_malformed_json_with_its_line)
{
	static const char json[] = "{\"units\":[\n{\"eid\":\"a\",\n"
		"\"status\" \"uncovered\"}]}";
	char **eids = NULL;
	size_t n = 0;
	dt_error err = { 0 };

	cr_assert_eq(dt_plan_gaps_read(&eids, &n, json, strlen(json), NULL, &err),
		DT_EPARSE);
	cr_assert_null(eids);
	cr_assert_eq(err.line, 3);
	cr_assert(strstr(err.message, "':' was expected") != NULL);
}

static dt_doc *load31(void)
{
	dt_doc *doc = NULL;

	cr_assert_eq(dt_doc_load(&doc, DT_TEST_DATA "/corpus/vi/31-QD-TW.md",
		NULL, NULL), 0);
	return doc;
}

Test(plan, only_drafts_listed_units_and_the_unlisted_parts_of_whole_ones)
{
	/* art_4 is listed with one of its clauses: only that clause;
	 * art_6 is listed alone: all of its clauses */
	static const char *const only[] = { "art_4", "art_4__para_4",
		"art_6" };
	dt_doc *doc = load31();
	dt_plan_opts o;
	char *out = NULL;

	memset(&o, 0, sizeof o);
	o.only = only;
	o.only_count = 3;
	cr_assert_eq(dt_plan_write(&out, NULL, doc, &o, NULL), 0);
	cr_assert_null(strstr(out, "khoản 1 Điều 4 Quy định"));
	cr_assert_not_null(strstr(out, "1. Thực hiện khoản 4 Điều 4 Quy định"));
	cr_assert_not_null(strstr(out, "2. Thực hiện khoản 1 Điều 6 Quy định"));
	cr_assert_not_null(strstr(out, "4. Thực hiện khoản 3 Điều 6 Quy định"));
	cr_assert_null(strstr(out, "5. Thực hiện"));
	dt_free(out);
	o.only_count = 0; /* nothing listed: a plan without tasks */
	cr_assert_eq(dt_plan_write(&out, NULL, doc, &o, NULL), 0);
	cr_assert_not_null(strstr(out, "Không có nội dung nào"));
	dt_free(out);
	dt_doc_free(doc);
}

Test(plan, bad_options_are_refused_before_any_work)
{
	dt_doc *doc = load31();
	dt_plan_opts o;
	dt_error err = { 0 };
	char *out = NULL;

	memset(&o, 0, sizeof o);
	o.date = "2026-02-30x";
	cr_assert_eq(dt_plan_write(&out, NULL, doc, &o, &err), DT_EINVAL);
	cr_assert(strstr(err.message, "YYYY-MM-DD") != NULL);
	o.date = NULL;
	o.lang = DT_LANG_EN;
	cr_assert_eq(dt_plan_write(&out, NULL, doc, &o, NULL), DT_EINVAL);
	o.lang = DT_LANG_UNKNOWN;
	o.issuer = "T\xe1\xbb"; /* cut UTF-8 */
	cr_assert_eq(dt_plan_write(&out, NULL, doc, &o, NULL), DT_EINVAL);
	o.issuer = NULL;
	o.format = (dt_plan_format)7;
	cr_assert_eq(dt_plan_write(&out, NULL, doc, &o, NULL), DT_EINVAL);
	cr_assert_null(out);
	dt_doc_free(doc);
}

Test(plan, format_names)
{
	dt_plan_format f = DT_PLAN_MD;

	cr_assert_eq(dt_plan_format_from_name(&f, "akn"), 0);
	cr_assert_eq(f, DT_PLAN_AKN);
	cr_assert_eq(dt_plan_format_from_name(&f, "html"), 0);
	cr_assert_eq(f, DT_PLAN_HTML);
	cr_assert_eq(dt_plan_format_from_name(&f, "md"), 0);
	cr_assert_eq(f, DT_PLAN_MD);
	cr_assert_eq(dt_plan_format_from_name(&f, "pdf"), DT_ENOTFOUND);
}

Test(plan, each_format_has_its_built_in_template_and_escaping)
{
	dt_doc *doc = load31();
	dt_plan_opts o;
	char *out = NULL;

	memset(&o, 0, sizeof o);
	o.issuer = "A & B";
	o.format = DT_PLAN_AKN;
	cr_assert_eq(dt_plan_write(&out, NULL, doc, &o, NULL), 0);
	cr_assert(strncmp(out, "<?xml", 5) == 0);
	cr_assert_not_null(strstr(out, "<doc name=\"plan\">"));
	cr_assert_not_null(strstr(out, "<docAuthority>A &amp; B</docAuthority>"));
	dt_free(out);
	o.format = DT_PLAN_HTML;
	o.kind = DT_PLAN_REGULATION;
	o.lang = DT_LANG_RU;
	cr_assert_eq(dt_plan_write(&out, NULL, doc, &o, NULL), 0);
	cr_assert(strncmp(out, "<!DOCTYPE html>", 15) == 0);
	cr_assert_not_null(strstr(out, "<html lang=\"ru\">"));
	cr_assert_not_null(strstr(out, "ПОЛОЖЕНИЕ"));
	cr_assert_not_null(strstr(out, "статья 3 Положения № 31-QĐ/TW"));
	dt_free(out);
	dt_doc_free(doc);
}

Test(plan, a_partial_folder_overrides_one_partial)
{
	dt_doc *doc = load31();
	dt_plan_opts o;
	dt_error err = { 0 };
	char *out = NULL;
	static const char tpl[] = "<x>{{> html_style}}</x>\n";

	memset(&o, 0, sizeof o);
	o.format = DT_PLAN_HTML;
	o.tpl = tpl;
	o.tpl_len = strlen(tpl);
	o.tpl_file = "mine.html";
	o.partials_dir = DT_TEST_DATA "/tests/unit"; /* no _html_style.html */
	cr_assert_eq(dt_plan_write(&out, NULL, doc, &o, &err), 0, "%s",
		err.message);
	cr_assert(strncmp(out, "<x><style>", 10) == 0);
	dt_free(out);
	dt_doc_free(doc);
}

Test(plan, every_allocation_failure_is_reported_without_a_leak)
{
	dt_doc *doc = load31();
	dt_plan_opts o;
	char *out = NULL;
	size_t n;
	int rc = -1;

	memset(&o, 0, sizeof o);
	o.kind = DT_PLAN_REGULATION;
	o.format = DT_PLAN_AKN;
	/* every 97th allocation up to the whole run: the error paths of each
	 * stage, without running the ~30,000 allocations one by one */
	for (n = 1; rc != 0; n += 97) {
		dt__alloc_fail_after(n);
		rc = dt_plan_write(&out, NULL, doc, &o, NULL);
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || rc == DT_ENOMEM, "rc %d at %zu", rc, n);
		cr_assert(rc == 0 || out == NULL);
	}
	dt_free(out);
	dt_doc_free(doc);
}

/* Given the directive, a report must be its review: a report of another
 * directive (its id) or of an earlier version (a gap that is no unit)
 * would draft tasks for clauses that do not exist or say something
 * else. */
Test(plan, gaps_read_refuses_the_review_of_another_directive)
{
	static const char other[] = "{\"directive\":{\"file\":\"12-P.md\","
		"\"id\":\"12-П\",\"title\":\"\"},\n\"units\":[{\"eid\":"
		"\"art_5__para_2\",\"status\":\"uncovered\"}]}";
	static const char older[] = "{\"directive\":{\"id\":\"31-QĐ/TW\"},"
		"\"units\":[{\"eid\":\"art_40\",\"status\":\"uncovered\"}]}";
	static const char own[] = "{\"directive\":{\"id\":\"31-QĐ/TW\","
		"\"extra\":[1,{\"id\":\"x\"}]},\"units\":[{\"eid\":"
		"\"art_5__para_2\",\"status\":\"partial\"}]}";
	dt_doc *doc = load31();
	char **eids = NULL;
	size_t n = 0;
	dt_error err = { 0 };

	cr_assert_eq(dt_plan_gaps_read(&eids, &n, other, strlen(other), doc,
			     &err), DT_EPARSE);
	cr_assert_null(eids);
	cr_assert_str_eq(err.message,
		"gap report: a review of 12-П, not of 31-QĐ/TW");
	cr_assert_eq(err.line, 1);
	memset(&err, 0, sizeof(err));
	cr_assert_eq(dt_plan_gaps_read(&eids, &n, older, strlen(older), doc,
			     &err), DT_EPARSE);
	cr_assert(strstr(err.message, "art_40 is no unit of 31-QĐ/TW") !=
		NULL, "%s", err.message);
	/* without the directive, the same report reads as before */
	cr_assert_eq(dt_plan_gaps_read(&eids, &n, other, strlen(other), NULL,
			     NULL), 0);
	cr_assert_eq(n, 1);
	dt_free(eids[0]);
	dt_free(eids);
	cr_assert_eq(dt_plan_gaps_read(&eids, &n, own, strlen(own), doc,
			     NULL), 0);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(eids[0], "art_5__para_2");
	dt_free(eids[0]);
	dt_free(eids);
	dt_doc_free(doc);
}
