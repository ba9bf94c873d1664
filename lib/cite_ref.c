/*
 * cite_ref.c - reading a document reference where the scanner found one:
 * "Quy định số 31-QĐ/TW", "Quy định 31", "QĐ 31", "Kế hoạch này",
 * "Luật Cán bộ, công chức", "настоящего приказа", "№ 12-П", or a type
 * word alone ("của Quy định"), perhaps after adjectives ("областного
 * Положения", cite_qualifier.c).  Type words are symbol_doctype.c's
 * table (plus the extra rows of cite_grammar_data.h); symbols, dates
 * and symbols further on in the clause are symbol.c's finders.  Every
 * read stays inside a window of REF_REACH bytes.
 */
#include <stdio.h>

#include "cite_scan.h"


int dt__cite_type_at(const scan *sc, size_t p, size_t *row, size_t *end)
{
	dt_span sp;
	size_t g = 0;
	int rc = dt__symbol_doctype_at(row, &sp, sc->s, sc->end, p);

	if (rc != 0) {
		*end = sp.end;
		return rc;
	}
	rc = re_at(sc, DT_CRE_EXTRA, p, end, &g);
	if (rc > 0) {
		*row = dt__cite_symbol_rows() + g - 1;
	}
	return rc;
}

/* May a document named by a title ("Luật Cán bộ, công chức") be cited
 * without a symbol?  Laws, charters, codes: types without a type code. */
static int titled_row(size_t row)
{
	size_t nsym = dt__cite_symbol_rows();
	const char *codes = dt__symbol_doctype_codes(row);

	if (row >= nsym) {
		const dt_cite_extra *x = dt__cite_extra(row - nsym);

		return x != NULL && x->titled;
	}
	return codes != NULL && codes[0] == '\0';
}

/* Copy s[sp] into key, upper-casing ASCII and folding Đ/đ to D. */
static void fold_key(char *key, size_t cap, const char *s, dt_span sp)
{
	size_t k = 0, i;

	for (i = sp.start; i < sp.end && k + 1 < cap; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0xC4 && i + 1 < sp.end && ((unsigned char)s[i + 1] ==
			0x90 || (unsigned char)s[i + 1] == 0x91)) {
			key[k++] = 'D';
			i++;
		} else {
			key[k++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
		}
	}
	key[k] = '\0';
}

/* The number without leading zeros as the key. */
static void number_key(char *key, size_t cap, const char *s, dt_span sp)
{
	while (sp.end - sp.start > 1 && s[sp.start] == '0') {
		sp.start++;
	}
	fold_key(key, cap, s, sp);
}

/* Past "số", "Số", "sô", "№", "N", "No", "No." and blanks before a
 * symbol or number; p itself when there is none. */
static size_t skip_number_mark(const scan *sc, size_t p)
{
	size_t n, k;
	uint32_t c = cp_at(sc, p, &n), v;

	if (c == 's' || c == 'S') {
		v = cp_at(sc, p + 1, &k);
		if ((v == 0x1ED1 || v == 0x1ED5 || v == 0xF4 || v == 'o') &&
			!letter_at(sc, p + 1 + k)) {
			return skip_ws(sc, p + 1 + k);
		}
	} else if (c == 0x2116) {
		return skip_ws(sc, p + n);
	} else if (c == 'N') {
		k = p + 1 + (ch(sc, p + 1) == 'o');
		k += ch(sc, k) == '.';
		return letter_at(sc, k) ? p : skip_ws(sc, k);
	}
	return p;
}

/* A symbol right at p, after at most a number mark: "31-QĐ/TW",
 * "số 31-QĐ/TW", "№ 12-П" (symbol.c needs the "№" of Russian codes). */
int dt__cite_symbol_here(const scan *sc, size_t p, dt_cite_ref *ref)
{
	dt_symbol sym;
	int rc = dt__symbol_find(&sym, sc->s, min_sz(sc->len, p + 96), p);

	if (rc <= 0 || sym.all.start != skip_number_mark(sc, p)) {
		return rc < 0 ? rc : 0;
	}
	rc = dt__symbol_key(ref->key, sizeof(ref->key), sc->s, &sym);
	if (rc < 0) {
		return rc;
	}
	ref->kind = DT_REF_SYMBOL;
	ref->all.end = sym.all.end;
	return 1;
}

/* "Quy định 31", "Положения 31", "Quy định số 24": a bare number that
 * counts nothing ("Báo cáo 6 tháng") and is no year. */
static int number_here(const scan *sc, size_t p, dt_cite_ref *ref)
{
	size_t q = skip_number_mark(sc, p), n = digits(sc, q, 5), e;
	dt_span sp = { q, q + n };

	if (n == 0 || letter_at(sc, q + n) || (ch(sc, q + n) != '\0' &&
		strchr("/-.,", ch(sc, q + n)) != NULL &&
		is_digit(ch(sc, q + n + 1)))) {
		return 0;
	}
	if (n == 4 && (memcmp(sc->s + q, "19", 2) == 0 ||
		memcmp(sc->s + q, "20", 2) == 0)) {
		return 0;
	}
	if (re_at(sc, DT_CRE_MEASURE, q + n, &e, NULL) > 0) {
		return 0;
	}
	number_key(ref->key, sizeof(ref->key), sc->s, sp);
	ref->kind = DT_REF_NUMBER;
	ref->all.end = q + n;
	return 1;
}

/* The clause of a document word: up to a sentence end or 150 bytes. */
static size_t clause_end(const scan *sc, size_t p)
{
	size_t e = min_sz(sc->end, p + 150), q, n;

	for (q = p; q < e; q++) {
		/* a full stop ends a sentence before a capital, not in
		 * "2006 г. № 59-ФЗ" */
		if (sc->s[q] == ';' || sc->s[q] == '\n' || (sc->s[q] == '.' &&
			(q + 2 >= e || (sc->s[q + 1] == ' ' &&
			is_capital(cp_at(sc, q + 2, &n)))))) {
			return q;
		}
	}
	return e;
}

/* "Luật Cán bộ, công chức", "Кодекса Российской Федерации": a title of
 * at most 8 words, up to punctuation (a comma inside is kept) or a word
 * that cannot be in a title ("của", "khi", "об"). */
static void title_here(const scan *sc, size_t p, dt_cite_ref *ref)
{
	size_t q = p, e = clause_end(sc, p), end = p, n, x;
	dt_span first = { p, p };
	int words = 0;

	while (q < e && words < 8) {
		if (words > 0 &&
			re_at(sc, DT_CRE_TITLE_STOP, q, &x, NULL) > 0) {
			break;
		}
		while (q < e && letter_at(sc, q)) {
			cp_at(sc, q, &n);
			q += n;
		}
		if (q == end) {
			break;
		}
		first.end = words++ ? first.end : q;
		end = q;
		if (ch(sc, q) == ',' && ch(sc, q + 1) == ' ') {
			q++;
		}
		if (ch(sc, q) != ' ') {
			break;
		}
		q = skip_ws(sc, q);
	}
	ref->kind = DT_REF_TITLE;
	ref->all.end = end;
	fold_key(ref->key, sizeof(ref->key), sc->s, first);
}

/* "QĐ 31", "NQ 57": a type code and a number, no symbol. */
static int code_here(const scan *sc, size_t p, dt_cite_ref *ref)
{
	size_t ov[6];
	int rc = dt__re_match(dt__cite_re(sc->cl, DT_CRE_CODE), sc->s,
		sc->end, p, ov, 3);
	dt_span code = { ov[2], ov[3] }, num = { ov[4], ov[5] };

	if (rc <= 0) {
		return rc;
	}
	fold_key(ref->code, sizeof(ref->code), sc->s, code);
	number_key(ref->key, sizeof(ref->key), sc->s, num);
	ref->kind = DT_REF_CODE;
	ref->type = code;
	ref->all.end = ov[1];
	return 1;
}

static int word_byte(unsigned char c)
{
	return c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Back from p over blanks (no-break spaces too). */
static size_t blanks_back(const char *s, size_t p)
{
	while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t' || (p > 1 &&
		(unsigned char)s[p - 2] == 0xC2 &&
		(unsigned char)s[p - 1] == 0xA0))) {
		p -= s[p - 1] == ' ' || s[p - 1] == '\t' ? 1 : 2;
	}
	return p;
}

/* The start of the word (at most 40 bytes) that ends at q; q when
 * none does. */
static size_t word_back(const char *s, size_t q)
{
	size_t b;

	for (b = q; b > 0 && q - b < 40 && word_byte((unsigned char)s[b - 1]);
		b--) {
	}
	return b > 0 && word_byte((unsigned char)s[b - 1]) ? q : b;
}

int dt__cite_counted_before(const char *s, size_t len, size_t p,
	dt_cite_lang cl, int records)
{
	scan sc = { s, len, p, cl };
	size_t q = blanks_back(s, p), b, e;

	if (q >= 3 && memcmp(s + q - 3, "№", 3) == 0) {
		q = blanks_back(s, q - 3);
	}
	b = word_back(s, q);
	sc.end = q;
	if (b == q || re_at(&sc, DT_CRE_COUNTED, b, &e, NULL) <= 0 ||
		e != q) {
		return 0;
	}
	if (!records) {
		return 1;
	}
	q = blanks_back(s, b);
	b = q < sc.end ? word_back(s, q) : q;
	sc.end = q;
	return b == q || re_at(&sc, DT_CRE_RECORD, b, &e, NULL) <= 0 ||
		e != q;
}

/* A symbol of the same clause further on: "постановлением Правительства
 * … от 16.02.2026 № 12-П", "Luật … số 29/2018/QH14" (symbol.c). */
static int mention_here(const scan *sc, size_t p, size_t e,
	dt_cite_ref *ref)
{
	size_t ce = clause_end(sc, e), k;
	dt_mention m;
	int rc;

	/* a symbol has digits: without one in the clause, no need to ask
	 * (and "Quy định Quy định …" costs nothing) */
	for (k = e; k < ce && !is_digit(sc->s[k]); k++) {
	}
	if (k == ce) {
		return 0;
	}
	rc = dt__symbol_mention_find(&m, sc->s, min_sz(sc->len, ce + 96), p,
		ce, NULL);
	/* "Решение принято на заседании № 4": the meeting's number */
	if (rc <= 0 || m.type.start != p || dt__cite_counted_before(sc->s,
		sc->len, m.symbol.all.start, sc->cl, 0)) {
		return rc < 0 ? rc : 0;
	}
	rc = dt__symbol_key(ref->key, sizeof(ref->key), sc->s, &m.symbol);
	if (rc < 0) {
		return rc;
	}
	ref->kind = DT_REF_SYMBOL;
	ref->all.end = m.all.end;
	return 1;
}

/* What follows the type word of a reference (ends at e). */
static int ref_tail(const scan *sc, size_t e, dt_cite_ref *ref)
{
	size_t q = skip_ws(sc, e), x, ov[2];
	size_t n;
	int rc;

	if (word_at(sc, q, &x) == DT_CW_SELF) {
		ref->kind = DT_REF_SELF;
		ref->why = "này";
		ref->all.end = x;
		return 1;
	}
	rc = dt__cite_symbol_here(sc, q, ref);
	if (rc != 0 || number_here(sc, q, ref)) {
		return rc < 0 ? rc : 1;
	}
	if (ref->row < dt__cite_symbol_rows()) {
		rc = mention_here(sc, ref->type.start, e, ref);
		if (rc != 0) {
			return rc;
		}
	}
	x = clause_end(sc, e);
	rc = dt__re_match(dt__cite_re(sc->cl, DT_CRE_ANNEX), sc->s, x, e, ov,
		1);
	if (rc != 0) {
		ref->kind = DT_REF_SELF;
		ref->why = "attachment";
		return rc < 0 ? rc : 1;
	}
	if (titled_row(ref->row) && is_capital(cp_at(sc, q, &n))) {
		title_here(sc, q, ref);
		return 1;
	}
	ref->kind = DT_REF_BARE;
	return 1;
}

int dt__cite_ref_at(dt_cite_ref *ref, const char *s, size_t len, size_t at,
	dt_cite_lang cl)
{
	scan sc = { s, len, min_sz(len, at + REF_REACH), cl };
	size_t e = 0, g = 0, q;
	unsigned char c0;
	int rc = dt__cite_grammar_init(NULL);

	if (rc < 0) {
		return rc;
	}
	memset(ref, 0, sizeof(*ref));
	ref->row = DT_CITE_NO_ROW;
	ref->all.start = at;
	/* every reference opens with a letter or "№": most positions after
	 * a chain ("khoản 2 Điều 9; chi bộ …") need no pattern at all */
	c0 = (unsigned char)ch(&sc, at);
	if (!(c0 >= 0xC0 || ((c0 | 0x20) >= 'a' && (c0 | 0x20) <= 'z')) &&
		c0 != 0xE2) {
		return 0;
	}
	/* self prefixes are Cyrillic or "this" */
	rc = c0 >= 0xD0 || (c0 | 0x20) == 't' ? re_at(&sc, DT_CRE_SELF, at,
		&e, &g) : 0;
	if (rc > 0) {
		ref->type.start = e;
		rc = dt__cite_type_at(&sc, e, &ref->row, &q);
		/* "настоящего областного Положения": the prefix decides,
		 * the adjectives only describe */
		if (rc == 0 && (cl == DT_CG_RU || cl == DT_CG_ALL)) {
			rc = dt__cite_qualified_at(&sc, e, ref, &q);
			ref->qual[0] = '\0';
		}
		if (rc <= 0) {
			return rc;
		}
		/* "указанного Положения": the type word names the document
		 * named before, as a bare one does */
		ref->kind = g == 3 ? DT_REF_BARE : DT_REF_SELF;
		ref->why = g == 1 ? "this" : g == 2 ? "attachment" : NULL;
		ref->type.end = ref->all.end = q;
		return 1;
	}
	rc = (c0 >= 'A' && c0 <= 'Z') || c0 == 0xC4 ? code_here(&sc, at, ref) :
		0;
	if (rc != 0) {
		return rc;
	}
	if (skip_number_mark(&sc, at) != at) {
		return dt__cite_symbol_here(&sc, at, ref);
	}
	rc = dt__cite_type_at(&sc, at, &ref->row, &e);
	if (rc <= 0) {
		return rc;
	}
	ref->type.start = at;
	ref->type.end = ref->all.end = e;
	return ref_tail(&sc, e, ref);
}

int dt__cite_qualified_ref_at(dt_cite_ref *ref, const char *s, size_t len,
	size_t at, dt_cite_lang cl)
{
	scan sc = { s, len, min_sz(len, at + REF_REACH), cl };
	size_t e = 0;
	int rc;

	memset(ref, 0, sizeof(*ref));
	ref->row = DT_CITE_NO_ROW;
	ref->all.start = at;
	/* Russian adjectives start with a Cyrillic letter (D0, D1) */
	if ((cl != DT_CG_RU && cl != DT_CG_ALL) ||
		(unsigned char)ch(&sc, at) < 0xD0 ||
		(unsigned char)ch(&sc, at) > 0xD1) {
		return 0;
	}
	rc = dt__cite_qualified_at(&sc, at, ref, &e);
	if (rc <= 0) {
		return rc;
	}
	ref->type.end = ref->all.end = e;
	return ref_tail(&sc, e, ref);
}

/* "ст. 5 КоАП", "Điều 3 BLDS": an abbreviation of some other act
 * right after the units (two to eight letters, two of them capitals). */
int dt__cite_acronym_at(const scan *sc, size_t p, dt_cite_ref *ref)
{
	size_t q = p, n, caps = 0, letters = 0, roman = 0;
	uint32_t c;

	while (letters < 9 && is_letter(c = cp_at(sc, q, &n))) {
		caps += is_capital(c);
		roman += c < 0x80 && strchr("IVXLCDM", (int)c) != NULL;
		letters++;
		q += n;
	}
	if (letters < 2 || letters > 8 || caps < 2 || roman == letters ||
		!is_capital(cp_at(sc, p, &n)) || is_digit(ch(sc, q))) {
		return 0;
	}
	memset(ref, 0, sizeof(*ref));
	ref->kind = DT_REF_TITLE;
	ref->row = DT_CITE_NO_ROW;
	ref->all.start = ref->type.start = p;
	ref->all.end = ref->type.end = q;
	snprintf(ref->key, sizeof(ref->key), "%.*s", (int)(q - p), sc->s + p);
	return 1;
}
