/*
 * cmd_convert.c - `dirtrace convert`: a document to Akoma Ntoso XML or
 * back to Markdown, written atomically.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

static const char convert_help[] =
	"Usage: dirtrace convert --to akn|md [OPTIONS] FILE\n"
	"Convert a Markdown or Akoma Ntoso document: --to akn writes Akoma\n"
	"Ntoso 3.0 XML with FRBR metadata and unique eIds; --to md writes\n"
	"Markdown back.\n\n"
	"Options:\n"
	"  -t, --to FORMAT        akn or md (required)\n"
	CLI_COMMON_HELP;

static const struct option convert_longopts[] = {
	CLI_COMMON_LONGOPTS,
	{ "to", required_argument, NULL, 't' },
	{ NULL, 0, NULL, 0 }
};

/* --to, convert's own option (cli_option_fn). */
static int own_option(int opt, const char *arg, void *payload)
{
	if (opt != 't') {
		return cli_usage_error("convert", "unknown option");
	}
	*(const char **)payload = arg;
	return 0;
}

int cmd_convert(int argc, char **argv)
{
	static const cli_verb verb = { "convert", convert_help, "hVqo:t:",
		convert_longopts };
	const char *to = NULL;
	dt_doc *doc = NULL;
	char *text = NULL;
	size_t len = 0;
	dt_error err = { 0 };
	cli_common c;
	int rc;

	cli_common_init(&c);
	rc = cli_parse_options(argc, argv, &verb, &c, own_option, &to);
	if (rc >= 0) {
		return rc;
	}
	if (to == NULL || (strcmp(to, "akn") != 0 && strcmp(to, "md") != 0)) {
		return cli_usage_error("convert", "--to akn or --to md is "
			"required");
	}
	if (optind != argc - 1) {
		return cli_usage_error("convert", "convert takes exactly one "
			"FILE");
	}
	rc = cli_refuse_clobber(&c, (const char *const *)argv + optind, 1);
	if (rc != CLI_EXIT_OK) {
		return rc;
	}
	rc = cli_load(&doc, argv[optind], &c);
	if (rc != CLI_EXIT_OK) {
		return rc;
	}
	cli_print_diags(doc, &c);
	rc = strcmp(to, "akn") == 0 ?
		dt_doc_write_akn(&text, &len, doc, &err) :
		dt_doc_write_md(&text, &len, doc, &err);
	if (rc < 0) {
		rc = cli_report(argv[optind], &err);
	} else {
		rc = cli_write(&c, text, len);
	}
	dt_free(text);
	dt_doc_free(doc);
	return rc;
}
