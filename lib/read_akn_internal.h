/*
 * read_akn_internal.h - what the parts of the Akoma Ntoso reader share,
 * private to read_akn*.c.  These are the libxml2 adapter files, so
 * libxml2 types appear here and must go no further: read_akn.c (the
 * entry, dt__read_akn(), and safe parsing) runs two walks over the
 * document element, the metadata (read_akn_meta.c) and the blocks
 * (read_akn_body.c); both read elements and their inline text through
 * read_akn_text.c.
 *
 * Functions that may fail return 0 or a negative dt_status and have
 * already reported it with dt__fail().
 */
#ifndef DT_READ_AKN_INTERNAL_H
#define DT_READ_AKN_INTERNAL_H

#include <libxml/tree.h>

#include "internal.h"

/* A block's text: libxml2 caps one text node at 10,000,000 bytes, but a
 * block joins several (inline elements between them). */
#define DT_AKN_MAX_BLOCK_TEXT ((size_t)10 << 20)

/* ## Elements (read_akn_text.c) */

typedef enum {
	EL_OTHER,     /* unknown: a block if it holds text, else a container */
	EL_SKIP,      /* ignored with its subtree */
	EL_HEAD,      /* hierarchy with a heading line: chapter, article… */
	EL_NUMBERED,  /* hierarchy read as "<num> text": paragraph, point… */
	EL_BLOCK,     /* block of inline text: p, block… */
	EL_CONTAINER, /* holds blocks: content, intro, body… */
	EL_TABLE
} dt_akn_class;

typedef struct {
	const char *name;
	dt_akn_class cls;
	int hint;
} dt_akn_el;

/** True for elements of the AKN namespace (3.0, older, or none). */
int dt__akn_in_ns(const xmlNode *n);
/** True when `n` is the AKN element `name` (NULL is none). */
int dt__akn_is(const xmlNode *n, const char *name);
/** The class of element `n` by its name, or NULL when unknown. */
const dt_akn_el *dt__akn_lookup(const xmlNode *n);
/** True when `n` has a non-blank text child of its own (mixed content). */
int dt__akn_has_text(const xmlNode *n);
/** The first child element of `n` called `name`, or NULL. */
const xmlNode *dt__akn_child(const xmlNode *n, const char *name);
/** The source line of `n`, 0 when unknown. */
size_t dt__akn_line(const xmlNode *n);

/* ## The walker (state of both walks) */

typedef struct {
	dt_blocks *out;
	dt_error *err;
	unsigned max_depth;
	size_t ntables;
	/* A numbered element whose number waits for its first text:
	 * <paragraph><num>1.</num><content><p>text -> "1. text". */
	const xmlNode *pend_owner;
	char *pend_num; /* NULL when the element has no <num> */
	char *pend_eid;
	int pend_hint;
	size_t pend_line;
} dt_akn_walker;

/** Report (DT_ELIMIT) `n` as nested deeper than w->max_depth. */
int dt__akn_too_deep(dt_akn_walker *w, const xmlNode *n);
/** Report a text failure `rc` (DT_ELIMIT or DT_ENOMEM) inside `n`. */
int dt__akn_text_fail(dt_akn_walker *w, const xmlNode *n, int rc);

/* ## Inline text (read_akn_text.c) */

typedef struct {
	dt_buf b;
	dt_buf ws;          /* whitespace since the last character */
	int ws_nl;          /* … holding a line break (or a block edge) */
	size_t nl;          /* XML line breaks seen */
	size_t nl_first;    /* … before the first character */
	size_t nl_last;     /* … before the last character */
	size_t strong_len;  /* bytes of a leading <b> */
} dt_akn_text;

/** Start an empty text (each buffer capped at DT_AKN_MAX_BLOCK_TEXT). */
void dt__akn_text_init(dt_akn_text *a);
/** Free what `a` holds. */
void dt__akn_text_dispose(dt_akn_text *a);
/** Collect the inline text of `n` (at `depth`) into `a`, initialized
 * here: dispose of it even on failure. */
int dt__akn_collect(dt_akn_walker *w, dt_akn_text *a, const xmlNode *n,
	unsigned depth);
/** A NUL-terminated NFC copy of s[0..len) (caller frees with dt__free),
 * or NULL with *rc set to a negative dt_status. */
char *dt__akn_dup_nfc(const char *s, size_t len, int *rc);

/* ## The walks */

/** Key/value metadata of the document element `docel` from its meta and
 * preface into w->out. */
int dt__akn_meta_read(dt_akn_walker *w, const xmlNode *docel);
/** The blocks of the document element `docel` into w->out. */
int dt__akn_body_walk(dt_akn_walker *w, const xmlNode *docel);
/** Free what the walker still holds (a pending number after a failure). */
void dt__akn_walker_dispose(dt_akn_walker *w);

#endif
