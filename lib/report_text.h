/*
 * report_text.h - the text and Markdown forms of a review
 * (report_text.c), called by dt_review_write() in report_review.c.
 */
#ifndef DT_REPORT_TEXT_H
#define DT_REPORT_TEXT_H

#include "internal.h"

/** Append the review as text (findings, per-chapter summary; ANSI colour
 *  with DT_WRITE_COLOR) or, with `md`, as a Markdown review document. */
int dt__review_write_text(dt_buf *b, const dt_review *r, int md,
	unsigned flags);
/** Append `s` as text of a Markdown table cell: '|' escaped, line
 *  breaks as spaces. */
int dt__md_cell(dt_buf *b, const char *s);

#endif /* DT_REPORT_TEXT_H */
