/*
 * match_internal.h - the state of a dt_matcher, shared by the files of
 * the implicit-link matcher and private to match*.c: the vocabulary, its
 * bags and the tokenizer glue (match_vocab.c), building the index
 * (match_index.c), the per-local-document factor (match_docfactor.c), the
 * sums of a dense query (match_dense.c), and the life cycle, queries and
 * evidence (match.c, whose opening comment says how the constants below
 * were chosen).
 *
 * Functions that may fail return 0 or a negative dt_status.
 */
#ifndef DT_MATCH_INTERNAL_H
#define DT_MATCH_INTERNAL_H

#include "match.h"
#include "match_terms.h"
#include "short_bytes.h"

/* ## Constants (each chosen on the dev split; see match.c) */

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
/* Speed, not results: a term in at least 1/ROW_SHARE of the leaves also
 * gets a dense row (match.c, "Dense queries") */
#define ROW_SHARE 4
/* Memory, not results: the unit bags a local document may keep (at 40
 * bytes a term, 40 MB; match_docfactor.c) */
#define UCACHE_TERMS ((size_t)1 << 20)
#define UCACHE_UNITS ((size_t)1 << 18)

/* ## Data */

/* A posting: a leaf holding the term and what the term adds to the
 * leaf's BM25 score, which does not depend on the query (a query weighs
 * each distinct term once). */
typedef struct {
	uint32_t leaf;
	float w;
} dt_match_posting;

/* An entry of the forward index: a term of a leaf and its weight there
 * (the posting's w). */
typedef struct {
	uint32_t term;
	float w;
} dt_match_entry;

typedef struct {
	size_t off, len; /* the term's bytes in strings */
	uint32_t hash;
	double weight;          /* class weight, times IDF once indexed */
	dt_match_posting *post; /* in leaf order; w holds the count while
				 * building */
	size_t df, cap;
	float dtf;    /* occurrences in the directive */
	int generic;  /* administrative boilerplate */
	int syllable; /* dt__match_is_syllable() of its bytes */
	int topical;  /* counts for the document factor (set by
		       * dt__match_directive_vector) */
	double *row;  /* a term in many leaves: its weight in every leaf,
		       * 0 where absent (in dt_matcher.rows; NULL else) */
	size_t at;    /* its postings in dt_matcher.pleaf and .pw */
} dt_match_term;

typedef struct {
	const dt_unit *unit;
	double len;  /* field-weighted term count */
	double self; /* BM25 of the leaf's own terms against the leaf */
} dt_match_leaf;

/* A term of the leaf being indexed, or a distinct term of a query with
 * where it was written (or of a local unit, kept by the document factor
 * for the unit's query). */
typedef struct {
	uint32_t id;
	float tf;
	size_t start, end;
	const char *text;
} dt_match_bagged;

/* A leaf that passes, with its score and the bag place of its first
 * query term (the order accumulate() touches leaves in). */
typedef struct {
	double score;
	size_t first;
	uint32_t leaf;
} dt_match_passed;

/* A local unit's terms in dt_matcher.ucache: [at, at + n); for a unit
 * of several paragraphs also every known term written, in order, in
 * dt_matcher.uocc: [occ_at, occ_at + occ_n). */
struct dt_match_unitrun {
	const dt_unit *unit;
	size_t at, n;
	size_t occ_at, occ_n;
	int has_occ;
	int sorted; /* the starts of a text's occurrences never decrease */
};

/* A slot of the vocabulary: the term's hash, length and (up to 16
 * bytes) bytes beside its id, so that a probe finds a short term in one
 * cache line, without loading the term or its bytes. */
struct dt_match_slot {
	uint32_t hash;
	uint32_t id; /* term id + 1; 0 empty */
	uint32_t len;
	uint64_t x, y; /* a term of up to 16 bytes: its bytes
			* (dt__short_words), compared in the slot */
};

/* Where a term's bytes are, apart from the term (dt_matcher.keys, by term
 * id) for the same reason: a probe that meets the hash compares the
 * bytes without loading the term. */
struct dt_match_key {
	size_t off, len;
};

/* Whether a term is in the current bag, and where, and its count in the
 * local document: apart from the term (dt_matcher.inbag, by term id), as
 * every word of a local document, every query term and the terms of
 * every leaf that passes look it up, and 12 bytes a term stay in
 * cache. */
struct dt_match_inbag {
	uint32_t mark; /* the last bag (serial) that holds it */
	uint32_t pos;  /* its place in that bag */
	float ltf;     /* occurrences in a local document (scratch) */
};

/* What the dense query reads of a term, by term id (dt_matcher.qterms):
 * a query walks its terms in bag order, and the 24 bytes of each stay in
 * cache where the whole term would not. */
struct dt_match_qterm {
	const double *row; /* dt_match_term.row */
	const double *rbm; /* its block maxima in dt_matcher.rbmax (NULL
			    * without a row) */
	size_t at, df;     /* its postings in pleaf and pw */
};

struct dt_matcher {
	const dt_doc *doc;
	dt_lang lang;
	dt_tokenizer *tok;
	dt_buf strings;
	dt_match_term *terms;
	size_t nterms, termcap;
	struct dt_match_inbag *inbag; /* termcap of them */
	size_t inbagcap;
	struct dt_match_key *keys; /* nterms of them */
	size_t keycap;
	struct dt_match_slot *slots; /* open addressing */
	size_t nslots;
	dt_match_leaf *leaves;
	size_t nleaves, leafcap;
	/* the forward index: leaf l's terms are fwd[fwd_at[l] ..
	 * fwd_at[l + 1]), heaviest first (by term when not positive) */
	dt_match_entry *fwd;
	size_t *fwd_at;
	double avgdl;
	/* the current bag (a leaf being indexed or a query) */
	uint32_t serial;
	double weight_now;
	const char *text_now;
	dt_match_bagged *bag;
	size_t nbag, bagcap;
	/* the postings again, for the dense query: term t's leaves are
	 * pleaf[t.at .. t.at + t.df) and their weights, as doubles, pw[…] */
	uint32_t *pleaf;
	double *pw;
	struct dt_match_qterm *qterms; /* nterms of them */
	size_t npost_total;
	/* the dense rows of the terms in many leaves, rowlen each */
	double *rows;
	size_t rowlen;        /* nleaves rounded up to a multiple of 16 */
	const double **qrows; /* scratch: the rows of a query's terms */
	double *bmax; /* scratch: the top share of each block of 16 leaves
		       * (-1: not summed, none near the best) */
	double *rbmax; /* per row, its largest w * inv_self in each block
			* of 16 leaves (nbpad each, 0 past the blocks) */
	size_t nbpad;  /* the blocks rounded up to a multiple of 4 */
	const double **qrbm; /* scratch: the block maxima of qrows */
	double *bub;   /* scratch: a bound of each block's top share
			* (nbpad) */
	int exact;    /* every sum of a leaf's weights is exact in a double,
		       * in any order (match_index.c): fill() may regroup */
	/* query scratch: per-leaf accumulators (rowlen), cleared after each
	 * query */
	double *acc;
	uint32_t *touched;
	size_t ntouched;
	int positive;     /* every weight is positive and finite: the
			   * dense query may run (match.c) */
	size_t dense_min; /* a query of this many postings or more runs
			   * dense: nleaves (tests move it) */
	double *inv_self; /* per leaf: 1 / self (rowlen, 0 after nleaves) */
	double *qweight;  /* by term id: its weight (class weight times IDF),
			   * what it counts for in a query's share */
	double min_share; /* dt__matcher_set_min_share() */
	double *fwd_rest; /* per fwd entry: the qweights of it and of the
			   * entries after it in its leaf */
	uint32_t *cand;   /* leaves near the best */
	size_t ncand;
	dt_match_passed *passed; /* the leaves that pass */
	/* the local document's units and their distinct known terms, in
	 * document order, kept by the document factor for the queries */
	dt_match_bagged *ucache;
	size_t nucache, ucachecap;
	struct dt_match_unitrun *uruns;
	size_t nuruns, uruncap, urun_next;
	dt_match_bagged *uocc; /* the terms of units of several paragraphs,
				* every place written (their paragraphs'
				* queries) */
	size_t nuocc, uocccap;
	int record_occ;        /* counting such a unit now */
	int occ_unsorted;      /* a start of its text went back */
	/* the topic test: the directive's term vector, and the local
	 * document of the last query with its factor */
	double dnorm;
	const dt_doc *last_doc;
	uint32_t last_sig;
	double last_factor;
	uint32_t *lterms;
	size_t nlterms, ltermcap;
	float *tdtf; /* by term id: dtf when topical, -1 when not: all the
		      * document factor reads of a term, 4 bytes, where
		      * dt_match_term is 100 (a miss per distinct term of
		      * every local document) */
	int local; /* count_term: counting a local document */
};

/* ## Vocabulary, bags and tokenizer runs (match_vocab.c) */

/** A hash of s[0..len), eight bytes a step (the document signature's;
 * terms are hashed by dt__term_hash, match_terms.h). */
uint32_t dt__match_hash(const char *s, size_t len);

/** Make room for `need` elements of `size` bytes in *v (capacity *cap);
 * DT_ENOMEM (without a message) when out of memory. */
int dt__match_grow(void **v, size_t *cap, size_t need, size_t size);

/** Fill `err` for an allocation failure; returns DT_ENOMEM. */
int dt__match_oom(dt_error *err);

/** A Vietnamese bigram ("đảng viên") has a space; a syllable has none. */
int dt__match_is_syllable(const dt_matcher *m, const char *s, size_t len);

/** Double the slot table (at most half full, so probes stay short); the
 * first call makes the empty table.  DT_ENOMEM without a message. */
int dt__match_rehash(dt_matcher *m);

/** The id of term s[0..len) (hash h: dt__term_hash), added when new;
 * UINT32_MAX when out of memory. */
uint32_t dt__match_intern(
	dt_matcher *m, const char *s, size_t len, uint32_t h);

/* The lookup and the bag's put are inline: every term of every local
 * document goes through both (vi-100: 24 million), and the calls cost a
 * fifth of them. */

/** The slot of s[0..len) (hash h): the one holding it, or the empty one
 * where it goes.  The table is never full (dt__match_intern keeps it at
 * most half full), so the probe ends. */
static inline struct dt_match_slot *dt__match_slot_of(
	const dt_matcher *m, const char *s, size_t len, uint32_t h)
{
	size_t i = h & (m->nslots - 1);
	uint64_t x = 0, y = 0;

	if (len <= 16) {
		dt__short_words(s, len, &x, &y);
	}
	for (;;) {
		struct dt_match_slot *slot = &m->slots[i];

		if (slot->id == 0) {
			return slot;
		}
		if (slot->hash == h && slot->len == len &&
			(len <= 16 ? slot->x == x && slot->y == y
				   : memcmp(m->strings.data +
						     m->keys[slot->id - 1].off,
					     s, len) == 0)) {
			return slot;
		}
		i = (i + 1) & (m->nslots - 1);
	}
}

/** The id of term s[0..len) (hash h: dt__term_hash); UINT32_MAX when no
 * leaf holds it. */
static inline uint32_t dt__match_lookup(
	const dt_matcher *m, const char *s, size_t len, uint32_t h)
{
	uint32_t id = dt__match_slot_of(m, s, len, h)->id;

	return id == 0 ? UINT32_MAX : id - 1;
}

/** Start a new bag: a serial no term has seen (marks reset on wrap). */
void dt__match_next_serial(dt_matcher *m);

/** dt__match_bag_put() when the bag is full: grow it first. */
size_t dt__match_bag_grow_put(
	dt_matcher *m, uint32_t id, size_t start, size_t end);

/** Put term `id` into the bag once; return its place, or SIZE_MAX when
 * out of memory. */
static inline size_t dt__match_bag_put(
	dt_matcher *m, uint32_t id, size_t start, size_t end)
{
	struct dt_match_inbag *t = &m->inbag[id];

	if (t->mark == m->serial) {
		return t->pos;
	}
	if (m->nbag >= m->bagcap) {
		return dt__match_bag_grow_put(m, id, start, end);
	}
	t->mark = m->serial;
	t->pos = (uint32_t)m->nbag;
	m->bag[m->nbag] = (dt_match_bagged){id, 0, start, end, m->text_now};
	return m->nbag++;
}

/** Run the tokenizer over NUL-terminated `s`, with `m` as the payload
 * and each term's hash; a callback's DT_ENOMEM becomes an error
 * message. */
int dt__match_run(
	dt_matcher *m, const char *s, dt__term_hcb cb, dt_error *err);
/** As dt__match_run, over s[0, len). */
int dt__match_run_n(dt_matcher *m, const char *s, size_t len,
	dt__term_hcb cb, dt_error *err);

/** Run the tokenizer over the heading, then the text of `u`. */
int dt__match_run_unit(
	dt_matcher *m, const dt_unit *u, dt__term_hcb cb, dt_error *err);

/* ## Building the index (match_index.c) */

/** Index the directive's obligation leaves, lower the weight of its
 * generic terms, then weigh terms by IDF and postings by BM25 and
 * allocate the query scratch.  Needs the slot table (dt__match_rehash).
 * Fails with DT_ENOMEM or a tokenizer error. */
int dt__match_index(dt_matcher *m, dt_error *err);

/* ## Dense queries (match_dense.c) */

/** Add every posting of the bag's terms into m->acc (all 0 before) and
 * return the top share, the largest acc[l] * inv_self[l]; the top share
 * of each block of 16 leaves goes to m->bmax. */
double dt__match_fill(dt_matcher *m);

/** The leaves whose share may be within RELATIVE_CUT of the best, given
 * the top share `top`, into m->cand[0..m->ncand), in leaf order. */
void dt__match_near_best(dt_matcher *m, double top);

/* ## Term-at-a-time queries (match.c) */

/** Rank the leaves m->touched[0..m->ntouched) by their sums in m->acc
 * (the others 0): their shares times `factor` (> 0), those at least
 * min_score and within RELATIVE_CUT of the best into out[0..max), best
 * first, ties in touch order, with evidence from the current bag; the
 * count into *n_out (0 before); clears the touched accumulators. */
void dt__match_rank(dt_matcher *m, double factor, double min_score,
	dt_match *out, size_t max, size_t *n_out);

/* ## The document factor (match_docfactor.c) */

/** Count the index's terms over every unit of the directive and keep the
 * norm of its topical term vector.  Fails with DT_ENOMEM or a tokenizer
 * error. */
int dt__match_directive_vector(dt_matcher *m, dt_error *err);

/** The factor in [0,1] of the local document holding `u`: 0 when it is
 * about another subject.  Computed once per document and kept for the
 * next queries of the same document, with each unit's distinct known
 * terms (dt__match_unit_bag).  Fails with DT_ENOMEM or a tokenizer
 * error. */
int dt__match_doc_factor(
	dt_matcher *m, const dt_unit *u, double *out, dt_error *err);

/** Fill the bag with the distinct known terms of `u`, as a query's
 * tokenizer run would (dt__match_next_serial included), from what the
 * last dt__match_doc_factor() kept; 1 when done, 0 when `u` is not
 * there (the caller runs the tokenizer), DT_ENOMEM without a message. */
int dt__match_unit_bag(dt_matcher *m, const dt_unit *u);

/** As dt__match_unit_bag, for the part of `u` a paragraph query reads:
 * its heading, text[0, title) and text[start, end) (match.c). */
int dt__match_part_bag(dt_matcher *m, const dt_unit *u, size_t title,
	size_t start, size_t end);

#endif /* DT_MATCH_INTERNAL_H */
