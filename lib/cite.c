/*
 * cite.c - the citation scanner: text in, abstract citations out.
 *
 * One PCRE2 pattern per language finds where a citation may start (a
 * level word before a label, a document word before a symbol, "QĐ 31",
 * an alias definition).  From there a hand-written token loop parses the
 * chain inside a window of DT_CITE_WINDOW bytes, asking small anchored
 * patterns what stands at a position: a level word, a small word (",",
 * "và", "đến", "của"), a document reference.  Labels are read by hand
 * (cite_label.c), document references by cite_ref.c.
 * The scan resumes after what was parsed, so every byte is looked at a
 * bounded number of times: linear time however the text repeats
 * ("khoản khoản khoản …" never forms a candidate; "khoản 1, khoản 1, …"
 * is cut into window-sized chains).
 */
#include <stdio.h>
#include <string.h>

#include "cite_scan.h"

/* ## Chains of unit groups */

/* Group 1 of DT_CRE_SELF: "настоящей"; group 3: "указанной". */
#define PREFIX_SELF 1
#define PREFIX_ANAPHOR 3

typedef struct {
	scan sc;
	dt_cite_raw *raw;
	int seg;     /* ';' segments so far */
	int paren;   /* "(" opened inside the chain and not closed */
	int direct;  /* the next group follows the last one with nothing
	              * but blanks or "của" between: it may be an anaphor */
} chain;

static int add_label(chain *c, const dt_label *lb)
{
	dt_cite_raw *r = c->raw;
	dt_cite_label *l;

	if (r->nlabels == DT_CITE_MAX_LABELS) {
		return 0;
	}
	l = &r->labels[r->nlabels++];
	l->lo = lb->core;
	l->hi.start = l->hi.end = lb->core.end;
	r->groups[r->ngroups - 1].count++;
	if (lb->type == LB_DOTTED) {
		r->groups[r->ngroups - 1].decimal = 1;
	}
	return 1;
}

/* May a list go on after a label that ends at p?  Only before what a
 * chain is made of, or the end of a table cell ("| ст. 10, 12 |"), so
 * that "tại Điều 5, 20 chi bộ …" keeps 20 out. */
static int follower_ok(const scan *sc, size_t p)
{
	size_t q = skip_ws(sc, p), e, row, n, g = 0;
	dt_cite_word w;
	uint32_t c;

	if (q >= sc->end) {
		return 1;
	}
	c = cp_at(sc, q, &n);
	if ((c < 0x80 && strchr(",;.:)]!?\"'(|", (int)c) != NULL) ||
		is_close_quote(c)) {
		return 1;
	}
	/* "đó" after a label is "that" ("Điều 5, 20 đó là …"), no unit */
	w = word_at(sc, q, &e);
	if ((w != 0 && w != DT_CW_ANAPHOR) || level_at(sc, q, &e) != NULL ||
		dt__cite_type_at(sc, q, &row, &e) > 0) {
		return 1;
	}
	/* "настоящей", "указанной статьи"; not "20 этих человек" */
	return re_at(sc, DT_CRE_SELF, q, &e, &g) > 0 &&
		(g != PREFIX_ANAPHOR || level_at(sc, e, &n) != NULL ||
		dt__cite_type_at(sc, e, &row, &n) > 0);
}

/* After the last label of a range or list: "đến khoản 3", "–9". */
static int range_end(chain *c, dt_kind kind, dt_label_type t, size_t p,
	dt_label *out)
{
	const scan *sc = &c->sc;
	const dt_cite_level *lv;
	size_t q = skip_ws(sc, p), e;

	lv = level_at(sc, q, &e);
	if (lv != NULL) {
		if (lv->kind != kind && !(kind == DT_KIND_POINT &&
			lv->kind == DT_KIND_CLAUSE)) {
			return 0;
		}
		q = skip_ws(sc, e);
	}
	return dt__cite_label_at(sc, q, out) && out->type != LB_SELF &&
		dt__cite_same_type(t, out->type);
}

/* The labels after a level word: "1", "1, 2 và 3", "1 đến 3", "5–9".
 * Returns where they end. */
static size_t label_list(chain *c, dt_kind kind, const dt_label *first)
{
	const scan *sc = &c->sc;
	dt_cite_raw *r = c->raw;
	dt_label_type t = first->type;
	size_t end = first->end, q, e;
	dt_label nx;

	add_label(c, first);
	for (;;) {
		dt_cite_word w;

		q = skip_ws(sc, end);
		w = word_at(sc, q, &e);
		if (w == DT_CW_RANGE && range_end(c, kind, t, e, &nx)) {
			r->labels[r->nlabels - 1].hi = nx.core;
			end = nx.end;
			continue;
		}
		if (w != DT_CW_LIST) {
			break;
		}
		q = skip_ws(sc, e);
		if (level_at(sc, q, &e) != NULL ||
			!dt__cite_label_at(sc, q, &nx) || nx.type == LB_SELF ||
			!dt__cite_same_type(t, nx.type) ||
			!follower_ok(sc, nx.end) || !add_label(c, &nx)) {
			break;
		}
		end = nx.end;
	}
	return end;
}

/* A self or anaphoric prefix at p ("настоящей ", "указанной "): its
 * group number, its end in *end; 0 when none.  An anaphor counts only
 * right after a smaller unit ("частью 3 указанной статьи"): "указанной
 * статьей" alone is left alone. */
static size_t prefix_at(const chain *c, size_t p, size_t *end)
{
	const scan *sc = &c->sc;
	size_t which = 0;

	/* the prefixes are Cyrillic or "this" */
	if (((unsigned char)ch(sc, p) < 0xD0 && (ch(sc, p) | 0x20) != 't') ||
		re_at(sc, DT_CRE_SELF, p, end, &which) <= 0) {
		return 0;
	}
	return which == PREFIX_SELF || (which == PREFIX_ANAPHOR && c->direct) ?
		which : 0;
}

/* A group at p: a level word and its labels ("khoản 1, 2"), a level
 * word and "này" or "đó", or a self or anaphoric prefix and a level
 * word ("настоящей статьи", "указанной статьи").  Returns its end, or
 * 0. */
static size_t group_at(chain *c, size_t p)
{
	const scan *sc = &c->sc;
	dt_cite_raw *r = c->raw;
	const dt_cite_level *lv;
	dt_cite_group *g;
	size_t e, q = p, prefix;
	dt_label lb;

	memset(&lb, 0, sizeof(lb));
	if (r->ngroups == DT_CITE_MAX_GROUPS) {
		return 0;
	}
	prefix = prefix_at(c, p, &e);
	q = prefix ? e : p;
	lv = level_at(sc, q, &e);
	if (lv == NULL || (!prefix &&
		(!dt__cite_label_at(sc, skip_ws(sc, e), &lb) ||
		!dt__cite_label_fits(lv->kind, lb.type) ||
		(lb.type == LB_ANAPHOR && !c->direct)))) {
		return 0;
	}
	g = &r->groups[r->ngroups++];
	memset(g, 0, sizeof(*g));
	g->kind = lv->kind;
	g->seg = c->seg;
	g->word.start = q;
	g->word.end = e;
	g->first = r->nlabels;
	g->parent = -1;
	if (prefix == PREFIX_ANAPHOR || lb.type == LB_ANAPHOR) {
		g->anaphor = 1;
		return prefix ? e : lb.end;
	}
	if (prefix || lb.type == LB_SELF) {
		g->self = 1;
		return prefix ? e : lb.end;
	}
	if (lb.type == LB_LETTER && g->kind == DT_KIND_CLAUSE) {
		g->kind = DT_KIND_POINT; /* "пп. «а»", "п. «б»" */
	}
	return label_list(c, lv->kind, &lb);
}

/* "Article 5(2)(a)": labels in parentheses right after a label name
 * the next smaller units. */
static size_t sublabels(chain *c, size_t end)
{
	const scan *sc = &c->sc;
	dt_cite_raw *r = c->raw;
	dt_label lb;

	while (r->ngroups < DT_CITE_MAX_GROUPS &&
		dt__cite_paren_label(sc, end, &lb)) {
		const dt_cite_group *prev = &r->groups[r->ngroups - 1];
		dt_cite_group *g = &r->groups[r->ngroups];

		if (prev->self || prev->kind >= DT_KIND_POINT) {
			break;
		}
		memset(g, 0, sizeof(*g));
		g->kind = prev->kind < DT_KIND_ARTICLE ? DT_KIND_ARTICLE :
			(dt_kind)(prev->kind + 1);
		g->seg = c->seg;
		g->word.start = g->word.end = end;
		g->span.start = end;
		g->span.end = lb.end;
		g->first = r->nlabels;
		g->parent = -1;
		r->ngroups++;
		if (!add_label(c, &lb)) {
			r->ngroups--;
			break;
		}
		end = lb.end;
	}
	return end;
}

/* "mục 3.2. (Khoản 2)": after a decimal item, a clause tag in
 * parentheses is the Charter clause the item implements, not a unit of
 * the cited text: drop it (DOMAIN §2.3, §4.7). */
static void drop_tag(chain *c)
{
	dt_cite_raw *r = c->raw;
	const dt_cite_group *g = &r->groups[r->ngroups - 1];

	if (r->ngroups >= 2 && r->groups[r->ngroups - 2].decimal &&
		!g->decimal && (g->kind == DT_KIND_CLAUSE ||
		g->kind == DT_KIND_POINT)) {
		r->nlabels = g->first;
		r->ngroups--;
	}
}

/* What joins the group that ends at `end` to the next one: blanks, a
 * list word, ';', "(", "của", then "các"/"từ".  Returns where the next
 * group may start; *sep and *open say what was crossed. */
static size_t joint(chain *c, size_t end, int *sep, int *open,
	size_t *lead)
{
	const scan *sc = &c->sc;
	size_t q = skip_ws(sc, end), e;
	dt_cite_word w = word_at(sc, q, &e);

	*sep = *open = 0;
	c->direct = w == 0 || w == DT_CW_OF;
	if (w == DT_CW_LIST || w == DT_CW_SEP || w == DT_CW_OF) {
		*sep = w == DT_CW_SEP;
		q = skip_ws(sc, e);
	} else if (ch(sc, q) == '(') {
		*open = 1;
		c->direct = 0;
		q = skip_ws(sc, q + 1);
	}
	*lead = q;
	for (w = word_at(sc, q, &e); w == DT_CW_PLURAL || w == DT_CW_FROM;
		w = word_at(sc, q, &e)) {
		c->direct = 0;
		q = skip_ws(sc, e);
	}
	return q;
}

static void set_span(chain *c, size_t start, size_t end)
{
	dt_cite_group *g = &c->raw->groups[c->raw->ngroups - 1];

	g->span.start = start;
	g->span.end = end;
}

/* The chain of groups starting at p0; returns its end, 0 for none. */
static size_t chain_at(chain *c, size_t p0)
{
	const scan *sc = &c->sc;
	size_t end = group_at(c, p0), q, ge, lead;
	int sep, open;

	if (end != 0) {
		set_span(c, p0, end);
	}
	while (end != 0) {
		end = sublabels(c, end);
		q = skip_ws(sc, end);
		if (ch(sc, q) == ')' && c->paren > 0) {
			c->paren--;
			end = q + 1;
			continue;
		}
		q = joint(c, end, &sep, &open, &lead);
		c->seg += sep;
		ge = group_at(c, q);
		if (ge == 0) {
			c->seg -= sep;
			break;
		}
		set_span(c, open ? q : lead, ge);
		if (open) {
			c->paren++;
			drop_tag(c);
		}
		end = ge;
	}
	return end;
}

/* ## The scan */

static const char *const rule_names[DT_CG_COUNT][4] = {
	{ "vi-units", "vi-doc", "vi-alias", "vi-reverse" },
	{ "ru-units", "ru-doc", "ru-alias", "ru-reverse" },
	{ "en-units", "en-doc", "en-alias", "en-reverse" },
	{ "units", "doc", "alias", "reverse" },
};

typedef struct {
	const char *s;
	size_t len;
	dt_cite_lang cl;
	dt_cite_raw raw;
	dt_cite_raw_cb cb;
	void *payload;
} scanner;

static int emit(scanner *z, dt_raw_kind kind, int rule)
{
	z->raw.kind = kind;
	z->raw.lang = z->cl;
	z->raw.rule = rule_names[z->cl][rule];
	if (kind == DT_RAW_UNITS) {
		dt__cite_attach(&z->raw);
	}
	return z->cb(&z->raw, z->payload);
}

static void raw_reset(scanner *z)
{
	memset(&z->raw, 0, sizeof(z->raw));
	z->raw.ref.row = DT_CITE_NO_ROW;
}

static int word_byte(unsigned char c)
{
	return c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* "từ Điều 9", "các khoản 1, 2": the plural or range word just before a
 * chain belongs to its text. */
static size_t extend_back(const scanner *z, size_t p0)
{
	scan sc = { z->s, z->len, p0, z->cl };
	size_t q = p0, b, e;
	dt_cite_word w;

	while (q > 0 && (z->s[q - 1] == ' ' || z->s[q - 1] == '\t')) {
		q--;
	}
	for (b = q; b > 0 && q - b < 12 &&
		word_byte((unsigned char)z->s[b - 1]); b--) {
	}
	if (b == q || q == p0 ||
		(b > 0 && word_byte((unsigned char)z->s[b - 1]))) {
		return p0;
	}
	w = word_at(&sc, b, &e);
	return (w == DT_CW_FROM || w == DT_CW_PLURAL) && e == q ? b : p0;
}

/* The document named after a chain: "Điều 5 Quy định 31", "khoản 1
 * Điều 15 của Quy định", "статьи 4 Положения", "of this Regulation". */
static size_t chain_ref(scanner *z, const scan *sc, size_t end)
{
	size_t q = skip_ws(sc, end), e, n;
	dt_cite_ref ref;
	int rc;

	if (word_at(sc, q, &e) == DT_CW_OF) {
		q = skip_ws(sc, e);
	}
	rc = dt__cite_ref_at(&ref, z->s, z->len, q, z->cl);
	if (rc == 0) {
		rc = dt__cite_qualified_ref_at(&ref, z->s, z->len, q, z->cl);
	}
	if (rc == 0) {
		rc = dt__cite_acronym_at(sc, q, &ref);
	}
	/* "Điều 5 quy định …" is a verb; "của Quy định", "Типового
	 * положения" a document */
	if (rc <= 0 || (ref.kind == DT_REF_BARE &&
		!is_capital(cp_at(sc, ref.type.start, &n)) &&
		(ref.qual[0] == '\0' ||
		!is_capital(cp_at(sc, ref.all.start, &n))))) {
		return end;
	}
	/* after units the document is a genitive: in "статьей 5 новое
	 * Положение вводит …" a new sentence starts */
	if (ref.qual[0] != '\0' && !ref.qual_gen) {
		return end;
	}
	z->raw.ref = ref;
	return ref.all.end;
}

/* Parse the chain at p into z->raw: its units and the document after
 * them.  Returns its end, 0 when no group starts at p. */
static size_t parse_chain(scanner *z, size_t p)
{
	chain c;
	size_t end;

	raw_reset(z);
	memset(&c, 0, sizeof(c));
	c.sc.s = z->s;
	c.sc.len = z->len;
	c.sc.end = min_sz(z->len, p + DT_CITE_WINDOW);
	c.sc.cl = z->cl;
	c.raw = &z->raw;
	end = chain_at(&c, p);
	if (end == 0 || z->raw.ngroups == 0) {
		return 0;
	}
	z->raw.all.start = extend_back(z, p);
	z->raw.all.end = chain_ref(z, &c.sc, end);
	return z->raw.all.end;
}

static int scan_chain(scanner *z, size_t p, size_t *next)
{
	*next = parse_chain(z, p);
	return *next ? emit(z, DT_RAW_UNITS, 0) : 0;
}

/* "Điều 3, khoản 9, điểm b": a smaller unit after a larger one. */
static int descent(dt_cite_raw *raw)
{
	unsigned i;

	dt__cite_attach(raw);
	for (i = 1; i < raw->ngroups; i++) {
		if (raw->groups[i].parent >= 0 &&
			(unsigned)raw->groups[i].parent < i) {
			return 1;
		}
	}
	return 0;
}

/* Units after a document and a comma belong to it when they descend
 * ("Luật số …, Điều 3, khoản 9, điểm b"); a list after it ("Nghị định
 * …, Điều này và Điều 9") is a citation of its own. */
static int chain_after(scanner *z, const dt_cite_ref *ref, size_t p,
	size_t *next)
{
	dt_cite_raw units;
	size_t end = parse_chain(z, p);
	int rc;

	*next = end;
	if (end == 0) {
		return 0;
	}
	if (z->raw.ref.kind == DT_REF_NONE && descent(&z->raw)) {
		z->raw.ref = *ref;
		z->raw.ref_before = 1;
		z->raw.all.start = ref->all.start;
		return emit(z, DT_RAW_UNITS, 3);
	}
	units = z->raw;
	raw_reset(z);
	z->raw.ref = *ref;
	z->raw.all = ref->all;
	rc = emit(z, DT_RAW_DOC, 1);
	if (rc == 0) {
		z->raw = units;
		rc = emit(z, DT_RAW_UNITS, 0);
	}
	return rc;
}

/* A document named on its own at p (a type word, "QĐ 31", a self
 * prefix); "Quy định số 31-QĐ/TW, Điều 6, khoản 2" names units after
 * it (reverse order, DOMAIN §4.1). */
static int scan_doc(scanner *z, size_t p, size_t *next)
{
	dt_cite_ref ref;
	scan sc;
	size_t q, chain_next = 0;
	int rc = dt__cite_ref_at(&ref, z->s, z->len, p, z->cl);

	*next = 0;
	if (rc <= 0 || ref.kind == DT_REF_BARE) {
		return rc < 0 ? rc : 0;
	}
	*next = ref.all.end;
	/* a number sign without a type word: "в кабинете № 5" */
	if (ref.type.end == ref.type.start && ref.kind == DT_REF_SYMBOL &&
		dt__cite_counted_before(z->s, z->len, p, z->cl, 1)) {
		return 0;
	}
	sc.s = z->s;
	sc.len = z->len;
	sc.end = min_sz(z->len, ref.all.end + 8);
	sc.cl = z->cl;
	q = skip_ws(&sc, ref.all.end);
	if (ref.kind != DT_REF_SELF && (ch(&sc, q) == ',' ||
		ch(&sc, q) == ':')) {
		rc = chain_after(z, &ref, skip_ws(&sc, q + 1), &chain_next);
		if (rc != 0 || chain_next != 0) {
			*next = chain_next ? chain_next : *next;
			return rc;
		}
	}
	raw_reset(z);
	z->raw.ref = ref;
	z->raw.all = ref.all;
	return emit(z, DT_RAW_DOC, 1);
}

/* "(sau đây gọi tắt là Quy định 31)", "(далее — Положение)": the alias
 * (a document word, perhaps a number or symbol) up to ")". */
/* "(sau đây gọi tắt là Chỉ thị tuyên truyền)": the words after the type
 * word, up to the last letter before `close`, are part of the alias;
 * returns where they end. */
static size_t alias_words(const scan *sc, dt_cite_ref *ref, size_t q,
	size_t close)
{
	size_t t = q, k, n;

	for (k = q; k < close; k += n ? n : 1) {
		uint32_t c = cp_at(sc, k, &n);

		if (is_letter(c) || is_digit(ch(sc, k))) {
			t = k + n;
		}
	}
	snprintf(ref->key, sizeof(ref->key), "%.*s", (int)(t - q), sc->s + q);
	ref->all.end = t;
	return t;
}

/* The alias of "(… là Quy định 31)": a document word (with a number or
 * words), or a symbol alone ("số 19/CT-TTg"), inside s[e..close). */
static int alias_ref(scanner *z, scan *sc, size_t e, size_t close,
	dt_cite_ref *ref)
{
	int rc = dt__cite_ref_at(ref, z->s, close, e, z->cl);

	if (rc == 0) { /* "(далее — областное Положение)" */
		rc = dt__cite_qualified_ref_at(ref, z->s, close, e, z->cl);
	}
	if (rc == 0) {
		sc->end = close;
		memset(ref, 0, sizeof(*ref));
		ref->row = DT_CITE_NO_ROW;
		ref->all.start = e;
		rc = dt__cite_symbol_here(sc, e, ref);
	}
	return rc;
}

static int scan_alias(scanner *z, size_t p, size_t *next)
{
	scan sc = { z->s, z->len, min_sz(z->len, p + 160), z->cl };
	size_t e, close, q, n;
	dt_cite_ref ref;
	int rc;

	*next = 0;
	if (re_at(&sc, DT_CRE_ALIAS, p, &e, NULL) <= 0) {
		return 0;
	}
	for (close = e; close < sc.end && z->s[close] != ')' &&
		z->s[close] != '\n'; close++) {
	}
	if (close >= sc.end || z->s[close] != ')') {
		return 0;
	}
	rc = alias_ref(z, &sc, e, close, &ref);
	if (rc <= 0) {
		return rc;
	}
	sc.end = close + 1;
	q = skip_ws(&sc, ref.all.end);
	if (ref.kind == DT_REF_BARE && q < close) {
		q = alias_words(&sc, &ref, q, close);
	}
	if (is_close_quote(cp_at(&sc, q, &n))) {
		q = skip_ws(&sc, q + n);
	}
	if (q != close) {
		return 0;
	}
	raw_reset(z);
	z->raw.ref = ref;
	z->raw.all.start = p;
	z->raw.all.end = close + 1;
	*next = close + 1;
	return emit(z, DT_RAW_ALIAS, 2);
}

/* A Cyrillic letter (two bytes) ends at p. */
static int cyrillic_before(const char *s, size_t p)
{
	return p >= 2 && ((unsigned char)s[p - 2] == 0xD0 ||
		(unsigned char)s[p - 2] == 0xD1) &&
		((unsigned char)s[p - 1] & 0xC0) == 0x80;
}

/* The start of the Cyrillic word (hyphens inside kept) that ends at p
 * after a non-letter, or p when there is none. */
static size_t ru_word_before(const char *s, size_t p)
{
	size_t b = p;

	while (p - b < 64) {
		if (cyrillic_before(s, b)) {
			b -= 2;
		} else if (b > 0 && b < p && s[b - 1] == '-' &&
			cyrillic_before(s, b - 1)) {
			b--;
		} else {
			break;
		}
	}
	if (b == p || (b > 0 && (word_byte((unsigned char)s[b - 1]) ||
		(s[b - 1] >= '0' && s[b - 1] <= '9')))) {
		return p;
	}
	return b;
}

/* "в соответствии с областным Положением", "требования областного
 * Положения": adjectives and a type word at t that nothing after makes
 * a candidate of (no number, no capital, no units before them).  A
 * document as a whole when an alias the document defined has those
 * adjectives ("(далее — областное Положение)"), else nothing:
 * dt__citeset_on_raw (citeset_resolve.c) keeps it only when the alias
 * resolves it.  The farthest of two words before t that reads as
 * adjectives up to t starts it. */
static int scan_qualified(scanner *z, size_t t, size_t *next)
{
	scan sc = { z->s, z->len, z->len, z->cl };
	size_t w[2], b = t, k, n;
	dt_cite_ref ref;
	int cap, rc;

	*next = 0;
	for (k = 0; k < 2; k++) {
		if (b < 2 || z->s[b - 1] != ' ') {
			break;
		}
		w[k] = ru_word_before(z->s, b - 1);
		if (w[k] == b - 1) {
			break;
		}
		b = w[k];
	}
	cap = is_capital(cp_at(&sc, t, &n));
	while (k-- > 0) {
		/* a name is capitalised like chain_ref()'s: "областного
		 * Положения", "Областного положения"; prose is not read */
		if (!cap && !is_capital(cp_at(&sc, w[k], &n))) {
			continue;
		}
		rc = dt__cite_qualified_ref_at(&ref, z->s, z->len, w[k],
			z->cl);
		if (rc < 0) {
			return rc;
		}
		if (rc == 0 || ref.type.start != t) {
			continue;
		}
		if (ref.kind != DT_REF_BARE || ref.qual[0] == '\0') {
			return 0;
		}
		raw_reset(z);
		z->raw.ref = ref;
		z->raw.all = ref.all;
		z->raw.alias_only = 1;
		*next = ref.all.end;
		return emit(z, DT_RAW_DOC, 1);
	}
	return 0;
}

/* What starts at a candidate: an alias definition, a chain of units
 * (perhaps after "настоящей"), or a document on its own. */
static int scan_at(scanner *z, size_t p, size_t *next)
{
	int rc;

	if (z->s[p] == '(') {
		return scan_alias(z, p, next);
	}
	rc = scan_chain(z, p, next);
	return rc != 0 || *next != 0 ? rc : scan_doc(z, p, next);
}

int dt__cite_scan(const char *s, size_t len, dt_lang lang,
	dt_cite_raw_cb cb, void *payload)
{
	scanner zs, *z = &zs;
	dt_cite_text t;
	size_t pos = 0, ov[2];
	int rc = dt__cite_grammar_lang(dt__cite_lang(lang), NULL);

	if (rc < 0) {
		return rc;
	}
	z->s = s;
	z->len = len;
	z->cl = dt__cite_lang(lang);
	dt__cite_text_init(&t, s, len, z->cl);
	z->cb = cb;
	z->payload = payload;
	while (rc == 0 && pos < len) {
		size_t next = 0;

		rc = dt__cite_next_candidate(&t, pos, ov);
		if (rc <= 0) {
			break;
		}
		rc = rc == 2 ? scan_qualified(z, ov[0], &next) :
			scan_at(z, ov[0], &next);
		/* resume after what was parsed, at least past the match */
		pos = next > ov[1] ? next : ov[1];
	}
	return rc;
}
