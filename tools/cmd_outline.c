/*
 * cmd_outline.c - `dirtrace outline`: metadata and the unit tree of each
 * document, as text, Markdown or JSON, written out document by document
 * (memory does not grow with the number of documents).
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char outline_help[] =
	"Usage: dirtrace outline [OPTIONS] FILE...\n"
	"Print the metadata and the tree of units (eId, number, heading,\n"
	"first words, lines) of each Markdown or Akoma Ntoso document.\n"
	"Irregular numbering is reported as warnings on stderr.\n\n"
	"Options:\n"
	"  -f, --format FMT       text (default), md or json; with several\n"
	"                         files, json is an array of documents\n"
	CLI_COMMON_HELP;

static const struct option outline_longopts[] = {
	CLI_COMMON_LONGOPTS,
	{ "format", required_argument, NULL, 'f' },
	{ NULL, 0, NULL, 0 }
};

/* --format, outline's own option (cli_option_fn). */
static int own_option(int opt, const char *arg, void *payload)
{
	dt_report_format *fmt = payload;

	if (opt != 'f') {
		return cli_usage_error("outline", "unknown option");
	}
	if (dt_report_format_from_name(fmt, arg) < 0 || *fmt > DT_REPORT_MD) {
		return cli_usage_error("outline", "--format takes text, md or "
			"json, not '%s'", arg);
	}
	return 0;
}

/* Parse options; returns -1 to continue, else an exit status. */
static int parse_args(int argc, char **argv, cli_common *c,
	dt_report_format *fmt)
{
	static const cli_verb verb = { "outline", outline_help, "hVqo:f:",
		outline_longopts };
	int rc = cli_parse_options(argc, argv, &verb, c, own_option, fmt);

	if (rc >= 0) {
		return rc;
	}
	if (optind >= argc) {
		return cli_usage_error("outline", "no FILE given");
	}
	return -1;
}

/* The outlines as they come, into the output (opened on the first, so
 * that no -o file appears when every input fails). */
typedef struct {
	const cli_common *c;
	dt_report_format fmt;
	int nfiles;
	int written;       /* outlines written */
	dt_output *o;
	dt_error err;      /* why the output failed */
	int rc;            /* 0, or the output failed */
} outline_out;

static void put(outline_out *w, const char *s, size_t len)
{
	if (w->rc == 0 && w->o == NULL) {
		/* Past a file size limit (ulimit -f) write(2) must fail
		 * with EFBIG instead of killing us halfway. */
		signal(SIGXFSZ, SIG_IGN);
		fflush(stdout);
		w->rc = dt_output_open(&w->o, w->c->output, &w->err);
		cli_guard_temp(dt_output_temp_path(w->o));
	}
	if (w->rc == 0) {
		w->rc = dt_output_write(s, len, w->o);
	}
}

static void put_outline(outline_out *w, const char *text, size_t len)
{
	int array = w->fmt == DT_REPORT_JSON && w->nfiles > 1;

	if (array) {
		put(w, w->written ? ",\n" : "[\n", 2);
	} else if (w->fmt != DT_REPORT_JSON && w->written) {
		put(w, "\n", 1);
	}
	put(w, text, len);
	w->written++;
}

/* Finish the output; an exit status. */
static int finish(outline_out *w)
{
	if (w->rc == 0 && w->fmt == DT_REPORT_JSON && w->nfiles > 1) {
		put(w, "]\n", 2);
	}
	if (w->o != NULL && (w->rc == 0 || dt_output_failed(w->o))) {
		memset(&w->err, 0, sizeof(w->err));
		w->rc = dt_output_commit(w->o, &w->err);
	} else {
		dt_output_discard(w->o);
	}
	cli_guard_temp(NULL);
	w->o = NULL;
	return w->rc < 0 ? cli_report(NULL, &w->err) : CLI_EXIT_OK;
}

int cmd_outline(int argc, char **argv)
{
	dt_report_format fmt = DT_REPORT_TEXT;
	outline_out w;
	cli_common c;
	int rc, status = CLI_EXIT_OK, i;

	cli_common_init(&c);
	rc = parse_args(argc, argv, &c, &fmt);
	if (rc >= 0) {
		return rc;
	}
	rc = cli_refuse_clobber(&c, (const char *const *)argv + optind,
		(size_t)(argc - optind));
	if (rc != CLI_EXIT_OK) {
		return rc;
	}
	memset(&w, 0, sizeof(w));
	w.c = &c;
	w.fmt = fmt;
	w.nfiles = argc - optind;
	for (i = optind; i < argc && w.rc == 0; i++) {
		dt_doc *doc = NULL;
		char *text = NULL;
		size_t len = 0;
		dt_error err = { 0 };

		if (cli_load(&doc, argv[i], &c) != CLI_EXIT_OK) {
			status = CLI_EXIT_ERROR;
			continue;
		}
		cli_print_diags(doc, &c);
		if (dt_doc_write_outline(&text, &len, doc, fmt, &err) < 0) {
			status = cli_report(argv[i], &err);
		} else {
			put_outline(&w, text, len);
		}
		dt_free(text);
		dt_doc_free(doc);
	}
	if (w.written == 0 && w.rc == 0 && status != CLI_EXIT_OK) {
		return status; /* every input failed: no -o file */
	}
	rc = finish(&w);
	return rc != CLI_EXIT_OK ? rc : status;
}
