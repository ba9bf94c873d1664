/*
 * test_cite_engine.c - the inside of the citation engine (cite.c,
 * cite_ref.c, resolve.c, citeset.c, citeset_resolve.c): how chains are
 * cut into groups and attached (DOMAIN §4.2), ranges over the Vietnamese
 * letter table, the decimal-path and Charter-tag rules, and the
 * linear-time promise of DESIGN §7 on bomb shapes.  The table of
 * citation forms against the public API is test_cite.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <criterion/criterion.h>

#include "cite.h"

/* ## Scanning: what the scanner hands over */

#define MAX_RAWS 8

static dt_cite_raw raws[MAX_RAWS];
static size_t nraws;
static const char *text;

static int keep(const dt_cite_raw *raw, void *payload)
{
	(void)payload;
	if (nraws < MAX_RAWS) {
		raws[nraws] = *raw;
	}
	nraws++;
	return 0;
}

static void scan(dt_lang lang, const char *s)
{
	nraws = 0;
	text = s;
	cr_assert_eq(dt__cite_scan(s, strlen(s), lang, keep, NULL), 0);
}

/* "word label" of group g of raw r, as written. */
static void group_str(char *out, size_t cap, const dt_cite_raw *r,
	unsigned g)
{
	const dt_cite_group *grp = &r->groups[g];
	const dt_cite_label *l = &r->labels[grp->first];

	snprintf(out, cap, "%.*s %.*s", (int)(grp->word.end - grp->word.start),
		text + grp->word.start, grp->count ? (int)(l->lo.end -
		l->lo.start) : 0, grp->count ? text + l->lo.start : "");
}

/* The parent of each group as "child>parent" pairs, "-" for a root. */
static void expect_tree(const dt_cite_raw *r, const char *want)
{
	char got[1024] = "", a[64], b[64];
	size_t n = 0;
	unsigned g;

	for (g = 0; g < r->ngroups; g++) {
		group_str(a, sizeof(a), r, g);
		if (r->groups[g].parent >= 0) {
			group_str(b, sizeof(b), r,
				(unsigned)r->groups[g].parent);
		} else {
			snprintf(b, sizeof(b), "-");
		}
		n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%s>%s",
			g ? "; " : "", a, b);
	}
	cr_assert_str_eq(got, want);
}

static void expect_text(const dt_cite_raw *r, const char *want)
{
	cr_assert_eq(r->all.end - r->all.start, strlen(want), "'%.*s'",
		(int)(r->all.end - r->all.start), text + r->all.start);
	cr_assert(strncmp(text + r->all.start, want, strlen(want)) == 0);
}

Test(cite_engine, smaller_units_attach_to_the_nearest_larger_on_the_right)
{
	scan(DT_LANG_VI, "thực hiện khoản 1, khoản 2 Điều 7 và Điều 137, "
		"khoản 1, khoản 5 Điều 148.");
	cr_assert_eq(nraws, 1);
	expect_tree(&raws[0], "khoản 1>Điều 7; khoản 2>Điều 7; Điều 7>-; "
		"Điều 137>-; khoản 1>Điều 148; khoản 5>Điều 148; Điều 148>-");
}

Test(cite_engine, a_descent_after_commas_attaches_to_the_left)
{
	scan(DT_LANG_VI, "theo Điều 26, khoản 5, điểm a Luật Quốc phòng.");
	cr_assert_eq(nraws, 1);
	expect_tree(&raws[0], "Điều 26>-; khoản 5>Điều 26; điểm a>khoản 5");
	cr_assert_eq(raws[0].ref.kind, DT_REF_TITLE);
}

Test(cite_engine, mixed_lists_attach_as_domain_4_2_says)
{
	scan(DT_LANG_VI, "điểm a khoản 3, điểm a, b khoản 4 Điều 10 và "
		"khoản 10 Điều 4, khoản 2, điểm b khoản 3 Điều 10 Nghị định "
		"số 30/2020/NĐ-CP");
	cr_assert_eq(nraws, 1);
	expect_tree(&raws[0], "điểm a>khoản 3; khoản 3>Điều 10; "
		"điểm a>khoản 4; khoản 4>Điều 10; Điều 10>-; khoản 10>Điều 4; "
		"Điều 4>-; khoản 2>Điều 10; điểm b>khoản 3; khoản 3>Điều 10; "
		"Điều 10>-");
	cr_assert_eq(raws[0].ref.kind, DT_REF_SYMBOL);
	cr_assert_str_eq(raws[0].ref.key, "30/2020/ND-CP");
}

Test(cite_engine, a_semicolon_starts_a_new_segment)
{
	scan(DT_LANG_VI, "các khoản 2, 5 Điều 10; các khoản 4, 5 Điều 11");
	cr_assert_eq(nraws, 1);
	cr_assert_eq(raws[0].groups[0].seg, 0);
	cr_assert_eq(raws[0].groups[2].seg, 1);
	expect_tree(&raws[0], "khoản 2>Điều 10; Điều 10>-; khoản 4>Điều 11; "
		"Điều 11>-");
}

Test(cite_engine, plural_and_range_words_belong_to_the_span)
{
	scan(DT_LANG_VI, "nắm vững từ Điều 9 đến Điều 11 và các khoản 1, 2 "
		"và 3 Điều 8.");
	cr_assert_eq(nraws, 1);
	expect_text(&raws[0], "từ Điều 9 đến Điều 11 và các khoản 1, 2 và 3 "
		"Điều 8");
	cr_assert_eq(raws[0].groups[0].count, 1);
	cr_assert_eq(raws[0].labels[0].hi.end - raws[0].labels[0].hi.start,
		2);
}

Test(cite_engine, a_list_stops_before_a_count)
{
	scan(DT_LANG_VI, "tại Điều 5, 20 chi bộ đã thực hiện");
	cr_assert_eq(nraws, 1);
	cr_assert_eq(raws[0].groups[0].count, 1);
	expect_text(&raws[0], "Điều 5");
}

Test(cite_engine, a_charter_clause_tag_after_a_decimal_item_is_dropped)
{
	scan(DT_LANG_VI, "Theo Điều 4, mục 3.2. (Khoản 2) thì");
	cr_assert_eq(nraws, 1);
	cr_assert_eq(raws[0].ngroups, 2);
	cr_assert(raws[0].groups[1].decimal);
	expect_tree(&raws[0], "Điều 4>-; mục 3.2>Điều 4");
}

Test(cite_engine, english_brackets_name_smaller_units)
{
	scan(DT_LANG_EN, "under Article 5(2)(a) of Regulation No. 31-QĐ/TW");
	cr_assert_eq(nraws, 1);
	expect_tree(&raws[0], "Article 5>-;  2>Article 5;  a> 2");
	cr_assert_eq(raws[0].ref.kind, DT_REF_SYMBOL);
}

Test(cite_engine, russian_points_need_quotes_or_a_bracket)
{
	scan(DT_LANG_RU, "пп. «а» п. 2 ст. 5 и п. п. 3");
	cr_assert_eq(nraws, 2);
	cr_assert_eq(raws[0].groups[0].kind, DT_KIND_POINT);
	cr_assert_eq(raws[0].ngroups, 3);
	expect_text(&raws[1], "п. 3");
}

Test(cite_engine, a_reference_after_a_comma_descends_or_stands_alone)
{
	scan(DT_LANG_VI, "theo Quy định số 31-QĐ/TW, Điều 6, khoản 2; và "
		"Nghị định 30/2020/NĐ-CP, Điều này và Điều 9");
	cr_assert_eq(nraws, 3);
	cr_assert(raws[0].ref_before);
	cr_assert_eq(raws[1].kind, DT_RAW_DOC);
	cr_assert_eq(raws[2].kind, DT_RAW_UNITS);
	cr_assert(raws[2].groups[0].self);
}

Test(cite_engine, an_alias_keeps_the_words_after_its_type)
{
	scan(DT_LANG_VI, "Chỉ thị số 07-CT/TW (sau đây gọi tắt là Chỉ thị "
		"tuyên truyền) và Quy định số 31-QĐ/TW (sau đây gọi tắt là "
		"Quy định 31)");
	cr_assert_eq(nraws, 4);
	cr_assert_eq(raws[1].kind, DT_RAW_ALIAS);
	cr_assert_eq(raws[1].ref.kind, DT_REF_BARE);
	cr_assert_str_eq(raws[1].ref.key, "tuyên truyền");
	cr_assert_eq(raws[3].ref.kind, DT_REF_NUMBER);
	cr_assert_str_eq(raws[3].ref.key, "31");
}

Test(cite_engine, type_words_without_a_name_are_no_citation)
{
	scan(DT_LANG_VI, "Báo cáo 6 tháng đầu năm theo quy định hiện hành; "
		"Kế hoạch năm 2026.");
	cr_assert_eq(nraws, 0);
}

/* ## Resolution through the public API */

static dt_doc *dir, *local;
static dt_citeset *set;

static void teardown(void)
{
	dt_citeset_free(set);
	dt_doc_free(local);
	dt_doc_free(dir);
	set = NULL;
	local = dir = NULL;
}

static dt_doc *parse(const char *src, const char *file)
{
	dt_error err = { 0 };
	dt_doc *d = NULL;

	cr_assert_eq(dt_doc_parse(&d, src, strlen(src), file, NULL, &err), 0,
		"%s", err.message);
	return d;
}

static const char directive_md[] =
	"Số 31-QĐ/TW\n\n# QUY ĐỊNH\n\n**VỀ SINH HOẠT CHI BỘ**\n\n"
	"## Chương I\n\nQUY ĐỊNH CHUNG\n\n"
	"### Điều 5. Nội dung\n\n1. Một.\n\n2. Hai:\n\na) A;\n\nb) B;\n\n"
	"c) C;\n\nd) D;\n\nđ) Đ;\n\ne) E.\n\n"
	"### Điều 6. Chuyên đề\n\n1. Một.\n\n2. Hai.\n";

static void cite_all(const char *dir_md, const char *body)
{
	dt_error err = { 0 };

	dir = parse(dir_md, "dir.md");
	local = parse(body, "local.md");
	cr_assert_eq(dt_cites_find(&set, local, (const dt_doc *const *)&dir,
		1, &err), 0, "%s", err.message);
}

/* The first citation whose text starts with `prefix`. */
static const dt_cite *find(const char *prefix)
{
	size_t i;

	for (i = 0; i < dt_citeset_count(set); i++) {
		const dt_cite *c = dt_citeset_at(set, i);

		if (strncmp(c->text, prefix, strlen(prefix)) == 0) {
			return c;
		}
	}
	cr_assert_fail("no citation '%s'", prefix);
	return NULL;
}

static void expect_eids(const dt_cite *c, const char *want)
{
	char got[1024] = "";
	size_t i, n = 0;

	for (i = 0; i < c->neids; i++) {
		n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%s",
			i ? " " : "", c->eids[i]);
	}
	cr_assert_str_eq(got, want, "'%s': %s", c->text, c->message);
}

Test(cite_engine, a_letter_range_walks_the_vietnamese_table,
	.fini = teardown)
{
	const dt_cite *c;

	cite_all(directive_md, "Thực hiện từ điểm a đến điểm e khoản 2 Điều 5 "
		"Quy định số 31-QĐ/TW.\n");
	c = find("từ điểm a");
	cr_assert_eq(c->status, DT_CITE_RESOLVED);
	expect_eids(c, "art_5__para_2__point_a art_5__para_2__point_b "
		"art_5__para_2__point_c art_5__para_2__point_d "
		"art_5__para_2__point_đ art_5__para_2__point_e");
}

Test(cite_engine, cyrillic_points_name_vietnamese_points_by_position,
	.fini = teardown)
{
	const dt_cite *c;

	cite_all(directive_md, "Во исполнение Положения № 31-QD/TW "
		"выполняется подпункт «д» пункта 2 статьи 5 Положения 31.\n");
	c = find("подпункт");
	cr_assert_eq(c->status, DT_CITE_RESOLVED);
	expect_eids(c, "art_5__para_2__point_đ");
}

Test(cite_engine, a_missing_unit_is_broken_and_named, .fini = teardown)
{
	const dt_cite *c;

	cite_all(directive_md, "Đề nghị làm rõ khoản 9 Điều 6 Quy định "
		"số 31-QĐ/TW.\n");
	c = find("khoản 9");
	cr_assert_eq(c->status, DT_CITE_BROKEN);
	cr_assert_str_eq(c->message, "khoản 9 Điều 6 does not exist in "
		"31-QĐ/TW");
}

Test(cite_engine, an_earlier_item_the_named_document_lacks_takes_the_basis,
	.fini = teardown)
{
	static const char ct07[] = "Số 07-CT/TW\n\n# CHỈ THỊ\n\n**VỀ X**\n\n"
		"1. Một.\n\n2. Hai.\n\n2.1. Hai một.\n";
	dt_doc *dirs[2];
	dt_error err = { 0 };
	const dt_cite *c;

	dir = parse(directive_md, "31.md");
	dirs[0] = dir;
	dirs[1] = parse(ct07, "07.md");
	local = parse("- Căn cứ Quy định số 31-QĐ/TW;\n\nCác chi bộ thực "
		"hiện khoản 1 Điều 5, mục 2.1 Chỉ thị số 07-CT/TW.\n", "l.md");
	cr_assert_eq(dt_cites_find(&set, local, (const dt_doc *const *)dirs,
		2, &err), 0);
	c = find("khoản 1 Điều 5");
	expect_eids(c, "art_5__para_1");
	cr_assert_eq(c->directive, dirs[0]);
	c = find("mục 2.1");
	expect_eids(c, "lvl_2__lvl_2-1");
	cr_assert_eq(c->directive, dirs[1]);
	dt_citeset_free(set);
	set = NULL;
	dt_doc_free(dirs[1]);
}

Test(cite_engine, charter_tags_cite_the_charter, .fini = teardown)
{
	static const char charter[] = "# ĐIỀU LỆ ĐẢNG\n\n"
		"### Điều 1. Đảng viên\n\n1. Một.\n\n2. Hai.\n\n"
		"### Điều 3. Quyền\n\n1. Một.\n";
	static const char reg[] = "# QUY ĐỊNH\n\n**THI HÀNH ĐIỀU LỆ ĐẢNG**\n\n"
		"1. Điều 1 (Khoản 2): Tuổi đời\n\n1.1. Về tuổi đời.\n\n"
		"2. Điều 3: Về quyền\n\n2.1. (Khoản 1): Thông tin.\n";
	const dt_cite *c;
	size_t i, tags = 0;

	cite_all(charter, reg);
	for (i = 0; i < dt_citeset_count(set); i++) {
		c = dt_citeset_at(set, i);
		if (strcmp(c->rule, "charter-tag") == 0) {
			cr_assert_eq(c->status, DT_CITE_RESOLVED, "%s",
				c->message);
			tags++;
		}
	}
	cr_assert_eq(tags, 3);
	c = dt_citeset_at(set, 0);
	expect_eids(c, "art_1__para_2");
}

Test(cite_engine, citations_of_a_charter_keyed_regulation_use_its_tags,
	.fini = teardown)
{
	static const char reg[] = "Số 24-QĐ/TW\n\n# QUY ĐỊNH\n\n**THI HÀNH "
		"ĐIỀU LỆ ĐẢNG**\n\n1. Điều 1 (Khoản 2): Tuổi đời\n\n"
		"1.1. Về tuổi đời.\n\n1.1.1. Đủ 18 tuổi.\n\n"
		"3. Điều 4: Kết nạp\n\n3.2. (Khoản 2): Thủ tục.\n";
	const dt_cite *c;

	cite_all(reg, "Theo Quy định 24-QĐ/TW, Điều 1, mục 1, khoản 1.1.1; "
		"và Điều 4, mục 3.2. (Khoản 2) Quy định 24-QĐ/TW; Điều 1 "
		"(Khoản 2) Quy định số 24-QĐ/TW.\n");
	expect_eids(find("Quy định 24-QĐ/TW, Điều 1"),
		"lvl_1__lvl_1-1__lvl_1-1-1");
	expect_eids(find("Điều 4, mục 3.2"), "lvl_3__lvl_3-2");
	c = find("Điều 1 (Khoản 2)");
	expect_eids(c, "lvl_1");
}

Test(cite_engine, running_out_of_memory_anywhere_fails_cleanly,
	.fini = teardown)
{
	static const char body[] = "- Căn cứ Quy định số 31-QĐ/TW;\n\n"
		"Thực hiện Quy định số 31-QĐ/TW (sau đây gọi tắt là Quy định "
		"31), các chi bộ thực hiện khoản 1, khoản 2 Điều 5 "
		"và từ điểm a "
		"đến điểm đ khoản 2 Điều 5 Quy định 31; khoản 9 Điều 6.\n\n"
		"| STT | Căn cứ |\n|---|---|\n| 1 | Khoản 1 Điều 6 |\n";
	dt_error err = { 0 };
	size_t n;
	int rc = -1;

	/* the grammar and the regex adapter's per-thread data are made
	 * once: made here, the failures below hit dt_cites_find itself */
	cite_all(directive_md, body);
	dt_citeset_free(set);
	set = NULL;
	for (n = 1; n < 5000 && rc != 0; n++) {
		char *out = NULL;

		dt__alloc_fail_after(n);
		rc = dt_cites_find(&set, local, (const dt_doc *const *)&dir, 1,
			&err);
		if (rc == 0) {
			/* the failure may come in the writer instead */
			rc = dt_citeset_write(&out, NULL, set, DT_REPORT_JSON,
				&err);
			cr_assert(rc == 0 || rc == DT_ENOMEM, "%d", rc);
			cr_assert(rc != 0 || out != NULL);
			dt_free(out);
			dt_citeset_free(set);
			set = NULL;
		} else {
			cr_assert_eq(rc, DT_ENOMEM, "allocation %zu: %d", n,
				rc);
			cr_assert_null(set);
		}
		dt__alloc_fail_after(0);
	}
	dt__alloc_fail_after(0);
	cr_assert_eq(rc, 0, "never succeeded");
}

/* ## Linear time (DESIGN §7): time(10n) <= 12 x time(n) */

static int count_raw(const dt_cite_raw *raw, void *payload)
{
	(void)raw;
	++*(size_t *)payload;
	return 0;
}

static double cpu_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The fastest of five scans of `unit` repeated to n bytes: the least
 * disturbed by other processes. */
static double scan_time(const char *unit, size_t n, dt_lang lang)
{
	size_t k = strlen(unit), len = 0, hits = 0;
	double best = 1e9;
	char *s = malloc(n + k + 1);
	int r;

	cr_assert_not_null(s);
	while (len + k <= n) {
		memcpy(s + len, unit, k);
		len += k;
	}
	s[len] = '\0';
	for (r = 0; r < 5; r++) {
		double t0 = cpu_now();

		cr_assert_eq(dt__cite_scan(s, len, lang, count_raw, &hits), 0);
		t0 = cpu_now() - t0;
		best = t0 < best ? t0 : best;
	}
	free(s);
	return best;
}

/* A quadratic shape is 100 times slower at 10n and fails every try; a
 * linear one that met a busy machine (the suite runs in parallel) gets
 * three tries. */
static void expect_linear(const char *unit, size_t n, dt_lang lang)
{
	double a = 0, b = 0;
	int tries;

	for (tries = 0; tries < 3; tries++) {
		a = scan_time(unit, n, lang);
		b = scan_time(unit, 10 * n, lang);
		/* below the clock's resolution a ratio means nothing */
		if (b <= 12 * a || b < 0.02) {
			return;
		}
	}
	cr_expect_fail("'%s': %zu bytes %.4f s, %zu bytes %.4f s", unit, n,
		a, 10 * n, b);
}

/* n = 2 MB: past a core's L2 cache at both sizes, so that the ratio
 * measures the algorithm, not the memory hierarchy. */
Test(cite_engine, bare_level_words_cost_linear_time, .timeout = 120)
{
	expect_linear("khoản ", 2 << 20, DT_LANG_VI);
	expect_linear("Điều ", 2 << 20, DT_LANG_VI);
	expect_linear("п. ", 2 << 20, DT_LANG_RU);
}

Test(cite_engine, long_chains_and_names_cost_linear_time, .timeout = 120)
{
	expect_linear("khoản 1, ", 1 << 19, DT_LANG_VI);
	expect_linear("Điều 1, 2, ", 1 << 19, DT_LANG_VI);
	expect_linear("từ điểm a đến ", 1 << 19, DT_LANG_VI);
	expect_linear("Quy định ", 1 << 19, DT_LANG_VI);
	expect_linear("Điều 1 Quy định 31 ", 1 << 19, DT_LANG_VI);
	expect_linear("статьи 5–", 1 << 19, DT_LANG_RU);
	expect_linear("(sau đây gọi tắt là ", 1 << 19, DT_LANG_VI);
}
