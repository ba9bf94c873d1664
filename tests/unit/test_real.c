/*
 * test_real.c - real public documents (../shared/real, beside the project
 * in CI; never copied into it) outline without error, and what a person
 * counts by hand in each is what the outline finds.
 *
 * The counts were made with grep on the files: article heads "Điều N.",
 * chapter heads "Chương …", Roman section heads "I-"/"I." at the top
 * level; the symbol and the date from the header.  When ../shared/real
 * is absent the tests are skipped and say so.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <dirtrace.h>

typedef struct {
	char file[96];
	char type[32];
	char symbol[32];
	char date[16];
	size_t articles;
	size_t chapters;
	size_t top_sections; /* sections directly under the root */
} real_doc;

static const char *real_dir(void)
{
	static char dir[4096];
	struct stat st;

	snprintf(dir, sizeof(dir), "%s/../shared/real", DT_TEST_DATA);
	return stat(dir, &st) == 0 ? dir : NULL;
}

static size_t count_kind(const dt_doc *doc, dt_kind kind, int top_only)
{
	size_t i, n = 0;

	for (i = 0; i < dt_doc_unit_count(doc); i++) {
		const dt_unit *u = dt_doc_unit_at(doc, i);

		n += dt_unit_kind(u) == kind && (!top_only ||
			dt_unit_kind(dt_unit_parent(u)) == DT_KIND_ROOT);
	}
	return n;
}

ParameterizedTestParameters(real, outlines_as_counted_by_hand)
{
	static real_doc docs[] = {
		{ "vn_383-QD-TW_2025_BanBiThu_regulation-with-Dieu.txt",
		  "QUY ĐỊNH", "383-QĐ/TW", "2025-11-19", 23, 0, 4 },
		{ "vn_384-QD-TW_2025_BanBiThu_regulation-with-Chuong-Dieu.txt",
		  "QUY ĐỊNH", "384-QĐ/TW", "2025-11-19", 20, 3, 0 },
		{ "vn_HD-40-HD-BTGDVTW_2025_bao-cao-vien_cites-294-QD-TW.txt",
		  "HƯỚNG DẪN", "", "", 0, 0, 3 },
		{ "vn_HD-45-HD-BTCTW_2025_guides-377-QD-TW.txt",
		  "HƯỚNG DẪN", "45-HD/BTCTW", "2025-11-21", 0, 0, 7 },
		{ "vn_KH-1026-KH-UBND_2025_NgheAn_impl-CT-32-CT-TTg.txt",
		  "KẾ HOẠCH", "1026/KH-UBND", "2025-11-26", 0, 0, 4 },
		{ "vn_KH-141-KH-UBND_2025_BacNinh_impl-66-NQ-TW.txt",
		  "KẾ HOẠCH", "141/KH-UBND", "2025-11-20", 0, 0, 4 },
		{ "vn_KH-617-KH-UBND_2025_DongThap_impl-57-NQ-TW_with-task-"
		  "table.txt", "KẾ HOẠCH", "617/KH-UBND", "2025-12-01", 0, 0,
		  4 },
		{ "vn_article_quoting-06-HD-TW-2025_muc-8.txt", "", "", "", 0,
		  0, 0 },
	};

	return cr_make_param_array(real_doc, docs,
		sizeof(docs) / sizeof(docs[0]));
}

ParameterizedTest(real_doc *d, real, outlines_as_counted_by_hand)
{
	const char *dir = real_dir();
	char path[8192];
	dt_doc *doc = NULL;
	dt_error err = { 0 };
	const dt_meta *m;

	if (dir == NULL) {
		cr_skip_test("../shared/real is not present: real-document "
			"checks skipped");
	}
	snprintf(path, sizeof(path), "%s/%s", dir, d->file);
	cr_assert_eq(dt_doc_load(&doc, path, NULL, &err), 0, "%s: %s",
		d->file, err.message);
	m = dt_doc_meta(doc);
	cr_expect_str_eq(m->type, d->type, "%s", d->file);
	cr_expect_str_eq(m->symbol, d->symbol, "%s", d->file);
	cr_expect_str_eq(m->date, d->date, "%s", d->file);
	cr_expect_eq(count_kind(doc, DT_KIND_ARTICLE, 0), d->articles,
		"%s: articles", d->file);
	cr_expect_eq(count_kind(doc, DT_KIND_CHAPTER, 0), d->chapters,
		"%s: chapters", d->file);
	cr_expect_eq(count_kind(doc, DT_KIND_SECTION, 1), d->top_sections,
		"%s: sections", d->file);
	cr_expect_eq(dt_doc_lang(doc), DT_LANG_VI);
	dt_doc_free(doc);
}
