/*
 * meta_text.c - small helpers the parts of metadata extraction share:
 * trimming and the capitals test on header and end-matter lines, the
 * numbered-unit test, flat copies of mentions, and writing dt_meta
 * fields (the symbol with its parts, ISO dates).
 */
#include <string.h>

#include "meta_internal.h"

/* ## Text */

int dt__meta_caps(const char *s, size_t a, size_t z)
{
	size_t ov[2], pos = a;
	int rc = dt__meta_run(RE_LETTER, s, z, a, ov, 1);

	if (rc <= 0) {
		return rc;
	}
	rc = dt__meta_at(RE_UPPER, s, z, ov[0], NULL);
	while (rc > 0) {
		size_t ts, te;
		int token = 0;

		rc = dt__meta_run(RE_LOWER, s, z, pos, ov, 1);
		if (rc <= 0) {
			return rc < 0 ? rc : 1;
		}
		for (ts = ov[0]; ts > a && !dt__meta_is_blank(s[ts - 1]);
			ts--) {
		}
		for (te = ov[0]; te < z && !dt__meta_is_blank(s[te]); te++) {
		}
		for (; ts < te; ts++) {
			token |= s[ts] == '/' || (s[ts] >= '0' && s[ts] <= '9');
		}
		rc = token;
		pos = te;
	}
	return rc;
}

int dt__meta_numbered(const char *t, size_t len)
{
	return dt__meta_at(RE_NUMBERED, t, len, 0, NULL);
}

void dt__meta_buf_cut(dt_buf *b, size_t len)
{
	b->len = len;
	if (b->data != NULL) {
		b->data[len] = '\0';
	}
}

void dt__meta_copy_flat(char *out, size_t cap, const char *s, dt_span sp)
{
	size_t n = sp.end > sp.start ? sp.end - sp.start : 0, i;

	n = n < cap ? n : cap - 1;
	for (i = 0; i < n; i++) {
		out[i] = s[sp.start + i] == '\n' ? ' ' : s[sp.start + i];
	}
	out[n] = '\0';
}

/* ## Writing fields */

int dt__meta_set_field(const char **field, const char *s, size_t len)
{
	return dt__set_str((char **)field, s, len);
}

static void clear_field(const char **field)
{
	if (*field != dt__empty) {
		dt__free((char *)*field);
		*field = dt__empty;
	}
}

static int set_span(const char **field, const char *s, dt_span sp)
{
	if (sp.end <= sp.start) {
		clear_field(field);
		return 0;
	}
	return dt__meta_set_field(field, s + sp.start, sp.end - sp.start);
}

int dt__meta_set_symbol(dt_meta *m, const char *s, const dt_symbol *sym)
{
	int rc = set_span(&m->symbol, s, sym->all);

	if (rc == 0) {
		rc = set_span(&m->number, s, sym->number);
	}
	if (rc == 0) {
		rc = set_span(&m->type_code, s, sym->type);
	}
	if (rc == 0) {
		rc = set_span(&m->issuer_code, s, sym->issuer);
	}
	if (rc == 0) {
		rc = set_span(&m->year, s, sym->year);
	}
	return rc;
}

int dt__meta_set_date(const char **field, const dt_date *d)
{
	char iso[DT_DATE_ISO_SIZE];

	dt__date_iso(iso, d);
	return dt__meta_set_field(field, iso, strlen(iso));
}
