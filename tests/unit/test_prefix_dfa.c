/*
 * test_prefix_dfa.c - the byte automaton of prefix_dfa.c and the scans
 * built on it: dt__prefixes_may_start() against the pair table and
 * walk() it replaced (dt__prefixes_may_start_slow()), dt__prefixes_lead2()
 * against the automaton, dt__prefixes_search() and cite.c's candidate
 * finder against the plain loops they replaced (kept here).  Every check
 * compares answers position by position: on random bytes, on random
 * UTF-8 from the characters the fold knows and those it does not, with
 * every byte value at every position of citation-like text, at every
 * end of the buffer, and across the 256-byte chunks the scans gather.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "cite_scan.h"
#include "test_util.h"

/* ## Sets of prefixes */

/* RE_VERB's words (meta_patterns.c), the other set a scan runs on. */
static const char *const verbs[] = {
	"thay\\s+thế", "bãi\\s+bỏ", "hết\\s+hiệu\\s+lực",
	"утратившими?\\s+силу", "утрачива(?:ет|ют)\\s+силу",
	"утратил[аои]?\\s+силу",
};

/* One- and two-token prefixes (looked up from the first token on),
 * blanks inside, a case-sensitive group, characters of every length. */
static const char *const odd[] = {
	"a", "(", "ab\\s+c", "x\\s{1,3}y\\s+z", "đề\\s+án", "№",
	"q(?<=Q)(?-i:Đ)\\s\\d", "ѐ", "\\x{2013}", "ü\\s+b", "this\\s{1,3}",
};

typedef enum { SET_VERBS, SET_ODD, SET_ALL, SET_NONE, SET_COUNT } set_kind;

static dt_prefixes *make_set(set_kind k)
{
	dt_prefixes *p;
	size_t i;

	cr_assert_eq(dt__prefixes_new(&p), 0);
	for (i = 0; k == SET_VERBS && i < sizeof(verbs) / sizeof(verbs[0]);
		i++) {
		cr_assert_eq(dt__prefixes_add(p, verbs[i]), 0);
	}
	for (i = 0; (k == SET_ODD || k == SET_ALL) &&
		i < sizeof(odd) / sizeof(odd[0]); i++) {
		cr_assert_eq(dt__prefixes_add(p, odd[i]), 0);
	}
	if (k == SET_ALL) {
		cr_assert_eq(dt__prefixes_add(p, "(?:a|b)"), 0);
	}
	cr_assert_eq(dt__prefixes_seal(p), 0);
	return p;
}

/* Every set: the four citation grammars, then those above.  The
 * grammars' sets belong to cite_grammar.c; ours are freed. */
#define NSETS (DT_CG_COUNT + SET_COUNT)

static const dt_prefixes *set_at(int i, dt_prefixes **own)
{
	*own = NULL;
	if (i < DT_CG_COUNT) {
		cr_assert_eq(dt__cite_grammar_init(NULL), 0);
		return dt__cite_starts((dt_cite_lang)i);
	}
	*own = make_set((set_kind)(i - DT_CG_COUNT));
	return *own;
}

/* ## Texts */

/* Characters that matter: blanks PCRE2's \s knows, ASCII, Latin-1 and
 * Latin Extended-A with their odd ones, Vietnamese, Cyrillic, general
 * punctuation, "№", characters the fold does not know (Kelvin sign,
 * long s, micro sign, Cyrillic "ᲀ", Ḁ-block, CJK, an emoji). */
static const uint32_t palette[] = {
	' ', '\t', '\n', '\r', 0x0B, 0x0C, 0x85, 0xA0, 0x2028, 0x2029,
	0x202F, 0x205F, 0x2003, 'a', 'b', 'c', 'h', 'k', 'q', 't', 'x', 'y',
	'z', 'A', 'Q', 'T', 'X', 'Y', '(', ')', '.', '_', '1', '5', 0xE0,
	0xC0, 0xE1, 0xFC, 0xDC, 0xD7, 0xF7, 0xB5, 0x110, 0x111, 0x130, 0x131,
	0x138, 0x149, 0x178, 0x17F, 0x1A0, 0x1A1, 0x1AF, 0x1B0, 0x1EA0,
	0x1EA1, 0x1EBF, 0x1EC0, 0x1EC1, 0x1EF9, 0x1E80, 0x1F00, 0x400, 0x410,
	0x430, 0x44F, 0x450, 0x45F, 0x460, 0x443, 0x423, 0x442, 0x440, 0x2013,
	0x2116, 0x212A, 0x1C80, 0x4E00, 0xFEFF, 0x1F600, 0x10000, 0x10FFFF,
};

/* Words the prefixes begin with, and near misses. */
static const char *const words[] = {
	"khoản 2", "ĐIỀU 7", "Điều\xC2\xA0\x38", "điểm", "thời điểm",
	"tiểu  mục 3", "Quy định số 31", "QUYẾT ĐỊNH", "Nghị\tquyết",
	"thay thế", "THAY\xE2\x80\xA8THẾ", "bãi bỏ", "hết hiệu lực",
	"утратившим силу", "УТРАТИЛИ СИЛУ", "утрачивает силу", "силу",
	"Статья 5", "п. 4", "ст.ст. 5", "настоящего Положения", "this Law",
	"ab c", "x y  z", "đề án", "ü b", "QĐ 1", "№ 45", "(sau đây",
	"\xE2\x84\xAAhoản 2", "\xC5\xBFố 5",
};

static unsigned next(unsigned *seed, unsigned n)
{
	return (unsigned)rand_r(seed) % n;
}

/* Up to cap - 1 bytes of one kind: 0 any bytes, 1 palette characters,
 * 2 words and palette characters.  Its length. */
static size_t random_text(char *out, size_t cap, int kind, unsigned *seed)
{
	size_t n = 0, want = 1 + next(seed, (unsigned)cap - 1);
	char one[48];

	while (n < want) {
		size_t k;

		if (kind == 0) {
			one[0] = (char)next(seed, 256);
			k = 1;
		} else if (kind == 2 && next(seed, 3) == 0) {
			const char *w = words[next(seed, sizeof(words) /
				sizeof(words[0]))];

			k = strlen(w);
			memcpy(one, w, k);
		} else {
			k = test_put_utf8(one, palette[next(seed, sizeof(palette) /
				sizeof(palette[0]))]);
		}
		if (n + k >= cap) {
			break;
		}
		memcpy(out + n, one, k);
		n += k;
	}
	return n;
}

/* ## The automaton */

/* At every position of s[0..end). */
static void same_answers_to(const dt_prefixes *p, const char *s,
	size_t end)
{
	size_t pos;

	for (pos = 0; pos < end; pos++) {
		int fast = dt__prefixes_may_start(p, s, end, pos);
		int slow = dt__prefixes_may_start_slow(p, s, end, pos);

		cr_assert_eq(fast, slow, "at %zu of %zu: %d, walk %d", pos,
			end, fast, slow);
	}
}

/* At every position, and for every end of the buffer past it. */
static void same_answers(const dt_prefixes *p, const char *s, size_t len)
{
	size_t end;

	for (end = 1; end <= len; end++) {
		same_answers_to(p, s, end);
	}
}

Test(prefix_dfa, answers_as_the_walk_on_random_text)
{
	static char s[48];
	unsigned seed = 20261129;
	int i, round;

	for (i = 0; i < NSETS; i++) {
		dt_prefixes *own;
		const dt_prefixes *p = set_at(i, &own);

		for (round = 0; round < 600; round++) {
			size_t len = random_text(s, sizeof(s), round % 3,
				&seed);

			same_answers(p, s, len);
		}
		dt__prefixes_free(own);
	}
}

/* Each byte value in turn at each position of a citation-like text. */
Test(prefix_dfa, answers_as_the_walk_with_every_byte_everywhere)
{
	static const char *const base[] = { "khoản  2 Điều 5",
		"Nghị\xC2\xA0định", "утратил\xE2\x80\xA8силу", "x y z đề án",
		"ü bãi" };
	char s[64];
	size_t k, at, len;
	unsigned v;
	int i;

	for (i = 0; i < NSETS; i++) {
		dt_prefixes *own;
		const dt_prefixes *p = set_at(i, &own);

		for (k = 0; k < sizeof(base) / sizeof(base[0]); k++) {
			len = strlen(base[k]);
			for (at = 0; at < len; at++) {
				for (v = 0; v < 256; v++) {
					memcpy(s, base[k], len);
					s[at] = (char)v;
					/* the text ending at, or just past, the
					 * byte, or going on */
					same_answers_to(p, s, at + 1);
					same_answers_to(p, s, min_sz(at + 3,
						len));
					same_answers_to(p, s, len);
				}
			}
		}
		dt__prefixes_free(own);
	}
}

/* lead2 of b0 b1 is the automaton after those two bytes, and refuses
 * only what the walk refuses, whatever follows. */
static void lead2_of(const dt_prefixes *p, unsigned b0, unsigned b1)
{
	static const char *const tails[] = { "", "\xBA\xBF", " th", "\xE1",
		"\x80\x80\x80", "\xC2\xA0x", "ay th" };
	unsigned char s[16] = { (unsigned char)b0, (unsigned char)b1 };
	unsigned st = p->dfa[p->dfa[DT_PREFIX_START << 8 | b0] << 8 | b1];
	int l2 = dt__prefixes_lead2(p, s);
	size_t t;

	cr_assert_eq(l2, (b0 & 0xC0) != 0x80 && st != DT_PREFIX_REJECT);
	for (t = 0; !l2 && t < sizeof(tails) / sizeof(tails[0]); t++) {
		size_t n = strlen(tails[t]);

		memcpy(s + 2, tails[t], n);
		cr_assert_not(dt__prefixes_may_start_slow(p, (const char *)s,
			2 + n, 0), "%02x %02x", b0, b1);
	}
}

Test(prefix_dfa, lead2_refuses_only_what_the_walk_refuses)
{
	unsigned b0, b1;
	int i;

	for (i = 0; i < NSETS; i++) {
		dt_prefixes *own;
		const dt_prefixes *p = set_at(i, &own);

		for (b0 = 0; b0 < 256; b0++) {
			for (b1 = 0; b1 < 256; b1++) {
				lead2_of(p, b0, b1);
			}
		}
		dt__prefixes_free(own);
	}
}

Test(prefix_dfa, its_answers_lead_to_themselves)
{
	int i;
	unsigned b, a;

	for (i = 0; i < NSETS; i++) {
		dt_prefixes *own;
		const dt_prefixes *p = set_at(i, &own);

		cr_assert_lt(p->nstates, 4096, "set %d: %zu states", i,
			p->nstates);
		for (a = 0; a < DT_PREFIX_LIVE; a++) {
			for (b = 0; b < 256; b++) {
				cr_assert_eq(p->dfa[a << 8 | b], a);
			}
		}
		dt__prefixes_free(own);
	}
}

/* ## The search */

/* dt__prefixes_search() as it was: every position, the pair table, the
 * word start, the walk, then the pattern. */
static int plain_search(const dt_prefixes *p, const dt_re *re,
	unsigned flags, const char *s, size_t len, size_t from, size_t *ov,
	size_t ovn)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t q;
	int rc;

	for (q = from; q < len; q++) {
		if (q + 1 < len) {
			unsigned i = (unsigned)u[q] << 8 | u[q + 1];

			if (!(p->pairs[i >> 3] >> (i & 7) & 1)) {
				continue;
			}
		} else if ((u[q] & 0xC0) == 0x80) {
			break;
		}
		if ((flags & DT_PREFIX_WORD_START) && q > 0 &&
			(u[q - 1] == '_' || (u[q - 1] >= '0' && u[q - 1] <=
			'9') || ((u[q - 1] | 0x20) >= 'a' &&
			(u[q - 1] | 0x20) <= 'z'))) {
			continue;
		}
		if (!dt__prefixes_walk(p, s, len, q)) {
			continue;
		}
		rc = dt__re_match(re, s, len, q, ov, ovn);
		if (rc != 0) {
			return rc;
		}
	}
	return 0;
}

static void same_search(const dt_prefixes *p, const dt_re *re,
	const char *s, size_t len)
{
	size_t from, ov1[8], ov2[8];
	unsigned flags;

	for (flags = 0; flags <= DT_PREFIX_WORD_START; flags++) {
		for (from = 0; from <= len; from++) {
			int r1 = plain_search(p, re, flags, s, len, from, ov1,
				4);
			int r2 = dt__prefixes_search(p, re, flags, s, len, from,
				ov2, 4);

			cr_assert_eq(r1, r2, "from %zu of %zu", from, len);
			cr_assert(r1 <= 0 || memcmp(ov1, ov2, 2 * (size_t)r1 *
				sizeof(ov1[0])) == 0, "from %zu", from);
		}
	}
}

static dt_re *verb_re(void)
{
	dt_re *re;

	cr_assert_eq(dt__re_compile(&re, "(?<!\\w)(?:thay\\s+thế|bãi\\s+bỏ"
		"|hết\\s+hiệu\\s+lực|утратившими?\\s+силу"
		"|утрачива(?:ет|ют)\\s+силу|утратил[аои]?\\s+силу)(?!\\w)",
		DT_RE_CASELESS | DT_RE_ANCHORED, NULL), 0);
	return re;
}

Test(prefix_dfa, searches_as_the_plain_loop)
{
	static char s[1400];
	dt_prefixes *p = make_set(SET_VERBS), *o = make_set(SET_ODD);
	dt_re *re = verb_re(), *ro;
	unsigned seed = 17;
	int round;

	/* one-character alternatives match at the last byte too */
	cr_assert_eq(dt__re_compile(&ro, "(?:a|\\(|ab\\s+c|đề\\s+án|№|ѐ"
		"|\\x{2013}|ü\\s+b)", DT_RE_CASELESS | DT_RE_ANCHORED, NULL),
		0);
	for (round = 0; round < 40; round++) {
		size_t len = random_text(s, sizeof(s), 2, &seed);

		same_search(p, re, s, len);
		same_search(o, ro, s, min_sz(len, 300));
	}
	dt__re_free(re);
	dt__re_free(ro);
	dt__prefixes_free(p);
	dt__prefixes_free(o);
}

/* Fillers of one, two and three bytes, a blank and a no-break space. */
static const char *const fillers[] = { "x", "\xD0\xB4", "\xE1\xBB\x87", " ",
	"\xC2\xA0" };

/* `what` after `n` bytes of filler f and before more of it, into s; its
 * length. */
static size_t padded(char *s, size_t f, size_t n, const char *what)
{
	const char *pad = fillers[f];
	size_t len = 0, k = strlen(pad);

	while (len < n) {
		memcpy(s + len, pad, k);
		len += k;
	}
	memcpy(s + len, what, strlen(what));
	len += strlen(what);
	memcpy(s + len, pad, k);
	return len + k;
}

/* A match at every offset from the start of the search, so at every
 * place in the 256-byte chunks the search gathers. */
Test(prefix_dfa, searches_find_a_verb_at_every_offset)
{
	static char s[1024];
	dt_prefixes *p = make_set(SET_VERBS);
	dt_re *re = verb_re();
	size_t f, n;
	unsigned flags;

	for (f = 0; f < sizeof(fillers) / sizeof(fillers[0]); f++) {
		for (n = 0; n < 600; n++) {
			size_t len = padded(s, f, n, " thay thế");
			size_t from[] = { 0, 1, n / 2, n, n + 1, n + 2 }, i;

			for (i = 0; i < sizeof(from) / sizeof(from[0]); i++) {
				for (flags = 0; flags <= DT_PREFIX_WORD_START;
					flags++) {
					size_t ov1[2], ov2[2];
					int r1 = plain_search(p, re, flags, s,
						len, from[i], ov1, 1);
					int r2 = dt__prefixes_search(p, re,
						flags, s, len, from[i], ov2, 1);

					cr_assert_eq(r1, r2, "%zu, %zu", n,
						from[i]);
					cr_assert(r1 <= 0 || ov1[0] == ov2[0]);
				}
			}
		}
	}
	dt__re_free(re);
	dt__prefixes_free(p);
}

/* ## The citation candidates */

/* cite.c's next_candidate() as it was: every byte, a blank or "(", the
 * test, the pattern, the adjective rule. */
static int plain_candidate(const char *s, size_t len, dt_cite_lang cl,
	size_t pos, size_t *ov)
{
	const dt_prefixes *p = dt__cite_starts(cl);
	const dt_re *re = dt__cite_re_start(cl);
	const unsigned char *u = (const unsigned char *)s;
	int ru = cl == DT_CG_RU || cl == DT_CG_ALL, rc;
	size_t q;

	if (pos == 0 && len > 0) {
		rc = dt__prefixes_may_start_slow(p, s, len, 0) ?
			dt__re_match(re, s, len, 0, ov, 1) : 0;
		if (rc != 0) {
			return rc < 0 ? rc : 1;
		}
	}
	for (q = pos; q + 1 < len; q++) {
		if (strchr(" \t\n(", s[q]) == NULL || s[q] == '\0' ||
			!dt__prefixes_may_start_slow(p, s, len, q + 1)) {
			continue;
		}
		rc = dt__re_match(re, s, len, q + 1, ov, 1);
		if (rc != 0) {
			return rc < 0 ? rc : 1;
		}
		/* Russian adjective endings: е и й м о у х ю я */
		if (ru && s[q] == ' ' && q >= 2 && ((u[q - 2] == 0xD0 &&
			strchr("\xB5\xB8\xB9\xBC\xBE", u[q - 1]) != NULL) ||
			(u[q - 2] == 0xD1 && strchr("\x83\x85\x8E\x8F",
			u[q - 1]) != NULL))) {
			ov[0] = ov[1] = q + 1;
			return 2;
		}
	}
	return 0;
}

static void same_candidate(const char *s, size_t len, dt_cite_lang cl,
	size_t pos)
{
	size_t ov1[2] = { 0, 0 }, ov2[2] = { 0, 0 };
	int r1 = plain_candidate(s, len, cl, pos, ov1);
	int r2 = dt__cite_candidate(s, len, cl, pos, ov2);

	cr_assert_eq(r1, r2, "grammar %d from %zu: %.60s", (int)cl, pos,
		s + pos);
	cr_assert(r1 <= 0 || (ov1[0] == ov2[0] && ov1[1] == ov2[1]),
		"grammar %d from %zu", (int)cl, pos);
}

/* A candidate at every offset from where the scan resumes, and Russian
 * adjective endings right at the text's start. */
Test(prefix_dfa, cite_candidates_at_every_offset)
{
	static const char *const what[] = { " khoản 2", "(sau đây",
		"\nСтатья 5", "\t\xD1\x8B\xD0\xB9 настоящего" };
	static char s[1024];
	size_t f, n, w;
	int cl;

	cr_assert_eq(dt__cite_grammar_init(NULL), 0);
	for (f = 0; f < sizeof(fillers) / sizeof(fillers[0]); f++) {
		for (n = 0; n < 560; n += 1 + n / 300) {
			for (w = 0; w < sizeof(what) / sizeof(what[0]); w++) {
				size_t len = padded(s, f, n, what[w]);

				for (cl = 0; cl < DT_CG_COUNT; cl++) {
					same_candidate(s, len,
						(dt_cite_lang)cl, 0);
					same_candidate(s, len,
						(dt_cite_lang)cl, n / 2);
				}
			}
		}
	}
	for (n = 0; n < 9; n++) {
		static const char *const ending[] = { "е", "и", "й", "м",
			"о", "у", "х", "ю", "я" };
		size_t len = (size_t)snprintf(s, sizeof(s), "%s Положения "
			"\xD1\x8F Положения", ending[n]);

		for (cl = 0; cl < DT_CG_COUNT; cl++) {
			for (w = 0; w < len; w++) {
				same_candidate(s, len, (dt_cite_lang)cl, w);
			}
		}
	}
}

Test(prefix_dfa, cite_candidates_as_the_plain_loop)
{
	static char s[1400];
	unsigned seed = 29;
	int round, cl;

	cr_assert_eq(dt__cite_grammar_init(NULL), 0);
	for (round = 0; round < 24; round++) {
		size_t len = random_text(s, sizeof(s), 2, &seed), pos;

		for (cl = 0; cl < DT_CG_COUNT; cl++) {
			for (pos = 0; pos <= len; pos++) {
				same_candidate(s, len, (dt_cite_lang)cl, pos);
			}
		}
	}
}
