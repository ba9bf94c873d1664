/*
 * tokens.c - normalized text -> matching terms (words, syllables, stems).
 *
 * Words are maximal runs of word characters (letters, combining marks,
 * digits) by Unicode properties; everything else separates them, including
 * '_' (NLP tools join Vietnamese syllables as xây_dựng), hyphens and
 * apostrophes.  Terms are simple-case-folded with ё -> е, then shaped per
 * language: Vietnamese syllables plus bigrams of adjacent syllables,
 * Russian and English Snowball stems, stopwords dropped.
 *
 * Why not ICU's BreakIterator: it was measured here at ~75 MB/s, slower
 * than the parsers together, while a table built once from ICU's character
 * data (tokens_table.c) and a hand-written UTF-8 scan gives ~220 MB/s on
 * Vietnamese with bigrams and stopwords (tests/bench/bench_text.c, row
 * (b)).  The table covers the BMP; rarer code points ask ICU directly
 * (tokens_table.c is the tokenizer's only ICU user).  Boundaries agree
 * with UAX #29 for the scripts we read, except that apostrophes, periods
 * and colons between letters, and '_', split words where UAX #29 joins.
 *
 * Stopword lists are data files (lib/data/stopwords_*.txt, turned into C
 * arrays by tools/txt2c.sh); each says how its words were chosen.
 */
#include <pthread.h>
#include <string.h>

#include <libstemmer.h>

#include "internal.h"
#include "match_terms.h"
#include "short_bytes.h"
#include "tokens_table.h"

/* Generated from lib/data/stopwords_*.txt (see tools/txt2c.sh). */
extern const char *const dt__data_stopwords_vi[];
extern const size_t dt__data_stopwords_vi_count;
extern const char *const dt__data_stopwords_ru[];
extern const size_t dt__data_stopwords_ru_count;
extern const char *const dt__data_stopwords_en[];
extern const size_t dt__data_stopwords_en_count;

static void stopsets_build(void);

/* The character table (tokens_table.c), then the stopword sets, whose
 * words are folded through it: once per process. */
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void tables_build(void)
{
	dt__tokens_table_build();
	stopsets_build();
}

static void tables_init(void)
{
	pthread_once(&tables_once, tables_build);
}

/* A word whose folded form is longer than this is not a term.  No word of
 * our languages comes near (a long Russian word is ~60 bytes); such runs
 * are data (base64, hashes) that would only bloat an index. */
#define WORD_MAX 256
/* Room for a word: one code point may be written past WORD_MAX (then the
 * word is dropped), and put_fold() stores 4 bytes at a time. */
#define WORD_BUF (WORD_MAX + 8)

/* What a folded character of n bytes at u adds to a word hash: its
 * UTF-8 bytes, little-endian, when it has up to three (the table's fold
 * as put_fold() loads it), else its code point with bit 24 set.  So the
 * hash of a word is a function of its folded bytes (dt__term_hash). */
static uint32_t char_value(const unsigned char *u, size_t n)
{
	uint32_t cp;

	switch (n) {
	case 1:
		return u[0];
	case 2:
		return (uint32_t)u[0] | (uint32_t)u[1] << 8;
	case 3:
		return (uint32_t)u[0] | (uint32_t)u[1] << 8 |
		       (uint32_t)u[2] << 16;
	default:
		cp = (uint32_t)(u[0] & 0x07u) << 18 |
		     (uint32_t)(u[1] & 0x3Fu) << 12 |
		     (uint32_t)(u[2] & 0x3Fu) << 6 | (uint32_t)(u[3] & 0x3Fu);
		return cp | 1u << 24;
	}
}

/* Append the fold of the code point at s[0..len) (class CL_WORD or
 * CL_WORD_SLOW, entry `e`) to `out`, mix it into the word hash `*h`, and
 * return the byte count (at most 4).  The hash is built here, from values
 * already in registers, because reading the word back from memory right
 * after these narrow stores stalls on store forwarding. */
static ALWAYS_INLINE size_t put_fold(
	char *out, cpinfo e, const unsigned char *s, size_t len, uint64_t *h)
{
	uint32_t cp, v;
	size_t n;

	if (INFO_CLASS(e) == CL_WORD) {
		memcpy(out, &e, 4); /* the fold and a byte of junk after it */
		v = (uint32_t)e.fold[0] | (uint32_t)e.fold[1] << 8 |
		    (uint32_t)e.fold[2] << 16;
		*h = ((*h << 7) | (*h >> 57)) ^ v;
		return INFO_LEN(e);
	}
	if (dt__utf8_decode(s, len, &cp) == 0) {
		return 0; /* cannot happen: the scan decoded it */
	}
	n = dt__utf8_encode(dt__tokens_fold_cp(cp), out);
	*h = ((*h << 7) | (*h >> 57)) ^ char_value((unsigned char *)out, n);
	return n;
}

/* The final hash of a folded word of `len` bytes from put_fold()'s mix. */
static uint32_t hash_final(uint64_t h, size_t len)
{
	h = (h ^ len) * 0x9E3779B97F4A7C15u;
	return (uint32_t)(h >> 32);
}

/* The hash of a Vietnamese bigram from those of its syllables. */
static uint32_t pair_hash(uint32_t a, uint32_t b)
{
	uint64_t h = ((uint64_t)a << 32 | b) * 0x9E3779B97F4A7C15u;

	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9u;
	return (uint32_t)(h >> 32);
}

/* A folded word: its length (SIZE_MAX: over WORD_MAX) and hash. */
typedef struct {
	size_t len;
	uint32_t hash;
} folded;

/* Fold `len` bytes at `s` into out[0..WORD_BUF) the way the tokenizer folds
 * a word.  Format characters are dropped, and a separator becomes U+FFFD:
 * no term contains one, so "tuy nhiên" matches nothing. */
static folded fold_word(char *out, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	folded f = {0, 0};
	uint64_t h = 0;
	size_t i = 0;

	while (i < len && f.len <= WORD_MAX) {
		size_t n;
		cpinfo e = entry_at(u, len, i, &n);

		if (INFO_CLASS(e) >= CL_WORD) {
			f.len += put_fold(out + f.len, e, u + i, len - i, &h);
		} else if (INFO_CLASS(e) != CL_IGNORE) {
			f.len += dt__utf8_encode(0xFFFD, out + f.len);
			h = ~h;
		}
		i += n;
	}
	if (f.len > WORD_MAX) {
		f.len = SIZE_MAX;
	}
	f.hash = hash_final(h, f.len);
	return f;
}

/* ## Stopword sets
 *
 * Open addressing over a static pool, filled once at init, so lookups never
 * allocate and init cannot fail.  Entries are folded with fold_word() when
 * loaded, so a list may write ё or capitals and still match terms. */

#define STOP_MAX 512    /* words per language; the lists hold 150-300 */
#define STOP_SLOTS 1024 /* power of two, at least 2 * STOP_MAX */
#define STOP_POOL 8192  /* bytes of folded words per language */

typedef struct {
	uint16_t slot[STOP_SLOTS]; /* entry index + 1; 0 = empty */
	uint16_t off[STOP_MAX];    /* entry's offset in pool */
	uint8_t len[STOP_MAX];
	size_t count;
	size_t pool_len;
	char pool[STOP_POOL];
} stopset;

enum { STOP_VI, STOP_RU, STOP_EN, STOP_COUNT };
static stopset stops[STOP_COUNT];

/* True when `w` (`len` bytes, hash `hash`) is in `set`.  Inline: every
 * word of a run asks. */
static ALWAYS_INLINE int stopset_has(
	const stopset *set, const char *w, size_t len, uint32_t hash)
{
	uint32_t i = hash & (STOP_SLOTS - 1);

	for (;;) {
		unsigned k = set->slot[i];

		if (k == 0) {
			return 0;
		}
		k--;
		if (set->len[k] == len &&
			dt__same_bytes(set->pool + set->off[k], w, len)) {
			return 1;
		}
		i = (i + 1) & (STOP_SLOTS - 1);
	}
}

/* Add `word` (from a data file) folded; duplicates and words that do not
 * fit are skipped (the assert catches an oversized list in debug builds). */
static void stopset_add(stopset *set, const char *word)
{
	char f[WORD_BUF];
	folded w = fold_word(f, word, strlen(word));
	size_t len = w.len;
	uint32_t i;

	if (len == 0 || len > 255 || stopset_has(set, f, len, w.hash)) {
		return;
	}
	assert(set->count < STOP_MAX && set->pool_len + len <= STOP_POOL);
	if (set->count >= STOP_MAX || set->pool_len + len > STOP_POOL) {
		return;
	}
	memcpy(set->pool + set->pool_len, f, len);
	set->off[set->count] = (uint16_t)set->pool_len;
	set->len[set->count] = (uint8_t)len;
	set->pool_len += len;
	i = w.hash & (STOP_SLOTS - 1);
	while (set->slot[i] != 0) {
		i = (i + 1) & (STOP_SLOTS - 1);
	}
	set->count++;
	set->slot[i] = (uint16_t)set->count;
}

static void stopset_fill(stopset *set, const char *const *words)
{
	size_t i;

	for (i = 0; words[i] != NULL; i++) {
		stopset_add(set, words[i]);
	}
}

/* Called from tables_build(), after the character table exists. */
static void stopsets_build(void)
{
	stopset_fill(&stops[STOP_VI], dt__data_stopwords_vi);
	stopset_fill(&stops[STOP_RU], dt__data_stopwords_ru);
	stopset_fill(&stops[STOP_EN], dt__data_stopwords_en);
}

/* The stopword set of `lang`, or NULL for languages without one. */
static const stopset *stopset_of(dt_lang lang)
{
	switch (lang) {
	case DT_LANG_VI:
		return &stops[STOP_VI];
	case DT_LANG_RU:
		return &stops[STOP_RU];
	case DT_LANG_EN:
		return &stops[STOP_EN];
	default:
		return NULL;
	}
}

int dt_is_stopword(dt_lang lang, const char *word, size_t len)
{
	const stopset *set;
	char f[WORD_BUF];
	folded w;

	assert(word != NULL || len == 0);
	if (word == NULL) {
		return 0;
	}
	tables_init();
	set = stopset_of(lang);
	if (set == NULL) {
		return 0;
	}
	w = fold_word(f, word, len);
	return w.len != SIZE_MAX && stopset_has(set, f, w.len, w.hash);
}

/* ## The tokenizer */

/* ## The stem cache
 *
 * Snowball's Russian stemmer costs more than everything else the
 * tokenizer does to a word (on ru-100, a third of the implicit-link
 * stage), and the words of legal texts repeat: a stemmed word is kept,
 * by the hash the scan computed, in a direct-mapped table, and its stem
 * is read back when the same folded word comes again.  The stemmer is a
 * function of the word alone, so the stem is the one it would give.
 * Words longer than STEM_KEEP bytes (rare) are stemmed each time. */

#define STEM_SLOTS 2048 /* power of two */
#define STEM_KEEP 40    /* bytes of a kept word and of its stem */

typedef struct {
	uint32_t hash;
	uint32_t stem_hash;    /* dt__term_hash() of the stem */
	uint8_t len, stem_len; /* len 0: empty */
	char word[STEM_KEEP];
	char stem[STEM_KEEP];
} stem_slot;

struct dt_tokenizer {
	dt_lang lang;
	unsigned flags;
	const stopset *stop;        /* NULL: keep every word */
	struct sb_stemmer *stemmer; /* NULL: terms are folded words */
	stem_slot *stems;           /* the stem cache (with a stemmer) */
	/* the current run: one of the callbacks */
	dt_term_cb cb;
	dt__term_hcb hcb;
	void *payload;
	dt_error *err;
	/* Vietnamese: the previous syllable, while it can start a bigram,
	 * is buf[0, prev_len) and the next word is scanned in after it, at
	 * buf + prev_len + 1, so the bigram is already in place. */
	size_t prev_len; /* 0 = none */
	size_t prev_start;
	uint32_t prev_hash;
	char buf[2 * WORD_BUF];
};

#define DT_TERMS_ALL_                                                          \
	(DT_TERMS_KEEP_STOPWORDS | DT_TERMS_NO_BIGRAMS | DT_TERMS_NO_STEM)

/* The Snowball stemmer for `tok`, if its language has one and stems. */
static int stemmer_open(dt_tokenizer *tok, dt_error *err)
{
	const char *algo = NULL;

	if (tok->lang == DT_LANG_RU) {
		algo = "russian";
	} else if (tok->lang == DT_LANG_EN) {
		algo = "english";
	}
	if (algo == NULL || (tok->flags & DT_TERMS_NO_STEM) != 0) {
		return 0;
	}
	/* NULL means out of memory: both algorithms are built into
	 * libstemmer (checked on Debian 12's 2.2.0). */
	tok->stemmer = sb_stemmer_new(algo, "UTF_8");
	tok->stems = dt__calloc(STEM_SLOTS, sizeof(*tok->stems));
	if (tok->stemmer == NULL || tok->stems == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0,
			"cannot create the %s stemmer", algo);
	}
	return 0;
}

int dt_tokenizer_new(
	dt_tokenizer **out, dt_lang lang, unsigned flags, dt_error *err)
{
	dt_tokenizer *tok;
	int rc;

	DT_ASSERT_ARG(out != NULL, err);
	*out = NULL;
	if ((int)lang < (int)DT_LANG_UNKNOWN ||
		(int)lang > (int)DT_LANG_OTHER ||
		(flags & ~(unsigned)DT_TERMS_ALL_) != 0) {
		return dt__fail(err, DT_EINVAL, 0, 0,
			"invalid tokenizer language or flags");
	}
	tables_init();
	tok = dt__calloc(1, sizeof(*tok));
	if (tok == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	tok->lang = lang;
	tok->flags = flags;
	if ((flags & DT_TERMS_KEEP_STOPWORDS) == 0) {
		tok->stop = stopset_of(lang);
	}
	rc = stemmer_open(tok, err);
	if (rc < 0) {
		dt_tokenizer_free(tok);
		return rc;
	}
	*out = tok;
	return 0;
}

void dt_tokenizer_free(dt_tokenizer *tok)
{
	if (tok == NULL) {
		return;
	}
	if (tok->stemmer != NULL) {
		sb_stemmer_delete(tok->stemmer);
	}
	dt__free(tok->stems);
	dt__free(tok);
}

/* A word as scanned: its span [start, end) in the input, and its folded
 * length (SIZE_MAX: over WORD_MAX, not a term) and hash. */
typedef struct {
	size_t start, end, len;
	uint32_t hash;
} span;

/* Hand term t[0, len) (hash `hash`: dt__term_hash) to the run's
 * callback. */
static ALWAYS_INLINE int emit(const dt_tokenizer *tok, const char *t,
	size_t len, uint32_t hash, size_t start, size_t end)
{
	return tok->hcb != NULL ?
		tok->hcb(t, len, hash, start, end, tok->payload) :
		tok->cb(t, len, start, end, tok->payload);
}

static ALWAYS_INLINE int is_stop(
	const dt_tokenizer *tok, const char *w, const span *sp)
{
	return tok->stop != NULL &&
	       stopset_has(tok->stop, w, sp->len, sp->hash);
}

/* Move the syllable w[0, len), after the previous one in buf, to the
 * front of buf.  A syllable has 2-7 bytes nearly always: one 8-byte load
 * then one store (the bytes after it in buf are scratch: the next word
 * is scanned in after it; buf has room past WORD_BUF), where a byte loop
 * cost 2% of a run and a memmove call more. */
static ALWAYS_INLINE void to_front(char *buf, const char *w, size_t len)
{
	uint64_t v;

	if (len > 8) {
		memmove(buf, w, len);
		return;
	}
	memcpy(&v, w, 8);
	memcpy(buf, &v, 8);
}

/* Vietnamese: a word is a syllable, at buf + base (base = prev_len + 1, or
 * 0 without a previous syllable).  Bigrams join two adjacent syllables
 * only when neither is a stopword.  Function syllables sit at word
 * boundaries, so "của đảng", "và các", "được giao" pair a topic syllable
 * with noise and would double that syllable's weight in BM25 wherever a
 * function word precedes it.  The price is compounds whose first syllable
 * is a stopword ("theo dõi", "cho phép"): their second syllable survives
 * as a unigram and carries nearly the same signal.  The stopword list
 * keeps out syllables that head content words (chỉ: chỉ thị, lại: kết nạp
 * lại, trên/dưới: cấp trên/cấp dưới).  A dropped stopword also ends
 * adjacency: "kiểm tra của đảng" gives no "tra đảng". */
static int vi_word(dt_tokenizer *tok, size_t base, const span *sp, int adjacent)
{
	char *w = tok->buf + base;
	int rc;

	if (is_stop(tok, w, sp)) {
		tok->prev_len = 0;
		return 0;
	}
	if (adjacent && base > 0) {
		tok->buf[base - 1] = ' ';
		rc = emit(tok, tok->buf, base + sp->len,
			pair_hash(tok->prev_hash, sp->hash), tok->prev_start,
			sp->end);
		if (rc != 0) {
			return rc;
		}
	}
	rc = emit(tok, w, sp->len, sp->hash, sp->start, sp->end);
	if ((tok->flags & DT_TERMS_NO_BIGRAMS) != 0) {
		return rc; /* prev_len stays 0: every syllable at buf[0] */
	}
	if (base > 0) {
		to_front(tok->buf, w, sp->len);
	}
	tok->prev_len = sp->len;
	tok->prev_start = sp->start;
	tok->prev_hash = sp->hash;
	return rc;
}

/* True when UTF-8 `w` has a Cyrillic letter (U+0400-U+04FF lead bytes):
 * only those words go through the Russian stemmer, so numbers and quoted
 * Latin symbols ("QĐ", "TW") pass unchanged and cost nothing. */
static int has_cyrillic(const char *w, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char b = (unsigned char)w[i];

		if (b >= 0xD0 && b <= 0xD3) {
			return 1;
		}
	}
	return 0;
}

/* Russian and English: stopwords are dropped before stemming (the lists
 * hold surface forms), a word met before takes its stem from the cache;
 * other languages: the folded word. */
static int plain_word(dt_tokenizer *tok, const span *sp)
{
	const char *w = tok->buf;
	const sb_symbol *stem;
	stem_slot *slot;
	size_t stem_len;
	uint32_t stem_hash;

	if (is_stop(tok, w, sp)) {
		return 0;
	}
	if (tok->stemmer == NULL ||
		(tok->lang == DT_LANG_RU && !has_cyrillic(w, sp->len))) {
		return emit(tok, w, sp->len, sp->hash, sp->start, sp->end);
	}
	slot = &tok->stems[sp->hash & (STEM_SLOTS - 1)];
	if (slot->len != 0 && slot->len == sp->len && slot->hash == sp->hash &&
		dt__same_bytes(slot->word, w, sp->len)) {
		return emit(tok, slot->stem, slot->stem_len, slot->stem_hash,
			sp->start, sp->end);
	}
	stem = sb_stemmer_stem(
		tok->stemmer, (const sb_symbol *)w, (int)sp->len);
	if (stem == NULL) {
		return dt__fail(tok->err, DT_ENOMEM, 0, 0, "out of memory");
	}
	stem_len = (size_t)sb_stemmer_length(tok->stemmer);
	stem_hash = dt__term_hash((const char *)stem, stem_len);
	if (sp->len <= STEM_KEEP && stem_len <= STEM_KEEP) {
		slot->hash = sp->hash;
		slot->stem_hash = stem_hash;
		slot->len = (uint8_t)sp->len;
		slot->stem_len = (uint8_t)stem_len;
		memcpy(slot->word, w, sp->len);
		memcpy(slot->stem, stem, stem_len);
	}
	return emit(tok, (const char *)stem, stem_len, stem_hash, sp->start,
		sp->end);
}

/* Scan the word starting at s[i] (a word character), folding it into
 * `out`, and return it; *next gets the offset of the separator after it.
 * Format characters inside or after the word are skipped; the span ends
 * at its last word character. */
static span scan_word(
	char *out, const unsigned char *s, size_t len, size_t i, size_t *next)
{
	span w = {i, i, 0, 0};
	uint64_t h = 0;

	while (i < len) {
		size_t n;
		cpinfo e = entry_at(s, len, i, &n);
		unsigned cl = INFO_CLASS(e);

		if (cl >= CL_WORD) {
			if (w.len <= WORD_MAX) {
				w.len += put_fold(
					out + w.len, e, s + i, len - i, &h);
			}
			w.end = i + n;
		} else if (cl != CL_IGNORE) {
			break;
		}
		i += n;
	}
	*next = i;
	if (w.len > WORD_MAX) {
		w.len = SIZE_MAX;
	}
	w.hash = hash_final(h, w.len);
	return w;
}

/* The gap between two words, as the scan sees it. */
enum { GAP_NONE, GAP_ADJACENT, GAP_NEWLINE };

/* Advance *i over separators; return 1 when the word there (if any) is
 * adjacent to the previous one: only whitespace between, and at most one
 * line break (a blank line ends a paragraph). */
static int skip_gap(const unsigned char *s, size_t len, size_t *i, int gap)
{
	size_t j = *i;

	while (j < len) {
		size_t n;
		unsigned cl;

		if (s[j] == ' ') { /* the common case, without a lookup */
			j++;
			continue;
		}
		cl = INFO_CLASS(entry_at(s, len, j, &n));
		if (cl >= CL_WORD) {
			break;
		}
		if (cl == CL_PUNCT ||
			(cl == CL_NEWLINE && gap == GAP_NEWLINE)) {
			gap = GAP_NONE;
		} else if (cl == CL_NEWLINE && gap == GAP_ADJACENT) {
			gap = GAP_NEWLINE;
		}
		j += n;
	}
	*i = j;
	return gap != GAP_NONE;
}

/* Where the next Vietnamese syllable is scanned to: after the previous
 * one and a space, so a bigram needs no copy. */
static size_t vi_base(const dt_tokenizer *tok)
{
	return tok->prev_len > 0 ? tok->prev_len + 1 : 0;
}

/* The run of dt_tokenizer_run() and dt__tokenizer_run_hashed(), with the
 * callback set. */
static int run(dt_tokenizer *tok, const char *s, size_t len, void *payload,
	dt_error *err)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	int gap = GAP_NONE, rc = 0;

	tok->payload = payload;
	tok->err = err;
	tok->prev_len = 0;
	while (rc == 0) {
		int adjacent = skip_gap(u, len, &i, gap);
		size_t base = tok->lang == DT_LANG_VI ? vi_base(tok) : 0;
		span w;

		if (i >= len) {
			break;
		}
		w = scan_word(tok->buf + base, u, len, i, &i);
		if (w.len == SIZE_MAX) {
			tok->prev_len = 0;
		} else if (tok->lang == DT_LANG_VI) {
			rc = vi_word(tok, base, &w, adjacent);
		} else {
			rc = plain_word(tok, &w);
		}
		gap = GAP_ADJACENT;
	}
	tok->cb = NULL;
	tok->hcb = NULL;
	tok->payload = NULL;
	tok->err = NULL;
	return rc;
}

int dt_tokenizer_run(dt_tokenizer *tok, const char *s, size_t len,
	dt_term_cb cb, void *payload, dt_error *err)
{
	DT_ASSERT_ARG(
		tok != NULL && (s != NULL || len == 0) && cb != NULL, err);
	tok->cb = cb;
	tok->hcb = NULL;
	return run(tok, s, len, payload, err);
}

int dt__tokenizer_run_hashed(dt_tokenizer *tok, const char *s, size_t len,
	dt__term_hcb cb, void *payload, dt_error *err)
{
	DT_ASSERT_ARG(
		tok != NULL && (s != NULL || len == 0) && cb != NULL, err);
	tok->cb = NULL;
	tok->hcb = cb;
	return run(tok, s, len, payload, err);
}

/* The length of the UTF-8 sequence led by byte c, as far as a hash
 * needs: folded terms are valid UTF-8; other bytes count one each. */
static size_t lead_len(unsigned char c)
{
	return c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 && c < 0xF0 ? 3 :
	       c >= 0xC2 && c < 0xE0 ? 2 : 1;
}

/* The word hash scan_word() computes, from the folded bytes s[0, len). */
static uint32_t word_hash(const unsigned char *s, size_t len)
{
	uint64_t h = 0;
	size_t i = 0, n;

	for (; i < len; i += n) {
		n = lead_len(s[i]);
		n = n <= len - i ? n : 1;
		h = ((h << 7) | (h >> 57)) ^ char_value(s + i, n);
	}
	return hash_final(h, len);
}

uint32_t dt__term_hash(const char *s, size_t len)
{
	const char *sp = len > 0 ? memchr(s, ' ', len) : NULL;
	size_t a;

	if (sp == NULL) {
		return word_hash((const unsigned char *)s, len);
	}
	a = (size_t)(sp - s); /* a bigram: "syllable syllable" */
	return pair_hash(word_hash((const unsigned char *)s, a),
		word_hash((const unsigned char *)sp + 1, len - a - 1));
}
