/*
 * cite_scan.h - what the citation scanner (cite.c), the label reader
 * (cite_label.c), the reference reader (cite_ref.c) and the qualifier
 * reader (cite_qualifier.c) share: a window on the text and small
 * readers that never look past it.  Private to those four files.
 */
#ifndef DT_CITE_SCAN_H
#define DT_CITE_SCAN_H

#include <string.h>

#include "cite.h"

#define REF_REACH 300

typedef struct {
	const char *s;
	size_t len;     /* the text */
	size_t end;     /* the window: nothing is read at or past it */
	dt_cite_lang cl;
} scan;

/* ## Small readers */

static inline size_t min_sz(size_t a, size_t b)
{
	return a < b ? a : b;
}

static inline int is_blank_at(const char *s, size_t p, size_t end, size_t *n)
{
	unsigned char c = (unsigned char)s[p];

	if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
		*n = 1;
		return 1;
	}
	if (c == 0xC2 && p + 1 < end && (unsigned char)s[p + 1] == 0xA0) {
		*n = 2; /* no-break space */
		return 1;
	}
	return 0;
}

static inline size_t skip_ws(const scan *sc, size_t p)
{
	size_t n;

	while (p < sc->end && is_blank_at(sc->s, p, sc->end, &n)) {
		p += n;
	}
	return p;
}

static inline int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The byte at p, or NUL at the window end (texts need not end in NUL). */
static inline char ch(const scan *sc, size_t p)
{
	return p < sc->end ? sc->s[p] : '\0';
}

/* The code point at p (0 at the window end or on a bad byte). */
static inline uint32_t cp_at(const scan *sc, size_t p, size_t *n)
{
	uint32_t cp = 0;

	*n = p < sc->end ? dt__utf8_decode((const unsigned char *)sc->s + p,
		sc->end - p, &cp) : 0;
	return *n ? cp : 0;
}

/* A letter of the scripts citations use (Latin with Vietnamese letters,
 * Cyrillic); enough to tell where a word ends. */
static inline int is_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
		(c >= 0x400 && c <= 0x4FF) || (c >= 0x1E00 && c <= 0x1EFF);
}

/* An upper-case letter: ASCII, Latin-1, Vietnamese (Ă Đ Ơ Ư and the
 * toned capitals of U+1EA0-1EF9, which alternate upper/lower), Cyrillic. */
static inline int is_capital(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE &&
		c != 0xD7) || (c >= 0x100 && c <= 0x17F && c % 2 == 0) ||
		c == 0x1A0 || c == 0x1AF || (c >= 0x1EA0 && c <= 0x1EF9 &&
		c % 2 == 0) || (c >= 0x400 && c <= 0x42F);
}

static inline int letter_at(const scan *sc, size_t p)
{
	size_t n;

	return is_letter(cp_at(sc, p, &n));
}

/* Run anchored pattern `which` at p inside the window; its end in *end
 * and the number of the first group set in *group (may be NULL). */
#define RE_AT_GROUPS (DT_CITE_MAX_ROWS + 1)

static inline int re_at(const scan *sc, int which, size_t p, size_t *end,
	size_t *group)
{
	size_t ov[2 * RE_AT_GROUPS];
	size_t g;
	int rc;

	if (p >= sc->end) {
		return 0;
	}
	/* ask only for the groups wanted: every pair asked for is copied */
	rc = dt__re_match(dt__cite_re(sc->cl, which), sc->s, sc->end, p, ov,
		group != NULL ? RE_AT_GROUPS : 1);
	if (rc <= 0) {
		return rc;
	}
	*end = ov[1];
	for (g = 1; group != NULL && g < (size_t)rc; g++) {
		if (ov[2 * g] != SIZE_MAX) {
			*group = g;
			break;
		}
	}
	return 1;
}

static inline dt_cite_word word_at(const scan *sc, size_t p, size_t *end)
{
	size_t g = 0;

	if (re_at(sc, DT_CRE_WORD, p, end, &g) <= 0) {
		return (dt_cite_word)0;
	}
	return dt__cite_word_row(sc->cl, g);
}

static inline const dt_cite_level *level_at(const scan *sc, size_t p,
	size_t *end)
{
	unsigned char c = p < sc->end ? (unsigned char)sc->s[p] : 0;
	size_t g = 0;

	/* level words start with a letter */
	if (!(c >= 0xC0 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) ||
		re_at(sc, DT_CRE_LEVEL, p, end, &g) <= 0) {
		return NULL;
	}
	return dt__cite_level_row(sc->cl, g);
}

static inline size_t digits(const scan *sc, size_t p, size_t max)
{
	size_t n = 0;

	while (p + n < sc->end && n <= max && is_digit(sc->s[p + n])) {
		n++;
	}
	return n <= max ? n : 0;
}

static inline int is_open_quote(uint32_t c)
{
	return c == 0xAB || c == '"' || c == 0x201C || c == 0x201E ||
		c == '\'' || c == 0x2018;
}

static inline int is_close_quote(uint32_t c)
{
	return c == 0xBB || c == '"' || c == 0x201D || c == 0x201C ||
		c == '\'' || c == 0x2019;
}

/* ## Labels (cite_label.c) */

typedef enum {
	LB_NONE, LB_NUM, LB_DOTTED, LB_ROMAN, LB_LETTER, LB_SELF,
	LB_ANAPHOR /* "đó", "nêu trên": the unit named just before */
} dt_label_type;

typedef struct {
	dt_label_type type;
	dt_span core;   /* the label without quotes or ")" */
	size_t end;     /* where the label and its marks end */
} dt_label;

/** The label at p: a number, dotted number, Roman numeral, point
 *  letter, bracketed label or "này"; 1 and *out, or 0. */
int dt__cite_label_at(const scan *sc, size_t p, dt_label *out);
/** "(2)", "(b)" at p ("Article 5(2)(a)", "point (b)"). */
int dt__cite_paren_label(const scan *sc, size_t p, dt_label *out);
/** Does a level word of `kind` take a label of type t ("Điều" digits,
 *  "Chương" Roman, "điểm" letters)? */
int dt__cite_label_fits(dt_kind kind, dt_label_type t);
/** Labels of one list share a type: "1, 2 và 3", "a, b và c". */
int dt__cite_same_type(dt_label_type a, dt_label_type b);

/* ## Shared between cite.c and cite_ref.c */

/** A document word at p: its type row (symbol.c rows, then extras) in
 *  *row and its end in *end; 1, 0 or a negative dt_status. */
int dt__cite_type_at(const scan *sc, size_t p, size_t *row, size_t *end);

/** "ст. 5 КоАП": an abbreviation of another act right after units. */
int dt__cite_acronym_at(const scan *sc, size_t p, dt_cite_ref *ref);

/** A symbol right at p, after at most a number mark ("số", "№"). */
int dt__cite_symbol_here(const scan *sc, size_t p, dt_cite_ref *ref);

/** Does a noun that counts things ("в кабинете № 5", "на заседании №
 *  4", "приложения № 2") end right before the number (or its "№") at
 *  p, across blanks?  Then the number names no document.  With
 *  `records`, a record of the thing counted before that noun makes it a
 *  document's after all ("протокола заседания № 4"). */
int dt__cite_counted_before(const char *s, size_t len, size_t p,
	dt_cite_lang cl, int records);

/* ## Qualifiers (cite_qualifier.c) */

/** "областного Положения", "Типового положения": one or two Russian
 *  adjectives at p, then a type word.  Their stems go to ref->qual
 *  (folded, one blank between), whether they may be genitives to
 *  ref->qual_gen, the type word's row to ref->row and its start to
 *  ref->type.start, its end to *end; 1, 0 (ref->qual empty) or a
 *  negative dt_status. */
int dt__cite_qualified_at(const scan *sc, size_t p, dt_cite_ref *ref,
	size_t *end);

/* ## The grammar of one language (cite_grammar.c) */

/** Compile the patterns of grammar cl unless done (once per process,
 *  thread-safe; the accessors of cite.h do it too, but cannot fail):
 *  0, or a negative dt_status with `err` filled. */
int dt__cite_grammar_lang(dt_cite_lang cl, dt_error *err);

/* ## The scan's first step (cite_candidate.c) */

/* A text and the grammar the scanner looks for candidates with. */
typedef struct {
	const char *s;
	size_t len;
	dt_cite_lang cl;
	const dt_prefixes *starts; /* where the grammar's candidates may */
	const dt_re *cand0;        /* begin, and the pattern itself */
} dt_cite_text;

/** Set t up for s[0..len) in grammar cl (its patterns compiled:
 *  dt__cite_grammar_lang()). */
void dt__cite_text_init(dt_cite_text *t, const char *s, size_t len,
	dt_cite_lang cl);

/** Where dt__cite_scan() looks next from pos: 1 with the candidate
 *  pattern's match in ov[0..2); 2 with ov[0] at a Russian word after one
 *  that may end an adjective; 0 when none is left; a negative dt_status. */
int dt__cite_next_candidate(const dt_cite_text *t, size_t pos, size_t *ov);

/** dt__cite_next_candidate() on a text of its own, compiling the grammar
 *  first.  Exposed for the test that holds it to the plain loop it
 *  replaced. */
int dt__cite_candidate(const char *s, size_t len, dt_cite_lang cl,
	size_t pos, size_t *ov);

#endif /* DT_CITE_SCAN_H */
