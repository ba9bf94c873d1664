/*
 * plan.c - draft the implementing plan (Kế hoạch, План мероприятий) or
 * regulation of a directive: one task per obligation unit, each citing
 * its unit explicitly, with the lead body (lib/data/actors_*.txt) and the
 * deadline (a PCRE2 pattern, DOMAIN §5.3) taken from the unit's wording
 * where it gives them and a «…» placeholder where it does not.  The
 * document skeleton comes from a template (template.c); the built-in
 * ones below mirror templates/ (plan_vi.md …).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

extern const char *const dt__data_actors_vi[];
extern const char *const dt__data_actors_ru[];

#define HOLE "«…»"
enum { GIST_MAX = 200, OUT_MAX = 64 << 20 };

static const char tpl_plan_vi[] =
	"| {{issuer}} | ĐẢNG CỘNG SẢN VIỆT NAM |\n|---|---|\n"
	"| \\* | --------------- |\n| Số {{symbol}} | *{{date_line}}* |\n\n"
	"# KẾ HOẠCH\n\n**thực hiện {{directive_citation}}**\n\n"
	"## I. MỤC ĐÍCH, YÊU CẦU\n\n{{purpose}}\n\n"
	"## II. NHIỆM VỤ, GIẢI PHÁP\n\n{{tasks}}\n"
	"## III. TỔ CHỨC THỰC HIỆN\n\n{{organisation}}\n"
	"**Nơi nhận:**\n- «…»,\n- Lưu Văn phòng.\n\n**T/M «…»**\n\n"
	"## PHỤ LỤC\n\n{{task_table}}\n";
static const char tpl_plan_ru[] =
	"# ПЛАН\n\n**мероприятий по реализации {{directive_citation}}**\n\n"
	"{{place}}, {{date_line}} № {{symbol}}\n\n"
	"## Мероприятия\n\n{{tasks}}\n## Таблица мероприятий\n\n{{task_table}}\n"
	"## Организация исполнения\n\n{{organisation}}\n";
static const char tpl_reg[] =
	"# QUY ĐỊNH\n\n**thực hiện {{directive_citation}}**\n\n"
	"{{articles}}\n";

typedef struct {
	const dt_unit *unit;
	const dt_unit *article; /* NULL when not inside one */
	const dt_unit *chapter;
	char *gist;
	const char *lead;       /* borrowed from the actor table, or HOLE */
	char *deadline;         /* or NULL */
} task;

typedef struct {
	const dt_doc *doc;
	const dt_meta *meta;
	const dt_plan_opts *o;
	int ru;                 /* output in Russian */
	int src_ru;             /* directive in Russian */
	char *ref;              /* "Quy định số 31-QĐ/TW" / "постановления № 12-П" */
	task *tasks;
	size_t n, cap;
	dt_re *re;
	char **actors;          /* folded forms */
	const char *const *actor_names;
	size_t nactors;
} plan;

/* ---- small text helpers ------------------------------------------------- */

static const char *const type_names[][3] = {
	/* as in metadata, Vietnamese title case / Russian genitive */
	{ "QUY ĐỊNH", "Quy định", NULL }, { "CHỈ THỊ", "Chỉ thị", NULL },
	{ "NGHỊ QUYẾT", "Nghị quyết", NULL }, { "KẾT LUẬN", "Kết luận", NULL },
	{ "HƯỚNG DẪN", "Hướng dẫn", NULL }, { "QUYẾT ĐỊNH", "Quyết định", NULL },
	{ "QUY CHẾ", "Quy chế", NULL }, { "KẾ HOẠCH", "Kế hoạch", NULL },
	{ "ПОСТАНОВЛЕНИЕ", "постановления", NULL },
	{ "РАСПОРЯЖЕНИЕ", "распоряжения", NULL }, { "ПРИКАЗ", "приказа", NULL },
	{ "РЕШЕНИЕ", "решения", NULL }, { "ПОЛОЖЕНИЕ", "положения", NULL },
	{ "УКАЗ", "указа", NULL }, { "ЗАКОН", "закона", NULL },
	{ "ПЛАН", "плана", NULL },
};

static const char *type_word(const char *type, int ru)
{
	size_t i;

	for (i = 0; i < sizeof(type_names) / sizeof(type_names[0]); i++) {
		if (strcmp(type, type_names[i][0]) == 0) {
			return type_names[i][1];
		}
	}
	if (*type != '\0') {
		return type;
	}
	return ru ? "документа" : "Văn bản";
}

static int oom(dt_error *err, int rc)
{
	return dt__fail(err, rc, 0, 0, "%s", dt_strerror(rc));
}

/* Append `s` with '|' escaped and newlines as spaces (a table cell). */
static int put_cell(dt_buf *b, const char *s)
{
	int rc = 0;

	for (; *s != '\0' && rc == 0; s++) {
		if (*s == '|') {
			rc = dt__buf_append(b, "\\|", 2);
		} else {
			rc = dt__buf_putc(b, *s == '\n' ? ' ' : *s);
		}
	}
	return rc;
}

/* The first sentence of `s`, at most GIST_MAX bytes (cut at a space, with
 * "…"), trailing ':' ';' ',' '.' and spaces dropped; a new string. */
static char *gist_of(const char *s)
{
	size_t len = 0, cut;
	char *g;

	while (s[len] != '\0' && !(s[len] == '.' && (s[len + 1] == ' ' ||
		s[len + 1] == '\n' || s[len + 1] == '\0'))) {
		len++;
	}
	cut = len;
	if (cut > GIST_MAX) {
		cut = GIST_MAX;
		while (cut > 0 && s[cut] != ' ') {
			cut--;
		}
	}
	while (cut > 0 && strchr(":;,. \n", s[cut - 1]) != NULL) {
		cut--;
	}
	g = dt__malloc(cut + 4);
	if (g == NULL) {
		return NULL;
	}
	memcpy(g, s, cut);
	if (cut < len) {
		memcpy(g + cut, "…", 3);
		cut += 3;
	}
	g[cut] = '\0';
	for (len = 0; len < cut; len++) {
		if (g[len] == '\n') {
			g[len] = ' ';
		}
	}
	return g;
}

/* ---- what the wording says: lead body and deadline ---------------------- */

static const char re_vi[] =
	"trong thời hạn \\S+(?: \\S+)? (?:ngày|tháng|năm)(?: làm việc)?"
	"|chậm nhất(?: là)? [^,.;:]{1,40}"
	"|trước ngày \\d{1,2}(?:/\\d{1,2}(?:/\\d{2,4})?"
	"| tháng \\d{1,2}(?: năm \\d{4})?)"
	"|định kỳ(?: \\d+ tháng| (?:hằng|hàng) (?:năm|quý|tháng))?"
	"|(?:hằng|hàng) (?:năm|quý|tháng|tuần)"
	"|mỗi (?:năm|quý|tháng)(?: một lần)?|cuối năm|thường xuyên";
static const char re_ru[] =
	"ежегодно|ежеквартально|ежемесячно|еженедельно|постоянно"
	"|в течение \\d+ (?:рабочих |календарных )?(?:дн(?:я|ей)|месяц(?:а|ев)?)"
	"|не позднее [^,.;:]{1,40}|до \\d{1,2}\\.\\d{1,2}\\.\\d{4}";

static int setup(plan *p, dt_error *err)
{
	const char *const *names = p->src_ru ? dt__data_actors_ru :
		dt__data_actors_vi;
	size_t i, n = 0;
	int rc;

	rc = dt__re_compile(&p->re, p->src_ru ? re_ru : re_vi,
		DT_RE_CASELESS, err);
	if (rc < 0) {
		return rc;
	}
	while (names[n] != NULL) {
		n++;
	}
	p->actors = dt__calloc(n + 1, sizeof(char *));
	if (p->actors == NULL) {
		return oom(err, DT_ENOMEM);
	}
	p->actor_names = names;
	p->nactors = n;
	for (i = 0; i < n; i++) {
		rc = dt_fold(&p->actors[i], NULL, names[i], strlen(names[i]),
			DT_FOLD_CASE, err);
		if (rc < 0) {
			return rc;
		}
	}
	return 0;
}

/* The actor mentioned first in `text` (the longest on a tie), or HOLE. */
static int find_lead(const plan *p, const char *text, const char **out,
	dt_error *err)
{
	char *folded = NULL;
	size_t i, best_at = (size_t)-1, best_len = 0;
	int rc;

	*out = HOLE;
	rc = dt_fold(&folded, NULL, text, strlen(text), DT_FOLD_CASE, err);
	if (rc < 0) {
		return rc;
	}
	for (i = 0; i < p->nactors; i++) {
		const char *hit = strstr(folded, p->actors[i]);
		size_t at, len = strlen(p->actors[i]);

		if (hit == NULL) {
			continue;
		}
		at = (size_t)(hit - folded);
		if (at < best_at || (at == best_at && len > best_len)) {
			best_at = at;
			best_len = len;
			*out = p->actor_names[i];
		}
	}
	dt__free(folded);
	return 0;
}

static int find_deadline(const plan *p, const char *text, char **out,
	dt_error *err)
{
	size_t ov[2];
	int rc;

	*out = NULL;
	rc = dt__re_match(p->re, text, strlen(text), 0, ov, 1);
	if (rc < 0) {
		return dt__fail(err, rc, 0, 0, "deadline pattern: %s",
			dt_strerror(rc));
	}
	if (rc > 0) {
		*out = dt__strndup(text + ov[0], ov[1] - ov[0]);
		if (*out == NULL) {
			return oom(err, DT_ENOMEM);
		}
	}
	return 0;
}

/* ---- which units become tasks ------------------------------------------- */

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

/* Is `u` (or an ancestor) among the eIds the options restrict to? */
static int wanted(const dt_plan_opts *o, const dt_unit *u)
{
	size_t i;

	if (o->only == NULL) {
		return 1;
	}
	for (; u != NULL; u = dt_unit_parent(u)) {
		for (i = 0; i < o->only_count; i++) {
			if (strcmp(o->only[i], dt_unit_eid(u)) == 0) {
				return 1;
			}
		}
	}
	return 0;
}

static int add_task(plan *p, const dt_unit *u, dt_error *err)
{
	const char *text = dt_unit_text(u);
	task *t;
	int rc;

	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 32;
		task *grown = dt__reallocarray(p->tasks, cap, sizeof(task));

		if (grown == NULL) {
			return oom(err, DT_ENOMEM);
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
	if (*text == '\0') {
		text = dt_unit_heading(u);
	}
	t->gist = gist_of(text);
	if (t->gist == NULL) {
		return oom(err, DT_ENOMEM);
	}
	rc = find_lead(p, text, &t->lead, err);
	if (rc == 0) {
		rc = find_deadline(p, text, &t->deadline, err);
	}
	return rc;
}

/* Containers (chapters, articles with children) are descended into; the
 * first obligation unit below them is a task and its subtree is its. */
static int collect(plan *p, dt_error *err)
{
	const dt_unit *last = NULL;
	size_t i, n = dt_doc_unit_count(p->doc);

	for (i = 0; i < n; i++) {
		const dt_unit *u = dt_doc_unit_at(p->doc, i);
		dt_kind k = dt_unit_kind(u);
		int ob, rc;

		if (last != NULL && is_within(u, last)) {
			continue;
		}
		if (k == DT_KIND_PART || k == DT_KIND_CHAPTER ||
			k == DT_KIND_SECTION || k == DT_KIND_SUBSECTION ||
			(k == DT_KIND_ARTICLE && dt_unit_child_count(u) > 0)) {
			continue;
		}
		if (!wanted(p->o, u)) {
			continue;
		}
		ob = dt__obligation_of(u);
		if (ob < 0) {
			return oom(err, ob);
		}
		if (ob == 0) {
			continue;
		}
		rc = add_task(p, u, err);
		if (rc < 0) {
			return rc;
		}
		last = u;
	}
	return 0;
}

/* ---- rendering ---------------------------------------------------------- */

/* "Thực hiện khoản 2 Điều 5 Quy định số 31-QĐ/TW" / "пункт 2 статьи 5
 * постановления № 12-П" */
static int put_cite(const plan *p, dt_buf *b, const dt_unit *u)
{
	return dt__buf_printf(b, "%s %s", dt_unit_label(u), p->ref);
}

static const char *group_title(const dt_unit *u)
{
	const char *h = dt_unit_heading(u);

	return *h != '\0' ? h : dt_unit_label(u);
}

static int render_tasks(const plan *p, dt_buf *b)
{
	const dt_unit *chapter = NULL, *article = NULL;
	size_t i, nch = 0, nart = 0;
	int rc = 0;

	for (i = 0; i < p->n && rc == 0; i++) {
		const task *t = &p->tasks[i];

		if (t->chapter != NULL && t->chapter != chapter) {
			chapter = t->chapter;
			nart = 0;
			nch++;
			rc = dt__buf_printf(b, "### %s\n\n",
				group_title(chapter));
		}
		if (rc == 0 && t->article != NULL && t->article != article) {
			article = t->article;
			nart++;
			rc = dt__buf_printf(b, "#### %s\n\n",
				group_title(article));
		}
		if (rc == 0) {
			rc = dt__buf_printf(b, "%zu. %s ", i + 1,
				p->ru ? "Во исполнение:" : "Thực hiện");
		}
		if (rc == 0) {
			rc = put_cite(p, b, t->unit);
		}
		if (rc == 0) {
			rc = dt__buf_printf(b, ": %s.\n   - %s: %s.\n   - %s: "
				HOLE ".\n   - %s: %s.\n\n", t->gist,
				p->ru ? "Ответственный исполнитель" :
				"Cơ quan chủ trì", t->lead,
				p->ru ? "Соисполнители" : "Cơ quan phối hợp",
				p->ru ? "Срок исполнения" :
				"Thời gian hoàn thành",
				t->deadline ? t->deadline : HOLE);
		}
	}
	return rc;
}

static int render_table(const plan *p, dt_buf *b)
{
	size_t i;
	int rc;

	rc = dt__buf_printf(b, "%s", p->ru ?
		"| № п/п | Мероприятие | Основание | Ответственный исполнитель"
		" | Срок исполнения | Ожидаемый результат |\n"
		"|---|---|---|---|---|---|\n" :
		"| STT | Nội dung nhiệm vụ | Căn cứ | Cơ quan chủ trì | "
		"Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |\n"
		"|---|---|---|---|---|---|---|\n");
	for (i = 0; i < p->n && rc == 0; i++) {
		const task *t = &p->tasks[i];

		rc = dt__buf_printf(b, "| %zu | ", i + 1);
		rc = rc ? rc : put_cell(b, t->gist);
		rc = rc ? rc : dt__buf_append(b, " | ", 3);
		rc = rc ? rc : put_cite(p, b, t->unit);
		rc = rc ? rc : dt__buf_printf(b, " | %s | ", t->lead);
		if (rc == 0 && !p->ru) {
			rc = dt__buf_append(b, HOLE " | ", strlen(HOLE) + 3);
		}
		rc = rc ? rc : put_cell(b, t->deadline ? t->deadline : HOLE);
		rc = rc ? rc : dt__buf_append(b, " | " HOLE " |\n",
			strlen(HOLE) + 6);
	}
	return rc;
}

/* III. TỔ CHỨC THỰC HIỆN: one item per lead body with its task numbers,
 * then the reporting clause. */
static int render_organisation(const plan *p, dt_buf *b, const char *issuer)
{
	size_t i, j, k = 0;
	int rc = 0;

	for (i = 0; i < p->n && rc == 0; i++) {
		int seen = 0;

		for (j = 0; j < i; j++) {
			seen |= strcmp(p->tasks[j].lead, p->tasks[i].lead) == 0;
		}
		if (seen) {
			continue;
		}
		rc = dt__buf_printf(b, "%zu. %s: %s", ++k, p->tasks[i].lead,
			p->ru ? "мероприятия №" : "chủ trì các nhiệm vụ số");
		for (j = i; j < p->n && rc == 0; j++) {
			if (strcmp(p->tasks[j].lead, p->tasks[i].lead) == 0) {
				rc = dt__buf_printf(b, "%s %zu",
					j == i ? "" : ",", j + 1);
			}
		}
		rc = rc ? rc : dt__buf_append(b, ".\n\n", 3);
	}
	if (rc == 0) {
		rc = dt__buf_printf(b, p->ru ? "%zu. Информация о ходе "
			"выполнения Плана представляется в %s " HOLE ".\n\n" :
			"%zu. Định kỳ " HOLE ", các cơ quan, đơn vị báo cáo "
			"kết quả thực hiện về %s.\n\n", k + 1, issuer);
	}
	return rc;
}

/* Quy định thực hiện: one article per directive article with tasks. */
static int render_articles(const plan *p, dt_buf *b)
{
	const dt_unit *article = NULL;
	size_t i, nart = 0, ncl = 0;
	int rc = 0;

	for (i = 0; i < p->n && rc == 0; i++) {
		const task *t = &p->tasks[i];
		const dt_unit *src = t->article ? t->article : t->unit;

		if (src != article) {
			article = src;
			ncl = 0;
			rc = dt__buf_printf(b, "### %s %zu. %s (%s ",
				p->ru ? "Статья" : "Điều", ++nart,
				group_title(src),
				p->ru ? "основание:" : "Thực hiện");
			rc = rc ? rc : put_cite(p, b, src);
			rc = rc ? rc : dt__buf_append(b, ")\n\n", 3);
		}
		rc = rc ? rc : dt__buf_printf(b, "%zu. %s. " HOLE "\n\n",
			++ncl, t->gist);
	}
	return rc;
}

/* ---- the document ------------------------------------------------------- */

static int date_line(char *out, size_t size, const char *iso,
	const char *place, int ru, dt_error *err)
{
	int y, m, d;
	char tail;

	if (iso == NULL || *iso == '\0') {
		snprintf(out, size, ru ? "%s, " HOLE : "%s, ngày " HOLE
			" tháng " HOLE " năm " HOLE, place);
		return 0;
	}
	if (sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
		m < 1 || m > 12 || d < 1 || d > 31 || strlen(iso) != 10) {
		return dt__fail(err, DT_EINVAL, 0, 0,
			"date '%.40s' is not YYYY-MM-DD", iso);
	}
	if (ru) {
		snprintf(out, size, "%s, %02d.%02d.%04d", place, d, m, y);
	} else {
		snprintf(out, size, "%s, ngày %d tháng %d năm %d", place, d, m,
			y);
	}
	return 0;
}

static const char *or_hole(const char *s)
{
	return s != NULL && *s != '\0' ? s : HOLE;
}

static int make_ref(plan *p, char **citation, dt_error *err)
{
	const dt_meta *m = p->meta;
	const char *type = type_word(m->type, p->src_ru);
	char *title = NULL;
	dt_buf b;
	int rc;

	dt__buf_init(&b, OUT_MAX);
	rc = dt__buf_printf(&b, p->src_ru ? "%s № %s" : "%s số %s", type,
		or_hole(m->symbol));
	if (rc < 0) {
		dt__buf_dispose(&b);
		return oom(err, rc);
	}
	p->ref = dt__buf_detach(&b, NULL);
	rc = dt_fold(&title, NULL, m->title, strlen(m->title), DT_FOLD_CASE,
		err);
	if (rc < 0) {
		return rc;
	}
	dt__buf_init(&b, OUT_MAX);
	rc = dt__buf_printf(&b, "%s", p->ref);
	if (rc == 0 && *m->issuer != '\0') {
		rc = dt__buf_printf(&b, p->src_ru ? " (%s)" : " của %s",
			m->issuer);
	}
	if (rc == 0 && *title != '\0') {
		rc = dt__buf_printf(&b, p->src_ru ? " «%s»" : " %s", title);
	}
	dt__free(title);
	if (rc < 0) {
		dt__buf_dispose(&b);
		return oom(err, rc);
	}
	*citation = dt__buf_detach(&b, NULL);
	return 0;
}

static const char *purpose_vi =
	"1. Mục đích: quán triệt, triển khai đầy đủ, kịp thời các nội dung "
	"của văn bản; xác định rõ nhiệm vụ, cơ quan chủ trì, cơ quan phối "
	"hợp, thời gian hoàn thành và sản phẩm của từng nhiệm vụ.\n\n"
	"2. Yêu cầu: mỗi nhiệm vụ gắn với điều, khoản cụ thể của văn bản; "
	"các nội dung đánh dấu " HOLE " phải được cơ quan ban hành hoàn "
	"thiện trước khi ký.";

/* Fill the template with the rendered parts. */
static int fill(plan *p, dt_buf *out, const char *citation, dt_error *err)
{
	const dt_plan_opts *o = p->o;
	const char *place = o->place ? o->place : or_hole(p->meta->place);
	const char *issuer = or_hole(o->issuer);
	char dline[256];
	dt_buf parts[4];
	char *s[4] = { NULL, NULL, NULL, NULL };
	size_t i;
	int rc;

	rc = date_line(dline, sizeof dline, o->date, place, p->ru, err);
	if (rc < 0) {
		return rc;
	}
	for (i = 0; i < 4; i++) {
		dt__buf_init(&parts[i], OUT_MAX);
	}
	rc = render_tasks(p, &parts[0]);
	rc = rc ? rc : render_table(p, &parts[1]);
	rc = rc ? rc : render_organisation(p, &parts[2], issuer);
	rc = rc ? rc : render_articles(p, &parts[3]);
	for (i = 0; i < 4; i++) {
		s[i] = rc == 0 ? dt__buf_detach(&parts[i], NULL) : NULL;
		dt__buf_dispose(&parts[i]);
		if (rc == 0 && s[i] == NULL) {
			rc = DT_ENOMEM;
		}
	}
	if (rc < 0) {
		rc = oom(err, rc);
	} else {
		const dt__tpl_var vars[] = {
			{ "issuer", issuer }, { "symbol", or_hole(o->symbol) },
			{ "date_line", dline }, { "place", place },
			{ "directive_ref", p->ref },
			{ "directive_citation", citation },
			{ "directive_title", p->meta->title },
			{ "purpose", purpose_vi },
			{ "tasks", s[0] }, { "task_table", s[1] },
			{ "organisation", s[2] }, { "articles", s[3] },
		};
		const char *tpl = o->tpl;
		size_t len = o->tpl_len;

		if (tpl == NULL) {
			tpl = o->kind == DT_PLAN_REGULATION ? tpl_reg :
				p->ru ? tpl_plan_ru : tpl_plan_vi;
			len = strlen(tpl);
		}
		rc = dt__template_fill(out, tpl, len, vars,
			sizeof vars / sizeof vars[0],
			o->tpl_file ? o->tpl_file : "(built-in template)",
			err);
	}
	for (i = 0; i < 4; i++) {
		dt__free(s[i]);
	}
	return rc;
}

int dt_plan_write(char **out, size_t *len_out, const dt_doc *directive,
	const dt_plan_opts *opts, dt_error *err)
{
	static const dt_plan_opts defaults;
	char *citation = NULL;
	plan p;
	dt_buf b;
	size_t i;
	int rc;

	DT_ASSERT_ARG(out != NULL && directive != NULL, err);
	*out = NULL;
	memset(&p, 0, sizeof p);
	p.doc = directive;
	p.meta = dt_doc_meta(directive);
	p.o = opts != NULL ? opts : &defaults;
	p.src_ru = dt_doc_lang(directive) == DT_LANG_RU;
	p.ru = p.o->lang != DT_LANG_UNKNOWN ? p.o->lang == DT_LANG_RU :
		p.src_ru;
	dt__buf_init(&b, OUT_MAX);
	rc = setup(&p, err);
	rc = rc ? rc : make_ref(&p, &citation, err);
	rc = rc ? rc : collect(&p, err);
	rc = rc ? rc : fill(&p, &b, citation, err);
	if (rc == 0) {
		*out = dt__buf_detach(&b, len_out);
		if (*out == NULL) {
			rc = oom(err, DT_ENOMEM);
		}
	}
	dt__buf_dispose(&b);
	for (i = 0; i < p.n; i++) {
		dt__free(p.tasks[i].gist);
		dt__free(p.tasks[i].deadline);
	}
	for (i = 0; p.actors != NULL && i < p.nactors; i++) {
		dt__free(p.actors[i]);
	}
	dt__free(p.actors);
	dt__free(p.tasks);
	dt__free(p.ref);
	dt__free(citation);
	dt__re_free(p.re);
	return rc;
}

/* ---- the gap report ----------------------------------------------------- */

/* The string value after `key` at or after `s` (no escapes needed: eIds
 * and statuses are plain), or NULL.  A minimal scan, not a JSON parser:
 * the report's schema puts "eid" before "status" in every unit object
 * and "local_eid" (in links) never matches the quoted key. */
static const char *value_after(const char *s, const char *key,
	size_t *len_out)
{
	const char *at = strstr(s, key), *end;

	if (at == NULL) {
		return NULL;
	}
	at += strlen(key);
	end = strchr(at, '"');
	if (end == NULL) {
		return NULL;
	}
	*len_out = (size_t)(end - at);
	return at;
}

int dt_plan_gaps_read(char ***eids_out, size_t *count_out,
	const char *json, size_t len, dt_error *err)
{
	char **v = NULL;
	size_t n = 0, elen, slen;
	const char *s, *eid, *st;
	char *copy;

	DT_ASSERT_ARG(eids_out != NULL && count_out != NULL && json != NULL,
		err);
	*eids_out = NULL;
	*count_out = 0;
	copy = dt__strndup(json, len);
	if (copy == NULL) {
		return oom(err, DT_ENOMEM);
	}
	s = strstr(copy, "\"units\":[");
	if (s == NULL) {
		dt__free(copy);
		return dt__fail(err, DT_EPARSE, 0, 0,
			"no \"units\" array: not a gap report in JSON");
	}
	while ((eid = value_after(s, "\"eid\":\"", &elen)) != NULL) {
		st = value_after(eid + elen, "\"status\":\"", &slen);
		if (st == NULL) {
			break;
		}
		s = st + slen;
		if ((slen == 9 && memcmp(st, "uncovered", 9) == 0) ||
			(slen == 7 && memcmp(st, "partial", 7) == 0)) {
			char **grown = dt__reallocarray(v, n + 1, sizeof(char *));

			if (grown == NULL) {
				goto nomem;
			}
			v = grown;
			v[n] = dt__strndup(eid, elen);
			if (v[n] == NULL) {
				goto nomem;
			}
			n++;
		}
	}
	dt__free(copy);
	*eids_out = v;
	*count_out = n;
	return 0;
nomem:
	while (n > 0) {
		dt__free(v[--n]);
	}
	dt__free(v);
	dt__free(copy);
	return oom(err, DT_ENOMEM);
}
