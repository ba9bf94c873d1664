/*
 * outline_grammar.h - the numbering grammar rows (outline_grammar.c),
 * private to outline.c.
 */
#ifndef DT_OUTLINE_GRAMMAR_H
#define DT_OUTLINE_GRAMMAR_H

#include "internal.h"

/* How the number of a row is read into a value. */
typedef enum {
	NUM_NONE,      /* bullets: the value is the position */
	NUM_ARABIC,    /* "5", "10a" */
	NUM_ROMAN,     /* "II" (also accepts arabic) */
	NUM_ORDINAL,   /* "thứ nhất" (also accepts Roman and arabic) */
	NUM_DECIMAL,   /* "1.2.3": the value is the last component */
	NUM_LETTER_VI, /* a b c d đ e g … */
	NUM_LETTER_RU  /* а б в г д е ж … */
} dt_numbering;

#define G_HEAD (1u << 0)        /* the rest of the line is a heading */
#define G_NEEDS_DELIM (1u << 1) /* without "."/":" only in a heading */
#define G_CASE (1u << 2)        /* case-sensitive */
#define G_CHARTER (1u << 3)     /* groups: num, article, clause, rest */
#define G_CHARTER_SUB (1u << 4) /* groups: num, clause, rest */

typedef struct {
	dt_kind kind;
	dt_numbering numbering;
	unsigned flags;
	const char *pattern;
} dt_grammar_row;

extern const dt_grammar_row dt__outline_grammar[];
extern const size_t dt__outline_grammar_count;
extern const char *const dt__letters_vi[];
extern const char *const dt__letters_ru[];
extern const char *const dt__ordinals_vi[];

#endif /* DT_OUTLINE_GRAMMAR_H */
