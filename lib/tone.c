/*
 * tone.c - one tone-mark placement for Vietnamese oa/oe/uy syllables.
 *
 * In an open syllable (no final consonant) whose vowel is oa, oe or uy,
 * the old style puts the tone on the second vowel (hoà, khoẻ, thuỷ) and the
 * new style on the first (hòa, khỏe, thủy); with a final both agree
 * (hoàng, toán).  About one real document in five mixes the two, so text
 * is rewritten into one style before anything is matched.  After qu the u
 * belongs to the consonant (quý), so qu+y is left alone; gi+vowel never
 * forms these clusters.  No library does this: it is Vietnamese
 * orthography, written here from the rule above.
 *
 * Input is NFC UTF-8, so every toned vowel is one precomposed code point.
 */
#include <pthread.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "internal.h"

enum { TONES = 6 }; /* none, grave, acute, hook above, tilde, dot below */

/* The five vowels that take part, each with its six tones, lower then
 * upper case: [vowel][case][tone].  Code points from the Unicode charts
 * (Latin-1 Supplement, Latin Extended-A, Latin Extended Additional). */
static const uint32_t vowels[5][2][TONES] = {
	{ { 0x61, 0xE0, 0xE1, 0x1EA3, 0xE3, 0x1EA1 },      /* a */
	  { 0x41, 0xC0, 0xC1, 0x1EA2, 0xC3, 0x1EA0 } },
	{ { 0x65, 0xE8, 0xE9, 0x1EBB, 0x1EBD, 0x1EB9 },    /* e */
	  { 0x45, 0xC8, 0xC9, 0x1EBA, 0x1EBC, 0x1EB8 } },
	{ { 0x6F, 0xF2, 0xF3, 0x1ECF, 0xF5, 0x1ECD },      /* o */
	  { 0x4F, 0xD2, 0xD3, 0x1ECE, 0xD5, 0x1ECC } },
	{ { 0x75, 0xF9, 0xFA, 0x1EE7, 0x169, 0x1EE5 },     /* u */
	  { 0x55, 0xD9, 0xDA, 0x1EE6, 0x168, 0x1EE4 } },
	{ { 0x79, 0x1EF3, 0xFD, 0x1EF7, 0x1EF9, 0x1EF5 },  /* y */
	  { 0x59, 0x1EF2, 0xDD, 0x1EF6, 0x1EF8, 0x1EF4 } },
};
enum { V_A, V_E, V_O, V_U, V_Y, V_NONE };

typedef struct {
	int vowel; /* V_A .. V_Y, or V_NONE */
	int upper;
	int tone;
} vowel_info;

/* Code point -> packed vowel_info (vowel + 1, upper << 3, tone << 4), 0
 * for anything else; built once from `vowels` so that classifying a
 * letter is one array load (this runs for every candidate word). */
static uint8_t latin_info[0x200];        /* U+0000 .. U+01FF */
static uint8_t extended_info[0x60];      /* U+1EA0 .. U+1EFF */
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void info_build(void)
{
	int i, k, t;

	for (i = 0; i < 5; i++) {
		for (k = 0; k < 2; k++) {
			for (t = 0; t < TONES; t++) {
				uint32_t c = vowels[i][k][t];
				uint8_t v = (uint8_t)((i + 1) | (k << 3) |
					(t << 4));

				if (c < 0x200) {
					latin_info[c] = v;
				} else {
					extended_info[c - 0x1EA0] = v;
				}
			}
		}
	}
}

static vowel_info classify(uint32_t c)
{
	vowel_info v = { V_NONE, 0, 0 };
	uint8_t p = 0;

	if (c < 0x200) {
		p = latin_info[c];
	} else if (c >= 0x1EA0 && c < 0x1F00) {
		p = extended_info[c - 0x1EA0];
	}
	if (p != 0) {
		v.vowel = (p & 7) - 1;
		v.upper = (p >> 3) & 1;
		v.tone = p >> 4;
	}
	return v;
}

/* Letters that may open a syllable before oa/oe/uy: the consonants. */
static int is_onset_consonant(uint32_t c)
{
	if (c == 0x0111 || c == 0x0110) { /* đ Đ */
		return 1;
	}
	if (c >= 'A' && c <= 'Z') {
		c += 'a' - 'A';
	}
	return c < 0x80 && strchr("bcdghklmnpqrstvx", (int)c) != NULL &&
		c != 0;
}

/* True for code points that continue a word (letters and marks in the
 * scripts Vietnamese uses); anything else ends a syllable. */
static int is_word_char(uint32_t c)
{
	if (c < 0x80) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			(c >= '0' && c <= '9');
	}
	return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
		(c >= 0x300 && c <= 0x36F) || (c >= 0x1E00 && c <= 0x1EFF);
}

enum { MAX_SYL = 8 };

/* If cps[0..n) is consonants + oa/oe/uy with one tone on the wrong vowel
 * for `style`, rewrite it in place and return 1. */
static int retone(uint32_t *cps, size_t n, dt_tone style)
{
	vowel_info v1, v2;
	size_t i;

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
		return 0; /* no tone, or two tones: nothing to move */
	}
	for (i = 0; i + 2 < n; i++) {
		if (!is_onset_consonant(cps[i])) {
			return 0;
		}
	}
	if (v1.vowel == V_U && n >= 3 &&
		(cps[n - 3] == 'q' || cps[n - 3] == 'Q')) {
		return 0; /* quý: the u belongs to qu */
	}
	if ((style == DT_TONE_NEW) == (v1.tone != 0)) {
		return 0; /* already in the requested style */
	}
	{
		int tone = v1.tone + v2.tone;
		int t1 = style == DT_TONE_NEW ? tone : 0;

		cps[n - 2] = vowels[v1.vowel][v1.upper][t1];
		cps[n - 1] = vowels[v2.vowel][v2.upper][tone - t1];
	}
	return 1;
}

/* The code point at s[i] (i < len) and its byte length, or 0 for an
 * invalid sequence: dt__utf8_decode(), with the one- to three-byte
 * sequences of valid text decoded inline (this runs on every character of
 * every input). */
static inline size_t next_cp(const unsigned char *s, size_t len, size_t i,
	uint32_t *c)
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
	if (b >= 0xE0 && b < 0xF0 && i + 2 < len &&
		(s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
		uint32_t cp = (b & 0x0Fu) << 12 | (s[i + 1] & 0x3Fu) << 6 |
			(s[i + 2] & 0x3Fu);

		if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
			*c = cp;
			return 3;
		}
	}
	return dt__utf8_decode(s + i, len - i, c);
}

/* Scan the word at s[i] (a run of word characters): its byte length, and
 * its first MAX_SYL code points in cps[] with their count in *n (0 when
 * the word has more, or when no byte of it is >= 0xC3: toned vowels all
 * are, so plain ASCII words need no look). */
static size_t scan_word(const unsigned char *s, size_t len, size_t i,
	uint32_t *cps, size_t *n)
{
	size_t start = i, k = 0;
	int high = 0;

	while (i < len) {
		uint32_t c;
		size_t m = next_cp(s, len, i, &c);

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

/* ## Finding the words to rewrite
 *
 * A word is rewritten only when it ends in v1 v2 (oa, oe, uy) with the
 * tone on the vowel `style` does not want.  For the new style v1 is then
 * a bare o/u, one ASCII byte, and v2 a toned a/e/y, whose lead byte is
 * C3 or E1; for the old style v1 is a toned o/u, ending in a continuation
 * byte, and v2 a bare a/e/y.  So every such word holds a pair of adjacent
 * bytes (x, y) with x in before[] and y in at[] (tables derived from
 * `vowels`), and a scan for that pair skips the rest of the text without
 * decoding it.  Each pair found is only a candidate: the word around it is
 * then read and judged by retone(), as a word-by-word pass would. */

static uint8_t cand_before[2][256]; /* [0 new, 1 old style][byte] */
static uint8_t cand_at[2][256];

/* First byte of `c` in UTF-8 (lead), and its last byte. */
static void utf8_ends(uint32_t c, unsigned char *first, unsigned char *last)
{
	char enc[4];
	size_t n = dt__utf8_encode(c, enc);

	*first = (unsigned char)enc[0];
	*last = (unsigned char)enc[n - 1];
}

static void cand_build(void)
{
	int k, t;

	for (k = 0; k < 2; k++) {
		for (t = 0; t < TONES; t++) {
			static const int v1s[] = {V_O, V_U};
			static const int v2s[] = {V_A, V_E, V_Y};
			unsigned char first, last;
			size_t i;
			/* new style: bare v1, toned v2; old: the reverse */
			uint8_t *v1_tab = cand_before[t == 0 ? 0 : 1];
			uint8_t *v2_tab = cand_at[t == 0 ? 1 : 0];

			for (i = 0; i < 2; i++) {
				utf8_ends(vowels[v1s[i]][k][t], &first, &last);
				v1_tab[last] = 1;
			}
			for (i = 0; i < 3; i++) {
				utf8_ends(vowels[v2s[i]][k][t], &first, &last);
				v2_tab[first] = 1;
			}
		}
	}
}

/* ## Eight pairs at a time
 *
 * The byte sets of the tables are, by the vowels' code points: for the
 * new style, o O u U before C3 or E1; for the old style, a continuation
 * byte before a e y A E Y.  Testing eight pairs at once for bytes of
 * those sets (supersets of the tables, asserted by pairs8_check()) lets
 * the scan pass over Vietnamese text, with a candidate every ~140 bytes,
 * at a few operations a byte. */

#define ONES ((uint64_t)0x0101010101010101u)
#define HIGHS (ONES * 0x80)

/* High bit of each byte of w that equals c. */
static uint64_t bytes_eq(uint64_t w, unsigned c)
{
	uint64_t t = w ^ (ONES * c);

	return ~(((t & ~HIGHS) + ~HIGHS) | t) & HIGHS;
}

/* High bit of each byte k where (prev byte k, byte k) may be a pair. */
static uint64_t pairs8(uint64_t prev, uint64_t cur, int t)
{
	uint64_t lp = prev | ONES * 0x20, lc = cur | ONES * 0x20;

	if (t == 0) {
		return (bytes_eq(lp, 'o') | bytes_eq(lp, 'u')) &
		       (bytes_eq(cur, 0xC3) | bytes_eq(cur, 0xE1));
	}
	return prev & ~(prev << 1) & HIGHS &
	       (bytes_eq(lc, 'a') | bytes_eq(lc, 'e') | bytes_eq(lc, 'y'));
}

#ifdef __SSE2__
/* ## Sixteen pairs at a time
 *
 * Where SSE2 is there (every x86-64), pairs8()'s byte sets are tested on
 * sixteen pairs with a compare per byte value: a fifth of the work a
 * byte costs in pairs8(), which was most of dt__tone_first().  The
 * answer is a bit per pair (bit k: s[i + k - 1], s[i + k]). */

static unsigned pairs16(const unsigned char *s, size_t i, int t)
{
	__m128i prev = _mm_loadu_si128((const __m128i *)(const void *)(s +
		i - 1));
	__m128i cur = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
	__m128i low = _mm_set1_epi8(0x20), m;

	if (t == 0) {
		__m128i lp = _mm_or_si128(prev, low);

		m = _mm_and_si128(
			_mm_or_si128(_mm_cmpeq_epi8(lp, _mm_set1_epi8('o')),
				_mm_cmpeq_epi8(lp, _mm_set1_epi8('u'))),
			_mm_or_si128(
				_mm_cmpeq_epi8(cur, _mm_set1_epi8((char)0xC3)),
				_mm_cmpeq_epi8(cur, _mm_set1_epi8((char)0xE1))));
	} else {
		__m128i lc = _mm_or_si128(cur, low);
		__m128i cont = _mm_cmpeq_epi8(
			_mm_and_si128(prev, _mm_set1_epi8((char)0xC0)),
			_mm_set1_epi8((char)0x80));

		m = _mm_and_si128(cont,
			_mm_or_si128(_mm_cmpeq_epi8(lc, _mm_set1_epi8('a')),
				_mm_or_si128(
					_mm_cmpeq_epi8(lc, _mm_set1_epi8('e')),
					_mm_cmpeq_epi8(lc, _mm_set1_epi8('y')))));
	}
	return (unsigned)_mm_movemask_epi8(m);
}
#endif

/* The byte sets pairs8() tests hold the tables' bytes. */
static void pairs8_check(void)
{
#ifdef __SSE2__
	unsigned char w[17] = {0};
#endif
	unsigned b;

	for (b = 0; b < 256; b++) {
		uint64_t one = b;

		assert(!cand_before[0][b] || pairs8(one, 0xC3, 0));
		assert(!cand_at[0][b] || pairs8('o', one, 0));
		assert(!cand_before[1][b] || pairs8(one, 'a', 1));
		assert(!cand_at[1][b] || pairs8(0x80, one, 1));
		(void)one;
#ifdef __SSE2__ /* and so do pairs16()'s, at every lane */
		w[0] = (unsigned char)b;
		memset(w + 1, 0xC3, 16);
		assert(!cand_before[0][b] || (pairs16(w, 1, 0) & 1));
		memset(w, 'o', 16);
		w[16] = (unsigned char)b;
		assert(!cand_at[0][b] || (pairs16(w, 1, 0) >> 15));
		w[0] = (unsigned char)b;
		memset(w + 1, 'a', 16);
		assert(!cand_before[1][b] || (pairs16(w, 1, 1) & 1));
		memset(w, 0x80, 16);
		w[16] = (unsigned char)b;
		assert(!cand_at[1][b] || (pairs16(w, 1, 1) >> 15));
#endif
	}
}

static void tables_build(void)
{
	info_build();
	cand_build();
	pairs8_check();
}

/* Offset of the first candidate pair's second byte at or after `from`
 * (from >= 1), or `len`. */
static size_t next_candidate(
	const unsigned char *s, size_t len, size_t from, dt_tone style)
{
	int t = style == DT_TONE_NEW ? 0 : 1; /* as retone() reads it */
	const uint8_t *before = cand_before[t], *at = cand_at[t];
	size_t i = from;

	while (i < len) {
		size_t end = len;

#ifdef __SSE2__
		if (len - i >= 16) {
			unsigned m = pairs16(s, i, t);

			for (; m != 0; m &= m - 1) {
				size_t k = i + (size_t)__builtin_ctz(m);

				if (before[s[k - 1]] & at[s[k]]) {
					return k;
				}
			}
			i += 16;
			continue;
		}
#endif
		if (len - i >= 8) {
			uint64_t prev, cur;

			memcpy(&prev, s + i - 1, 8);
			memcpy(&cur, s + i, 8);
			if (pairs8(prev, cur, t) == 0) {
				i += 8;
				continue;
			}
			end = i + 8;
		}
		for (; i < end; i++) {
			if (before[s[i - 1]] & at[s[i]]) {
				return i;
			}
		}
	}
	return len;
}

/* Start of the word holding the character at s[p] (valid UTF-8), or
 * SIZE_MAX when more than MAX_SYL characters of it come before p: such a
 * word is too long to be rewritten. */
static size_t word_start(const unsigned char *s, size_t len, size_t p)
{
	size_t k;

	for (k = 0; k < MAX_SYL && p > 0; k++) {
		size_t j = p - 1;
		uint32_t c;

		while (j > 0 && (s[j] & 0xC0) == 0x80) {
			j--;
		}
		if (next_cp(s, len, j, &c) != p - j || !is_word_char(c)) {
			return p;
		}
		p = j;
	}
	return p == 0 ? 0 : SIZE_MAX;
}

/* Could the candidate pair at p be a cluster retone() moves: the code
 * points on either side are o+a, o+e or u+y with one tone between them,
 * and the second ends its word?  A cheap look that drops most candidates
 * (của, thuộc, hoạch) before their word is read. */
static int may_end_cluster(const unsigned char *s, size_t len, size_t p)
{
	size_t j = p - 1, n;
	uint32_t c1, c2, c3;
	vowel_info v1, v2;

	while (j > 0 && (s[j] & 0xC0) == 0x80) {
		j--;
	}
	n = next_cp(s, len, p, &c2);
	if (next_cp(s, len, j, &c1) != p - j || n == 0) {
		return 0;
	}
	v1 = classify(c1);
	v2 = classify(c2);
	if (!((v1.vowel == V_O && (v2.vowel == V_A || v2.vowel == V_E)) ||
		    (v1.vowel == V_U && v2.vowel == V_Y)) ||
		(v1.tone == 0) == (v2.tone == 0)) {
		return 0;
	}
	return p + n >= len || next_cp(s, len, p + n, &c3) == 0 ||
	       !is_word_char(c3);
}

/* The next word at or after `from` that retoning for `style` changes:
 * its bounds in *start, *end and its new code points in cps[0..*n).
 * False when there is none. */
static int next_rewrite(const unsigned char *s, size_t len, size_t from,
	dt_tone style, size_t *start, size_t *end, uint32_t *cps, size_t *n)
{
	size_t p = from > 0 ? from : 1;

	for (;;) {
		size_t q, w;

		p = next_candidate(s, len, p, style);
		if (p >= len) {
			return 0;
		}
		if (!may_end_cluster(s, len, p)) {
			p++;
			continue;
		}
		q = word_start(s, len, p);
		if (q == SIZE_MAX || q < from) {
			p++;
			continue;
		}
		w = scan_word(s, len, q, cps, n);
		if (*n > 0 && retone(cps, *n, style)) {
			*start = q;
			*end = q + w;
			return 1;
		}
		p = q + w > p ? q + w : p + 1;
	}
}

size_t dt__tone_first(const char *s, size_t len, dt_tone tone)
{
	uint32_t cps[MAX_SYL];
	size_t start, end, n;

	if (tone == DT_TONE_KEEP) {
		return len;
	}
	pthread_once(&tables_once, tables_build);
	if (!next_rewrite((const unsigned char *)s, len, 0, tone, &start, &end,
		    cps, &n)) {
		return len;
	}
	return start;
}

int dt__tone_apply(dt_buf *out, const char *s, size_t len, dt_tone tone)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t copied = 0;
	int rc;

	if (tone == DT_TONE_KEEP) {
		return dt__buf_append(out, s, len);
	}
	pthread_once(&tables_once, tables_build);
	for (;;) {
		uint32_t cps[MAX_SYL];
		size_t start, end, n, k;
		char enc[MAX_SYL * 4];
		size_t elen = 0;

		if (!next_rewrite(
			    u, len, copied, tone, &start, &end, cps, &n)) {
			break;
		}
		for (k = 0; k < n; k++) {
			elen += dt__utf8_encode(cps[k], enc + elen);
		}
		rc = dt__buf_append(out, s + copied, start - copied);
		if (rc == 0) {
			rc = dt__buf_append(out, enc, elen);
		}
		if (rc < 0) {
			return rc;
		}
		copied = end;
	}
	return dt__buf_append(out, s + copied, len - copied);
}
