/*
 * template_nodes.h - the parsed form of a template, shared by its parser
 * (template_parse.c) and its renderer (template_render.c) only.
 */
#ifndef DT_TEMPLATE_NODES_H
#define DT_TEMPLATE_NODES_H

#include "template.h"

typedef enum {
	DT__TN_TEXT,     /* literal bytes */
	DT__TN_VAR,      /* {{name}}: escaped */
	DT__TN_RAW,      /* {{{name}}}, {{& name}} */
	DT__TN_SECTION,  /* {{#name}} … {{/name}} */
	DT__TN_INVERTED, /* {{^name}} … {{/name}} */
	DT__TN_PARTIAL   /* {{> name}} */
} dt__tn_kind;

/*
 * Nodes are one flat array in source order.  A section's body is the
 * nodes after it up to (not including) index `end`; close tags leave no
 * node.  `text`/`len` is the literal (TEXT) or the name (tags), both
 * pointing into the owning template's copy of its source.
 */
typedef struct {
	dt__tn_kind kind;
	const char *text;
	size_t len;
	size_t line;      /* 1-based line of the tag (or text start) */
	size_t end;       /* sections: index after the body */
	dt__tpl *partial; /* DT__TN_PARTIAL: the parsed partial (owned) */
} dt__tnode;

struct dt__tpl {
	char *src;        /* the source (with a partial's indentation) */
	size_t len;
	char *file;       /* names the template in errors */
	dt__tnode *nodes;
	size_t n, cap;
};

#endif /* DT_TEMPLATE_NODES_H */
