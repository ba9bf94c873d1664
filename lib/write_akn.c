/*
 * write_akn.c - a dt_doc as Akoma Ntoso 3.0 XML, written by hand into a
 * dt_buf (no libxml2 here: the output must be byte-for-byte deterministic
 * and the mapping is small).  read_akn.c reads it back into the blocks
 * read_md.c makes of write_md.c's Markdown for the same document, so the
 * outline rebuilds the same units from either.
 *
 * Shape (2-space indentation, fixed attribute order, no time stamps):
 *   <akomaNtoso xmlns=AKN 3.0>
 *     <act name="quy-dinh">   normative types (QUY ĐỊNH, NGHỊ QUYẾT,
 *                             CHỈ THỊ, ПОЛОЖЕНИЕ…: is_act) are acts with
 *                             <body>; everything else (KẾ HOẠCH, HƯỚNG
 *                             DẪN, ПЛАН, no type) is <doc> with <mainBody>
 *       <meta> identification (FRBR Work/Expression/Manifestation, URIs
 *              /akn/vn/act/quy-dinh/2026-03-15/31-QD-TW/vie@/!main, the
 *              date "undated" and number "nn" when unknown; FRBRauthor
 *              only when the issuer is known), references (TLC entries
 *              for dirtrace, the issuer and the place; activeRef for each
 *              replaced document no unit mentions)
 *       <preface> docAuthority, docNumber, location, docDate, docType,
 *                 docTitle: one <p> each
 *       <preamble> citations: "based on" references no unit holds
 *       <body> the units:
 *         part chapter section subsection article -> same-named elements
 *         clause -> paragraph, point -> point, item -> indent,
 *         level -> hcontainer name="lvl", block -> hcontainer name="p",
 *         runs of rows with the same columns -> hcontainer name="table" /
 *         content / table, a <th> row of column names, a <tr> per row
 *       each with eId, <num> as the source wrote it ("Chương II", "Điều
 *       5.", "1.", "a)", a Charter tag "1. Điều 1 (Khoản 2):" rebuilt
 *       from the unit's implements: dt__write_num), <heading> (empty
 *       <heading/> after a Charter tag, which is a head line of its own),
 *       and the own text in <content> (a leaf) or <intro> (before
 *       children).
 * Text is written as read_akn.c reads it back (dt__write_canon: lines
 * trimmed, runs of spaces inside a line kept, characters that are not
 * XML dropped); a line break is <eol/> at the end of an XML line and a
 * blank line closes the <p> and stays a blank XML line, so that line k of
 * a unit's text sits k lines below its first, as in the Markdown.  Line
 * numbers are not written: md -> akn -> md -> akn gives the same bytes
 * twice.  & < > " are escaped.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "symbol.h"


#define AKN_NS "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#define MAX_OUT ((size_t)1 << 30)
#define MAX_UNIT_DEPTH 256u

/* ## XML output */

typedef struct {
	dt_buf b;
	const dt_doc *doc;
	int rc;
} writer;

/* Append printf output; once an append failed, the rest are no-ops. */
static void put(writer *w, const char *fmt, ...) DT_PRINTF(2, 3);

static void put(writer *w, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int n;

	if (w->rc < 0) {
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0) {
		w->rc = DT_ERROR;
	} else if ((size_t)n < sizeof(small)) {
		w->rc = dt__buf_append(&w->b, small, (size_t)n);
	} else {
		w->rc = dt__buf_reserve(&w->b, (size_t)n);
		if (w->rc == 0) {
			va_start(ap, fmt);
			vsnprintf(w->b.data + w->b.len, (size_t)n + 1, fmt, ap);
			va_end(ap);
			w->b.len += (size_t)n;
		}
	}
}

static void indent(writer *w, int level)
{
	put(w, "%*s", level * 2, "");
}

/* Append s[0..len) (canonical text: no characters that are not XML)
 * escaped; in attributes (attr) also quotes, and TAB as a character
 * reference so that attribute normalization keeps it. */
static void esc_n(writer *w, const char *s, size_t len, int attr)
{
	size_t i, run = 0;

	for (i = 0; w->rc == 0 && i < len; i++) {
		const char *rep = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" :
			s[i] == '>' ? "&gt;" : NULL;

		if (attr && rep == NULL) {
			rep = s[i] == '"' ? "&quot;" : s[i] == '\t' ? "&#9;" :
				NULL;
		}
		if (rep == NULL) {
			continue;
		}
		w->rc = dt__buf_append(&w->b, s + run, i - run);
		if (w->rc == 0) {
			w->rc = dt__buf_append(&w->b, rep, strlen(rep));
		}
		run = i + 1;
	}
	if (w->rc == 0) {
		w->rc = dt__buf_append(&w->b, s + run, len - run);
	}
}

/* `s` as one canonical line (dt__write_canon), escaped. */
static void esc(writer *w, const char *s, int attr)
{
	dt_buf c;

	dt__buf_init(&c, MAX_OUT);
	if (w->rc == 0) {
		w->rc = dt__write_canon(&c, s, 1);
	}
	if (w->rc == 0 && c.len > 0) {
		esc_n(w, c.data, c.len, attr);
	}
	dt__buf_dispose(&c);
}

/* An element holding one line of canonical text on one line. */
static void line_el(writer *w, int level, const char *tag, const char *s)
{
	indent(w, level);
	put(w, "<%s>", tag);
	esc(w, s, 0);
	put(w, "</%s>\n", tag);
}

/* The paragraphs of `text` as <p> elements: see the top of the file. */
static void paragraphs(writer *w, int level, const char *text)
{
	dt_buf c;
	size_t i;
	int open = 0;

	dt__buf_init(&c, MAX_OUT);
	w->rc = w->rc < 0 ? w->rc : dt__write_canon(&c, text, 0);
	for (i = 0; w->rc == 0 && i < c.len;) {
		size_t end = i;

		while (end < c.len && c.data[end] != '\n') {
			end++;
		}
		if (end == i) {
			put(w, "%s\n", open ? "</p>\n" : ""); /* a blank line */
			open = 0;
		} else if (!open) {
			indent(w, level);
			put(w, "<p>");
			open = 1;
		} else {
			put(w, "<eol/>\n");
			indent(w, level + 1);
		}
		esc_n(w, c.data + i, end - i, 0);
		i = end < c.len ? end + 1 : end;
	}
	if (open) {
		put(w, "</p>\n");
	}
	dt__buf_dispose(&c);
}

/* ## meta and preface */

/* The AKN document type: see the top of the file. */
static int is_act(const char *type)
{
	static const char *const acts[] = {
		"QUY ĐỊNH", "QUYẾT ĐỊNH", "NGHỊ QUYẾT", "CHỈ THỊ", "QUY CHẾ",
		"KẾT LUẬN", "ĐIỀU LỆ", "LUẬT", "BỘ LUẬT", "NGHỊ ĐỊNH",
		"THÔNG TƯ", "PHÁP LỆNH", "HIẾN PHÁP", "CƯƠNG LĨNH",
		"ПОЛОЖЕНИЕ", "ПОСТАНОВЛЕНИЕ", "РЕШЕНИЕ", "УКАЗ", "ЗАКОН",
		"ДИРЕКТИВА", "РЕЗОЛЮЦИЯ", "ПРАВИЛА", "РЕГЛАМЕНТ", "УСТАВ",
		"ПРИКАЗ", "РАСПОРЯЖЕНИЕ", "КОДЕКС", "REGULATION", "DECISION",
		"RESOLUTION", "DIRECTIVE", "LAW", "DECREE", "CIRCULAR",
		"CHARTER", "STATUTE", "ACT",
	};
	size_t i;

	for (i = 0; i < sizeof(acts) / sizeof(acts[0]); i++) {
		if (strcmp(type, acts[i]) == 0) {
			return 1;
		}
	}
	return 0;
}

/* Append a URI component for `s`: folded by `flags` (DT_FOLD_*), ASCII
 * letters and digits kept, other ASCII runs made one '-', non-ASCII
 * (Cyrillic) kept as an IRI; `fallback` when nothing is left. */
static void slug(writer *w, const char *s, unsigned flags,
	const char *fallback)
{
	char *f = NULL;
	size_t start = w->b.len, i;
	int dash = 0;

	if (w->rc == 0 && *s != '\0') {
		w->rc = dt_fold(&f, NULL, s, strlen(s), flags, NULL);
	}
	for (i = 0; w->rc == 0 && f != NULL && f[i] != '\0'; i++) {
		unsigned char c = (unsigned char)f[i];
		int keep = c >= 0x80 || (c >= '0' && c <= '9') ||
			(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

		if (!keep) {
			dash = w->b.len > start;
			continue;
		}
		if (dash) {
			w->rc = dt__buf_putc(&w->b, '-');
		}
		dash = 0;
		if (w->rc == 0) {
			w->rc = dt__buf_putc(&w->b, (char)c);
		}
	}
	dt_free(f);
	if (w->b.len == start) {
		put(w, "%s", fallback);
	}
}

static const char *lang3(dt_lang lang)
{
	return lang == DT_LANG_VI ? "vie" : lang == DT_LANG_RU ? "rus" :
		lang == DT_LANG_EN ? "eng" : "und";
}

/* The work URI: /akn/vn/act/quy-dinh/2026-03-15/31-QD-TW */
static void work_uri(writer *w)
{
	const dt_meta *m = &w->doc->meta;
	int act = is_act(m->type);

	put(w, "/akn/%s/%s/", w->doc->lang == DT_LANG_RU ? "ru" : "vn",
		act ? "act" : "doc");
	slug(w, m->type, DT_FOLD_CASE | DT_FOLD_DIACRITICS,
		act ? "act" : "doc");
	/* a date key of Markdown front matter that is no date stays as
	 * written in the metadata: in the URI it is a slug like the rest */
	if (dt__date_iso_shaped(m->date) && m->date[10] == '\0') {
		put(w, "/%s/", m->date);
	} else {
		put(w, "/");
		slug(w, m->date, DT_FOLD_CASE | DT_FOLD_DIACRITICS, "undated");
		put(w, "/");
	}
	slug(w, m->symbol, DT_FOLD_DIACRITICS, "nn");
}

/* <tag value="<uri><suffix>"/> */
static void uri_el(writer *w, const char *tag, int expr, const char *suffix)
{
	indent(w, 5);
	put(w, "<%s value=\"", tag);
	work_uri(w);
	if (expr) {
		put(w, "/%s@", lang3(w->doc->lang));
	}
	put(w, "%s\"/>\n", suffix);
}

static void frbr_date(writer *w, const char *name)
{
	if (w->doc->meta.date[0] != '\0') {
		indent(w, 5);
		put(w, "<FRBRdate date=\"");
		esc(w, w->doc->meta.date, 1);
		put(w, "\" name=\"%s\"/>\n", name);
	}
}

/* The work's author points at the issuer's TLC entry, which exists only
 * when the issuer is known (read_akn.c resolves it back to "issuer"). */
static void frbr_author(writer *w, const char *who)
{
	if (who == NULL) {
		return;
	}
	indent(w, 5);
	put(w, "<FRBRauthor href=\"#%s\"/>\n", who);
}

static void attr_el(writer *w, int level, const char *tag, const char *attr,
	const char *value)
{
	indent(w, level);
	put(w, "<%s %s=\"", tag, attr);
	esc(w, value, 1);
	put(w, "\"/>\n");
}

static void identification(writer *w)
{
	const dt_meta *m = &w->doc->meta;
	const char *author = m->issuer[0] != '\0' ? "issuer" : NULL;

	put(w, "      <identification source=\"#dirtrace\">\n");
	put(w, "        <FRBRWork>\n");
	uri_el(w, "FRBRthis", 0, "/!main");
	uri_el(w, "FRBRuri", 0, "");
	frbr_date(w, "issue");
	frbr_author(w, author);
	attr_el(w, 5, "FRBRcountry", "value",
		w->doc->lang == DT_LANG_RU ? "ru" : "vn");
	if (m->symbol[0] != '\0') {
		attr_el(w, 5, "FRBRnumber", "value", m->symbol);
	}
	if (m->type[0] != '\0') {
		attr_el(w, 5, "FRBRname", "value", m->type);
	}
	put(w, "        </FRBRWork>\n        <FRBRExpression>\n");
	uri_el(w, "FRBRthis", 1, "/!main");
	uri_el(w, "FRBRuri", 1, "");
	frbr_date(w, "issue");
	frbr_author(w, author);
	attr_el(w, 5, "FRBRlanguage", "language", lang3(w->doc->lang));
	put(w, "        </FRBRExpression>\n        <FRBRManifestation>\n");
	uri_el(w, "FRBRthis", 1, "/!main.xml");
	uri_el(w, "FRBRuri", 1, ".akn");
	frbr_date(w, "transform");
	frbr_author(w, "dirtrace");
	put(w, "        </FRBRManifestation>\n      </identification>\n");
}

static void tlc(writer *w, const char *tag, const char *eid,
	const char *onto, const char *show)
{
	indent(w, 4);
	put(w, "<%s eId=\"%s\" href=\"/ontology/%s/", tag, eid, onto);
	slug(w, show, DT_FOLD_CASE | DT_FOLD_DIACRITICS, eid);
	put(w, "\" showAs=\"");
	esc(w, show, 1);
	put(w, "\"/>\n");
}

static void references(writer *w)
{
	const dt_meta *m = &w->doc->meta;
	size_t i;

	put(w, "      <references source=\"#dirtrace\">\n");
	for (i = 0; i < m->replaces_count; i++) {
		if (!dt__write_ref_in_unit(w->doc, m->replaces[i].line)) {
			indent(w, 4);
			put(w, "<activeRef eId=\"replaces_%zu\" href=\"#\" "
				"showAs=\"", i + 1);
			esc(w, m->replaces[i].text, 1);
			put(w, "\"/>\n");
		}
	}
	tlc(w, "TLCOrganization", "dirtrace", "organization", "dirtrace");
	if (m->issuer[0] != '\0') {
		tlc(w, "TLCOrganization", "issuer", "organization", m->issuer);
	}
	if (m->place[0] != '\0') {
		tlc(w, "TLCLocation", "place", "location", m->place);
	}
	put(w, "      </references>\n");
}

/* A preface line: <p><tag>value</tag></p>; line breaks become <eol/>. */
static void preface_p(writer *w, const char *tag, const char *attrs,
	const char *value)
{
	dt_buf c;
	size_t i, run = 0;

	if (value[0] == '\0') {
		return;
	}
	dt__buf_init(&c, MAX_OUT);
	w->rc = w->rc < 0 ? w->rc : dt__write_canon(&c, value, 0);
	put(w, "      <p><%s%s>", tag, attrs);
	for (i = 0; w->rc == 0 && i <= c.len; i++) {
		if (i == c.len || c.data[i] == '\n') {
			esc_n(w, c.data + run, i - run, 0);
			put(w, "%s", i < c.len ? "<eol/>" : "");
			run = i + 1;
		}
	}
	put(w, "</%s></p>\n", tag);
	dt__buf_dispose(&c);
}

static void preface(writer *w)
{
	const dt_meta *m = &w->doc->meta;

	if (m->issuer[0] == '\0' && m->symbol[0] == '\0' &&
		m->place[0] == '\0' && m->date[0] == '\0' &&
		m->type[0] == '\0' && m->title[0] == '\0') {
		return;
	}
	put(w, "    <preface>\n");
	preface_p(w, "docAuthority", "", m->issuer);
	preface_p(w, "docNumber", "", m->symbol);
	preface_p(w, "location", " refersTo=\"#place\"", m->place);
	if (m->date[0] != '\0') {
		put(w, "      <p><docDate date=\"");
		esc(w, m->date, 1);
		put(w, "\">");
		esc(w, m->date, 0);
		put(w, "</docDate></p>\n");
	}
	preface_p(w, "docType", "", m->type);
	preface_p(w, "docTitle", "", m->title);
	put(w, "    </preface>\n");
}

/* "Căn cứ …" references that no unit holds. */
static void preamble(writer *w)
{
	const dt_meta *m = &w->doc->meta;
	size_t i;
	int open = 0;

	for (i = 0; i < m->based_on_count; i++) {
		if (dt__write_ref_in_unit(w->doc, m->based_on[i].line)) {
			continue;
		}
		if (!open) {
			put(w, "    <preamble>\n      <citations>\n");
			open = 1;
		}
		put(w, "        <citation>\n");
		line_el(w, 5, "p", m->based_on[i].text);
		put(w, "        </citation>\n");
	}
	if (open) {
		put(w, "      </citations>\n    </preamble>\n");
	}
}

/* ## body */

typedef struct {
	const char *tag;
	const char *name; /* hcontainer name, or NULL */
} el_name;

/* The element each kind is written as; see the top of the file. */
static const el_name unit_els[DT_KIND_COUNT_] = {
	{ "hcontainer", "p" }, { "part", NULL }, { "chapter", NULL },
	{ "section", NULL }, { "subsection", NULL }, { "article", NULL },
	{ "paragraph", NULL }, { "point", NULL }, { "indent", NULL },
	{ "hcontainer", "lvl" }, { "hcontainer", "row" },
	{ "hcontainer", "p" },
};

static void cell(writer *w, int level, const char *tag, const char *s)
{
	indent(w, level);
	put(w, "<%s><p>", tag);
	esc(w, s, 0);
	put(w, "</p></%s>\n", tag);
}

static void eid_attr(writer *w, const char *eid)
{
	if (eid[0] != '\0') {
		put(w, " eId=\"");
		esc(w, eid, 1);
		put(w, "\"");
	}
}

static void row(writer *w, const dt_unit *u, int level)
{
	size_t i;

	indent(w, level);
	put(w, "<tr");
	eid_attr(w, u->eid);
	put(w, ">\n");
	if (u->ncells == 0) {
		cell(w, level + 1, "td", u->text);
	}
	for (i = 0; i < u->ncells; i++) {
		cell(w, level + 1, "td", u->cells[i]);
	}
	indent(w, level);
	put(w, "</tr>\n");
}

/* The rows children[i…] of `parent` that share the columns of
 * children[i], as one table with a header row when the columns have
 * names.  Returns the index after them. */
static size_t table(writer *w, const dt_unit *parent, size_t i, int level)
{
	const dt_unit *first = parent->children[i];
	size_t k;
	int named = 0;

	for (k = 0; k < first->ncells; k++) {
		named |= first->cell_names[k][0] != '\0';
	}
	indent(w, level);
	put(w, "<hcontainer name=\"table\">\n");
	indent(w, level + 1);
	put(w, "<content>\n");
	indent(w, level + 2);
	put(w, "<table>\n");
	if (named) {
		indent(w, level + 3);
		put(w, "<tr>\n");
		for (k = 0; k < first->ncells; k++) {
			cell(w, level + 4, "th", first->cell_names[k]);
		}
		indent(w, level + 3);
		put(w, "</tr>\n");
	}
	for (; i < parent->nchildren && parent->children[i]->kind ==
		DT_KIND_ROW && dt__unit_same_columns(first, parent->children[i]); i++) {
		row(w, parent->children[i], level + 3);
	}
	indent(w, level + 2);
	put(w, "</table>\n");
	indent(w, level + 1);
	put(w, "</content>\n");
	indent(w, level);
	put(w, "</hcontainer>\n");
	return i;
}

/* True when `s` has more than spaces and control characters. */
static int has_text(const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s > ' ') {
			return 1;
		}
	}
	return 0;
}

static void children(writer *w, const dt_unit *u, int level, unsigned depth);

/* <content> for a leaf, <intro> before children; an empty <p/> keeps a
 * leaf valid AKN. */
static void own_text(writer *w, const dt_unit *u, int level)
{
	const char *tag = u->nchildren > 0 ? "intro" : "content";

	if (!has_text(u->text) && u->nchildren > 0) {
		return;
	}
	indent(w, level);
	put(w, "<%s>\n", tag);
	if (has_text(u->text)) {
		paragraphs(w, level + 1, u->text);
	} else {
		indent(w, level + 1);
		put(w, "<p/>\n");
	}
	indent(w, level);
	put(w, "</%s>\n", tag);
}

static void unit(writer *w, const dt_unit *u, int level, unsigned depth)
{
	const el_name *e = &unit_els[(unsigned)u->kind < DT_KIND_COUNT_ ?
		u->kind : DT_KIND_BLOCK];
	int is_tagged;
	dt_buf num;

	if (depth > MAX_UNIT_DEPTH) {
		w->rc = w->rc < 0 ? w->rc : DT_ELIMIT;
		return;
	}
	indent(w, level);
	put(w, "<%s", e->tag);
	eid_attr(w, u->eid);
	if (e->name != NULL) {
		put(w, " name=\"%s\"", e->name);
	}
	put(w, ">\n");
	dt__buf_init(&num, 4096);
	if (w->rc == 0) {
		w->rc = dt__write_num(&num, w->doc, u);
	}
	if (w->rc == 0 && num.len > 0) {
		line_el(w, level + 1, "num", num.data);
	}
	is_tagged = u->nimplements > 0 && num.len > 0 &&
		num.data[num.len - 1] == ':';
	dt__buf_dispose(&num);
	if (has_text(u->heading)) {
		line_el(w, level + 1, "heading", u->heading);
	} else if (u->kind > DT_KIND_ARTICLE && is_tagged) {
		indent(w, level + 1);
		put(w, "<heading/>\n"); /* the tag line is a head line */
	}
	own_text(w, u, level + 1);
	children(w, u, level + 1, depth + 1);
	indent(w, level);
	put(w, "</%s>\n", e->tag);
}

static void children(writer *w, const dt_unit *u, int level, unsigned depth)
{
	size_t i = 0;

	while (w->rc == 0 && i < u->nchildren) {
		if (u->children[i]->kind == DT_KIND_ROW) {
			i = table(w, u, i, level);
		} else {
			unit(w, u->children[i++], level, depth);
		}
	}
}

int dt_doc_write_akn(char **out, size_t *len_out, const dt_doc *doc,
	dt_error *err)
{
	const char *type, *body;
	writer w;

	DT_ASSERT_ARG(out != NULL && doc != NULL, err);
	*out = NULL;
	if (len_out != NULL) {
		*len_out = 0;
	}
	memset(&w, 0, sizeof(w));
	dt__buf_init(&w.b, MAX_OUT);
	w.doc = doc;
	type = is_act(doc->meta.type) ? "act" : "doc";
	body = is_act(doc->meta.type) ? "body" : "mainBody";
	put(&w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<akomaNtoso xmlns=\"%s\">\n  <%s name=\"", AKN_NS, type);
	slug(&w, doc->meta.type, DT_FOLD_CASE | DT_FOLD_DIACRITICS, type);
	put(&w, "\">\n    <meta>\n");
	identification(&w);
	references(&w);
	put(&w, "    </meta>\n");
	preface(&w);
	preamble(&w);
	put(&w, "    <%s>\n", body);
	children(&w, &doc->root, 3, 1);
	put(&w, "    </%s>\n  </%s>\n</akomaNtoso>\n", body, type);
	return dt__buf_finish_output(&w.b, w.rc, "akn", out, len_out, err);
}
