/*
 * prefix.h - a cheap test of whether a pattern can match at a position,
 * from the literal characters its alternatives begin with (prefix.c).
 * Private to lib/.
 *
 * A scan that runs a big alternation at every word start (the citation
 * candidates) spends most of its time on words that share no more than
 * a first letter with any alternative.  The set holds the literal
 * beginning of each alternative (up to DT_PREFIX_TOKENS characters, a
 * run of blanks counting as one), folded to one case the way PCRE2's
 * caseless matching would equate them; a position whose text begins
 * like none of them cannot start a match, caseless or not.  The test
 * is conservative: a character it cannot fold (outside the Latin,
 * Vietnamese and Cyrillic letters it knows) or a pattern whose
 * beginning is not plain literal text lets every position pass.
 *
 * Sealing compiles the test into a byte automaton (prefix_dfa.c) that
 * answers exactly as the character-by-character walk of prefix.c,
 * which stays as its reference and its fallback.
 */
#ifndef DT_PREFIX_H
#define DT_PREFIX_H

#include "internal.h"

/* Tokens of each alternative that are kept: characters, and runs of
 * blanks ("\s{1,3}" in a pattern, any PCRE2 \s run in text). */
#define DT_PREFIX_TOKENS 8

/* The fixed states of the automaton (prefix_dfa.c): the answers, which
 * lead to themselves, and where every test starts. */
#define DT_PREFIX_REJECT 0u
#define DT_PREFIX_ACCEPT 1u
#define DT_PREFIX_SLOW 2u   /* no UTF-8, or four bytes: ask walk() */
#define DT_PREFIX_START 3u
#define DT_PREFIX_LIVE 3u   /* states from here on read another byte */
/* Bytes a test reads before its first branch: the answer comes after a
 * number of bytes that varies from word to word, and a branch on it is
 * mispredicted about once a test; six table lookups in a row (the three
 * answers lead to themselves) decide nine words in ten, and tests of
 * words close together then overlap. */
#define DT_PREFIX_STEPS 6

/* Open so that the test inlines into scanning loops; use the functions
 * below, not the fields. */
typedef struct {
	uint64_t *slot;  /* hash table of hashed prefixes (prefix.c) */
	size_t cap, n;
	int all;         /* some pattern has the empty prefix */
	unsigned short_lens; /* bit L-1: a whole prefix of L < 3 tokens */
	int sealed;      /* pairs[] and dfa[] are up to date */
	uint8_t *pairs;  /* bit b0 << 8 | b1: text opening with bytes b0 b1
	                  * may start a match (never at a continuation
	                  * byte b0) */
	uint32_t (*seq)[DT_PREFIX_TOKENS]; /* every prefix added, */
	uint8_t *seq_len;                  /* its length in tokens */
	size_t nseq, seq_cap;
	uint16_t *dfa;   /* the automaton: next state [state << 8 | byte] */
	uint8_t *dfa_end; /* the answer when the text ends in a state */
	size_t nstates;
	uint8_t *lead2;  /* bit b0 << 8 | b1: the automaton does not refuse
	                  * text opening with b0 b1 (never at a continuation
	                  * byte b0) */
	uint8_t word_start[256]; /* 1: "(?<!\w)" holds after this byte */
} dt_prefixes;

/** A new empty set (every position fails until a pattern is added);
 *  free with dt__prefixes_free(). */
int dt__prefixes_new(dt_prefixes **out);
void dt__prefixes_free(dt_prefixes *p);

/**
 * Add what every match of `pattern` (one alternative, PCRE2 syntax)
 * begins with: its leading literal characters, escaped punctuation
 * and "(?-i:…)" literals included, lookarounds skipped.  A pattern that
 * begins with anything else, or has a "|" outside groups, begins with
 * the empty prefix: every position passes.  DT_ENOMEM.
 */
int dt__prefixes_add(dt_prefixes *p, const char *pattern);

/** Build the table of first byte pairs and the automaton after the last
 *  add (a few milliseconds); DT_ENOMEM, DT_ELIMIT. */
int dt__prefixes_seal(dt_prefixes *p);

/** The automaton of dt__prefixes_may_start() (prefix_dfa.c), from the
 *  prefixes added and the pair table; DT_ENOMEM, DT_ELIMIT. */
int dt__prefixes_build_dfa(dt_prefixes *p);

/** The full test of dt__prefixes_may_start(), without the table. */
int dt__prefixes_walk(const dt_prefixes *p, const char *s, size_t len,
	size_t pos);

/** dt__prefixes_may_start() the way it was first written: the pair table,
 *  then dt__prefixes_walk().  The automaton answers the same; this is
 *  what it falls back to, and what tests hold it to. */
int dt__prefixes_may_start_slow(const dt_prefixes *p, const char *s,
	size_t len, size_t pos);

/** May a test at a position opening with bytes b0 b1 pass?  0 means
 *  dt__prefixes_may_start() refuses it; never 1 at a continuation byte. */
static inline int dt__prefixes_lead2(const dt_prefixes *p,
	const unsigned char *u)
{
	unsigned i = (unsigned)u[0] << 8 | u[1];

	return p->lead2[i >> 3] >> (i & 7) & 1;
}

/** The state after the DT_PREFIX_STEPS bytes at u, from the start:
 *  written out, since compilers leave the loop rolled. */
static inline unsigned dt__prefixes_steps(const uint16_t *dfa,
	const unsigned char *u)
{
	unsigned st = dfa[DT_PREFIX_START << 8 | u[0]];

	st = dfa[st << 8 | u[1]];
	st = dfa[st << 8 | u[2]];
	st = dfa[st << 8 | u[3]];
	st = dfa[st << 8 | u[4]];
	return dfa[st << 8 | u[5]];
}
_Static_assert(DT_PREFIX_STEPS == 6, "dt__prefixes_steps() reads six");

/** May a match of one of the patterns start at s[pos]?  `s` is valid
 *  UTF-8, pos a character boundary below len, `p` sealed (the answer is
 *  dt__prefixes_may_start_slow()'s on any bytes, though).  One table
 *  lookup per byte read. */
static inline int dt__prefixes_may_start(const dt_prefixes *p,
	const char *s, size_t len, size_t pos)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned st = DT_PREFIX_START;
	size_t q = pos;

	assert(p->sealed && pos < len);
	if (len - pos >= DT_PREFIX_STEPS) {
		st = dt__prefixes_steps(p->dfa, u + pos);
		if (st == DT_PREFIX_REJECT) {
			return 0;
		}
		q = pos + DT_PREFIX_STEPS;
	}
	while (st >= DT_PREFIX_LIVE && q < len) {
		st = p->dfa[st << 8 | u[q++]];
	}
	if (st >= DT_PREFIX_LIVE) {
		return p->dfa_end[st];
	}
	return st == DT_PREFIX_SLOW ? dt__prefixes_may_start_slow(p, s, len,
		pos) : (int)st;
}

/* dt__prefixes_search(): the pattern opens with "(?<!\w)", so no match
 * starts right after an ASCII letter, digit or '_'. */
#define DT_PREFIX_WORD_START (1u << 0)

/**
 * Search like an unanchored pattern whose alternatives are those added
 * to `p`: the first position from `from` on where `p` lets a match
 * start and `anchored` (the same pattern, compiled anchored) matches.
 * Returns what dt__re_match() returns.  Every position is tested, so
 * lookbehinds in `anchored` see the text before it as the search would.
 * `flags`: DT_PREFIX_WORD_START or 0.  `s` is valid UTF-8 (PCRE2 runs on
 * it unchecked).
 */
int dt__prefixes_search(const dt_prefixes *p, const dt_re *anchored,
	unsigned flags, const char *s, size_t len, size_t from, size_t *ov,
	size_t ovn);

/** The code point PCRE2's caseless matching equates `cp` with (lower
 *  case), or -1 when the fold is unknown here.  Exposed for the test that
 *  checks it against PCRE2. */
long dt__prefix_fold(uint32_t cp);

/** The folded literal prefix of `pattern` into out[] (at most
 *  DT_PREFIX_TOKENS; a run of blanks is ' '): its length, 0 for the
 *  empty prefix. */
size_t dt__prefix_of(const char *pattern, uint32_t *out);

#endif /* DT_PREFIX_H */
