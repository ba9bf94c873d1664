/*
 * cli.c - helpers shared by the dirtrace subcommands.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

void cli_common_init(cli_common *c)
{
	memset(c, 0, sizeof(*c));
	c->encoding = DT_ENC_AUTO;
	c->lang = DT_LANG_UNKNOWN;
	c->tone = DT_TONE_NEW;
	c->color = -1;
	c->output = "-";
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

int cli_common_option(cli_common *c, int opt, const char *arg,
	const char *verb, const char *help)
{
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
	rc = dt_file_read(&buf, &len, path, 0, &err);
	if (rc < 0) {
		return cli_report(path, &err);
	}
	opts.encoding = c->encoding;
	opts.tone = c->tone;
	rc = dt_text_decode(out, buf, len, &opts, &err);
	dt_free(buf);
	if (rc < 0) {
		return cli_report(path, &err);
	}
	return CLI_EXIT_OK;
}

int cli_write(const cli_common *c, const char *buf, size_t len)
{
	dt_error err = { 0 };

	if (strcmp(c->output, "-") == 0) {
		if (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0 ||
			ferror(stdout)) {
			cli_diag("error", "-", 0, "cannot write to stdout");
			return CLI_EXIT_ERROR;
		}
		return CLI_EXIT_OK;
	}
	if (dt_file_write_atomic(c->output, buf, len, &err) < 0) {
		return cli_report(c->output, &err);
	}
	return CLI_EXIT_OK;
}

int cli_load(dt_doc **out, const char *path, const cli_common *c)
{
	dt_parse_opts opts = DT_PARSE_OPTS_INIT;
	dt_error err = { 0 };

	opts.encoding = c->encoding;
	opts.lang = c->lang;
	opts.tone = c->tone;
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
