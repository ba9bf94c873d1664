/*
 * buf.c - a growable byte buffer that refuses to grow past its maximum.
 *
 * Every buffer fed by input data has a ceiling, so hostile input ends in
 * DT_ELIMIT instead of exhausting memory.  A streaming buffer (one with a
 * sink) never grows much at all: reports of any size are written through
 * one in pieces, so writing them takes no memory in proportion.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

void dt__buf_init(dt_buf *b, size_t max)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max ? max : DT_DEFAULT_MAX_BYTES;
	b->sink = NULL;
	b->payload = NULL;
	b->sink_rc = 0;
}

void dt__buf_init_sink(dt_buf *b, dt_write_cb sink, void *payload)
{
	dt__buf_init(b, SIZE_MAX / 4);
	b->sink = sink;
	b->payload = payload;
}

int dt__buf_flush(dt_buf *b)
{
	int rc;

	if (b->sink_rc != 0) {
		return DT_EIO;
	}
	if (b->sink == NULL || b->len == 0) {
		return 0;
	}
	rc = b->sink(b->data, b->len, b->payload);
	if (rc != 0) {
		b->sink_rc = rc;
		return DT_EIO;
	}
	b->len = 0;
	b->data[0] = '\0';
	return 0;
}

void dt__buf_dispose(dt_buf *b)
{
	dt__free(b->data);
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

int dt__buf_reserve(dt_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	/* A streaming buffer empties itself instead of growing past a
	 * piece (and stops once its sink has failed). */
	if (b->sink != NULL && (b->sink_rc != 0 || (b->len > 0 &&
		extra >= b->cap - b->len && b->len + extra >= DT_BUF_CHUNK))) {
		int rc = dt__buf_flush(b);

		if (rc < 0) {
			return rc;
		}
	}
	if (extra > b->max || b->len > b->max - extra) {
		return DT_ELIMIT;
	}
	need = b->len + extra + 1; /* room for the NUL */
	if (need <= b->cap) {
		return 0;
	}
	cap = b->cap ? b->cap : 64;
	while (cap < need) {
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	}
	p = dt__realloc(b->data, cap);
	if (p == NULL) {
		return DT_ENOMEM;
	}
	b->data = p;
	b->cap = cap;
	return 0;
}

/* True when `extra` bytes (and the NUL) fit in the room `b` already has,
 * within its maximum, and `b` does not stream: dt__buf_reserve() would
 * then do nothing.  Appends test this first because most fit: the call
 * to dt__buf_reserve was a tenth of what writing a report cost. */
static int fits(const dt_buf *b, size_t extra)
{
	return b->sink == NULL && extra < b->cap - b->len &&
	       extra <= b->max && b->len <= b->max - extra;
}

int dt__buf_append(dt_buf *b, const char *s, size_t len)
{
	if (!fits(b, len)) {
		int rc = dt__buf_reserve(b, len);

		if (rc < 0) {
			return rc;
		}
	}
	if (len > 0) {
		memcpy(b->data + b->len, s, len);
	}
	b->len += len;
	b->data[b->len] = '\0';
	return 0;
}

int dt__buf_putc(dt_buf *b, char c)
{
	if (!fits(b, 1)) {
		int rc = dt__buf_reserve(b, 1);

		if (rc < 0) {
			return rc;
		}
	}
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
	return 0;
}

/* Formats straight into the spare room first: most writes (numbers,
 * labels) fit, and formatting twice cost as much as the rest of a JSON
 * report. */
int dt__buf_printf(dt_buf *b, const char *fmt, ...)
{
	size_t room = b->cap > b->len ? b->cap - b->len : 0;
	va_list ap;
	int n, rc;

	va_start(ap, fmt);
	n = vsnprintf(room > 0 ? b->data + b->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n < 0) {
		if (room > 0) {
			b->data[b->len] = '\0';
		}
		return DT_ERROR;
	}
	if ((size_t)n < room && (size_t)n <= b->max - b->len) {
		b->len += (size_t)n;
		return 0;
	}
	if (room > 0) {
		b->data[b->len] = '\0';
	}
	rc = dt__buf_reserve(b, (size_t)n);
	if (rc < 0) {
		return rc;
	}
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

int dt__buf_puts(dt_buf *b, const char *s)
{
	return dt__buf_append(b, s, strlen(s));
}

int dt__buf_putl(dt_buf *b, long v)
{
	char d[24];
	size_t n = sizeof(d);
	unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;

	do {
		d[--n] = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (v < 0) {
		d[--n] = '-';
	}
	return dt__buf_append(b, d + n, sizeof(d) - n);
}

char *dt__buf_detach(dt_buf *b, size_t *len_out)
{
	char *p;

	if (b->data == NULL) {
		if (dt__buf_reserve(b, 0) < 0) {
			return NULL;
		}
		b->data[0] = '\0';
	}
	p = b->data;
	if (len_out != NULL) {
		*len_out = b->len;
	}
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	return p;
}

int dt__buf_finish_output(dt_buf *b, int rc, const char *what, char **out,
	size_t *len_out, dt_error *err)
{
	if (rc == 0) {
		*out = dt__buf_detach(b, len_out);
		rc = *out == NULL ? DT_ENOMEM : 0;
	}
	dt__buf_dispose(b);
	if (rc == DT_ELIMIT) {
		return dt__fail(err, rc, 0, 0,
			"%s output over 1 gib or units nested too deep", what);
	}
	return rc < 0 ? dt__fail(err, rc, 0, 0, "out of memory") : 0;
}
