/*
 * symbol.h - document symbols ("31-QĐ/TW", "30/2020/NĐ-CP", "№ 12-П"),
 * document type words ("Quy định", "ПОЛОЖЕНИЕ"), document mentions
 * ("Quy định số 31-QĐ/TW, ngày 15/3/2026") and dates ("ngày 15 tháng 3
 * năm 2026", "от 17 марта 2011 г.").  Private to lib/: meta.c reads the
 * header and preamble with them; citation resolution reuses them.
 *
 * Nothing here allocates.  Finders take UTF-8 `s[0..len)` (NFC, as the
 * text stage hands it over) and report byte spans into `s`.  They return
 * 1 when something was found, 0 when not, or a negative dt_status
 * (DT_ELIMIT when a pattern hit its match limit, DT_ERROR when the
 * built-in patterns failed to compile).  All of them may be called from
 * several threads at once: the patterns are compiled once, read-only.
 */
#ifndef DT_SYMBOL_H
#define DT_SYMBOL_H

#include <stddef.h>

/** Bytes [start, end) of a string; start == end when absent. */
typedef struct {
	size_t start, end;
} dt_span;

/* ## Symbols */

/** The shapes of DOMAIN §3.1-3.2. */
typedef enum {
	DT_SYM_PARTY = 1,  /* number-TYPE/ISSUER: 31-QĐ/TW, 06-HD/BTCTW-BTGTW */
	DT_SYM_NORMATIVE,  /* number/year/[TYPE-]ISSUER: 30/2020/NĐ-CP */
	DT_SYM_ADMIN,      /* number/TYPE-ISSUER: 594/KH-UBND, 927/QĐ TTg */
	DT_SYM_LETTER,     /* number/ISSUER[-UNIT], no type code: 123/UBND-NC */
	DT_SYM_RU          /* after "№": 12-П, 131-ФЗ, or a bare 123 */
} dt_symbol_shape;

/**
 * A symbol found in a string.  `all` is the symbol as written, without
 * a leading "Số"/"№"; the parts are spans inside it.  `issuer` runs to
 * the end of the symbol: "BTCTW-BTGTW" for a joint Party issuance,
 * "UBND-NC" for a letter.  `type` is empty for letters and laws
 * ("197/2025/QH15"); `year` only for normative State symbols.
 */
typedef struct {
	dt_symbol_shape shape;
	dt_span all;
	dt_span number;
	dt_span year;
	dt_span type;
	dt_span issuer;
} dt_symbol;

/** Room for any matching key dt__symbol_key() writes, NUL included. */
#define DT_SYMBOL_KEY_MAX 160

/**
 * Find the first symbol starting at or after byte `from` of s[0..len).
 * Tolerates the noise of real copies: spaces around "-" and "/"
 * ("27/NQ- TW"), a space for the hyphen ("927/QĐ TTg"), leading zeros,
 * upper-cased codes ("CT-TTG").  Type and issuer codes must start with a
 * capital, so prose ("12/KH Ban") is not taken for a symbol, nor is a
 * type code without an issuer ("12/KH").  Russian codes ("12-П") and
 * bare numbers count only after "№".
 */
int dt__symbol_find(dt_symbol *out, const char *s, size_t len, size_t from);

/** dt__symbol_find() without its byte pre-test: the pattern on every
 *  text.  For the test that compares them. */
int dt__symbol_find_full(dt_symbol *out, const char *s, size_t len,
	size_t from);

/**
 * Parse s[0..len), which must be one symbol and nothing else (blanks at
 * either end and a leading "Số"/"№" allowed), in any letter case
 * ("031-qđ/tw").  Returns 1 and fills `out`, or 0.
 */
int dt__symbol_parse(dt_symbol *out, const char *s, size_t len);

/**
 * Write the matching key of the symbol `sym` found in `s` into
 * out[0..cap): upper case, Đ folded to D, blanks dropped, leading zeros
 * of the number dropped, separators put back in the shape's places;
 * a Party symbol written in State style ("27/NQ- TW") gets the Party
 * shape ("27-NQ/TW").  "31-QĐ/TW", "31-QD/TW" and "031-qđ/tw" all give
 * "31-QD/TW".  Returns the key's length, or DT_ELIMIT when it does not
 * fit (cap >= DT_SYMBOL_KEY_MAX always fits).
 */
int dt__symbol_key(char *out, size_t cap, const char *s,
	const dt_symbol *sym);

/**
 * dt__symbol_parse() then dt__symbol_key(): the key of the symbol that
 * is all of s[0..len).  Returns the key's length, 0 when s is not a
 * symbol (out is then ""), or a negative dt_status.
 */
int dt__symbol_key_str(char *out, size_t cap, const char *s, size_t len);

/* ## Document type words */

/**
 * Find the first document type word ("Quy định", "KẾ HOẠCH",
 * "постановлением") at or after `from`, case-insensitively and as a
 * whole word; Russian words in any case form.  `*idx_out` gets its row
 * of the type table (for dt__symbol_doctype_name/_codes), `*span_out`
 * the word as written.
 */
int dt__symbol_doctype_find(size_t *idx_out, dt_span *span_out,
	const char *s, size_t len, size_t from);

/** The search dt__symbol_doctype_find() replaces: one unanchored run of
 *  the whole type-word alternation.  For the test that compares them. */
int dt__symbol_doctype_find_plain(size_t *idx_out, dt_span *span_out,
	const char *s, size_t len, size_t from);

/** Like dt__symbol_doctype_find() but only a type word starting exactly
 *  at `at`. */
int dt__symbol_doctype_at(size_t *idx_out, dt_span *span_out,
	const char *s, size_t len, size_t at);

/** dt__symbol_doctype_at() without its prefix pre-test.  For the test
 *  that compares them. */
int dt__symbol_doctype_at_full(size_t *idx_out, dt_span *span_out,
	const char *s, size_t len, size_t at);

/** Canonical upper-case name of type row `idx` ("QUY ĐỊNH", "ПЛАН"),
 *  or NULL past the table. */
const char *dt__symbol_doctype_name(size_t idx);

/** Type codes of row `idx`, blank-separated ("QĐ QĐi QyĐ"; "" when the
 *  type has none, as laws), or NULL past the table. */
const char *dt__symbol_doctype_codes(size_t idx);

/* ## Dates */

/** A date; `all` covers the phrase as written, with a leading "ngày" or
 *  "от" and a trailing "г."/"года" when present. */
typedef struct {
	int year, month, day;
	dt_span all;
} dt_date;

/** Bytes dt__date_iso() writes, NUL included. */
#define DT_DATE_ISO_SIZE 11

/**
 * Find the first valid date at or after `from`: "ngày 15 tháng 3 năm
 * 2026", "ngày 05 tháng 01 năm 2026", "30 tháng bốn năm 2025" (month
 * words một..mười hai, giêng, chạp), "15/3/2026", "15-3-2026",
 * "30.07.2021", "от 17 марта 2011 г.", "30 мая 2019 года", ISO
 * "2026-03-15".  Impossible dates ("32/13/2025", "30/02/2026") are
 * skipped.
 */
int dt__date_find(dt_date *out, const char *s, size_t len, size_t from);

/** Parse s[0..len), which must be one date and nothing else (blanks
 *  allowed at either end).  Returns 1 and fills `out`, or 0. */
int dt__date_parse(dt_date *out, const char *s, size_t len);

/** True (1) when year/month/day is a calendar date in 1800..2200. */
int dt__date_valid(int year, int month, int day);

/** Write "YYYY-MM-DD" and a NUL into out[0..DT_DATE_ISO_SIZE). */
void dt__date_iso(char *out, const dt_date *date);

/** True (1) when `s` starts with the shape of an ISO date, "dddd-dd-dd"
 *  (digits and dashes only: the calendar is not checked). */
int dt__date_iso_shaped(const char *s);

/* ## Document mentions */

/**
 * A mention of another document: a type word, then within the same
 * clause its symbol (after an optional title and "số"/"№"), and a date
 * right after the symbol (", ngày 15/3/2026") or, Russian style, right
 * before it ("от 10 марта 2026 г. № 12-П").  `all` runs from the type
 * word to the end of the symbol or date.  A continuation ("…, số
 * 21-HD/BTCTW ngày 20/9/2022" after a mention) repeats the previous
 * mention's type; its `type` span is then the previous one's.
 */
typedef struct {
	dt_span all;
	dt_span type;
	size_t doctype;   /* row of the type table */
	dt_symbol symbol;
	int has_date;
	dt_date date;
} dt_mention;

/**
 * Find the first mention with a symbol that starts in s[from..to).
 * Pass the previous mention as `prev` (or NULL) to also accept a
 * continuation starting at `from`.  A type word without a symbol in its
 * clause ("Quy định này", "Điều lệ Đảng") is not a mention.
 */
int dt__symbol_mention_find(dt_mention *out, const char *s, size_t len,
	size_t from, size_t to, const dt_mention *prev);

#endif /* DT_SYMBOL_H */
