/*
 * test_template_escape.c - values escaped for Markdown come back from our
 * own reader (lib/read_md.c) as the same text, in the block kind the
 * template gave them: a directive's sentence never becomes a heading, a
 * list, a link or a broken table row, and a citation stays a citation.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "template.h"

/* Values that CommonMark would turn into markup if copied as they are. */
static const char *const nasty[] = {
	"khoản 2 Điều 5 Quy định số 31-QĐ/TW",
	"пункт 1 статьи 3 постановления № 12-П",
	"# not a heading",
	"## still not #",
	"> not a quote",
	"- not a bullet",
	"+ not a bullet",
	"* not a bullet either",
	"1. not a list",
	"2) not a list",
	"10. nor this",
	"=== not an underline",
	"--- not a rule",
	"~~~ not a fence",
	"```not code```",
	"    four spaces",
	"*emphasis* and __strong__ and _under_",
	"snake_case_stays and a_b",
	"[a link](http://example.com) and ![img](x.png)",
	"<b>html</b> and <http://autolink.example>",
	"a | pipe | in a cell",
	"entities &amp; &#39; &#x41; and KH&CN",
	"a backslash \\ and \\* and at the end \\",
	"line one\nline two",
	"trailing hashes ##",
	"«…» marks a gap",
	"Sở KH&CN, Ủy ban (UBND) – 50% [x]",
};

static dt_blocks blocks;

static void teardown(void)
{
	dt__blocks_dispose(&blocks);
}

/* `tpl` rendered with x = `value` for Markdown, then read back. */
static void render_and_read(const char *tpl, const char *value)
{
	dt__tdata d;
	dt__tpl *t = NULL;
	dt_error err = { 0 };
	dt_buf b;

	dt__tdata_init(&d);
	dt__tdata_str(&d, d.root, "x", value);
	cr_assert_eq(dt__tpl_parse(&t, tpl, strlen(tpl), "t.md", NULL, NULL,
		&err), 0, "%s", err.message);
	dt__buf_init(&b, 1 << 16);
	cr_assert_eq(dt__tpl_render(&b, t, d.root, DT__ESC_MD, 0, &err), 0);
	dt__blocks_init(&blocks, 1000);
	cr_assert_eq(dt__read_md(&blocks, b.data, b.len, NULL, &err), 0,
		"%s: %s", b.data, err.message);
	dt__buf_dispose(&b);
	dt__tpl_free(t);
	dt__tdata_dispose(&d);
}

/* What the reader should give back: the value inline, its line break a
 * space, leading blanks dropped (they are not text in Markdown). */
static void expected(char *out, size_t size, const char *prefix,
	const char *value)
{
	size_t i, o;

	while (*value == ' ') {
		value++;
	}
	o = (size_t)snprintf(out, size, "%s", prefix);
	for (i = 0; value[i] != '\0' && o + 1 < size; i++) {
		out[o++] = value[i] == '\n' ? ' ' : value[i];
	}
	out[o] = '\0';
}

Test(template_escape, a_value_starting_a_line_stays_one_paragraph,
	.fini = teardown)
{
	char want[512];
	size_t i;

	for (i = 0; i < sizeof nasty / sizeof nasty[0]; i++) {
		render_and_read("{{x}}\n", nasty[i]);
		expected(want, sizeof want, "", nasty[i]);
		cr_assert_eq(blocks.n, 1, "'%s' gave %zu blocks", nasty[i],
			blocks.n);
		cr_assert_eq(blocks.v[0].kind, DT_BLOCK_PARA, "'%s'", nasty[i]);
		cr_assert_str_eq(blocks.v[0].text, want);
		dt__blocks_dispose(&blocks);
	}
}

Test(template_escape, a_value_after_text_stays_inline, .fini = teardown)
{
	char want[512];
	size_t i;

	for (i = 0; i < sizeof nasty / sizeof nasty[0]; i++) {
		render_and_read("Ghi chú: {{x}}\n", nasty[i]);
		expected(want, sizeof want, "Ghi chú: ", nasty[i]);
		if (nasty[i][0] == ' ') { /* inline blanks are text */
			snprintf(want, sizeof want, "Ghi chú: %s", nasty[i]);
		}
		cr_assert_eq(blocks.n, 1, "'%s'", nasty[i]);
		cr_assert_str_eq(blocks.v[0].text, want);
		dt__blocks_dispose(&blocks);
	}
}

Test(template_escape, a_value_in_a_list_item_is_the_item_text,
	.fini = teardown)
{
	char want[512];
	size_t i;

	for (i = 0; i < sizeof nasty / sizeof nasty[0]; i++) {
		render_and_read("7. Thực hiện\n   - {{x}}\n", nasty[i]);
		expected(want, sizeof want, "- ", nasty[i]);
		cr_assert_eq(blocks.n, 2, "'%s' gave %zu blocks", nasty[i],
			blocks.n);
		cr_assert_eq(blocks.v[1].kind, DT_BLOCK_ITEM, "'%s'", nasty[i]);
		cr_assert_str_eq(blocks.v[1].text, want);
		dt__blocks_dispose(&blocks);
	}
}

Test(template_escape, a_value_in_a_table_cell_stays_in_its_cell,
	.fini = teardown)
{
	char want[512];
	size_t i;

	for (i = 0; i < sizeof nasty / sizeof nasty[0]; i++) {
		render_and_read("| A | B |\n|---|---|\n| {{x}} | y |\n",
			nasty[i]);
		expected(want, sizeof want, "", nasty[i]);
		cr_assert_eq(blocks.n, 2, "'%s'", nasty[i]);
		cr_assert_eq(blocks.v[1].kind, DT_BLOCK_ROW);
		cr_assert_eq(blocks.v[1].ncells, 2, "'%s'", nasty[i]);
		cr_assert_str_eq(blocks.v[1].cells[0], want);
		cr_assert_str_eq(blocks.v[1].cells[1], "y");
		dt__blocks_dispose(&blocks);
	}
}

Test(template_escape, citations_and_plain_text_get_no_backslash)
{
	static const char *const plain[] = {
		"khoản 2 Điều 5 Quy định số 31-QĐ/TW",
		"пункта 1 статьи 3 постановления № 12-П",
		"Sở KH&CN, Ủy ban nhân dân tỉnh - 50% (quý II/2026)",
		"snake_case",
	};
	dt_buf b;
	size_t i;

	for (i = 0; i < sizeof plain / sizeof plain[0]; i++) {
		dt__buf_init(&b, 1024);
		cr_assert_eq(dt__buf_append(&b, "Căn cứ: ", 11), 0);
		cr_assert_eq(dt__tpl_escape(&b, DT__ESC_MD, plain[i],
			strlen(plain[i])), 0);
		cr_assert_str_eq(b.data + 11, plain[i]);
		dt__buf_dispose(&b);
	}
}

Test(template_escape, html_escapes_every_special_character)
{
	dt_buf b;

	dt__buf_init(&b, 1024);
	cr_assert_eq(dt__tpl_escape(&b, DT__ESC_HTML,
		"<script>alert('x&y')</script>\"", 31), 0);
	cr_assert_str_eq(b.data, "&lt;script&gt;alert(&#39;x&amp;y&#39;)"
		"&lt;/script&gt;&quot;");
	dt__buf_dispose(&b);
}

Test(template_escape, a_long_line_written_value_by_value_stays_linear)
{
	struct timespec t0, t1;
	dt__tdata d;
	dt__tval *l;
	dt__tpl *t = NULL;
	dt_buf b;
	size_t i;

	dt__tdata_init(&d);
	l = dt__tdata_list(&d, d.root, "l");
	for (i = 0; i < 50000; i++) {
		dt__tdata_push_str(&d, l, "1. *x* | y ");
	}
	static const char tpl[] = "{{#l}}{{.}}{{/l}}";
	static const char head[] = "1\\. \\*x\\* \\| y 1. \\*x\\*";

	cr_assert_eq(dt__tpl_parse(&t, tpl, strlen(tpl), "t.md", NULL, NULL,
		NULL), 0);
	dt__buf_init(&b, 1 << 24);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	cr_assert_eq(dt__tpl_render(&b, t, d.root, DT__ESC_MD, 0, NULL), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	/* 50,000 values on one 600 KB line: milliseconds when each value
	 * looks back a few bytes, minutes if it rescanned the line */
	cr_assert_lt(t1.tv_sec - t0.tv_sec, 20);
	/* the first value starts the line, the others follow text */
	cr_assert(strncmp(b.data, head, strlen(head)) == 0, "%.40s", b.data);
	dt__buf_dispose(&b);
	dt__tpl_free(t);
	dt__tdata_dispose(&d);
}
