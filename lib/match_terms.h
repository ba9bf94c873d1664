/*
 * match_terms.h - the tokenizer's run for the matcher (tokens.c): each
 * term comes with a hash of its bytes.
 *
 * The matcher looks up every term of every local document (vi-100: 24
 * million), and hashing the term again there cost ~2% of a run: the
 * tokenizer has already mixed each folded character into a word hash
 * while scanning (for its stopwords), so it hands that hash over, a
 * Vietnamese bigram's as a mix of its two syllables' and a stem's as
 * computed once when the stem cache keeps it.  dt__term_hash() gives the
 * same value from the bytes alone (tests/unit/test_tokens.c checks that
 * for every term of random and real texts), so a vocabulary may hash its
 * entries either way.
 */
#ifndef DT_MATCH_TERMS_H
#define DT_MATCH_TERMS_H

#include "internal.h"

/** As dt_term_cb, with `hash`: dt__term_hash(term, len). */
typedef int (*dt__term_hcb)(const char *term, size_t len, uint32_t hash,
	size_t start, size_t end, void *payload);

/** As dt_tokenizer_run(), the same terms and spans in the same order,
 *  each with its hash. */
int dt__tokenizer_run_hashed(dt_tokenizer *tok, const char *s, size_t len,
	dt__term_hcb cb, void *payload, dt_error *err);

/** The hash dt__tokenizer_run_hashed() passes with term s[0, len): a
 *  function of the bytes only (any bytes may be hashed). */
uint32_t dt__term_hash(const char *s, size_t len);

#endif /* DT_MATCH_TERMS_H */
