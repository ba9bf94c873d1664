/*
 * meta.c - a document's metadata from the text around its body: the
 * header block (issuing body, symbol, place and date, type, title), the
 * preamble's links to parent documents, supersession sentences, and the
 * end matter (recipients, signature) that the outline must skip.
 *
 * This file runs the steps in order; each lives in its own file behind
 * meta_internal.h:
 *   meta_patterns.c  the word lists and patterns, compiled once
 *   meta_text.c      small text and field helpers
 *   meta_kv.c        front-matter / AKN key/values
 *   meta_header.c    the header block and header tables
 *   meta_body.c      preamble and supersession references
 *   meta_end.c       the end matter
 * Front-matter / AKN key-values win over anything read from the text:
 * their fields are written after the header's.  The end matter is marked
 * before supersession is read, so recipients lists name nothing.
 */
#include <string.h>

#include "meta_internal.h"

int dt__meta_extract(dt_doc *doc, const dt_blocks *blocks,
	unsigned char *used, dt_error *err)
{
	dt_meta_body c;
	size_t hdr_end = 0, pre_end = 0;
	int rc;

	if (dt__meta_patterns_init() < 0) {
		return dt__fail(err, DT_ERROR, 0, 0, "metadata patterns: %s",
			"compile failed");
	}
	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.bl = blocks;
	c.used = used;
	dt__buf_init(&c.text, (size_t)1 << 20);
	rc = dt__meta_kv_refs(doc, blocks);
	if (rc == 0) {
		rc = dt__meta_header(doc, blocks, used, &hdr_end);
	}
	if (rc == 0) {
		rc = dt__meta_kv_fields(doc, blocks);
	}
	if (rc == 0) {
		rc = dt__symbol_key_str(c.own, sizeof(c.own), doc->meta.symbol,
			strlen(doc->meta.symbol));
		rc = rc < 0 ? rc : 0;
	}
	if (rc == 0) {
		rc = dt__meta_preamble(&c, hdr_end, &pre_end);
	}
	if (rc == 0) {
		rc = dt__meta_end_matter(blocks, used, hdr_end);
	}
	if (rc == 0) {
		rc = dt__meta_supersession(&c, hdr_end, pre_end);
	}
	dt__buf_dispose(&c.text);
	if (rc < 0) {
		return dt__fail(err, rc, 0, 0, "metadata: %s",
			rc == DT_ENOMEM ? "out of memory" : rc == DT_ELIMIT ?
			"a pattern hit its match limit" : "pattern failure");
	}
	return 0;
}
