/*
 * utf8.c - the few UTF-8 primitives the hot loops need: decoding and
 * encoding one code point, validating a whole input (a DFA), and telling
 * plain input from the rest in the same pass (text_scan.h).
 *
 * Hand-written because they sit in per-byte loops where a call into ICU
 * (UTF-16 based) would cost a conversion; they follow RFC 3629 exactly
 * (no overlongs, no surrogates, nothing above U+10FFFF).
 */
#include <pthread.h>
#include <string.h>

#include "internal.h"
#include "text_scan.h"

size_t dt__utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	uint32_t c;
	size_t n, i;

	if (len == 0) {
		return 0;
	}
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		c &= 0x07;
	} else {
		return 0;
	}
	if (len < n) {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			return 0;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
		(n == 4 && (c < 0x10000 || c > 0x10FFFF))) {
		return 0;
	}
	*cp = c;
	return n;
}

size_t dt__utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t dt__utf8_invalid_at(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		size_t n;

		if (u[i] < 0x80) {
			i++;
			continue;
		}
		n = dt__utf8_decode(u + i, len - i, &cp);
		if (n == 0) {
			return i;
		}
		i += n;
	}
	return len;
}

void dt__line_col(const char *s, size_t off, size_t *line, size_t *col)
{
	size_t l = 1, start = 0, i;

	for (i = 0; i < off; i++) {
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= off ||
			s[i + 1] != '\n'))) {
			l++;
			start = i + 1;
		}
	}
	*line = l;
	*col = off - start + 1;
}

/* ## Validation */

/*
 * UTF-8 validation is the hot path of every input, and Vietnamese text is
 * a dense mix of 1-, 2- and 3-byte sequences, which defeats ASCII
 * skipping and branchy decoders (~350 MB/s).  A shift-based DFA does one
 * state-independent table load and a shift per byte: each row packs the
 * next state of all nine states into 6-bit fields at bit 6*state, and a
 * state is its own bit offset.  States: 0 accept, 1/2/3 need that many
 * continuation bytes, 4 after E0 (needs A0..BF), 5 after ED (80..9F),
 * 6 after F0 (90..BF), 7 after F4 (80..8F), 8 error (absorbing).  These
 * are the byte ranges of RFC 3629 §4.
 */
/* clang-format off */
#define DFA_T(s, n) ((uint64_t)((n) * 6) << ((s) * 6))
#define DFA_ROW(a, b, c, d, e, f, g, h) (DFA_T(0, a) | DFA_T(1, b) |      \
	DFA_T(2, c) | DFA_T(3, d) | DFA_T(4, e) | DFA_T(5, f) |           \
	DFA_T(6, g) | DFA_T(7, h) | DFA_T(8, 8))
#define DFA_LEAD(n) DFA_ROW(n, 8, 8, 8, 8, 8, 8, 8)
#define X2(r) r, r
#define X4(r) X2(r), X2(r)
#define X8(r) X4(r), X4(r)
#define X16(r) X8(r), X8(r)
#define X64(r) X16(r), X16(r), X16(r), X16(r)
static const uint64_t utf8_dfa[256] = {
	X64(DFA_LEAD(0)), X64(DFA_LEAD(0)),              /* 00..7F */
	X16(DFA_ROW(8, 0, 1, 2, 8, 1, 8, 2)),            /* 80..8F */
	X16(DFA_ROW(8, 0, 1, 2, 8, 1, 2, 8)),            /* 90..9F */
	X16(DFA_ROW(8, 0, 1, 2, 1, 8, 2, 8)),            /* A0..AF */
	X16(DFA_ROW(8, 0, 1, 2, 1, 8, 2, 8)),            /* B0..BF */
	X2(DFA_LEAD(8)), X2(DFA_LEAD(1)), X4(DFA_LEAD(1)), /* C0..C7 */
	X8(DFA_LEAD(1)), X16(DFA_LEAD(1)),               /* C8..DF */
	DFA_LEAD(4), X8(DFA_LEAD(2)), X4(DFA_LEAD(2)),   /* E0..EC */
	DFA_LEAD(5), X2(DFA_LEAD(2)),                    /* ED..EF */
	DFA_LEAD(6), X2(DFA_LEAD(3)), DFA_LEAD(3),       /* F0..F3 */
	DFA_LEAD(7), X8(DFA_LEAD(8)), X2(DFA_LEAD(8)),   /* F4..FE */
	DFA_LEAD(8),                                     /* FF */
};
/* clang-format on */

/*
 * Offset of the first byte that is not valid UTF-8, or `len`.  The DFA
 * runs two halves of the input interleaved (split at a lead byte) so the
 * two dependency chains overlap: ~1.2 GB/s instead of ~0.9.  Only on
 * failure does dt__utf8_invalid_at() locate the offending byte.
 */
size_t dt__utf8_check(const unsigned char *s, size_t len)
{
	size_t mid = len / 2, n, i;
	uint64_t a = 0, b = 0;

	while (mid < len && (s[mid] & 0xC0) == 0x80) {
		mid++;
	}
	n = mid < len - mid ? mid : len - mid;
	for (i = 0; i < n; i++) {
		a = utf8_dfa[s[i]] >> a & 63;
		b = utf8_dfa[s[mid + i]] >> b & 63;
	}
	for (; i < len - mid; i++) {
		b = utf8_dfa[s[mid + i]] >> b & 63;
	}
	for (i = n; i < mid; i++) {
		a = utf8_dfa[s[i]] >> a & 63;
	}
	if (a == 0 && b == 0) {
		return len;
	}
	return dt__utf8_invalid_at((const char *)s, len);
}

/* ## Plain UTF-8 in one pass
 *
 * Nearly all input is UTF-8 without a BOM, CR or NUL, made only of code
 * points that are NFC-plain, and text.c then has nothing to decode, fold
 * or normalize.  Learning that took dt__utf8_check(), two memchr() passes and
 * dt__nfc_quick(): here one loop does the DFA step and the quick check's
 * lead-byte test (nfc.c's table, with NUL and CR made always suspect) on
 * each byte, in dt__utf8_check()'s two interleaved halves.  The pair test reads
 * the byte after each one, so the halves cover the pairs before the last
 * byte, which is then stepped and tested alone. */

static uint64_t plain_bits[256];
static pthread_once_t plain_once = PTHREAD_ONCE_INIT;

static void plain_build(void)
{
	memcpy(plain_bits, dt__nfc_lead_bits(), sizeof(plain_bits));
	plain_bits['\0'] = ~(uint64_t)0;
	plain_bits['\r'] = ~(uint64_t)0;
}

/* True when the table flags the pair at s[i]. */
#define PLAIN_FLAG(s, i) (plain_bits[(s)[i]] >> ((s)[(i) + 1] & 63) & 1)

/* The code point at s[i] is plain (and not NUL or CR, which are). */
static int plain_at(const unsigned char *s, size_t len, size_t i)
{
	return s[i] != '\0' && s[i] != '\r' &&
	       dt__nfc_plain_at((const char *)s + i, len - i);
}

/* Every pair the table flags in s[i..i + n) is plain after all (rare:
 * “–” and "№" share their blocks of 64 with code points that are not). */
static int flagged_plain(const unsigned char *s, size_t len, size_t i,
	size_t n)
{
	for (; n > 0; i++, n--) {
		if (PLAIN_FLAG(s, i) && !plain_at(s, len, i)) {
			return 0;
		}
	}
	return 1;
}

/* One byte of a half: the DFA in `st`, the pair's flag into `flag`. */
#define PLAIN_STEP(st, flag, s, i)                                        \
	((st) = utf8_dfa[(s)[i]] >> (st) & 63,                            \
		(flag) |= plain_bits[(s)[i]] >> ((s)[(i) + 1] & 63))

/* Steps through s[i..i + n) of one half; 0 when a flagged pair is not
 * plain. */
static int plain_run(const unsigned char *s, size_t len, size_t i, size_t n,
	uint64_t *st)
{
	uint64_t flag = 0;
	size_t k;

	for (k = i; k < i + n; k++) {
		PLAIN_STEP(*st, flag, s, k);
	}
	return !(flag & 1) || flagged_plain(s, len, i, n);
}

enum { PLAIN_BLOCK = 16 };

int dt__utf8_plain(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t last, mid, a_end, b_len, n, i;
	uint64_t a = 0, b = 0;

	if (len < 2 || (len >= 3 && s[0] == 0xEF && s[1] == 0xBB &&
		s[2] == 0xBF)) {
		return 0; /* nothing, or a BOM to drop */
	}
	pthread_once(&plain_once, plain_build);
	last = len - 1;
	mid = len / 2; /* half a takes [0, mid), half b [mid, len) */
	while (mid < len && (s[mid] & 0xC0) == 0x80) {
		mid++;
	}
	/* the paired steps stop before the last byte, stepped on its own */
	a_end = mid < last ? mid : last;
	b_len = mid < last ? last - mid : 0;
	n = a_end < b_len ? a_end : b_len;
	/* both halves a block at a time, a flag tested once a block */
	for (i = 0; i + PLAIN_BLOCK <= n; i += PLAIN_BLOCK) {
		uint64_t fa = 0, fb = 0;
		size_t k;

		for (k = i; k < i + PLAIN_BLOCK; k++) {
			PLAIN_STEP(a, fa, s, k);
			PLAIN_STEP(b, fb, s, mid + k);
		}
		if (((fa | fb) & 1) &&
			!(flagged_plain(s, len, i, PLAIN_BLOCK) &&
				flagged_plain(s, len, mid + i, PLAIN_BLOCK))) {
			return 0;
		}
	}
	if (!plain_run(s, len, i, a_end - i, &a) ||
		!plain_run(s, len, mid + i, b_len - i, &b)) {
		return 0;
	}
	if (mid <= last) {
		b = utf8_dfa[s[last]] >> b & 63;
	} else {
		a = utf8_dfa[s[last]] >> a & 63;
	}
	return a == 0 && b == 0 && s[last] != '\0' && s[last] != '\r';
}
