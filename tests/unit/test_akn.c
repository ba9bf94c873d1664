/*
 * test_akn.c - the Akoma Ntoso reader (read_akn.c): the blocks and
 * metadata it gives, as the Markdown reader would, and its safety
 * settings against malformed and hostile input (first error reported,
 * no external DTD, no entity expansion, depth and size limits, no gzip).
 * The writers and the round trips are in test_akn_write.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include "akn_fixtures.h"
#include "internal.h"

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

/* A docDate without @date gives the date its text holds, as ISO, or none:
 * the writer builds URIs of it (a fuzzed docDate whose text was markup
 * once made `convert --to akn` write XML that did not read back). */
Test(akn_read, a_docdate_without_its_attribute_gives_an_iso_date_or_none,
	.init = blocks_setup, .fini = blocks_teardown)
{
	static const char dated[] = "<akomaNtoso><doc name=\"plan\"><preface>"
		"<p><docDate>Tân Lập, ngày 05 tháng 6 năm 2026</docDate></p>"
		"</preface><mainBody><p>Đoạn.</p></mainBody></doc></akomaNtoso>";
	static const char undated[] = "<akomaNtoso><doc name=\"plan\">"
		"<preface><p><docDate>te=\"x\"&gt;Tân Lập</docDate></p>"
		"</preface><mainBody><p>Đoạn.</p></mainBody></doc></akomaNtoso>";

	cr_assert_eq(read_akn(dated, sizeof(dated) - 1, 0), 0, "%s",
		err.message);
	cr_expect_str_eq(meta_value("date"), "2026-06-05");
	dt__blocks_dispose(&blocks);
	blocks_setup();
	cr_assert_eq(read_akn(undated, sizeof(undated) - 1, 0), 0, "%s",
		err.message);
	cr_expect_null(meta_value("date"));
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

/* An act whose body holds `n` elements <el>NNNNNN text</el>, a line
 * each, inside `wrap` (a block element) when not NULL: about 90 bytes an
 * element.  *len gets its length; free it. */
static char *many_elements(const char *el, const char *wrap, size_t n,
	size_t *len)
{
	static const char text[] = "đoạn văn của một văn bản dài, đủ để "
		"vượt mười triệu byte";
	size_t i, cap = 100 + n * (2 * strlen(el) + sizeof(text) + 16);
	char *xml = malloc(cap);

	cr_assert_not_null(xml);
	*len = (size_t)sprintf(xml, "<akomaNtoso><act><body>\n%s%s%s",
		wrap ? "<" : "", wrap ? wrap : "", wrap ? ">" : "");
	for (i = 0; i < n; i++) {
		*len += (size_t)sprintf(xml + *len, "<%s>%06zu %s</%s>\n", el,
			i, text, el);
	}
	*len += (size_t)sprintf(xml + *len, "%s%s%s</body></act></akomaNtoso>",
		wrap ? "</" : "", wrap ? wrap : "", wrap ? ">" : "");
	return xml;
}

/* A document over libxml2's 10,000,000 bytes (as `convert --to akn`
 * writes a large directive) reads whole: libxml2 2.9 limits one text
 * node, not a document parsed from memory (session 10: such input was
 * refused before parsing). */
Test(akn, reads_a_document_of_twelve_megabytes, .init = blocks_setup,
	.fini = blocks_teardown)
{
	size_t n = 140000, len;
	char *xml = many_elements("p", NULL, n, &len);

	cr_assert_gt(len, 12000000);
	cr_assert_eq(read_akn(xml, len, 0), 0, "%s", err.message);
	cr_expect_eq(blocks.n, n);
	cr_expect(strncmp(blocks.v[n - 1].text, "139999 đoạn", 13) == 0,
		"%s", blocks.v[n - 1].text);
	free(xml);
}

/* One text node over libxml2's 10,000,000 bytes is refused (a limit, on
 * its line); one just under it reads. */
static int read_one_text(size_t fill)
{
	static const char head[] = "<akomaNtoso><act><body>\n<p>";
	static const char tail[] = "</p></body></act></akomaNtoso>";
	size_t n = sizeof(head) - 1 + fill + sizeof(tail) - 1;
	char *xml = malloc(n + 1);
	int rc;

	cr_assert_not_null(xml);
	memcpy(xml, head, sizeof(head) - 1);
	memset(xml + sizeof(head) - 1, 'a', fill);
	memcpy(xml + sizeof(head) - 1 + fill, tail, sizeof(tail));
	rc = read_akn(xml, n, 0);
	free(xml);
	return rc;
}

Test(akn_bad, refuses_a_text_node_over_the_libxml2_limit,
	.init = blocks_setup, .fini = blocks_teardown)
{
	cr_expect_eq(read_one_text(9999000), 0, "%s", err.message);
	cr_expect_eq(blocks.n == 1 ? strlen(blocks.v[0].text) : 0, 9999000);
	dt__blocks_dispose(&blocks);
	dt__blocks_init(&blocks, 0);
	cr_expect_eq(read_one_text(10000001), DT_ELIMIT);
	cr_expect_str_eq(err.message, "text node over 10000000 bytes");
	cr_expect_eq(err.line, 2);
}

/* A block of many small text nodes (libxml2 takes them) is held to 10
 * MiB by the reader, at the line where it went over. */
Test(akn_bad, refuses_a_block_over_ten_mebibytes, .init = blocks_setup,
	.fini = blocks_teardown)
{
	size_t n = 140000, len;
	char *xml = many_elements("span", "p", n, &len);

	cr_assert_eq(read_akn(xml, len, 0), DT_ELIMIT, "%s", err.message);
	cr_expect_str_eq(err.message, "text of <span> over 10485760 bytes");
	cr_expect_gt(err.line, 100000);
	cr_expect_lt(err.line, n);
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

