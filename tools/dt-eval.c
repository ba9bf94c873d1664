/*
 * dt-eval.c - `make eval`: score dirtrace against the gold annotations of
 * corpus/ (DESIGN §4), per set and split.
 *
 * Linked against the library; runs no subprocesses.  For each gold
 * section (directive, split) the directive is reviewed against every
 * local document of the split, exactly as `dirtrace gaps DIRECTIVE
 * <split>/` does, and the review's links, findings (uncovered, partial,
 * broken-ref, stale-ref) become the predicted facts.  A measure whose
 * producer did not exist would be reported as not available, never as a
 * number.  Also checked: every document reads, and every eId the gold
 * names is a unit of the directive's outline.  The text output ends with
 * each split pooled over every set and directive: the figures the
 * targets of issue 6 ("on the corpus test split") are read from.
 *
 * usage: dt-eval [--json | --errors] [--split NAME] [GOLD.tsv ...]
 *        (default: corpus/ * /gold.tsv)
 *   --json        one JSON object of every section's figures
 *   --errors      after each section's figures, every fact a measure
 *                 left unmatched: a false prediction (with the score and
 *                 evidence of an implicit link) or a missed gold fact (a
 *                 missed implicit link with how its clause and the best
 *                 one scored at --min-score 0.01, or that the query
 *                 share dropped its clause)
 *   --split NAME  only the sections of that split ("dev" while tuning:
 *                 the test split's figures stay unseen)
 */
#define _POSIX_C_SOURCE 200809L
#include <glob.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eval.h"

enum { MAX_DIRECTIVES = 16 };

/* The command line's options. */
static struct {
	int json;          /* --json */
	int errors;        /* --errors */
	const char *split; /* --split NAME, or NULL: every split */
} opts;

typedef struct {
	const char *gold_path;
	const char *set;
	const char *dir;         /* folder of the gold file, with '/' */
	const ev_section *sec;
	const dt_doc *directive; /* this section's directive (or NULL) */
	size_t units, eids, eids_found, docs, docs_failed;
	ev_fact *pred;
	size_t npred, predcap;
	ev_scores scores;
} section_report;

/* The measures, where to find them in ev_scores, and what they wait for
 * (NULL: available now). */
static const struct {
	const char *name;
	size_t offset;
	const char *missing;
} measures[] = {
	{ "explicit links", offsetof(ev_scores, explicit_links), NULL },
	{ "implicit links", offsetof(ev_scores, implicit_links), NULL },
	{ "all links", offsetof(ev_scores, all_links), NULL },
	{ "uncovered", offsetof(ev_scores, uncovered), NULL },
	{ "partial", offsetof(ev_scores, partial), NULL },
	{ "broken", offsetof(ev_scores, broken), NULL },
	{ "stale", offsetof(ev_scores, stale), NULL },
};
#define NMEASURES (sizeof(measures) / sizeof(measures[0]))

static const ev_score *measure(const ev_scores *s, size_t i)
{
	return (const ev_score *)((const char *)s + measures[i].offset);
}

/* Every section of a split, pooled measure by measure. */
static const char *const splits[] = { "dev", "test" };
#define NSPLITS (sizeof(splits) / sizeof(splits[0]))
static ev_scores split_pool[NSPLITS];
/* The implicit-link counts of each local document of a split, for the
 * interval of its pooled F1 (eval_boot.c); a document read for two
 * directives is one document with both sections' counts. */
static char **split_doc_paths[NSPLITS];
static ev_score *split_doc_counts[NSPLITS];
static size_t split_ndocs[NSPLITS], split_doccap[NSPLITS];
#define BOOT_ROUNDS 2000
#define BOOT_SEED 20261130u

static void split_pool_add(const char *split, const ev_scores *s)
{
	size_t k, i;

	for (k = 0; k < NSPLITS; k++) {
		if (strcmp(split, splits[k]) != 0) {
			continue;
		}
		for (i = 0; i < NMEASURES; i++) {
			ev_score *to = (ev_score *)((char *)&split_pool[k] +
				measures[i].offset);
			const ev_score *m = measure(s, i);

			to->pred += m->pred;
			to->matched_pred += m->matched_pred;
			to->gold += m->gold;
			to->matched_gold += m->matched_gold;
		}
	}
}

/* The counts of document `path` in split k, new (zero) when not seen. */
static ev_score *split_doc(size_t k, const char *path)
{
	size_t i, cap = split_doccap[k];

	for (i = 0; i < split_ndocs[k]; i++) {
		if (strcmp(split_doc_paths[k][i], path) == 0) {
			return &split_doc_counts[k][i];
		}
	}
	if (i == cap) {
		char **p;
		ev_score *c;

		cap = cap ? 2 * cap : 32;
		p = realloc(split_doc_paths[k], cap * sizeof(*p));
		if (p != NULL) {
			split_doc_paths[k] = p;
		}
		c = realloc(split_doc_counts[k], cap * sizeof(*c));
		if (c != NULL) {
			split_doc_counts[k] = c;
		}
		if (p == NULL || c == NULL) {
			return NULL;
		}
		split_doccap[k] = cap;
	}
	split_doc_paths[k][i] = strdup(path);
	if (split_doc_paths[k][i] == NULL) {
		return NULL;
	}
	memset(&split_doc_counts[k][i], 0, sizeof(ev_score));
	split_ndocs[k]++;
	return &split_doc_counts[k][i];
}

static void split_docs_free(void)
{
	size_t k, i;

	for (k = 0; k < NSPLITS; k++) {
		for (i = 0; i < split_ndocs[k]; i++) {
			free(split_doc_paths[k][i]);
		}
		free(split_doc_paths[k]);
		free(split_doc_counts[k]);
	}
}

/* "corpus/vi/gold.tsv" -> folder "corpus/vi/" and set name "vi". */
static void split_path(const char *gold, char *dir, size_t dlen, char *set,
	size_t slen)
{
	const char *slash = strrchr(gold, '/');
	size_t n = slash ? (size_t)(slash - gold + 1) : 0;
	const char *s;

	snprintf(dir, dlen, "%.*s", (int)n, gold);
	s = n > 1 ? gold + n - 2 : gold;
	while (s > gold && *s != '/') {
		s--;
	}
	if (*s == '/') {
		s++;
	}
	snprintf(set, slen, "%.*s", (int)(n > 0 ? gold + n - 1 - s : 0), s);
}

/* Gold eIds that name units of the directive. */
static void check_eids(section_report *r)
{
	size_t i;

	for (i = 0; i < r->sec->n; i++) {
		const ev_fact *f = &r->sec->facts[i];

		if (f->eid == NULL) {
			continue;
		}
		r->eids++;
		if (r->directive != NULL &&
			dt_doc_find(r->directive, f->eid) != NULL) {
			r->eids_found++;
		} else {
			fprintf(stderr, "dt-eval: %s: %s: gold eId %s is not "
				"a unit of %s\n", r->gold_path, r->sec->split,
				f->eid, r->sec->directive);
		}
	}
}

static void predict(section_report *r, ev_kind kind, const char *file,
	size_t line, const char *eid, int implicit)
{
	ev_fact f;

	memset(&f, 0, sizeof(f));
	f.kind = kind;
	f.file = (char *)file;
	f.line = line;
	f.eid = (char *)eid;
	f.implicit = implicit;
	ev_facts_push(&r->pred, &r->npred, &r->predcap, &f);
}

/* A path as the gold file writes it: relative to the gold's folder. */
static const char *rel(const section_report *r, const char *path)
{
	size_t dl = strlen(r->dir);

	return strncmp(path, r->dir, dl) == 0 ? path + dl : path;
}

/* A predicted link, with its score and, when implicit, its evidence (for
 * --errors). */
static void predict_link(section_report *r, const dt_link *l)
{
	int implicit = l->kind == DT_LINK_IMPLICIT;
	size_t before = r->npred;

	predict(r, EV_LINK, rel(r, l->file), l->line, l->eid, implicit);
	if (r->npred > before) {
		ev_fact *f = &r->pred[r->npred - 1];

		f->score = l->score;
		f->text = implicit && l->evidence ? strdup(l->evidence) : NULL;
	}
}

/* The review's links and findings as predicted facts. */
static void predict_review(section_report *r, const dt_review *rv)
{
	size_t i, k;

	for (i = 0; i < dt_review_unit_count(rv); i++) {
		const dt_unit_review *u = dt_review_unit_at(rv, i);

		for (k = 0; k < u->nlinks; k++) {
			predict_link(r, &u->links[k]);
		}
	}
	for (i = 0; i < dt_review_finding_count(rv); i++) {
		const dt_finding *f = dt_review_finding_at(rv, i);
		static const ev_kind kinds[] = { EV_UNCOVERED, EV_PARTIAL };

		if (f->kind == DT_FIND_UNCOVERED ||
			f->kind == DT_FIND_PARTIAL) {
			predict(r, kinds[f->kind], NULL, 0, f->eid, 0);
		} else if (f->kind == DT_FIND_BROKEN_REF) {
			predict(r, EV_BROKEN, rel(r, f->file), f->line, NULL, 0);
		} else if (f->kind == DT_FIND_STALE_REF) {
			predict(r, EV_STALE, rel(r, f->file), f->line, NULL, 0);
		}
	}
}

/* Review the directive against every local document of the split, as
 * `dirtrace gaps [--min-score X] [--min-share Y] DIRECTIVE <split>/`
 * would (0: the calibrated threshold and share; a negative share: any),
 * and predict from it. */
static void run_split(section_report *r, double min_score, double min_share)
{
	dt_review_opts o = { min_score, 0, min_share };
	char pattern[8300];
	dt_review *rv = NULL;
	dt_error err = { 0 };
	glob_t g;
	size_t i;

	snprintf(pattern, sizeof(pattern), "%s%s/*", r->dir, r->sec->split);
	if (r->directive == NULL || r->sec->split[0] == '\0' ||
		glob(pattern, 0, NULL, &g) != 0) {
		return;
	}
	if (dt_review_new(&rv, r->directive, &o, &err) < 0) {
		fprintf(stderr, "dt-eval: %s: error: %s\n", r->sec->directive,
			err.message);
		globfree(&g);
		return;
	}
	for (i = 0; i < g.gl_pathc; i++) {
		dt_doc *doc = NULL;

		r->docs++;
		if (dt_doc_load(&doc, g.gl_pathv[i], NULL, &err) < 0 ||
			dt_review_add(rv, doc, &err) < 0) {
			r->docs_failed++;
			fprintf(stderr, "dt-eval: %s:%zu: error: %s\n",
				g.gl_pathv[i], err.line, err.message);
		}
		dt_doc_free(doc);
	}
	if (dt_review_finish(rv, &err) == 0) {
		predict_review(r, rv);
	}
	dt_review_free(rv);
	globfree(&g);
}

/* Add the implicit-link counts of each local document of section r to
 * its split's; 1 if out of memory (the interval is then not printed). */
static int split_docs_failed;

static void split_docs_add(const section_report *r)
{
	char pattern[8300];
	glob_t g;
	size_t i, k;

	for (k = 0; k < NSPLITS && strcmp(r->sec->split, splits[k]) != 0;
		k++) {
	}
	snprintf(pattern, sizeof(pattern), "%s%s/*", r->dir, r->sec->split);
	if (k == NSPLITS || r->directive == NULL ||
		glob(pattern, 0, NULL, &g) != 0) {
		return;
	}
	for (i = 0; i < g.gl_pathc && !split_docs_failed; i++) {
		ev_score s, *to = split_doc(k, g.gl_pathv[i]);

		if (to == NULL || ev_implicit_of_file(&s, r->sec, r->pred,
				       r->npred, rel(r, g.gl_pathv[i])) < 0) {
			split_docs_failed = 1;
			break;
		}
		to->pred += s.pred;
		to->matched_pred += s.matched_pred;
		to->gold += s.gold;
		to->matched_gold += s.matched_gold;
	}
	globfree(&g);
}

static void print_text(const section_report *r)
{
	size_t i;

	printf("%s %s  directive %s: %zu units; gold eIds found %zu/%zu; "
		"%zu local documents read, %zu failed\n", r->set,
		r->sec->split, r->sec->directive, r->units, r->eids_found,
		r->eids, r->docs - r->docs_failed, r->docs_failed);
	for (i = 0; i < NMEASURES; i++) {
		const ev_score *s = measure(&r->scores, i);

		if (measures[i].missing != NULL) {
			printf("  %-15s P=n/a  R=n/a  F1=n/a   (not available:"
				" needs %s)\n", measures[i].name,
				measures[i].missing);
			continue;
		}
		printf("  %-15s P=%.3f R=%.3f F1=%.3f  (predicted %zu, "
			"correct %zu; gold %zu, found %zu)\n",
			measures[i].name, ev_precision(s), ev_recall(s),
			ev_f1(s), s->pred, s->matched_pred, s->gold,
			s->matched_gold);
	}
}

/* Do the documents' counts of split k add up to its pooled implicit
 * counts (as they must: eval_boot.c)? */
static int docs_add_up(size_t k)
{
	const ev_score *pool = &split_pool[k].implicit_links;
	ev_score sum = { 0, 0, 0, 0 };
	size_t i;

	for (i = 0; i < split_ndocs[k]; i++) {
		sum.pred += split_doc_counts[k][i].pred;
		sum.matched_pred += split_doc_counts[k][i].matched_pred;
		sum.gold += split_doc_counts[k][i].gold;
		sum.matched_gold += split_doc_counts[k][i].matched_gold;
	}
	return memcmp(&sum, pool, sizeof(sum)) == 0;
}

/* The 95% interval of split k's pooled implicit F1 (eval_boot.c). */
static void print_interval(size_t k)
{
	double lo, hi;

	if (split_docs_failed) {
		printf("  %-15s (no interval: out of memory)\n", "");
	} else if (!docs_add_up(k)) {
		printf("  %-15s (no interval: the documents' counts do not "
			"add up to the pool)\n", "");
	} else if (ev_bootstrap_f1(split_doc_counts[k], split_ndocs[k],
			   BOOT_ROUNDS, BOOT_SEED, &lo, &hi) == 0) {
		printf("  %-15s F1 95%% interval %.3f-%.3f (bootstrap: %zu "
			"local documents drawn %d times)\n", "", lo, hi,
			split_ndocs[k], BOOT_ROUNDS);
	}
}

static void print_split_pools(void)
{
	size_t k, i;

	for (k = 0; k < NSPLITS; k++) {
		if (opts.split != NULL && strcmp(splits[k], opts.split) != 0) {
			continue;
		}
		printf("%s split, pooled over every set and directive\n",
			splits[k]);
		for (i = 0; i < NMEASURES; i++) {
			const ev_score *s = measure(&split_pool[k], i);

			if (measures[i].missing == NULL) {
				printf("  %-15s P=%.3f R=%.3f F1=%.3f  (predicted "
					"%zu, correct %zu; gold %zu, found %zu)\n",
					measures[i].name, ev_precision(s),
					ev_recall(s), ev_f1(s), s->pred,
					s->matched_pred, s->gold,
					s->matched_gold);
			}
			if (s == &split_pool[k].implicit_links) {
				print_interval(k);
			}
		}
	}
}

static void print_json(const section_report *r, int first)
{
	size_t i;

	printf("%s{\"set\":\"%s\",\"split\":\"%s\",\"directive\":\"%s\","
		"\"units\":%zu,\"gold_eids\":%zu,\"gold_eids_found\":%zu,"
		"\"documents\":%zu,\"documents_failed\":%zu,\"measures\":{",
		first ? "" : ",", r->set, r->sec->split, r->sec->directive,
		r->units, r->eids, r->eids_found, r->docs, r->docs_failed);
	for (i = 0; i < NMEASURES; i++) {
		const ev_score *s = measure(&r->scores, i);

		if (measures[i].missing != NULL) {
			printf("%s\"%s\":null", i ? "," : "", measures[i].name);
			continue;
		}
		printf("%s\"%s\":{\"precision\":%.4f,\"recall\":%.4f,"
			"\"f1\":%.4f,\"predicted\":%zu,\"correct\":%zu,"
			"\"gold\":%zu,\"found\":%zu}", i ? "," : "",
			measures[i].name, ev_precision(s), ev_recall(s),
			ev_f1(s), s->pred, s->matched_pred, s->gold,
			s->matched_gold);
	}
	printf("}}");
}

/* Load each distinct directive the gold file names (at most 16). */
static size_t load_directives(const ev_gold *g, const char *dir,
	dt_doc **docs, const char **names)
{
	char dpath[8192];
	size_t n = 0, i, k;

	for (i = 0; i < g->n && n < MAX_DIRECTIVES; i++) {
		dt_error err = { 0 };

		for (k = 0; k < n; k++) {
			if (strcmp(names[k], g->sections[i].directive) == 0) {
				break;
			}
		}
		if (k < n) {
			continue;
		}
		snprintf(dpath, sizeof(dpath), "%s%s", dir,
			g->sections[i].directive);
		names[n] = g->sections[i].directive;
		if (dt_doc_load(&docs[n], dpath, NULL, &err) < 0) {
			fprintf(stderr, "dt-eval: %s:%zu: error: %s\n", dpath,
				err.line, err.message);
			docs[n] = NULL;
		}
		n++;
	}
	return n;
}

/* Add the counts of `s` to the set's pool: all links (explicit and
 * implicit are its parts), uncovered, partial, broken, stale. */
static void pool_add(ev_score *pool, const ev_scores *s)
{
	size_t i;

	for (i = 0; i < NMEASURES; i++) {
		const ev_score *m = measure(s, i);

		if (measures[i].missing == NULL && i != 0 && i != 1) {
			pool->pred += m->pred;
			pool->matched_pred += m->matched_pred;
			pool->gold += m->gold;
			pool->matched_gold += m->matched_gold;
		}
	}
}

/* Do two score sets hold the same counts for every measure? */
static int same_scores(const ev_scores *a, const ev_scores *b)
{
	size_t i;

	for (i = 0; i < NMEASURES; i++) {
		if (memcmp(measure(a, i), measure(b, i), sizeof(ev_score)) !=
			0) {
			return 0;
		}
	}
	return 1;
}

/* Score section `md` again with the directive's Akoma Ntoso form (the
 * same name with .xml), when there is one: the figures must not depend
 * on the reader (issue 6).  Returns 1 when they differ. */
static int check_akn_form(const section_report *md, int json)
{
	const char *name = md->sec->directive;
	size_t n = strlen(name);
	char path[8192];
	section_report r = *md;
	dt_error err = { 0 };
	dt_doc *akn = NULL;
	int differ;

	if (n < 3 || strcmp(name + n - 3, ".md") != 0) {
		return 0;
	}
	snprintf(path, sizeof(path), "%s%.*s.xml", md->dir, (int)(n - 3),
		name);
	if (access(path, R_OK) != 0) {
		return 0;
	}
	if (dt_doc_load(&akn, path, NULL, &err) < 0) {
		fprintf(stderr, "dt-eval: %s:%zu: error: %s\n", path, err.line,
			err.message);
		return 1;
	}
	r.directive = akn;
	r.pred = NULL;
	r.npred = r.predcap = 0;
	r.docs = r.docs_failed = 0;
	memset(&r.scores, 0, sizeof(r.scores));
	run_split(&r, 0, 0);
	ev_score_section(&r.scores, r.sec, r.pred, r.npred, akn);
	differ = !same_scores(&md->scores, &r.scores);
	if (!json) {
		printf("  Akoma Ntoso form %.*s.xml: %s\n", (int)(n - 3), name,
			differ ? "DIFFERENT figures" : "the same figures");
	}
	if (differ) {
		fprintf(stderr, "dt-eval: %s: %s: the figures differ from "
			"those of %s\n", path, r.sec->split, name);
		print_text(&r);
	}
	ev_facts_free(r.pred, r.npred);
	dt_doc_free(akn);
	return differ;
}

/* --errors tells why a gold implicit link was missed from a second
 * review at this threshold: how its own clause scored, and the best;
 * and from a third at any query share, whether the share dropped it. */
#define NEAR_SCORE 0.01

/* The second and third reviews. */
typedef struct {
	section_report near, any_share;
} near_reviews;

/* The paragraph holding gold line f->line among the implicit links of
 * `rv`: the last line <= it of one in f->file (0: none). */
static size_t near_line(const section_report *rv, const ev_fact *f)
{
	size_t i, at = 0;

	for (i = 0; i < rv->npred; i++) {
		const ev_fact *c = &rv->pred[i];

		if (c->kind == EV_LINK && c->implicit && c->line <= f->line &&
			c->line > at && strcmp(c->file, f->file) == 0) {
			at = c->line;
		}
	}
	return at;
}

/* The best-scoring implicit link of `rv` at f->file:at, of the gold
 * unit (own) or of any unit (NULL if none). */
static const ev_fact *best_at(const section_report *rv, const ev_fact *f,
	size_t at, int own)
{
	const ev_fact *best = NULL;
	size_t i;

	for (i = 0; at > 0 && i < rv->npred; i++) {
		const ev_fact *c = &rv->pred[i];

		if (c->kind == EV_LINK && c->implicit && c->line == at &&
			strcmp(c->file, f->file) == 0 &&
			(!own || ev_eid_related(c->eid, f->eid)) &&
			(best == NULL || c->score > best->score)) {
			best = c;
		}
	}
	return best;
}

/* The second review's verdict: the gold unit's own best candidate in
 * its paragraph, and the paragraph's best. */
static void print_near_scores(const ev_fact *own, const ev_fact *best)
{
	if (best == NULL) {
		printf(" (no candidate at --min-score %.2f)", NEAR_SCORE);
	} else if (own == NULL) {
		printf(" (not near the best at --min-score %.2f: %s %.3f)",
			NEAR_SCORE, best->eid, best->score);
	} else if (own == best) {
		printf(" (below the threshold: %.3f)", own->score);
	} else {
		printf(" (%.3f, near the best: %s %.3f)", own->score, best->eid,
			best->score);
	}
}

/* How the gold unit of missed link f scored: among the candidates of its
 * paragraph at NEAR_SCORE, or, when not there, at any query share (the
 * relative cut is taken before the share, match.c: then the share alone
 * dropped it).  The paragraph is found among the candidates at any
 * share: almost every paragraph has some there, where a paragraph the
 * share leaves bare would pass for the one before it. */
static void print_near(const near_reviews *nr, const ev_fact *f)
{
	size_t at = near_line(&nr->any_share, f);
	const ev_fact *own = best_at(&nr->near, f, at, 1);
	const ev_fact *unshared = own != NULL ? NULL :
		best_at(&nr->any_share, f, at, 1);

	const ev_fact *best = best_at(&nr->near, f, at, 0);

	if (unshared != NULL) {
		printf(" (%.3f, under the query share)", unshared->score);
	} else if (best == NULL && (best = best_at(&nr->any_share, f, at,
					    0)) != NULL) {
		printf(" (not near the best at any query share: %s %.3f)",
			best->eid, best->score);
	} else {
		print_near_scores(own, best);
	}
}

/* --errors: one line per unmatched fact, under its section's figures;
 * `payload` is the near_reviews. */
static void print_error(
	const char *measure, int missed, const ev_fact *f, void *payload)
{
	printf("  error: %s: %s", measure, missed ? "missed" : "false ");
	if (f->eid != NULL) {
		printf(" %s", f->eid);
	}
	if (f->file != NULL) {
		printf(" %s:%zu", f->file, f->line);
	}
	if (!missed && f->kind == EV_LINK) {
		printf(" score %.3f", f->score);
	}
	if (f->text != NULL) {
		printf(" (%s)", f->text);
	}
	if (missed && f->kind == EV_LINK && f->implicit) {
		print_near(payload, f);
	}
	printf("\n");
}

static void print_errors(const section_report *r)
{
	near_reviews nr = { *r, *r };
	ev_scores again;

	nr.near.pred = nr.any_share.pred = NULL;
	nr.near.npred = nr.near.predcap = 0;
	nr.any_share.npred = nr.any_share.predcap = 0;
	run_split(&nr.near, NEAR_SCORE, 0);
	run_split(&nr.any_share, NEAR_SCORE, -1);
	ev_score_section_errors(&again, r->sec, r->pred, r->npred,
		r->directive, print_error, &nr);
	ev_facts_free(nr.near.pred, nr.near.npred);
	ev_facts_free(nr.any_share.pred, nr.any_share.npred);
}

static int eval_sections(const ev_gold *g, section_report *base,
	dt_doc **docs, size_t ndocs, const char **names, int json,
	int *first)
{
	ev_score pool = { 0, 0, 0, 0 };
	size_t i, k;
	int rc = 0;

	for (i = 0; i < g->n; i++) {
		section_report r = *base;

		r.sec = &g->sections[i];
		if (opts.split != NULL && strcmp(r.sec->split, opts.split) != 0) {
			continue;
		}
		for (k = 0; k < ndocs; k++) {
			if (strcmp(names[k], r.sec->directive) == 0) {
				r.directive = docs[k];
			}
		}
		r.units = r.directive ? dt_doc_unit_count(r.directive) : 0;
		check_eids(&r);
		run_split(&r, 0, 0);
		ev_score_section(&r.scores, r.sec, r.pred, r.npred,
			r.directive);
		pool_add(&pool, &r.scores);
		split_pool_add(r.sec->split, &r.scores);
		split_docs_add(&r);
		if (json) {
			print_json(&r, *first);
			*first = 0;
		} else {
			print_text(&r);
		}
		if (opts.errors) {
			print_errors(&r);
		}
		rc |= check_akn_form(&r, json);
		ev_facts_free(r.pred, r.npred);
	}
	if (!json) {
		printf("overall F1=%.3f (%s; pooled over all links, "
			"uncovered, partial, broken and stale)\n\n",
			ev_f1(&pool), base->set);
	}
	return rc;
}

static int eval_gold(const char *path, int json, int *first)
{
	char dir[4096], set[256], errbuf[256];
	dt_doc *docs[MAX_DIRECTIVES];
	const char *names[MAX_DIRECTIVES];
	char *text = NULL;
	size_t len = 0, n, i;
	dt_error err = { 0 };
	section_report base;
	ev_gold g;
	int rc;

	split_path(path, dir, sizeof(dir), set, sizeof(set));
	if (dt_file_read(&text, &len, path, 0, &err) < 0) {
		fprintf(stderr, "dt-eval: %s: error: %s\n", path, err.message);
		return 2;
	}
	if (ev_gold_parse(&g, text, errbuf, sizeof(errbuf)) < 0) {
		fprintf(stderr, "dt-eval: %s:%s\n", path, errbuf);
		dt_free(text);
		ev_gold_free(&g);
		return 2;
	}
	dt_free(text);
	n = load_directives(&g, dir, docs, names);
	memset(&base, 0, sizeof(base));
	base.gold_path = path;
	base.set = set;
	base.dir = dir;
	rc = eval_sections(&g, &base, docs, n, names, json, first);
	for (i = 0; i < n; i++) {
		dt_doc_free(docs[i]);
	}
	ev_gold_free(&g);
	return rc;
}

static int usage(void)
{
	fprintf(stderr, "usage: dt-eval [--json | --errors] [--split NAME] "
		"[GOLD.tsv ...]\n");
	return 2;
}

/* The leading options; returns the index of the first gold file, or -1
 * on a usage error. */
static int parse_options(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		if (strcmp(argv[i], "--json") == 0) {
			opts.json = 1;
		} else if (strcmp(argv[i], "--errors") == 0) {
			opts.errors = 1;
		} else if (strcmp(argv[i], "--split") == 0 && i + 1 < argc) {
			opts.split = argv[++i];
		} else {
			return -1;
		}
	}
	return opts.json && opts.errors ? -1 : i;
}

int main(int argc, char **argv)
{
	int first = 1, rc = 0, i = parse_options(argc, argv);
	int json = opts.json;
	glob_t g;
	size_t k;

	if (i < 0) {
		return usage();
	}
	if (json) {
		printf("{\"tool\":\"dt-eval\",\"schema\":1,\"sections\":[");
	}
	if (i < argc) {
		for (; i < argc; i++) {
			rc |= eval_gold(argv[i], json, &first);
		}
	} else if (glob("corpus/*/gold.tsv", 0, NULL, &g) == 0) {
		for (k = 0; k < g.gl_pathc; k++) {
			rc |= eval_gold(g.gl_pathv[k], json, &first);
		}
		globfree(&g);
	}
	if (json) {
		printf("]}\n");
	} else {
		print_split_pools();
	}
	split_docs_free();
	return rc;
}
