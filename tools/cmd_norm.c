/*
 * cmd_norm.c - `dirtrace norm`: any supported input -> UTF-8, NFC, LF,
 * one tone style.  The input is never modified; the output is written
 * atomically.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

static const char norm_help[] =
	"Usage: dirtrace norm [OPTIONS] FILE\n"
	"Decode FILE (any supported encoding; '-' = stdin) and write it as\n"
	"UTF-8 in NFC with LF line ends and one tone-mark style.\n\n"
	"Options:\n"
	"      --tone new|old     tone placement in oa/oe/uy syllables:\n"
	"                         new (hòa, thủy; default) or old (hoà, thuỷ)\n"
	"  -v, --verbose          say on stderr which encoding was read\n"
	CLI_COMMON_HELP;

static const struct option norm_longopts[] = {
	CLI_COMMON_LONGOPTS,
	{ "tone", required_argument, NULL, CLI_OPT_TONE },
	{ "verbose", no_argument, NULL, 'v' },
	{ NULL, 0, NULL, 0 }
};

static int parse_tone(dt_tone *out, const char *arg)
{
	if (strcmp(arg, "new") == 0) {
		*out = DT_TONE_NEW;
	} else if (strcmp(arg, "old") == 0) {
		*out = DT_TONE_OLD;
	} else {
		return -1;
	}
	return 0;
}

/* The options of norm and where they go. */
typedef struct {
	cli_common c;
	int verbose;
} norm_args;

/* An option of norm's own (cli_option_fn). */
static int own_option(int opt, const char *arg, void *payload)
{
	norm_args *a = payload;

	switch (opt) {
	case 'v':
		a->verbose = 1;
		return 0;
	case CLI_OPT_TONE:
		return parse_tone(&a->c.tone, arg) < 0 ? cli_usage_error("norm",
			"--tone takes new or old, not '%s'", arg) : 0;
	default:
		return cli_usage_error("norm", "unknown option");
	}
}

int cmd_norm(int argc, char **argv)
{
	static const cli_verb verb = { "norm", norm_help, "hVqo:v",
		norm_longopts };
	norm_args a = { .verbose = 0 };
	dt_text *text = NULL;
	int rc;

	cli_common_init(&a.c);
	rc = cli_parse_options(argc, argv, &verb, &a.c, own_option, &a);
	if (rc >= 0) {
		return rc;
	}
	if (optind != argc - 1) {
		return cli_usage_error("norm", "norm takes exactly one FILE");
	}
	rc = cli_refuse_clobber(&a.c, (const char *const *)argv + optind, 1);
	if (rc != CLI_EXIT_OK) {
		return rc;
	}
	rc = cli_read_text(&text, argv[optind], &a.c);
	if (rc != CLI_EXIT_OK) {
		return rc;
	}
	if (a.verbose) {
		cli_diag("note", argv[optind], 0, "read as %s, %zu lines",
			dt_encoding_name(dt_text_encoding(text)),
			dt_text_line_count(text));
	}
	rc = cli_write(&a.c, dt_text_data(text), dt_text_len(text));
	dt_text_free(text);
	return rc;
}
