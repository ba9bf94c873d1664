/*
 * report_outline.c - the outline of one document as text, Markdown or
 * JSON (`dirtrace outline`).  The JSON form is a contract (README).
 */
#include <string.h>

#include "json.h"

int dt_report_format_from_name(dt_report_format *out, const char *name)
{
	static const char *const names[] = { "text", "json", "md", "csv",
		"tsv", "html" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(name, names[i]) == 0) {
			*out = (dt_report_format)i;
			return 0;
		}
	}
	return DT_ENOTFOUND;
}

/* ## JSON */

static int json_refs(dt_buf *b, const char *key, const dt_docref *r,
	size_t n)
{
	size_t i;
	int rc = dt__json_key(b, key, 0);

	if (rc == 0) {
		rc = dt__buf_putc(b, '[');
	}
	for (i = 0; rc == 0 && i < n; i++) {
		rc = dt__buf_append(b, i ? ",{" : "{", i ? 2 : 1);
		if (rc == 0) {
			rc = dt__json_kv_str(b, "text", r[i].text, 1);
		}
		if (rc == 0) {
			rc = dt__json_kv_str(b, "type", r[i].type, 0);
		}
		if (rc == 0) {
			rc = dt__json_kv_str(b, "symbol", r[i].symbol, 0);
		}
		if (rc == 0) {
			rc = dt__json_kv_str(b, "date", r[i].date, 0);
		}
		if (rc == 0) {
			rc = dt__json_kv_num(b, "line", (long)r[i].line, 0);
		}
		if (rc == 0) {
			rc = dt__buf_putc(b, '}');
		}
	}
	return rc == 0 ? dt__buf_putc(b, ']') : rc;
}

static int json_meta(dt_buf *b, const dt_meta *m)
{
	int rc = dt__json_key(b, "metadata", 0);

	if (rc == 0) {
		rc = dt__buf_putc(b, '{');
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "type", m->type, 1);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "symbol", m->symbol, 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "number", m->number, 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "type_code", m->type_code, 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "issuer_code", m->issuer_code, 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "year", m->year, 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "date", m->date, 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "place", m->place, 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "issuer", m->issuer, 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "title", m->title, 0);
	}
	if (rc == 0) {
		rc = json_refs(b, "replaces", m->replaces, m->replaces_count);
	}
	if (rc == 0) {
		rc = json_refs(b, "based_on", m->based_on, m->based_on_count);
	}
	return rc == 0 ? dt__buf_putc(b, '}') : rc;
}

static int json_cells(dt_buf *b, const dt_unit *u)
{
	size_t i;
	int rc = dt__json_key(b, "cells", 0);

	if (rc == 0) {
		rc = dt__buf_putc(b, '[');
	}
	for (i = 0; rc == 0 && i < dt_unit_cell_count(u); i++) {
		const char *name;
		const char *v = dt_unit_cell_at(u, i, &name);

		rc = dt__buf_append(b, i ? ",{" : "{", i ? 2 : 1);
		if (rc == 0) {
			rc = dt__json_kv_str(b, "name", name, 1);
		}
		if (rc == 0) {
			rc = dt__json_kv_str(b, "value", v, 0);
		}
		if (rc == 0) {
			rc = dt__buf_putc(b, '}');
		}
	}
	return rc == 0 ? dt__buf_putc(b, ']') : rc;
}

static int json_unit(dt_buf *b, const dt_unit *u);

static int json_units(dt_buf *b, const dt_unit *parent, const char *key)
{
	size_t i, n = dt_unit_child_count(parent);
	int rc = dt__json_key(b, key, 0);

	if (rc == 0) {
		rc = dt__buf_putc(b, '[');
	}
	for (i = 0; rc == 0 && i < n; i++) {
		if (i > 0) {
			rc = dt__buf_putc(b, ',');
		}
		if (rc == 0) {
			rc = json_unit(b, dt_unit_child_at(parent, i));
		}
	}
	return rc == 0 ? dt__buf_putc(b, ']') : rc;
}

static int json_unit(dt_buf *b, const dt_unit *u)
{
	size_t i;
	int rc = dt__buf_putc(b, '{');

	if (rc == 0) {
		rc = dt__json_kv_str(b, "eid", dt_unit_eid(u), 1);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "kind", dt_kind_name(dt_unit_kind(u)),
			0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "num", dt_unit_num(u), 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "label", dt_unit_label(u), 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "heading", dt_unit_heading(u), 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "text", dt_unit_text(u), 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_num(b, "line", (long)dt_unit_line(u), 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_num(b, "last_line",
			(long)dt_unit_last_line(u), 0);
	}
	if (rc == 0) {
		rc = dt__json_key(b, "implements", 0);
	}
	if (rc == 0) {
		rc = dt__buf_putc(b, '[');
	}
	for (i = 0; rc == 0 && i < dt_unit_implements_count(u); i++) {
		if (i > 0) {
			rc = dt__buf_putc(b, ',');
		}
		if (rc == 0) {
			rc = dt__json_str(b, dt_unit_implements_at(u, i));
		}
	}
	if (rc == 0) {
		rc = dt__buf_putc(b, ']');
	}
	if (rc == 0 && dt_unit_kind(u) == DT_KIND_ROW) {
		rc = json_cells(b, u);
	}
	if (rc == 0) {
		rc = json_units(b, u, "children");
	}
	return rc == 0 ? dt__buf_putc(b, '}') : rc;
}

static int outline_json(dt_buf *b, const dt_doc *doc)
{
	int rc = dt__buf_putc(b, '{');

	if (rc == 0) {
		rc = dt__json_kv_num(b, "schema", 1, 1);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "file", dt_doc_file(doc), 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "language",
			dt_lang_code(dt_doc_lang(doc)), 0);
	}
	if (rc == 0) {
		rc = json_meta(b, dt_doc_meta(doc));
	}
	if (rc == 0) {
		rc = json_units(b, dt_doc_root(doc), "units");
	}
	if (rc == 0) {
		rc = dt__buf_append(b, "}\n", 2);
	}
	return rc;
}

/* ## text and Markdown */

/* The first words of a text: at most ~60 bytes, cut at a character
 * boundary, one line. */
static int first_words(dt_buf *b, const char *s)
{
	size_t n = strcspn(s, "\n"), cut = n;
	int rc;

	if (cut > 60) {
		cut = 60;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) {
			cut--;
		}
	}
	rc = dt__buf_append(b, s, cut);
	if (rc == 0 && (cut < n || s[n] != '\0')) {
		rc = dt__buf_append(b, "…", strlen("…"));
	}
	return rc;
}

typedef struct {
	dt_buf *b;
	int md;
} text_ctx;

static int text_unit(const dt_unit *u, unsigned depth, void *payload)
{
	text_ctx *t = payload;
	const char *h = dt_unit_heading(u);
	const char *x = dt_unit_text(u);
	unsigned i;
	int rc = 0;

	for (i = 0; rc == 0 && i < depth; i++) {
		rc = dt__buf_append(t->b, "  ", 2);
	}
	if (rc == 0) {
		rc = dt__buf_printf(t->b, t->md ? "- `%s` %s" : "%s  %s",
			dt_unit_eid(u), dt_unit_label(u));
	}
	if (rc == 0 && h[0] != '\0') {
		rc = dt__buf_printf(t->b, t->md ? " — **%s**" : " — %s", h);
	}
	if (rc == 0 && x[0] != '\0') {
		rc = dt__buf_append(t->b, ": ", 2);
		if (rc == 0) {
			rc = first_words(t->b, x);
		}
	}
	if (rc == 0) {
		rc = dt__buf_printf(t->b, t->md ? " (lines %zu–%zu)\n" :
			"  [%zu-%zu]\n", dt_unit_line(u), dt_unit_last_line(u));
	}
	return rc;
}

static int outline_text(dt_buf *b, const dt_doc *doc, int md)
{
	const dt_meta *m = dt_doc_meta(doc);
	text_ctx t = { b, md };
	int rc;

	rc = dt__buf_printf(b, md ? "# %s\n\n" : "%s\n", dt_doc_file(doc));
	if (rc == 0) {
		rc = dt__buf_printf(b, md ? "- type: %s\n- symbol: %s\n"
			"- date: %s\n- issuer: %s\n- title: %s\n"
			"- language: %s\n\n" : "type: %s\nsymbol: %s\n"
			"date: %s\nissuer: %s\ntitle: %s\nlanguage: %s\n\n",
			m->type, m->symbol, m->date, m->issuer, m->title,
			dt_lang_code(dt_doc_lang(doc)));
	}
	if (rc == 0) {
		rc = dt_doc_foreach(doc, text_unit, &t);
	}
	return rc;
}

int dt_doc_write_outline(char **out, size_t *len_out, const dt_doc *doc,
	dt_report_format format, dt_error *err)
{
	dt_buf b;
	int rc;

	DT_ASSERT_ARG(out != NULL && doc != NULL, err);
	*out = NULL;
	dt__buf_init(&b, (size_t)1 << 30);
	switch (format) {
	case DT_REPORT_JSON:
		rc = outline_json(&b, doc);
		break;
	case DT_REPORT_TEXT:
	case DT_REPORT_MD:
		rc = outline_text(&b, doc, format == DT_REPORT_MD);
		break;
	default:
		return dt__fail(err, DT_EINVAL, 0, 0,
			"outline has no such format");
	}
	if (rc == 0) {
		*out = dt__buf_detach(&b, len_out);
		rc = *out ? 0 : DT_ENOMEM;
	}
	if (rc < 0) {
		dt__buf_dispose(&b);
		return dt__fail(err, rc, 0, 0, "cannot write the outline");
	}
	return 0;
}
