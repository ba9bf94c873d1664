/*
 * report_html.c - a gap review as one self-contained HTML page: a header
 * with the summary, a coverage bar per chapter (inline SVG), the coverage
 * map (one row per article, one cell per clause and point), the units
 * with their links and evidence in <details>, and the findings.  Which
 * units are rows, cells and chapters is the page model
 * (report_html_map.c); the style sheet and the script are static text
 * (report_html_assets.c).
 *
 * Safety: every string from a document or the command line goes through
 * esc(): & < > " ' become entities, C0 controls other than TAB/LF/CR (and
 * DEL and C1) are dropped, bad UTF-8 becomes U+FFFD.  The page loads
 * nothing (a CSP forbids it); the only script is the static filter at the
 * end, and the page reads the same with scripts off (<details>, anchors).
 * The output is deterministic: document order, no timestamps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "report_html.h"
#include "report_html_internal.h"

/* Per class: CSS name, text, symbol (not colour alone), colours, help. */
static const struct {
	const char *name, *text, *sym, *bg, *fg, *help;
} cls[CLS_COUNT] = {
	{ "covered", "covered", "\u2713", "#1b7837", "#fff",
		"an explicit citation, or all obligation parts covered" },
	{ "implicit", "implicit", "\u2248", "#a6dba0", "#000",
		"covered, but only by text similarity" },
	{ "partial", "partial", "\u25D0", "#fdb863", "#000",
		"some obligation parts covered, some not" },
	{ "uncovered", "uncovered", "\u2717", "#b2182b", "#fff",
		"no local document implements it" },
	{ "accepted", "accepted", "A", "#5e3c99", "#fff",
		"a reviewer accepted the gap" },
	{ "na", "n/a", "\u2013", "#e0e0e0", "#333",
		"not an obligation (scope, definitions, ...)" },
};
/* The order of segments in a coverage bar (n/a is never counted). */
static const int bar_order[] = { CLS_COVERED, CLS_IMPLICIT, CLS_ACCEPTED,
	CLS_PARTIAL, CLS_UNCOVERED };

/* ## Writing with a sticky error */

typedef struct {
	dt_buf *b;
	int rc; /* the first failure; later writes do nothing */
} html;

static void put(html *h, const char *s)
{
	if (h->rc == 0) {
		h->rc = dt__buf_append(h->b, s, strlen(s));
	}
}

/* Formatted output; only numbers and ASCII, never document text. */
static void putf(html *h, const char *fmt, ...) DT_PRINTF(2, 3);
static void putf(html *h, const char *fmt, ...)
{
	va_list ap, ap2;
	int n;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	if (h->rc == 0) {
		h->rc = n < 0 ? DT_ERROR : dt__buf_reserve(h->b, (size_t)n);
	}
	if (h->rc == 0) {
		vsnprintf(h->b->data + h->b->len, (size_t)n + 1, fmt, ap2);
		h->b->len += (size_t)n;
	}
	va_end(ap2);
	va_end(ap);
}

/* What an ASCII byte becomes: NULL = itself, "" = dropped, else an
 * entity. */
static const char *ascii_entity(unsigned char c)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\'': return "&#39;";
	case '\t': case '\n': case '\r': return NULL;
	default: return c < 0x20 || c == 0x7F ? "" : NULL;
	}
}

/* Append `s` (NULL = "") escaped for text and attribute values alike. */
static void esc(html *h, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t len = strlen((const char *)p), i = 0, start = 0;

	while (h->rc == 0 && i < len) {
		const char *rep;
		uint32_t cp = p[i];
		size_t n = 1;

		if (p[i] < 0x80) {
			rep = ascii_entity(p[i]);
		} else {
			n = dt__utf8_decode(p + i, len - i, &cp);
			rep = n == 0 ? "\xEF\xBF\xBD" : cp < 0xA0 ? "" : NULL;
			n = n ? n : 1;
		}
		if (rep != NULL) {
			h->rc = dt__buf_append(h->b, (const char *)p + start,
				i - start);
			put(h, rep);
			start = i + n;
		}
		i += n;
	}
	if (h->rc == 0) {
		h->rc = dt__buf_append(h->b, (const char *)p + start,
			len - start);
	}
}

/* before, `s` escaped, after. */
static void wrap(html *h, const char *before, const char *s,
	const char *after)
{
	put(h, before);
	esc(h, s);
	put(h, after);
}

/* ## Pieces */

static void badge(html *h, int c)
{
	putf(h, "<span class=\"badge status-%s\"><span class=\"sym\" "
		"aria-hidden=\"true\">%s</span> %s</span>", cls[c].name,
		cls[c].sym, cls[c].text);
}

/* "Điều 5 — Heading" (the heading only when there is one). */
static void label_heading(html *h, const dt_unit *u)
{
	esc(h, dt_unit_label(u));
	if (*dt_unit_heading(u) != '\0') {
		put(h, " \u2014 ");
		esc(h, dt_unit_heading(u));
	}
}

/* A stacked bar of `count` (obligation units by class) with tooltips. */
static void svg_bar(html *h, const size_t *count, const char *what)
{
	size_t total = 0, cum = 0, k, x = 0;

	for (k = 0; k < sizeof(bar_order) / sizeof(bar_order[0]); k++) {
		total += count[bar_order[k]];
	}
	put(h, "<svg class=\"bar\" viewBox=\"0 0 1000 20\" "
		"preserveAspectRatio=\"none\" role=\"img\" aria-label=\"");
	esc(h, what);
	putf(h, ": %zu obligations\"><title>", total);
	esc(h, what);
	putf(h, ": %zu obligations</title>", total);
	if (total == 0) {
		put(h, "<rect class=\"seg status-na\" x=\"0\" y=\"0\" "
			"width=\"1000\" height=\"20\"><title>no obligations"
			"</title></rect>");
	}
	for (k = 0; total > 0 && k < sizeof(bar_order) / sizeof(bar_order[0]);
		k++) {
		int c = bar_order[k];
		size_t end;

		if (count[c] == 0) {
			continue;
		}
		cum += count[c];
		end = cum * 1000 / total;
		putf(h, "<rect class=\"seg status-%s\" x=\"%zu\" y=\"0\" "
			"width=\"%zu\" height=\"20\"><title>%s: %zu of %zu"
			"</title></rect>", cls[c].name, x, end - x,
			cls[c].text, count[c], total);
		x = end;
	}
	put(h, "</svg>");
}

/* "12 of 15 obligations covered or accepted (80.0%)". */
static void bar_caption(html *h, const size_t *count)
{
	size_t done = count[CLS_COVERED] + count[CLS_IMPLICIT] +
		count[CLS_ACCEPTED];
	size_t total = done + count[CLS_PARTIAL] + count[CLS_UNCOVERED];

	putf(h, "<p class=\"caption\">%zu of %zu obligations covered or "
		"accepted", done, total);
	if (total > 0) {
		putf(h, " (%.1f%%)", 100.0 * (double)done / (double)total);
	}
	put(h, "</p>\n");
}

/* ## Header, summary, chapters */

static void write_head(html *h, const dt_meta *m, const dt_doc *dir)
{
	int c;

	put(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		"<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
		"content=\"width=device-width, initial-scale=1\">\n"
		"<meta http-equiv=\"Content-Security-Policy\" content=\""
		"default-src 'none'; style-src 'unsafe-inline'; "
		"script-src 'unsafe-inline'\">\n"
		"<meta name=\"generator\" content=\"dirtrace "
		DT_VERSION_STRING "\">\n<title>Gap review: ");
	esc(h, *m->symbol ? m->symbol : dt_doc_file(dir));
	put(h, "</title>\n<style>\n");
	for (c = 0; c < CLS_COUNT; c++) {
		putf(h, ".status-%s{--c:%s;--t:%s}", cls[c].name, cls[c].bg,
			cls[c].fg);
	}
	put(h, "\n");
	put(h, dt__html_css);
	put(h, "</style>\n</head>\n<body>\n");
}

static void write_header(html *h, const dt_html_page *p)
{
	const dt_doc *dir = dt_review_directive(p->r);
	const dt_meta *m = dt_doc_meta(dir);

	put(h, "<header>\n<p class=\"kicker\">dirtrace gap review</p>\n"
		"<h1>");
	if (*m->type) {
		wrap(h, "<span class=\"doctype\">", m->type, "</span> ");
	}
	put(h, "<span class=\"symbol\">");
	esc(h, *m->symbol ? m->symbol : dt_doc_file(dir));
	putf(h, "</span></h1>\n<p class=\"title\" lang=\"%s\">", p->lang);
	esc(h, m->title);
	put(h, "</p>\n<p class=\"meta\">");
	if (*m->date) {
		wrap(h, "issued <time datetime=\"", m->date, "\">");
		esc(h, m->date);
		put(h, "</time> \u00b7 ");
	}
	if (*m->issuer) {
		esc(h, m->issuer);
		put(h, " \u00b7 ");
	}
	wrap(h, "<code>", dt_doc_file(dir), "</code></p>\n</header>\n");
}

static void write_summary(html *h, const dt_html_page *p)
{
	const dt_summary *s = dt_review_summary(p->r);
	static const char *const what[] = { "units", "obligations",
		"covered", "implicit", "partial", "uncovered", "accepted" };
	const size_t n[] = { s->units, s->obligations, s->covered,
		s->implicit, s->partial, s->uncovered, s->accepted };
	size_t count[CLS_COUNT] = { s->covered, s->implicit, s->partial,
		s->uncovered, s->accepted, 0 };
	size_t i;

	put(h, "<section class=\"summary\" aria-label=\"summary\">\n"
		"<dl class=\"numbers\">");
	for (i = 0; i < sizeof(n) / sizeof(n[0]); i++) {
		putf(h, "<div><dt>%s</dt><dd>%zu</dd></div>", what[i], n[i]);
	}
	if (s->obligations > 0) {
		putf(h, "<div><dt>coverage</dt><dd>%.1f%%</dd></div>"
			"<div><dt>explicit</dt><dd>%.1f%%</dd></div>",
			100.0 * s->coverage, 100.0 * s->explicit_coverage);
	}
	put(h, "</dl>\n");
	svg_bar(h, count, "whole directive");
	put(h, "\n</section>\n");
}

/* The name of group `g`: the chapter's label and heading. */
static void group_name(html *h, const dt_html_page *p, const dt_html_group *g)
{
	if (g->top == SIZE_MAX) {
		put(h, p->ng == 1 ? "All units" : "Outside chapters");
	} else {
		label_heading(h, dt__html_unit_at(p, g->top));
	}
}

static void write_chapters(html *h, const dt_html_page *p)
{
	size_t i;

	put(h, "<section class=\"chapters\">\n<h2>Coverage by chapter</h2>\n");
	for (i = 0; i < p->ng; i++) {
		const dt_html_group *g = &p->g[i];

		if (g->rows == 0 && g->top == SIZE_MAX) {
			continue; /* a preamble only */
		}
		put(h, "<div class=\"chapter\"");
		if (g->top != SIZE_MAX) {
			wrap(h, " data-eid=\"",
				dt_unit_eid(dt__html_unit_at(p, g->top)), "\"");
		}
		putf(h, " lang=\"%s\"><h3>", p->lang);
		group_name(h, p, g);
		if (g->top != SIZE_MAX) {
			put(h, " ");
			badge(h, p->u[g->top].cls);
		}
		put(h, "</h3>\n");
		svg_bar(h, g->count, g->top == SIZE_MAX ? "outside chapters" :
			dt_unit_label(dt__html_unit_at(p, g->top)));
		bar_caption(h, g->count);
		put(h, "</div>\n");
	}
	put(h, "</section>\n");
}

static void write_filters(html *h)
{
	int c;

	put(h, "<nav class=\"filters\" id=\"filters\" hidden "
		"aria-label=\"filter by status\">Show: <button type=\"button\" "
		"data-status=\"all\" aria-pressed=\"true\">all</button>");
	for (c = 0; c < CLS_COUNT; c++) {
		putf(h, " <button type=\"button\" class=\"status-%s\" "
			"data-status=\"%s\" aria-pressed=\"false\">",
			cls[c].name, cls[c].name);
		put(h, cls[c].sym);
		putf(h, " %s</button>", cls[c].text);
	}
	put(h, "</nav>\n<p class=\"legend\">");
	for (c = 0; c < CLS_COUNT; c++) {
		badge(h, c);
		putf(h, " %s. ", cls[c].help);
	}
	put(h, "</p>\n");
}

/* ## The coverage map */

/* One part of a cell's number: the number as written, or the position of
 * an unnumbered unit ("-" items, paragraphs). */
static void num_part(html *h, const dt_unit *u)
{
	const unsigned char *s = (const unsigned char *)dt_unit_num(u);

	for (; *s != '\0'; s++) {
		if ((*s >= '0' && *s <= '9') || ((*s | 0x20) >= 'a' &&
			(*s | 0x20) <= 'z') || *s >= 0x80) {
			esc(h, dt_unit_num(u));
			return;
		}
	}
	putf(h, "%ld", dt_unit_value(u));
}

/* The number of cell `i` inside its row: "2", "2.a", "2.a.1"; a decimal
 * item ("1.2") and a row's own cell carry their own number only. */
static void cell_number(html *h, const dt_html_page *p, size_t i)
{
	size_t chain[8], n = 0, j;

	if (i == p->u[i].row ||
		dt_unit_kind(dt__html_unit_at(p, i)) == DT_KIND_LEVEL) {
		num_part(h, dt__html_unit_at(p, i));
		return;
	}
	for (j = i; j != p->u[i].row && n < 8; j = p->u[j].parent) {
		chain[n++] = j;
	}
	if (j != p->u[i].row) {
		put(h, "\u2026.");
	}
	while (n-- > 0) {
		num_part(h, dt__html_unit_at(p, chain[n]));
		put(h, n > 0 ? "." : "");
	}
}

static void write_cell(html *h, const dt_html_page *p, size_t i)
{
	const dt_unit_review *ur = dt_review_unit_at(p->r, i);
	int c = p->u[i].cls;

	putf(h, "<td class=\"cell status-%s\" title=\"", cls[c].name);
	esc(h, dt_unit_label(ur->unit));
	putf(h, ": %s", cls[c].text);
	if (ur->nlinks > 0) {
		putf(h, ", %zu link%s", ur->nlinks, ur->nlinks == 1 ? "" : "s");
	}
	wrap(h, "\"><a href=\"#u-", dt_unit_eid(ur->unit), "\">");
	putf(h, "<span class=\"sym\" aria-hidden=\"true\">%s</span> ",
		cls[c].sym);
	cell_number(h, p, i);
	put(h, "</a></td>");
}

static void write_row(html *h, const dt_html_page *p, size_t i)
{
	const dt_unit *u = dt__html_unit_at(p, i);
	size_t j;

	putf(h, "<tr class=\"article status-%s\" data-eid=\"",
		cls[p->u[i].cls].name);
	esc(h, dt_unit_eid(u));
	putf(h, "\" data-kind=\"%s\"><th scope=\"row\" title=\"",
		dt_kind_name(dt_unit_kind(u)));
	label_heading(h, u);
	put(h, "\">");
	badge(h, p->u[i].cls);
	wrap(h, " <a href=\"#d-", dt_unit_eid(u), "\">");
	esc(h, dt_unit_label(u));
	put(h, "</a>");
	if (*dt_unit_heading(u) != '\0') {
		wrap(h, " <span class=\"heading\">", dt_unit_heading(u),
			"</span>");
	}
	put(h, "</th>");
	if (p->u[i].ncells == 0) {
		write_cell(h, p, i);
	}
	for (j = i + 1; j < p->n && p->u[j].row == i; j++) {
		if (p->u[j].cell) {
			write_cell(h, p, j);
		}
	}
	put(h, "</tr>\n");
}

static void write_map(html *h, const dt_html_page *p)
{
	size_t i, group = SIZE_MAX;
	size_t span = (p->maxcells > 0 ? p->maxcells : 1) + 1;

	put(h, "<section class=\"map\">\n<h2>Coverage map</h2>\n");
	write_filters(h);
	putf(h, "<div class=\"map-wrap\"><table class=\"coverage-map\" "
		"lang=\"%s\">\n<caption>one row per %s, one cell per clause, "
		"point or item</caption>\n", p->lang, p->mode == 2 ? "article" :
		p->mode == 1 ? "top decimal item" : "top unit");
	for (i = 0; i < p->n; i++) {
		if (p->u[i].row != i) {
			continue;
		}
		if (p->u[i].group != group) {
			put(h, group != SIZE_MAX ? "</tbody>\n" : "");
			group = p->u[i].group;
			putf(h, "<tbody class=\"group\"><tr class=\"group-"
				"head\"><th scope=\"rowgroup\" "
				"colspan=\"%zu\">", span);
			group_name(h, p, &p->g[group]);
			put(h, "</th></tr>\n");
		}
		write_row(h, p, i);
	}
	put(h, group != SIZE_MAX ? "</tbody>\n" : "");
	put(h, "</table></div>\n");
	put(h, p->nrows == 0 ? "<p>No units to map.</p>\n" : "");
	put(h, "</section>\n");
}

/* ## Units, links, findings, documents */

static const char *accept_name(dt_accept a)
{
	return a == DT_ACCEPT_NOT_APPLICABLE ? "not applicable" :
		a == DT_ACCEPT_ALTERNATIVE ? "alternative" :
		a == DT_ACCEPT_PLANNED ? "planned" : "none";
}

/* A link as an item; its numbers without putf, which formats twice
 * (the line and the score of every link were ~2% of a ru-100 HTML run). */
static void write_link(html *h, const dt_link *l)
{
	const char *kind = l->kind == DT_LINK_EXPLICIT ? "explicit" :
		"implicit";
	char num[DT_FIXED3_MAX];

	put(h, "<li class=\"link ");
	put(h, kind);
	put(h, "\"><code>");
	esc(h, l->file);
	put(h, ":");
	if (h->rc == 0) {
		h->rc = dt__buf_putl(h->b, (long)l->line);
	}
	put(h, "</code> <code>");
	esc(h, l->local_eid);
	put(h, "</code> ");
	put(h, kind);
	put(h, ", score ");
	if (h->rc == 0) {
		h->rc = dt__buf_append(h->b, num, dt__fixed(num, l->score, 2));
	}
	put(h, ": <q>");
	esc(h, l->evidence);
	put(h, "</q></li>\n");
}

/* Unit `i` as a list item, indented by its depth below unit `base`
 * (SIZE_MAX: below the top). */
static void write_unit(html *h, const dt_html_page *p, size_t i, size_t base)
{
	const dt_unit_review *ur = dt_review_unit_at(p->r, i);
	size_t depth = 0, j;

	for (j = i; j != base && p->u[j].parent != SIZE_MAX;
		j = p->u[j].parent) {
		depth++;
	}
	putf(h, "<li class=\"unit status-%s d%zu\" id=\"u-",
		cls[p->u[i].cls].name, depth < 4 ? depth : 4);
	esc(h, dt_unit_eid(ur->unit));
	put(h, "\"><div class=\"uhead\">");
	badge(h, p->u[i].cls);
	put(h, " <b>");
	label_heading(h, ur->unit);
	wrap(h, "</b> <code>", dt_unit_eid(ur->unit), "</code>");
	put(h, ur->obligation ? " <span class=\"ob\">obligation</span>" : "");
	putf(h, " <span class=\"line\">line %zu</span></div>\n",
		dt_unit_line(ur->unit));
	if (*dt_unit_text(ur->unit) != '\0') {
		wrap(h, "<p class=\"text\">", dt_unit_text(ur->unit), "</p>\n");
	}
	if (ur->accepted != DT_ACCEPT_NONE) {
		putf(h, "<p class=\"accept\">accepted (%s): ",
			accept_name(ur->accepted));
		esc(h, ur->accept_reason);
		put(h, "</p>\n");
	}
	put(h, ur->nlinks > 0 ? "<ul class=\"links\">\n" : "");
	for (j = 0; j < ur->nlinks; j++) {
		write_link(h, &ur->links[j]);
	}
	put(h, ur->nlinks > 0 ? "</ul>\n" : "");
	put(h, "</li>\n");
}

/* The <details> of map row `i`: the row's unit and everything in it. */
static void write_details(html *h, const dt_html_page *p, size_t i)
{
	const dt_unit *u = dt__html_unit_at(p, i);
	size_t j, nlinks = 0;

	for (j = i; j < p->n && p->u[j].row == i; j++) {
		nlinks += dt_review_unit_at(p->r, j)->nlinks;
	}
	putf(h, "<details class=\"article status-%s\" id=\"d-",
		cls[p->u[i].cls].name);
	esc(h, dt_unit_eid(u));
	wrap(h, "\" data-eid=\"", dt_unit_eid(u), "\"><summary>");
	badge(h, p->u[i].cls);
	put(h, " ");
	label_heading(h, u);
	putf(h, " <span class=\"count\">(%zu link%s)</span></summary>\n"
		"<ul class=\"units\">\n", nlinks, nlinks == 1 ? "" : "s");
	for (j = i; j < p->n && p->u[j].row == i; j++) {
		write_unit(h, p, j, i);
	}
	put(h, "</ul>\n</details>\n");
}

static void write_units(html *h, const dt_html_page *p)
{
	size_t i, outside = 0;

	putf(h, "<section class=\"units\" lang=\"%s\">\n<h2>Units and "
		"links</h2>\n", p->lang);
	for (i = 0; i < p->n; i++) {
		if (p->u[i].row == i) {
			write_details(h, p, i);
		}
		outside += p->u[i].row == SIZE_MAX;
	}
	if (outside > 0) {
		putf(h, "<details class=\"outside\"><summary>Units outside the "
			"map (%zu)</summary>\n<ul class=\"units\">\n", outside);
		for (i = 0; i < p->n; i++) {
			if (p->u[i].row == SIZE_MAX) {
				write_unit(h, p, i, SIZE_MAX);
			}
		}
		put(h, "</ul>\n</details>\n");
	}
	put(h, "</section>\n");
}

static void write_finding(html *h, const dt_finding *f)
{
	const char *kind = dt_finding_kind_name(f->kind);

	putf(h, "<tr class=\"finding kind-%s\"><td>%s</td><td><code>", kind,
		kind);
	esc(h, f->file);
	putf(h, ":%zu</code></td><td>", f->line);
	if (f->eid != NULL && *f->eid != '\0') {
		wrap(h, "<a href=\"#u-", f->eid, "\">");
		esc(h, f->eid);
		put(h, "</a>");
	}
	wrap(h, "</td><td>", f->message, "</td><td>");
	if (f->text != NULL && *f->text != '\0') {
		wrap(h, "<q>", f->text, "</q>");
	}
	put(h, "</td></tr>\n");
}

/* Findings grouped by kind, each group in document order. */
static void write_findings(html *h, const dt_html_page *p)
{
	size_t n = dt_review_finding_count(p->r), i;
	int k;

	putf(h, "<section class=\"findings\">\n<h2>Findings (%zu)</h2>\n", n);
	put(h, n == 0 ? "<p>No findings.</p>\n" : "");
	for (k = DT_FIND_UNCOVERED; k <= DT_FIND_AMBIGUOUS_REF; k++) {
		size_t c = 0;

		for (i = 0; i < n; i++) {
			c += (int)dt_review_finding_at(p->r, i)->kind == k;
		}
		if (c == 0) {
			continue;
		}
		putf(h, "<details class=\"findings-kind\" open><summary>%s "
			"(%zu)</summary>\n<table class=\"list\"><thead><tr>"
			"<th>kind</th><th>where</th><th>unit</th><th>message"
			"</th><th>cited text</th></tr></thead><tbody>\n",
			dt_finding_kind_name((dt_finding_kind)k), c);
		for (i = 0; i < n; i++) {
			const dt_finding *f = dt_review_finding_at(p->r, i);

			if ((int)f->kind == k) {
				write_finding(h, f);
			}
		}
		put(h, "</tbody></table>\n</details>\n");
	}
	put(h, "</section>\n");
}

/* The links that come from each local document, by its file name (a
 * file given twice counts every link of the name twice): one pass over
 * the links, a binary search among the sorted names each, not a pass
 * over every link per document. */
typedef struct {
	const char *file;
	size_t doc;
} doc_key;

static int doc_key_cmp(const void *a, const void *b)
{
	const doc_key *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	return c != 0 ? c : (x->doc > y->doc) - (x->doc < y->doc);
}

/* The first of keys[0..n) named `file`, or n. */
static size_t find_doc(const doc_key *keys, size_t n, const char *file)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(keys[mid].file, file) < 0) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return lo < n && strcmp(keys[lo].file, file) == 0 ? lo : n;
}

/* counts[i]: the links from document i; NULL when out of memory. */
static size_t *links_per_doc(const dt_html_page *p)
{
	size_t n = dt_review_doc_count(p->r), i, k, j;
	doc_key *keys = dt__reallocarray(NULL, n + 1, sizeof(*keys));
	size_t *run = dt__calloc(n + 1, sizeof(*run));
	size_t *counts = dt__calloc(n + 1, sizeof(*counts));

	if (keys == NULL || run == NULL || counts == NULL) {
		dt__free(keys);
		dt__free(run);
		dt__free(counts);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		keys[i].file = dt_review_doc_at(p->r, i)->file;
		keys[i].doc = i;
	}
	qsort(keys, n, sizeof(*keys), doc_key_cmp);
	for (i = 0; i < p->n; i++) {
		const dt_unit_review *ur = dt_review_unit_at(p->r, i);

		for (k = 0; k < ur->nlinks; k++) {
			run[find_doc(keys, n, ur->links[k].file)]++;
		}
	}
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && strcmp(keys[j].file, keys[i].file) == 0;
			j++) {
			counts[keys[j].doc] = run[i];
		}
	}
	dt__free(keys);
	dt__free(run);
	return counts;
}

static void write_docs(html *h, const dt_html_page *p)
{
	size_t n = dt_review_doc_count(p->r), i;
	size_t *counts = h->rc == 0 ? links_per_doc(p) : NULL;

	if (counts == NULL) {
		h->rc = h->rc != 0 ? h->rc : DT_ENOMEM;
		return;
	}
	putf(h, "<section class=\"documents\">\n<h2>Local documents (%zu)"
		"</h2>\n", n);
	put(h, n == 0 ? "<p>None.</p>\n" : "<table class=\"list\"><thead>"
		"<tr><th>file</th><th>id</th><th>title</th><th>language</th>"
		"<th>links</th></tr></thead><tbody>\n");
	for (i = 0; i < n; i++) {
		const dt_review_doc *d = dt_review_doc_at(p->r, i);
		const char *lang = dt_lang_code(d->lang);

		wrap(h, "<tr><td><code>", d->file, "</code></td><td>");
		esc(h, d->id);
		putf(h, "</td><td lang=\"%s\">", strlen(lang) == 2 ? lang : "");
		esc(h, d->title);
		putf(h, "</td><td>%s</td><td>%zu</td></tr>\n", lang,
			counts[i]);
	}
	put(h, n > 0 ? "</tbody></table>\n" : "");
	put(h, "</section>\n");
	dt__free(counts);
}

int dt__review_write_html(dt_buf *b, const dt_review *r, unsigned flags)
{
	const dt_doc *dir = dt_review_directive(r);
	html h = { b, 0 };
	dt_html_page p;

	(void)flags; /* no DT_WRITE_* flag applies to HTML */
	h.rc = dt__html_page_init(&p, r);
	if (h.rc < 0) {
		dt__html_page_dispose(&p);
		return h.rc;
	}
	write_head(&h, dt_doc_meta(dir), dir);
	write_header(&h, &p);
	write_summary(&h, &p);
	write_chapters(&h, &p);
	write_map(&h, &p);
	write_units(&h, &p);
	write_findings(&h, &p);
	write_docs(&h, &p);
	put(&h, "<footer class=\"meta\"><p>dirtrace " DT_VERSION_STRING
		"</p></footer>\n<script>\n");
	put(&h, dt__html_script);
	put(&h, "</script>\n</body>\n</html>\n");
	dt__html_page_dispose(&p);
	return h.rc;
}
