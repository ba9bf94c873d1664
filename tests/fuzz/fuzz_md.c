/*
 * fuzz_md.c - libFuzzer target: the Markdown reader and the outline.
 *
 * Byte 0 picks the options: bits 0-2 the encoding (mod DT_ENC_COUNT_,
 * 0 = auto), bits 3-5 the language (mod 5, 0 = detect), bit 6 a small
 * unit limit (exercises DT_ELIMIT), bit 7 the tone style (new/old).  The
 * rest is parsed as Markdown; the document is walked, its metadata and
 * diagnostics read, and written back as outline (text, Markdown, JSON)
 * and as Markdown.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <dirtrace.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_parse(data, size, DT_FORMAT_MD, fuzz_check_doc);
	return 0;
}
