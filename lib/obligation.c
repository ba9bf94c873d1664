/*
 * obligation.c - is a directive unit an obligation?
 *
 * Every unit obliges someone unless its wording, its heading or its
 * article's heading marks scope, definitions, entry into force or
 * transitional provisions (lib/data/obligation_markers.txt, "not" rows).
 * Unnumbered paragraphs and bullets at the top of a document, before or
 * between its numbered parts, are the preamble, the enacting formula or
 * the situation a directive describes: not obligations either.  Wording
 * such as "phải", "có trách nhiệm", "обязаны" ("must" rows) marks an
 * obligation explicitly, which reports show as a stronger signal.
 * An article on carrying out the act itself ("exec" rows: "Trách nhiệm
 * thi hành", "Tổ chức thực hiện") obliges, but is linked only by citation
 * (dt__executes_act, used by the matcher's index).
 *
 * Matching is on case-folded text (ICU folding through dt_fold), so the
 * upper-case headings of real documents match the lower-case markers.
 */
#include <pthread.h>
#include <string.h>

#include "internal.h"

extern const char *const dt__data_obligation_markers[];

enum { MAX_MARKERS = 128, MAX_TITLE = 160 };

static const char *not_markers[MAX_MARKERS];
static const char *must_markers[MAX_MARKERS];
static const char *exec_markers[MAX_MARKERS];
static size_t n_not, n_must, n_exec;
static pthread_once_t markers_once = PTHREAD_ONCE_INIT;

/* Split the "KIND<TAB>phrase" rows once into the three lists. */
static void markers_load(void)
{
	size_t i;

	for (i = 0; dt__data_obligation_markers[i] != NULL; i++) {
		const char *row = dt__data_obligation_markers[i];

		if (strncmp(row, "not\t", 4) == 0 && n_not < MAX_MARKERS) {
			not_markers[n_not++] = row + 4;
		} else if (strncmp(row, "must\t", 5) == 0 &&
			n_must < MAX_MARKERS) {
			must_markers[n_must++] = row + 5;
		} else if (strncmp(row, "exec\t", 5) == 0 &&
			n_exec < MAX_MARKERS) {
			exec_markers[n_exec++] = row + 5;
		}
	}
}

static int contains_any(const char *folded, const char *const *list,
	size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strstr(folded, list[i]) != NULL) {
			return 1;
		}
	}
	return 0;
}

/* Does the case-folded `s` contain a phrase of the list?  DT_ENOMEM when
 * folding fails (it can only run out of memory: the text is valid UTF-8). */
static int mentions(const char *s, const char *const *list, size_t n)
{
	char *folded = NULL;
	int hit;

	if (s == NULL || *s == '\0') {
		return 0;
	}
	if (dt_fold(&folded, NULL, s, strlen(s), DT_FOLD_CASE, NULL) < 0) {
		return DT_ENOMEM;
	}
	hit = contains_any(folded, list, n);
	dt__free(folded);
	return hit;
}

/* The article (or the top unit) that holds `u`. */
static const dt_unit *article_of(const dt_unit *u)
{
	const dt_unit *p;

	for (p = u; p->parent != NULL && p->parent->kind != DT_KIND_ROOT;
		p = p->parent) {
		if (p->kind == DT_KIND_ARTICLE) {
			return p;
		}
	}
	return p;
}

/* A paragraph or bullet directly under the document root. */
static int is_preamble(const dt_unit *u)
{
	return u->parent != NULL && u->parent->kind == DT_KIND_ROOT &&
		(u->kind == DT_KIND_BLOCK || u->kind == DT_KIND_ITEM);
}

int dt__obligation_of(const dt_unit *u)
{
	const dt_unit *a;
	int rc;

	pthread_once(&markers_once, markers_load);
	if (is_preamble(u)) {
		return 0;
	}
	a = article_of(u);
	rc = mentions(a->heading, not_markers, n_not);
	if (rc == 0) {
		rc = mentions(u->heading, not_markers, n_not);
	}
	if (rc == 0) {
		rc = mentions(u->text, not_markers, n_not);
	}
	if (rc != 0) {
		return rc < 0 ? rc : 0;
	}
	rc = mentions(u->text, must_markers, n_must);
	if (rc == 0) {
		rc = mentions(u->heading, must_markers, n_must);
	}
	return rc < 0 ? rc : 1 + rc;
}

/* What names the part `a`: its heading, or, for a numbered part whose
 * own text is only a title over its children ("6. Tổ chức thực hiện" of a
 * Chỉ thị numbered 6.1, 6.2 …), that text.  A sentence is no title: "Ủy
 * ban nhân dân tỉnh tổ chức thực hiện." obliges the province. */
static const char *title_of(const dt_unit *a)
{
	size_t len = strlen(a->text);

	if (a->heading[0] != '\0' || a->nchildren == 0 || len == 0 ||
		len > MAX_TITLE || strchr(a->text, '\n') != NULL ||
		strchr(".;:!?", a->text[len - 1]) != NULL) {
		return a->heading;
	}
	return a->text;
}

int dt__executes_act(const dt_unit *u)
{
	int rc;

	pthread_once(&markers_once, markers_load);
	rc = mentions(title_of(article_of(u)), exec_markers, n_exec);
	return rc == 0 ? mentions(title_of(u), exec_markers, n_exec) : rc;
}
