/*
 * resolve_title.c - a loaded directive named by its title (DOMAIN §4.8).
 *
 * A report "об исполнении Положения о порядке рассмотрения обращений
 * граждан …" names the Положение that a loaded directive approves by
 * its type word and title, without a number; afterwards "п. 1 ст. 4
 * Положения" means that Положение, as if the text had said "(далее —
 * Положение)".  So, when a bare type word finds nothing in its unit,
 * resolution asks whether the local document named a loaded directive
 * before it with that type word and the directive's title: its own type
 * and title ("Quy định về sinh hoạt chi bộ …"), the same from the title's
 * subject word on ("Chỉ thị về tăng cường …" for a title "của Ban Bí thư
 * về tăng cường …"), or a type word inside the title ("Об утверждении
 * Положения о порядке …" gives "Положения" + "о порядке …").
 *
 * Type words are symbol_doctype.c's (every case form).  The words after them
 * compare letter by letter in a simple lower case (the NFC texts of the
 * scripts concerned need no more), so nothing is allocated.  The local
 * document is searched once, when a bare type word first needs it, not
 * for every document.
 */
#include <stdio.h>
#include <string.h>

#include "cite.h"

/* A title shorter than this is no name: "о порядке" alone is not. */
#define MIN_WORDS 3

/* Words that open a title's subject ("о порядке …", "về sinh hoạt …"). */
static const char *const subject_words[] = { "о", "об", "về", "on" };

/* ## Letters */

/* The lower case of the letters titles are written in: ASCII, Latin-1,
 * the Latin Extended-A pairs Vietnamese uses (Ă Đ Ĩ Ũ), Ơ Ư, the
 * Vietnamese capitals of U+1EA0-1EF9 (even upper, odd lower), Cyrillic. */
static uint32_t lower_cp(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) {
		return c + 32;
	}
	if (((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177) ||
		(c >= 0x1EA0 && c <= 0x1EF9)) && c % 2 == 0) {
		return c + 1;
	}
	if (c == 0x1A0 || c == 0x1AF) {
		return c + 1;
	}
	if (c >= 0x410 && c <= 0x42F) {
		return c + 0x20;
	}
	return c >= 0x400 && c <= 0x40F ? c + 0x50 : c;
}

static int letter_or_digit(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		(c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F &&
		c != 0xD7 && c != 0xF7) || (c >= 0x400 && c <= 0x4FF) ||
		(c >= 0x1E00 && c <= 0x1EFF);
}

/* A blank at s[i] (space, tab, newline, no-break space): its length. */
static size_t blank_len(const char *s, size_t i, size_t len)
{
	if (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		s[i] == '\r')) {
		return 1;
	}
	return i + 1 < len && (unsigned char)s[i] == 0xC2 &&
		(unsigned char)s[i + 1] == 0xA0 ? 2 : 0;
}

static size_t cp_at(const char *s, size_t i, size_t len, uint32_t *c)
{
	size_t n = i < len ? dt__utf8_decode((const unsigned char *)s + i,
		len - i, c) : 0;

	if (n == 0) {
		*c = 0;
	}
	return n;
}

/* ## The directive's titles */

/* s[0..n) folded into out: lower case, blanks as one space, ends
 * trimmed of blanks and closing marks; its word count. */
static size_t fold_words(char *out, size_t cap, const char *s, size_t n)
{
	size_t i = 0, k = 0, words = 0, m;
	uint32_t c;

	while (i < n && k + 5 < cap) {
		if (blank_len(s, i, n) > 0) {
			while ((m = blank_len(s, i, n)) > 0) {
				i += m;
			}
			if (k > 0) {
				out[k++] = ' ';
			}
			continue;
		}
		m = cp_at(s, i, n, &c);
		if (m == 0) {
			break;
		}
		words += k == 0 || out[k - 1] == ' ';
		k += dt__utf8_encode(lower_cp(c), out + k);
		i += m;
	}
	while (k > 0 && strchr(" .;:*\"", out[k - 1]) != NULL) {
		k--;
	}
	out[k] = '\0';
	return words;
}

static void add_title(dt_cite_dir *d, size_t row, const char *s, size_t n)
{
	dt_cite_title *t;
	size_t i;

	if (row == DT_CITE_NO_ROW || d->ntitles == DT_CITE_TITLES) {
		return;
	}
	t = &d->titles[d->ntitles];
	if (fold_words(t->words, sizeof(t->words), s, n) < MIN_WORDS) {
		return;
	}
	for (i = 0; i < d->ntitles; i++) {
		if (d->titles[i].row == row &&
			strcmp(d->titles[i].words, t->words) == 0) {
			return;
		}
	}
	t->row = row;
	t->pos = SIZE_MAX;
	d->ntitles++;
}

/* Where the first subject word of title t starts ("VỀ SINH HOẠT …",
 * "… Положения о порядке"), or 0 when none follows its first word. */
static size_t subject_at(const char *t)
{
	size_t i, k, e, n = strlen(t);
	char w[32];

	for (i = 1; i < n; i++) {
		if (blank_len(t, i - 1, n) != 1 || blank_len(t, i, n) != 0) {
			continue;
		}
		for (e = i; e < n && blank_len(t, e, n) == 0; e++) {
		}
		if (e - i > 8) {
			continue; /* subject words are short */
		}
		fold_words(w, sizeof(w), t + i, e - i);
		for (k = 0; k < sizeof(subject_words) / sizeof(*subject_words);
			k++) {
			if (strcmp(w, subject_words[k]) == 0) {
				return i;
			}
		}
	}
	return 0;
}

void dt__cite_titles_init(dt_cite_dir *d)
{
	const char *t = dt_doc_meta(d->doc)->title;
	size_t n = strlen(t), row, from = 0, sub = subject_at(t);
	dt_span sp;

	d->ntitles = 0;
	add_title(d, d->row, t, n);
	if (sub > 0) {
		add_title(d, d->row, t + sub, n - sub);
	}
	/* "Об утверждении Положения о …": the Положение it approves */
	while (dt__symbol_doctype_find(&row, &sp, t, n, from) > 0) {
		add_title(d, row, t + sp.end, n - sp.end);
		from = sp.end;
	}
}

/* ## The local document */

/* Does s[p..len) read the folded words w, ending at a word end? */
static int words_at(const char *s, size_t len, size_t p, const char *w)
{
	size_t i = p, k = 0, wl = strlen(w), m, mw;
	uint32_t c, cw;

	while (k < wl) {
		if (w[k] == ' ') {
			if (blank_len(s, i, len) == 0) {
				return 0;
			}
			while ((m = blank_len(s, i, len)) > 0) {
				i += m;
			}
			k++;
			continue;
		}
		m = cp_at(s, i, len, &c);
		mw = cp_at(w, k, wl, &cw);
		if (m == 0 || mw == 0 || lower_cp(c) != cw) {
			return 0;
		}
		i += m;
		k += mw;
	}
	cp_at(s, i, len, &c);
	return !letter_or_digit(c);
}

/* Past blanks and an opening quote after a type word ("Положения «о
 * …»" is rare, "постановления «Об утверждении …»" is not). */
static size_t title_start(const char *s, size_t len, size_t p)
{
	size_t m;
	uint32_t c;

	while ((m = blank_len(s, p, len)) > 0) {
		p += m;
	}
	m = cp_at(s, p, len, &c);
	if (c == 0xAB || c == '"' || c == 0x201C || c == 0x201E) {
		p += m;
	}
	return p;
}

/* Record where text s (at position base) first names a directive of
 * ctx by one of its titles. */
static void find_in(dt_cite_ctx *ctx, const char *s, size_t base)
{
	size_t len = strlen(s), from = 0, row, i, k;
	dt_span sp;

	while (dt__symbol_doctype_find(&row, &sp, s, len, from) > 0) {
		size_t q = title_start(s, len, sp.end);

		for (i = 0; i < ctx->ndirs; i++) {
			dt_cite_dir *d = &ctx->dirs[i];

			for (k = 0; k < d->ntitles; k++) {
				if (d->titles[k].row == row &&
					d->titles[k].pos == SIZE_MAX &&
					words_at(s, len, q, d->titles[k].words)) {
					d->titles[k].pos = base + sp.start;
				}
			}
		}
		from = sp.end;
	}
}

size_t dt__cite_text_span(const char *text)
{
	return strlen(text) + 1;
}

/* The positions of every title in the local document, in the order
 * citeset.c scans it (metadata title at 0, then headings and texts). */
static void find_titles(dt_cite_ctx *ctx)
{
	size_t i, n = dt_doc_unit_count(ctx->doc), base = 1;

	ctx->titles_found = 1;
	find_in(ctx, dt_doc_meta(ctx->doc)->title, 0);
	for (i = 0; i < n; i++) {
		const dt_unit *u = dt_doc_unit_at(ctx->doc, i);

		find_in(ctx, dt_unit_heading(u), base);
		base += dt__cite_text_span(dt_unit_heading(u));
		find_in(ctx, dt_unit_text(u), base);
		base += dt__cite_text_span(dt_unit_text(u));
	}
}

/* Does the type word of row `row` name some directive by title? */
static int titles_of_row(const dt_cite_ctx *ctx, size_t row)
{
	size_t i, k;

	for (i = 0; i < ctx->ndirs; i++) {
		for (k = 0; k < ctx->dirs[i].ntitles; k++) {
			if (ctx->dirs[i].titles[k].row == row) {
				return 1;
			}
		}
	}
	return 0;
}

int dt__cite_titled(dt_cite_ctx *ctx, const dt_cite_ref *ref,
	const char *s)
{
	size_t here, i, k, best = 0, len, ov[2];
	int hit = -1;

	if (s == NULL || ref->row == DT_CITE_NO_ROW ||
		!titles_of_row(ctx, ref->row)) {
		return -1;
	}
	len = ref->type.end + strnlen(s + ref->type.end, 64);
	if (dt__re_match(dt__cite_re(DT_CG_ALL, DT_CRE_DATED), s, len,
		ref->type.end, ov, 1) > 0) {
		return -1; /* "Положения от 14 марта 2019 г." */
	}
	if (!ctx->titles_found) {
		find_titles(ctx);
	}
	here = ctx->base + ref->type.start;
	/* the latest naming before the type word */
	for (i = 0; i < ctx->ndirs; i++) {
		for (k = 0; k < ctx->dirs[i].ntitles; k++) {
			const dt_cite_title *t = &ctx->dirs[i].titles[k];

			if (t->row == ref->row && t->pos < here &&
				(hit < 0 || t->pos > best)) {
				hit = (int)i;
				best = t->pos;
			}
		}
	}
	return hit;
}
