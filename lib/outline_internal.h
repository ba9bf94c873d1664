/*
 * outline_internal.h - what the outline's files share: the numbering
 * grammar (outline_grammar.c), reading numbers and creating units with
 * their eIds and numbering checks (outline_units.c).  Private to
 * outline*.c.
 */
#ifndef DT_OUTLINE_INTERNAL_H
#define DT_OUTLINE_INTERNAL_H

#include "outline_grammar.h"

/* Nesting ranks: a unit closes every open unit of equal or higher rank.
 * Decimal items rank RANK_CLAUSE + depth ("1.2" is 62), between clauses
 * and points; items '+' rank one below '-'. */
enum {
	RANK_BLOCK = 5, RANK_PART = 10, RANK_CHAPTER = 20, RANK_SECTION = 30,
	RANK_SUBSECTION = 40, RANK_ARTICLE = 50, RANK_CLAUSE = 60,
	RANK_POINT = 70, RANK_ITEM = 80
};

/* What creating units needs to know across a document. */
typedef struct {
	dt_doc *doc;
	dt_unit *last_article; /* articles are numbered through the text */
	size_t units, max_units;
} dt_unit_builder;

/** The value of number `s[0..n)` read the `how` way into *out: arabic,
 *  Roman, "thứ nhất", the last part of "1.2.3", a letter's position.
 *  Returns 0, or DT_ENOMEM (an ordinal is case-folded first). */
int dt__outline_num_value(long *out, dt_numbering how, const char *s,
	size_t n);
/** The nesting rank of a unit of `kind` numbered `num`. */
int dt__outline_rank(dt_kind kind, const char *num);
/** Make `line` the last line of `u` and its ancestors if it is later. */
void dt__outline_extend(dt_unit *u, size_t line);
/**
 * A new unit of `kind` numbered `num[0..numlen)` (value `value`; items,
 * rows and blocks get their position instead) as the last child of
 * `parent`, with its eId; numbering irregularities become warnings on
 * the document.  DT_ELIMIT past max_units.
 */
int dt__outline_new_unit(dt_unit_builder *b, dt_unit **out,
	dt_unit *parent, dt_kind kind, const char *num, size_t numlen,
	long value, size_t line);

/* ## outline_pipes.c: tables laid out one cell per line */
typedef struct {
	dt_block *rows; /* kind DT_BLOCK_ROW; rows[0] is the header */
	size_t n;
} dt_pipe_rows;

/** True when the paragraph `blk` is a table laid out one cell per line
 *  ("|" lines between cells, "|" "|" between rows). */
int dt__is_pipe_table(const dt_block *blk);
/** Its rows, numbered as table `table`; free with dt__pipe_rows_dispose. */
int dt__pipe_rows_split(dt_pipe_rows *p, const dt_block *blk, size_t table);
void dt__pipe_rows_dispose(dt_pipe_rows *p);

#endif /* DT_OUTLINE_INTERNAL_H */
