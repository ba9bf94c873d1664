/*
 * init.c - dt_init(): the state the library shares between threads, set
 * up at once from the calling thread.
 *
 * Everything shared is built lazily under pthread_once (patterns,
 * character tables, stopwords), except in two libraries that want their
 * first call made alone: cmark-gfm 0.29 registers its extensions behind
 * a plain flag (two first parses at once register them twice and renumber
 * the table node types under the other), and libxml2 asks for
 * xmlInitParser() on the main thread.  Parsing one tiny document of each
 * format runs every one of those first calls, through the same paths a
 * real document takes.
 */
#include <string.h>

#include "internal.h"

int dt_init(dt_error *err)
{
	static const char md[] = "# Điều 1\n\nx\n";
	static const char akn[] = "<akomaNtoso><act><body/></act></akomaNtoso>";
	dt_parse_opts o;
	dt_doc *d = NULL;
	int rc;

	memset(&o, 0, sizeof(o));
	o.format = DT_FORMAT_MD;
	rc = dt_doc_parse(&d, md, sizeof(md) - 1, "", &o, err);
	dt_doc_free(d);
	d = NULL;
	if (rc == DT_ENOMEM) {
		return rc;
	}
	o.format = DT_FORMAT_AKN;
	rc = dt_doc_parse(&d, akn, sizeof(akn) - 1, "", &o, NULL);
	dt_doc_free(d);
	return rc == DT_ENOMEM ? dt__fail(err, rc, 0, 0, "out of memory") : 0;
}
