/*
 * test_addressee.c - clauses that bind the centre (addressee.c): their
 * subject, at the start of the clause or of the lead-in of its points,
 * is a central body of lib/data/central_bodies.txt.
 */
#include <string.h>

#include <criterion/criterion.h>

#include "addressee.h"

static const char directive[] =
	"# QUY ĐỊNH\n\n"
	"### Điều 1. Tổ chức thực hiện\n\n"
	"1. Ban Tổ chức Trung ương chủ trì, phối hợp với các cơ quan liên "
	"quan hướng dẫn việc thực hiện.\n\n"
	"2. Các tỉnh ủy, thành ủy trực thuộc Trung ương xây dựng kế hoạch "
	"thực hiện.\n\n"
	"3. Hồ sơ đảng viên được quản lý theo hướng dẫn của Ban Tổ chức "
	"Trung ương.\n\n"
	"4. Ủy ban Kiểm tra Trung ương có trách nhiệm:\n\n"
	"a) Kiểm tra việc thực hiện;\n\n"
	"b) Báo cáo Ban Bí thư.\n\n"
	"5. Chính phủ điện tử được ứng dụng trong quản lý đảng viên.\n\n"
	"6. CHÍNH PHỦ ban hành nghị định hướng dẫn.\n";

static const char directive_ru[] =
	"# ПОЛОЖЕНИЕ\n\n"
	"### Статья 1. Полномочия\n\n"
	"1. Правительство области утверждает порядок учета обращений.\n\n"
	"2. Органы местного самоуправления направляют сведения в "
	"Правительство области.\n";

static dt_doc *parse(const char *text)
{
	dt_doc *doc = NULL;
	dt_error err = { 0 };

	cr_assert_eq(dt_doc_parse(&doc, text, strlen(text), "d.md", NULL,
			     &err), 0, "%s", err.message);
	return doc;
}

static int addressed(const dt_doc *doc, const char *eid)
{
	const dt_unit *u = dt_doc_find(doc, eid);

	cr_assert_not_null(u, "%s", eid);
	return dt__addressed_to_centre(u);
}

Test(addressee, the_subject_decides)
{
	dt_doc *d = parse(directive);

	cr_expect_eq(addressed(d, "art_1__para_1"), 1, "central subject");
	cr_expect_eq(addressed(d, "art_1__para_2"), 0,
		"provincial committees under the centre");
	cr_expect_eq(addressed(d, "art_1__para_3"), 0,
		"a central body named later is not the addressee");
	cr_expect_eq(addressed(d, "art_1__para_5"), 0,
		"\"chính phủ điện tử\" is not the Government");
	cr_expect_eq(addressed(d, "art_1__para_6"), 1, "any letter case");
	dt_doc_free(d);
}

Test(addressee, points_take_the_lead_in_of_their_clause)
{
	dt_doc *d = parse(directive);

	cr_expect_eq(addressed(d, "art_1__para_4__point_a"), 1);
	cr_expect_eq(addressed(d, "art_1__para_4__point_b"), 1);
	dt_doc_free(d);
}

Test(addressee, russian)
{
	dt_doc *d = parse(directive_ru);

	cr_expect_eq(addressed(d, "art_1__para_1"), 1);
	cr_expect_eq(addressed(d, "art_1__para_2"), 0);
	dt_doc_free(d);
}
