/*
 * match_vocab.c - the matcher's vocabulary: every term the directive's
 * leaves hold, interned once in an open-addressing table; the bag of
 * distinct terms of the text being indexed or queried; and the glue that
 * runs the tokenizer over a unit with a matcher callback.
 *
 * A local document looks up every syllable and bigram it has (vi-100:
 * 13.8 million syllables, 14% not the directive's, and 10.4 million
 * bigrams, 33% not); the probe waits on the slot's cache line.  Tried and
 * dropped in session 5 (a harness timing only the queries of 1,500
 * vi-100 documents, minimum of 7 interleaved runs): answering a bigram
 * without a lookup when one of its syllables is unknown (a bigram of the
 * index has both its syllables in it), with the syllables kept as bytes
 * and compared, so as not to rest on the tokenizer's order: 2.7 million
 * lookups fewer, yet 9% slower (the copies and compares of every
 * syllable cost more than the probes saved); the same for the first
 * syllable only, kept when unknown (1.5 million fewer): 3.7% slower;
 * the hash and the probe inlined into the lookup: within noise.
 * Session 6: the tokenizer passes each term's hash (match_terms.h: its
 * word hash, a bigram's from its syllables', a stem's kept in the stem
 * cache), a function of the term's bytes along every path
 * (dt__term_hash), so no term is hashed twice; the probe and the bag's
 * put are inline (match_internal.h).  With the tokenizer's changes the
 * document factor (which counts every term of every local document)
 * went from 1,050 M to 768 M instructions on vi-10 (callgrind).
 */
#include <string.h>

#include "match_internal.h"
#include "short_bytes.h"

/* ## Helpers */

/* A multiply-xorshift step of the hash: every input bit reaches the top
 * half. */
static inline uint64_t mix(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0x9E3779B97F4A7C15u;
	return h ^ (h >> 29);
}

uint32_t dt__match_hash(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	uint64_t h = mix(0, len), v;

	for (; len > 8; u += 8, len -= 8) {
		memcpy(&v, u, 8);
		h = mix(h, v);
	}
	h = mix(h, dt__tail_bytes(u, len));
	return (uint32_t)(h >> 32);
}

int dt__match_grow(void **v, size_t *cap, size_t need, size_t size)
{
	size_t ncap;
	void *p;

	if (need <= *cap) {
		return 0;
	}
	ncap = *cap ? *cap : 4;
	while (ncap < need) {
		ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
	}
	p = dt__reallocarray(*v, ncap, size);
	if (p == NULL) {
		return DT_ENOMEM;
	}
	*v = p;
	*cap = ncap;
	return 0;
}

int dt__match_oom(dt_error *err)
{
	return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
}

int dt__match_is_syllable(const dt_matcher *m, const char *s, size_t len)
{
	return m->lang == DT_LANG_VI && memchr(s, ' ', len) == NULL;
}

/* ## The vocabulary */

/* A slot for term `id`, hash h, bytes s[0..len). */
static struct dt_match_slot slot_for(
	uint32_t id, const char *s, size_t len, uint32_t h)
{
	struct dt_match_slot slot = {h, id + 1, (uint32_t)len, 0, 0};

	if (len <= 16) {
		dt__short_words(s, len, &slot.x, &slot.y);
	}
	return slot;
}

int dt__match_rehash(dt_matcher *m)
{
	size_t n = m->nslots ? m->nslots * 2 : 256, i;
	struct dt_match_slot *fresh = dt__calloc(n, sizeof(*fresh));

	if (fresh == NULL) {
		return DT_ENOMEM;
	}
	dt__free(m->slots);
	m->slots = fresh;
	m->nslots = n;
	for (i = 0; i < m->nterms; i++) {
		const dt_match_term *t = &m->terms[i];

		*dt__match_slot_of(m, m->strings.data + t->off, t->len, t->hash) =
			slot_for((uint32_t)i, m->strings.data + t->off, t->len,
				t->hash);
	}
	return 0;
}

uint32_t dt__match_intern(
	dt_matcher *m, const char *s, size_t len, uint32_t h)
{
	struct dt_match_slot *slot;
	dt_match_term *t;

	if ((m->nterms + 1) * 2 > m->nslots && dt__match_rehash(m) < 0) {
		return UINT32_MAX;
	}
	slot = dt__match_slot_of(m, s, len, h);
	if (slot->id != 0) {
		return slot->id - 1;
	}
	if (m->nterms >= UINT32_MAX - 1 ||
		dt__match_grow((void **)&m->terms, &m->termcap, m->nterms + 1,
			sizeof(*m->terms)) < 0 ||
		dt__match_grow((void **)&m->inbag, &m->inbagcap, m->nterms + 1,
			sizeof(*m->inbag)) < 0 ||
		dt__match_grow((void **)&m->keys, &m->keycap, m->nterms + 1,
			sizeof(*m->keys)) < 0 ||
		dt__buf_append(&m->strings, s, len) < 0) {
		return UINT32_MAX;
	}
	t = &m->terms[m->nterms];
	memset(t, 0, sizeof(*t));
	t->off = m->strings.len - len;
	t->len = len;
	t->hash = h;
	t->syllable = dt__match_is_syllable(m, s, len);
	t->weight = t->syllable ? W_SYLLABLE : 1.0;
	m->inbag[m->nterms] = (struct dt_match_inbag){0, 0, 0};
	m->keys[m->nterms] = (struct dt_match_key){t->off, len};
	*slot = slot_for((uint32_t)m->nterms, s, len, h);
	return (uint32_t)m->nterms++;
}

/* ## Bags */

void dt__match_next_serial(dt_matcher *m)
{
	size_t i;

	m->nbag = 0;
	if (++m->serial != 0) {
		return;
	}
	for (i = 0; i < m->nterms; i++) {
		m->inbag[i].mark = 0;
	}
	m->serial = 1;
}

size_t dt__match_bag_grow_put(
	dt_matcher *m, uint32_t id, size_t start, size_t end)
{
	if (dt__match_grow((void **)&m->bag, &m->bagcap, m->nbag + 1,
		    sizeof(*m->bag)) < 0) {
		return SIZE_MAX;
	}
	return dt__match_bag_put(m, id, start, end);
}

/* ## Tokenizer runs */

int dt__match_run_n(dt_matcher *m, const char *s, size_t len,
	dt__term_hcb cb, dt_error *err)
{
	int rc;

	m->text_now = s;
	rc = dt__tokenizer_run_hashed(m->tok, s, len, cb, m, err);
	if (rc == DT_ENOMEM) {
		return dt__match_oom(err);
	}
	return rc < 0 ? rc : 0;
}

int dt__match_run(
	dt_matcher *m, const char *s, dt__term_hcb cb, dt_error *err)
{
	return dt__match_run_n(m, s, strlen(s), cb, err);
}

int dt__match_run_unit(
	dt_matcher *m, const dt_unit *u, dt__term_hcb cb, dt_error *err)
{
	int rc = dt__match_run(m, dt_unit_heading(u), cb, err);

	return rc == 0 ? dt__match_run(m, dt_unit_text(u), cb, err) : rc;
}
