/*
 * doc.c - the document model: a dt_doc owns metadata, diagnostics and a
 * tree of dt_unit; this file builds, indexes, queries and frees it.
 *
 * Units are built by outline.c in document order; dt__doc_finish() then
 * makes eIds unique, writes labels, and indexes the tree (pre-order array
 * and an eId hash table) so that lookups by eId are O(1).
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

const char dt__empty[] = "";

static const char *const kind_names[DT_KIND_COUNT_] = {
	"root", "part", "chapter", "section", "subsection", "article",
	"clause", "point", "item", "level", "row", "block",
};

const char *dt_kind_name(dt_kind kind)
{
	if ((unsigned)kind >= DT_KIND_COUNT_) {
		return "unknown";
	}
	return kind_names[kind];
}

/* ## building */

int dt__set_str(char **field, const char *s, size_t len)
{
	char *copy = dt__strndup(s, len);

	if (copy == NULL) {
		return DT_ENOMEM;
	}
	if (*field != dt__empty) {
		dt__free(*field);
	}
	*field = copy;
	return 0;
}

static void unit_init(dt_unit *u, dt_kind kind)
{
	memset(u, 0, sizeof(*u));
	u->kind = kind;
	u->num = (char *)dt__empty;
	u->eid = (char *)dt__empty;
	u->heading = (char *)dt__empty;
	u->text = (char *)dt__empty;
	u->label = (char *)dt__empty;
}

static void meta_init(dt_meta *m)
{
	m->type = m->symbol = m->number = m->type_code = dt__empty;
	m->issuer_code = m->year = m->date = m->place = dt__empty;
	m->issuer = m->title = dt__empty;
	m->replaces = NULL;
	m->based_on = NULL;
	m->replaces_count = m->based_on_count = 0;
}

int dt__doc_new(dt_doc **out, const char *file, dt_error *err)
{
	dt_doc *d = dt__calloc(1, sizeof(*d));

	*out = NULL;
	if (d == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	unit_init(&d->root, DT_KIND_ROOT);
	meta_init(&d->meta);
	d->file = dt__strdup(file ? file : "");
	if (d->file == NULL) {
		dt__free(d);
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	*out = d;
	return 0;
}

int dt__unit_add(dt_unit **out, dt_unit *parent, dt_kind kind)
{
	dt_unit *u;

	if (parent->kind_count == NULL) {
		parent->kind_count = dt__calloc(DT_KIND_COUNT_,
			sizeof(*parent->kind_count));
		if (parent->kind_count == NULL) {
			return DT_ENOMEM;
		}
	}
	if (parent->nchildren == parent->childcap) {
		size_t cap = parent->childcap ? parent->childcap * 2 : 4;
		dt_unit **c = dt__reallocarray(parent->children, cap,
			sizeof(*c));

		if (c == NULL) {
			return DT_ENOMEM;
		}
		parent->children = c;
		parent->childcap = cap;
	}
	u = dt__malloc(sizeof(*u));
	if (u == NULL) {
		return DT_ENOMEM;
	}
	unit_init(u, kind);
	u->parent = parent;
	parent->children[parent->nchildren++] = u;
	parent->kind_count[kind]++;
	*out = u;
	return 0;
}

/* Line breaks in s[0..n). */
static size_t count_breaks(const char *s, size_t n)
{
	const char *nl = memchr(s, '\n', n);
	size_t k = 0;

	while (nl != NULL) {
		k++;
		nl = memchr(nl + 1, '\n', n - (size_t)(nl - s) - 1);
	}
	return k;
}

/* The text grows in place (realloc), not through a fresh copy per
 * append, and its length and line breaks are kept, not counted again:
 * a unit that collects many paragraphs (a plan's table of 63,000 tasks
 * read from Akoma Ntoso) made reading quadratic both ways (76 s against
 * 1 s).  The 64 MiB ceiling of the dt_buf it used to be built in
 * stays. */
int dt__unit_append_text(dt_unit *u, const char *s, size_t len, size_t line)
{
	size_t have, at, pad = 1;
	char *t;
	int rc;

	if (len == 0) {
		return 0;
	}
	if (u->text == dt__empty) {
		u->text_line = line;
		rc = dt__set_str(&u->text, s, len);
		u->text_len = rc == 0 ? len : 0;
		u->text_breaks = rc == 0 ? count_breaks(s, len) : 0;
		return rc;
	}
	have = u->text_len;
	/* Pad with line breaks so that line k of text is text_line + k; a
	 * block that does not start on a later line is joined by one. */
	at = u->text_line + u->text_breaks + 1;
	if (line > at) {
		pad += line - at;
	}
	if (pad > DT_DEFAULT_MAX_BYTES || len > DT_DEFAULT_MAX_BYTES ||
		have > DT_DEFAULT_MAX_BYTES - pad - len) {
		return DT_ELIMIT;
	}
	t = dt__realloc(u->text, have + pad + len + 1);
	if (t == NULL) {
		return DT_ENOMEM;
	}
	memset(t + have, '\n', pad);
	memcpy(t + have + pad, s, len);
	t[have + pad + len] = '\0';
	u->text = t;
	u->text_len = have + pad + len;
	u->text_breaks += pad + count_breaks(s, len);
	return 0;
}

/* Append a copy of `s` to a string array. */
static int strv_push(char ***v, size_t *n, const char *s)
{
	char **p = dt__reallocarray(*v, *n + 1, sizeof(*p));
	char *copy;

	if (p == NULL) {
		return DT_ENOMEM;
	}
	*v = p;
	copy = dt__strdup(s);
	if (copy == NULL) {
		return DT_ENOMEM;
	}
	p[(*n)++] = copy;
	return 0;
}

int dt__unit_add_implements(dt_unit *u, const char *eid)
{
	return strv_push(&u->implements, &u->nimplements, eid);
}

int dt__unit_add_cell(dt_unit *u, const char *name, const char *value)
{
	size_t n = u->ncells;
	int rc = strv_push(&u->cell_names, &n, name ? name : "");

	if (rc < 0) {
		return rc;
	}
	n = u->ncells;
	rc = strv_push(&u->cells, &n, value);
	if (rc < 0) {
		/* keep the two arrays the same length */
		dt__free(u->cell_names[u->ncells]);
		return rc;
	}
	u->ncells = n;
	return 0;
}

int dt__unit_same_columns(const dt_unit *a, const dt_unit *b)
{
	size_t i;

	if (a->ncells != b->ncells) {
		return 0;
	}
	for (i = 0; i < a->ncells; i++) {
		if (strcmp(a->cell_names[i], b->cell_names[i]) != 0) {
			return 0;
		}
	}
	return 1;
}

int dt__doc_diag(dt_doc *doc, dt_severity sev, size_t line,
	const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	char *copy;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (doc->ndiags == doc->diagcap) {
		size_t cap = doc->diagcap ? doc->diagcap * 2 : 8;
		dt_diag *p = dt__reallocarray(doc->diags, cap, sizeof(*p));

		if (p == NULL) {
			return DT_ENOMEM;
		}
		doc->diags = p;
		doc->diagcap = cap;
	}
	copy = dt__strdup(msg);
	if (copy == NULL) {
		return DT_ENOMEM;
	}
	doc->diags[doc->ndiags].severity = sev;
	doc->diags[doc->ndiags].line = line;
	doc->diags[doc->ndiags].message = copy;
	doc->ndiags++;
	return 0;
}

/* Owned copy of s, or the shared "" for NULL/empty. */
static const char *dup_or_empty(const char *s, int *rc)
{
	char *c;

	if (s == NULL || *s == '\0') {
		return dt__empty;
	}
	c = dt__strdup(s);
	if (c == NULL) {
		*rc = DT_ENOMEM;
		return dt__empty;
	}
	return c;
}

int dt__doc_add_ref(dt_doc *doc, int replaces, const char *text,
	const char *type, const char *symbol, const char *date, size_t line)
{
	dt_docref **v = replaces ? &doc->replaces : &doc->based_on;
	size_t *n = replaces ? &doc->meta.replaces_count :
		&doc->meta.based_on_count;
	dt_docref *p = dt__reallocarray(*v, *n + 1, sizeof(*p));
	int rc = 0;

	if (p == NULL) {
		return DT_ENOMEM;
	}
	*v = p;
	p += *n;
	p->text = dup_or_empty(text, &rc);
	p->type = dup_or_empty(type, &rc);
	p->symbol = dup_or_empty(symbol, &rc);
	p->date = dup_or_empty(date, &rc);
	p->line = line;
	(*n)++;
	doc->meta.replaces = doc->replaces;
	doc->meta.based_on = doc->based_on;
	return rc;
}

/* *field (dt__empty) becomes a copy of s; an empty s stays shared. */
static int copy_field(const char **field, const char *s)
{
	return *s == '\0' ? 0 : dt__set_str((char **)field, s, strlen(s));
}

static int copy_refs(dt_doc *doc, int replaces, const dt_docref *refs,
	size_t n)
{
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < n; i++) {
		rc = dt__doc_add_ref(doc, replaces, refs[i].text, refs[i].type,
			refs[i].symbol, refs[i].date, refs[i].line);
	}
	return rc;
}

int dt__doc_copy_meta(dt_doc **out, const dt_doc *src, dt_error *err)
{
	const dt_meta *m = &src->meta;
	dt_doc *d = NULL;
	int rc = dt__doc_new(&d, src->file, err);

	*out = NULL;
	if (rc < 0) {
		return rc;
	}
	d->lang = src->lang;
	d->format = src->format;
	rc = copy_field(&d->meta.type, m->type);
	rc = rc ? rc : copy_field(&d->meta.symbol, m->symbol);
	rc = rc ? rc : copy_field(&d->meta.number, m->number);
	rc = rc ? rc : copy_field(&d->meta.type_code, m->type_code);
	rc = rc ? rc : copy_field(&d->meta.issuer_code, m->issuer_code);
	rc = rc ? rc : copy_field(&d->meta.year, m->year);
	rc = rc ? rc : copy_field(&d->meta.date, m->date);
	rc = rc ? rc : copy_field(&d->meta.place, m->place);
	rc = rc ? rc : copy_field(&d->meta.issuer, m->issuer);
	rc = rc ? rc : copy_field(&d->meta.title, m->title);
	rc = rc ? rc : copy_refs(d, 1, m->replaces, m->replaces_count);
	rc = rc ? rc : copy_refs(d, 0, m->based_on, m->based_on_count);
	if (rc == 0) {
		rc = dt__doc_finish(d, err);
	}
	if (rc < 0) {
		dt_doc_free(d);
		return err && err->code ? rc : dt__fail(err, rc, 0, 0,
			"out of memory");
	}
	*out = d;
	return 0;
}

/* ## freeing */

static void free_str(const char *s)
{
	if (s != dt__empty) {
		dt__free((char *)s);
	}
}

static void unit_dispose(dt_unit *u)
{
	size_t i;

	for (i = 0; i < u->nchildren; i++) {
		unit_dispose(u->children[i]);
		dt__free(u->children[i]);
	}
	dt__free(u->children);
	dt__free(u->kind_count);
	free_str(u->num);
	free_str(u->eid);
	free_str(u->heading);
	free_str(u->text);
	free_str(u->label);
	for (i = 0; i < u->nimplements; i++) {
		dt__free(u->implements[i]);
	}
	dt__free(u->implements);
	for (i = 0; i < u->ncells; i++) {
		dt__free(u->cell_names[i]);
		dt__free(u->cells[i]);
	}
	dt__free(u->cell_names);
	dt__free(u->cells);
}

static void refs_free(dt_docref *refs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free_str(refs[i].text);
		free_str(refs[i].type);
		free_str(refs[i].symbol);
		free_str(refs[i].date);
	}
	dt__free(refs);
}

void dt_doc_free(dt_doc *doc)
{
	size_t i;
	dt_meta *m;

	if (doc == NULL) {
		return;
	}
	m = &doc->meta;
	free_str(m->type);
	free_str(m->symbol);
	free_str(m->number);
	free_str(m->type_code);
	free_str(m->issuer_code);
	free_str(m->year);
	free_str(m->date);
	free_str(m->place);
	free_str(m->issuer);
	free_str(m->title);
	refs_free(doc->replaces, m->replaces_count);
	refs_free(doc->based_on, m->based_on_count);
	for (i = 0; i < doc->ndiags; i++) {
		dt__free((char *)doc->diags[i].message);
	}
	dt__free(doc->diags);
	unit_dispose(&doc->root);
	dt__free(doc->order);
	dt__free(doc->eid_hash);
	dt__free(doc->tags);
	dt__free(doc->file);
	dt__free(doc);
}
