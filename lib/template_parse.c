/*
 * template_parse.c - template text -> a flat array of nodes.
 *
 * Tags: {{name}} {{{name}}} {{& name}} {{#name}} {{^name}} {{/name}}
 * {{! comment }} {{> partial}}.  A name is letters, digits, '_', '-' and
 * dots between non-empty parts ("task.lead"), or "." alone (the current
 * item); blanks may pad it inside the braces.  Set-delimiter tags
 * ({{=<% %>=}}) are refused rather than half supported.
 *
 * Standalone lines (Mustache spec): a section, inverted, close, comment or
 * partial tag alone on its line (only blanks around it) takes the whole
 * line with it, its line break included, so a template can put every
 * control tag on a line of its own without leaving blank lines (which
 * would end a Markdown table).  A standalone partial is indented by the
 * blanks before its tag, on every line of the partial.
 *
 * Partials are loaded and parsed when their tag is met, so every error of
 * a template and its partials is found before anything is rendered.
 */
#include <stdio.h>
#include <string.h>

#include "template_nodes.h"

enum {
	MAX_SECTION_DEPTH = 64, /* open sections inside one template */
	MAX_PARTIAL_DEPTH = 8,  /* partials inside partials: a cycle ends here */
	QUOTE_MAX = 40          /* bytes of a bad tag quoted in a message */
};

typedef struct {
	dt__tpl *t;
	dt__tpl_loader load;
	void *payload;
	unsigned depth;                  /* partial nesting of this template */
	size_t open[MAX_SECTION_DEPTH];  /* node indexes of open sections */
	size_t nopen;
	dt_error *err;
} parser;

/* A tag as scanned: [start, end) spans it from "{{" to its last '}'. */
typedef struct {
	size_t start, end;
	char sigil;              /* 0 or one of # ^ / ! > & { */
	size_t name_at, name_len;
	size_t line, column;
} tag;

static int fail(parser *p, size_t line, size_t column, int code,
	const char *fmt, ...) DT_PRINTF(5, 6);

/* Fill the error with this template's file and return `code`. */
static int fail(parser *p, size_t line, size_t column, int code,
	const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	dt__fail(p->err, code, line, column, "%s", msg);
	dt__error_source(p->err, p->t->file);
	return code;
}

static int oom(parser *p)
{
	return fail(p, 0, 0, DT_ENOMEM, "out of memory");
}

static int is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* "." alone, or dot-separated parts that are all non-empty. */
static int name_ok(const char *s, size_t len)
{
	size_t i;

	if (len == 1 && s[0] == '.') {
		return 1;
	}
	if (len == 0 || s[0] == '.' || s[len - 1] == '.') {
		return 0;
	}
	for (i = 1; i < len; i++) {
		if (s[i] == '.' && s[i - 1] == '.') {
			return 0;
		}
	}
	return 1;
}

/* Offset of the first `needle` (nlen bytes) in s[from, to), or `to`. */
static size_t find(const char *s, size_t from, size_t to, const char *needle,
	size_t nlen)
{
	size_t i;

	for (i = from; i + nlen <= to; i++) {
		if (memcmp(s + i, needle, nlen) == 0) {
			return i;
		}
	}
	return to;
}

static size_t line_end(const char *s, size_t from, size_t len)
{
	const char *nl = memchr(s + from, '\n', len - from);

	return nl != NULL ? (size_t)(nl - s) : len;
}

static size_t count_lines(const char *s, size_t from, size_t to)
{
	size_t n = 0;

	for (; from < to; from++) {
		n += s[from] == '\n';
	}
	return n;
}

/* A tag that does not end as it should: quote it up to its "}}" on the
 * same line (or the line's end) and say what is wrong. */
static int bad_tag(parser *p, const tag *tg, const char *why)
{
	const char *s = p->t->src;
	size_t eol = line_end(s, tg->start, p->t->len);
	size_t close = find(s, tg->start + 2, eol, "}}", 2);
	size_t n = (close < eol ? close + 2 : eol) - tg->start;
	int quoted = (int)(n > QUOTE_MAX ? QUOTE_MAX : n);

	if (close == eol) {
		return fail(p, tg->line, tg->column, DT_EPARSE,
			"unterminated tag '%.*s'", quoted, s + tg->start);
	}
	return fail(p, tg->line, tg->column, DT_EPARSE, "bad tag '%.*s': %s",
		quoted, s + tg->start, why);
}

/* Scan the tag whose "{{" is at `at`. */
static int scan_tag(parser *p, size_t at, tag *tg)
{
	const char *s = p->t->src;
	size_t len = p->t->len, i = at + 2, close_len;

	tg->start = at;
	tg->end = at + 2;
	tg->sigil = 0;
	tg->name_at = tg->name_len = 0;
	if (i < len && strchr("#^/!>&{=", s[i]) != NULL) {
		tg->sigil = s[i++];
	}
	if (tg->sigil == '!') { /* a comment may span lines */
		size_t close = find(s, i, len, "}}", 2);

		if (close == len) {
			return fail(p, tg->line, tg->column, DT_EPARSE,
				"unterminated comment '{{!'");
		}
		tg->end = close + 2;
		return 0;
	}
	if (tg->sigil == '=') {
		return fail(p, tg->line, tg->column, DT_EPARSE,
			"set-delimiter tags '{{=' are not supported");
	}
	while (i < len && is_blank(s[i])) {
		i++;
	}
	tg->name_at = i;
	while (i < len && is_name_char(s[i])) {
		i++;
	}
	tg->name_len = i - tg->name_at;
	while (i < len && is_blank(s[i])) {
		i++;
	}
	close_len = tg->sigil == '{' ? 3 : 2;
	if (i + close_len > len || memcmp(s + i, "}}}", close_len) != 0) {
		return bad_tag(p, tg, tg->sigil == '{' ? "'{{{' closes with "
			"'}}}'" : "a name is letters, digits, '_', '-', '.'");
	}
	if (!name_ok(s + tg->name_at, tg->name_len)) {
		return bad_tag(p, tg, tg->name_len == 0 ? "no name" :
			"empty part in a dotted name");
	}
	tg->end = i + close_len;
	return 0;
}

/* ## building nodes */

static int push_node(parser *p, dt__tn_kind kind, const char *text,
	size_t len, size_t line, dt__tnode **out)
{
	dt__tpl *t = p->t;
	dt__tnode *n;

	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		dt__tnode *grown = dt__reallocarray(t->nodes, cap,
			sizeof(*grown));

		if (grown == NULL) {
			return oom(p);
		}
		t->nodes = grown;
		t->cap = cap;
	}
	n = &t->nodes[t->n++];
	memset(n, 0, sizeof(*n));
	n->kind = kind;
	n->text = text;
	n->len = len;
	n->line = line;
	if (out != NULL) {
		*out = n;
	}
	return 0;
}

static int push_text(parser *p, size_t from, size_t to, size_t line)
{
	if (from >= to) {
		return 0;
	}
	return push_node(p, DT__TN_TEXT, p->t->src + from, to - from, line,
		NULL);
}

static int parse_source(dt__tpl **out, char *src, size_t len, char *file,
	dt__tpl_loader load, void *payload, unsigned depth, dt_error *err);

/* `src` with `indent` before every line (none after a final newline):
 * the Mustache rule for standalone partials.  NULL when out of memory. */
static char *indent_lines(const char *src, size_t len, const char *indent,
	size_t ilen, size_t *len_out)
{
	size_t lines = count_lines(src, 0, len) + 1, i, o = 0;
	char *s;

	if (ilen > 0 && lines > (SIZE_MAX - len - 1) / ilen) {
		return NULL;
	}
	s = dt__malloc(len + lines * ilen + 1);
	if (s == NULL) {
		return NULL;
	}
	for (i = 0; i < len; i++) {
		if (i == 0 || src[i - 1] == '\n') {
			memcpy(s + o, indent, ilen);
			o += ilen;
		}
		s[o++] = src[i];
	}
	s[o] = '\0';
	*len_out = o;
	return s;
}

/* {{> name}}: load, indent and parse the partial into a PARTIAL node. */
static int partial(parser *p, const tag *tg, const char *indent,
	size_t ilen)
{
	const char *name = p->t->src + tg->name_at;
	char *src = NULL, *file = NULL, *indented;
	size_t len = 0, ilen_out = 0;
	dt__tnode *node;
	int rc;

	if (p->depth + 1 >= MAX_PARTIAL_DEPTH) {
		return fail(p, tg->line, tg->column, DT_ELIMIT,
			"partials nested deeper than %d at '{{> %.*s}}'",
			MAX_PARTIAL_DEPTH, (int)tg->name_len, name);
	}
	rc = p->load != NULL ? p->load(&src, &len, &file, name, tg->name_len,
		p->payload) : DT_ENOTFOUND;
	if (rc < 0) {
		return rc == DT_ENOMEM ? oom(p) : fail(p, tg->line,
			tg->column, DT_EPARSE, "no partial '{{> %.*s}}'",
			(int)tg->name_len, name);
	}
	indented = indent_lines(src, len, indent, ilen, &ilen_out);
	dt__free(src);
	rc = indented == NULL ? DT_ENOMEM : push_node(p, DT__TN_PARTIAL, name,
		tg->name_len, tg->line, &node);
	if (rc == 0) {
		return parse_source(&node->partial, indented, ilen_out, file,
			p->load, p->payload, p->depth + 1, p->err);
	}
	dt__free(indented);
	dt__free(file);
	return rc == DT_ENOMEM ? oom(p) : rc;
}

static int open_section(parser *p, const tag *tg)
{
	const char *name = p->t->src + tg->name_at;
	int rc;

	if (p->nopen == MAX_SECTION_DEPTH) {
		return fail(p, tg->line, tg->column, DT_ELIMIT,
			"sections nested deeper than %d at '{{%c%.*s}}'",
			MAX_SECTION_DEPTH, tg->sigil, (int)tg->name_len, name);
	}
	rc = push_node(p, tg->sigil == '#' ? DT__TN_SECTION : DT__TN_INVERTED,
		name, tg->name_len, tg->line, NULL);
	if (rc == 0) {
		p->open[p->nopen++] = p->t->n - 1;
	}
	return rc;
}

static int close_section(parser *p, const tag *tg)
{
	const char *name = p->t->src + tg->name_at;
	dt__tnode *sec;

	if (p->nopen == 0) {
		return fail(p, tg->line, tg->column, DT_EPARSE,
			"'{{/%.*s}}' closes no open section",
			(int)tg->name_len, name);
	}
	sec = &p->t->nodes[p->open[p->nopen - 1]];
	if (sec->len != tg->name_len ||
		memcmp(sec->text, name, tg->name_len) != 0) {
		return fail(p, tg->line, tg->column, DT_EPARSE,
			"'{{/%.*s}}' does not close '{{%c%.*s}}' of line %zu",
			(int)tg->name_len, name,
			sec->kind == DT__TN_SECTION ? '#' : '^',
			(int)sec->len, sec->text, sec->line);
	}
	sec->end = p->t->n;
	p->nopen--;
	return 0;
}

/* Turn a scanned tag into nodes; `indent` (ilen bytes) is the blank
 * prefix of a standalone tag's line. */
static int emit_tag(parser *p, const tag *tg, const char *indent,
	size_t ilen)
{
	const char *name = p->t->src + tg->name_at;

	switch (tg->sigil) {
	case '!':
		return 0;
	case '#':
	case '^':
		return open_section(p, tg);
	case '/':
		return close_section(p, tg);
	case '>':
		return partial(p, tg, indent, ilen);
	case '&':
	case '{':
		return push_node(p, DT__TN_RAW, name, tg->name_len, tg->line,
			NULL);
	default:
		return push_node(p, DT__TN_VAR, name, tg->name_len, tg->line,
			NULL);
	}
}

/* ## standalone lines */

/* Where the tag's line starts when only blanks precede the tag on it and
 * no earlier tag ends on it (`from` is the end of what was consumed),
 * else SIZE_MAX. */
static size_t blank_before(const char *s, size_t from, size_t at)
{
	size_t i = at;

	while (i > from && is_blank(s[i - 1])) {
		i--;
	}
	return i == 0 || s[i - 1] == '\n' ? i : SIZE_MAX;
}

/* Just past the tag's line break (or the end of input) when only blanks
 * follow the tag on its line, else SIZE_MAX. */
static size_t blank_after(const char *s, size_t len, size_t at)
{
	size_t i = at;

	while (i < len && is_blank(s[i])) {
		i++;
	}
	if (i + 1 < len && s[i] == '\r' && s[i + 1] == '\n') {
		i++;
	}
	if (i == len) {
		return len;
	}
	return s[i] == '\n' ? i + 1 : SIZE_MAX;
}

static size_t column_of(const char *s, size_t at)
{
	size_t i = at;

	while (i > 0 && s[i - 1] != '\n') {
		i--;
	}
	return at - i + 1;
}

/* The loop over the source: text between tags, tags, standalone lines. */
static int parse_nodes(parser *p)
{
	const char *s = p->t->src;
	size_t len = p->t->len, from = 0, line = 1, at;
	int rc;

	while ((at = find(s, from, len, "{{", 2)) < len) {
		size_t text_line = line, ls = SIZE_MAX, le = SIZE_MAX;
		tag tg;

		line += count_lines(s, from, at);
		tg.line = line;
		tg.column = column_of(s, at);
		rc = scan_tag(p, at, &tg);
		if (rc < 0) {
			return rc;
		}
		if (tg.sigil != 0 && tg.sigil != '&' && tg.sigil != '{') {
			ls = blank_before(s, from, at);
			le = ls == SIZE_MAX ? SIZE_MAX :
				blank_after(s, len, tg.end);
		}
		if (le == SIZE_MAX) {
			ls = at; /* not standalone: keep the line as it is */
			le = tg.end;
		}
		rc = push_text(p, from, ls, text_line);
		if (rc == 0) {
			rc = emit_tag(p, &tg, s + ls, at - ls);
		}
		if (rc < 0) {
			return rc;
		}
		line += count_lines(s, at, le);
		from = le;
	}
	return push_text(p, from, len, line);
}

/* Parse `src` (len bytes, NUL-terminated; adopted, like `file`, even on
 * failure) as a template `depth` partials deep.  *out is set even on
 * failure, for the caller to free. */
static int parse_source(dt__tpl **out, char *src, size_t len, char *file,
	dt__tpl_loader load, void *payload, unsigned depth, dt_error *err)
{
	parser p;
	int rc;

	memset(&p, 0, sizeof p);
	p.err = err;
	p.load = load;
	p.payload = payload;
	p.depth = depth;
	p.t = dt__calloc(1, sizeof(*p.t));
	*out = p.t;
	if (p.t == NULL || src == NULL || file == NULL) {
		if (p.t == NULL) {
			dt__free(src);
			dt__free(file);
		} else {
			p.t->src = src;
			p.t->file = file;
		}
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	p.t->src = src;
	p.t->len = len;
	p.t->file = file;
	rc = parse_nodes(&p);
	if (rc == 0 && p.nopen > 0) {
		const dt__tnode *sec = &p.t->nodes[p.open[p.nopen - 1]];

		rc = fail(&p, sec->line, 0, DT_EPARSE,
			"unclosed section '{{%c%.*s}}'",
			sec->kind == DT__TN_SECTION ? '#' : '^', (int)sec->len,
			sec->text);
	}
	return rc;
}

int dt__tpl_parse(dt__tpl **out, const char *src, size_t len,
	const char *file, dt__tpl_loader load, void *payload, dt_error *err)
{
	int rc;

	assert(out != NULL && (src != NULL || len == 0));
	rc = parse_source(out, dt__strndup(src != NULL ? src : "", len), len,
		dt__strdup(file != NULL ? file : "(template)"), load, payload,
		0, err);
	if (rc < 0) {
		dt__tpl_free(*out);
		*out = NULL;
	}
	return rc;
}

void dt__tpl_free(dt__tpl *t)
{
	size_t i;

	if (t == NULL) {
		return;
	}
	for (i = 0; i < t->n; i++) {
		dt__tpl_free(t->nodes[i].partial);
	}
	dt__free(t->nodes);
	dt__free(t->src);
	dt__free(t->file);
	dt__free(t);
}
