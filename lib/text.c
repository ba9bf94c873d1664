/*
 * text.c - decoded, normalized text with a map back to original lines.
 *
 * Everything downstream of the reader sees only UTF-8, NFC, LF text in one
 * tone style.  The pipeline: encoding.c turns bytes into UTF-8 keeping line
 * breaks one for one; here CRLF and lone CR become LF, each line is put in
 * NFC (ICU), and tone.c places tone marks.  None of these steps adds or
 * removes a line break, so line N of the result is line N of the input and
 * the line map is simply the offsets where lines start.
 *
 * This file and tokens.c are the only users of ICU's normalizer and case
 * folding; ICU's UTF-16 and int32_t lengths stay inside them.
 */
#include <pthread.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "internal.h"

struct dt_text {
	char *data;
	size_t len;
	size_t *line_starts; /* offset in data where each line starts */
	size_t line_count;
	dt_encoding encoding;
};

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

/* ## ICU conversions */

static int icu_fail(dt_error *err, UErrorCode st, const char *what)
{
	int code = st == U_MEMORY_ALLOCATION_ERROR ? DT_ENOMEM : DT_ERROR;

	return dt__fail(err, code, 0, 0, "%s: %s", what, u_errorName(st));
}

/* UTF-8 -> new UTF-16 buffer (dt__free), length in *wlen. */
static int to_utf16(UChar **out, int32_t *wlen, const char *s, size_t len,
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
		return icu_fail(err, st, "utf-8 to utf-16");
	}
	*out = w;
	return 0;
}

/* Append UTF-16 as UTF-8 to `b`. */
static int append_utf8(dt_buf *b, const UChar *w, int32_t wlen, dt_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t need = 0;
	int rc;

	u_strToUTF8(NULL, 0, &need, w, wlen, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st)) {
		return icu_fail(err, st, "utf-16 to utf-8");
	}
	st = U_ZERO_ERROR;
	rc = dt__buf_reserve(b, (size_t)need);
	if (rc < 0) {
		return dt__fail(err, rc, 0, 0, "normalized text too large");
	}
	u_strToUTF8(b->data + b->len, need + 1, NULL, w, wlen, &st);
	if (U_FAILURE(st)) {
		return icu_fail(err, st, "utf-16 to utf-8");
	}
	b->len += (size_t)need;
	b->data[b->len] = '\0';
	return 0;
}

/* Normalize w[0..wlen) with `norm` into a new buffer *out. */
static int normalize16(UChar **out, int32_t *olen, const UNormalizer2 *norm,
	const UChar *w, int32_t wlen, dt_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t need = unorm2_normalize(norm, w, wlen, NULL, 0, &st);
	UChar *o;

	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st)) {
		return icu_fail(err, st, "normalize");
	}
	st = U_ZERO_ERROR;
	o = dt__reallocarray(NULL, (size_t)need + 1, sizeof(UChar));
	if (o == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	*olen = unorm2_normalize(norm, w, wlen, o, need + 1, &st);
	if (U_FAILURE(st)) {
		dt__free(o);
		return icu_fail(err, st, "normalize");
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
		return icu_fail(err, st, "NFC instance");
	}
	rc = to_utf16(&w, &wlen, s, len, err);
	if (rc < 0) {
		return rc;
	}
	rc = normalize16(&n, &nlen, nfc, w, wlen, err);
	if (rc == 0) {
		rc = append_utf8(out, n, nlen, err);
	}
	dt__free(w);
	dt__free(n);
	return rc;
}

/* ## Decoding pipeline */

/* Fail on the first NUL byte: text formats never contain one, and every
 * C string API downstream would silently truncate there. */
static int refuse_nul(const char *s, size_t len, dt_error *err)
{
	const char *z = memchr(s, '\0', len);
	size_t line, col;

	if (z == NULL) {
		return 0;
	}
	dt__line_col(s, (size_t)(z - s), &line, &col);
	return dt__fail(err, DT_EPARSE, line, col, "NUL byte in text");
}

/* Append one line (without its break) in NFC and the chosen tone style. */
static int normalize_line(dt_buf *out, dt_buf *scratch, const char *s,
	size_t len, dt_tone tone, dt_error *err)
{
	int rc;

	if (dt__nfc_quick(s, len)) {
		return dt__tone_apply(out, s, len, tone);
	}
	scratch->len = 0;
	rc = dt__nfc_append(scratch, s, len, err);
	if (rc < 0) {
		return rc;
	}
	return dt__tone_apply(out, scratch->data, scratch->len, tone);
}

/* Record the start of a new line at out->len. */
static int push_line(dt_text *t, size_t *cap, size_t start)
{
	if (t->line_count == *cap) {
		size_t ncap = *cap ? *cap * 2 : 256;
		size_t *p = dt__reallocarray(t->line_starts, ncap,
			sizeof(size_t));

		if (p == NULL) {
			return DT_ENOMEM;
		}
		t->line_starts = p;
		*cap = ncap;
	}
	t->line_starts[t->line_count++] = start;
	return 0;
}

/* Split UTF-8 `s` at LF, CRLF and lone CR; normalize each line into `out`
 * with LF breaks and record where lines start. */
static int normalize_lines(dt_text *t, dt_buf *out, const char *s, size_t len,
	dt_tone tone, dt_error *err)
{
	dt_buf scratch;
	size_t i = 0, cap = 0;
	int rc = 0;

	dt__buf_init(&scratch, out->max);
	while (rc == 0 && i <= len) {
		size_t end = i;

		while (end < len && s[end] != '\n' && s[end] != '\r') {
			end++;
		}
		if (i == len && len > 0) {
			break; /* input ended with a line break */
		}
		rc = push_line(t, &cap, out->len);
		if (rc < 0) {
			rc = dt__fail(err, rc, 0, 0, "out of memory");
			break;
		}
		rc = normalize_line(out, &scratch, s + i, end - i, tone, err);
		if (rc == 0 && end < len) {
			rc = dt__buf_putc(out, '\n');
		}
		if (rc < 0 && err != NULL && err->line == 0) {
			err->line = t->line_count;
		}
		i = end + (end < len && s[end] == '\r' && end + 1 < len &&
			s[end + 1] == '\n' ? 2 : 1);
	}
	dt__buf_dispose(&scratch);
	return rc;
}

/* ## The common case in one piece
 *
 * Text without CR and already NFC needs no per-line work: no break to
 * fold, no line to normalize, and tone placement reads words, which never
 * span a line break.  Applying the tone style to the whole text gives what
 * the line-by-line path gives, and when no word changes (most text) the
 * decoded bytes become the result without a copy. */

/* Record where lines start in t->data: after every LF but a final one. */
static int index_lines(dt_text *t)
{
	const char *s = t->data, *end = s + t->len, *p = s;
	size_t n = 1, k = 1;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL && ++p < end) {
		n++;
	}
	t->line_starts = dt__reallocarray(NULL, n, sizeof(size_t));
	if (t->line_starts == NULL) {
		return DT_ENOMEM;
	}
	t->line_starts[0] = 0;
	for (p = s; k < n; k++) {
		p = (const char *)memchr(p, '\n', (size_t)(end - p)) + 1;
		t->line_starts[k] = (size_t)(p - s);
	}
	t->line_count = n;
	return 0;
}

/* True when decoded `s` may take the whole-text path. */
static int whole_text_ok(const char *s, size_t len, size_t max)
{
	return len < max && memchr(s, '\r', len) == NULL &&
	       dt__nfc_quick(s, len);
}

/* The text of *raw (len bytes, see whole_text_ok()) in the `tone` style
 * into t; *raw is taken when nothing changes.  DT_ELIMIT (t untouched)
 * when the result may outgrow `max`. */
static int take_whole(
	dt_text *t, char **raw, size_t len, dt_tone tone, size_t max)
{
	size_t first = dt__tone_first(*raw, len, tone);
	int rc = 0;

	if (first == len) {
		t->data = *raw;
		t->len = len;
		*raw = NULL;
	} else {
		dt_buf b;

		dt__buf_init(&b, max);
		rc = dt__buf_reserve(&b, len + len / 64);
		if (rc == 0) {
			rc = dt__buf_append(&b, *raw, first);
		}
		if (rc == 0) {
			rc = dt__tone_apply(
				&b, *raw + first, len - first, tone);
		}
		if (rc == 0) {
			t->data = dt__buf_detach(&b, &t->len);
		}
		dt__buf_dispose(&b);
	}
	return rc == 0 ? index_lines(t) : rc;
}

/* Normalize decoded `raw` into t: the whole text at once when it can
 * (see above), else line by line into `norm`. */
static int normalize(dt_text *t, dt_buf *norm, char **raw, size_t len,
	dt_tone tone, dt_error *err)
{
	int rc;

	if (whole_text_ok(*raw, len, norm->max)) {
		rc = take_whole(t, raw, len, tone, norm->max);
		if (rc != DT_ELIMIT) { /* over it, the line path says where */
			return rc == 0 ? 0
				       : dt__fail(err, rc, 0, 0,
						 "out of memory");
		}
	}
	rc = normalize_lines(t, norm, *raw, len, tone, err);
	if (rc == 0) {
		t->data = dt__buf_detach(norm, &t->len);
		rc = t->data ? 0
			     : dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	return rc;
}

int dt_text_decode(dt_text **out, const char *buf, size_t len,
	const dt_text_opts *opts, dt_error *err)
{
	dt_text_opts o = DT_TEXT_OPTS_INIT;
	dt_text *t = NULL;
	char *raw = NULL;
	size_t raw_len = 0;
	dt_buf norm;
	int rc;

	DT_ASSERT_ARG(out != NULL && (buf != NULL || len == 0), err);
	*out = NULL;
	if (opts != NULL) {
		o = *opts;
	}
	dt__buf_init(&norm, o.max_bytes ? o.max_bytes * 2 : 0);
	if (len > (o.max_bytes ? o.max_bytes : DT_DEFAULT_MAX_BYTES)) {
		return dt__fail(err, DT_ELIMIT, 0, 0,
			"input of %zu bytes is over the limit", len);
	}
	t = dt__calloc(1, sizeof(*t));
	if (t == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	rc = dt__decode(&raw, &raw_len, &t->encoding, buf, len, o.encoding,
		err);
	if (rc == 0) {
		rc = refuse_nul(raw, raw_len, err);
	}
	if (rc == 0) {
		rc = normalize(t, &norm, &raw, raw_len, o.tone, err);
	}
	dt__free(raw);
	dt__buf_dispose(&norm);
	if (rc < 0) {
		dt_text_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

void dt_text_free(dt_text *text)
{
	if (text == NULL) {
		return;
	}
	dt__free(text->data);
	dt__free(text->line_starts);
	dt__free(text);
}

const char *dt_text_data(const dt_text *text)
{
	return text->data;
}

size_t dt_text_len(const dt_text *text)
{
	return text->len;
}

dt_encoding dt_text_encoding(const dt_text *text)
{
	return text->encoding;
}

size_t dt_text_line_count(const dt_text *text)
{
	return text->line_count;
}

size_t dt_text_line(const dt_text *text, size_t offset)
{
	size_t lo = 0, hi = text->line_count;

	/* Last line whose start is <= offset. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (text->line_starts[mid] <= offset) {
			lo = mid;
		} else {
			hi = mid;
		}
	}
	return lo + 1;
}

/* ## Folding */

/* Map any remaining ё/Ё to е/Е and, when `marks`, drop combining marks
 * and map đ/Đ (which have no decomposition) to d/D. */
static int32_t fold_letters(UChar *w, int32_t n, int marks)
{
	int32_t i, j = 0;

	for (i = 0; i < n; i++) {
		UChar c = w[i];

		if (c == 0x0451) {
			c = 0x0435;
		} else if (c == 0x0401) {
			c = 0x0415;
		}
		if (marks) {
			if (u_charType(c) == U_NON_SPACING_MARK) {
				continue;
			}
			if (c == 0x0111) {
				c = 'd';
			} else if (c == 0x0110) {
				c = 'D';
			}
		}
		w[j++] = c;
	}
	return j;
}

/* Drop U+0308 that follows е/Е (the NFD form of ё/Ё). */
static int32_t drop_yo_diaeresis(UChar *w, int32_t n)
{
	int32_t i, j = 0;

	for (i = 0; i < n; i++) {
		if (w[i] == 0x0308 && j > 0 &&
			(w[j - 1] == 0x0435 || w[j - 1] == 0x0415)) {
			continue;
		}
		w[j++] = w[i];
	}
	return j;
}

/* NFD, ё -> е, optional case fold and mark removal, NFC: result in *out. */
static int fold16(UChar **out, int32_t *olen, UChar *w, int32_t wlen,
	unsigned flags, dt_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
	UChar *d = NULL, *f = NULL;
	int32_t dlen = 0, flen;
	int rc;

	if (U_FAILURE(st)) {
		return icu_fail(err, st, "normalizer instance");
	}
	/* NFD first so that e + U+0308 and precomposed ё fold alike. */
	rc = normalize16(&d, &dlen, nfd, w, wlen, err);
	if (rc < 0) {
		return rc;
	}
	dlen = drop_yo_diaeresis(d, dlen);
	if (flags & DT_FOLD_CASE) {
		f = dt__reallocarray(NULL, (size_t)dlen * 3 + 1, sizeof(UChar));
		if (f == NULL) {
			dt__free(d);
			return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
		}
		flen = u_strFoldCase(f, dlen * 3 + 1, d, dlen,
			U_FOLD_CASE_DEFAULT, &st);
		dt__free(d);
		if (U_FAILURE(st)) {
			dt__free(f);
			return icu_fail(err, st, "case folding");
		}
		d = f;
		dlen = flen;
	}
	dlen = fold_letters(d, dlen, (flags & DT_FOLD_DIACRITICS) != 0);
	rc = normalize16(out, olen, nfc, d, dlen, err);
	dt__free(d);
	return rc;
}

/* The ICU path: any input.  `s` is valid UTF-8. */
static int fold_icu(char **out, size_t *len_out, const char *s, size_t len,
	unsigned flags, dt_error *err)
{
	UChar *w = NULL, *f = NULL;
	int32_t wlen = 0, flen = 0;
	dt_buf b;
	int rc;

	rc = to_utf16(&w, &wlen, s, len, err);
	if (rc < 0) {
		return rc;
	}
	rc = fold16(&f, &flen, w, wlen, flags, err);
	dt__free(w);
	if (rc < 0) {
		return rc;
	}
	dt__buf_init(&b, 0);
	rc = append_utf8(&b, f, flen, err);
	dt__free(f);
	if (rc == 0 && dt__buf_reserve(&b, 0) < 0) {
		rc = dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	if (rc < 0) {
		dt__buf_dispose(&b);
		return rc;
	}
	*out = dt__buf_detach(&b, len_out);
	return 0;
}

/* ## Folding, the fast path
 *
 * Folding runs over every directive unit each time a matcher or a
 * coverage pass looks for obligation markers, and the ICU path (UTF-16,
 * NFD, fold, NFC, UTF-8, four allocations) cost ~900 instructions a
 * byte.  For text made only of characters of the ranges below, the fold
 * of a string is the concatenation of the folds of its characters, read
 * from a table built once with the ICU path itself, when each character
 *   - is NFC_Quick_Check=Yes with combining class 0 (the input is NFC and
 *     its decomposition starts with a starter, so NFD and the ё rule stay
 *     inside the character), and
 *   - folds to text whose first character does not combine with what
 *     precedes it (NFC_Quick_Check=Yes, class 0), so the final NFC does
 *     not join two characters' folds.
 * Case folding and the mark and đ rules work per code point.  Any other
 * character sends the whole string down the ICU path. */

#define FOLD_ENTRY_MAX 7
#define FOLD_SLOW 0xFF

typedef struct {
	uint8_t len; /* FOLD_SLOW: not in the table */
	char s[FOLD_ENTRY_MAX];
} fold_entry;

/* The table's ranges: Latin (with Vietnamese), Greek and Cyrillic,
 * Latin Extended Additional, General Punctuation. */
static const struct {
	uint32_t lo, hi;
} fold_ranges[] = {
	{ 0x0000, 0x0250 }, { 0x0370, 0x0530 }, { 0x1E00, 0x1F00 },
	{ 0x2000, 0x2070 },
};
#define FOLD_TABLE 1408 /* the sizes of the ranges, summed */

static fold_entry fold_table[4][FOLD_TABLE]; /* [flags & 3][index] */
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

/* Index of `c` in the table, or -1. */
static int fold_index(uint32_t c)
{
	int base = 0;
	size_t i;

	for (i = 0; i < sizeof(fold_ranges) / sizeof(fold_ranges[0]); i++) {
		if (c < fold_ranges[i].lo) {
			return -1;
		}
		if (c < fold_ranges[i].hi) {
			return base + (int)(c - fold_ranges[i].lo);
		}
		base += (int)(fold_ranges[i].hi - fold_ranges[i].lo);
	}
	return -1;
}

static int nfc_yes_starter(UChar32 c)
{
	return u_getCombiningClass(c) == 0 &&
		u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
}

/* The fold of `c` alone into out[0..cap), as fold16() does it, on stack
 * buffers (the table is built once, under pthread_once: no allocation
 * that could fail); -1 when it does not fit or ICU fails. */
static int fold_one(uint32_t c, unsigned flags, char *out, int32_t cap)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
	UChar w[2], d[32], f[96], g[96];
	int32_t wn = 0, dn, fn, gn, olen = 0;

	U16_APPEND_UNSAFE(w, wn, (UChar32)c);
	dn = unorm2_normalize(nfd, w, wn, d, 32, &st);
	if (U_FAILURE(st)) {
		return -1;
	}
	dn = drop_yo_diaeresis(d, dn);
	if (flags & DT_FOLD_CASE) {
		fn = u_strFoldCase(f, 96, d, dn, U_FOLD_CASE_DEFAULT, &st);
	} else {
		memcpy(f, d, (size_t)dn * sizeof(UChar));
		fn = dn;
	}
	if (U_FAILURE(st) || fn > 96) {
		return -1;
	}
	fn = fold_letters(f, fn, (flags & DT_FOLD_DIACRITICS) != 0);
	gn = unorm2_normalize(nfc, f, fn, g, 96, &st);
	u_strToUTF8(out, cap, &olen, g, gn, &st);
	return U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING ?
		-1 : olen;
}

/* One table entry: slow unless `c` and its fold pass the rules above. */
static void fold_entry_build(fold_entry *e, uint32_t c, unsigned flags)
{
	char f[FOLD_ENTRY_MAX + 1];
	int n;
	uint32_t first;

	e->len = FOLD_SLOW;
	if (!nfc_yes_starter((UChar32)c)) {
		return;
	}
	n = fold_one(c, flags, f, (int32_t)sizeof(f));
	if (n < 0 || n > FOLD_ENTRY_MAX) {
		return;
	}
	if (n == 0 || (dt__utf8_decode((const unsigned char *)f, (size_t)n,
			       &first) > 0 &&
			      nfc_yes_starter((UChar32)first))) {
		memcpy(e->s, f, (size_t)n);
		e->len = (uint8_t)n;
	}
}

static void fold_table_build(void)
{
	unsigned flags;
	size_t r;

	for (flags = 0; flags < 4; flags++) {
		int k = 0;

		for (r = 0; r < sizeof(fold_ranges) / sizeof(fold_ranges[0]);
			r++) {
			uint32_t c = fold_ranges[r].lo;

			for (; c < fold_ranges[r].hi; c++) {
				fold_entry_build(&fold_table[flags][k++], c,
					flags);
			}
		}
		assert(k == FOLD_TABLE);
	}
}

/* The fold of s[0..len) from the table into `b`; 1 when some character
 * is not in it (`b` is then incomplete), a dt_status on error. */
static int fold_fast(dt_buf *b, const char *s, size_t len, unsigned flags)
{
	const fold_entry *t = fold_table[flags];
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	int rc = dt__buf_reserve(b, len + 8);

	while (rc == 0 && i < len) {
		uint32_t c = u[i];
		size_t n = 1;
		int k;

		if (c >= 0x80) {
			n = dt__utf8_decode(u + i, len - i, &c);
		}
		k = fold_index(c);
		if (n == 0 || k < 0 || t[k].len == FOLD_SLOW) {
			return 1;
		}
		if (b->len + FOLD_ENTRY_MAX >= b->cap) {
			rc = dt__buf_reserve(b, FOLD_ENTRY_MAX + (len - i));
			if (rc < 0) {
				break;
			}
		}
		memcpy(b->data + b->len, t[k].s, FOLD_ENTRY_MAX);
		b->len += t[k].len;
		i += n;
	}
	if (rc == 0) {
		b->data[b->len] = '\0';
	}
	return rc;
}

int dt_fold(char **out, size_t *len_out, const char *s, size_t len,
	unsigned flags, dt_error *err)
{
	dt_buf b;
	int rc;

	DT_ASSERT_ARG(out != NULL && (s != NULL || len == 0), err);
	*out = NULL;
	if (dt__utf8_invalid_at(s, len) != len) {
		return dt__fail(err, DT_EUTF8, 0, 0, "invalid UTF-8");
	}
	if ((flags & ~3u) == 0) {
		pthread_once(&fold_once, fold_table_build);
		dt__buf_init(&b, 0);
		rc = fold_fast(&b, s, len, flags);
		if (rc == 0) {
			*out = dt__buf_detach(&b, len_out);
			return 0;
		}
		dt__buf_dispose(&b);
		if (rc < 0) {
			return dt__fail(err, rc, 0, 0, "out of memory");
		}
	}
	return fold_icu(out, len_out, s, len, flags, err);
}
