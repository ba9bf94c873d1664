/*
 * match.h - implicit links inside lib/ (never installed): an inverted
 * index of a directive's leaf units, queried with the text of one local
 * unit at a time, scored by BM25 and normalized into [0,1] (match.c says
 * how, and how the default threshold was calibrated).
 *
 * The coverage stage builds one matcher per directive and queries every
 * local unit that has text; it drops the matches to units the local unit
 * already cites explicitly (or to their ancestors and descendants): a
 * citation is the stronger link and the matcher knows nothing of them.
 */
#ifndef DT_MATCH_H
#define DT_MATCH_H

#include "internal.h"

/** An index of the leaf units of one directive; opaque. */
typedef struct dt_matcher dt_matcher;

/**
 * Index the leaf units of `directive` that oblige someone (units without
 * children that have text, less scope, definitions, entry into force and
 * preamble: dt__obligation_of); a leaf is indexed with its heading and
 * own text, and with the headings and lead-in texts of its ancestors at a
 * lower weight.  On success `*out` is new: free it with
 * dt__matcher_free().  The directive is borrowed and must outlive the
 * matcher.  Fails with DT_ENOMEM or a tokenizer error.
 */
int dt__matcher_new(dt_matcher **out, const dt_doc *directive, dt_error *err);

/** Free `m`.  NULL is a no-op. */
void dt__matcher_free(dt_matcher *m);

/** A new local document follows: forget the cached document factor (a
 *  freed document's address may come back holding another). */
void dt__matcher_doc_begin(dt_matcher *m);

/** One proposed implicit link. */
typedef struct {
	const dt_unit *target; /* a leaf of the directive, borrowed */
	double score;          /* in [0,1]; comparable across queries */
	char evidence[256];    /* the shared terms that weighed most, as
				* written in the local unit, "; "-separated,
				* most weight first */
} dt_match;

/**
 * Score the heading and text of local unit `u` (of a document in language
 * `lang`) against the index; write the matches scoring at least
 * `min_score` and at least 0.9 times the unit's best score whose leaf
 * holds the matcher's minimum share of the query's term weight
 * (dt__matcher_set_min_share), best first,
 * at most `max`, into out[0..max) and their count into *n_out.  No match
 * (and no error) for: a unit of fewer than 3 terms the directive knows, a
 * paragraph of the document's preamble, a language other than the
 * directive's, a document on another subject.  A query reads only the
 * postings of the unit's terms; the first query of a document also
 * counts the terms of the whole document (once, kept for the next
 * queries of the same document, with each unit's terms: a unit is
 * tokenized once).  The document must stay alive during
 * the call.  Not thread-safe: one matcher per thread.  Fails with
 * DT_ENOMEM or a tokenizer error.
 */
int dt__matcher_query(dt_matcher *m, const dt_unit *u, dt_lang lang,
	double min_score, dt_match *out, size_t max, size_t *n_out,
	dt_error *err);

/**
 * As dt__matcher_query, for one paragraph of u (review_add.c): the query
 * is the terms of u's heading, of its text[0, title) (a title line, or
 * nothing) and of text[start, end); the document factor and the
 * preamble rule are u's.
 */
int dt__matcher_query_part(dt_matcher *m, const dt_unit *u, size_t title,
	size_t start, size_t end, dt_lang lang, double min_score,
	dt_match *out, size_t max, size_t *n_out, dt_error *err);

/** Matches must hold at least `share` of the query's term weight: the
 *  weights of the query terms the leaf holds over those of all its terms
 *  (DT_MATCH_DEFAULT_MIN_SHARE until set; 0 or less: any share). */
void dt__matcher_set_min_share(dt_matcher *m, double share);

/** The default threshold, calibrated on the corpus dev split (match.c). */
#define DT_MATCH_DEFAULT_MIN_SCORE 0.20
/** The default minimum query share, chosen on the dev split (match.c). */
#define DT_MATCH_DEFAULT_MIN_SHARE 0.35

#endif /* DT_MATCH_H */
