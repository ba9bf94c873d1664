/*
 * report_html_internal.h - what the parts of the HTML gap review share,
 * private to report_html*.c: the display classes, the page model (map
 * rows, cells and chapter groups; report_html_map.c) and the static
 * style sheet and script (report_html_assets.c).  report_html.c writes
 * the page from them.
 */
#ifndef DT_REPORT_HTML_INTERNAL_H
#define DT_REPORT_HTML_INTERNAL_H

#include "internal.h"

/* Display classes: the coverage statuses, with accepted gaps apart. */
enum {
	CLS_COVERED,
	CLS_IMPLICIT,
	CLS_PARTIAL,
	CLS_UNCOVERED,
	CLS_ACCEPTED,
	CLS_NA,
	CLS_COUNT
};

/* ## The page model (report_html_map.c) */

/* Where one unit of the review stands on the page. */
typedef struct {
	size_t parent;      /* review index of the parent; SIZE_MAX: top */
	size_t row;         /* review index of its map row; SIZE_MAX: none */
	size_t group;       /* index of its chapter group */
	size_t ncells;      /* rows: cells in the row */
	unsigned char cls;  /* CLS_* */
	unsigned char cell; /* 1: a cell of its row */
	unsigned char acc;  /* accepted here or above */
} dt_html_unit;

/* A chapter group: a chapter bar and a <tbody> of the map. */
typedef struct {
	size_t top;              /* review index of the chapter; SIZE_MAX:
	                          * the units outside any container */
	size_t rows;             /* map rows in the group */
	size_t count[CLS_COUNT]; /* obligation units by class */
} dt_html_group;

/* The review laid out: u[i] for review unit i (document order), the
 * groups in order of first appearance. */
typedef struct {
	const dt_review *r;
	size_t n;          /* review units */
	dt_html_unit *u;
	dt_html_group *g;
	size_t ng;
	size_t nrows, maxcells;
	int mode;          /* rows: 2 articles, 1 top decimal items, 0 top
	                    * units that are not containers */
	const char *lang;  /* "vi", "ru", "en" or "" */
} dt_html_page;

/** The unit of review entry `i` of `p`. */
static inline const dt_unit *dt__html_unit_at(const dt_html_page *p, size_t i)
{
	return dt_review_unit_at(p->r, i)->unit;
}

/** Lay out the finished review `r` in `p` (caller-allocated): classes,
 * rows, cells, groups.  Returns 0 or DT_ENOMEM; call
 * dt__html_page_dispose() either way. */
int dt__html_page_init(dt_html_page *p, const dt_review *r);

/** Free what dt__html_page_init() allocated. */
void dt__html_page_dispose(dt_html_page *p);

/* ## Static assets (report_html_assets.c) */

/** The style sheet, after the per-class colours; ends with a newline. */
extern const char dt__html_css[];

/** The status filter script; ends with a newline. */
extern const char dt__html_script[];

#endif /* DT_REPORT_HTML_INTERNAL_H */
