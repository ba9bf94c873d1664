/*
 * report_html.h - the gap review as one self-contained HTML page
 * (report_html.c); called by dt_review_write() in report_review.c.
 */
#ifndef DT_REPORT_HTML_H
#define DT_REPORT_HTML_H

#include "internal.h"

/**
 * Append the review `r` (finished) to `b` as a complete HTML document:
 * no external assets, every piece of document text escaped.  `flags` are
 * DT_WRITE_* bits (none apply yet).  Returns 0, DT_ENOMEM or DT_ELIMIT.
 */
int dt__review_write_html(dt_buf *b, const dt_review *r, unsigned flags);

#endif /* DT_REPORT_HTML_H */
