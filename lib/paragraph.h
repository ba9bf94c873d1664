/*
 * paragraph.h - the paragraphs of a unit's text, for matching them one
 * by one (review_add.c).
 */
#ifndef DT_PARAGRAPH_H
#define DT_PARAGRAPH_H

#include <stddef.h>

/**
 * The next paragraph of t[0, len) at or after *at: its bytes are
 * t[*start, *end), and *at moves past it and the blank lines after.
 * Paragraphs are separated by a blank line ("\n\n"), as unit text keeps
 * them.  Returns 0 when there is none left.
 */
int dt__para_next(const char *t, size_t len, size_t *at, size_t *start,
	size_t *end);

/**
 * The length of the first paragraph of t when it is a title rather than
 * a sentence - "Về quản lý hồ sơ đảng viên", the bold line local plans
 * put above the paragraphs of an item - and more paragraphs follow;
 * else 0.
 */
size_t dt__para_title_len(const char *t, size_t len);

/**
 * The line breaks in t[from, to): what dt_unit_text_line() adds between
 * two offsets of a text without a NUL before `to`, so that the lines of
 * a unit's paragraphs are counted once, from one paragraph to the next,
 * not each from the start of the text.
 */
size_t dt__para_newlines(const char *t, size_t from, size_t to);

#endif /* DT_PARAGRAPH_H */
