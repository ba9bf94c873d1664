/*
 * syllable.c - how Vietnamese a decoded text looks: tokens with non-ASCII
 * letters that parse as Vietnamese syllables (onset + vowel cluster +
 * coda, at most one tone, stop codas only with acute or dot) count for
 * it, the others against it.  Legacy encodings (encoding.c) are detected
 * by this score, since a wrong 8-bit decoding never fails, it only yields
 * mojibake.  Hand-written: no library knows Vietnamese phonotactics; the
 * tables follow the syllable structure in DOMAIN.md §6.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "vn_letters.h"

/* Letters kept per token; the longest syllable, "nghiêng", has 7. */
#define TOKEN_MAX 12

/* clang-format off */
/* ## Syllables (for scoring candidate decodings) */

/* Vowel clusters (the nucleus with its glide, tone removed) and the
 * codas each may take. */
enum {
	R_OPEN = 1,    /* no final consonant */
	R_SHUT = 2,    /* m n p t */
	R_VELAR = 4,   /* c ng k */
	R_PALATAL = 8  /* ch nh */
};

static const struct {
	const char *v;
	unsigned codas;
} rimes[] = {
	{ "a", R_OPEN | R_SHUT | R_VELAR | R_PALATAL },
	{ "ă", R_SHUT | R_VELAR }, { "â", R_SHUT | R_VELAR },
	{ "e", R_OPEN | R_SHUT | R_VELAR }, { "ê", R_OPEN | R_SHUT | R_PALATAL },
	{ "i", R_OPEN | R_SHUT | R_PALATAL }, { "o", R_OPEN | R_SHUT | R_VELAR },
	{ "ô", R_OPEN | R_SHUT | R_VELAR }, { "ơ", R_OPEN | R_SHUT },
	{ "u", R_OPEN | R_SHUT | R_VELAR }, { "ư", R_OPEN | R_SHUT | R_VELAR },
	{ "y", R_OPEN | R_SHUT | R_PALATAL },
	{ "iê", R_SHUT | R_VELAR }, { "yê", R_SHUT | R_VELAR },
	{ "uô", R_SHUT | R_VELAR }, { "ươ", R_SHUT | R_VELAR },
	{ "oa", R_OPEN | R_SHUT | R_VELAR | R_PALATAL },
	{ "oă", R_SHUT | R_VELAR }, { "oe", R_OPEN | R_SHUT },
	{ "uâ", R_SHUT | R_VELAR }, { "uê", R_OPEN | R_SHUT | R_PALATAL },
	{ "uy", R_OPEN | R_SHUT | R_PALATAL }, { "uyê", R_SHUT },
	{ "uơ", R_OPEN }, { "oo", R_VELAR },
	{ "ai", R_OPEN }, { "ao", R_OPEN }, { "au", R_OPEN }, { "ay", R_OPEN },
	{ "âu", R_OPEN }, { "ây", R_OPEN }, { "eo", R_OPEN }, { "êu", R_OPEN },
	{ "ia", R_OPEN }, { "iu", R_OPEN }, { "oi", R_OPEN }, { "ôi", R_OPEN },
	{ "ơi", R_OPEN }, { "ui", R_OPEN }, { "ưi", R_OPEN }, { "ưu", R_OPEN },
	{ "ua", R_OPEN }, { "ưa", R_OPEN }, { "uôi", R_OPEN },
	{ "ươi", R_OPEN }, { "ươu", R_OPEN }, { "iêu", R_OPEN },
	{ "yêu", R_OPEN }, { "oai", R_OPEN }, { "oay", R_OPEN },
	{ "oao", R_OPEN }, { "oeo", R_OPEN }, { "uây", R_OPEN },
	{ "uya", R_OPEN }, { "uyu", R_OPEN },
};

/* Codas (final consonants), the rime flag each needs, and whether it is
 * a stop.  k only ends Central Highlands names such as Đắk Lắk. */
static const struct {
	const char *c;
	unsigned need;
	int stop;
} codas[] = {
	{ "", R_OPEN, 0 },
	{ "m", R_SHUT, 0 }, { "n", R_SHUT, 0 },
	{ "p", R_SHUT, 1 }, { "t", R_SHUT, 1 },
	{ "ng", R_VELAR, 0 }, { "c", R_VELAR, 1 }, { "k", R_VELAR, 1 },
	{ "nh", R_PALATAL, 0 }, { "ch", R_PALATAL, 1 },
};

/* Onsets (initial consonants); syllable_ok tries every one that fits,
 * which settles gi/g ("giữ" vs "gìn"). */
static const char *const onsets[] = {
	"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
	"v", "x",
};

/* clang-format on */

/* ## Tables built once from the lists above
 *
 * Scoring runs over every candidate decoding of every legacy file, so it
 * must not walk the lists per token (that was ~350 instructions a byte).
 * Letters get small codes (a..z 1..26, then đ ă â ê ô ơ ư) from a table
 * by code point; a token of at most KEY_LETTERS letters packs into a
 * 64-bit key, 6 bits a letter; and every onset + rime + coda the lists
 * allow is a key in an open-addressing set, with a flag for a stop coda.
 * The set holds exactly the strings syllable_ok() of the lists accepted:
 * a rime is all vowel letters and a coda has none, so a string splits
 * into rime and coda at its last vowel in one way only, and whether its
 * coda is a stop does not depend on the onset chosen. */

enum { L_DD = 27, L_AW, L_AA, L_EE, L_OO, L_OW, L_UW };

#define KEY_LETTERS 10
#define KEY_STOP ((uint64_t)1 << 63)
#define SET_SIZE 16384 /* 5,565 syllables: the set stays a third full */

/* By code point (below U+0200 and U+1EA0..U+1EFF): letter code, tone and
 * case; code 0 is no letter of the Vietnamese or ASCII alphabet. */
typedef struct {
	uint8_t code;
	uint8_t tone;
	uint8_t upper;
} letter_info;

static letter_info latin[0x200];
static letter_info extended[0x60];
static uint8_t code_is_vowel[64];
static uint64_t syllables[SET_SIZE];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

/* The code of lowercase letter `cp` without tone, or 0. */
static unsigned code_of_base(uint32_t cp)
{
	static const uint16_t marked[] = {0x0111, 0x0103, 0x00E2, 0x00EA,
		0x00F4, 0x01A1, 0x01B0};
	unsigned i;

	if (cp >= 'a' && cp <= 'z') {
		return cp - 'a' + 1;
	}
	for (i = 0; i < sizeof(marked) / sizeof(marked[0]); i++) {
		if (cp == marked[i]) {
			return L_DD + i;
		}
	}
	return 0;
}

static letter_info *info_slot(uint32_t cp)
{
	if (cp < 0x200) {
		return &latin[cp];
	}
	return cp >= 0x1EA0 && cp < 0x1F00 ? &extended[cp - 0x1EA0] : NULL;
}

static void put_letter(uint32_t cp, uint32_t base, int tone, int upper)
{
	letter_info *l = info_slot(cp);

	l->code = (uint8_t)code_of_base(base);
	l->tone = (uint8_t)tone;
	l->upper = (uint8_t)upper;
}

/* The key of UTF-8 string s (lowercase, no tone), 0 if not all letters. */
static uint64_t key_of_string(const char *s)
{
	uint64_t key = 0;
	size_t i = 0, len = strlen(s);
	unsigned n = 0;

	while (i < len) {
		uint32_t cp;
		size_t k = dt__utf8_decode((const unsigned char *)s + i,
			len - i, &cp);

		if (k == 0 || code_of_base(cp) == 0 || n == KEY_LETTERS) {
			return 0;
		}
		key |= (uint64_t)code_of_base(cp) << (6 * n++);
		i += k;
	}
	return key;
}

static size_t set_slot(uint64_t key)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 50) & (SET_SIZE - 1);
}

static void set_add(uint64_t key)
{
	size_t i = set_slot(key & ~KEY_STOP);

	while (syllables[i] != 0 && syllables[i] != key) {
		i = (i + 1) & (SET_SIZE - 1);
	}
	syllables[i] = key;
}

/* The set entry for `key` (with its stop flag), or 0. */
static uint64_t set_find(uint64_t key)
{
	size_t i = set_slot(key);

	while (syllables[i] != 0) {
		if ((syllables[i] & ~KEY_STOP) == key) {
			return syllables[i];
		}
		i = (i + 1) & (SET_SIZE - 1);
	}
	return 0;
}

static void add_syllables(const char *onset)
{
	char s[32];
	size_t r, c;

	for (r = 0; r < sizeof(rimes) / sizeof(rimes[0]); r++) {
		for (c = 0; c < sizeof(codas) / sizeof(codas[0]); c++) {
			uint64_t key;

			if (!(rimes[r].codas & codas[c].need)) {
				continue;
			}
			snprintf(s, sizeof(s), "%s%s%s", onset, rimes[r].v,
				codas[c].c);
			key = key_of_string(s);
			assert(key != 0);
			set_add(key | (codas[c].stop ? KEY_STOP : 0));
		}
	}
}

static void tables_build(void)
{
	static const char vowels[] = "aeiouy";
	uint32_t c;
	int v, t;
	size_t i;

	for (c = 'a'; c <= 'z'; c++) {
		put_letter(c, c, TONE_NONE, 0);
		put_letter(c - 0x20, c, TONE_NONE, 1);
	}
	put_letter(0x111, 0x111, TONE_NONE, 0);
	put_letter(0x110, 0x111, TONE_NONE, 1);
	for (v = 0; v < VN_NVOWELS; v++) {
		for (t = 0; t < VN_NTONES; t++) {
			uint32_t base = vn_vowel[v][TONE_NONE];

			put_letter(vn_cp(v, t, 0), base, t, 0);
			put_letter(vn_cp(v, t, 1), base, t, 1);
		}
		code_is_vowel[code_of_base(vn_vowel[v][TONE_NONE])] = 1;
	}
	for (i = 0; vowels[i] != '\0'; i++) {
		assert(code_is_vowel[code_of_base((uint32_t)vowels[i])]);
	}
	add_syllables("");
	for (i = 0; i < sizeof(onsets) / sizeof(onsets[0]); i++) {
		add_syllables(onsets[i]);
	}
}

/* A letter of a token: code (lowercase, tone removed), tone, case. */
typedef struct {
	unsigned code;
	int tone;
	int upper;
} vn_letter;

/* Split `cp` into a letter; 0 if it is not one of the Vietnamese alphabet
 * (or of ASCII, whose extra letters the syllable check then rejects). */
static int letter_of(uint32_t cp, vn_letter *l)
{
	const letter_info *i = info_slot(cp);

	if (i == NULL || i->code == 0) {
		return 0;
	}
	l->code = i->code;
	l->tone = i->tone;
	l->upper = i->upper;
	return 1;
}

/* Put combining mark `cp` on `l` (decomposed input: Windows-1258, stray
 * marks); 0 if it is not a Vietnamese mark or cannot go there. */
static int letter_mark(vn_letter *l, uint32_t cp)
{
	static const struct {
		uint16_t mark;
		uint8_t from, to;
	} quality[] = {
		{0x0302, 'a' - 'a' + 1, L_AA},
		{0x0302, 'e' - 'a' + 1, L_EE},
		{0x0302, 'o' - 'a' + 1, L_OO},
		{0x0306, 'a' - 'a' + 1, L_AW},
		{0x031B, 'o' - 'a' + 1, L_OW},
		{0x031B, 'u' - 'a' + 1, L_UW},
	};
	size_t i;
	int t;

	if (cp < 0x0300 || cp > 0x0323) {
		return 0;
	}
	for (t = TONE_GRAVE; t < VN_NTONES; t++) {
		if (cp == vn_tone_mark[t]) {
			if (l->tone != TONE_NONE || !code_is_vowel[l->code]) {
				return 0;
			}
			l->tone = t;
			return 1;
		}
	}
	for (i = 0; i < sizeof(quality) / sizeof(quality[0]); i++) {
		if (cp == quality[i].mark && l->code == quality[i].from) {
			l->code = quality[i].to;
			return 1;
		}
	}
	return 0;
}

/* Is the token with key `key` (KEY_LETTERS letters at most) onset + rime
 * for some onset?  Stop codas (c ch k p t) only take the acute or dot
 * tone. */
static int syllable_ok(uint64_t key, int tone)
{
	uint64_t e = set_find(key);

	return e != 0 &&
	       (!(e & KEY_STOP) || tone == TONE_ACUTE || tone == TONE_DOT);
}

/*
 * Judge a token with non-ASCII characters: +1 for a Vietnamese syllable,
 * -1 for anything else, 0 for vowel-less letters (abbreviations such as
 * "QĐ", "HĐND" are normal in the right encoding).  Case must be lower,
 * Title or ALL CAPS: a misread byte tends to land mid-word as a capital.
 */
static int token_score(const uint32_t *cp, size_t n)
{
	vn_letter l[TOKEN_MAX];
	uint64_t key = 0;
	size_t k = 0, i, uppers = 0;
	int tone = TONE_NONE, vowels = 0;

	for (i = 0; i < n; i++) {
		if (k > 0 && letter_mark(&l[k - 1], cp[i])) {
			continue;
		}
		if (!letter_of(cp[i], &l[k])) {
			return -1;
		}
		k++;
	}
	for (i = 0; i < k; i++) {
		if (l[i].tone != TONE_NONE) {
			if (tone != TONE_NONE) {
				return -1;
			}
			tone = l[i].tone;
		}
		uppers += (size_t)l[i].upper;
		vowels += code_is_vowel[l[i].code];
		if (i < KEY_LETTERS) {
			key |= (uint64_t)l[i].code << (6 * i);
		}
	}
	if (uppers != 0 && uppers != k && !(uppers == 1 && l[0].upper)) {
		return -1;
	}
	if (vowels == 0) {
		return 0;
	}
	return k <= KEY_LETTERS && syllable_ok(key, tone) ? 1 : -1;
}

/* Tokens end at ASCII non-letters, no-break space, general punctuation
 * and the symbol blocks (arrows, math, shapes: "≥", "■").  Latin-1
 * symbols stay inside tokens on purpose: "nh©n" (TCVN3 read wrongly)
 * must count as one broken word, not two clean ASCII halves. */
static int is_separator(uint32_t cp)
{
	if (cp < 0x80) {
		return !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	}
	return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x206F) ||
	       (cp >= 0x2190 && cp <= 0x2BFF);
}

dt_vi_score dt__vi_score_text(const char *s, size_t len)
{
	uint32_t tok[TOKEN_MAX];
	size_t n = 0, i = 0;
	int nonascii = 0, overflow = 0;
	dt_vi_score sc = {0, 0};

	pthread_once(&tables_once, tables_build);

	while (i <= len) {
		uint32_t cp = ' ';
		int r;

		if (i < len) {
			size_t k = dt__utf8_decode(
				(const unsigned char *)s + i, len - i, &cp);

			cp = k > 0 ? cp : 0xFFFD;
			i += k > 0 ? k : 1;
		} else {
			i++;
		}
		if (!is_separator(cp)) {
			overflow |= n == TOKEN_MAX;
			tok[n < TOKEN_MAX ? n++ : n - 1] = cp;
			nonascii |= cp >= 0x80;
			continue;
		}
		if (nonascii) {
			r = overflow ? -1 : token_score(tok, n);
			sc.good += r > 0;
			sc.bad += r < 0;
		}
		n = 0;
		nonascii = overflow = 0;
	}
	return sc;
}

