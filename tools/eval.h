/*
 * eval.h - the evaluator's core: gold annotations (corpus/<set>/gold.tsv,
 * DESIGN §4 plus the `directive` section extension of corpus/README.md),
 * and precision / recall of predicted facts under the matching rules of
 * DESIGN §4.  Used by tools/dt-eval.c and by its unit test.
 */
#ifndef DT_EVAL_H
#define DT_EVAL_H

#include <stddef.h>
#include <stdint.h>

#include <dirtrace.h>

typedef enum {
	EV_LINK,
	EV_UNCOVERED,
	EV_PARTIAL,
	EV_BROKEN,
	EV_STALE,
	EV_NOLINKS
} ev_kind;

/* One fact, gold or predicted.  Paths are as written in the gold file
 * (relative to it) or, for predictions, relative to the same folder. */
typedef struct {
	ev_kind kind;
	char *eid;     /* link, uncovered, partial */
	char *file;    /* link, broken, stale, nolinks */
	size_t line;   /* link, broken, stale */
	int implicit;  /* link: 1 implicit, 0 explicit */
	char *text;    /* broken, stale: the cited text; a predicted
		        * implicit link: its evidence */
	double score;  /* a predicted link: its score (0 for gold) */
} ev_fact;

typedef struct {
	char *directive; /* path relative to the gold file */
	char *split;     /* "dev", "test" or "" */
	ev_fact *facts;
	size_t n, cap;
} ev_section;

typedef struct {
	ev_section *sections;
	size_t n, cap;
} ev_gold;

/* Parse gold text; on a malformed line return -1 with `errbuf` set to
 * "LINE: message". */
int ev_gold_parse(ev_gold *g, const char *text, char *errbuf, size_t errlen);
void ev_gold_free(ev_gold *g);

/* Append a copy of `f` to a fact list. */
int ev_facts_push(ev_fact **v, size_t *n, size_t *cap, const ev_fact *f);
void ev_facts_free(ev_fact *v, size_t n);

/* Counts behind precision (matched_pred / pred) and recall
 * (matched_gold / gold). */
typedef struct {
	size_t pred, matched_pred, gold, matched_gold;
} ev_score;

typedef struct {
	ev_score explicit_links, implicit_links, all_links;
	ev_score uncovered, partial, broken, stale;
} ev_scores;

/* Score predictions against one gold section.  `directive` expands
 * uncovered units to leaves (may be NULL: units then count as given). */
void ev_score_section(ev_scores *out, const ev_section *gold,
	const ev_fact *pred, size_t npred, const dt_doc *directive);

/* Told of each fact a measure leaves unmatched: a prediction that no
 * gold fact matches (`missed` 0: a false one) or a gold fact that no
 * prediction matches (`missed` 1).  `measure` is the name dt-eval prints
 * ("explicit links", "implicit links", "uncovered", "partial", "broken",
 * "stale"; "all links" is their union and is not told).  An uncovered
 * unit is told leaf by leaf, as it is scored. */
typedef void (*ev_error_cb)(
	const char *measure, int missed, const ev_fact *f, void *payload);

/* ev_score_section(), telling `cb` (may be NULL) of every error. */
void ev_score_section_errors(ev_scores *out, const ev_section *gold,
	const ev_fact *pred, size_t npred, const dt_doc *directive,
	ev_error_cb cb, void *payload);

/* a == b, or one is an ancestor of the other at a "__" boundary (how a
 * link matches a gold link). */
int ev_eid_related(const char *a, const char *b);

/* eval_boot.c */

/** The implicit-links counts of the facts of local `file` alone (gold
 *  and predicted links, and nolinks, of that file): the section's are
 *  their sum over files.  -1 when out of memory. */
int ev_implicit_of_file(ev_score *out, const ev_section *gold,
	const ev_fact *pred, size_t npred, const char *file);

/** A 95% interval of F1 over the `n` units (each a document's counts):
 *  `rounds` draws of n units with replacement from generator state
 *  `seed`, the F1 of each draw's summed counts, its 2.5th and 97.5th
 *  percentiles into *lo and *hi.  -1 (and nothing set) when n or rounds
 *  is 0 or out of memory. */
int ev_bootstrap_f1(const ev_score *units, size_t n, size_t rounds,
	uint64_t seed, double *lo, double *hi);

double ev_precision(const ev_score *s);
double ev_recall(const ev_score *s);
double ev_f1(const ev_score *s);

#endif /* DT_EVAL_H */
