/*
 * fuzz_cites.c - libFuzzer target: citation extraction and resolution.
 *
 * A small directive (Chapters I-II, Articles 1-5 of corpus/vi/31-QD-TW.md,
 * replacing 18-QĐ/TW) is parsed once.  Byte 0 picks the options: bits 0-1
 * the local document's format (auto, Markdown, AKN), bit 2 whether the
 * directive is loaded (else nothing resolves), bits 3-4 the output format
 * (text, JSON, TSV, and Markdown, which must fail with DT_EINVAL), bits
 * 5-7 the language (mod 5, 0 = detect).  The rest is the local document;
 * its citations are found, resolved, checked and written.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <dirtrace.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);



static int is_eid_of(const dt_doc *doc, const char *eid)
{
	return eid && dt_doc_find(doc, eid) != NULL;
}

static void check_cite(const dt_cite *c, const dt_doc *local,
	const dt_doc *dir)
{
	const char *own;
	size_t i;

	if (!c || !c->unit || !c->text || !c->document || !c->rule ||
		!c->message || c->start > c->end)
		abort();
	own = c->in_heading ? dt_unit_heading(c->unit) : dt_unit_text(c->unit);
	if (c->unit != dt_doc_root(local) && c->end > strlen(own))
		abort(); /* the span lies in the unit's text or heading */
	if (c->status == DT_CITE_RESOLVED && (c->neids == 0 || !c->directive))
		abort();
	if (c->directive && c->directive != dir)
		abort();
	for (i = 0; i < c->neids; i++)
		if (c->directive && !is_eid_of(c->directive, c->eids[i]))
			abort();
	(void)dt_cite_status_name(c->status);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const dt_report_format fmts[] = { DT_REPORT_TEXT,
		DT_REPORT_JSON, DT_REPORT_TSV, DT_REPORT_MD };
	dt_parse_opts opts = DT_PARSE_OPTS_INIT;
	const dt_doc *dir = fuzz_directive();
	dt_doc *local = NULL;
	dt_citeset *set = NULL;
	dt_report_format fmt;
	unsigned sel;
	size_t i;
	char *out = NULL;
	size_t len = 0;
	int rc;

	if (size < 1)
		return 0;
	sel = data[0];
	opts.format = (dt_format)((sel & 3u) % 3u);
	opts.lang = (dt_lang)(((sel >> 5) & 7u) % 5u);
	fmt = fmts[(sel >> 3) & 3u];
	if (dt_doc_parse(&local, (const char *)data + 1, size - 1, "local.md",
		&opts, NULL) != DT_OK)
		return 0;
	rc = dt_cites_find(&set, local, (sel & 4u) ? &dir : NULL,
		(sel & 4u) ? 1 : 0, NULL);
	if (rc == DT_OK) {
		if (!set || dt_citeset_at(set, dt_citeset_count(set)))
			abort();
		for (i = 0; i < dt_citeset_count(set); i++)
			check_cite(dt_citeset_at(set, i), local,
				(sel & 4u) ? dir : NULL);
		rc = dt_citeset_write(&out, &len, set, fmt, NULL);
		if (rc == DT_OK) {
			if (fmt == DT_REPORT_MD || out[len] != '\0')
				abort();
			dt_free(out);
		} else if (fmt != DT_REPORT_MD && rc != DT_ENOMEM &&
			rc != DT_ELIMIT) {
			abort();
		}
		dt_citeset_free(set);
	} else if (set) {
		abort();
	}
	dt_doc_free(local);
	return 0;
}
