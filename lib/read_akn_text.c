/*
 * read_akn_text.c - what the Akoma Ntoso walks know of an element: its
 * namespace and name, its class (read_akn_body.c turns each class into
 * blocks), and its inline text, which both the blocks and the metadata
 * (read_akn_meta.c) are made of.
 *
 * Inline markup (ref, mref, rref, b, i…) gives its text; <eol/> is a line
 * break; whitespace holding a line break (pretty-printing) becomes one
 * space, other runs are kept as written.  A block's line is
 * the line of its first character, so line k of its text is line + k when
 * each <eol/> ends an XML line (as write_akn.c writes it).  Copies kept
 * in blocks and metadata are NFC (dt__akn_dup_nfc).
 */
#include <string.h>

#include "read_akn_internal.h"

#define AKN_NS "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#define AKN_NS_OLD "http://www.akomantoso.org/"

/* ## element classes */

static const dt_akn_el elements[] = {
	{ "part", EL_HEAD, DT_KIND_PART },
	{ "chapter", EL_HEAD, DT_KIND_CHAPTER },
	{ "section", EL_HEAD, DT_KIND_SECTION },
	{ "subsection", EL_HEAD, DT_KIND_SUBSECTION },
	{ "article", EL_HEAD, DT_KIND_ARTICLE },
	{ "book", EL_HEAD, -1 }, { "tome", EL_HEAD, -1 },
	{ "title", EL_HEAD, -1 }, { "subtitle", EL_HEAD, -1 },
	{ "division", EL_HEAD, -1 }, { "subdivision", EL_HEAD, -1 },
	{ "subchapter", EL_HEAD, -1 }, { "subpart", EL_HEAD, -1 },
	{ "paragraph", EL_NUMBERED, DT_KIND_CLAUSE },
	{ "point", EL_NUMBERED, DT_KIND_POINT },
	{ "item", EL_NUMBERED, DT_KIND_ITEM },
	{ "indent", EL_NUMBERED, DT_KIND_ITEM },
	{ "level", EL_NUMBERED, DT_KIND_LEVEL },
	{ "hcontainer", EL_NUMBERED, -1 },
	{ "subparagraph", EL_NUMBERED, -1 }, { "alinea", EL_NUMBERED, -1 },
	{ "clause", EL_NUMBERED, -1 }, { "subclause", EL_NUMBERED, -1 },
	{ "list", EL_NUMBERED, -1 }, { "sublist", EL_NUMBERED, -1 },
	{ "proviso", EL_NUMBERED, -1 }, { "rule", EL_NUMBERED, -1 },
	{ "subrule", EL_NUMBERED, -1 }, { "transitional", EL_NUMBERED, -1 },
	{ "p", EL_BLOCK, -1 }, { "block", EL_BLOCK, -1 },
	{ "listIntroduction", EL_BLOCK, -1 }, { "listWrapUp", EL_BLOCK, -1 },
	{ "crossHeading", EL_BLOCK, -1 }, { "tocItem", EL_BLOCK, -1 },
	{ "li", EL_BLOCK, -1 }, { "heading", EL_BLOCK, -1 },
	{ "subheading", EL_BLOCK, -1 }, { "num", EL_BLOCK, -1 },
	{ "table", EL_TABLE, -1 },
	{ "meta", EL_SKIP, -1 }, { "preface", EL_SKIP, -1 },
	{ "coverPage", EL_SKIP, -1 }, { "foreign", EL_SKIP, -1 },
	{ "toc", EL_SKIP, -1 }, { "componentRef", EL_SKIP, -1 },
	{ "documentRef", EL_SKIP, -1 }, { "img", EL_SKIP, -1 },
	{ "authorialNote", EL_SKIP, -1 },
	{ "body", EL_CONTAINER, -1 }, { "mainBody", EL_CONTAINER, -1 },
	{ "preamble", EL_CONTAINER, -1 }, { "conclusions", EL_CONTAINER, -1 },
	{ "content", EL_CONTAINER, -1 }, { "intro", EL_CONTAINER, -1 },
	{ "wrapUp", EL_CONTAINER, -1 }, { "blockContainer", EL_CONTAINER, -1 },
	{ "container", EL_CONTAINER, -1 }, { "blockList", EL_CONTAINER, -1 },
	{ "citations", EL_CONTAINER, -1 }, { "citation", EL_CONTAINER, -1 },
	{ "recitals", EL_CONTAINER, -1 }, { "recital", EL_CONTAINER, -1 },
	{ "formula", EL_CONTAINER, -1 }, { "longTitle", EL_CONTAINER, -1 },
	{ "tblock", EL_CONTAINER, -1 }, { "div", EL_CONTAINER, -1 },
	{ "ul", EL_CONTAINER, -1 }, { "ol", EL_CONTAINER, -1 },
};

/* True for elements of the AKN namespace (3.0, older, or none). */
int dt__akn_in_ns(const xmlNode *n)
{
	const char *href;

	if (n->ns == NULL || n->ns->href == NULL) {
		return 1;
	}
	href = (const char *)n->ns->href;
	return strncmp(href, AKN_NS, strlen(AKN_NS)) == 0 ||
		strncmp(href, AKN_NS_OLD, strlen(AKN_NS_OLD)) == 0;
}

int dt__akn_is(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && dt__akn_in_ns(n) &&
		strcmp((const char *)n->name, name) == 0;
}

const dt_akn_el *dt__akn_lookup(const xmlNode *n)
{
	size_t i;

	for (i = 0; i < sizeof(elements) / sizeof(elements[0]); i++) {
		if (strcmp((const char *)n->name, elements[i].name) == 0) {
			return &elements[i];
		}
	}
	return NULL;
}

static int is_xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* True when `n` has a non-blank text child of its own (mixed content). */
int dt__akn_has_text(const xmlNode *n)
{
	const xmlNode *c;
	const char *s;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) {
			continue;
		}
		for (s = (const char *)c->content; s != NULL && *s; s++) {
			if (!is_xml_space(*s)) {
				return 1;
			}
		}
	}
	return 0;
}

/* The first child element of `n` called `name`, or NULL. */
const xmlNode *dt__akn_child(const xmlNode *n, const char *name)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next) {
		if (dt__akn_is(c, name)) {
			return c;
		}
	}
	return NULL;
}

size_t dt__akn_line(const xmlNode *n)
{
	long line = xmlGetLineNo(n);

	return line > 0 ? (size_t)line : 0;
}

/* ## collecting inline text */

void dt__akn_text_init(dt_akn_text *a)
{
	memset(a, 0, sizeof(*a));
	dt__buf_init(&a->b, DT_AKN_MAX_BLOCK_TEXT);
	dt__buf_init(&a->ws, DT_AKN_MAX_BLOCK_TEXT);
}

void dt__akn_text_dispose(dt_akn_text *a)
{
	dt__buf_dispose(&a->b);
	dt__buf_dispose(&a->ws);
}

static void ws_clear(dt_akn_text *a)
{
	a->ws.len = 0;
	a->ws_nl = 0;
}

/* Whitespace between two characters: dropped at the start of the text
 * and of a line, one space when it holds a line break (pretty-printing
 * indentation), kept as written otherwise ("a   b" stays). */
static int acc_flush_ws(dt_akn_text *a)
{
	int rc = 0;

	if (a->b.len > 0 && a->b.data[a->b.len - 1] != '\n' &&
		(a->ws.len > 0 || a->ws_nl)) {
		rc = a->ws_nl ? dt__buf_putc(&a->b, ' ') :
			dt__buf_append(&a->b, a->ws.data, a->ws.len);
	}
	ws_clear(a);
	return rc;
}

/* Append XML character data with the whitespace rule above. */
static int acc_text(dt_akn_text *a, const char *s)
{
	int rc = 0;

	while (rc == 0 && s != NULL && *s != '\0') {
		size_t run = 0;

		if (is_xml_space(*s)) {
			a->nl += *s == '\n';
			a->ws_nl |= *s == '\n' || *s == '\r';
			rc = a->ws_nl ? 0 : dt__buf_putc(&a->ws, *s);
			s++;
			continue;
		}
		while (s[run] != '\0' && !is_xml_space(s[run])) {
			run++;
		}
		if (a->b.len == 0) {
			a->nl_first = a->nl;
		}
		rc = acc_flush_ws(a);
		if (rc == 0) {
			rc = dt__buf_append(&a->b, s, run);
		}
		a->nl_last = a->nl;
		s += run;
	}
	return rc;
}

/* <eol/>: a line break kept in the text (none at the very start). */
static int acc_break(dt_akn_text *a)
{
	ws_clear(a);
	if (a->b.len == 0) {
		return 0;
	}
	return dt__buf_putc(&a->b, '\n');
}

/* Drop line breaks left at the end by trailing <eol/>s. */
static void acc_trim(dt_akn_text *a)
{
	while (a->b.len > 0 && a->b.data[a->b.len - 1] == '\n') {
		a->b.data[--a->b.len] = '\0';
	}
	if (a->strong_len > a->b.len) {
		a->strong_len = a->b.len;
	}
}

int dt__akn_too_deep(dt_akn_walker *w, const xmlNode *n)
{
	return dt__fail(w->err, DT_ELIMIT, dt__akn_line(n), 0,
		"elements nested deeper than %u", w->max_depth);
}

int dt__akn_text_fail(dt_akn_walker *w, const xmlNode *n, int rc)
{
	if (rc == DT_ELIMIT) {
		return dt__fail(w->err, rc, dt__akn_line(n), 0,
			"text of <%s> over %zu bytes", (const char *)n->name,
			DT_AKN_MAX_BLOCK_TEXT);
	}
	return dt__fail(w->err, rc, dt__akn_line(n), 0, "out of memory");
}

static int is_block_like(const xmlNode *n)
{
	const dt_akn_el *e = dt__akn_lookup(n);

	return e != NULL && (e->cls == EL_BLOCK || e->cls == EL_CONTAINER);
}

/* Append the inline text of `n`'s children; `depth` is n's depth.
 * Errors are reported (dt__fail) where they happen. */
static int collect(dt_akn_walker *w, dt_akn_text *a, const xmlNode *n,
	unsigned depth)
{
	const xmlNode *c;
	int rc = 0;

	for (c = n->children; rc == 0 && c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE ||
			c->type == XML_CDATA_SECTION_NODE) {
			rc = acc_text(a, (const char *)c->content);
			if (rc < 0) {
				return dt__akn_text_fail(w, n, rc);
			}
		} else if (c->type != XML_ELEMENT_NODE || !dt__akn_in_ns(c) ||
			dt__akn_is(c, "authorialNote") ||
			dt__akn_is(c, "foreign")) {
			continue;
		} else if (dt__akn_is(c, "eol") || dt__akn_is(c, "br")) {
			rc = acc_break(a);
			if (rc < 0) {
				return dt__akn_text_fail(w, n, rc);
			}
		} else if (depth + 1 > w->max_depth) {
			return dt__akn_too_deep(w, c);
		} else {
			int bold = a->b.len == 0 &&
				(dt__akn_is(c, "b") || dt__akn_is(c, "strong"));
			int blocky = is_block_like(c);

			a->ws_nl |= blocky; /* <p>a</p><p>b</p> -> "a b" */
			rc = collect(w, a, c, depth + 1);
			a->ws_nl |= blocky;
			if (rc == 0 && bold) {
				a->strong_len = a->b.len;
			}
		}
	}
	return rc;
}

/* Collect the inline text of `n` into a (initialized here). */
int dt__akn_collect(dt_akn_walker *w, dt_akn_text *a, const xmlNode *n,
	unsigned depth)
{
	int rc;

	dt__akn_text_init(a);
	rc = collect(w, a, n, depth);
	acc_trim(a);
	return rc;
}

/* A NUL-terminated NFC copy of s[0..len): the text is NFC already unless
 * character references spelled out a decomposed sequence. */
char *dt__akn_dup_nfc(const char *s, size_t len, int *rc)
{
	dt_buf b;
	char *copy;

	if (len == 0 || dt__nfc_quick(s, len)) {
		copy = dt__strndup(len > 0 ? s : "", len);
		*rc = copy == NULL ? DT_ENOMEM : 0;
		return copy;
	}
	dt__buf_init(&b, 0);
	*rc = dt__nfc_append(&b, s, len, NULL);
	if (*rc < 0) {
		dt__buf_dispose(&b);
		return NULL;
	}
	copy = dt__buf_detach(&b, NULL);
	*rc = copy == NULL ? DT_ENOMEM : 0;
	return copy;
}
