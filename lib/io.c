/*
 * io.c - reading input files and writing outputs atomically.
 *
 * Inputs are read whole (size-capped) so that every parser works from
 * memory; outputs go to a temporary file in the target folder that is
 * renamed into place, so a failed run never leaves a half-written file.
 * A dt_output writes such a file in pieces, for reports too large to
 * hold in memory.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

static int io_fail(dt_error *err, const char *path, const char *what)
{
	int code = DT_EIO;

	dt__error_source(err, path);
	return dt__fail(err, code, 0, 0, "%s: %s", what, strerror(errno));
}

/* Read everything from `fd` into `b`, failing past b->max. */
static int read_all(dt_buf *b, int fd, const char *path, dt_error *err)
{
	for (;;) {
		ssize_t n;
		int rc = dt__buf_reserve(b, 65536);

		if (rc == DT_ELIMIT) {
			rc = dt__buf_reserve(b, 1);
		}
		if (rc < 0) {
			dt__error_source(err, path);
			return dt__fail(err, rc, 0, 0, rc == DT_ELIMIT ?
				"file is larger than %zu bytes" :
				"out of memory reading %zu bytes", b->max);
		}
		n = read(fd, b->data + b->len, b->cap - b->len - 1);
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			return io_fail(err, path, "cannot read");
		}
		if (n == 0) {
			return 0;
		}
		b->len += (size_t)n;
		b->data[b->len] = '\0';
	}
}

int dt_file_read(char **buf_out, size_t *len_out, const char *path,
	size_t max_bytes, dt_error *err)
{
	struct stat st;
	dt_buf b;
	int fd, rc;

	DT_ASSERT_ARG(buf_out != NULL && len_out != NULL && path != NULL, err);
	*buf_out = NULL;
	*len_out = 0;
	fd = strcmp(path, "-") == 0 ? STDIN_FILENO :
		open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		return io_fail(err, path, "cannot open");
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (fd != STDIN_FILENO) {
			close(fd);
		}
		dt__error_source(err, path);
		return dt__fail(err, DT_EIO, 0, 0, "is a directory");
	}
	dt__buf_init(&b, max_bytes);
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		(size_t)st.st_size > b.max) {
		close(fd);
		dt__error_source(err, path);
		return dt__fail(err, DT_ELIMIT, 0, 0,
			"file is larger than %zu bytes", b.max);
	}
	rc = read_all(&b, fd, path, err);
	if (fd != STDIN_FILENO) {
		close(fd);
	}
	if (rc < 0) {
		dt__buf_dispose(&b);
		return rc;
	}
	*buf_out = dt__buf_detach(&b, len_out);
	if (*buf_out == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	return 0;
}

/* Write all of buf to fd, retrying short writes. */
static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);

		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* An existing output that is not a regular file (/dev/null, a FIFO, a
 * terminal): renaming a temporary over it would replace the device with a
 * file (as root, /dev/null itself), so it is written in place. */
static int is_special(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
		!S_ISDIR(st.st_mode);
}

static int write_special(const char *path, const char *buf, size_t len,
	dt_error *err)
{
	int fd = open(path, O_WRONLY | O_NOCTTY);

	if (fd < 0) {
		return io_fail(err, path, "cannot open");
	}
	if (write_all(fd, buf, len) < 0) {
		close(fd);
		return io_fail(err, path, "cannot write");
	}
	if (close(fd) < 0) {
		return io_fail(err, path, "cannot write");
	}
	return 0;
}

int dt_file_write_atomic(const char *path, const char *buf, size_t len,
	dt_error *err)
{
	dt_buf tmp;
	const char *slash;
	int fd, rc;

	DT_ASSERT_ARG(path != NULL && (buf != NULL || len == 0), err);
	if (strcmp(path, "-") == 0) {
		if (write_all(STDOUT_FILENO, buf, len) < 0) {
			return io_fail(err, "-", "cannot write");
		}
		return 0;
	}
	if (is_special(path)) {
		return write_special(path, buf, len, err);
	}
	dt__buf_init(&tmp, 8192);
	slash = strrchr(path, '/');
	rc = dt__buf_printf(&tmp, "%.*s.dirtrace-XXXXXX",
		slash ? (int)(slash - path + 1) : 0, path);
	if (rc < 0) {
		dt__buf_dispose(&tmp);
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	fd = mkstemp(tmp.data);
	if (fd < 0) {
		rc = io_fail(err, path, "cannot create temporary file");
		dt__buf_dispose(&tmp);
		return rc;
	}
	if (write_all(fd, buf, len) < 0 || fsync(fd) < 0) {
		rc = io_fail(err, path, "cannot write");
		close(fd);
		unlink(tmp.data);
		dt__buf_dispose(&tmp);
		return rc;
	}
	/* mkstemp makes 0600; give the output ordinary permissions. */
	{
		mode_t mask = umask(0);

		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if (close(fd) < 0 || rename(tmp.data, path) < 0) {
		rc = io_fail(err, path, "cannot write");
		unlink(tmp.data);
		dt__buf_dispose(&tmp);
		return rc;
	}
	dt__buf_dispose(&tmp);
	return 0;
}

/* ## outputs written in pieces */

struct dt_output {
	int fd;
	int own_fd;     /* 0 for standard output */
	char *path;     /* what the errors name (a symlink's target) */
	char *tmp;      /* the temporary file, or NULL when in place */
	int failed;     /* a write failed: errno_at */
	int errno_at;
};

static void output_free(dt_output *o)
{
	dt__free(o->path);
	dt__free(o->tmp);
	dt__free(o);
}

/* The temporary file for `path`: a new name beside it, created. */
static int output_temp(dt_output *o, dt_error *err)
{
	const char *slash = strrchr(o->path, '/');
	int len = slash ? (int)(slash - o->path + 1) : 0;
	size_t n = (size_t)len + sizeof(".dirtrace-XXXXXX");

	o->tmp = dt__malloc(n);
	if (o->tmp == NULL) {
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	snprintf(o->tmp, n, "%.*s.dirtrace-XXXXXX", len, o->path);
	o->fd = mkstemp(o->tmp);
	if (o->fd < 0) {
		dt__free(o->tmp);
		o->tmp = NULL;
		return io_fail(err, o->path, "cannot create temporary file");
	}
	return 0;
}

/* Where `path` really is: a symbolic link's target, else itself. */
static char *output_path(const char *path)
{
	struct stat st;
	char *real = NULL, *c;

	if (strcmp(path, "-") != 0 && lstat(path, &st) == 0 &&
		S_ISLNK(st.st_mode)) {
		real = realpath(path, NULL);
	}
	c = dt__strdup(real ? real : path);
	free(real); /* realpath's malloc, not ours */
	return c;
}

int dt_output_open(dt_output **out, const char *path, dt_error *err)
{
	struct stat st;
	dt_output *o;
	int rc = 0;

	DT_ASSERT_ARG(out != NULL && path != NULL, err);
	*out = NULL;
	o = dt__calloc(1, sizeof(*o));
	if (o == NULL || (o->path = output_path(path)) == NULL) {
		dt__free(o);
		return dt__fail(err, DT_ENOMEM, 0, 0, "out of memory");
	}
	o->fd = -1;
	if (strcmp(path, "-") == 0) {
		o->fd = STDOUT_FILENO;
	} else if (stat(o->path, &st) == 0 && S_ISDIR(st.st_mode)) {
		dt__error_source(err, path);
		rc = dt__fail(err, DT_EIO, 0, 0, "is a directory");
	} else if (is_special(o->path)) {
		o->fd = open(o->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
		o->own_fd = 1;
		rc = o->fd < 0 ? io_fail(err, o->path, "cannot open") : 0;
	} else {
		o->own_fd = 1;
		rc = output_temp(o, err);
	}
	if (rc < 0) {
		o->own_fd = 0;
		dt_output_discard(o);
		return rc;
	}
	*out = o;
	return 0;
}

const char *dt_output_temp_path(const dt_output *o)
{
	return o != NULL ? o->tmp : NULL;
}

int dt_output_write(const char *buf, size_t len, void *output)
{
	dt_output *o = output;

	if (o->failed) {
		return DT_EIO;
	}
	if (write_all(o->fd, buf, len) < 0) {
		o->failed = 1;
		o->errno_at = errno;
		return DT_EIO;
	}
	return 0;
}

int dt_output_failed(const dt_output *o)
{
	return o != NULL && o->failed;
}

/* Give the temporary file ordinary permissions (mkstemp makes 0600),
 * flush it, close it and rename it into place. */
static int output_finish_temp(dt_output *o)
{
	mode_t mask = umask(0);
	int rc;

	umask(mask);
	if (fsync(o->fd) < 0) {
		return -1;
	}
	fchmod(o->fd, 0666 & ~mask);
	rc = close(o->fd);
	o->fd = -1;
	return rc < 0 ? -1 : rename(o->tmp, o->path);
}

int dt_output_commit(dt_output *o, dt_error *err)
{
	int rc = 0;

	DT_ASSERT_ARG(o != NULL, err);
	if (o->failed) {
		errno = o->errno_at;
		rc = -1;
	} else if (o->tmp != NULL) {
		rc = output_finish_temp(o);
	} else if (o->own_fd) {
		rc = close(o->fd);
		o->fd = -1;
	}
	if (rc < 0) {
		rc = io_fail(err, o->path, "cannot write");
		dt_output_discard(o);
		return rc;
	}
	output_free(o);
	return 0;
}

void dt_output_discard(dt_output *o)
{
	if (o == NULL) {
		return;
	}
	if (o->own_fd && o->fd >= 0) {
		close(o->fd);
	}
	if (o->tmp != NULL) {
		unlink(o->tmp);
	}
	output_free(o);
}
