/*
 * read_akn.c - the Akoma Ntoso 3.0 reader: normalized XML text -> blocks
 * and key/value metadata.  With write_akn.c the only file that knows AKN,
 * and the only includer of libxml2.
 *
 * Safety (DESIGN §7): the text is parsed from memory, UTF-8 forced, with
 * XML_PARSE_NONET and never NOENT/DTDLOAD/DTDATTR/DTDVALID/XINCLUDE/HUGE/
 * RECOVER; a deny-all external entity loader is installed once; any entity
 * declaration stops the parser (XXE and billion laughs end in DT_EPARSE);
 * libxml2's depth limit stays and opts->max_depth is checked before every
 * descent; input over libxml2's 10,000,000-byte limit for in-memory
 * documents is refused up front, and a block's text is capped at 10 MiB
 * besides.  Errors go to a structured
 * handler on the parser context, so nothing is printed and the FIRST error
 * is the one reported.  No libxml2 object leaves this file.
 *
 * The blocks mirror what read_md.c makes of the Markdown that write_md.c
 * writes for the same document, so the outline (which knows numbering,
 * not containers) builds the same units from either format:
 *   any hierarchy element with a heading -> HEADING "<num> <heading>",
 *     ". " joining a number without final punctuation: "Điều 5. Phạm vi",
 *     "Chương II. QUY ĐỊNH CHUNG", "I. MỤC ĐÍCH", "1. Mục đích" (the
 *     outline takes a heading only from a head row or a HEADING block)
 *   head (part, chapter, section, subsection, article, book, title…)
 *     without heading, or any element with an empty <heading/>
 *     -> HEADING "<num>"
 *   numbered (paragraph, point, indent, item, hcontainer, level…)
 *     without heading -> PARA "<num> <first text>" ("1. Cấp ủy…", "a) …")
 *   p, block, intro, wrapUp, citations, conclusions… -> PARA per block
 *   tr -> ROW (cells; a row of th only is the header; tables counted)
 * Heading levels are 2 + the number of enclosing heads (# is the title).
 * Inline markup (ref, mref, rref, b, i…) gives its text; <eol/> is a line
 * break; whitespace holding a line break (pretty-printing) becomes one
 * space, other runs are kept as written.  A block's line is
 * the line of its first character, so line k of its text is line + k when
 * each <eol/> ends an XML line (as write_akn.c writes it).
 *
 * Metadata: preface (docType, docNumber, docDate@date, docTitle,
 * docAuthority/docProponent, location) wins over meta/identification
 * (FRBRname, FRBRnumber, FRBRdate, FRBRauthor -> references showAs,
 * FRBRlanguage); references/activeRef@showAs -> "replaces".  Preface text
 * becomes metadata only, never blocks.
 */
#include <pthread.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "internal.h"


#define AKN_NS "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#define AKN_NS_OLD "http://www.akomantoso.org/"
#define DEFAULT_MAX_DEPTH 256u
#define HARD_MAX_DEPTH 1024u /* recursion bound whatever opts say */
/* A backstop: with inputs capped at XML_MAX_LOOKUP_LIMIT no block can
 * reach it today (text is never longer than its markup). */
#define MAX_BLOCK_TEXT ((size_t)10 << 20)
#define MAX_ROW_CELLS 4096u
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | \
	XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC | XML_PARSE_BIG_LINES)

/* ## parsing safely */

typedef struct {
	int code; /* 0, or the dt_status of the first error */
	size_t line, col;
	char msg[200];
} first_error;

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

/* Every external entity, DTD or XInclude resolves to nothing: NONET alone
 * still lets file:// through. */
static xmlParserInputPtr deny_loader(const char *url, const char *id,
	xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

static void xml_setup(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(deny_loader);
}

/* Keep the first error only: later ones are usually its consequences. */
static void note_error(first_error *fe, int code, size_t line, size_t col,
	const char *msg)
{
	size_t n;

	if (fe->code != 0) {
		return;
	}
	fe->code = code;
	fe->line = line;
	fe->col = col;
	snprintf(fe->msg, sizeof(fe->msg), "%s", msg ? msg : "malformed xml");
	n = strlen(fe->msg);
	while (n > 0 && (fe->msg[n - 1] == '\n' || fe->msg[n - 1] == ' ')) {
		fe->msg[--n] = '\0';
	}
	/* libxml2 capitalizes; our messages are lowercase */
	if (fe->msg[0] >= 'A' && fe->msg[0] <= 'Z') {
		fe->msg[0] = (char)(fe->msg[0] - 'A' + 'a');
	}
}

#if LIBXML_VERSION >= 21200
static void on_xml_error(void *data, const xmlError *e)
#else
static void on_xml_error(void *data, xmlErrorPtr e)
#endif
{
	xmlParserCtxtPtr ctxt = data;
	first_error *fe = ctxt->_private;
	int code = DT_EPARSE;
	const char *msg = e->message;
	char limit_msg[64];

	if (e->level < XML_ERR_ERROR) {
		return;
	}
	/* libxml2's own limits: their texts suggest XML_PARSE_HUGE */
	if (msg != NULL && strncmp(msg, "Excessive depth", 15) == 0) {
		code = DT_ELIMIT;
		snprintf(limit_msg, sizeof(limit_msg),
			"elements nested deeper than %u", xmlParserMaxDepth);
		msg = limit_msg;
	} else if (msg != NULL && (strstr(msg, "Huge input lookup") ||
		strstr(msg, "huge text node"))) {
		code = DT_ELIMIT;
		snprintf(limit_msg, sizeof(limit_msg),
			"text node over %d bytes", XML_MAX_TEXT_LENGTH);
		msg = limit_msg;
	}
	note_error(fe, code, e->line > 0 ? (size_t)e->line : 0,
		e->int2 > 0 ? (size_t)e->int2 : 0, msg);
}

/* Entity declarations are refused outright: the cheapest sure defence
 * against XXE and entity-expansion bombs. */
static void refuse_entity_decl(xmlParserCtxtPtr ctxt)
{
	int line = xmlSAX2GetLineNumber(ctxt);

	note_error(ctxt->_private, DT_EPARSE, line > 0 ? (size_t)line : 0, 0,
		"entity declarations are not allowed");
	xmlStopParser(ctxt);
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type,
	const xmlChar *public_id, const xmlChar *system_id, xmlChar *content)
{
	(void)name;
	(void)type;
	(void)public_id;
	(void)system_id;
	(void)content;
	refuse_entity_decl(ctx);
}

static void on_unparsed_entity_decl(void *ctx, const xmlChar *name,
	const xmlChar *public_id, const xmlChar *system_id,
	const xmlChar *notation)
{
	(void)name;
	(void)public_id;
	(void)system_id;
	(void)notation;
	refuse_entity_decl(ctx);
}

static void silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* Parse `len` bytes of UTF-8 XML into *out (free with xmlFreeDoc). */
static int parse_xml(xmlDocPtr *out, const char *text, size_t len,
	dt_error *err)
{
	xmlGenericErrorFunc old_generic;
	void *old_generic_ctx;
	xmlParserCtxtPtr ctxt;
	first_error fe = { 0 };
	xmlDocPtr doc;

	*out = NULL;
	/* libxml2 2.9 refuses to look past XML_MAX_LOOKUP_LIMIT bytes of an
	 * in-memory document without XML_PARSE_HUGE (which stays off), and
	 * says so only when it gets there: say it up front. */
	if (len > XML_MAX_LOOKUP_LIMIT) {
		return dt__fail(err, DT_ELIMIT, 0, 0,
			"akn input over %d bytes", XML_MAX_LOOKUP_LIMIT);
	}
	pthread_once(&xml_once, xml_setup);
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	ctxt->_private = &fe;
	ctxt->sax->entityDecl = on_entity_decl;
	ctxt->sax->unparsedEntityDecl = on_unparsed_entity_decl;
	ctxt->sax->serror = on_xml_error;
	/* A few libxml2 paths (allocation, I/O) bypass the context and use
	 * the generic handler, which is per thread: silence it meanwhile. */
	old_generic = xmlGenericError;
	old_generic_ctx = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, silent);
	doc = xmlCtxtReadMemory(ctxt, text, (int)len, NULL, "UTF-8",
		PARSE_OPTIONS);
	xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
	if (fe.code == 0 && (doc == NULL || !ctxt->wellFormed)) {
		note_error(&fe, DT_EPARSE, 0, 0, "malformed xml");
	}
	xmlFreeParserCtxt(ctxt);
	if (fe.code != 0) {
		xmlFreeDoc(doc);
		return dt__fail(err, fe.code, fe.line, fe.col, "%s", fe.msg);
	}
	*out = doc;
	return 0;
}

/* ## element classes */

typedef enum {
	EL_OTHER,     /* unknown: a block if it holds text, else a container */
	EL_SKIP,      /* ignored with its subtree */
	EL_HEAD,      /* hierarchy with a heading line: chapter, article… */
	EL_NUMBERED,  /* hierarchy read as "<num> text": paragraph, point… */
	EL_BLOCK,     /* block of inline text: p, block… */
	EL_CONTAINER, /* holds blocks: content, intro, body… */
	EL_TABLE
} el_class;

typedef struct {
	const char *name;
	el_class cls;
	int hint;
} el_info;

static const el_info elements[] = {
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
static int akn_ns(const xmlNode *n)
{
	const char *href;

	if (n->ns == NULL || n->ns->href == NULL) {
		return 1;
	}
	href = (const char *)n->ns->href;
	return strncmp(href, AKN_NS, strlen(AKN_NS)) == 0 ||
		strncmp(href, AKN_NS_OLD, strlen(AKN_NS_OLD)) == 0;
}

static int is_el(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && akn_ns(n) &&
		strcmp((const char *)n->name, name) == 0;
}

static const el_info *el_lookup(const xmlNode *n)
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
static int has_direct_text(const xmlNode *n)
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
static const xmlNode *child_el(const xmlNode *n, const char *name)
{
	const xmlNode *c;

	for (c = n->children; c != NULL; c = c->next) {
		if (is_el(c, name)) {
			return c;
		}
	}
	return NULL;
}

static size_t line_of(const xmlNode *n)
{
	long line = xmlGetLineNo(n);

	return line > 0 ? (size_t)line : 0;
}

/* ## collecting inline text */

typedef struct {
	dt_buf b;
	dt_buf ws;          /* whitespace since the last character */
	int ws_nl;          /* … holding a line break (or a block edge) */
	size_t nl;          /* XML line breaks seen */
	size_t nl_first;    /* … before the first character */
	size_t nl_last;     /* … before the last character */
	size_t strong_len;  /* bytes of a leading <b> */
} text_acc;

static void acc_init(text_acc *a)
{
	memset(a, 0, sizeof(*a));
	dt__buf_init(&a->b, MAX_BLOCK_TEXT);
	dt__buf_init(&a->ws, MAX_BLOCK_TEXT);
}

static void acc_dispose(text_acc *a)
{
	dt__buf_dispose(&a->b);
	dt__buf_dispose(&a->ws);
}

static void ws_clear(text_acc *a)
{
	a->ws.len = 0;
	a->ws_nl = 0;
}

/* Whitespace between two characters: dropped at the start of the text
 * and of a line, one space when it holds a line break (pretty-printing
 * indentation), kept as written otherwise ("a   b" stays). */
static int acc_flush_ws(text_acc *a)
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
static int acc_text(text_acc *a, const char *s)
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
static int acc_break(text_acc *a)
{
	ws_clear(a);
	if (a->b.len == 0) {
		return 0;
	}
	return dt__buf_putc(&a->b, '\n');
}

/* Drop line breaks left at the end by trailing <eol/>s. */
static void acc_trim(text_acc *a)
{
	while (a->b.len > 0 && a->b.data[a->b.len - 1] == '\n') {
		a->b.data[--a->b.len] = '\0';
	}
	if (a->strong_len > a->b.len) {
		a->strong_len = a->b.len;
	}
}

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
} walker;

static int too_deep(walker *w, const xmlNode *n)
{
	return dt__fail(w->err, DT_ELIMIT, line_of(n), 0,
		"elements nested deeper than %u", w->max_depth);
}

static int text_fail(walker *w, const xmlNode *n, int rc)
{
	if (rc == DT_ELIMIT) {
		return dt__fail(w->err, rc, line_of(n), 0,
			"text of <%s> over %zu bytes", (const char *)n->name,
			MAX_BLOCK_TEXT);
	}
	return dt__fail(w->err, rc, line_of(n), 0, "out of memory");
}

static int is_block_like(const xmlNode *n)
{
	const el_info *e = el_lookup(n);

	return e != NULL && (e->cls == EL_BLOCK || e->cls == EL_CONTAINER);
}

/* Append the inline text of `n`'s children; `depth` is n's depth.
 * Errors are reported (dt__fail) where they happen. */
static int collect(walker *w, text_acc *a, const xmlNode *n, unsigned depth)
{
	const xmlNode *c;
	int rc = 0;

	for (c = n->children; rc == 0 && c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE ||
			c->type == XML_CDATA_SECTION_NODE) {
			rc = acc_text(a, (const char *)c->content);
			if (rc < 0) {
				return text_fail(w, n, rc);
			}
		} else if (c->type != XML_ELEMENT_NODE || !akn_ns(c) ||
			is_el(c, "authorialNote") || is_el(c, "foreign")) {
			continue;
		} else if (is_el(c, "eol") || is_el(c, "br")) {
			rc = acc_break(a);
			if (rc < 0) {
				return text_fail(w, n, rc);
			}
		} else if (depth + 1 > w->max_depth) {
			return too_deep(w, c);
		} else {
			int bold = a->b.len == 0 &&
				(is_el(c, "b") || is_el(c, "strong"));
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
static int collect_el(walker *w, text_acc *a, const xmlNode *n,
	unsigned depth)
{
	int rc;

	acc_init(a);
	rc = collect(w, a, n, depth);
	acc_trim(a);
	return rc;
}

/* ## emitting blocks */

typedef struct {
	dt_block_kind kind;
	int level;
	const char *text;
	size_t len;
	size_t line, last_line;
	const char *eid; /* NULL for none */
	int hint;
	size_t strong_len;
} block_spec;

/* A NUL-terminated NFC copy of s[0..len): the text is NFC already unless
 * character references spelled out a decomposed sequence. */
static char *dup_nfc(const char *s, size_t len, int *rc)
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

static int push(walker *w, const block_spec *s, dt_block **out)
{
	dt_block *blk;
	int rc = dt__blocks_push(w->out, &blk);

	if (rc == DT_ELIMIT) {
		return dt__fail(w->err, rc, s->line, 0, "more than %zu blocks",
			w->out->max_blocks);
	}
	if (rc == 0) {
		blk->kind = s->kind;
		blk->level = s->level;
		blk->line = s->line;
		blk->last_line = s->last_line < s->line ? s->line :
			s->last_line;
		blk->strong_len = s->strong_len;
		blk->hint = s->hint;
		blk->text = dup_nfc(s->text, s->len, &rc);
	}
	if (rc == 0 && s->eid != NULL && s->eid[0] != '\0') {
		blk->eid = dt__strdup(s->eid);
		rc = blk->eid == NULL ? DT_ENOMEM : 0;
	}
	if (rc < 0) {
		return dt__fail(w->err, rc, s->line, 0, "out of memory");
	}
	if (out != NULL) {
		*out = blk;
	}
	return 0;
}

static void pend_clear(walker *w)
{
	dt__free(w->pend_num);
	dt__free(w->pend_eid);
	w->pend_num = NULL;
	w->pend_eid = NULL;
	w->pend_owner = NULL;
	w->pend_hint = -1;
}

/* Remember the number, eId and kind of `n` for its first text block. */
static int pend_set(walker *w, const xmlNode *n, const text_acc *num,
	const xmlChar *eid, int hint)
{
	pend_clear(w);
	w->pend_owner = n;
	w->pend_hint = hint;
	w->pend_line = line_of(n);
	if (num->b.len > 0) {
		w->pend_num = dt__strdup(num->b.data);
		if (w->pend_num == NULL) {
			return dt__fail(w->err, DT_ENOMEM, 0, 0, "out of memory");
		}
	}
	if (eid != NULL) {
		w->pend_eid = dt__strdup((const char *)eid);
		if (w->pend_eid == NULL) {
			return dt__fail(w->err, DT_ENOMEM, 0, 0, "out of memory");
		}
	}
	return 0;
}

/* The pending element reached a sub-element (or its end) before any text:
 * its number becomes a block of its own. */
static int pend_flush(walker *w)
{
	block_spec s = { DT_BLOCK_PARA, 0, NULL, 0, 0, 0, NULL, -1, 0 };
	int rc = 0;

	if (w->pend_owner != NULL && w->pend_num != NULL) {
		s.text = w->pend_num;
		s.len = strlen(w->pend_num);
		s.line = s.last_line = w->pend_line;
		s.eid = w->pend_eid;
		s.hint = w->pend_hint;
		rc = push(w, &s, NULL);
	}
	pend_clear(w);
	return rc;
}

/* Emit collected text as a block at `base` (the element's line), taking
 * a pending number as its prefix ("1." + "text" -> "1. text"). */
static int emit_acc(walker *w, const text_acc *a, size_t base,
	dt_block_kind kind, int level)
{
	block_spec s = { kind, level, a->b.data, a->b.len,
		base + a->nl_first, base + a->nl_last, NULL, -1,
		a->strong_len };
	dt_buf pre;
	int rc;

	if (a->b.len == 0) {
		return 0; /* a pending number waits for real text */
	}
	if (w->pend_owner == NULL) {
		return push(w, &s, NULL);
	}
	s.eid = w->pend_eid;
	s.hint = w->pend_hint;
	dt__buf_init(&pre, 0);
	rc = 0;
	if (w->pend_num != NULL) {
		rc = dt__buf_printf(&pre, "%s %s", w->pend_num, a->b.data);
		s.text = pre.data;
		s.len = pre.len;
		s.strong_len = 0;
	}
	rc = rc < 0 ? dt__fail(w->err, rc, s.line, 0, "out of memory") :
		push(w, &s, NULL);
	dt__buf_dispose(&pre);
	pend_clear(w);
	return rc;
}

/* A block of the inline text of `n`. */
static int emit_el(walker *w, const xmlNode *n, unsigned depth,
	dt_block_kind kind, int level)
{
	text_acc a;
	int rc = collect_el(w, &a, n, depth);

	if (rc == 0) {
		rc = emit_acc(w, &a, line_of(n), kind, level);
	}
	acc_dispose(&a);
	return rc;
}

/* ## hierarchy */

static int walk_block(walker *w, const xmlNode *n, unsigned depth,
	int level);

/* The kind an hcontainer or level stands for: name="lvl" or an eId
 * ending in lvl_N is a decimal level, name="p" an unnumbered block. */
static int hier_hint(const xmlNode *n, int hint, const xmlChar *eid)
{
	xmlChar *name;
	const char *last = NULL, *s;

	if (!is_el(n, "hcontainer") && !is_el(n, "level")) {
		return hint;
	}
	for (s = (const char *)eid; s != NULL && *s != '\0'; s++) {
		if (s == (const char *)eid || (s[0] == '_' && s[1] == '_')) {
			last = s[0] == '_' ? s + 2 : s;
		}
	}
	name = xmlGetProp(n, BAD_CAST "name");
	if (name != NULL && (strcmp((const char *)name, "lvl") == 0 ||
		strcmp((const char *)name, "level") == 0)) {
		hint = DT_KIND_LEVEL;
	} else if (last != NULL && strncmp(last, "lvl_", 4) == 0) {
		hint = DT_KIND_LEVEL;
	} else if (name != NULL && strcmp((const char *)name, "p") == 0) {
		hint = DT_KIND_BLOCK;
	}
	xmlFree(name);
	return hint;
}

/* How a number joins its heading on one line: a space after punctuation
 * or a bullet ("Điều 5." "I." "a)" "*" "•"), ". " after a word or digit
 * ("Chương II" -> "Chương II. QUY ĐỊNH CHUNG", "Phần thứ tư. …") so that
 * the outline's number stops where it should.  The writers use it too. */
const char *dt__akn_head_sep(const char *num, size_t len)
{
	unsigned char c = len > 0 ? (unsigned char)num[len - 1] : 0;

	if (c >= 0x80) {
		return (len >= 3 && (memcmp(num + len - 3, "\xE2\x80\xA2", 3) == 0 ||
			memcmp(num + len - 3, "\xE2\x80\x93", 3) == 0)) ? " " :
			". ";
	}
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		(c >= 'A' && c <= 'Z') ? ". " : " ";
}

/* "<num><sep><heading>" as one block at the num's line. */
static int emit_joined(walker *w, const block_spec *tmpl, const text_acc *num,
	const char *sep, const text_acc *head, size_t head_line)
{
	block_spec s = *tmpl;
	dt_buf b;
	int rc;

	dt__buf_init(&b, 0);
	rc = dt__buf_printf(&b, "%s%s%s", num->b.data, sep, head->b.data);
	if (rc < 0) {
		dt__buf_dispose(&b);
		return dt__fail(w->err, rc, s.line, 0, "out of memory");
	}
	s.text = b.data;
	s.len = b.len;
	s.last_line = head_line + head->nl_last;
	rc = push(w, &s, NULL);
	dt__buf_dispose(&b);
	return rc;
}

/* The first block of a hierarchy element: "<num> <heading>" as a
 * HEADING when it has a heading (dt__akn_head_sep() joins them), its
 * num alone as a HEADING for a head or when an empty <heading/> says
 * it is one, else the num waits for the first text inside. */
static int emit_first(walker *w, const xmlNode *n, const xmlNode *const el[2],
	const text_acc *num, const text_acc *head, int level, int is_head,
	const xmlChar *eid, int hint)
{
	size_t num_line = el[0] ? line_of(el[0]) + num->nl_first : 0;
	size_t head_line = el[1] ? line_of(el[1]) : 0;
	block_spec s = { DT_BLOCK_HEADING, level, num->b.data, num->b.len,
		num_line, num_line + num->nl_last - num->nl_first,
		(const char *)eid, hint, 0 };

	if (num->b.len > 0 && head->b.len > 0) {
		return emit_joined(w, &s, num, dt__akn_head_sep(num->b.data,
			num->b.len), head, head_line);
	}
	if (head->b.len > 0) {
		s.text = head->b.data;
		s.len = head->b.len;
		s.line = head_line + head->nl_first;
		s.last_line = head_line + head->nl_last;
		return push(w, &s, NULL);
	}
	if (num->b.len > 0 && (is_head || el[1] != NULL)) {
		return push(w, &s, NULL); /* a head line, title or not */
	}
	return pend_set(w, n, num, eid, hint);
}

/* Children of a hierarchy element other than its num/heading. */
static int walk_hier_children(walker *w, const xmlNode *n, unsigned depth,
	int level, const xmlNode *const skip[3])
{
	const xmlNode *c;
	int rc = 0;

	for (c = n->children; rc == 0 && c != NULL; c = c->next) {
		if (c != skip[0] && c != skip[1] && c != skip[2]) {
			rc = walk_block(w, c, depth + 1, level);
		}
	}
	if (rc == 0 && w->pend_owner == n) {
		rc = pend_flush(w);
	}
	return rc;
}

/* A bare number of a clause, level or point gets the delimiter the
 * outline reads it by: <num>1</num> -> "1.", <num>a</num> -> "a)". */
static int delimit(walker *w, text_acc *num, int hint)
{
	unsigned char c = num->b.len > 0 ?
		(unsigned char)num->b.data[num->b.len - 1] : 0;
	int rc;

	if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		(c >= 'A' && c <= 'Z')) || (hint != DT_KIND_CLAUSE &&
		hint != DT_KIND_LEVEL && hint != DT_KIND_POINT)) {
		return 0;
	}
	rc = dt__buf_putc(&num->b, hint == DT_KIND_POINT ? ')' : '.');
	return rc < 0 ? dt__fail(w->err, rc, 0, 0, "out of memory") : 0;
}

static int walk_hier(walker *w, const xmlNode *n, unsigned depth,
	int level, const el_info *e)
{
	const xmlNode *skip[3] = { child_el(n, "num"), child_el(n, "heading"),
		child_el(n, "subheading") };
	xmlChar *eid = xmlGetProp(n, BAD_CAST "eId");
	int hint = hier_hint(n, e->hint, eid);
	text_acc num, head;
	int rc;

	acc_init(&num);
	acc_init(&head);
	rc = skip[0] ? collect_el(w, &num, skip[0], depth + 1) : 0;
	if (rc == 0 && skip[1] != NULL) {
		rc = collect_el(w, &head, skip[1], depth + 1);
	}
	if (rc == 0 && e->cls == EL_NUMBERED) {
		rc = delimit(w, &num, hint);
	}
	if (rc == 0) {
		rc = emit_first(w, n, skip, &num, &head, level,
			e->cls == EL_HEAD, eid, hint);
	}
	if (rc == 0 && skip[2] != NULL) {
		rc = emit_el(w, skip[2], depth + 1, DT_BLOCK_PARA, 0);
	}
	if (rc == 0) {
		rc = walk_hier_children(w, n, depth, e->cls == EL_HEAD &&
			level < 6 ? level + 1 : level, skip);
	}
	acc_dispose(&num);
	acc_dispose(&head);
	xmlFree(eid);
	return rc;
}

/* ## tables */

static size_t count_cells(const xmlNode *tr)
{
	const xmlNode *c;
	size_t n = 0;

	for (c = tr->children; c != NULL; c = c->next) {
		n += is_el(c, "td") || is_el(c, "th");
	}
	return n;
}

/* Add the collected cell `a` of element `c` to the row `blk` and its
 * text "a | b | c". */
static int add_cell(walker *w, dt_block *blk, const xmlNode *c,
	const text_acc *a, dt_buf *text)
{
	int rc;

	blk->cells[blk->ncells] = dup_nfc(a->b.data, a->b.len, &rc);
	if (rc == 0) {
		blk->ncells++;
		blk->last_line = line_of(c) + a->nl_last;
		rc = dt__buf_printf(text, "%s%s", blk->ncells > 1 ? " | " : "",
			a->b.len > 0 ? a->b.data : "");
	}
	return rc < 0 ? text_fail(w, c, rc) : 0;
}

/* Collect the cells of `tr` into blk (already pushed, so that the block
 * owns them even on failure). */
static int fill_row(walker *w, dt_block *blk, const xmlNode *tr,
	unsigned depth, dt_buf *text)
{
	const xmlNode *c;
	int rc = 0, all_th = 1;

	for (c = tr->children; rc == 0 && c != NULL; c = c->next) {
		text_acc a;

		if (!is_el(c, "td") && !is_el(c, "th")) {
			continue;
		}
		all_th &= is_el(c, "th");
		rc = collect_el(w, &a, c, depth + 1); /* reports its errors */
		if (rc == 0) {
			rc = add_cell(w, blk, c, &a, text);
		}
		acc_dispose(&a);
	}
	blk->header = all_th;
	blk->hint = all_th ? -1 : DT_KIND_ROW;
	return rc;
}

static int emit_row(walker *w, const xmlNode *tr, unsigned depth)
{
	size_t n = count_cells(tr);
	block_spec s = { DT_BLOCK_ROW, 0, "", 0, line_of(tr), line_of(tr),
		NULL, DT_KIND_ROW, 0 };
	xmlChar *eid;
	dt_block *blk;
	dt_buf text;
	int rc;

	if (n == 0) {
		return 0;
	}
	if (n > MAX_ROW_CELLS) {
		return dt__fail(w->err, DT_ELIMIT, s.line, 0,
			"table row with more than %u cells", MAX_ROW_CELLS);
	}
	eid = xmlGetProp(tr, BAD_CAST "eId");
	s.eid = (const char *)eid;
	rc = push(w, &s, &blk);
	xmlFree(eid);
	if (rc < 0) {
		return rc;
	}
	blk->table = w->ntables;
	blk->cells = dt__calloc(n, sizeof(*blk->cells));
	if (blk->cells == NULL) {
		return dt__fail(w->err, DT_ENOMEM, s.line, 0, "out of memory");
	}
	dt__buf_init(&text, MAX_BLOCK_TEXT);
	rc = fill_row(w, blk, tr, depth, &text);
	if (rc == 0 && text.len > 0) {
		dt__free(blk->text);
		blk->text = dt__buf_detach(&text, NULL);
		if (blk->text == NULL) {
			rc = dt__fail(w->err, DT_ENOMEM, s.line, 0,
				"out of memory");
		}
	}
	dt__buf_dispose(&text);
	return rc;
}

/* Rows of a table; thead/tbody/tfoot (an HTML habit) are looked into. */
static int walk_rows(walker *w, const xmlNode *n, unsigned depth)
{
	const xmlNode *c;
	int rc = 0;

	for (c = n->children; rc == 0 && c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !akn_ns(c)) {
			continue;
		}
		if (depth + 1 > w->max_depth) {
			return too_deep(w, c);
		}
		if (is_el(c, "tr")) {
			rc = emit_row(w, c, depth + 1);
		} else if (is_el(c, "thead") || is_el(c, "tbody") ||
			is_el(c, "tfoot")) {
			rc = walk_rows(w, c, depth + 1);
		}
	}
	return rc;
}

/* ## the body */

static int walk_children(walker *w, const xmlNode *n, unsigned depth,
	int level)
{
	const xmlNode *c;
	int rc = 0;

	for (c = n->children; rc == 0 && c != NULL; c = c->next) {
		rc = walk_block(w, c, depth + 1, level);
	}
	return rc;
}

/* One element of block context at `depth`; `level` is the heading level
 * a head found here gets. */
static int walk_block(walker *w, const xmlNode *n, unsigned depth,
	int level)
{
	const el_info *e;
	el_class cls;
	int rc;

	if (n->type != XML_ELEMENT_NODE || !akn_ns(n)) {
		return 0;
	}
	if (depth > w->max_depth) {
		return too_deep(w, n);
	}
	e = el_lookup(n);
	cls = e != NULL ? e->cls : EL_OTHER;
	if (cls == EL_OTHER || cls == EL_CONTAINER) {
		cls = has_direct_text(n) ? EL_BLOCK : EL_CONTAINER;
	}
	switch (cls) {
	case EL_SKIP:
		return 0;
	case EL_HEAD:
	case EL_NUMBERED:
		rc = pend_flush(w);
		return rc < 0 ? rc : walk_hier(w, n, depth, level, e);
	case EL_TABLE:
		rc = pend_flush(w);
		w->ntables++;
		return rc < 0 ? rc : walk_rows(w, n, depth);
	case EL_BLOCK:
		return emit_el(w, n, depth, DT_BLOCK_PARA, 0);
	default:
		return walk_children(w, n, depth, level);
	}
}

/* ## metadata */

enum { K_TYPE, K_SYMBOL, K_DATE, K_PLACE, K_ISSUER, K_TITLE, K_LANG,
	K_COUNT };

static const char *const meta_keys[K_COUNT] = {
	"type", "symbol", "date", "place", "issuer", "title", "lang",
};

/* One value per key; a source of higher priority wins (FRBR and a bare
 * preface organization 1, other preface elements 2, docProponent 3,
 * docAuthority 4); among equals the first. */
typedef struct {
	char *v[K_COUNT];
	size_t line[K_COUNT];
	int prio[K_COUNT];
	char *author; /* FRBRauthor@href of the work, "#issuer" */
} meta_acc;

static int meta_set(walker *w, meta_acc *m, int k, const char *v,
	size_t line, int prio)
{
	char *copy;
	int rc = 0;

	if (v == NULL || *v == '\0' || (m->v[k] != NULL && m->prio[k] >= prio)) {
		return 0;
	}
	copy = dup_nfc(v, strlen(v), &rc);
	if (copy == NULL) {
		return dt__fail(w->err, rc, line, 0, "out of memory");
	}
	dt__free(m->v[k]);
	m->v[k] = copy;
	m->line[k] = line;
	m->prio[k] = prio;
	return 0;
}

/* "2026-03-15" from an AKN date attribute (a time part is dropped), or
 * NULL when it is not an ISO date. */
static const char *iso_date(const char *s, char out[11])
{
	static const char shape[] = "dddd-dd-dd";
	size_t i;

	for (i = 0; s != NULL && i < 10; i++) {
		int digit = s[i] >= '0' && s[i] <= '9';

		if (shape[i] == 'd' ? !digit : s[i] != '-') {
			return NULL;
		}
	}
	if (s == NULL) {
		return NULL;
	}
	memcpy(out, s, 10);
	out[10] = '\0';
	return out;
}

/* "vie" -> "vi" (AKN uses ISO 639-2); NULL for other languages. */
static const char *lang_code(const char *s)
{
	static const char *const map[][3] = {
		{ "vie", "vi", "vi" }, { "rus", "ru", "ru" },
		{ "eng", "en", "en" },
	};
	size_t i;

	for (i = 0; s != NULL && i < sizeof(map) / sizeof(map[0]); i++) {
		if (strcmp(s, map[i][0]) == 0 || strcmp(s, map[i][1]) == 0) {
			return map[i][2];
		}
	}
	return NULL;
}

/* meta_set() from attribute `attr` of `n`. */
static int meta_attr(walker *w, meta_acc *m, int k, const xmlNode *n,
	const char *attr, int prio)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST attr);
	const char *val = (const char *)v;
	char date[11];
	int rc;

	if (k == K_DATE) {
		val = iso_date(val, date);
	} else if (k == K_LANG) {
		val = lang_code(val);
	}
	rc = meta_set(w, m, k, val, line_of(n), prio);
	xmlFree(v);
	return rc;
}

/* FRBRWork / FRBRExpression: number, name, date, author, language. */
static int read_frbr(walker *w, meta_acc *m, const xmlNode *frbr)
{
	const xmlNode *c;
	int rc = 0;

	for (c = frbr->children; rc == 0 && c != NULL; c = c->next) {
		if (is_el(c, "FRBRnumber")) {
			rc = meta_attr(w, m, K_SYMBOL, c, "value", 1);
		} else if (is_el(c, "FRBRname")) {
			rc = meta_attr(w, m, K_TYPE, c, "value", 1);
		} else if (is_el(c, "FRBRdate")) {
			rc = meta_attr(w, m, K_DATE, c, "date", 1);
		} else if (is_el(c, "FRBRlanguage")) {
			rc = meta_attr(w, m, K_LANG, c, "language", 1);
		} else if (is_el(c, "FRBRauthor") && m->author == NULL &&
			is_el(frbr, "FRBRWork")) {
			xmlChar *href = xmlGetProp(c, BAD_CAST "href");

			m->author = href ? dt__strdup((const char *)href) :
				NULL;
			rc = href != NULL && m->author == NULL ? dt__fail(
				w->err, DT_ENOMEM, 0, 0, "out of memory") : 0;
			xmlFree(href);
		}
	}
	return rc;
}

/* references: the TLC entry the work's author points at gives the
 * issuer; activeRef (a document this one modifies) gives "replaces". */
static int read_references(walker *w, meta_acc *m, const xmlNode *refs)
{
	const xmlNode *c;
	int rc = 0;

	for (c = refs->children; rc == 0 && c != NULL; c = c->next) {
		xmlChar *eid, *show;

		if (c->type != XML_ELEMENT_NODE || !akn_ns(c)) {
			continue;
		}
		eid = xmlGetProp(c, BAD_CAST "eId");
		show = xmlGetProp(c, BAD_CAST "showAs");
		if (is_el(c, "activeRef") && show != NULL) {
			rc = dt__blocks_meta(w->out, "replaces",
				(const char *)show, line_of(c));
			rc = rc < 0 ? dt__fail(w->err, rc, 0, 0,
				"out of memory") : 0;
		} else if (eid != NULL && m->author != NULL &&
			m->author[0] == '#' &&
			strcmp((const char *)eid, m->author + 1) == 0) {
			rc = meta_set(w, m, K_ISSUER, (const char *)show,
				line_of(c), 1);
		}
		xmlFree(eid);
		xmlFree(show);
	}
	return rc;
}

static int read_meta(walker *w, meta_acc *m, const xmlNode *meta)
{
	const xmlNode *ident = child_el(meta, "identification");
	const xmlNode *c;
	int rc = 0;

	for (c = ident ? ident->children : NULL; rc == 0 && c != NULL;
		c = c->next) {
		if (is_el(c, "FRBRWork") || is_el(c, "FRBRExpression")) {
			rc = read_frbr(w, m, c);
		}
	}
	for (c = meta->children; rc == 0 && c != NULL; c = c->next) {
		if (is_el(c, "references")) {
			rc = read_references(w, m, c);
		}
	}
	return rc;
}

/* The key a preface element gives, its priority, or -1. */
static int preface_key(const xmlNode *n, int *prio)
{
	static const struct {
		const char *name;
		int key, prio;
	} keys[] = {
		{ "docType", K_TYPE, 2 }, { "docNumber", K_SYMBOL, 2 },
		{ "docDate", K_DATE, 2 }, { "docTitle", K_TITLE, 2 },
		{ "docAuthority", K_ISSUER, 4 },
		{ "docProponent", K_ISSUER, 3 }, { "location", K_PLACE, 2 },
		/* a bare organization only when nothing better names one */
		{ "organization", K_ISSUER, 1 },
	};
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (is_el(n, keys[i].name)) {
			*prio = keys[i].prio;
			return keys[i].key;
		}
	}
	return -1;
}

/* Look through the preface (at `depth`) for docType, docNumber… */
static int read_preface(walker *w, meta_acc *m, const xmlNode *n,
	unsigned depth)
{
	const xmlNode *c;
	int rc = 0, prio, k;

	for (c = n->children; rc == 0 && c != NULL; c = c->next) {
		text_acc a;

		if (c->type != XML_ELEMENT_NODE || !akn_ns(c)) {
			continue;
		}
		if (depth + 1 > w->max_depth) {
			return too_deep(w, c);
		}
		k = preface_key(c, &prio);
		if (k == K_DATE && xmlHasProp(c, BAD_CAST "date")) {
			rc = meta_attr(w, m, k, c, "date", prio);
		} else if (k >= 0) {
			rc = collect_el(w, &a, c, depth + 1);
			if (rc == 0) {
				rc = meta_set(w, m, k, a.b.data, line_of(c),
					prio);
			}
			acc_dispose(&a);
		} else {
			rc = read_preface(w, m, c, depth + 1);
		}
	}
	return rc;
}

static int emit_meta(walker *w, meta_acc *m)
{
	int k, rc = 0;

	for (k = 0; rc == 0 && k < K_COUNT; k++) {
		if (m->v[k] != NULL) {
			rc = dt__blocks_meta(w->out, meta_keys[k], m->v[k],
				m->line[k]);
		}
	}
	return rc < 0 ? dt__fail(w->err, rc, 0, 0, "out of memory") : 0;
}

static void meta_dispose(meta_acc *m)
{
	int k;

	for (k = 0; k < K_COUNT; k++) {
		dt__free(m->v[k]);
	}
	dt__free(m->author);
}

/* ## entry */

/* The document element: the child of <akomaNtoso>, or a bare <act>…;
 * NULL (and an error) for anything else. */
static const xmlNode *document_element(const xmlNode *root, dt_error *err)
{
	static const char *const types[] = {
		"act", "amendment", "amendmentList", "bill", "debate",
		"debateReport", "doc", "documentCollection", "judgment",
		"officialGazette", "portion", "statement",
	};
	const xmlNode *c;
	size_t i;

	if (is_el(root, "akomaNtoso")) {
		for (c = root->children; c != NULL; c = c->next) {
			if (c->type == XML_ELEMENT_NODE && akn_ns(c)) {
				return c;
			}
		}
		dt__fail(err, DT_EPARSE, line_of(root), 0,
			"empty <akomaNtoso> element");
		return NULL;
	}
	for (i = 0; root != NULL && i < sizeof(types) / sizeof(types[0]); i++) {
		if (is_el(root, types[i])) {
			return root;
		}
	}
	dt__fail(err, DT_EPARSE, root ? line_of(root) : 0, 0,
		"not an akoma ntoso document: root element <%s>",
		root ? (const char *)root->name : "");
	return NULL;
}

/* Metadata first (meta, then preface, which wins), then the blocks. */
static int walk_document(walker *w, const xmlNode *docel)
{
	meta_acc m;
	const xmlNode *c;
	int rc = 0;

	memset(&m, 0, sizeof(m));
	for (c = docel->children; rc == 0 && c != NULL; c = c->next) {
		if (is_el(c, "meta")) {
			rc = read_meta(w, &m, c);
		} else if (is_el(c, "preface")) {
			rc = read_preface(w, &m, c, 3);
		}
	}
	if (rc == 0) {
		rc = emit_meta(w, &m);
	}
	meta_dispose(&m);
	for (c = docel->children; rc == 0 && c != NULL; c = c->next) {
		rc = walk_block(w, c, 3, 2);
	}
	if (rc == 0) {
		rc = pend_flush(w);
	}
	return rc;
}

int dt__read_akn(dt_blocks *out, const char *text, size_t len,
	const dt_parse_opts *opts, dt_error *err)
{
	xmlDocPtr doc = NULL;
	const xmlNode *docel;
	size_t bad, line, col;
	walker w;
	int rc;

	assert(out != NULL && (text != NULL || len == 0));
	bad = dt__utf8_invalid_at(text, len);
	if (bad < len) {
		dt__line_col(text, bad, &line, &col);
		return dt__fail(err, DT_EUTF8, line, col, "invalid utf-8");
	}
	rc = parse_xml(&doc, text, len, err);
	if (rc < 0) {
		return rc;
	}
	memset(&w, 0, sizeof(w));
	w.out = out;
	w.err = err;
	w.pend_hint = -1;
	w.max_depth = opts && opts->max_depth ? opts->max_depth :
		DEFAULT_MAX_DEPTH;
	if (w.max_depth > HARD_MAX_DEPTH) {
		w.max_depth = HARD_MAX_DEPTH;
	}
	docel = document_element(xmlDocGetRootElement(doc), err);
	rc = docel == NULL ? DT_EPARSE : walk_document(&w, docel);
	pend_clear(&w);
	xmlFreeDoc(doc);
	return rc;
}
