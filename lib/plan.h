/*
 * plan.h - private helpers of the plan drafter (plan.c) and the template
 * filler (template.c).  Never installed.
 */
#ifndef DT_PLAN_H
#define DT_PLAN_H

#include "internal.h"

/** A {{name}} placeholder and its replacement text. */
typedef struct {
	const char *name;
	const char *value;
} dt__tpl_var;

/**
 * Append `tpl` (len bytes) to `out` with every {{name}} replaced by the
 * value of the variable of that name (`vars`, `nvars`).  An unknown or
 * unterminated placeholder fails with DT_EPARSE naming it and its line;
 * `source` names the template in `err`.
 */
int dt__template_fill(dt_buf *out, const char *tpl, size_t len,
	const dt__tpl_var *vars, size_t nvars, const char *source,
	dt_error *err);

#endif /* DT_PLAN_H */
