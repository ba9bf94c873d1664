/*
 * template.c - fill {{name}} placeholders of a Markdown template.
 *
 * Deliberately tiny: no conditionals, loops or escapes.  A placeholder is
 * "{{", a name of letters, digits and '_', and "}}"; spaces inside the
 * braces are allowed.  A lone "{" is text.  Unknown names are errors, so
 * a typo in a user template is caught instead of printed.
 */
#include <string.h>

#include "plan.h"

enum { MAX_NAME = 64 };

static const char *lookup(const dt__tpl_var *vars, size_t nvars,
	const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < nvars; i++) {
		if (strlen(vars[i].name) == len &&
			memcmp(vars[i].name, name, len) == 0) {
			return vars[i].value != NULL ? vars[i].value : "";
		}
	}
	return NULL;
}

static int is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || c == '_';
}

/* Parse the placeholder starting at tpl[i] ("{{"); on success store the
 * name span and return the index after "}}", else return 0. */
static size_t placeholder(const char *tpl, size_t len, size_t i,
	size_t *name_at, size_t *name_len)
{
	size_t j = i + 2;

	while (j < len && tpl[j] == ' ') {
		j++;
	}
	*name_at = j;
	while (j < len && is_name_char(tpl[j])) {
		j++;
	}
	*name_len = j - *name_at;
	while (j < len && tpl[j] == ' ') {
		j++;
	}
	if (*name_len == 0 || j + 1 >= len || tpl[j] != '}' ||
		tpl[j + 1] != '}') {
		return 0;
	}
	return j + 2;
}

int dt__template_fill(dt_buf *out, const char *tpl, size_t len,
	const dt__tpl_var *vars, size_t nvars, const char *source,
	dt_error *err)
{
	size_t i = 0, line = 1, start = 0;
	int rc;

	while (i < len) {
		size_t name_at, name_len, next;
		const char *value;

		if (tpl[i] == '\n') {
			line++;
		}
		if (tpl[i] != '{' || i + 1 >= len || tpl[i + 1] != '{') {
			i++;
			continue;
		}
		next = placeholder(tpl, len, i, &name_at, &name_len);
		if (next == 0) {
			rc = dt__fail(err, DT_EPARSE, line, 0,
				"unterminated or empty placeholder '{{'");
			goto fail;
		}
		value = lookup(vars, nvars, tpl + name_at, name_len);
		if (value == NULL) {
			rc = dt__fail(err, DT_EPARSE, line, 0,
				"unknown placeholder {{%.*s}}",
				(int)(name_len < MAX_NAME ? name_len : MAX_NAME),
				tpl + name_at);
			goto fail;
		}
		rc = dt__buf_append(out, tpl + start, i - start);
		if (rc == 0) {
			rc = dt__buf_append(out, value, strlen(value));
		}
		if (rc < 0) {
			return dt__fail(err, rc, 0, 0, "%s", dt_strerror(rc));
		}
		i = start = next;
	}
	rc = dt__buf_append(out, tpl + start, len - start);
	if (rc < 0) {
		return dt__fail(err, rc, 0, 0, "%s", dt_strerror(rc));
	}
	return 0;
fail:
	dt__error_source(err, source);
	return rc;
}
