/*
 * citeset.c - dt_cites_find(): the citations of one local document,
 * found by the scanner (cite.c), resolved (resolve_doc.c, resolve.c) and
 * kept in a dt_citeset.
 *
 * One pass over the units in document order (heading, then own text,
 * table rows included): each abstract citation is resolved as soon as it
 * is found, because what it means depends on what came before it (the
 * document named earlier in the unit, the aliases defined so far).  Then
 * come the citations the outline and the metadata hold: the Charter tags
 * of a Charter-keyed regulation ("1. Điều 1 (Khoản 2): …") and the
 * "Căn cứ …" references of a preamble that is no unit.  All strings live
 * in one pool that is turned into pointers once the set is complete.
 * How one citation is resolved is in citeset_resolve.c
 * (citeset_internal.h: what the two files share).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citeset_internal.h"

struct dt_citeset {
	const dt_doc *doc;
	dt_cite *v;
	size_t n, cap;
	char *pool;
	const char **eidv;
};

/* ## Storing */

static int pool_str(builder *b, const char *s, size_t n, size_t *off)
{
	*off = b->pool.len;
	if (dt__buf_append(&b->pool, s, n) < 0) {
		return DT_ENOMEM;
	}
	return dt__buf_putc(&b->pool, '\0');
}

static int grow(builder *b)
{
	size_t cap = b->set->cap ? 2 * b->set->cap : 64;
	void *v = dt__reallocarray(b->set->v, cap, sizeof(dt_cite));
	void *o;

	if (v == NULL) {
		return DT_ENOMEM;
	}
	b->set->v = v;
	o = dt__reallocarray(b->offs, cap, sizeof(cite_offs));
	if (o == NULL) {
		return DT_ENOMEM;
	}
	b->offs = o;
	b->set->cap = cap;
	return 0;
}

static int store_eids(builder *b, cite_offs *o, size_t n)
{
	size_t i;
	int rc = 0;

	if (b->neid + n > b->eidcap) {
		size_t cap = 2 * (b->neid + n) + 16;
		void *p = dt__reallocarray(b->eid_offs, cap, sizeof(size_t));

		if (p == NULL) {
			return DT_ENOMEM;
		}
		b->eid_offs = p;
		b->eidcap = cap;
	}
	o->eid_first = b->neid;
	o->neids = n;
	for (i = 0; rc == 0 && i < n; i++) {
		rc = pool_str(b, b->eids[i], strlen(b->eids[i]),
			&b->eid_offs[b->neid++]);
	}
	return rc;
}

int dt__citeset_add(builder *b, const record *r)
{
	dt_cite *c;
	cite_offs *o;
	int rc = b->set->n == b->set->cap ? grow(b) : 0;

	if (rc < 0) {
		return rc;
	}
	if (b->unit != NULL && ++b->unit_cites > b->max_cites) {
		b->over_line = r->line ? r->line : 1;
		return DT_ELIMIT;
	}
	c = &b->set->v[b->set->n];
	o = &b->offs[b->set->n];
	memset(c, 0, sizeof(*c));
	c->unit = b->unit;
	c->in_heading = b->in_heading;
	c->start = r->start;
	c->end = r->end;
	c->line = r->line;
	c->status = r->status;
	c->directive = r->dir >= 0 ? b->ctx.dirs[r->dir].doc : NULL;
	rc = pool_str(b, r->text, r->text_len, &o->text);
	if (rc == 0) {
		rc = pool_str(b, r->document, r->document_len, &o->document);
	}
	if (rc == 0) {
		rc = pool_str(b, r->rule, strlen(r->rule), &o->rule);
	}
	if (rc == 0) {
		rc = pool_str(b, r->message, strlen(r->message), &o->message);
	}
	if (rc == 0) {
		rc = store_eids(b, o, r->status == DT_CITE_RESOLVED ||
			r->status == DT_CITE_BROKEN ? r->neids : 0);
	}
	if (rc == 0) {
		b->set->n++;
	}
	return rc;
}

/* The original line of text offset `off`; offsets come in order within
 * one text, so counting resumes where it stopped (linear per text). */
size_t dt__citeset_line_of(builder *b, size_t off)
{
	if (b->in_heading || b->unit == NULL) {
		return b->unit ? dt_unit_line(b->unit) : 0;
	}
	if (off < b->line_pos) {
		b->line_pos = 0;
		b->line = b->unit->text_line;
	}
	while (b->line_pos < off) {
		const char *nl = memchr(b->text + b->line_pos, '\n',
			off - b->line_pos);

		if (nl == NULL) {
			b->line_pos = off;
			break;
		}
		b->line++;
		b->line_pos = (size_t)(nl - b->text) + 1;
	}
	return b->line;
}

/* ## The units */

static int scan_text(builder *b, const dt_unit *u, const char *text,
	int in_heading)
{
	b->unit = u;
	b->text = text;
	b->in_heading = in_heading;
	b->line_pos = 0;
	b->line = u->text_line;
	b->ante.set = 0; /* an antecedent is in the same paragraph */
	b->ctx.base = b->base;
	b->base += dt__cite_text_span(text);
	return text[0] == '\0' ? 0 : dt__cite_scan(text, strlen(text),
		dt_doc_lang(b->set->doc), dt__citeset_on_raw, b);
}

/* The Charter directive the tags of a Charter-keyed regulation cite: a
 * loaded Điều lệ / Устав, or the only loaded directive. */
static int charter_dir(const builder *b)
{
	size_t rows[2] = { dt__cite_type_row("ĐIỀU LỆ"),
		dt__cite_type_row("УСТАВ") }, i;

	for (i = 0; i < b->ctx.ndirs; i++) {
		if (b->ctx.dirs[i].row != DT_CITE_NO_ROW &&
			(b->ctx.dirs[i].row == rows[0] ||
			b->ctx.dirs[i].row == rows[1])) {
			return (int)i;
		}
	}
	return b->ctx.ndirs == 1 ? 0 : -1;
}

/* "1. Điều 1 (Khoản 2): …": the outline keeps the tag as the unit's
 * implements list; each tag cites a unit of the Charter. */
static int charter_tags(builder *b, const dt_unit *u)
{
	size_t i, n = dt_unit_implements_count(u);
	int dir = n ? charter_dir(b) : -1, rc = 0;

	for (i = 0; rc == 0 && i < n; i++) {
		const char *eid = dt_unit_implements_at(u, i);
		const dt_unit *t = dir >= 0 ? dt_doc_find(b->ctx.dirs[dir].doc,
			eid) : NULL;
		record r;

		memset(&r, 0, sizeof(r));
		r.line = dt_unit_line(u);
		r.text = t ? dt_unit_label(t) : eid;
		r.text_len = strlen(r.text);
		r.document = "";
		r.dir = dir;
		snprintf(r.rule, sizeof(r.rule), "charter-tag");
		if (dir < 0) {
			r.status = DT_CITE_EXTERNAL;
			snprintf(r.message, sizeof(r.message), "a Charter tag; "
				"the Charter is not loaded");
		} else if (t == NULL) {
			r.status = DT_CITE_BROKEN;
			snprintf(r.message, sizeof(r.message), "%s does not "
				"exist in %s", eid, b->ctx.dirs[dir].name);
		} else {
			r.status = DT_CITE_RESOLVED;
			r.neids = 1;
			snprintf(b->eids[0], sizeof(b->eids[0]), "%s", eid);
			snprintf(r.message, sizeof(r.message), "%s (the item's "
				"Charter tag)", b->ctx.dirs[dir].name);
		}
		b->in_heading = 1;
		rc = dt__citeset_add(b, &r);
	}
	return rc;
}

static int scan_units(builder *b)
{
	const dt_doc *doc = b->set->doc;
	size_t i, n = dt_doc_unit_count(doc);
	int rc = 0;

	for (i = 0; rc == 0 && i < n; i++) {
		const dt_unit *u = dt_doc_unit_at(doc, i);

		b->ctx.nhist = 0;
		b->unit = u;
		b->unit_cites = 0;
		rc = charter_tags(b, u);
		if (rc == 0) {
			rc = scan_text(b, u, dt_unit_heading(u), 1);
		}
		if (rc == 0) {
			rc = scan_text(b, u, dt_unit_text(u), 0);
		}
	}
	return rc;
}

/* ## The metadata: "Căn cứ …" lines the outline kept out of the units */

/* Is there a citation on `line` already that names `symbol`? */
static int cited_on(const builder *b, size_t line, const char *symbol)
{
	size_t i;

	for (i = 0; i < b->set->n; i++) {
		if (b->set->v[i].line == line && strstr(b->pool.data +
			b->offs[i].text, symbol) != NULL) {
			return 1;
		}
	}
	return 0;
}

static int meta_ref(builder *b, const dt_docref *d)
{
	dt_cite_ref ref;
	dt_cite_docres res;
	record r;
	int rc;

	if (d->symbol[0] == '\0' || cited_on(b, d->line, d->symbol)) {
		return 0;
	}
	memset(&ref, 0, sizeof(ref));
	ref.kind = DT_REF_SYMBOL;
	ref.row = dt__cite_type_row(d->type);
	rc = dt__cite_symbol_key(ref.key, sizeof(ref.key), d->symbol);
	if (rc <= 0) {
		return rc;
	}
	dt__cite_resolve_ref(&b->ctx, &ref, NULL, &res);
	memset(&r, 0, sizeof(r));
	r.end = strlen(d->text);
	r.line = d->line;
	r.text = r.document = d->text;
	r.text_len = r.document_len = r.end;
	snprintf(r.rule, sizeof(r.rule), "metadata+%s", res.how);
	dt__citeset_conclude(b, &r, &res, 0, "");
	b->unit = dt_doc_root(b->set->doc);
	b->in_heading = 0;
	return dt__citeset_add(b, &r);
}

static int meta_refs(builder *b)
{
	const dt_meta *m = dt_doc_meta(b->set->doc);
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < m->based_on_count; i++) {
		rc = meta_ref(b, &m->based_on[i]);
	}
	for (i = 0; rc == 0 && i < m->replaces_count; i++) {
		rc = meta_ref(b, &m->replaces[i]);
	}
	return rc;
}

/* ## Finishing */

/* Stable merge sort of the citations by line (metadata citations come
 * after the units' but belong to the preamble). */
static int sort_by_line(builder *b)
{
	size_t n = b->set->n, w, i;
	dt_cite *v = b->set->v, *tv;
	cite_offs *o = b->offs, *to;

	for (i = 1; i < n && v[i - 1].line <= v[i].line; i++) {
	}
	if (i >= n) {
		return 0;
	}
	tv = dt__reallocarray(NULL, n, sizeof(*tv));
	to = dt__reallocarray(NULL, n, sizeof(*to));
	if (tv == NULL || to == NULL) {
		dt__free(tv);
		dt__free(to);
		return DT_ENOMEM;
	}
	for (w = 1; w < n; w *= 2) {
		for (i = 0; i < n; i += 2 * w) {
			size_t a = i, m = i + w < n ? i + w : n, bb = m, k = i;
			size_t e = i + 2 * w < n ? i + 2 * w : n;

			while (a < m || bb < e) {
				size_t from = bb >= e || (a < m &&
					v[a].line <= v[bb].line) ? a++ : bb++;

				tv[k] = v[from];
				to[k++] = o[from];
			}
		}
		memcpy(v, tv, n * sizeof(*v));
		memcpy(o, to, n * sizeof(*o));
	}
	dt__free(tv);
	dt__free(to);
	return 0;
}

/* Offsets become pointers once the pool no longer moves. */
static int finish(builder *b)
{
	dt_citeset *set = b->set;
	size_t i;

	set->eidv = dt__calloc(b->neid + 1, sizeof(*set->eidv));
	if (set->eidv == NULL) {
		return DT_ENOMEM;
	}
	set->pool = dt__buf_detach(&b->pool, NULL);
	if (set->pool == NULL) {
		return DT_ENOMEM;
	}
	for (i = 0; i < b->neid; i++) {
		set->eidv[i] = set->pool + b->eid_offs[i];
	}
	for (i = 0; i < set->n; i++) {
		dt_cite *c = &set->v[i];
		const cite_offs *o = &b->offs[i];

		c->text = set->pool + o->text;
		c->document = set->pool + o->document;
		c->rule = set->pool + o->rule;
		c->message = set->pool + o->message;
		c->eids = o->neids ? set->eidv + o->eid_first : NULL;
		c->neids = o->neids;
	}
	return 0;
}

static int build(builder *b, const dt_doc *const *directives, size_t n,
	dt_error *err)
{
	int rc = dt__cite_ctx_init(&b->ctx, b->set->doc, directives, n, err);

	if (rc < 0) {
		return rc;
	}
	b->base = 1; /* 0 is the metadata title */
	rc = scan_units(b);
	if (rc == 0) {
		rc = meta_refs(b);
	}
	if (rc == 0) {
		rc = sort_by_line(b);
	}
	if (rc == 0) {
		rc = finish(b);
	}
	if (rc == DT_ELIMIT && b->over_line > 0) {
		return dt__fail(err, rc, b->over_line, 0, "more than %zu "
			"citations in one unit", b->max_cites);
	}
	if (rc < 0) {
		return dt__fail(err, rc, 0, 0, "%s", rc == DT_ELIMIT ?
			"a citation pattern hit its match limit" :
			dt_strerror(rc));
	}
	return 0;
}

int dt_cites_find(dt_citeset **out, const dt_doc *doc,
	const dt_doc *const *directives, size_t ndirectives, dt_error *err)
{
	builder b;
	int rc;

	DT_ASSERT_ARG(out != NULL && doc != NULL &&
		(directives != NULL || ndirectives == 0), err);
	*out = NULL;
	rc = dt__cite_grammar_init(err);
	if (rc < 0) {
		return rc;
	}
	memset(&b, 0, sizeof(b));
	dt__buf_init(&b.pool, (size_t)1 << 30);
	b.set = dt__calloc(1, sizeof(*b.set));
	b.eids = dt__calloc(DT_CITE_MAX_TARGETS, sizeof(*b.eids));
	if (b.set == NULL || b.eids == NULL) {
		rc = dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	} else {
		b.set->doc = doc;
		b.max_cites = doc->max_cites ? doc->max_cites :
			DT_DEFAULT_MAX_CITES;
		rc = build(&b, directives, ndirectives, err);
	}
	dt__cite_ctx_dispose(&b.ctx);
	dt__buf_dispose(&b.pool);
	dt__free(b.offs);
	dt__free(b.eid_offs);
	dt__free(b.eids);
	if (rc < 0) {
		dt_citeset_free(b.set);
		return rc;
	}
	*out = b.set;
	return 0;
}

void dt_citeset_free(dt_citeset *set)
{
	if (set == NULL) {
		return;
	}
	dt__free(set->v);
	dt__free(set->pool);
	dt__free(set->eidv);
	dt__free(set);
}

size_t dt_citeset_count(const dt_citeset *set)
{
	return set ? set->n : 0;
}

const dt_cite *dt_citeset_at(const dt_citeset *set, size_t i)
{
	return set && i < set->n ? &set->v[i] : NULL;
}

/* For the writers (report_cites.c): the local document of a set. */
const dt_doc *dt__citeset_doc(const dt_citeset *set)
{
	return set->doc;
}
