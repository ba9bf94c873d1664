/*
 * cmd_gaps.c - `dirtrace gaps`: the main job.  One directive, many local
 * documents (files or folders searched recursively), one report of what
 * is covered and what is missing.
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static const char gaps_help[] =
	"Usage: dirtrace gaps [OPTIONS] DIRECTIVE LOCAL...\n"
	"Link every unit of DIRECTIVE to the units of the LOCAL documents\n"
	"that implement it (explicitly through citations, implicitly through\n"
	"similar wording) and report coverage and gaps.  LOCAL may be a\n"
	"folder: it is searched for *.md, *.markdown, *.xml and *.txt.\n\n"
	"Options:\n"
	"  -f, --format FMT       text (default), md, json, csv or html\n"
	"      --fail-under PCT   exit 1 when obligation coverage is below PCT\n"
	"      --explicit-only    --fail-under counts explicit coverage only\n"
	"      --min-score X      keep implicit links scoring at least X\n"
	"                         (0..1; default: calibrated on the corpus)\n"
	"      --no-implicit      explicit links only\n"
	"      --accept FILE      accepted gaps: eId<TAB>not-applicable|\n"
	"                         alternative|planned<TAB>reason\n"
	"      --keep-going       a LOCAL that cannot be read is reported and\n"
	"                         skipped without failing the run\n"
	"      --csv-bom          start CSV output with a UTF-8 BOM\n"
	CLI_COMMON_HELP;

enum {
	OPT_FAIL_UNDER = CLI_OPT_FIRST_VERB, OPT_EXPLICIT_ONLY, OPT_MIN_SCORE,
	OPT_NO_IMPLICIT, OPT_ACCEPT, OPT_KEEP_GOING, OPT_CSV_BOM
};

static const struct option gaps_longopts[] = {
	CLI_COMMON_LONGOPTS,
	{ "format", required_argument, NULL, 'f' },
	{ "fail-under", required_argument, NULL, OPT_FAIL_UNDER },
	{ "explicit-only", no_argument, NULL, OPT_EXPLICIT_ONLY },
	{ "min-score", required_argument, NULL, OPT_MIN_SCORE },
	{ "no-implicit", no_argument, NULL, OPT_NO_IMPLICIT },
	{ "accept", required_argument, NULL, OPT_ACCEPT },
	{ "keep-going", no_argument, NULL, OPT_KEEP_GOING },
	{ "csv-bom", no_argument, NULL, OPT_CSV_BOM },
	{ NULL, 0, NULL, 0 }
};

typedef struct {
	cli_common c;
	dt_report_format fmt;
	double fail_under;       /* < 0: not set */
	int explicit_only, keep_going;
	unsigned write_flags;
	dt_review_opts ropts;
	const char *accept;
} gaps_args;

/* A number in [lo, hi] from `arg`; -1 when it is not one. */
static int parse_num(double *out, const char *arg, double lo, double hi)
{
	char *end = NULL;
	double v = strtod(arg, &end);

	if (end == arg || *end != '\0' || v < lo || v > hi) {
		return -1;
	}
	*out = v;
	return 0;
}

static int verb_option(gaps_args *a, int opt, const char *arg)
{
	switch (opt) {
	case 'f':
		return dt_report_format_from_name(&a->fmt, arg) < 0 ||
			a->fmt == DT_REPORT_TSV ? cli_usage_error("gaps",
			"--format takes text, md, json, csv or html, not '%s'",
			arg) : 0;
	case OPT_FAIL_UNDER:
		return parse_num(&a->fail_under, arg, 0, 100) < 0 ?
			cli_usage_error("gaps", "--fail-under takes a "
			"percentage 0..100, not '%s'", arg) : 0;
	case OPT_MIN_SCORE:
		return parse_num(&a->ropts.min_score, arg, 0.0001, 1) < 0 ?
			cli_usage_error("gaps", "--min-score takes a number "
			"in (0, 1], not '%s'", arg) : 0;
	case OPT_EXPLICIT_ONLY:
		a->explicit_only = 1;
		return 0;
	case OPT_NO_IMPLICIT:
		a->ropts.flags |= DT_REVIEW_NO_IMPLICIT;
		return 0;
	case OPT_ACCEPT:
		a->accept = arg;
		return 0;
	case OPT_KEEP_GOING:
		a->keep_going = 1;
		return 0;
	case OPT_CSV_BOM:
		a->write_flags |= DT_WRITE_CSV_BOM;
		return 0;
	default:
		return cli_usage_error("gaps", "unknown option or missing "
			"argument: '%s'", optarg ? optarg : "?");
	}
}

/* Parse options; returns -1 to go on, else an exit status. */
static int parse_args(int argc, char **argv, gaps_args *a)
{
	int opt, rc;

	while ((opt = getopt_long(argc, argv, "hVqo:f:", gaps_longopts,
			NULL)) != -1) {
		rc = cli_common_option(&a->c, opt, optarg, "gaps",
			gaps_help);
		if (rc < 0) {
			return CLI_EXIT_ERROR;
		}
		if (rc == CLI_OPT_DONE) {
			return CLI_EXIT_OK;
		}
		if (rc > 0) {
			continue;
		}
		if (opt == '?') {
			return cli_usage_error("gaps", "unknown option or "
				"missing argument: '%s'", argv[optind - 1]);
		}
		if (verb_option(a, opt, optarg) != 0) {
			return CLI_EXIT_ERROR;
		}
	}
	if (argc - optind < 2) {
		return cli_usage_error("gaps", "gaps takes a DIRECTIVE and at "
			"least one LOCAL document or folder");
	}
	return -1;
}

/* ## inputs */

typedef struct {
	char **v;
	size_t n, cap;
} path_list;

static path_list *walk_into; /* nftw has no payload argument */

static int push_path(path_list *l, const char *p)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		char **v = realloc(l->v, cap * sizeof(*v));

		if (v == NULL) {
			return -1;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n] = strdup(p);
	return l->v[l->n++] ? 0 : -1;
}

static int has_doc_ext(const char *p)
{
	static const char *const exts[] = { ".md", ".markdown", ".xml",
		".txt" };
	size_t n = strlen(p), i;

	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		size_t e = strlen(exts[i]);

		if (n > e && strcmp(p + n - e, exts[i]) == 0) {
			return 1;
		}
	}
	return 0;
}

static int walk_one(const char *p, const struct stat *st, int type,
	struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (type == FTW_F && has_doc_ext(p)) {
		return push_path(walk_into, p);
	}
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Files as given; folders searched (in name order, symlinks not
 * followed). */
static int collect(path_list *out, char **args, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		struct stat st;
		size_t first = out->n;

		if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			walk_into = out;
			if (nftw(args[i], walk_one, 16, FTW_PHYS) != 0) {
				cli_diag("error", args[i], 0, "cannot read "
					"the folder");
				return -1;
			}
			qsort(out->v + first, out->n - first, sizeof(char *),
				cmp_str);
		} else if (push_path(out, args[i]) < 0) {
			return -1;
		}
	}
	return 0;
}

static void free_paths(path_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i]);
	}
	free(l->v);
}

/* ## the run */

/* Is `doc` the directive itself (the same symbol), e.g. its AKN copy
 * lying in the same folder?  Such a file is no local document. */
static int is_directive(const dt_doc *dir, const dt_doc *doc)
{
	const char *a = dt_doc_meta(dir)->symbol;
	const char *b = dt_doc_meta(doc)->symbol;

	return a[0] != '\0' && strcmp(a, b) == 0 &&
		strcmp(dt_doc_meta(dir)->date, dt_doc_meta(doc)->date) == 0;
}

/* "files read / total" on stderr once a run passes ~2 s, only on a
 * terminal and without -q; returns 1 once shown. */
static int progress(const gaps_args *a, size_t i, size_t n, time_t start,
	int shown)
{
	if (a->c.quiet || !isatty(STDERR_FILENO) ||
		(!shown && time(NULL) - start < 2)) {
		return shown;
	}
	fprintf(stderr, "\rdirtrace: %zu/%zu files read", i, n);
	return 1;
}

static int load_accept(dt_review *r, const char *path)
{
	char *buf = NULL;
	size_t len = 0;
	dt_error err = { 0 };
	int rc = dt_file_read(&buf, &len, path, 0, &err);

	if (rc == 0) {
		rc = dt_review_accept(r, buf, len, path, &err);
	}
	dt_free(buf);
	return rc < 0 ? cli_report(path, &err) : CLI_EXIT_OK;
}

/* Read and add every local document; returns how many failed. */
static size_t add_locals(const gaps_args *a, dt_review *r,
	const dt_doc *dir, const path_list *locals)
{
	time_t start = time(NULL);
	size_t i, failed = 0;
	int shown = 0;

	for (i = 0; i < locals->n; i++) {
		dt_doc *doc = NULL;
		dt_error err = { 0 };

		shown = progress(a, i, locals->n, start, shown);
		if (cli_load(&doc, locals->v[i], &a->c) != CLI_EXIT_OK) {
			failed++;
			continue;
		}
		cli_print_diags(doc, &a->c);
		if (is_directive(dir, doc)) {
			if (!a->c.quiet) {
				cli_diag("note", locals->v[i], 0, "the "
					"directive itself: skipped");
			}
		} else if (dt_review_add(r, doc, &err) < 0) {
			cli_report(locals->v[i], &err);
			failed++;
		}
		dt_doc_free(doc);
	}
	if (shown) {
		fprintf(stderr, "\rdirtrace: %zu/%zu files read\n", i,
			locals->n);
	}
	return failed;
}

static unsigned color_flag(const gaps_args *a)
{
	if (a->fmt != DT_REPORT_TEXT || a->c.color == 0) {
		return 0;
	}
	return a->c.color == 1 || (strcmp(a->c.output, "-") == 0 &&
		isatty(STDOUT_FILENO)) ? DT_WRITE_COLOR : 0;
}

/* Exit 1 when coverage is below --fail-under. */
static int check_coverage(const gaps_args *a, const dt_review *r)
{
	const dt_summary *s = dt_review_summary(r);
	double pct = 100.0 * (a->explicit_only ? s->explicit_coverage :
		s->coverage);

	if (a->fail_under < 0 || pct >= a->fail_under) {
		return CLI_EXIT_OK;
	}
	if (!a->c.quiet) {
		cli_diag("note", NULL, 0, "%scoverage %.1f%% is below %g%%",
			a->explicit_only ? "explicit " : "", pct,
			a->fail_under);
	}
	return CLI_EXIT_CHECK;
}

static int write_review(const gaps_args *a, const dt_review *r)
{
	char *out = NULL;
	size_t len = 0;
	dt_error err = { 0 };
	int rc = dt_review_write(&out, &len, r, a->fmt,
		a->write_flags | color_flag(a), &err);

	rc = rc < 0 ? cli_report(NULL, &err) : cli_write(&a->c, out, len);
	dt_free(out);
	return rc;
}

static int gaps_run(const gaps_args *a, const char *dirpath,
	const path_list *locals)
{
	dt_doc *dir = NULL;
	dt_review *r = NULL;
	dt_error err = { 0 };
	size_t failed = 0;
	int rc = cli_load(&dir, dirpath, &a->c);

	if (rc != CLI_EXIT_OK) {
		return rc;
	}
	cli_print_diags(dir, &a->c);
	if (dt_review_new(&r, dir, &a->ropts, &err) < 0) {
		rc = cli_report(dirpath, &err);
	}
	if (rc == CLI_EXIT_OK && a->accept != NULL) {
		rc = load_accept(r, a->accept);
	}
	if (rc == CLI_EXIT_OK) {
		failed = add_locals(a, r, dir, locals);
		if (dt_review_finish(r, &err) < 0) {
			rc = cli_report(dirpath, &err);
		}
	}
	if (rc == CLI_EXIT_OK) {
		rc = write_review(a, r);
	}
	if (rc == CLI_EXIT_OK && failed > 0 && !a->keep_going) {
		rc = CLI_EXIT_ERROR;
	}
	if (rc == CLI_EXIT_OK) {
		rc = check_coverage(a, r);
	}
	dt_review_free(r);
	dt_doc_free(dir);
	return rc;
}

int cmd_gaps(int argc, char **argv)
{
	gaps_args a;
	path_list locals = { NULL, 0, 0 };
	int rc;

	memset(&a, 0, sizeof(a));
	cli_common_init(&a.c);
	a.fail_under = -1;
	rc = parse_args(argc, argv, &a);
	if (rc >= 0) {
		return rc;
	}
	if (collect(&locals, argv + optind + 1, argc - optind - 1) < 0) {
		free_paths(&locals);
		return CLI_EXIT_ERROR;
	}
	rc = gaps_run(&a, argv[optind], &locals);
	free_paths(&locals);
	return rc;
}
