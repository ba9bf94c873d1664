/*
 * cmd_outline.c - `dirtrace outline`: metadata and the unit tree of each
 * document, as text, Markdown or JSON.
 */
#include <getopt.h>
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

/* Parse options; returns -1 to continue, else an exit status. */
static int parse_args(int argc, char **argv, cli_common *c,
	dt_report_format *fmt)
{
	int opt, rc;

	while ((opt = getopt_long(argc, argv, "hVqo:f:", outline_longopts,
			NULL)) != -1) {
		rc = cli_common_option(c, opt, optarg, "outline",
			outline_help);
		if (rc < 0) {
			return CLI_EXIT_ERROR;
		}
		if (rc == CLI_OPT_DONE) {
			return CLI_EXIT_OK;
		}
		if (rc > 0) {
			continue;
		}
		switch (opt) {
		case 'f':
			if (dt_report_format_from_name(fmt, optarg) < 0 ||
				*fmt > DT_REPORT_MD) {
				return cli_usage_error("outline", "--format "
					"takes text, md or json, not '%s'",
					optarg);
			}
			break;
		default:
			return cli_usage_error("outline", "unknown option or "
				"missing argument: '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc) {
		return cli_usage_error("outline", "no FILE given");
	}
	return -1;
}

int cmd_outline(int argc, char **argv)
{
	dt_report_format fmt = DT_REPORT_TEXT;
	dt_buf_out out;
	cli_common c;
	int rc, status = CLI_EXIT_OK, nfiles, i, written = 0;

	cli_common_init(&c);
	rc = parse_args(argc, argv, &c, &fmt);
	if (rc >= 0) {
		return rc;
	}
	nfiles = argc - optind;
	cli_out_init(&out);
	if (fmt == DT_REPORT_JSON && nfiles > 1) {
		cli_out_str(&out, "[\n");
	}
	for (i = optind; i < argc; i++) {
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
			if (fmt == DT_REPORT_JSON && nfiles > 1 && written) {
				cli_out_str(&out, ",\n");
			}
			if (fmt != DT_REPORT_JSON && written) {
				cli_out_str(&out, "\n");
			}
			cli_out_append(&out, text, len);
			written++;
		}
		dt_free(text);
		dt_doc_free(doc);
	}
	if (written == 0 && status != CLI_EXIT_OK) {
		cli_out_discard(&out); /* every input failed: no -o file */
		return status;
	}
	if (fmt == DT_REPORT_JSON && nfiles > 1) {
		cli_out_str(&out, "]\n");
	}
	rc = cli_out_finish(&out, &c);
	return rc != CLI_EXIT_OK ? rc : status;
}
