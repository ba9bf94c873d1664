/*
 * test_text_speed_ref.h - the text layer's slow paths as they were before
 * the fast paths (commit a21338c), kept as oracles for test_text_speed.c.
 */
#ifndef TEST_TEXT_SPEED_REF_H
#define TEST_TEXT_SPEED_REF_H

#include "internal.h"

/** NFC quick check code point by code point, straight from ICU. */
int ref_nfc_quick(const char *s, size_t len);
/** Tone placement word by word (the old dt__tone_apply). */
int ref_tone_apply(dt_buf *out, const char *s, size_t len, dt_tone tone);
/** The old line-by-line decode of valid UTF-8 without NUL: CRLF/CR ->
 *  LF, NFC per line (ICU when the quick check fails), tone per line.
 *  The text goes to `out`, the line starts to a new array *starts
 *  (dt__free) with their count in *nlines. */
int ref_normalize(dt_buf *out, size_t **starts, size_t *nlines, const char *s,
	size_t len, dt_tone tone);

/** Language detection counts code point by code point (the old
 *  count_text(), ICU asked for every code point), the last word closed;
 *  and the answer they give for a whole sample of up to 256 KiB. */
void ref_lang_count(dt_lang_counts *st, const char *s, size_t len);
dt_lang ref_lang_detect(const char *s, size_t len);

#endif
