/*
 * internal.h - declarations shared inside lib/ (never installed).
 *
 * Every allocation goes through dt__malloc and friends (alloc.c); growable
 * byte buffers are dt_buf (buf.c); errors are filled by dt__fail (error.c).
 * Module entry points are dt__<module>_<verb>.
 */
#ifndef DT_INTERNAL_H
#define DT_INTERNAL_H

#include <assert.h>
#include <stdint.h>
#include <stdarg.h>

#include "dirtrace.h"

#define DT_DEFAULT_MAX_BYTES ((size_t)64 << 20)
/* The other defaults of dt_parse_opts (documented in dirtrace.h). */
#define DT_DEFAULT_MAX_DEPTH 256u
#define DT_DEFAULT_MAX_UNITS ((size_t)1000000)
#define DT_DEFAULT_MAX_LINE ((size_t)1 << 20)
#define DT_DEFAULT_MAX_CELLS ((size_t)200000)
#define DT_DEFAULT_MAX_CITES ((size_t)100000)
#define DT_DEFAULT_MAX_SECONDS 5u
#define DT_DEFAULT_MAX_MEMORY ((size_t)512 << 20)

/** Argument check for public functions: asserts in debug builds, returns
 *  DT_EINVAL in release builds. */
#ifdef NDEBUG
#define DT_ASSERT_ARG(expr, err)                                           \
	do {                                                               \
		if (!(expr))                                               \
			return dt__fail((err), DT_EINVAL, 0, 0,            \
				"invalid argument: %s", #expr);            \
	} while (0)
#else
#define DT_ASSERT_ARG(expr, err) assert(expr)
#endif

/* ## alloc.c */
void *dt__malloc(size_t n);
void *dt__calloc(size_t count, size_t size);
void *dt__realloc(void *p, size_t n);
/** realloc for `count` elements of `size` bytes; NULL on overflow. */
void *dt__reallocarray(void *p, size_t count, size_t size);
void dt__free(void *p);
char *dt__strndup(const char *s, size_t len);
char *dt__strdup(const char *s);
/** Test hook: make the `n`th allocation from now fail (0 = never). */
void dt__alloc_fail_after(size_t n);

/* ## limits.c */
/** `given` (may be NULL) with every zero limit replaced by its default
 *  and max_units clamped to its ceiling, into *out. */
void dt__parse_limits(dt_parse_opts *out, const dt_parse_opts *given);

/* ## error.c */
/** Fill `err` (if not NULL) and return `code`. */
int dt__fail(dt_error *err, int code, size_t line, size_t column,
	const char *fmt, ...) DT_PRINTF(5, 6);
/** Set the `source` field of `err` (if not NULL and not yet set). */
void dt__error_source(dt_error *err, const char *source);

/* ## buf.c: a growable byte buffer with a mandatory maximum */
typedef struct {
	char *data;     /* NUL-terminated while len < cap */
	size_t len;
	size_t cap;
	size_t max;     /* DT_ELIMIT past this many bytes */
	/* A streaming buffer (dt__buf_init_sink) hands what it holds to
	 * `sink` whenever it would grow past DT_BUF_CHUNK, and starts over
	 * empty; `max` then bounds one piece, not the whole output. */
	dt_write_cb sink;
	void *payload;
	int sink_rc;    /* the sink's failure, once it failed */
} dt_buf;
#define DT_BUF_CHUNK ((size_t)64 * 1024)
void dt__buf_init(dt_buf *b, size_t max);
/** A streaming buffer: everything appended goes to `sink`, in pieces of
 *  about DT_BUF_CHUNK bytes; the last piece with dt__buf_flush().  A
 *  failing sink makes every later append fail with DT_EIO and keeps its
 *  result in `sink_rc`. */
void dt__buf_init_sink(dt_buf *b, dt_write_cb sink, void *payload);
/** Hand what a streaming buffer holds to its sink (no-op otherwise). */
int dt__buf_flush(dt_buf *b);
void dt__buf_dispose(dt_buf *b);
int dt__buf_reserve(dt_buf *b, size_t extra);
int dt__buf_append(dt_buf *b, const char *s, size_t len);
int dt__buf_putc(dt_buf *b, char c);
int dt__buf_printf(dt_buf *b, const char *fmt, ...) DT_PRINTF(2, 3);
/** Append a NUL-terminated string; a decimal number (as "%ld" writes
 *  it).  The hot paths' cheaper dt__buf_printf(b, "%s") and ("%ld"). */
int dt__buf_puts(dt_buf *b, const char *s);
int dt__buf_putl(dt_buf *b, long v);
/** Hand the contents to the caller (NUL-terminated); `b` becomes empty. */
char *dt__buf_detach(dt_buf *b, size_t *len_out);
/** End a document writer (write_md.c, write_akn.c) that built its output
 *  in `b` with status `rc`: on success the output goes to *out, else the
 *  error names `what` ("markdown", "akn"); `b` is disposed either way. */
int dt__buf_finish_output(dt_buf *b, int rc, const char *what, char **out,
	size_t *len_out, dt_error *err);

/** Narrow s[*a..*z) past spaces, tabs and line breaks on both sides. */
static inline void dt__trim_blanks(const char *s, size_t *a, size_t *z)
{
	while (*a < *z && (s[*a] == ' ' || s[*a] == '\t' || s[*a] == '\n')) {
		(*a)++;
	}
	while (*z > *a && (s[*z - 1] == ' ' || s[*z - 1] == '\t' ||
		s[*z - 1] == '\n')) {
		(*z)--;
	}
}

/* ## utf8.c */
/** Decode one code point at s[0..len); return its byte length (1..4) and
 *  store it in *cp, or return 0 for an invalid or truncated sequence. */
size_t dt__utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
/** Encode `cp` into out[0..4); return the byte length. */
size_t dt__utf8_encode(uint32_t cp, char *out);
/** Offset of the first invalid byte, or `len` when all of s is UTF-8. */
size_t dt__utf8_invalid_at(const char *s, size_t len);
/** 1-based line and byte column of offset `off` in `s`. */
void dt__line_col(const char *s, size_t off, size_t *line, size_t *col);

/* ## encoding.c: bytes in any supported encoding -> UTF-8 (not yet NFC) */
/**
 * Convert `len` bytes to UTF-8 in `*out` (NUL-terminated, dt__free) with
 * its length in `*out_len`.  `enc` forces an encoding; DT_ENC_AUTO detects
 * (BOM -> valid UTF-8 -> best-scoring legacy Vietnamese encoding).  The
 * encoding used goes to `*used`.  A BOM is dropped.  Line breaks (LF, CR)
 * are kept one for one, so lines of the output are lines of the input.
 * Fails with DT_EUTF8 naming the line and byte column of the first byte
 * that no candidate encoding accepts.
 */
int dt__decode(char **out, size_t *out_len, dt_encoding *used,
	const char *buf, size_t len, dt_encoding enc, dt_error *err);

/* ## syllable.c: how Vietnamese a text looks (legacy detection) */
typedef struct {
	long good; /* tokens with non-ASCII letters that are syllables */
	long bad;  /* tokens with non-ASCII letters that are not */
} dt_vi_score;
/** Score `len` bytes of UTF-8; vowel-less tokens ("QĐ") count neither. */
dt_vi_score dt__vi_score_text(const char *s, size_t len);

/* ## tone.c: one tone-mark placement for oa/oe/uy syllables */
/** Append `len` bytes of NFC UTF-8 to `out`, placing the tone mark of every
 *  oa/oe/uy syllable without a final consonant as `tone` says (qu/gi words
 *  untouched).  DT_TONE_KEEP copies. */
int dt__tone_apply(dt_buf *out, const char *s, size_t len, dt_tone tone);
/** Offset of the first word of s[0..len) that dt__tone_apply() would
 *  rewrite (`len` when it would copy everything). */
size_t dt__tone_first(const char *s, size_t len, dt_tone tone);

/* ## lang.c: what language detection counts */
typedef struct {
	size_t latin, cyr, cyr_foreign, other; /* letters by script */
	size_t words, vi_words, dia_words;     /* words with Latin letters */
	unsigned word; /* what is known of the word being read (lang.c) */
} dt_lang_counts;
/** Add to `st` (zeroed to begin) the letters and words of the code
 *  points of s[0..len) that start in [from, to), and return where the
 *  next one starts; the word being read at `to` is left open, so a text
 *  may be counted in pieces. */
size_t dt__lang_count(
	dt_lang_counts *st, const char *s, size_t from, size_t to, size_t len);

/* ## nfc.c: ICU normalization */
/** Append the NFC form of `len` bytes of valid UTF-8 to `out`. */
int dt__nfc_append(dt_buf *out, const char *s, size_t len, dt_error *err);
/** True when `len` bytes of valid UTF-8 are certainly NFC already. */
int dt__nfc_quick(const char *s, size_t len);

/* ## regex.c: the PCRE2 adapter (JIT, sized JIT stack, match limits) */
typedef struct dt_re dt_re;
#define DT_RE_CASELESS (1u << 0)
#define DT_RE_ANCHORED (1u << 1)
/** Compile UTF-8 `pattern` (PCRE2_UTF | PCRE2_UCP, plus DT_RE_* flags). */
int dt__re_compile(dt_re **out, const char *pattern, unsigned flags,
	dt_error *err);
void dt__re_free(dt_re *re);
/** Match `re` in s[0..len) from byte `start`.  On a match return the
 *  number of pairs stored in `ov` (ov[2k], ov[2k+1] = start, end of group
 *  k; unset groups are SIZE_MAX), 0 when there is no match, or a negative
 *  dt_status (DT_ELIMIT when the match limit is hit). `ovn` is the number
 *  of pairs `ov` holds.  `s` must be valid UTF-8.  An anchored pattern
 *  fails at once when s[start] cannot begin a match (pcre2's own start
 *  bitmap, found at compile time). */
int dt__re_match(const dt_re *re, const char *s, size_t len, size_t start,
	size_t *ov, size_t ovn);
/** After a match of rc pairs, set the pairs of ov past them to SIZE_MAX:
 *  the groups past the highest one set then never show a previous
 *  match's offsets.  Without a match (rc <= 0) ov is left as it is. */
void dt__re_unset_rest(int rc, size_t *ov, size_t ovn);

/* ## blocks: what a reader hands to the outline */
typedef enum {
	DT_BLOCK_HEADING, /* ATX/setext heading; AKN hierarchy head */
	DT_BLOCK_PARA,    /* paragraph (text may hold soft breaks as '\n') */
	DT_BLOCK_ITEM,    /* list item: text starts with its marker as written */
	DT_BLOCK_ROW,     /* table row */
	DT_BLOCK_BREAK    /* thematic break */
} dt_block_kind;

typedef struct {
	dt_block_kind kind;
	int level;         /* heading level 1..6; list nesting depth of items */
	char *text;        /* NFC, inline markup removed, soft breaks as '\n';
	                    * line k of text (0-based) is original line+k */
	size_t line;       /* original line of the first text line */
	size_t last_line;
	size_t strong_len; /* bytes at the start of text that were bold */
	char **cells;      /* rows: cell texts */
	size_t ncells;
	int header;        /* rows: 1 for the header row of a table */
	size_t table;      /* rows: 1-based number of the table */
	char *eid;         /* AKN: the element's eId as found, or NULL */
	int hint;          /* AKN: dt_kind of the element, or -1 */
} dt_block;

/** Key/value metadata found by a reader (front matter, AKN FRBR): keys
 *  are "type", "symbol", "date" (ISO), "place", "issuer", "title",
 *  "lang", "replaces", "based_on" (repeatable). */
typedef struct {
	char *key;
	char *value;
	size_t line;
} dt_kv;

typedef struct {
	dt_block *v;
	size_t n, cap;
	dt_kv *meta;
	size_t nmeta, metacap;
	size_t max_blocks; /* DT_ELIMIT past this */
} dt_blocks;

void dt__blocks_init(dt_blocks *b, size_t max_blocks);
void dt__blocks_dispose(dt_blocks *b);
/** Append a zeroed block (hint = -1) and return it in *out. */
int dt__blocks_push(dt_blocks *b, dt_block **out);
/** Append a copy of key/value metadata. */
int dt__blocks_meta(dt_blocks *b, const char *key, const char *value,
	size_t line);

/* ## read_md.c, read_akn.c: normalized text -> blocks */
int dt__read_md(dt_blocks *out, const char *text, size_t len,
	const dt_parse_opts *opts, dt_error *err);
int dt__read_akn(dt_blocks *out, const char *text, size_t len,
	const dt_parse_opts *opts, dt_error *err);

/* ## write_md.c, write_akn.c, read_akn.c: shared by the writers */
/** The number of `u` as the source wrote it ("Điều 5.", "1.", "a)",
 *  "1. Điều 1 (Khoản 2):" rebuilt from a Charter tag). */
int dt__write_num(dt_buf *b, const dt_doc *doc, const dt_unit *u);
/** `s` in the canonical line layout both writers use (one_line: joined). */
int dt__write_canon(dt_buf *b, const char *s, int one_line);
/** True when a metadata reference on `line` lies inside some unit. */
int dt__write_ref_in_unit(const dt_doc *doc, size_t line);
/** The separator between a head's num and heading ("Điều 5." + " "). */
const char *dt__akn_head_sep(const char *num, size_t len);

/* ## doc.c: the model */
struct dt_unit {
	dt_kind kind;
	char *num;          /* as written, "" when unnumbered */
	long value;
	char *eid;
	char *heading;
	char *text;         /* own text; line k of it is text_line+k */
	size_t text_len;    /* its length and line breaks, kept by
	                     * dt__unit_append_text (doc.c, its only
	                     * writer) so that an append costs its own
	                     * length, not the unit's */
	size_t text_breaks;
	char *label;
	size_t line, last_line;
	size_t text_line;   /* original line of text[0] */
	dt_unit *parent;
	dt_unit **children;
	size_t nchildren, childcap;
	char **implements;
	size_t nimplements;
	char **cell_names, **cells;
	size_t ncells;
	char delim;         /* the delimiter after num ('.', ')', '-', 0) */
	size_t ndup;        /* doc_index.c: the last "-N" suffix given to a
	                     * duplicate of this unit's eId, or 0 */
	size_t *kind_count; /* children of each dt_kind (NULL until the
	                     * first child; dt__unit_add keeps it) */
};

struct dt_doc {
	char *file;
	dt_lang lang;
	dt_format format;
	dt_meta meta;       /* strings owned by the doc ("" = static empty) */
	dt_docref *replaces, *based_on;
	dt_diag *diags;
	size_t ndiags, diagcap;
	dt_unit root;
	dt_unit **order;    /* pre-order, root excluded; built by finish */
	size_t nunits;
	size_t *eid_hash;   /* open addressing: index+1 into order, 0 empty */
	size_t hashcap;
	size_t ntagged;     /* units with an implements list (by finish) */
	struct dt_doc_tag *tags; /* their tags, sorted (doc_index.c) */
	size_t ntags;
	size_t max_cites;   /* citations kept per unit (dt_parse_opts) */
};

extern const char dt__empty[]; /* the shared "" for unknown strings */

int dt__doc_new(dt_doc **out, const char *file, dt_error *err);
/** A new unit appended as the last child of `parent`. */
int dt__unit_add(dt_unit **out, dt_unit *parent, dt_kind kind);
/** Replace *field (a doc-owned string) with a copy of s[0..len). */
int dt__set_str(char **field, const char *s, size_t len);
/** Append s[0..len) to the unit's own text, which continues from the
 *  original line `line` (blank lines are padded in so that line k of the
 *  text stays line text_line+k). */
int dt__unit_append_text(dt_unit *u, const char *s, size_t len,
	size_t line);
int dt__unit_add_implements(dt_unit *u, const char *eid);
int dt__unit_add_cell(dt_unit *u, const char *name, const char *value);
/** True when two table rows have the same column names (one table). */
int dt__unit_same_columns(const dt_unit *a, const dt_unit *b);
/** Add a warning (or error) at an original line. */
int dt__doc_diag(dt_doc *doc, dt_severity sev, size_t line,
	const char *fmt, ...) DT_PRINTF(4, 5);
int dt__doc_add_ref(dt_doc *doc, int replaces, const char *text,
	const char *type, const char *symbol, const char *date, size_t line);
/** After building: eIds made unique (suffix -2 and a warning), labels,
 *  the document-order index and the eId lookup table. */
int dt__doc_finish(dt_doc *doc, dt_error *err);
/** The first unit, in document order, that implements Charter unit
 *  `eid` (one of its implements tags is `eid`) or, when `eid` is an
 *  article ("art_1"), one of the article's parts ("art_1__para_2"); NULL
 *  when none does.  A lookup in a table built by dt__doc_finish. */
const dt_unit *dt__doc_implementing(const dt_doc *doc, const char *eid);
/** A new document with the file, language, format and metadata of `src`
 *  and no units (what a review keeps of a local document it merges
 *  later). */
int dt__doc_copy_meta(dt_doc **out, const dt_doc *src, dt_error *err);

/* ## outline.c: blocks -> unit tree (and meta.c: metadata) */
int dt__outline(dt_doc *doc, const dt_blocks *blocks, dt_error *err);
/** Take metadata from the header block, preamble and end matter; marks
 *  consumed blocks in `used` (one flag per block). */
int dt__meta_extract(dt_doc *doc, const dt_blocks *blocks,
	unsigned char *used, dt_error *err);

/* ## obligation.c */
/** 0: `u` is not an obligation (scope, definitions, entry into force,
 *  preamble); 1: it is; 2: its wording says so ("phải", "обязаны");
 *  or a negative dt_status. */
int dt__obligation_of(const dt_unit *u);
/** 1: `u` (an obligation) is about carrying out the act itself: its
 *  heading or its article's says so ("Trách nhiệm thi hành"); 0: not;
 *  or a negative dt_status. */
int dt__executes_act(const dt_unit *u);

#endif /* DT_INTERNAL_H */
