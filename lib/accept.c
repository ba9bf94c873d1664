/*
 * accept.c - accepted gaps: a reviewer's sidecar file marking directive
 * units that deliberately have no local implementation, with a reason.
 * Lines: `eId<TAB>not-applicable|alternative|planned<TAB>reason`; '#'
 * starts a comment, blank lines are skipped.  Accepted units are shown as
 * accepted, not as gaps, and counted separately.
 */
#include <string.h>

#include "review_internal.h"

static dt_accept accept_kind(const char *s, size_t n)
{
	static const struct {
		const char *name;
		dt_accept kind;
	} kinds[] = {
		{ "not-applicable", DT_ACCEPT_NOT_APPLICABLE },
		{ "alternative", DT_ACCEPT_ALTERNATIVE },
		{ "planned", DT_ACCEPT_PLANNED },
	};
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (strlen(kinds[i].name) == n &&
			memcmp(kinds[i].name, s, n) == 0) {
			return kinds[i].kind;
		}
	}
	return DT_ACCEPT_NONE;
}

/* One line "eid<TAB>kind<TAB>reason" (without its LF); line_of[unit]
 * is the line that accepted the unit, 0 when none has: a unit named on
 * two lines is an error (a file that says both "planned" and
 * "not-applicable" of one unit says neither). */
static int accept_line(dt_review *r, char *line, size_t lineno,
	size_t *line_of, dt_error *err)
{
	char *tab1 = strchr(line, '\t'), *tab2;
	const dt_unit *u;
	const char *reason;
	dt_accept kind;
	size_t i;

	if (tab1 == NULL || (tab2 = strchr(tab1 + 1, '\t')) == NULL) {
		return dt__fail(err, DT_EPARSE, lineno, 0, "expected eId, "
			"status and reason separated by tabs");
	}
	*tab1 = '\0';
	kind = accept_kind(tab1 + 1, (size_t)(tab2 - tab1 - 1));
	if (kind == DT_ACCEPT_NONE) {
		return dt__fail(err, DT_EPARSE, lineno, 0, "status must be "
			"not-applicable, alternative or planned");
	}
	u = dt_doc_find(r->dir, line);
	if (u == NULL) {
		return dt__fail(err, DT_EPARSE, lineno, 0, "%s is not a unit "
			"of the directive", line);
	}
	i = dt__review_index(r, u);
	if (line_of[i] != 0) {
		return dt__fail(err, DT_EPARSE, lineno, 0, "%s is accepted "
			"already, on line %zu", line, line_of[i]);
	}
	/* The reason is copied before the unit changes: out of memory must
	 * leave the unit as it was (reason "" unless accepted, never NULL)
	 * and say so in `err`, as every failure does. */
	reason = dt__review_str(r, tab2 + 1);
	if (reason == NULL) {
		return dt__fail(err, DT_ENOMEM, lineno, 0, "out of memory");
	}
	line_of[i] = lineno;
	r->units[i].accepted = kind;
	r->units[i].accept_reason = reason;
	return 0;
}

int dt_review_accept(dt_review *r, const char *tsv, size_t len,
	const char *file, dt_error *err)
{
	dt_text *text = NULL;
	const char *s, *end;
	size_t lineno = 0, *line_of;
	int rc;

	DT_ASSERT_ARG(r != NULL && (tsv != NULL || len == 0), err);
	line_of = dt__calloc(dt_doc_unit_count(r->dir) + 1, sizeof(*line_of));
	if (line_of == NULL) {
		dt__error_source(err, file);
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	rc = dt_text_decode(&text, tsv, len, NULL, err);
	s = rc == 0 ? dt_text_data(text) : NULL;
	end = s ? s + dt_text_len(text) : NULL;
	while (rc == 0 && s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		char *line = dt__strndup(s, n);

		lineno++;
		if (line == NULL) {
			rc = dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
			break;
		}
		line[strcspn(line, "#")] = '\0';
		if (line[strspn(line, " \t")] != '\0') {
			rc = accept_line(r, line, lineno, line_of, err);
		}
		dt__free(line);
		s += n + 1;
	}
	dt_text_free(text);
	dt__free(line_of);
	if (rc < 0) {
		dt__error_source(err, file);
	}
	return rc;
}
