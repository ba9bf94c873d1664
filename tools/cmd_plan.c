/*
 * cmd_plan.c - `dirtrace plan`: draft the implementing plan (or
 * regulation) of a directive, one task per obligation unit, each citing
 * its unit, as Markdown, Akoma Ntoso or HTML; optionally only for the
 * gaps of a `dirtrace gaps` JSON report.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char plan_help[] =
	"Usage: dirtrace plan [OPTIONS] DIRECTIVE -o OUT\n"
	"Draft a plan (Kế hoạch, План мероприятий) implementing DIRECTIVE:\n"
	"one task per obligation unit, citing it explicitly, with the lead\n"
	"body, co-implementers, deadline and product from its wording, «…»\n"
	"where it gives none.\n\n"
	"Options:\n"
	"  -f, --format FORMAT    md (default), akn (Akoma Ntoso 3.0 XML) or\n"
	"                         html (a self-contained page); without it, a\n"
	"                         --template FILE ending in .xml or .html\n"
	"                         sets it\n"
	"      --kind KIND        plan (default) or regulation\n"
	"      --template NAME    templates/NAME.<md|xml|html>, or a template\n"
	"                         FILE (a path, or a name ending in .md, .xml\n"
	"                         or .html); partials {{> p}} are read from\n"
	"                         its folder as _p.<ext>, else built in\n"
	"      --issuer TEXT      the body issuing the plan\n"
	"      --symbol TEXT      the plan's symbol, e.g. 15-KH/TU\n"
	"      --date YYYY-MM-DD  the plan's date\n"
	"      --place TEXT       the place (default: the directive's)\n"
	"      --gaps REPORT      only the uncovered and partial units of a\n"
	"                         `dirtrace gaps --format json` report\n"
	"  (--lang vi|ru sets the language of the plan; default: the\n"
	"   directive's.  Without --template, ./templates/<kind>_<lang>.<ext>\n"
	"   is used when present, else the same template built in.)\n"
	CLI_COMMON_HELP;

enum {
	OPT_KIND = CLI_OPT_FIRST_VERB,
	OPT_TEMPLATE,
	OPT_ISSUER,
	OPT_SYMBOL,
	OPT_DATE,
	OPT_PLACE,
	OPT_GAPS
};

static const struct option plan_longopts[] = {
	CLI_COMMON_LONGOPTS,
	{ "format", required_argument, NULL, 'f' },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "template", required_argument, NULL, OPT_TEMPLATE },
	{ "issuer", required_argument, NULL, OPT_ISSUER },
	{ "symbol", required_argument, NULL, OPT_SYMBOL },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "place", required_argument, NULL, OPT_PLACE },
	{ "gaps", required_argument, NULL, OPT_GAPS },
	{ NULL, 0, NULL, 0 }
};

/* File extension of each dt_plan_format. */
static const char *const format_exts[] = { "md", "xml", "html" };

typedef struct {
	dt_plan_opts o;
	int format_given;
	const char *tpl_arg, *gaps;
} plan_args;

/* An option of plan's own (cli_option_fn). */
static int own_option(int opt, const char *arg, void *payload)
{
	plan_args *a = payload;

	switch (opt) {
	case 'f':
		if (dt_plan_format_from_name(&a->o.format, arg) < 0) {
			return cli_usage_error("plan", "--format takes md, akn "
				"or html, not '%s'", arg);
		}
		a->format_given = 1;
		return 0;
	case OPT_KIND:
		if (strcmp(arg, "plan") == 0) {
			a->o.kind = DT_PLAN_PLAN;
		} else if (strcmp(arg, "regulation") == 0) {
			a->o.kind = DT_PLAN_REGULATION;
		} else {
			return cli_usage_error("plan", "--kind takes plan or "
				"regulation, not '%s'", arg);
		}
		return 0;
	case OPT_TEMPLATE: a->tpl_arg = arg; return 0;
	case OPT_ISSUER: a->o.issuer = arg; return 0;
	case OPT_SYMBOL: a->o.symbol = arg; return 0;
	case OPT_DATE: a->o.date = arg; return 0;
	case OPT_PLACE: a->o.place = arg; return 0;
	case OPT_GAPS: a->gaps = arg; return 0;
	default:
		return cli_usage_error("plan", "unknown option");
	}
}

/* Parse options; returns -1 to continue, else an exit status. */
static int parse_args(int argc, char **argv, cli_common *c, plan_args *a)
{
	static const cli_verb verb = { "plan", plan_help, "hVqo:f:",
		plan_longopts };
	int rc = cli_parse_options(argc, argv, &verb, c, own_option, a);

	if (rc >= 0) {
		return rc;
	}
	if (optind + 1 != argc) {
		return cli_usage_error("plan", "give exactly one DIRECTIVE");
	}
	return -1;
}

/* 1 and the format in *out when `path` ends in .md, .xml or .html. */
static int format_of_path(const char *path, dt_plan_format *out)
{
	size_t n = strlen(path), i, e;

	for (i = 0; i < sizeof format_exts / sizeof format_exts[0]; i++) {
		e = strlen(format_exts[i]);
		if (n > e + 1 && path[n - e - 1] == '.' &&
			strcmp(path + n - e, format_exts[i]) == 0) {
			*out = (dt_plan_format)i;
			return 1;
		}
	}
	return 0;
}

/* `dir` = the folder of `path` ("." when it has none). */
static void folder_of(char *dir, size_t size, const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL) {
		snprintf(dir, size, ".");
	} else if (slash == path) {
		snprintf(dir, size, "/");
	} else {
		snprintf(dir, size, "%.*s", (int)(slash - path), path);
	}
}

/* Without --template: ./templates/<kind>_<lang>.<ext> when readable (its
 * folder giving the partials), else the built-in one (*tpl NULL). */
static void default_template(char **tpl, char *path, size_t size,
	plan_args *a, int ru, char *dir, size_t dsize)
{
	dt_error err = { 0 };

	snprintf(path, size, "templates/%s_%s.%s",
		a->o.kind == DT_PLAN_REGULATION ? "regulation" : "plan",
		ru ? "ru" : "vi", format_exts[a->o.format]);
	if (dt_file_read(tpl, &a->o.tpl_len, path, 0, &err) < 0) {
		*tpl = NULL;
		return;
	}
	snprintf(dir, dsize, "templates");
	a->o.partials_dir = dir;
}

/* The template: see plan_help.  Returns an exit status. */
static int load_template(char **tpl, char *path, size_t size, plan_args *a,
	int ru, char *dir, size_t dsize)
{
	const char *name = a->tpl_arg;
	dt_plan_format f;
	dt_error err = { 0 };

	*tpl = NULL;
	if (name == NULL) {
		default_template(tpl, path, size, a, ru, dir, dsize);
		return CLI_EXIT_OK;
	}
	if (strchr(name, '/') != NULL || format_of_path(name, &f)) {
		snprintf(path, size, "%s", name);
		if (!a->format_given && format_of_path(name, &f)) {
			a->o.format = f;
		}
	} else {
		snprintf(path, size, "templates/%s.%s", name,
			format_exts[a->o.format]);
	}
	if (dt_file_read(tpl, &a->o.tpl_len, path, 0, &err) < 0) {
		return cli_report(path, &err);
	}
	folder_of(dir, dsize, path);
	a->o.partials_dir = dir;
	return CLI_EXIT_OK;
}

static int read_gaps(plan_args *a, const dt_doc *doc, char ***eids,
	size_t *n)
{
	dt_error err = { 0 };
	char *json = NULL;
	size_t len = 0;
	int rc;

	if (dt_file_read(&json, &len, a->gaps, 0, &err) < 0) {
		return cli_report(a->gaps, &err);
	}
	rc = dt_plan_gaps_read(eids, n, json, len, doc, &err);
	dt_free(json);
	if (rc < 0) {
		return cli_report(a->gaps, &err);
	}
	a->o.only = (const char *const *)*eids;
	a->o.only_count = *n;
	return CLI_EXIT_OK;
}

int cmd_plan(int argc, char **argv)
{
	plan_args a;
	cli_common c;
	dt_doc *doc = NULL;
	char **eids = NULL, *tpl = NULL, *text = NULL, path[4096], dir[4096];
	size_t neids = 0, len = 0, i;
	dt_error err = { 0 };
	dt_lang lang;
	int rc;

	memset(&a, 0, sizeof a);
	cli_common_init(&c);
	rc = parse_args(argc, argv, &c, &a);
	if (rc >= 0) {
		return rc;
	}
	lang = c.lang; /* the plan's language; the directive is detected */
	c.lang = DT_LANG_UNKNOWN;
	if (lang != DT_LANG_UNKNOWN && lang != DT_LANG_VI &&
		lang != DT_LANG_RU) {
		return cli_usage_error("plan", "plans are drafted in vi or ru");
	}
	rc = cli_load(&doc, argv[optind], &c);
	if (rc != CLI_EXIT_OK) {
		return rc;
	}
	cli_print_diags(doc, &c);
	a.o.lang = lang;
	if (lang == DT_LANG_UNKNOWN) {
		lang = dt_doc_lang(doc);
	}
	rc = load_template(&tpl, path, sizeof path, &a, lang == DT_LANG_RU,
		dir, sizeof dir);
	a.o.tpl = tpl;
	a.o.tpl_file = tpl != NULL ? path : NULL;
	if (rc == CLI_EXIT_OK && a.gaps != NULL) {
		rc = read_gaps(&a, doc, &eids, &neids);
	}
	if (rc == CLI_EXIT_OK) {
		const char *inputs[] = { argv[optind], a.gaps, a.o.tpl_file };

		rc = cli_refuse_clobber(&c, inputs, 3);
	}
	if (rc == CLI_EXIT_OK) {
		if (dt_plan_write(&text, &len, doc, &a.o, &err) < 0) {
			/* a bad option value is the caller's, not the file's */
			rc = err.code == DT_EINVAL ? cli_usage_error("plan",
				"%s", err.message) : cli_report(err.source[0] ?
				err.source : argv[optind], &err);
		} else {
			rc = cli_write(&c, text, len);
		}
	}
	for (i = 0; i < neids; i++) {
		dt_free(eids[i]);
	}
	dt_free(eids);
	dt_free(text);
	dt_free(tpl);
	dt_doc_free(doc);
	return rc;
}
