/*
 * report_review.c - a review as JSON (the DESIGN §5 contract), CSV (one
 * row per directive unit x link, RFC 4180) and the dispatcher for the
 * other formats (report_text.c: text and Markdown; report_html.c).  The
 * writers append to a dt_buf: a whole buffer (dt_review_write) or a
 * streaming one (dt_review_write_cb), which hands the report over in
 * pieces, so the report of a large corpus never is in memory at once.
 */
#include <string.h>

#include "decimal.h"
#include "json.h"
#include "report_html.h"
#include "report_pieces.h"
#include "report_text.h"
#include "review_internal.h"

/* A link's score, as "%.3f" prints it (decimal.c: one per link, and
 * printf was a quarter of the time writing a large report). */
static int put_score(dt_buf *b, double score)
{
	char num[DT_FIXED3_MAX];
	size_t n = dt__fixed3(num, score);

	return dt__buf_append(b, num, n);
}

/* A line number, as "%zu" prints it (snprintf, parsing its format for
 * every row, was ~0.7% of a ru-100 CSV run). */
static int put_size(dt_buf *b, size_t n)
{
	char d[24];
	size_t at = sizeof(d);

	do {
		d[--at] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	return dt__buf_append(b, d + at, sizeof(d) - at);
}

/* ## JSON */

static int json_doc(dt_buf *b, const char *key, const char *file,
	const char *id, const char *title, dt_lang lang, int first)
{
	int rc = key ? dt__json_key(b, key, first) : 0;

	if (rc == 0) {
		rc = dt__buf_putc(b, '{');
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "file", file, 1);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "id", id, 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "title", title, 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "language", dt_lang_code(lang), 0);
	}
	return rc == 0 ? dt__buf_putc(b, '}') : rc;
}

static const char *accept_name(dt_accept a)
{
	static const char *const names[] = { "", "not-applicable",
		"alternative", "planned" };

	return (unsigned)a < 4 ? names[a] : "";
}

static int json_accept(dt_buf *b, const dt_unit_review *u)
{
	int rc = dt__json_key(b, "accepted", 0);

	if (rc != 0 || u->accepted == DT_ACCEPT_NONE) {
		return rc == 0 ? dt__buf_append(b, "null", 4) : rc;
	}
	rc = dt__buf_putc(b, '{');
	if (rc == 0) {
		rc = dt__json_kv_str(b, "status", accept_name(u->accepted), 1);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "reason", u->accept_reason, 0);
	}
	return rc == 0 ? dt__buf_putc(b, '}') : rc;
}

static int json_unit(dt_buf *b, const dt_unit_review *u)
{
	size_t k;
	int rc = dt__buf_putc(b, '{');

	if (rc == 0) {
		rc = dt__json_kv_str(b, "eid", dt_unit_eid(u->unit), 1);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "label", dt_unit_label(u->unit), 0);
	}
	if (rc == 0) {
		rc = dt__json_key(b, "obligation", 0);
	}
	if (rc == 0) {
		rc = dt__buf_puts(b, u->obligation ? "true" : "false");
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "status", dt_coverage_name(u->status),
			0);
	}
	if (rc == 0) {
		rc = json_accept(b, u);
	}
	if (rc == 0) {
		rc = dt__json_key(b, "links", 0);
	}
	if (rc == 0) {
		rc = dt__buf_putc(b, '[');
	}
	for (k = 0; rc == 0 && k < u->nlinks; k++) {
		rc = k ? dt__buf_putc(b, ',') : 0;
		if (rc == 0) {
			rc = dt__json_link(b, &u->links[k]);
		}
	}
	if (rc == 0) {
		rc = dt__buf_append(b, "]}", 2);
	}
	return rc;
}

static int json_finding(dt_buf *b, const dt_finding *f)
{
	int rc = dt__buf_putc(b, '{');

	if (rc == 0) {
		rc = dt__json_kv_str(b, "kind", dt_finding_kind_name(f->kind),
			1);
	}
	if (rc == 0) {
		rc = dt__json_key(b, "unit", 0);
	}
	if (rc == 0) {
		rc = f->eid ? dt__json_str(b, f->eid) :
			dt__buf_append(b, "null", 4);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "file", f->file, 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_num(b, "line", (long)f->line, 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "message", f->message, 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "text", f->text, 0);
	}
	return rc == 0 ? dt__buf_putc(b, '}') : rc;
}

static int json_summary(dt_buf *b, const dt_summary *s)
{
	return dt__buf_printf(b, ",\"summary\":{\"units\":%zu,"
		"\"obligations\":%zu,\"covered\":%zu,\"implicit\":%zu,"
		"\"partial\":%zu,\"uncovered\":%zu,\"accepted\":%zu,"
		"\"coverage\":%.3f,\"explicit_coverage\":%.3f}}\n", s->units,
		s->obligations, s->covered, s->implicit, s->partial,
		s->uncovered, s->accepted, s->coverage, s->explicit_coverage);
}

/* The JSON report is cut into three parts (report_pieces.c renders
 * runs of units in several threads): what comes before the first unit,
 * units [from, to), and what comes after the last. */
static int json_head(dt_buf *b, const dt_review *r, unsigned flags)
{
	const dt_doc *d = dt_review_directive(r);
	const dt_meta *m = dt_doc_meta(d);
	size_t i;
	int rc = dt__buf_printf(b, "{\"tool\":\"dirtrace\",\"version\":\"%s\","
		"\"schema\":1", dt_version_string());

	(void)flags;
	if (rc == 0) {
		rc = json_doc(b, "directive", dt_doc_file(d), m->symbol,
			m->title, dt_doc_lang(d), 0);
	}
	if (rc == 0) {
		rc = dt__buf_append(b, ",\"documents\":[", 14);
	}
	for (i = 0; rc == 0 && i < dt_review_doc_count(r); i++) {
		const dt_review_doc *x = dt_review_doc_at(r, i);

		rc = i ? dt__buf_putc(b, ',') : 0;
		if (rc == 0) {
			rc = json_doc(b, NULL, x->file, x->id, x->title,
				x->lang, 1);
		}
	}
	return rc == 0 ? dt__buf_append(b, "],\"units\":[", 11) : rc;
}

static int json_units(dt_buf *b, const dt_review *r, size_t from, size_t to)
{
	size_t i;
	int rc = 0;

	for (i = from; rc == 0 && i < to; i++) {
		rc = i ? dt__buf_putc(b, ',') : 0;
		if (rc == 0) {
			rc = json_unit(b, dt_review_unit_at(r, i));
		}
	}
	return rc;
}

static int json_tail(dt_buf *b, const dt_review *r, unsigned flags)
{
	size_t i;
	int rc = dt__buf_append(b, "],\"findings\":[", 14);

	(void)flags;
	for (i = 0; rc == 0 && i < dt_review_finding_count(r); i++) {
		rc = i ? dt__buf_putc(b, ',') : 0;
		if (rc == 0) {
			rc = json_finding(b, dt_review_finding_at(r, i));
		}
	}
	if (rc == 0) {
		rc = dt__buf_putc(b, ']');
	}
	return rc == 0 ? json_summary(b, dt_review_summary(r)) : rc;
}

/* ## CSV */

static int csv_row(dt_buf *b, const dt_unit_review *u, const dt_link *l)
{
	const char *fields[11];
	size_t i;
	int rc = 0;

	fields[0] = dt_unit_eid(u->unit);
	fields[1] = dt_unit_label(u->unit);
	fields[2] = u->obligation ? "yes" : "no";
	fields[3] = dt_coverage_name(u->status);
	fields[4] = accept_name(u->accepted);
	fields[5] = l ? (l->kind == DT_LINK_EXPLICIT ? "explicit" :
		"implicit") : "";
	fields[6] = l ? l->file : "";
	fields[7] = l ? l->local_eid : "";
	fields[8] = "";
	fields[9] = l ? (l->kind == DT_LINK_EXPLICIT ? "1.000" : "") : "";
	fields[10] = l ? l->evidence : "";
	for (i = 0; rc == 0 && i < 11; i++) {
		rc = i ? dt__buf_putc(b, ',') : 0;
		if (rc == 0 && i == 9 && l && l->kind == DT_LINK_IMPLICIT) {
			rc = put_score(b, l->score);
		} else if (rc == 0 && i == 8 && l) { /* digits: no quotes */
			rc = put_size(b, l->line);
		} else if (rc == 0) {
			rc = dt__csv_field(b, fields[i]);
		}
	}
	return rc == 0 ? dt__buf_append(b, "\r\n", 2) : rc;
}

static int csv_head(dt_buf *b, const dt_review *r, unsigned flags)
{
	static const char head[] = "eid,label,obligation,status,accepted,"
		"link_kind,file,local_eid,line,score,evidence\r\n";
	int rc = 0;

	(void)r;
	if (flags & DT_WRITE_CSV_BOM) {
		rc = dt__buf_append(b, "\xEF\xBB\xBF", 3);
	}
	return rc == 0 ? dt__buf_append(b, head, sizeof(head) - 1) : rc;
}

static int csv_units(dt_buf *b, const dt_review *r, size_t from, size_t to)
{
	size_t i, k;
	int rc = 0;

	for (i = from; rc == 0 && i < to; i++) {
		const dt_unit_review *u = dt_review_unit_at(r, i);

		if (u->nlinks == 0) {
			rc = csv_row(b, u, NULL);
		}
		for (k = 0; rc == 0 && k < u->nlinks; k++) {
			rc = csv_row(b, u, &u->links[k]);
		}
	}
	return rc;
}

static int csv_tail(dt_buf *b, const dt_review *r, unsigned flags)
{
	(void)b;
	(void)r;
	(void)flags;
	return 0;
}

const dt_review_layout *dt__review_layout(dt_report_format format)
{
	static const dt_review_layout json = { json_head, json_units,
		json_tail };
	static const dt_review_layout csv = { csv_head, csv_units,
		csv_tail };

	return format == DT_REPORT_JSON ? &json :
		format == DT_REPORT_CSV ? &csv : NULL;
}

/* The report in `format` into `b` (a buffer or a stream). */
static int write_any(dt_buf *b, const dt_review *r, dt_report_format format,
	unsigned flags)
{
	const dt_review_layout *l = dt__review_layout(format);
	int rc;

	if (l != NULL) {
		rc = l->head(b, r, flags);
		if (rc == 0) {
			rc = l->units(b, r, 0, dt_review_unit_count(r));
		}
		return rc == 0 ? l->tail(b, r, flags) : rc;
	}
	switch (format) {
	case DT_REPORT_HTML:
		return dt__review_write_html(b, r, flags);
	case DT_REPORT_TEXT:
	case DT_REPORT_MD:
		return dt__review_write_text(b, r, format == DT_REPORT_MD,
			flags);
	default:
		return DT_EINVAL;
	}
}

static int known_format(dt_report_format format)
{
	return format == DT_REPORT_JSON || format == DT_REPORT_CSV ||
		format == DT_REPORT_HTML || format == DT_REPORT_TEXT ||
		format == DT_REPORT_MD;
}

int dt_review_write(char **out, size_t *len_out, const dt_review *r,
	dt_report_format format, unsigned flags, dt_error *err)
{
	dt_buf b;
	int rc;

	DT_ASSERT_ARG(out != NULL && r != NULL && r->finished, err);
	*out = NULL;
	if (!known_format(format)) {
		return dt__fail(err, DT_EINVAL, 0, 0,
			"gaps has no such format");
	}
	dt__buf_init(&b, (size_t)1 << 30);
	rc = write_any(&b, r, format, flags);
	if (rc == 0) {
		*out = dt__buf_detach(&b, len_out);
		rc = *out ? 0 : DT_ENOMEM;
	}
	if (rc < 0) {
		dt__buf_dispose(&b);
		return dt__fail(err, rc, 0, 0, "cannot write the report");
	}
	return 0;
}

int dt_review_write_cb(const dt_review *r, dt_report_format format,
	unsigned flags, dt_write_cb write, void *payload, dt_error *err)
{
	dt_buf b;
	int rc;

	DT_ASSERT_ARG(r != NULL && r->finished && write != NULL, err);
	if (!known_format(format)) {
		return dt__fail(err, DT_EINVAL, 0, 0,
			"gaps has no such format");
	}
	dt__buf_init_sink(&b, write, payload);
	rc = write_any(&b, r, format, flags);
	if (rc == 0) {
		rc = dt__buf_flush(&b);
	}
	if (b.sink_rc != 0) {
		rc = b.sink_rc;
	}
	dt__buf_dispose(&b);
	return rc != 0 ? dt__fail(err, rc, 0, 0, "cannot write the report") :
		0;
}

int dt_review_write_jobs(const dt_review *r, dt_report_format format,
	unsigned flags, unsigned jobs, dt_write_cb write, void *payload,
	dt_error *err)
{
	const dt_review_layout *l = dt__review_layout(format);
	int rc;

	DT_ASSERT_ARG(r != NULL && r->finished && write != NULL, err);
	if (jobs <= 1 || l == NULL) {
		return dt_review_write_cb(r, format, flags, write, payload,
			err);
	}
	rc = dt__review_write_pieces(r, l, flags, jobs, DT_PIECE_LINKS,
		write, payload);
	return rc != 0 ? dt__fail(err, rc, 0, 0, "cannot write the report") :
		0;
}
