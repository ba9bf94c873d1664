/*
 * fuzz_akn.c - libFuzzer target: the Akoma Ntoso reader.
 *
 * Byte 0 picks the options: bits 0-2 the encoding (mod DT_ENC_COUNT_,
 * 0 = auto), bits 3-5 the language (mod 5, 0 = detect), bit 6 a small
 * unit limit (exercises DT_ELIMIT), bit 7 the tone style (new/old).  The
 * rest is parsed as Akoma Ntoso XML; the document is walked, its metadata
 * and diagnostics read, and written back as outline (text, Markdown, JSON)
 * and as Akoma Ntoso (a round trip: the written XML must parse again).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <dirtrace.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_doc(const dt_doc *doc)
{
	char *out = NULL;
	size_t len = 0;

	fuzz_check_doc(doc);
	if (dt_doc_write_akn(&out, &len, doc, NULL) == DT_OK) {
		dt_parse_opts opts = DT_PARSE_OPTS_INIT;
		dt_doc *again = NULL;
		int rc;

		opts.format = DT_FORMAT_AKN;
		opts.lang = dt_doc_lang(doc);
		rc = dt_doc_parse(&again, out, len, "again.xml", &opts, NULL);
		dt_free(out);
		if (rc != DT_OK && rc != DT_ELIMIT)
			abort(); /* the writer's own XML must read back */
		dt_doc_free(again);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_parse(data, size, DT_FORMAT_AKN, check_doc);
	return 0;
}
