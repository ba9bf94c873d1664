/*
 * meta_body.c - the documents a body's text names: the preamble's
 * "Căn cứ …" / "Thực hiện …" / "В соответствии с …" lines name its
 * parents (based_on), and supersession sentences ("thay thế …", "bãi bỏ
 * …", "… hết hiệu lực", "признать утратившим силу …") the documents it
 * replaces.  Each document is recorded once per list.
 */
#include <string.h>

#include "meta_internal.h"

#define REFS_MAX 256        /* references kept per list */
#define FOLLOW_MAX 50       /* list items after "…утратившими силу:" */

/* ## Recording mentions */

/* Original line of byte `off` of block text `t`. */
static size_t line_of(const dt_block *b, const char *t, size_t off)
{
	size_t line = b->line, i;

	for (i = 0; i < off; i++) {
		line += t[i] == '\n';
	}
	return line;
}

/* Is the document with this key and date already in the list?  A full
 * list counts as knowing everything. */
static int ref_known(const dt_doc *doc, int replaces, const char *key,
	const char *iso)
{
	const dt_docref *v = replaces ? doc->replaces : doc->based_on;
	size_t n = replaces ? doc->meta.replaces_count :
		doc->meta.based_on_count, i;
	char k[DT_SYMBOL_KEY_MAX];

	if (n >= REFS_MAX) {
		return 1;
	}
	for (i = 0; i < n; i++) {
		int rc = dt__symbol_key_str(k, sizeof(k), v[i].symbol,
			strlen(v[i].symbol));

		/* one symbol names two documents in two terms: the dates
		 * tell them apart when both are known */
		if (rc > 0 && strcmp(k, key) == 0 && (iso[0] == '\0' ||
			v[i].date[0] == '\0' || strcmp(iso, v[i].date) == 0)) {
			return 1;
		}
	}
	return 0;
}

/* Record mention `m` of block `b` (text t) as a reference. */
static int add_mention(dt_meta_body *c, int replaces, const dt_block *b,
	const char *t, const dt_mention *m)
{
	char key[DT_SYMBOL_KEY_MAX], iso[DT_DATE_ISO_SIZE] = "";
	char type[128], sym[DT_SYMBOL_KEY_MAX];
	size_t i;
	int rc = dt__symbol_key(key, sizeof(key), t, &m->symbol);

	if (rc <= 0 || (replaces && strcmp(key, c->own) == 0)) {
		return 0; /* an overlong symbol, or the document itself */
	}
	if (m->has_date) {
		dt__date_iso(iso, &m->date);
	}
	if (ref_known(c->doc, replaces, key, iso)) {
		return 0;
	}
	dt__meta_copy_flat(type, sizeof(type), t, m->type);
	dt__meta_copy_flat(sym, sizeof(sym), t, m->symbol.all);
	dt__meta_buf_cut(&c->text, 0);
	rc = dt__buf_append(&c->text, t + m->all.start,
		m->all.end - m->all.start);
	for (i = 0; rc == 0 && i < c->text.len; i++) {
		c->text.data[i] = c->text.data[i] == '\n' ? ' ' :
			c->text.data[i];
	}
	return rc < 0 ? rc : dt__doc_add_ref(c->doc, replaces, c->text.data,
		type, sym, iso, line_of(b, t, m->all.start));
}

/* Record `first` (when not NULL) and every mention after it in
 * t[from..to), where `from` is first's end when first is given. */
static int mentions(dt_meta_body *c, int replaces, const dt_block *b,
	size_t len, const dt_mention *first, size_t from, size_t to)
{
	const char *t = b->text;
	dt_mention m, prev;
	int rc = 1;

	if (first != NULL) {
		m = *first;
	} else {
		rc = dt__symbol_mention_find(&m, t, len, from, to, NULL);
	}
	while (rc > 0) {
		rc = add_mention(c, replaces, b, t, &m);
		prev = m;
		if (rc == 0) {
			rc = dt__symbol_mention_find(&m, t, len, prev.all.end,
				to, &prev);
		}
	}
	return rc;
}

/* ## Preamble */

/* Preamble lines between the header and the first numbered unit: each
 * document they name is a parent.  *end: where the preamble zone ends. */
int dt__meta_preamble(dt_meta_body *c, size_t from, size_t *end)
{
	const dt_blocks *bl = c->bl;
	size_t i;
	int rc = 0;

	for (i = from; rc >= 0 && i < bl->n; i++) {
		const dt_block *b = &bl->v[i];
		size_t len = b->text ? strlen(b->text) : 0;

		if (c->used[i] || b->kind == DT_BLOCK_BREAK || len == 0) {
			continue;
		}
		if (b->kind == DT_BLOCK_ROW) {
			break;
		}
		rc = dt__meta_numbered(b->text, len);
		rc = rc == 0 ? dt__meta_end_text(b->text, len) : rc;
		if (rc != 0) {
			break;
		}
		rc = dt__meta_at(RE_PREAMBLE, b->text, len, 0, NULL);
		if (rc > 0) {
			rc = mentions(c, 0, b, len, NULL, 0, len);
		}
	}
	*end = i;
	return rc < 0 ? rc : 0;
}

/* ## Supersession */

/* End of the sentence starting at `ss`: after a '.' followed by a blank
 * and a capital ("г. №" does not end one), or the end of the text. */
static size_t sentence_end(const char *t, size_t ss, size_t len)
{
	size_t i, k;

	for (i = ss; i + 1 < len; i++) {
		if (t[i] != '.' || !dt__meta_is_blank(t[i + 1])) {
			continue;
		}
		for (k = i + 1; k < len && dt__meta_is_blank(t[k]); k++) {
		}
		if (k < len && dt__meta_at(RE_UPPER, t, len, k, NULL) > 0) {
			return k;
		}
	}
	return len;
}

/* "bị"/"được" right before the verb: a passive, the object precedes. */
static int passive(const char *t, size_t ss, size_t v)
{
	static const char *const aux[] = { "bị", "được", "Bị", "Được" };
	size_t i;

	while (v > ss && dt__meta_is_blank(t[v - 1])) {
		v--;
	}
	for (i = 0; i < sizeof(aux) / sizeof(aux[0]); i++) {
		size_t n = strlen(aux[i]);

		if (v - ss >= n && memcmp(t + v - n, aux[i], n) == 0 &&
			(v - n == ss || dt__meta_is_blank(t[v - n - 1]))) {
			return 1; /* a syllable of its own */
		}
	}
	return 0;
}

/* List items after "Признать утратившими силу:" name the documents. */
static int follow_items(dt_meta_body *c, size_t j)
{
	const dt_blocks *bl = c->bl;
	size_t stop = j + FOLLOW_MAX;
	int rc = 0;

	for (; rc >= 0 && j < bl->n && j < stop; j++) {
		const dt_block *b = &bl->v[j];

		if (c->used[j] || b->kind != DT_BLOCK_ITEM || !b->text) {
			break;
		}
		size_t len = strlen(b->text);

		rc = mentions(c, 1, b, len, NULL, 0, len);
	}
	return rc < 0 ? rc : 0;
}

/* The last mention in t[ss..v) if nothing but words without a ',' or
 * ';' separates it from v: the subject of "… hết hiệu lực". */
static int subject_before(dt_meta_body *c, const dt_block *b, size_t len,
	size_t ss, size_t v)
{
	const char *t = b->text;
	size_t k;
	dt_mention m, last;
	int have = 0, rc = dt__symbol_mention_find(&m, t, len, ss, v, NULL);

	while (rc > 0) {
		last = m;
		have = 1;
		rc = dt__symbol_mention_find(&m, t, len, last.all.end, v,
			&last);
	}
	for (k = have ? last.all.end : v; k < v; k++) {
		if (t[k] == ',' || t[k] == ';') {
			return rc;
		}
	}
	return rc < 0 || !have ? rc : add_mention(c, 1, b, t, &last);
}

/* A document named by its title right at g ("Положение о …,
 * утвержденное постановлением … № 45-П"): it is known by the symbol of
 * the act that approved it, the mention that follows in the sentence. */
static int titled_object(const char *t, size_t g, size_t se)
{
	size_t idx;
	dt_span ty;
	int rc = dt__symbol_doctype_find(&idx, &ty, t, se, g);

	return rc > 0 && ty.start == g;
}

/* The objects after the verb: a mention right after it (past "các",
 * "khoản 2 Điều 5 của"), and those that follow in the sentence. */
static int objects_after(dt_meta_body *c, const dt_block *b, size_t len,
	size_t v, size_t se)
{
	const char *t = b->text;
	size_t g = v;
	dt_mention m;
	int rc = dt__meta_at(RE_GAP, t, se, v, &g);

	if (rc >= 0) {
		rc = dt__symbol_mention_find(&m, t, len, g, se, NULL);
	}
	if (rc <= 0 || (m.all.start != g && !titled_object(t, g, se))) {
		return rc < 0 ? rc : 0;
	}
	rc = mentions(c, 1, b, len, &m, 0, se);
	return rc < 0 ? rc : 1;
}

/* The documents named on the verb's side of sentence t[ss..se). */
static int sentence_refs(dt_meta_body *c, size_t i, size_t len,
	const size_t *ov, size_t ss, size_t se)
{
	const dt_block *b = &c->bl->v[i];
	size_t k = 1;
	int side, rc = 0, found = 0;

	while (ov[2 * k] == SIZE_MAX) {
		k++;
	}
	side = dt__meta_verb_sides[k - 1];
	if (side == SIDE_AFTER && passive(b->text, ss, ov[0])) {
		side = SIDE_BEFORE;
	}
	if (side & SIDE_BEFORE) {
		rc = subject_before(c, b, len, ss, ov[0]);
	}
	if (rc >= 0 && (side & SIDE_AFTER)) {
		rc = found = objects_after(c, b, len, ov[1], se);
	}
	while (rc >= 0 && se > ss && dt__meta_is_blank(b->text[se - 1])) {
		se--;
	}
	if (rc >= 0 && !found && (side & SIDE_AFTER) && se == len && se > ss &&
		b->text[se - 1] == ':') {
		rc = follow_items(c, i + 1);
	}
	return rc < 0 ? rc : 0;
}

/* May a sentence of t[0..len) hold a supersession verb?  No verb in the
 * whole text means none in any sentence: a verb found in a sentence is
 * found in the whole text too (it holds no '.', and it ends in a letter,
 * so never right at a sentence's end but the text's).  One search per
 * block instead of one per sentence, and no sentence split, for the
 * blocks (nearly all) without a verb; 1 also when the search hit a
 * limit, so that the sentences decide as before.  A byte scan for the
 * letters every verb holds skips the search on most blocks first. */
static int maybe_verb(const char *t, size_t len)
{
	size_t ov[2];

	return dt__meta_verb_marks(t, len) &&
		dt__meta_run(RE_VERB, t, len, 0, ov, 1) != 0;
}

int dt__meta_supersession(dt_meta_body *c, size_t from, size_t pre_end)
{
	const dt_blocks *bl = c->bl;
	size_t i, ov[2 * 8];
	int rc = 0;

	for (i = from; rc >= 0 && i < bl->n; i++) {
		const dt_block *b = &bl->v[i];
		size_t len = b->text ? strlen(b->text) : 0, ss = 0, se;

		if (c->used[i] || b->kind == DT_BLOCK_ROW || len == 0) {
			continue;
		}
		if (i < pre_end &&
			dt__meta_at(RE_PREAMBLE, b->text, len, 0, NULL)) {
			continue;
		}
		if (!maybe_verb(b->text, len)) {
			continue;
		}
		for (; rc >= 0 && ss < len; ss = se) {
			se = sentence_end(b->text, ss, len);
			rc = dt__meta_run(RE_VERB, b->text, se, ss, ov, 8);
			if (rc > 0) {
				rc = sentence_refs(c, i, len, ov, ss, se);
			}
		}
	}
	return rc < 0 ? rc : 0;
}
