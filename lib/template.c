/*
 * template.c - where templates come from: the built-in copies of
 * templates/ (compiled into the library from those very files by
 * tools/tpl2c.sh, so the folder and the program cannot drift apart) and
 * the partials {{> name}} a template includes, read as _name.EXT from the
 * template's folder first, then from the built-in set.
 */
#include <stdio.h>
#include <string.h>

#include "template.h"

const char *dt__tpl_builtin(const char *name, size_t *len_out)
{
	size_t i;

	for (i = 0; dt__tpl_files[i].name != NULL; i++) {
		if (strcmp(dt__tpl_files[i].name, name) == 0) {
			if (len_out != NULL) {
				*len_out = dt__tpl_files[i].len;
			}
			return dt__tpl_files[i].data;
		}
	}
	return NULL;
}

typedef struct {
	const char *dir; /* or NULL */
	const char *ext; /* "md", "xml", "html" */
} partial_place;

/* dt__tpl_loader: `dir`/_NAME.EXT when readable, else built-in. */
static int load_partial(char **src_out, size_t *len_out, char **file_out,
	const char *name, size_t len, void *payload)
{
	const partial_place *pp = payload;
	char base[160], path[4096];
	const char *builtin;
	size_t blen;

	*src_out = *file_out = NULL;
	if (len > 100) {
		return DT_ENOTFOUND;
	}
	snprintf(base, sizeof base, "_%.*s.%s", (int)len, name, pp->ext);
	if (pp->dir != NULL && snprintf(path, sizeof path, "%s/%s", pp->dir,
		base) < (int)sizeof path &&
		dt_file_read(src_out, len_out, path, 0, NULL) == 0) {
		*file_out = dt__strdup(path);
	} else {
		builtin = dt__tpl_builtin(base, &blen);
		if (builtin == NULL) {
			return DT_ENOTFOUND;
		}
		snprintf(path, sizeof path, "built-in:templates/%s", base);
		*src_out = dt__strndup(builtin, blen);
		*file_out = dt__strdup(path);
		*len_out = blen;
	}
	if (*src_out == NULL || *file_out == NULL) {
		dt__free(*src_out);
		dt__free(*file_out);
		*src_out = *file_out = NULL;
		return DT_ENOMEM;
	}
	return 0;
}

int dt__tpl_load(dt__tpl **out, const char *src, size_t len,
	const char *file, const char *dir, const char *ext, dt_error *err)
{
	partial_place pp;

	pp.dir = dir;
	pp.ext = ext;
	return dt__tpl_parse(out, src, len, file, load_partial, &pp, err);
}
