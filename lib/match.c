/*
 * match.c - implicit links: a local unit that implements a directive's
 * clause without citing it, found by BM25 over an inverted index of the
 * directive's leaf units.
 *
 * Index.  Leaves that oblige someone (dt__obligation_of: no scope,
 * definitions, entry into force, preamble), each as its heading and own
 * text plus, at weight 0.3, its ancestors' headings and lead-ins ("Bí
 * thư chi bộ có trách nhiệm:" before a point).  Terms are the
 * tokenizer's: Vietnamese bigrams (weight 1) and syllables (0.5), Russian
 * stems; administrative boilerplate (generic_*[]) weighs half.
 *
 * Score.  A query is the set of distinct terms of a local unit's heading
 * and text; it reads only the postings of those terms.  With raw(q, l)
 * its BM25 score against leaf l (k1 1.2, b 0.75, Lucene IDF),
 *     score = raw(q, l) / raw(l, l) * doc factor,
 * the share of the leaf's own BM25 weight the unit covers: in [0,1], and
 * the same scale for a 3-word point and a 30-word clause, in Vietnamese
 * and in Russian (other normalizations measured worse, below).  The doc
 * factor (section "Is the local document about…") is 0 for documents on
 * another subject.  A unit keeps only matches within 0.9 of its best (a
 * paragraph implements one clause; near ties stay); a preamble paragraph
 * of a local document, or a unit of fewer than 3 known terms, matches
 * nothing.
 *
 * Calibration, on the dev split only, with a throwaway harness: every
 * local unit with text of every dev document was queried against its
 * section's directive (corpus/<set>/gold.tsv); matches to units the unit
 * cites explicitly were dropped, as the review does; the rest were
 * scored as implicit links by DESIGN §4 ("file": (unit, file) pairs,
 * ancestors count, a link into a nolinks file is wrong) and, stricter,
 * by the gold line lying inside the unit ("line").  Dev holds 20 gold
 * implicit links (vi 17, ru 3, mixed 0):
 *
 *     threshold   .10  .15  .18  .20  .22  .25  .30  .40
 *     file  P     .41  .55  .67  .73  .76  .73  .86 1.00
 *           R     .95  .85  .80  .80  .80  .65  .40  .35
 *           F1    .58  .67  .73  .76  .78  .69  .55  .52
 *     line  F1    .39  .49  .54  .55  .59  .55  .41  .41
 *
 * DT_MATCH_DEFAULT_MIN_SCORE is 0.20: the plateau is .19-.22 and F1
 * falls off a cliff above .22, so the lower end is the safer side.  Each
 * design choice was kept by average precision over all thresholds (file
 * measure; the final design .79, best F1 .78): without the doc factor
 * .62; indexing all leaves .52; no generic weights .74; no relative cut
 * .65; score sqrt(share of leaf * share of query) .66, their harmonic
 * mean .70; no context .67, context at full weight .77; syllables at
 * weight 1 .82 (F1 .77: a tie, kept at 0.5 as bigrams carry the
 * meaning); scoring paragraphs of a unit apart .77; Russian stem pairs
 * and 4-6 letter stem prefixes were within noise (dropped).
 *
 * Test split, measured once after the choices above, at 0.20 (file
 * measure, as tools/dt-eval.c computes it through the review): mixed
 * P 1 R 1 (no gold implicit link, none predicted), ru P .75 R 1 F1 .86,
 * vi P .38 R 1 F1 .55 (31-QD-TW .44, 07-CT-TW .70); line measure F1 .33.
 * Every gold link is found; the false ones are clauses a plan mirrors
 * ("xây dựng kế hoạch", "tổng hợp, báo cáo" of Tổ chức thực hiện), the
 * runner-up within 0.9 of a unit's best, and a 07-CT-TW plan matched
 * against 31-QD-TW's clauses on party members.
 */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "match.h"

/* ## Constants (each chosen on the dev split; see the note above) */

#define BM25_K1 1.2      /* the usual BM25 saturation */
#define BM25_B 0.75      /* the usual BM25 length normalization */
#define W_SYLLABLE 0.5   /* vi: a syllable weighs half a bigram */
#define W_CONTEXT 0.3    /* ancestor headings and lead-ins of a leaf */
#define W_GENERIC 0.5    /* administrative boilerplate (generic_*[]) */
#define RELATIVE_CUT 0.9 /* keep matches within 90% of the best */
#define DOC_COS_LO 0.3   /* local document cosine: factor 0 below */
#define DOC_COS_HI 0.6   /* ... and factor 1 above */
#define MIN_TERMS 3      /* fewer known terms than this: no match */
#define PREAMBLE_SCAN 64 /* top units looked at to find a preamble */
#define EVIDENCE_TERMS 8 /* terms considered for the evidence */

/* ## Data */

/* A posting: a leaf holding the term and what the term adds to the
 * leaf's BM25 score, which does not depend on the query (a query weighs
 * each distinct term once). */
typedef struct {
	uint32_t leaf;
	float w;
} posting;

typedef struct {
	size_t off, len; /* the term's bytes in strings */
	uint32_t hash;
	double weight; /* class weight, times IDF once indexed */
	posting *post; /* in leaf order; w holds the count while building */
	size_t df, cap;
	uint32_t mark; /* the last bag (serial) that holds it */
	size_t pos;    /* its place in that bag */
	float dtf;     /* occurrences in the directive */
	float ltf;     /* occurrences in a local document (scratch) */
	int generic;   /* administrative boilerplate */
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

struct dt_matcher {
	const dt_doc *doc;
	dt_lang lang;
	dt_tokenizer *tok;
	dt_buf strings;
	term *terms;
	size_t nterms, termcap;
	uint32_t *slots; /* open addressing: term id + 1, 0 empty */
	size_t nslots;
	leaf *leaves;
	size_t nleaves, leafcap;
	double avgdl;
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
	const dt_doc *last_doc;
	uint32_t last_sig;
	double last_factor;
	uint32_t *lterms;
	size_t nlterms, ltermcap;
	int local; /* count_term: counting a local document */
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

static uint32_t *slot_of(
	const dt_matcher *m, const char *s, size_t len, uint32_t h)
{
	size_t i = h & (m->nslots - 1);

	for (;;) {
		uint32_t id = m->slots[i];
		const term *t = id ? &m->terms[id - 1] : NULL;

		if (t == NULL || (t->hash == h && t->len == len &&
					 memcmp(m->strings.data + t->off, s,
						 len) == 0)) {
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

	if (t->mark == m->serial) {
		return t->pos;
	}
	if (grow((void **)&m->bag, &m->bagcap, m->nbag + 1, sizeof(*m->bag)) <
		0) {
		return SIZE_MAX;
	}
	t->mark = m->serial;
	t->pos = m->nbag;
	m->bag[m->nbag] = (bagged){id, 0, start, end, m->text_now};
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

/* Run the tokenizer over the heading, then the text of `u`. */
static int run_unit(
	dt_matcher *m, const dt_unit *u, dt_term_cb cb, dt_error *err)
{
	int rc = run(m, dt_unit_heading(u), cb, err);

	return rc == 0 ? run(m, dt_unit_text(u), cb, err) : rc;
}

/* ## Generic terms
 *
 * Boilerplate any plan or report shares with a directive, whatever its
 * subject: issuing and receiving bodies, the verbs of rolling a document
 * out and reporting on it (DOMAIN.md §5.1-§5.2), time words (§5.3),
 * document words.  A directive may use "kế hoạch" or "в течение" once,
 * so IDF rates them rare; local documents are full of them.  They weigh
 * W_GENERIC, not 0: with the rest of a clause they still count.  Entries
 * go through the tokenizer (a phrase lowers its syllables and bigrams, a
 * Russian form its stem; forms with other stems are listed). */
static const char *const generic_vi[] = {"ban bí thư", "bộ chính trị",
	"ban chấp hành trung ương", "ủy ban nhân dân", "tỉnh ủy", "thành ủy",
	"huyện ủy", "thị ủy", "đảng ủy", "trực thuộc", "ban thường vụ",
	"thường trực", "ban tổ chức", "văn phòng", "cơ quan", "đơn vị",
	"địa phương", "các cấp", "cấp mình", "sở", "ngành", "triển khai",
	"quán triệt", "tuyên truyền", "tổ chức thực hiện", "xây dựng kế hoạch",
	"hướng dẫn", "theo dõi", "đôn đốc", "báo cáo", "tổng hợp", "phối hợp",
	"chủ trì", "tham mưu", "bảo đảm", "đảm bảo", "nâng cao", "tăng cường",
	"kết quả", "nhiệm vụ", "giải pháp", "hiệu quả", "kịp thời", "đầy đủ",
	"nghiêm túc", "cụ thể", "liên quan", "quy định", "nghị quyết",
	"chỉ thị", "văn bản", "điều", "khoản", "ngày", "tháng", "năm", "quý",
	"hằng năm", "hàng năm", "hằng tháng", "định kỳ", "thời gian",
	"thời hạn", "hoàn thành", NULL};

static const char *const generic_ru[] = {"обеспечить обеспечивать обеспечение",
	"осуществлять", "организовать организация", "в течение",
	"день дня дней", "месяц год", "в соответствии", "установленный",
	"необходимый", "мероприятие", "орган органов", "исполнительный",
	"область", "отдел", "министерство", "положение", "постановление",
	"приказ", "статья", "пункт", NULL};

static int generic_term(
	const char *s, size_t len, size_t start, size_t end, void *payload)
{
	dt_matcher *m = payload;
	uint32_t id = lookup(m, s, len);

	(void)start;
	(void)end;
	if (id != UINT32_MAX && !m->terms[id].generic) {
		m->terms[id].generic = 1;
		m->terms[id].weight *= W_GENERIC;
	}
	return 0;
}

/* Lower the weight of the generic terms the directive uses. */
static int mark_generic(dt_matcher *m, dt_error *err)
{
	const char *const *list = m->lang == DT_LANG_VI   ? generic_vi
				  : m->lang == DT_LANG_RU ? generic_ru
							  : NULL;
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && list != NULL && list[i] != NULL; i++) {
		rc = run(m, list[i], generic_term, err);
	}
	return rc;
}

/* ## Building the index */

/* Indexing callback: count the term at the current field weight. */
static int index_term(
	const char *s, size_t len, size_t start, size_t end, void *payload)
{
	dt_matcher *m = payload;
	uint32_t id = intern(m, s, len);
	size_t k = id == UINT32_MAX ? SIZE_MAX : bag_put(m, id, start, end);

	if (k == SIZE_MAX) {
		return DT_ENOMEM;
	}
	m->bag[k].tf += (float)m->weight_now;
	return 0;
}

/* Tokenize leaf `u` into the bag: its own heading and text at weight 1;
 * the headings and texts of its ancestors (the article's heading, a
 * clause's lead-in "Bí thư chi bộ có trách nhiệm:") at W_CONTEXT, as a
 * point means little without them. */
static int bag_leaf(dt_matcher *m, const dt_unit *u, dt_error *err)
{
	const dt_unit *a;
	int rc;

	next_serial(m);
	m->weight_now = 1.0;
	rc = run_unit(m, u, index_term, err);
	m->weight_now = W_CONTEXT;
	for (a = dt_unit_parent(u);
		rc == 0 && a != NULL && dt_unit_parent(a) != NULL;
		a = dt_unit_parent(a)) {
		rc = run_unit(m, a, index_term, err);
	}
	return rc;
}

/* Index leaf `u`: a posting for each term of its bag. */
static int add_leaf(dt_matcher *m, const dt_unit *u, dt_error *err)
{
	leaf *l;
	size_t i;
	int rc = bag_leaf(m, u, err);

	if (rc < 0 || m->nbag == 0) {
		return rc;
	}
	if (m->nleaves >= UINT32_MAX ||
		grow((void **)&m->leaves, &m->leafcap, m->nleaves + 1,
			sizeof(*m->leaves)) < 0) {
		return oom(err);
	}
	l = &m->leaves[m->nleaves];
	*l = (leaf){u, 0, 0};
	for (i = 0; i < m->nbag; i++) {
		term *t = &m->terms[m->bag[i].id];

		if (grow((void **)&t->post, &t->cap, t->df + 1,
			    sizeof(*t->post)) < 0) {
			return oom(err);
		}
		t->post[t->df++] =
			(posting){(uint32_t)m->nleaves, m->bag[i].tf};
		l->len += m->bag[i].tf;
	}
	m->nleaves++;
	return 0;
}

/* Weigh terms by IDF (Lucene's form, never negative) and postings by
 * BM25, and sum each leaf's self-score. */
static int finish(dt_matcher *m, dt_error *err)
{
	double total = 0, n = (double)m->nleaves;
	size_t i, k;

	m->acc = dt__calloc(m->nleaves + 1, sizeof(*m->acc));
	m->touched =
		dt__reallocarray(NULL, m->nleaves + 1, sizeof(*m->touched));
	if (m->acc == NULL || m->touched == NULL) {
		return oom(err);
	}
	for (i = 0; i < m->nleaves; i++) {
		total += m->leaves[i].len;
	}
	m->avgdl = m->nleaves && total > 0 ? total / n : 1.0;
	for (i = 0; i < m->nterms; i++) {
		term *t = &m->terms[i];
		double df = (double)t->df;

		t->weight *= log(1.0 + (n - df + 0.5) / (df + 0.5));
		for (k = 0; k < t->df; k++) {
			posting *p = &t->post[k];
			leaf *l = &m->leaves[p->leaf];
			double norm = 1.0 - BM25_B + BM25_B * l->len / m->avgdl;

			p->w = (float)(t->weight * p->w * (BM25_K1 + 1.0) /
				       (p->w + BM25_K1 * norm));
			l->self += p->w;
		}
	}
	return 0;
}

/* Leaves worth linking to: units without children that have text and
 * oblige someone.  Scope, definitions, entry into force and the
 * preamble (dt__obligation_of) cannot be implemented, and they share
 * the most boilerplate with local preambles. */
static int index_leaves(dt_matcher *m, dt_error *err)
{
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < dt_doc_unit_count(m->doc); i++) {
		const dt_unit *u = dt_doc_unit_at(m->doc, i);
		int ob;

		if (dt_unit_child_count(u) > 0 ||
			(dt_unit_heading(u)[0] == '\0' &&
				dt_unit_text(u)[0] == '\0')) {
			continue;
		}
		ob = dt__obligation_of(u);
		if (ob < 0) {
			/* it fails only when dt_fold cannot allocate (the text
			 * is valid UTF-8), though it returns DT_ERROR then */
			return oom(err);
		}
		rc = ob > 0 ? add_leaf(m, u, err) : 0;
	}
	return rc;
}

/* ## Is the local document about the directive's subject?
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
 * no numbers and no generic terms. */

static int topical(const dt_matcher *m, const term *t)
{
	const char *s = m->strings.data + t->off;

	return !t->generic && !is_number(s, t->len) &&
	       !is_syllable(m, s, t->len);
}

/* Counting callback: the index's terms in the directive (dtf) or in a
 * local document (ltf, with the list of terms to reset after). */
static int count_term(
	const char *s, size_t len, size_t start, size_t end, void *payload)
{
	dt_matcher *m = payload;
	uint32_t id = lookup(m, s, len);

	(void)start;
	(void)end;
	if (id == UINT32_MAX) {
		return 0;
	}
	if (!m->local) {
		m->terms[id].dtf += 1;
		return 0;
	}
	if (m->terms[id].ltf == 0) {
		if (grow((void **)&m->lterms, &m->ltermcap, m->nlterms + 1,
			    sizeof(*m->lterms)) < 0) {
			return DT_ENOMEM;
		}
		m->lterms[m->nlterms++] = id;
	}
	m->terms[id].ltf += 1;
	return 0;
}

/* The directive's term vector, over the heading and text of every unit
 * (the preamble and the definitions say what it is about too). */
static int directive_vector(dt_matcher *m, dt_error *err)
{
	double sum = 0;
	size_t i;
	int rc = 0;

	m->local = 0;
	for (i = 0; rc == 0 && i < dt_doc_unit_count(m->doc); i++) {
		rc = run_unit(m, dt_doc_unit_at(m->doc, i), count_term, err);
	}
	for (i = 0; i < m->nterms; i++) {
		const term *t = &m->terms[i];

		sum += topical(m, t) ? (double)t->dtf * t->dtf : 0;
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

/* The cosine of the term vector of `doc` with the directive's, as a
 * factor in [0,1]. */
static int local_factor(
	dt_matcher *m, const dt_doc *doc, double *out, dt_error *err)
{
	double dot = 0, sum = 0, cosine;
	size_t i;
	int rc = 0;

	m->local = 1;
	for (i = 0; rc == 0 && i < dt_doc_unit_count(doc); i++) {
		rc = run_unit(m, dt_doc_unit_at(doc, i), count_term, err);
	}
	for (i = 0; i < m->nlterms; i++) {
		term *t = &m->terms[m->lterms[i]];

		if (topical(m, t)) {
			dot += (double)t->ltf * t->dtf;
			sum += (double)t->ltf * t->ltf;
		}
		t->ltf = 0;
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
		h = h * 31u + hash_bytes(t, len < 64 ? len : 64);
	}
	return h;
}

/* The factor of the document holding `u`, computed once per document:
 * the review queries the units of a document one after another. */
static int doc_factor(
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

/* ## Life cycle */

int dt__matcher_new(dt_matcher **out, const dt_doc *directive, dt_error *err)
{
	dt_matcher *m;
	int rc;

	DT_ASSERT_ARG(out != NULL && directive != NULL, err);
	*out = NULL;
	m = dt__calloc(1, sizeof(*m));
	if (m == NULL) {
		return oom(err);
	}
	m->doc = directive;
	m->lang = dt_doc_lang(directive);
	dt__buf_init(&m->strings, 0);
	rc = dt_tokenizer_new(&m->tok, m->lang, 0, err);
	if (rc == 0 && rehash(m) < 0) {
		rc = oom(err);
	}
	if (rc == 0) {
		rc = index_leaves(m, err);
	}
	if (rc == 0) {
		rc = mark_generic(m, err);
	}
	if (rc == 0) {
		rc = finish(m, err);
	}
	if (rc == 0) {
		rc = directive_vector(m, err);
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
	size_t i;

	if (m == NULL) {
		return;
	}
	dt_tokenizer_free(m->tok);
	dt__buf_dispose(&m->strings);
	for (i = 0; i < m->nterms; i++) {
		dt__free(m->terms[i].post);
	}
	dt__free(m->terms);
	dt__free(m->slots);
	dt__free(m->leaves);
	dt__free(m->bag);
	dt__free(m->acc);
	dt__free(m->touched);
	dt__free(m->lterms);
	dt__free(m);
}

/* ## Queries */

/* Query callback: each distinct known term once, with its span. */
static int query_term(
	const char *s, size_t len, size_t start, size_t end, void *payload)
{
	dt_matcher *m = payload;
	uint32_t id = lookup(m, s, len);

	if (id == UINT32_MAX) {
		return 0; /* no leaf holds it: it cannot add to any score */
	}
	return bag_put(m, id, start, end) == SIZE_MAX ? DT_ENOMEM : 0;
}

/* Add the postings of the query's terms into the accumulators: the only
 * part of the index a query reads. */
static void accumulate(dt_matcher *m)
{
	size_t i, k;

	m->ntouched = 0;
	for (i = 0; i < m->nbag; i++) {
		const term *t = &m->terms[m->bag[i].id];

		for (k = 0; k < t->df; k++) {
			const posting *p = &t->post[k];

			if (m->acc[p->leaf] == 0) {
				m->touched[m->ntouched++] = p->leaf;
			}
			m->acc[p->leaf] += p->w;
		}
	}
}

/* What term `id` adds to leaf `l` (0 when the leaf lacks it): a binary
 * search of the term's postings, which are in leaf order. */
static double weight_in(const dt_matcher *m, uint32_t id, uint32_t l)
{
	const term *t = &m->terms[id];
	size_t lo = 0, hi = t->df;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->post[mid].leaf < l) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo < t->df && t->post[lo].leaf == l ? t->post[lo].w : 0;
}

/* Append bagged term `b` as written, white space runs as one space,
 * after "; "; -1 when it does not fit in cap bytes with the NUL. */
static int put_surface(char *out, size_t cap, size_t *len, const bagged *b)
{
	size_t at = *len, i;

	if (at + (at ? 2 : 0) + (b->end - b->start) + 1 > cap) {
		return -1;
	}
	if (at > 0) {
		out[at++] = ';';
		out[at++] = ' ';
	}
	for (i = b->start; i < b->end; i++) {
		char c = b->text[i] == '\n' || b->text[i] == '\t' ? ' '
								  : b->text[i];

		if (c != ' ' || (at > 0 && out[at - 1] != ' ')) {
			out[at++] = c;
		}
	}
	out[at] = '\0';
	*len = at;
	return 0;
}

static int syllable_at(const dt_matcher *m, size_t k)
{
	const term *t = &m->terms[m->bag[k].id];

	return is_syllable(m, m->strings.data + t->off, t->len);
}

/* The query terms that weigh most in leaf `l`, as written; Vietnamese
 * syllables only when no bigram is shared ("đảng viên" says it all). */
static void evidence(const dt_matcher *m, uint32_t l, dt_match *out)
{
	size_t top[EVIDENCE_TERMS], n = 0, i, k, len = 0;
	double w[EVIDENCE_TERMS];
	int bigrams = 0;

	for (i = 0; i < m->nbag; i++) {
		double x = weight_in(m, m->bag[i].id, l);

		for (k = n; x > 0 && k > 0 && w[k - 1] < x; k--) {
			if (k < EVIDENCE_TERMS) {
				top[k] = top[k - 1];
				w[k] = w[k - 1];
			}
		}
		if (x > 0 && k < EVIDENCE_TERMS) {
			top[k] = i;
			w[k] = x;
			n += n < EVIDENCE_TERMS;
		}
	}
	for (k = 0; k < n; k++) {
		bigrams |= !syllable_at(m, top[k]);
	}
	out->evidence[0] = '\0';
	for (k = 0; k < n; k++) {
		if ((!bigrams || !syllable_at(m, top[k])) &&
			put_surface(out->evidence, sizeof(out->evidence), &len,
				&m->bag[top[k]]) < 0) {
			break;
		}
	}
}

/* Insert a candidate into out[0..max), best first. */
static void keep(
	dt_match *out, size_t max, size_t *n, const leaf *l, double score)
{
	size_t k = *n < max ? (*n)++ : max;

	for (; k > 0 && out[k - 1].score < score; k--) {
		if (k < max) {
			out[k] = out[k - 1];
		}
	}
	if (k < max) {
		out[k].target = l->unit;
		out[k].score = score;
	}
}

/* Score the touched leaves: the share of a leaf's own BM25 weight that
 * the query covers, times the document factor.  Keep those at least
 * min_score and within RELATIVE_CUT of the best; clear the
 * accumulators. */
static void rank(dt_matcher *m, double factor, double min_score, dt_match *out,
	size_t max, size_t *n_out)
{
	double best = 0;
	size_t i, k;

	for (i = 0; i < m->ntouched; i++) {
		uint32_t l = m->touched[i];

		m->acc[l] = factor * fmin(1.0, m->acc[l] / m->leaves[l].self);
		best = fmax(best, m->acc[l]);
	}
	min_score = fmax(min_score, RELATIVE_CUT * best);
	for (i = 0; i < m->ntouched; i++) {
		uint32_t l = m->touched[i];

		if (m->acc[l] >= min_score && m->acc[l] > 0) {
			keep(out, max, n_out, &m->leaves[l], m->acc[l]);
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

/* A paragraph or bullet at the top of a local document before its first
 * numbered part ("Căn cứ …", "Thực hiện Quy định số …", "В соответствии
 * с …"): the basis of the document, which implements nothing.  Only the
 * first PREAMBLE_SCAN top units are looked at, so a query stays cheap. */
static int is_preamble(const dt_unit *u)
{
	const dt_unit *root = u->parent;
	size_t i;
	int seen = 0;

	if (root == NULL || root->parent != NULL ||
		(u->kind != DT_KIND_BLOCK && u->kind != DT_KIND_ITEM)) {
		return 0;
	}
	for (i = 0; i < root->nchildren && i < PREAMBLE_SCAN; i++) {
		const dt_unit *c = root->children[i];

		if (c->kind != DT_KIND_BLOCK && c->kind != DT_KIND_ITEM) {
			return seen;
		}
		seen = seen || c == u;
	}
	return 0;
}

int dt__matcher_query(dt_matcher *m, const dt_unit *u, dt_lang lang,
	double min_score, dt_match *out, size_t max, size_t *n_out,
	dt_error *err)
{
	double factor = 0;
	int rc;

	DT_ASSERT_ARG(m != NULL && u != NULL && n_out != NULL &&
			      (out != NULL || max == 0),
		err);
	*n_out = 0;
	if (lang != m->lang || m->nleaves == 0 || max == 0 || is_preamble(u)) {
		return 0; /* another language cannot match word for word */
	}
	rc = doc_factor(m, u, &factor, err);
	if (rc < 0 || factor == 0) {
		return rc;
	}
	next_serial(m);
	rc = run_unit(m, u, query_term, err);
	if (rc < 0 || m->nbag < MIN_TERMS) {
		return rc;
	}
	accumulate(m);
	rank(m, factor, min_score, out, max, n_out);
	return 0;
}
