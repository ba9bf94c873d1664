/*
 * tokens_table.h - the tokenizer's character table (built in
 * tokens_table.c), shared with the tokenizer (tokens.c).  Private to lib/.
 *
 * One 4-byte entry per BMP code point: the UTF-8 of its simple case fold
 * (ё/Ё already mapped to е) and an info byte with the class and that
 * UTF-8's length.  Folding a character is then one table load and one
 * 4-byte store, with no branch on its length.  The 256 KiB table stays
 * cache-warm: a document touches only a few blocks of it.
 *
 * entry_at() is here, static and always inline, because the tokenizer's
 * scan loops call it for every character: a call per character would
 * cost more than the lookup.
 */
#ifndef DT_TOKENS_TABLE_H
#define DT_TOKENS_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"

enum {
	CL_PUNCT = 0, /* breaks words and Vietnamese bigrams */
	CL_SPACE,     /* breaks words, keeps the next word adjacent */
	CL_NEWLINE,   /* like CL_SPACE once; two in a row break bigrams */
	CL_IGNORE,    /* format characters: invisible, as if absent */
	CL_WORD,      /* letters, combining marks, digits */
	CL_WORD_SLOW  /* a word character whose fold is not in the table */
};

typedef struct {
	unsigned char fold[3]; /* UTF-8 of the fold, zero-padded */
	unsigned char info;    /* class | fold length << 4 */
} cpinfo;

/* put_fold() (tokens.c) copies an entry as 4 bytes */
_Static_assert(sizeof(cpinfo) == 4, "cpinfo must be 4 bytes");

#define INFO_CLASS(e) ((unsigned)(e).info & 0x0Fu)
#define INFO_LEN(e) ((size_t)((e).info >> 4))

/** (tokens_table.c) The table: entry c is that of BMP code point c.
 *  Filled by dt__tokens_table_build(), read-only after. */
extern cpinfo dt__tokens_bmp[0x10000];

/** (tokens_table.c) Fill dt__tokens_bmp from ICU's character data.
 *  Call it once (tokens.c does, under pthread_once). */
void dt__tokens_table_build(void);

/** (tokens_table.c) Simple case folding (one code point to one), plus
 *  ё -> е. */
uint32_t dt__tokens_fold_cp(uint32_t c);

/** (tokens_table.c) Entry of the code point at s[0..len) (len >= 1)
 *  that entry_at()'s inline fast path did not take: 4-byte sequences
 *  and invalid bytes.  An invalid byte is a one-byte separator, so
 *  garbage never merges two words; *n gets the byte length. */
cpinfo dt__tokens_entry_slow(const unsigned char *s, size_t len, size_t *n);

/* The hot helpers must inline into the scan loops; GCC otherwise keeps
 * entry_at() out of line because it has several callers. */
#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

static inline int is_cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

/* The table entry of the code point at s[i] and its byte length in *n.
 * One- to three-byte sequences are decoded inline (they are nearly all
 * text); the checks are those of dt__utf8_decode. */
static ALWAYS_INLINE cpinfo entry_at(
	const unsigned char *s, size_t len, size_t i, size_t *n)
{
	unsigned c = s[i];

	if (c < 0x80) {
		*n = 1;
		return dt__tokens_bmp[c];
	}
	if (c >= 0xC2 && c < 0xE0 && i + 1 < len && is_cont(s[i + 1])) {
		*n = 2;
		return dt__tokens_bmp[((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu)];
	}
	if (c >= 0xE0 && c < 0xF0 && i + 2 < len && is_cont(s[i + 1]) &&
		is_cont(s[i + 2])) {
		uint32_t cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) |
			      (s[i + 2] & 0x3Fu);

		if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
			*n = 3;
			return dt__tokens_bmp[cp];
		}
	}
	return dt__tokens_entry_slow(s + i, len - i, n);
}

#endif /* DT_TOKENS_TABLE_H */
