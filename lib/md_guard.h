/*
 * md_guard.h - bounding what Debian's cmark-gfm may cost, private to
 * read_md.c and md_guard*.c.
 *
 * cmark-gfm 0.29.0.gfm.6 lacks the 2023 fixes for inputs whose cost is
 * out of proportion to their size.  md_guard.c scans the text once, in
 * linear time, before cmark sees it: what it can measure for certain
 * (line length, container nesting, table cells after padding) is refused
 * over its limit; what it can only suspect (measured in units of work
 * whose cost per unit is known) sends the parse to a child process under
 * a CPU and memory budget (md_guard_child.c), which hands the blocks back
 * through a pipe.
 */
#ifndef DT_MD_GUARD_H
#define DT_MD_GUARD_H

#include "internal.h"

/* What one pass over the Markdown source found. */
typedef struct {
	size_t longest, longest_line;  /* bytes of the longest line, where */
	size_t depth, depth_line;      /* deepest container marker run */
	size_t cells, cells_line;      /* table cells after padding; where
	                                * the largest table starts */
	/* Suspect shapes, in units of cmark work (see md_guard.c). */
	double bracket_work;  /* "![" openers x "]" per paragraph */
	double delim_work;    /* delimiter-like rows x paragraph bytes */
	double ref_work;      /* longest reference definition x "]" */
} dt_md_scan;

/** The ']' bytes in [b, e) into *close, the "![" pairs into *img. */
void dt__md_brackets(const char *b, const char *e, size_t *close,
	size_t *img);

/** Scan `len` bytes of Markdown (linear time, no allocation). */
void dt__md_scan(dt_md_scan *out, const char *s, size_t len);

/**
 * Refuse (DT_ELIMIT, with the line) what `scan` shows over the limits of
 * `o` (resolved: no zero fields).  Otherwise set *why to NULL for an
 * in-process parse, or to the reason the parse must run under budget,
 * and *suspect to 1 when that reason is a suspect shape (not size alone).
 * With DT_PARSE_GUARD_NEVER a suspect document is refused instead.
 */
int dt__md_guard(const char **why, int *suspect, const dt_md_scan *scan,
	size_t len, const dt_parse_opts *o, dt_error *err);

/**
 * The cmark parse and walk (read_md.c): `src` (front matter blanked) ->
 * blocks appended to `out`.  `budget` 0 parses with cmark's allocator;
 * a guarded child passes its memory budget: cmark's allocations are then
 * counted and past it dt__md_over_budget() ends the child.
 */
int dt__md_blocks(dt_blocks *out, const char *src, size_t len,
	size_t budget, dt_error *err);

/** (md_guard_child.c) Tell the parent that cmark went over the memory
 *  budget and end the child process. */
_Noreturn void dt__md_over_budget(void);

/**
 * dt__md_blocks() in a child process under o->max_seconds of CPU and
 * o->max_memory of cmark memory (md_guard_child.c).  A child over its
 * budget is DT_ELIMIT "document too complex (…)" naming `why`; so is a
 * child that cannot be started when `suspect`, else the parse runs in
 * process.
 */
int dt__md_blocks_guarded(dt_blocks *out, const char *src, size_t len,
	const dt_parse_opts *o, const char *why, int suspect, dt_error *err);

#endif
