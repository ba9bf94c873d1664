/*
 * fuzz_template.c - libFuzzer target: the plan template engine.
 *
 * A small directive (Chapters I-II, Articles 1-5 of corpus/vi/31-QD-TW.md,
 * replacing 18-QĐ/TW) is parsed once.  Byte 0 picks the options: bits 0-1
 * the output format and so the escaping (Markdown, AKN, HTML; 3 is
 * Markdown), bit 2 the kind (plan, regulation), bit 3 the plan's language
 * (vi, ru), bit 4 a fixed list of units to draft (as --gaps gives), bit 5
 * the options a CLI user sets (issuer with markup, symbol, date).  The
 * rest is the template, rendered by dt_plan_write() with the built-in
 * partials.  A template error must come back as DT_EPARSE with the file
 * and a line, a runaway template as DT_ELIMIT, never as a crash, a hang
 * or a half-written result.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <dirtrace.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


static const char *const only[] = { "art_3", "art_4", "art_4__para_4",
	"art_5__para_2__point_b" };

static void check_failure(int rc, const char *out, const dt_error *err)
{
	if (out != NULL || rc > 0 || err->code != rc)
		abort();
	if (rc != DT_EPARSE && rc != DT_ELIMIT && rc != DT_ENOMEM)
		abort(); /* options are valid: nothing else may fail */
	if (rc == DT_EPARSE && (err->line == 0 ||
		(strcmp(err->source, "template.md") != 0 &&
		strncmp(err->source, "built-in:templates/_", 20) != 0)))
		abort(); /* a template error names its file and line */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const dt_plan_format formats[] = { DT_PLAN_MD, DT_PLAN_AKN,
		DT_PLAN_HTML, DT_PLAN_MD };
	const dt_doc *dir = fuzz_directive();
	dt_plan_opts o;
	dt_error err;
	char *out = NULL;
	size_t len = 0;
	unsigned sel;
	int rc;

	if (size < 1)
		return 0;
	sel = data[0];
	memset(&o, 0, sizeof o);
	memset(&err, 0, sizeof err);
	o.format = formats[sel & 3u];
	o.kind = (sel & 4u) ? DT_PLAN_REGULATION : DT_PLAN_PLAN;
	o.lang = (sel & 8u) ? DT_LANG_RU : DT_LANG_VI;
	if (sel & 16u) {
		o.only = only;
		o.only_count = sizeof only / sizeof only[0];
	}
	if (sel & 32u) {
		o.issuer = "<b>&\"'</b> | *x* [y](z)";
		o.symbol = "15-KH/TU";
		o.date = "2026-05-04";
	}
	o.tpl = (const char *)data + 1;
	o.tpl_len = size - 1;
	o.tpl_file = "template.md";
	o.max_bytes = 1u << 20; /* loops over loops end soon, not at 64 MiB */
	rc = dt_plan_write(&out, &len, dir, &o, &err);
	if (rc != DT_OK) {
		check_failure(rc, out, &err);
		return 0;
	}
	if (out == NULL || out[len] != '\0')
		abort();
	dt_free(out);
	return 0;
}
