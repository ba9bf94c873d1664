/*
 * plan.c - dt_plan_write: draft the implementing plan (Kế hoạch, План
 * мероприятий) or local regulation of a directive from a template.
 *
 * One task per obligation unit: chapters, sections and articles with
 * numbered parts are descended into; the first obligation unit met below
 * them becomes a task and takes its subtree with it (a clause with its
 * points is one task).  Each task cites its unit (plan_cite.c) and
 * carries what the wording says of its execution (plan_extract.c); the
 * tasks become a data tree (plan_data.c) that a template renders
 * (template*.c) as Markdown, Akoma Ntoso or HTML.  The citations are the
 * guarantee: `dirtrace gaps DIRECTIVE PLAN` finds every obligation of
 * the directive covered by an explicit link.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

enum { GIST_CHARS = 160 };
#define OUT_MAX ((size_t)64 << 20)

static const char *const format_names[] = { "md", "akn", "html" };
static const char *const format_exts[] = { "md", "xml", "html" };

int dt_plan_format_from_name(dt_plan_format *out, const char *name)
{
	size_t i;

	for (i = 0; i < sizeof format_names / sizeof format_names[0]; i++) {
		if (name != NULL && strcmp(name, format_names[i]) == 0) {
			*out = (dt_plan_format)i;
			return 0;
		}
	}
	return DT_ENOTFOUND;
}

/* ## options */

static int check_text(const char *s, const char *what, dt_error *err)
{
	if (s != NULL && dt__utf8_invalid_at(s, strlen(s)) != strlen(s)) {
		return dt__fail(err, DT_EINVAL, 0, 0, "%s is not valid UTF-8",
			what);
	}
	return 0;
}

static int check_date(const char *iso, dt_error *err)
{
	int y, m, d;
	char tail;

	if (iso == NULL) {
		return 0;
	}
	if (strlen(iso) != 10 || sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d,
		&tail) != 3 || m < 1 || m > 12 || d < 1 || d > 31 ||
		iso[4] != '-' || iso[7] != '-') {
		return dt__fail(err, DT_EINVAL, 0, 0,
			"date '%.40s' is not YYYY-MM-DD", iso);
	}
	return 0;
}

static int check_opts(const dt_plan_opts *o, dt_error *err)
{
	int rc = 0;

	if (o->kind != DT_PLAN_PLAN && o->kind != DT_PLAN_REGULATION) {
		return dt__fail(err, DT_EINVAL, 0, 0, "unknown plan kind %d",
			(int)o->kind);
	}
	if ((unsigned)o->format > DT_PLAN_HTML) {
		return dt__fail(err, DT_EINVAL, 0, 0, "unknown plan format %d",
			(int)o->format);
	}
	if (o->lang != DT_LANG_UNKNOWN && o->lang != DT_LANG_VI &&
		o->lang != DT_LANG_RU) {
		return dt__fail(err, DT_EINVAL, 0, 0, "plans are drafted in "
			"Vietnamese or Russian, not '%s'",
			dt_lang_code(o->lang));
	}
	rc = check_date(o->date, err);
	if (rc == 0) {
		rc = check_text(o->issuer, "the issuer", err);
	}
	if (rc == 0) {
		rc = check_text(o->symbol, "the symbol", err);
	}
	if (rc == 0) {
		rc = check_text(o->place, "the place", err);
	}
	return rc;
}

/* ## which units become tasks */

/* Byte offset of character `n` of s[0..len) (or len). */
static size_t char_offset(const char *s, size_t len, size_t n)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80 && n-- == 0) {
			break;
		}
	}
	return i;
}

/* The first sentence of `s`, at most GIST_CHARS characters (cut at a
 * space, with
 * "…"), trailing ':' ';' ',' '.' and blanks dropped, line breaks as
 * spaces; a new string. */
static char *gist_of(const char *s)
{
	size_t len = 0, cut, i;
	int shortened = 0;
	char *g;

	while (s[len] != '\0' && !(s[len] == '.' && (s[len + 1] == ' ' ||
		s[len + 1] == '\n' || s[len + 1] == '\0'))) {
		len++;
	}
	cut = char_offset(s, len, GIST_CHARS);
	if (cut < len) {
		while (cut > 0 && s[cut] != ' ') {
			cut--;
		}
		shortened = 1;
	}
	while (cut > 0 && strchr(":;,. \n", s[cut - 1]) != NULL) {
		cut--;
	}
	g = dt__malloc(cut + 4);
	if (g == NULL) {
		return NULL;
	}
	memcpy(g, s, cut);
	if (shortened) {
		memcpy(g + cut, "…", 3);
		cut += 3;
	}
	g[cut] = '\0';
	for (i = 0; i < cut; i++) {
		if (g[i] == '\n') {
			g[i] = ' ';
		}
	}
	return g;
}

static const dt_unit *ancestor_of_kind(const dt_unit *u, dt_kind kind)
{
	for (; u != NULL; u = dt_unit_parent(u)) {
		if (dt_unit_kind(u) == kind) {
			return u;
		}
	}
	return NULL;
}

static int is_within(const dt_unit *u, const dt_unit *top)
{
	for (; u != NULL; u = dt_unit_parent(u)) {
		if (u == top) {
			return 1;
		}
	}
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The units a plan is restricted to (dt_plan_opts.only): a listed unit
 * is drafted whole; below a listed unit, its unlisted parts are drafted
 * too unless some of its parts are listed ("refined"), as a gap report
 * lists a partial article and, of its clauses, the uncovered ones. */
typedef struct {
	const char **only;    /* sorted; NULL = every unit */
	size_t n;
	const char **refined; /* sorted: listed units with a listed part */
	size_t nrefined;
} selection;

static int listed(const char *const *v, size_t n, const char *eid)
{
	return n > 0 && bsearch(&eid, v, n, sizeof(*v), cmp_str) != NULL;
}

static int wanted(const selection *sel, const dt_unit *u)
{
	const dt_unit *a;

	if (sel->only == NULL) {
		return 1;
	}
	for (a = u; a != NULL && dt_unit_kind(a) != DT_KIND_ROOT;
		a = dt_unit_parent(a)) {
		if (listed(sel->only, sel->n, dt_unit_eid(a))) {
			return a == u || !listed(sel->refined, sel->nrefined,
				dt_unit_eid(a));
		}
	}
	return 0;
}

static int selection_init(selection *sel, const dt_plan_opts *o,
	const dt_doc *doc, dt_error *err)
{
	size_t i, depth = 0;
	const dt_unit *u;

	memset(sel, 0, sizeof(*sel));
	if (o->only == NULL) {
		return 0;
	}
	sel->n = o->only_count;
	sel->only = dt__calloc(sel->n ? sel->n : 1, sizeof(char *));
	for (i = 0; i < dt_doc_unit_count(doc); i++) {
		size_t d = 0;

		for (u = dt_doc_unit_at(doc, i); u != NULL; u = dt_unit_parent(u)) {
			d++;
		}
		depth = d > depth ? d : depth;
	}
	sel->refined = sel->n > 0 && depth <= SIZE_MAX / sel->n ?
		dt__calloc(sel->n * depth + 1, sizeof(char *)) :
		dt__calloc(1, sizeof(char *));
	if (sel->only == NULL || sel->refined == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	memcpy(sel->only, o->only, sel->n * sizeof(char *));
	qsort(sel->only, sel->n, sizeof(char *), cmp_str);
	for (i = 0; i < sel->n; i++) {
		u = dt_doc_find(doc, sel->only[i]);
		for (u = u != NULL ? dt_unit_parent(u) : NULL; u != NULL &&
			dt_unit_kind(u) != DT_KIND_ROOT; u = dt_unit_parent(u)) {
			if (listed(sel->only, sel->n, dt_unit_eid(u))) {
				sel->refined[sel->nrefined++] = dt_unit_eid(u);
			}
		}
	}
	qsort(sel->refined, sel->nrefined, sizeof(char *), cmp_str);
	return 0;
}

static void selection_dispose(selection *sel)
{
	dt__free(sel->only);
	dt__free(sel->refined);
}

/* Append `s` without its trailing blanks and ';' '.' ':' ','. */
static int put_trimmed(dt_buf *b, const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && strchr(" \n;.:,", s[n - 1]) != NULL) {
		n--;
	}
	return dt__buf_append(b, s, n);
}

/* What a task is about: the unit's own text (its heading when it has
 * none), and when that text leads into its children ("… gồm:",
 * "… обязано:"), the children's texts after it, "; "-joined, so that the
 * gist names the duties and the extraction sees their deadlines. */
static int task_text(dt_buf *b, const dt_unit *u)
{
	const char *own = dt_unit_text(u);
	size_t i, n = dt_unit_child_count(u), len;
	int rc;

	if (*own == '\0') {
		own = dt_unit_heading(u);
	}
	len = strlen(own);
	while (len > 0 && (own[len - 1] == ' ' || own[len - 1] == '\n')) {
		len--;
	}
	rc = dt__buf_append(b, own, len);
	if (len == 0 || own[len - 1] != ':' || n == 0) {
		return rc;
	}
	for (i = 0; i < n && rc == 0; i++) {
		rc = dt__buf_append(b, i == 0 ? " " : "; ", i == 0 ? 1 : 2);
		if (rc == 0) {
			rc = put_trimmed(b, dt_unit_text(dt_unit_child_at(u, i)));
		}
	}
	return rc == 0 ? dt__buf_append(b, ".", 1) : rc;
}

static int add_task(dt__plan *p, dt__plan_extractor *x, const dt_unit *u,
	int duty, dt_error *err)
{
	dt__plan_task *t;
	dt_buf text;
	int rc;

	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 32;
		dt__plan_task *grown = dt__reallocarray(p->tasks, cap,
			sizeof(*grown));

		if (grown == NULL) {
			return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
		}
		p->tasks = grown;
		p->cap = cap;
	}
	t = &p->tasks[p->n];
	memset(t, 0, sizeof(*t));
	p->n++;
	t->unit = u;
	t->article = ancestor_of_kind(u, DT_KIND_ARTICLE);
	t->chapter = ancestor_of_kind(u, DT_KIND_CHAPTER);
	t->explicit_duty = duty == 2;
	dt__buf_init(&text, DT_DEFAULT_MAX_BYTES);
	rc = task_text(&text, u);
	if (rc == 0 && text.data == NULL) {
		rc = dt__buf_append(&text, "", 0);
	}
	if (rc == 0) {
		t->gist = gist_of(text.data);
		rc = t->gist == NULL ? DT_ENOMEM : 0;
	}
	if (rc < 0) {
		dt__buf_dispose(&text);
		return dt__fail(err, rc, 0, 0, "%s", dt_strerror(rc));
	}
	rc = dt__plan_extract(x, text.data, &t->facts, err);
	dt__buf_dispose(&text);
	return rc;
}

static int is_container(const dt_unit *u)
{
	dt_kind k = dt_unit_kind(u);

	return k == DT_KIND_PART || k == DT_KIND_CHAPTER ||
		k == DT_KIND_SECTION || k == DT_KIND_SUBSECTION ||
		(k == DT_KIND_ARTICLE && dt_unit_child_count(u) > 0);
}

/* The tasks, in document order; see the top of the file. */
static int collect(dt__plan *p, dt__plan_extractor *x,
	const selection *sel, dt_error *err)
{
	const dt_unit *last = NULL;
	size_t i, n = dt_doc_unit_count(p->doc);

	for (i = 0; i < n; i++) {
		const dt_unit *u = dt_doc_unit_at(p->doc, i);
		int duty, rc;

		if ((last != NULL && is_within(u, last)) || is_container(u) ||
			!wanted(sel, u)) {
			continue;
		}
		duty = dt__obligation_of(u);
		if (duty < 0) {
			return dt__fail(err, duty, 0, 0, "%s",
				dt_strerror(duty));
		}
		if (duty == 0) {
			continue;
		}
		rc = add_task(p, x, u, duty, err);
		if (rc < 0) {
			return rc;
		}
		last = u;
	}
	return 0;
}

/* ## the template */

/* opts->tpl, else the built-in <kind>_<lang>.<ext>. */
static int load_template(dt__tpl **out, const dt__plan *p, dt_error *err)
{
	const dt_plan_opts *o = p->o;
	const char *src = o->tpl, *file = o->tpl_file;
	size_t len = o->tpl_len;
	char name[64], builtin[96];

	if (src == NULL) {
		snprintf(name, sizeof name, "%s_%s.%s",
			o->kind == DT_PLAN_REGULATION ? "regulation" : "plan",
			dt_lang_code(p->lang), format_exts[o->format]);
		snprintf(builtin, sizeof builtin, "built-in:templates/%s",
			name);
		src = dt__tpl_builtin(name, &len);
		file = builtin;
		if (src == NULL) {
			return dt__fail(err, DT_ENOTFOUND, 0, 0,
				"no built-in template %s", name);
		}
	}
	return dt__tpl_load(out, src, len, file != NULL ? file :
		"(template)", o->partials_dir, format_exts[o->format], err);
}

/* Node visits a template may spend: ample for any layout that walks the
 * tasks a few times over (the shipped ones need about 60 per task), and
 * a bound on templates that nest loops over them. */
static size_t render_budget(const dt__plan *p)
{
	return (size_t)10 * 1000 * 1000 + p->n * 2000;
}

static dt__esc escape_of(dt_plan_format f)
{
	return f == DT_PLAN_AKN ? DT__ESC_XML : f == DT_PLAN_HTML ?
		DT__ESC_HTML : DT__ESC_MD;
}

/* ## the run */

static void plan_dispose(dt__plan *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		dt__free(p->tasks[i].gist);
		dt__plan_facts_dispose(&p->tasks[i].facts);
	}
	dt__free(p->tasks);
}

/* Tasks, data, template, render: the steps of dt_plan_write. */
static int draft(dt__plan *p, dt_buf *b, dt_error *err)
{
	dt__plan_extractor *x = NULL;
	selection sel;
	dt__tpl *tpl = NULL;
	dt__tdata data;
	int rc;

	dt__tdata_init(&data);
	rc = selection_init(&sel, p->o, p->doc, err);
	if (rc == 0) {
		rc = dt__plan_extractor_new(&x, p->src_lang, err);
	}
	if (rc == 0) {
		rc = collect(p, x, &sel, err);
	}
	if (rc == 0) {
		rc = load_template(&tpl, p, err);
	}
	if (rc == 0) {
		rc = dt__plan_data(&data, p, err);
	}
	if (rc == 0) {
		rc = dt__tpl_render(b, tpl, data.root, escape_of(p->o->format),
			render_budget(p), err);
	}
	dt__tpl_free(tpl);
	dt__tdata_dispose(&data);
	dt__plan_extractor_free(x);
	selection_dispose(&sel);
	return rc;
}

int dt_plan_write(char **out, size_t *len_out, const dt_doc *directive,
	const dt_plan_opts *opts, dt_error *err)
{
	static const dt_plan_opts defaults;
	dt__plan p;
	dt_buf b;
	int rc;

	DT_ASSERT_ARG(out != NULL && directive != NULL, err);
	*out = NULL;
	memset(&p, 0, sizeof p);
	p.doc = directive;
	p.meta = dt_doc_meta(directive);
	p.o = opts != NULL ? opts : &defaults;
	rc = check_opts(p.o, err);
	if (rc < 0) {
		return rc;
	}
	p.src_lang = dt_doc_lang(directive) == DT_LANG_RU ? DT_LANG_RU :
		DT_LANG_VI;
	p.lang = p.o->lang != DT_LANG_UNKNOWN ? p.o->lang : p.src_lang;
	dt__buf_init(&b, p.o->max_bytes ? p.o->max_bytes : OUT_MAX);
	rc = draft(&p, &b, err);
	if (rc == 0) {
		*out = dt__buf_detach(&b, len_out);
		if (*out == NULL) {
			rc = dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
		}
	}
	dt__buf_dispose(&b);
	plan_dispose(&p);
	return rc;
}
