/*
 * fuzz_gaps.c - libFuzzer target: the whole `gaps` pipeline.
 *
 * A small directive (Chapters I-II, Articles 1-5 of corpus/vi/31-QD-TW.md,
 * replacing 18-QĐ/TW) is parsed once.  Byte 0 picks the options: bits 0-1
 * the local document's format (auto, Markdown, AKN), bit 2 explicit links
 * only, bits 3-5 the report format (text, JSON, Markdown, CSV, TSV, HTML;
 * 6 and 7 are JSON and HTML), bit 6 the CSV BOM / colour write flags,
 * bit 7 a fixed list of accepted gaps and implicit links at any query
 * share (--min-share 0).  The rest is the one local
 * document: the directive is reviewed against it, as `dirtrace gaps` does
 * (new, accept, add, finish, write), and every result is read.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <dirtrace.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


static const char accept_tsv[] =
	"# accepted gaps\n"
	"art_2\tnot-applicable\tdefinitions only\n"
	"\n"
	"art_4__para_4\tplanned\tnext term\n";


static void check_review(const dt_review *r)
{
	const dt_summary *s = dt_review_summary(r);
	size_t i, j;

	if (!s || s->coverage < 0 || s->coverage > 1 ||
		s->explicit_coverage < 0 || s->explicit_coverage > 1)
		abort();
	for (i = 0; i < dt_review_unit_count(r); i++) {
		const dt_unit_review *u = dt_review_unit_at(r, i);

		if (!u || !u->unit || !u->accept_reason)
			abort();
		(void)dt_coverage_name(u->status);
		for (j = 0; j < u->nlinks; j++)
			if (!u->links[j].eid || !u->links[j].evidence ||
				!u->links[j].local_eid || u->links[j].score < 0 ||
				u->links[j].score > 1)
				abort();
	}
	for (i = 0; i < dt_review_finding_count(r); i++) {
		const dt_finding *f = dt_review_finding_at(r, i);

		if (!f || !f->message || !f->text || !f->file)
			abort();
		(void)dt_finding_kind_name(f->kind);
	}
	for (i = 0; i < dt_review_doc_count(r); i++)
		if (!dt_review_doc_at(r, i)->file)
			abort();
	if (dt_review_unit_at(r, dt_review_unit_count(r)) ||
		dt_review_finding_at(r, dt_review_finding_count(r)))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const dt_report_format fmts[] = { DT_REPORT_TEXT,
		DT_REPORT_JSON, DT_REPORT_MD, DT_REPORT_CSV, DT_REPORT_TSV,
		DT_REPORT_HTML, DT_REPORT_JSON, DT_REPORT_HTML };
	dt_parse_opts opts = DT_PARSE_OPTS_INIT;
	dt_review_opts ropts = { 0 };
	const dt_doc *dir = fuzz_directive();
	dt_doc *local = NULL;
	dt_review *r = NULL;
	dt_report_format fmt;
	unsigned sel, wflags;
	char *out = NULL;
	size_t len = 0;

	if (size < 1)
		return 0;
	sel = data[0];
	opts.format = (dt_format)((sel & 3u) % 3u);
	ropts.flags = (sel & 4u) ? DT_REVIEW_NO_IMPLICIT : 0;
	ropts.min_share = (sel & 0x80u) ? -1 : 0; /* any share, or 0.35 */
	fmt = fmts[(sel >> 3) & 7u];
	wflags = (sel & 0x40u) ? DT_WRITE_CSV_BOM | DT_WRITE_COLOR : 0;
	if (dt_doc_parse(&local, (const char *)data + 1, size - 1, "local.md",
		&opts, NULL) != DT_OK)
		return 0;
	if (dt_review_new(&r, dir, &ropts, NULL) != DT_OK)
		abort(); /* nothing about the input can make this fail */
	if ((sel & 0x80u) && dt_review_accept(r, accept_tsv,
		sizeof(accept_tsv) - 1, "accept.tsv", NULL) != DT_OK)
		abort();
	if (dt_review_add(r, local, NULL) == DT_OK) {
		dt_doc_free(local); /* documented: may be freed once added */
		local = NULL;
		if (dt_review_finish(r, NULL) == DT_OK) {
			check_review(r);
			if (dt_review_write(&out, &len, r, fmt, wflags, NULL) ==
				DT_OK) {
				if (out[len] != '\0')
					abort();
				dt_free(out);
			}
		}
	}
	dt_review_free(r);
	dt_doc_free(local);
	return 0;
}
