/*
 * plan.h - private declarations of the plan drafter (never installed):
 *   plan.c          dt_plan_write: which units become tasks, the run
 *   plan_extract.c  who leads, who helps, by when, what comes out
 *   plan_cite.c     a unit's citation in the plan's language
 *   plan_data.c     the tasks as the data tree the templates render
 *   plan_gaps.c     dt_plan_gaps_read
 */
#ifndef DT_PLAN_H
#define DT_PLAN_H

#include "template.h"

/* What the drafting body must fill in, wherever the directive is silent. */
#define DT__PLAN_HOLE "«…»"

/* ## plan_extract.c */

typedef struct dt__plan_extractor dt__plan_extractor;

/** What a unit's wording says about its execution; NULL = it does not. */
typedef struct {
	const char *lead;     /* the body in charge, as the actor table
	                       * writes it (borrowed from the extractor) */
	char *co;             /* co-implementers, ", "-joined table forms */
	char *deadline;       /* the deadline or rhythm as written */
	const char *output;   /* the expected product (borrowed) */
} dt__plan_facts;

/**
 * An extractor for directives in `lang` (vi, or ru for DT_LANG_RU): the
 * actor table lib/data/actors_<lang>.txt, the cue words of
 * lib/data/plan_cues_<lang>.txt and the deadline pattern.  Free with
 * dt__plan_extractor_free().
 */
int dt__plan_extractor_new(dt__plan_extractor **out, dt_lang lang,
	dt_error *err);
void dt__plan_extractor_free(dt__plan_extractor *x);

/**
 * The facts of `text` (normalized UTF-8) into *out (zeroed first; free
 * with dt__plan_facts_dispose).  The lead is the actor whose mention
 * scores best (assigned by "giao"/"поручить", followed by a role word
 * such as "chủ trì"/"обязан", opening the clause; minus when it is an
 * object: "của", "với", "с"); none when no mention scores above zero.
 */
int dt__plan_extract(dt__plan_extractor *x, const char *text,
	dt__plan_facts *out, dt_error *err);
void dt__plan_facts_dispose(dt__plan_facts *f);

/* ## plan.c: the tasks */

/** One obligation unit of the directive, drafted as one task. */
typedef struct {
	const dt_unit *unit;
	const dt_unit *article;  /* its article, or NULL */
	const dt_unit *chapter;  /* its chapter, or NULL */
	char *gist;              /* first sentence, cut with "…" */
	dt__plan_facts facts;
	int explicit_duty;       /* its wording says "phải", "обязан" */
} dt__plan_task;

typedef struct {
	const dt_doc *doc;
	const dt_meta *meta;
	const dt_plan_opts *o;
	dt_lang lang;            /* the plan's language: vi or ru */
	dt_lang src_lang;        /* the directive's: vi or ru */
	dt__plan_task *tasks;
	size_t n, cap;
} dt__plan;

/* ## plan_cite.c */

/** Append the citation of the directive as a whole in the plan's
 *  language: "Quy định số 31-QĐ/TW", "постановления № 12-П",
 *  "Положения № 31-QĐ/TW". */
int dt__plan_ref(dt_buf *b, const dt__plan *p);
/** Append the label of `u` in the plan's language: "khoản 2 Điều 5",
 *  "пункт 2 статьи 5", "подпункт «a» пункта 2 статьи 5"; with
 *  `genitive`, a Russian label starts in the genitive too ("пункта 2
 *  статьи 5"; Vietnamese has no cases). */
int dt__plan_label(dt_buf *b, const dt__plan *p, const dt_unit *u,
	int genitive);
/** Append the label and the reference: a citation dirtrace resolves. */
int dt__plan_cite(dt_buf *b, const dt__plan *p, const dt_unit *u,
	int genitive);
/** The directive's type in the plan's language, as a title word
 *  ("Quy định", "Положение"). */
const char *dt__plan_type_word(const dt__plan *p);

/* ## plan_data.c */

/** Fill `d` (initialised) with the plan's data tree (templates/README.md
 *  lists every name).  DT_ENOMEM or DT_ELIMIT. */
int dt__plan_data(dt__tdata *d, const dt__plan *p, dt_error *err);

#endif /* DT_PLAN_H */
