/*
 * test_plan.c - the plan drafter: gap-report reading and templates.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "dirtrace.h"

Test(plan, gaps_read_keeps_uncovered_and_partial)
{
	static const char json[] = "{\"units\":[{\"eid\":\"art_1\",\"status\":"
		"\"n/a\",\"links\":[]},{\"eid\":\"art_5__para_2\",\"status\":"
		"\"partial\",\"links\":[{\"local_eid\":\"x\"}]},{\"eid\":"
		"\"art_6\",\"status\":\"uncovered\"},{\"eid\":\"art_7\","
		"\"status\":\"covered\"}]}";
	char **eids = NULL;
	size_t n = 0, i;

	cr_assert_eq(dt_plan_gaps_read(&eids, &n, json, strlen(json), NULL), 0);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(eids[0], "art_5__para_2");
	cr_assert_str_eq(eids[1], "art_6");
	for (i = 0; i < n; i++) {
		dt_free(eids[i]);
	}
	dt_free(eids);
	cr_assert_eq(dt_plan_gaps_read(&eids, &n, "{}", 2, NULL), DT_EPARSE);
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
