/*
 * plan_extract.c - what a directive clause says about its own execution:
 * the body that leads it, the bodies that help, the deadline or rhythm
 * and the document it produces (DOMAIN §5.1-5.3).  A plan pre-fills
 * these and leaves «…» wherever the clause is silent, so a wrong guess
 * costs more than no guess: every rule below errs towards silence.
 *
 * Actors (lib/data/actors_<lang>.txt) and cue words (plan_cues_<lang>.txt)
 * are matched on the terms of the tokenizer: case-folded syllables in
 * Vietnamese, Snowball stems in Russian, so "партийного комитета" is
 * "Партийный комитет".  At each term the longest actor wins.  A mention
 * leads when it scores above zero:
 *   +4  an `assign` cue before it ("giao", "đề nghị", "поручить")
 *   +3  a `role` cue within three terms after it ("chủ trì", "phải",
 *       "обязан"), not past the end of its clause
 *   +2  it opens its clause (after `det` words such as "các", "mỗi");
 *       +1 after a comma ("Trong vòng 15 ngày, chi ủy …")
 *   -5  an `object` cue before it ("của", "với", "с", "в"), or right
 *       after an actor that is no object itself, which it qualifies
 *       ("Người đứng đầu cấp ủy"; but "с Министерством исполнительные
 *       органы" names two bodies)
 * the best score leading, the earliest on a tie.  Co-implementers are the
 * actors right after a `with` cue ("phối hợp với X, Y và Z"); the output
 * is the first `output` cue; the deadline the first match of a pattern.
 */
#include <string.h>

#include "plan.h"

extern const char *const dt__data_actors_vi[];
extern const char *const dt__data_actors_ru[];
extern const char *const dt__data_plan_cues_vi[];
extern const char *const dt__data_plan_cues_ru[];

enum { ROLE_WINDOW = 3 };

/* Deadlines and rhythms (DOMAIN §5.3): dates, durations, quarters,
 * periods and recurrences, each bounded, so that a match never runs on
 * into the rest of the sentence.  A number may be written in words
 * ("trong thời hạn mười ngày", "в течение трех дней"). */
#define WORDS_AFTER "[^\\s,.;:]+(?: [^\\s,.;:]+){0,3}"
#define DATE_VI "ngày \\d{1,2}/\\d{1,2}(?:/\\d{2,4})?" \
	"|ngày \\d{1,2} tháng \\d{1,2}(?: năm \\d{4})?" \
	"|\\d{1,2}/\\d{1,2}/\\d{4}"
#define SPAN_VI "(?:\\S+ )?\\S+ (?:ngày|tháng|năm|tuần)(?: làm việc)?"
static const char re_vi[] =
	"trong (?:thời hạn|vòng) " SPAN_VI
	"(?: kể từ(?: ngày)? " WORDS_AFTER ")?"
	"|chậm nhất(?: là)? (?:" DATE_VI "|" SPAN_VI
	"(?: (?:trước|sau|kể từ)(?: ngày)? " WORDS_AFTER ")?)"
	"|(?:trước|đến) ngày \\d{1,2}/\\d{1,2}(?:/\\d{2,4})?"
	"(?: và(?: ngày)? \\d{1,2}/\\d{1,2})?(?: (?:hằng|hàng) năm)?"
	"|(?:trước|đến) ngày \\d{1,2} tháng \\d{1,2}(?: năm \\d{4})?"
	"(?: (?:hằng|hàng) năm)?"
	"|(?:xong|hoàn thành) trong (?:tháng \\d{1,2}/\\d{4}"
	"|(?:quý|quí) (?:IV|III|II|I)[/-]\\d{4}|năm \\d{4})"
	"|(?:trong )?(?:quý|quí) (?:IV|III|II|I)(?:[/-]\\d{4}| năm \\d{4})"
	"|giai đoạn \\d{4} ?[-–] ?\\d{4}"
	"|trong năm \\d{4}"
	"|định kỳ(?: \\d{1,3} tháng| (?:hằng|hàng) (?:năm|quý|tháng)"
	"| (?:sáu|ba) tháng)?(?: một lần)?"
	"|(?:hằng|hàng) (?:năm|quý|tháng|tuần)"
	"|mỗi (?:năm|quý|tháng|tuần)(?: một lần| \\d{1,3} lần| hai lần)?"
	"|(?:ít nhất )?(?:\\d{1,3}|một|hai|ba|sáu) tháng một lần"
	"|6 tháng đầu năm|cuối năm|thường xuyên|đột xuất";
#define MONTHS_RU "января|февраля|марта|апреля|мая|июня|июля|августа" \
	"|сентября|октября|ноября|декабря"
#define DATE_RU "\\d{1,2}\\.\\d{1,2}\\.\\d{4}(?: г(?:ода|\\.)?)?" \
	"|\\d{1,2} (?:" MONTHS_RU ")(?: \\d{4} г(?:ода|\\.)?)?"
#define SPAN_RU "\\S+ (?:рабочих |календарных )?" \
	"(?:дн(?:я|ей)|месяц(?:а|ев)?|недел[иь]|час(?:а|ов)?)"
static const char re_ru[] =
	"ежегодно|ежеквартально|ежемесячно|еженедельно|ежедневно"
	"|постоянно|на постоянной основе|по мере необходимости"
	"|в течение " SPAN_RU
	"|(?:в срок )?(?:не позднее|до) (?:" DATE_RU
	"|\\d{1,2} числа(?: месяца)?(?:, следующего за отчетным (?:месяцем"
	"|кварталом|периодом|годом))?|конца (?:\\d{4} )?года)"
	"|не позднее " SPAN_RU "(?: (?:со дня|с даты|с момента) [^\\s,.;:]+)?"
	"|не реже (?:одного раза|\\S+ раза?) в (?:год|полугодие|квартал"
	"|месяц|неделю)"
	"|(?:в )?(?:IV|III|II|I) квартал[еа]? \\d{4} г(?:ода|\\.)?"
	"|в \\d{4} году"
	"|в день (?:регистрации|поступления|обращения)";

typedef enum {
	CUE_ASSIGN, CUE_OBJECT, CUE_ROLE, CUE_DET, CUE_AND, CUE_WITH,
	CUE_OUTPUT
} cue_kind;

/* A phrase as terms; `name` is what a plan writes for it. */
typedef struct {
	cue_kind kind;
	const char *name;  /* actors: the table row; output cues: column 3 */
	char **terms;
	size_t n;
} phrase;

typedef struct {
	char *term;
	size_t start, end; /* bytes of the text */
} token;

typedef struct {
	token *v;
	size_t n, cap;
} tokens;

struct dt__plan_extractor {
	dt_tokenizer *tok;
	phrase *actors, *cues;
	size_t nactors, ncues;
	char *names;       /* output-cue names cut out of their rows */
	dt_re *deadline;
};

/* ## terms */

static int collect_term(const char *term, size_t len, size_t start,
	size_t end, void *payload)
{
	tokens *t = payload;

	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		token *grown = dt__reallocarray(t->v, cap, sizeof(*grown));

		if (grown == NULL) {
			return DT_ENOMEM;
		}
		t->v = grown;
		t->cap = cap;
	}
	t->v[t->n].term = dt__strndup(term, len);
	if (t->v[t->n].term == NULL) {
		return DT_ENOMEM;
	}
	t->v[t->n].start = start;
	t->v[t->n].end = end;
	t->n++;
	return 0;
}

static void tokens_dispose(tokens *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		dt__free(t->v[i].term);
	}
	dt__free(t->v);
	memset(t, 0, sizeof(*t));
}

static int tokenize(dt__plan_extractor *x, tokens *out, const char *s,
	size_t len, dt_error *err)
{
	int rc;

	memset(out, 0, sizeof(*out));
	rc = dt_tokenizer_run(x->tok, s, len, collect_term, out, err);
	if (rc != 0) { /* our callback's DT_ENOMEM comes back as is */
		tokens_dispose(out);
		return rc == DT_ENOMEM ? dt__fail(err, rc, 0, 0,
			"out of memory") : rc;
	}
	return 0;
}

/* The terms of `text` (len bytes) as a phrase of kind `kind`. */
static int phrase_init(dt__plan_extractor *x, phrase *ph, cue_kind kind,
	const char *name, const char *text, size_t len, dt_error *err)
{
	tokens t;
	size_t i;
	int rc = tokenize(x, &t, text, len, err);

	if (rc < 0) {
		return rc;
	}
	ph->kind = kind;
	ph->name = name;
	ph->terms = dt__calloc(t.n ? t.n : 1, sizeof(char *));
	if (ph->terms == NULL) {
		tokens_dispose(&t);
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	ph->n = t.n;
	for (i = 0; i < t.n; i++) {
		ph->terms[i] = t.v[i].term; /* adopted */
		t.v[i].term = NULL;
	}
	tokens_dispose(&t);
	return 0;
}

static void phrases_free(phrase *v, size_t n)
{
	size_t i, k;

	for (i = 0; v != NULL && i < n; i++) {
		for (k = 0; k < v[i].n; k++) {
			dt__free(v[i].terms[k]);
		}
		dt__free(v[i].terms);
	}
	dt__free(v);
}

/* Does `ph` match the tokens from index `at`? */
static int matches_at(const tokens *t, size_t at, const phrase *ph)
{
	size_t k;

	if (ph->n == 0 || at + ph->n > t->n) {
		return 0;
	}
	for (k = 0; k < ph->n; k++) {
		if (strcmp(t->v[at + k].term, ph->terms[k]) != 0) {
			return 0;
		}
	}
	return 1;
}

/* Length of the longest cue of `kind` starting at token `at`, or 0. */
static size_t cue_at(const dt__plan_extractor *x, cue_kind kind,
	const tokens *t, size_t at, const phrase **which)
{
	size_t i, best = 0;

	for (i = 0; i < x->ncues; i++) {
		const phrase *c = &x->cues[i];

		if (c->kind == kind && c->n > best && matches_at(t, at, c)) {
			best = c->n;
			if (which != NULL) {
				*which = c;
			}
		}
	}
	return best;
}

/* Length of a cue of `kind` that ends right before token `end`, or 0. */
static size_t cue_before(const dt__plan_extractor *x, cue_kind kind,
	const tokens *t, size_t end)
{
	size_t i;

	for (i = 0; i < x->ncues; i++) {
		const phrase *c = &x->cues[i];

		if (c->kind == kind && c->n <= end &&
			matches_at(t, end - c->n, c)) {
			return c->n;
		}
	}
	return 0;
}

/* The longest actor starting at token `at` (its length in *len). */
static const phrase *actor_at(const dt__plan_extractor *x, const tokens *t,
	size_t at, size_t *len)
{
	const phrase *best = NULL;
	size_t i;

	*len = 0;
	for (i = 0; i < x->nactors; i++) {
		if (x->actors[i].n > *len && matches_at(t, at, &x->actors[i])) {
			best = &x->actors[i];
			*len = best->n;
		}
	}
	return best;
}

/* ## setting up */

static int load_actors(dt__plan_extractor *x, const char *const *rows,
	dt_error *err)
{
	size_t n = 0, i;
	int rc = 0;

	while (rows[n] != NULL) {
		n++;
	}
	x->actors = dt__calloc(n ? n : 1, sizeof(phrase));
	if (x->actors == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	for (i = 0; i < n && rc == 0; i++) {
		rc = phrase_init(x, &x->actors[i], CUE_OBJECT, rows[i], rows[i],
			strlen(rows[i]), err);
		x->nactors = i + 1;
	}
	return rc;
}

static int cue_kind_of(const char *row, size_t len, cue_kind *out)
{
	static const char *const names[] = { "assign", "object", "role",
		"det", "and", "with", "output" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strlen(names[i]) == len && memcmp(row, names[i], len) == 0) {
			*out = (cue_kind)i;
			return 0;
		}
	}
	return -1;
}

/* Rows "KIND<TAB>phrase[<TAB>name]"; names are copied into x->names
 * (one buffer, NUL-separated) so that phrases can point into it. */
static int load_cues(dt__plan_extractor *x, const char *const *rows,
	dt_error *err)
{
	size_t n = 0, i, bytes = 0, used = 0;
	int rc = 0;

	while (rows[n] != NULL) {
		bytes += strlen(rows[n++]) + 1;
	}
	x->cues = dt__calloc(n ? n : 1, sizeof(phrase));
	x->names = dt__malloc(bytes + 1);
	if (x->cues == NULL || x->names == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	for (i = 0; i < n && rc == 0; i++) {
		const char *row = rows[i], *tab = strchr(row, '\t'), *tab2;
		char *name = NULL;
		cue_kind kind;

		if (tab == NULL || cue_kind_of(row, (size_t)(tab - row),
			&kind) < 0) {
			return dt__fail(err, DT_EPARSE, i + 1, 0,
				"plan cue row '%.40s' is not KIND<TAB>phrase",
				row);
		}
		tab2 = strchr(tab + 1, '\t');
		if (tab2 != NULL) {
			name = x->names + used;
			used += strlen(tab2 + 1) + 1;
			memcpy(name, tab2 + 1, strlen(tab2 + 1) + 1);
		}
		rc = phrase_init(x, &x->cues[i], kind, name, tab + 1,
			tab2 != NULL ? (size_t)(tab2 - tab - 1) :
			strlen(tab + 1), err);
		x->ncues = i + 1;
	}
	return rc;
}

int dt__plan_extractor_new(dt__plan_extractor **out, dt_lang lang,
	dt_error *err)
{
	int ru = lang == DT_LANG_RU;
	dt__plan_extractor *x = dt__calloc(1, sizeof(*x));
	int rc;

	*out = NULL;
	if (x == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	rc = dt_tokenizer_new(&x->tok, ru ? DT_LANG_RU : DT_LANG_VI,
		DT_TERMS_KEEP_STOPWORDS | DT_TERMS_NO_BIGRAMS, err);
	if (rc == 0) {
		rc = load_actors(x, ru ? dt__data_actors_ru :
			dt__data_actors_vi, err);
	}
	if (rc == 0) {
		rc = load_cues(x, ru ? dt__data_plan_cues_ru :
			dt__data_plan_cues_vi, err);
	}
	if (rc == 0) {
		rc = dt__re_compile(&x->deadline, ru ? re_ru : re_vi,
			DT_RE_CASELESS, err);
	}
	if (rc < 0) {
		dt__plan_extractor_free(x);
		return rc;
	}
	*out = x;
	return 0;
}

void dt__plan_extractor_free(dt__plan_extractor *x)
{
	if (x == NULL) {
		return;
	}
	dt_tokenizer_free(x->tok);
	phrases_free(x->actors, x->nactors);
	phrases_free(x->cues, x->ncues);
	dt__free(x->names);
	dt__re_free(x->deadline);
	dt__free(x);
}

/* ## the lead */

static int is_clause_break(char c)
{
	return c == '.' || c == ';' || c == ':' || c == '\n' || c == ')';
}

/* Do only blanks and commas, no clause break, lie between the end of
 * token `a` and the start of token `b`? */
static int same_clause(const char *text, const tokens *t, size_t a,
	size_t b)
{
	size_t i;

	for (i = t->v[a].end; i < t->v[b].start; i++) {
		if (is_clause_break(text[i])) {
			return 0;
		}
	}
	return 1;
}

/* How clearly a clause opens at token `at`: 2 after a clause break or
 * at the start (bullets aside), 1 after a comma, else 0. */
static int opens_clause(const char *text, const tokens *t, size_t at)
{
	size_t i;
	int comma = 0;

	if (at == 0) {
		for (i = 0; i < t->v[0].start; i++) {
			if (text[i] != ' ' && !is_clause_break(text[i]) &&
				text[i] != '-' && text[i] != '+') {
				return 0;
			}
		}
		return 2;
	}
	for (i = t->v[at - 1].end; i < t->v[at].start; i++) {
		if (is_clause_break(text[i])) {
			return 2;
		}
		comma |= text[i] == ',';
	}
	return comma;
}

/* The score of the mention at tokens [at, at + len); see the top. */
static int score_mention(const dt__plan_extractor *x, const char *text,
	const tokens *t, size_t at, size_t len)
{
	size_t from = at, k, d;
	int score = 0;

	while (from > 0 && (d = cue_before(x, CUE_DET, t, from)) > 0 &&
		same_clause(text, t, from - d, from)) {
		from -= d;
	}
	if (from > 0 && same_clause(text, t, from - 1, from)) {
		if (cue_before(x, CUE_ASSIGN, t, from) > 0) {
			score += 4;
		}
		if (cue_before(x, CUE_OBJECT, t, from) > 0) {
			score -= 5;
		}
	}
	score += opens_clause(text, t, from);
	for (k = at + len; k < t->n && k < at + len + ROLE_WINDOW &&
		same_clause(text, t, k - 1, k); k++) {
		if (cue_at(x, CUE_ROLE, t, k, NULL) > 0) {
			score += 3;
			break;
		}
	}
	return score;
}

static const char *find_lead(const dt__plan_extractor *x, const char *text,
	const tokens *t)
{
	const char *lead = NULL;
	int best = 0;
	size_t i = 0, after_actor = SIZE_MAX;
	int prev_score = 0;

	while (i < t->n) {
		size_t len;
		const phrase *a = actor_at(x, t, i, &len);
		int score;

		if (a == NULL) {
			i++;
			continue;
		}
		score = score_mention(x, text, t, i, len);
		if (i == after_actor && prev_score >= 0 &&
			same_clause(text, t, i - 1, i)) {
			score -= 5;
		}
		after_actor = i + len;
		prev_score = score;
		if (score > best) {
			best = score;
			lead = a->name;
		}
		i += len;
	}
	return lead;
}

/* ## co-implementers, output, deadline */

/* Append `name` to the ", "-joined list `b` unless it is there or is
 * the lead. */
static int add_name(dt_buf *b, const char *name, const char *lead)
{
	const char *at = b->data;
	size_t len = strlen(name);

	if (lead != NULL && strcmp(name, lead) == 0) {
		return 0;
	}
	while (at != NULL && (at = strstr(at, name)) != NULL) {
		if ((at == b->data || (at - b->data >= 2 && at[-2] == ',')) &&
			(at[len] == '\0' || at[len] == ',')) {
			return 0;
		}
		at += len;
	}
	if (b->len > 0 && dt__buf_append(b, ", ", 2) < 0) {
		return DT_ENOMEM;
	}
	return dt__buf_append(b, name, len);
}

/* The actors after each `with` cue, through `det` and `and` words. */
static int find_co(const dt__plan_extractor *x, const char *text,
	const tokens *t, const char *lead, char **out)
{
	dt_buf b;
	size_t i = 0, len;
	int rc = 0;

	dt__buf_init(&b, 4096);
	*out = NULL;
	while (i < t->n && rc == 0) {
		size_t k = cue_at(x, CUE_WITH, t, i, NULL), n;

		if (k == 0) {
			i++;
			continue;
		}
		for (i += k; i < t->n && rc == 0 &&
			same_clause(text, t, i - 1, i); i += n) {
			const phrase *a = actor_at(x, t, i, &len);

			n = len;
			if (a != NULL) {
				rc = add_name(&b, a->name, lead);
			} else if ((n = cue_at(x, CUE_DET, t, i, NULL)) == 0 &&
				(n = cue_at(x, CUE_AND, t, i, NULL)) == 0) {
				break;
			}
		}
	}
	if (rc == 0 && b.len > 0) {
		*out = dt__buf_detach(&b, NULL);
		rc = *out == NULL ? DT_ENOMEM : 0;
	}
	dt__buf_dispose(&b);
	return rc;
}

static const char *find_output(const dt__plan_extractor *x, const tokens *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		const phrase *c = NULL;

		if (cue_at(x, CUE_OUTPUT, t, i, &c) > 0) {
			return c->name;
		}
	}
	return NULL;
}

static int is_word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		(c >= 'A' && c <= 'Z');
}

/* The first deadline phrase, without trailing blanks and never ending
 * inside a word. */
static int find_deadline(const dt__plan_extractor *x, const char *text,
	char **out, dt_error *err)
{
	size_t ov[2], len = strlen(text), end;
	int rc;

	*out = NULL;
	rc = dt__re_match(x->deadline, text, len, 0, ov, 1);
	if (rc < 0) {
		return dt__fail(err, rc, 0, 0, "deadline pattern: %s",
			dt_strerror(rc));
	}
	if (rc == 0) {
		return 0;
	}
	end = ov[1];
	if (end < len && is_word_byte((unsigned char)text[end])) {
		while (end > ov[0] && text[end - 1] != ' ') {
			end--; /* a free-text tail stopped inside a word */
		}
	}
	while (end > ov[0] && text[end - 1] == ' ') {
		end--;
	}
	if (end == ov[0]) {
		return 0;
	}
	*out = dt__strndup(text + ov[0], end - ov[0]);
	return *out != NULL ? 0 : dt__fail(err, DT_ENOMEM, 0, 0,
		"out of memory");
}

int dt__plan_extract(dt__plan_extractor *x, const char *text,
	dt__plan_facts *out, dt_error *err)
{
	tokens t;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = tokenize(x, &t, text, strlen(text), err);
	if (rc < 0) {
		return rc;
	}
	out->lead = find_lead(x, text, &t);
	out->output = find_output(x, &t);
	rc = find_co(x, text, &t, out->lead, &out->co);
	if (rc < 0) {
		rc = dt__fail(err, rc, 0, 0, "out of memory");
	} else {
		rc = find_deadline(x, text, &out->deadline, err);
	}
	tokens_dispose(&t);
	if (rc < 0) {
		dt__plan_facts_dispose(out);
	}
	return rc;
}

void dt__plan_facts_dispose(dt__plan_facts *f)
{
	dt__free(f->co);
	dt__free(f->deadline);
	memset(f, 0, sizeof(*f));
}
