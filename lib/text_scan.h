/*
 * text_scan.h - UTF-8 validation and the one-pass check of plain UTF-8
 * input, shared by the files of the decoding pipeline (utf8.c,
 * encoding.c, nfc.c, text.c) and their tests.  Private to lib/.
 */
#ifndef DT_TEXT_SCAN_H
#define DT_TEXT_SCAN_H

#include <stdint.h>

#include "internal.h"

/** (nfc.c) The NFC quick check's lead-byte table: bit k of entry b is
 *  set when a code point whose UTF-8 starts b, 0x80 | k may not be NFC
 *  "plain" (quick-check Yes, combining class 0), or when no valid
 *  sequence starts so; ASCII and continuation bytes have no bits. */
const uint64_t *dt__nfc_lead_bits(void);
/** (nfc.c) True when s[0..len) starts with a valid UTF-8 sequence of a
 *  plain BMP code point (what the table above only suspects). */
int dt__nfc_plain_at(const char *s, size_t len);

/** (utf8.c) Offset of the first byte of s[0..len) that is not valid
 *  UTF-8, or `len`. */
size_t dt__utf8_check(const unsigned char *s, size_t len);

/** (utf8.c) True when s[0..len) is valid UTF-8 without a BOM, a NUL
 *  or a CR, and every code point certainly NFC-plain: text that decoding
 *  and normalizing leave as it is (text.c takes it whole).  False says
 *  nothing: the full pipeline decides. */
int dt__utf8_plain(const char *s, size_t len);

#endif
