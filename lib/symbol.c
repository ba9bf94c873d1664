/*
 * symbol.c - document symbols, document type words and mentions of
 * other documents (DOMAIN §1.2, §3.1-3.2, §4.8).
 *
 * A symbol is found as written and split into number / year / type
 * code / issuer code; its matching key folds the noise real copies carry
 * (case, Đ/D, blanks, leading zeros) so that "031-qđ/tw" meets
 * "31-QĐ/TW".  The shape alone cannot tell an administrative symbol
 * ("594/KH-UBND") from a letter ("123/UBND-NC"): the table of known type
 * codes below decides.  Type words are a table too; the row a word
 * matched gives its canonical name and codes.  Mentions tie a type word
 * to the symbol and date that follow it within one clause, inside a
 * bounded window so that a long run of type words without symbols costs
 * linear time.  Type words are symbol_doctype.c's.
 */
#include <pthread.h>
#include <string.h>

#include "internal.h"
#include "symbol.h"

/* ## Data */

/* Type codes that make "N/XX-YY" an administrative symbol rather than a
 * letter "N/ISSUER-UNIT"; compared after folding (upper case, Đ -> D). */
static const char *const known_codes[] = {
	"NQ", "QD", "QDI", "QYD", "ND", "CT", "CTR", "KL", "KH", "HD", "BC",
	"TB", "TT", "TTLT", "TTR", "QC", "DA", "PA", "CV", "CD", "BB", "GP",
	"GM", "GXN", "GUQ", "TC", "HQ",
};

/* Issuer codes that are Party bodies, besides anything ending in TW
 * (central) or TU (provincial): the key of "27/NQ- TW" is "27-NQ/TW". */
static const char *const party_issuers[] = { "HU", "QU", "DU", "DUK", "CB" };

/* ## Patterns */

/* Pieces of the symbol pattern.  Blanks around separators are at most
 * one space or tab, so a symbol never spans a line. */
#define SL "[ \\t]?/[ \\t]?"
#define SH "[ \\t]?[-–][ \\t]?"
#define TS "(?:[ \\t]?[-–][ \\t]?|[ \\t])"
#define TYPE "[A-ZĐ][A-Za-zĐđ]{0,3}"
#define ISS "[A-ZĐ][A-ZĐ0-9&]{0,11}[a-zđ]?"
#define ISSL ISS "(?:-" ISS "){0,3}"

/* Groups: 1 RU number, 2 RU code; 3 number; normative 4 year, 5 type,
 * 6 issuer; admin 7 type, 8 issuer; party 9 type, 10 issuer; letter 11
 * issuer.  \K leaves "№" out of the match. */
static const char sym_pattern[] =
	"(?:№|(?<!\\w)N)[ \\t]?\\K(\\d{1,6})"
	"(?:[ \\t]?[-–][ \\t]?([\\p{Cyrillic}A-Za-z]{1,5}))?(?![\\w/\\-])"
	"|(?<![\\w/.\\-])(\\d{1,5})(?:"
	SL "(\\d{4})" SL "(?:(" TYPE ")" TS ")?(" ISSL ")"
	"|" SL "(" TYPE ")" TS "(" ISSL ")"
	"|" SH "(" TYPE ")" SL "(" ISSL ")"
	"|" SL "([A-ZĐ][A-ZĐ0-9&]{1,11}[a-zđ]?(?:-" ISS "){0,3})"
	")(?![\\w/])";

enum {
	RE_SYM,     /* symbols in running text: codes start with a capital */
	RE_SYM_CI,  /* one symbol in any case, for dt__symbol_parse */
	RE_SO,      /* a leading "Số:" before a symbol */
	RE_CONT,    /* ", số" / "và" continuing a list of symbols */
	RE_COUNT
};

static dt_re *re[RE_COUNT];
static int re_status;
static pthread_once_t re_once = PTHREAD_ONCE_INIT;

static void re_compile(void)
{
	int rc;

	rc = dt__re_compile(&re[RE_SYM], sym_pattern, 0, NULL);
	if (rc == 0) {
		rc = dt__re_compile(&re[RE_SYM_CI], sym_pattern,
			DT_RE_CASELESS, NULL);
	}
	if (rc == 0) {
		rc = dt__re_compile(&re[RE_SO], "s[ốổo][ \\t]*:?[ \\t]*",
			DT_RE_CASELESS | DT_RE_ANCHORED, NULL);
	}
	if (rc == 0) {
		rc = dt__re_compile(&re[RE_CONT],
			"[ \\t\\n]*(?:,|;|và|и)[ \\t\\n]*(?:s[ốổ][ \\t]*)?",
			DT_RE_CASELESS | DT_RE_ANCHORED, NULL);
	}
	re_status = rc < 0 ? DT_ERROR : 0;
}

/* Run pattern `which`; on a match clear the groups past the highest one
 * set (their ovector slots hold stale offsets). */
static int run(int which, const char *s, size_t len, size_t from,
	size_t *ov, size_t ovn)
{
	int rc;

	pthread_once(&re_once, re_compile);
	if (re_status < 0) {
		return re_status;
	}
	if (from > len) {
		return 0;
	}
	rc = dt__re_match(re[which], s, len, from, ov, ovn);
	dt__re_unset_rest(rc, ov, ovn);
	return rc;
}

/* ## Symbols */

static dt_span span_of(const size_t *ov, size_t g)
{
	dt_span sp = { 0, 0 };

	if (ov[2 * g] != SIZE_MAX) {
		sp.start = ov[2 * g];
		sp.end = ov[2 * g + 1];
	}
	return sp;
}

/* Append the folded form of s[sp] to out[*n..cap): ASCII and Cyrillic
 * upper case, đ/Đ as D, ё as Е, blanks dropped (a blank standing for a
 * hyphen, as in "QĐ TTg", becomes one).  Symbols hold no other letters,
 * so this small map is all the case folding they need. */
static int fold_into(char *out, size_t cap, size_t *n, const char *s,
	dt_span sp)
{
	size_t i = sp.start;

	while (i < sp.end) {
		uint32_t cp;
		size_t k = dt__utf8_decode((const unsigned char *)s + i,
			sp.end - i, &cp);
		char enc[4];
		size_t m;

		if (k == 0) {
			return DT_EINVAL;
		}
		i += k;
		if (cp == ' ' || cp == '\t') {
			if (*n > 0 && out[*n - 1] != '-' && i < sp.end &&
				s[i] != '-' && s[i] != ' ') {
				cp = '-';
			} else {
				continue;
			}
		}
		if (cp >= 'a' && cp <= 'z') {
			cp -= 'a' - 'A';
		} else if (cp == 0x0110 || cp == 0x0111) {
			cp = 'D';
		} else if (cp >= 0x0430 && cp <= 0x044F) {
			cp -= 0x20;
		} else if (cp == 0x0401 || cp == 0x0451) {
			cp = 0x0415;
		} else if (cp == 0x2013) {
			cp = '-';
		}
		m = dt__utf8_encode(cp, enc);
		if (*n + m >= cap) {
			return DT_ELIMIT;
		}
		memcpy(out + *n, enc, m);
		*n += m;
	}
	out[*n] = '\0';
	return 0;
}

static int put(char *out, size_t cap, size_t *n, char c)
{
	if (*n + 1 >= cap) {
		return DT_ELIMIT;
	}
	out[(*n)++] = c;
	out[*n] = '\0';
	return 0;
}

/* Is the folded string a known type code? */
static int known_code(const char *s, const dt_span sp)
{
	char f[32];
	size_t n = 0, i;

	if (fold_into(f, sizeof(f), &n, s, sp) < 0) {
		return 0;
	}
	for (i = 0; i < sizeof(known_codes) / sizeof(known_codes[0]); i++) {
		if (strcmp(f, known_codes[i]) == 0) {
			return 1;
		}
	}
	return 0;
}

/* Fill `out` from a symbol match. */
static void from_match(dt_symbol *out, const char *s, const size_t *ov)
{
	memset(out, 0, sizeof(*out));
	out->all.start = ov[0];
	out->all.end = ov[1];
	if (ov[2] != SIZE_MAX) {
		out->shape = DT_SYM_RU;
		out->number = span_of(ov, 1);
		out->type = span_of(ov, 2);
		return;
	}
	out->number = span_of(ov, 3);
	if (ov[8] != SIZE_MAX) {
		out->shape = DT_SYM_NORMATIVE;
		out->year = span_of(ov, 4);
		out->type = span_of(ov, 5);
		out->issuer = span_of(ov, 6);
	} else if (ov[14] != SIZE_MAX) {
		out->shape = DT_SYM_ADMIN;
		out->type = span_of(ov, 7);
		out->issuer = span_of(ov, 8);
		if (!known_code(s, out->type)) {
			/* "123/UBND-NC": the first code is the issuer */
			out->shape = DT_SYM_LETTER;
			out->issuer.start = out->type.start;
			out->type.start = out->type.end = 0;
		}
	} else if (ov[18] != SIZE_MAX) {
		out->shape = DT_SYM_PARTY;
		out->type = span_of(ov, 9);
		out->issuer = span_of(ov, 10);
	} else {
		out->shape = DT_SYM_LETTER;
		out->issuer = span_of(ov, 11);
	}
}

/* A letter whose only code is a type code ("12/KH") names no issuer:
 * no symbol. */
static int incomplete(const char *s, const dt_symbol *sym)
{
	dt_span first = sym->issuer;
	size_t i;

	if (sym->shape != DT_SYM_LETTER) {
		return 0;
	}
	for (i = first.start; i < first.end; i++) {
		if (s[i] == '-') {
			return 0;
		}
	}
	return known_code(s, first);
}

/* Could a byte starting at s[i] begin a digit (PCRE2's \d is any
 * Unicode Nd)?  ASCII digits do; no character of U+0080..U+063F (lead
 * bytes C2..D8: Latin, combining marks, Cyrillic) nor of U+1E00..U+1EFF
 * (E1 B8..BB: Vietnamese) is a digit; any other non-ASCII may be. */
static int may_be_digit(const unsigned char *u, size_t len, size_t i)
{
	if (i >= len) {
		return 0;
	}
	if (u[i] < 0x80) {
		return u[i] >= '0' && u[i] <= '9';
	}
	if (u[i] >= 0xC2 && u[i] <= 0xD8) {
		return 0;
	}
	return !(u[i] == 0xE1 && i + 1 < len && u[i + 1] >= 0xB8 &&
		u[i + 1] <= 0xBB);
}

/* May RE_SYM match in s[from..len)?  Each of its matches holds a '/',
 * a '-', or an E2 byte ('–' E2 80 93, '№' E2 84 96), or else is "N",
 * an optional blank and a digit.  Most header lines and sentences hold
 * none of these, and the test costs a few instructions a byte against
 * the thousands the pattern spends on a short line. */
static int may_hold_symbol(const char *s, size_t len, size_t from)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i;

	for (i = from; i < len; i++) {
		if (u[i] == '/' || u[i] == '-' || u[i] == 0xE2) {
			return 1;
		}
		if (u[i] == 'N' && (may_be_digit(u, len, i + 1) ||
			((i + 1 < len && (u[i + 1] == ' ' ||
			u[i + 1] == '\t')) && may_be_digit(u, len, i + 2)))) {
			return 1;
		}
	}
	return 0;
}

int dt__symbol_find(dt_symbol *out, const char *s, size_t len, size_t from)
{
	pthread_once(&re_once, re_compile);
	if (re_status == 0 && from <= len && !may_hold_symbol(s, len, from)) {
		return 0;
	}
	return dt__symbol_find_full(out, s, len, from);
}

int dt__symbol_find_full(dt_symbol *out, const char *s, size_t len,
	size_t from)
{
	size_t ov[2 * 12];
	int rc = run(RE_SYM, s, len, from, ov, 12);

	while (rc > 0) {
		from_match(out, s, ov);
		if (!incomplete(s, out)) {
			return 1;
		}
		rc = run(RE_SYM, s, len, ov[1], ov, 12);
	}
	return rc;
}

/* Only blanks, "№" and "N" in s[a..b)? */
static int only_marks(const char *s, size_t a, size_t b)
{
	while (a < b) {
		if (s[a] == ' ' || s[a] == '\t' || s[a] == 'N') {
			a++;
		} else if (b - a >= 3 && memcmp(s + a, "№", 3) == 0) {
			a += 3;
		} else {
			return 0;
		}
	}
	return 1;
}

int dt__symbol_parse(dt_symbol *out, const char *s, size_t len)
{
	size_t ov[2 * 12];
	size_t a = 0, z = len;
	int rc;

	dt__trim_blanks(s, &a, &z);
	rc = run(RE_SO, s, z, a, ov, 1);
	if (rc < 0) {
		return rc;
	}
	if (rc > 0) {
		a = ov[1];
	}
	rc = run(RE_SYM_CI, s, z, a, ov, 12);
	if (rc <= 0) {
		return rc;
	}
	if (ov[1] != z || !only_marks(s, a, ov[0])) {
		return 0;
	}
	from_match(out, s, ov);
	return !incomplete(s, out);
}

/* Is the folded issuer (up to its first hyphen) a Party body? */
static int party_issuer(const char *iss)
{
	size_t n = strcspn(iss, "-"), i;

	if (n >= 2 && (memcmp(iss + n - 2, "TW", 2) == 0 ||
		memcmp(iss + n - 2, "TU", 2) == 0)) {
		return 1;
	}
	for (i = 0; i < sizeof(party_issuers) / sizeof(party_issuers[0]);
		i++) {
		if (strlen(party_issuers[i]) == n &&
			memcmp(iss, party_issuers[i], n) == 0) {
			return 1;
		}
	}
	return 0;
}

/* The number without leading zeros ("0219" -> "219", "00" -> "0"). */
static dt_span number_digits(const char *s, dt_span sp)
{
	while (sp.end - sp.start > 1 && s[sp.start] == '0') {
		sp.start++;
	}
	return sp;
}

int dt__symbol_key(char *out, size_t cap, const char *s,
	const dt_symbol *sym)
{
	char type[32] = "", iss[64] = "";
	size_t n = 0, tn = 0, in = 0;
	int rc, party;

	if (cap == 0) {
		return DT_ELIMIT;
	}
	out[0] = '\0';
	rc = fold_into(type, sizeof(type), &tn, s, sym->type);
	if (rc == 0) {
		rc = fold_into(iss, sizeof(iss), &in, s, sym->issuer);
	}
	if (rc == 0) {
		rc = fold_into(out, cap, &n, s, number_digits(s, sym->number));
	}
	party = sym->shape == DT_SYM_PARTY ||
		(sym->shape == DT_SYM_ADMIN && party_issuer(iss));
	if (rc == 0 && sym->shape == DT_SYM_NORMATIVE) {
		rc = put(out, cap, &n, '/');
		if (rc == 0) {
			rc = fold_into(out, cap, &n, s, sym->year);
		}
	}
	if (rc == 0 && tn > 0) {
		rc = put(out, cap, &n, party || sym->shape == DT_SYM_RU ?
			'-' : '/');
		for (size_t i = 0; rc == 0 && i < tn; i++) {
			rc = put(out, cap, &n, type[i]);
		}
	}
	if (rc == 0 && in > 0) {
		rc = put(out, cap, &n, party || tn == 0 ? '/' : '-');
		for (size_t i = 0; rc == 0 && i < in; i++) {
			rc = put(out, cap, &n, iss[i]);
		}
	}
	return rc < 0 ? rc : (int)n;
}

int dt__symbol_key_str(char *out, size_t cap, const char *s, size_t len)
{
	dt_symbol sym;
	int rc;

	if (cap > 0) {
		out[0] = '\0';
	}
	rc = dt__symbol_parse(&sym, s, len);
	if (rc <= 0) {
		return rc;
	}
	return dt__symbol_key(out, cap, s, &sym);
}

/* ## Mentions */

/* Bytes from the end of a type word to the start of its symbol: room for
 * a law's title ("Luật Bảo vệ bí mật nhà nước số …"). */
#define MENTION_WINDOW 200
/* Bytes a symbol or date may run past the point where it must start. */
#define TAIL 96

static size_t min_sz(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* A date right after the symbol: ", ngày 15/3/2026", " от 10 марта". */
static int date_after(dt_mention *m, const char *s, size_t len, size_t to)
{
	size_t p = m->symbol.all.end;
	int rc;

	while (p < to && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' ||
		s[p] == ',')) {
		p++;
	}
	if (p >= to) {
		return 0;
	}
	rc = dt__date_find(&m->date, s, min_sz(len, p + TAIL), p);
	if (rc <= 0 || m->date.all.start != p) {
		return rc < 0 ? rc : 0;
	}
	m->has_date = 1;
	m->all.end = m->date.all.end;
	return 0;
}

/* Russian order: the last date in s[a..symbol) with only blanks, commas
 * and "№" between it and the symbol. */
static int date_before(dt_mention *m, const char *s, size_t a)
{
	size_t b = m->symbol.all.start;
	dt_date d;
	int rc = dt__date_find(&d, s, b, a);

	for (; rc > 0; rc = dt__date_find(&d, s, b, a)) {
		size_t k = d.all.end;

		while (k < b && (s[k] == ',' || s[k] == '\n')) {
			k++;
		}
		if (only_marks(s, k, b)) {
			m->date = d;
			m->has_date = 1;
		}
		a = d.all.end;
	}
	return rc;
}

/* The mention whose type word is s[ty] (row idx), if a symbol follows
 * within the clause: before the next type word, a ';' or the window. */
static int mention_at(dt_mention *out, const char *s, size_t len,
	size_t to, size_t idx, dt_span ty)
{
	size_t wend = min_sz(to, ty.end + MENTION_WINDOW), nidx, i;
	dt_span next;
	int rc = dt__symbol_doctype_find(&nidx, &next, s, wend, ty.end);

	if (rc < 0) {
		return rc;
	}
	if (rc > 0) {
		wend = next.start;
	}
	memset(out, 0, sizeof(*out));
	rc = dt__symbol_find(&out->symbol, s, min_sz(len, wend + TAIL),
		ty.end);
	if (rc <= 0 || out->symbol.all.start >= wend) {
		return rc < 0 ? rc : 0;
	}
	for (i = ty.end; i < out->symbol.all.start; i++) {
		if (s[i] == ';') {
			return 0;
		}
	}
	out->type = ty;
	out->doctype = idx;
	out->all.start = ty.start;
	out->all.end = out->symbol.all.end;
	rc = date_after(out, s, len, to);
	if (rc == 0 && !out->has_date) {
		rc = date_before(out, s, ty.end);
	}
	return rc < 0 ? rc : 1;
}

/* "…, số 21-HD/BTCTW ngày 20/9/2022" right after a mention. */
static int continuation(dt_mention *out, const char *s, size_t len,
	size_t from, size_t to, const dt_mention *prev)
{
	size_t ov[2];
	dt_symbol sym;
	size_t p;
	int rc = run(RE_CONT, s, to, from, ov, 1);

	if (rc <= 0) {
		return rc;
	}
	p = ov[1];
	rc = dt__symbol_find(&sym, s, min_sz(len, p + TAIL), p);
	if (rc <= 0 || sym.all.start >= to ||
		!only_marks(s, p, sym.all.start)) {
		return rc < 0 ? rc : 0;
	}
	for (p = from; p < ov[1] && strchr(" \t\n,;", s[p]) != NULL; p++) {
	}
	memset(out, 0, sizeof(*out));
	out->type = prev->type;
	out->doctype = prev->doctype;
	out->symbol = sym;
	out->all.start = p;
	out->all.end = sym.all.end;
	rc = date_after(out, s, len, to);
	return rc < 0 ? rc : 1;
}

int dt__symbol_mention_find(dt_mention *out, const char *s, size_t len,
	size_t from, size_t to, const dt_mention *prev)
{
	size_t pos = from, idx;
	dt_span ty;
	int rc;

	to = min_sz(to, len);
	if (prev != NULL && from < to) {
		rc = continuation(out, s, len, from, to, prev);
		if (rc != 0) {
			return rc;
		}
	}
	while (pos < to) {
		rc = dt__symbol_doctype_find(&idx, &ty, s, to, pos);
		if (rc <= 0) {
			return rc;
		}
		rc = mention_at(out, s, len, to, idx, ty);
		if (rc != 0) {
			return rc;
		}
		pos = ty.end;
	}
	return 0;
}
