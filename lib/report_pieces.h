/*
 * report_pieces.h - a gaps report cut into pieces that several threads
 * render at once (report_pieces.c), in the formats that are a head, a
 * row or object per directive unit, and a tail (report_review.c).
 */
#ifndef DT_REPORT_PIECES_H
#define DT_REPORT_PIECES_H

#include "internal.h"

/* head, then units(0, n) (or units(0, a), units(a, b), ... units(z, n):
 * the same bytes), then tail, is the whole report. */
typedef struct {
	int (*head)(dt_buf *b, const dt_review *r, unsigned flags);
	int (*units)(dt_buf *b, const dt_review *r, size_t from, size_t to);
	int (*tail)(dt_buf *b, const dt_review *r, unsigned flags);
} dt_review_layout;

/** The layout of `format` (JSON, CSV); NULL for the formats written in
 *  one go (text, Markdown, HTML). */
const dt_review_layout *dt__review_layout(dt_report_format format);

/* Links (each ~200-400 bytes of JSON) per piece: big enough that taking
 * a piece costs nothing, small enough to keep both threads busy to the
 * end of a report. */
#define DT_PIECE_LINKS 1024

/** Render the report of `l` in `jobs` threads (the calling one
 *  included), in pieces of runs of units of at least `links_per` links
 *  (a unit counting as one), handing the pieces to `write` in order from
 *  the calling thread only.  0, write's nonzero result, or a negative
 *  dt_status. */
int dt__review_write_pieces(const dt_review *r, const dt_review_layout *l,
	unsigned flags, size_t jobs, size_t links_per, dt_write_cb write,
	void *payload);

#endif /* DT_REPORT_PIECES_H */
