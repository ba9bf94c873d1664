/*
 * cite_grammar.c - the citation grammar: the patterns built from its rows
 * (cite_grammar_data.h: level words with their case forms and
 * abbreviations, the small words of a chain, document words
 * symbol_doctype.c does not know), compiled once per process and
 * language (one set per language, and one with every row).
 *
 * A new language or word is a new row, not new code.  Every pattern is
 * linear (DESIGN §7): counts are bounded, and the only repetitions sit
 * before something a bare run of level words cannot supply (a digit, a
 * letter and ")", a quote), so "khoản khoản khoản …" fails at each word
 * after a few bytes.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "cite_scan.h"

/* ## Data: the rows (cite_grammar_data.h) */

#include "cite_grammar_data.h"

/* ## Building */

typedef struct {
	dt_re *re[DT_CRE_COUNT];
	dt_re *cand0;  /* the candidate alternatives at a text's start */
	dt_prefixes *starts; /* what those alternatives begin with */
	char *cand_text;
	const dt_cite_level *level_rows[N_LEVELS];
	size_t nlevel;
	dt_cite_word word_rows[N_WORDS];
	size_t nword;
	int status;       /* 0, or why compiling the language failed */
	dt_error err;
	int cand_status;  /* the same for re[DT_CRE_CAND] and cand_text */
	dt_error cand_err;
} grammar;

static grammar grammars[DT_CG_COUNT];
static dt_re *shared_re[DT_CRE_COUNT]; /* patterns every language shares */
static size_t symbol_rows;
static int g_status;
static dt_error g_err;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

#define NOT_WORD "(?![\\p{L}\\p{N}])"

static int in_lang(dt_cite_lang row, dt_cite_lang cl)
{
	return cl == DT_CG_ALL || row == cl;
}

/* A word (not punctuation) must not run on into another word. */
static int wordlike(const char *p)
{
	unsigned char c = (unsigned char)p[0];

	return (c >= 'a' && c <= 'z') || c >= 0xC0;
}

static int put_str(dt_buf *b, const char *s)
{
	return dt__buf_append(b, s, strlen(s));
}

/* Abbreviations end in "\\." and need no word boundary after them. */
static int is_abbrev(const char *p)
{
	size_t n = strlen(p);

	return n >= 2 && p[n - 1] == '.' && p[n - 2] == '\\';
}

/* "|(p)" plus a word boundary when `boundary` and p is no abbreviation. */
static int put_alt(dt_buf *b, const char *p, int first, int boundary)
{
	int rc = first ? 0 : dt__buf_putc(b, '|');

	if (rc == 0) {
		rc = dt__buf_printf(b, "(%s)", p);
	}
	if (rc == 0 && boundary && !is_abbrev(p)) {
		rc = put_str(b, NOT_WORD);
	}
	return rc;
}

/* ## Level words, small words, extra document words */

/* The anchored level pattern: one group per row, guards included,
 * recorded in g->level_rows. */
static int build_level_rows(dt_buf *b, grammar *g, dt_cite_lang cl)
{
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < N_LEVELS; i++) {
		if (!in_lang(levels[i].lang, cl)) {
			continue;
		}
		rc = dt__buf_printf(b, "%s%s(%s)", g->nlevel ? "|" : "(?:",
			levels[i].guard, levels[i].pattern);
		if (rc == 0 && !is_abbrev(levels[i].pattern)) {
			rc = put_str(b, NOT_WORD);
		}
		g->level_rows[g->nlevel++] = &levels[i];
	}
	return rc == 0 ? dt__buf_putc(b, ')') : rc;
}

/* Level words of the candidate pattern: a word and a blank (none after
 * an abbreviation), then the start of a label.  Guards ("thời điểm")
 * are checked when the anchored pattern reads the word. */
static int level_entries(dt_word_list *w, dt_str_pool *pool, dt_cite_lang cl)
{
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < N_LEVELS; i++) {
		const char *p = levels[i].pattern;

		if (in_lang(levels[i].lang, cl)) {
			rc = dt__cite_add_entry(w, pool, p, strlen(p),
				is_abbrev(p) ? LABEL_START :
				"(?=\\s)" LABEL_START);
		}
	}
	return rc;
}

static int build_words(dt_buf *b, grammar *g, dt_cite_lang cl)
{
	size_t i;
	int rc = dt__buf_append(b, "(?:", 3);

	for (i = 0; rc == 0 && i < N_WORDS; i++) {
		if (in_lang(words[i].lang, cl)) {
			rc = put_alt(b, words[i].pattern, g->nword == 0,
				wordlike(words[i].pattern));
			g->word_rows[g->nword++] = words[i].word;
		}
	}
	return rc == 0 ? dt__buf_putc(b, ')') : rc;
}

static int build_counted(dt_buf *b)
{
	size_t i;
	int rc = dt__buf_append(b, "(?:", 3);

	for (i = 0; rc == 0 && i < N_COUNTED; i++) {
		rc = dt__buf_printf(b, "%s%s", i ? "|" : "",
			counted_nouns[i]);
	}
	return rc == 0 ? put_str(b, ")" NOT_WORD) : rc;
}

static int build_extras(dt_buf *b)
{
	size_t i;
	int rc = dt__buf_append(b, "(?:", 3);

	for (i = 0; rc == 0 && i < N_EXTRAS; i++) {
		rc = put_alt(b, extras[i].pattern, i == 0, 1);
	}
	return rc == 0 ? dt__buf_putc(b, ')') : rc;
}

/* ## Document words */

/* Is the UTF-8 letter at p a Russian vowel or soft sign (lower case)? */
static int ru_ending(const char *p)
{
	static const char *const v[] = { "а", "е", "и", "о", "у", "ы", "э",
		"ю", "я", "ь", "й" };
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		if (memcmp(p, v[i], 2) == 0) {
			return 1;
		}
	}
	return 0;
}

static int is_ru_name(const char *name)
{
	return (unsigned char)name[0] == 0xD0 || (unsigned char)name[0] == 0xD1;
}

/* A type name (folded to lower case) as a pattern: Vietnamese words as
 * written, Russian words as stems that take any case ending ("положен"
 * + up to 4 letters); symbol_doctype.c's own row then decides what the word
 * is. */
static int put_type_name(dt_buf *b, const char *name)
{
	int ru = is_ru_name(name);
	int rc = 0;

	while (rc == 0 && *name != '\0') {
		size_t n = strcspn(name, " ");

		while (ru && n >= 4 && ru_ending(name + n - 2)) {
			n -= 2;
		}
		rc = dt__buf_append(b, name, n);
		if (rc == 0 && ru) {
			rc = put_str(b, "\\p{L}{0,4}");
		}
		name += strcspn(name, " ");
		if (rc == 0 && *name == ' ') {
			rc = put_str(b, "\\s{1,3}");
			name++;
		}
	}
	return rc;
}

/* Document words of language `cl` (symbol_doctype.c rows and extras), each
 * followed by `tail` (what must come after it). */
static int type_entries(dt_word_list *w, dt_str_pool *pool, dt_cite_lang cl,
	const char *tail)
{
	const char *name;
	dt_buf tmp;
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && (name = dt__symbol_doctype_name(i)) != NULL;
		i++) {
		char *low = NULL;

		if (cl != DT_CG_ALL && is_ru_name(name) != (cl == DT_CG_RU)) {
			continue;
		}
		rc = dt_fold(&low, NULL, name, strlen(name), DT_FOLD_CASE,
			NULL);
		dt__buf_init(&tmp, 4096);
		if (rc == 0) {
			rc = put_type_name(&tmp, low);
		}
		if (rc == 0) {
			rc = dt__cite_add_entry(w, pool, tmp.data, tmp.len,
				tail);
		}
		dt_free(low);
		dt__buf_dispose(&tmp);
	}
	for (i = 0; rc == 0 && i < N_EXTRAS; i++) {
		const char *x = extras[i].pattern;
		int ru = is_ru_name(x);

		if (cl == DT_CG_ALL || (cl == DT_CG_EN && !ru) ||
			(cl == DT_CG_RU && ru)) {
			rc = dt__cite_add_entry(w, pool, x, strlen(x), tail);
		}
	}
	return rc;
}

/* Append code c (and its form without diacritics, "QD" for "QĐ") to the
 * alternation unless it is there already. */
static int put_code(dt_buf *b, const char *c, size_t n)
{
	char one[16], probe[20];
	size_t k, i;
	int rc = 0, pass;

	for (pass = 0; rc == 0 && pass < 2; pass++) {
		for (i = 0, k = 0; i < n && k + 2 < sizeof(one); i++) {
			if (pass && i + 1 < n && memcmp(c + i, "Đ", 2) == 0) {
				one[k++] = 'D';
				i++;
			} else {
				one[k++] = c[i];
			}
		}
		one[k] = '\0';
		snprintf(probe, sizeof(probe), "|%s|", one);
		if (strstr(b->data, probe) == NULL) {
			rc = dt__buf_printf(b, "%s|", one);
		}
	}
	return rc;
}

/* "(?-i:QĐi|QĐ|NQ|…)": the Party and State type codes of the type
 * table that are written in Latin letters (Russian codes follow "№"). */
/* "|QĐ|QD|NQ|…|": every Latin type code once, in table order. */
static int code_list(dt_buf *alt)
{
	const char *codes;
	size_t i;
	int rc = dt__buf_putc(alt, '|');

	for (i = 0; rc == 0 && (codes = dt__symbol_doctype_codes(i)) != NULL;
		i++) {
		while (rc == 0 && *codes != '\0') {
			size_t n = strcspn(codes, " ");

			if (n > 0 && !is_ru_name(codes)) {
				rc = put_code(alt, codes, n);
			}
			codes += n + (codes[n] == ' ');
		}
	}
	return rc;
}

static int build_codes(dt_buf *b)
{
	dt_buf alt;
	int rc;

	dt__buf_init(&alt, 4096);
	rc = code_list(&alt);
	if (rc == 0 && alt.len > 1) {
		alt.data[alt.len - 1] = '\0';
		rc = dt__buf_printf(b, "(?-i:%s)", alt.data + 1);
	}
	dt__buf_dispose(&alt);
	return rc;
}

/* "QĐ 31" in the candidate pattern: the first letter is matched without
 * case like every entry's, so a lookbehind insists on the capital. */
static int code_entries(dt_word_list *w, dt_str_pool *pool)
{
	dt_buf alt, tail;
	char *one;
	int rc;

	dt__buf_init(&alt, 4096);
	rc = code_list(&alt);
	for (one = alt.data + 1; rc == 0 && one < alt.data + alt.len;
		one += strlen(one) + 1) {
		size_t f = dt__cite_literal_len(one);
		char *low = NULL;

		one[strcspn(one, "|")] = '\0';
		rc = dt_fold(&low, NULL, one, f, DT_FOLD_CASE, NULL);
		dt__buf_init(&tail, 4096);
		if (rc == 0) {
			rc = dt__buf_printf(&tail, "%s(?<=%.*s)(?-i:%s)"
				"\\s\\d{1,5}(?![\\d\\p{L}/\\-])", low, (int)f,
				one, one + f);
		}
		if (rc == 0) {
			rc = dt__cite_add_entry(w, pool, tail.data, tail.len,
				"");
		}
		dt_free(low);
		dt__buf_dispose(&tail);
	}
	dt__buf_dispose(&alt);
	return rc;
}

/* The candidate pattern: what may start a citation, right after a
 * blank or "(" (a word start found without a lookbehind, which would
 * cost a Unicode lookup at every position).  Level words, document
 * words, codes, self prefixes and the alias opener form one alternation
 * factored by first letter; the scanner tells them apart afterwards.
 * With `at_start`, the same alternation for the start of a text
 * (compiled anchored); `starts` (unless NULL) gets the literal beginning
 * of every alternative. */
static int build_candidate(dt_buf *b, dt_cite_lang cl, int at_start,
	dt_prefixes *starts)
{
	static const char *const self[] = {
		"настоящ\\p{L}{1,4}\\s{1,3}(?=\\p{L})",
		"данн\\p{L}{1,4}\\s{1,3}(?=\\p{L})",
		"прилагаем\\p{L}{1,4}\\s{1,3}(?=\\p{L})",
		"this\\s{1,3}(?=\\p{L})",
		"№\\s?\\d",
		"\\(\\s{0,3}(?:sau\\s+đây|далее|hereinafter)" };
	dt_str_pool pool = { { NULL }, 0 };
	dt_word_list w = { { NULL }, 0 };
	int ru = cl == DT_CG_RU || cl == DT_CG_ALL;
	size_t i;
	int rc = level_entries(&w, &pool, cl);

	if (rc == 0) {
		rc = type_entries(&w, &pool, cl, ru ? NOT_WORD "(?:" TYPE_NEXT
			"|" TYPE_NEXT_RU ")" : NOT_WORD TYPE_NEXT);
	}
	if (rc == 0) {
		rc = code_entries(&w, &pool);
	}
	for (i = 0; i < sizeof(self) / sizeof(self[0]) && w.n < 256; i++) {
		w.v[w.n++] = self[i];
	}
	for (i = 0; rc == 0 && starts != NULL && i < w.n; i++) {
		rc = dt__prefixes_add(starts, w.v[i]);
	}
	if (rc == 0) {
		rc = put_str(b, at_start ? "" : "[ \\t\\n(]\\K");
	}
	if (rc == 0) {
		rc = dt__cite_trie(b, &w);
	}
	dt__cite_pool_free(&pool);
	return rc;
}

/* ## Compiling (once per process) */

static int compile(dt_re **out, const char *pattern, unsigned flags)
{
	return dt__re_compile(out, pattern, flags, &g_err);
}

/* compile() for one language, its failure told apart from others'. */
static int compile_in(grammar *g, dt_re **out, const char *pattern,
	unsigned flags)
{
	return dt__re_compile(out, pattern, flags, &g->err);
}

static int compile_built(dt_re **out, int (*build)(dt_buf *),
	unsigned flags)
{
	dt_buf b;
	int rc;

	dt__buf_init(&b, 1 << 16);
	rc = build(&b);
	if (rc == 0) {
		rc = compile(out, b.data, flags);
	}
	dt__buf_dispose(&b);
	return rc;
}

/* "(CODES)\s(\d{1,5})": anchored, case-sensitive. */
static int build_code_pattern(dt_buf *b)
{
	int rc = dt__buf_putc(b, '(');

	if (rc == 0) {
		rc = build_codes(b);
	}
	return rc == 0 ? put_str(b, ")\\s(\\d{1,5})(?![\\d\\p{L}/\\-])") : rc;
}

/* Patterns every language shares. */
static int compile_shared(dt_re **re)
{
	const unsigned ci = DT_RE_CASELESS, at = DT_RE_ANCHORED;
	int rc;

	rc = compile(&re[DT_CRE_SELF], self_pattern, ci | at);
	if (rc == 0) {
		rc = compile(&re[DT_CRE_ALIAS], alias_pattern, ci | at);
	}
	if (rc == 0) {
		rc = compile(&re[DT_CRE_ANNEX], annex_pattern, ci);
	}
	if (rc == 0) {
		rc = compile(&re[DT_CRE_APPROVE], approve_pattern, ci);
	}
	if (rc == 0) {
		rc = compile(&re[DT_CRE_MEASURE], measure_pattern, ci | at);
	}
	if (rc == 0) {
		rc = compile(&re[DT_CRE_TITLE_STOP], title_stop_pattern,
			ci | at);
	}
	if (rc == 0) {
		rc = compile(&re[DT_CRE_DATED], dated_pattern, ci | at);
	}
	if (rc == 0) {
		rc = compile(&re[DT_CRE_RECORD], record_pattern, ci | at);
	}
	if (rc == 0) {
		rc = compile_built(&re[DT_CRE_COUNTED], build_counted,
			ci | at);
	}
	if (rc == 0) {
		rc = compile_built(&re[DT_CRE_EXTRA], build_extras, ci | at);
	}
	if (rc == 0) {
		rc = compile_built(&re[DT_CRE_CODE], build_code_pattern, at);
	}
	return rc;
}

static int compile_lang(grammar *g, dt_cite_lang cl)
{
	dt_buf b;
	int rc;

	dt__buf_init(&b, 1 << 16);
	rc = dt__prefixes_new(&g->starts);
	rc = rc == 0 ? build_candidate(&b, cl, 1, g->starts) : rc;
	rc = rc == 0 ? dt__prefixes_seal(g->starts) : rc;
	if (rc == 0) {
		rc = compile_in(g, &g->cand0, b.data,
			DT_RE_CASELESS | DT_RE_ANCHORED);
	}
	dt__buf_dispose(&b);
	rc = rc == 0 ? build_level_rows(&b, g, cl) : rc;
	if (rc == 0) {
		rc = compile_in(g, &g->re[DT_CRE_LEVEL], b.data,
			DT_RE_CASELESS | DT_RE_ANCHORED);
	}
	dt__buf_dispose(&b);
	rc = rc == 0 ? build_words(&b, g, cl) : rc;
	if (rc == 0) {
		rc = compile_in(g, &g->re[DT_CRE_WORD], b.data,
			DT_RE_CASELESS | DT_RE_ANCHORED);
	}
	dt__buf_dispose(&b);
	return rc;
}

/* The search pattern of a language, which only tests and the bench
 * use (the scan runs g->cand0 where g->starts lets it): its own error,
 * so that a failure here fails nothing else. */
static int compile_cand(grammar *g, dt_cite_lang cl)
{
	dt_buf b;
	int rc;

	dt__buf_init(&b, 1 << 16);
	rc = build_candidate(&b, cl, 0, NULL);
	if (rc == 0) {
		rc = dt__re_compile(&g->re[DT_CRE_CAND], b.data,
			DT_RE_CASELESS, &g->cand_err);
	}
	if (rc == 0) {
		g->cand_text = dt__buf_detach(&b, NULL);
		rc = g->cand_text ? 0 : DT_ENOMEM;
	}
	dt__buf_dispose(&b);
	return rc;
}

static void grammar_compile(void)
{
	while (dt__symbol_doctype_name(symbol_rows) != NULL) {
		symbol_rows++;
	}
	/* the patterns live as long as the process, like outline.c's */
	g_status = compile_shared(shared_re);
}

int dt__cite_grammar_init(dt_error *err)
{
	pthread_once(&g_once, grammar_compile);
	if (g_status < 0) {
		return dt__fail(err, g_status, 0, g_err.column,
			"citation grammar: %s", g_err.message[0] ?
			g_err.message : dt_strerror(g_status));
	}
	return 0;
}

/* ## One language at a time
 *
 * A language's patterns are compiled the first time it is asked for: a
 * run on Vietnamese documents does not pay for the Russian, English and
 * mixed grammars, three quarters of compiling them all (some 20 ms a
 * process), nor any run for the search patterns. */

static void lang_compile(dt_cite_lang cl)
{
	grammar *g = &grammars[cl];

	pthread_once(&g_once, grammar_compile);
	g->status = g_status < 0 ? g_status : compile_lang(g, cl);
}

static void cand_compile(dt_cite_lang cl)
{
	grammar *g = &grammars[cl];

	pthread_once(&g_once, grammar_compile);
	g->cand_status = g_status < 0 ? g_status : compile_cand(g, cl);
}

static void lang_vi(void) { lang_compile(DT_CG_VI); }
static void lang_ru(void) { lang_compile(DT_CG_RU); }
static void lang_en(void) { lang_compile(DT_CG_EN); }
static void lang_all(void) { lang_compile(DT_CG_ALL); }
static void cand_vi(void) { cand_compile(DT_CG_VI); }
static void cand_ru(void) { cand_compile(DT_CG_RU); }
static void cand_en(void) { cand_compile(DT_CG_EN); }
static void cand_all(void) { cand_compile(DT_CG_ALL); }

_Static_assert(DT_CG_COUNT == 4, "one once per language");
static pthread_once_t lang_once[DT_CG_COUNT] = { PTHREAD_ONCE_INIT,
	PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT };
static pthread_once_t cand_once[DT_CG_COUNT] = { PTHREAD_ONCE_INIT,
	PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT };
static void (*const lang_init[DT_CG_COUNT])(void) = {
	[DT_CG_VI] = lang_vi, [DT_CG_RU] = lang_ru, [DT_CG_EN] = lang_en,
	[DT_CG_ALL] = lang_all,
};
static void (*const cand_init[DT_CG_COUNT])(void) = {
	[DT_CG_VI] = cand_vi, [DT_CG_RU] = cand_ru, [DT_CG_EN] = cand_en,
	[DT_CG_ALL] = cand_all,
};

/* The grammar of cl, compiled (or failed: status < 0). */
static const grammar *lang(dt_cite_lang cl)
{
	pthread_once(&lang_once[cl], lang_init[cl]);
	return &grammars[cl];
}

static const grammar *cand(dt_cite_lang cl)
{
	pthread_once(&cand_once[cl], cand_init[cl]);
	return &grammars[cl];
}

int dt__cite_grammar_lang(dt_cite_lang cl, dt_error *err)
{
	const grammar *g;
	int rc = dt__cite_grammar_init(err);

	if (rc < 0) {
		return rc;
	}
	g = lang(cl);
	if (g->status < 0) {
		return dt__fail(err, g->status, 0, g->err.column,
			"citation grammar: %s", g->err.message[0] ?
			g->err.message : dt_strerror(g->status));
	}
	return 0;
}

dt_cite_lang dt__cite_lang(dt_lang lang)
{
	switch (lang) {
	case DT_LANG_VI: return DT_CG_VI;
	case DT_LANG_RU: return DT_CG_RU;
	case DT_LANG_EN: return DT_CG_EN;
	default: return DT_CG_ALL;
	}
}

const dt_re *dt__cite_re(dt_cite_lang cl, int which)
{
	if (shared_re[which] != NULL) {
		return shared_re[which];
	}
	return which == DT_CRE_CAND ? cand(cl)->re[which] :
		lang(cl)->re[which];
}

const dt_re *dt__cite_re_start(dt_cite_lang cl)
{
	return lang(cl)->cand0;
}

const dt_prefixes *dt__cite_starts(dt_cite_lang cl)
{
	return lang(cl)->starts;
}

const dt_cite_level *dt__cite_level_row(dt_cite_lang cl, size_t group)
{
	const grammar *g = lang(cl);

	return group >= 1 && group <= g->nlevel ? g->level_rows[group - 1] :
		NULL;
}

dt_cite_word dt__cite_word_row(dt_cite_lang cl, size_t group)
{
	const grammar *g = lang(cl);

	return group >= 1 && group <= g->nword ? g->word_rows[group - 1] :
		(dt_cite_word)0;
}

size_t dt__cite_symbol_rows(void)
{
	pthread_once(&g_once, grammar_compile);
	return symbol_rows;
}

const dt_cite_extra *dt__cite_extra(size_t i)
{
	return i < N_EXTRAS ? &extras[i] : NULL;
}

const char *dt__cite_candidate_pattern(dt_cite_lang cl)
{
	const grammar *g = cand(cl);

	return g->cand_status < 0 ? NULL : g->cand_text;
}
