/*
 * match.c - implicit links: BM25 over an inverted index of a directive's
 * leaf units, queried with one local unit at a time.
 *
 * CALIBRATION_NOTE
 */
#include <math.h>
#include <string.h>

#include "match.h"

/* ## Constants (each chosen on the dev split; see the note above) */

#define BM25_K1 1.2        /* the usual BM25 saturation */
#define BM25_B 0.75        /* the usual BM25 length normalization */
#define W_SYLLABLE 0.5     /* vi: a syllable weighs half a bigram */
#define W_CONTEXT 0.3      /* ancestor headings and lead-ins of a leaf */
#define W_GENERIC 0.5      /* administrative boilerplate (generic_*[]) */
#define RELATIVE_CUT 0.9   /* keep matches within 90% of the best */
#define DOC_COS_LO 0.3     /* local document cosine: factor 0 below */
#define DOC_COS_HI 0.6     /* ... and factor 1 above */
#define MIN_TERMS 3        /* fewer known terms than this: no match */
#define PREAMBLE_SCAN 64   /* top units looked at to find a preamble */
#define EVIDENCE_TERMS 8   /* terms considered for the evidence */

/* ## Data */

/* A posting: a leaf holding the term and what the term adds to the
 * leaf's BM25 score, which does not depend on the query (a query weighs
 * each distinct term once). */
typedef struct {
	uint32_t leaf;
	float w;
} posting;

typedef struct {
	size_t off, len;  /* the term's bytes in strings */
	uint32_t hash;
	double weight;    /* class weight, times IDF once indexed */
	size_t first, df; /* postings: post[first .. first + df) */
	uint32_t mark;    /* the last bag (serial) that holds it */
	size_t pos;       /* its place in that bag */
	float dtf;        /* occurrences in the directive */
	float ltf;        /* occurrences in a local document (scratch) */
	int generic;      /* administrative boilerplate */
} term;

typedef struct {
	const dt_unit *unit;
	double len;  /* field-weighted term count */
	double self; /* BM25 of the leaf's own terms against the leaf */
} leaf;

/* A term of the leaf being indexed, or a distinct term of a query with
 * where it was written. */
typedef struct {
	uint32_t id;
	float tf;
	size_t start, end;
	const char *text;
} bagged;

/* Build-time triple, sorted into postings by term at the end. */
typedef struct {
	uint32_t term, leaf;
	float tf;
} entry;

struct dt_matcher {
	const dt_doc *doc;
	dt_lang lang;
	dt_tokenizer *tok;
	dt_buf strings;
	term *terms;
	size_t nterms, termcap;
	uint32_t *slots; /* open addressing: term id + 1, 0 empty */
	size_t nslots;
	posting *post;
	leaf *leaves;
	size_t nleaves, leafcap;
	double avgdl;
	entry *entries; /* only while building */
	size_t nentries, entrycap;
	/* the current bag (a leaf being indexed or a query) */
	uint32_t serial;
	double weight_now;
	const char *text_now;
	bagged *bag;
	size_t nbag, bagcap;
	/* query scratch: per-leaf accumulators, cleared after each query */
	double *acc;
	uint32_t *touched;
	size_t ntouched;
	/* the topic test: the directive's term vector, and the local
	 * document of the last query with its factor */
	double dnorm;
	const dt_unit *root;
	uint32_t root_sig;
	double root_factor;
	uint32_t *lterms;
	size_t nlterms, ltermcap;
	const dt_unit **stack;
	size_t stackcap;
};

/* ## Helpers */

static uint32_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603u;
	size_t i;

	for (i = 0; i < len; i++) {
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	}
	return (uint32_t)(h ^ (h >> 32));
}

/* Make room for `need` elements of `size` bytes in *v (capacity *cap). */
static int grow(void **v, size_t *cap, size_t need, size_t size)
{
	size_t ncap;
	void *p;

	if (need <= *cap) {
		return 0;
	}
	ncap = *cap ? *cap : 16;
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

static int oom(dt_error *err)
{
	return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
}

static int is_number(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9') {
			return 0;
		}
	}
	return 1;
}

/* A Vietnamese bigram ("đảng viên") has a space; a syllable has none. */
static int is_syllable(const dt_matcher *m, const char *s, size_t len)
{
	return m->lang == DT_LANG_VI && memchr(s, ' ', len) == NULL;
}

/* ## The vocabulary */

static uint32_t *slot_of(const dt_matcher *m, const char *s, size_t len,
	uint32_t h)
{
	size_t i = h & (m->nslots - 1);

	for (;;) {
		uint32_t id = m->slots[i];
		const term *t = id ? &m->terms[id - 1] : NULL;

		if (t == NULL || (t->hash == h && t->len == len &&
			memcmp(m->strings.data + t->off, s, len) == 0)) {
			return &m->slots[i];
		}
		i = (i + 1) & (m->nslots - 1);
	}
}

/* Double the slot table (at most half full, so probes stay short). */
static int rehash(dt_matcher *m)
{
	size_t n = m->nslots ? m->nslots * 2 : 256, i;
	uint32_t *fresh = dt__calloc(n, sizeof(*fresh));

	if (fresh == NULL) {
		return DT_ENOMEM;
	}
	dt__free(m->slots);
	m->slots = fresh;
	m->nslots = n;
	for (i = 0; i < m->nterms; i++) {
		const term *t = &m->terms[i];

		*slot_of(m, m->strings.data + t->off, t->len, t->hash) =
			(uint32_t)i + 1;
	}
	return 0;
}

/* The id of term s[0..len), added when new; UINT32_MAX when out of
 * memory. */
static uint32_t intern(dt_matcher *m, const char *s, size_t len)
{
	uint32_t h = hash_bytes(s, len), *slot;
	term *t;

	if ((m->nterms + 1) * 2 > m->nslots && rehash(m) < 0) {
		return UINT32_MAX;
	}
	slot = slot_of(m, s, len, h);
	if (*slot != 0) {
		return *slot - 1;
	}
	if (m->nterms >= UINT32_MAX - 1 ||
		grow((void **)&m->terms, &m->termcap, m->nterms + 1,
			sizeof(*m->terms)) < 0 ||
		dt__buf_append(&m->strings, s, len) < 0) {
		return UINT32_MAX;
	}
	t = &m->terms[m->nterms];
	memset(t, 0, sizeof(*t));
	t->off = m->strings.len - len;
	t->len = len;
	t->hash = h;
	t->weight = is_syllable(m, s, len) ? W_SYLLABLE : 1.0;
	*slot = (uint32_t)++m->nterms;
	return *slot - 1;
}

static uint32_t lookup(const dt_matcher *m, const char *s, size_t len)
{
	uint32_t id = *slot_of(m, s, len, hash_bytes(s, len));

	return id == 0 ? UINT32_MAX : id - 1;
}

/* Start a new bag: a serial no term has seen (marks reset on wrap). */
static void next_serial(dt_matcher *m)
{
	size_t i;

	m->nbag = 0;
	if (++m->serial != 0) {
		return;
	}
	for (i = 0; i < m->nterms; i++) {
		m->terms[i].mark = 0;
	}
	m->serial = 1;
}

/* Put term `id` into the bag once; return its place, or SIZE_MAX when
 * out of memory. */
static size_t bag_put(dt_matcher *m, uint32_t id, size_t start, size_t end)
{
	term *t = &m->terms[id];
	bagged *b;

	if (t->mark == m->serial) {
		return t->pos;
	}
	if (grow((void **)&m->bag, &m->bagcap, m->nbag + 1,
		    sizeof(*m->bag)) < 0) {
		return SIZE_MAX;
	}
	t->mark = m->serial;
	t->pos = m->nbag;
	b = &m->bag[m->nbag];
	b->id = id;
	b->tf = 0;
	b->start = start;
	b->end = end;
	b->text = m->text_now;
	return m->nbag++;
}

/* Run the tokenizer over NUL-terminated `s`; a callback's DT_ENOMEM
 * becomes an error message. */
static int run(dt_matcher *m, const char *s, dt_term_cb cb, dt_error *err)
{
	int rc;

	m->text_now = s;
	rc = dt_tokenizer_run(m->tok, s, strlen(s), cb, m, err);
	if (rc == DT_ENOMEM) {
		return oom(err);
	}
	return rc < 0 ? rc : 0;
}
