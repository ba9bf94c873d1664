/*
 * test_akn.c - the Akoma Ntoso reader (read_akn.c), the AKN and Markdown
 * writers (write_akn.c, write_md.c), their safety settings, and the
 * round trips the two formats promise each other: md -> akn -> doc gives
 * the same units, md -> akn -> md -> akn gives the same bytes twice.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include "internal.h"

#ifndef DT_TEST_DATA
#define DT_TEST_DATA "."
#endif

#define AKN_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/" \
	"akn/3.0\">\n"

static dt_blocks blocks;
static dt_error err;

static void blocks_setup(void)
{
	dt__blocks_init(&blocks, 0);
	memset(&err, 0, sizeof(err));
}

static void blocks_teardown(void)
{
	dt__blocks_dispose(&blocks);
}

static int read_akn(const char *xml, size_t len, unsigned max_depth)
{
	dt_parse_opts opts = DT_PARSE_OPTS_INIT;

	opts.max_depth = max_depth;
	return dt__read_akn(&blocks, xml, len, &opts, &err);
}

static const char *meta_value(const char *key)
{
	size_t i;

	for (i = 0; i < blocks.nmeta; i++) {
		if (strcmp(blocks.meta[i].key, key) == 0) {
			return blocks.meta[i].value;
		}
	}
	return NULL;
}

static void expect_block(size_t i, dt_block_kind kind, const char *text,
	const char *eid, int hint, size_t line)
{
	const dt_block *b;

	cr_assert_lt(i, blocks.n, "only %zu blocks", blocks.n);
	b = &blocks.v[i];
	cr_expect_eq(b->kind, kind, "block %zu kind %d", i, b->kind);
	cr_expect_str_eq(b->text, text, "block %zu", i);
	if (eid == NULL) {
		cr_expect_null(b->eid, "block %zu eid %s", i, b->eid);
	} else {
		cr_expect_str_eq(b->eid ? b->eid : "(null)", eid, "block %zu",
			i);
	}
	cr_expect_eq(b->hint, hint, "block %zu hint %d", i, b->hint);
	cr_expect_eq(b->line, line, "block %zu line %zu", i, b->line);
}

/* ## reading */

static const char directive[] =
	AKN_HEAD
	"  <act name=\"quy-dinh\">\n"                                  /* 3 */
	"    <meta>\n"
	"      <identification source=\"#x\">\n"
	"        <FRBRWork>\n"
	"          <FRBRdate date=\"2026-03-15\" name=\"issue\"/>\n"   /* 7 */
	"          <FRBRauthor href=\"#bbt\"/>\n"
	"          <FRBRnumber value=\"31-QĐ/TW\"/>\n"                 /* 9 */
	"          <FRBRname value=\"QUY ĐỊNH\"/>\n"
	"        </FRBRWork>\n"
	"        <FRBRExpression><FRBRlanguage language=\"vie\"/>"
	"</FRBRExpression>\n"                                          /* 12 */
	"      </identification>\n"
	"      <references source=\"#x\">\n"
	"        <TLCOrganization eId=\"bbt\" href=\"/o/bbt\" "
	"showAs=\"Ban Bí thư\"/>\n"                                    /* 15 */
	"      </references>\n"
	"    </meta>\n"
	"    <preface><p><docTitle>VỀ SINH HOẠT\n"                      /* 18 */
	"      CHI BỘ</docTitle></p></preface>\n"
	"    <preamble><citations><citation><p>Căn cứ Điều lệ Đảng;</p>"
	"</citation></citations></preamble>\n"                         /* 20 */
	"    <body>\n"
	"      <chapter eId=\"chp_1\">\n"                               /* 22 */
	"        <num>Chương I</num>\n"
	"        <heading>QUY ĐỊNH CHUNG</heading>\n"
	"        <article eId=\"art_5\">\n"                             /* 25 */
	"          <num>Điều 5.</num>\n"
	"          <heading>Nội dung <i>sinh hoạt</i></heading>\n"
	"          <paragraph eId=\"art_5__para_2\">\n"                 /* 28 */
	"            <num>2.</num>\n"
	"            <intro>\n"
	"              <p>Buổi sinh hoạt <ref href=\"#a\">thường kỳ</ref>\n"
	"                 gồm &amp; các nội dung:</p>\n"                /* 32 */
	"            </intro>\n"
	"            <point eId=\"art_5__para_2__point_a\"><num>a)</num>"
	"<content><p>Thông tin;</p></content></point>\n"                /* 34 */
	"            <point><num>đ)</num><content><p>Thu đảng phí.</p>"
	"</content></point>\n"                                         /* 35 */
	"          </paragraph>\n"
	"        </article>\n"
	"      </chapter>\n"
	"    </body>\n"
	"  </act>\n"
	"</akomaNtoso>\n";

Test(akn_read, gives_blocks_as_the_markdown_would,
	.init = blocks_setup, .fini = blocks_teardown)
{
	cr_assert_eq(read_akn(directive, sizeof(directive) - 1, 0), 0,
		"%s (line %zu)", err.message, err.line);
	expect_block(0, DT_BLOCK_PARA, "Căn cứ Điều lệ Đảng;", NULL, -1, 20);
	expect_block(1, DT_BLOCK_HEADING, "Chương I. QUY ĐỊNH CHUNG", "chp_1",
		DT_KIND_CHAPTER, 23);
	expect_block(2, DT_BLOCK_HEADING, "Điều 5. Nội dung sinh hoạt",
		"art_5", DT_KIND_ARTICLE, 26);
	expect_block(3, DT_BLOCK_PARA,
		"2. Buổi sinh hoạt thường kỳ gồm & các nội dung:",
		"art_5__para_2", DT_KIND_CLAUSE, 31);
	expect_block(4, DT_BLOCK_PARA, "a) Thông tin;",
		"art_5__para_2__point_a", DT_KIND_POINT, 34);
	expect_block(5, DT_BLOCK_PARA, "đ) Thu đảng phí.", NULL,
		DT_KIND_POINT, 35);
	cr_expect_eq(blocks.n, 6);
	cr_expect_eq(blocks.v[1].level, 2);
	cr_expect_eq(blocks.v[2].level, 3);
	cr_expect_eq(blocks.v[3].last_line, 32);
}

Test(akn_read, takes_metadata_from_frbr_and_preface,
	.init = blocks_setup, .fini = blocks_teardown)
{
	cr_assert_eq(read_akn(directive, sizeof(directive) - 1, 0), 0);
	cr_expect_str_eq(meta_value("type"), "QUY ĐỊNH");
	cr_expect_str_eq(meta_value("symbol"), "31-QĐ/TW");
	cr_expect_str_eq(meta_value("date"), "2026-03-15");
	cr_expect_str_eq(meta_value("issuer"), "Ban Bí thư");
	cr_expect_str_eq(meta_value("title"), "VỀ SINH HOẠT CHI BỘ");
	cr_expect_str_eq(meta_value("lang"), "vi");
	cr_expect_null(meta_value("place"));
}

Test(akn_read, accepts_no_namespace_and_no_eids,
	.init = blocks_setup, .fini = blocks_teardown)
{
	static const char xml[] = "<akomaNtoso><doc name=\"plan\"><mainBody>\n"
		"<hcontainer name=\"lvl\"><num>1.</num><heading>Mục đích"
		"</heading>\n<hcontainer name=\"lvl\"><num>1.1.</num><content>"
		"<p>Quán triệt.</p></content></hcontainer></hcontainer>\n"
		"<hcontainer name=\"p\"><content><p>Đoạn.</p></content>"
		"</hcontainer>\n<paragraph><num>2</num><content><p>Khoản."
		"</p></content><point><num>b</num><content><p>Điểm.</p>"
		"</content></point></paragraph>\n"
		"</mainBody></doc></akomaNtoso>\n";

	cr_assert_eq(read_akn(xml, sizeof(xml) - 1, 0), 0, "%s", err.message);
	expect_block(0, DT_BLOCK_HEADING, "1. Mục đích", NULL, DT_KIND_LEVEL,
		2);
	expect_block(1, DT_BLOCK_PARA, "1.1. Quán triệt.", NULL, DT_KIND_LEVEL,
		3);
	expect_block(2, DT_BLOCK_PARA, "Đoạn.", NULL, DT_KIND_BLOCK, 4);
	/* bare numbers get the delimiter the outline reads them by */
	expect_block(3, DT_BLOCK_PARA, "2. Khoản.", NULL, DT_KIND_CLAUSE, 5);
	expect_block(4, DT_BLOCK_PARA, "b) Điểm.", NULL, DT_KIND_POINT, 5);
	cr_expect_eq(blocks.nmeta, 0);
}

Test(akn_read, reads_tables_as_rows, .init = blocks_setup,
	.fini = blocks_teardown)
{
	static const char xml[] = "<akomaNtoso><doc><mainBody>\n<table>\n"
		"<tr><th><p>STT</p></th><th><p>Nội dung</p></th></tr>\n"
		"<tr eId=\"row_1\"><td><p>1</p></td><td><p>Hướng</p>"
		"<p><b>dẫn</b></p></td></tr>\n</table>\n<table><tr><td>x</td>"
		"</tr></table></mainBody></doc></akomaNtoso>\n";
	const dt_block *b;

	cr_assert_eq(read_akn(xml, sizeof(xml) - 1, 0), 0, "%s", err.message);
	cr_assert_eq(blocks.n, 3);
	b = &blocks.v[0];
	cr_expect_eq(b->kind, DT_BLOCK_ROW);
	cr_expect(b->header);
	cr_expect_eq(b->ncells, 2);
	cr_expect_str_eq(b->cells[1], "Nội dung");
	b = &blocks.v[1];
	cr_expect_not(b->header);
	cr_expect_eq(b->table, 1);
	cr_expect_eq(b->line, 4);
	cr_expect_str_eq(b->eid, "row_1");
	cr_expect_eq(b->hint, DT_KIND_ROW);
	cr_expect_str_eq(b->cells[1], "Hướng dẫn");
	cr_expect_eq(blocks.v[2].table, 2);
}

Test(akn_read, keeps_line_breaks_and_inner_spaces, .init = blocks_setup,
	.fini = blocks_teardown)
{
	static const char xml[] = "<akomaNtoso><act><body><p>a  b<eol/>\n"
		"     c\n   d</p><p><b>Đậm</b> thường</p></body></act>"
		"</akomaNtoso>";

	cr_assert_eq(read_akn(xml, sizeof(xml) - 1, 0), 0, "%s", err.message);
	expect_block(0, DT_BLOCK_PARA, "a  b\nc d", NULL, -1, 1);
	cr_expect_eq(blocks.v[0].last_line, 3);
	expect_block(1, DT_BLOCK_PARA, "Đậm thường", NULL, -1, 3);
	cr_expect_eq(blocks.v[1].strong_len, strlen("Đậm"));
}

Test(akn_read, ignores_the_declared_encoding, .init = blocks_setup,
	.fini = blocks_teardown)
{
	/* The text is UTF-8 whatever the declaration says: text.c decoded
	 * it; a character reference may still spell a decomposed é. */
	static const char *const xml[] = {
		"<?xml version=\"1.0\" encoding=\"windows-1258\"?>\n"
		"<akomaNtoso><act><body><p>Điều lệ &#x65;&#x301;</p></body>"
		"</act></akomaNtoso>",
		"<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
		"<akomaNtoso><act><body><p>Điều lệ é</p></body></act>"
		"</akomaNtoso>",
	};
	size_t i;

	for (i = 0; i < 2; i++) {
		dt__blocks_dispose(&blocks);
		dt__blocks_init(&blocks, 0);
		cr_assert_eq(read_akn(xml[i], strlen(xml[i]), 0), 0, "%s",
			err.message);
		expect_block(0, DT_BLOCK_PARA, "Điều lệ \xC3\xA9", NULL, -1, 2);
	}
}

Test(akn_read, refuses_other_root_elements, .init = blocks_setup,
	.fini = blocks_teardown)
{
	static const char xml[] = "<html><body><p>x</p></body></html>";

	cr_assert_eq(read_akn(xml, sizeof(xml) - 1, 0), DT_EPARSE);
	cr_expect_str_eq(err.message,
		"not an akoma ntoso document: root element <html>");
}

/* ## malformed and hostile input */

typedef struct {
	char xml[160];
	int code;
	size_t line;
	char message[64];
} bad_case;

ParameterizedTestParameters(akn_bad, reports_the_first_error)
{
	static bad_case cases[] = {
		{ "<akomaNtoso>\n<act>\n<body>\n<p>x</b>\n</body></act>"
		  "</akomaNtoso>", DT_EPARSE, 4,
		  "opening and ending tag mismatch" },
		{ "<akomaNtoso>\n<act>\n<body><p>&nbsp;</p></body></act>"
		  "</akomaNtoso>", DT_EPARSE, 3, "entity 'nbsp' not defined" },
		{ "<akomaNtoso>\n<act>\n", DT_EPARSE, 3, "" },
		{ "", DT_EPARSE, 1, "document is empty" },
		{ "<akomaNtoso><act/></akomaNtoso>\n<x/>", DT_EPARSE, 2,
		  "extra content at the end" },
		{ "<?xml version=\"1.0\"?>\n<!DOCTYPE x [\n<!ENTITY e SYSTEM "
		  "\"file:///etc/passwd\">\n]>\n<akomaNtoso><act><body><p>&e;"
		  "</p></body></act></akomaNtoso>", DT_EPARSE, 3,
		  "entity declarations are not allowed" },
		{ "<!DOCTYPE x [<!ENTITY % p SYSTEM \"http://x/y.dtd\"> %p;]>"
		  "<akomaNtoso/>", DT_EPARSE, 1,
		  "entity declarations are not allowed" },
		{ "<!DOCTYPE x [<!NOTATION n SYSTEM \"n\"><!ENTITY u SYSTEM "
		  "\"u\" NDATA n>]><akomaNtoso/>", DT_EPARSE, 1,
		  "entity declarations are not allowed" },
	};

	return cr_make_param_array(bad_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(bad_case *c, akn_bad, reports_the_first_error,
	.init = blocks_setup, .fini = blocks_teardown)
{
	cr_assert_eq(read_akn(c->xml, strlen(c->xml), 0), c->code,
		"%s", err.message);
	cr_expect_eq(err.code, c->code);
	cr_expect_eq(err.line, c->line, "line %zu: %s", err.line,
		err.message);
	cr_expect(strncmp(err.message, c->message, strlen(c->message)) == 0,
		"message: %s", err.message);
	cr_expect_eq(blocks.n, 0);
}

Test(akn_bad, never_loads_an_external_dtd, .init = blocks_setup,
	.fini = blocks_teardown)
{
	/* Were /etc/passwd read as a DTD, this would fail to parse. */
	static const char xml[] = "<!DOCTYPE akomaNtoso SYSTEM "
		"\"file:///etc/passwd\">\n<akomaNtoso><act><body><p>x</p>"
		"</body></act></akomaNtoso>";

	cr_assert_eq(read_akn(xml, sizeof(xml) - 1, 0), 0, "%s", err.message);
	expect_block(0, DT_BLOCK_PARA, "x", NULL, -1, 2);
}

Test(akn_bad, stops_a_billion_laughs_fast, .init = blocks_setup,
	.fini = blocks_teardown)
{
	char xml[2048];
	size_t n;
	clock_t t0 = clock();
	int i;

	n = (size_t)snprintf(xml, sizeof(xml), "<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
	for (i = 1; i < 10; i++) {
		n += (size_t)snprintf(xml + n, sizeof(xml) - n,
			"<!ENTITY lol%d \"&lol%.0d;&lol%.0d;&lol%.0d;&lol%.0d;"
			"&lol%.0d;\">\n", i, i - 1, i - 1, i - 1, i - 1, i - 1);
	}
	n += (size_t)snprintf(xml + n, sizeof(xml) - n, "]>\n<akomaNtoso>"
		"<act><body><p>&lol9;</p></body></act></akomaNtoso>\n");
	cr_assert_eq(read_akn(xml, n, 0), DT_EPARSE);
	cr_expect_str_eq(err.message, "entity declarations are not allowed");
	cr_expect_eq(err.line, 3);
	cr_expect_lt((double)(clock() - t0) / CLOCKS_PER_SEC, 1.0);
}

/* "<akomaNtoso><act><body>" + n times <hcontainer> + "<p>x</p>" + closes */
static char *nested(size_t n, size_t *len)
{
	static const char open[] = "<hcontainer name=\"x\">";
	static const char close[] = "</hcontainer>";
	static const char head[] = "<akomaNtoso><act><body>\n";
	static const char tail[] = "<p>x</p>";
	size_t cap = sizeof(head) + sizeof(tail) + 64 +
		n * (sizeof(open) + sizeof(close));
	char *s = malloc(cap), *p = s;
	size_t i;

	cr_assert_not_null(s);
	p += sprintf(p, "%s", head);
	for (i = 0; i < n; i++) {
		memcpy(p, open, sizeof(open) - 1);
		p += sizeof(open) - 1;
	}
	p += sprintf(p, "%s", tail);
	for (i = 0; i < n; i++) {
		memcpy(p, close, sizeof(close) - 1);
		p += sizeof(close) - 1;
	}
	p += sprintf(p, "</body></act></akomaNtoso>");
	*len = (size_t)(p - s);
	return s;
}

Test(akn_bad, refuses_100000_nested_elements_quickly, .init = blocks_setup,
	.fini = blocks_teardown)
{
	size_t len;
	char *xml = nested(100000, &len);
	clock_t t0 = clock();
	int rc = read_akn(xml, len, 0);

	free(xml);
	cr_assert(rc == DT_ELIMIT || rc == DT_EPARSE, "rc %d", rc);
	cr_expect_str_eq(err.message, "elements nested deeper than 256");
	cr_expect_eq(err.line, 2);
	cr_expect_lt((double)(clock() - t0) / CLOCKS_PER_SEC, 1.0);
}

Test(akn_bad, enforces_max_depth_while_walking, .init = blocks_setup,
	.fini = blocks_teardown)
{
	size_t len;
	char *xml = nested(20, &len);

	cr_assert_eq(read_akn(xml, len, 10), DT_ELIMIT);
	cr_expect_str_eq(err.message, "elements nested deeper than 10");
	cr_expect_eq(err.line, 2);
	dt__blocks_dispose(&blocks);
	dt__blocks_init(&blocks, 0);
	cr_expect_eq(read_akn(xml, len, 0), 0, "%s", err.message);
	free(xml);
}

/* libxml2 2.9 reads at most 10,000,000 bytes from memory without
 * XML_PARSE_HUGE: one byte more is refused before parsing. */
Test(akn_bad, refuses_input_over_the_libxml2_limit, .init = blocks_setup,
	.fini = blocks_teardown)
{
	static const char head[] = "<akomaNtoso><act><body>\n<p>";
	static const char tail[] = "</p></body></act></akomaNtoso>";
	size_t n = 10000000, fill = n - (sizeof(head) - 1) - (sizeof(tail) - 1);
	char *xml = malloc(n + 2);

	cr_assert_not_null(xml);
	memcpy(xml, head, sizeof(head) - 1);
	memset(xml + sizeof(head) - 1, 'a', fill);
	memcpy(xml + sizeof(head) - 1 + fill, tail, sizeof(tail));
	cr_expect_eq(read_akn(xml, n, 0), 0, "%s", err.message);
	cr_expect_eq(blocks.n == 1 ? strlen(blocks.v[0].text) : 0, fill);
	dt__blocks_dispose(&blocks);
	dt__blocks_init(&blocks, 0);
	memmove(xml + 1, xml, n + 1);
	xml[0] = ' ';
	cr_expect_eq(read_akn(xml, n + 1, 0), DT_ELIMIT);
	cr_expect_str_eq(err.message, "akn input over 10000000 bytes");
	free(xml);
}

Test(akn_bad, does_not_inflate_gzip)
{
	/* gzip -9 -n of "<akomaNtoso><act><body><p>x</p></body></act>
	 * </akomaNtoso>": libxml2's file readers would inflate it. */
	static const unsigned char gz[] = {
		0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03,
		0xb3, 0x49, 0xcc, 0xce, 0xcf, 0x4d, 0xf4, 0x2b, 0xc9, 0x2f,
		0xce, 0xb7, 0xb3, 0x49, 0x4c, 0x2e, 0xb1, 0xb3, 0x49, 0xca,
		0x4f, 0xa9, 0xb4, 0xb3, 0x29, 0xb0, 0xab, 0xb0, 0xd1, 0x2f,
		0xb0, 0xb3, 0xd1, 0x87, 0x70, 0xf5, 0xc1, 0x52, 0xfa, 0x48,
		0x8a, 0x01, 0x5e, 0x44, 0xf5, 0xc0, 0x39, 0x00, 0x00, 0x00,
	};
	dt_parse_opts opts = DT_PARSE_OPTS_INIT;
	dt_error e = { 0 };
	dt_blocks b;
	dt_doc *doc = NULL;
	int rc;

	dt__blocks_init(&b, 0);
	rc = dt__read_akn(&b, (const char *)gz, sizeof(gz), NULL, &e);
	cr_expect(rc == DT_EUTF8 || rc == DT_EPARSE, "rc %d", rc);
	cr_expect_eq(b.n, 0);
	dt__blocks_dispose(&b);
	opts.format = DT_FORMAT_AKN;
	rc = dt_doc_parse(&doc, (const char *)gz, sizeof(gz), "x.xml.gz",
		&opts, &e);
	cr_expect(rc == DT_EUTF8 || rc == DT_EPARSE, "rc %d", rc);
	cr_expect_null(doc);
}

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

/* Make the nth allocation fail for every n until the call succeeds:
 * each failure must be DT_ENOMEM and leak nothing (ASan checks). */
Test(akn_faults, reader_and_writers_fail_cleanly, .init = build_setup,
	.fini = build_teardown)
{
	size_t n, len;
	int rc = DT_ENOMEM;
	char *out;

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
	for (rc = DT_ENOMEM, n = 1; rc == DT_ENOMEM; n++) {
		out = NULL;
		dt__alloc_fail_after(n);
		rc = dt_doc_write_akn(&out, &len, built, NULL);
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || rc == DT_ENOMEM, "n=%zu rc=%d", n, rc);
		cr_assert((rc == 0) == (out != NULL));
		free(out);
	}
	for (rc = DT_ENOMEM, n = 1; rc == DT_ENOMEM; n++) {
		out = NULL;
		dt__alloc_fail_after(n);
		rc = dt_doc_write_md(&out, &len, built, NULL);
		dt__alloc_fail_after(0);
		cr_assert(rc == 0 || rc == DT_ENOMEM, "n=%zu rc=%d", n, rc);
		cr_assert((rc == 0) == (out != NULL));
		free(out);
	}
}
