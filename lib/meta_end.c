/*
 * meta_end.c - the end matter after a document's body: the recipients
 * list ("Nơi nhận:", "Рассылка") and the signature blocks ("T/M BAN BÍ
 * THƯ", "KT. CHỦ TỊCH", "Губернатор …").  Its blocks are marked used so
 * that the outline skips them; an appendix after it is body again.
 */
#include <string.h>

#include "meta_internal.h"

/* Does the text open the end matter: "Nơi nhận:", a signature mark in
 * capitals ("T/M BAN BÍ THƯ", "KT. CHỦ TỊCH"), a Russian signatory
 * line that is no sentence? */
int dt__meta_end_text(const char *t, size_t len)
{
	size_t a = 0, first;
	const char *nl;
	int rc;

	/* a copy with one cell per line puts "|" lines before it */
	while (a < len && strchr(" \t\n|*_", t[a]) != NULL) {
		a++;
	}
	nl = memchr(t + a, '\n', len - a);
	first = nl ? (size_t)(nl - t) : len;
	rc = dt__meta_at(RE_RECIP, t, len, a, NULL);
	if (rc == 0 && len - a <= 300) {
		rc = dt__meta_at(RE_SIGN, t, len, a, NULL);
		rc = rc > 0 ? dt__meta_caps(t, a, first) : rc;
	}
	if (rc == 0 && len - a <= 200 && a < len &&
		strchr(".;:,", t[len - 1]) == NULL) {
		rc = dt__meta_at(RE_RU_SIGN, t, len, a, NULL);
	}
	return rc;
}

static int end_start(const dt_block *b)
{
	size_t c;
	int rc = 0;

	if (b->kind != DT_BLOCK_ROW) {
		return b->text && b->text[0] ? dt__meta_end_text(b->text,
			strlen(b->text)) : 0;
	}
	/* Signature blocks laid out as tables have two columns; a wider
	 * table is a task table, whose "Секретарь ячейки" is a person
	 * responsible, not a signatory. */
	if (b->ncells > 2) {
		return 0;
	}
	for (c = 0; rc == 0 && c < b->ncells; c++) {
		if (b->cells[c][0] != '\0') {
			rc = dt__meta_end_text(b->cells[c],
				strlen(b->cells[c]));
		}
	}
	return rc;
}

static int lone_end_mark(const char *t, size_t len)
{
	size_t a = 0;

	dt__trim_blanks(t, &a, &len);
	return (len - a == 3 && memcmp(t + a, "./.", 3) == 0) ||
		(len - a == 2 && memcmp(t + a, "/.", 2) == 0);
}

/* Mark the end matter used: from its first block up to an appendix (or
 * the end).  A numbered heading, an article or a chapter inside means
 * the opening mark was a false alarm: its blocks are body again. */
int dt__meta_end_matter(const dt_blocks *bl, unsigned char *used,
	size_t from)
{
	size_t i, start = 0;
	int in_end = 0, rc = 0;

	for (i = from; rc >= 0 && i < bl->n; i++) {
		const dt_block *b = &bl->v[i];
		const char *t = b->text ? b->text : "";
		size_t len = strlen(t);

		if (in_end && b->kind != DT_BLOCK_ROW && len > 0) {
			rc = dt__meta_at(RE_APPENDIX, t, len, 0, NULL);
			if (rc == 0) {
				rc = b->kind == DT_BLOCK_HEADING ?
					dt__meta_numbered(t, len) :
					dt__meta_at(RE_UNIT, t, len, 0, NULL);
				if (rc > 0) {
					memset(used + start, 0, i - start);
				}
			}
			in_end = rc == 0;
		} else if (!in_end) {
			rc = end_start(b);
			in_end = rc > 0;
			start = i;
		}
		if (rc >= 0 && (in_end || lone_end_mark(t, len))) {
			used[i] = 1;
		}
	}
	return rc < 0 ? rc : 0;
}
