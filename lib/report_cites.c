/*
 * report_cites.c - the citations of one document as text, JSON or TSV
 * (`dirtrace cites`).  JSON and TSV are contracts (schema 1, README):
 * keys and columns may be added, never removed or renamed.
 */
#include <string.h>

#include "cite.h"
#include "json.h"

const char *dt_cite_status_name(dt_cite_status status)
{
	static const char *const names[] = { "resolved", "document",
		"broken", "stale", "self", "external", "ambiguous" };

	return (unsigned)status < sizeof(names) / sizeof(names[0]) ?
		names[status] : "unknown";
}

static const char *directive_name(const dt_cite *c)
{
	const dt_meta *m;

	if (c->directive == NULL) {
		return NULL;
	}
	m = dt_doc_meta(c->directive);
	return m->symbol[0] != '\0' ? m->symbol : dt_doc_file(c->directive);
}

/* Append s with tabs and line breaks as blanks: one record, one line. */
static int put_flat(dt_buf *b, const char *s)
{
	int rc = 0;

	for (; rc == 0 && *s != '\0'; s++) {
		rc = dt__buf_putc(b, *s == '\t' || *s == '\n' || *s == '\r' ?
			' ' : *s);
	}
	return rc;
}

static int put_targets(dt_buf *b, const dt_cite *c, const char *sep)
{
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < c->neids; i++) {
		rc = dt__buf_printf(b, "%s%s", i ? sep : "", c->eids[i]);
	}
	return rc;
}

/* ## Text: FILE:LINE: text → targets | status */

static int text_one(dt_buf *b, const char *file, const dt_cite *c)
{
	const char *dir = directive_name(c);
	int rc = dt__buf_printf(b, "%s:%zu: ", file, c->line);

	if (rc == 0) {
		rc = put_flat(b, c->text);
	}
	if (rc == 0) {
		rc = dt__buf_append(b, " \xE2\x86\x92 ", 5);
	}
	if (rc != 0) {
		return rc;
	}
	switch (c->status) {
	case DT_CITE_RESOLVED:
		rc = put_targets(b, c, " ");
		return rc ? rc : dt__buf_printf(b, " (%s)\n", dir);
	case DT_CITE_DOCUMENT:
		return dt__buf_printf(b, "document %s\n", dir);
	case DT_CITE_SELF:
	case DT_CITE_EXTERNAL:
		return dt__buf_printf(b, "%s\n",
			dt_cite_status_name(c->status));
	default:
		rc = dt__buf_printf(b, "%s: ", dt_cite_status_name(c->status));
		if (rc == 0) {
			rc = put_flat(b, c->message);
		}
		return rc ? rc : dt__buf_putc(b, '\n');
	}
}

/* ## JSON */

static int json_targets(dt_buf *b, const dt_cite *c)
{
	size_t i;
	int rc = dt__json_key(b, "targets", 0);

	if (rc == 0) {
		rc = dt__buf_putc(b, '[');
	}
	for (i = 0; rc == 0 && i < c->neids; i++) {
		rc = i ? dt__buf_putc(b, ',') : 0;
		if (rc == 0) {
			rc = dt__json_str(b, c->eids[i]);
		}
	}
	return rc == 0 ? dt__buf_putc(b, ']') : rc;
}

static int json_one(dt_buf *b, const dt_cite *c, int first)
{
	const char *dir = directive_name(c);
	int rc = dt__buf_append(b, first ? "\n    {" : ",\n    {",
		first ? 6 : 7);

	if (rc == 0) {
		rc = dt__json_kv_num(b, "line", (long)c->line, 1);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "unit", dt_unit_eid(c->unit), 0);
	}
	if (rc == 0) {
		rc = dt__buf_printf(b, ",\"in_heading\":%s,\"start\":%zu,"
			"\"end\":%zu", c->in_heading ? "true" : "false",
			c->start, c->end);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "text", c->text, 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "status",
			dt_cite_status_name(c->status), 0);
	}
	if (rc == 0) {
		rc = dir ? dt__json_kv_str(b, "directive", dir, 0) :
			dt__buf_printf(b, ",\"directive\":null");
	}
	if (rc == 0) {
		rc = json_targets(b, c);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "document", c->document, 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "rule", c->rule, 0);
	}
	if (rc == 0) {
		rc = dt__json_kv_str(b, "message", c->message, 0);
	}
	return rc == 0 ? dt__buf_putc(b, '}') : rc;
}

static int write_json(dt_buf *b, const char *file, const dt_citeset *set)
{
	size_t i, n = dt_citeset_count(set);
	int rc = dt__buf_printf(b, "{\n  \"schema\": 1,\n  \"file\": ");

	if (rc == 0) {
		rc = dt__json_str(b, file);
	}
	if (rc == 0) {
		rc = dt__buf_printf(b, ",\n  \"citations\": [");
	}
	for (i = 0; rc == 0 && i < n; i++) {
		rc = json_one(b, dt_citeset_at(set, i), i == 0);
	}
	return rc == 0 ? dt__buf_printf(b, "%s]\n}\n", n ? "\n  " : "") : rc;
}

/* ## TSV: one header, one row per citation */

static const char tsv_header[] =
	"# dirtrace cites schema 1\n"
	"file\tline\tunit\tstatus\tdirective\ttargets\ttext\tdocument\trule"
	"\tmessage\n";

static int tsv_one(dt_buf *b, const char *file, const dt_cite *c)
{
	const char *dir = directive_name(c);
	int rc = put_flat(b, file);

	if (rc == 0) {
		rc = dt__buf_printf(b, "\t%zu\t%s\t%s\t%s\t", c->line,
			dt_unit_eid(c->unit), dt_cite_status_name(c->status),
			dir ? dir : "");
	}
	if (rc == 0) {
		rc = put_targets(b, c, " ");
	}
	if (rc == 0) {
		rc = dt__buf_putc(b, '\t');
	}
	if (rc == 0) {
		rc = put_flat(b, c->text);
	}
	if (rc == 0) {
		rc = dt__buf_putc(b, '\t');
	}
	if (rc == 0) {
		rc = put_flat(b, c->document);
	}
	if (rc == 0) {
		rc = dt__buf_printf(b, "\t%s\t", c->rule);
	}
	if (rc == 0) {
		rc = put_flat(b, c->message);
	}
	return rc == 0 ? dt__buf_putc(b, '\n') : rc;
}

int dt_citeset_write(char **out, size_t *len_out, const dt_citeset *set,
	dt_report_format format, dt_error *err)
{
	const char *file;
	dt_buf b;
	size_t i, n;
	int rc = 0;

	DT_ASSERT_ARG(out != NULL && set != NULL, err);
	*out = NULL;
	if (format != DT_REPORT_TEXT && format != DT_REPORT_JSON &&
		format != DT_REPORT_TSV) {
		return dt__fail(err, DT_EINVAL, 0, 0, "citations are written "
			"as text, json or tsv");
	}
	file = dt_doc_file(dt__citeset_doc(set));
	n = dt_citeset_count(set);
	dt__buf_init(&b, (size_t)1 << 30);
	if (format == DT_REPORT_JSON) {
		rc = write_json(&b, file, set);
	} else if (format == DT_REPORT_TSV) {
		rc = dt__buf_append(&b, tsv_header, sizeof(tsv_header) - 1);
	}
	for (i = 0; rc == 0 && format != DT_REPORT_JSON && i < n; i++) {
		rc = format == DT_REPORT_TSV ? tsv_one(&b, file,
			dt_citeset_at(set, i)) : text_one(&b, file,
			dt_citeset_at(set, i));
	}
	if (rc < 0) {
		dt__buf_dispose(&b);
		return dt__fail(err, rc, 0, 0, "%s", dt_strerror(rc));
	}
	*out = dt__buf_detach(&b, len_out);
	return 0;
}
