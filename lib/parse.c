/*
 * parse.c - a document from bytes: decode (text.c), read (read_md.c or
 * read_akn.c), outline (outline.c, meta.c).  The one entry point that
 * runs the stages in order; each stage sees only the previous one's
 * product.
 */
#include <string.h>

#include "internal.h"

/* Markdown unless the text opens with '<' (an XML declaration or root). */
static dt_format guess_format(const char *s, size_t len, const char *file)
{
	size_t i = 0, n = file ? strlen(file) : 0;

	if (n > 4 && strcmp(file + n - 4, ".xml") == 0) {
		return DT_FORMAT_AKN;
	}
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) {
		i++;
	}
	return i < len && s[i] == '<' && i + 1 < len &&
		(s[i + 1] == '?' || s[i + 1] == 'a' || s[i + 1] == '!') ?
		DT_FORMAT_AKN : DT_FORMAT_MD;
}

/* The language of the blocks' text (for XML, markup must not count):
 * detected on a sample of up to 256 KiB of it, into *out. */
static int blocks_lang(dt_lang *out, const dt_blocks *b)
{
	dt_buf sample;
	size_t i, k;
	int rc = 0;

	*out = DT_LANG_UNKNOWN;
	dt__buf_init(&sample, (size_t)256 << 10);
	for (i = 0; rc == 0 && i < b->n; i++) {
		const dt_block *blk = &b->v[i];

		rc = dt__buf_append(&sample, blk->text ? blk->text : "",
			blk->text ? strlen(blk->text) : 0);
		for (k = 0; rc == 0 && k < blk->ncells; k++) {
			rc = dt__buf_putc(&sample, ' ');
			if (rc == 0) {
				rc = dt__buf_append(&sample, blk->cells[k],
					strlen(blk->cells[k]));
			}
		}
		if (rc == 0) {
			rc = dt__buf_putc(&sample, '\n');
		}
	}
	if (rc == DT_ELIMIT) {
		rc = 0; /* the sample is full: enough to decide */
	}
	if (rc == 0 && sample.len > 0) {
		*out = dt_lang_detect(sample.data, sample.len);
	}
	dt__buf_dispose(&sample);
	return rc;
}

/* The language: given, else declared in the metadata, else detected. */
static int pick_lang(dt_lang *out, const dt_parse_opts *o,
	const dt_blocks *b, const dt_text *text)
{
	size_t i;

	*out = o->lang;
	if (o->lang != DT_LANG_UNKNOWN) {
		return 0;
	}
	for (i = 0; i < b->nmeta; i++) {
		if (strcmp(b->meta[i].key, "lang") == 0 &&
			dt_lang_from_code(out, b->meta[i].value) == 0) {
			return 0;
		}
	}
	if (b->n > 0) {
		return blocks_lang(out, b);
	}
	*out = dt_lang_detect(dt_text_data(text), dt_text_len(text));
	return 0;
}

/* A document with no numbered unit at all is seldom what the reader
 * meant to give (an empty file, a scan without its text, a letter):
 * say so once. */
static int warn_unstructured(dt_doc *doc, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < doc->nunits; i++) {
		if (doc->order[i]->num[0] != '\0') {
			return 0;
		}
	}
	for (i = 0; i < len; i++) {
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n') {
			return dt__doc_diag(doc, DT_DIAG_WARNING, 0, "no "
				"numbered units (articles, clauses, items)");
		}
	}
	return dt__doc_diag(doc, DT_DIAG_WARNING, 0, "empty document");
}

static int build(dt_doc *doc, const dt_text *text, const dt_parse_opts *o,
	dt_error *err)
{
	const char *s = dt_text_data(text);
	size_t len = dt_text_len(text);
	dt_blocks blocks;
	int rc;

	doc->format = o->format != DT_FORMAT_AUTO ? o->format :
		guess_format(s, len, doc->file);
	dt__blocks_init(&blocks, o->max_units);
	rc = doc->format == DT_FORMAT_AKN ?
		dt__read_akn(&blocks, s, len, o, err) :
		dt__read_md(&blocks, s, len, o, err);
	if (rc == 0) {
		rc = pick_lang(&doc->lang, o, &blocks, text);
	}
	if (rc == 0) {
		rc = dt__outline(doc, &blocks, err);
	}
	dt__blocks_dispose(&blocks);
	if (rc == 0 && doc->nunits > o->max_units) {
		rc = dt__fail(err, DT_ELIMIT, 0, 0, "more than %zu units",
			o->max_units);
	}
	if (rc == 0) {
		rc = warn_unstructured(doc, s, len);
	}
	if (rc < 0 && (err == NULL || err->code == 0)) {
		rc = dt__fail(err, rc, 0, 0, "%s", dt_strerror(rc));
	}
	doc->max_cites = o->max_cites;
	return rc;
}

int dt_doc_parse(dt_doc **out, const char *buf, size_t len, const char *file,
	const dt_parse_opts *opts, dt_error *err)
{
	dt_parse_opts o;
	dt_text_opts topts = DT_TEXT_OPTS_INIT;
	dt_text *text = NULL;
	dt_doc *doc = NULL;
	int rc;

	DT_ASSERT_ARG(out != NULL && (buf != NULL || len == 0), err);
	*out = NULL;
	dt__parse_limits(&o, opts);
	topts.encoding = o.encoding;
	topts.tone = o.tone;
	topts.max_bytes = o.max_bytes;
	rc = dt_text_decode(&text, buf, len, &topts, err);
	if (rc == 0) {
		rc = dt__doc_new(&doc, file, err);
	}
	if (rc == 0) {
		rc = build(doc, text, &o, err);
	}
	dt_text_free(text);
	if (rc < 0 && err != NULL && err->code == 0) {
		/* a stage that failed without saying why (never expected) */
		dt__fail(err, rc, 0, 0, "%s", dt_strerror(rc));
	}
	if (rc < 0) {
		dt__error_source(err, file);
		dt_doc_free(doc);
		return rc;
	}
	*out = doc;
	return 0;
}

int dt_doc_load(dt_doc **out, const char *path, const dt_parse_opts *opts,
	dt_error *err)
{
	char *buf = NULL;
	size_t len = 0;
	int rc;

	DT_ASSERT_ARG(out != NULL && path != NULL, err);
	*out = NULL;
	rc = dt_file_read(&buf, &len, path, opts ? opts->max_bytes : 0, err);
	if (rc == 0) {
		rc = dt_doc_parse(out, buf, len, path, opts, err);
	}
	dt_free(buf);
	return rc;
}
