/*
 * plan_data.c - the plan as the data tree its templates render: the
 * document's own fields, the directive's, the tasks grouped by chapter
 * and article (and once more flat, for the appendix table), and the lead
 * bodies with their task numbers.  Only data: every word of layout and
 * every label is in the templates (templates/README.md lists the names).
 *
 * Tasks are shared: the same task node sits in its article group, in the
 * flat `tasks` list and in its lead's list (the tree owns every node).
 */
#include <stdio.h>
#include <string.h>

#include "plan.h"

#define HOLE DT__PLAN_HOLE

/* ## small values */

static const char *or_hole(const char *s)
{
	return s != NULL && *s != '\0' ? s : HOLE;
}

/* "I", "II", … "MMXXVI" (groups of a plan are a few dozen at most). */
static void roman(char *out, size_t size, size_t n)
{
	static const struct { size_t v; const char *s; } r[] = {
		{ 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" },
		{ 100, "C" }, { 90, "XC" }, { 50, "L" }, { 40, "XL" },
		{ 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" },
	};
	size_t i, o = 0;

	out[0] = '\0';
	for (i = 0; i < sizeof r / sizeof r[0] && n < 4000; i++) {
		while (n >= r[i].v && o + strlen(r[i].s) < size) {
			memcpy(out + o, r[i].s, strlen(r[i].s) + 1);
			o += strlen(r[i].s);
			n -= r[i].v;
		}
	}
}

/* An ISO date as its parts: {given, iso, day, month, year, dd, mm};
 * «…» parts when `iso` is empty.  The caller has validated it. */
static void put_date(dt__tdata *d, dt__tval *parent, const char *key,
	const char *iso)
{
	dt__tval *m = dt__tdata_map(d, parent, key);
	int y = 0, mo = 0, day = 0;

	if (iso == NULL || sscanf(iso, "%4d-%2d-%2d", &y, &mo, &day) != 3) {
		dt__tdata_bool(d, m, "given", 0);
		dt__tdata_str(d, m, "iso", "");
		dt__tdata_str(d, m, "day", HOLE);
		dt__tdata_str(d, m, "month", HOLE);
		dt__tdata_str(d, m, "year", HOLE);
		dt__tdata_str(d, m, "dd", HOLE);
		dt__tdata_str(d, m, "mm", HOLE);
		return;
	}
	dt__tdata_bool(d, m, "given", 1);
	dt__tdata_str(d, m, "iso", iso);
	dt__tdata_fmt(d, m, "day", "%d", day);
	dt__tdata_fmt(d, m, "month", "%d", mo);
	dt__tdata_fmt(d, m, "year", "%04d", y);
	dt__tdata_fmt(d, m, "dd", "%02d", day);
	dt__tdata_fmt(d, m, "mm", "%02d", mo);
}

/* "15-KH/TU" -> "15-KH-TU", "31-QĐ/TW" -> "31-QD-TW": a symbol as one
 * segment of an AKN FRBR URI, under `key`; "draft" when there is none. */
static int put_slug(dt__tdata *d, dt__tval *m, const char *key,
	const char *symbol, dt_error *err)
{
	char *plain = NULL;
	size_t len = 0, i;
	int rc;

	if (symbol == NULL || *symbol == '\0') {
		dt__tdata_str(d, m, key, "draft");
		return 0;
	}
	rc = dt_fold(&plain, &len, symbol, strlen(symbol), DT_FOLD_DIACRITICS,
		err);
	if (rc < 0) {
		return rc;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)plain[i];

		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
			(c >= 'A' && c <= 'Z') || c == '-' || c == '.' ||
			c >= 0x80)) {
			plain[i] = '-';
		}
	}
	dt__tdata_strn(d, m, key, plain, len);
	dt__free(plain);
	return 0;
}

/* Are all letters of `s` capitals?  A letter is an ASCII letter or a
 * character of two or more bytes; it is a capital when case folding
 * changes it.  Titles in capitals ("VỀ SINH HOẠT CHI BỘ") read better
 * in a sentence folded: "… thực hiện Quy định số 31 về sinh hoạt …". */
static int all_caps(const char *s, const char *folded)
{
	size_t i, letters = 0, changed = 0;

	if (strlen(s) != strlen(folded)) {
		return 0;
	}
	for (i = 0; s[i] != '\0'; i++) {
		unsigned char c = (unsigned char)s[i];
		int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			c >= 0xC0;

		if (!letter) {
			continue;
		}
		letters++;
		changed += c != (unsigned char)folded[i] ||
			(c >= 0xC0 && s[i + 1] != folded[i + 1]) ||
			(c >= 0xE0 && s[i + 2] != folded[i + 2]);
	}
	return letters > 0 && changed == letters;
}

/* ## the directive */

/* "/akn/vn/act/2026-03-15/31-QD-TW": the directive's AKN work URI, for
 * <ref href> (its symbol_slug is set first). */
static void put_uri(dt__tdata *d, dt__tval *dir, const dt__plan *p)
{
	const dt__tval *slug = dt__tval_get(dir, "symbol_slug", 11);
	size_t len = 0;
	const char *s = slug != NULL ? dt__tval_text(slug, &len) : "draft";

	dt__tdata_fmt(d, dir, "uri", "/akn/%s/act/%s/%.*s",
		p->src_lang == DT_LANG_RU ? "ru" : "vn",
		*p->meta->date != '\0' ? p->meta->date : "1970-01-01",
		(int)len, s);
}

static int put_directive(dt__tdata *d, const dt__plan *p, dt_error *err)
{
	const dt_meta *m = p->meta;
	dt__tval *dir = dt__tdata_map(d, d->root, "directive");
	char *folded = NULL;
	dt_buf b;
	int rc;

	dt__buf_init(&b, 4096);
	rc = dt__plan_ref(&b, p);
	if (rc < 0) {
		dt__buf_dispose(&b);
		return dt__fail(err, rc, 0, 0, "out of memory");
	}
	dt__tdata_strn(d, dir, "ref", b.data, b.len);
	dt__buf_dispose(&b);
	dt__tdata_str(d, dir, "symbol", or_hole(m->symbol));
	dt__tdata_str(d, dir, "type", dt__plan_type_word(p));
	dt__tdata_str(d, dir, "title", m->title);
	dt__tdata_str(d, dir, "issuer", m->issuer);
	dt__tdata_str(d, dir, "file", dt_doc_file(p->doc));
	dt__tdata_str(d, dir, "lang", dt_lang_code(p->src_lang));
	put_date(d, dir, "date", m->date);
	rc = put_slug(d, dir, "symbol_slug", m->symbol, err);
	if (rc < 0) {
		return rc;
	}
	put_uri(d, dir, p);
	rc = dt_fold(&folded, NULL, m->title, strlen(m->title), DT_FOLD_CASE,
		err);
	if (rc < 0) {
		return rc;
	}
	dt__tdata_str(d, dir, "title_text", all_caps(m->title, folded) ?
		folded : m->title);
	dt__free(folded);
	return 0;
}

/* ## the plan's own fields */

static int put_document(dt__tdata *d, const dt__plan *p, dt_error *err)
{
	const dt_plan_opts *o = p->o;
	dt__tval *r = d->root;
	int cite_ru = p->lang == DT_LANG_RU || p->src_lang == DT_LANG_RU;
	static const char *const formats[] = { "md", "akn", "html" };

	dt__tdata_str(d, r, "lang", dt_lang_code(p->lang));
	dt__tdata_str(d, r, "lang3", p->lang == DT_LANG_RU ? "rus" : "vie");
	dt__tdata_str(d, r, "cite_lang", cite_ru ? "ru" : "vi");
	dt__tdata_str(d, r, "cite_lang3", cite_ru ? "rus" : "vie");
	dt__tdata_bool(d, r, "cross_lang", p->lang != p->src_lang);
	dt__tdata_str(d, r, "kind", o->kind == DT_PLAN_REGULATION ?
		"regulation" : "plan");
	dt__tdata_str(d, r, "format", formats[o->format <= DT_PLAN_HTML ?
		o->format : 0]);
	dt__tdata_str(d, r, "hole", HOLE);
	dt__tdata_str(d, r, "issuer", or_hole(o->issuer));
	dt__tdata_str(d, r, "symbol", or_hole(o->symbol));
	dt__tdata_str(d, r, "place", o->place != NULL ? or_hole(o->place) :
		or_hole(p->meta->place));
	dt__tdata_str(d, r, "country", p->src_lang == DT_LANG_RU ? "ru" :
		"vn");
	put_date(d, r, "date", o->date);
	dt__tdata_str(d, r, "frbr_date", o->date != NULL ? o->date :
		*p->meta->date != '\0' ? p->meta->date : "1970-01-01");
	dt__tdata_str(d, r, "frbr_date_name", o->date != NULL ? "issued" :
		"draft");
	dt__tdata_bool(d, r, "symbol_given", o->symbol != NULL &&
		*o->symbol != '\0');
	dt__tdata_bool(d, r, "issuer_given", o->issuer != NULL &&
		*o->issuer != '\0');
	return put_slug(d, r, "symbol_slug", o->symbol, err);
}

/* ## tasks */

/* The label and citation of `u` into `m`: "label", "cite" and, for
 * Russian sentences that need it, "label_gen" and "cite_gen" ("пункта 2
 * статьи 5 …"; the same as the others in Vietnamese). */
static int put_cite(dt__tdata *d, dt__tval *m, const dt__plan *p,
	const dt_unit *u, dt_error *err)
{
	static const char *const keys[2][2] = { { "label", "cite" },
		{ "label_gen", "cite_gen" } };
	dt_buf b;
	size_t label_len;
	int gen, rc = 0;

	dt__buf_init(&b, 4096);
	for (gen = 0; gen < 2 && rc == 0; gen++) {
		b.len = 0;
		rc = dt__plan_label(&b, p, u, gen);
		label_len = b.len;
		if (rc == 0) {
			rc = dt__buf_append(&b, " ", 1);
		}
		if (rc == 0) {
			rc = dt__plan_ref(&b, p);
		}
		if (rc == 0) {
			dt__tdata_strn(d, m, keys[gen][0], b.data, label_len);
			dt__tdata_strn(d, m, keys[gen][1], b.data, b.len);
		}
	}
	dt__buf_dispose(&b);
	return rc < 0 ? dt__fail(err, rc, 0, 0, "out of memory") : 0;
}

/* Task i, the k-th of its group, appended to `list` as *out. */
static int put_task(dt__tdata *d, dt__tval *list, const dt__plan *p,
	size_t i, size_t k, dt__tval **out, dt_error *err)
{
	const dt__plan_task *t = &p->tasks[i];
	const dt__plan_facts *f = &t->facts;
	dt__tval *m = dt__tdata_push_map(d, list);
	size_t glen = strlen(t->gist);
	int rc;

	*out = m;
	if (m == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	rc = put_cite(d, m, p, t->unit, err);
	if (rc < 0) {
		return rc;
	}
	dt__tdata_fmt(d, m, "n", "%zu", i + 1);
	dt__tdata_fmt(d, m, "k", "%zu", k);
	dt__tdata_str(d, m, "eid", dt_unit_eid(t->unit));
	dt__tdata_str(d, m, "gist", t->gist);
	dt__tdata_bool(d, m, "cut", glen >= 3 &&
		strcmp(t->gist + glen - 3, "…") == 0);
	dt__tdata_str(d, m, "lead", or_hole(f->lead));
	dt__tdata_bool(d, m, "lead_found", f->lead != NULL);
	dt__tdata_str(d, m, "co", or_hole(f->co));
	dt__tdata_bool(d, m, "co_found", f->co != NULL);
	dt__tdata_str(d, m, "deadline", or_hole(f->deadline));
	dt__tdata_bool(d, m, "deadline_found", f->deadline != NULL);
	dt__tdata_str(d, m, "output", or_hole(f->output));
	dt__tdata_bool(d, m, "output_found", f->output != NULL);
	dt__tdata_bool(d, m, "duty", t->explicit_duty);
	return 0;
}

/* A group that cites nothing has empty citation fields. */
static void put_no_cite(dt__tdata *d, dt__tval *m)
{
	dt__tdata_str(d, m, "label", "");
	dt__tdata_str(d, m, "cite", "");
	dt__tdata_str(d, m, "label_gen", "");
	dt__tdata_str(d, m, "cite_gen", "");
}

/* The heading of a unit, else its label in the directive. */
static const char *unit_title(const dt_unit *u)
{
	return *dt_unit_heading(u) != '\0' ? dt_unit_heading(u) :
		dt_unit_label(u);
}

/* What groups task i at the article level: its article; in a
 * regulation, where every group becomes an article, the unit itself
 * when it has no article. */
static const dt_unit *article_key(const dt__plan *p, size_t i)
{
	const dt__plan_task *t = &p->tasks[i];

	if (t->article != NULL || p->o->kind != DT_PLAN_REGULATION) {
		return t->article;
	}
	return t->unit;
}

static dt__tval *open_group(dt__tdata *d, dt__tval *groups,
	const dt__plan *p, const dt_unit *chapter, size_t gn, dt_error *err)
{
	dt__tval *g = dt__tdata_push_map(d, groups);
	char r[32];

	roman(r, sizeof r, gn);
	dt__tdata_fmt(d, g, "gn", "%zu", gn);
	dt__tdata_str(d, g, "roman", r);
	dt__tdata_str(d, g, "title", chapter != NULL ? unit_title(chapter) :
		"");
	dt__tdata_str(d, g, "eid", chapter != NULL ? dt_unit_eid(chapter) :
		"");
	if (g != NULL && chapter != NULL &&
		put_cite(d, g, p, chapter, err) < 0) {
		return NULL;
	}
	if (chapter == NULL) {
		put_no_cite(d, g);
	}
	return dt__tdata_list(d, g, "articles");
}

static dt__tval *open_article(dt__tdata *d, dt__tval *articles,
	const dt__plan *p, const dt_unit *key, size_t an, dt_error *err)
{
	dt__tval *a = dt__tdata_push_map(d, articles);

	dt__tdata_fmt(d, a, "an", "%zu", an);
	dt__tdata_str(d, a, "title", key != NULL &&
		dt_unit_kind(key) == DT_KIND_ARTICLE ? unit_title(key) : "");
	dt__tdata_str(d, a, "name", key != NULL ? unit_title(key) : "");
	dt__tdata_str(d, a, "eid", key != NULL ? dt_unit_eid(key) : "");
	if (a != NULL && key != NULL && put_cite(d, a, p, key, err) < 0) {
		return NULL;
	}
	if (key == NULL) {
		put_no_cite(d, a);
	}
	return dt__tdata_list(d, a, "tasks");
}

/* groups -> articles -> tasks, and the flat `tasks` list. */
static int put_tasks(dt__tdata *d, const dt__plan *p, dt__tval **nodes,
	dt_error *err)
{
	dt__tval *groups = dt__tdata_list(d, d->root, "groups");
	dt__tval *flat = dt__tdata_list(d, d->root, "tasks");
	dt__tval *articles = NULL, *tasks = NULL;
	const dt_unit *chapter = NULL, *article = NULL;
	size_t i, gn = 0, an = 0, k = 0;
	int rc;

	for (i = 0; i < p->n; i++) {
		const dt_unit *key = article_key(p, i);

		if (i == 0 || p->tasks[i].chapter != chapter) {
			chapter = p->tasks[i].chapter;
			articles = open_group(d, groups, p, chapter, ++gn, err);
			article = NULL;
			tasks = NULL;
		}
		if (tasks == NULL || key != article) {
			article = key;
			tasks = open_article(d, articles, p, key, ++an, err);
			k = 0;
		}
		rc = put_task(d, tasks, p, i, ++k, &nodes[i], err);
		if (rc < 0) {
			return rc;
		}
		dt__tdata_push(d, flat, nodes[i]);
	}
	dt__tdata_fmt(d, d->root, "count", "%zu", p->n);
	dt__tdata_bool(d, d->root, "has_tasks", p->n > 0);
	return 0;
}

/* leads: each body that leads tasks, in order of first task, with the
 * numbers of its tasks ("1, 3, 5") and the tasks themselves. */
static int put_leads(dt__tdata *d, const dt__plan *p, dt__tval **nodes,
	dt_error *err)
{
	dt__tval *leads = dt__tdata_list(d, d->root, "leads");
	size_t i, j, n = 0;
	int rc = 0;

	for (i = 0; i < p->n && rc == 0; i++) {
		const char *name = or_hole(p->tasks[i].facts.lead);
		dt__tval *lead, *tasks;
		dt_buf nums;

		for (j = 0; j < i; j++) {
			if (strcmp(or_hole(p->tasks[j].facts.lead), name) == 0) {
				break;
			}
		}
		if (j < i) {
			continue; /* listed with its first task */
		}
		lead = dt__tdata_push_map(d, leads);
		dt__tdata_fmt(d, lead, "n", "%zu", ++n);
		dt__tdata_str(d, lead, "name", name);
		dt__tdata_bool(d, lead, "found", p->tasks[i].facts.lead != NULL);
		tasks = dt__tdata_list(d, lead, "tasks");
		dt__buf_init(&nums, DT_DEFAULT_MAX_BYTES);
		for (j = i; j < p->n && rc == 0; j++) {
			if (strcmp(or_hole(p->tasks[j].facts.lead), name) == 0) {
				dt__tdata_push(d, tasks, nodes[j]);
				rc = dt__buf_printf(&nums, "%s%zu", j == i ? "" :
					", ", j + 1);
			}
		}
		if (rc == 0) {
			dt__tdata_strn(d, lead, "numbers", nums.data, nums.len);
		}
		dt__buf_dispose(&nums);
	}
	return rc < 0 ? dt__fail(err, rc, 0, 0, "%s", dt_strerror(rc)) : 0;
}

int dt__plan_data(dt__tdata *d, const dt__plan *p, dt_error *err)
{
	dt__tval **nodes = dt__calloc(p->n ? p->n : 1, sizeof(*nodes));
	int rc;

	if (nodes == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	rc = put_document(d, p, err);
	if (rc == 0) {
		rc = put_directive(d, p, err);
	}
	if (rc == 0) {
		rc = put_tasks(d, p, nodes, err);
	}
	if (rc == 0) {
		rc = put_leads(d, p, nodes, err);
	}
	dt__free(nodes);
	if (rc == 0 && dt__tdata_status(d) < 0) {
		rc = dt__fail(err, dt__tdata_status(d), 0, 0, "out of memory");
	}
	return rc;
}
