/*
 * test_tokens.c - words, syllables, bigrams, stems and stopwords
 * (tokens.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <libstemmer.h>

#include "internal.h"
#include "match_terms.h"
#include "test_util.h"

#define MAX_TERMS 64

/* The stopword lists as built from lib/data (tools/txt2c.sh). */
extern const char *const dt__data_stopwords_vi[];
extern const size_t dt__data_stopwords_vi_count;
extern const char *const dt__data_stopwords_ru[];
extern const size_t dt__data_stopwords_ru_count;

/* Terms as the callback saw them, copied (the bytes are only lent). */
typedef struct {
	size_t count;
	char term[MAX_TERMS][128];
	size_t start[MAX_TERMS];
	size_t end[MAX_TERMS];
	size_t stop_at; /* 1-based term that returns stop_rc; 0 = never */
	int stop_rc;
} terms;

static dt_tokenizer *tok;

static void teardown(void)
{
	dt_tokenizer_free(tok);
	tok = NULL;
	dt__alloc_fail_after(0);
}

static int collect(
	const char *term, size_t len, size_t start, size_t end, void *payload)
{
	terms *t = payload;

	cr_assert_lt(t->count, MAX_TERMS);
	cr_assert_lt(len, sizeof(t->term[0]));
	memcpy(t->term[t->count], term, len);
	t->term[t->count][len] = '\0';
	t->start[t->count] = start;
	t->end[t->count] = end;
	t->count++;
	return t->count == t->stop_at ? t->stop_rc : 0;
}

/* Tokenize `s` as `lang` with `flags` into `t` (zeroed first). */
static void run(terms *t, dt_lang lang, unsigned flags, const char *s)
{
	dt_error err = {0};

	memset(t, 0, sizeof(*t));
	dt_tokenizer_free(tok);
	tok = NULL;
	cr_assert_eq(dt_tokenizer_new(&tok, lang, flags, &err), 0, "%s",
		err.message);
	cr_assert_eq(dt_tokenizer_run(tok, s, strlen(s), collect, t, &err), 0,
		"%s", err.message);
}

/* `t` holds exactly the `n` terms of `want`, in order. */
static void expect(const terms *t, const char *const *want, size_t n)
{
	size_t i;

	for (i = 0; i < t->count && i < n; i++) {
		cr_expect_str_eq(t->term[i], want[i], "term %zu", i);
	}
	cr_assert_eq(t->count, n, "got %zu terms, want %zu", t->count, n);
}

#define EXPECT(t, ...)                                                         \
	do {                                                                   \
		static const char *const want_[] = {__VA_ARGS__};              \
		expect((t), want_, sizeof(want_) / sizeof(want_[0]));          \
	} while (0)

Test(tokens, vietnamese_yields_syllables_and_bigrams_of_neighbours,
	.fini = teardown)
{
	terms t;

	run(&t, DT_LANG_VI, 0, "Đảng viên mới");
	EXPECT(&t, "đảng", "đảng viên", "viên", "viên mới", "mới");
}

Test(tokens, spans_are_byte_offsets_into_the_input, .fini = teardown)
{
	static const char src[] = "Đảng viên mới";
	terms t;

	run(&t, DT_LANG_VI, 0, src);
	cr_assert_eq(t.start[0], 0);
	cr_assert_eq(t.end[0], strlen("Đảng"));
	cr_assert_eq(t.start[2], strlen("Đảng "));
	cr_assert_eq(t.end[2], strlen("Đảng viên"));
	/* a bigram covers both syllables and the space between */
	cr_assert_eq(t.start[1], 0);
	cr_assert_eq(t.end[1], strlen("Đảng viên"));
	cr_assert_eq(t.start[3], strlen("Đảng "));
	cr_assert_eq(t.end[4], sizeof(src) - 1);
}

Test(tokens, spans_point_at_the_original_capitals, .fini = teardown)
{
	static const char src[] = "  ỦY BAN; Статья";
	terms t;

	run(&t, DT_LANG_OTHER, 0, src);
	EXPECT(&t, "ủy", "ban", "статья");
	cr_assert_eq(memcmp(src + t.start[0], "ỦY", t.end[0] - t.start[0]), 0);
	cr_assert_eq(
		memcmp(src + t.start[2], "Статья", t.end[2] - t.start[2]), 0);
	cr_assert_eq(t.end[2], sizeof(src) - 1);
}

Test(tokens, stopwords_are_dropped_and_end_a_bigram, .fini = teardown)
{
	terms t;

	run(&t, DT_LANG_VI, 0, "kiểm tra của đảng");
	EXPECT(&t, "kiểm", "kiểm tra", "tra", "đảng");
	run(&t, DT_LANG_VI, 0, "KIỂM TRA CỦA ĐẢNG");
	EXPECT(&t, "kiểm", "kiểm tra", "tra", "đảng");
}

Test(tokens, keep_stopwords_flag_keeps_them_and_their_bigrams, .fini = teardown)
{
	terms t;

	run(&t, DT_LANG_VI, DT_TERMS_KEEP_STOPWORDS, "kiểm tra của đảng");
	EXPECT(&t, "kiểm", "kiểm tra", "tra", "tra của", "của", "của đảng",
		"đảng");
}

Test(tokens, no_bigrams_flag_gives_syllables_only, .fini = teardown)
{
	terms t;

	run(&t, DT_LANG_VI, DT_TERMS_NO_BIGRAMS, "cấp ủy cấp trên");
	EXPECT(&t, "cấp", "ủy", "cấp", "trên");
}

Test(tokens, punctuation_breaks_bigrams_and_spaces_do_not, .fini = teardown)
{
	terms t;

	run(&t, DT_LANG_VI, 0, "cấp ủy, chi bộ - kinh tế\t(xã hội)");
	EXPECT(&t, "cấp", "cấp ủy", "ủy", "chi", "chi bộ", "bộ", "kinh",
		"kinh tế", "tế", "xã", "xã hội", "hội");
}

Test(tokens, one_line_break_keeps_a_bigram_and_a_blank_line_ends_it,
	.fini = teardown)
{
	terms t;

	run(&t, DT_LANG_VI, 0, "Hà\nNội\n\ntỉnh");
	EXPECT(&t, "hà", "hà nội", "nội", "tỉnh");
}

Test(tokens, underscore_splits_a_word_into_adjacent_syllables, .fini = teardown)
{
	terms t;

	run(&t, DT_LANG_VI, 0, "xây_dựng Đảng");
	EXPECT(&t, "xây", "xây dựng", "dựng", "dựng đảng", "đảng");
	cr_assert_eq(t.start[2], strlen("xây_"));
	cr_assert_eq(t.end[2], strlen("xây_dựng"));
}

Test(tokens, capitals_fold_including_dj_and_horned_letters, .fini = teardown)
{
	terms t;

	run(&t, DT_LANG_VI, DT_TERMS_NO_BIGRAMS, "ĐẢNG ỦY ƯU TIÊN Ơn");
	EXPECT(&t, "đảng", "ủy", "ưu", "tiên", "ơn");
}

Test(tokens, yo_folds_to_ye_in_every_language, .fini = teardown)
{
	terms t;

	run(&t, DT_LANG_RU, DT_TERMS_NO_STEM, "ЁЛКА ёж Её");
	EXPECT(&t, "елка", "еж"); /* "ее" is a stopword */
	run(&t, DT_LANG_OTHER, 0, "Ёлка");
	EXPECT(&t, "елка");
	run(&t, DT_LANG_RU, 0, "ещё");
	cr_assert_eq(t.count, 0); /* the list's ещё folds to еще too */
}

Test(tokens, russian_case_forms_of_a_noun_share_one_stem, .fini = teardown)
{
	terms t;
	size_t i;

	run(&t, DT_LANG_RU, 0,
		"статья статьи статье статью статьей статьям статьях Статьями");
	cr_assert_eq(t.count, 8);
	for (i = 1; i < t.count; i++) {
		cr_expect_str_eq(t.term[i], t.term[0], "form %zu", i);
	}
	run(&t, DT_LANG_RU, 0, "решение решения решению решением решении");
	cr_assert_eq(t.count, 5);
	for (i = 1; i < t.count; i++) {
		cr_expect_str_eq(t.term[i], t.term[0], "form %zu", i);
	}
	cr_assert_str_neq(t.term[0], "решение");
}

Test(tokens, russian_stopwords_go_before_stemming, .fini = teardown)
{
	terms t;

	run(&t, DT_LANG_RU, DT_TERMS_NO_STEM, "в соответствии с решением");
	EXPECT(&t, "соответствии", "решением");
	run(&t, DT_LANG_RU, DT_TERMS_NO_STEM | DT_TERMS_KEEP_STOPWORDS,
		"в соответствии с решением");
	EXPECT(&t, "в", "соответствии", "с", "решением");
}

Test(tokens, russian_text_keeps_quoted_latin_symbols_and_numbers,
	.fini = teardown)
{
	terms t;

	run(&t, DT_LANG_RU, 0, "Постановлением № 24-QĐ/TW от 30.07.2021");
	cr_assert_eq(t.count, 7);
	cr_assert_str_eq(t.term[1], "24");
	cr_assert_str_eq(t.term[2], "qđ");
	cr_assert_str_eq(t.term[3], "tw");
	cr_assert_str_eq(t.term[4], "30");
	cr_assert_str_eq(t.term[6], "2021");
}

Test(tokens, numbers_are_terms_and_pair_with_syllables, .fini = teardown)
{
	terms t;

	run(&t, DT_LANG_VI, 0, "trong 30 ngày");
	EXPECT(&t, "30", "30 ngày", "ngày");
}

Test(tokens, hyphens_and_apostrophes_split_words, .fini = teardown)
{
	terms t;

	run(&t, DT_LANG_OTHER, 0, "party's state-owned l’état");
	EXPECT(&t, "party", "s", "state", "owned", "l", "état");
}

Test(tokens, english_drops_stopwords_and_stems, .fini = teardown)
{
	terms t;

	run(&t, DT_LANG_EN, 0, "The committees are implementing it");
	EXPECT(&t, "committe", "implement");
	run(&t, DT_LANG_EN, DT_TERMS_NO_STEM, "The committees");
	EXPECT(&t, "committees");
}

Test(tokens, other_languages_keep_every_folded_word, .fini = teardown)
{
	terms t;

	run(&t, DT_LANG_UNKNOWN, 0, "The và в");
	EXPECT(&t, "the", "và", "в");
}

Test(tokens, format_characters_inside_a_word_are_invisible, .fini = teardown)
{
	static const char src[] = "ad\xC2\xADmin\xE2\x80\x8D x";
	terms t;

	run(&t, DT_LANG_OTHER, 0, src);
	EXPECT(&t, "admin", "x");
	cr_assert_eq(t.end[0], strlen("ad\xC2\xADmin"));
}

Test(tokens, invalid_bytes_separate_words, .fini = teardown)
{
	terms t;

	run(&t, DT_LANG_OTHER, 0,
		"ab\xFF"
		"cd\xE1\xBA"
		"ef\xF0\x9F");
	EXPECT(&t, "ab", "cd", "ef");
}

Test(tokens, letters_beyond_the_bmp_are_words_and_fold, .fini = teardown)
{
	terms t;

	/* Deseret capital letters U+10400 U+10401 fold to U+10428 U+10429 */
	run(&t, DT_LANG_OTHER, 0, "x \xF0\x90\x90\x80\xF0\x90\x90\x81 y");
	EXPECT(&t, "x", "\xF0\x90\x90\xA8\xF0\x90\x90\xA9", "y");
}

Test(tokens, an_overlong_run_is_not_a_term, .fini = teardown)
{
	char src[400];
	terms t;

	memset(src, 'a', 300);
	memcpy(src + 300, " mới", sizeof(" mới"));
	run(&t, DT_LANG_VI, 0, src);
	EXPECT(&t, "mới");
	cr_assert_eq(t.start[0], 301);
}

Test(tokens, empty_input_gives_no_terms, .fini = teardown)
{
	terms t;

	run(&t, DT_LANG_VI, 0, "");
	cr_assert_eq(t.count, 0);
	run(&t, DT_LANG_VI, 0, " ,.;\n\n");
	cr_assert_eq(t.count, 0);
}

Test(tokens, a_nonzero_callback_result_stops_and_is_returned, .fini = teardown)
{
	static const char src[] = "một hai ba bốn";
	terms t;

	memset(&t, 0, sizeof(t));
	t.stop_at = 2;
	t.stop_rc = 42;
	cr_assert_eq(dt_tokenizer_new(&tok, DT_LANG_OTHER, 0, NULL), 0);
	cr_assert_eq(
		dt_tokenizer_run(tok, src, sizeof(src) - 1, collect, &t, NULL),
		42);
	cr_assert_eq(t.count, 2);
	/* the tokenizer is reusable after a stop, from a clean state */
	t.stop_at = 0;
	t.count = 0;
	cr_assert_eq(
		dt_tokenizer_run(tok, src, sizeof(src) - 1, collect, &t, NULL),
		0);
	cr_assert_eq(t.count, 4);
}

Test(tokens, runs_do_not_pair_syllables_across_calls, .fini = teardown)
{
	terms t;

	run(&t, DT_LANG_VI, 0, "cấp");
	cr_assert_eq(
		dt_tokenizer_run(tok, "ủy", strlen("ủy"), collect, &t, NULL),
		0);
	EXPECT(&t, "cấp", "ủy");
}

Test(tokens, is_stopword_answers_per_language, .fini = teardown)
{
	cr_assert(dt_is_stopword(DT_LANG_VI, "của", strlen("của")));
	cr_assert(dt_is_stopword(DT_LANG_VI, "Các", strlen("Các")));
	cr_assert_not(dt_is_stopword(DT_LANG_VI, "đảng", strlen("đảng")));
	cr_assert_not(dt_is_stopword(DT_LANG_VI, "chỉ", strlen("chỉ")));
	cr_assert(dt_is_stopword(DT_LANG_RU, "её", strlen("её")));
	cr_assert(dt_is_stopword(DT_LANG_RU, "ее", strlen("ее")));
	cr_assert_not(dt_is_stopword(DT_LANG_RU, "статья", strlen("статья")));
	cr_assert(dt_is_stopword(DT_LANG_EN, "the", 3));
	cr_assert_not(dt_is_stopword(DT_LANG_OTHER, "the", 3));
	cr_assert_not(dt_is_stopword(DT_LANG_VI, "", 0));
	/* a length shorter than the string is honoured */
	cr_assert(dt_is_stopword(DT_LANG_VI, "vàng", strlen("và")));
}

Test(tokens, stopword_lists_hold_150_to_300_distinct_entries)
{
	/* each list's entries all answer as stopwords, and there are enough
	 * of them that a truncated data file would show */
	size_t i;

	cr_assert_geq(dt__data_stopwords_vi_count, 150);
	cr_assert_leq(dt__data_stopwords_vi_count, 300);
	cr_assert_geq(dt__data_stopwords_ru_count, 150);
	cr_assert_leq(dt__data_stopwords_ru_count, 300);
	for (i = 0; dt__data_stopwords_vi[i] != NULL; i++) {
		const char *w = dt__data_stopwords_vi[i];

		cr_expect(dt_is_stopword(DT_LANG_VI, w, strlen(w)), "%s", w);
	}
	for (i = 0; dt__data_stopwords_ru[i] != NULL; i++) {
		const char *w = dt__data_stopwords_ru[i];

		cr_expect(dt_is_stopword(DT_LANG_RU, w, strlen(w)), "%s", w);
	}
}

/* Whether `w` is an entry of `list`, byte for byte. */
static int listed(const char *const *list, const char *w)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++) {
		if (strcmp(list[i], w) == 0) {
			return 1;
		}
	}
	return 0;
}

/* Every stopword with one byte changed, at every place: a stopword only
 * when the list holds the changed word too.  The lookup compares words
 * without a call, in overlapping pieces (tokens.c, same_bytes()): a
 * difference anywhere, in words of 1 to over 16 bytes, must show. */
static void one_byte_off(dt_lang lang, const char *const *list)
{
	char w[128];
	size_t i, k, tried = 0;

	for (i = 0; list[i] != NULL; i++) {
		size_t len = strlen(list[i]);

		if (len >= sizeof(w) || strstr(list[i], "ё") != NULL) {
			continue; /* ё folds to е: not byte for byte */
		}
		for (k = 0; k < len; k++) {
			unsigned char b = (unsigned char)list[i][k];
			unsigned char lead =
				k > 0 ? (unsigned char)list[i][k - 1] : 0;

			memcpy(w, list[i], len + 1);
			if (b < 0x80) {
				w[k] = b == 'q' ? 'x' : 'q';
			} else if ((lead == 0xD0 && b >= 0xB0 && b <= 0xBF) ||
				   (lead == 0xD1 && b >= 0x80 && b <= 0x8F)) {
				/* another lower-case Cyrillic letter */
				w[k] = (char)(b ^ 0x01);
			} else {
				continue; /* it might fold back: a capital */
			}
			cr_assert_eq(dt_is_stopword(lang, w, len),
				listed(list, w), "%s -> %s", list[i], w);
			tried++;
		}
	}
	cr_assert_gt(tried, 200);
}

Test(tokens, a_word_one_byte_off_a_stopword_is_none_unless_listed)
{
	one_byte_off(DT_LANG_VI, dt__data_stopwords_vi);
	one_byte_off(DT_LANG_RU, dt__data_stopwords_ru);
}

Test(tokens, new_rejects_unknown_flags_and_languages, .fini = teardown)
{
	dt_error err = {0};

	cr_assert_eq(
		dt_tokenizer_new(&tok, DT_LANG_VI, 1u << 9, &err), DT_EINVAL);
	cr_assert_null(tok);
	cr_assert_eq(err.code, DT_EINVAL);
	cr_assert_eq(dt_tokenizer_new(&tok, (dt_lang)17, 0, NULL), DT_EINVAL);
	cr_assert_null(tok);
}

Test(tokens, new_reports_out_of_memory, .fini = teardown)
{
	dt_error err = {0};

	dt__alloc_fail_after(1);
	cr_assert_eq(dt_tokenizer_new(&tok, DT_LANG_RU, 0, &err), DT_ENOMEM);
	cr_assert_null(tok);
	cr_assert_eq(err.code, DT_ENOMEM);
}

Test(tokens, free_accepts_null)
{
	dt_tokenizer_free(NULL);
}

/* ## The stem cache: stems as libstemmer gives them, word after word */

/* The words of a run, checked against a fresh stemmer as they come. */
typedef struct {
	struct sb_stemmer *ref;
	const char *const *words;
	size_t next, checked;
} stem_check;

static int check_stem(
	const char *term, size_t len, size_t start, size_t end, void *payload)
{
	stem_check *c = payload;
	const char *w = c->words[c->next++];
	const sb_symbol *want;

	(void)start;
	(void)end;
	want = sb_stemmer_stem(c->ref, (const sb_symbol *)w, (int)strlen(w));
	cr_assert_not_null(want);
	cr_assert_eq(len, (size_t)sb_stemmer_length(c->ref), "%s", w);
	cr_assert(memcmp(term, want, len) == 0, "%s: %.*s", w, (int)len, term);
	c->checked++;
	return 0;
}

Test(tokens, russian_stems_from_the_cache_are_the_stemmers, .fini = teardown)
{
	/* more distinct words than the cache has slots, each several times,
	 * some too long to keep: hits, misses and evictions */
	static const char *const stems[] = {"закон", "орган", "район", "отдел",
		"работ", "контрол", "исполнен", "обращен", "гражданин",
		"поручен", "постановлен", "распоряжен", "организац",
		"предприят", "муниципальн", "ответственн", "администрац",
		"деятельност"};
	static const char *const ends[] = {"", "а", "ы", "у", "ом", "ами", "ах",
		"ия", "ие", "ий", "ой", "ого", "ому", "ыми", "ости", "остями",
		"ениями", "ствующего"};
	static char words[7500][128];
	static const char *list[7500];
	static char text[7500 * 129];
	size_t n = 0, at = 0, i, r;
	stem_check c = {0};
	dt_error err = {0};

	/* 2,500 distinct words (two stems and an ending), three times over
	 * in three orders */
	for (r = 0; r < 3; r++) {
		for (i = 0; i < 2500; i++) {
			size_t k = (i * (2 * r + 1)) % 2500;
			size_t a = k % 18, b = k / 18 % 18, e = k / 324 % 18;

			snprintf(words[n], sizeof(words[n]), "%s%s%s%s",
				stems[a], stems[b],
				k % 97 == 0 ? "овывающемуся" : "", ends[e]);
			if (dt_is_stopword(
				    DT_LANG_RU, words[n], strlen(words[n]))) {
				continue;
			}
			list[n] = words[n];
			at += (size_t)snprintf(
				text + at, sizeof(text) - at, "%s ", words[n]);
			n++;
		}
	}
	c.ref = sb_stemmer_new("russian", "UTF_8");
	c.words = list;
	cr_assert_not_null(c.ref);
	cr_assert_eq(dt_tokenizer_new(&tok, DT_LANG_RU, 0, &err), 0);
	cr_assert_eq(dt_tokenizer_run(tok, text, at, check_stem, &c, &err), 0);
	cr_assert_eq(c.checked, n);
	sb_stemmer_delete(c.ref);
}

/* ## The hashed run (match_terms.h): the same terms, each with the hash
 * of its bytes */

/* Every term of both runs, in order, as bytes and spans; the hash the
 * hashed run passed beside each. */
typedef struct {
	dt_buf plain, hashed;
	size_t nplain, nhashed, mismatches;
} hash_check;

static void put_term(dt_buf *b, const char *s, size_t len, size_t start,
	size_t end)
{
	char span[64];

	cr_assert_eq(dt__buf_append(b, s, len), 0);
	snprintf(span, sizeof(span), "|%zu,%zu\n", start, end);
	cr_assert_eq(dt__buf_puts(b, span), 0);
}

static int plain_term(
	const char *s, size_t len, size_t start, size_t end, void *payload)
{
	hash_check *c = payload;

	put_term(&c->plain, s, len, start, end);
	c->nplain++;
	return 0;
}

static int hashed_term(const char *s, size_t len, uint32_t hash,
	size_t start, size_t end, void *payload)
{
	hash_check *c = payload;

	put_term(&c->hashed, s, len, start, end);
	c->nhashed++;
	if (hash != dt__term_hash(s, len)) {
		c->mismatches++;
		cr_log_error("hash of '%.*s': %08x, bytes give %08x", (int)len,
			s, hash, dt__term_hash(s, len));
	}
	return 0;
}

/* Run `s` through a tokenizer of `lang` both ways: the same terms and
 * spans, and every hash that of the term's bytes.  Returns the terms. */
static size_t same_terms_hashed(dt_lang lang, unsigned flags, const char *s,
	size_t len)
{
	hash_check c;
	dt_error err = {0};
	size_t n;

	memset(&c, 0, sizeof(c));
	dt__buf_init(&c.plain, 0);
	dt__buf_init(&c.hashed, 0);
	cr_assert_eq(dt_tokenizer_new(&tok, lang, flags, &err), 0);
	cr_assert_eq(dt_tokenizer_run(tok, s, len, plain_term, &c, &err), 0);
	cr_assert_eq(
		dt__tokenizer_run_hashed(tok, s, len, hashed_term, &c, &err),
		0);
	cr_assert_eq(c.nplain, c.nhashed);
	cr_assert_eq(c.plain.len, c.hashed.len);
	cr_assert(c.plain.len == 0 ||
		memcmp(c.plain.data, c.hashed.data, c.plain.len) == 0);
	cr_assert_eq(c.mismatches, 0);
	dt_tokenizer_free(tok);
	tok = NULL;
	n = c.nplain;
	dt__buf_dispose(&c.plain);
	dt__buf_dispose(&c.hashed);
	return n;
}

static uint64_t xorshift(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

Test(tokens, hashed_runs_give_the_same_terms_and_hashes_of_their_bytes,
	.fini = teardown)
{
	/* pieces of words and gaps: Vietnamese precomposed and decomposed,
	 * capitals, đ, Cyrillic with ё, Latin, digits, letters and folds
	 * beyond the BMP (Deseret), format characters, '_', hyphens,
	 * blank lines, stopwords, invalid bytes */
	static const char *const pieces[] = {"Đảng", "viên", "chi", "bộ",
		"của", "và", "Ệ", "e\xcc\xa3\xcc\x82", "Sinh", "hoạt", "THƯ",
		"Ёлка", "закона", "органов", "и", "в", "Статья", "QĐ", "TW",
		"2024", "x", "\xf0\x90\x90\x80", "\xf0\x90\x90\xa8",
		"\xf0\x9d\x90\x80", "\xc2\xad", "\xe2\x80\x8d", "_", "-",
		" ", " ", " ", "\n", "\n\n", ", ", ". ", "\xff", "\xc3",
		"\xe1\xbb", "ǅ", "ß", "İ", "ﬁ", "Ω"};
	static const dt_lang langs[] = {DT_LANG_VI, DT_LANG_RU, DT_LANG_EN,
		DT_LANG_OTHER};
	static const unsigned flags[] = {0, DT_TERMS_KEEP_STOPWORDS,
		DT_TERMS_NO_BIGRAMS, DT_TERMS_NO_STEM};
	char s[4096];
	uint64_t x = 0x9E3779B97F4A7C15ull;
	size_t round, nterms = 0;

	for (round = 0; round < 1000; round++) {
		size_t len = 0, k, n = xorshift(&x) % 120;

		for (k = 0; k < n; k++) {
			const char *p = pieces[xorshift(&x) %
				(sizeof(pieces) / sizeof(pieces[0]))];
			size_t pl = strlen(p);

			cr_assert_lt(len + pl, sizeof(s));
			memcpy(s + len, p, pl);
			len += pl;
		}
		nterms += same_terms_hashed(langs[round % 4],
			flags[round / 4 % 4], s, len);
	}
	cr_assert_gt(nterms, 10000, "%zu terms", nterms);
}

Test(tokens, hashed_runs_of_the_corpus_give_hashes_of_their_bytes,
	.fini = teardown)
{
	static const char *const files[] = {"corpus/vi/31-QD-TW.md",
		"corpus/vi/07-CT-TW.md", "corpus/ru/12-P.md"};
	static const dt_lang langs[] = {DT_LANG_VI, DT_LANG_VI, DT_LANG_RU};
	size_t i;

	for (i = 0; i < 3; i++) {
		size_t n;
		char *buf = test_read_file(files[i], &n);

		cr_assert_gt(n, 0);
		cr_expect_gt(same_terms_hashed(langs[i], 0, buf, n), 200, "%s",
			files[i]);
		free(buf);
	}
}

Test(tokens, a_bigram_hash_is_a_function_of_its_bytes)
{
	/* the same bytes from different runs hash alike, and a space marks
	 * the syllables of a bigram wherever the term comes from */
	cr_expect_eq(dt__term_hash("chi bộ", strlen("chi bộ")),
		dt__term_hash("chi bộ", strlen("chi bộ")));
	cr_expect_neq(dt__term_hash("chi bộ", strlen("chi bộ")),
		dt__term_hash("bộ chi", strlen("bộ chi")));
	cr_expect_neq(dt__term_hash("ab", 2), dt__term_hash("ba", 2));
	(void)dt__term_hash("", 0);
	(void)dt__term_hash(" ", 1);
	(void)dt__term_hash("\xf0\x90", 2); /* a cut sequence */
}

/* ## Bigrams are the syllables beside them, whatever their lengths */

static int any_term(
	const char *s, size_t len, size_t start, size_t end, void *payload)
{
	dt_buf *b = payload;

	(void)start;
	(void)end;
	cr_assert_eq(dt__buf_append(b, s, len), 0);
	return dt__buf_putc(b, '\n');
}

/* The terms of random syllables of every length around the 8 bytes the
 * tokenizer moves a syllable in (to_front), one space or ", " apart:
 * each syllable, after it the pair of it and the one before when only a
 * space is between (the byte loop the move replaced gave these). */
Test(tokens, bigrams_join_the_syllables_beside_them_at_any_length,
	.fini = teardown)
{
	static const char *const syllables[] = {"chi", "bộ", "nghiêng",
		"nghiệng", "khuyết", "đ", "a", "viên", "nghiêngnghiêngnghiêng",
		"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "thưởng", "quyền", "2024",
		"ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmnop",
		"abcdefghijklmnopq"};
	static char text[8192];
	static char want[16384];
	uint64_t x = 42;
	size_t round;
	dt_error err = {0};

	cr_assert_eq(dt_tokenizer_new(&tok, DT_LANG_VI,
		DT_TERMS_KEEP_STOPWORDS, &err), 0);
	for (round = 0; round < 300; round++) {
		size_t n = 1 + xorshift(&x) % 60, k, tl = 0, wl = 0;
		const char *prev = NULL;
		dt_buf got;

		for (k = 0; k < n; k++) {
			const char *s = syllables[xorshift(&x) %
				(sizeof(syllables) / sizeof(syllables[0]))];
			int comma = xorshift(&x) % 5 == 0;

			tl += (size_t)snprintf(text + tl, sizeof(text) - tl,
				"%s%s", k ? (comma ? ", " : " ") : "", s);
			if (prev != NULL && !comma) {
				wl += (size_t)snprintf(want + wl,
					sizeof(want) - wl, "%s %s\n", prev, s);
			}
			wl += (size_t)snprintf(want + wl, sizeof(want) - wl,
				"%s\n", s);
			prev = s;
		}
		dt__buf_init(&got, 0);
		cr_assert_eq(dt_tokenizer_run(tok, text, tl, any_term, &got,
			&err), 0);
		cr_assert_str_eq(got.data ? got.data : "", want,
			"round %zu: %s", round, text);
		dt__buf_dispose(&got);
	}
}
