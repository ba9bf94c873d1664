/*
 * fuzz_text.c - libFuzzer target: decoding and normalization.
 *
 * Byte 0 picks the options: bits 0-3 the encoding (mod DT_ENC_COUNT_,
 * 0 = auto-detect), bits 4-5 the tone style, bits 6-7 the fold flags.
 * The rest is the input.  Decoded text is checked for the documented
 * invariants (NUL-terminated, no CR, valid line numbers), then folded,
 * language-detected and tokenized.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <dirtrace.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int count_term(const char *term, size_t len, size_t start,
	size_t end, void *payload)
{
	(void)term;
	(void)len;
	if (start > end)
		abort();
	++*(size_t *)payload;
	return 0;
}

static void check_text(const dt_text *text, unsigned fold_flags)
{
	const char *s = dt_text_data(text);
	size_t len = dt_text_len(text), lines = dt_text_line_count(text);
	size_t terms = 0;
	char *folded = NULL;
	size_t flen = 0;
	dt_tokenizer *tok = NULL;
	dt_lang lang;

	if (!s || s[len] != '\0' || memchr(s, '\r', len) || strlen(s) != len)
		abort(); /* documented: NUL-terminated, LF only, no NUL */
	if (dt_text_encoding(text) <= DT_ENC_AUTO ||
		dt_text_encoding(text) >= DT_ENC_COUNT_)
		abort();
	if (len && (dt_text_line(text, 0) < 1 ||
		dt_text_line(text, len - 1) > lines ||
		dt_text_line(text, len + 100) < 1))
		abort();
	(void)dt_text_line(text, len / 2);

	if (dt_fold(&folded, &flen, s, len, fold_flags, NULL) == DT_OK) {
		if (folded[flen] != '\0')
			abort();
		dt_free(folded);
	}
	lang = dt_lang_detect(s, len);
	if (lang == DT_LANG_OTHER || lang == DT_LANG_UNKNOWN)
		lang = DT_LANG_VI;
	if (dt_tokenizer_new(&tok, lang, fold_flags & DT_TERMS_NO_BIGRAMS,
		NULL) == DT_OK) {
		(void)dt_tokenizer_run(tok, s, len, count_term, &terms, NULL);
		dt_tokenizer_free(tok);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dt_text_opts opts = DT_TEXT_OPTS_INIT;
	dt_text *text = NULL;
	dt_error err;
	unsigned sel;
	int rc;

	if (size < 1)
		return 0;
	sel = data[0];
	opts.encoding = (dt_encoding)((sel & 0x0fu) % DT_ENC_COUNT_);
	opts.tone = (dt_tone)(((sel >> 4) & 3u) % 3u);
	memset(&err, 0, sizeof(err));
	rc = dt_text_decode(&text, (const char *)data + 1, size - 1, &opts,
		&err);
	if (rc == DT_OK) {
		if (!text)
			abort();
		check_text(text, (sel >> 6) & 3u);
		dt_text_free(text);
	} else {
		if (text || rc > 0 || err.code != rc)
			abort(); /* failure: no object, err filled */
	}
	return 0;
}
