/*
 * dirtrace.c - main(): global options and dispatch to a subcommand.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} command;

static const command commands[] = {
	{ "gaps", cmd_gaps, "coverage and gaps of a directive in local documents" },
	{ "outline", cmd_outline, "metadata and the tree of units of documents" },
	{ "cites", cmd_cites, "citations in documents, resolved to directive units" },
	{ "plan", cmd_plan, "draft the plan implementing a directive" },
	{ "convert", cmd_convert, "Markdown <-> Akoma Ntoso XML" },
	{ "norm", cmd_norm, "any supported input -> clean UTF-8 NFC LF text" },
};

static void usage(FILE *f)
{
	size_t i;

	fputs("Usage: dirtrace [--help] [--version] COMMAND [OPTIONS] "
		"[FILE...]\n\n"
		"Trace central directives into the local documents that "
		"implement them.\n\nCommands:\n", f);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		fprintf(f, "  %-10s %s\n", commands[i].name,
			commands[i].summary);
	}
	fputs("\nRun 'dirtrace COMMAND --help' for the options of a command.\n"
		"Exit status: 0 success, 1 a check failed, 2 usage or input "
		"error.\n", f);
}

int main(int argc, char **argv)
{
	size_t i;

	opterr = 0; /* subcommands report bad options themselves */
	if (argc < 2) {
		usage(stderr);
		return CLI_EXIT_ERROR;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return CLI_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		cli_print_version();
		return CLI_EXIT_OK;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[1], commands[i].name) == 0) {
			return commands[i].run(argc - 1, argv + 1);
		}
	}
	if (argv[1][0] == '-') {
		return cli_usage_error(NULL, "unknown option '%s'", argv[1]);
	}
	return cli_usage_error(NULL, "unknown command '%s'", argv[1]);
}
