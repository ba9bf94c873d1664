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
	dt_parse_opts limits; /* --max-*, --guard (0 = default) */
} cli_common;

/* Long-option codes for the common options (short ones use their letter). */
enum {
	CLI_OPT_ENCODING = 0x100,
	CLI_OPT_LANG,
	CLI_OPT_COLOR,
	CLI_OPT_TONE,
	CLI_OPT_MAX_BYTES,
	CLI_OPT_MAX_LINE,
	CLI_OPT_MAX_DEPTH,
	CLI_OPT_MAX_UNITS,
	CLI_OPT_MAX_CELLS,
	CLI_OPT_MAX_CITES,
	CLI_OPT_MAX_SECONDS,
	CLI_OPT_MAX_MEMORY,
	CLI_OPT_GUARD,
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
	{ "color", optional_argument, NULL, CLI_OPT_COLOR },                  \
	{ "max-bytes", required_argument, NULL, CLI_OPT_MAX_BYTES },         \
	{ "max-line", required_argument, NULL, CLI_OPT_MAX_LINE },           \
	{ "max-depth", required_argument, NULL, CLI_OPT_MAX_DEPTH },         \
	{ "max-units", required_argument, NULL, CLI_OPT_MAX_UNITS },         \
	{ "max-cells", required_argument, NULL, CLI_OPT_MAX_CELLS },         \
	{ "max-cites", required_argument, NULL, CLI_OPT_MAX_CITES },         \
	{ "max-seconds", required_argument, NULL, CLI_OPT_MAX_SECONDS },     \
	{ "max-memory", required_argument, NULL, CLI_OPT_MAX_MEMORY },       \
	{ "guard", required_argument, NULL, CLI_OPT_GUARD }

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
	"  -V, --version          show the version and exit\n"                  \
	"Limits (SIZE takes a K, M or G suffix):\n"                             \
	"      --max-bytes SIZE   input file size (default 64M)\n"              \
	"      --max-line SIZE    one Markdown line (default 1M)\n"             \
	"      --max-depth N      nesting of blocks or elements (default 256)\n" \
	"      --max-units N      units per document (default and most\n"       \
	"                         1000000)\n"                                   \
	"      --max-cells N      Markdown table cells, rows padded to the\n"   \
	"                         header (default 200000)\n"                    \
	"      --max-cites N      citations per unit (default 100000)\n"        \
	"      --max-seconds N    CPU budget of a guarded Markdown parse\n"     \
	"                         (default 5)\n"                                \
	"      --max-memory SIZE  memory budget of a guarded Markdown parse\n"  \
	"                         (default 512M)\n"                             \
	"      --guard WHEN       parse Markdown in a child process under the\n" \
	"                         budget: auto (suspect or large documents;\n"  \
	"                         default), always, or never (suspect\n"        \
	"                         documents are refused)\n"

void cli_common_init(cli_common *c);

struct option; /* <getopt.h> */

/* What parsing a verb's options needs: its name (in messages), its
 * --help text and its getopt_long tables. */
typedef struct {
	const char *name;
	const char *help;
	const char *shortopts;
	const struct option *longopts;
} cli_verb;

/* Take a verb's own option `opt` (its argument `arg`, NULL without one)
 * into `payload`: 0 when taken, CLI_EXIT_ERROR after printing a usage
 * error (cli_usage_error) for a bad value. */
typedef int (*cli_option_fn)(int opt, const char *arg, void *payload);

/* Parse the options of argv with getopt_long: the common ones into `c`,
 * the verb's own through `own`; an unknown option or a missing argument
 * is a usage error.  Returns -1 to go on with the operands (from
 * optind), CLI_EXIT_OK after --help or --version, CLI_EXIT_ERROR after a
 * usage error. */
int cli_parse_options(int argc, char **argv, const cli_verb *v,
	cli_common *c, cli_option_fn own, void *payload);

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

/* CLI_EXIT_ERROR, after an error line, when the output file (-o) is one
 * of the n input files `paths` (NULL entries are skipped): writing it
 * would replace an input.  Compared by device and inode, so another
 * spelling, a hard link or a symbolic link to an input counts.  Only a
 * regular file can be clobbered: /dev/null as both is fine. */
int cli_refuse_clobber(const cli_common *c, const char *const *paths,
	size_t n);

/* For each of the n `paths`, in earlier[i] the place of an earlier path
 * naming the same file (by device and inode: a link or another spelling
 * counts), or SIZE_MAX; "-" and paths that do not stat are never
 * repeats.  -1 when out of memory. */
int cli_find_repeats(const char *const *paths, size_t n, size_t *earlier);

/* Remove the temporary file `path` should the run be stopped by SIGINT,
 * SIGTERM or SIGHUP (then die of that signal); NULL: nothing to remove
 * any more.  One file at a time: the output being written. */
void cli_guard_temp(const char *path);

/* Write `len` bytes to c->output atomically (or stdout), reporting errors;
 * returns CLI_EXIT_OK or CLI_EXIT_ERROR. */
int cli_write(const cli_common *c, const char *buf, size_t len);

/* The parse options the common options ask for: encoding, language,
 * tone and the limits (--max-*, --guard).  For a verb that calls
 * dt_doc_load() itself (gaps reads documents in worker threads). */
void cli_parse_opts(dt_parse_opts *out, const cli_common *c);

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
/* Free the output without writing it: when every input failed, -o must
 * not create (or replace) a file. */
void cli_out_discard(dt_buf_out *o);

/* Subcommands: each parses its own argv (argv[0] is the verb). */
int cmd_norm(int argc, char **argv);
int cmd_outline(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_gaps(int argc, char **argv);
int cmd_cites(int argc, char **argv);
int cmd_plan(int argc, char **argv);

#endif /* DT_CLI_H */
