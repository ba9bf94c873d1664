/*
 * report_html_map.c - the page model of the HTML gap review: which units
 * are rows of the coverage map, which are cells, which chapter each
 * belongs to and what class (status) each shows.  report_html.c writes
 * the page from it.
 *
 * Rows of the map: every article.  A directive without articles gets one
 * row per top decimal item (an lvl_N not inside another row), one with
 * neither one row per highest unit that is not a part, chapter, section
 * or subsection.  Cells: every clause, point and decimal item inside a
 * row, and every leaf unit inside it; a row with none gets one cell for
 * itself.  A chapter is a top-level container; units outside any
 * container form one more group.  Chapter bars count the obligation units
 * of the chapter exactly as the summary counts those of the directive.
 */
#include <string.h>

#include "report_html_internal.h"

static int is_container(dt_kind k)
{
	return k == DT_KIND_PART || k == DT_KIND_CHAPTER ||
		k == DT_KIND_SECTION || k == DT_KIND_SUBSECTION;
}

/* The class a unit shows, as dt_review_finish() counts it: an accepted
 * gap (here or above) that is not covered counts as accepted. */
static int class_of(const dt_unit_review *ur, int acc)
{
	if (ur->obligation == 0 || ur->status == DT_COV_NA) {
		return CLS_NA;
	}
	if (ur->status == DT_COV_COVERED) {
		return CLS_COVERED;
	}
	if (ur->status == DT_COV_IMPLICIT) {
		return CLS_IMPLICIT;
	}
	if (acc) {
		return CLS_ACCEPTED;
	}
	return ur->status == DT_COV_PARTIAL ? CLS_PARTIAL : CLS_UNCOVERED;
}

/* Parents (a stack over the pre-order), inherited acceptance, classes. */
static int link_parents(dt_html_page *p)
{
	size_t *stack = dt__calloc(p->n + 1, sizeof(size_t)), sp = 0, i;

	if (stack == NULL) {
		return DT_ENOMEM;
	}
	for (i = 0; i < p->n; i++) {
		const dt_unit_review *ur = dt_review_unit_at(p->r, i);
		const dt_unit *up = dt_unit_parent(ur->unit);
		dt_html_unit *u = &p->u[i];

		while (sp > 0 && dt__html_unit_at(p, stack[sp - 1]) != up) {
			sp--;
		}
		u->parent = sp > 0 ? stack[sp - 1] : SIZE_MAX;
		u->acc = ur->accepted != DT_ACCEPT_NONE ||
			(u->parent != SIZE_MAX && p->u[u->parent].acc);
		u->cls = (unsigned char)class_of(ur, u->acc);
		stack[sp++] = i;
	}
	dt__free(stack);
	return 0;
}

/* 2: rows are articles; 1: top decimal items; 0: highest non-containers */
static int row_mode(const dt_html_page *p)
{
	int mode = 0;
	size_t i;

	for (i = 0; i < p->n && mode < 2; i++) {
		dt_kind k = dt_unit_kind(dt__html_unit_at(p, i));

		mode = k == DT_KIND_ARTICLE ? 2 : k == DT_KIND_LEVEL ? 1 : mode;
	}
	return mode;
}

static int is_row(dt_kind k, int mode)
{
	return mode == 2 ? k == DT_KIND_ARTICLE :
		mode == 1 ? k == DT_KIND_LEVEL : !is_container(k);
}

/* Rows and cells; a unit belongs to the row of its parent, if any. */
static void find_rows(dt_html_page *p)
{
	int mode = p->mode = row_mode(p);
	size_t i;

	for (i = 0; i < p->n; i++) {
		dt_html_unit *u = &p->u[i];
		const dt_unit *un = dt__html_unit_at(p, i);
		dt_kind k = dt_unit_kind(un);

		u->row = u->parent != SIZE_MAX ? p->u[u->parent].row :
			SIZE_MAX;
		if (u->row == SIZE_MAX && is_row(k, mode)) {
			u->row = i;
			p->nrows++;
		} else if (u->row != SIZE_MAX &&
			(k == DT_KIND_CLAUSE || k == DT_KIND_POINT ||
				k == DT_KIND_LEVEL ||
				dt_unit_child_count(un) == 0)) {
			u->cell = 1;
			p->u[u->row].ncells++;
		}
	}
	for (i = 0; i < p->n; i++) {
		if (p->u[i].row == i && p->u[i].ncells > p->maxcells) {
			p->maxcells = p->u[i].ncells;
		}
	}
}

/* Chapter groups in order of first appearance: each top-level container
 * is one; the units outside any container share one more. */
static void find_groups(dt_html_page *p)
{
	size_t i, outside = SIZE_MAX;

	for (i = 0; i < p->n; i++) {
		dt_html_unit *u = &p->u[i];

		if (u->parent != SIZE_MAX) {
			u->group = p->u[u->parent].group;
		} else if (is_container(dt_unit_kind(dt__html_unit_at(p, i)))) {
			u->group = p->ng;
			p->g[p->ng++].top = i;
		} else {
			if (outside == SIZE_MAX) {
				outside = p->ng;
				p->g[p->ng++].top = SIZE_MAX;
			}
			u->group = outside;
		}
		if (u->row == i) {
			p->g[u->group].rows++;
		}
		if (u->cls != CLS_NA) {
			p->g[u->group].count[u->cls]++;
		}
	}
}

int dt__html_page_init(dt_html_page *p, const dt_review *r)
{
	const char *lang = dt_lang_code(dt_doc_lang(dt_review_directive(r)));
	int rc;

	memset(p, 0, sizeof(*p));
	p->r = r;
	p->n = dt_review_unit_count(r);
	p->lang = strlen(lang) == 2 ? lang : "";
	p->u = dt__calloc(p->n + 1, sizeof(*p->u));
	p->g = dt__calloc(p->n + 1, sizeof(*p->g));
	if (p->u == NULL || p->g == NULL) {
		return DT_ENOMEM;
	}
	rc = link_parents(p);
	if (rc == 0) {
		find_rows(p);
		find_groups(p);
	}
	return rc;
}

void dt__html_page_dispose(dt_html_page *p)
{
	dt__free(p->u);
	dt__free(p->g);
}
