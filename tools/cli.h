/*
 * cli.h - what the dirtrace subcommands share: diagnostics in GNU form,
 * reading inputs through the text layer, writing outputs atomically.
 * The CLI only parses options and calls the library.
 */
#ifndef DT_CLI_H
#define DT_CLI_H

#include <stddef.h>
#include <stdio.h>

#include <dirtrace.h>

#define CLI_EXIT_OK 0
#define CLI_EXIT_CHECK 1 /* the check failed (--fail-under) */
#define CLI_EXIT_ERROR 2 /* usage, input or system error */

/* Options every subcommand accepts. */
typedef struct {
	dt_encoding encoding; /* --encoding */
	dt_lang lang;         /* --lang (UNKNOWN = detect) */
	dt_tone tone;         /* --tone */
	int quiet;            /* -q */
	int color;            /* --color: 0 never, 1 always, -1 auto */
	const char *output;   /* -o, "-" = stdout */
} cli_common;

/* Long-option codes for the common options (short ones use their letter). */
enum {
	CLI_OPT_ENCODING = 0x100,
	CLI_OPT_LANG,
	CLI_OPT_COLOR,
	CLI_OPT_TONE,
	CLI_OPT_FIRST_VERB /* verbs number their own long-only options from here */
};

/* The common entries of every verb's longopts[] (NULL-terminated later). */
#define CLI_COMMON_LONGOPTS                                                  \
	{ "help", no_argument, NULL, 'h' },                                  \
	{ "version", no_argument, NULL, 'V' },                               \
	{ "quiet", no_argument, NULL, 'q' },                                 \
	{ "output", required_argument, NULL, 'o' },                          \
	{ "encoding", required_argument, NULL, CLI_OPT_ENCODING },           \
	{ "lang", required_argument, NULL, CLI_OPT_LANG },                   \
	{ "color", optional_argument, NULL, CLI_OPT_COLOR }

/* The help text lines for the common options. */
#define CLI_COMMON_HELP                                                      \
	"  -o, --output FILE      write to FILE (atomically); '-' = stdout\n"   \
	"      --encoding NAME    input encoding: auto (default), utf-8,\n"     \
	"                         utf-16le, utf-16be, windows-1258, tcvn3,\n"   \
	"                         viscii, vni\n"                                \
	"      --lang vi|ru|en    document language (default: detect)\n"        \
	"      --color[=WHEN]     colour diagnostics: auto, always, never\n"    \
	"  -q, --quiet            no progress or warnings on stderr\n"          \
	"  -h, --help             show this help and exit\n"                    \
	"  -V, --version          show the version and exit\n"

void cli_common_init(cli_common *c);

#define CLI_OPT_DONE 2 /* --help or --version was printed: exit 0 */

/* Handle a common option `opt` (from getopt_long), printing `help` for
 * -h: returns 1 if it was one, CLI_OPT_DONE after --help or --version,
 * 0 if it is the verb's own, -1 after a usage error for a bad value. */
int cli_common_option(cli_common *c, int opt, const char *arg,
	const char *verb, const char *help);

/* Print the version line to stdout. */
void cli_print_version(void);

/* `dirtrace: FILE:LINE: error: MESSAGE` (FILE/LINE omitted when unknown). */
void cli_diag(const char *kind, const char *file, size_t line,
	const char *fmt, ...) DT_PRINTF(4, 5);

/* Print a library error for `file` and return CLI_EXIT_ERROR. */
int cli_report(const char *file, const dt_error *err);

/* Print a usage error and the hint to run --help; return CLI_EXIT_ERROR. */
int cli_usage_error(const char *verb, const char *fmt, ...) DT_PRINTF(2, 3);

/* Read and decode `path` ("-" = stdin) into *out; on failure print the
 * diagnostic and return CLI_EXIT_ERROR. */
int cli_read_text(dt_text **out, const char *path, const cli_common *c);

/* Write `len` bytes to c->output atomically (or stdout), reporting errors;
 * returns CLI_EXIT_OK or CLI_EXIT_ERROR. */
int cli_write(const cli_common *c, const char *buf, size_t len);

/* Load a document (Markdown or AKN, any encoding) with the common
 * options; on failure print the diagnostic and return CLI_EXIT_ERROR. */
int cli_load(dt_doc **out, const char *path, const cli_common *c);

/* Print the document's warnings as `dirtrace: FILE:LINE: warning: …`
 * unless -q. */
void cli_print_diags(const dt_doc *doc, const cli_common *c);

/* Output collected in memory and written once at the end, so that -o is
 * atomic and a failed run writes nothing. */
typedef struct {
	char *data;
	size_t len, cap;
	int failed;
} dt_buf_out;
void cli_out_init(dt_buf_out *o);
void cli_out_append(dt_buf_out *o, const char *s, size_t len);
void cli_out_str(dt_buf_out *o, const char *s);
/* Write everything to c->output and free it; returns an exit status. */
int cli_out_finish(dt_buf_out *o, const cli_common *c);

/* Subcommands: each parses its own argv (argv[0] is the verb). */
int cmd_norm(int argc, char **argv);
int cmd_outline(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_gaps(int argc, char **argv);
int cmd_cites(int argc, char **argv);
int cmd_plan(int argc, char **argv);

#endif /* DT_CLI_H */
