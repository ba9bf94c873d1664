/*
 * read_md.c - the Markdown reader: normalized text -> blocks, through
 * cmark-gfm with the table extension.  The only includer of cmark-gfm.
 *
 * The reader knows Markdown containers, not numbering: it hands the
 * outline the text of every heading, paragraph, list item and table row
 * with its original lines.  Two things cmark loses are restored from the
 * source: list markers (CommonMark keeps only the first number of an
 * ordered list, but "3." must stay "3."), and front matter (which cmark
 * would read as a thematic break and a setext heading).
 *
 * Safety (DESIGN §7): never CMARK_OPT_UNSAFE (raw HTML stays text); input
 * is already valid UTF-8 (text.c); trees are walked with cmark_iter, never
 * recursion; what Debian's cmark-gfm may cost is bounded by md_guard.c
 * before cmark sees the text (refused, or parsed in a child process
 * under a budget: md_guard_child.c).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "md_guard.h"

/* ## front matter: "---" / key: value lines / "---" at the very top */

/* Length of the line starting at s (without its LF). */
static size_t line_len(const char *s, const char *end)
{
	const char *nl = memchr(s, '\n', (size_t)(end - s));

	return nl ? (size_t)(nl - s) : (size_t)(end - s);
}

static int is_fence(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t')) {
		n--;
	}
	return (n == 3 && memcmp(s, "---", 3) == 0) ||
		(n == 3 && memcmp(s, "...", 3) == 0);
}

/* Record one "key: value" line as metadata. */
static int front_matter_line(dt_blocks *out, const char *s, size_t n,
	size_t line)
{
	const char *colon = memchr(s, ':', n);
	char key[64];
	size_t klen;
	char *val;
	int rc;

	if (colon == NULL || (size_t)(colon - s) >= sizeof(key)) {
		return 0;
	}
	klen = (size_t)(colon - s);
	memcpy(key, s, klen);
	key[klen] = '\0';
	colon++;
	while (colon < s + n && (*colon == ' ' || *colon == '\t')) {
		colon++;
	}
	val = dt__strndup(colon, (size_t)(s + n - colon));
	if (val == NULL) {
		return DT_ENOMEM;
	}
	rc = dt__blocks_meta(out, key, val, line);
	dt__free(val);
	return rc;
}

/* If `text` opens with front matter, record it and blank its lines in
 * `copy` (a writable copy of text) so line numbers stay exact. */
static int front_matter(dt_blocks *out, char *copy, size_t len)
{
	const char *end = copy + len, *p = copy;
	size_t line = 1, n = line_len(p, end);
	char *body;
	int rc;

	if (!(n == 3 && memcmp(p, "---", 3) == 0)) {
		return 0;
	}
	for (p += n + 1, line = 2; p < end && line < 200; line++) {
		n = line_len(p, end);
		if (is_fence(p, n)) {
			break;
		}
		p += n + 1;
	}
	if (p >= end || line >= 200) {
		return 0; /* no closing fence: not front matter */
	}
	body = copy + line_len(copy, end) + 1;
	for (line = 2; body < p; line++) {
		n = line_len(body, end);
		rc = front_matter_line(out, body, n, line);
		if (rc < 0) {
			return rc;
		}
		body += n + 1;
	}
	for (body = copy; body < p + line_len(p, end); body++) {
		if (*body != '\n') {
			*body = ' ';
		}
	}
	return 0;
}

/* ## inline text */

typedef struct {
	const char *src;     /* the (front-matter blanked) source */
	size_t src_len;
	size_t at_line;      /* a source line (1-based) ... */
	size_t at_off;       /* ... and the offset where it starts */
	dt_blocks *out;
	size_t table;        /* tables seen so far */
	const char *marker;  /* pending list marker for the next paragraph */
	size_t marker_len;
	cmark_node *marker_item;
	int list_depth;
	dt_buf text;         /* the text being read: one buffer for all of
	                      * them, copied out at its size (growing a new
	                      * buffer per block was most of a read's
	                      * reallocs) */
} md_reader;

/* r->text emptied for the next block's text. */
static dt_buf *text_buf(md_reader *r)
{
	r->text.len = 0;
	return &r->text;
}

/* A copy of what `b` holds, NUL-terminated; NULL when out of memory. */
static char *text_copy(const dt_buf *b)
{
	return dt__strndup(b->data ? b->data : "", b->len);
}

/* Append the plain text of `node`'s inline subtree to `b`; note how many
 * leading bytes were inside a first STRONG child. */
static int inline_text(dt_buf *b, cmark_node *node, size_t *strong_len)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_node *first = cmark_node_first_child(node);
	cmark_event_type ev;
	int rc = 0;

	while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *lit;

		if (ev == CMARK_EVENT_EXIT) {
			if (n == first && strong_len != NULL &&
				cmark_node_get_type(n) == CMARK_NODE_STRONG) {
				*strong_len = b->len;
			}
			continue;
		}
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			lit = cmark_node_get_literal(n);
			rc = dt__buf_append(b, lit ? lit : "",
				lit ? strlen(lit) : 0);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			rc = dt__buf_putc(b, '\n');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	return rc;
}

static int push_text_block(md_reader *r, dt_block_kind kind, int level,
	dt_buf *text, size_t strong_len, cmark_node *node)
{
	dt_block *blk;
	int rc = dt__blocks_push(r->out, &blk);

	if (rc < 0) {
		return rc;
	}
	blk->kind = kind;
	blk->level = level;
	blk->line = (size_t)cmark_node_get_start_line(node);
	blk->last_line = (size_t)cmark_node_get_end_line(node);
	blk->strong_len = strong_len;
	blk->text = text_copy(text);
	return blk->text ? 0 : DT_ENOMEM;
}

/* ## list markers from the source line */

/* Offset of 1-based source `line` in *off; 0 when the source has fewer
 * lines.  List items come in source order, so the search goes on from
 * the line found last (back to the start only for an earlier line):
 * indexing every line up front cost more than all the lookups. */
static int line_offset(md_reader *r, size_t line, size_t *off)
{
	if (line == 0) {
		return 0;
	}
	if (line < r->at_line) {
		r->at_line = 1;
		r->at_off = 0;
	}
	while (r->at_line < line) {
		const char *nl = memchr(r->src + r->at_off, '\n',
			r->src_len - r->at_off);

		if (nl == NULL) {
			return 0;
		}
		r->at_off = (size_t)(nl - r->src) + 1;
		r->at_line++;
	}
	*off = r->at_off;
	return 1;
}

/* The marker ("3.", "3)", "-", "+", "*") of the list item starting at
 * 1-based `line`, `col` of the source. */
static void item_marker(md_reader *r, cmark_node *item)
{
	size_t line = (size_t)cmark_node_get_start_line(item);
	size_t col = (size_t)cmark_node_get_start_column(item);
	const char *s, *end;
	size_t n = 0, off;

	r->marker = NULL;
	r->marker_len = 0;
	if (col == 0 || !line_offset(r, line, &off)) {
		return;
	}
	s = r->src + off + col - 1;
	end = r->src + r->src_len;
	while (s < end && (*s == ' ' || *s == '\t')) {
		s++;
	}
	while (s + n < end && n < 10 && s[n] >= '0' && s[n] <= '9') {
		n++;
	}
	if (n > 0 && s + n < end && (s[n] == '.' || s[n] == ')')) {
		n++;
	} else if (n == 0 && s < end && (*s == '-' || *s == '+' ||
		*s == '*')) {
		n = 1;
	} else {
		return;
	}
	r->marker = s;
	r->marker_len = n;
	r->marker_item = item;
}

/* Start `b` with the pending list marker when `node` is the first child
 * of that list item; returns the block kind to use. */
static dt_block_kind take_marker(md_reader *r, cmark_node *node, dt_buf *b,
	dt_block_kind kind, int *level, int *rc)
{
	if (r->marker == NULL || cmark_node_parent(node) != r->marker_item ||
		cmark_node_previous(node) != NULL) {
		return kind;
	}
	*rc = dt__buf_append(b, r->marker, r->marker_len);
	if (*rc == 0) {
		*rc = dt__buf_putc(b, ' ');
	}
	*level = r->list_depth;
	r->marker = NULL;
	return DT_BLOCK_ITEM;
}

/* A paragraph or heading: its text, with the pending list marker first
 * when it is the first child of that list item. */
static int text_block(md_reader *r, cmark_node *node, dt_block_kind kind,
	int level)
{
	size_t strong = 0;
	dt_buf *b = text_buf(r);
	int rc = 0;

	kind = take_marker(r, node, b, kind, &level, &rc);
	if (rc == 0) {
		rc = inline_text(b, node, &strong);
	}
	if (rc == 0) {
		/* strong counts from the start of text, prefix included */
		rc = push_text_block(r, kind, level, b, strong, node);
	}
	return rc;
}

/* A literal block (code, raw HTML): its text as a paragraph. */
static int literal_block(md_reader *r, cmark_node *node)
{
	const char *lit = cmark_node_get_literal(node);
	size_t n = lit ? strlen(lit) : 0;
	dt_block_kind kind;
	int level = 0, rc = 0;
	dt_buf *b = text_buf(r);

	while (n > 0 && lit[n - 1] == '\n') {
		n--;
	}
	kind = take_marker(r, node, b, DT_BLOCK_PARA, &level, &rc);
	if (rc == 0) {
		rc = dt__buf_append(b, lit ? lit : "", n);
	}
	if (rc == 0) {
		rc = push_text_block(r, kind, level, b, 0, node);
	}
	return rc;
}

/* ## tables */

static int table_row(md_reader *r, cmark_node *row)
{
	cmark_node *cell;
	dt_block *blk;
	size_t n = 0;
	int rc = dt__blocks_push(r->out, &blk);

	if (rc < 0) {
		return rc;
	}
	blk->kind = DT_BLOCK_ROW;
	blk->line = (size_t)cmark_node_get_start_line(row);
	blk->last_line = (size_t)cmark_node_get_end_line(row);
	blk->header = cmark_gfm_extensions_get_table_row_is_header(row);
	blk->table = r->table;
	for (cell = cmark_node_first_child(row); cell != NULL;
		cell = cmark_node_next(cell)) {
		n++;
	}
	blk->cells = dt__calloc(n ? n : 1, sizeof(char *));
	if (blk->cells == NULL) {
		return DT_ENOMEM;
	}
	for (cell = cmark_node_first_child(row); cell != NULL;
		cell = cmark_node_next(cell)) {
		dt_buf *b = text_buf(r);

		rc = inline_text(b, cell, NULL);
		blk->cells[blk->ncells] = rc == 0 ? text_copy(b) : NULL;
		if (blk->cells[blk->ncells] == NULL) {
			return rc < 0 ? rc : DT_ENOMEM;
		}
		blk->ncells++;
	}
	blk->text = dt__strdup("");
	return blk->text ? 0 : DT_ENOMEM;
}

/* ## the walk */

static int is_type(cmark_node *n, const char *name)
{
	const char *t = cmark_node_get_type_string(n);

	return t != NULL && strcmp(t, name) == 0;
}

/* Handle entering `n`; *skip = 1 when its subtree is done. */
static int enter_node(md_reader *r, cmark_node *n, int *skip)
{
	*skip = 0;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HEADING:
		*skip = 1;
		return text_block(r, n, DT_BLOCK_HEADING,
			cmark_node_get_heading_level(n));
	case CMARK_NODE_PARAGRAPH:
		*skip = 1;
		return text_block(r, n, DT_BLOCK_PARA, 0);
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_HTML_BLOCK:
		*skip = 1;
		return literal_block(r, n);
	case CMARK_NODE_THEMATIC_BREAK: {
		dt_block *blk;
		int rc = dt__blocks_push(r->out, &blk);

		if (rc == 0) {
			blk->kind = DT_BLOCK_BREAK;
			blk->line = (size_t)cmark_node_get_start_line(n);
			blk->last_line = blk->line;
		}
		return rc;
	}
	case CMARK_NODE_LIST:
		r->list_depth++;
		return 0;
	case CMARK_NODE_ITEM:
		item_marker(r, n);
		return 0;
	default:
		break;
	}
	if (is_type(n, "table")) {
		r->table++;
	} else if (is_type(n, "table_row") || is_type(n, "table_header")) {
		*skip = 1;
		return table_row(r, n);
	}
	return 0;
}

static int walk(md_reader *r, cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	int rc = 0;

	while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		int skip = 0;

		if (ev == CMARK_EVENT_EXIT) {
			if (cmark_node_get_type(n) == CMARK_NODE_LIST) {
				r->list_depth--;
			}
			continue;
		}
		rc = enter_node(r, n, &skip);
		if (skip) {
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
		}
	}
	cmark_iter_free(it);
	return rc;
}

/* ## cmark's memory, counted in a guarded child */

/* cmark never checks for NULL (its contract is abort on OOM), so a
 * budget cannot make an allocation fail: past it, the child ends
 * (dt__md_over_budget).  Only a guarded child sets a budget. */
static size_t mem_used, mem_budget;

typedef union {
	size_t n;
	max_align_t align;
} mem_hdr;

static void *count_calloc(size_t count, size_t size)
{
	size_t n;
	mem_hdr *h;

	if (size != 0 && count > (SIZE_MAX - sizeof(mem_hdr)) / size) {
		dt__md_over_budget();
	}
	n = count * size;
	if (n > mem_budget - mem_used) {
		dt__md_over_budget();
	}
	h = calloc(1, sizeof(mem_hdr) + n);
	if (h == NULL) {
		dt__md_over_budget();
	}
	h->n = n;
	mem_used += n;
	return h + 1;
}

static void *count_realloc(void *p, size_t n)
{
	mem_hdr *h = p ? (mem_hdr *)p - 1 : NULL;
	size_t old = h ? h->n : 0;

	if (n > SIZE_MAX - sizeof(mem_hdr) ||
		(n > old && n - old > mem_budget - mem_used)) {
		dt__md_over_budget();
	}
	h = realloc(h, sizeof(mem_hdr) + n);
	if (h == NULL) {
		dt__md_over_budget();
	}
	h->n = n;
	mem_used = mem_used - old + n;
	return h + 1;
}

static void count_free(void *p)
{
	mem_hdr *h = p ? (mem_hdr *)p - 1 : NULL;

	if (h != NULL) {
		mem_used -= h->n;
		free(h);
	}
}

static cmark_mem counting_mem = { count_calloc, count_realloc, count_free };

/* ## cmark's memory in an arena (unguarded parses)
 *
 * cmark allocates a node and often a string per inline, and frees them
 * one by one: malloc and free were 5% of a read.  In an arena they cost
 * a pointer bump, and the tree is dropped at once after the walk.
 * cmark's allocator gets no context, so the arena is per thread (a parse
 * runs in one thread).  Like cmark's own allocator it aborts when memory
 * runs out: cmark never checks for NULL. */

typedef struct arena_chunk {
	struct arena_chunk *next;
	size_t used, cap; /* bytes of data[] */
	max_align_t data[];
} arena_chunk;

static _Thread_local arena_chunk *arena;

enum { ARENA_CHUNK = 64 * 1024 };

static size_t arena_round(size_t n)
{
	return (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) *
		sizeof(max_align_t);
}

/* n bytes (and their size in front), not zeroed. */
static void *arena_take(size_t n)
{
	size_t need;
	mem_hdr *h;

	if (n > SIZE_MAX / 2) {
		abort();
	}
	need = sizeof(mem_hdr) + arena_round(n);
	if (arena == NULL || arena->cap - arena->used < need) {
		size_t cap = need > ARENA_CHUNK ? need : ARENA_CHUNK;
		arena_chunk *c = malloc(sizeof(*c) + cap);

		if (c == NULL) {
			abort();
		}
		c->next = arena;
		c->used = 0;
		c->cap = cap;
		arena = c;
	}
	h = (mem_hdr *)((char *)arena->data + arena->used);
	arena->used += need;
	h->n = n;
	return h + 1;
}

static void *arena_calloc(size_t count, size_t size)
{
	void *p;

	if (size != 0 && count > SIZE_MAX / 2 / size) {
		abort();
	}
	p = arena_take(count * size);
	memset(p, 0, count * size);
	return p;
}

/* Grows the last block in place when it can (cmark grows one string
 * buffer at a time), else copies. */
static void *arena_realloc(void *p, size_t n)
{
	mem_hdr *h = p ? (mem_hdr *)p - 1 : NULL;
	char *end;
	void *q;

	if (h == NULL) {
		return arena_take(n);
	}
	if (n <= h->n) {
		return p;
	}
	end = (char *)arena->data + arena->used;
	if ((char *)p + arena_round(h->n) == end &&
		arena_round(n) - arena_round(h->n) <=
		arena->cap - arena->used) {
		arena->used += arena_round(n) - arena_round(h->n);
		h->n = n;
		return p;
	}
	q = arena_take(n);
	memcpy(q, p, h->n);
	return q;
}

static void arena_free(void *p)
{
	(void)p; /* all of it goes with arena_drop() */
}

static void arena_drop(void)
{
	while (arena != NULL) {
		arena_chunk *next = arena->next;

		free(arena);
		arena = next;
	}
}

static cmark_mem arena_mem = { arena_calloc, arena_realloc, arena_free };

/* ## entry */

static cmark_node *parse_gfm(const char *s, size_t len, cmark_mem *mem)
{
	cmark_parser *p;
	cmark_node *root;

	cmark_gfm_core_extensions_ensure_registered();
	p = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, mem);
	cmark_parser_attach_syntax_extension(p,
		cmark_find_syntax_extension("table"));
	cmark_parser_feed(p, s, len);
	root = cmark_parser_finish(p);
	cmark_parser_free(p);
	return root;
}

int dt__md_blocks(dt_blocks *out, const char *src, size_t len,
	size_t budget, dt_error *err)
{
	md_reader r;
	cmark_node *root = NULL;
	int rc;

	memset(&r, 0, sizeof(r));
	r.src = src;
	r.src_len = len;
	r.at_line = 1;
	r.out = out;
	dt__buf_init(&r.text, 0);
	if (budget > 0) { /* a guarded child: one thread */
		mem_used = 0;
		mem_budget = budget;
	}
	/* aborts on OOM (cmark's contract) */
	root = parse_gfm(src, len, budget ? &counting_mem : &arena_mem);
	rc = walk(&r, root);
	if (budget > 0 && root != NULL) { /* cmark_node_free(NULL) crashes */
		cmark_node_free(root);
	}
	if (budget == 0) {
		arena_drop(); /* the whole tree */
	}
	dt__buf_dispose(&r.text);
	if (rc == DT_ELIMIT && (err == NULL || err->code == 0)) {
		return dt__fail(err, rc, 0, 0, "more than %zu blocks",
			out->max_blocks);
	}
	if (rc < 0 && (err == NULL || err->code == 0)) {
		return dt__fail(err, rc, 0, 0, "out of memory");
	}
	return rc;
}

/* True when `text` opens with a "---" line: front matter may follow. */
static int opens_with_fence(const char *text, size_t len)
{
	return line_len(text, text + len) == 3 && memcmp(text, "---", 3) == 0;
}

int dt__read_md(dt_blocks *out, const char *text, size_t len,
	const dt_parse_opts *opts, dt_error *err)
{
	dt_parse_opts o;
	dt_md_scan scan;
	const char *why = NULL, *src = text;
	char *copy = NULL;
	int rc = 0, suspect = 0;

	dt__parse_limits(&o, opts);
	/* a copy only when front matter may have to be blanked: the text is
	 * read, never written, otherwise */
	if (opens_with_fence(text, len)) {
		copy = dt__strndup(text, len);
		if (copy == NULL) {
			return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
		}
		rc = front_matter(out, copy, len);
		src = copy;
	}
	if (rc == 0) {
		dt__md_scan(&scan, src, len);
		rc = dt__md_guard(&why, &suspect, &scan, len, &o, err);
	}
	if (rc == 0) {
		rc = why != NULL ?
			dt__md_blocks_guarded(out, src, len, &o, why, suspect,
				err) :
			dt__md_blocks(out, src, len, 0, err);
	}
	dt__free(copy);
	if (rc < 0 && (err == NULL || err->code == 0)) {
		return dt__fail(err, rc, 0, 0, "%s", dt_strerror(rc));
	}
	return rc;
}
