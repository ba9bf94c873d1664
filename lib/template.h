/*
 * template.h - the Mustache-subset template engine behind `dirtrace plan`
 * (never installed).  Four parts, one file each:
 *   template_data.c    the data tree a template is rendered against
 *   template_parse.c   template text -> a tree of nodes (tags, standalone
 *                      lines, partials)
 *   template_render.c  nodes + data -> output (context stack, sections)
 *   template_escape.c  how a {{value}} is escaped in md, xml and html
 * and template.c, which finds templates and partials (a folder, then the
 * built-in copies of templates/ compiled into the library).
 *
 * The language (templates/README.md documents it for users): {{name}}
 * escaped, {{{name}}} and {{& name}} raw, dotted names, {{#name}}…{{/name}}
 * sections over lists and truthy values, {{^name}}…{{/name}} inverted
 * sections, {{! comments }}, {{> partial}}; standalone tags leave no
 * blank line.  Unlike Mustache, a name found nowhere is an error, so a
 * typo in a template is reported instead of printing nothing.
 */
#ifndef DT_TEMPLATE_H
#define DT_TEMPLATE_H

#include "internal.h"

/* ## The data tree (template_data.c) */

typedef enum {
	DT__TV_STR,  /* text; falsey when empty */
	DT__TV_BOOL,
	DT__TV_MAP,  /* keys -> values, in insertion order */
	DT__TV_LIST  /* values; falsey when empty */
} dt__tv_kind;

typedef struct dt__tval dt__tval;

/**
 * Owns every node of one data tree.  Builders never fail loudly: an
 * allocation failure is remembered in `status` and every later call with
 * a NULL parent is a no-op returning NULL, so a builder checks once at the
 * end (dt__tdata_status) instead of after every field.
 */
typedef struct {
	dt__tval *root;  /* a map */
	dt__tval *all;   /* every node, for dt__tdata_dispose */
	int status;      /* 0 or DT_ENOMEM */
} dt__tdata;

/** A data tree with an empty root map; check dt__tdata_status(). */
void dt__tdata_init(dt__tdata *d);
void dt__tdata_dispose(dt__tdata *d);
/** 0, or DT_ENOMEM when some allocation failed while building. */
int dt__tdata_status(const dt__tdata *d);

/* Setters of a map's key (a string literal or a string that outlives the
 * tree: keys are not copied).  A key set twice keeps the last value.
 * Each returns the new node, or NULL when `map` is NULL or memory ran
 * out. */
dt__tval *dt__tdata_str(dt__tdata *d, dt__tval *map, const char *key,
	const char *s);
dt__tval *dt__tdata_strn(dt__tdata *d, dt__tval *map, const char *key,
	const char *s, size_t len);
dt__tval *dt__tdata_fmt(dt__tdata *d, dt__tval *map, const char *key,
	const char *fmt, ...) DT_PRINTF(4, 5);
dt__tval *dt__tdata_bool(dt__tdata *d, dt__tval *map, const char *key,
	int truth);
dt__tval *dt__tdata_map(dt__tdata *d, dt__tval *map, const char *key);
dt__tval *dt__tdata_list(dt__tdata *d, dt__tval *map, const char *key);
/** A new map appended to `list`. */
dt__tval *dt__tdata_push_map(dt__tdata *d, dt__tval *list);
/** A copy of `s` appended to `list`. */
dt__tval *dt__tdata_push_str(dt__tdata *d, dt__tval *list, const char *s);
/** Append an existing node of the same tree to `list` (nodes may be
 *  shared: the tree owns them all). */
void dt__tdata_push(dt__tdata *d, dt__tval *list, dt__tval *v);

/* Readers, for the renderer. */
dt__tv_kind dt__tval_kind(const dt__tval *v);
/** The text of a string ("true"/"false" for a bool), its length in *len. */
const char *dt__tval_text(const dt__tval *v, size_t *len);
/** Truthiness: non-empty string, true, any map, non-empty list. */
int dt__tval_truthy(const dt__tval *v);
/** The value of key name[0..len) in a map, or NULL (also for non-maps). */
const dt__tval *dt__tval_get(const dt__tval *map, const char *name,
	size_t len);
size_t dt__tval_count(const dt__tval *list);
const dt__tval *dt__tval_at(const dt__tval *list, size_t i);

/* ## Parsing (template_parse.c) */

typedef struct dt__tpl dt__tpl;

/**
 * Hands the parser the source of partial `name` (`len` bytes): a new
 * buffer in *src_out (dt__free) of *len_out bytes and a new string naming
 * it for errors in *file_out (dt__free).  DT_ENOTFOUND when there is no
 * such partial (the parser reports it with the tag's line).
 */
typedef int (*dt__tpl_loader)(char **src_out, size_t *len_out,
	char **file_out, const char *name, size_t len, void *payload);

/**
 * Parse `len` bytes of template at `src` (copied), `file` naming it in
 * errors.  Partials are loaded through `load` (may be NULL: then a
 * partial tag is an error) and parsed at once, so every error of a
 * template set surfaces here.  Fails with DT_EPARSE (bad tag, unclosed
 * section, mismatched close, unknown partial: `err` has file and line),
 * DT_ELIMIT (sections nested deeper than 64, partials deeper than 8) or
 * DT_ENOMEM.  Free with dt__tpl_free().
 */
int dt__tpl_parse(dt__tpl **out, const char *src, size_t len,
	const char *file, dt__tpl_loader load, void *payload, dt_error *err);
void dt__tpl_free(dt__tpl *t);

/* ## Rendering (template_render.c, template_escape.c) */

typedef enum {
	DT__ESC_MD = 0, /* Markdown our reader reads back as the same text */
	DT__ESC_XML,    /* & < > " ' as entities, C0 controls dropped */
	DT__ESC_HTML    /* the same, with &#39; */
} dt__esc;

/**
 * Render `t` against `data` into `out` (appended; its maximum bounds the
 * output), escaping {{values}} for `esc`.  A name found in no enclosing
 * context, or a list or map used as text, fails with DT_EPARSE naming the
 * template file and line; a render taking more than `max_steps` node
 * visits (0 = 50 million) fails with DT_ELIMIT, as does output past
 * out->max.
 */
int dt__tpl_render(dt_buf *out, const dt__tpl *t, const dt__tval *data,
	dt__esc esc, size_t max_steps, dt_error *err);

/**
 * Append `len` bytes of `s` escaped for `esc`.  DT__ESC_MD needs the
 * output so far (`out`) to know whether `s` starts a line, where "1. ",
 * "- ", "#" and the like would start a block.
 */
int dt__tpl_escape(dt_buf *out, dt__esc esc, const char *s, size_t len);

/* ## Finding templates (template.c) */

/** One file of templates/ built into the library (tools/tpl2c.sh writes
 *  the table dt__tpl_files, ended by a NULL name). */
typedef struct {
	const char *name; /* "plan_vi.md", "_akn_meta.xml" */
	const char *data; /* NUL-terminated */
	size_t len;
} dt__tpl_file;
extern const dt__tpl_file dt__tpl_files[];

/** The built-in copy of templates/NAME (e.g. "plan_vi.md"), or NULL. */
const char *dt__tpl_builtin(const char *name, size_t *len_out);

/**
 * Parse a template (as dt__tpl_parse) whose partials {{> p}} are read
 * from `dir`/_p.EXT when `dir` is not NULL and that file is readable,
 * else from the built-in _p.EXT (EXT is `ext`: "md", "xml", "html").
 */
int dt__tpl_load(dt__tpl **out, const char *src, size_t len,
	const char *file, const char *dir, const char *ext, dt_error *err);

#endif /* DT_TEMPLATE_H */
