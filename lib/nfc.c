/*
 * nfc.c - Normalization Form C: a quick check that answers for nearly all
 * text without ICU, and ICU's normalizer for the rest; the UTF-8 <->
 * UTF-16 conversions that ICU's C API needs (icu_text.h), shared with
 * fold.c.
 *
 * This file, fold.c and tokens_table.c are the only users of ICU's normalizer
 * and case folding; ICU's UTF-16 and int32_t lengths stay inside them.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "icu_text.h"
#include "internal.h"
#include "text_scan.h"

/* ## NFC quick check from ICU's character data
 *
 * ICU's C API checks NFC only on UTF-16, so converting every line just to
 * learn it is already NFC would cost more than the rest of ingest.  Instead
 * tables built once from ICU properties answer per code point: canonical
 * combining class, and whether NFC_Quick_Check is Yes.  Text is NFC when
 * every code point is QC=Yes and combining classes never go down (UAX #15,
 * "Detecting Normalization Forms").
 *
 * Nearly all text is made only of "plain" code points (QC=Yes, class 0),
 * and for those the answer needs no decoding: a lead byte and the low six
 * bits of the byte after it name the code point (two-byte sequences) or
 * its block of 64 (three-byte ones).  lead_unsafe[] holds, per lead byte,
 * a bit for each such block that holds anything not plain, so one pass of
 * loads, shifts and ORs (no branch) clears most text; only text it flags
 * is checked code point by code point.  Continuation and ASCII bytes have
 * no bits; bytes that cannot start valid UTF-8 have all of them. */

static uint8_t bmp_ccc[0x10000];
static uint8_t bmp_qc_yes[0x10000 / 8];
static uint64_t lead_unsafe[256];
static pthread_once_t nfc_table_once = PTHREAD_ONCE_INIT;

static int bmp_plain(uint32_t c)
{
	return bmp_ccc[c] == 0 && ((bmp_qc_yes[c >> 3] >> (c & 7)) & 1);
}

/* Bit k of lead_unsafe[b]: some code point whose sequence starts b,
 * 0x80 | k is not plain, or no valid sequence starts so (overlong,
 * surrogate).  Four-byte leads are left to the exact check. */
static uint64_t lead_bits(unsigned b)
{
	uint64_t bits = 0;
	uint32_t k, c;

	if (b < 0xC0) {
		return 0;
	}
	if (b < 0xC2 || b > 0xEF) {
		return ~(uint64_t)0;
	}
	for (k = 0; k < 64; k++) {
		int plain = 1;

		if (b < 0xE0) {
			plain = bmp_plain((b & 0x1Fu) << 6 | k);
		} else if ((b == 0xE0 && k < 0x20) ||
			   (b == 0xED && k >= 0x20)) {
			plain = 0;
		}
		for (c = 0; b >= 0xE0 && plain && c < 64; c++) {
			plain = bmp_plain((b & 0x0Fu) << 12 | k << 6 | c);
		}
		bits |= plain ? 0 : (uint64_t)1 << k;
	}
	return bits;
}

static void nfc_table_build(void)
{
	uint32_t c;

	for (c = 0; c < 0x10000; c++) {
		int qc = u_getIntPropertyValue((UChar32)c,
			UCHAR_NFC_QUICK_CHECK);

		bmp_ccc[c] = (uint8_t)u_getCombiningClass((UChar32)c);
		if (qc == UNORM_YES) {
			bmp_qc_yes[c >> 3] |= (uint8_t)(1u << (c & 7));
		}
	}
	for (c = 0; c < 256; c++) {
		lead_unsafe[c] = lead_bits(c);
	}
}

const uint64_t *dt__nfc_lead_bits(void)
{
	pthread_once(&nfc_table_once, nfc_table_build);
	return lead_unsafe;
}

int dt__nfc_plain_at(const char *s, size_t len)
{
	uint32_t c;

	pthread_once(&nfc_table_once, nfc_table_build);
	return dt__utf8_decode((const unsigned char *)s, len, &c) != 0 &&
	       c < 0x10000 && bmp_plain(c);
}

/* Combining class and quick-check answer for any code point. */
static void nfc_props(uint32_t c, unsigned *ccc, int *yes)
{
	if (c < 0x10000) {
		*ccc = bmp_ccc[c];
		*yes = (bmp_qc_yes[c >> 3] >> (c & 7)) & 1;
		return;
	}
	*ccc = u_getCombiningClass((UChar32)c);
	*yes = u_getIntPropertyValue((UChar32)c, UCHAR_NFC_QUICK_CHECK) ==
		UNORM_YES;
}

/* Offset of the first code point at or after `i` that is not certainly
 * plain (see above), or `len`.  Sixteen bytes at a time without a branch,
 * then byte by byte through the block that holds it.  The text's last
 * byte is not looked at as a lead: see cut_short(). */
static size_t plain_span(const unsigned char *u, size_t i, size_t len)
{
	while (len - i > 16) {
		uint64_t bad = 0;
		size_t k;

		for (k = 0; k < 16; k++) {
			bad |= lead_unsafe[u[i + k]] >> (u[i + k + 1] & 63);
		}
		if (bad & 1) {
			break;
		}
		i += 16;
	}
	for (; i + 1 < len; i++) {
		if ((lead_unsafe[u[i]] >> (u[i + 1] & 63)) & 1) {
			return i;
		}
	}
	return len;
}

/* True when the text ends inside a sequence (its last lead byte wants
 * more continuation bytes than follow it): plain_span() does not see it. */
static int cut_short(const unsigned char *u, size_t len)
{
	size_t j = len, k = 0, need;

	while (j > 0 && k < 4 && (u[j - 1] & 0xC0) == 0x80) {
		j--;
		k++;
	}
	if (j == 0) {
		return 0;
	}
	need = u[j - 1] >= 0xF0   ? 3
	       : u[j - 1] >= 0xE0 ? 2
	       : u[j - 1] >= 0xC0 ? 1
				  : 0;
	return k < need;
}

int dt__nfc_quick(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned last_ccc = 0;
	size_t i = 0;

	pthread_once(&nfc_table_once, nfc_table_build);
	if (cut_short(u, len)) {
		return 0;
	}
	while (i < len) {
		size_t p = plain_span(u, i, len), n;
		uint32_t c;
		unsigned ccc;
		int yes;

		if (p == len) {
			break;
		}
		if (p > i) {
			last_ccc = 0; /* a plain code point came between */
		}
		n = dt__utf8_decode(u + p, len - p, &c);
		if (n == 0) {
			return 0;
		}
		nfc_props(c, &ccc, &yes);
		if (!yes || (ccc != 0 && last_ccc > ccc)) {
			return 0;
		}
		last_ccc = ccc;
		i = p + n;
	}
	return 1;
}

/* ## ICU conversions (icu_text.h) */

int dt__icu_fail(dt_error *err, UErrorCode st, const char *what)
{
	int code = st == U_MEMORY_ALLOCATION_ERROR ? DT_ENOMEM : DT_ERROR;

	return dt__fail(err, code, 0, 0, "%s: %s", what, u_errorName(st));
}

/* UTF-8 -> new UTF-16 buffer (dt__free), length in *wlen. */
int dt__icu_to_utf16(UChar **out, int32_t *wlen, const char *s, size_t len,
	dt_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar *w;

	*out = NULL;
	if (len > (size_t)INT32_MAX / 4) {
		return dt__fail(err, DT_ELIMIT, 0, 0,
			"line of %zu bytes is too long to normalize", len);
	}
	w = dt__reallocarray(NULL, len + 1, sizeof(UChar));
	if (w == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	/* UTF-8 never needs more UTF-16 units than bytes. */
	u_strFromUTF8(w, (int32_t)len + 1, wlen, s, (int32_t)len, &st);
	if (U_FAILURE(st)) {
		dt__free(w);
		return dt__icu_fail(err, st, "utf-8 to utf-16");
	}
	*out = w;
	return 0;
}

/* Append UTF-16 as UTF-8 to `b`. */
int dt__icu_append_utf8(dt_buf *b, const UChar *w, int32_t wlen, dt_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t need = 0;
	int rc;

	u_strToUTF8(NULL, 0, &need, w, wlen, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st)) {
		return dt__icu_fail(err, st, "utf-16 to utf-8");
	}
	st = U_ZERO_ERROR;
	rc = dt__buf_reserve(b, (size_t)need);
	if (rc < 0) {
		return dt__fail(err, rc, 0, 0, "normalized text too large");
	}
	u_strToUTF8(b->data + b->len, need + 1, NULL, w, wlen, &st);
	if (U_FAILURE(st)) {
		return dt__icu_fail(err, st, "utf-16 to utf-8");
	}
	b->len += (size_t)need;
	b->data[b->len] = '\0';
	return 0;
}

/* Normalize w[0..wlen) with `norm` into a new buffer *out. */
int dt__icu_normalize16(UChar **out, int32_t *olen, const UNormalizer2 *norm,
	const UChar *w, int32_t wlen, dt_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t need = unorm2_normalize(norm, w, wlen, NULL, 0, &st);
	UChar *o;

	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st)) {
		return dt__icu_fail(err, st, "normalize");
	}
	st = U_ZERO_ERROR;
	o = dt__reallocarray(NULL, (size_t)need + 1, sizeof(UChar));
	if (o == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	*olen = unorm2_normalize(norm, w, wlen, o, need + 1, &st);
	if (U_FAILURE(st)) {
		dt__free(o);
		return dt__icu_fail(err, st, "normalize");
	}
	*out = o;
	return 0;
}

int dt__nfc_append(dt_buf *out, const char *s, size_t len, dt_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
	UChar *w = NULL, *n = NULL;
	int32_t wlen = 0, nlen = 0;
	int rc;

	if (U_FAILURE(st)) {
		return dt__icu_fail(err, st, "NFC instance");
	}
	rc = dt__icu_to_utf16(&w, &wlen, s, len, err);
	if (rc < 0) {
		return rc;
	}
	rc = dt__icu_normalize16(&n, &nlen, nfc, w, wlen, err);
	if (rc == 0) {
		rc = dt__icu_append_utf8(out, n, nlen, err);
	}
	dt__free(w);
	dt__free(n);
	return rc;
}
