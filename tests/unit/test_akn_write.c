/*
 * test_akn_write.c - the AKN and Markdown writers (write_akn.c,
 * write_md.c) and the round trips the two formats promise each other:
 * md -> akn -> doc gives the same units, md -> akn -> md -> akn gives the
 * same bytes twice; and the reader and both writers under failing
 * allocations.  The reader itself is tested in test_akn.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include "akn_fixtures.h"
#include "internal.h"

#ifndef DT_TEST_DATA
#define DT_TEST_DATA "."
#endif

/* ## writing */

static dt_doc *built;

static void set(const char **field, const char *s)
{
	cr_assert_eq(dt__set_str((char **)field, s, strlen(s)), 0);
}

static dt_unit *add(dt_unit *parent, dt_kind kind, const char *num,
	long value, const char *eid, const char *heading, const char *text)
{
	dt_unit *u;

	cr_assert_eq(dt__unit_add(&u, parent, kind), 0);
	set((const char **)&u->num, num);
	set((const char **)&u->eid, eid);
	set((const char **)&u->heading, heading);
	set((const char **)&u->text, text);
	u->value = value;
	return u;
}

static dt_unit *add_row(dt_unit *parent, const char *eid, const char *a,
	const char *b)
{
	dt_unit *u = add(parent, DT_KIND_ROW, "", 1, eid, "", "");

	cr_assert_eq(dt__unit_add_cell(u, "STT", a), 0);
	cr_assert_eq(dt__unit_add_cell(u, "Nội dung", b), 0);
	return u;
}

/* A small directive built by hand, in a shape the outline makes: a
 * Charter-tagged level, a chapter, an article with hostile characters,
 * a clause with a point and a table. */
static void build_setup(void)
{
	dt_unit *chp, *art, *cl, *lvl;

	cr_assert_eq(dt__doc_new(&built, "built.md", NULL), 0);
	built->lang = DT_LANG_VI;
	set(&built->meta.type, "QUY ĐỊNH");
	set(&built->meta.symbol, "31-QĐ/TW");
	set(&built->meta.date, "2026-03-15");
	set(&built->meta.place, "Hà Nội");
	set(&built->meta.issuer, "Ban \"Bí\" thư & co");
	set(&built->meta.title, "VỀ SINH HOẠT CHI BỘ");
	lvl = add(&built->root, DT_KIND_LEVEL, "1", 1, "lvl_1", "Tuổi đời",
		"");
	cr_assert_eq(dt__unit_add_implements(lvl, "art_1__para_2"), 0);
	chp = add(&built->root, DT_KIND_CHAPTER, "I", 1, "chp_1",
		"QUY ĐỊNH CHUNG", "");
	art = add(chp, DT_KIND_ARTICLE, "5", 5, "art_5",
		"Phạm vi & <giới hạn>", "");
	cl = add(art, DT_KIND_CLAUSE, "1", 1, "art_5__para_1", "",
		"Cấp ủy \"A\" & B < C > D\x01\x1f có\ttrách   nhiệm:\n"
		"# không phải tiêu đề\n\n*đoạn* hai");
	add(cl, DT_KIND_POINT, "a", 1, "art_5__para_1__point_a", "",
		"Thông tin;");
	add_row(cl, "art_5__para_1__row_1", "1", "Hướng | dẫn");
	add_row(cl, "art_5__para_1__row_2", "2", "Rà soát");
	cr_assert_eq(dt__doc_finish(built, NULL), 0);
}

static void build_teardown(void)
{
	dt_doc_free(built);
	built = NULL;
}

static char *write_akn(const dt_doc *doc, size_t *len)
{
	char *out = NULL;
	dt_error e = { 0 };

	cr_assert_eq(dt_doc_write_akn(&out, len, doc, &e), 0, "%s",
		e.message);
	cr_assert_eq(strlen(out), *len);
	return out;
}

static char *write_md(const dt_doc *doc, size_t *len)
{
	char *out = NULL;
	dt_error e = { 0 };

	cr_assert_eq(dt_doc_write_md(&out, len, doc, &e), 0, "%s", e.message);
	cr_assert_eq(strlen(out), *len);
	return out;
}

#define EXPECT_HAS(s, needle) \
	cr_expect(strstr((s), (needle)) != NULL, "missing: %s", (needle))

Test(akn_write, writes_frbr_metadata_and_preface, .init = build_setup,
	.fini = build_teardown)
{
	static const char head[] = AKN_HEAD "  <act name=\"quy-dinh\">\n";
	size_t len;
	char *x = write_akn(built, &len);

	cr_expect(strncmp(x, head, sizeof(head) - 1) == 0, "%.200s", x);
	EXPECT_HAS(x, "<FRBRthis value=\"/akn/vn/act/quy-dinh/2026-03-15/"
		"31-QD-TW/!main\"/>");
	EXPECT_HAS(x, "<FRBRthis value=\"/akn/vn/act/quy-dinh/2026-03-15/"
		"31-QD-TW/vie@/!main\"/>");
	EXPECT_HAS(x, "<FRBRnumber value=\"31-QĐ/TW\"/>");
	EXPECT_HAS(x, "<FRBRlanguage language=\"vie\"/>");
	EXPECT_HAS(x, "<FRBRcountry value=\"vn\"/>");
	EXPECT_HAS(x, "<TLCOrganization eId=\"issuer\" href=\"/ontology/"
		"organization/ban-bi-thu-co\" showAs=\"Ban &quot;Bí&quot; thư "
		"&amp; co\"/>");
	EXPECT_HAS(x, "<p><docDate date=\"2026-03-15\">2026-03-15</docDate>"
		"</p>");
	EXPECT_HAS(x, "<p><location refersTo=\"#place\">Hà Nội</location>"
		"</p>");
	free(x);
}

Test(akn_write, writes_units_with_nums_as_written, .init = build_setup,
	.fini = build_teardown)
{
	size_t len;
	char *x = write_akn(built, &len);

	EXPECT_HAS(x, "      <chapter eId=\"chp_1\">\n"
		"        <num>Chương I</num>\n"
		"        <heading>QUY ĐỊNH CHUNG</heading>\n"
		"        <article eId=\"art_5\">\n"
		"          <num>Điều 5.</num>\n");
	EXPECT_HAS(x, "<point eId=\"art_5__para_1__point_a\">\n"
		"              <num>a)</num>\n");
	EXPECT_HAS(x, "<body>\n      <hcontainer eId=\"lvl_1\" name=\"lvl\">\n"
		"        <num>1. Điều 1 (Khoản 2):</num>\n"
		"        <heading>Tuổi đời</heading>\n");
	EXPECT_HAS(x, "<hcontainer name=\"table\">\n"
		"              <content>\n                <table>\n");
	EXPECT_HAS(x, "<tr eId=\"art_5__para_1__row_1\">\n"
		"                    <td><p>1</p></td>\n"
		"                    <td><p>Hướng | dẫn</p></td>\n");
	EXPECT_HAS(x, "<th><p>Nội dung</p></th>");
	free(x);
}

Test(akn_write, escapes_markup_and_drops_control_characters,
	.init = build_setup, .fini = build_teardown)
{
	size_t len, i;
	char *x = write_akn(built, &len);

	EXPECT_HAS(x, "<heading>Phạm vi &amp; &lt;giới hạn&gt;</heading>");
	EXPECT_HAS(x, "<intro>\n"
		"              <p>Cấp ủy \"A\" &amp; B &lt; C &gt; D có\ttrách   "
		"nhiệm:<eol/>\n"
		"                # không phải tiêu đề</p>\n"
		"\n"
		"              <p>*đoạn* hai</p>\n"
		"            </intro>\n");
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)x[i];

		cr_assert(c >= 0x20 || c == '\n' || c == '\t',
			"control byte %#x at %zu", c, i);
	}
	free(x);
}

Test(akn_write, is_deterministic_and_well_formed, .init = build_setup,
	.fini = build_teardown)
{
	size_t n1, n2;
	char *a = write_akn(built, &n1), *b = write_akn(built, &n2);
	dt_blocks bl;
	dt_error e = { 0 };

	cr_expect_eq(n1, n2);
	cr_expect(memcmp(a, b, n1) == 0);
	dt__blocks_init(&bl, 0);
	cr_expect_eq(dt__read_akn(&bl, a, n1, NULL, &e), 0, "%s (line %zu)",
		e.message, e.line);
	dt__blocks_dispose(&bl);
	free(a);
	free(b);
}

/* A date that is no date (Markdown front matter keeps `date:` as written
 * when it does not parse) is a slug in the FRBR URIs, and the XML reads
 * back; it was put there raw, quotes and '<' included. */
Test(akn_write, a_date_that_is_no_date_is_a_slug_in_uris,
	.init = build_setup, .fini = build_teardown)
{
	size_t len;
	char *x;
	dt_blocks bl;
	dt_error e = { 0 };

	set(&built->meta.date, "\"mùa xuân\" <năm> & tới");
	x = write_akn(built, &len);
	EXPECT_HAS(x, "<FRBRthis value=\"/akn/vn/act/quy-dinh/mua-xuan-nam-toi/"
		      "31-QD-TW/!main\"/>");
	dt__blocks_init(&bl, 0);
	cr_expect_eq(dt__read_akn(&bl, x, len, NULL, &e), 0, "%s (line %zu)",
		e.message, e.line);
	dt__blocks_dispose(&bl);
	free(x);
}

Test(akn_write, writes_plans_as_doc_with_main_body)
{
	dt_doc *doc;
	size_t len;
	char *x;

	cr_assert_eq(dt__doc_new(&doc, "", NULL), 0);
	set(&doc->meta.type, "KẾ HOẠCH");
	add(&doc->root, DT_KIND_SECTION, "I", 1, "sec_1", "MỤC ĐÍCH", "");
	cr_assert_eq(dt__doc_finish(doc, NULL), 0);
	x = write_akn(doc, &len);
	EXPECT_HAS(x, "<doc name=\"ke-hoach\">");
	EXPECT_HAS(x, "/akn/vn/doc/ke-hoach/undated/nn/!main");
	EXPECT_HAS(x, "<FRBRlanguage language=\"und\"/>");
	EXPECT_HAS(x, "<mainBody>\n      <section eId=\"sec_1\">\n"
		"        <num>I.</num>\n        <heading>MỤC ĐÍCH</heading>\n"
		"        <content>\n          <p/>\n");
	cr_expect_null(strstr(x, "FRBRauthor href=\"#issuer\""));
	free(x);
	dt_doc_free(doc);
}

Test(md_write, writes_front_matter_units_and_tables, .init = build_setup,
	.fini = build_teardown)
{
	static const char want[] =
		"---\n"
		"type: QUY ĐỊNH\n"
		"symbol: 31-QĐ/TW\n"
		"date: 2026-03-15\n"
		"place: Hà Nội\n"
		"issuer: Ban \"Bí\" thư & co\n"
		"title: VỀ SINH HOẠT CHI BỘ\n"
		"lang: vi\n"
		"---\n"
		"\n"
		"## 1. Điều 1 (Khoản 2): Tuổi đời\n"
		"\n"
		"## Chương I. QUY ĐỊNH CHUNG\n"
		"\n"
		"### Điều 5. Phạm vi \\& \\<giới hạn\\>\n"
		"\n"
		"1. Cấp ủy \"A\" \\& B \\< C \\> D có\ttrách   nhiệm:\n"
		"\\# không phải tiêu đề\n"
		"\n"
		"\\*đoạn\\* hai\n"
		"\n"
		"a) Thông tin;\n"
		"\n"
		"| STT | Nội dung |\n"
		"| --- | --- |\n"
		"| 1 | Hướng \\| dẫn |\n"
		"| 2 | Rà soát |\n";
	size_t len, len2;
	char *md = write_md(built, &len), *again = write_md(built, &len2);

	cr_expect_str_eq(md, want);
	cr_expect_str_eq(md, again);
	free(md);
	free(again);
}

Test(md_write, escapes_what_cmark_would_read_as_markup)
{
	dt_doc *doc;
	size_t len;
	char *md;

	cr_assert_eq(dt__doc_new(&doc, "", NULL), 0);
	add(&doc->root, DT_KIND_BLOCK, "", 1, "p_1", "",
		"- a *b* _c_ `d` [e](f) <g> &amp; ~h~ |i| \\j\n"
		"+ k\n= l\n12. m\n3) n\n> o\n---");
	cr_assert_eq(dt__doc_finish(doc, NULL), 0);
	md = write_md(doc, &len);
	cr_expect_str_eq(md, "\\- a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) "
		"\\<g\\> \\&amp; \\~h\\~ \\|i\\| \\\\j\n\\+ k\n\\= l\n12\\. m\n"
		"3\\) n\n\\> o\n\\---\n");
	free(md);
	dt_doc_free(doc);
}

/* ## round trips */

static void expect_same_refs(const dt_docref *a, size_t na,
	const dt_docref *b, size_t nb)
{
	size_t i;

	cr_expect_eq(na, nb, "references %zu vs %zu", na, nb);
	for (i = 0; i < na && i < nb; i++) {
		cr_expect_str_eq(a[i].text, b[i].text);
		cr_expect_str_eq(a[i].type, b[i].type);
		cr_expect_str_eq(a[i].symbol, b[i].symbol);
		cr_expect_str_eq(a[i].date, b[i].date);
	}
}

/* Everything but lines and the file name: those are the source's. */
static void expect_same_doc(const dt_doc *a, const dt_doc *b)
{
	const dt_meta *ma = dt_doc_meta(a), *mb = dt_doc_meta(b);
	size_t i, k;

	cr_expect_eq(dt_doc_lang(a), dt_doc_lang(b));
	cr_expect_str_eq(ma->type, mb->type);
	cr_expect_str_eq(ma->symbol, mb->symbol);
	cr_expect_str_eq(ma->date, mb->date);
	cr_expect_str_eq(ma->place, mb->place);
	cr_expect_str_eq(ma->issuer, mb->issuer);
	cr_expect_str_eq(ma->title, mb->title);
	expect_same_refs(ma->replaces, ma->replaces_count, mb->replaces,
		mb->replaces_count);
	expect_same_refs(ma->based_on, ma->based_on_count, mb->based_on,
		mb->based_on_count);
	cr_assert_eq(dt_doc_unit_count(a), dt_doc_unit_count(b));
	for (i = 0; i < dt_doc_unit_count(a); i++) {
		const dt_unit *x = dt_doc_unit_at(a, i);
		const dt_unit *y = dt_doc_unit_at(b, i);
		const char *e = dt_unit_eid(x);

		cr_expect_eq(dt_unit_kind(x), dt_unit_kind(y), "%s", e);
		cr_expect_str_eq(e, dt_unit_eid(y));
		cr_expect_str_eq(dt_unit_num(x), dt_unit_num(y), "%s", e);
		cr_expect_eq(dt_unit_value(x), dt_unit_value(y), "%s", e);
		cr_expect_str_eq(dt_unit_heading(x), dt_unit_heading(y), "%s",
			e);
		cr_expect_str_eq(dt_unit_text(x), dt_unit_text(y), "%s", e);
		cr_expect_str_eq(dt_unit_label(x), dt_unit_label(y), "%s", e);
		cr_expect_str_eq(dt_unit_eid(dt_unit_parent(x)),
			dt_unit_eid(dt_unit_parent(y)), "%s", e);
		cr_assert_eq(dt_unit_implements_count(x),
			dt_unit_implements_count(y), "%s", e);
		for (k = 0; k < dt_unit_implements_count(x); k++) {
			cr_expect_str_eq(dt_unit_implements_at(x, k),
				dt_unit_implements_at(y, k), "%s", e);
		}
		cr_assert_eq(dt_unit_cell_count(x), dt_unit_cell_count(y));
		for (k = 0; k < dt_unit_cell_count(x); k++) {
			const char *nx, *ny;

			cr_expect_str_eq(dt_unit_cell_at(x, k, &nx),
				dt_unit_cell_at(y, k, &ny), "%s", e);
			cr_expect_str_eq(nx, ny, "%s", e);
		}
	}
}

static dt_doc *parse_as(const char *buf, size_t len, dt_format format)
{
	dt_parse_opts opts = DT_PARSE_OPTS_INIT;
	dt_error e = { 0 };
	dt_doc *doc = NULL;

	opts.format = format;
	cr_assert_eq(dt_doc_parse(&doc, buf, len, NULL, &opts, &e), 0,
		"%s (line %zu)", e.message, e.line);
	return doc;
}

typedef struct {
	char path[96];
	dt_format format;
} source_case;

ParameterizedTestParameters(roundtrip, keeps_units_and_bytes)
{
	static source_case cases[] = {
		{ "corpus/vi/31-QD-TW.md", DT_FORMAT_MD },
		{ "corpus/vi/07-CT-TW.md", DT_FORMAT_MD },
		{ "corpus/vi/dev/12-KH-TU.md", DT_FORMAT_MD },
		{ "corpus/vi/dev/45-BC-DU.md", DT_FORMAT_MD },
		{ "corpus/vi/dev/120-KH-UBND.md", DT_FORMAT_MD },
		{ "corpus/src/vi/dev/02-QDi-DU.md", DT_FORMAT_MD },
	};

	return cr_make_param_array(source_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

/* md -> doc1 -> akn1 -> doc2 -> md2 -> doc3 -> akn2: doc1, doc2 and
 * doc3 have the same units and metadata, akn1 and akn2 the same bytes. */
ParameterizedTest(source_case *c, roundtrip, keeps_units_and_bytes)
{
	char path[256], *src = NULL, *akn1, *md2, *akn2;
	size_t len, n1, n2, n3;
	dt_doc *d1, *d2, *d3;
	dt_error e = { 0 };

	snprintf(path, sizeof(path), "%s/%s", DT_TEST_DATA, c->path);
	cr_assert_eq(dt_file_read(&src, &len, path, 0, &e), 0, "%s: %s",
		path, e.message);
	d1 = parse_as(src, len, c->format);
	akn1 = write_akn(d1, &n1);
	d2 = parse_as(akn1, n1, DT_FORMAT_AKN);
	expect_same_doc(d1, d2);
	md2 = write_md(d2, &n2);
	d3 = parse_as(md2, n2, DT_FORMAT_MD);
	expect_same_doc(d2, d3);
	akn2 = write_akn(d3, &n3);
	cr_expect_eq(n1, n3);
	cr_expect(n1 == n3 && memcmp(akn1, akn2, n1) == 0,
		"second AKN differs");
	free(src);
	free(akn1);
	free(md2);
	free(akn2);
	dt_doc_free(d1);
	dt_doc_free(d2);
	dt_doc_free(d3);
}

Test(roundtrip, keeps_charter_tags_tables_and_text_shapes)
{
	static const char md[] =
		"---\ntype: QUY ĐỊNH\nsymbol: 24-QĐ/TW\nlang: vi\n---\n\n"
		"1. Điều 1 (Khoản 2): Tuổi đời của người vào Đảng\n\n"
		"1.1. Về tuổi đời.\n\n"
		"1.1.1. Đủ 18 tuổi & *không* quá 60;\n"
		"dòng   hai \\# vẫn là văn bản\n\n"
		"đoạn sau\n\n"
		"2. Điều 3: Về quyền của đảng viên\n\n"
		"2.1. (Khoản 1): Quyền được thông tin.\n\n"
		"## PHỤ LỤC\n\n"
		"| STT | Nội dung |\n|---|---|\n| 1 | Hướng \\| dẫn |\n\n"
		"- gạch đầu dòng\n\n+ cộng\n";
	size_t n1, n2;
	dt_doc *d1 = parse_as(md, sizeof(md) - 1, DT_FORMAT_MD), *d2, *d3;
	char *akn = write_akn(d1, &n1), *md2;

	cr_assert_not_null(dt_doc_find(d1, "lvl_2__lvl_2-1"));
	cr_expect_str_eq(dt_unit_implements_at(dt_doc_find(d1,
		"lvl_2__lvl_2-1"), 0), "art_3__para_1");
	d2 = parse_as(akn, n1, DT_FORMAT_AKN);
	expect_same_doc(d1, d2);
	md2 = write_md(d2, &n2);
	d3 = parse_as(md2, n2, DT_FORMAT_MD);
	expect_same_doc(d1, d3);
	free(akn);
	free(md2);
	dt_doc_free(d1);
	dt_doc_free(d2);
	dt_doc_free(d3);
}

Test(roundtrip, reads_its_own_akn_back_from_a_hand_built_doc,
	.init = build_setup, .fini = build_teardown)
{
	size_t n1, n2;
	char *a1 = write_akn(built, &n1), *a2;
	dt_doc *d2 = parse_as(a1, n1, DT_FORMAT_AKN);

	cr_expect_str_eq(dt_unit_heading(dt_doc_find(d2, "art_5")),
		"Phạm vi & <giới hạn>");
	cr_assert_not_null(dt_doc_find(d2, "art_5__para_1__row_1"));
	cr_assert_not_null(dt_doc_find(d2, "lvl_1"));
	cr_expect_str_eq(dt_unit_text(dt_doc_find(d2, "art_5__para_1")),
		"Cấp ủy \"A\" & B < C > D có\ttrách   nhiệm:\n"
		"# không phải tiêu đề\n\n*đoạn* hai");
	cr_expect_str_eq(dt_unit_implements_at(dt_doc_find(d2, "lvl_1"), 0),
		"art_1__para_2");
	cr_expect_str_eq(dt_unit_cell_at(dt_doc_find(d2,
		"art_5__para_1__row_1"), 1, NULL), "Hướng | dẫn");
	a2 = write_akn(d2, &n2);
	cr_expect_eq(n1, n2);
	cr_expect(n1 == n2 && memcmp(a1, a2, n1) == 0, "%s\n---\n%s", a1,
		a2);
	free(a1);
	free(a2);
	dt_doc_free(d2);
}

/* ## allocation failures */

/* Make the nth allocation of writing `built` fail for every n until the
 * writer succeeds: each failure is DT_ENOMEM with no output. */
static void writer_fails_cleanly(
	int (*write)(char **, size_t *, const dt_doc *, dt_error *))
{
	size_t n, len;
	int rc = DT_ENOMEM;
	char *out;

	for (n = 1; rc == DT_ENOMEM; n++) {
		out = NULL;
		dt__alloc_fail_after(n);
		rc = write(&out, &len, built, NULL);
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || rc == DT_ENOMEM, "n=%zu rc=%d", n, rc);
		cr_assert((rc == 0) == (out != NULL));
		free(out);
	}
}

/* Make the nth allocation fail for every n until the call succeeds:
 * each failure must be DT_ENOMEM and leak nothing (ASan checks). */
Test(akn_faults, reader_and_writers_fail_cleanly, .init = build_setup,
	.fini = build_teardown)
{
	size_t n;
	int rc = DT_ENOMEM;

	for (n = 1; rc == DT_ENOMEM; n++) {
		dt_blocks b;
		dt_error e = { 0 };

		dt__blocks_init(&b, 0);
		dt__alloc_fail_after(n);
		rc = dt__read_akn(&b, directive, sizeof(directive) - 1, NULL,
			&e);
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || rc == DT_ENOMEM, "n=%zu rc=%d %s", n, rc,
			e.message);
		dt__blocks_dispose(&b);
	}
	writer_fails_cleanly(dt_doc_write_akn);
	writer_fails_cleanly(dt_doc_write_md);
}
