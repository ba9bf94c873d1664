/*
 * lang.c - language codes, and guessing a document's language.
 *
 * dirtrace reads Vietnamese, Russian and some English; telling them apart
 * needs no n-gram model.  Letters are counted by script: Cyrillic that
 * dominates means Russian (unless letters of other Cyrillic alphabets show
 * up), Latin means Vietnamese when enough words carry letters only
 * Vietnamese uses (ă đ ơ ư, the U+1EA0-U+1EF9 block), English when the
 * words are plain ASCII, and another language when they carry other
 * diacritics (French, German).  Words, not letters, are counted for the
 * Vietnamese test, so an English text naming "Bắc Ninh" stays English and
 * a Vietnamese text quoting "Resolution" stays Vietnamese.
 */
#include <pthread.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "internal.h"

/* The first 256 KiB decide: enough for thousands of words, and bounded. */
#define SAMPLE_MAX ((size_t)256 * 1024)
/* Fewer letters than this say nothing (a title, a symbol like 24-QĐ/TW). */
#define MIN_LETTERS 20
/* Vietnamese: at least this % of Latin words carry a Vietnamese letter.
 * Measured: 53-69% in eight public 2025 Vietnamese Party and State texts;
 * English prose naming Vietnamese bodies and places stays far below. */
#define VI_WORD_PCT 20
/* Another Latin language: this % of words with other diacritics. */
#define DIA_WORD_PCT 8
/* Another Cyrillic language: this % of Cyrillic letters not in Russian's
 * alphabet (Ukrainian і is ~5% of letters; a quoted name is far less). */
#define CYR_FOREIGN_PCT 2
/*
 * Reading stops early, at a look every DECIDE_STEP bytes, once what was
 * read is decisive: at least DECIDE_LETTERS letters, and either Cyrillic
 * DECIDE_RATIO times the other letters with at most 1/DECIDE_RATIO of the
 * foreign-letter share above (Russian), or Latin DECIDE_RATIO times the
 * other letters with twice the Vietnamese word share above (Vietnamese).
 * To answer otherwise, the unread rest would have to outweigh what was
 * read (several KiB of another language after KiBs of this one, within
 * the sample).  Measured on the 16 KiB bench documents: detection 3.4
 * (ru) to 4.3 (vi) times faster, and every document of corpus/, tests/
 * and the bench corpora (vi, ru, Charter) gets the answer the whole
 * sample gives; only C sources that open with Vietnamese strings and go
 * on in English code do not.  English and other languages are always
 * read to the end.
 */
#define DECIDE_STEP ((size_t)4096)
#define DECIDE_LETTERS 1000
#define DECIDE_RATIO 4

static const char *const lang_codes[] = {"unknown", "vi", "ru", "en", "other"};

const char *dt_lang_code(dt_lang lang)
{
	if ((int)lang < 0 ||
		(size_t)lang >= sizeof(lang_codes) / sizeof(lang_codes[0])) {
		return "unknown";
	}
	return lang_codes[lang];
}

/* ASCII case-insensitive equality of the first `n` bytes of `a` and `b`
 * (`b` lower case). */
static int code_eq(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a[i];
		unsigned char y = (unsigned char)b[i];

		if (x >= 'A' && x <= 'Z') {
			x = (unsigned char)(x - 'A' + 'a');
		}
		if (x != y) {
			return 0;
		}
	}
	return 1;
}

/* Accepts the five codes dt_lang_code() gives (so they round-trip), any
 * case, and a region suffix as in locale names ("vi-VN", "ru_RU"). */
int dt_lang_from_code(dt_lang *out, const char *code)
{
	size_t n, i;

	assert(out != NULL && code != NULL);
	if (out == NULL || code == NULL) {
		return DT_EINVAL;
	}
	n = strcspn(code, "-_");
	for (i = 0; i < sizeof(lang_codes) / sizeof(lang_codes[0]); i++) {
		if (strlen(lang_codes[i]) == n &&
			code_eq(code, lang_codes[i], n)) {
			*out = (dt_lang)i;
			return 0;
		}
	}
	return DT_ENOTFOUND;
}

/* ## Detection */

/* Letters and combining marks only Vietnamese uses among Latin languages:
 * ă đ ĩ ũ ơ ư (both cases), the U+1EA0-U+1EF9 block (ạ ả ấ ... ỹ), and,
 * for decomposed text, breve, hook above, horn and dot below. */
static int is_vi_letter(uint32_t c)
{
	switch (c) {
	case 0x102:
	case 0x103:
	case 0x110:
	case 0x111:
	case 0x128:
	case 0x129:
	case 0x168:
	case 0x169:
	case 0x1A0:
	case 0x1A1:
	case 0x1AF:
	case 0x1B0:
	case 0x306:
	case 0x309:
	case 0x31B:
	case 0x323:
		return 1;
	default:
		return c >= 0x1EA0 && c <= 0x1EF9;
	}
}

/* Cyrillic letters outside the Russian alphabet (А-я, Ё, ё): Ukrainian,
 * Belarusian, Serbian, Macedonian and older letters. */
static int is_cyr_foreign(uint32_t c)
{
	return (c >= 0x400 && c < 0x410 && c != 0x401) ||
	       (c >= 0x450 && c < 0x530 && c != 0x451);
}

/* True for a Latin letter `c` (known to be alphabetic).  Latin blocks are
 * tested by range first (they are most of what arrives); ICU decides for
 * the rest (fullwidth, Latin Extended-C/D/E). */
static int is_latin(uint32_t c)
{
	UErrorCode status = U_ZERO_ERROR;

	if ((c >= 0xC0 && c < 0x250) || (c >= 0x1E00 && c < 0x1F00)) {
		return 1;
	}
	return uscript_getScript((UChar32)c, &status) == USCRIPT_LATIN &&
	       U_SUCCESS(status);
}

/* What one code point does to the counts, as bits: which letter count it
 * adds to, what it tells of the word being read (W_*), and whether it
 * ends that word.  A mark belongs to the word it follows; Cyrillic and
 * other letters neither end a word nor make it Latin; an ASCII letter
 * makes it Latin but says nothing of diacritics. */
enum {
	A_LATIN = 1,
	A_CYR = 2,
	A_CYR_FOREIGN = 4,
	A_OTHER = 8,
	W_LATIN = 16, /* the word has a Latin letter */
	W_VI = 32,    /* ... a letter or mark only Vietnamese uses */
	W_DIA = 64,   /* ... another non-ASCII Latin letter or mark */
	A_END = 128
};

static unsigned act_of(uint32_t c)
{
	unsigned vi = is_vi_letter(c) ? W_VI : W_DIA;

	if (c < 0x80) {
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'
			       ? A_LATIN | W_LATIN
			       : A_END;
	}
	if (u_charType((UChar32)c) == U_NON_SPACING_MARK) {
		return vi;
	}
	if (!u_isalpha((UChar32)c)) {
		return A_END;
	}
	if (c >= 0x400 && c < 0x530) {
		return A_CYR | (is_cyr_foreign(c) ? A_CYR_FOREIGN : 0);
	}
	return is_latin(c) ? A_LATIN | W_LATIN | vi : A_OTHER;
}

/* Actions of U+0000..U+1FFF (Latin, Cyrillic, Vietnamese and the marks),
 * built once: two ICU calls a letter were most of the detection. */
#define ACT_TABLE 0x2000
static uint8_t act_table[ACT_TABLE];
static pthread_once_t act_once = PTHREAD_ONCE_INIT;

static void act_table_build(void)
{
	uint32_t c;

	for (c = 0; c < ACT_TABLE; c++) {
		act_table[c] = (uint8_t)act_of(c);
	}
}

/* Apply `act` to the counts. */
static inline void count_act(dt_lang_counts *st, unsigned act)
{
	if (act & A_END) {
		unsigned w = st->word;

		if (w & W_LATIN) {
			st->words++;
			st->vi_words += (w & W_VI) != 0;
			st->dia_words += (w & (W_VI | W_DIA)) == W_DIA;
		}
		st->word = 0;
		return;
	}
	st->word |= act & (W_LATIN | W_VI | W_DIA);
	st->latin += act & A_LATIN;
	if (act & (A_CYR | A_OTHER)) {
		st->cyr += (act & A_CYR) != 0;
		st->cyr_foreign += (act & A_CYR_FOREIGN) != 0;
		st->other += (act & A_OTHER) != 0;
	}
}

/* The code point at s[i] (i < len) and its length, or 0 for an invalid
 * sequence: dt__utf8_decode() with the sequences of Vietnamese and
 * Russian text decoded inline. */
static inline size_t next_cp(
	const unsigned char *s, size_t len, size_t i, uint32_t *c)
{
	unsigned b = s[i];

	if (b < 0x80) {
		*c = b;
		return 1;
	}
	if (b >= 0xC2 && b < 0xE0 && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
		*c = (b & 0x1Fu) << 6 | (s[i + 1] & 0x3Fu);
		return 2;
	}
	if (b == 0xE1 && i + 2 < len && (s[i + 1] & 0xC0) == 0x80 &&
		(s[i + 2] & 0xC0) == 0x80) {
		*c = 0x1000 | (s[i + 1] & 0x3Fu) << 6 | (s[i + 2] & 0x3Fu);
		return 3;
	}
	return dt__utf8_decode(s + i, len - i, c);
}

size_t dt__lang_count(
	dt_lang_counts *out, const char *s, size_t from, size_t to, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	dt_lang_counts st = *out; /* a local the compiler keeps in registers */
	size_t i = from;

	pthread_once(&act_once, act_table_build);
	while (i < to) {
		uint32_t c;
		size_t n = next_cp(u, len, i, &c);

		if (n == 0) {
			count_act(&st, A_END); /* a stray byte */
			i++;
			continue;
		}
		count_act(&st, c < ACT_TABLE ? act_table[c] : act_of(c));
		i += n;
	}
	*out = st;
	return i;
}

/* Latin text: Vietnamese, English or another Latin-script language. */
static dt_lang latin_lang(const dt_lang_counts *st)
{
	if (st->vi_words * 100 >= st->words * VI_WORD_PCT && st->vi_words > 0) {
		return DT_LANG_VI;
	}
	if (st->dia_words * 100 >= st->words * DIA_WORD_PCT &&
		st->dia_words > 2 * st->vi_words) {
		return DT_LANG_OTHER;
	}
	return DT_LANG_EN;
}

/* The answer for the counts of a whole sample. */
static dt_lang decide(const dt_lang_counts *st)
{
	size_t letters = st->latin + st->cyr + st->other;

	if (letters < MIN_LETTERS) {
		return DT_LANG_UNKNOWN;
	}
	if (st->cyr > st->latin && st->cyr >= st->other) {
		if (st->cyr_foreign * 100 > st->cyr * CYR_FOREIGN_PCT) {
			return DT_LANG_OTHER;
		}
		return DT_LANG_RU;
	}
	if (st->other > st->latin) {
		return DT_LANG_OTHER;
	}
	return latin_lang(st);
}

/* Russian or Vietnamese by a margin the rest of the sample is not
 * expected to overturn (see DECIDE_STEP); DT_LANG_UNKNOWN otherwise. */
static dt_lang decisive(const dt_lang_counts *st)
{
	if (st->latin + st->cyr + st->other < DECIDE_LETTERS) {
		return DT_LANG_UNKNOWN;
	}
	if (st->cyr >= DECIDE_RATIO * (st->latin + st->other) &&
		st->cyr_foreign * 100 * DECIDE_RATIO <=
			st->cyr * CYR_FOREIGN_PCT) {
		return DT_LANG_RU;
	}
	if (st->latin >= DECIDE_RATIO * (st->cyr + st->other) &&
		st->vi_words * 100 >= st->words * VI_WORD_PCT * 2) {
		return DT_LANG_VI;
	}
	return DT_LANG_UNKNOWN;
}

dt_lang dt_lang_detect(const char *s, size_t len)
{
	dt_lang_counts st;
	size_t i = 0;

	assert(s != NULL || len == 0);
	if (s == NULL) {
		return DT_LANG_UNKNOWN;
	}
	memset(&st, 0, sizeof(st));
	len = len < SAMPLE_MAX ? len : SAMPLE_MAX;
	while (i < len) {
		size_t to = len - i > DECIDE_STEP ? i + DECIDE_STEP : len;
		dt_lang early;

		i = dt__lang_count(&st, s, i, to, len);
		early = i < len ? decisive(&st) : DT_LANG_UNKNOWN;
		if (early != DT_LANG_UNKNOWN) {
			return early;
		}
	}
	count_act(&st, A_END); /* the last word */
	return decide(&st);
}
