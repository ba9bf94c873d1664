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
 */
#ifndef DT_PREFIX_H
#define DT_PREFIX_H

#include "internal.h"

/* Tokens of each alternative that are kept: characters, and runs of
 * blanks ("\s{1,3}" in a pattern, any PCRE2 \s run in text). */
#define DT_PREFIX_TOKENS 8

/* Open so that the first test inlines into scanning loops; use the
 * functions below, not the fields. */
typedef struct {
	uint64_t *slot;  /* hash table of hashed prefixes (prefix.c) */
	size_t cap, n;
	int all;         /* some pattern has the empty prefix */
	unsigned short_lens; /* bit L-1: a whole prefix of L < 3 tokens */
	int sealed;      /* pairs[] is up to date */
	uint8_t *pairs;  /* bit b0 << 8 | b1: text opening with bytes b0 b1
	                  * may start a match (never at a continuation
	                  * byte b0) */
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

/** Build the table of first byte pairs after the last add (a few
 *  milliseconds); DT_ENOMEM. */
int dt__prefixes_seal(dt_prefixes *p);

/** The full test of dt__prefixes_may_start(), without the table. */
int dt__prefixes_walk(const dt_prefixes *p, const char *s, size_t len,
	size_t pos);

/** May a match of one of the patterns start at s[pos]?  `s` is valid
 *  UTF-8, pos a character boundary below len, `p` sealed. */
static inline int dt__prefixes_may_start(const dt_prefixes *p,
	const char *s, size_t len, size_t pos)
{
	const unsigned char *u = (const unsigned char *)s + pos;
	unsigned i;

	assert(p->sealed && pos < len);
	if (pos + 1 < len) {
		i = (unsigned)u[0] << 8 | u[1];
		if (!(p->pairs[i >> 3] >> (i & 7) & 1)) {
			return 0;
		}
	}
	return dt__prefixes_walk(p, s, len, pos);
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
 * `flags`: DT_PREFIX_WORD_START or 0.
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
