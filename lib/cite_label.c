/*
 * cite_label.c - reading the label after a level word: "5", "10a",
 * "2.1", "3.2.", "II", "a", "đ", "a.1", "а)", "«а»", "(2)", "này",
 * "đó".  By hand, not by pattern: a label is a few bytes, and what must
 * not follow it ("15/3", "24-QĐ/TW", "5km", "п.") is easier said in C.
 */
#include "cite_scan.h"

/* "5", "10a", "2.1", "1.2.1", "3.2." — not a date ("15/3"), a symbol
 * ("24-QĐ/TW") or the start of a longer word ("5km"). */
static int number_label(const scan *sc, size_t p, dt_label *out)
{
	size_t q = p + digits(sc, p, 4), k;
	int dots = 0;

	if (q == p) {
		return 0;
	}
	while (dots < 5 && ch(sc, q) == '.' &&
		(k = digits(sc, q + 1, 4)) > 0) {
		q += 1 + k;
		dots++;
	}
	out->type = dots ? LB_DOTTED : LB_NUM;
	if (!dots && ch(sc, q) >= 'a' && ch(sc, q) <= 'z' &&
		!letter_at(sc, q + 1) && !is_digit(ch(sc, q + 1))) {
		q++; /* an inserted unit: "Điều 10a" */
	}
	/* "15/3", "30/2020/NĐ-CP", "24-QĐ/TW"; but "1-3" is a range */
	if (is_digit(ch(sc, q)) || letter_at(sc, q) || (ch(sc, q) == '/' &&
		(is_digit(ch(sc, q + 1)) || letter_at(sc, q + 1))) ||
		(ch(sc, q) == '-' && letter_at(sc, q + 1))) {
		return 0;
	}
	out->core.start = p;
	out->core.end = q;
	if (dots && ch(sc, q) == '.' && !is_digit(ch(sc, q + 1))) {
		q++; /* "mục 3.2." */
	}
	out->end = q;
	return 1;
}

static int roman_label(const scan *sc, size_t p, dt_label *out)
{
	size_t q = p;

	while (q - p < 8 && ch(sc, q) != '\0' &&
		strchr("IVXLC", ch(sc, q)) != NULL) {
		q++;
	}
	if (q == p || letter_at(sc, q) || is_digit(ch(sc, q))) {
		return 0;
	}
	out->type = LB_ROMAN;
	out->core.start = p;
	out->core.end = q;
	out->end = q;
	return 1;
}

/* A point letter: lower-case Latin, đ or Cyrillic. */
static int point_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || c == 0x111 ||
		(c >= 0x430 && c <= 0x44F) || c == 0x451;
}

/* "a", "đ", "а)", "«а»", "\"b\"", "a.1", "d2" (a sub-point). */
static int letter_label(const scan *sc, size_t p, dt_label *out)
{
	size_t n, m, q = p;
	uint32_t c = cp_at(sc, q, &n);
	int quoted = is_open_quote(c), cyrillic = c >= 0x400;

	if (quoted) {
		q += n;
		c = cp_at(sc, q, &n);
		if (!point_letter(c) && !(c >= 'A' && c <= 'Z')) {
			return 0;
		}
	} else if (!point_letter(c)) {
		return 0;
	}
	out->core.start = q;
	q += n;
	if (!quoted && (ch(sc, q) == '.' || is_digit(ch(sc, q))) &&
		(m = digits(sc, q + (ch(sc, q) == '.'), 2)) > 0) {
		q += (ch(sc, q) == '.') + m; /* "a.1", "d2" */
	}
	out->core.end = q;
	c = cp_at(sc, q, &n);
	if (quoted) {
		if (!is_close_quote(c)) {
			return 0;
		}
		q += n;
	} else if (c == ')') {
		q += n;
	} else if (cyrillic || is_letter(c) || is_digit(ch(sc, q)) ||
		(c == '.' && letter_at(sc, q + 1))) {
		/* a word, an abbreviation ("a.m.", "п."); Russian points are
		 * «а» or а) (DOMAIN §4.10), never a bare letter */
		return 0;
	}
	out->type = LB_LETTER;
	out->end = q;
	return 1;
}

/* "(2)", "(b)": a label in parentheses (English "point (b)",
 * "Article 5(2)(a)"). */
int dt__cite_paren_label(const scan *sc, size_t p, dt_label *out)
{
	if (ch(sc, p) != '(' || !(number_label(sc, p + 1, out) ||
		letter_label(sc, p + 1, out))) {
		return 0;
	}
	if (ch(sc, out->end) == ')') {
		out->end++;
		return 1;
	}
	return out->end > p + 1 && ch(sc, out->end - 1) == ')';
}

int dt__cite_label_at(const scan *sc, size_t p, dt_label *out)
{
	size_t e;

	memset(out, 0, sizeof(*out));
	if (p >= sc->end) {
		return 0;
	}
	if (number_label(sc, p, out) || roman_label(sc, p, out) ||
		letter_label(sc, p, out) || dt__cite_paren_label(sc, p, out)) {
		return 1;
	}
	switch (word_at(sc, p, &e)) {
	case DT_CW_SELF:
		out->type = LB_SELF;
		break;
	case DT_CW_ANAPHOR:
		out->type = LB_ANAPHOR;
		break;
	default:
		return 0;
	}
	out->core.start = p;
	out->core.end = out->end = e;
	return 1;
}

/* Labels a level word takes: "Điều" digits, "Chương" Roman, "điểm"
 * letters; "khoản" with a letter is a point ("п. «а»"). */
int dt__cite_label_fits(dt_kind kind, dt_label_type t)
{
	switch (kind) {
	case DT_KIND_ARTICLE:
		return t == LB_NUM || t == LB_DOTTED || t == LB_SELF ||
			t == LB_ANAPHOR;
	case DT_KIND_PART:
	case DT_KIND_CHAPTER:
		return t == LB_NUM || t == LB_ROMAN || t == LB_SELF ||
			t == LB_ANAPHOR;
	case DT_KIND_SECTION:
	case DT_KIND_SUBSECTION:
		return t != LB_LETTER;
	default:
		return t != LB_ROMAN;
	}
}

/* Labels of one list share a type: "1, 2 và 3", "a, b và c". */
int dt__cite_same_type(dt_label_type a, dt_label_type b)
{
	if (a == LB_DOTTED || a == LB_NUM) {
		return b == LB_DOTTED || b == LB_NUM;
	}
	return a == b;
}
