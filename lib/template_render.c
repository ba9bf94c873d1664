/*
 * template_render.c - a parsed template + a data tree -> text.
 *
 * Names are looked up on a context stack, innermost first: a section over
 * a list pushes each item in turn, a section over any other truthy value
 * pushes that value, so inside {{#tasks}} both {{lead}} (of the task) and
 * {{issuer}} (of the document) resolve.  A dotted name "a.b" finds "a" on
 * the stack and then "b" inside it only.  "." is the innermost value.
 *
 * Strict where Mustache is lenient: a name found nowhere is an error (a
 * misspelt variable would otherwise vanish from a plan without a trace),
 * and so is a list or map used as text.  Every node visited counts
 * against a step budget, so nested sections over long lists cannot run
 * away even when they print nothing.
 */
#include <string.h>

#include "template_nodes.h"

enum { NAME_QUOTE_MAX = 60 };
#define DEFAULT_MAX_STEPS ((size_t)50 * 1000 * 1000)

typedef struct frame {
	const dt__tval *v;
	const struct frame *up;
} frame;

typedef struct {
	dt_buf *out;
	dt__esc esc;
	size_t steps, max_steps;
	dt_error *err;
} renderer;

/* Fill the error with the template's file and `line`: "`what` {{name}}"
 * for template errors; for DT_ELIMIT `what` says which limit (NULL: the
 * output size); DT_ENOMEM says so. */
static int fail(renderer *r, const dt__tpl *t, size_t line, int code,
	const char *what, const dt__tnode *n)
{
	int len = (int)(n->len > NAME_QUOTE_MAX ? NAME_QUOTE_MAX : n->len);
	const char *open = n->kind == DT__TN_SECTION ? "{{#" :
		n->kind == DT__TN_INVERTED ? "{{^" : "{{";

	if (code == DT_ELIMIT && what == NULL) {
		dt__fail(r->err, code, line, 0, "output over %zu bytes",
			r->out->max);
	} else if (code == DT_ELIMIT) {
		dt__fail(r->err, code, line, 0, "%s (%zu node visits)", what,
			r->max_steps);
	} else if (code == DT_ENOMEM) {
		dt__fail(r->err, code, line, 0, "out of memory");
	} else {
		dt__fail(r->err, code, line, 0, "%s %s%.*s}}", what, open, len,
			n->text);
	}
	dt__error_source(r->err, t->file);
	return code;
}

/* The value `name` names in context `ctx`, or NULL. */
static const dt__tval *lookup(const frame *ctx, const char *name,
	size_t len)
{
	const char *dot = memchr(name, '.', len);
	size_t head = dot != NULL ? (size_t)(dot - name) : len;
	const dt__tval *v = NULL;

	if (len == 1 && name[0] == '.') {
		return ctx->v;
	}
	for (; ctx != NULL && v == NULL; ctx = ctx->up) {
		v = dt__tval_get(ctx->v, name, head);
	}
	while (v != NULL && head < len) {
		const char *part = name + head + 1;
		size_t plen;

		dot = memchr(part, '.', len - head - 1);
		plen = dot != NULL ? (size_t)(dot - part) : len - head - 1;
		v = dt__tval_get(v, part, plen);
		head += 1 + plen;
	}
	return v;
}

static int render_range(renderer *r, const dt__tpl *t, size_t from,
	size_t to, const frame *ctx);

static int interpolate(renderer *r, const dt__tpl *t, const dt__tnode *n,
	const frame *ctx)
{
	const dt__tval *v = lookup(ctx, n->text, n->len);
	const char *s;
	size_t len;
	int rc;

	if (v == NULL) {
		return fail(r, t, n->line, DT_EPARSE, "unknown variable", n);
	}
	if (dt__tval_kind(v) == DT__TV_MAP || dt__tval_kind(v) == DT__TV_LIST) {
		return fail(r, t, n->line, DT_EPARSE, dt__tval_kind(v) ==
			DT__TV_LIST ? "a list used as text:" :
			"a map used as text:", n);
	}
	s = dt__tval_text(v, &len);
	rc = n->kind == DT__TN_RAW ? dt__buf_append(r->out, s, len) :
		dt__tpl_escape(r->out, r->esc, s, len);
	if (rc < 0) {
		return fail(r, t, n->line, rc, NULL, n);
	}
	return 0;
}

/* {{#name}}: the body once per list item, or once with a truthy value
 * pushed; {{^name}}: the body once when the value is falsey. */
static int section(renderer *r, const dt__tpl *t, size_t i,
	const frame *ctx)
{
	const dt__tnode *n = &t->nodes[i];
	const dt__tval *v = lookup(ctx, n->text, n->len);
	frame f;
	size_t k;
	int rc = 0;

	if (v == NULL) {
		return fail(r, t, n->line, DT_EPARSE, "unknown section", n);
	}
	if (n->kind == DT__TN_INVERTED) {
		return dt__tval_truthy(v) ? 0 :
			render_range(r, t, i + 1, n->end, ctx);
	}
	f.up = ctx;
	if (dt__tval_kind(v) == DT__TV_LIST) {
		for (k = 0; k < dt__tval_count(v) && rc == 0; k++) {
			f.v = dt__tval_at(v, k);
			rc = render_range(r, t, i + 1, n->end, &f);
		}
		return rc;
	}
	f.v = v;
	return dt__tval_truthy(v) ? render_range(r, t, i + 1, n->end, &f) : 0;
}

/* Render nodes [from, to) of `t`; a section node renders its body and
 * the walk continues after it. */
static int render_range(renderer *r, const dt__tpl *t, size_t from,
	size_t to, const frame *ctx)
{
	size_t i = from;
	int rc = 0;

	while (i < to && rc == 0) {
		const dt__tnode *n = &t->nodes[i];

		if (++r->steps > r->max_steps) {
			return fail(r, t, n->line, DT_ELIMIT,
				"rendering took too many steps", n);
		}
		switch (n->kind) {
		case DT__TN_TEXT:
			rc = dt__buf_append(r->out, n->text, n->len);
			if (rc < 0) {
				rc = fail(r, t, n->line, rc, NULL, n);
			}
			break;
		case DT__TN_VAR:
		case DT__TN_RAW:
			rc = interpolate(r, t, n, ctx);
			break;
		case DT__TN_SECTION:
		case DT__TN_INVERTED:
			rc = section(r, t, i, ctx);
			i = n->end - 1;
			break;
		case DT__TN_PARTIAL:
			rc = render_range(r, n->partial, 0, n->partial->n, ctx);
			break;
		}
		i++;
	}
	return rc;
}

int dt__tpl_render(dt_buf *out, const dt__tpl *t, const dt__tval *data,
	dt__esc esc, size_t max_steps, dt_error *err)
{
	renderer r;
	frame top;

	assert(out != NULL && t != NULL && data != NULL);
	r.out = out;
	r.esc = esc;
	r.steps = 0;
	r.max_steps = max_steps ? max_steps : DEFAULT_MAX_STEPS;
	r.err = err;
	top.v = data;
	top.up = NULL;
	return render_range(&r, t, 0, t->n, &top);
}
