/*
 * cite_candidate.c - the citation scanner's first step: where in a text a
 * citation may start (cite_scan.h).
 *
 * Candidates start at the text's start or right after a blank or "(":
 * the word starts are gathered a chunk at a time without a branch on the
 * bytes, and only those where the grammar's prefix automaton lets a
 * candidate begin (prefix.h) go to the anchored candidate pattern.
 */
#include <assert.h>
#include <string.h>

#include "cite_scan.h"

/* The last letter of every Russian adjective ending (cite_qualifier.c)
 * at p: е, и, й, м, о, у, х, ю, я (UTF-8). */
static int adjective_end(const unsigned char *p)
{
	if (p[0] == 0xD0) {
		return p[1] == 0xB5 || p[1] == 0xB8 || p[1] == 0xB9 ||
			p[1] == 0xBC || p[1] == 0xBE;
	}
	return p[0] == 0xD1 && (p[1] == 0x83 || p[1] == 0x85 ||
		p[1] == 0x8E || p[1] == 0x8F);
}

/* Bytes after which a candidate may start (DT_CRE_CAND's "[ \t\n(]"). */
static const uint8_t opens_word[256] = {
	[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['('] = 1,
};

/* Positions gathered at a time (offsets held in 32 bits). */
#define CHUNK 256

/* The positions right after a blank or "(" in s[lo..hi), into at[]; no
 * branch on the bytes, which no predictor guesses (a Vietnamese text has
 * a blank every six bytes or so).  Their count. */
static size_t word_starts(const unsigned char *s, size_t lo, size_t hi,
	uint32_t *at)
{
	size_t n = 0, q = lo;

	for (; q + 4 <= hi; q += 4) { /* unrolled: the loop is the work */
		at[n] = (uint32_t)(q + 1);
		n += opens_word[s[q]];
		at[n] = (uint32_t)(q + 2);
		n += opens_word[s[q + 1]];
		at[n] = (uint32_t)(q + 3);
		n += opens_word[s[q + 2]];
		at[n] = (uint32_t)(q + 4);
		n += opens_word[s[q + 3]];
	}
	for (; q < hi; q++) {
		at[n] = (uint32_t)(q + 1);
		n += opens_word[s[q]];
	}
	return n;
}

/* The candidate at word start k, or why there is none: 1 with the match
 * in ov; 2 with ov[0] at a word the alternation rejects (Russian, after
 * a word ending like an adjective: scan_qualified()); 0 for nothing; a
 * negative dt_status. */
static int candidate_at(const dt_cite_text *z, size_t k, size_t *ov)
{
	const unsigned char *s = (const unsigned char *)z->s;
	int rc;

	if (!dt__prefixes_may_start(z->starts, z->s, z->len, k)) {
		return 0;
	}
	rc = dt__re_match(z->cand0, z->s, z->len, k, ov, 1);
	if (rc != 0) { /* 1: a match (whatever its groups) */
		return rc < 0 ? rc : 1;
	}
	/* "областного Положения" with nothing after: a word that may end an
	 * adjective before it (scan_qualified()) */
	if ((z->cl == DT_CG_RU || z->cl == DT_CG_ALL) && s[k - 1] == ' ' &&
		k >= 3 && adjective_end(s + k - 3)) {
		ov[0] = ov[1] = k;
		return 2;
	}
	return 0;
}

/* The first candidate in s[pos..): at the text's start, or right after
 * a blank or "(" past pos, which is where the search pattern
 * DT_CRE_CAND ("[ \t\n(]\K" and the alternation) would find it.
 * Finding word starts here and running the anchored alternation only
 * where a word begins like one of its alternatives (3% of the words of
 * a Vietnamese text) beats letting PCRE2 try the alternation after
 * every blank.  What candidate_at() returns (cite_scan.h). */
int dt__cite_next_candidate(const dt_cite_text *z, size_t pos, size_t *ov)
{
	const unsigned char *s = (const unsigned char *)z->s;
	size_t q = pos, len = z->len;
	uint32_t at[CHUNK];
	int rc;

	assert(len <= UINT32_MAX);
	if (pos == 0 && len > 0) {
		rc = dt__prefixes_may_start(z->starts, z->s, len, 0) ?
			dt__re_match(z->cand0, z->s, len, 0, ov, 1) : 0;
		if (rc != 0) { /* 1: a match (whatever its groups) */
			return rc < 0 ? rc : 1;
		}
	}
	while (q + 1 < len) {
		size_t hi = q + CHUNK < len - 1 ? q + CHUNK : len - 1;
		size_t n = word_starts(s, q, hi, at), i;

		for (i = 0; i < n; i++) {
			rc = candidate_at(z, at[i], ov);
			if (rc != 0) {
				return rc;
			}
		}
		q = hi;
	}
	return 0;
}

void dt__cite_text_init(dt_cite_text *t, const char *s, size_t len,
	dt_cite_lang cl)
{
	t->s = s;
	t->len = len;
	t->cl = cl;
	t->starts = dt__cite_starts(cl);
	t->cand0 = dt__cite_re_start(cl);
}

int dt__cite_candidate(const char *s, size_t len, dt_cite_lang cl,
	size_t pos, size_t *ov)
{
	dt_cite_text t;
	int rc = dt__cite_grammar_lang(cl, NULL);

	if (rc < 0) {
		return rc;
	}
	dt__cite_text_init(&t, s, len, cl);
	return dt__cite_next_candidate(&t, pos, ov);
}
