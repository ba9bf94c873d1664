/*
 * cli.c - helpers shared by the dirtrace subcommands.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

void cli_common_init(cli_common *c)
{
	memset(c, 0, sizeof(*c));
	c->encoding = DT_ENC_AUTO;
	c->lang = DT_LANG_UNKNOWN;
	c->tone = DT_TONE_NEW;
	c->color = -1;
	c->output = "-";
	c->limits = (dt_parse_opts)DT_PARSE_OPTS_INIT;
}

static int parse_color(const char *arg)
{
	if (arg == NULL || strcmp(arg, "always") == 0) {
		return 1;
	}
	if (strcmp(arg, "never") == 0) {
		return 0;
	}
	if (strcmp(arg, "auto") == 0) {
		return -1;
	}
	return -2;
}

/* A positive number from `arg`, with a K, M or G suffix (powers of 1024)
 * when `sized`, at most `max`; 0 when it is not one. */
static unsigned long long parse_count(const char *arg, int sized,
	unsigned long long max)
{
	unsigned long long v, mul = 1;
	char *end = NULL;

	if (arg[0] < '0' || arg[0] > '9') {
		return 0;
	}
	errno = 0;
	v = strtoull(arg, &end, 10);
	if (errno != 0 || end == arg) {
		return 0;
	}
	if (sized && *end != '\0' && strchr("kKmMgG", *end) != NULL) {
		mul = *end == 'k' || *end == 'K' ? 1ull << 10 :
			*end == 'm' || *end == 'M' ? 1ull << 20 : 1ull << 30;
		end++;
	}
	if (*end != '\0' || v == 0 || v > max / mul) {
		return 0;
	}
	return v * mul;
}

/* The limit options: --max-* and --guard.  Returns 1, or -1 after a
 * usage error. */
static int limit_option(dt_parse_opts *l, int opt, const char *arg,
	const char *verb)
{
	static const struct {
		int opt;
		const char *name;
		int sized;
		unsigned long long max;
	} lim[] = {
		{ CLI_OPT_MAX_BYTES, "max-bytes", 1, SIZE_MAX },
		{ CLI_OPT_MAX_LINE, "max-line", 1, SIZE_MAX },
		{ CLI_OPT_MAX_DEPTH, "max-depth", 0, 1000000 },
		{ CLI_OPT_MAX_UNITS, "max-units", 0, 1000000 },
		{ CLI_OPT_MAX_CELLS, "max-cells", 0, 1000000000 },
		{ CLI_OPT_MAX_CITES, "max-cites", 0, 1000000000 },
		{ CLI_OPT_MAX_SECONDS, "max-seconds", 0, 86400 },
		{ CLI_OPT_MAX_MEMORY, "max-memory", 1, SIZE_MAX },
	};
	unsigned long long v;
	size_t i;

	if (opt == CLI_OPT_GUARD) {
		l->flags &= ~(DT_PARSE_GUARD_ALWAYS | DT_PARSE_GUARD_NEVER);
		if (strcmp(arg, "always") == 0) {
			l->flags |= DT_PARSE_GUARD_ALWAYS;
		} else if (strcmp(arg, "never") == 0) {
			l->flags |= DT_PARSE_GUARD_NEVER;
		} else if (strcmp(arg, "auto") != 0) {
			cli_usage_error(verb, "--guard takes auto, always or "
				"never, not '%s'", arg);
			return -1;
		}
		return 1;
	}
	for (i = 0; lim[i].opt != opt; i++) {
	}
	v = parse_count(arg, lim[i].sized, lim[i].max);
	if (v == 0 && lim[i].sized) {
		cli_usage_error(verb, "--%s takes a positive size such as "
			"64M, not '%s'", lim[i].name, arg);
		return -1;
	}
	if (v == 0) {
		cli_usage_error(verb, "--%s takes a number from 1 to %llu, "
			"not '%s'", lim[i].name, lim[i].max, arg);
		return -1;
	}
	switch (opt) {
	case CLI_OPT_MAX_BYTES:
		l->max_bytes = (size_t)v;
		break;
	case CLI_OPT_MAX_LINE:
		l->max_line = (size_t)v;
		break;
	case CLI_OPT_MAX_DEPTH:
		l->max_depth = (unsigned)v;
		break;
	case CLI_OPT_MAX_UNITS:
		l->max_units = (size_t)v;
		break;
	case CLI_OPT_MAX_CELLS:
		l->max_cells = (size_t)v;
		break;
	case CLI_OPT_MAX_CITES:
		l->max_cites = (size_t)v;
		break;
	case CLI_OPT_MAX_SECONDS:
		l->max_seconds = (unsigned)v;
		break;
	default:
		l->max_memory = (size_t)v;
		break;
	}
	return 1;
}

#define CLI_OPT_DONE 2 /* --help or --version was printed: exit 0 */

/* Handle a common option `opt` (from getopt_long), printing `help` for
 * -h: returns 1 if it was one, CLI_OPT_DONE after --help or --version,
 * 0 if it is the verb's own, -1 after a usage error for a bad value. */
static int cli_common_option(cli_common *c, int opt, const char *arg,
	const char *verb, const char *help)
{
	if (opt >= CLI_OPT_MAX_BYTES && opt <= CLI_OPT_GUARD) {
		return limit_option(&c->limits, opt, arg, verb);
	}
	switch (opt) {
	case 'h':
		fputs(help, stdout);
		return CLI_OPT_DONE;
	case 'V':
		cli_print_version();
		return CLI_OPT_DONE;
	case 'q':
		c->quiet = 1;
		return 1;
	case 'o':
		c->output = arg;
		return 1;
	case CLI_OPT_ENCODING:
		if (dt_encoding_from_name(&c->encoding, arg) < 0) {
			cli_usage_error(verb, "unknown encoding '%s'", arg);
			return -1;
		}
		return 1;
	case CLI_OPT_LANG:
		if (dt_lang_from_code(&c->lang, arg) < 0) {
			cli_usage_error(verb, "unknown language '%s'", arg);
			return -1;
		}
		return 1;
	case CLI_OPT_COLOR:
		c->color = parse_color(arg);
		if (c->color == -2) {
			cli_usage_error(verb, "--color takes auto, always or "
				"never, not '%s'", arg);
			return -1;
		}
		return 1;
	default:
		return 0;
	}
}

int cli_parse_options(int argc, char **argv, const cli_verb *v,
	cli_common *c, cli_option_fn own, void *payload)
{
	int opt, rc;

	while ((opt = getopt_long(argc, argv, v->shortopts, v->longopts,
			NULL)) != -1) {
		if (opt == '?' || opt == ':') {
			return cli_usage_error(v->name, "unknown option or "
				"missing argument: '%s'", argv[optind - 1]);
		}
		rc = cli_common_option(c, opt, optarg, v->name, v->help);
		if (rc < 0) {
			return CLI_EXIT_ERROR;
		}
		if (rc == CLI_OPT_DONE) {
			return CLI_EXIT_OK;
		}
		if (rc == 0 && own(opt, optarg, payload) != 0) {
			return CLI_EXIT_ERROR;
		}
	}
	return -1;
}

void cli_print_version(void)
{
	printf("dirtrace %s (library %s)\n", DT_VERSION_TOOL,
		dt_version_string());
}

void cli_diag(const char *kind, const char *file, size_t line,
	const char *fmt, ...)
{
	va_list ap;

	fputs("dirtrace: ", stderr);
	if (file != NULL && line > 0) {
		fprintf(stderr, "%s:%zu: ", file, line);
	} else if (file != NULL) {
		fprintf(stderr, "%s: ", file);
	}
	fprintf(stderr, "%s: ", kind);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_report(const char *file, const dt_error *err)
{
	const char *src = err->source[0] ? err->source : file;

	cli_diag("error", src, err->line, "%s",
		err->message[0] ? err->message : dt_strerror(err->code));
	return CLI_EXIT_ERROR;
}

int cli_usage_error(const char *verb, const char *fmt, ...)
{
	va_list ap;

	fputs("dirtrace: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (verb != NULL) {
		fprintf(stderr, "Try 'dirtrace %s --help' for more "
			"information.\n", verb);
	} else {
		fputs("Try 'dirtrace --help' for more information.\n", stderr);
	}
	return CLI_EXIT_ERROR;
}

int cli_read_text(dt_text **out, const char *path, const cli_common *c)
{
	dt_text_opts opts = DT_TEXT_OPTS_INIT;
	dt_error err = { 0 };
	char *buf = NULL;
	size_t len = 0;
	int rc;

	*out = NULL;
	rc = dt_file_read(&buf, &len, path, c->limits.max_bytes, &err);
	if (rc < 0) {
		return cli_report(path, &err);
	}
	opts.encoding = c->encoding;
	opts.tone = c->tone;
	opts.max_bytes = c->limits.max_bytes;
	rc = dt_text_decode(out, buf, len, &opts, &err);
	dt_free(buf);
	if (rc < 0) {
		return cli_report(path, &err);
	}
	return CLI_EXIT_OK;
}

/* Write to an open stream, flushed and checked; "-" names stdout. */
static int write_stream(FILE *f, const char *name, const char *buf,
	size_t len)
{
	if (fwrite(buf, 1, len, f) != len || fflush(f) != 0 || ferror(f)) {
		cli_diag("error", name, 0, "cannot write: %s", strerror(errno));
		return CLI_EXIT_ERROR;
	}
	return CLI_EXIT_OK;
}

/* -o naming a device or a pipe (/dev/null, a FIFO): write into it, since
 * renaming a file over it would replace it. */
static int write_special(const char *path, const char *buf, size_t len)
{
	FILE *f = fopen(path, "w");
	int rc;

	if (f == NULL) {
		cli_diag("error", path, 0, "cannot open: %s", strerror(errno));
		return CLI_EXIT_ERROR;
	}
	rc = write_stream(f, path, buf, len);
	if (fclose(f) != 0 && rc == CLI_EXIT_OK) {
		cli_diag("error", path, 0, "cannot write: %s", strerror(errno));
		rc = CLI_EXIT_ERROR;
	}
	return rc;
}

/* ## An interrupted run leaves no temporary file
 *
 * The output is written to a temporary file beside it and renamed when
 * complete (lib/io.c), so an interrupted run never leaves a partial
 * output; the handler removes the temporary file too (unlink is
 * async-signal-safe), then dies of the same signal, so the caller sees
 * how the run ended.  A signal that was ignored when the run started
 * (nohup's SIGHUP) stays ignored. */

static char guarded[4096];
static volatile sig_atomic_t guarding;

static void remove_guarded(int sig)
{
	if (guarding) {
		unlink(guarded);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void install_guard(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	static int installed;
	struct sigaction sa, old;
	size_t i;

	if (installed) {
		return;
	}
	installed = 1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = remove_guarded;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		if (sigaction(sigs[i], NULL, &old) == 0 &&
			old.sa_handler != SIG_IGN) {
			sigaction(sigs[i], &sa, NULL);
		}
	}
}

void cli_guard_temp(const char *path)
{
	guarding = 0;
	if (path == NULL || strlen(path) >= sizeof(guarded)) {
		return;
	}
	memcpy(guarded, path, strlen(path) + 1);
	install_guard();
	guarding = 1;
}

/* A file by its device and inode, and its place in the list. */
typedef struct {
	dev_t dev;
	ino_t ino;
	size_t at;
} file_id;

static int by_file_then_place(const void *a, const void *b)
{
	const file_id *x = a, *y = b;

	if (x->dev != y->dev) {
		return x->dev < y->dev ? -1 : 1;
	}
	if (x->ino != y->ino) {
		return x->ino < y->ino ? -1 : 1;
	}
	return x->at < y->at ? -1 : x->at > y->at;
}

int cli_find_repeats(const char *const *paths, size_t n, size_t *earlier)
{
	file_id *ids = malloc((n + 1) * sizeof(*ids));
	size_t i, k = 0;

	if (ids == NULL) {
		return -1;
	}
	for (i = 0; i < n; i++) {
		struct stat st;

		earlier[i] = SIZE_MAX;
		if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0) {
			ids[k++] = (file_id){ st.st_dev, st.st_ino, i };
		}
	}
	/* sorted by file, then place: each run's first is the first named */
	qsort(ids, k, sizeof(*ids), by_file_then_place);
	for (i = 1; i < k; i++) {
		if (ids[i].dev == ids[i - 1].dev &&
			ids[i].ino == ids[i - 1].ino) {
			earlier[ids[i].at] = earlier[ids[i - 1].at] != SIZE_MAX ?
				earlier[ids[i - 1].at] : ids[i - 1].at;
		}
	}
	free(ids);
	return 0;
}

int cli_refuse_clobber(const cli_common *c, const char *const *paths,
	size_t n)
{
	struct stat out, in;
	size_t i;

	if (c->output == NULL || strcmp(c->output, "-") == 0 ||
		stat(c->output, &out) != 0 || !S_ISREG(out.st_mode)) {
		return CLI_EXIT_OK; /* nothing there yet, or not a file */
	}
	for (i = 0; i < n; i++) {
		if (paths[i] != NULL && strcmp(paths[i], "-") != 0 &&
			stat(paths[i], &in) == 0 && in.st_dev == out.st_dev &&
			in.st_ino == out.st_ino) {
			cli_diag("error", c->output, 0, "the output is also an "
				"input (%s): writing it would replace that "
				"input", paths[i]);
			return CLI_EXIT_ERROR;
		}
	}
	return CLI_EXIT_OK;
}

int cli_write(const cli_common *c, const char *buf, size_t len)
{
	dt_error err = { 0 };
	struct stat st;
	char *real = NULL;
	int rc = CLI_EXIT_OK;

	/* Past a file size limit (ulimit -f) write(2) must fail with EFBIG
	 * instead of killing us with a temporary file left behind. */
	signal(SIGXFSZ, SIG_IGN);
	if (strcmp(c->output, "-") == 0) {
		return write_stream(stdout, "-", buf, len);
	}
	if (stat(c->output, &st) == 0 && S_ISDIR(st.st_mode)) {
		cli_diag("error", c->output, 0, "is a directory");
		return CLI_EXIT_ERROR;
	}
	if (stat(c->output, &st) == 0 && !S_ISREG(st.st_mode)) {
		return write_special(c->output, buf, len);
	}
	/* A symbolic link stays one: the file it points to is replaced. */
	if (lstat(c->output, &st) == 0 && S_ISLNK(st.st_mode)) {
		real = realpath(c->output, NULL);
	}
	if (dt_file_write_atomic(real ? real : c->output, buf, len, &err) < 0) {
		rc = cli_report(c->output, &err);
	}
	free(real);
	return rc;
}

void cli_parse_opts(dt_parse_opts *out, const cli_common *c)
{
	*out = c->limits;
	out->encoding = c->encoding;
	out->lang = c->lang;
	out->tone = c->tone;
}

int cli_load(dt_doc **out, const char *path, const cli_common *c)
{
	dt_parse_opts opts;
	dt_error err = { 0 };

	cli_parse_opts(&opts, c);
	if (dt_doc_load(out, path, &opts, &err) < 0) {
		return cli_report(path, &err);
	}
	return CLI_EXIT_OK;
}

void cli_print_diags(const dt_doc *doc, const cli_common *c)
{
	size_t i;

	if (c->quiet) {
		return;
	}
	for (i = 0; i < dt_doc_diag_count(doc); i++) {
		const dt_diag *d = dt_doc_diag_at(doc, i);

		cli_diag(d->severity == DT_DIAG_ERROR ? "error" : "warning",
			dt_doc_file(doc), d->line, "%s", d->message);
	}
}

void cli_out_init(dt_buf_out *o)
{
	memset(o, 0, sizeof(*o));
}

void cli_out_append(dt_buf_out *o, const char *s, size_t len)
{
	if (o->failed) {
		return;
	}
	if (o->len + len + 1 > o->cap) {
		size_t cap = o->cap ? o->cap : 4096;
		char *p;

		while (cap < o->len + len + 1) {
			cap *= 2;
		}
		p = realloc(o->data, cap);
		if (p == NULL) {
			o->failed = 1;
			return;
		}
		o->data = p;
		o->cap = cap;
	}
	memcpy(o->data + o->len, s, len);
	o->len += len;
	o->data[o->len] = '\0';
}

void cli_out_str(dt_buf_out *o, const char *s)
{
	cli_out_append(o, s, strlen(s));
}

void cli_out_discard(dt_buf_out *o)
{
	free(o->data);
	memset(o, 0, sizeof(*o));
}

int cli_out_finish(dt_buf_out *o, const cli_common *c)
{
	int rc;

	if (o->failed) {
		free(o->data);
		cli_diag("error", NULL, 0, "out of memory");
		return CLI_EXIT_ERROR;
	}
	rc = cli_write(c, o->data ? o->data : "", o->len);
	free(o->data);
	memset(o, 0, sizeof(*o));
	return rc;
}
