/*
 * report_text.c - a review for people: compiler-style finding lines and a
 * per-chapter summary table (text, optionally coloured), or a Markdown
 * review document a reviewer can read and send on.
 */
#include <stdio.h>
#include <string.h>

#include "decimal.h"
#include "report_text.h"
#include "review_internal.h"

typedef struct {
	size_t units, obligations, covered, implicit, partial, uncovered;
	size_t accepted;
} tally;

#define ANSI_RED "\033[31m"
#define ANSI_YELLOW "\033[33m"
#define ANSI_BOLD "\033[1m"
#define ANSI_OFF "\033[0m"

/* The top-level group of unit i: its ancestor directly under the root
 * when that is a part, chapter or section; else SIZE_MAX (no chapter). */
static size_t group_of(const dt_review *r, size_t i)
{
	const dt_unit *u = dt_review_unit_at(r, i)->unit, *p = u;

	while (dt_unit_parent(p) != NULL &&
		dt_unit_kind(dt_unit_parent(p)) != DT_KIND_ROOT) {
		p = dt_unit_parent(p);
	}
	if (dt_unit_kind(p) > DT_KIND_SUBSECTION) {
		return SIZE_MAX;
	}
	return dt__review_index(r, p);
}

static void tally_add(tally *t, const dt_unit_review *u)
{
	t->units++;
	if (!u->obligation) {
		return;
	}
	t->obligations++;
	switch (u->status) {
	case DT_COV_COVERED: t->covered++; break;
	case DT_COV_IMPLICIT: t->implicit++; break;
	default:
		if (u->accepted != DT_ACCEPT_NONE) {
			t->accepted++;
		} else if (u->status == DT_COV_PARTIAL) {
			t->partial++;
		} else {
			t->uncovered++;
		}
	}
}

/* The coverage cell: a percentage of the obligations, "n/a" without
 * any.  Not 100%: the summary's coverage, and so --fail-under, counts a
 * directive with no obligation (an empty file, a wrong one) as 0, and
 * the table must not say otherwise. */
static void tally_cov(char *out, size_t cap, const tally *t)
{
	if (t->obligations == 0) {
		snprintf(out, cap, "n/a");
		return;
	}
	snprintf(out, cap, "%.1f%%", 100.0 * (double)(t->covered +
		t->implicit + t->accepted) / (double)t->obligations);
}

enum { LABEL_COLS = 40 };

/* Characters (code points; text is NFC) in s[0..n). */
static size_t columns(const char *s, size_t n)
{
	size_t c = 0, i;

	for (i = 0; i < n; i++) {
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	}
	return c;
}

/* Append `s` cut to `cols` characters (with "…"), padded when `pad`. */
static int fit(dt_buf *b, const char *s, size_t cols, int pad)
{
	size_t n = strlen(s), c = columns(s, n), i = 0, k = 0;
	int rc = 0;

	if (c > cols) {
		while (k < cols - 1) {
			i++;
			k += ((unsigned char)s[i] & 0xC0) != 0x80;
		}
		rc = dt__buf_append(b, s, i);
		rc = rc == 0 ? dt__buf_append(b, "…", strlen("…")) : rc;
		c = cols;
	} else {
		rc = dt__buf_append(b, s, n);
	}
	for (; rc == 0 && pad && c < cols; c++) {
		rc = dt__buf_putc(b, ' ');
	}
	return rc;
}

/* The group label: "Chương I — QUY ĐỊNH CHUNG" or "(no chapter)"; in
 * text, cut and padded to the label column. */
static int group_label(dt_buf *b, const dt_review *r, size_t g, int md)
{
	char label[512];
	const dt_unit *u;

	if (g == SIZE_MAX) {
		snprintf(label, sizeof(label), "(no chapter)");
	} else {
		u = dt_review_unit_at(r, g)->unit;
		snprintf(label, sizeof(label), dt_unit_heading(u)[0] ?
			"%s — %s" : "%s%s", dt_unit_label(u),
			dt_unit_heading(u));
	}
	return md ? dt__buf_append(b, label, strlen(label)) :
		fit(b, label, LABEL_COLS, 1);
}

static int tally_row(dt_buf *b, const tally *t, int md)
{
	char cov[32];

	tally_cov(cov, sizeof(cov), t);
	return dt__buf_printf(b, md ? " | %zu | %zu | %zu | %zu | %zu | %zu "
		"| %zu | %s |\n" : "  %5zu %6zu %7zu %8zu %7zu %9zu %8zu "
		"%9s\n", t->units, t->obligations, t->covered, t->implicit,
		t->partial, t->uncovered, t->accepted, cov);
}

/* One summary line per chapter (in document order), then the total. */
static int summary_table(dt_buf *b, const dt_review *r, int md)
{
	tally total;
	size_t i, g;
	int rc = dt__buf_printf(b, md ? "| group | units | obligations | "
		"covered | implicit | partial | uncovered | accepted | "
		"coverage |\n|---|---|---|---|---|---|---|---|---|\n" :
		"%-40s %5s %6s %7s %8s %7s %9s %8s %9s\n", "group", "units",
		"oblig", "covered", "implicit", "partial", "uncovered",
		"accepted", "coverage");

	memset(&total, 0, sizeof(total));
	for (g = 0; rc == 0 && g <= dt_review_unit_count(r); g++) {
		size_t key = g == dt_review_unit_count(r) ? SIZE_MAX : g;
		tally t;

		if (key != SIZE_MAX && group_of(r, key) != key) {
			continue;
		}
		memset(&t, 0, sizeof(t));
		for (i = 0; i < dt_review_unit_count(r); i++) {
			if (group_of(r, i) == key) {
				tally_add(&t, dt_review_unit_at(r, i));
			}
		}
		if (t.units == 0) {
			continue;
		}
		rc = md ? dt__buf_append(b, "| ", 2) : 0;
		rc = rc == 0 ? group_label(b, r, key, md) : rc;
		rc = rc == 0 ? tally_row(b, &t, md) : rc;
	}
	for (i = 0; rc == 0 && i < dt_review_unit_count(r); i++) {
		tally_add(&total, dt_review_unit_at(r, i));
	}
	if (rc == 0) {
		rc = dt__buf_printf(b, md ? "| **total**" : "%-40s", "total");
	}
	return rc == 0 ? tally_row(b, &total, md) : rc;
}

static int finding_line(dt_buf *b, const dt_finding *f, unsigned flags)
{
	int color = (flags & DT_WRITE_COLOR) != 0;
	const char *kc = f->kind == DT_FIND_UNCOVERED ||
		f->kind == DT_FIND_BROKEN_REF ? ANSI_RED : ANSI_YELLOW;
	int rc = dt__buf_printf(b, "%s%s:%zu:%s %swarning:%s %s: %s",
		color ? ANSI_BOLD : "", f->file ? f->file : "", f->line,
		color ? ANSI_OFF : "", color ? kc : "", color ? ANSI_OFF : "",
		dt_finding_kind_name(f->kind), f->message);

	if (rc == 0 && f->text[0] != '\0' && strstr(f->message, f->text) ==
		NULL) {
		rc = dt__buf_printf(b, " ('%s')", f->text);
	}
	return rc == 0 ? dt__buf_putc(b, '\n') : rc;
}

static int write_text(dt_buf *b, const dt_review *r, unsigned flags)
{
	const dt_doc *d = dt_review_directive(r);
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < dt_review_finding_count(r); i++) {
		rc = finding_line(b, dt_review_finding_at(r, i), flags);
	}
	if (rc == 0) {
		rc = dt__buf_printf(b, "%sCoverage of %s (%s) by %zu local "
			"document%s:\n", i ? "\n" : "",
			dt_doc_meta(d)->symbol[0] ? dt_doc_meta(d)->symbol :
			dt_doc_file(d), dt_doc_file(d), dt_review_doc_count(r),
			dt_review_doc_count(r) == 1 ? "" : "s");
	}
	return rc == 0 ? summary_table(b, r, 0) : rc;
}

/* ## Markdown */

/* The runs between the bytes to change are copied whole (a byte at a
 * time was ~4% of a ru-100 Markdown run). */
int dt__md_cell(dt_buf *b, const char *s)
{
	int rc = 0;

	while (rc == 0 && *s != '\0') {
		size_t n = strcspn(s, "|\n");

		rc = dt__buf_append(b, s, n);
		s += n;
		if (rc == 0 && *s != '\0') {
			rc = *s == '|' ? dt__buf_append(b, "\\|", 2) :
				dt__buf_putc(b, ' ');
			s++;
		}
	}
	return rc;
}

/* One link of a unit's cell: `file:line (kind[ score]: evidence)`, as
 * "%s:%zu (%s %.2f" printed it, without printf (a link each). */
static int md_link(dt_buf *b, const dt_link *l, int first)
{
	char num[DT_FIXED3_MAX];
	int implicit = l->kind == DT_LINK_IMPLICIT;
	int rc = dt__buf_puts(b, first ? "" : "; ");

	rc = rc == 0 ? dt__buf_puts(b, l->file) : rc;
	rc = rc == 0 ? dt__buf_putc(b, ':') : rc;
	rc = rc == 0 ? dt__buf_putl(b, (long)l->line) : rc;
	rc = rc == 0 ? dt__buf_puts(b, implicit ? " (implicit " :
		" (explicit") : rc;
	if (rc == 0 && implicit) {
		rc = dt__buf_append(b, num, dt__fixed(num, l->score, 2));
	}
	rc = rc == 0 ? dt__buf_append(b, ": ", 2) : rc;
	rc = rc == 0 ? dt__md_cell(b, l->evidence) : rc;
	return rc == 0 ? dt__buf_putc(b, ')') : rc;
}

static int md_unit(dt_buf *b, const dt_unit_review *u)
{
	size_t k;
	int rc = dt__buf_printf(b, "| `%s` | ", dt_unit_eid(u->unit));

	rc = rc == 0 ? dt__md_cell(b, dt_unit_label(u->unit)) : rc;
	if (rc == 0 && dt_unit_heading(u->unit)[0]) {
		rc = dt__buf_append(b, " — ", strlen(" — "));
		rc = rc == 0 ? dt__md_cell(b, dt_unit_heading(u->unit)) : rc;
	}
	rc = rc == 0 ? dt__buf_printf(b, " | %s%s | ",
		dt_coverage_name(u->status), u->accepted ? " (accepted)" :
		"") : rc;
	for (k = 0; rc == 0 && k < u->nlinks; k++) {
		rc = md_link(b, &u->links[k], k == 0);
	}
	return rc == 0 ? dt__buf_append(b, " |\n", 3) : rc;
}

static int write_md(dt_buf *b, const dt_review *r)
{
	const dt_doc *d = dt_review_directive(r);
	const dt_meta *m = dt_doc_meta(d);
	size_t i;
	int rc = dt__buf_printf(b, "# Gap review: %s %s\n\n**Directive:** "
		"`%s` — %s (%s)\n\n**Local documents (%zu):**\n\n",
		m->type, m->symbol, dt_doc_file(d), m->title, m->date,
		dt_review_doc_count(r));

	for (i = 0; rc == 0 && i < dt_review_doc_count(r); i++) {
		const dt_review_doc *x = dt_review_doc_at(r, i);

		rc = dt__buf_printf(b, "- `%s` %s %s\n", x->file, x->id,
			x->title);
	}
	rc = rc == 0 ? dt__buf_append(b, "\n## Summary\n\n", 13) : rc;
	rc = rc == 0 ? summary_table(b, r, 1) : rc;
	rc = rc == 0 ? dt__buf_append(b, "\n## Findings\n\n", 14) : rc;
	for (i = 0; rc == 0 && i < dt_review_finding_count(r); i++) {
		const dt_finding *f = dt_review_finding_at(r, i);

		rc = dt__buf_printf(b, "- **%s** `%s:%zu` %s\n",
			dt_finding_kind_name(f->kind), f->file, f->line,
			f->message);
	}
	rc = rc == 0 ? dt__buf_printf(b, "%s\n## Units\n\n| eId | unit | "
		"status | links |\n|---|---|---|---|\n",
		dt_review_finding_count(r) ? "" : "No findings.\n") : rc;
	for (i = 0; rc == 0 && i < dt_review_unit_count(r); i++) {
		rc = md_unit(b, dt_review_unit_at(r, i));
	}
	return rc;
}

int dt__review_write_text(dt_buf *b, const dt_review *r, int md,
	unsigned flags)
{
	return md ? write_md(b, r) : write_text(b, r, flags);
}
