/*
 * doc_index.c - finishing a built document (unique eIds, labels, the
 * document-order index, eId lookup) and the read-only accessors.
 *
 * The unit tree is at most a dozen levels deep (its depth comes from the
 * numbering grammar, not from source nesting, and outline.c caps decimal
 * levels), so the walks here recurse.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ## labels: "điểm a khoản 2 Điều 5", "подпункт а пункта 2 статьи 5" */

typedef struct {
	const char *nom; /* the unit alone, and the first word of a chain */
	const char *gen; /* as a container in a chain ("статьи 5") */
} label_word;

/* [lang][kind]; vi and en use the same form in both positions. */
static const label_word label_words[3][DT_KIND_COUNT_] = {
	{ /* vi */
	  { "", "" }, { "Phần", "Phần" }, { "Chương", "Chương" },
	  { "Mục", "Mục" }, { "Tiểu mục", "Tiểu mục" }, { "Điều", "Điều" },
	  { "khoản", "khoản" }, { "điểm", "điểm" }, { "tiết", "tiết" },
	  { "mục", "mục" }, { "dòng", "dòng" }, { "đoạn", "đoạn" } },
	{ /* ru */
	  { "", "" }, { "Раздел", "раздела" }, { "Глава", "главы" },
	  { "Раздел", "раздела" }, { "Подраздел", "подраздела" },
	  { "Статья", "статьи" }, { "пункт", "пункта" },
	  { "подпункт", "подпункта" }, { "абзац", "абзаца" },
	  { "пункт", "пункта" }, { "строка", "строки" },
	  { "абзац", "абзаца" } },
	{ /* en */
	  { "", "" }, { "Part", "Part" }, { "Chapter", "Chapter" },
	  { "Section", "Section" }, { "Subsection", "Subsection" },
	  { "Article", "Article" }, { "paragraph", "paragraph" },
	  { "point", "point" }, { "item", "item" }, { "item", "item" },
	  { "row", "row" }, { "paragraph", "paragraph" } },
};

static int lang_index(dt_lang lang)
{
	return lang == DT_LANG_RU ? 1 : lang == DT_LANG_EN ? 2 : 0;
}

/* The number part of one link of a label. */
static void label_num(dt_buf *b, const dt_unit *u, int *rc)
{
	int positional = u->kind == DT_KIND_ITEM || u->kind == DT_KIND_ROW ||
		u->kind == DT_KIND_BLOCK;

	if (*rc == 0 && u->num[0] != '\0' && !positional) {
		*rc = dt__buf_putc(b, ' ');
		*rc = *rc ? *rc : dt__buf_puts(b, u->num);
	} else if (*rc == 0) {
		*rc = dt__buf_putc(b, ' ');
		*rc = *rc ? *rc : dt__buf_putl(b, u->value);
	}
}

/* Label: the unit, then its containers up to the first article-level or
 * higher unit ("khoản 2 Điều 5"; a chapter is just "Chương II"). */
static int make_label(dt_unit *u, dt_lang lang)
{
	const label_word *w = label_words[lang_index(lang)];
	const dt_unit *p;
	dt_buf b;
	int rc = 0;

	dt__buf_init(&b, 4096);
	rc = dt__buf_puts(&b, w[u->kind].nom);
	label_num(&b, u, &rc);
	/* A decimal number is a full path ("mục 1.2"), so the chain ends
	 * at the first level item too. */
	for (p = u; p->kind > DT_KIND_ARTICLE && p->kind != DT_KIND_ROW &&
		p->kind != DT_KIND_LEVEL && p->parent != NULL &&
		p->parent->kind != DT_KIND_ROOT;) {
		p = p->parent;
		if (rc == 0) {
			rc = dt__buf_putc(&b, ' ');
			rc = rc ? rc : dt__buf_puts(&b, w[p->kind].gen);
		}
		label_num(&b, p, &rc);
	}
	if (rc == 0) {
		char *s = dt__buf_detach(&b, NULL);

		if (s == NULL) {
			return DT_ENOMEM;
		}
		u->label = s;
		return 0;
	}
	dt__buf_dispose(&b);
	return rc;
}

/* ## index */

static size_t hash_str(const char *s)
{
	size_t h = 1469598103934665603ull & SIZE_MAX;

	for (; *s != '\0'; s++) {
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	}
	return h;
}

/* Index of the unit with `eid`, or SIZE_MAX. */
static size_t hash_find(const dt_doc *doc, const char *eid)
{
	size_t i;

	if (doc->hashcap == 0) {
		return SIZE_MAX;
	}
	i = hash_str(eid) & (doc->hashcap - 1);
	while (doc->eid_hash[i] != 0) {
		size_t k = doc->eid_hash[i] - 1;

		if (strcmp(doc->order[k]->eid, eid) == 0) {
			return k;
		}
		i = (i + 1) & (doc->hashcap - 1);
	}
	return SIZE_MAX;
}

static void hash_insert(dt_doc *doc, size_t k)
{
	size_t i = hash_str(doc->order[k]->eid) & (doc->hashcap - 1);

	while (doc->eid_hash[i] != 0) {
		i = (i + 1) & (doc->hashcap - 1);
	}
	doc->eid_hash[i] = k + 1;
}

/* Count units below u. */
static size_t count_units(const dt_unit *u)
{
	size_t n = 0, i;

	for (i = 0; i < u->nchildren; i++) {
		n += 1 + count_units(u->children[i]);
	}
	return n;
}

static void fill_order(dt_doc *doc, dt_unit *u, size_t *k)
{
	size_t i;

	for (i = 0; i < u->nchildren; i++) {
		doc->order[(*k)++] = u->children[i];
		fill_order(doc, u->children[i], k);
	}
}

/* Give the descendants of a renamed unit the new prefix: "chp_1__sec_1"
 * under a "chp_1" renamed "chp_1-2" becomes "chp_1-2__sec_1". */
static int rename_below(dt_unit *u, const char *from, const char *to)
{
	size_t i, flen = strlen(from), tlen = strlen(to);

	for (i = 0; i < u->nchildren; i++) {
		dt_unit *c = u->children[i];
		int rc;

		if (strncmp(c->eid, from, flen) == 0 &&
			strncmp(c->eid + flen, "__", 2) == 0) {
			size_t rest = strlen(c->eid + flen);
			char *e = dt__malloc(tlen + rest + 1);

			if (e == NULL) {
				return DT_ENOMEM;
			}
			memcpy(e, to, tlen);
			memcpy(e + tlen, c->eid + flen, rest + 1);
			dt__free(c->eid);
			c->eid = e;
		}
		rc = rename_below(c, from, to);
		if (rc < 0) {
			return rc;
		}
	}
	return 0;
}

/* A duplicate eId (a badly numbered source) gets "-2", "-3", …; `first`
 * holds the eId and remembers the last suffix given, so that n copies
 * cost n look-ups, not n * n / 2. */
static int make_unique(dt_doc *doc, dt_unit *u, dt_unit *first)
{
	char *alt;
	size_t len = strlen(u->eid), n;
	int rc;

	alt = dt__malloc(len + 24);
	if (alt == NULL) {
		return DT_ENOMEM;
	}
	for (n = first->ndup > 0 ? first->ndup + 1 : 2;; n++) {
		snprintf(alt, len + 24, "%s-%zu", u->eid, n);
		if (hash_find(doc, alt) == SIZE_MAX) {
			break;
		}
	}
	first->ndup = n;
	rc = dt__doc_diag(doc, DT_DIAG_WARNING, u->line,
		"duplicate eId %s renamed %s", u->eid, alt);
	if (rc == 0) {
		rc = rename_below(u, u->eid, alt);
	}
	if (u->eid != dt__empty) {
		dt__free(u->eid);
	}
	u->eid = alt;
	return rc;
}

/* ## Charter tags: which unit implements a Charter unit
 *
 * A Charter-keyed regulation tags its items with the Charter units they
 * carry out ("1. Điều 1 (Khoản 2)": art_1__para_2).  Resolving a
 * citation of the Charter through it asks for the first item tagged
 * with a unit, or with a part of an article; every citation of every
 * local document asks, so the tags are sorted once here, each under its
 * whole eId and, when it names a part, under its article's ("art_1" of
 * "art_1__para_2"), and looked up by binary search.  (A walk of every
 * unit per citation made a review of 3,000 plans, 15,000 such
 * citations, against a regulation of 17,000 units take 1.8 s instead of
 * 0.1 s; tests/bench/HISTORY.md, session 10.) */

struct dt_doc_tag {
	const char *key; /* the tag; the key is its first len bytes */
	size_t len;
	size_t unit; /* the unit's place in document order */
};

static int by_key_then_unit(const void *a, const void *b)
{
	const struct dt_doc_tag *x = a, *y = b;
	int c = memcmp(x->key, y->key, x->len < y->len ? x->len : y->len);

	if (c != 0) {
		return c;
	}
	if (x->len != y->len) {
		return x->len < y->len ? -1 : 1;
	}
	return x->unit < y->unit ? -1 : x->unit > y->unit;
}

/* The length of the article part of tag t: up to its first "__". */
static size_t article_len(const char *t)
{
	const char *sep = strstr(t, "__");

	return sep != NULL ? (size_t)(sep - t) : strlen(t);
}

/* Sort every tag of the document's units, under its eId and its
 * article's; DT_ENOMEM when out of memory. */
static int index_tags(dt_doc *doc)
{
	size_t i, k, n = 0;

	doc->ntagged = 0;
	for (i = 0; i < doc->nunits; i++) {
		doc->ntagged += doc->order[i]->nimplements > 0;
		n += 2 * doc->order[i]->nimplements;
	}
	if (n == 0) {
		return 0;
	}
	doc->tags = dt__reallocarray(NULL, n, sizeof(*doc->tags));
	if (doc->tags == NULL) {
		return DT_ENOMEM;
	}
	for (i = 0; i < doc->nunits; i++) {
		const dt_unit *u = doc->order[i];

		for (k = 0; k < u->nimplements; k++) {
			const char *t = u->implements[k];
			size_t whole = strlen(t), part = article_len(t);

			doc->tags[doc->ntags++] = (struct dt_doc_tag){t, whole, i};
			if (part < whole) {
				doc->tags[doc->ntags++] =
					(struct dt_doc_tag){t, part, i};
			}
		}
	}
	qsort(doc->tags, doc->ntags, sizeof(*doc->tags), by_key_then_unit);
	return 0;
}

const dt_unit *dt__doc_implementing(const dt_doc *doc, const char *eid)
{
	struct dt_doc_tag want = {eid, strlen(eid), 0};
	size_t lo = 0, hi = doc->ntags;

	while (lo < hi) { /* the first entry not before (eid, unit 0) */
		size_t mid = lo + (hi - lo) / 2;

		if (by_key_then_unit(&doc->tags[mid], &want) < 0) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	if (lo == doc->ntags || doc->tags[lo].len != want.len ||
		memcmp(doc->tags[lo].key, eid, want.len) != 0) {
		return NULL;
	}
	return doc->order[doc->tags[lo].unit];
}

int dt__doc_finish(dt_doc *doc, dt_error *err)
{
	size_t k = 0, i;
	int rc = 0;

	doc->nunits = count_units(&doc->root);
	doc->order = dt__reallocarray(NULL, doc->nunits + 1, sizeof(dt_unit *));
	doc->hashcap = 16;
	while (doc->hashcap < doc->nunits * 2) {
		doc->hashcap *= 2;
	}
	doc->eid_hash = dt__calloc(doc->hashcap, sizeof(size_t));
	if (doc->order == NULL || doc->eid_hash == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	fill_order(doc, &doc->root, &k);
	for (i = 0; rc == 0 && i < doc->nunits; i++) {
		dt_unit *u = doc->order[i];
		size_t first = hash_find(doc, u->eid);

		if (first != SIZE_MAX) {
			rc = make_unique(doc, u, doc->order[first]);
		}
		if (rc == 0) {
			hash_insert(doc, i);
			rc = make_label(u, doc->lang);
		}
	}
	if (rc == 0) {
		rc = index_tags(doc);
	}
	if (rc < 0) {
		return dt__fail(err, rc, 0, 0, "out of memory");
	}
	return 0;
}

/* ## accessors */

const char *dt_doc_file(const dt_doc *doc)
{
	return doc->file;
}

dt_lang dt_doc_lang(const dt_doc *doc)
{
	return doc->lang;
}

dt_format dt_doc_format(const dt_doc *doc)
{
	return doc->format;
}

const dt_meta *dt_doc_meta(const dt_doc *doc)
{
	return &doc->meta;
}

size_t dt_doc_diag_count(const dt_doc *doc)
{
	return doc->ndiags;
}

const dt_diag *dt_doc_diag_at(const dt_doc *doc, size_t i)
{
	return i < doc->ndiags ? &doc->diags[i] : NULL;
}

const dt_unit *dt_doc_root(const dt_doc *doc)
{
	return &doc->root;
}

size_t dt_doc_unit_count(const dt_doc *doc)
{
	return doc->nunits;
}

const dt_unit *dt_doc_unit_at(const dt_doc *doc, size_t i)
{
	return i < doc->nunits ? doc->order[i] : NULL;
}

const dt_unit *dt_doc_find(const dt_doc *doc, const char *eid)
{
	size_t k = hash_find(doc, eid);

	return k == SIZE_MAX ? NULL : doc->order[k];
}

static int visit(const dt_unit *u, unsigned depth, dt_unit_cb cb,
	void *payload)
{
	size_t i;

	for (i = 0; i < u->nchildren; i++) {
		int rc = cb(u->children[i], depth, payload);

		if (rc == 0) {
			rc = visit(u->children[i], depth + 1, cb, payload);
		}
		if (rc != 0) {
			return rc;
		}
	}
	return 0;
}

int dt_doc_foreach(const dt_doc *doc, dt_unit_cb cb, void *payload)
{
	return visit(&doc->root, 0, cb, payload);
}

dt_kind dt_unit_kind(const dt_unit *unit)
{
	return unit->kind;
}

const char *dt_unit_num(const dt_unit *unit)
{
	return unit->num;
}

long dt_unit_value(const dt_unit *unit)
{
	return unit->value;
}

const char *dt_unit_eid(const dt_unit *unit)
{
	return unit->eid;
}

const char *dt_unit_heading(const dt_unit *unit)
{
	return unit->heading;
}

const char *dt_unit_text(const dt_unit *unit)
{
	return unit->text;
}

const char *dt_unit_label(const dt_unit *unit)
{
	return unit->label;
}

size_t dt_unit_line(const dt_unit *unit)
{
	return unit->line;
}

size_t dt_unit_last_line(const dt_unit *unit)
{
	return unit->last_line;
}

size_t dt_unit_text_line(const dt_unit *unit, size_t offset)
{
	size_t line = unit->text_line, i;

	for (i = 0; i < offset && unit->text[i] != '\0'; i++) {
		line += unit->text[i] == '\n';
	}
	return line;
}

const dt_unit *dt_unit_parent(const dt_unit *unit)
{
	return unit->parent;
}

size_t dt_unit_child_count(const dt_unit *unit)
{
	return unit->nchildren;
}

const dt_unit *dt_unit_child_at(const dt_unit *unit, size_t i)
{
	return i < unit->nchildren ? unit->children[i] : NULL;
}

size_t dt_unit_implements_count(const dt_unit *unit)
{
	return unit->nimplements;
}

const char *dt_unit_implements_at(const dt_unit *unit, size_t i)
{
	return i < unit->nimplements ? unit->implements[i] : NULL;
}

size_t dt_unit_cell_count(const dt_unit *unit)
{
	return unit->ncells;
}

const char *dt_unit_cell_at(const dt_unit *unit, size_t i,
	const char **name_out)
{
	if (i >= unit->ncells) {
		if (name_out != NULL) {
			*name_out = NULL;
		}
		return NULL;
	}
	if (name_out != NULL) {
		*name_out = unit->cell_names[i];
	}
	return unit->cells[i];
}
