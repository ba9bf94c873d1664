/*
 * match_docfactor.c - the document factor: is the local document about
 * the directive's subject?
 *
 * A plan for flood prevention shares "cơ quan, đơn vị, địa phương" and
 * "hoàn thành trước ngày" with a regulation on Party cells, and a decree
 * on a yard contest shares "в течение трех дней с момента поступления"
 * with one on citizens' appeals: paragraph by paragraph, they look like
 * paraphrases.  What gives them away is the document as a whole: the
 * cosine of its term counts with the directive's is 0.2-0.3, where
 * documents that implement the directive score 0.5-0.8.  The cosine
 * becomes a factor on every score of the document, 0 below DOC_COS_LO
 * and 1 above DOC_COS_HI.  Only terms that say what a text is about
 * count: Vietnamese bigrams (syllables are too ambiguous), Russian stems,
 * no numbers and no generic terms.
 */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "match_internal.h"

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

static int topical(const dt_matcher *m, const dt_match_term *t)
{
	const char *s = m->strings.data + t->off;

	return !t->generic && !is_number(s, t->len) && !t->syllable;
}

/* Counting callback: the index's terms in the directive (dtf) or in a
 * local document (ltf, with the list of terms to reset after, and the
 * unit's bag of distinct terms for its query). */
static int count_term(const char *s, size_t len, uint32_t hash,
	size_t start, size_t end, void *payload)
{
	dt_matcher *m = payload;
	uint32_t id = dt__match_lookup(m, s, len, hash);

	if (id == UINT32_MAX) {
		return 0;
	}
	if (!m->local) {
		m->terms[id].dtf += 1;
		return 0;
	}
	if (m->inbag[id].ltf == 0) {
		if (m->nlterms >= m->ltermcap &&
			dt__match_grow((void **)&m->lterms, &m->ltermcap,
				m->nlterms + 1, sizeof(*m->lterms)) < 0) {
			return DT_ENOMEM;
		}
		m->lterms[m->nlterms++] = id;
	}
	m->inbag[id].ltf += 1;
	if (m->record_occ) {
		if (m->nuocc >= m->uocccap &&
			dt__match_grow((void **)&m->uocc, &m->uocccap,
				m->nuocc + 1, sizeof(*m->uocc)) < 0) {
			return DT_ENOMEM;
		}
		if (m->nuocc > 0 && m->uocc[m->nuocc - 1].text == m->text_now &&
			m->uocc[m->nuocc - 1].start > start) {
			m->occ_unsorted = 1; /* dt__match_part_bag walks all */
		}
		m->uocc[m->nuocc++] =
			(dt_match_bagged){id, 0, start, end, m->text_now};
	}
	return dt__match_bag_put(m, id, start, end) == SIZE_MAX ? DT_ENOMEM : 0;
}

/* The directive's term vector, over the heading and text of every unit
 * (the preamble and the definitions say what it is about too). */
int dt__match_directive_vector(dt_matcher *m, dt_error *err)
{
	double sum = 0;
	size_t i;
	int rc = 0;

	m->local = 0;
	for (i = 0; rc == 0 && i < dt_doc_unit_count(m->doc); i++) {
		rc = dt__match_run_unit(
			m, dt_doc_unit_at(m->doc, i), count_term, err);
	}
	m->tdtf = rc == 0 ? dt__reallocarray(NULL, m->nterms + 1,
		sizeof(*m->tdtf)) : NULL;
	if (rc == 0 && m->tdtf == NULL) {
		return dt__match_oom(err);
	}
	for (i = 0; rc == 0 && i < m->nterms; i++) {
		dt_match_term *t = &m->terms[i];

		t->topical = topical(m, t); /* once, not per local document */
		sum += t->topical ? (double)t->dtf * t->dtf : 0;
		m->tdtf[i] = t->topical ? t->dtf : -1; /* a count: >= 0 */
	}
	m->dnorm = sqrt(sum);
	return rc;
}

/* The document that holds `u`: a root unit is the `root` member of its
 * dt_doc (internal.h). */
static const dt_doc *doc_of(const dt_unit *u)
{
	while (u->parent != NULL) {
		u = u->parent;
	}
	return (const dt_doc *)(const void *)((const char *)u -
					      offsetof(dt_doc, root));
}

/* Count the terms of unit `u` of a local document and keep its bag
 * (the distinct known terms, first place written) for its query: the
 * tokenizer then runs once per unit.  A document too large to keep
 * (UCACHE_*) keeps none (nuruns SIZE_MAX until the end of the count):
 * its queries tokenize their units. */
static int count_unit(dt_matcher *m, const dt_unit *u, dt_error *err)
{
	struct dt_match_unitrun *run;
	int rc;

	size_t occ_at = m->nuocc;

	dt__match_next_serial(m);
	m->record_occ = m->nuruns != SIZE_MAX &&
			strstr(dt_unit_text(u), "\n\n") != NULL;
	m->occ_unsorted = 0;
	rc = dt__match_run_unit(m, u, count_term, err);
	m->record_occ = 0;
	if (rc < 0 || m->nuruns == SIZE_MAX) {
		return rc;
	}
	if (m->nucache + m->nbag + m->nuocc > UCACHE_TERMS ||
		m->nuruns >= UCACHE_UNITS) {
		m->nuruns = SIZE_MAX; /* too large: keep nothing */
		return 0;
	}
	if (dt__match_grow((void **)&m->uruns, &m->uruncap, m->nuruns + 1,
		    sizeof(*m->uruns)) < 0 ||
		dt__match_grow((void **)&m->ucache, &m->ucachecap,
			m->nucache + m->nbag, sizeof(*m->ucache)) < 0) {
		return dt__match_oom(err);
	}
	run = &m->uruns[m->nuruns++];
	*run = (struct dt_match_unitrun){u, m->nucache, m->nbag, occ_at,
		m->nuocc - occ_at, m->nuocc > occ_at, !m->occ_unsorted};
	if (m->nbag > 0) {
		memcpy(m->ucache + m->nucache, m->bag,
			m->nbag * sizeof(*m->bag));
	}
	m->nucache += m->nbag;
	return 0;
}

/* The kept run of unit u, or NULL.  The review asks in document order,
 * and the paragraphs of a unit one after another: look at the last
 * run found, then onwards. */
static const struct dt_match_unitrun *find_run(dt_matcher *m,
	const dt_unit *u)
{
	size_t i, j;

	if (m->urun_next > 0 && m->urun_next <= m->nuruns &&
		m->uruns[m->urun_next - 1].unit == u) {
		return &m->uruns[m->urun_next - 1];
	}
	for (j = 0; j < m->nuruns; j++) {
		i = (m->urun_next + j) % m->nuruns;
		if (m->uruns[i].unit == u) {
			m->urun_next = i + 1;
			return &m->uruns[i];
		}
	}
	return NULL;
}

int dt__match_unit_bag(dt_matcher *m, const dt_unit *u)
{
	const struct dt_match_unitrun *run = find_run(m, u);
	size_t k;

	if (run == NULL) {
		return 0;
	}
	dt__match_next_serial(m);
	if (dt__match_grow((void **)&m->bag, &m->bagcap, run->n,
		    sizeof(*m->bag)) < 0) {
		return DT_ENOMEM;
	}
	for (k = 0; k < run->n; k++) {
		const dt_match_bagged *b = &m->ucache[run->at + k];

		m->inbag[b->id].mark = m->serial;
		m->inbag[b->id].pos = (uint32_t)k;
		m->bag[k] = *b;
	}
	m->nbag = run->n;
	return 1;
}

/* Put the kept occurrences uocc[from, to) into the bag, in order. */
static int put_occ(dt_matcher *m, size_t from, size_t to)
{
	size_t k;

	for (k = from; k < to; k++) {
		const dt_match_bagged *b = &m->uocc[k];

		m->text_now = b->text;
		if (dt__match_bag_put(m, b->id, b->start, b->end) == SIZE_MAX) {
			return DT_ENOMEM;
		}
	}
	return 0;
}

/* The first of the occurrences uocc[lo, hi) of one text that starts at
 * `at` or after (their starts never decrease: run->sorted). */
static size_t first_at(const dt_matcher *m, size_t lo, size_t hi, size_t at)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->uocc[mid].start < at) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo;
}

/* A paragraph query's occurrences, from a unit's kept ones: those of
 * the heading (written first), then of text[0, title), then of
 * text[start, end), each a run of the list, in the order written (the
 * linear walk took them so, one test per occurrence of the whole unit:
 * a unit of n paragraphs cost n walks of all of them).  The runs are
 * found by binary search, as the starts of a text's occurrences never
 * decrease (checked when kept: run->sorted; else every one is
 * tested). */
int dt__match_part_bag(dt_matcher *m, const dt_unit *u, size_t title,
	size_t start, size_t end)
{
	const struct dt_match_unitrun *run = find_run(m, u);
	const char *text = dt_unit_text(u);
	size_t k, h, t, p, last;
	int rc;

	if (run == NULL || !run->has_occ) {
		return 0;
	}
	dt__match_next_serial(m);
	last = run->occ_at + run->occ_n;
	if (!run->sorted) {
		for (k = run->occ_at; k < last; k++) {
			const dt_match_bagged *b = &m->uocc[k];

			if ((b->text != text || b->start < title ||
				    (b->start >= start && b->start < end)) &&
				put_occ(m, k, k + 1) < 0) {
				return DT_ENOMEM;
			}
		}
		return 1;
	}
	for (h = run->occ_at; h < last && m->uocc[h].text != text; h++) {
	}
	t = first_at(m, h, last, title);
	p = first_at(m, t, last, start);
	rc = put_occ(m, run->occ_at, t);
	if (rc == 0) {
		rc = put_occ(m, p, first_at(m, p, last, end));
	}
	return rc < 0 ? rc : 1;
}

/* The cosine of the term vector of `doc` with the directive's, as a
 * factor in [0,1]. */
static int local_factor(
	dt_matcher *m, const dt_doc *doc, double *out, dt_error *err)
{
	double dot = 0, sum = 0, cosine;
	size_t i;
	int rc = 0;

	m->local = 1;
	m->nuruns = m->nucache = m->urun_next = m->nuocc = 0;
	for (i = 0; rc == 0 && i < dt_doc_unit_count(doc); i++) {
		rc = count_unit(m, dt_doc_unit_at(doc, i), err);
	}
	if (rc < 0 || m->nuruns == SIZE_MAX) {
		m->nuruns = m->nucache = m->nuocc = 0;
	}
	for (i = 0; i < m->nlterms; i++) {
		float *ltf = &m->inbag[m->lterms[i]].ltf;
		float dtf = m->tdtf[m->lterms[i]]; /* -1: not topical */

		if (dtf >= 0) {
			dot += (double)*ltf * dtf;
			sum += (double)*ltf * *ltf;
		}
		*ltf = 0;
	}
	m->nlterms = 0;
	cosine = sum > 0 && m->dnorm > 0 ? dot / (sqrt(sum) * m->dnorm) : 0;
	cosine = (cosine - DOC_COS_LO) / (DOC_COS_HI - DOC_COS_LO);
	*out = cosine < 0 ? 0 : cosine > 1 ? 1 : cosine;
	return rc;
}

/* What tells local documents apart between queries besides their
 * address (a freed document's address can come back holding another):
 * the number of units and the length and first bytes of the text of the
 * first and last (bounded, so that a query stays cheap). */
static uint32_t doc_signature(const dt_doc *doc)
{
	size_t n = dt_doc_unit_count(doc), k;
	uint32_t h = (uint32_t)n * 2654435761u;

	for (k = 0; k < 2 && n > 0; k++) {
		const char *t =
			dt_unit_text(dt_doc_unit_at(doc, k ? n - 1 : 0));
		size_t len = strlen(t);

		h = h * 31u + (uint32_t)len;
		h = h * 31u + dt__match_hash(t, len < 64 ? len : 64);
	}
	return h;
}

void dt__matcher_doc_begin(dt_matcher *m)
{
	m->last_doc = NULL;
}

/* Computed once per document: the review queries the units of a
 * document one after another. */
int dt__match_doc_factor(
	dt_matcher *m, const dt_unit *u, double *out, dt_error *err)
{
	const dt_doc *doc = doc_of(u);
	uint32_t sig = doc_signature(doc);
	int rc;

	if (doc == m->last_doc && sig == m->last_sig) {
		*out = m->last_factor;
		return 0;
	}
	rc = local_factor(m, doc, out, err);
	m->last_doc = rc == 0 ? doc : NULL;
	m->last_sig = sig;
	m->last_factor = *out;
	return rc;
}
