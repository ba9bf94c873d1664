/*
 * resolve_doc.c - which document a citation names (DOMAIN §4.4, §4.8).
 *
 * A name in the citation decides: a symbol by its matching key (case,
 * Đ/D, blanks, leading zeros folded by symbol.c), a number or "QĐ 31"
 * among the loaded directives of a compatible type, an alias the
 * document defined, a type word alone through what the same unit named
 * before.  The local document's own symbol, "này" and "настоящ…" make it
 * the document itself; the documents a loaded directive replaces make
 * it stale; anything else is external.  A citation without a name takes
 * the document named earlier in its unit, else the basis: the loaded
 * directive the metadata ("Căn cứ", "Thực hiện") names; when it names
 * several, the only one of them that has the cited units.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cite.h"

static void note(dt_cite_docres *r, const char *f, ...) DT_PRINTF(2, 3);

static void note(dt_cite_docres *r, const char *f, ...)
{
	va_list ap;

	va_start(ap, f);
	vsnprintf(r->note, sizeof(r->note), f, ap);
	va_end(ap);
}

static void set_res(dt_cite_docres *r, dt_cite_status st, int dir,
	const char *how)
{
	r->status = st;
	r->dir = dir;
	r->how = how;
	r->note[0] = '\0';
}

/* ## Types */

size_t dt__cite_type_row(const char *type)
{
	size_t idx;
	dt_span sp;

	if (type == NULL || type[0] == '\0' || dt__symbol_doctype_at(&idx,
		&sp, type, strlen(type), 0) <= 0) {
		return DT_CITE_NO_ROW;
	}
	return idx;
}

/* Upper case ASCII, Đ/đ as D: how type codes compare ("QĐ" = "QD"). */
static void fold_code(char *out, size_t cap, const char *s, size_t n)
{
	size_t k = 0, i;

	for (i = 0; i < n && k + 1 < cap; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0xC4 && i + 1 < n) {
			out[k++] = 'D';
			i++;
		} else {
			out[k++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
		}
	}
	out[k] = '\0';
}

static int ru_or_extra_row(size_t row)
{
	const char *name = dt__symbol_doctype_name(row);

	return name == NULL || (unsigned char)name[0] == 0xD0 ||
		(unsigned char)name[0] == 0xD1;
}

/* Does a name of type row `row` (or code `code`) fit a document of type
 * row `drow` and code `dcode`?  Translated type words do not decide
 * (DOMAIN §4.10: the same Nghị quyết is a Резолюция and a
 * Постановление), nor does a missing one. */
static int compatible(size_t row, const char *code, size_t drow,
	const char *dcode)
{
	const char *codes;
	char one[8];

	if (code[0] != '\0') {
		return dcode[0] != '\0' && strcmp(code, dcode) == 0;
	}
	if (row == DT_CITE_NO_ROW || row == drow || ru_or_extra_row(row)) {
		return 1;
	}
	for (codes = dt__symbol_doctype_codes(row); codes != NULL &&
		*codes != '\0';) {
		size_t n = strcspn(codes, " ");

		fold_code(one, sizeof(one), codes, n);
		if (dcode[0] != '\0' && strcmp(one, dcode) == 0) {
			return 1;
		}
		codes += n + (codes[n] == ' ');
	}
	return 0;
}

/* ## The context */

/* Parse a symbol as the metadata holds it into buf: "31-QĐ/TW", or a
 * Russian "12-П" that symbol.c reads only after "№". */
static int parse_symbol(dt_symbol *sym, char *buf, size_t cap,
	const char *symbol)
{
	int rc;

	if (symbol[0] == '\0' || strlen(symbol) + 5 > cap) {
		return 0;
	}
	snprintf(buf, cap, "%s", symbol);
	rc = dt__symbol_parse(sym, buf, strlen(buf));
	if (rc == 0) {
		snprintf(buf, cap, "№ %s", symbol);
		rc = dt__symbol_parse(sym, buf, strlen(buf));
	}
	return rc;
}

int dt__cite_symbol_key(char *out, size_t cap, const char *symbol)
{
	char buf[2 * DT_SYMBOL_KEY_MAX];
	dt_symbol sym;
	int rc = parse_symbol(&sym, buf, sizeof(buf), symbol);

	out[0] = '\0';
	return rc <= 0 ? rc : dt__symbol_key(out, cap, buf, &sym);
}

static void number_of(char *out, size_t cap, const char *number)
{
	while (number[0] == '0' && number[1] >= '0' && number[1] <= '9') {
		number++;
	}
	snprintf(out, cap, "%.15s", number);
}

static int dir_init(dt_cite_dir *d, const dt_doc *doc)
{
	const dt_meta *m = dt_doc_meta(doc);
	int rc;

	memset(d, 0, sizeof(*d));
	d->doc = doc;
	rc = dt__cite_symbol_key(d->key, sizeof(d->key), m->symbol);
	number_of(d->number, sizeof(d->number), m->number);
	d->row = dt__cite_type_row(m->type);
	fold_code(d->code, sizeof(d->code), m->type_code,
		strlen(m->type_code));
	d->name = m->symbol[0] != '\0' ? m->symbol : dt_doc_file(doc);
	d->tagged = doc->ntagged > 0; /* counted once, not per local doc */
	dt__cite_titles_init(d);
	return rc < 0 ? rc : 0;
}

/* The documents directive `dir` replaces. */
static int olds_add(dt_cite_ctx *ctx, size_t dir)
{
	const dt_meta *m = dt_doc_meta(ctx->dirs[dir].doc);
	size_t i;

	for (i = 0; i < m->replaces_count; i++) {
		const dt_docref *r = &m->replaces[i];
		char buf[2 * DT_SYMBOL_KEY_MAX];
		dt_cite_old *o;
		dt_symbol sym;
		void *p;

		if (parse_symbol(&sym, buf, sizeof(buf), r->symbol) <= 0) {
			continue;
		}
		p = dt__reallocarray(ctx->olds, ctx->nolds + 1, sizeof(*o));
		if (p == NULL) {
			return DT_ENOMEM;
		}
		ctx->olds = p;
		o = &ctx->olds[ctx->nolds++];
		memset(o, 0, sizeof(*o));
		if (dt__symbol_key(o->key, sizeof(o->key), buf, &sym) < 0) {
			ctx->nolds--;
			continue;
		}
		snprintf(o->number, sizeof(o->number), "%.*s",
			(int)(sym.number.end - sym.number.start),
			buf + sym.number.start);
		number_of(o->number, sizeof(o->number), o->number);
		fold_code(o->code, sizeof(o->code), buf + sym.type.start,
			sym.type.end - sym.type.start);
		o->row = dt__cite_type_row(r->type);
		o->dir = dir;
		o->symbol = r->symbol;
	}
	return 0;
}

/* The loaded directives the metadata basis names. */
static void basis_init(dt_cite_ctx *ctx)
{
	const dt_meta *m = dt_doc_meta(ctx->doc);
	char key[DT_SYMBOL_KEY_MAX];
	size_t i, k;

	for (i = 0; i < m->based_on_count; i++) {
		const char *sym = m->based_on[i].symbol;

		if (dt__cite_symbol_key(key, sizeof(key), sym) <= 0) {
			continue;
		}
		ctx->nbasis_docs++;
		for (k = 0; k < ctx->ndirs; k++) {
			if (strcmp(key, ctx->dirs[k].key) == 0) {
				ctx->basis[k] = 1;
			}
		}
	}
}

int dt__cite_ctx_init(dt_cite_ctx *ctx, const dt_doc *doc,
	const dt_doc *const *directives, size_t n, dt_error *err)
{
	const dt_meta *m = dt_doc_meta(doc);
	size_t i;
	int rc = 0;

	memset(ctx, 0, sizeof(*ctx));
	ctx->doc = doc;
	ctx->dirs = dt__calloc(n + 1, sizeof(*ctx->dirs));
	ctx->basis = dt__calloc(n + 1, 1);
	if (ctx->dirs == NULL || ctx->basis == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	ctx->ndirs = n;
	for (i = 0; rc == 0 && i < n; i++) {
		rc = dir_init(&ctx->dirs[i], directives[i]);
		if (rc == 0) {
			rc = olds_add(ctx, i);
		}
	}
	if (rc == 0) {
		rc = dt__cite_symbol_key(ctx->self_key, sizeof(ctx->self_key),
			m->symbol);
	}
	if (rc < 0) {
		return dt__fail(err, rc, 0, 0, "%s", dt_strerror(rc));
	}
	number_of(ctx->self_number, sizeof(ctx->self_number), m->number);
	fold_code(ctx->self_code, sizeof(ctx->self_code), m->type_code,
		strlen(m->type_code));
	ctx->self_row = dt__cite_type_row(m->type);
	basis_init(ctx);
	return 0;
}

void dt__cite_ctx_dispose(dt_cite_ctx *ctx)
{
	dt__free(ctx->dirs);
	dt__free(ctx->olds);
	dt__free(ctx->basis);
	dt__free(ctx->aliases);
	dt__free(ctx->hist);
	memset(ctx, 0, sizeof(*ctx));
}

/* ## Names */

static void by_key(const dt_cite_ctx *ctx, const char *key,
	dt_cite_docres *r)
{
	size_t i;

	if (ctx->self_key[0] != '\0' && strcmp(key, ctx->self_key) == 0) {
		set_res(r, DT_CITE_SELF, -1, "symbol");
		note(r, "its own symbol");
		return;
	}
	for (i = 0; i < ctx->ndirs; i++) {
		if (ctx->dirs[i].key[0] != '\0' &&
			strcmp(key, ctx->dirs[i].key) == 0) {
			set_res(r, DT_CITE_DOCUMENT, (int)i, "symbol");
			return;
		}
	}
	for (i = 0; i < ctx->nolds; i++) {
		if (strcmp(key, ctx->olds[i].key) == 0) {
			set_res(r, DT_CITE_STALE, (int)ctx->olds[i].dir,
				"symbol");
			note(r, "%s is replaced by %s", ctx->olds[i].symbol,
				ctx->dirs[ctx->olds[i].dir].name);
			return;
		}
	}
	set_res(r, DT_CITE_EXTERNAL, -1, "symbol");
	note(r, "not a loaded directive");
}

/* "Quy định 31", "QĐ 31": a number among documents of a fitting type. */
static void by_number(const dt_cite_ctx *ctx, const dt_cite_ref *ref,
	dt_cite_docres *r)
{
	size_t i, hits = 0, hit = 0;

	for (i = 0; i < ctx->ndirs; i++) {
		const dt_cite_dir *d = &ctx->dirs[i];

		if (strcmp(d->number, ref->key) == 0 &&
			compatible(ref->row, ref->code, d->row, d->code)) {
			hit = i;
			hits++;
		}
	}
	if (hits == 1) {
		set_res(r, DT_CITE_DOCUMENT, (int)hit, "number");
		return;
	}
	if (hits > 1) {
		set_res(r, DT_CITE_AMBIGUOUS, -1, "number");
		note(r, "number %s fits several loaded directives", ref->key);
		return;
	}
	for (i = 0; i < ctx->nolds; i++) {
		const dt_cite_old *o = &ctx->olds[i];

		if (strcmp(o->number, ref->key) == 0 &&
			compatible(ref->row, ref->code, o->row, o->code)) {
			set_res(r, DT_CITE_STALE, (int)o->dir, "number");
			note(r, "%s is replaced by %s", o->symbol,
				ctx->dirs[o->dir].name);
			return;
		}
	}
	if (strcmp(ctx->self_number, ref->key) == 0 && compatible(ref->row,
		ref->code, ctx->self_row, ctx->self_code)) {
		set_res(r, DT_CITE_SELF, -1, "number");
		note(r, "its own number");
		return;
	}
	set_res(r, DT_CITE_EXTERNAL, -1, "number");
	note(r, "no loaded directive has number %s", ref->key);
}

/* The alias a name uses: the same type word, adjectives ("областного
 * Положения" for "областное Положение") and number or title; a type
 * word alone matches an alias of words after it ("Chỉ thị tuyên
 * truyền") when s continues with them at `after`, else a bare alias. */
static const dt_cite_alias *alias_find(const dt_cite_ctx *ctx,
	const dt_cite_ref *ref, const char *s)
{
	const dt_cite_alias *bare = NULL;
	size_t i, after = ref->type.end;

	while (s != NULL && (s[after] == ' ' || s[after] == '\n')) {
		after++;
	}
	for (i = ctx->naliases; i-- > 0;) {
		const dt_cite_alias *a = &ctx->aliases[i];
		size_t n = strlen(a->key);

		if (a->row != ref->row || strcmp(a->qual, ref->qual) != 0) {
			continue;
		}
		if (ref->kind != DT_REF_BARE && strcmp(a->key, ref->key) == 0) {
			return a;
		}
		if (ref->kind == DT_REF_BARE && n > 0 && s != NULL &&
			strncmp(s + after, a->key, n) == 0) {
			return a;
		}
		if (ref->kind == DT_REF_BARE && n == 0 && bare == NULL) {
			bare = a;
		}
	}
	return bare;
}

/* A titled document ("Điều lệ Đảng"): a loaded directive without a
 * symbol and of the same type (the Charter), else another document. */
static void by_title(const dt_cite_ctx *ctx, const dt_cite_ref *ref,
	dt_cite_docres *r)
{
	size_t i;

	for (i = 0; i < ctx->ndirs; i++) {
		if (ctx->dirs[i].key[0] == '\0' &&
			ctx->dirs[i].row == ref->row &&
			ref->row != DT_CITE_NO_ROW) {
			set_res(r, DT_CITE_DOCUMENT, (int)i, "title");
			return;
		}
	}
	set_res(r, DT_CITE_EXTERNAL, -1, "title");
	note(r, "not a loaded directive");
}

/* "Типового положения", "нового Положения" without an alias: what the
 * unit named before with the same adjectives and type word, else some
 * other document (not the basis, nor the document itself). */
static void by_qualified(dt_cite_ctx *ctx, const dt_cite_ref *ref,
	dt_cite_docres *r)
{
	size_t i;

	for (i = ctx->nhist; i-- > 0;) {
		if (ctx->hist[i].row == ref->row &&
			strcmp(ctx->hist[i].qual, ref->qual) == 0) {
			*r = ctx->hist[i].res;
			r->how = "earlier";
			return;
		}
	}
	set_res(r, DT_CITE_EXTERNAL, -1, "type");
	note(r, "an adjective and a type word that no alias defines");
}

/* "của Quy định", "Положения": what the unit named before with that
 * type word, else the directive the document named before by that type
 * word and its title (resolve_title.c), else the document itself when
 * that is its type, else the basis directive of that type. */
static void by_type(dt_cite_ctx *ctx, const dt_cite_ref *ref,
	const char *s, dt_cite_docres *r)
{
	size_t i, hits = 0, hit = 0;
	int titled;

	if (ref->qual[0] != '\0') {
		by_qualified(ctx, ref, r);
		return;
	}
	for (i = ctx->nhist; i-- > 0;) {
		if (ctx->hist[i].row == ref->row) {
			*r = ctx->hist[i].res;
			r->how = "earlier";
			return;
		}
	}
	titled = dt__cite_titled(ctx, ref, s);
	if (titled >= 0) {
		set_res(r, DT_CITE_DOCUMENT, titled, "title");
		return;
	}
	if (ref->row == ctx->self_row) {
		set_res(r, DT_CITE_SELF, -1, "type");
		note(r, "the type of the document itself");
		return;
	}
	for (i = 0; i < ctx->ndirs; i++) {
		if (ctx->basis[i] && compatible(ref->row, "", ctx->dirs[i].row,
			ctx->dirs[i].code)) {
			hit = i;
			hits++;
		}
	}
	if (hits == 1) {
		set_res(r, DT_CITE_DOCUMENT, (int)hit, "basis");
		return;
	}
	set_res(r, DT_CITE_EXTERNAL, -1, "type");
	note(r, "a type word that names no loaded directive");
}

void dt__cite_resolve_ref(dt_cite_ctx *ctx, const dt_cite_ref *ref,
	const char *s, dt_cite_docres *out)
{
	const dt_cite_alias *a = NULL;

	set_res(out, DT_CITE_EXTERNAL, -1, "none");
	if (ref->kind == DT_REF_NUMBER || ref->kind == DT_REF_TITLE ||
		ref->kind == DT_REF_BARE) {
		a = alias_find(ctx, ref, s);
	}
	if (a != NULL) {
		*out = a->res;
		out->how = "alias";
		return;
	}
	switch (ref->kind) {
	case DT_REF_SYMBOL:
		by_key(ctx, ref->key, out);
		break;
	case DT_REF_NUMBER:
	case DT_REF_CODE:
		by_number(ctx, ref, out);
		break;
	case DT_REF_TITLE:
		by_title(ctx, ref, out);
		break;
	case DT_REF_BARE:
		by_type(ctx, ref, s, out);
		break;
	case DT_REF_SELF:
		set_res(out, DT_CITE_SELF, -1, "self");
		note(out, "%s", ref->why ? ref->why : "self");
		break;
	default:
		break;
	}
}

int dt__cite_note_name(dt_cite_ctx *ctx, const dt_cite_ref *ref,
	const dt_cite_docres *res)
{
	dt_cite_named *h;

	if (ctx->nhist == ctx->histcap) {
		size_t cap = ctx->histcap ? 2 * ctx->histcap : 16;
		void *p = dt__reallocarray(ctx->hist, cap, sizeof(*h));

		if (p == NULL) {
			return DT_ENOMEM;
		}
		ctx->hist = p;
		ctx->histcap = cap;
	}
	h = &ctx->hist[ctx->nhist++];
	h->type_start = ref->type.end > ref->type.start ? ref->type.start :
		ref->all.start;
	h->row = ref->row;
	memcpy(h->qual, ref->qual, sizeof(h->qual));
	h->res = *res;
	return 0;
}

/* ## Aliases */

static int alias_add(dt_cite_ctx *ctx, const dt_cite_ref *ref,
	const dt_cite_docres *res)
{
	dt_cite_alias *a;

	if (ctx->naliases == ctx->aliascap) {
		size_t cap = ctx->aliascap ? 2 * ctx->aliascap : 8;
		void *p = dt__reallocarray(ctx->aliases, cap, sizeof(*a));

		if (p == NULL) {
			return DT_ENOMEM;
		}
		ctx->aliases = p;
		ctx->aliascap = cap;
	}
	a = &ctx->aliases[ctx->naliases++];
	a->row = ref->row;
	snprintf(a->key, sizeof(a->key), "%s", ref->key);
	memcpy(a->qual, ref->qual, sizeof(a->qual));
	a->res = *res;
	return 0;
}

/* The last type word of row `row` in s[from..to), or to when none. */
static size_t last_type_word(const char *s, size_t from, size_t to,
	size_t row, size_t *end)
{
	size_t idx, found = to;
	dt_span sp;

	while (dt__symbol_doctype_find(&idx, &sp, s, to, from) > 0) {
		if (idx == row) {
			found = sp.start;
			*end = sp.end;
		}
		from = sp.end;
	}
	return found;
}

/* What an alias defined at raw->all names.  "Quy định số 31-QĐ/TW …
 * (sau đây gọi tắt là Quy định 31)": the name with the alias's type
 * word.  "Положением о …, утвержденным постановлением … № 12-П (далее —
 * Положение)": a type word without a symbol is identified by the act
 * that approves it.  "прилагаемый План … (далее — План)": a document
 * the text itself issues or attaches is the document itself. */
static int alias_referent(dt_cite_ctx *ctx, const dt_cite_raw *raw,
	const char *s, size_t text_start, dt_cite_docres *res)
{
	size_t at = raw->all.start, from, w, wend = 0, i, ov[2];
	int rc;

	from = at > text_start + 300 ? at - 300 : text_start;
	while (from > text_start && ((unsigned char)s[from] & 0xC0) == 0x80) {
		from--;
	}
	w = last_type_word(s, from, at, raw->ref.row, &wend);
	if (w == at) {
		if (ctx->nhist == 0) {
			return 0;
		}
		*res = ctx->hist[ctx->nhist - 1].res;
		return 1;
	}
	for (i = 0; i < ctx->nhist; i++) {
		if (ctx->hist[i].type_start == w) {
			*res = ctx->hist[i].res;
			return 1;
		}
	}
	rc = dt__re_match(dt__cite_re(DT_CG_ALL, DT_CRE_APPROVE), s, at, wend,
		ov, 1);
	for (i = 0; rc > 0 && i < ctx->nhist; i++) {
		if (ctx->hist[i].type_start >= ov[1]) {
			*res = ctx->hist[i].res;
			return 1;
		}
	}
	set_res(res, DT_CITE_SELF, -1, "alias");
	note(res, "an alias of a document the text itself issues");
	return rc < 0 ? rc : 1;
}

int dt__cite_define_alias(dt_cite_ctx *ctx, const dt_cite_raw *raw,
	const char *s, size_t text_start)
{
	dt_cite_docres res;
	int rc;

	if (raw->ref.row == DT_CITE_NO_ROW || (raw->ref.kind !=
		DT_REF_NUMBER && raw->ref.kind != DT_REF_BARE &&
		raw->ref.kind != DT_REF_TITLE)) {
		return 0; /* a symbol names its document by itself */
	}
	rc = alias_referent(ctx, raw, s, text_start, &res);
	if (rc <= 0) {
		return rc;
	}
	return alias_add(ctx, &raw->ref, &res);
}

/* ## The basis */

void dt__cite_basis(dt_cite_ctx *ctx, const unsigned char *fits,
	dt_cite_docres *out)
{
	size_t i, n = 0, hit = 0, nfit = 0, fit = 0;

	for (i = 0; i < ctx->ndirs; i++) {
		if (ctx->basis[i]) {
			hit = i;
			n++;
			if (fits != NULL && fits[i]) {
				fit = i;
				nfit++;
			}
		}
	}
	/* a basis of one document decides (a missing unit is broken); of
	 * several, only the one that has the units (it may be one not
	 * loaded: then no loaded one has them) */
	if ((n == 1 && ctx->nbasis_docs <= 1) || nfit == 1) {
		set_res(out, DT_CITE_DOCUMENT, (int)(nfit == 1 ? fit : hit),
			"basis");
		return;
	}
	set_res(out, DT_CITE_AMBIGUOUS, -1, "basis");
	if (n == 0) {
		note(out, "no document named, and no loaded directive in its "
			"basis");
	} else {
		note(out, "no document named, and %zu of the loaded directives "
			"its basis names hold such units", nfit);
	}
}
