/*
 * read_akn_body.c - the Akoma Ntoso body as blocks: the walk over the
 * document element that turns hierarchy, block and table elements into
 * dt_block records (their classes and inline text come from
 * read_akn_text.c).
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
 * Preface and meta are skipped here: read_akn_meta.c reads them.
 */
#include <string.h>

#include "read_akn_internal.h"

#define MAX_ROW_CELLS 4096u

/* ## emitting blocks */

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

static int push(dt_akn_walker *w, const block_spec *s, dt_block **out)
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
		blk->text = dt__akn_dup_nfc(s->text, s->len, &rc);
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

static void pend_clear(dt_akn_walker *w)
{
	dt__free(w->pend_num);
	dt__free(w->pend_eid);
	w->pend_num = NULL;
	w->pend_eid = NULL;
	w->pend_owner = NULL;
	w->pend_hint = -1;
}

/* Remember the number, eId and kind of `n` for its first text block. */
static int pend_set(dt_akn_walker *w, const xmlNode *n, const dt_akn_text *num,
	const xmlChar *eid, int hint)
{
	pend_clear(w);
	w->pend_owner = n;
	w->pend_hint = hint;
	w->pend_line = dt__akn_line(n);
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
static int pend_flush(dt_akn_walker *w)
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
static int emit_acc(dt_akn_walker *w, const dt_akn_text *a, size_t base,
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
static int emit_el(dt_akn_walker *w, const xmlNode *n, unsigned depth,
	dt_block_kind kind, int level)
{
	dt_akn_text a;
	int rc = dt__akn_collect(w, &a, n, depth);

	if (rc == 0) {
		rc = emit_acc(w, &a, dt__akn_line(n), kind, level);
	}
	dt__akn_text_dispose(&a);
	return rc;
}

/* ## hierarchy */

static int walk_block(dt_akn_walker *w, const xmlNode *n, unsigned depth,
	int level);

/* The kind an hcontainer or level stands for: name="lvl" or an eId
 * ending in lvl_N is a decimal level, name="p" an unnumbered block. */
static int hier_hint(const xmlNode *n, int hint, const xmlChar *eid)
{
	xmlChar *name;
	const char *last = NULL, *s;

	if (!dt__akn_is(n, "hcontainer") && !dt__akn_is(n, "level")) {
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
static int emit_joined(dt_akn_walker *w, const block_spec *tmpl,
	const dt_akn_text *num, const char *sep, const dt_akn_text *head,
	size_t head_line)
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
static int emit_first(dt_akn_walker *w, const xmlNode *n,
	const xmlNode *const el[2], const dt_akn_text *num,
	const dt_akn_text *head, int level, int is_head, const xmlChar *eid,
	int hint)
{
	size_t num_line = el[0] ? dt__akn_line(el[0]) + num->nl_first : 0;
	size_t head_line = el[1] ? dt__akn_line(el[1]) : 0;
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
static int walk_hier_children(dt_akn_walker *w, const xmlNode *n,
	unsigned depth, int level, const xmlNode *const skip[3])
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
static int delimit(dt_akn_walker *w, dt_akn_text *num, int hint)
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

static int walk_hier(dt_akn_walker *w, const xmlNode *n, unsigned depth,
	int level, const dt_akn_el *e)
{
	const xmlNode *skip[3] = { dt__akn_child(n, "num"),
		dt__akn_child(n, "heading"), dt__akn_child(n, "subheading") };
	xmlChar *eid = xmlGetProp(n, BAD_CAST "eId");
	int hint = hier_hint(n, e->hint, eid);
	dt_akn_text num, head;
	int rc;

	dt__akn_text_init(&num);
	dt__akn_text_init(&head);
	rc = skip[0] ? dt__akn_collect(w, &num, skip[0], depth + 1) : 0;
	if (rc == 0 && skip[1] != NULL) {
		rc = dt__akn_collect(w, &head, skip[1], depth + 1);
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
	dt__akn_text_dispose(&num);
	dt__akn_text_dispose(&head);
	xmlFree(eid);
	return rc;
}

/* ## tables */

static size_t count_cells(const xmlNode *tr)
{
	const xmlNode *c;
	size_t n = 0;

	for (c = tr->children; c != NULL; c = c->next) {
		n += dt__akn_is(c, "td") || dt__akn_is(c, "th");
	}
	return n;
}

/* Add the collected cell `a` of element `c` to the row `blk` and its
 * text "a | b | c". */
static int add_cell(dt_akn_walker *w, dt_block *blk, const xmlNode *c,
	const dt_akn_text *a, dt_buf *text)
{
	int rc;

	blk->cells[blk->ncells] = dt__akn_dup_nfc(a->b.data, a->b.len, &rc);
	if (rc == 0) {
		blk->ncells++;
		blk->last_line = dt__akn_line(c) + a->nl_last;
		rc = dt__buf_printf(text, "%s%s", blk->ncells > 1 ? " | " : "",
			a->b.len > 0 ? a->b.data : "");
	}
	return rc < 0 ? dt__akn_text_fail(w, c, rc) : 0;
}

/* Collect the cells of `tr` into blk (already pushed, so that the block
 * owns them even on failure). */
static int fill_row(dt_akn_walker *w, dt_block *blk, const xmlNode *tr,
	unsigned depth, dt_buf *text)
{
	const xmlNode *c;
	int rc = 0, all_th = 1;

	for (c = tr->children; rc == 0 && c != NULL; c = c->next) {
		dt_akn_text a;

		if (!dt__akn_is(c, "td") && !dt__akn_is(c, "th")) {
			continue;
		}
		all_th &= dt__akn_is(c, "th");
		/* reports its errors */
		rc = dt__akn_collect(w, &a, c, depth + 1);
		if (rc == 0) {
			rc = add_cell(w, blk, c, &a, text);
		}
		dt__akn_text_dispose(&a);
	}
	blk->header = all_th;
	blk->hint = all_th ? -1 : DT_KIND_ROW;
	return rc;
}

static int emit_row(dt_akn_walker *w, const xmlNode *tr, unsigned depth)
{
	size_t n = count_cells(tr);
	block_spec s = { DT_BLOCK_ROW, 0, "", 0, dt__akn_line(tr),
		dt__akn_line(tr), NULL, DT_KIND_ROW, 0 };
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
	dt__buf_init(&text, DT_AKN_MAX_BLOCK_TEXT);
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
static int walk_rows(dt_akn_walker *w, const xmlNode *n, unsigned depth)
{
	const xmlNode *c;
	int rc = 0;

	for (c = n->children; rc == 0 && c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !dt__akn_in_ns(c)) {
			continue;
		}
		if (depth + 1 > w->max_depth) {
			return dt__akn_too_deep(w, c);
		}
		if (dt__akn_is(c, "tr")) {
			rc = emit_row(w, c, depth + 1);
		} else if (dt__akn_is(c, "thead") || dt__akn_is(c, "tbody") ||
			dt__akn_is(c, "tfoot")) {
			rc = walk_rows(w, c, depth + 1);
		}
	}
	return rc;
}

/* ## the body */

static int walk_children(dt_akn_walker *w, const xmlNode *n, unsigned depth,
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
static int walk_block(dt_akn_walker *w, const xmlNode *n, unsigned depth,
	int level)
{
	const dt_akn_el *e;
	dt_akn_class cls;
	int rc;

	if (n->type != XML_ELEMENT_NODE || !dt__akn_in_ns(n)) {
		return 0;
	}
	if (depth > w->max_depth) {
		return dt__akn_too_deep(w, n);
	}
	e = dt__akn_lookup(n);
	cls = e != NULL ? e->cls : EL_OTHER;
	if (cls == EL_OTHER || cls == EL_CONTAINER) {
		cls = dt__akn_has_text(n) ? EL_BLOCK : EL_CONTAINER;
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

/* ## entry points */

int dt__akn_body_walk(dt_akn_walker *w, const xmlNode *docel)
{
	const xmlNode *c;
	int rc = 0;

	for (c = docel->children; rc == 0 && c != NULL; c = c->next) {
		rc = walk_block(w, c, 3, 2);
	}
	if (rc == 0) {
		rc = pend_flush(w);
	}
	return rc;
}

void dt__akn_walker_dispose(dt_akn_walker *w)
{
	pend_clear(w);
}
