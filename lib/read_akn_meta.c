/*
 * read_akn_meta.c - the Akoma Ntoso metadata as key/values
 * (dt__blocks_meta): identification, preface and references.
 *
 * The preface (docType, docNumber, docDate@date, docTitle,
 * docAuthority/docProponent, location) wins over meta/identification
 * (FRBRname, FRBRnumber, FRBRdate, FRBRauthor -> references showAs,
 * FRBRlanguage); references/activeRef@showAs -> "replaces".  Preface text
 * becomes metadata only, never blocks (read_akn_body.c skips it).
 */
#include <string.h>

#include "read_akn_internal.h"
#include "symbol.h"

enum { K_TYPE, K_SYMBOL, K_DATE, K_PLACE, K_ISSUER, K_TITLE, K_LANG,
	K_COUNT };

static const char *const meta_keys[K_COUNT] = {
	"type", "symbol", "date", "place", "issuer", "title", "lang",
};

/* One value per key; a source of higher priority wins (FRBR and a bare
 * preface organization 1, other preface elements 2, docProponent 3,
 * docAuthority 4); among equals the first. */
typedef struct {
	char *v[K_COUNT];
	size_t line[K_COUNT];
	int prio[K_COUNT];
	char *author; /* FRBRauthor@href of the work, "#issuer" */
} meta_acc;

static int meta_set(dt_akn_walker *w, meta_acc *m, int k, const char *v,
	size_t line, int prio)
{
	char *copy;
	int rc = 0;

	if (v == NULL || *v == '\0' || (m->v[k] != NULL && m->prio[k] >= prio)) {
		return 0;
	}
	copy = dt__akn_dup_nfc(v, strlen(v), &rc);
	if (copy == NULL) {
		return dt__fail(w->err, rc, line, 0, "out of memory");
	}
	dt__free(m->v[k]);
	m->v[k] = copy;
	m->line[k] = line;
	m->prio[k] = prio;
	return 0;
}

/* "2026-03-15" from an AKN date attribute (a time part is dropped), or
 * NULL when it is not an ISO date. */
static const char *iso_date(const char *s, char out[11])
{
	if (!dt__date_iso_shaped(s)) {
		return NULL;
	}
	memcpy(out, s, 10);
	out[10] = '\0';
	return out;
}

/* "2026-06-05" from the text of a docDate without @date ("Tân Lập, ngày
 * 05 tháng 6 năm 2026", read as the Markdown reader reads a date line),
 * or NULL when it holds no date: the date is ISO or nothing, as from
 * the attribute (the writer builds URIs of it). */
static const char *text_date(const char *s, char out[DT_DATE_ISO_SIZE])
{
	dt_date d;

	if (s == NULL || dt__date_find(&d, s, strlen(s), 0) != 1) {
		return NULL;
	}
	dt__date_iso(out, &d);
	return out;
}

/* "vie" -> "vi" (AKN uses ISO 639-2); NULL for other languages. */
static const char *lang_code(const char *s)
{
	static const char *const map[][3] = {
		{ "vie", "vi", "vi" }, { "rus", "ru", "ru" },
		{ "eng", "en", "en" },
	};
	size_t i;

	for (i = 0; s != NULL && i < sizeof(map) / sizeof(map[0]); i++) {
		if (strcmp(s, map[i][0]) == 0 || strcmp(s, map[i][1]) == 0) {
			return map[i][2];
		}
	}
	return NULL;
}

/* meta_set() from attribute `attr` of `n`. */
static int meta_attr(dt_akn_walker *w, meta_acc *m, int k, const xmlNode *n,
	const char *attr, int prio)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST attr);
	const char *val = (const char *)v;
	char date[11];
	int rc;

	if (k == K_DATE) {
		val = iso_date(val, date);
	} else if (k == K_LANG) {
		val = lang_code(val);
	}
	rc = meta_set(w, m, k, val, dt__akn_line(n), prio);
	xmlFree(v);
	return rc;
}

/* FRBRWork / FRBRExpression: number, name, date, author, language. */
static int read_frbr(dt_akn_walker *w, meta_acc *m, const xmlNode *frbr)
{
	const xmlNode *c;
	int rc = 0;

	for (c = frbr->children; rc == 0 && c != NULL; c = c->next) {
		if (dt__akn_is(c, "FRBRnumber")) {
			rc = meta_attr(w, m, K_SYMBOL, c, "value", 1);
		} else if (dt__akn_is(c, "FRBRname")) {
			rc = meta_attr(w, m, K_TYPE, c, "value", 1);
		} else if (dt__akn_is(c, "FRBRdate")) {
			rc = meta_attr(w, m, K_DATE, c, "date", 1);
		} else if (dt__akn_is(c, "FRBRlanguage")) {
			rc = meta_attr(w, m, K_LANG, c, "language", 1);
		} else if (dt__akn_is(c, "FRBRauthor") && m->author == NULL &&
			dt__akn_is(frbr, "FRBRWork")) {
			xmlChar *href = xmlGetProp(c, BAD_CAST "href");

			m->author = href ? dt__strdup((const char *)href) :
				NULL;
			rc = href != NULL && m->author == NULL ? dt__fail(
				w->err, DT_ENOMEM, 0, 0, "out of memory") : 0;
			xmlFree(href);
		}
	}
	return rc;
}

/* references: the TLC entry the work's author points at gives the
 * issuer; activeRef (a document this one modifies) gives "replaces". */
static int read_references(dt_akn_walker *w, meta_acc *m, const xmlNode *refs)
{
	const xmlNode *c;
	int rc = 0;

	for (c = refs->children; rc == 0 && c != NULL; c = c->next) {
		xmlChar *eid, *show;

		if (c->type != XML_ELEMENT_NODE || !dt__akn_in_ns(c)) {
			continue;
		}
		eid = xmlGetProp(c, BAD_CAST "eId");
		show = xmlGetProp(c, BAD_CAST "showAs");
		if (dt__akn_is(c, "activeRef") && show != NULL) {
			rc = dt__blocks_meta(w->out, "replaces",
				(const char *)show, dt__akn_line(c));
			rc = rc < 0 ? dt__fail(w->err, rc, 0, 0,
				"out of memory") : 0;
		} else if (eid != NULL && m->author != NULL &&
			m->author[0] == '#' &&
			strcmp((const char *)eid, m->author + 1) == 0) {
			rc = meta_set(w, m, K_ISSUER, (const char *)show,
				dt__akn_line(c), 1);
		}
		xmlFree(eid);
		xmlFree(show);
	}
	return rc;
}

static int read_meta(dt_akn_walker *w, meta_acc *m, const xmlNode *meta)
{
	const xmlNode *ident = dt__akn_child(meta, "identification");
	const xmlNode *c;
	int rc = 0;

	for (c = ident ? ident->children : NULL; rc == 0 && c != NULL;
		c = c->next) {
		if (dt__akn_is(c, "FRBRWork") ||
			dt__akn_is(c, "FRBRExpression")) {
			rc = read_frbr(w, m, c);
		}
	}
	for (c = meta->children; rc == 0 && c != NULL; c = c->next) {
		if (dt__akn_is(c, "references")) {
			rc = read_references(w, m, c);
		}
	}
	return rc;
}

/* The key a preface element gives, its priority, or -1. */
static int preface_key(const xmlNode *n, int *prio)
{
	static const struct {
		const char *name;
		int key, prio;
	} keys[] = {
		{ "docType", K_TYPE, 2 }, { "docNumber", K_SYMBOL, 2 },
		{ "docDate", K_DATE, 2 }, { "docTitle", K_TITLE, 2 },
		{ "docAuthority", K_ISSUER, 4 },
		{ "docProponent", K_ISSUER, 3 }, { "location", K_PLACE, 2 },
		/* a bare organization only when nothing better names one */
		{ "organization", K_ISSUER, 1 },
	};
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (dt__akn_is(n, keys[i].name)) {
			*prio = keys[i].prio;
			return keys[i].key;
		}
	}
	return -1;
}

/* Look through the preface (at `depth`) for docType, docNumber… */
static int read_preface(dt_akn_walker *w, meta_acc *m, const xmlNode *n,
	unsigned depth)
{
	const xmlNode *c;
	char date[DT_DATE_ISO_SIZE];
	int rc = 0, prio, k;

	for (c = n->children; rc == 0 && c != NULL; c = c->next) {
		dt_akn_text a;

		if (c->type != XML_ELEMENT_NODE || !dt__akn_in_ns(c)) {
			continue;
		}
		if (depth + 1 > w->max_depth) {
			return dt__akn_too_deep(w, c);
		}
		k = preface_key(c, &prio);
		if (k == K_DATE && xmlHasProp(c, BAD_CAST "date")) {
			rc = meta_attr(w, m, k, c, "date", prio);
		} else if (k >= 0) {
			rc = dt__akn_collect(w, &a, c, depth + 1);
			if (rc == 0) {
				rc = meta_set(w, m, k, k == K_DATE ?
					text_date(a.b.data, date) : a.b.data,
					dt__akn_line(c), prio);
			}
			dt__akn_text_dispose(&a);
		} else {
			rc = read_preface(w, m, c, depth + 1);
		}
	}
	return rc;
}

static int emit_meta(dt_akn_walker *w, meta_acc *m)
{
	int k, rc = 0;

	for (k = 0; rc == 0 && k < K_COUNT; k++) {
		if (m->v[k] != NULL) {
			rc = dt__blocks_meta(w->out, meta_keys[k], m->v[k],
				m->line[k]);
		}
	}
	return rc < 0 ? dt__fail(w->err, rc, 0, 0, "out of memory") : 0;
}

static void meta_dispose(meta_acc *m)
{
	int k;

	for (k = 0; k < K_COUNT; k++) {
		dt__free(m->v[k]);
	}
	dt__free(m->author);
}

/* Metadata of the document element: meta, then preface, which wins. */
int dt__akn_meta_read(dt_akn_walker *w, const xmlNode *docel)
{
	meta_acc m;
	const xmlNode *c;
	int rc = 0;

	memset(&m, 0, sizeof(m));
	for (c = docel->children; rc == 0 && c != NULL; c = c->next) {
		if (dt__akn_is(c, "meta")) {
			rc = read_meta(w, &m, c);
		} else if (dt__akn_is(c, "preface")) {
			rc = read_preface(w, &m, c, 3);
		}
	}
	if (rc == 0) {
		rc = emit_meta(w, &m);
	}
	meta_dispose(&m);
	return rc;
}
