/*
 * match.c - implicit links: BM25 over an inverted index of a directive's
 * leaf units (calibration notes to be written).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"

typedef struct {
	double k1, b;
	double w_syllable; /* vi syllable vs bigram */
	double w_context;  /* ancestor headings and lead-ins */
	double w_number;   /* digit-only terms */
	int norm;          /* 0 R_d, 1 sqrt(R_d R_q), 2 F(R_d,R_q) */
	size_t min_terms;
	int split;         /* score paragraphs separately */
	int ctx_heads_only;
	double alpha;      /* norm 3: R_d^alpha R_q^(1-alpha) */
} match_params;

match_params dt__match_params = { 1.2, 0.75, 0.5, 0.5, 1.0, 0, 2, 0, 0,
	0.5 };
#define P dt__match_params

/* A posting: a leaf holding the term and what the term adds to the
 * leaf's BM25 score (query-independent: queries weigh terms 0 or 1). */
typedef struct {
	uint32_t leaf;
	float w;
} posting;

typedef struct {
	size_t off, len;  /* the term's bytes in strings */
	uint32_t hash;
	double weight;    /* idf times the class weight */
	size_t first, df; /* its postings: post[first .. first + df) */
	uint32_t mark;    /* the last leaf or query (serial) that saw it */
	size_t pos;       /* its place in that leaf's bag or query */
} term;

typedef struct {
	const dt_unit *unit;
	double len;  /* field-weighted term count */
	double self; /* BM25 of the leaf's own terms against the leaf */
} leaf;

/* A term of the leaf being indexed, or a distinct term of a query. */
typedef struct {
	uint32_t id;
	float tf;
	size_t start, end; /* query: the span in `text` */
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
	double idf_unknown;
	/* scratch for indexing and queries */
	uint32_t serial;
	double weight_now;
	const char *text_now;
	bagged *bag;
	size_t nbag, bagcap;
	double qunknown;
	entry *entries;
	size_t nentries, entrycap;
	double *acc;
	uint32_t *touched;
	size_t ntouched;
};

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
		ncap *= 2;
	}
	p = dt__reallocarray(*v, ncap, size);
	if (p == NULL) {
		return DT_ENOMEM;
	}
	*v = p;
	*cap = ncap;
	return 0;
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

static double class_weight(const dt_matcher *m, const char *s, size_t len)
{
	if (is_number(s, len)) {
		return P.w_number;
	}
	if (m->lang == DT_LANG_VI && memchr(s, ' ', len) == NULL) {
		return P.w_syllable;
	}
	return 1.0;
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
	t->weight = class_weight(m, s, len);
	*slot = (uint32_t)++m->nterms;
	return *slot - 1;
}

static uint32_t lookup(const dt_matcher *m, const char *s, size_t len)
{
	uint32_t id = *slot_of(m, s, len, hash_bytes(s, len));

	return id == 0 ? UINT32_MAX : id - 1;
}

/* Put term `id` into the bag once per serial; return its place or
 * SIZE_MAX when out of memory. */
static size_t bag_put(dt_matcher *m, uint32_t id, size_t start, size_t end)
{
	term *t = &m->terms[id];

	if (t->mark == m->serial) {
		return t->pos;
	}
	if (grow((void **)&m->bag, &m->bagcap, m->nbag + 1,
		    sizeof(*m->bag)) < 0) {
		return SIZE_MAX;
	}
	t->mark = m->serial;
	t->pos = m->nbag;
	m->bag[m->nbag].id = id;
	m->bag[m->nbag].tf = 0;
	m->bag[m->nbag].start = start;
	m->bag[m->nbag].end = end;
	m->bag[m->nbag].text = m->text_now;
	return m->nbag++;
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

static int run(dt_matcher *m, const char *s, dt_term_cb cb, dt_error *err)
{
	int rc;

	m->text_now = s;
	rc = dt_tokenizer_run(m->tok, s, strlen(s), cb, m, err);
	if (rc == DT_ENOMEM) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	return rc < 0 ? rc : 0;
}

/* ## Building the index */

/* Indexing callback: count the term at the current field weight. */
static int index_term(const char *s, size_t len, size_t start, size_t end,
	void *payload)
{
	dt_matcher *m = payload;
	uint32_t id = intern(m, s, len);
	size_t k;

	if (id == UINT32_MAX) {
		return DT_ENOMEM;
	}
	k = bag_put(m, id, start, end);
	if (k == SIZE_MAX) {
		return DT_ENOMEM;
	}
	m->bag[k].tf += (float)m->weight_now;
	return 0;
}

/* Tokenize leaf `u` into the bag: its own heading and text at weight 1,
 * the headings and texts of its ancestors at the context weight. */
static int bag_leaf(dt_matcher *m, const dt_unit *u, dt_error *err)
{
	const dt_unit *a;
	int rc;

	next_serial(m);
	m->weight_now = 1.0;
	rc = run(m, dt_unit_heading(u), index_term, err);
	if (rc == 0) {
		rc = run(m, dt_unit_text(u), index_term, err);
	}
	m->weight_now = P.w_context;
	for (a = dt_unit_parent(u); rc == 0 && P.w_context > 0 &&
		a != NULL && dt_unit_parent(a) != NULL; a = dt_unit_parent(a)) {
		rc = run(m, dt_unit_heading(a), index_term, err);
		if (rc == 0 && !P.ctx_heads_only) {
			rc = run(m, dt_unit_text(a), index_term, err);
		}
	}
	return rc;
}

/* Index leaf `u`: its bag becomes entries of a new leaf. */
static int add_leaf(dt_matcher *m, const dt_unit *u, dt_error *err)
{
	leaf *l;
	size_t i;
	int rc = bag_leaf(m, u, err);

	if (rc < 0 || m->nbag == 0) {
		return rc;
	}
	if (m->nleaves >= UINT32_MAX ||
		grow((void **)&m->entries, &m->entrycap, m->nentries + m->nbag,
			sizeof(*m->entries)) < 0 ||
		grow((void **)&m->leaves, &m->leafcap, m->nleaves + 1,
			sizeof(*m->leaves)) < 0) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	l = &m->leaves[m->nleaves];
	l->unit = u;
	l->len = 0;
	l->self = 0;
	for (i = 0; i < m->nbag; i++) {
		entry *e = &m->entries[m->nentries++];

		e->term = m->bag[i].id;
		e->leaf = (uint32_t)m->nleaves;
		e->tf = m->bag[i].tf;
		l->len += m->bag[i].tf;
	}
	m->nleaves++;
	return 0;
}

/* BM25's saturated term frequency in a leaf of length `len`. */
static double tf_part(const dt_matcher *m, double tf, double len)
{
	double norm = 1.0 - P.b + P.b * len / m->avgdl;

	return tf * (P.k1 + 1.0) / (tf + P.k1 * norm);
}

/* Sort the entries into postings by term (a counting sort: leaves stay
 * in order inside a term), weigh the terms by IDF and the postings by
 * BM25, and sum each leaf's self-score. */
static int finish(dt_matcher *m, dt_error *err)
{
	double total = 0, n = (double)m->nleaves;
	size_t i, at = 0;

	m->post = dt__reallocarray(NULL, m->nentries + 1, sizeof(*m->post));
	m->acc = dt__calloc(m->nleaves + 1, sizeof(*m->acc));
	m->touched = dt__reallocarray(NULL, m->nleaves + 1,
		sizeof(*m->touched));
	if (m->post == NULL || m->acc == NULL || m->touched == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	for (i = 0; i < m->nleaves; i++) {
		total += m->leaves[i].len;
	}
	m->avgdl = m->nleaves ? total / n : 1.0;
	m->idf_unknown = log(1.0 + (n + 0.5) / 0.5);
	for (i = 0; i < m->nentries; i++) {
		m->terms[m->entries[i].term].df++;
	}
	for (i = 0; i < m->nterms; i++) {
		double df = (double)m->terms[i].df;

		m->terms[i].first = at;
		at += m->terms[i].df;
		m->terms[i].df = 0;
		m->terms[i].weight *= log(1.0 + (n - df + 0.5) / (df + 0.5));
	}
	for (i = 0; i < m->nentries; i++) {
		const entry *e = &m->entries[i];
		term *t = &m->terms[e->term];
		leaf *l = &m->leaves[e->leaf];
		double w = t->weight * tf_part(m, e->tf, l->len);

		m->post[t->first + t->df].leaf = e->leaf;
		m->post[t->first + t->df].w = (float)w;
		t->df++;
		l->self += w;
	}
	dt__free(m->entries);
	m->entries = NULL;
	m->nentries = m->entrycap = 0;
	return 0;
}

static int has_text(const dt_unit *u)
{
	return dt_unit_heading(u)[0] != '\0' || dt_unit_text(u)[0] != '\0';
}

int dt__matcher_new(dt_matcher **out, const dt_doc *directive, dt_error *err)
{
	dt_matcher *m;
	size_t i;
	int rc;

	DT_ASSERT_ARG(out != NULL && directive != NULL, err);
	*out = NULL;
	m = dt__calloc(1, sizeof(*m));
	if (m == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	m->doc = directive;
	m->lang = dt_doc_lang(directive);
	dt__buf_init(&m->strings, 0);
	rc = dt_tokenizer_new(&m->tok, m->lang, 0, err);
	if (rc == 0) {
		rc = rehash(m) < 0 ?
			dt__fail(err, DT_ENOMEM, 0, 0, "out of memory") : 0;
	}
	for (i = 0; rc == 0 && i < dt_doc_unit_count(directive); i++) {
		const dt_unit *u = dt_doc_unit_at(directive, i);

		if (dt_unit_child_count(u) == 0 && has_text(u)) {
			rc = add_leaf(m, u, err);
		}
	}
	if (rc == 0) {
		rc = finish(m, err);
	}
	if (rc < 0) {
		dt__matcher_free(m);
		return rc;
	}
	*out = m;
	return 0;
}

void dt__matcher_free(dt_matcher *m)
{
	if (m == NULL) {
		return;
	}
	dt_tokenizer_free(m->tok);
	dt__buf_dispose(&m->strings);
	dt__free(m->terms);
	dt__free(m->slots);
	dt__free(m->post);
	dt__free(m->leaves);
	dt__free(m->bag);
	dt__free(m->entries);
	dt__free(m->acc);
	dt__free(m->touched);
	dt__free(m);
}

/* ## Queries */

/* Query callback: each distinct known term once, with where it was
 * written; unknown terms only add to the query's own weight. */
static int query_term(const char *s, size_t len, size_t start, size_t end,
	void *payload)
{
	dt_matcher *m = payload;
	uint32_t id = lookup(m, s, len);

	if (id == UINT32_MAX) {
		m->qunknown += class_weight(m, s, len) * m->idf_unknown;
		return 0;
	}
	return bag_put(m, id, start, end) == SIZE_MAX ? DT_ENOMEM : 0;
}

/* Add the postings of every query term into the accumulators. */
static double accumulate(dt_matcher *m)
{
	double qself = m->qunknown;
	size_t i, k;

	m->ntouched = 0;
	for (i = 0; i < m->nbag; i++) {
		const term *t = &m->terms[m->bag[i].id];

		qself += t->weight;
		for (k = t->first; k < t->first + t->df; k++) {
			const posting *p = &m->post[k];

			if (m->acc[p->leaf] == 0) {
				m->touched[m->ntouched++] = p->leaf;
			}
			m->acc[p->leaf] += p->w;
		}
	}
	return qself;
}

static double normalize(const dt_matcher *m, uint32_t l, double qself)
{
	double rd = m->acc[l] / m->leaves[l].self;
	double rq = qself > 0 ? m->acc[l] / qself : 0;

	rd = rd > 1 ? 1 : rd;
	rq = rq > 1 ? 1 : rq;
	switch (P.norm) {
	case 1:
		return sqrt(rd * rq);
	case 2:
		return rd + rq > 0 ? 2 * rd * rq / (rd + rq) : 0;
	case 3:
		return pow(rd, P.alpha) * pow(rq, 1 - P.alpha);
	default:
		return rd;
	}
}

/* The weight term `id` adds to leaf `l` (0 when the leaf lacks it):
 * a binary search of the term's postings, which are in leaf order. */
static double weight_in(const dt_matcher *m, uint32_t id, uint32_t l)
{
	const term *t = &m->terms[id];
	size_t lo = t->first, hi = t->first + t->df;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->post[mid].leaf < l) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo < t->first + t->df && m->post[lo].leaf == l ?
		m->post[lo].w : 0;
}

enum { EVIDENCE_TERMS = 6 };

/* Append the span of bagged term `b` to `out` as written, runs of white
 * space as one space; 0, or -1 when it does not fit. */
static int put_surface(char *out, size_t cap, size_t *len, const bagged *b)
{
	size_t need = *len ? 2 : 0, i, at;

	for (i = b->start; i < b->end; i++) {
		need++;
	}
	if (*len + need + 1 > cap) {
		return -1;
	}
	at = *len;
	if (at > 0) {
		out[at++] = ';';
		out[at++] = ' ';
	}
	for (i = b->start; i < b->end; i++) {
		unsigned char c = (unsigned char)b->text[i];
		int space = c == ' ' || c == '\n' || c == '\t';

		if (!space || out[at - 1] != ' ') {
			out[at++] = space ? ' ' : (char)c;
		}
	}
	out[at] = '\0';
	*len = at;
	return 0;
}

/* True when bagged term `b` lies inside one already listed (a syllable
 * of a listed bigram adds nothing to the evidence). */
static int inside(const dt_matcher *m, const size_t *list, size_t n,
	const bagged *b)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const bagged *o = &m->bag[list[i]];

		if (o->text == b->text && o->start <= b->start &&
			b->end <= o->end) {
			return 1;
		}
	}
	return 0;
}

/* The query terms that weigh most in leaf `l`, as written. */
static void evidence(const dt_matcher *m, uint32_t l, dt_match *out)
{
	size_t top[EVIDENCE_TERMS], ntop = 0, listed[EVIDENCE_TERMS];
	double w[EVIDENCE_TERMS];
	size_t i, k, nlisted = 0, len = 0;

	for (i = 0; i < m->nbag; i++) {
		double x = weight_in(m, m->bag[i].id, l);

		for (k = ntop; x > 0 && k > 0 && w[k - 1] < x; k--) {
			if (k < EVIDENCE_TERMS) {
				top[k] = top[k - 1];
				w[k] = w[k - 1];
			}
		}
		if (x > 0 && k < EVIDENCE_TERMS) {
			top[k] = i;
			w[k] = x;
			ntop += ntop < EVIDENCE_TERMS;
		}
	}
	out->evidence[0] = '\0';
	for (i = 0; i < ntop; i++) {
		const bagged *b = &m->bag[top[i]];

		if (inside(m, listed, nlisted, b)) {
			continue;
		}
		if (put_surface(out->evidence, sizeof(out->evidence), &len,
			    b) < 0) {
			break;
		}
		listed[nlisted++] = top[i];
	}
}

/* Keep the `max` best candidates in out[] (insertion, best first). */
static void keep(dt_match *out, size_t max, size_t *n, const dt_unit *u,
	double score)
{
	size_t k = *n < max ? (*n)++ : max;

	while (k > 0 && out[k - 1].score < score) {
		if (k < max) {
			out[k] = out[k - 1];
		}
		k--;
	}
	if (k < max) {
		out[k].target = u;
		out[k].score = score;
		out[k].evidence[0] = '\0';
	}
}

/* Score the bag against every touched leaf and pick the best. */
static void rank(dt_matcher *m, double min_score, dt_match *out,
	size_t max, size_t *n_out)
{
	double qself = accumulate(m);
	size_t i, k;

	for (i = 0; i < m->ntouched; i++) {
		uint32_t l = m->touched[i];
		double s = normalize(m, l, qself);

		if (s >= min_score && max > 0) {
			keep(out, max, n_out, m->leaves[l].unit, s);
		}
	}
	for (k = 0; k < *n_out; k++) {
		for (i = 0; i < m->ntouched; i++) {
			if (m->leaves[m->touched[i]].unit == out[k].target) {
				evidence(m, m->touched[i], &out[k]);
				break;
			}
		}
	}
	for (i = 0; i < m->ntouched; i++) {
		m->acc[m->touched[i]] = 0;
	}
}

int dt__matcher_query(dt_matcher *m, const dt_unit *u, dt_lang lang,
	double min_score, dt_match *out, size_t max, size_t *n_out,
	dt_error *err)
{
	int rc;

	DT_ASSERT_ARG(m != NULL && u != NULL && n_out != NULL &&
		(out != NULL || max == 0), err);
	*n_out = 0;
	if (lang != m->lang || m->nleaves == 0) {
		return 0;
	}
	next_serial(m);
	m->qunknown = 0;
	rc = run(m, dt_unit_heading(u), query_term, err);
	if (rc == 0) {
		rc = run(m, dt_unit_text(u), query_term, err);
	}
	if (rc < 0 || m->nbag < P.min_terms) {
		return rc;
	}
	rank(m, min_score, out, max, n_out);
	return 0;
}
