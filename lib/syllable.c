/*
 * syllable.c - how Vietnamese a decoded text looks: tokens with non-ASCII
 * letters that parse as Vietnamese syllables (onset + vowel cluster +
 * coda, at most one tone, stop codas only with acute or dot) count for
 * it, the others against it.  Legacy encodings (encoding.c) are detected
 * by this score, since a wrong 8-bit decoding never fails, it only yields
 * mojibake.  Hand-written: no library knows Vietnamese phonotactics; the
 * tables follow the syllable structure in DOMAIN.md §6.
 */
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


/* Byte length of the vowel letter at s (lowercase, no tone), or 0. */
static size_t vowel_len(const char *s)
{
	static const char *const marked[] = {"ă", "â", "ê", "ô", "ơ", "ư"};
	size_t i;

	if (*s != '\0' && strchr("aeiouy", *s) != NULL) {
		return 1;
	}
	for (i = 0; i < sizeof(marked) / sizeof(marked[0]); i++) {
		if (strncmp(s, marked[i], 2) == 0) {
			return 2;
		}
	}
	return 0;
}

/* Is `r` (what follows the onset) a vowel cluster plus an allowed coda?
 * Stop codas (c ch k p t) only take the acute or dot tone. */
static int rime_ok(const char *r, int tone)
{
	size_t n = 0, k, i, c;
	const char *coda;

	while ((k = vowel_len(r + n)) > 0) {
		n += k;
	}
	coda = r + n;
	for (c = 0; c < sizeof(codas) / sizeof(codas[0]); c++) {
		if (strcmp(coda, codas[c].c) == 0) {
			break;
		}
	}
	if (c == sizeof(codas) / sizeof(codas[0]) ||
		(codas[c].stop && tone != TONE_ACUTE && tone != TONE_DOT)) {
		return 0;
	}
	for (i = 0; i < sizeof(rimes) / sizeof(rimes[0]); i++) {
		if (strlen(rimes[i].v) == n && strncmp(r, rimes[i].v, n) == 0) {
			return (rimes[i].codas & codas[c].need) != 0;
		}
	}
	return 0;
}

/* Is `s` (lowercase UTF-8, tone removed) onset + rime for some onset?
 * Trying every matching onset settles gi/g ("giữ" vs "gìn"). */
static int syllable_ok(const char *s, int tone)
{
	size_t i;

	if (rime_ok(s, tone)) {
		return 1;
	}
	for (i = 0; i < sizeof(onsets) / sizeof(onsets[0]); i++) {
		size_t n = strlen(onsets[i]);

		if (strncmp(s, onsets[i], n) == 0 && rime_ok(s + n, tone)) {
			return 1;
		}
	}
	return 0;
}

/* A letter of a token: lowercase, tone removed. */
typedef struct {
	uint32_t base;
	int tone;
	int upper;
} vn_letter;

static int is_vowel(uint32_t base)
{
	int v;

	for (v = 0; v < VN_NVOWELS; v++) {
		if (base == vn_vowel[v][TONE_NONE]) {
			return 1;
		}
	}
	return 0;
}

/* Split `cp` into a letter; 0 if it is not one of the Vietnamese alphabet
 * (or of ASCII, whose extra letters the syllable check then rejects). */
static int letter_of(uint32_t cp, vn_letter *l)
{
	int v, t;

	l->tone = TONE_NONE;
	l->upper = 0;
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
		l->upper = cp <= 'Z';
		l->base = cp | 0x20;
		return 1;
	}
	if (cp == 0x110 || cp == 0x111) {
		l->upper = cp == 0x110;
		l->base = 0x111;
		return 1;
	}
	for (v = 0; v < VN_NVOWELS; v++) {
		for (t = 0; t < VN_NTONES; t++) {
			if (cp == vn_cp(v, t, 0) || cp == vn_cp(v, t, 1)) {
				l->base = vn_vowel[v][TONE_NONE];
				l->tone = t;
				l->upper = cp == vn_cp(v, t, 1);
				return 1;
			}
		}
	}
	return 0;
}

/* Put combining mark `cp` on `l` (decomposed input: Windows-1258, stray
 * marks); 0 if it is not a Vietnamese mark or cannot go there. */
static int letter_mark(vn_letter *l, uint32_t cp)
{
	static const struct {
		uint16_t mark, from, to;
	} quality[] = {
		{0x0302, 'a', 0x00E2},
		{0x0302, 'e', 0x00EA},
		{0x0302, 'o', 0x00F4},
		{0x0306, 'a', 0x0103},
		{0x031B, 'o', 0x01A1},
		{0x031B, 'u', 0x01B0},
	};
	size_t i;
	int t;

	for (t = TONE_GRAVE; t < VN_NTONES; t++) {
		if (cp == vn_tone_mark[t]) {
			if (l->tone != TONE_NONE || !is_vowel(l->base)) {
				return 0;
			}
			l->tone = t;
			return 1;
		}
	}
	for (i = 0; i < sizeof(quality) / sizeof(quality[0]); i++) {
		if (cp == quality[i].mark && l->base == quality[i].from) {
			l->base = quality[i].to;
			return 1;
		}
	}
	return 0;
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
	char s[TOKEN_MAX * 2 + 1];
	size_t k = 0, i, slen = 0, uppers = 0;
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
		vowels += is_vowel(l[i].base);
		slen += dt__utf8_encode(l[i].base, s + slen);
	}
	s[slen] = '\0';
	if (uppers != 0 && uppers != k && !(uppers == 1 && l[0].upper)) {
		return -1;
	}
	if (vowels == 0) {
		return 0;
	}
	return syllable_ok(s, tone) ? 1 : -1;
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

