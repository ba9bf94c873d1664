/*
 * scope.h - which local documents are within a directive's scope, for
 * implicit links.
 *
 * A local document names what it carries out: "Thực hiện Quy định số
 * 31-QĐ/TW …", "Căn cứ Kế hoạch số 12-KH/TU …" (metadata based_on).  A
 * plan that says it carries out another directive, and never mentions
 * ours, shares words with our clauses only because Party documents
 * share words; its paragraphs are no evidence that our clauses are
 * implemented.  The scope follows chains of local documents: a cell's
 * resolution based on the province's plan is within the scope when the
 * plan is.  A document that states no basis stays within the scope (the
 * matcher's document factor still judges its subject).
 *
 * Use: dt__scope_new(), dt__scope_add() once per local document (in any
 * order), dt__scope_resolve() once all are added, then dt__scope_in().
 * Memory: a few matching keys per document.
 */
#ifndef DT_SCOPE_H
#define DT_SCOPE_H

#include <stddef.h>

#include "internal.h"

typedef struct dt_scope dt_scope;

/** A scope for `directive`: its own symbol and the symbols it replaces
 *  count as "ours".  Returns 0 or DT_ENOMEM. */
int dt__scope_new(dt_scope **out, const dt_doc *directive);
void dt__scope_free(dt_scope *s);

/**
 * Record local document number `doc` (0, 1, 2 … in the order the caller
 * counts them; gaps allowed): its symbol, its stated basis, and whether
 * any of its citations names the directive (a unit, the whole, a unit it
 * lacks, or a document it replaces).  Returns 0 or DT_ENOMEM.
 */
int dt__scope_add(dt_scope *s, size_t doc, const dt_doc *local,
	int cites_directive);

/** Decide every recorded document (breadth-first along basis chains).
 *  Returns 0 or DT_ENOMEM. */
int dt__scope_resolve(dt_scope *s);

/** After dt__scope_resolve(): 1 when document `doc` is within the scope
 *  (or was never recorded), 0 when it carries out other documents only. */
int dt__scope_in(const dt_scope *s, size_t doc);

#endif /* DT_SCOPE_H */
