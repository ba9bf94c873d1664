/*
 * cite.h - citations inside lib/ (never installed): the grammar tables
 * (cite_grammar.c), the scanner that turns text into abstract citations
 * (cite.c), their resolution against loaded directives (resolve.c), the
 * set that dt_cites_find() builds (citeset.c, citeset_resolve.c) and its
 * writers (report_cites.c).
 *
 * Flow: the scanner finds candidate starts with one PCRE2 pattern per
 * language, parses each chain with small anchored patterns and a
 * hand-written token loop inside a bounded window, and hands over a
 * dt_cite_raw: groups of unit labels (with the unit each group attaches
 * to), an optional document reference, all as byte spans of the text.
 * Resolution then decides which document is meant and which eIds the
 * labels name.
 */
#ifndef DT_CITE_H
#define DT_CITE_H

#include "internal.h"
#include "prefix.h"
#include "symbol.h"

/* Bytes a chain may span from its first word: long enough for "các
 * khoản 1, 2, 3, 4, 5, 6 và 7 Điều 10 của Nghị định số …", short enough
 * that every candidate costs bounded time. */
#define DT_CITE_WINDOW 400
#define DT_CITE_MAX_GROUPS 16
#define DT_CITE_MAX_LABELS 48
/* Targets one citation may expand to (lists and ranges). */
#define DT_CITE_MAX_TARGETS 256
/* Rows one anchored pattern of a table may have (a capture group each). */
#define DT_CITE_MAX_ROWS 39
/* Bytes of the folded adjectives of one document name, NUL included. */
#define DT_CITE_QUAL_MAX 48
/* A type row that is no row. */
#define DT_CITE_NO_ROW ((size_t)-1)

/* ## Grammar (cite_grammar.c) */

/* The grammars: one per language, and one with every row for documents
 * of unknown language. */
typedef enum {
	DT_CG_VI = 0,
	DT_CG_RU,
	DT_CG_EN,
	DT_CG_ALL,
	DT_CG_COUNT
} dt_cite_lang;

dt_cite_lang dt__cite_lang(dt_lang lang);

/* Level rows: a word naming a unit ("khoản", "статьи", "ст.", "Article"). */
typedef struct {
	dt_cite_lang lang;
	dt_kind kind;
	const char *guard;   /* lookbehinds the word must pass, or "" */
	const char *pattern; /* caseless; "\\." at the end = abbreviation */
} dt_cite_level;

/* Small words of a chain, by what they do. */
typedef enum {
	DT_CW_LIST = 1,  /* ",", "và", "hoặc", "и", "and" */
	DT_CW_SEP,       /* ";": a new group of the same chain */
	DT_CW_RANGE,     /* "đến", "–", "to" */
	DT_CW_FROM,      /* "từ", "from": opens a range */
	DT_CW_PLURAL,    /* "các", "những" */
	DT_CW_OF,        /* "của", "tại", "к", "of": before a document */
	DT_CW_SELF,      /* "này": the unit or document itself */
	DT_CW_ANAPHOR    /* "đó", "nêu trên": the unit named just before */
} dt_cite_word;

/* Document words symbol.c does not know ("Кодекс", English types):
 * rows numbered after symbol.c's. */
typedef struct {
	const char *name;    /* canonical, upper case */
	const char *pattern; /* caseless */
	int titled;          /* named by a title, not a symbol (laws) */
} dt_cite_extra;

/* The compiled patterns of a language. */
enum {
	DT_CRE_CAND,     /* where a citation may start */
	DT_CRE_LEVEL,    /* anchored level word, one group per row */
	DT_CRE_WORD,     /* anchored small word, one group per row */
	DT_CRE_SELF,     /* anchored self/attachment prefix: 1 self 2 attach */
	DT_CRE_EXTRA,    /* anchored extra document word, group per row */
	DT_CRE_CODE,     /* anchored "QĐ 31": 1 code, 2 number */
	DT_CRE_ALIAS,    /* anchored alias opener "(sau đây gọi tắt là" */
	DT_CRE_ANNEX,    /* "(приложение 1)" in a document's clause */
	DT_CRE_APPROVE,  /* "утвержденным", "ban hành kèm theo" */
	DT_CRE_MEASURE,  /* anchored word a number counts ("tháng") */
	DT_CRE_TITLE_STOP, /* anchored word that ends a title ("của") */
	DT_CRE_COUNTED,  /* anchored noun whose "№ 5" is no document's */
	DT_CRE_DATED,    /* anchored date after a type word ("от 2 мая") */
	DT_CRE_RECORD,   /* anchored record of a counted thing ("протокол") */
	DT_CRE_COUNT
};

/** Compile every grammar (once per process, thread-safe); 0 or a
 *  negative dt_status, `err` filled from the first failure. */
int dt__cite_grammar_init(dt_error *err);
/** Pattern `which` of grammar `cl`; valid after dt__cite_grammar_init. */
const dt_re *dt__cite_re(dt_cite_lang cl, int which);
/** The candidate alternatives anchored at a text's start (the search
 *  pattern needs a blank or "(" before them). */
const dt_re *dt__cite_re_start(dt_cite_lang cl);
/** Literal beginnings of the candidate alternatives: where
 *  dt__cite_re_start() may match (prefix.h). */
const dt_prefixes *dt__cite_starts(dt_cite_lang cl);
/** Level row of capture group `group` (1-based) of DT_CRE_LEVEL. */
const dt_cite_level *dt__cite_level_row(dt_cite_lang cl, size_t group);
/** Word category of capture group `group` of DT_CRE_WORD. */
dt_cite_word dt__cite_word_row(dt_cite_lang cl, size_t group);
/** Number of rows of symbol.c's type table (extra rows follow). */
size_t dt__cite_symbol_rows(void);
/** Extra document row `i` (0-based), NULL past the table. */
const dt_cite_extra *dt__cite_extra(size_t i);
/** The candidate pattern of a language as text (for the bench). */
const char *dt__cite_candidate_pattern(dt_cite_lang cl);

/* ## Building patterns (cite_trie.c) */

/* Patterns to join into one alternation. */
typedef struct {
	const char *v[256];
	size_t n;
} dt_word_list;

/* Strings a word list points to, freed after compiling. */
typedef struct {
	char *v[256];
	size_t n;
} dt_str_pool;

/** Append the alternation of w's patterns to b, factored on common
 *  literal prefixes (a trie: PCRE2 then tests each letter once per
 *  position instead of once per word).  Patterns start with their words
 *  in lower case; the pattern is compiled caseless. */
int dt__cite_trie(dt_buf *b, const dt_word_list *w);
/** Add the contents of tmp (taken over, kept in pool) to w. */
int dt__cite_add_word(dt_word_list *w, dt_str_pool *pool, dt_buf *tmp);
/** Add s[0..n) followed by `tail` to w as one pattern. */
int dt__cite_add_entry(dt_word_list *w, dt_str_pool *pool, const char *s,
	size_t n, const char *tail);
void dt__cite_pool_free(dt_str_pool *pool);
/** Bytes of the literal character a pattern starts with (a letter, not
 *  regex syntax), 0 when it starts with syntax or is empty. */
size_t dt__cite_literal_len(const char *p);

/* ## Abstract citations (cite.c) */

/* How a document is named. */
typedef enum {
	DT_REF_NONE = 0,
	DT_REF_SYMBOL, /* "Quy định số 31-QĐ/TW", "№ 12-П" */
	DT_REF_NUMBER, /* "Quy định 31", "Положения 31" */
	DT_REF_CODE,   /* "QĐ 31" */
	DT_REF_TITLE,  /* "Luật Cán bộ, công chức", "Điều lệ Đảng" */
	DT_REF_BARE,   /* "của Quy định", "Положения": a type word alone */
	DT_REF_SELF    /* "Quy định này", "настоящего приказа" */
} dt_ref_kind;

typedef struct {
	dt_ref_kind kind;
	size_t row;     /* type row (symbol.c rows, then extras), or NO_ROW */
	dt_span all;    /* the reference as written */
	dt_span type;   /* its type word or code, as written */
	char key[DT_SYMBOL_KEY_MAX]; /* SYMBOL: symbol key; NUMBER, CODE:
	                              * the number; TITLE: first title word,
	                              * folded */
	char code[8];   /* CODE: the type code, folded ("QD") */
	const char *why; /* SELF: "này", "настоящ…", "attachment" */
	/* the stems of the adjectives before the type word, folded
	 * ("областн" for "областного Положения"), or "": such a name
	 * is another document than the type word alone
	 * (cite_qualifier.c) */
	char qual[DT_CITE_QUAL_MAX];
	int qual_gen;   /* every one of them may be a genitive */
} dt_cite_ref;

typedef struct {
	dt_span lo;     /* the label as written ("2", "đ", "«а»", "2.1") */
	dt_span hi;     /* the end of a range, or empty */
} dt_cite_label;

typedef struct {
	dt_kind kind;   /* after label typing ("пп. «а»" is a point) */
	int decimal;    /* a dotted label: a full path, ranks as an item */
	int self;       /* "Điều này" */
	int anaphor;    /* "указанной статьи", "Điều đó": no label of its
	                 * own, the unit the citation before it names */
	int seg;        /* groups split by ';' */
	dt_span word;   /* the level word as written */
	dt_span span;   /* the group with its labels (and "các", "từ") */
	unsigned first, count; /* labels[first .. first+count) */
	int parent;     /* the group it attaches to, -1 for none */
	int children;   /* groups attached to it */
} dt_cite_group;

typedef enum {
	DT_RAW_UNITS = 1, /* unit groups, with or without a document */
	DT_RAW_DOC,       /* a document named without units */
	DT_RAW_ALIAS      /* an alias definition: ref is the alias */
} dt_raw_kind;

typedef struct {
	dt_raw_kind kind;
	dt_cite_lang lang;
	dt_span all;
	dt_cite_group groups[DT_CITE_MAX_GROUPS];
	unsigned ngroups;
	dt_cite_label labels[DT_CITE_MAX_LABELS];
	unsigned nlabels;
	dt_cite_ref ref;   /* DT_REF_NONE when no document is named */
	int ref_before;    /* "Luật số …, Điều 3, khoản 9": reverse order */
	int alias_only;    /* DOC: a citation only when an alias the
	                    * document defined resolves ref ("областного
	                    * Положения" without units, cite.c) */
	const char *rule;  /* grammar rule: "vi-units", "ru-doc", … */
} dt_cite_raw;

/* Called for every abstract citation in text order; a nonzero result
 * stops the scan and is returned. */
typedef int (*dt_cite_raw_cb)(const dt_cite_raw *raw, void *payload);

/**
 * Find the citations in s[0..len) (NFC, valid UTF-8) with the grammar
 * of `lang` and hand each to `cb`.  Time is linear in `len`: every
 * candidate is parsed inside a window of DT_CITE_WINDOW bytes and the
 * scan resumes after what was parsed.  Returns 0, the callback's result
 * or a negative dt_status.
 */
int dt__cite_scan(const char *s, size_t len, dt_lang lang,
	dt_cite_raw_cb cb, void *payload);

/** Parse one document reference starting exactly at `at` (a type word,
 *  a self prefix, "QĐ 31"); 1 and *out filled, 0 when none. */
int dt__cite_ref_at(dt_cite_ref *out, const char *s, size_t len, size_t at,
	dt_cite_lang cl);

/** A document reference at `at` whose type word comes after one or two
 *  Russian adjectives ("областного Положения", "Типового положения"):
 *  read where units or an alias definition may name a document, not
 *  where a citation starts ("основных положений Резолюции …" is no
 *  qualified "Резолюции"); 1 and *out filled (out->qual set), 0 when
 *  none. */
int dt__cite_qualified_ref_at(dt_cite_ref *out, const char *s, size_t len,
	size_t at, dt_cite_lang cl);

/** Attach the groups of `raw` (DOMAIN §4.2; cite_attach.c): a smaller
 *  unit attaches to the nearest larger unit to its right within its ';'
 *  segment, else to the nearest larger one to its left (a descent,
 *  "Điều 26, khoản 5"). */
void dt__cite_attach(dt_cite_raw *raw);

/** Rank of a group for attachment: smaller is larger ("Phần" 1). */
int dt__cite_rank(const dt_cite_group *g);

/* ## Labels and targets (resolve.c) */

/* One step of a path from the largest unit down. */
typedef struct {
	dt_kind kind;
	int decimal;
	char label[24];   /* normalized: "2", "đ", "а", "2.1", "10a" */
} dt_cite_step;

/* How a local document may name a directive by its title: a type word
 * of row `row` followed by these words ("Положения" + "о порядке
 * рассмотрения …", DOMAIN §4.8).  resolve_title.c. */
#define DT_CITE_TITLES 3
#define DT_CITE_TITLE_MAX 400

typedef struct {
	size_t row;
	char words[DT_CITE_TITLE_MAX]; /* folded, one blank between words */
	size_t pos;   /* where the local document first names it so
	               * (dt_cite_ctx.base), SIZE_MAX when it does not */
} dt_cite_title;

/* A loaded directive as resolution sees it. */
typedef struct {
	const dt_doc *doc;
	dt_cite_title titles[DT_CITE_TITLES];
	size_t ntitles;
	char key[DT_SYMBOL_KEY_MAX];  /* key of its symbol, or "" */
	char number[16];              /* its number without leading zeros */
	char code[8];                 /* its type code, folded ("QD") */
	size_t row;                   /* row of its type word, or NO_ROW */
	int tagged;                   /* has units implementing another's */
	const char *name;             /* "31-QĐ/TW", or its file */
} dt_cite_dir;

/**
 * Expand groups [g0, g1) of `raw` (text `s`) into paths and resolve each
 * in `dir`: the eIds found go to `eids` (up to `max`, deduplicated,
 * citation order) with their count in *n_out; a path that names no unit
 * of `dir` is written, as the citation words it came from ("khoản 9 Điều
 * 6"), into miss[0..misscap) (empty when every path resolved).  Returns
 * 0 or a negative dt_status.
 */
int dt__cite_targets(char (*eids)[96], size_t max, size_t *n_out,
	char *miss, size_t misscap, const dt_cite_raw *raw, const char *s,
	unsigned g0, unsigned g1, const dt_cite_dir *dir);

/* ## Which document (resolve_doc.c) */

/* A document a loaded directive replaces (its dt_meta.replaces). */
typedef struct {
	char key[DT_SYMBOL_KEY_MAX];
	char number[16];
	char code[8];
	size_t row;
	size_t dir;         /* the directive that replaces it */
	const char *symbol; /* as written */
} dt_cite_old;

/* What a document name (or the context of a citation) points at. */
typedef struct {
	dt_cite_status status; /* DOCUMENT (a loaded directive), STALE,
	                        * SELF, EXTERNAL or AMBIGUOUS */
	int dir;               /* the directive concerned, or -1 */
	const char *how;       /* how it was decided: "symbol", "alias", … */
	char note[200];        /* why, for the message */
} dt_cite_docres;

typedef struct {
	size_t row;
	char key[DT_SYMBOL_KEY_MAX];
	char qual[DT_CITE_QUAL_MAX]; /* "областн" of "областное Положение" */
	dt_cite_docres res;
} dt_cite_alias;

/* A document named earlier in the unit being scanned. */
typedef struct {
	size_t type_start; /* where its type word (or code) starts */
	size_t row;
	char qual[DT_CITE_QUAL_MAX]; /* the adjectives before it, or "" */
	dt_cite_docres res;
} dt_cite_named;

/* What resolution knows about the local document and the directives. */
typedef struct {
	const dt_doc *doc;
	char self_key[DT_SYMBOL_KEY_MAX];
	char self_number[16];
	char self_code[8];
	size_t self_row;
	dt_cite_dir *dirs;
	size_t ndirs;
	dt_cite_old *olds;
	size_t nolds;
	unsigned char *basis;  /* per directive: named by the metadata basis */
	size_t nbasis_docs;    /* documents the basis names, loaded or not */
	dt_cite_alias *aliases;
	size_t naliases, aliascap;
	dt_cite_named *hist;   /* the current unit's names, in text order */
	size_t nhist, histcap;
	/* Positions in the local document: its units' headings and texts
	 * in order, each as long as its bytes and a separator, from 1 (0
	 * is its metadata title).  `base` is where the text being scanned
	 * starts; citeset.c keeps it. */
	size_t base;
	int titles_found;      /* the titles' positions are known */
} dt_cite_ctx;

int dt__cite_ctx_init(dt_cite_ctx *ctx, const dt_doc *doc,
	const dt_doc *const *directives, size_t n, dt_error *err);
void dt__cite_ctx_dispose(dt_cite_ctx *ctx);

/** What the document name `ref` (in text s, NULL for a name from the
 *  metadata) points at. */
void dt__cite_resolve_ref(dt_cite_ctx *ctx, const dt_cite_ref *ref,
	const char *s, dt_cite_docres *out);

/** Remember that the current unit named `ref` (resolved as `res`). */
int dt__cite_note_name(dt_cite_ctx *ctx, const dt_cite_ref *ref,
	const dt_cite_docres *res);

/** Record the alias `raw` (DT_RAW_ALIAS) defines in text s: it names the
 *  document the definition follows (DOMAIN §4.4). */
int dt__cite_define_alias(dt_cite_ctx *ctx, const dt_cite_raw *raw,
	const char *s, size_t text_start);

/** The context of a citation that names no document: the only loaded
 *  directive of the basis; when it names several, `fits` says which of
 *  them hold the cited units (NULL: none is known to). */
void dt__cite_basis(dt_cite_ctx *ctx, const unsigned char *fits,
	dt_cite_docres *out);

/* ## Directives named by their titles (resolve_title.c) */

/** The ways the local document may name directive `d` by its title,
 *  from the directive's metadata (no allocation). */
void dt__cite_titles_init(dt_cite_dir *d);

/** Size of the position of text `text` (see dt_cite_ctx.base). */
size_t dt__cite_text_span(const char *text);

/** The loaded directive that the local document named by its title
 *  with the type word of `ref` (a bare one, at ref->type in s) before
 *  that word; -1 when none (or when a date names another document:
 *  "Положения от 14 марта 2019 г."). */
int dt__cite_titled(dt_cite_ctx *ctx, const dt_cite_ref *ref,
	const char *s);

/** The matching key of a symbol as metadata holds it ("31-QĐ/TW",
 *  "12-П"); its length, 0 when it is no symbol, or a dt_status. */
int dt__cite_symbol_key(char *out, size_t cap, const char *symbol);

/** Key of the type row of a metadata type ("QUY ĐỊNH"), NO_ROW if none. */
size_t dt__cite_type_row(const char *type);

/* ## Anaphora (cite_anaphora.c) */

/* One unit on the path of a citation, smallest first. */
typedef struct {
	dt_kind kind;
	int decimal;
	int one;            /* a single label: an anaphor may take it */
	dt_span word;       /* its level word as written */
	dt_cite_label label;
} dt_cite_ante_step;

/* The unit path of the last citation of the text being scanned: what
 * "частью 3 указанной статьи" and "khoản 3 Điều đó" point back to
 * (DOMAIN §4.4, §4.10).  Only a citation of the same text (the same
 * paragraph) is an antecedent: citeset.c clears `set` for every text,
 * and the spans are offsets into that text. */
typedef struct {
	int set;            /* a citation of this text came before */
	dt_cite_docres res; /* the document it named */
	size_t doc_start, doc_len; /* that document as written, or 0 */
	unsigned n;         /* steps of its path, smallest unit first */
	dt_cite_ante_step path[DT_CITE_MAX_GROUPS];
} dt_cite_ante;

/** The first anaphoric group among groups [g0, g1) of raw, or -1. */
int dt__cite_anaphor_of(const dt_cite_raw *raw, unsigned g0, unsigned g1);

/** Make the citation of groups [g0, g1) of `raw`, resolved as `res`
 *  (its document written at doc_start, doc_len bytes), the antecedent
 *  `a`: the path of its last leaf, up. */
void dt__cite_ante_remember(dt_cite_ante *a, const dt_cite_raw *raw,
	unsigned g0, unsigned g1, const dt_cite_docres *res,
	size_t doc_start, size_t doc_len);

/** `raw` in *out with its anaphoric group `ag` given the label of the
 *  unit of its kind on the antecedent's path, and that unit's
 *  ancestors above it ("указанного пункта" after "пункта 2 статьи 5"
 *  is clause 2 of article 5).  1, or 0 when `a` has no such unit with
 *  a single label (or the groups would not fit). */
int dt__cite_ante_take(const dt_cite_ante *a, const dt_cite_raw *raw,
	int ag, dt_cite_raw *out);

/* ## The set (citeset.c) */

/** The local document a set was found in. */
const dt_doc *dt__citeset_doc(const dt_citeset *set);

#endif /* DT_CITE_H */
