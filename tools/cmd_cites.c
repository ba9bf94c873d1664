/*
 * cmd_cites.c - `dirtrace cites`: the citations in each document, each
 * resolved against the directives given with --directive (as text,
 * JSON or TSV).
 */
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { OPT_DIRECTIVE = CLI_OPT_FIRST_VERB };

static const char cites_help[] =
	"Usage: dirtrace cites [OPTIONS] FILE...\n"
	"List the citations in each document (\"khoản 2 Điều 5 Quy định\n"
	"số 31-QĐ/TW\", \"пункт 2 статьи 5\", \"Quy định này\"), each\n"
	"resolved to the units of a loaded directive or marked broken,\n"
	"stale, self, external or ambiguous:\n"
	"FILE:LINE: text -> targets | status.\n\n"
	"Options:\n"
	"      --directive FILE   load FILE as a directive citations may\n"
	"                         resolve to (repeatable)\n"
	"  -f, --format FMT       text (default), json or tsv; with several\n"
	"                         files, json is an array of documents and\n"
	"                         tsv has one header\n"
	CLI_COMMON_HELP;

static const struct option cites_longopts[] = {
	CLI_COMMON_LONGOPTS,
	{ "directive", required_argument, NULL, OPT_DIRECTIVE },
	{ "format", required_argument, NULL, 'f' },
	{ NULL, 0, NULL, 0 }
};

typedef struct {
	cli_common c;
	dt_report_format fmt;
	const char **dirs; /* --directive paths, in order */
	size_t ndirs;
} cites_args;

static int add_directive(cites_args *a, const char *path)
{
	const char **p = realloc(a->dirs, (a->ndirs + 1) * sizeof(*p));

	if (p == NULL) {
		cli_diag("error", NULL, 0, "out of memory");
		return -1;
	}
	a->dirs = p;
	a->dirs[a->ndirs++] = path;
	return 0;
}

/* An option of cites' own (cli_option_fn). */
static int own_option(int opt, const char *arg, void *payload)
{
	cites_args *a = payload;

	switch (opt) {
	case 'f':
		if (dt_report_format_from_name(&a->fmt, arg) < 0 ||
			(a->fmt != DT_REPORT_TEXT && a->fmt != DT_REPORT_JSON &&
				a->fmt != DT_REPORT_TSV)) {
			return cli_usage_error("cites", "--format takes text, "
				"json or tsv, not '%s'", arg);
		}
		return 0;
	case OPT_DIRECTIVE:
		return add_directive(a, arg) < 0 ? CLI_EXIT_ERROR : 0;
	default:
		return cli_usage_error("cites", "unknown option");
	}
}

/* Parse options; returns -1 to continue, else an exit status. */
static int parse_args(int argc, char **argv, cites_args *a)
{
	static const cli_verb verb = { "cites", cites_help, "hVqo:f:",
		cites_longopts };
	int rc = cli_parse_options(argc, argv, &verb, &a->c, own_option, a);

	if (rc >= 0) {
		return rc;
	}
	if (optind >= argc) {
		return cli_usage_error("cites", "no FILE given");
	}
	return -1;
}

/* Load the directives; NULL entries for those that failed, and for a
 * file named again (read once, with a warning: loaded twice, every
 * citation of it would be ambiguous between the two). */
static int load_directives(dt_doc **docs, const cites_args *a)
{
	size_t i, *earlier = malloc((a->ndirs + 1) * sizeof(*earlier));
	int status = CLI_EXIT_OK;

	if (earlier == NULL ||
		cli_find_repeats(a->dirs, a->ndirs, earlier) < 0) {
		free(earlier);
		cli_diag("error", NULL, 0, "out of memory");
		return CLI_EXIT_ERROR;
	}
	for (i = 0; i < a->ndirs; i++) {
		if (earlier[i] != SIZE_MAX) {
			if (!a->c.quiet) {
				cli_diag("warning", a->dirs[i], 0, "named "
					"again (first as %s): read once",
					a->dirs[earlier[i]]);
			}
			continue;
		}
		if (cli_load(&docs[i], a->dirs[i], &a->c) != CLI_EXIT_OK) {
			status = CLI_EXIT_ERROR;
			continue;
		}
		cli_print_diags(docs[i], &a->c);
	}
	free(earlier);
	return status;
}

/* Append one document's output: JSON objects are joined into an array,
 * the TSV header is kept only once. */
static void append_output(dt_buf_out *out, const cites_args *a,
	const char *text, size_t len, int written, int nfiles)
{
	size_t skip = 0;

	if (a->fmt == DT_REPORT_JSON && nfiles > 1 && written) {
		cli_out_str(out, ",\n");
	}
	if (a->fmt == DT_REPORT_TSV && written) {
		/* the comment line and the header row */
		const char *p = memchr(text, '\n', len);

		p = p ? memchr(p + 1, '\n', len - (size_t)(p + 1 - text)) :
			NULL;
		skip = p ? (size_t)(p + 1 - text) : 0;
	}
	cli_out_append(out, text + skip, len - skip);
}

static int cite_one(dt_buf_out *out, const cites_args *a, const char *path,
	const dt_doc *const *dirs, size_t ndirs, int *written, int nfiles)
{
	dt_citeset *set = NULL;
	dt_doc *doc = NULL;
	dt_error err = { 0 };
	char *text = NULL;
	size_t len = 0;
	int status = CLI_EXIT_OK;

	if (cli_load(&doc, path, &a->c) != CLI_EXIT_OK) {
		return CLI_EXIT_ERROR;
	}
	cli_print_diags(doc, &a->c);
	if (dt_cites_find(&set, doc, dirs, ndirs, &err) < 0 ||
		dt_citeset_write(&text, &len, set, a->fmt, &err) < 0) {
		status = cli_report(path, &err);
	} else {
		append_output(out, a, text, len, *written, nfiles);
		(*written)++;
	}
	dt_free(text);
	dt_citeset_free(set);
	dt_doc_free(doc);
	return status;
}

/* The output may be neither a FILE nor a --directive: -1 to go on. */
static int refuse_clobber(const cites_args *a, char **files, int nfiles)
{
	int rc = cli_refuse_clobber(&a->c, a->dirs, a->ndirs);

	if (rc == CLI_EXIT_OK) {
		rc = cli_refuse_clobber(&a->c, (const char *const *)files,
			(size_t)nfiles);
	}
	return rc == CLI_EXIT_OK ? -1 : rc;
}

int cmd_cites(int argc, char **argv)
{
	cites_args a;
	dt_doc **dirs = NULL;
	dt_buf_out out;
	size_t i, n = 0;
	int rc, status, nfiles, written = 0, k;

	memset(&a, 0, sizeof(a));
	cli_common_init(&a.c);
	a.fmt = DT_REPORT_TEXT;
	rc = parse_args(argc, argv, &a);
	if (rc < 0) {
		rc = refuse_clobber(&a, argv + optind, argc - optind);
	}
	if (rc >= 0) {
		free(a.dirs);
		return rc;
	}
	dirs = calloc(a.ndirs + 1, sizeof(*dirs));
	if (dirs == NULL) {
		free(a.dirs);
		cli_diag("error", NULL, 0, "out of memory");
		return CLI_EXIT_ERROR;
	}
	status = load_directives(dirs, &a);
	for (i = 0; i < a.ndirs; i++) {
		if (dirs[i] != NULL) {
			dirs[n++] = dirs[i];
		}
	}
	nfiles = argc - optind;
	cli_out_init(&out);
	if (a.fmt == DT_REPORT_JSON && nfiles > 1) {
		cli_out_str(&out, "[\n");
	}
	for (k = optind; k < argc; k++) {
		rc = cite_one(&out, &a, argv[k], (const dt_doc *const *)dirs, n,
			&written, nfiles);
		status = rc != CLI_EXIT_OK ? rc : status;
	}
	if (a.fmt == DT_REPORT_JSON && nfiles > 1) {
		cli_out_str(&out, "]\n");
	}
	for (i = 0; i < n; i++) {
		dt_doc_free(dirs[i]);
	}
	free(dirs);
	free(a.dirs);
	if (written == 0 && status != CLI_EXIT_OK) {
		cli_out_discard(&out); /* every input failed: no -o file */
		return status;
	}
	rc = cli_out_finish(&out, &a.c);
	return rc != CLI_EXIT_OK ? rc : status;
}
