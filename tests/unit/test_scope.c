/*
 * test_scope.c - which local documents are within a directive's scope
 * (scope.c): those that cite it, name it or what it replaces as their
 * basis, state no basis, or rest on a local document that is within;
 * not those that carry out other documents only.
 */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "scope.h"

static dt_doc *parse(const char *text)
{
	dt_doc *doc = NULL;
	dt_error err = { 0 };

	cr_assert_eq(dt_doc_parse(&doc, text, strlen(text), "t.md", NULL,
			     &err), 0, "%s", err.message);
	return doc;
}

static const char directive[] =
	"BAN BÍ THƯ\n\nSố 31-QĐ/TW\n\n# QUY ĐỊNH\n\n"
	"**về sinh hoạt chi bộ**\n\n"
	"Quy định này thay thế Quy định số 18-QĐ/TW.\n\n"
	"### Điều 1. Sinh hoạt\n\nChi bộ sinh hoạt mỗi tháng một lần.\n";

/* A local document with symbol `symbol` carrying out `basis`. */
static dt_doc *local(const char *symbol, const char *basis)
{
	char text[1024];

	snprintf(text, sizeof(text),
		"TỈNH ỦY\n\nSố %s\n\n# KẾ HOẠCH\n\n**thực hiện**\n\n"
		"Thực hiện %s, ban hành Kế hoạch như sau:\n\n"
		"**1. Nhiệm vụ**\n\nChi bộ sinh hoạt định kỳ.\n",
		symbol, basis);
	return parse(text);
}

typedef struct {
	dt_doc *dir;
	dt_scope *s;
	dt_doc *docs[8];
	size_t n;
} fixture;

static void setup(fixture *f)
{
	memset(f, 0, sizeof(*f));
	f->dir = parse(directive);
	cr_assert_eq(dt__scope_new(&f->s, f->dir), 0);
}

static void add(fixture *f, const char *symbol, const char *basis,
	int cites)
{
	f->docs[f->n] = local(symbol, basis);
	cr_assert_eq(dt__scope_add(f->s, f->n, f->docs[f->n], cites), 0);
	f->n++;
}

static void teardown(fixture *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		dt_doc_free(f->docs[i]);
	}
	dt__scope_free(f->s);
	dt_doc_free(f->dir);
}

Test(scope, basis_of_another_directive_is_out)
{
	fixture f;

	setup(&f);
	add(&f, "14-KH/ĐU", "Chỉ thị số 07-CT/TW", 0);
	add(&f, "15-KH/TU", "Quy định số 31-QĐ/TW", 0);
	cr_assert_eq(dt__scope_resolve(f.s), 0);
	cr_expect_eq(dt__scope_in(f.s, 0), 0, "carries out 07-CT/TW only");
	cr_expect_eq(dt__scope_in(f.s, 1), 1, "names the directive");
	teardown(&f);
}

Test(scope, a_citation_of_the_directive_keeps_it_in)
{
	fixture f;

	setup(&f);
	add(&f, "14-KH/ĐU", "Chỉ thị số 07-CT/TW", 1);
	cr_assert_eq(dt__scope_resolve(f.s), 0);
	cr_expect_eq(dt__scope_in(f.s, 0), 1);
	teardown(&f);
}

Test(scope, chains_of_local_documents_in_any_order)
{
	fixture f;

	setup(&f);
	/* the cell's resolution comes before the district's plan it rests
	 * on, which rests on the province's plan naming the directive in
	 * another spelling */
	add(&f, "09-NQ/CB", "Kế hoạch số 12-KH/HU", 0);
	add(&f, "12-KH/HU", "Kế hoạch số 5-KH/TU", 0);
	add(&f, "05-KH/TU", "Quy định số 31-QD/TW", 0);
	add(&f, "21-KH/ĐU", "Kế hoạch số 99-KH/TU", 0);
	cr_assert_eq(dt__scope_resolve(f.s), 0);
	cr_expect_eq(dt__scope_in(f.s, 0), 1);
	cr_expect_eq(dt__scope_in(f.s, 1), 1);
	cr_expect_eq(dt__scope_in(f.s, 2), 1);
	cr_expect_eq(dt__scope_in(f.s, 3), 0, "rests on an unknown plan");
	teardown(&f);
}

Test(scope, replaced_directive_and_no_basis_are_in)
{
	fixture f;

	setup(&f);
	add(&f, "3-KH/TU", "Quy định số 18-QĐ/TW", 0);
	f.docs[f.n] = parse("# KẾ HOẠCH\n\nChi bộ sinh hoạt định kỳ.\n");
	cr_assert_eq(dt__scope_add(f.s, f.n, f.docs[f.n], 0), 0);
	f.n++;
	cr_assert_eq(dt__scope_resolve(f.s), 0);
	cr_expect_eq(dt__scope_in(f.s, 0), 1, "basis the directive replaces");
	cr_expect_eq(dt__scope_in(f.s, 1), 1, "no stated basis");
	cr_expect_eq(dt__scope_in(f.s, 7), 1, "never recorded");
	teardown(&f);
}

Test(scope, allocation_failures_are_reported)
{
	size_t nth;
	int rc = -1;

	for (nth = 1; rc != 0 && nth < 200; nth++) {
		dt_doc *dir = parse(directive), *doc = local("14-KH/ĐU",
			"Chỉ thị số 07-CT/TW và Kế hoạch số 2-KH/TU");
		dt_scope *s = NULL;

		dt__alloc_fail_after(nth);
		rc = dt__scope_new(&s, dir);
		if (rc == 0) {
			rc = dt__scope_add(s, 0, doc, 0);
		}
		if (rc == 0) {
			rc = dt__scope_resolve(s);
		}
		dt__alloc_fail_after(0);
		cr_expect(rc == 0 || rc == DT_ENOMEM);
		dt__scope_free(s);
		dt_doc_free(doc);
		dt_doc_free(dir);
	}
	cr_expect_eq(rc, 0, "succeeds once allocations do");
}
