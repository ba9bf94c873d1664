/*
 * plan_gaps.c - which directive units a gap report shows uncovered or
 * partial, for `dirtrace plan --gaps REPORT.json` (the follow-up plan of a
 * gap review).
 *
 * A small JSON reader, not a pattern search: the report's units carry
 * "eid" and "status", but so do other objects inside them (a link names
 * the local unit as "eid" too), so only the keys of the objects directly
 * in the top-level "units" array count.  Everything else is skipped by
 * its syntax.  Nesting is bounded; malformed JSON is DT_EPARSE with the
 * line.  Given the directive, the report must be its own: the "id" of the
 * report's "directive" object is the directive's symbol (when both have
 * one and the id has no escapes to undo), and every gap it lists is a
 * unit of the directive; a report of another directive, or of an
 * earlier version of this one, would draft a plan for units that do not
 * exist or mean something else.
 */
#include <string.h>

#include "plan.h"

enum { MAX_DEPTH = 64 };

typedef struct {
	const char *s;
	size_t len, at;
	dt_error *err;
	char **eids;       /* the result, growing */
	size_t n;
	size_t id_from, id_to; /* the "id" of "directive", if any */
} reader;

static int fail(reader *r, const char *what)
{
	size_t line, col;

	dt__line_col(r->s, r->at < r->len ? r->at : r->len, &line, &col);
	return dt__fail(r->err, DT_EPARSE, line, col, "gap report: %s", what);
}

static void skip_space(reader *r)
{
	while (r->at < r->len && strchr(" \t\r\n", r->s[r->at]) != NULL &&
		r->s[r->at] != '\0') {
		r->at++;
	}
}

static int peek(reader *r)
{
	skip_space(r);
	return r->at < r->len ? (unsigned char)r->s[r->at] : -1;
}

/* A string at r->at: its raw bytes (escapes kept) in [*from, *to). */
static int string(reader *r, size_t *from, size_t *to)
{
	if (peek(r) != '"') {
		return fail(r, "a string was expected");
	}
	*from = ++r->at;
	while (r->at < r->len && r->s[r->at] != '"') {
		r->at += r->s[r->at] == '\\' ? 2 : 1;
	}
	if (r->at >= r->len) {
		return fail(r, "unterminated string");
	}
	*to = r->at++;
	return 0;
}

/* An object member's key and the ':' after it. */
static int key(reader *r, size_t *from, size_t *to)
{
	int rc = string(r, from, to);

	if (rc == 0 && peek(r) != ':') {
		rc = fail(r, "':' was expected");
	}
	if (rc == 0) {
		r->at++;
	}
	return rc;
}

static int value(reader *r, unsigned depth);

/* Skip the array or object at r->at (its values may nest). */
static int compound(reader *r, unsigned depth, int object)
{
	char close = object ? '}' : ']';
	size_t kf, kt;
	int rc;

	if (depth > MAX_DEPTH) {
		return fail(r, "nested too deep");
	}
	r->at++;
	if (peek(r) == close) {
		r->at++;
		return 0;
	}
	for (;;) {
		if (object) {
			rc = key(r, &kf, &kt);
			if (rc < 0) {
				return rc;
			}
		}
		rc = value(r, depth + 1);
		if (rc < 0) {
			return rc;
		}
		if (peek(r) == close) {
			r->at++;
			return 0;
		}
		if (peek(r) != ',') {
			return fail(r, object ? "',' or '}' was expected" :
				"',' or ']' was expected");
		}
		r->at++;
	}
}

static int value(reader *r, unsigned depth)
{
	int c = peek(r);
	size_t from, to;

	if (c == '{' || c == '[') {
		return compound(r, depth, c == '{');
	}
	if (c == '"') {
		return string(r, &from, &to);
	}
	if (c < 0) {
		return fail(r, "a value was expected");
	}
	from = r->at;
	while (r->at < r->len && strchr("-+.0123456789eEtruefalsn",
		r->s[r->at]) != NULL && r->s[r->at] != '\0') {
		r->at++;
	}
	return r->at > from ? 0 : fail(r, "a value was expected");
}

static int is(reader *r, size_t from, size_t to, const char *word)
{
	return to - from == strlen(word) &&
		memcmp(r->s + from, word, to - from) == 0;
}

/* Add the eId r->s[from, to) to the result. */
static int keep_eid(reader *r, size_t from, size_t to)
{
	char **grown = dt__reallocarray(r->eids, r->n + 1, sizeof(char *));

	if (grown == NULL) {
		return dt__fail(r->err, DT_ENOMEM, 0, 0, "out of memory");
	}
	r->eids = grown;
	r->eids[r->n] = dt__strndup(r->s + from, to - from);
	if (r->eids[r->n] == NULL) {
		return dt__fail(r->err, DT_ENOMEM, 0, 0, "out of memory");
	}
	r->n++;
	return 0;
}

/* After an object member: a ',' (taken) or the object's '}' (left). */
static int member_end(reader *r)
{
	if (peek(r) == ',') {
		r->at++;
		return 0;
	}
	return peek(r) == '}' ? 0 : fail(r, "',' or '}' was expected");
}

/* One object of "units": keep its eId when its status says a gap. */
static int unit(reader *r)
{
	size_t kf, kt, vf, vt, ef = 0, et = 0;
	int gap = 0, rc;

	if (peek(r) != '{') {
		return fail(r, "a unit object was expected");
	}
	r->at++;
	while (peek(r) != '}') {
		rc = key(r, &kf, &kt);
		if (rc < 0) {
			return rc;
		}
		if (peek(r) == '"' && (is(r, kf, kt, "eid") ||
			is(r, kf, kt, "status"))) {
			rc = string(r, &vf, &vt);
			if (rc == 0 && is(r, kf, kt, "eid")) {
				ef = vf;
				et = vt;
			} else if (rc == 0) {
				gap = is(r, vf, vt, "uncovered") ||
					is(r, vf, vt, "partial");
			}
		} else {
			rc = value(r, 2);
		}
		rc = rc == 0 ? member_end(r) : rc;
		if (rc < 0) {
			return rc;
		}
	}
	r->at++;
	return gap && et > ef ? keep_eid(r, ef, et) : 0;
}

/* The "directive" object: its "id" is kept, the rest skipped. */
static int directive_obj(reader *r)
{
	size_t kf, kt, vf, vt;
	int rc;

	r->at++;
	while (peek(r) != '}') {
		rc = key(r, &kf, &kt);
		if (rc == 0 && is(r, kf, kt, "id") && peek(r) == '"') {
			rc = string(r, &vf, &vt);
			r->id_from = vf;
			r->id_to = vt;
		} else if (rc == 0) {
			rc = value(r, 2);
		}
		rc = rc == 0 ? member_end(r) : rc;
		if (rc < 0) {
			return rc;
		}
	}
	r->at++;
	return 0;
}

/* The top-level object: "units" is read unit by unit, "directive" for
 * its id, the rest skipped. */
static int report(reader *r)
{
	size_t kf, kt;
	int rc, seen = 0;

	if (peek(r) != '{') {
		return fail(r, "not a gap report in JSON");
	}
	r->at++;
	while (peek(r) != '}') {
		rc = key(r, &kf, &kt);
		if (rc < 0) {
			return rc;
		}
		if (is(r, kf, kt, "units") && peek(r) == '[') {
			seen = 1;
			r->at++;
			while (rc == 0 && peek(r) != ']') {
				rc = unit(r);
				if (rc == 0 && peek(r) == ',') {
					r->at++;
				}
			}
			r->at++;
		} else if (is(r, kf, kt, "directive") && peek(r) == '{') {
			rc = directive_obj(r);
		} else {
			rc = value(r, 1);
		}
		if (rc < 0) {
			return rc;
		}
		if (peek(r) == ',') {
			r->at++;
		}
	}
	return seen ? 0 : dt__fail(r->err, DT_EPARSE, 0, 0,
		"no \"units\" array: not a gap report in JSON");
}

/* Is the report that of `dir`?  Its directive's id, then its gaps. */
static int same_directive(reader *r, const dt_doc *dir)
{
	const char *sym = dt_doc_meta(dir)->symbol;
	size_t n = r->id_to - r->id_from, i;

	if (n > 0 && sym[0] != '\0' &&
		memchr(r->s + r->id_from, '\\', n) == NULL &&
		(strlen(sym) != n || memcmp(sym, r->s + r->id_from, n) != 0)) {
		size_t line, col;

		dt__line_col(r->s, r->id_from, &line, &col);
		return dt__fail(r->err, DT_EPARSE, line, col, "gap report: a "
			"review of %.*s, not of %s", (int)n, r->s + r->id_from,
			sym);
	}
	for (i = 0; i < r->n; i++) {
		if (dt_doc_find(dir, r->eids[i]) == NULL) {
			return dt__fail(r->err, DT_EPARSE, 0, 0, "gap report: "
				"%s is no unit of %s (a review of another "
				"directive, or of an earlier version?)",
				r->eids[i], sym[0] ? sym : dt_doc_file(dir));
		}
	}
	return 0;
}

int dt_plan_gaps_read(char ***eids_out, size_t *count_out,
	const char *json, size_t len, const dt_doc *directive, dt_error *err)
{
	reader r;
	int rc;

	DT_ASSERT_ARG(eids_out != NULL && count_out != NULL &&
		(json != NULL || len == 0), err);
	*eids_out = NULL;
	*count_out = 0;
	memset(&r, 0, sizeof r);
	r.s = json != NULL ? json : "";
	r.len = len;
	r.err = err;
	rc = report(&r);
	if (rc == 0 && directive != NULL) {
		rc = same_directive(&r, directive);
	}
	if (rc < 0) {
		while (r.n > 0) {
			dt__free(r.eids[--r.n]);
		}
		dt__free(r.eids);
		return rc;
	}
	*eids_out = r.eids;
	*count_out = r.n;
	return 0;
}
