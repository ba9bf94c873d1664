/*
 * icu_text.h - UTF-8 <-> UTF-16 and normalization through ICU's C API,
 * for the files that call ICU on text (nfc.c, fold.c).  Errors become a
 * dt_error: DT_ENOMEM when ICU ran out of memory, else DT_ERROR.
 */
#ifndef DT_ICU_TEXT_H
#define DT_ICU_TEXT_H

#include <stdint.h>

#include <unicode/unorm2.h>
#include <unicode/utypes.h>

#include "internal.h"

/** Fail with ICU's status `st` while doing `what`. */
int dt__icu_fail(dt_error *err, UErrorCode st, const char *what);

/** UTF-8 s[0..len) -> a new UTF-16 buffer *out (dt__free), *wlen units. */
int dt__icu_to_utf16(UChar **out, int32_t *wlen, const char *s, size_t len,
	dt_error *err);

/** Append UTF-16 w[0..wlen) to `b` as UTF-8. */
int dt__icu_append_utf8(dt_buf *b, const UChar *w, int32_t wlen,
	dt_error *err);

/** Normalize w[0..wlen) with `norm` into a new buffer *out (dt__free). */
int dt__icu_normalize16(UChar **out, int32_t *olen, const UNormalizer2 *norm,
	const UChar *w, int32_t wlen, dt_error *err);

#endif /* DT_ICU_TEXT_H */
