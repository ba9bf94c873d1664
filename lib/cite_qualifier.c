/*
 * cite_qualifier.c - a document named by an adjective and its type word:
 * "статей 3 – 4 областного Положения", "статьи 3 Типового положения".
 * A Russian adjective stands before its noun and takes its case, so the
 * words that qualify a type word are read here, before it, as data: the
 * adjective endings (with whether each may be a genitive, the case of a
 * document named after units), and the stems that describe no document
 * but point at one named elsewhere ("своего", "соответствующего").  The
 * self and anaphor prefixes ("настоящего", "указанного") keep their own
 * meanings (cite_ref.c) and never qualify.  The stems, folded, are the
 * qualifier: "(далее — областное Положение)" defines "областн", which
 * "областного", "областным" and "областном Положении" cite
 * (resolve_doc.c).  Vietnamese adjectives follow the noun ("Quy định
 * này"): words after a type word are alias_words()'s (cite.c).
 */
#include <string.h>

#include "cite_scan.h"

/* Adjectives before one type word: "Федерального конституционного
 * закона". */
#define QUAL_WORDS 2
/* Bytes of one adjective, folded. */
#define QUAL_WORD_MAX 64
/* Letters a stem has at least: "нового" qualifies, "его", "всего" and
 * "иного" do not. */
#define QUAL_MIN_STEM 3

/* ## Data */

/* Endings of the full adjective (and participle), every gender, number
 * and case, hard and soft stems (DOMAIN §4.10).  Longer endings come
 * first, so that all case forms leave the same stem ("областн-ого",
 * "областн-ое", "областн-ой").  `gen`: the ending may be a genitive
 * (singular "-ого", "-ей", plural "-ых"). */
static const struct {
	const char *ending;
	int gen;
} endings[] = {
	{ "ыми", 0 }, { "ими", 0 }, { "ого", 1 }, { "его", 1 },
	{ "ому", 0 }, { "ему", 0 },
	{ "ый", 0 }, { "ий", 0 }, { "ой", 1 }, { "ей", 1 },
	{ "ым", 0 }, { "им", 0 }, { "ом", 0 }, { "ем", 0 },
	{ "ая", 0 }, { "яя", 0 }, { "ую", 0 }, { "юю", 0 },
	{ "ое", 0 }, { "ее", 0 }, { "ые", 0 }, { "ие", 0 },
	{ "ых", 1 }, { "их", 1 }, { "ою", 0 }, { "ею", 0 },
};
#define N_ENDINGS (sizeof(endings) / sizeof(endings[0]))

/* Stems of words with adjective endings that point at a document named
 * elsewhere instead of describing one: "пункта 2 своего Положения",
 * "соответствующего плана", "утвержденного Положения".  Before a type
 * word they leave it as if they were not there (no qualifier, no
 * reference, as before qualifiers were read).  "настоящего", "данного",
 * "указанного", "этого" are left to the self pattern (DT_CRE_SELF). */
static const char *const not_qualifiers[] = {
	"сво", "соответствующ", "так", "кажд", "люб", "вышеупомянут",
	"вышеизложенн", "вышеприведенн", "вышеприведённ", "нижеследующ",
	"утвержденн", "утверждённ",
};
#define N_NOT (sizeof(not_qualifiers) / sizeof(not_qualifiers[0]))

/* ## Reading */

static int is_cyrillic(uint32_t c)
{
	return c >= 0x400 && c <= 0x4FF;
}

static uint32_t cyrillic_lower(uint32_t c)
{
	if (c >= 0x410 && c <= 0x42F) {
		return c + 0x20;
	}
	return c >= 0x400 && c <= 0x40F ? c + 0x50 : c;
}

/* The Cyrillic word at p (hyphens inside kept: "социально-
 * экономического") folded to lower case into w[0..*wlen); its end, or p
 * when no such word ends there (another script, a digit, too long). */
static size_t ru_word(const scan *sc, size_t p, char *w, size_t cap,
	size_t *wlen)
{
	size_t q = p, k = 0, n, m;
	uint32_t c;

	for (;;) {
		c = cp_at(sc, q, &n);
		if (c == '-' && k > 0 && is_cyrillic(cp_at(sc, q + 1, &m))) {
			w[k++] = '-';
			q++;
			continue;
		}
		if (!is_cyrillic(c)) {
			break;
		}
		if (k + 4 >= cap) {
			return p;
		}
		k += dt__utf8_encode(cyrillic_lower(c), w + k);
		q += n;
	}
	if (k == 0 || letter_at(sc, q) || is_digit(ch(sc, q))) {
		return p;
	}
	w[k] = '\0';
	*wlen = k;
	return q;
}

/* Letters (lead bytes) in w[0..n). */
static size_t letters(const char *w, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		k += ((unsigned char)w[i] & 0xC0) != 0x80;
	}
	return k;
}

/* The stem of the adjective w[0..n) (folded): its length in bytes, and
 * in *gen whether its ending may be a genitive; 0 when w is no
 * adjective or one of not_qualifiers. */
static size_t adjective_stem(const char *w, size_t n, int *gen)
{
	size_t i, k, e;

	for (i = 0; i < N_ENDINGS; i++) {
		e = strlen(endings[i].ending);
		if (n > e && memcmp(w + n - e, endings[i].ending, e) == 0) {
			break;
		}
	}
	if (i == N_ENDINGS || letters(w, n - e) < QUAL_MIN_STEM) {
		return 0;
	}
	for (k = 0; k < N_NOT; k++) {
		if (strlen(not_qualifiers[k]) == n - e &&
			memcmp(w, not_qualifiers[k], n - e) == 0) {
			return 0;
		}
	}
	*gen = endings[i].gen;
	return n - e;
}

int dt__cite_qualified_at(const scan *sc, size_t p, dt_cite_ref *ref,
	size_t *end)
{
	char w[QUAL_WORD_MAX];
	size_t q = p, we, wlen = 0, stem, k = 0, i, n;
	int gen = 1, g = 0, rc;

	for (i = 0; i < QUAL_WORDS; i++) {
		size_t x;

		we = ru_word(sc, q, w, sizeof(w), &wlen);
		stem = we > q ? adjective_stem(w, wlen, &g) : 0;
		/* "настоящего", "указанного" are prefixes with meanings of
		 * their own (cite_ref.c), not qualifiers */
		if (stem == 0 || !is_blank_at(sc->s, we, sc->end, &n) ||
			k + stem + 2 > sizeof(ref->qual) ||
			re_at(sc, DT_CRE_SELF, q, &x, NULL) != 0) {
			break;
		}
		if (k > 0) {
			ref->qual[k++] = ' ';
		}
		memcpy(ref->qual + k, w, stem);
		k += stem;
		ref->qual[k] = '\0';
		gen &= g;
		q = skip_ws(sc, we);
		rc = dt__cite_type_at(sc, q, &ref->row, end);
		if (rc != 0) {
			ref->type.start = q;
			ref->qual_gen = gen;
			return rc;
		}
	}
	ref->qual[0] = '\0';
	ref->row = DT_CITE_NO_ROW;
	return 0;
}
