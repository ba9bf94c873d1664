/*
 * dirtrace.h - the public API of libdirtrace.
 *
 * dirtrace makes central directives (regulations, resolutions, decrees)
 * traceable into the local documents that implement them.  Data flows one
 * way: file bytes -> text (decode, normalize) -> reader -> outline ->
 * cite/match -> cover -> report.  This header is the only one installed.
 *
 * Conventions (see STYLE.md in the project):
 *  - fallible functions return int: 0 (DT_OK) or a negative dt_status, with
 *    out-params first and a caller-allocated `dt_error *err` last (may be
 *    NULL; filled only on failure);
 *  - a value returned through `**out` or as non-const `char *` is owned by
 *    the caller and freed with the matching dt_*_free() or dt_free();
 *    a `const T *` result is borrowed from its parent object;
 *  - strings are UTF-8; lengths are bytes; positions are byte offsets.
 *  - the library never prints, exits, or reads the environment.
 */
#ifndef DIRTRACE_H
#define DIRTRACE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(DT_BUILDING) && defined(__GNUC__)
#define DT_API __attribute__((visibility("default")))
#else
#define DT_API
#endif

#if defined(__GNUC__)
#define DT_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define DT_PRINTF(f, a)
#endif

/* ## Version */

#define DT_VERSION_MAJOR 0
#define DT_VERSION_MINOR 1
#define DT_VERSION_PATCH 0
#define DT_VERSION_STRING "0.1.0"
#define DT_VERSION_NUMBER \
	((DT_VERSION_MAJOR << 16) | (DT_VERSION_MINOR << 8) | DT_VERSION_PATCH)
/** True when the library headers are at least version a.b.c. */
#define DT_VERSION_CHECK(a, b, c) \
	(DT_VERSION_NUMBER >= (((a) << 16) | ((b) << 8) | (c)))

/** The version of the library linked at run time, e.g. "0.1.0". */
DT_API const char *dt_version_string(void);
/** The version of the library linked at run time as DT_VERSION_NUMBER. */
DT_API int dt_version_number(void);

/* ## Errors */

typedef enum {
	DT_OK = 0,
	DT_ERROR = -1,     /* generic failure */
	DT_ENOMEM = -2,    /* out of memory */
	DT_EIO = -3,       /* a file could not be read or written */
	DT_EPARSE = -4,    /* malformed input */
	DT_EUTF8 = -5,     /* bytes valid in no supported encoding */
	DT_ELIMIT = -6,    /* a documented limit was exceeded */
	DT_EINVAL = -7,    /* an invalid argument */
	DT_ENOTFOUND = -8  /* a named thing does not exist */
} dt_status;

/**
 * Where and why a call failed.  Caller-allocated; filled only on failure.
 * `line` and `column` are 1-based (0 = unknown); `line` is a line of the
 * original input, before decoding and normalization; `column` counts bytes.
 */
typedef struct {
	int code;
	size_t line;
	size_t column;
	char source[128];
	char message[256];
} dt_error;

/** Static English text for a dt_status, e.g. "out of memory". */
DT_API const char *dt_strerror(int status);

/** Free memory the library returned as owned (`char *`, arrays). */
DT_API void dt_free(void *p);

/* ## Files */

/**
 * Read the whole file at `path` (at most `max_bytes`; 0 = 64 MiB) into a
 * new NUL-terminated buffer, returned in `*buf_out` (free with dt_free())
 * with its length in `*len_out`.  A directory, a missing file or a file
 * over the limit fails with DT_EIO or DT_ELIMIT.
 */
DT_API int dt_file_read(char **buf_out, size_t *len_out, const char *path,
	size_t max_bytes, dt_error *err);

/**
 * Write `len` bytes to `path` atomically: a temporary file in the same
 * folder, flushed and renamed over `path`.  On failure nothing is left
 * behind and `path` is unchanged.
 */
DT_API int dt_file_write_atomic(const char *path, const char *buf, size_t len,
	dt_error *err);

/**
 * Takes output piece by piece, in order: `len` bytes at `buf` (not
 * NUL-terminated; valid during the call only).  Returns 0 to go on; a
 * nonzero result (a negative dt_status, e.g. DT_EIO) stops the writer,
 * which returns it.
 */
typedef int (*dt_write_cb)(const char *buf, size_t len, void *payload);

/** An output file being written in pieces; opaque. */
typedef struct dt_output dt_output;

/**
 * Start writing `path` as dt_file_write_atomic() does, in pieces: the
 * bytes go to a temporary file in the same folder, which
 * dt_output_commit() flushes and renames over `path` and
 * dt_output_discard() removes, leaving `path` as it was.  "-" is standard
 * output; a `path` that exists and is no regular file (/dev/null, a FIFO,
 * a terminal) is written in place; a symbolic link stays one (the file it
 * names is replaced); a directory fails with DT_EIO.  End every output
 * with dt_output_commit() or dt_output_discard().
 */
DT_API int dt_output_open(dt_output **out, const char *path, dt_error *err);
/** Write `len` bytes at `buf` to `output` (a dt_output *): a dt_write_cb.
 *  Unbuffered, so write large pieces.  Returns 0, or DT_EIO after which
 *  every write fails and dt_output_commit() reports why. */
DT_API int dt_output_write(const char *buf, size_t len, void *output);
/** 1 once a dt_output_write() to `o` has failed (dt_output_commit() then
 *  says why, and cleans up), else 0. */
DT_API int dt_output_failed(const dt_output *o);
/**
 * Finish `o` and free it: flush the temporary file and rename it over the
 * path.  On failure (here or in an earlier dt_output_write()) the
 * temporary file is removed and the path left as it was (written in place
 * or standard output: what was written stays written); DT_EIO.
 */
DT_API int dt_output_commit(dt_output *o, dt_error *err);
/** Give up `o` and free it: the temporary file is removed and the path
 *  left as it was.  NULL is a no-op. */
DT_API void dt_output_discard(dt_output *o);
/** The temporary file `o` writes to, or NULL (standard output, a file
 *  written in place).  The library installs no signal handler: an
 *  application that stops on a signal may unlink this path first, so
 *  that an interrupted run leaves nothing behind (the dirtrace CLI
 *  does). */
DT_API const char *dt_output_temp_path(const dt_output *o);

/* ## Text: decoding and normalization */

/** Character encodings dirtrace reads. */
typedef enum {
	DT_ENC_AUTO = 0, /* detect: BOM, valid UTF-8, legacy Vietnamese */
	DT_ENC_UTF8,
	DT_ENC_UTF16LE,
	DT_ENC_UTF16BE,
	DT_ENC_CP1258,   /* Windows-1258 */
	DT_ENC_TCVN3,    /* TCVN 5712:1993 "ABC", .VnTime fonts */
	DT_ENC_VISCII,
	DT_ENC_VNI,      /* VNI-Windows, VNI-Times fonts */
	DT_ENC_COUNT_
} dt_encoding;

/** Canonical name of an encoding, e.g. "UTF-8", "TCVN3"; "auto" for AUTO. */
DT_API const char *dt_encoding_name(dt_encoding enc);

/**
 * The encoding named `name` (case-insensitive; aliases such as "utf8",
 * "windows-1258", "cp1258", "tcvn", "tcvn5712-1", "abc", "vni-windows").
 * Fails with DT_ENOTFOUND for an unknown name.
 */
DT_API int dt_encoding_from_name(dt_encoding *out, const char *name);

/** Where the tone mark goes in oa/oe/uy syllables without a final. */
typedef enum {
	DT_TONE_NEW = 0, /* hòa, khỏe, thủy (the default) */
	DT_TONE_OLD = 1, /* hoà, khoẻ, thuỷ */
	DT_TONE_KEEP = 2 /* leave tone marks where they are */
} dt_tone;

typedef struct {
	dt_encoding encoding; /* DT_ENC_AUTO (0) detects */
	dt_tone tone;         /* DT_TONE_NEW (0) by default */
	size_t max_bytes;     /* 0 = default (64 MiB) */
} dt_text_opts;
#define DT_TEXT_OPTS_INIT { DT_ENC_AUTO, DT_TONE_NEW, 0 }

/** Decoded, normalized text: UTF-8, NFC, one tone style, LF line ends. */
typedef struct dt_text dt_text;

/**
 * Decode `len` bytes at `buf` (any supported encoding) into normalized text:
 * a leading BOM dropped, CRLF and lone CR turned into LF, NFC, and the tone
 * style of `opts`.  On success `*out` is new (free with dt_text_free()).
 * Fails with DT_EUTF8 (bytes valid in no candidate encoding; `err` gives the
 * line and byte column of the first bad byte), DT_EPARSE (a NUL byte) or
 * DT_ELIMIT (input too large).  `opts` may be NULL.
 */
DT_API int dt_text_decode(dt_text **out, const char *buf, size_t len,
	const dt_text_opts *opts, dt_error *err);

/** Free `text`.  NULL is a no-op. */
DT_API void dt_text_free(dt_text *text);

/** The normalized UTF-8, NUL-terminated.  Valid until dt_text_free(). */
DT_API const char *dt_text_data(const dt_text *text);

/** Length of dt_text_data() in bytes. */
DT_API size_t dt_text_len(const dt_text *text);

/** The encoding the input was read in (detected or forced). */
DT_API dt_encoding dt_text_encoding(const dt_text *text);

/**
 * The 1-based line of the original input that holds normalized byte
 * `offset` (offsets past the end give the last line).
 */
DT_API size_t dt_text_line(const dt_text *text, size_t offset);

/** Number of lines in the text (a final line without LF counts). */
DT_API size_t dt_text_line_count(const dt_text *text);

/* ## Text: folding */

#define DT_FOLD_CASE (1u << 0)       /* Unicode case folding */
#define DT_FOLD_DIACRITICS (1u << 1) /* strip marks; đ -> d, Đ -> D */

/**
 * Fold `len` bytes of UTF-8 for matching: with DT_FOLD_CASE, ICU case
 * folding; with DT_FOLD_DIACRITICS, combining marks removed and đ/Đ mapped
 * to d/D explicitly (NFD does not decompose them).  ё/Ё always become е/Е.
 * The result is NFC, NUL-terminated, in `*out` (free with dt_free()), its
 * length in `*len_out` (may be NULL).
 */
DT_API int dt_fold(char **out, size_t *len_out, const char *s, size_t len,
	unsigned flags, dt_error *err);

/* ## Text: languages and terms */

typedef enum {
	DT_LANG_UNKNOWN = 0,
	DT_LANG_VI,
	DT_LANG_RU,
	DT_LANG_EN,
	DT_LANG_OTHER
} dt_lang;

/** Two-letter code of `lang` ("vi", "ru", "en", "other", "unknown"). */
DT_API const char *dt_lang_code(dt_lang lang);

/** The language named by a code ("vi", "ru", "en", "other", "unknown"; any
 *  case; a region suffix such as "vi-VN" is ignored); DT_ENOTFOUND if not. */
DT_API int dt_lang_from_code(dt_lang *out, const char *code);

/**
 * Guess the language of `len` bytes of normalized UTF-8 from script and
 * diacritic statistics: Cyrillic letters -> ru; Latin with Vietnamese
 * letters (ă â đ ê ô ơ ư, tone marks) -> vi; plain Latin -> en; other
 * scripts -> other; too few letters -> unknown.
 */
DT_API dt_lang dt_lang_detect(const char *s, size_t len);

/** Splits normalized text into matching terms. Not thread-safe: one each. */
typedef struct dt_tokenizer dt_tokenizer;

#define DT_TERMS_KEEP_STOPWORDS (1u << 0) /* do not drop stopwords */
#define DT_TERMS_NO_BIGRAMS (1u << 1)     /* vi: syllables only */
#define DT_TERMS_NO_STEM (1u << 2)        /* ru, en: folded words, not stems */

/**
 * A term found in the text: `term` (`len` bytes, not NUL-terminated, valid
 * only during the call) covers bytes [start, end) of the input.  A nonzero
 * result stops the walk and is returned by dt_tokenizer_run().
 */
typedef int (*dt_term_cb)(const char *term, size_t len, size_t start,
	size_t end, void *payload);

/**
 * A tokenizer for `lang` with DT_TERMS_* `flags`.  Terms are case-folded;
 * Vietnamese yields syllables and, unless DT_TERMS_NO_BIGRAMS, bigrams of
 * adjacent syllables ("đảng viên"); Russian yields Snowball stems with ё
 * folded to е; English yields Snowball stems; stopwords of the language
 * are dropped unless DT_TERMS_KEEP_STOPWORDS.  Invalid UTF-8 separates
 * words like punctuation.  Free with dt_tokenizer_free().
 */
DT_API int dt_tokenizer_new(dt_tokenizer **out, dt_lang lang, unsigned flags,
	dt_error *err);

/** Free `tok`.  NULL is a no-op. */
DT_API void dt_tokenizer_free(dt_tokenizer *tok);

/**
 * Call `cb` for every term of `len` bytes of normalized UTF-8 at `s`, in
 * text order.  Returns 0, the callback's nonzero result, or a dt_status.
 */
DT_API int dt_tokenizer_run(dt_tokenizer *tok, const char *s, size_t len,
	dt_term_cb cb, void *payload, dt_error *err);

/** True (1) when `word` (UTF-8, folded here) is a stopword of `lang`. */
DT_API int dt_is_stopword(dt_lang lang, const char *word, size_t len);

/* ## Documents: the model */

/** What a unit is.  eIds follow the Akoma Ntoso naming convention. */
typedef enum {
	DT_KIND_ROOT = 0,   /* the document itself (no eId) */
	DT_KIND_PART,       /* Phần, Раздел: part_N */
	DT_KIND_CHAPTER,    /* Chương, Глава, Chapter: chp_N */
	DT_KIND_SECTION,    /* Mục; plan sections "I.", "II.": sec_N */
	DT_KIND_SUBSECTION, /* Tiểu mục: subsec_N */
	DT_KIND_ARTICLE,    /* Điều, Статья, Article: art_N */
	DT_KIND_CLAUSE,     /* khoản, часть/пункт "1.": para_N */
	DT_KIND_POINT,      /* điểm "a)", подпункт "а)", "(a)": point_X */
	DT_KIND_ITEM,       /* "-", "+", tiết: item_N (position) */
	DT_KIND_LEVEL,      /* decimal items 1. / 1.1. / 1.1.1.: lvl_N-M */
	DT_KIND_ROW,        /* a table row: row_N */
	DT_KIND_BLOCK,      /* an unnumbered paragraph: p_N */
	DT_KIND_COUNT_
} dt_kind;

/** Name of a kind: "article", "clause", "point", … */
DT_API const char *dt_kind_name(dt_kind kind);

/** A parsed document: metadata, diagnostics and a tree of units. */
typedef struct dt_doc dt_doc;
/** A unit of a document; borrowed from its dt_doc. */
typedef struct dt_unit dt_unit;

/** Input formats. */
typedef enum {
	DT_FORMAT_AUTO = 0, /* by content: '<' first -> AKN, else Markdown */
	DT_FORMAT_MD,
	DT_FORMAT_AKN
} dt_format;

typedef struct {
	dt_format format;     /* DT_FORMAT_AUTO (0) guesses */
	dt_encoding encoding; /* DT_ENC_AUTO (0) detects */
	dt_lang lang;         /* DT_LANG_UNKNOWN (0) detects */
	dt_tone tone;         /* DT_TONE_NEW (0) */
	/* Limits (DT_ELIMIT past them; 0 = the default in brackets). */
	size_t max_bytes;     /* input size (64 MiB) */
	unsigned max_depth;   /* nesting of the source: Markdown block
	                       * quotes and lists, XML elements (256; XML
	                       * stops at 256 whatever this says) */
	size_t max_units;     /* units and blocks per document (1,000,000,
	                       * also the most it can be) */
	size_t max_line;      /* bytes in one Markdown line (1 MiB) */
	size_t max_cells;     /* Markdown table cells, rows padded to the
	                       * header's width (200,000) */
	size_t max_cites;     /* citations per unit (100,000) */
	/* The budget of a guarded Markdown parse (DT_PARSE_GUARD_*). */
	unsigned max_seconds; /* CPU seconds (5) */
	size_t max_memory;    /* bytes of cmark memory (512 MiB) */
	unsigned flags;       /* DT_PARSE_* */
} dt_parse_opts;
#define DT_PARSE_OPTS_INIT { DT_FORMAT_AUTO, DT_ENC_AUTO, DT_LANG_UNKNOWN, \
	DT_TONE_NEW, 0, 0, 0, 0, 0, 0, 0, 0, 0 }

/*
 * Guarded parsing.  Debian's cmark-gfm has inputs that take time or
 * memory out of proportion to their size.  Shapes a linear scan can
 * count for certain (a table padded past max_cells, nesting past
 * max_depth, a line past max_line) are refused before cmark runs; shapes
 * it can only suspect (runs of image brackets or of table delimiter rows,
 * a long reference definition used by many links), and every Markdown
 * document over 256 KiB, are parsed in a child process (fork) under
 * max_seconds of CPU with cmark's memory counted against max_memory, and
 * refused with DT_ELIMIT "document too complex (…)" past either.  The
 * child costs about 0.1 ms per MiB the calling process holds.  In a
 * multithreaded caller the child runs only the parser and malloc.
 */
#define DT_PARSE_GUARD_ALWAYS (1u << 0) /* every Markdown document */
#define DT_PARSE_GUARD_NEVER (1u << 1)  /* never fork: suspect documents
                                         * are refused instead */

/**
 * Parse `len` bytes at `buf` (any supported encoding; Markdown or Akoma
 * Ntoso XML) into a document.  `file` names the source in the document
 * and in diagnostics (may be NULL).  On success `*out` is new: free it
 * with dt_doc_free().  Irregular numbering becomes a warning in the
 * document's diagnostics, never a failure; so are an empty document and
 * one without a single numbered unit.  Fails with DT_EUTF8 or DT_EPARSE
 * (undecodable text, malformed XML, an entity declaration), DT_ELIMIT
 * (over one of the limits of `opts`, or a guarded parse over its budget)
 * or DT_ENOMEM; `err` says where (line of the original file).
 */
DT_API int dt_doc_parse(dt_doc **out, const char *buf, size_t len,
	const char *file, const dt_parse_opts *opts, dt_error *err);

/** Read the file at `path` and dt_doc_parse() it. */
DT_API int dt_doc_load(dt_doc **out, const char *path,
	const dt_parse_opts *opts, dt_error *err);

/** Free `doc` and every unit it owns.  NULL is a no-op. */
DT_API void dt_doc_free(dt_doc *doc);

/** The file name given to dt_doc_parse()/dt_doc_load(), or "". */
DT_API const char *dt_doc_file(const dt_doc *doc);
/** The language of the document (given or detected). */
DT_API dt_lang dt_doc_lang(const dt_doc *doc);
/** The format the document was read from (DT_FORMAT_MD or _AKN). */
DT_API dt_format dt_doc_format(const dt_doc *doc);

/** A reference to another document, as found in the metadata. */
typedef struct {
	const char *text;   /* the reference as written */
	const char *type;   /* document type word as written ("Quy định"), or "" */
	const char *symbol; /* "18-QĐ/TW", "30/2020/NĐ-CP", or "" */
	const char *date;   /* ISO "2022-05-10", or "" */
	size_t line;        /* original line */
} dt_docref;

/**
 * Metadata of a document; every string is "" when unknown.  Identity is
 * (issuer code, type, number, date): Party bodies restart numbering every
 * term, so the symbol alone is not unique.
 */
typedef struct {
	const char *type;        /* canonical upper case: "QUY ĐỊNH", "ПЛАН" */
	const char *symbol;      /* as written: "31-QĐ/TW" */
	const char *number;      /* "31" */
	const char *type_code;   /* "QĐ" */
	const char *issuer_code; /* "TW", "KH-UBND"'s "UBND" */
	const char *year;        /* the year of a normative State symbol */
	const char *date;        /* ISO date of issue */
	const char *place;       /* "Hà Nội" */
	const char *issuer;      /* issuing body as written */
	const char *title;       /* subject line(s) */
	const dt_docref *replaces;   /* documents this one replaces */
	size_t replaces_count;
	const dt_docref *based_on;   /* "Căn cứ …", "Thực hiện …" */
	size_t based_on_count;
} dt_meta;

/** The metadata of `doc`; borrowed, valid until dt_doc_free(). */
DT_API const dt_meta *dt_doc_meta(const dt_doc *doc);

typedef enum { DT_DIAG_WARNING = 1, DT_DIAG_ERROR = 2 } dt_severity;

/** A diagnostic about the document: irregular numbering and the like. */
typedef struct {
	dt_severity severity;
	size_t line;          /* original line, 0 = whole document */
	const char *message;
} dt_diag;

/** Number of diagnostics of `doc`. */
DT_API size_t dt_doc_diag_count(const dt_doc *doc);
/** Diagnostic `i` of `doc` (NULL when out of range); borrowed. */
DT_API const dt_diag *dt_doc_diag_at(const dt_doc *doc, size_t i);

/** The root unit (kind DT_KIND_ROOT); its children are the top units. */
DT_API const dt_unit *dt_doc_root(const dt_doc *doc);
/** Number of units in the document, root excluded. */
DT_API size_t dt_doc_unit_count(const dt_doc *doc);
/** Unit `i` in document order (pre-order), NULL when out of range. */
DT_API const dt_unit *dt_doc_unit_at(const dt_doc *doc, size_t i);
/** The unit with eId `eid`, or NULL. */
DT_API const dt_unit *dt_doc_find(const dt_doc *doc, const char *eid);

typedef int (*dt_unit_cb)(const dt_unit *unit, unsigned depth, void *payload);
/** Visit units depth-first in document order (root excluded; top units
 *  have depth 0); a nonzero callback result stops and is returned. */
DT_API int dt_doc_foreach(const dt_doc *doc, dt_unit_cb cb, void *payload);

DT_API dt_kind dt_unit_kind(const dt_unit *unit);
/** The number as written: "5", "II", "đ", "1.2", "" for unnumbered. */
DT_API const char *dt_unit_num(const dt_unit *unit);
/** Numeric value: arabic or Roman value, letter position (a=1, đ=5), or
 *  the position of an unnumbered unit among its siblings of its kind. */
DT_API long dt_unit_value(const dt_unit *unit);
/** The eId, e.g. "art_5__para_2__point_a"; "" for the root. */
DT_API const char *dt_unit_eid(const dt_unit *unit);
/** The heading ("Phạm vi điều chỉnh"), or "". */
DT_API const char *dt_unit_heading(const dt_unit *unit);
/** The unit's own text (not its children's), NFC; or "". */
DT_API const char *dt_unit_text(const dt_unit *unit);
/** A label in the document's language: "khoản 2 Điều 5", "Статья 5". */
DT_API const char *dt_unit_label(const dt_unit *unit);
/** First and last original line of the unit's own text (0 for root). */
DT_API size_t dt_unit_line(const dt_unit *unit);
DT_API size_t dt_unit_last_line(const dt_unit *unit);
/** Original line of byte `offset` of dt_unit_text(). */
DT_API size_t dt_unit_text_line(const dt_unit *unit, size_t offset);
/** The parent unit (NULL for the root). */
DT_API const dt_unit *dt_unit_parent(const dt_unit *unit);
DT_API size_t dt_unit_child_count(const dt_unit *unit);
DT_API const dt_unit *dt_unit_child_at(const dt_unit *unit, size_t i);
/** Units of another document this unit implements: the Charter tags of a
 *  Charter-keyed regulation ("1. Điều 1 (Khoản 2): …" -> "art_1__para_2"). */
DT_API size_t dt_unit_implements_count(const dt_unit *unit);
DT_API const char *dt_unit_implements_at(const dt_unit *unit, size_t i);
/** Cells of a table row, keyed by the column header. */
DT_API size_t dt_unit_cell_count(const dt_unit *unit);
/** Cell `i` of a row; its column header goes to *name_out (may be NULL). */
DT_API const char *dt_unit_cell_at(const dt_unit *unit, size_t i,
	const char **name_out);

/* ## Documents: writing */

/** Write `doc` as Akoma Ntoso 3.0 XML (FRBR metadata, unique eIds) into a
 *  new NUL-terminated buffer *out (free with dt_free()). */
DT_API int dt_doc_write_akn(char **out, size_t *len_out, const dt_doc *doc,
	dt_error *err);
/** Write `doc` back as Markdown into *out (free with dt_free()). */
DT_API int dt_doc_write_md(char **out, size_t *len_out, const dt_doc *doc,
	dt_error *err);
/** Output formats of reports. */
typedef enum {
	DT_REPORT_TEXT = 0,
	DT_REPORT_JSON,
	DT_REPORT_MD,
	DT_REPORT_CSV,
	DT_REPORT_TSV,
	DT_REPORT_HTML
} dt_report_format;

/** The format named `name` ("text", "json", "md", "csv", "tsv", "html"). */
DT_API int dt_report_format_from_name(dt_report_format *out,
	const char *name);

/**
 * The outline of `doc` (metadata and unit tree) as text, Markdown or JSON
 * into a new buffer *out (free with dt_free()).  The JSON form is a
 * contract: {"schema": 1, "file", "language", "metadata": {…}, "units":
 * [{"eid", "kind", "num", "heading", "line", "last_line", "implements",
 * "children", …}]}, nested in document order.
 */
DT_API int dt_doc_write_outline(char **out, size_t *len_out,
	const dt_doc *doc, dt_report_format format, dt_error *err);

/* ## Citations */

/** What a citation turned out to name. */
typedef enum {
	DT_CITE_RESOLVED = 0, /* units of a loaded directive: see eids */
	DT_CITE_DOCUMENT,     /* a loaded directive as a whole, no unit */
	DT_CITE_BROKEN,       /* a loaded directive, but a unit it lacks */
	DT_CITE_STALE,        /* a document a loaded directive replaces */
	DT_CITE_SELF,         /* the citing document itself ("Điều này") */
	DT_CITE_EXTERNAL,     /* another document, not loaded, not replaced */
	DT_CITE_AMBIGUOUS     /* units, with no way to tell whose */
} dt_cite_status;

/** "resolved", "document", "broken", "stale", "self", "external",
 *  "ambiguous". */
DT_API const char *dt_cite_status_name(dt_cite_status status);

/**
 * One citation: a span of a local document's text naming one or more
 * units of a document, resolved.  Every pointer is borrowed from the
 * dt_citeset (and the documents) it came from.  A list whose items name
 * different units ("Điều 5 và Điều 8") is one citation per item; a list
 * or range inside one item ("các khoản 1, 2 và 3 Điều 8") one citation
 * with several eids.  Two kinds of citation have no span in a unit's
 * text: the Charter tags of a Charter-keyed regulation ("1. Điều 1
 * (Khoản 2): …", rule "charter-tag": `unit` is the tagged unit,
 * `in_heading` 1, start == end == 0, `text` the Charter unit's label),
 * and references of a preamble the outline keeps out of the units
 * ("- Căn cứ Quy định số …;", rule "metadata+…": `unit` is the root,
 * start .. end span `text`, which is the reference as dt_meta holds it).
 */
typedef struct {
	const dt_unit *unit;     /* the citing unit of the local document */
	int in_heading;          /* 1: the span is in dt_unit_heading() */
	size_t start, end;       /* byte span in dt_unit_text() (or heading) */
	size_t line;             /* original line of the span's first byte */
	const char *text;        /* the citation as written (normalized) */
	dt_cite_status status;
	const dt_doc *directive; /* the loaded directive concerned (RESOLVED,
	                          * DOCUMENT, BROKEN, STALE), else NULL */
	const char *const *eids; /* RESOLVED: target eIds in document order
	                          * of the citation, lists and ranges expanded;
	                          * BROKEN: those of the named units that do
	                          * exist (often none) */
	size_t neids;
	const char *document;    /* the document named, as written, or "" */
	const char *rule;        /* the grammar rule that matched and how the
	                          * document was decided: "vi-units+symbol",
	                          * "ru-units+alias", "vi-units+earlier",
	                          * "vi-units+basis", "vi-doc+number", … */
	const char *message;     /* one line: why this status ("khoản 9 Điều
	                          * 6 does not exist in 31-QĐ/TW") */
} dt_cite;

/** The citations found in one document. */
typedef struct dt_citeset dt_citeset;

/**
 * Find the citations in every unit of `doc` (own text and heading, table
 * rows included, plus its Charter tags and the preamble references of
 * its metadata) and resolve them against the `ndirectives` loaded
 * `directives` (may be 0: then units cannot resolve).  Which document a
 * citation names: the name in the citation itself (a symbol, "Quy định
 * 31", "QĐ 31", an alias the document defines, a type word that repeats
 * one named before in the unit); else the nearest document named earlier
 * in the same unit; else `doc` itself for "này" / "настоящ…" / "this"
 * forms and for units named without an article or a document ("khoản
 * 2", "пунктов 4 и 5"); else `doc`'s basis (metadata based_on) when it
 * names exactly one loaded directive, or when it names several, the only
 * one of them that has the cited units; else DT_CITE_AMBIGUOUS.  Runs in
 * time linear in the text.  Free with dt_citeset_free().
 */
DT_API int dt_cites_find(dt_citeset **out, const dt_doc *doc,
	const dt_doc *const *directives, size_t ndirectives, dt_error *err);

/** Free `set`.  NULL is a no-op. */
DT_API void dt_citeset_free(dt_citeset *set);
/** Number of citations in `set`, in document order. */
DT_API size_t dt_citeset_count(const dt_citeset *set);
/** Citation `i` (NULL when out of range); borrowed from `set`. */
DT_API const dt_cite *dt_citeset_at(const dt_citeset *set, size_t i);

/**
 * The citations of `set` as text (`FILE:LINE: text -> targets | status`),
 * JSON or TSV, into a new buffer *out (free with dt_free()).  JSON and TSV
 * are contracts: JSON is {"schema": 1, "file", "citations": [{"line",
 * "unit" (eId), "in_heading", "start", "end", "text", "status",
 * "directive" (symbol or file, or null), "targets", "document", "rule",
 * "message"}]}; TSV is a "# dirtrace cites schema 1" line, a header row
 * (file, line, unit, status, directive, targets, text, document, rule,
 * message) and one row per citation, targets separated by blanks, tabs
 * and line breaks inside a field written as blanks.  Other formats fail
 * with DT_EINVAL.
 */
DT_API int dt_citeset_write(char **out, size_t *len_out,
	const dt_citeset *set, dt_report_format format, dt_error *err);

/* ## Gap review: links, coverage, findings */

typedef enum {
	DT_LINK_EXPLICIT = 0, /* a citation names the unit */
	DT_LINK_IMPLICIT = 1  /* the local text paraphrases it (BM25) */
} dt_link_kind;

/** A directive unit implemented by a local unit.  Strings are copies
 *  owned by the review, so local documents may be freed once added. */
typedef struct {
	const char *eid;       /* the directive unit */
	const char *file;      /* the local document, as given */
	const char *local_eid; /* the local unit */
	size_t line;           /* original line in the local document */
	dt_link_kind kind;
	double score;          /* 1 for explicit links, (0, 1] implicit */
	const char *evidence;  /* the citation, or the top shared terms */
} dt_link;

/** Coverage of a directive unit (DESIGN §5). */
typedef enum {
	DT_COV_NA = 0,    /* not an obligation: scope, definitions, … */
	DT_COV_COVERED,   /* an explicit link, or all obligation children */
	DT_COV_IMPLICIT,  /* covered, but only through implicit links */
	DT_COV_PARTIAL,   /* some obligation children covered, some not */
	DT_COV_UNCOVERED
} dt_coverage;

/** "n/a", "covered", "implicit", "partial", "uncovered". */
DT_API const char *dt_coverage_name(dt_coverage c);

/** A reviewer's decision that a unit needs no local implementation. */
typedef enum {
	DT_ACCEPT_NONE = 0,
	DT_ACCEPT_NOT_APPLICABLE,
	DT_ACCEPT_ALTERNATIVE,
	DT_ACCEPT_PLANNED
} dt_accept;

/** One directive unit in the review. */
typedef struct {
	const dt_unit *unit;       /* borrowed from the directive */
	int obligation;            /* 1: it (or a descendant) obliges;
	                            * 2: its own wording says so */
	dt_coverage status;
	dt_accept accepted;
	const char *accept_reason; /* "" unless accepted */
	const dt_link *links;      /* links to this unit itself */
	size_t nlinks;
} dt_unit_review;

typedef enum {
	DT_FIND_UNCOVERED = 0, /* at the highest wholly uncovered unit */
	DT_FIND_PARTIAL,
	DT_FIND_IMPLICIT_ONLY,
	DT_FIND_BROKEN_REF,    /* cites a unit the directive lacks */
	DT_FIND_STALE_REF,     /* cites a document the directive replaces */
	DT_FIND_AMBIGUOUS_REF
} dt_finding_kind;

/** "uncovered", "partial", "implicit-only", "broken-ref", "stale-ref",
 *  "ambiguous-ref". */
DT_API const char *dt_finding_kind_name(dt_finding_kind k);

typedef struct {
	dt_finding_kind kind;
	const char *eid;     /* the directive unit, or NULL */
	const char *file;    /* the local document (reference findings) or
	                      * the directive (unit findings) */
	size_t line;         /* original line in `file` */
	const char *message; /* one line */
	const char *text;    /* the cited text, or "" */
} dt_finding;

typedef struct {
	size_t units, obligations;
	size_t covered, implicit, partial, uncovered, accepted;
	double coverage;          /* (covered + implicit + accepted) /
	                           * obligations, over obligation units */
	double explicit_coverage; /* (covered + accepted) / obligations */
} dt_summary;

/** A local document of the review. */
typedef struct {
	const char *file, *id, *title;
	dt_lang lang;
} dt_review_doc;

#define DT_REVIEW_NO_IMPLICIT (1u << 0) /* explicit links only */

typedef struct {
	double min_score; /* implicit links at or above; 0 = calibrated */
	unsigned flags;   /* DT_REVIEW_* */
	double min_share; /* an implicit link's unit holds at least this share
			   * of the local paragraph's term weight; 0 =
			   * calibrated, negative = any share */
} dt_review_opts;

/** One directive reviewed against any number of local documents. */
typedef struct dt_review dt_review;

/** A review of `directive` (which must outlive it); free with
 *  dt_review_free().  `opts` may be NULL. */
DT_API int dt_review_new(dt_review **out, const dt_doc *directive,
	const dt_review_opts *opts, dt_error *err);
/**
 * Read accepted gaps: TSV lines `eId<TAB>not-applicable|alternative|
 * planned<TAB>reason` ('#' comments, blank lines).  `file` names the
 * source in errors (DT_EPARSE with the line for a malformed line, an
 * eId the directive lacks, or a unit named on two lines of the file).
 * A unit accepted by an earlier call is accepted anew.
 */
DT_API int dt_review_accept(dt_review *r, const char *tsv, size_t len,
	const char *file, dt_error *err);
/** Find the links from `local` (citations and implicit matches); the
 *  document may be freed afterwards.  The same as dt_review_prepare()
 *  followed by dt_review_merge(). */
DT_API int dt_review_add(dt_review *r, const dt_doc *local, dt_error *err);

/**
 * Set up, once, what the library shares between threads.  Optional: every
 * function does it on first use; but a program about to call the library
 * from several threads at once (dt_review_prepare()) calls this first,
 * from one thread, because cmark-gfm and libxml2 want their first call
 * made alone.  Returns 0, or DT_ENOMEM.
 */
DT_API int dt_init(dt_error *err);

/** What one local document contributes to a review (its links, reference
 *  findings and entry in the document list), worked out apart; opaque. */
typedef struct dt_review_part dt_review_part;

/**
 * Work out what `local` contributes to `r` without changing the review:
 * find its citations and match its units.  On success *out is a new part
 * for dt_review_merge() (or dt_review_part_free()); it copies what it
 * keeps, so `local` may be freed at once.
 *
 * Thread safety: any number of threads may prepare documents for the same
 * review at once, and while one thread merges; nothing else may touch the
 * review meanwhile (dt_review_accept(), dt_review_finish(),
 * dt_review_free(), or two merges at once).  Merging parts in the order of
 * their documents gives the very review dt_review_add() one by one gives,
 * whatever order they were prepared in.  Each thread that prepares
 * borrows a copy of the directive's index for the call (made on first
 * need, kept until dt_review_free()).  Call dt_init() before the threads
 * start.
 */
DT_API int dt_review_prepare(dt_review_part **out, const dt_review *r,
	const dt_doc *local, dt_error *err);
/**
 * Add `part`, prepared for `r`, to the review and free it, in every case
 * but DT_EINVAL.  Fails with DT_ENOMEM: when out of room the review is
 * unchanged; when the document's scope entry cannot be completed it is
 * added all the same.
 */
DT_API int dt_review_merge(dt_review *r, dt_review_part *part,
	dt_error *err);
/** Free a part that will not be merged.  NULL is a no-op. */
DT_API void dt_review_part_free(dt_review_part *part);
/** Compute coverage and findings once every document is added. */
DT_API int dt_review_finish(dt_review *r, dt_error *err);
DT_API void dt_review_free(dt_review *r);

DT_API const dt_doc *dt_review_directive(const dt_review *r);
/** Directive units in document order, with their review. */
DT_API size_t dt_review_unit_count(const dt_review *r);
DT_API const dt_unit_review *dt_review_unit_at(const dt_review *r, size_t i);
DT_API size_t dt_review_finding_count(const dt_review *r);
DT_API const dt_finding *dt_review_finding_at(const dt_review *r, size_t i);
DT_API size_t dt_review_doc_count(const dt_review *r);
DT_API const dt_review_doc *dt_review_doc_at(const dt_review *r, size_t i);
DT_API const dt_summary *dt_review_summary(const dt_review *r);

#define DT_WRITE_CSV_BOM (1u << 0) /* CSV starts with a UTF-8 BOM */
#define DT_WRITE_COLOR (1u << 1)   /* text with ANSI colours */

/** The review as text, Markdown, JSON (DESIGN §5), CSV or HTML into a
 *  new buffer *out (free with dt_free()). */
DT_API int dt_review_write(char **out, size_t *len_out, const dt_review *r,
	dt_report_format format, unsigned flags, dt_error *err);
/**
 * The same report, byte for byte, handed to `write` in pieces of about 64
 * KiB as it is made: memory does not grow with the size of the report.
 * Returns 0; `write`'s nonzero result when it stopped the writing (`err`
 * then says "cannot write the report"); or a negative dt_status.  What
 * was handed over stays handed over: to leave no half-written file, write
 * into a dt_output (dt_output_write) and discard it on failure.
 */
DT_API int dt_review_write_cb(const dt_review *r, dt_report_format format,
	unsigned flags, dt_write_cb write, void *payload, dt_error *err);
/**
 * dt_review_write_cb() with the report rendered by `jobs` threads at once
 * (the calling one included; 0 or 1: by the calling thread alone): the
 * same bytes, handed to `write` in order and only ever from the calling
 * thread, in pieces of some hundred KiB.  JSON and CSV are rendered so;
 * the other formats are written as dt_review_write_cb() writes them.
 * Memory: up to 2 * `jobs` pieces at once.  The review must not change
 * meanwhile (it cannot once finished).
 */
DT_API int dt_review_write_jobs(const dt_review *r, dt_report_format format,
	unsigned flags, unsigned jobs, dt_write_cb write, void *payload,
	dt_error *err);

/* ## Plans: drafting the implementing document */

/** What dt_plan_write() drafts. */
typedef enum {
	DT_PLAN_PLAN = 0,      /* Kế hoạch / План мероприятий */
	DT_PLAN_REGULATION = 1 /* Quy định thực hiện: article stubs */
} dt_plan_kind;

/** The format dt_plan_write() writes (with the matching template). */
typedef enum {
	DT_PLAN_MD = 0,   /* Markdown, read back by dt_doc_parse() */
	DT_PLAN_AKN = 1,  /* Akoma Ntoso 3.0 <doc name="plan">, read back too */
	DT_PLAN_HTML = 2  /* a self-contained page, every text escaped */
} dt_plan_format;

/** The format named "md", "akn" or "html"; DT_ENOTFOUND for others. */
DT_API int dt_plan_format_from_name(dt_plan_format *out, const char *name);

/**
 * Options of dt_plan_write(); all-zero = a Markdown plan in the
 * directive's language from the built-in template, every unknown field a
 * «…» placeholder.  Strings are borrowed for the call only.
 */
typedef struct {
	dt_plan_kind kind;
	dt_lang lang;          /* DT_LANG_UNKNOWN (0) = the directive's;
	                        * else DT_LANG_VI or DT_LANG_RU */
	const char *tpl;       /* template text (the Mustache subset of
	                        * templates/README.md), or NULL for the
	                        * built-in <kind>_<lang>.<md|xml|html> */
	size_t tpl_len;
	const char *tpl_file;  /* names the template in errors, or NULL */
	const char *issuer;    /* the body issuing the plan, or NULL */
	const char *symbol;    /* the plan's own symbol, or NULL */
	const char *date;      /* ISO YYYY-MM-DD, or NULL */
	const char *place;     /* NULL = the directive's place */
	const char *const *only; /* draft only these directive eIds, each
	                          * with its parts unless some of them are
	                          * listed too; NULL = every one */
	size_t only_count;
	dt_plan_format format; /* DT_PLAN_MD (0); sets how {{values}} are
	                        * escaped and which built-in template */
	const char *partials_dir; /* {{> name}} reads DIR/_name.<ext> first,
	                           * then the built-in; NULL = built-in */
	size_t max_bytes;      /* output limit, DT_ELIMIT past it; 0 = 64 MiB */
} dt_plan_opts;

/**
 * Draft a plan (or an implementing regulation) for `directive` into a
 * new buffer *out (free with dt_free()), its length in *len_out (may be
 * NULL).  Each obligation unit (dt_review's "obligation", clause level or
 * the leaf above it) becomes one task citing the unit explicitly ("Thực
 * hiện khoản 2 Điều 5 Quy định số 31-QĐ/TW: …", "пункт 1 статьи 3
 * постановления № 12-П"), with the lead body, co-implementers, deadline
 * and product taken from its wording where it names them.  The template
 * gets the tasks as data (templates/README.md names every variable) and
 * owns the layout.  Fails with DT_EPARSE (a template error: `err` names
 * the template and the line), DT_EINVAL (a bad date, option or
 * language), DT_ELIMIT (output over max_bytes, or a template that loops
 * over the tasks too often) or DT_ENOMEM.
 */
DT_API int dt_plan_write(char **out, size_t *len_out, const dt_doc *directive,
	const dt_plan_opts *opts, dt_error *err);

/**
 * The eIds whose status is "uncovered" or "partial" in the JSON of a gap
 * report (dt_review_write() with DT_REPORT_JSON): a new array of *count_out
 * new strings in *eids_out; free each and the array with dt_free().
 * Fails with DT_EPARSE when the text has no "units" array, and, given
 * `directive` (may be NULL), when the report is not its review: its
 * directive's id is another symbol, or a gap is no unit of `directive`.
 */
DT_API int dt_plan_gaps_read(char ***eids_out, size_t *count_out,
	const char *json, size_t len, const dt_doc *directive, dt_error *err);

#ifdef __cplusplus
}
#endif

#endif /* DIRTRACE_H */
