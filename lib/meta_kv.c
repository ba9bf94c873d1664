/*
 * meta_kv.c - metadata given as key/values by a reader (Markdown front
 * matter, AKN FRBR): "replaces" / "based_on" become references, and the
 * scalar keys (type, symbol, date, place, issuer, title) win over
 * anything read from the text.
 */
#include <string.h>

#include "meta_internal.h"

/* "replaces"/"based_on": the value names a document; type word, symbol
 * and date are read from it when present. */
static int kv_ref(dt_doc *doc, int replaces, const dt_kv *kv)
{
	char type[128] = "", sym[DT_SYMBOL_KEY_MAX] = "";
	char iso[DT_DATE_ISO_SIZE] = "";
	size_t n = strlen(kv->value), idx;
	dt_symbol s;
	dt_date d;
	dt_span ty;
	int rc = dt__symbol_doctype_find(&idx, &ty, kv->value, n, 0);

	if (rc > 0) {
		dt__meta_copy_flat(type, sizeof(type), kv->value, ty);
	}
	rc = rc < 0 ? rc : dt__symbol_find(&s, kv->value, n, 0);
	if (rc > 0) {
		dt__meta_copy_flat(sym, sizeof(sym), kv->value, s.all);
	}
	rc = rc < 0 ? rc : dt__date_find(&d, kv->value, n, 0);
	if (rc > 0) {
		dt__date_iso(iso, &d);
	}
	return rc < 0 ? rc : dt__doc_add_ref(doc, replaces, kv->value, type,
		sym, iso, kv->line);
}

int dt__meta_kv_refs(dt_doc *doc, const dt_blocks *bl)
{
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < bl->nmeta; i++) {
		const char *k = bl->meta[i].key;

		if (strcmp(k, "replaces") == 0 || strcmp(k, "based_on") == 0) {
			rc = kv_ref(doc, k[0] == 'r', &bl->meta[i]);
		}
	}
	return rc;
}

/* One scalar key/value over whatever the text gave. */
static int kv_field(dt_meta *m, const char *key, const char *v)
{
	size_t n = strlen(v), idx;
	dt_symbol sym;
	dt_date d;
	dt_span sp;
	int rc;

	if (strcmp(key, "type") == 0) {
		rc = dt__symbol_doctype_at(&idx, &sp, v, n, 0);
		if (rc > 0 && sp.end == n) {
			v = dt__symbol_doctype_name(idx);
			n = strlen(v);
		}
		return rc < 0 ? rc : dt__meta_set_field(&m->type, v, n);
	}
	if (strcmp(key, "symbol") == 0) {
		rc = dt__symbol_parse(&sym, v, n);
		if (rc != 0) {
			return rc < 0 ? rc : dt__meta_set_symbol(m, v, &sym);
		}
		memset(&sym, 0, sizeof(sym));
		sym.all.end = n;
		return dt__meta_set_symbol(m, v, &sym);
	}
	if (strcmp(key, "date") == 0) {
		rc = dt__date_parse(&d, v, n);
		return rc > 0 ? dt__meta_set_date(&m->date, &d) :
			rc < 0 ? rc : dt__meta_set_field(&m->date, v, n);
	}
	if (strcmp(key, "place") == 0 || strcmp(key, "issuer") == 0 ||
		strcmp(key, "title") == 0) {
		return dt__meta_set_field(key[0] == 'p' ? &m->place :
			key[0] == 'i' ? &m->issuer : &m->title, v, n);
	}
	return 0;
}

int dt__meta_kv_fields(dt_doc *doc, const dt_blocks *bl)
{
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < bl->nmeta; i++) {
		rc = kv_field(&doc->meta, bl->meta[i].key, bl->meta[i].value);
	}
	return rc;
}
