/*
 * io.c - reading input files and writing outputs atomically.
 *
 * Inputs are read whole (size-capped) so that every parser works from
 * memory; outputs go to a temporary file in the target folder that is
 * renamed into place, so a failed run never leaves a half-written file.
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
