/*
 * template_escape.c - how a {{value}} is written into each output format.
 *
 * XML and HTML: & < > " ' become entities; C0 control characters other
 * than TAB, LF and CR are dropped (they are not allowed in XML 1.0 and
 * mean nothing on a page).
 *
 * Markdown: a value must come back from our reader (cmark-gfm, tables) as
 * the same text, so that a citation stays a citation, and a directive's
 * text must never turn into markup.  Escaping everything would keep the
 * meaning but clutter the draft a person edits, so a backslash goes only
 * where CommonMark would otherwise act:
 *  - anywhere: '*' '`' '<' '[' '|' (emphasis, code, HTML and autolinks,
 *    links, table cells), '_' at a word boundary (inside a word it never
 *    emphasises), '&' that starts an entity ("&amp;" but not "KH&CN"), '\'
 *    before punctuation or at the end (an escape or a hard break), and a
 *    closing run of '#' after a blank (a heading would drop it);
 *  - where the value starts a block (the line so far is blank or only
 *    container markers: "- ", "1. ", "> "): '#' '>' '-' '+' '=' '~' and
 *    the '.' or ')' after leading digits, which would start a heading,
 *    quote, list, setext underline or fence; leading blanks are dropped
 *    (four would start a code block).
 * Line breaks become spaces (a value is inline text; a break inside a
 * table row would end the row) and C0 controls are dropped.  Citations
 * ("khoản 2 Điều 5 Quy định số 31-QĐ/TW", "пункт 1 статьи 3 … № 12-П")
 * contain none of these characters and pass unchanged.
 */
#include <string.h>

#include "template.h"

static int is_ascii_punct(unsigned char c)
{
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
		(c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Letters and digits, any non-ASCII byte counted as a letter (what
 * CommonMark's flanking rules treat as neither blank nor punctuation). */
static int is_word(unsigned char c)
{
	return c >= 0x80 || is_digit(c) || (c >= 'a' && c <= 'z') ||
		(c >= 'A' && c <= 'Z');
}

static int is_control(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/* ## XML and HTML */

static int escape_xml(dt_buf *out, const char *s, size_t len, int html)
{
	size_t i, from = 0;
	int rc = 0;

	for (i = 0; i < len && rc == 0; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *ent = NULL;

		switch (c) {
		case '&': ent = "&amp;"; break;
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		case '"': ent = "&quot;"; break;
		case '\'': ent = html ? "&#39;" : "&apos;"; break;
		default:
			if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
				continue;
			}
			ent = ""; /* a C0 control: dropped */
		}
		rc = dt__buf_append(out, s + from, i - from);
		if (rc == 0) {
			rc = dt__buf_append(out, ent, strlen(ent));
		}
		from = i + 1;
	}
	return rc == 0 ? dt__buf_append(out, s + from, len - from) : rc;
}

/* ## Markdown */

/* Does the output end where a block may start?  Blank so far on its line,
 * or only container markers ("> ", "- ", "* ", "+ ", "12. ", "3) "). */
static int at_block_start(const dt_buf *out)
{
	const char *s = out->data;
	size_t i = out->len;

	/* back to the line start over what markers are made of only: any
	 * other character answers at once, so a long line written value by
	 * value is not scanned again for each value */
	while (i > 0 && s[i - 1] != '\n') {
		if (s[i - 1] == '\0' || strchr(" >*+-.)0123456789",
			s[i - 1]) == NULL) {
			return 0;
		}
		i--;
	}
	for (;;) {
		size_t j = i, d;

		while (j < out->len && s[j] == ' ') {
			j++;
		}
		if (j == out->len) {
			return 1;
		}
		if (s[j] == '>') {
			i = j + 1;
			continue;
		}
		if ((s[j] == '-' || s[j] == '*' || s[j] == '+') &&
			j + 1 < out->len && s[j + 1] == ' ') {
			i = j + 2;
			continue;
		}
		for (d = j; d < out->len && is_digit((unsigned char)s[d]);) {
			d++;
		}
		if (d > j && d + 1 < out->len && (s[d] == '.' || s[d] == ')') &&
			s[d + 1] == ' ') {
			i = d + 2;
			continue;
		}
		return 0;
	}
}

/* "&amp;", "&#39;", "&#x1F;": would cmark read an entity at s[i]? */
static int starts_entity(const char *s, size_t len, size_t i)
{
	size_t j = i + 1;

	if (j < len && s[j] == '#') {
		j++;
		if (j < len && (s[j] == 'x' || s[j] == 'X')) {
			j++;
		}
	}
	while (j < len && is_word((unsigned char)s[j]) &&
		(unsigned char)s[j] < 0x80) {
		j++;
	}
	return j > i + 1 && j < len && s[j] == ';';
}

/* Does the character at s[i] need a backslash wherever it stands? */
static int md_active(const char *s, size_t len, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	size_t j;

	switch (c) {
	case '*': case '`': case '<': case '[': case '|':
		return 1;
	case '_':
		return i == 0 || i + 1 == len ||
			!is_word((unsigned char)s[i - 1]) ||
			!is_word((unsigned char)s[i + 1]);
	case '&':
		return starts_entity(s, len, i);
	case '\\':
		return i + 1 == len || is_ascii_punct((unsigned char)s[i + 1]);
	case '#': /* a closing sequence: " ##" up to the end */
		if (i == 0 || (s[i - 1] != ' ' && s[i - 1] != '\t')) {
			return 0;
		}
		for (j = i; j < len && s[j] == '#'; j++) {
		}
		while (j < len && (s[j] == ' ' || s[j] == '\t')) {
			j++;
		}
		return j == len;
	default:
		return 0;
	}
}

/* Offset after the characters that would start a block at s[0]: the
 * first one is escaped (or the '.'/')' after leading digits). */
static size_t block_marker_end(const char *s, size_t len, size_t *escape_at)
{
	size_t j = 0;

	*escape_at = SIZE_MAX;
	if (len == 0) {
		return 0;
	}
	if (strchr("#>-+=~", s[0]) != NULL) {
		*escape_at = 0;
		return 1;
	}
	while (j < len && j < 10 && is_digit((unsigned char)s[j])) {
		j++;
	}
	if (j > 0 && j < len && (s[j] == '.' || s[j] == ')')) {
		*escape_at = j;
		return j + 1;
	}
	return 0;
}

static int escape_md(dt_buf *out, const char *s, size_t len)
{
	size_t i = 0, marker_end = 0, escape_at = SIZE_MAX;
	int rc = 0;

	if (at_block_start(out)) {
		while (i < len && (s[i] == ' ' || s[i] == '\t' ||
			s[i] == '\n' || s[i] == '\r')) {
			i++;
		}
		s += i;
		len -= i;
		i = 0;
		marker_end = block_marker_end(s, len, &escape_at);
	}
	for (; i < len && rc == 0; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n' || c == '\r') {
			rc = dt__buf_putc(out, ' ');
			continue;
		}
		if (is_control(c) && c != '\t') {
			continue;
		}
		if ((i < marker_end && i == escape_at) || md_active(s, len, i)) {
			rc = dt__buf_putc(out, '\\');
		}
		if (rc == 0) {
			rc = dt__buf_putc(out, (char)c);
		}
	}
	return rc;
}

int dt__tpl_escape(dt_buf *out, dt__esc esc, const char *s, size_t len)
{
	switch (esc) {
	case DT__ESC_MD:
		return escape_md(out, s, len);
	case DT__ESC_XML:
		return escape_xml(out, s, len, 0);
	default:
		return escape_xml(out, s, len, 1);
	}
}
