/*
 * test_obligation.c - which directive units oblige, and which oblige
 * only the carrying out of the act itself (lib/obligation.c, the "exec"
 * rows of lib/data/obligation_markers.txt), and what that means for
 * implicit links.
 */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "internal.h"

static dt_doc *load(const char *path)
{
	dt_doc *d = NULL;
	dt_error err = { 0 };

	cr_assert_eq(dt_doc_load(&d, path, NULL, &err), 0, "%s", err.message);
	return d;
}

static const dt_unit *unit(const dt_doc *d, const char *eid)
{
	size_t i;

	for (i = 0; i < dt_doc_unit_count(d); i++) {
		if (strcmp(dt_unit_eid(dt_doc_unit_at(d, i)), eid) == 0) {
			return dt_doc_unit_at(d, i);
		}
	}
	cr_assert_fail("no unit %s", eid);
	return NULL;
}

Test(obligation, an_execution_article_obliges_but_executes_the_act)
{
	dt_doc *d = load(DT_TEST_DATA "/corpus/vi/31-QD-TW.md");

	/* Điều 15. Trách nhiệm thi hành */
	cr_expect_gt(dt__obligation_of(unit(d, "art_15__para_3")), 0);
	cr_expect_eq(dt__executes_act(unit(d, "art_15__para_3")), 1);
	cr_expect_eq(dt__executes_act(unit(d, "art_15")), 1);
	/* an ordinary clause, and entry into force (no obligation at all) */
	cr_expect_gt(dt__obligation_of(unit(d, "art_11__para_2")), 0);
	cr_expect_eq(dt__executes_act(unit(d, "art_11__para_2")), 0);
	cr_expect_eq(dt__obligation_of(unit(d, "art_16")), 0);
	cr_expect_eq(dt__executes_act(unit(d, "art_16")), 0);
	dt_doc_free(d);
}

Test(obligation, a_numbered_section_on_execution_counts_too)
{
	dt_doc *d = load(DT_TEST_DATA "/corpus/vi/07-CT-TW.md");

	/* "6. Tổ chức thực hiện" of a Chỉ thị with decimal numbering */
	cr_expect_eq(dt__executes_act(unit(d, "lvl_6__lvl_6-1")), 1);
	cr_expect_eq(dt__executes_act(unit(d, "lvl_5__lvl_5-1")), 0);
	dt_doc_free(d);
}

/* The review of a plan against 31-QĐ/TW whose item 1 mirrors khoản 3
 * Điều 15 in the plan's own words and item 2 cites it. */
Test(obligation, an_execution_clause_is_linked_by_citation_only)
{
	static const char plan[] =
		"## KẾ HOẠCH\n\n"
		"thực hiện Quy định số 31-QĐ/TW về sinh hoạt chi bộ\n\n"
		"### III. TỔ CHỨC THỰC HIỆN\n\n"
		"1. Trong quá trình thực hiện, nếu có vướng mắc, các cấp ủy "
		"phản ánh về Ban Tổ chức Tỉnh ủy để tổng hợp, báo cáo.\n\n"
		"2. Các chi bộ báo cáo vướng mắc theo khoản 3 Điều 15 Quy định "
		"số 31-QĐ/TW.\n";
	dt_doc *dir = load(DT_TEST_DATA "/corpus/vi/31-QD-TW.md");
	dt_doc *local = NULL;
	dt_review *r = NULL;
	dt_error err = { 0 };
	size_t i, k, explicit_links = 0;

	cr_assert_eq(dt_doc_parse(&local, plan, strlen(plan), "plan.md", NULL,
		&err), 0, "%s", err.message);
	cr_assert_eq(dt_review_new(&r, dir, NULL, &err), 0, "%s", err.message);
	cr_assert_eq(dt_review_add(r, local, &err), 0, "%s", err.message);
	cr_assert_eq(dt_review_finish(r, &err), 0, "%s", err.message);
	for (i = 0; i < dt_review_unit_count(r); i++) {
		const dt_unit_review *u = dt_review_unit_at(r, i);

		if (strncmp(dt_unit_eid(u->unit), "art_15", 6) != 0) {
			continue;
		}
		for (k = 0; k < u->nlinks; k++) {
			cr_expect_neq(u->links[k].kind, DT_LINK_IMPLICIT,
				"%s linked implicitly from line %zu",
				dt_unit_eid(u->unit), u->links[k].line);
			explicit_links += u->links[k].kind == DT_LINK_EXPLICIT;
		}
	}
	cr_expect_eq(explicit_links, 1);
	dt_review_free(r);
	dt_doc_free(local);
	dt_doc_free(dir);
}
