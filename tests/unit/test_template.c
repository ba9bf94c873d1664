/*
 * test_template.c - the template engine (lib/template*.c), case by case
 * after the groups of the Mustache spec (interpolation, sections,
 * inverted sections, comments, partials), written for our strict subset:
 * a name found nowhere is an error here where Mustache prints nothing.
 * Escaping for Markdown is in test_template_escape.c.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "template.h"

static dt__tdata data;

/* One data tree for every case:
 *   name "Chris", amp "& \" < > '", empty "", yes true, no false,
 *   a {b {c "deep"}, name "inner"}, list [{item 1} {item 2} {item 3}],
 *   none [], words ["x" "y"], nested [{inner [{v a} {v b}]}
 *   {inner [{v c}]}], num "12", md "1. *x*" */
static void setup(void)
{
	dt__tval *r, *a, *b, *l, *m, *in;

	dt__tdata_init(&data);
	r = data.root;
	dt__tdata_str(&data, r, "name", "Chris");
	dt__tdata_str(&data, r, "amp", "& \" < > '");
	dt__tdata_str(&data, r, "empty", "");
	dt__tdata_bool(&data, r, "yes", 1);
	dt__tdata_bool(&data, r, "no", 0);
	a = dt__tdata_map(&data, r, "a");
	b = dt__tdata_map(&data, a, "b");
	dt__tdata_str(&data, b, "c", "deep");
	dt__tdata_str(&data, a, "name", "inner");
	l = dt__tdata_list(&data, r, "list");
	dt__tdata_str(&data, dt__tdata_push_map(&data, l), "item", "1");
	dt__tdata_str(&data, dt__tdata_push_map(&data, l), "item", "2");
	dt__tdata_str(&data, dt__tdata_push_map(&data, l), "item", "3");
	dt__tdata_list(&data, r, "none");
	l = dt__tdata_list(&data, r, "words");
	dt__tdata_push_str(&data, l, "x");
	dt__tdata_push_str(&data, l, "y");
	l = dt__tdata_list(&data, r, "nested");
	m = dt__tdata_push_map(&data, l);
	in = dt__tdata_list(&data, m, "inner");
	dt__tdata_str(&data, dt__tdata_push_map(&data, in), "v", "a");
	dt__tdata_str(&data, dt__tdata_push_map(&data, in), "v", "b");
	m = dt__tdata_push_map(&data, l);
	in = dt__tdata_list(&data, m, "inner");
	dt__tdata_str(&data, dt__tdata_push_map(&data, in), "v", "c");
	dt__tdata_str(&data, r, "num", "12");
	cr_assert_eq(dt__tdata_status(&data), 0);
}

static void teardown(void)
{
	dt__tdata_dispose(&data);
}

/* Partials for the cases that need them: name -> source. */
static const char *const partials[][2] = {
	{ "greet", "Hi {{name}}!" },
	{ "lines", "a\nb\n" },
	{ "item", "<{{item}}>" },
	{ "deeper", "[{{> greet}}]" },
	{ "self", "{{> self}}" },
	{ "broken", "ok\n{{#x}}\n" },
};

static int load(char **src_out, size_t *len_out, char **file_out,
	const char *name, size_t len, void *payload)
{
	size_t i;

	(void)payload;
	for (i = 0; i < sizeof partials / sizeof partials[0]; i++) {
		if (strlen(partials[i][0]) == len &&
			memcmp(partials[i][0], name, len) == 0) {
			*len_out = strlen(partials[i][1]);
			*src_out = dt__strndup(partials[i][1], *len_out);
			*file_out = dt__strdup(partials[i][0]);
			return 0;
		}
	}
	return DT_ENOTFOUND;
}

/* Render `tpl` with escaping `esc`: the output (free it), or NULL with
 * the status in *rc and the error in *err. */
static char *render_esc(const char *tpl, dt__esc esc, int *rc,
	dt_error *err)
{
	dt__tpl *t = NULL;
	dt_buf b;

	memset(err, 0, sizeof(*err));
	*rc = dt__tpl_parse(&t, tpl, strlen(tpl), "t.md", load, NULL, err);
	if (*rc < 0) {
		cr_assert_null(t);
		return NULL;
	}
	dt__buf_init(&b, 1 << 20);
	*rc = dt__tpl_render(&b, t, data.root, esc, 10000, err);
	dt__tpl_free(t);
	if (*rc < 0) {
		dt__buf_dispose(&b);
		return NULL;
	}
	return dt__buf_detach(&b, NULL);
}

static void expect(const char *tpl, const char *want)
{
	dt_error err;
	int rc;
	char *got = render_esc(tpl, DT__ESC_HTML, &rc, &err);

	cr_assert_eq(rc, 0, "%s: %s", tpl, err.message);
	cr_assert_str_eq(got, want, "template %s", tpl);
	dt__free(got);
}

/* The template fails with `code` at `line`, the message containing
 * `words`. */
static void expect_error(const char *tpl, int code, size_t line,
	const char *words)
{
	dt_error err;
	int rc;
	char *got = render_esc(tpl, DT__ESC_HTML, &rc, &err);

	cr_assert_null(got);
	cr_assert_eq(rc, code, "%s: rc %d", tpl, rc);
	cr_assert_eq(err.line, line, "%s: line %zu (%s)", tpl, err.line,
		err.message);
	cr_assert(strstr(err.message, words) != NULL, "%s: '%s'", tpl,
		err.message);
}

/* ## interpolation */

TestSuite(template, .init = setup, .fini = teardown);

Test(template, text_without_tags_is_copied)
{
	expect("Hello from {Mustache}!\n", "Hello from {Mustache}!\n");
	expect("", "");
}

Test(template, variables_are_replaced)
{
	expect("Hello, {{name}}!", "Hello, Chris!");
	expect("{{num}} tasks", "12 tasks");
}

Test(template, variables_are_escaped_and_raw_forms_are_not)
{
	expect("{{amp}}", "&amp; &quot; &lt; &gt; &#39;");
	expect("{{{amp}}}", "& \" < > '");
	expect("{{&amp}}", "& \" < > '");
}

Test(template, padding_inside_the_braces_is_ignored)
{
	expect("|{{ name }}|{{{ name }}}|{{& name }}|", "|Chris|Chris|Chris|");
}

Test(template, dotted_names_walk_into_maps)
{
	expect("{{a.b.c}} {{a.name}}", "deep inner");
	expect("{{#a}}{{b.c}}{{/a}}", "deep");
}

Test(template, a_dotted_name_does_not_fall_back_once_its_head_is_found)
{
	expect_error("{{a.name.c}}", DT_EPARSE, 1, "unknown variable");
	expect_error("x\n{{a.missing}}", DT_EPARSE, 2, "{{a.missing}}");
}

Test(template, booleans_print_as_words)
{
	expect("{{yes}}/{{no}}", "true/false");
}

Test(template, variables_keep_their_surroundings)
{
	expect("  {{name}}\n", "  Chris\n");
	expect("| {{name}} |", "| Chris |");
}

Test(template, unknown_variables_are_errors_with_their_line)
{
	expect_error("a\nb {{nope}}\n", DT_EPARSE, 2, "unknown variable "
		"{{nope}}");
}

Test(template, lists_and_maps_are_not_text)
{
	expect_error("{{list}}", DT_EPARSE, 1, "a list used as text");
	expect_error("{{a}}", DT_EPARSE, 1, "a map used as text");
}

/* ## sections */

Test(template, truthy_sections_render_once_and_falsey_ones_never)
{
	expect("<{{#yes}}on{{/yes}}>", "<on>");
	expect("<{{#no}}on{{/no}}>", "<>");
	expect("<{{#name}}on{{/name}}>", "<on>");
	expect("<{{#empty}}on{{/empty}}>", "<>");
	expect("<{{#none}}on{{/none}}>", "<>");
}

Test(template, a_map_section_pushes_the_map)
{
	expect("{{#a}}{{name}}{{/a}} {{name}}", "inner Chris");
}

Test(template, names_resolve_through_the_context_stack)
{
	expect("{{#list}}{{item}}{{name}},{{/list}}",
		"1Chris,2Chris,3Chris,");
	expect("{{#nested}}{{#inner}}{{v}}{{num}}{{/inner}};{{/nested}}",
		"a12b12;c12;");
}

Test(template, a_list_section_renders_once_per_item)
{
	expect("{{#list}}[{{item}}]{{/list}}", "[1][2][3]");
}

Test(template, the_dot_is_the_current_item)
{
	expect("{{#words}}({{.}}){{/words}}", "(x)(y)");
	expect("{{#name}}{{.}} is {{name}}{{/name}}", "Chris is Chris");
}

Test(template, sections_may_repeat_and_nest)
{
	expect("{{#yes}}1{{/yes}}{{#yes}}2{{/yes}}", "12");
	expect("{{#yes}}a{{#yes}}b{{#no}}c{{/no}}{{/yes}}{{/yes}}", "ab");
}

Test(template, dotted_names_open_sections)
{
	expect("{{#a.b.c}}Here{{/a.b.c}}", "Here");
	expect("{{#a.b}}{{c}}{{/a.b}}", "deep");
}

Test(template, sections_keep_inline_whitespace)
{
	expect(" | {{#yes}}\t|\t{{/yes}} | \n", " | \t|\t | \n");
	expect(" {{#yes}}YES{{/yes}}\n {{#yes}}GOOD{{/yes}}\n",
		" YES\n GOOD\n");
}

Test(template, standalone_section_tags_leave_no_line)
{
	expect("| This Is\n{{#yes}}\n|\n{{/yes}}\n| A Line\n",
		"| This Is\n|\n| A Line\n");
	expect("| This Is\n  {{#yes}}\n|\n  {{/yes}}\n| A Line\n",
		"| This Is\n|\n| A Line\n");
	expect("|\r\n{{#yes}}\r\n{{/yes}}\r\n|", "|\r\n|");
	expect("  {{#yes}}\n#{{/yes}}\n/", "#\n/");
	expect("#{{#yes}}\n/\n  {{/yes}}", "#\n/\n");
}

Test(template, table_rows_from_a_list_need_no_blank_lines)
{
	expect("| n |\n|---|\n{{#list}}\n| {{item}} |\n{{/list}}\nend\n",
		"| n |\n|---|\n| 1 |\n| 2 |\n| 3 |\nend\n");
}

Test(template, two_tags_on_a_line_are_not_standalone)
{
	expect("{{#yes}}{{/yes}}\nx", "\nx");
	expect("{{#yes}} {{#yes}}\nx\n{{/yes}}{{/yes}}\n", " \nx\n\n");
}

Test(template, section_names_may_be_padded)
{
	expect("|{{# yes }}={{/ yes }}|", "|=|");
}

Test(template, unknown_sections_are_errors)
{
	expect_error("\n{{#missing}}x{{/missing}}", DT_EPARSE, 2,
		"unknown section {{#missing}}");
	expect_error("{{^missing}}x{{/missing}}", DT_EPARSE, 1,
		"unknown section {{^missing}}");
}

/* ## inverted sections */

Test(template, inverted_sections_render_only_for_falsey_values)
{
	expect("<{{^no}}off{{/no}}>", "<off>");
	expect("<{{^yes}}off{{/yes}}>", "<>");
	expect("<{{^empty}}off{{/empty}}>", "<off>");
	expect("<{{^none}}off{{/none}}>", "<off>");
	expect("<{{^list}}off{{/list}}>", "<>");
	expect("<{{^a}}off{{/a}}>", "<>");
}

Test(template, inverted_sections_keep_the_context)
{
	expect("{{^no}}{{name}}{{/no}}", "Chris");
	expect("{{#list}}{{^no}}{{item}}{{/no}}{{/list}}", "123");
}

Test(template, inverted_and_normal_sections_pair)
{
	expect("{{#no}}a{{/no}}{{^no}}b{{/no}}", "b");
	expect("{{^a.b.c}}x{{/a.b.c}}{{#a.b.c}}y{{/a.b.c}}", "y");
}

Test(template, standalone_inverted_tags_leave_no_line)
{
	expect("| This Is\n{{^no}}\n|\n{{/no}}\n| A Line\n",
		"| This Is\n|\n| A Line\n");
	expect(" | {{^no}}\t|\t{{/no}} | \n", " | \t|\t | \n");
}

/* ## comments */

Test(template, comments_vanish)
{
	expect("12345{{! Comment Block! }}67890", "1234567890");
	expect("12345{{!\n  This is a\n  multi-line comment...\n}}67890\n",
		"1234567890\n");
	expect("12345 {{! Comment Block! }} 67890", "12345  67890");
}

Test(template, standalone_comments_leave_no_line)
{
	expect("Begin.\n{{! Comment Block! }}\nEnd.\n", "Begin.\nEnd.\n");
	expect("Begin.\n  {{! Indented Comment Block! }}\nEnd.\n",
		"Begin.\nEnd.\n");
	expect("|\r\n{{! Standalone Comment }}\r\n|", "|\r\n|");
	expect("  {{! I'm Still Standalone }}\n!", "!");
	expect("!\n  {{! I'm Still Standalone }}", "!\n");
	expect("Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n",
		"Begin.\nEnd.\n");
	expect("  12 {{! 34 }}\n", "  12 \n");
}

/* ## partials */

Test(template, partials_render_in_the_current_context)
{
	expect("\"{{> greet}}\"", "\"Hi Chris!\"");
	expect("{{#list}}{{> item}}{{/list}}", "<1><2><3>");
	expect("{{>deeper}}", "[Hi Chris!]");
}

Test(template, standalone_partials_are_indented_line_by_line)
{
	expect("x\n  {{> lines}}\ny\n", "x\n  a\n  b\ny\n");
	expect("x {{> lines}}y", "x a\nb\ny");
}

Test(template, a_missing_partial_is_an_error_at_its_tag)
{
	expect_error("ok\n{{> nowhere}}", DT_EPARSE, 2, "no partial "
		"'{{> nowhere}}'");
}

Test(template, a_partial_that_includes_itself_stops_at_the_depth_limit)
{
	expect_error("{{> self}}", DT_ELIMIT, 1, "partials nested deeper");
}

Test(template, an_error_in_a_partial_names_the_partial)
{
	dt_error err;
	int rc;

	cr_assert_null(render_esc("a\n\n{{> broken}}", DT__ESC_HTML, &rc,
		&err));
	cr_assert_eq(rc, DT_EPARSE);
	cr_assert_str_eq(err.source, "broken");
	cr_assert_eq(err.line, 2);
	cr_assert(strstr(err.message, "unclosed section '{{#x}}'") != NULL);
}

/* ## template errors */

Test(template, unclosed_sections_name_their_opening_line)
{
	expect_error("a\n{{#yes}}\nb\n", DT_EPARSE, 2,
		"unclosed section '{{#yes}}'");
	expect_error("{{^no}}", DT_EPARSE, 1, "unclosed section '{{^no}}'");
}

Test(template, a_close_must_match_the_open_section)
{
	expect_error("{{#yes}}\n{{#no}}\n{{/yes}}\n{{/no}}", DT_EPARSE, 3,
		"'{{/yes}}' does not close '{{#no}}' of line 2");
	expect_error("x {{/yes}}", DT_EPARSE, 1, "closes no open section");
}

Test(template, bad_tags_are_errors_with_their_line)
{
	expect_error("a\n{{ task name }}", DT_EPARSE, 2,
		"bad tag '{{ task name }}'");
	expect_error("{{}}", DT_EPARSE, 1, "no name");
	expect_error("{{a..b}}", DT_EPARSE, 1, "empty part");
	expect_error("{{{name}}", DT_EPARSE, 1, "'{{{' closes with '}}}'");
	expect_error("x\n\nhello {{name", DT_EPARSE, 3,
		"unterminated tag '{{name'");
	expect_error("{{! never closed", DT_EPARSE, 1,
		"unterminated comment");
	expect_error("{{=<% %>=}}", DT_EPARSE, 1, "set-delimiter");
}

Test(template, the_error_names_the_template_file)
{
	dt_error err;
	int rc;

	cr_assert_null(render_esc("{{nope}}", DT__ESC_MD, &rc, &err));
	cr_assert_str_eq(err.source, "t.md");
}

Test(template, deep_nesting_is_refused)
{
	char tpl[65 * 8 + 1];
	size_t i;

	for (i = 0; i < 65; i++) {
		memcpy(tpl + i * 8, "{{#yes}}", 8);
	}
	tpl[65 * 8] = '\0';
	expect_error(tpl, DT_ELIMIT, 1, "sections nested deeper than 64");
}

Test(template, rendering_stops_at_the_step_budget)
{
	/* 3 x 3 x 3 x … items: the budget of 10,000 steps ends it */
	expect_error("{{#list}}{{#list}}{{#list}}{{#list}}{{#list}}{{#list}}"
		"{{#list}}{{#list}}{{#list}}.{{/list}}{{/list}}{{/list}}"
		"{{/list}}{{/list}}{{/list}}{{/list}}{{/list}}{{/list}}",
		DT_ELIMIT, 1, "too many steps");
}

Test(template, output_past_the_buffer_limit_is_refused)
{
	dt__tpl *t = NULL;
	dt_error err = { 0 };
	dt_buf b;

	cr_assert_eq(dt__tpl_parse(&t, "{{#list}}{{name}}{{/list}}", 26,
		"t", NULL, NULL, &err), 0);
	dt__buf_init(&b, 8);
	cr_assert_eq(dt__tpl_render(&b, t, data.root, DT__ESC_MD, 0, &err),
		DT_ELIMIT);
	dt__buf_dispose(&b);
	dt__tpl_free(t);
}

/* ## escaping for XML */

Test(template, xml_escapes_quotes_as_entities_and_drops_controls)
{
	dt_buf b;

	dt__buf_init(&b, 1024);
	cr_assert_eq(dt__tpl_escape(&b, DT__ESC_XML, "a'b\"<&>\x01\tc\n", 12),
		0);
	cr_assert_str_eq(b.data, "a&apos;b&quot;&lt;&amp;&gt;\tc\n");
	dt__buf_dispose(&b);
}

Test(template, the_data_tree_reports_out_of_memory_once)
{
	dt__tdata d;
	size_t n;

	for (n = 1; n < 40; n++) {
		dt__tval *l;

		dt__alloc_fail_after(n);
		dt__tdata_init(&d);
		l = dt__tdata_list(&d, d.root, "l");
		dt__tdata_str(&d, dt__tdata_push_map(&d, l), "k", "v");
		dt__tdata_push_str(&d, l, "w");
		dt__alloc_fail_after(0);
		if (dt__tdata_status(&d) == 0) {
			break;
		}
		cr_assert_eq(dt__tdata_status(&d), DT_ENOMEM);
		dt__tdata_dispose(&d);
	}
	cr_assert_lt(n, 40);
	dt__tdata_dispose(&d);
}
