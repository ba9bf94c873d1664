/*
 * gen_corpus.h - what the files of the corpus generator share: a growing
 * buffer, a seeded random generator, UTF-8 case helpers, Vietnamese and
 * Russian sentence makers and paraphrases (gen_corpus_text.c); the
 * directive model, the three directives and the citations of their units
 * (gen_corpus_units.c).  gen_corpus.c writes the local documents.
 */
#ifndef GEN_CORPUS_H
#define GEN_CORPUS_H

#include <stddef.h>
#include <stdint.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_ART 2000    /* articles (vi, ru) or top items (charter) */
#define DEFAULT_ART 200 /* articles of the vi and ru directives (-a) */
#define DEFAULT_CH_ART 70 /* top items of the charter one (-a) */
#define MAX_SUB 6       /* clauses or sub-items of one */
#define MAX_PT 6        /* points or sub-sub-items of one */
#define MAX_TARGETS 8   /* units one citation names */

/* ## Buffers and randomness */

typedef struct {
	char *p;
	size_t len, cap;
} sbuf;

void sb_putn(sbuf *b, const char *s, size_t n);
void sb_put(sbuf *b, const char *s);
__attribute__((format(printf, 2, 3)))
void sb_printf(sbuf *b, const char *fmt, ...);

/* splitmix64: tiny, fast, the same sequence on every platform. */
typedef struct {
	uint64_t s;
} rng;

uint64_t rnd(rng *r);
/* Uniform in [0, n), n > 0. */
size_t pick(rng *r, size_t n);
/* In [0, n), skewed to the front (n * u^2): lists run common to rare. */
size_t skew(rng *r, size_t n);
int chance(rng *r, unsigned pct);

#define PICK(r, a) ((a)[pick((r), N(a))])
#define SKEW(r, a) ((a)[skew((r), N(a))])

/* ## Text */

/* s with its first letter (all = 0) or all letters (all = 1) upper case:
 * Latin, Vietnamese and Cyrillic letters. */
void put_upper(sbuf *b, const char *s, int all);
void put_lower_first(sbuf *b, const char *s);

enum { L_VI, L_RU, L_CH };

/* Vietnamese template t with its slots filled (gen_corpus_text.c). */
void vi_fill(sbuf *b, rng *r, const char *t, int other);
/* An obligation sentence without its full stop; `cap`: capitalized. */
void vi_sentence(sbuf *b, rng *r, int cap);
void ru_sentence(sbuf *b, rng *r, int cap);
/* Filler sentences of local documents; `other`: off the subject. */
void vi_filler(sbuf *b, rng *r, int other);
void ru_filler(sbuf *b, rng *r, int other);
/* A Russian noun phrase in case `cas` (gen_corpus_words.h); *gn_out, if
 * not NULL, gets its gender, or 3 for a plural. */
void ru_np(sbuf *b, rng *r, int cas, int depth, int *gn_out);
void ru_pp(sbuf *b, rng *r);
/* Word-level edits of `text` (language L_*). */
void paraphrase(sbuf *b, rng *r, const char *text, int lang);

/* ## The directive model */

typedef struct {
	char eid[64];
	char *text;     /* as written, without its number */
} leaf;

typedef struct {
	int lang;
	unsigned nart;               /* articles, or top items (charter) */
	unsigned nchap;
	unsigned chap_of[MAX_ART + 1];
	unsigned charter_art[MAX_ART + 1];
	unsigned nsub[MAX_ART + 1];  /* clauses, or sub-items */
	unsigned nleaf[MAX_ART + 1][MAX_SUB + 1]; /* points, or sub-sub-items */
	leaf *leaves;                /* the obligation leaves */
	size_t nleaves, leafcap;
	const char *sym, *alias, *date;
} model;

/* One citation: its text, the eIds it names, the one leaf it names (for
 * a paraphrase beside it) or -1, and whether it is broken. */
typedef struct {
	sbuf text;
	char eid[MAX_TARGETS][96];
	unsigned n;
	int leaf;
	int broken;
} cite;

/* Write the directive of `lang` with `articles` articles (top items
 * for the charter one; 0: the default) to b and describe it in m. */
void directive(sbuf *b, model *m, int lang, unsigned articles, rng *r);
void model_free(model *m);
/* A citation of m's units in the forms of its language. */
void cite_units(cite *c, const model *m, rng *r);

#endif /* GEN_CORPUS_H */
