/*
 * citeset_resolve.c - dt_cites_find()'s resolution of what the scanner
 * found (citeset.c walks the units and stores the set).
 *
 * A chain is cut into items, one per root group ("khoản 1, khoản 2
 * Điều 7" is one item; "Điều 5 và Điều 8" two), and each item becomes
 * one citation: the document it names (the one named after the chain,
 * the one named earlier in the unit, the basis, the antecedent of an
 * anaphor, or the citing document itself) and the eIds of its units in
 * that document, with a status and a message saying how it was found.
 * A bare document reference becomes one citation of the document as a
 * whole.
 */
#include <stdio.h>
#include <string.h>

#include "citeset_internal.h"

static const char *how_text(const char *how)
{
	static const struct {
		const char *how, *text;
	} t[] = {
		{ "symbol", "named by its symbol" },
		{ "number", "named by its number" },
		{ "alias", "named by an alias the document defines" },
		{ "title", "named by its title" },
		{ "earlier", "the document named before it in the unit" },
		{ "basis", "the directive the document is based on" },
		{ "type", "named by its type" },
		{ "anaphora", "the unit the citation before it names" },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if (strcmp(t[i].how, how) == 0) {
			return t[i].text;
		}
	}
	return how;
}

/* Status and message of a citation from what its document resolved to
 * and, for a loaded directive, which of the named units it has. */
void dt__citeset_conclude(builder *b, record *r, const dt_cite_docres *res,
	int units, const char *miss)
{
	const char *name = res->dir >= 0 ? b->ctx.dirs[res->dir].name : "";

	r->dir = res->dir;
	r->status = res->status;
	switch (res->status) {
	case DT_CITE_DOCUMENT:
		if (!units) {
			snprintf(r->message, sizeof(r->message), "names %s "
				"as a whole (%s)", name, how_text(res->how));
		} else if (miss[0] != '\0' || r->neids == 0) {
			r->status = DT_CITE_BROKEN;
			snprintf(r->message, sizeof(r->message), "%s does "
				"not exist in %s", miss[0] ? miss : "the unit",
				name);
		} else {
			r->status = DT_CITE_RESOLVED;
			snprintf(r->message, sizeof(r->message), "%s (%s)",
				name, how_text(res->how));
		}
		break;
	case DT_CITE_SELF:
		snprintf(r->message, sizeof(r->message), "the document itself "
			"(%s)", res->note);
		break;
	case DT_CITE_EXTERNAL:
		snprintf(r->message, sizeof(r->message), "%.*s: %s",
			(int)(r->document_len ? r->document_len : 8),
			r->document_len ? r->document : "document", res->note);
		break;
	default:
		snprintf(r->message, sizeof(r->message), "%s", res->note);
		break;
	}
}

/* One item of a chain: the groups [g0, g1) that hang on one root
 * ("khoản 1, khoản 2 Điều 7" is one item; "Điều 5 và Điều 8" two). */
typedef struct {
	unsigned g0, g1;
} item;

static int root_of(const dt_cite_raw *raw, int g)
{
	while (raw->groups[g].parent >= 0) {
		g = raw->groups[g].parent;
	}
	return g;
}

static unsigned items_of(const dt_cite_raw *raw, item *v)
{
	unsigned n = 0, i;
	int prev = -1;

	for (i = 0; i < raw->ngroups; i++) {
		int r = root_of(raw, (int)i);

		if (n == 0 || r != prev) {
			v[n++].g0 = i;
		}
		v[n - 1].g1 = i + 1;
		prev = r;
	}
	return n;
}

/* Units named without "Điều" or a document ("khoản 2", "пунктов 4 и
 * 5", "điểm a nêu trên") point into the citing document itself. */
static int internal(const dt_cite_raw *raw, const item *it)
{
	unsigned i;

	for (i = it->g0; i < it->g1; i++) {
		const dt_cite_group *g = &raw->groups[i];

		if (g->parent < 0 && (g->decimal ||
			(g->kind != DT_KIND_CLAUSE &&
			g->kind != DT_KIND_POINT && g->kind != DT_KIND_ITEM))) {
			return 0;
		}
	}
	return 1;
}

static int has_self(const dt_cite_raw *raw, const item *it)
{
	unsigned i;

	for (i = it->g0; i < it->g1; i++) {
		if (raw->groups[i].self) {
			return 1;
		}
	}
	return 0;
}

static int targets_in(builder *b, record *r, const dt_cite_raw *raw,
	const item *it, int dir, char *miss, size_t cap)
{
	return dt__cite_targets(b->eids, DT_CITE_MAX_TARGETS, &r->neids,
		miss, cap, raw, b->text, it->g0, it->g1, &b->ctx.dirs[dir]);
}

/* Does directive `dir` have every unit the item names? */
static int fits(builder *b, record *r, const dt_cite_raw *raw,
	const item *it, int dir, int *rc)
{
	char miss[160];

	*rc = targets_in(b, r, raw, it, dir, miss, sizeof(miss));
	return *rc == 0 && miss[0] == '\0' && r->neids > 0;
}

/* No document named: the one named before in the unit, else the basis
 * (among several, the only one that has the cited units). */
static int context_doc(builder *b, const dt_cite_raw *raw, const item *it,
	record *r, dt_cite_docres *res)
{
	unsigned char *fit;
	size_t i;
	int rc = 0;

	if (b->ctx.nhist > 0) {
		*res = b->ctx.hist[b->ctx.nhist - 1].res;
		res->how = "earlier";
		return 0;
	}
	fit = dt__calloc(b->ctx.ndirs + 1, 1);
	if (fit == NULL) {
		return DT_ENOMEM;
	}
	for (i = 0; rc == 0 && i < b->ctx.ndirs; i++) {
		fit[i] = (unsigned char)fits(b, r, raw, it, (int)i, &rc);
	}
	dt__cite_basis(&b->ctx, fit, res);
	dt__free(fit);
	return rc;
}

static void self_res(dt_cite_docres *res, const char *how, const char *note)
{
	res->status = DT_CITE_SELF;
	res->dir = -1;
	res->how = how;
	snprintf(res->note, sizeof(res->note), "%s", note);
}

/* Which document an item names.  The document after a chain attaches
 * to every item before it (DOMAIN §4.2), but an earlier item that it
 * lacks and the context has ("điểm a khoản 2 Điều 5, mục 2.1 Chỉ thị
 * 07" with 31 as the basis) belongs to the context. */
static int item_doc(builder *b, const dt_cite_raw *raw, const item *it,
	const dt_cite_docres *named, int last, int anaphora, record *r,
	dt_cite_docres *res)
{
	dt_cite_docres ctx;
	int rc = 0;

	if (has_self(raw, it)) {
		self_res(res, "self", "này");
		return 0;
	}
	/* "этой статьи" with no citation before it: this article */
	if (anaphora < 0) {
		self_res(res, "self", "no citation before it to refer to");
		return 0;
	}
	if (named == NULL && anaphora > 0) {
		*res = b->ante.res;
		res->how = "anaphora";
		return 0;
	}
	if (named == NULL) {
		if (internal(raw, it)) {
			self_res(res, "internal", "no article and no document "
				"named");
			return 0;
		}
		return context_doc(b, raw, it, r, res);
	}
	*res = *named;
	if (last || named->status != DT_CITE_DOCUMENT ||
		fits(b, r, raw, it, named->dir, &rc) || rc < 0) {
		return rc;
	}
	rc = context_doc(b, raw, it, r, &ctx);
	if (rc == 0 && ctx.status == DT_CITE_DOCUMENT &&
		fits(b, r, raw, it, ctx.dir, &rc)) {
		*res = ctx;
	}
	return rc;
}

static int item_cite(builder *b, const dt_cite_raw *given, const item *it,
	const dt_cite_docres *named, int first, int last)
{
	const dt_cite_raw *raw = given;
	dt_cite_raw sub;
	dt_cite_docres res;
	char miss[160] = "";
	int ag = dt__cite_anaphor_of(given, it->g0, it->g1), anaphora = 0;
	record r;
	int rc;

	if (ag >= 0) {
		anaphora = dt__cite_ante_take(&b->ante, given, ag, &sub) ? 1 :
			-1;
		raw = anaphora > 0 ? &sub : given;
	}
	memset(&r, 0, sizeof(r));
	r.start = first ? raw->all.start : raw->groups[it->g0].span.start;
	r.end = last ? raw->all.end : raw->groups[it->g1 - 1].span.end;
	r.line = dt__citeset_line_of(b, r.start);
	r.text = b->text + r.start;
	r.text_len = r.end - r.start;
	rc = item_doc(b, raw, it, named, last || (first && raw->ref_before),
		anaphora, &r, &res);
	if (rc < 0) {
		return rc; /* `res` may be unset (valgrind caught a read) */
	}
	if (named != NULL && res.how == named->how && (last || (first &&
		raw->ref_before))) {
		r.document = b->text + raw->ref.all.start;
		r.document_len = raw->ref.all.end - raw->ref.all.start;
	} else if (anaphora > 0 && named == NULL) {
		r.document = b->text + b->ante.doc_start;
		r.document_len = b->ante.doc_len;
	}
	r.neids = 0;
	if (rc == 0 && res.status == DT_CITE_DOCUMENT) {
		rc = targets_in(b, &r, raw, it, res.dir, miss, sizeof(miss));
	}
	if (rc == 0 && res.how != NULL && strcmp(res.how, "self") == 0) {
		dt_cite_ref none;

		memset(&none, 0, sizeof(none));
		none.row = DT_CITE_NO_ROW;
		none.all.start = r.start;
		rc = dt__cite_note_name(&b->ctx, &none, &res);
	}
	snprintf(r.rule, sizeof(r.rule), "%s+%s", raw->rule, res.how);
	dt__citeset_conclude(b, &r, &res, 1, miss);
	if (rc == 0) {
		dt__cite_ante_remember(&b->ante, raw, it->g0, it->g1, &res,
			r.document_len ? (size_t)(r.document - b->text) : 0,
			r.document_len);
	}
	return rc < 0 ? rc : dt__citeset_add(b, &r);
}

/* A chain: one citation per item, the named document resolved first. */
static int units_cite(builder *b, const dt_cite_raw *raw)
{
	item v[DT_CITE_MAX_GROUPS];
	dt_cite_docres named;
	unsigned n = items_of(raw, v), i;
	int have = raw->ref.kind != DT_REF_NONE, rc = 0;

	if (have) {
		dt__cite_resolve_ref(&b->ctx, &raw->ref, b->text, &named);
	}
	for (i = 0; rc == 0 && i < n; i++) {
		rc = item_cite(b, raw, &v[i], have ? &named : NULL, i == 0,
			i + 1 == n);
	}
	if (rc == 0 && have) {
		rc = dt__cite_note_name(&b->ctx, &raw->ref, &named);
	}
	return rc;
}

int dt__citeset_on_raw(const dt_cite_raw *raw, void *payload)
{
	builder *b = payload;
	record r;
	dt_cite_docres res;
	int rc;

	if (raw->kind == DT_RAW_ALIAS) {
		return dt__cite_define_alias(&b->ctx, raw, b->text, 0);
	}
	if (raw->kind == DT_RAW_UNITS) {
		return units_cite(b, raw);
	}
	memset(&r, 0, sizeof(r));
	dt__cite_resolve_ref(&b->ctx, &raw->ref, b->text, &res);
	/* "в соответствии с областным Положением": an alias's name, or no
	 * citation at all (an adjective and a type word in prose) */
	if (raw->alias_only && (res.how == NULL ||
		strcmp(res.how, "alias") != 0)) {
		return 0;
	}
	r.start = raw->all.start;
	r.end = raw->all.end;
	r.line = dt__citeset_line_of(b, raw->all.start);
	r.text = b->text + raw->all.start;
	r.text_len = raw->all.end - raw->all.start;
	r.document = r.text;
	r.document_len = r.text_len;
	rc = dt__cite_note_name(&b->ctx, &raw->ref, &res);
	snprintf(r.rule, sizeof(r.rule), "%s+%s", raw->rule, res.how);
	dt__citeset_conclude(b, &r, &res, 0, "");
	return rc < 0 ? rc : dt__citeset_add(b, &r);
}
