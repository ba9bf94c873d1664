/*
 * read_akn.c - the Akoma Ntoso 3.0 reader: normalized XML text -> blocks
 * and key/value metadata.  With write_akn.c the only code that knows AKN;
 * read_akn*.c are the only includers of libxml2.  This file is the entry
 * (dt__read_akn) and the safe parsing; the document element is then
 * walked for metadata (read_akn_meta.c) and for blocks (read_akn_body.c),
 * both reading elements and inline text through read_akn_text.c
 * (shared declarations: read_akn_internal.h).
 *
 * Safety (DESIGN §7): the text is parsed from memory, UTF-8 forced, with
 * XML_PARSE_NONET and never NOENT/DTDLOAD/DTDATTR/DTDVALID/XINCLUDE/HUGE/
 * RECOVER; a deny-all external entity loader is installed once; any entity
 * declaration stops the parser (XXE and billion laughs end in DT_EPARSE);
 * libxml2's depth limit stays and opts->max_depth is checked before every
 * descent; libxml2's 10,000,000-byte limit on one text node stays, and a
 * block's text (several nodes) is capped at 10 MiB besides.  The input's
 * size is the caller's limit (dt_parse_opts.max_bytes, 64 MiB by
 * default): libxml2 2.9 does not cap a document parsed from memory as a
 * whole, so a directive of 60,000 units (13.8 MB of AKN, as `convert --to
 * akn` writes it from 4.3 MB of Markdown) reads back; the tree costs
 * about 13 times the input in memory.  Errors go to a structured
 * handler on the parser context, so nothing is printed and the FIRST error
 * is the one reported.  No libxml2 object leaves read_akn*.c.
 */
#include <limits.h>
#include <pthread.h>
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "read_akn_internal.h"

#define DEFAULT_MAX_DEPTH 256u
#define HARD_MAX_DEPTH 1024u /* recursion bound whatever opts say */
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
	if (len > INT_MAX) { /* libxml2 takes the length as an int */
		return dt__fail(err, DT_ELIMIT, 0, 0,
			"akn input over %d bytes", INT_MAX);
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

	if (dt__akn_is(root, "akomaNtoso")) {
		for (c = root->children; c != NULL; c = c->next) {
			if (c->type == XML_ELEMENT_NODE && dt__akn_in_ns(c)) {
				return c;
			}
		}
		dt__fail(err, DT_EPARSE, dt__akn_line(root), 0,
			"empty <akomaNtoso> element");
		return NULL;
	}
	for (i = 0; root != NULL && i < sizeof(types) / sizeof(types[0]); i++) {
		if (dt__akn_is(root, types[i])) {
			return root;
		}
	}
	dt__fail(err, DT_EPARSE, root ? dt__akn_line(root) : 0, 0,
		"not an akoma ntoso document: root element <%s>",
		root ? (const char *)root->name : "");
	return NULL;
}

/* Metadata first (meta, then preface, which wins), then the blocks. */
static int walk_document(dt_akn_walker *w, const xmlNode *docel)
{
	int rc = dt__akn_meta_read(w, docel);

	return rc < 0 ? rc : dt__akn_body_walk(w, docel);
}

int dt__read_akn(dt_blocks *out, const char *text, size_t len,
	const dt_parse_opts *opts, dt_error *err)
{
	xmlDocPtr doc = NULL;
	const xmlNode *docel;
	size_t bad, line, col;
	dt_akn_walker w;
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
	dt__akn_walker_dispose(&w);
	xmlFreeDoc(doc);
	return rc;
}
