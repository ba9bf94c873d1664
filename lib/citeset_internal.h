/*
 * citeset_internal.h - what the two halves of dt_cites_find() share:
 * the builder of a citation set and the record of one citation.
 * citeset.c walks the units and the metadata and stores the set;
 * citeset_resolve.c resolves each citation the scanner finds.  Private
 * to lib/.
 */
#ifndef DT_CITESET_INTERNAL_H
#define DT_CITESET_INTERNAL_H

#include "cite.h"

/* Offsets into the pool while the set is built. */
typedef struct {
	size_t text, document, rule, message;
	size_t eid_first, neids;
} cite_offs;

/* One dt_cites_find() at work: the set and its pool, the resolution
 * context, and where in the document the scan is. */
typedef struct {
	dt_citeset *set;
	cite_offs *offs;
	dt_buf pool;
	size_t *eid_offs;
	size_t neid, eidcap;
	dt_cite_ctx ctx;
	char (*eids)[96];     /* targets of the citation being resolved */
	const dt_unit *unit;  /* the unit being scanned */
	size_t unit_cites;    /* citations kept from it so far */
	size_t max_cites;     /* dt_parse_opts.max_cites of the document */
	size_t over_line;     /* where a unit passed max_cites, or 0 */
	const char *text;     /* its heading or text */
	int in_heading;
	size_t line_pos, line; /* line of text[line_pos] */
	dt_cite_ante ante;    /* for anaphora */
	size_t base;          /* position of the next text (dt_cite_ctx) */
} builder;

/* What to record: the parts of a citation before they are stored. */
typedef struct {
	size_t start, end, line;
	const char *text;
	size_t text_len;
	const char *document;
	size_t document_len;
	dt_cite_status status;
	int dir;
	size_t neids;
	char rule[48];
	char message[320];
} record;

/* ## Storing (citeset.c) */

/** Store the citation `r` in the set, of the unit being scanned.
 *  DT_ELIMIT (b->over_line set) when the unit passes max_cites,
 *  DT_ENOMEM; nothing is kept on failure. */
int dt__citeset_add(builder *b, const record *r);

/** The original line of offset `off` of the text being scanned;
 *  offsets come in order within one text, so counting resumes where it
 *  stopped (linear per text). */
size_t dt__citeset_line_of(builder *b, size_t off);

/* ## Resolving (citeset_resolve.c) */

/** Status and message of `r` from what its document resolved to
 *  (`res`) and, when `units`, which of the named units the directive
 *  has (`miss`: the first missing one, or ""). */
void dt__citeset_conclude(builder *b, record *r, const dt_cite_docres *res,
	int units, const char *miss);

/** The scanner's callback (dt__cite_scan, payload: the builder): an
 *  alias is defined, a chain or a document reference resolved and
 *  stored. */
int dt__citeset_on_raw(const dt_cite_raw *raw, void *payload);

#endif /* DT_CITESET_INTERNAL_H */
