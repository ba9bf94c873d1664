/*
 * error.c - status texts and filling dt_error.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

const char *dt_strerror(int status)
{
	switch (status) {
	case DT_OK:
		return "success";
	case DT_ENOMEM:
		return "out of memory";
	case DT_EIO:
		return "input/output error";
	case DT_EPARSE:
		return "malformed input";
	case DT_EUTF8:
		return "invalid or unsupported character encoding";
	case DT_ELIMIT:
		return "limit exceeded";
	case DT_EINVAL:
		return "invalid argument";
	case DT_ENOTFOUND:
		return "not found";
	default:
		return "error";
	}
}

int dt__fail(dt_error *err, int code, size_t line, size_t column,
	const char *fmt, ...)
{
	va_list ap;

	if (err == NULL) {
		return code;
	}
	err->code = code;
	err->line = line;
	err->column = column;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return code;
}

void dt__error_source(dt_error *err, const char *source)
{
	if (err == NULL || source == NULL || err->source[0] != '\0') {
		return;
	}
	snprintf(err->source, sizeof(err->source), "%s", source);
}
