/*
 * fuzz_common.c - what the document fuzz harnesses (fuzz_md.c,
 * fuzz_akn.c) share: a walk over a parsed document that reads every
 * field, writes every outline format and checks the documented promises.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

static size_t sum_len(const char *s)
{
	if (!s)
		abort(); /* documented: "" when unknown, never NULL */
	return strlen(s);
}

static int visit(const dt_unit *u, unsigned depth, void *payload)
{
	size_t i, n = 0;
	const char *name = NULL;

	(void)depth;
	n += sum_len(dt_unit_num(u)) + sum_len(dt_unit_eid(u)) +
		sum_len(dt_unit_heading(u)) + sum_len(dt_unit_label(u)) +
		sum_len(dt_kind_name(dt_unit_kind(u)));
	(void)dt_unit_value(u);
	if (dt_unit_line(u) > dt_unit_last_line(u) && dt_unit_last_line(u))
		abort();
	n += sum_len(dt_unit_text(u));
	(void)dt_unit_text_line(u, strlen(dt_unit_text(u)) / 2);
	for (i = 0; i < dt_unit_implements_count(u); i++)
		n += sum_len(dt_unit_implements_at(u, i));
	for (i = 0; i < dt_unit_cell_count(u); i++)
		n += sum_len(dt_unit_cell_at(u, i, &name));
	for (i = 0; i < dt_unit_child_count(u); i++)
		if (dt_unit_parent(dt_unit_child_at(u, i)) != u)
			abort();
	if (*dt_unit_eid(u) && !dt_doc_find(payload, dt_unit_eid(u)))
		abort();
	return n == (size_t)-1; /* keeps the reads from being dropped */
}

void fuzz_check_doc(const dt_doc *doc)
{
	const dt_meta *m = dt_doc_meta(doc);
	static const dt_report_format fmts[] = { DT_REPORT_TEXT, DT_REPORT_MD,
		DT_REPORT_JSON };
	size_t i;
	char *out = NULL;
	size_t len = 0;

	(void)sum_len(dt_doc_file(doc));
	(void)sum_len(dt_lang_code(dt_doc_lang(doc)));
	(void)sum_len(m->type);
	(void)sum_len(m->symbol);
	(void)sum_len(m->date);
	(void)sum_len(m->title);
	for (i = 0; i < m->replaces_count; i++)
		(void)sum_len(m->replaces[i].text);
	for (i = 0; i < m->based_on_count; i++)
		(void)sum_len(m->based_on[i].symbol);
	for (i = 0; i < dt_doc_diag_count(doc); i++)
		(void)sum_len(dt_doc_diag_at(doc, i)->message);
	if (dt_doc_diag_at(doc, dt_doc_diag_count(doc)))
		abort();
	if (dt_doc_unit_at(doc, dt_doc_unit_count(doc)))
		abort();
	(void)dt_doc_foreach(doc, visit, (void *)doc);
	for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		if (dt_doc_write_outline(&out, &len, doc, fmts[i], NULL) ==
			DT_OK) {
			if (out[len] != '\0')
				abort();
			dt_free(out);
		}
	}
	if (dt_doc_write_md(&out, &len, doc, NULL) == DT_OK)
		dt_free(out);
}
