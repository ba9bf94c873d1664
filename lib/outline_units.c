/*
 * outline_units.c - reading numbers and creating units: values of arabic,
 * Roman, ordinal, decimal and letter numbers; eIds by the Akoma Ntoso
 * convention (articles, chapters and parts stand alone, everything else
 * is prefixed by its parent); warnings for duplicates, gaps and disorder.
 */
#include <stdlib.h>
#include <string.h>

#include "outline_internal.h"

/* ## numbers */

static long roman_value(const char *s, size_t n)
{
	long v = 0, prev = 0;
	size_t i;

	for (i = n; i-- > 0;) {
		long d;

		switch (s[i] | 0x20) {
		case 'i': d = 1; break;
		case 'v': d = 5; break;
		case 'x': d = 10; break;
		case 'l': d = 50; break;
		case 'c': d = 100; break;
		default: return 0;
		}
		v += d < prev ? -d : d;
		prev = d > prev ? d : prev;
	}
	return v;
}

static long letter_value(const char *const *table, const char *s, size_t n)
{
	size_t i;

	for (i = 0; table[i] != NULL; i++) {
		if (strlen(table[i]) == n && memcmp(table[i], s, n) == 0) {
			return (long)i + 1;
		}
	}
	return 0;
}

/* "thứ nhất" … "thứ mười" (case-folded), else Roman or arabic, into
 * *out.  Out of memory folding is DT_ENOMEM, not a value of 0: the unit
 * would be misnumbered (and its eId, its citations' targets with it)
 * without a word. */
static int ordinal_value(long *out, const char *s, size_t n)
{
	char *folded = NULL;
	size_t i;
	int rc;

	*out = 0;
	if (n < 4 || (s[0] | 0x20) != 't') {
		*out = s[0] >= '0' && s[0] <= '9' ? strtol(s, NULL, 10) :
			roman_value(s, n);
		return 0;
	}
	rc = dt_fold(&folded, NULL, s, n, DT_FOLD_CASE, NULL);
	if (rc < 0) {
		return rc == DT_ENOMEM ? rc : 0;
	}
	for (i = 0; dt__ordinals_vi[i] != NULL; i++) {
		const char *w = strstr(folded, dt__ordinals_vi[i]);

		if (w != NULL && strcmp(w, dt__ordinals_vi[i]) == 0) {
			*out = (long)i + 1;
		}
	}
	dt__free(folded);
	return 0;
}

static long plain_value(dt_numbering how, const char *s, size_t n)
{
	const char *dot;

	switch (how) {
	case NUM_ARABIC:
		return strtol(s, NULL, 10);
	case NUM_ROMAN:
		return s[0] >= '0' && s[0] <= '9' ? strtol(s, NULL, 10) :
			roman_value(s, n);
	case NUM_DECIMAL:
		dot = s + n;
		while (dot > s && dot[-1] != '.') {
			dot--;
		}
		return strtol(dot, NULL, 10);
	case NUM_LETTER_VI:
		while (n > 1 && s[n - 1] >= '0' && s[n - 1] <= '9') {
			n--; /* "a1": a sub-point of a */
		}
		return letter_value(dt__letters_vi, s, n);
	case NUM_LETTER_RU:
		return letter_value(dt__letters_ru, s, n);
	default:
		return 0;
	}
}

int dt__outline_num_value(long *out, dt_numbering how, const char *s,
	size_t n)
{
	if (how == NUM_ORDINAL) {
		return ordinal_value(out, s, n);
	}
	*out = plain_value(how, s, n);
	return 0;
}

/* ## units */

int dt__outline_rank(dt_kind kind, const char *num)
{
	switch (kind) {
	case DT_KIND_PART: return RANK_PART;
	case DT_KIND_CHAPTER: return RANK_CHAPTER;
	case DT_KIND_SECTION: return RANK_SECTION;
	case DT_KIND_SUBSECTION: return RANK_SUBSECTION;
	case DT_KIND_ARTICLE: return RANK_ARTICLE;
	case DT_KIND_CLAUSE: return RANK_CLAUSE;
	case DT_KIND_POINT: return RANK_POINT;
	case DT_KIND_ITEM: return RANK_ITEM + (num[0] == '+');
	case DT_KIND_LEVEL: {
		int d = 1;

		for (; *num != '\0'; num++) {
			d += *num == '.';
		}
		return RANK_CLAUSE + d;
	}
	default: return RANK_BLOCK;
	}
}

/* The eId of a new unit `u` (already attached to its parent). */
static int make_eid(dt_unit *u)
{
	static const char *const prefix[DT_KIND_COUNT_] = {
		"", "part_", "chp_", "sec_", "subsec_", "art_", "para_",
		"point_", "item_", "lvl_", "row_", "p_" };
	const dt_unit *p = u->parent;
	dt_buf b;
	size_t i;
	int rc = 0;

	dt__buf_init(&b, 4096);
	/* Articles are numbered through the document, and so are parts
	 * and chapters: their eIds stand alone (DESIGN §3). */
	if (p->kind != DT_KIND_ROOT && u->kind != DT_KIND_ARTICLE &&
		u->kind != DT_KIND_CHAPTER && u->kind != DT_KIND_PART) {
		rc = dt__buf_puts(&b, p->eid);
		rc = rc ? rc : dt__buf_append(&b, "__", 2);
	}
	if (rc == 0) {
		rc = dt__buf_puts(&b, prefix[u->kind]);
	}
	switch (u->kind) {
	case DT_KIND_ARTICLE:
	case DT_KIND_CLAUSE:
	case DT_KIND_POINT:
		for (i = 0; rc == 0 && u->num[i] != '\0'; i++) {
			char c = u->num[i];

			rc = dt__buf_putc(&b, c >= 'A' && c <= 'Z' ?
				(char)(c + 32) : c);
		}
		break;
	case DT_KIND_LEVEL:
		for (i = 0; rc == 0 && u->num[i] != '\0'; i++) {
			rc = dt__buf_putc(&b, u->num[i] == '.' ? '-' :
				u->num[i]);
		}
		break;
	default:
		if (rc == 0) {
			rc = dt__buf_putl(&b, u->value);
		}
		break;
	}
	if (rc == 0) {
		u->eid = dt__buf_detach(&b, NULL);
		return u->eid ? 0 : DT_ENOMEM;
	}
	dt__buf_dispose(&b);
	return rc;
}

void dt__outline_extend(dt_unit *u, size_t line)
{
	for (; u != NULL && u->kind != DT_KIND_ROOT; u = u->parent) {
		if (u->last_line < line) {
			u->last_line = line;
		}
	}
}

/* Warn about duplicates, gaps and disorder against the previous sibling
 * of the same kind (articles: the previous article anywhere). */
static int check_order(dt_unit_builder *o, dt_unit *u)
{
	const dt_unit *prev = NULL;
	const dt_unit *p = u->parent;
	const char *k = dt_kind_name(u->kind);
	size_t i;

	if (u->kind == DT_KIND_ARTICLE) {
		prev = o->last_article;
		o->last_article = u;
	} else {
		for (i = p->nchildren - 1; i-- > 0;) {
			if (p->children[i]->kind == u->kind) {
				prev = p->children[i];
				break;
			}
		}
	}
	if (u->kind == DT_KIND_POINT && u->value == 0) {
		return dt__doc_diag(o->doc, DT_DIAG_WARNING, u->line,
			"point '%s' is not a letter of the point sequence",
			u->num);
	}
	if (prev == NULL || u->kind == DT_KIND_ITEM || u->value == 0 ||
		prev->value == 0) {
		return 0;
	}
	if (u->value == prev->value) {
		return dt__doc_diag(o->doc, DT_DIAG_WARNING, u->line,
			"duplicate %s %s", k, u->num);
	}
	if (u->value < prev->value) {
		return dt__doc_diag(o->doc, DT_DIAG_WARNING, u->line,
			"%s %s out of order after %s %s", k, u->num, k,
			prev->num);
	}
	if (u->value > prev->value + 1) {
		return dt__doc_diag(o->doc, DT_DIAG_WARNING, u->line,
			"gap in numbering: %s %s follows %s %s", k, u->num, k,
			prev->num);
	}
	return 0;
}

int dt__outline_new_unit(dt_unit_builder *o, dt_unit **out, dt_unit *parent,
	dt_kind kind, const char *num, size_t numlen, long value,
	size_t line)
{
	dt_unit *u;
	/* children of each kind so far (positional eIds): kept by
	 * dt__unit_add, since counting them here made n siblings cost
	 * n * n / 2 */
	size_t pos = (parent->kind_count ? parent->kind_count[kind] : 0) + 1;
	int rc;

	if (++o->units > o->max_units) {
		return DT_ELIMIT;
	}
	rc = dt__unit_add(&u, parent, kind);
	if (rc == 0 && numlen > 0) {
		rc = dt__set_str(&u->num, num, numlen);
	}
	if (rc < 0) {
		return rc;
	}
	u->value = (kind == DT_KIND_ITEM || kind == DT_KIND_ROW ||
		kind == DT_KIND_BLOCK) ? (long)pos : value;
	u->line = line;
	u->last_line = line;
	dt__outline_extend(parent, line);
	rc = make_eid(u);
	if (rc == 0 && numlen > 0) {
		rc = check_order(o, u);
	}
	*out = u;
	return rc;
}

