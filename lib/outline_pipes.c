/*
 * outline_pipes.c - tables that text extraction laid out one cell per
 * line: a "|" line between cells, "|" "|" between rows, as crawled copies
 * of Word and HTML plans come (DOMAIN.md §2.6).  cmark sees a paragraph;
 * here it becomes rows again.  The row width is whatever each row holds
 * (a group row "I. NÂNG CAO NHẬN THỨC" has one cell); the first row is the
 * header that names the columns.
 */
#include <string.h>

#include "outline_internal.h"

enum { MIN_BARS = 4 };

static int is_bar(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t')) {
		n--;
	}
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	return n == 1 && *s == '|';
}

int dt__is_pipe_table(const dt_block *blk)
{
	const char *s = blk->text, *end;
	size_t bars = 0, lines = 0;

	if (blk->kind != DT_BLOCK_PARA || s == NULL) {
		return 0;
	}
	for (end = s + strlen(s); s <= end; lines++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);

		if (is_bar(s, n)) {
			bars++;
		} else if (lines == 0) {
			return 0; /* it must open with a bar */
		}
		if (nl == NULL) {
			break;
		}
		s = nl + 1;
	}
	return bars >= MIN_BARS;
}

static void row_dispose(dt_block *r)
{
	size_t i;

	for (i = 0; i < r->ncells; i++) {
		dt__free(r->cells[i]);
	}
	dt__free(r->cells);
	dt__free(r->text);
}

void dt__pipe_rows_dispose(dt_pipe_rows *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		row_dispose(&p->rows[i]);
	}
	dt__free(p->rows);
	memset(p, 0, sizeof(*p));
}

static dt_block *new_row(dt_pipe_rows *p, size_t table, size_t line)
{
	dt_block *r, *v = dt__reallocarray(p->rows, p->n + 1, sizeof(*v));

	if (v == NULL) {
		return NULL;
	}
	p->rows = v;
	r = &p->rows[p->n++];
	memset(r, 0, sizeof(*r));
	r->kind = DT_BLOCK_ROW;
	r->table = table;
	r->header = p->n == 1;
	r->line = r->last_line = line;
	r->hint = -1;
	r->text = dt__strdup("");
	return r->text ? r : NULL;
}

/* Close the cell being built (lines joined by spaces) into row r. */
static int end_cell(dt_block *r, dt_buf *cell)
{
	char **v = dt__reallocarray(r->cells, r->ncells + 1, sizeof(*v));
	char *c;

	if (v == NULL) {
		return DT_ENOMEM;
	}
	r->cells = v;
	c = dt__buf_detach(cell, NULL);
	if (c == NULL) {
		return DT_ENOMEM;
	}
	r->cells[r->ncells++] = c;
	return 0;
}

static int add_line(dt_buf *cell, const char *s, size_t n)
{
	int rc = cell->len > 0 ? dt__buf_putc(cell, ' ') : 0;

	return rc == 0 ? dt__buf_append(cell, s, n) : rc;
}

/* The rows of a pipe table: a bar ends a cell; two bars in a row end a
 * row and start the next. */
int dt__pipe_rows_split(dt_pipe_rows *p, const dt_block *blk, size_t table)
{
	const char *s = blk->text, *end = s + strlen(s);
	dt_block *row = NULL;
	dt_buf cell;
	size_t k = 0;
	int rc = 0, have = 0, last_bar = 0;

	memset(p, 0, sizeof(*p));
	dt__buf_init(&cell, 0);
	for (; rc == 0 && s <= end; k++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);

		if (is_bar(s, n)) {
			if (row != NULL && (have || !last_bar)) {
				rc = end_cell(row, &cell);
			} else if (row != NULL && last_bar) {
				row = NULL; /* "|" "|": the row ended */
			}
			have = 0;
			last_bar = 1;
		} else if (n > 0) {
			if (row == NULL) {
				row = new_row(p, table, blk->line + k);
				rc = row ? 0 : DT_ENOMEM;
			}
			rc = rc == 0 ? add_line(&cell, s, n) : rc;
			have = 1;
			last_bar = 0;
			if (row != NULL) {
				row->last_line = blk->line + k;
			}
		}
		if (nl == NULL) {
			break;
		}
		s = nl + 1;
	}
	if (rc == 0 && row != NULL && have) {
		rc = end_cell(row, &cell);
	}
	dt__buf_dispose(&cell);
	if (rc < 0) {
		dt__pipe_rows_dispose(p);
	}
	return rc;
}
