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

typedef struct {
	size_t latin, cyr, cyr_foreign, other; /* letters by script */
	size_t words, vi_words, dia_words;     /* words with Latin letters */
	int word_latin, word_vi, word_dia;     /* the word being read */
} lang_stats;

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

static void word_end(lang_stats *st)
{
	if (st->word_latin) {
		st->words++;
		st->vi_words += st->word_vi != 0;
		st->dia_words += st->word_dia && !st->word_vi;
	}
	st->word_latin = 0;
	st->word_vi = 0;
	st->word_dia = 0;
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

/* What count_cp() needs to know of a code point. */
enum {
	CP_MARK = 1,        /* U_NON_SPACING_MARK */
	CP_ALPHA = 2,       /* u_isalpha */
	CP_VI = 4,          /* is_vi_letter */
	CP_LATIN = 8,       /* is_latin (for letters) */
	CP_CYR = 16,        /* U+0400..U+052F */
	CP_CYR_FOREIGN = 32 /* is_cyr_foreign */
};

static uint8_t cp_flags_of(uint32_t c)
{
	unsigned f = 0;

	if (u_charType((UChar32)c) == U_NON_SPACING_MARK) {
		f |= CP_MARK;
	} else if (u_isalpha((UChar32)c)) {
		f |= CP_ALPHA;
		if (c >= 0x400 && c < 0x530) {
			f |= CP_CYR | (is_cyr_foreign(c) ? CP_CYR_FOREIGN : 0);
		} else if (is_latin(c)) {
			f |= CP_LATIN;
		}
	}
	return (uint8_t)(f | (is_vi_letter(c) ? CP_VI : 0));
}

/* Flags of U+0000..U+1FFF (Latin, Cyrillic, Vietnamese and the marks),
 * built once: two ICU calls a letter were most of the detection. */
#define CP_TABLE 0x2000
static uint8_t cp_table[CP_TABLE];
static pthread_once_t cp_once = PTHREAD_ONCE_INIT;

static void cp_table_build(void)
{
	uint32_t c;

	for (c = 0; c < CP_TABLE; c++) {
		cp_table[c] = cp_flags_of(c);
	}
}

/* Count one non-ASCII code point. */
static void count_cp(lang_stats *st, uint32_t c)
{
	unsigned f = c < CP_TABLE ? cp_table[c] : cp_flags_of(c);
	int vi = (f & CP_VI) != 0;

	if (f & CP_MARK) {
		/* a decomposed mark belongs to the word it follows */
		st->word_vi |= vi;
		st->word_dia |= !vi;
		return;
	}
	if (!(f & CP_ALPHA)) {
		word_end(st);
		return;
	}
	if (f & CP_CYR) {
		st->cyr++;
		st->cyr_foreign += (f & CP_CYR_FOREIGN) != 0;
	} else if (f & CP_LATIN) {
		st->latin++;
		st->word_latin = 1;
		st->word_vi |= vi;
		st->word_dia |= !vi;
	} else {
		st->other++;
	}
}

static void count_text(lang_stats *st, const unsigned char *s, size_t len)
{
	size_t i = 0;

	pthread_once(&cp_once, cp_table_build);
	while (i < len) {
		uint32_t c = s[i];
		size_t n;

		if (c < 0x80) {
			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
				st->latin++;
				st->word_latin = 1;
			} else {
				word_end(st);
			}
			i++;
			continue;
		}
		if (c >= 0xC2 && c < 0xE0 && i + 1 < len &&
			(s[i + 1] & 0xC0) == 0x80) {
			c = (c & 0x1Fu) << 6 | (s[i + 1] & 0x3Fu);
			n = 2; /* Vietnamese and Russian letters: inline */
		} else {
			n = dt__utf8_decode(s + i, len - i, &c);
		}
		if (n == 0) {
			word_end(st); /* a stray byte; cut samples end so too */
			i++;
			continue;
		}
		count_cp(st, c);
		i += n;
	}
	word_end(st);
}

/* Latin text: Vietnamese, English or another Latin-script language. */
static dt_lang latin_lang(const lang_stats *st)
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

dt_lang dt_lang_detect(const char *s, size_t len)
{
	lang_stats st;
	size_t letters;

	assert(s != NULL || len == 0);
	if (s == NULL) {
		return DT_LANG_UNKNOWN;
	}
	memset(&st, 0, sizeof(st));
	count_text(&st, (const unsigned char *)s,
		len < SAMPLE_MAX ? len : SAMPLE_MAX);
	letters = st.latin + st.cyr + st.other;
	if (letters < MIN_LETTERS) {
		return DT_LANG_UNKNOWN;
	}
	if (st.cyr > st.latin && st.cyr >= st.other) {
		if (st.cyr_foreign * 100 > st.cyr * CYR_FOREIGN_PCT) {
			return DT_LANG_OTHER;
		}
		return DT_LANG_RU;
	}
	if (st.other > st.latin) {
		return DT_LANG_OTHER;
	}
	return latin_lang(&st);
}
