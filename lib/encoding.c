/*
 * encoding.c - input bytes in any supported encoding -> UTF-8.
 *
 * dirtrace reads UTF-8, UTF-16 with a BOM, and the four 8-bit encodings
 * Vietnamese government files were written in before Unicode: TCVN3
 * ("ABC", .VnTime fonts), VNI-Windows, VISCII and Windows-1258.  The output
 * is UTF-8 but not yet normalized (text.c folds CRLF, nfc.c does NFC and
 * tone.c places tone marks later), and every CR and LF byte survives one
 * for one so that output lines are input lines.
 *
 * Sources of the tables: glibc iconv for VISCII and Windows-1258 (it has
 * both, and they match RFC 1456 and Microsoft's table); our own tables in
 * vni_table.h for VNI (no library knows it) and TCVN3 (glibc's TCVN5712-1
 * is the full VN1 set, which turns the Windows punctuation of real VN3
 * files into capital letters).  ICU stays out of this file (STYLE.md: only
 * the adapters include it); iconv is part of libc.
 *
 * Detection never trusts a converter's silence: TCVN3 bytes "decode" as
 * anything.  Legacy input is decoded with every candidate and scored by
 * counting tokens that are well-formed Vietnamese syllables (a structural
 * onset + vowel cluster + coda check, see syllable_ok) against tokens with
 * non-ASCII letters that are not.  No clear winner is an error, never
 * silent mojibake.
 */
#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "internal.h"
#include "text_scan.h"
#include "vni_table.h"

/* Legacy detection scores at most this many leading bytes. */
#define SAMPLE_MAX ((size_t)64 << 10)
/* A legacy encoding must yield at least this many syllables with marks. */
#define MIN_SYLLABLES 2

/* ## Names */

static const char *const enc_names[DT_ENC_COUNT_] = {
	[DT_ENC_AUTO] = "auto",
	[DT_ENC_UTF8] = "UTF-8",
	[DT_ENC_UTF16LE] = "UTF-16LE",
	[DT_ENC_UTF16BE] = "UTF-16BE",
	[DT_ENC_CP1258] = "Windows-1258",
	[DT_ENC_TCVN3] = "TCVN3",
	[DT_ENC_VISCII] = "VISCII",
	[DT_ENC_VNI] = "VNI",
};

/* clang-format off */
static const struct {
	const char *name;
	dt_encoding enc;
} enc_aliases[] = {
	{ "auto", DT_ENC_AUTO },
	{ "utf8", DT_ENC_UTF8 }, { "utf-8", DT_ENC_UTF8 },
	{ "utf16le", DT_ENC_UTF16LE }, { "utf-16le", DT_ENC_UTF16LE },
	{ "utf16be", DT_ENC_UTF16BE }, { "utf-16be", DT_ENC_UTF16BE },
	{ "cp1258", DT_ENC_CP1258 }, { "windows-1258", DT_ENC_CP1258 },
	{ "win1258", DT_ENC_CP1258 },
	{ "tcvn", DT_ENC_TCVN3 }, { "tcvn3", DT_ENC_TCVN3 },
	{ "tcvn5712", DT_ENC_TCVN3 }, { "tcvn5712-1", DT_ENC_TCVN3 },
	{ "abc", DT_ENC_TCVN3 }, { "vn3", DT_ENC_TCVN3 },
	{ "viscii", DT_ENC_VISCII },
	{ "vni", DT_ENC_VNI }, { "vni-windows", DT_ENC_VNI },
	{ "vni-times", DT_ENC_VNI },
};
/* clang-format on */

const char *dt_encoding_name(dt_encoding enc)
{
	if ((int)enc < 0 || enc >= DT_ENC_COUNT_) {
		return NULL;
	}
	return enc_names[enc];
}

/* ASCII-only case-insensitive equality: names are ASCII and the library
 * must not depend on the C locale, as strcasecmp() does. */
static int ascii_caseeq(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++) {
		unsigned char x = (unsigned char)*a, y = (unsigned char)*b;

		if (x >= 'A' && x <= 'Z') {
			x = (unsigned char)(x + 32);
		}
		if (y >= 'A' && y <= 'Z') {
			y = (unsigned char)(y + 32);
		}
		if (x != y) {
			return 0;
		}
	}
	return *a == *b;
}

int dt_encoding_from_name(dt_encoding *out, const char *name)
{
	size_t i;

	DT_ASSERT_ARG(out != NULL && name != NULL, NULL);
	for (i = 0; i < sizeof(enc_aliases) / sizeof(enc_aliases[0]); i++) {
		if (ascii_caseeq(name, enc_aliases[i].name)) {
			*out = enc_aliases[i].enc;
			return 0;
		}
	}
	return DT_ENOTFOUND;
}

/* ## UTF-8 (validated by utf8.c's DFA) */

static int has_utf8_bom(const unsigned char *s, size_t len)
{
	return len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
}

/* Append `cp` as UTF-8. */
static int put_cp(dt_buf *out, uint32_t cp)
{
	int rc = dt__buf_reserve(out, 4);

	if (rc < 0) {
		return rc;
	}
	out->len += dt__utf8_encode(cp, out->data + out->len);
	return 0;
}

/* ## UTF-16 */

static uint32_t utf16_unit(const unsigned char *s, int big)
{
	return big ? (uint32_t)s[0] << 8 | s[1] : (uint32_t)s[1] << 8 | s[0];
}

/* Line and byte column of byte `off` of UTF-16 text: LF, CR and CRLF
 * units end lines, as dt__line_col() does for bytes. */
static void utf16_line_col(
	const unsigned char *s, size_t off, int big, size_t *line, size_t *col)
{
	size_t l = 1, start = 0, i;

	for (i = 0; i + 1 < off; i += 2) {
		uint32_t u = utf16_unit(s + i, big);
		int crlf = u == '\r' && i + 3 < off &&
			   utf16_unit(s + i + 2, big) == '\n';

		if (u == '\n' || (u == '\r' && !crlf)) {
			l++;
			start = i + 2;
		}
	}
	*line = l;
	*col = off - start + 1;
}

/* Decode UTF-16 (no BOM) at s[0..len); *bad gets the offset of an
 * unpaired surrogate or of a final odd byte. */
static int decode_utf16(
	dt_buf *out, const unsigned char *s, size_t len, int big, size_t *bad)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2) {
		uint32_t cp = utf16_unit(s + i, big);
		int rc;

		if (cp >= 0xDC00 && cp <= 0xDFFF) {
			*bad = i;
			return DT_EUTF8;
		}
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			uint32_t lo =
				i + 3 < len ? utf16_unit(s + i + 2, big) : 0;

			if (lo < 0xDC00 || lo > 0xDFFF) {
				*bad = i;
				return DT_EUTF8;
			}
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			i += 2;
		}
		rc = put_cp(out, cp);
		if (rc < 0) {
			return rc;
		}
	}
	if (i < len) {
		*bad = i;
		return DT_EUTF8;
	}
	return 0;
}

/* ## 8-bit encodings
 *
 * Each decoder appends the UTF-8 of s[0..len) to `out` and returns 0, a
 * dt_status from the buffer, or DT_EUTF8 with *bad = offset of a byte the
 * encoding does not define (DT_ERROR: the converter is missing).
 */

typedef int (*legacy_fn)(
	dt_buf *out, const unsigned char *s, size_t len, size_t *bad);

/* True for the capital letters TCVN3 and VNI can produce. */
static int is_upper_cp(uint32_t cp)
{
	if (cp < 0x100) {
		return (cp >= 'A' && cp <= 'Z') ||
		       (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
	}
	if (cp >= 0x1EA0 && cp <= 0x1EF9) {
		return cp % 2 == 0;
	}
	return cp == 0x102 || cp == 0x110 || cp == 0x128 || cp == 0x168 ||
	       cp == 0x1A0 || cp == 0x1AF;
}

/* TCVN3 byte b without context. */
static uint32_t tcvn3_cp(unsigned b)
{
	if (b < 0x20) {
		return tcvn3_c0[b] != 0 ? tcvn3_c0[b] : b;
	}
	return b < 0x80 ? b : tcvn3_high[b - 0x80];
}

/*
 * TCVN3 defines every byte.  0x85 and 0x91..0x97 are Windows punctuation
 * in Word exports and VN1 capitals from VN1 encoders (vni_table.h).  The
 * capital Ặ Ị Ò Ỏ Õ Ó Ọ Ộ almost only occurs inside all-caps words
 * ("NGHỊ", "CỘNG HÒA", "RÕ"), so it is read where an uppercase letter
 * precedes; but inside “...” the byte 0x94 after a capital closes the
 * quote.  A Title-case word starting with one of these eight capitals
 * reads as punctuation: rare, and the lesser harm.
 */
static int decode_tcvn3(
	dt_buf *out, const unsigned char *s, size_t len, size_t *bad)
{
	uint32_t prev = 0;
	int quoted = 0; /* “ open on this line */
	size_t i;

	(void)bad;
	for (i = 0; i < len; i++) {
		uint32_t cp = tcvn3_cp(s[i]);
		int rc;

		if (s[i] >= 0x80 && s[i] < 0xA0 &&
			tcvn3_vn1_caps[s[i] - 0x80] != 0 && is_upper_cp(prev) &&
			!(s[i] == 0x94 && quoted)) {
			cp = tcvn3_vn1_caps[s[i] - 0x80];
		}
		if (cp == 0x201C || cp == 0x201D || cp == '\n' || cp == '\r') {
			quoted = cp == 0x201C;
		}
		rc = put_cp(out, cp);
		if (rc < 0) {
			return rc;
		}
		prev = cp;
	}
	return 0;
}

/* A VNI vowel waiting for the mark byte that may follow it. */
typedef struct {
	int vowel; /* VN_*, or -1 for none */
	int tone;
	int upper;
} vni_pending;

/* Vowel v with quality mark q added; -1 if it takes no such mark. */
static int vni_quality(int v, int q)
{
	if (q == Q_NONE) {
		return v;
	}
	if (q == Q_BREVE) {
		return v == VN_A ? VN_AW : -1;
	}
	switch (v) {
	case VN_A:
		return VN_AA;
	case VN_E:
		return VN_EE;
	case VN_O:
		return VN_OO;
	default:
		return -1;
	}
}

/* Put mark (quality q, tone t) on the pending vowel; 0 if it cannot go
 * there (no vowel, a second tone, a circumflex on u...). */
static int vni_apply(vni_pending *p, int q, int t)
{
	int v = p->vowel < 0 ? -1 : vni_quality(p->vowel, q);

	if (v < 0 || (t != TONE_NONE && p->tone != TONE_NONE)) {
		return 0;
	}
	p->vowel = v;
	if (t != TONE_NONE) {
		p->tone = t;
	}
	return 1;
}

static int vni_flush(dt_buf *out, vni_pending *p)
{
	int v = p->vowel;

	p->vowel = -1;
	return v < 0 ? 0 : put_cp(out, vn_cp(v, p->tone, p->upper));
}

/* A mark byte with no vowel to sit on: keep it as combining marks, so the
 * text stays valid and the scorer sees a broken syllable. */
static int vni_stray_mark(dt_buf *out, int q, int t)
{
	static const uint16_t quality[] = {0, 0x0302, 0x0306};
	int rc = 0;

	if (quality[q] != 0) {
		rc = put_cp(out, quality[q]);
	}
	if (rc == 0 && t != TONE_NONE) {
		rc = put_cp(out, vn_tone_mark[t]);
	}
	return rc;
}

/* Bytes that are neither letters nor marks in VNI are Windows-1252;
 * 0 for the five bytes cp1252 leaves undefined. */
static uint32_t cp1252_cp(unsigned b)
{
	return b >= 0x80 && b < 0xA0 ? cp1252_c1[b - 0x80] : b;
}

static int decode_vni(
	dt_buf *out, const unsigned char *s, size_t len, size_t *bad)
{
	vni_pending p = {-1, 0, 0};
	size_t i;
	int rc = 0;

	for (i = 0; i < len && rc == 0; i++) {
		unsigned b = s[i];
		int upper = (b >= 'A' && b <= 'Z') || (b >= 0xC0 && b <= 0xDF);
		const vni_byte *e = &vni_lower[upper ? b + 0x20 : b];

		if (e->kind == VNI_MARK && vni_apply(&p, e->arg, e->tone)) {
			continue;
		}
		rc = vni_flush(out, &p);
		if (rc < 0) {
			break;
		}
		if (e->kind == VNI_VOWEL) {
			p.vowel = e->arg;
			p.tone = e->tone;
			p.upper = upper;
		} else if (e->kind == VNI_DD) {
			rc = put_cp(out, upper ? 0x110 : 0x111);
		} else if (e->kind == VNI_MARK) {
			rc = vni_stray_mark(out, e->arg, e->tone);
		} else if (cp1252_cp(b) == 0) {
			*bad = i;
			rc = DT_EUTF8;
		} else {
			rc = put_cp(out, cp1252_cp(b));
		}
	}
	return rc < 0 ? rc : vni_flush(out, &p);
}

/* One iconv() step into the spare room of `out`, growing it on E2BIG.
 * `in` NULL flushes a stateful converter (CP1258 holds back a base letter
 * until it knows whether a tone byte follows). */
static int iconv_step(iconv_t cd, char **in, size_t *inleft, dt_buf *out)
{
	for (;;) {
		size_t want = in != NULL && *inleft > 16 ? *inleft : 32;
		int rc;
		char *o;
		size_t oleft, r;

		/* two bytes out per byte in fit most Vietnamese text */
		want = want <= SIZE_MAX / 2 ? 2 * want : SIZE_MAX;
		rc = dt__buf_reserve(out, want);
		if (rc < 0) {
			return rc;
		}
		o = out->data + out->len;
		oleft = out->cap - out->len - 1;
		r = iconv(cd, in, inleft, &o, &oleft);
		out->len = (size_t)(o - out->data);
		if (r != (size_t)-1) {
			return 0;
		}
		if (errno != E2BIG) {
			return DT_EUTF8;
		}
	}
}

/* Decode with glibc iconv; *bad is where iconv stopped on EILSEQ. */
static int decode_iconv(dt_buf *out, const unsigned char *s, size_t len,
	const char *name, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", name);
	char *in = (char *)s;
	size_t inleft = len;
	int rc;

	if (cd == (iconv_t)-1) {
		return errno == ENOMEM ? DT_ENOMEM : DT_ERROR;
	}
	rc = iconv_step(cd, &in, &inleft, out);
	if (rc == 0) {
		rc = iconv_step(cd, NULL, NULL, out);
	}
	if (rc == DT_EUTF8) {
		*bad = (size_t)(in - (char *)s);
	}
	iconv_close(cd);
	return rc;
}

static int decode_cp1258(
	dt_buf *out, const unsigned char *s, size_t len, size_t *bad)
{
	return decode_iconv(out, s, len, "CP1258", bad);
}

static int decode_viscii(
	dt_buf *out, const unsigned char *s, size_t len, size_t *bad)
{
	return decode_iconv(out, s, len, "VISCII", bad);
}

/* Candidates in the order detection prefers them on a tie. */
static const struct {
	dt_encoding enc;
	legacy_fn decode;
} legacy[] = {
	{DT_ENC_TCVN3, decode_tcvn3},
	{DT_ENC_VNI, decode_vni},
	{DT_ENC_VISCII, decode_viscii},
	{DT_ENC_CP1258, decode_cp1258},
};
#define NLEGACY (sizeof(legacy) / sizeof(legacy[0]))

static legacy_fn legacy_decoder(dt_encoding enc)
{
	size_t i;

	for (i = 0; i < NLEGACY; i++) {
		if (legacy[i].enc == enc) {
			return legacy[i].decode;
		}
	}
	return NULL;
}

/* ## Detection */

/* Output bound: no supported encoding makes more than 4 bytes of UTF-8
 * from one input byte (a VNI mark byte alone becomes two marks). */
static size_t out_max(size_t len)
{
	return len <= (SIZE_MAX - 64) / 4 ? 4 * len + 64 : SIZE_MAX;
}

/* Bytes to score: all of a short input, else up to the last whitespace
 * before SAMPLE_MAX, so that no VNI letter loses its mark byte. */
static size_t sample_len(const unsigned char *s, size_t len)
{
	size_t n;

	if (len <= SAMPLE_MAX) {
		return len;
	}
	for (n = SAMPLE_MAX; n > 0; n--) {
		unsigned c = s[n - 1];

		if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
			return n;
		}
	}
	return SAMPLE_MAX;
}

/*
 * The candidate with clearly the most syllables, or NLEGACY.  "Clearly":
 * at least MIN_SYLLABLES good ones, at most a third of the non-ASCII
 * tokens broken, and a net score over twice the runner-up's.  A runner-up
 * that decoded the sample to the very same text is no rival.
 */
static size_t pick_best(const dt_vi_score *sc, const int *ok, const dt_buf *bufs)
{
	size_t i, best = NLEGACY;
	long second = 0;

	for (i = 0; i < NLEGACY; i++) {
		if (ok[i] && (best == NLEGACY ||
				     sc[i].good - sc[i].bad >
					     sc[best].good - sc[best].bad)) {
			best = i;
		}
	}
	if (best == NLEGACY || sc[best].good < MIN_SYLLABLES ||
		sc[best].good < 2 * sc[best].bad) {
		return NLEGACY;
	}
	for (i = 0; i < NLEGACY; i++) {
		long net;

		if (i == best || !ok[i]) {
			continue; /* a failed candidate's score was never set */
		}
		net = sc[i].good - sc[i].bad;
		if (net <= second ||
			(bufs[i].len == bufs[best].len &&
				memcmp(bufs[i].data, bufs[best].data,
					bufs[i].len) == 0)) {
			continue;
		}
		second = net;
	}
	return sc[best].good - sc[best].bad >= 2 * second + 1 ? best : NLEGACY;
}

/*
 * Find the legacy encoding of s[0..len), a text that starts at a line
 * start.  On success *enc is set and `out` holds the decoding of the
 * first *sample bytes; if no encoding fits, *enc is left alone and 0 is
 * returned.
 */
static int detect_legacy(dt_buf *out, size_t *sample, dt_encoding *enc,
	const unsigned char *s, size_t len)
{
	dt_buf bufs[NLEGACY];
	dt_vi_score sc[NLEGACY] = { { 0, 0 } };
	int ok[NLEGACY];
	size_t n = sample_len(s, len), i, best;
	int rc = 0;

	for (i = 0; i < NLEGACY; i++) {
		dt__buf_init(&bufs[i], out_max(n));
	}
	for (i = 0; i < NLEGACY && rc == 0; i++) {
		size_t bad;

		rc = legacy[i].decode(&bufs[i], s, n, &bad);
		ok[i] = rc == 0 && bufs[i].data != NULL;
		if (ok[i]) {
			sc[i] = dt__vi_score_text(bufs[i].data, bufs[i].len);
		}
		if (rc == DT_EUTF8 || rc == DT_ERROR) {
			rc = 0; /* undefined byte or no converter: out */
		}
	}
	if (rc == 0) {
		best = pick_best(sc, ok, bufs);
		if (best < NLEGACY) {
			size_t max = out->max;

			dt__buf_dispose(out);
			*out = bufs[best];
			out->max = max; /* bufs[] were capped for the sample */
			dt__buf_init(&bufs[best], 1);
			*enc = legacy[best].enc;
			*sample = n;
		}
	}
	for (i = 0; i < NLEGACY; i++) {
		dt__buf_dispose(&bufs[i]);
	}
	return rc;
}

/* ## Entry points */

/* Decode s[0..len) as the 8-bit encoding `enc`; undefined bytes are
 * errors with their line and column. */
static int decode_forced(dt_buf *out, dt_encoding enc, const unsigned char *s,
	size_t len, dt_error *err)
{
	size_t bad = 0, line, col;
	int rc = legacy_decoder(enc)(out, s, len, &bad);

	if (rc == DT_EUTF8) {
		dt__line_col((const char *)s, bad, &line, &col);
		return dt__fail(err, DT_EUTF8, line, col,
			"byte 0x%02X is not defined in %s", s[bad],
			dt_encoding_name(enc));
	}
	if (rc == DT_ERROR) {
		return dt__fail(err, DT_ERROR, 0, 0,
			"iconv cannot read %s on this system",
			dt_encoding_name(enc));
	}
	return rc;
}

/* UTF-8, BOM dropped.  Positions in errors count from after the BOM, as
 * an editor shows them. */
static int decode_utf8(
	dt_buf *out, const unsigned char *s, size_t len, dt_error *err)
{
	size_t bom = has_utf8_bom(s, len) ? 3 : 0, off, line, col;

	s += bom;
	len -= bom;
	off = dt__utf8_check(s, len);
	if (off < len) {
		dt__line_col((const char *)s, off, &line, &col);
		return dt__fail(err, DT_EUTF8, line, col,
			"invalid UTF-8 byte 0x%02X", s[off]);
	}
	return dt__buf_append(out, (const char *)s, len);
}

/* UTF-16 in byte order `big`, a BOM of that order dropped. */
static int decode_utf16_bom(
	dt_buf *out, const unsigned char *s, size_t len, int big, dt_error *err)
{
	size_t bad = 0, line, col;
	int rc;

	if (len >= 2 && utf16_unit(s, big) == 0xFEFF) {
		s += 2;
		len -= 2;
	}
	rc = decode_utf16(out, s, len, big, &bad);
	if (rc != DT_EUTF8) {
		return rc;
	}
	utf16_line_col(s, bad, big, &line, &col);
	if (len - bad < 2) {
		return dt__fail(err, DT_EUTF8, line, col,
			"UTF-16 text ends in half a code unit");
	}
	return dt__fail(err, DT_EUTF8, line, col,
		"unpaired UTF-16 surrogate 0x%04X",
		(unsigned)utf16_unit(s + bad, big));
}

/*
 * ED A0..BF 80..BF: a UTF-16 surrogate written as UTF-8 (CESU-8, a
 * careless converter).  The text is broken UTF-8, not a legacy encoding:
 * no TCVN3, VNI or Windows-1258 syllable puts "ớ"/"í" before two more
 * bytes of those ranges, and guessing one would hide the real error.
 */
static int is_encoded_surrogate(const unsigned char *s, size_t len)
{
	return len >= 3 && s[0] == 0xED && s[1] >= 0xA0 && s[1] <= 0xBF &&
	       (s[2] & 0xC0) == 0x80;
}

/* BOM, then valid UTF-8, then the best-scoring legacy encoding.  The
 * legacy sample starts at the line of the first byte that is not UTF-8:
 * a long ASCII preamble must not push the evidence out of the sample. */
static int decode_auto(dt_buf *out, dt_encoding *got, const unsigned char *s,
	size_t len, dt_error *err)
{
	size_t off, from, sample = 0, line, col;
	int rc;

	*got = DT_ENC_UTF8;
	if (has_utf8_bom(s, len)) {
		return decode_utf8(out, s, len, err);
	}
	if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) ||
				(s[0] == 0xFE && s[1] == 0xFF))) {
		*got = s[0] == 0xFE ? DT_ENC_UTF16BE : DT_ENC_UTF16LE;
		return decode_utf16_bom(out, s, len, s[0] == 0xFE, err);
	}
	off = dt__utf8_check(s, len);
	if (off == len) {
		return dt__buf_append(out, (const char *)s, len);
	}
	if (is_encoded_surrogate(s + off, len - off)) {
		dt__line_col((const char *)s, off, &line, &col);
		return dt__fail(err, DT_EUTF8, line, col,
			"invalid UTF-8 byte 0x%02X (an encoded UTF-16 "
			"surrogate)", s[off]);
	}
	from = off;
	while (from > 0 && s[from - 1] != '\n' && s[from - 1] != '\r') {
		from--;
	}
	rc = detect_legacy(out, &sample, got, s + from, len - from);
	if (rc < 0) {
		return rc;
	}
	if (*got == DT_ENC_UTF8) {
		dt__line_col((const char *)s, off, &line, &col);
		return dt__fail(err, DT_EUTF8, line, col,
			"invalid UTF-8 byte 0x%02X and no Vietnamese legacy "
			"encoding fits",
			s[off]);
	}
	if (from > 0 || sample < len) {
		out->len = 0;
		rc = decode_forced(out, *got, s, len, err);
	}
	return rc;
}

int dt__decode(char **out, size_t *out_len, dt_encoding *used, const char *buf,
	size_t len, dt_encoding enc, dt_error *err)
{
	const unsigned char *s = (const unsigned char *)(buf ? buf : "");
	dt_encoding got = enc;
	dt_buf b;
	int rc;

	assert(out != NULL && (buf != NULL || len == 0));
	*out = NULL;
	if (out_len != NULL) {
		*out_len = 0;
	}
	dt__buf_init(&b, out_max(len));
	if (enc == DT_ENC_AUTO) {
		rc = decode_auto(&b, &got, s, len, err);
	} else if (enc == DT_ENC_UTF8) {
		rc = decode_utf8(&b, s, len, err);
	} else if (enc == DT_ENC_UTF16LE || enc == DT_ENC_UTF16BE) {
		rc = decode_utf16_bom(&b, s, len, enc == DT_ENC_UTF16BE, err);
	} else if (dt_encoding_name(enc) != NULL) {
		rc = decode_forced(&b, enc, s, len, err);
	} else {
		rc = dt__fail(
			err, DT_EINVAL, 0, 0, "unknown encoding %d", (int)enc);
	}
	if (rc == 0) {
		rc = dt__buf_reserve(
			&b, 0); /* an empty text still needs its NUL */
	}
	if (rc == 0) {
		b.data[b.len] = '\0';
		*out = dt__buf_detach(&b, out_len);
		if (used != NULL) {
			*used = got;
		}
	} else if (rc == DT_ENOMEM) {
		dt__fail(err, rc, 0, 0, "out of memory");
	} else if (rc == DT_ELIMIT) {
		dt__fail(err, rc, 0, 0, "decoded text exceeds %zu bytes",
			out_max(len));
	}
	dt__buf_dispose(&b);
	return rc;
}
