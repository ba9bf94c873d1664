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

int cmd_norm(int argc, char **argv)
{
	cli_common c;
	dt_text *text = NULL;
	int opt, rc, verbose = 0;

	cli_common_init(&c);
	while ((opt = getopt_long(argc, argv, "hVqo:v", norm_longopts,
			NULL)) != -1) {
		rc = cli_common_option(&c, opt, optarg, "norm",
			norm_help);
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
		case 'v':
			verbose = 1;
			break;
		case CLI_OPT_TONE:
			if (parse_tone(&c.tone, optarg) < 0) {
				return cli_usage_error("norm", "--tone takes "
					"new or old, not '%s'", optarg);
			}
			break;
		default:
			return cli_usage_error("norm", "unknown option or "
				"missing argument: '%s'", argv[optind - 1]);
		}
	}
	if (optind != argc - 1) {
		return cli_usage_error("norm", "norm takes exactly one FILE");
	}
	rc = cli_read_text(&text, argv[optind], &c);
	if (rc != CLI_EXIT_OK) {
		return rc;
	}
	if (verbose) {
		cli_diag("note", argv[optind], 0, "read as %s, %zu lines",
			dt_encoding_name(dt_text_encoding(text)),
			dt_text_line_count(text));
	}
	rc = cli_write(&c, dt_text_data(text), dt_text_len(text));
	dt_text_free(text);
	return rc;
}
