/*
 * write_md.c - a dt_doc back as Markdown that read_md.c and the outline
 * read into the same units (and that read_akn.c mirrors block for block
 * for the AKN that write_akn.c writes).
 *
 * Shape:
 *   front matter  "---" / "type: QUY ĐỊNH" / "symbol: 31-QĐ/TW" / "date:
 *                 2026-03-15" / "place:" / "issuer:" / "title:" / "lang:
 *                 vi" / "replaces: …" (those no unit holds) / "---"
 *   "Căn cứ …"    based-on references no unit holds, one paragraph each
 *   units         a unit with a heading: "## Chương II. QUY ĐỊNH CHUNG",
 *                 "### Điều 5. Phạm vi điều chỉnh", "### 1. Mục đích"
 *                 (". " joins a number without final punctuation; '#'s
 *                 = 2 + the number of part…article ancestors, at most 6);
 *                 a head without one, or a unit opened by a Charter
 *                 tag: "### Điều 5.", "## 1. Điều 1 (Khoản 2):"; other
 *                 numbered
 *                 units open their text: "1. …", "a) …", "- …", "1.2. …";
 *                 the own text follows as paragraphs (its line breaks and
 *                 blank lines kept, so line k of the text stays k lines
 *                 below its first); runs of rows become a GFM table
 *                 headed by the column names.
 * Text is canonical (dt__write_canon) and escaped so that cmark gives it
 * back unchanged: \ ` * _ [ ] < > & | ~ # everywhere, and at a line
 * start also - + = and the "." or ")" after digits.  Deterministic.
 *
 * The helpers both writers share live here: the number as written
 * (dt__write_num), the canonical text (dt__write_canon), and whether a
 * reference is already inside a unit (dt__write_ref_in_unit).
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"


#define MAX_OUT ((size_t)1 << 30)
#define MAX_UNIT_DEPTH 256u

/* ## shared with write_akn.c: numbers, canonical text, references */

static int is_roman(const char *s)
{
	if (*s == '\0') {
		return 0;
	}
	for (; *s != '\0'; s++) {
		if (strchr("IVXLCDM", *s) == NULL) {
			return 0;
		}
	}
	return 1;
}

/* The words heads are numbered with, by [lang][kind]: vi, ru, en. */
static const char *head_word(dt_lang lang, dt_kind kind)
{
	static const char *const words[3][DT_KIND_ARTICLE + 1] = {
		{ "", "Phần", "Chương", "Mục", "Tiểu mục", "Điều" },
		{ "", "Раздел", "Глава", "Раздел", "Подраздел", "Статья" },
		{ "", "Part", "Chapter", "Section", "Subsection", "Article" },
	};
	int l = lang == DT_LANG_RU ? 1 : lang == DT_LANG_EN ? 2 : 0;

	return words[l][kind];
}

static int ends_in(const char *s, const char *set)
{
	size_t n = strlen(s);

	return n > 0 && strchr(set, s[n - 1]) != NULL;
}

/* The Charter tag of a unit that implements "art_A" or "art_A__para_K"
 * of another document: " Điều A:" or " Điều A (Khoản K):", the shape the
 * outline turns back into the same implements entry (DESIGN §3). */
static int charter_tag(dt_buf *b, const dt_unit *u)
{
	const char *e, *para;
	size_t a, k;

	if (u->nimplements == 0 ||
		strncmp(u->implements[0], "art_", 4) != 0) {
		return 0;
	}
	e = u->implements[0] + 4;
	a = strspn(e, "0123456789");
	para = e + a;
	if (a == 0) {
		return 0;
	}
	if (*para == '\0') {
		return dt__buf_printf(b, " Điều %.*s:", (int)a, e);
	}
	if (strncmp(para, "__para_", 7) != 0) {
		return 0;
	}
	k = strspn(para + 7, "0123456789");
	if (k == 0 || para[7 + k] != '\0') {
		return 0;
	}
	return dt__buf_printf(b, " Điều %.*s (Khoản %.*s):", (int)a, e,
		(int)k, para + 7);
}

/* The number of `u` as the source most likely wrote it: "Chương II",
 * "Điều 5.", "I." (a plan section), "1.", "a)" ("(a)" in English),
 * "1.2.", "-" for items; nothing for unnumbered units.  Heads whose
 * number ends in punctuation carry their heading on the same line. */
int dt__write_num(dt_buf *b, const dt_doc *doc, const dt_unit *u)
{
	const char *num = u->num;
	int rc;

	switch (u->kind) {
	case DT_KIND_SECTION:
		if (is_roman(num)) {
			return dt__buf_printf(b, "%s.", num);
		}
		/* fall through */
	case DT_KIND_PART:
	case DT_KIND_CHAPTER:
	case DT_KIND_SUBSECTION:
	case DT_KIND_ARTICLE:
		if (*num == '\0') {
			return 0;
		}
		return dt__buf_printf(b, "%s %s%s", head_word(doc->lang,
			u->kind), num, u->kind == DT_KIND_ARTICLE ? "." : "");
	case DT_KIND_CLAUSE:
	case DT_KIND_LEVEL:
		if (*num == '\0') {
			return 0;
		}
		rc = dt__buf_printf(b, "%s%s", num,
			ends_in(num, ".)") ? "" : ".");
		return rc < 0 ? rc : charter_tag(b, u);
	case DT_KIND_POINT:
		if (*num == '\0' || ends_in(num, ".)")) {
			return dt__buf_printf(b, "%s", num);
		}
		return dt__buf_printf(b, doc->lang == DT_LANG_EN ? "(%s)" :
			"%s)", num);
	case DT_KIND_ITEM:
		/* the bullet as written: "-", "+", "*", "•", "–" */
		return dt__buf_printf(b, "%s", *num != '\0' ? num : "-");
	default:
		return 0;
	}
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Bytes of `s` that are not XML characters (C0 controls other than TAB
 * LF CR, U+FFFE, U+FFFF): 0, or the length to skip. */
static size_t bad_char(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') {
		return 1;
	}
	if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
		return 3;
	}
	return 0;
}

/* Append one line of s[0..len) to `ln`: characters that are not XML
 * dropped, spaces at both ends trimmed, inner runs kept. */
static int canon_line(dt_buf *ln, const char *s, size_t len)
{
	size_t i = 0;
	int rc = 0;

	ln->len = 0;
	while (rc == 0 && i < len) {
		size_t skip = bad_char(s + i);

		if (skip > 0) {
			i += skip;
		} else if (ln->len == 0 && is_space((unsigned char)s[i])) {
			i++;
		} else {
			rc = dt__buf_putc(ln, s[i++]);
		}
	}
	while (rc == 0 && ln->len > 0 &&
		is_space((unsigned char)ln->data[ln->len - 1])) {
		ln->len--;
	}
	return rc;
}

/* Append `s` in canonical form: lines trimmed (runs of spaces inside a
 * line kept), blank lines at both ends dropped, characters that are not
 * XML dropped; with `one_line`, lines joined by one space.  Both readers
 * give this text back unchanged. */
int dt__write_canon(dt_buf *b, const char *s, int one_line)
{
	size_t start = b->len, breaks = 0;
	dt_buf ln;
	int rc = 0;

	dt__buf_init(&ln, b->max);
	while (rc == 0 && *s != '\0') {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);

		rc = canon_line(&ln, s, len);
		s += len + (nl != NULL);
		if (rc < 0 || ln.len == 0) {
			breaks += b->len > start; /* a blank line inside */
			continue;
		}
		if (b->len > start && one_line) {
			rc = dt__buf_putc(b, ' ');
		}
		for (breaks++; b->len > start && !one_line && rc == 0 &&
			breaks > 0; breaks--) {
			rc = dt__buf_putc(b, '\n');
		}
		breaks = 0;
		if (rc == 0) {
			rc = dt__buf_append(b, ln.data, ln.len);
		}
	}
	dt__buf_dispose(&ln);
	return rc;
}

/* True when a reference found at `line` lies inside a unit's text, so
 * that writing the unit writes the reference too. */
int dt__write_ref_in_unit(const dt_doc *doc, size_t line)
{
	size_t i;

	for (i = 0; line > 0 && i < doc->nunits; i++) {
		if (line >= doc->order[i]->line &&
			line <= doc->order[i]->last_line) {
			return 1;
		}
	}
	return 0;
}

typedef struct {
	dt_buf b;
	const dt_doc *doc;
	int rc;
} writer;

static void put_n(writer *w, const char *s, size_t len)
{
	if (w->rc == 0) {
		w->rc = dt__buf_append(&w->b, s, len);
	}
}

static void put(writer *w, const char *s)
{
	put_n(w, s, strlen(s));
}

/* Append s[0..len) escaped for Markdown; `line_start` when it opens a
 * line (or follows a list marker). */
static void esc(writer *w, const char *s, size_t len, int line_start)
{
	size_t i = 0, run = 0, mark = SIZE_MAX;

	if (line_start && len > 0 && strchr("-+=", s[0]) != NULL) {
		mark = 0;
	} else if (line_start) {
		while (i < len && i < 9 && s[i] >= '0' && s[i] <= '9') {
			i++;
		}
		mark = i > 0 && i < len && (s[i] == '.' || s[i] == ')') ?
			i : SIZE_MAX;
	}
	for (i = 0; i < len; i++) {
		if (i != mark && strchr("\\`*_[]<>&|~#", s[i]) == NULL) {
			continue;
		}
		put_n(w, s + run, i - run);
		put(w, "\\");
		run = i;
	}
	put_n(w, s + run, len - run);
}

/* Canonical form of `s` in `c` (one line with `one_line`). */
static void canon(writer *w, dt_buf *c, const char *s, int one_line)
{
	dt__buf_init(c, MAX_OUT);
	if (w->rc == 0) {
		w->rc = dt__write_canon(c, s, one_line);
	}
}

/* ## front matter and preamble */

static void field(writer *w, const char *key, const char *value)
{
	dt_buf c;

	canon(w, &c, value, 1);
	if (c.len > 0) {
		put(w, key);
		put(w, ": ");
		put_n(w, c.data, c.len);
		put(w, "\n");
	}
	dt__buf_dispose(&c);
}

static void front_matter(writer *w)
{
	const dt_meta *m = &w->doc->meta;
	size_t start, i;

	put(w, "---\n");
	start = w->b.len;
	field(w, "type", m->type);
	field(w, "symbol", m->symbol);
	field(w, "date", m->date);
	field(w, "place", m->place);
	field(w, "issuer", m->issuer);
	field(w, "title", m->title);
	field(w, "lang", w->doc->lang == DT_LANG_UNKNOWN ||
		w->doc->lang == DT_LANG_OTHER ? "" :
		dt_lang_code(w->doc->lang));
	for (i = 0; i < m->replaces_count; i++) {
		if (!dt__write_ref_in_unit(w->doc, m->replaces[i].line)) {
			field(w, "replaces", m->replaces[i].text);
		}
	}
	if (w->rc == 0 && w->b.len == start) {
		w->b.len -= 4; /* nothing to say: no front matter */
		w->b.data[w->b.len] = '\0';
		return;
	}
	put(w, "---\n\n");
}

/* `s` as one paragraph of one line. */
static void paragraph_line(writer *w, const char *s)
{
	dt_buf c;

	canon(w, &c, s, 1);
	if (c.len > 0) {
		esc(w, c.data, c.len, 1);
		put(w, "\n\n");
	}
	dt__buf_dispose(&c);
}

static void preamble(writer *w)
{
	const dt_meta *m = &w->doc->meta;
	size_t i;

	for (i = 0; i < m->based_on_count; i++) {
		if (!dt__write_ref_in_unit(w->doc, m->based_on[i].line)) {
			paragraph_line(w, m->based_on[i].text);
		}
	}
}

/* ## units */

static int is_head(dt_kind kind)
{
	return kind >= DT_KIND_PART && kind <= DT_KIND_ARTICLE;
}

static void hashes(writer *w, const dt_unit *u)
{
	const dt_unit *p;
	int level = 2;

	for (p = u->parent; p != NULL && level < 6; p = p->parent) {
		level += is_head(p->kind);
	}
	put_n(w, "######", (size_t)level);
	put(w, " ");
}

/* The canonical text in `c` as paragraphs, every line escaped as a line
 * start; `num` (may be empty) opens the first line: "1. …". */
static void text(writer *w, const dt_buf *c, const char *num, size_t nlen)
{
	size_t i = 0;

	put_n(w, num, nlen);
	if (nlen > 0 && c->len > 0) {
		put(w, " ");
	}
	while (w->rc == 0 && i < c->len) {
		size_t end = i;

		while (end < c->len && c->data[end] != '\n') {
			end++;
		}
		esc(w, c->data + i, end - i, 1);
		put(w, "\n");
		i = end + 1;
	}
	if (nlen > 0 && c->len == 0) {
		put(w, "\n");
	}
	if (nlen > 0 || c->len > 0) {
		put(w, "\n");
	}
}

/* A heading line "<num> <heading>" (or either alone). */
static void heading(writer *w, const dt_unit *u, const dt_buf *num)
{
	dt_buf h;

	canon(w, &h, u->heading, 1);
	hashes(w, u);
	esc(w, num->data ? num->data : "", num->len, 0);
	if (num->len > 0 && h.len > 0) {
		put(w, dt__akn_head_sep(num->data, num->len));
	}
	esc(w, h.data ? h.data : "", h.len, 0);
	put(w, "\n\n");
	dt__buf_dispose(&h);
}

static void children(writer *w, const dt_unit *u, unsigned depth);

static void unit(writer *w, const dt_unit *u, unsigned depth)
{
	dt_buf num, c;

	if (depth > MAX_UNIT_DEPTH) {
		w->rc = w->rc < 0 ? w->rc : DT_ELIMIT;
		return;
	}
	dt__buf_init(&num, 4096);
	if (w->rc == 0) {
		w->rc = dt__write_num(&num, w->doc, u);
	}
	canon(w, &c, u->text, 0);
	/* heads, and units opened by a Charter tag, are heading lines even
	 * without a title, so that their text stays text */
	if (w->rc == 0 && (u->heading[0] != '\0' || (num.len > 0 &&
		(is_head(u->kind) || (u->nimplements > 0 &&
		num.data[num.len - 1] == ':'))))) {
		heading(w, u, &num);
		text(w, &c, "", 0);
	} else if (w->rc == 0) {
		text(w, &c, num.len > 0 ? num.data : "", num.len);
	}
	dt__buf_dispose(&num);
	dt__buf_dispose(&c);
	children(w, u, depth + 1);
}

/* "| a | b |" from `n` strings (one cell of `text` when n is 0). */
static void table_line(writer *w, char *const *cells, size_t n,
	const char *text)
{
	size_t i;

	for (i = 0; i < (n ? n : 1); i++) {
		dt_buf c;

		canon(w, &c, n ? cells[i] : text, 1);
		put(w, "| ");
		esc(w, c.data ? c.data : "", c.len, 0);
		put(w, " ");
		dt__buf_dispose(&c);
	}
	put(w, "|\n");
}

/* The rows children[i…] of `parent` that share the columns of
 * children[i] as one GFM table; returns the index after them. */
static size_t table(writer *w, const dt_unit *parent, size_t i)
{
	const dt_unit *first = parent->children[i];
	size_t k, n = first->ncells ? first->ncells : 1;

	table_line(w, first->cell_names, first->ncells, "");
	for (k = 0; k < n; k++) {
		put(w, "| --- ");
	}
	put(w, "|\n");
	for (; i < parent->nchildren && parent->children[i]->kind ==
		DT_KIND_ROW && dt__unit_same_columns(first, parent->children[i]); i++) {
		const dt_unit *r = parent->children[i];

		table_line(w, r->cells, r->ncells, r->text);
	}
	put(w, "\n");
	return i;
}

static void children(writer *w, const dt_unit *u, unsigned depth)
{
	size_t i = 0;

	while (w->rc == 0 && i < u->nchildren) {
		if (u->children[i]->kind == DT_KIND_ROW) {
			i = table(w, u, i);
		} else {
			unit(w, u->children[i++], depth);
		}
	}
}

int dt_doc_write_md(char **out, size_t *len_out, const dt_doc *doc,
	dt_error *err)
{
	writer w;

	DT_ASSERT_ARG(out != NULL && doc != NULL, err);
	*out = NULL;
	if (len_out != NULL) {
		*len_out = 0;
	}
	memset(&w, 0, sizeof(w));
	dt__buf_init(&w.b, MAX_OUT);
	w.doc = doc;
	front_matter(&w);
	preamble(&w);
	children(&w, &doc->root, 1);
	if (w.rc == 0 && w.b.len >= 2 && w.b.data[w.b.len - 1] == '\n' &&
		w.b.data[w.b.len - 2] == '\n') {
		w.b.data[--w.b.len] = '\0'; /* one final newline */
	}
	return dt__buf_finish_output(&w.b, w.rc, "markdown", out, len_out, err);
}
