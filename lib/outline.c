/*
 * outline.c - the numbering grammar turns blocks into a tree of units.
 *
 * Structure is recognised from the text of blocks, whatever container they
 * came in: a line that starts with a numbering pattern (outline_grammar.c)
 * opens a unit, even in the middle of a paragraph ("a) …" newline "b) …").
 * An open-unit stack with ranks decides nesting: a unit closes every open
 * unit of equal or lower rank and becomes the child of what remains.
 * Decimal items ("1.2.3") find their parent by number path instead.
 * Unnumbered text continues the innermost open unit while it has no
 * children, and becomes a block unit (p_N) after that.
 *
 * Irregular numbering (duplicates, gaps, letters out of order, a point
 * outside a clause) is a warning on the document, never a failure.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outline_internal.h"

enum { MAX_STACK = 32, MAX_ROWS = 64 };

/* ## compiled grammar (once per process) */

static dt_re *grammar_re[MAX_ROWS];
static int grammar_status;
static dt_error grammar_err;
static pthread_once_t grammar_once = PTHREAD_ONCE_INIT;

static void grammar_compile(void)
{
	size_t i;

	for (i = 0; i < dt__outline_grammar_count && i < MAX_ROWS; i++) {
		const dt_grammar_row *row = &dt__outline_grammar[i];
		unsigned flags = DT_RE_ANCHORED;

		if (!(row->flags & G_CASE)) {
			flags |= DT_RE_CASELESS;
		}
		grammar_status = dt__re_compile(&grammar_re[i], row->pattern,
			flags, &grammar_err);
		if (grammar_status < 0) {
			return;
		}
	}
}

/* ## state */

typedef struct {
	dt_unit *u;
	int rank;
} frame;

typedef struct {
	dt_doc *doc;
	dt_unit_builder units;  /* creates units, checks their numbering */
	frame stack[MAX_STACK];
	size_t depth;
	dt_unit *pending_title; /* a container whose title may follow */
	const dt_block *header; /* header row of the current table */
} outliner;

/* A line of block text, classified. */
typedef struct {
	const dt_grammar_row *row;
	size_t ov[10];   /* group offsets, relative to the line start */
	int groups;
} match;

typedef struct {
	const dt_block *blk;
	size_t blk_len;  /* strlen(blk->text) */
	const char *s;   /* segment text */
	size_t len;
	size_t line;     /* original line of s[0] */
	int first;       /* the first segment of its block */
	match m;         /* its first line, classified without open units */
	size_t mlen;     /* ... at this length */
} segment;

/* Bytes of the block's bold run that fall inside segment `seg`. */
static size_t seg_strong(const segment *seg)
{
	size_t base = (size_t)(seg->s - seg->blk->text);

	return seg->first && seg->blk->strong_len > base ?
		seg->blk->strong_len - base : 0;
}

static dt_unit *top_unit(const outliner *o)
{
	return o->depth ? o->stack[o->depth - 1].u : &o->doc->root;
}

static int article_open(const outliner *o)
{
	size_t i;

	for (i = 0; i < o->depth; i++) {
		if (o->stack[i].u->kind == DT_KIND_ARTICLE) {
			return 1;
		}
	}
	return 0;
}

/* ## classification */

static size_t group_len(const match *m, int g)
{
	if (m->ov[2 * g] == SIZE_MAX) {
		return 0;
	}
	return m->ov[2 * g + 1] - m->ov[2 * g];
}

/* The group holding the rest of the line. */
static int rest_group(const dt_grammar_row *row)
{
	return (row->flags & G_CHARTER) ? 4 : 3;
}

/* May this row's match stand?  Heads without "." or ":" ("Điều 5 của …")
 * count only in headings and bold runs; Charter tags only outside
 * articles. */
static int row_applies(const outliner *o, const dt_grammar_row *row,
	const match *m, const dt_block *blk, int first)
{
	if ((row->flags & (G_CHARTER | G_CHARTER_SUB)) && o != NULL &&
		article_open(o)) {
		return 0;
	}
	if ((row->flags & G_NEEDS_DELIM) && group_len(m, 2) == 0 &&
		group_len(m, 3) > 0 && blk->kind != DT_BLOCK_HEADING &&
		!(first && blk->strong_len > 0)) {
		return 0;
	}
	return 1;
}

/* Match one line s[0..len) (no line break in it) against the grammar.
 * With `o` NULL the open units are not consulted (finding where units
 * start); with it, the rows that need context are checked too. */
static int classify(const outliner *o, const char *s, size_t len,
	const dt_block *blk, int first, match *m)
{
	size_t i;

	for (i = 0; i < dt__outline_grammar_count && i < MAX_ROWS; i++) {
		int rc = dt__re_match(grammar_re[i], s, len, 0, m->ov, 5);

		if (rc < 0) {
			return rc;
		}
		if (rc > 0) {
			m->row = &dt__outline_grammar[i];
			m->groups = rc;
			/* the rest runs to the line's end (see REST) */
			m->ov[2 * rest_group(m->row) + 1] = len;
			if (row_applies(o, m->row, m, blk, first)) {
				return 1;
			}
		}
	}
	m->row = NULL;
	return 0;
}

/* An appendix block: it holds sections and tables of its own. */
#define APPENDIX_MARK 'A'

/* Close open units of rank >= `rank`; with `close_blocks`, also heading
 * blocks (not appendices), so that numbered heads never nest in them. */
static void pop_to_rank(outliner *o, int rank, int close_blocks)
{
	while (o->depth > 0) {
		const frame *f = &o->stack[o->depth - 1];

		if (f->rank < rank && !(close_blocks &&
			f->u->kind == DT_KIND_BLOCK &&
			f->u->delim != APPENDIX_MARK)) {
			break;
		}
		o->depth--;
	}
}

static int push(outliner *o, dt_unit *u, int rank)
{
	if (o->depth == MAX_STACK) {
		return DT_ELIMIT;
	}
	o->stack[o->depth].u = u;
	o->stack[o->depth].rank = rank;
	o->depth++;
	return 0;
}

/* The innermost open unit that is not a point or item. */
static const dt_unit *container(const outliner *o)
{
	size_t i;

	for (i = o->depth; i-- > 0;) {
		dt_kind k = o->stack[i].u->kind;

		if (k != DT_KIND_POINT && k != DT_KIND_ITEM) {
			return o->stack[i].u;
		}
	}
	return &o->doc->root;
}

/* Parent of decimal item `num` ("1.2.3"): the open unit numbered "1.2";
 * pops the stack down to it.  NULL when there is none. */
static dt_unit *decimal_parent(outliner *o, const char *num, size_t n)
{
	size_t plen = n, i;

	while (plen > 0 && num[plen - 1] != '.') {
		plen--;
	}
	if (plen == 0) {
		return NULL;
	}
	plen--; /* drop the dot */
	for (i = o->depth; i-- > 0;) {
		const dt_unit *u = o->stack[i].u;

		if ((u->kind == DT_KIND_LEVEL || u->kind == DT_KIND_CLAUSE) &&
			strlen(u->num) == plen &&
			memcmp(u->num, num, plen) == 0) {
			o->depth = i + 1;
			return o->stack[i].u;
		}
	}
	return NULL;
}

/* ## heading and own text */

static size_t trim_end(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
		s[n - 1] == '\n')) {
		n--;
	}
	return n;
}

static const char *skip_lead(const char *s, const char *end, const char *set)
{
	while (s < end && strchr(set, *s) != NULL && *s != '\0') {
		s++;
	}
	return s;
}

static int set_heading(dt_unit *u, const char *s, size_t n)
{
	n = trim_end(s, n);
	return n ? dt__set_str(&u->heading, s, n) : 0;
}

static int set_joined_heading(dt_unit *u, const char *s, size_t n);

/* Split the rest of a head line into heading and text.  A bold run that
 * covers only the number ("**Điều 5.** Text") makes the rest text; one
 * that covers a title ("**Điều 5. Title** text") makes that the heading;
 * otherwise the rest of the first line is the heading. */
static int head_and_text(dt_unit *u, const segment *seg, size_t rest_s)
{
	const char *rest = seg->s + rest_s, *end = seg->s + seg->len;
	const char *nl = memchr(rest, '\n', (size_t)(end - rest));
	size_t l1 = nl ? (size_t)(nl - rest) : (size_t)(end - rest);
	size_t sl = seg_strong(seg);
	int rc;

	if (sl > 0 && seg->blk->kind != DT_BLOCK_HEADING) {
		if (sl <= rest_s) {
			return dt__unit_append_text(u, rest,
				(size_t)(end - rest), seg->line);
		}
		if (sl - rest_s < l1) {
			const char *t = skip_lead(rest + (sl - rest_s), end,
				" .:");

			rc = set_heading(u, rest, sl - rest_s);
			if (rc == 0) {
				rc = dt__unit_append_text(u, t,
					trim_end(t, (size_t)(end - t)),
					seg->line);
			}
			return rc;
		}
	}
	/* A short head paragraph of its own is all heading, even when the
	 * title was hard-wrapped ("Điều 1. Phông lưu trữ …" newline "…"). */
	if (seg->first && nl != NULL && seg->blk->kind == DT_BLOCK_PARA &&
		seg->len == seg->blk_len && seg->len <= 250) {
		return set_joined_heading(u, rest, (size_t)(end - rest));
	}
	rc = set_heading(u, rest, l1);
	if (rc == 0 && nl != NULL) {
		rc = dt__unit_append_text(u, nl + 1,
			trim_end(nl + 1, (size_t)(end - nl - 1)), seg->line + 1);
	}
	return rc;
}

/* Lines in s[0..n) minus one: how far a segment reaches.  memchr hops
 * from break to break: a byte loop here was 4% of an outline. */
static size_t extra_lines(const char *s, size_t n)
{
	const char *end = s + n, *nl;
	size_t k = 0;

	while ((nl = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		k++;
		s = nl + 1;
	}
	return k;
}

/* ## numbered segments */

/* The Charter unit a tagged item implements: "art_A" or "art_A__para_K".
 * A clause-only tag takes the article from the parent item. */
static int charter_tag(dt_unit *u, const segment *seg, const match *m)
{
	char eid[64];
	const dt_unit *p = u->parent;

	if (m->row->flags & G_CHARTER) {
		if (group_len(m, 3) > 0) {
			snprintf(eid, sizeof(eid), "art_%.*s__para_%.*s",
				(int)group_len(m, 2), seg->s + m->ov[4],
				(int)group_len(m, 3), seg->s + m->ov[6]);
		} else {
			snprintf(eid, sizeof(eid), "art_%.*s",
				(int)group_len(m, 2), seg->s + m->ov[4]);
		}
		return dt__unit_add_implements(u, eid);
	}
	if (p->nimplements == 0) {
		return 0;
	}
	{
		const char *imp = p->implements[0];
		const char *cut = strstr(imp, "__");
		int alen = cut ? (int)(cut - imp) : (int)strlen(imp);

		snprintf(eid, sizeof(eid), "%.*s__para_%.*s", alen, imp,
			(int)group_len(m, 2), seg->s + m->ov[4]);
	}
	return dt__unit_add_implements(u, eid);
}

/* Decide the kind of a numbered segment from its row and context: "1."
 * is a clause inside an article or section, a decimal item at the top of
 * a decimal-numbered text; "1)" inside a clause is a point. */
static dt_kind resolve_kind(const outliner *o, const segment *seg,
	const match *m)
{
	dt_kind kind = m->row->kind;
	const dt_unit *c = container(o);

	if (kind != DT_KIND_CLAUSE) {
		return kind;
	}
	/* "1)" under "1." is a point (Russian пункт under часть); under
	 * another "1)" it is the next clause. */
	if (group_len(m, 2) > 0 && seg->s[m->ov[4]] == ')' &&
		c->kind == DT_KIND_CLAUSE && c->delim != ')') {
		return DT_KIND_POINT;
	}
	if (c->kind == DT_KIND_ROOT || c->kind == DT_KIND_LEVEL) {
		return DT_KIND_LEVEL;
	}
	return kind;
}

/* Close what the new unit closes and return its parent. */
static dt_unit *open_parent(outliner *o, dt_kind kind, const char *num,
	size_t numlen, size_t line, int *rc)
{
	dt_unit *p;

	*rc = 0;
	if (kind == DT_KIND_LEVEL && memchr(num, '.', numlen) != NULL) {
		p = decimal_parent(o, num, numlen);
		if (p != NULL) {
			return p;
		}
		*rc = dt__doc_diag(o->doc, DT_DIAG_WARNING, line,
			"item %.*s has no parent item", (int)numlen, num);
	}
	pop_to_rank(o, kind == DT_KIND_LEVEL ? RANK_CLAUSE :
		dt__outline_rank(kind, num), kind <= DT_KIND_ARTICLE);
	p = top_unit(o);
	if (kind == DT_KIND_POINT && p->kind == DT_KIND_ARTICLE) {
		*rc = dt__doc_diag(o->doc, DT_DIAG_WARNING, line,
			"point %.*s outside a clause", (int)numlen, num);
	}
	return p;
}

/* An appendix head: closes everything and holds what follows. */
static int appendix(outliner *o, const segment *seg)
{
	dt_unit *u;
	const char *nl = memchr(seg->s, '\n', seg->len);
	int rc;

	o->pending_title = NULL;
	pop_to_rank(o, RANK_BLOCK, 0);
	rc = dt__outline_new_unit(&o->units, &u, &o->doc->root,
		DT_KIND_BLOCK, "", 0, 0, seg->line);
	if (rc == 0) {
		u->delim = APPENDIX_MARK;
		rc = set_joined_heading(u, seg->s, nl ? (size_t)(nl - seg->s) :
			seg->len);
	}
	if (rc == 0 && nl != NULL) {
		rc = dt__unit_append_text(u, nl + 1, trim_end(nl + 1,
			(size_t)(seg->s + seg->len - nl - 1)), seg->line + 1);
	}
	dt__outline_extend(u, seg->line + extra_lines(seg->s, seg->len));
	return rc < 0 ? rc : push(o, u, RANK_BLOCK);
}

static int numbered(outliner *o, const segment *seg, const match *m)
{
	const dt_grammar_row *row = m->row;
	const char *num = seg->s + m->ov[2];
	size_t numlen = group_len(m, 1);
	int charter = (row->flags & (G_CHARTER | G_CHARTER_SUB)) != 0;
	size_t rest_s = m->ov[2 * rest_group(row)];
	dt_kind kind = resolve_kind(o, seg, m);
	dt_numbering how = kind == DT_KIND_LEVEL ? NUM_DECIMAL :
		kind == DT_KIND_POINT && row->kind == DT_KIND_CLAUSE ?
		NUM_ARABIC : row->numbering;
	dt_unit *parent, *u = NULL;
	long value = 0;
	int rc;

	if (kind == DT_KIND_BLOCK) {
		return appendix(o, seg);
	}
	parent = open_parent(o, kind, num, numlen, seg->line, &rc);
	if (rc == 0) {
		rc = dt__outline_num_value(&value, how, num, numlen);
	}
	if (rc == 0) {
		rc = dt__outline_new_unit(&o->units, &u, parent, kind, num,
			numlen, value, seg->line);
	}
	if (rc == 0) {
		u->delim = group_len(m, 2) > 0 && !(row->flags & G_CHARTER) ?
			seg->s[m->ov[4]] : 0;
		rc = push(o, u, dt__outline_rank(kind, u->num));
	}
	if (rc == 0 && charter) {
		rc = charter_tag(u, seg, m);
	}
	if (rc < 0) {
		return rc;
	}
	if ((row->flags & G_HEAD) || seg->blk->kind == DT_BLOCK_HEADING) {
		rc = head_and_text(u, seg, rest_s);
	} else {
		rc = dt__unit_append_text(u, seg->s + rest_s,
			trim_end(seg->s + rest_s, seg->len - rest_s), seg->line);
	}
	dt__outline_extend(u, seg->line + extra_lines(seg->s, seg->len));
	o->pending_title = kind < DT_KIND_ARTICLE && u->heading[0] == '\0' ?
		u : NULL;
	if (rc == 0 && seg->first && seg->blk->eid != NULL) {
		rc = dt__set_str(&u->eid, seg->blk->eid, strlen(seg->blk->eid));
	}
	return rc;
}

/* ## unnumbered segments and rows */

/* A title line: letters, none of them lower case (ASCII or Cyrillic). */
static int is_title_text(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	int letters = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (u[i] >= 'a' && u[i] <= 'z') {
			return 0;
		}
		if (i + 1 < n && ((u[i] == 0xD0 && u[i + 1] >= 0xB0) ||
			(u[i] == 0xD1 && u[i + 1] < 0x90))) {
			return 0;
		}
		letters += (u[i] >= 'A' && u[i] <= 'Z') || u[i] >= 0xC3;
	}
	return letters > 0;
}

/* Heading text with its line breaks joined by spaces. */
static int set_joined_heading(dt_unit *u, const char *s, size_t n)
{
	size_t i;
	int rc = set_heading(u, s, n);

	for (i = 0; rc == 0 && u->heading[i] != '\0'; i++) {
		if (u->heading[i] == '\n') {
			u->heading[i] = ' ';
		}
	}
	return rc;
}

static int unnumbered(outliner *o, const segment *seg)
{
	size_t last = seg->line + extra_lines(seg->s, seg->len);
	dt_unit *target, *u;
	int rc;

	if (o->pending_title != NULL && seg->len < 400 &&
		(seg->blk->kind == DT_BLOCK_HEADING ||
		is_title_text(seg->s, seg->len))) {
		rc = set_joined_heading(o->pending_title, seg->s, seg->len);
		dt__outline_extend(o->pending_title, last);
		o->pending_title = NULL;
		return rc;
	}
	o->pending_title = NULL;
	if (seg->blk->kind == DT_BLOCK_HEADING) {
		/* An unnumbered heading ("PHỤ LỤC") closes everything and
		 * holds what follows until the next numbered head. */
		pop_to_rank(o, RANK_BLOCK, 0);
		rc = dt__outline_new_unit(&o->units, &u, &o->doc->root,
			DT_KIND_BLOCK, "", 0, 0, seg->line);
		if (rc == 0) {
			rc = set_joined_heading(u, seg->s, seg->len);
		}
		return rc < 0 ? rc : push(o, u, RANK_BLOCK);
	}
	target = o->depth ? top_unit(o) : NULL;
	if (target == NULL || target->nchildren > 0) {
		rc = dt__outline_new_unit(&o->units, &target,
			target ? target : &o->doc->root, DT_KIND_BLOCK, "", 0,
			0, seg->line);
		if (rc < 0) {
			return rc;
		}
	}
	dt__outline_extend(target, last);
	return dt__unit_append_text(target, seg->s, seg->len, seg->line);
}

/* A table row: a unit keyed by the header of its table. */
static int table_row(outliner *o, const dt_block *blk)
{
	const dt_block *h = o->header && o->header->table == blk->table ?
		o->header : NULL;
	dt_unit *u;
	dt_buf text;
	size_t i, nl = 0;
	int rc;

	if (blk->header) {
		o->header = blk;
		return 0;
	}
	o->pending_title = NULL;
	pop_to_rank(o, RANK_POINT, 0);
	if (blk->ncells > 0) {
		nl = strspn(blk->cells[0], "0123456789");
		nl = nl > 0 && blk->cells[0][nl] == '\0' ? nl : 0;
	}
	rc = dt__outline_new_unit(&o->units, &u, top_unit(o), DT_KIND_ROW,
		nl ? blk->cells[0] : "", nl, 0, blk->line);
	dt__buf_init(&text, 0);
	for (i = 0; rc == 0 && i < blk->ncells; i++) {
		rc = dt__unit_add_cell(u, h && i < h->ncells ? h->cells[i] :
			"", blk->cells[i]);
		if (rc == 0 && i > 0) {
			rc = dt__buf_append(&text, " | ", 3);
		}
		if (rc == 0) {
			rc = dt__buf_append(&text, blk->cells[i],
				strlen(blk->cells[i]));
		}
	}
	if (rc == 0 && text.len > 0) {
		rc = dt__unit_append_text(u, text.data, text.len, blk->line);
	}
	dt__buf_dispose(&text);
	return rc;
}

/* A table laid out one cell per line: its rows, as if GFM had read it.
 * Its table number (past every real one) keeps its header apart. */
static int pipe_table(outliner *o, const dt_block *blk, size_t index)
{
	dt_pipe_rows p;
	size_t i;
	int rc = dt__pipe_rows_split(&p, blk, SIZE_MAX / 2 + index);

	for (i = 0; rc == 0 && i < p.n; i++) {
		rc = table_row(o, &p.rows[i]);
	}
	o->header = NULL; /* it pointed into p */
	dt__pipe_rows_dispose(&p);
	return rc;
}

/* ## blocks into segments */

static size_t line_len(const char *s, const char *end)
{
	const char *nl = memchr(s, '\n', (size_t)(end - s));

	return nl ? (size_t)(nl - s) : (size_t)(end - s);
}

static const char *skip_blanks(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t')) {
		s++;
	}
	return s;
}

/* Handle one segment, classifying its first line again now that the
 * units before it are open (Charter tags count only outside articles).
 * Open units only ever reject a row, and only a Charter row, so the
 * first classification stands unless it found a Charter row or trimming
 * shortened the line (a trailing blank may be what "\\s+" needed). */
static int segment_done(outliner *o, segment *seg)
{
	match m = seg->m;
	size_t n;
	int hit = m.row != NULL;

	seg->len = trim_end(seg->s, seg->len);
	if (seg->len == 0) {
		return 0;
	}
	n = line_len(seg->s, seg->s + seg->len);
	if (n != seg->mlen || (hit && (m.row->flags & (G_CHARTER |
		G_CHARTER_SUB)))) {
		hit = classify(o, seg->s, n, seg->blk, seg->first, &m);
	}
	if (hit < 0) {
		return hit;
	}
	return hit ? numbered(o, seg, &m) : unnumbered(o, seg);
}

/* Split the block's text at lines that open a unit; handle each piece. */
static int text_block(outliner *o, const dt_block *blk)
{
	const char *end = blk->text + strlen(blk->text), *line = blk->text;
	segment seg;
	size_t k;
	int rc = 0;

	memset(&seg, 0, sizeof(seg));
	seg.blk = blk;
	seg.blk_len = (size_t)(end - blk->text);
	for (k = 0; rc >= 0 && line <= end; k++) {
		const char *lead = skip_blanks(line, end);
		size_t n = line_len(lead, end);
		match m;
		int hit = classify(NULL, lead, n, blk, k == 0, &m);

		if (hit < 0) {
			return hit;
		}
		if (k == 0 || hit) {
			if (k > 0) {
				seg.len = (size_t)(line - seg.s);
				rc = segment_done(o, &seg);
			}
			seg.s = lead;
			seg.line = blk->line + k;
			seg.first = k == 0;
			seg.m = m;
			seg.mlen = n;
		}
		if (lead + n >= end) {
			break;
		}
		line = lead + n + 1;
	}
	if (rc < 0) {
		return rc;
	}
	seg.len = (size_t)(end - seg.s);
	return segment_done(o, &seg);
}

int dt__outline(dt_doc *doc, const dt_blocks *blocks, dt_error *err)
{
	outliner o;
	unsigned char *used;
	size_t i;
	int rc;

	pthread_once(&grammar_once, grammar_compile);
	if (grammar_status < 0) {
		return dt__fail(err, grammar_status, 0, 0, "grammar: %s",
			grammar_err.message);
	}
	memset(&o, 0, sizeof(o));
	o.doc = doc;
	o.units.doc = doc;
	o.units.max_units = 1000000;
	used = dt__calloc(blocks->n + 1, 1);
	if (used == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	rc = dt__meta_extract(doc, blocks, used, err);
	for (i = 0; rc == 0 && i < blocks->n; i++) {
		const dt_block *blk = &blocks->v[i];

		if (used[i] || blk->kind == DT_BLOCK_BREAK) {
			continue;
		}
		rc = blk->kind == DT_BLOCK_ROW ? table_row(&o, blk) :
			dt__is_pipe_table(blk) ? pipe_table(&o, blk, i) :
			text_block(&o, blk);
		if (rc < 0 && err != NULL && err->code == 0) {
			dt__fail(err, rc, blk->line, 0, rc == DT_ELIMIT ?
				"too many units or levels" : "out of memory");
		}
	}
	dt__free(used);
	if (rc < 0) {
		return rc;
	}
	return dt__doc_finish(doc, err);
}
