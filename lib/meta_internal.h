/*
 * meta_internal.h - what the parts of metadata extraction share, private
 * to meta*.c: the compiled patterns (meta_patterns.c), small text and
 * field helpers (meta_text.c), and the steps meta.c runs in order: the
 * header (meta_header.c), front-matter / AKN key/values (meta_kv.c), the
 * preamble and supersession references (meta_body.c) and the end matter
 * (meta_end.c).
 *
 * Functions that may fail return 0 (or 1+ for "found"), 0 for "not
 * found", or a negative dt_status.
 */
#ifndef DT_META_INTERNAL_H
#define DT_META_INTERNAL_H

#include "internal.h"
#include "symbol.h"

/* ## Patterns (meta_patterns.c) */

/* The metadata patterns; each is compiled once, read-only after. */
enum {
	RE_NUMBERED, RE_UNIT, RE_PREAMBLE, RE_MOTTO, RE_SO, RE_PLACE,
	RE_RU_PLACE, RE_LETTER, RE_LOWER, RE_LOWER_AT, RE_UPPER,
	RE_TITLE_START, RE_STAMP, RE_NOTE, RE_RECIP, RE_SIGN, RE_RU_SIGN,
	RE_APPENDIX, RE_VERB, RE_GAP, RE_VERB_AT, RE_COUNT
};

/* On which side of a supersession verb the superseded document is
 * named. */
enum { SIDE_AFTER = 1, SIDE_BEFORE = 2, SIDE_BOTH = 3 };

/** Side of each verb of RE_VERB: capture group k + 1 is verb k. */
extern const int dt__meta_verb_sides[];

/** Compile the patterns (once, thread-safe); 0, or DT_ERROR when they
 * failed to compile. */
int dt__meta_patterns_init(void);

/** Run pattern `which` on s[0..len) from `from`; groups past the highest
 * one set are cleared.  1+ on a match, 0 none, <0 dt_status.  RE_VERB
 * searches through the literal beginnings of its verbs (prefix.h). */
int dt__meta_run(int which, const char *s, size_t len, size_t from,
	size_t *ov, size_t ovn);

/** 0 when RE_VERB cannot match anywhere in t[0..len): none of the
 * letters every supersession verb holds is there; 1 otherwise. */
int dt__meta_verb_marks(const char *t, size_t len);

/** dt__meta_verb_marks() without SIMD (what other machines run), for
 * the test that holds both to the pattern. */
int dt__meta_verb_marks_portable(const char *t, size_t len);

/** Compiled pattern `which`, for tests that compare with it. */
const dt_re *dt__meta_re(int which);

/** Does anchored pattern `which` match at s[pos]?  End in *end (may be
 * NULL). */
int dt__meta_at(int which, const char *s, size_t len, size_t pos,
	size_t *end);

/* ## Text and field helpers (meta_text.c) */

static inline int dt__meta_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}


/** All capitals: the first letter is upper case and no lower-case letter
 * stands outside a symbol-like token ("QUY ĐỊNH SỐ 19-QĐi/TU"). */
int dt__meta_caps(const char *s, size_t a, size_t z);

/** Does t[0..len) open with a number or a unit word ("Điều 1.")? */
int dt__meta_numbered(const char *t, size_t len);

/** Cut `b` back to `len` bytes, keeping it NUL-terminated. */
void dt__meta_buf_cut(dt_buf *b, size_t len);

/** Copy s[sp] into out[0..cap) with line breaks as blanks (truncated). */
void dt__meta_copy_flat(char *out, size_t cap, const char *s, dt_span sp);

/** Replace a dt_meta string field with a copy of s[0..len). */
int dt__meta_set_field(const char **field, const char *s, size_t len);

/** Replace the symbol and all its parts. */
int dt__meta_set_symbol(dt_meta *m, const char *s, const dt_symbol *sym);

/** Replace a date field with the ISO form of `d`. */
int dt__meta_set_date(const char **field, const dt_date *d);

/* ## Steps (in the order meta.c runs them) */

/** "replaces" / "based_on" key/values become references
 * (meta_kv.c). */
int dt__meta_kv_refs(dt_doc *doc, const dt_blocks *bl);

/** Find the header, fill the fields it holds and mark its blocks used;
 * *end is the first block after it, 0 when there is none
 * (meta_header.c). */
int dt__meta_header(dt_doc *doc, const dt_blocks *bl, unsigned char *used,
	size_t *end);

/** Scalar key/values over whatever the text gave (meta_kv.c). */
int dt__meta_kv_fields(dt_doc *doc, const dt_blocks *bl);

/* Reading references from the body (meta_body.c). */
typedef struct {
	dt_doc *doc;
	const dt_blocks *bl;
	unsigned char *used;
	char own[DT_SYMBOL_KEY_MAX]; /* key of the document's own symbol */
	dt_buf text;
} dt_meta_body;

/** Preamble lines from block `from` to the first numbered unit name the
 * parents; *end: where the preamble zone ends (meta_body.c). */
int dt__meta_preamble(dt_meta_body *c, size_t from, size_t *end);

/** Mark the end matter from block `from` on used (meta_end.c). */
int dt__meta_end_matter(const dt_blocks *bl, unsigned char *used,
	size_t from);

/** Documents superseded in sentences of unused blocks from `from` on,
 * preamble lines before `pre_end` excepted (meta_body.c). */
int dt__meta_supersession(dt_meta_body *c, size_t from, size_t pre_end);

/** Does the text open the end matter ("Nơi nhận:", a signature)?
 * (meta_end.c) */
int dt__meta_end_text(const char *t, size_t len);

#endif /* DT_META_INTERNAL_H */
