/*
 * test_text_speed_ref.c - reference implementations for test_text_speed.c:
 * the text layer's per-code-point and per-word algorithms as they stood
 * before the fast paths, so that every fast path can be compared with
 * what it replaced on any input.  No tests here.
 */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>

#include "test_text_speed_ref.h"

/* ## NFC quick check (UAX #15: QC=Yes and classes never go down) */

int ref_nfc_quick(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned last_ccc = 0;
	size_t i = 0;

	while (i < len) {
		uint32_t c;
		size_t n = dt__utf8_decode(u + i, len - i, &c);
		unsigned ccc;

		if (n == 0) {
			return 0;
		}
		ccc = u_getCombiningClass((UChar32)c);
		if (u_getIntPropertyValue((UChar32)c, UCHAR_NFC_QUICK_CHECK) !=
				UNORM_YES ||
			(ccc != 0 && last_ccc > ccc)) {
			return 0;
		}
		last_ccc = ccc;
		i += n;
	}
	return 1;
}

/* ## Tone placement, word by word */

enum { TONES = 6, MAX_SYL = 8 };
enum { V_A, V_E, V_O, V_U, V_Y, V_NONE };

static const uint32_t vowels[5][2][TONES] = {
	{{0x61, 0xE0, 0xE1, 0x1EA3, 0xE3, 0x1EA1},
		{0x41, 0xC0, 0xC1, 0x1EA2, 0xC3, 0x1EA0}},
	{{0x65, 0xE8, 0xE9, 0x1EBB, 0x1EBD, 0x1EB9},
		{0x45, 0xC8, 0xC9, 0x1EBA, 0x1EBC, 0x1EB8}},
	{{0x6F, 0xF2, 0xF3, 0x1ECF, 0xF5, 0x1ECD},
		{0x4F, 0xD2, 0xD3, 0x1ECE, 0xD5, 0x1ECC}},
	{{0x75, 0xF9, 0xFA, 0x1EE7, 0x169, 0x1EE5},
		{0x55, 0xD9, 0xDA, 0x1EE6, 0x168, 0x1EE4}},
	{{0x79, 0x1EF3, 0xFD, 0x1EF7, 0x1EF9, 0x1EF5},
		{0x59, 0x1EF2, 0xDD, 0x1EF6, 0x1EF8, 0x1EF4}},
};

typedef struct {
	int vowel, upper, tone;
} vowel_info;

static vowel_info classify(uint32_t c)
{
	vowel_info v = {V_NONE, 0, 0};
	int i, k, t;

	for (i = 0; i < 5; i++) {
		for (k = 0; k < 2; k++) {
			for (t = 0; t < TONES; t++) {
				if (vowels[i][k][t] == c) {
					v.vowel = i;
					v.upper = k;
					v.tone = t;
					return v;
				}
			}
		}
	}
	return v;
}

static int is_onset_consonant(uint32_t c)
{
	if (c == 0x0111 || c == 0x0110) {
		return 1;
	}
	if (c >= 'A' && c <= 'Z') {
		c += 'a' - 'A';
	}
	return c < 0x80 && c != 0 && strchr("bcdghklmnpqrstvx", (int)c);
}

static int is_word_char(uint32_t c)
{
	if (c < 0x80) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		       (c >= '0' && c <= '9');
	}
	return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	       (c >= 0x300 && c <= 0x36F) || (c >= 0x1E00 && c <= 0x1EFF);
}

static int retone(uint32_t *cps, size_t n, dt_tone style)
{
	vowel_info v1, v2;
	size_t i;
	int tone, t1;

	if (n < 2) {
		return 0;
	}
	v1 = classify(cps[n - 2]);
	v2 = classify(cps[n - 1]);
	if (!((v1.vowel == V_O && (v2.vowel == V_A || v2.vowel == V_E)) ||
		    (v1.vowel == V_U && v2.vowel == V_Y))) {
		return 0;
	}
	if ((v1.tone == 0) == (v2.tone == 0)) {
		return 0;
	}
	for (i = 0; i + 2 < n; i++) {
		if (!is_onset_consonant(cps[i])) {
			return 0;
		}
	}
	if (v1.vowel == V_U && n >= 3 &&
		(cps[n - 3] == 'q' || cps[n - 3] == 'Q')) {
		return 0;
	}
	if ((style == DT_TONE_NEW) == (v1.tone != 0)) {
		return 0;
	}
	tone = v1.tone + v2.tone;
	t1 = style == DT_TONE_NEW ? tone : 0;
	cps[n - 2] = vowels[v1.vowel][v1.upper][t1];
	cps[n - 1] = vowels[v2.vowel][v2.upper][tone - t1];
	return 1;
}

static size_t scan_word(
	const unsigned char *s, size_t len, size_t i, uint32_t *cps, size_t *n)
{
	size_t start = i, k = 0;
	int high = 0;

	while (i < len) {
		uint32_t c;
		size_t m = dt__utf8_decode(s + i, len - i, &c);

		if (m == 0 || !is_word_char(c)) {
			break;
		}
		high |= s[i] >= 0xC3;
		if (k < MAX_SYL) {
			cps[k] = c;
		}
		k++;
		i += m;
	}
	*n = k <= MAX_SYL && high && i - start <= MAX_SYL * 3 ? k : 0;
	return i - start;
}

int ref_tone_apply(dt_buf *out, const char *s, size_t len, dt_tone tone)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, copied = 0;
	int rc;

	if (tone == DT_TONE_KEEP) {
		return dt__buf_append(out, s, len);
	}
	while (i < len) {
		uint32_t cps[MAX_SYL];
		size_t n, k, w = scan_word(u, len, i, cps, &n);
		char enc[MAX_SYL * 4];
		size_t elen = 0;

		if (w == 0) {
			i++;
			continue;
		}
		if (n == 0 || !retone(cps, n, tone)) {
			i += w;
			continue;
		}
		for (k = 0; k < n; k++) {
			elen += dt__utf8_encode(cps[k], enc + elen);
		}
		rc = dt__buf_append(out, s + copied, i - copied);
		if (rc == 0) {
			rc = dt__buf_append(out, enc, elen);
		}
		if (rc < 0) {
			return rc;
		}
		i += w;
		copied = i;
	}
	return dt__buf_append(out, s + copied, len - copied);
}

/* ## The line-by-line decode */

static int ref_line(dt_buf *out, const char *s, size_t len, dt_tone tone)
{
	dt_buf nfc;
	int rc;

	if (ref_nfc_quick(s, len)) {
		return ref_tone_apply(out, s, len, tone);
	}
	dt__buf_init(&nfc, 0);
	rc = dt__nfc_append(&nfc, s, len, NULL);
	if (rc == 0) {
		rc = ref_tone_apply(
			out, nfc.data ? nfc.data : "", nfc.len, tone);
	}
	dt__buf_dispose(&nfc);
	return rc;
}

int ref_normalize(dt_buf *out, size_t **starts, size_t *nlines, const char *s,
	size_t len, dt_tone tone)
{
	size_t i = 0, n = 0;
	int rc = 0;

	*starts = dt__reallocarray(NULL, len + 2, sizeof(size_t));
	while (rc == 0 && i <= len) {
		size_t end = i;

		while (end < len && s[end] != '\n' && s[end] != '\r') {
			end++;
		}
		if (i == len && len > 0) {
			break;
		}
		(*starts)[n++] = out->len;
		rc = ref_line(out, s + i, end - i, tone);
		if (rc == 0 && end < len) {
			rc = dt__buf_putc(out, '\n');
		}
		i = end + (end < len && s[end] == '\r' && end + 1 < len &&
						  s[end + 1] == '\n'
					  ? 2
					  : 1);
	}
	if (rc == 0) {
		rc = dt__buf_reserve(out, 0);
	}
	*nlines = n;
	return rc;
}

/* ## Language detection counts */

static int is_vi_letter(uint32_t c)
{
	static const uint32_t vi[] = {0x102, 0x103, 0x110, 0x111, 0x128, 0x129,
		0x168, 0x169, 0x1A0, 0x1A1, 0x1AF, 0x1B0, 0x306, 0x309, 0x31B,
		0x323};
	size_t i;

	for (i = 0; i < sizeof(vi) / sizeof(vi[0]); i++) {
		if (vi[i] == c) {
			return 1;
		}
	}
	return c >= 0x1EA0 && c <= 0x1EF9;
}

static void word_end(dt_lang_counts *st, int *wl, int *wv, int *wd)
{
	if (*wl) {
		st->words++;
		st->vi_words += *wv != 0;
		st->dia_words += *wd && !*wv;
	}
	*wl = *wv = *wd = 0;
}

void ref_lang_count(dt_lang_counts *st, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	int wl = 0, wv = 0, wd = 0;
	size_t i = 0;

	memset(st, 0, sizeof(*st));
	while (i < len) {
		uint32_t c = u[i];
		size_t n = dt__utf8_decode(u + i, len - i, &c);
		UErrorCode e = U_ZERO_ERROR;
		int vi;

		if (n == 0) {
			word_end(st, &wl, &wv, &wd);
			i++;
			continue;
		}
		i += n;
		vi = is_vi_letter(c);
		if (c < 0x80) {
			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
				st->latin++;
				wl = 1;
			} else {
				word_end(st, &wl, &wv, &wd);
			}
		} else if (u_charType((UChar32)c) == U_NON_SPACING_MARK) {
			wv |= vi;
			wd |= !vi;
		} else if (!u_isalpha((UChar32)c)) {
			word_end(st, &wl, &wv, &wd);
		} else if (c >= 0x400 && c < 0x530) {
			st->cyr++;
			st->cyr_foreign +=
				(c >= 0x400 && c < 0x410 && c != 0x401) ||
				(c >= 0x450 && c != 0x451);
		} else if ((c >= 0xC0 && c < 0x250) ||
			   (c >= 0x1E00 && c < 0x1F00) ||
			   (uscript_getScript((UChar32)c, &e) ==
					   USCRIPT_LATIN &&
				   U_SUCCESS(e))) {
			st->latin++;
			wl = 1;
			wv |= vi;
			wd |= !vi;
		} else {
			st->other++;
		}
	}
	word_end(st, &wl, &wv, &wd);
}

dt_lang ref_lang_detect(const char *s, size_t len)
{
	dt_lang_counts st;

	ref_lang_count(&st, s, len < 256 * 1024 ? len : 256 * 1024);
	if (st.latin + st.cyr + st.other < 20) {
		return DT_LANG_UNKNOWN;
	}
	if (st.cyr > st.latin && st.cyr >= st.other) {
		return st.cyr_foreign * 100 > st.cyr * 2 ? DT_LANG_OTHER
							 : DT_LANG_RU;
	}
	if (st.other > st.latin) {
		return DT_LANG_OTHER;
	}
	if (st.vi_words * 100 >= st.words * 20 && st.vi_words > 0) {
		return DT_LANG_VI;
	}
	if (st.dia_words * 100 >= st.words * 8 &&
		st.dia_words > 2 * st.vi_words) {
		return DT_LANG_OTHER;
	}
	return DT_LANG_EN;
}
