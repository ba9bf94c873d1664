/*
 * fold.c - dt_fold(): text folded for comparison (case, ё -> е, and on
 * request diacritics and đ -> d), by ICU (NFD, case folding, NFC) or, for
 * the characters of Vietnamese and Russian text, by a table built once
 * with ICU itself.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "icu_text.h"
#include "internal.h"

/* ## The ICU path */

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
		return dt__icu_fail(err, st, "normalizer instance");
	}
	/* NFD first so that e + U+0308 and precomposed ё fold alike. */
	rc = dt__icu_normalize16(&d, &dlen, nfd, w, wlen, err);
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
			return dt__icu_fail(err, st, "case folding");
		}
		d = f;
		dlen = flen;
	}
	dlen = fold_letters(d, dlen, (flags & DT_FOLD_DIACRITICS) != 0);
	rc = dt__icu_normalize16(out, olen, nfc, d, dlen, err);
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

	rc = dt__icu_to_utf16(&w, &wlen, s, len, err);
	if (rc < 0) {
		return rc;
	}
	rc = fold16(&f, &flen, w, wlen, flags, err);
	dt__free(w);
	if (rc < 0) {
		return rc;
	}
	dt__buf_init(&b, 0);
	rc = dt__icu_append_utf8(&b, f, flen, err);
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
