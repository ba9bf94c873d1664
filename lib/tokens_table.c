/*
 * tokens_table.c - the tokenizer's character table: the class and the
 * case fold of every BMP code point, built once from ICU's character
 * data (tokens_table.h says what an entry holds).
 *
 * Split off tokens.c, which reads the table in its scan loops through the
 * inline entry_at() of tokens_table.h; what is here runs once per process
 * (the build) or for rare characters (outside the BMP, invalid bytes).
 * The only file of the tokenizer that asks ICU.
 */
#include <string.h>

#include <unicode/uchar.h>

#include "tokens_table.h"

cpinfo dt__tokens_bmp[0x10000];

/* Class of `c` from its general category and White_Space.  Nl (Roman
 * numeral letters) counts as a word character; No (², ①) does not, so a
 * circled list number separates like punctuation. */
static unsigned classify(UChar32 c)
{
	if (c == '\n' || c == 0x85 || c == 0x2028) {
		return CL_NEWLINE;
	}
	if (c == 0x2029) {
		return CL_PUNCT; /* paragraph separator: a hard break */
	}
	if (c == 0x200B || u_isUWhiteSpace(c)) {
		return CL_SPACE; /* ZWSP separates words although it is Cf */
	}
	if (c == '_') {
		/* NLP tools write a word's syllables as xây_dựng (DOMAIN
		 * §6.5): split, and keep them adjacent for the bigram. */
		return CL_SPACE;
	}
	switch (u_charType(c)) {
	case U_UPPERCASE_LETTER:
	case U_LOWERCASE_LETTER:
	case U_TITLECASE_LETTER:
	case U_MODIFIER_LETTER:
	case U_OTHER_LETTER:
	case U_NON_SPACING_MARK:
	case U_ENCLOSING_MARK:
	case U_COMBINING_SPACING_MARK:
	case U_DECIMAL_DIGIT_NUMBER:
	case U_LETTER_NUMBER:
		return CL_WORD;
	case U_FORMAT_CHAR:
		return CL_IGNORE; /* soft hyphen, ZWJ, ZWNJ, bidi marks, BOM */
	default:
		return CL_PUNCT; /* hyphens, apostrophes, other Pc */
	}
}

/* Simple case folding (one code point to one), plus ё -> е (DOMAIN §6.6):
 * official Russian mostly writes е, so the two must match. */
static uint32_t fold_cp(UChar32 c)
{
	UChar32 f = u_foldCase(c, U_FOLD_CASE_DEFAULT);

	return f == 0x451 ? 0x435u : (uint32_t)f;
}

uint32_t dt__tokens_fold_cp(uint32_t c)
{
	return fold_cp((UChar32)c);
}

/* The table entry of `c`.  A word character outside the BMP, or one whose
 * fold is (none in Unicode 15), is CL_WORD_SLOW: folded when met. */
static cpinfo info_of(UChar32 c)
{
	cpinfo e = {{0, 0, 0}, 0};
	unsigned cl = classify(c);
	uint32_t f = fold_cp(c);
	char u[4];
	size_t n;

	if (cl == CL_WORD && (c > 0xFFFF || f > 0xFFFF)) {
		cl = CL_WORD_SLOW;
	}
	if (cl == CL_WORD) {
		n = dt__utf8_encode(f, u);
		memcpy(e.fold, u, n);
		e.info = (unsigned char)(cl | n << 4);
	} else {
		e.info = (unsigned char)cl;
	}
	return e;
}

void dt__tokens_table_build(void)
{
	UChar32 c;

	for (c = 0; c < 0x10000; c++) {
		dt__tokens_bmp[c] = info_of(c);
	}
}

cpinfo dt__tokens_entry_slow(const unsigned char *s, size_t len, size_t *n)
{
	cpinfo punct = {{0, 0, 0}, CL_PUNCT};
	uint32_t cp;

	*n = dt__utf8_decode(s, len, &cp);
	if (*n == 0) {
		*n = 1;
		return punct;
	}
	if (cp < 0x10000) {
		return dt__tokens_bmp[cp];
	}
	return info_of((UChar32)cp);
}
