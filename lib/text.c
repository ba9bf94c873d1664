/*
 * text.c - decoded, normalized text with a map back to original lines.
 *
 * Everything downstream of the reader sees only UTF-8, NFC, LF text in one
 * tone style.  The pipeline: encoding.c turns bytes into UTF-8 keeping line
 * breaks one for one; here CRLF and lone CR become LF, each line is put in
 * NFC (nfc.c), and tone.c places tone marks.  None of these steps adds or
 * removes a line break, so line N of the result is line N of the input and
 * the line map is simply the offsets where lines start.  Most input is
 * already UTF-8 without CR and NFC: one pass (utf8.c dt__utf8_plain) finds
 * that, and such text goes straight to tone placement.
 */
#include <string.h>

#include "internal.h"
#include "text_scan.h"

struct dt_text {
	char *data;
	size_t len;
	size_t *line_starts; /* offset in data where each line starts */
	size_t line_count;
	dt_encoding encoding;
};

/* ## Decoding pipeline */

/* Fail on the first NUL byte: text formats never contain one, and every
 * C string API downstream would silently truncate there. */
static int refuse_nul(const char *s, size_t len, dt_error *err)
{
	const char *z = memchr(s, '\0', len);
	size_t line, col;

	if (z == NULL) {
		return 0;
	}
	dt__line_col(s, (size_t)(z - s), &line, &col);
	return dt__fail(err, DT_EPARSE, line, col, "NUL byte in text");
}

/* Append one line (without its break) in NFC and the chosen tone style. */
static int normalize_line(dt_buf *out, dt_buf *scratch, const char *s,
	size_t len, dt_tone tone, dt_error *err)
{
	int rc;

	if (dt__nfc_quick(s, len)) {
		return dt__tone_apply(out, s, len, tone);
	}
	scratch->len = 0;
	rc = dt__nfc_append(scratch, s, len, err);
	if (rc < 0) {
		return rc;
	}
	return dt__tone_apply(out, scratch->data, scratch->len, tone);
}

/* Record the start of a new line at out->len. */
static int push_line(dt_text *t, size_t *cap, size_t start)
{
	if (t->line_count == *cap) {
		size_t ncap = *cap ? *cap * 2 : 256;
		size_t *p = dt__reallocarray(t->line_starts, ncap,
			sizeof(size_t));

		if (p == NULL) {
			return DT_ENOMEM;
		}
		t->line_starts = p;
		*cap = ncap;
	}
	t->line_starts[t->line_count++] = start;
	return 0;
}

/* Split UTF-8 `s` at LF, CRLF and lone CR; normalize each line into `out`
 * with LF breaks and record where lines start. */
static int normalize_lines(dt_text *t, dt_buf *out, const char *s, size_t len,
	dt_tone tone, dt_error *err)
{
	dt_buf scratch;
	size_t i = 0, cap = 0;
	int rc = 0;

	dt__buf_init(&scratch, out->max);
	while (rc == 0 && i <= len) {
		size_t end = i;

		while (end < len && s[end] != '\n' && s[end] != '\r') {
			end++;
		}
		if (i == len && len > 0) {
			break; /* input ended with a line break */
		}
		rc = push_line(t, &cap, out->len);
		if (rc < 0) {
			rc = dt__fail(err, rc, 0, 0, "out of memory");
			break;
		}
		rc = normalize_line(out, &scratch, s + i, end - i, tone, err);
		if (rc == 0 && end < len) {
			rc = dt__buf_putc(out, '\n');
		}
		if (rc < 0 && err != NULL && err->line == 0) {
			err->line = t->line_count;
		}
		i = end + (end < len && s[end] == '\r' && end + 1 < len &&
			s[end + 1] == '\n' ? 2 : 1);
	}
	dt__buf_dispose(&scratch);
	return rc;
}

/* ## The common case in one piece
 *
 * Text without CR and already NFC needs no per-line work: no break to
 * fold, no line to normalize, and tone placement reads words, which never
 * span a line break.  Applying the tone style to the whole text gives what
 * the line-by-line path gives, and when no word changes (most text) the
 * decoded bytes become the result without a copy. */

/* Record where lines start in t->data: after every LF but a final one.
 * One pass, growing the array (from a guess of one line per 32 bytes):
 * counting the lines first cost a second memchr per line. */
static int index_lines(dt_text *t)
{
	const char *s = t->data, *end = s + t->len, *p = s;
	size_t cap = t->len / 32 + 16;

	t->line_starts = dt__reallocarray(NULL, cap, sizeof(size_t));
	if (t->line_starts == NULL) {
		return DT_ENOMEM;
	}
	t->line_starts[0] = 0;
	t->line_count = 1;
	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL && ++p < end) {
		if (t->line_count == cap) {
			size_t *q = dt__reallocarray(t->line_starts, cap * 2,
				sizeof(size_t));

			if (q == NULL) {
				return DT_ENOMEM;
			}
			t->line_starts = q;
			cap *= 2;
		}
		t->line_starts[t->line_count++] = (size_t)(p - s);
	}
	return 0;
}

/* True when decoded `s` may take the whole-text path. */
static int whole_text_ok(const char *s, size_t len, size_t max)
{
	return len < max && memchr(s, '\r', len) == NULL &&
	       dt__nfc_quick(s, len);
}

/* The text of *raw (len bytes, see whole_text_ok()) in the `tone` style
 * into t; *raw is taken when nothing changes.  DT_ELIMIT (t untouched)
 * when the result may outgrow `max`. */
static int take_whole(
	dt_text *t, char **raw, size_t len, dt_tone tone, size_t max)
{
	size_t first = dt__tone_first(*raw, len, tone);
	int rc = 0;

	if (first == len) {
		t->data = *raw;
		t->len = len;
		*raw = NULL;
	} else {
		dt_buf b;

		dt__buf_init(&b, max);
		rc = dt__buf_reserve(&b, len + len / 64);
		if (rc == 0) {
			rc = dt__buf_append(&b, *raw, first);
		}
		if (rc == 0) {
			rc = dt__tone_apply(
				&b, *raw + first, len - first, tone);
		}
		if (rc == 0) {
			t->data = dt__buf_detach(&b, &t->len);
		}
		dt__buf_dispose(&b);
	}
	return rc == 0 ? index_lines(t) : rc;
}

/* Normalize decoded `raw` into t: the whole text at once when it can
 * (see above; `plain`: dt__utf8_plain() said it has no CR and is NFC),
 * else line by line into `norm`. */
static int normalize(dt_text *t, dt_buf *norm, char **raw, size_t len,
	int plain, dt_tone tone, dt_error *err)
{
	int rc;

	if (plain ? len < norm->max : whole_text_ok(*raw, len, norm->max)) {
		rc = take_whole(t, raw, len, tone, norm->max);
		if (rc != DT_ELIMIT) { /* over it, the line path says where */
			return rc == 0 ? 0
				       : dt__fail(err, rc, 0, 0,
						 "out of memory");
		}
	}
	rc = normalize_lines(t, norm, *raw, len, tone, err);
	if (rc == 0) {
		t->data = dt__buf_detach(norm, &t->len);
		rc = t->data ? 0
			     : dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	return rc;
}

/* True when `buf` read as `enc` is UTF-8 that decodes to itself and
 * needs no normalizing but tone placement: one pass decides, where the
 * full pipeline takes three (validation, memchr for NUL and CR, the NFC
 * quick check) before it learns the same. */
static int plain_input(const char *buf, size_t len, dt_encoding enc)
{
	return (enc == DT_ENC_AUTO || enc == DT_ENC_UTF8) &&
	       dt__utf8_plain(buf, len);
}

int dt_text_decode(dt_text **out, const char *buf, size_t len,
	const dt_text_opts *opts, dt_error *err)
{
	dt_text_opts o = DT_TEXT_OPTS_INIT;
	dt_text *t = NULL;
	char *raw = NULL;
	size_t raw_len = 0;
	dt_buf norm;
	int rc;

	DT_ASSERT_ARG(out != NULL && (buf != NULL || len == 0), err);
	*out = NULL;
	if (opts != NULL) {
		o = *opts;
	}
	dt__buf_init(&norm, o.max_bytes ? o.max_bytes * 2 : 0);
	if (len > (o.max_bytes ? o.max_bytes : DT_DEFAULT_MAX_BYTES)) {
		return dt__fail(err, DT_ELIMIT, 0, 0,
			"input of %zu bytes is over the limit", len);
	}
	t = dt__calloc(1, sizeof(*t));
	if (t == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	if (plain_input(buf, len, o.encoding)) {
		/* what dt__decode() would give, and no NUL in it */
		t->encoding = DT_ENC_UTF8;
		raw_len = len;
		raw = dt__strndup(buf, len);
		rc = raw ? normalize(t, &norm, &raw, len, 1, o.tone, err)
			 : dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	} else {
		rc = dt__decode(&raw, &raw_len, &t->encoding, buf, len,
			o.encoding, err);
		if (rc == 0) {
			rc = refuse_nul(raw, raw_len, err);
		}
		if (rc == 0) {
			rc = normalize(
				t, &norm, &raw, raw_len, 0, o.tone, err);
		}
	}
	dt__free(raw);
	dt__buf_dispose(&norm);
	if (rc < 0) {
		dt_text_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

void dt_text_free(dt_text *text)
{
	if (text == NULL) {
		return;
	}
	dt__free(text->data);
	dt__free(text->line_starts);
	dt__free(text);
}

const char *dt_text_data(const dt_text *text)
{
	return text->data;
}

size_t dt_text_len(const dt_text *text)
{
	return text->len;
}

dt_encoding dt_text_encoding(const dt_text *text)
{
	return text->encoding;
}

size_t dt_text_line_count(const dt_text *text)
{
	return text->line_count;
}

size_t dt_text_line(const dt_text *text, size_t offset)
{
	size_t lo = 0, hi = text->line_count;

	/* Last line whose start is <= offset. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (text->line_starts[mid] <= offset) {
			lo = mid;
		} else {
			hi = mid;
		}
	}
	return lo + 1;
}
