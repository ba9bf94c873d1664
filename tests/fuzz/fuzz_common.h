/*
 * fuzz_common.h - helpers shared by the fuzz harnesses (fuzz_common.c).
 */
#ifndef DT_FUZZ_COMMON_H
#define DT_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include <dirtrace.h>

/* Read every field of `doc` and its units, write its outline in every
 * format and Markdown; abort() when a documented promise is broken. */
void fuzz_check_doc(const dt_doc *doc);

/* Articles 1-5 of corpus/vi/31-QD-TW.md (replacing 18-QĐ/TW), parsed on
 * first use and kept until the process ends. */
const dt_doc *fuzz_directive(void);

/* Parse data[1..size) as `format` with the options data[0] picks (bits
 * 0-2 encoding, 3-5 language, 6 a small unit limit, 7 the old tone
 * style) and hand a parsed document to `check`; abort() when a failed
 * parse still returns a document or a status is positive. */
void fuzz_parse(const uint8_t *data, size_t size, dt_format format,
	void (*check)(const dt_doc *doc));

#endif /* DT_FUZZ_COMMON_H */
