/*
 * test_core.c - version, buffers, UTF-8 primitives and file I/O.
 */
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "internal.h"

Test(version, macros_and_runtime_agree)
{
	char want[32];

	snprintf(want, sizeof(want), "%d.%d.%d", DT_VERSION_MAJOR,
		DT_VERSION_MINOR, DT_VERSION_PATCH);
	cr_assert_str_eq(dt_version_string(), want);
	cr_assert_str_eq(DT_VERSION_STRING, want);
	cr_assert_eq(dt_version_number(), DT_VERSION_NUMBER);
	cr_assert(DT_VERSION_CHECK(0, 1, 0));
	cr_assert_not(DT_VERSION_CHECK(99, 0, 0));
}

Test(error, every_status_has_a_text)
{
	int s;

	for (s = DT_ENOTFOUND; s <= DT_OK; s++) {
		cr_assert_neq(strlen(dt_strerror(s)), 0);
	}
}

Test(buf, refuses_to_grow_past_its_maximum)
{
	dt_buf b;

	dt__buf_init(&b, 8);
	cr_assert_eq(dt__buf_append(&b, "12345678", 8), 0);
	cr_assert_eq(dt__buf_append(&b, "9", 1), DT_ELIMIT);
	cr_assert_str_eq(b.data, "12345678");
	dt__buf_dispose(&b);
}

/* Appends skip dt__buf_reserve() when the room is there (buf.c fits()):
 * random appends and single bytes into buffers of every small maximum,
 * checked against a plain model of what must be kept or refused, at
 * every fill level around the capacity and the maximum. */
Test(buf, appends_that_fit_and_appends_that_grow_keep_the_maximum)
{
	uint64_t r = 88172645463325252ull;
	size_t max;

	for (max = 1; max < 200; max++) {
		char model[256];
		size_t mlen = 0;
		dt_buf b;
		int step;

		dt__buf_init(&b, max);
		for (step = 0; step < 300; step++) {
			size_t n, i;
			char src[16];
			int rc, want;

			r ^= r << 13;
			r ^= r >> 7;
			r ^= r << 17;
			n = (size_t)(r % 12);
			for (i = 0; i < n; i++) {
				src[i] = (char)('a' + (r >> (8 + i)) % 26);
			}
			want = mlen + (n ? n : 1) > max ? DT_ELIMIT : 0;
			rc = n ? dt__buf_append(&b, src, n)
			       : dt__buf_putc(&b, src[0] = 'Z');
			cr_assert_eq(rc, want, "max %zu len %zu n %zu", max,
				mlen, n);
			if (rc == 0) {
				memcpy(model + mlen, src, n ? n : 1);
				mlen += n ? n : 1;
			}
			cr_assert_eq(b.len, mlen);
			cr_assert(b.data == NULL ||
				  (memcmp(b.data, model, mlen) == 0 &&
					  b.data[mlen] == '\0'));
			if ((r >> 40) % 64 == 0 && b.data != NULL) {
				b.len = mlen = 0; /* start over, room kept */
				b.data[0] = '\0';
			}
		}
		dt__buf_dispose(&b);
	}
}

Test(buf, formats_and_detaches)
{
	dt_buf b;
	char *s;
	size_t len;

	dt__buf_init(&b, 0);
	cr_assert_eq(dt__buf_printf(&b, "Điều %d", 5), 0);
	s = dt__buf_detach(&b, &len);
	cr_assert_str_eq(s, "Điều 5");
	cr_assert_eq(len, strlen("Điều 5"));
	cr_assert_null(b.data);
	dt__free(s);
}

Test(utf8, rejects_overlongs_surrogates_and_truncation)
{
	uint32_t cp;

	cr_assert_eq(dt__utf8_decode((const unsigned char *)"\xC0\xAF", 2,
		&cp), 0);
	cr_assert_eq(dt__utf8_decode((const unsigned char *)"\xED\xA0\x80", 3,
		&cp), 0);
	cr_assert_eq(dt__utf8_decode((const unsigned char *)"\xE1\xBB", 2,
		&cp), 0);
	cr_assert_eq(dt__utf8_decode((const unsigned char *)"\xE1\xBB\x87", 3,
		&cp), 3);
	cr_assert_eq(cp, 0x1EC7);
	cr_assert_eq(dt__utf8_invalid_at("ab\xFF", 3), 2);
	cr_assert_eq(dt__utf8_invalid_at("ệ", 3), 3);
}

Test(utf8, encode_round_trips)
{
	static const uint32_t cps[] = { 0x41, 0x111, 0x1EC7, 0x10348 };
	size_t i;

	for (i = 0; i < 4; i++) {
		char b[4];
		uint32_t back;
		size_t n = dt__utf8_encode(cps[i], b);

		cr_assert_eq(dt__utf8_decode((unsigned char *)b, n, &back), n);
		cr_assert_eq(back, cps[i]);
	}
}

Test(io, reads_a_file_and_refuses_directories_and_missing_files)
{
	char path[] = "/tmp/dt-io-XXXXXX";
	int fd = mkstemp(path);
	char *buf = NULL;
	size_t len = 0;
	dt_error err = { 0 };

	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, "Điều 1", strlen("Điều 1")),
		(ssize_t)strlen("Điều 1"));
	close(fd);
	cr_assert_eq(dt_file_read(&buf, &len, path, 0, &err), 0);
	cr_assert_eq(len, strlen("Điều 1"));
	cr_assert_str_eq(buf, "Điều 1");
	dt_free(buf);
	cr_assert_eq(dt_file_read(&buf, &len, path, 4, &err), DT_ELIMIT);
	cr_assert_eq(dt_file_read(&buf, &len, "/tmp", 0, &err), DT_EIO);
	cr_assert_eq(dt_file_read(&buf, &len, "/nonexistent/x", 0, &err),
		DT_EIO);
	cr_assert_null(buf);
	unlink(path);
}

Test(io, writes_atomically_and_leaves_nothing_on_failure)
{
	char dir[] = "/tmp/dt-io-dir-XXXXXX";
	char path[64], bad[96];
	dt_error err = { 0 };
	struct stat st;
	char *buf = NULL;
	size_t len;

	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/out.txt", dir);
	cr_assert_eq(dt_file_write_atomic(path, "xin chào", 9, &err), 0);
	cr_assert_eq(dt_file_read(&buf, &len, path, 0, &err), 0);
	cr_assert_str_eq(buf, "xin chào");
	dt_free(buf);
	snprintf(bad, sizeof(bad), "%s/missing/out.txt", dir);
	cr_assert_eq(dt_file_write_atomic(bad, "x", 1, &err), DT_EIO);
	cr_assert_neq(stat(bad, &st), 0);
	unlink(path);
	cr_assert_eq(rmdir(dir), 0); /* no temporary file left behind */
}

/* ## outputs written in pieces (dt_output) */

/* A fresh folder with `report.txt` holding "old". */
static void old_file(char *dir, char *path, size_t size)
{
	FILE *f;

	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, size, "%s/report.txt", dir);
	f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs("old", f);
	cr_assert_eq(fclose(f), 0);
}

static void assert_content(const char *path, const char *want)
{
	char *buf = NULL;
	size_t len = 0;

	cr_assert_eq(dt_file_read(&buf, &len, path, 0, NULL), 0);
	cr_assert_str_eq(buf, want);
	dt_free(buf);
}

/* Remove `path` and `dir`, which must then be empty: no temporary file
 * was left. */
static void assert_clean(const char *dir, const char *path)
{
	unlink(path);
	cr_assert_eq(rmdir(dir), 0, "a temporary file was left in %s", dir);
}

Test(output, pieces_replace_the_file_once_committed)
{
	char dir[] = "/tmp/dt-out-XXXXXX", path[64];
	dt_output *o = NULL;
	dt_error err = { 0 };

	old_file(dir, path, sizeof(path));
	cr_assert_eq(dt_output_open(&o, path, &err), 0, "%s", err.message);
	cr_assert_eq(dt_output_write("xin ", 4, o), 0);
	assert_content(path, "old"); /* nothing shows before the commit */
	cr_assert_eq(dt_output_write("chào", strlen("chào"), o), 0);
	cr_assert_eq(dt_output_failed(o), 0);
	cr_assert_eq(dt_output_commit(o, &err), 0, "%s", err.message);
	assert_content(path, "xin chào");
	assert_clean(dir, path);
}

/* The temporary file is named, beside the output, and holds what was
 * written so far: what an application removes when a signal stops it.
 * Standard output and a device have none. */
Test(output, names_its_temporary_file)
{
	char dir[] = "/tmp/dt-out-XXXXXX", path[64];
	const char *tmp;
	dt_output *o = NULL;

	old_file(dir, path, sizeof(path));
	cr_assert_eq(dt_output_open(&o, path, NULL), 0);
	cr_assert_eq(dt_output_write("half", 4, o), 0);
	tmp = dt_output_temp_path(o);
	cr_assert_not_null(tmp);
	cr_assert(strncmp(tmp, dir, strlen(dir)) == 0 &&
			strncmp(tmp + strlen(dir), "/.dirtrace-", 11) == 0,
		"%s", tmp);
	assert_content(tmp, "half");
	dt_output_discard(o);
	assert_clean(dir, path);
	cr_assert_eq(dt_output_open(&o, "-", NULL), 0);
	cr_assert_null(dt_output_temp_path(o));
	dt_output_discard(o);
	cr_assert_eq(dt_output_open(&o, "/dev/null", NULL), 0);
	cr_assert_null(dt_output_temp_path(o));
	dt_output_discard(o);
	cr_assert_null(dt_output_temp_path(NULL));
}

Test(output, a_discarded_output_leaves_the_old_file_and_no_temporary)
{
	char dir[] = "/tmp/dt-out-XXXXXX", path[64];
	dt_output *o = NULL;

	old_file(dir, path, sizeof(path));
	cr_assert_eq(dt_output_open(&o, path, NULL), 0);
	cr_assert_eq(dt_output_write("half", 4, o), 0);
	dt_output_discard(o);
	dt_output_discard(NULL);
	assert_content(path, "old");
	assert_clean(dir, path);
}

Test(output, a_file_size_limit_fails_the_commit_and_keeps_the_old_file)
{
	char dir[] = "/tmp/dt-out-XXXXXX", path[64], piece[4096];
	struct rlimit lim = { 8192, 8192 };
	dt_output *o = NULL;
	dt_error err = { 0 };
	int i, rc = 0;

	old_file(dir, path, sizeof(path));
	signal(SIGXFSZ, SIG_IGN);
	cr_assert_eq(setrlimit(RLIMIT_FSIZE, &lim), 0);
	memset(piece, 'x', sizeof(piece));
	cr_assert_eq(dt_output_open(&o, path, &err), 0);
	for (i = 0; i < 4 && rc == 0; i++) {
		rc = dt_output_write(piece, sizeof(piece), o);
	}
	cr_assert_eq(rc, DT_EIO);
	cr_assert_eq(dt_output_failed(o), 1);
	cr_assert_eq(dt_output_write("x", 1, o), DT_EIO, "stays failed");
	cr_assert_eq(dt_output_commit(o, &err), DT_EIO);
	cr_assert(strstr(err.message, "cannot write: ") == err.message, "%s",
		err.message);
	cr_assert_str_eq(err.source, path);
	assert_content(path, "old");
	assert_clean(dir, path);
}

Test(output, a_full_device_is_written_in_place_and_fails)
{
	dt_output *o = NULL;
	dt_error err = { 0 };
	struct stat st;

	if (stat("/dev/full", &st) != 0) {
		cr_skip_test("no /dev/full");
	}
	cr_assert_eq(dt_output_open(&o, "/dev/full", &err), 0, "%s",
		err.message);
	cr_assert_eq(dt_output_write("x", 1, o), DT_EIO);
	cr_assert_eq(dt_output_commit(o, &err), DT_EIO);
	cr_assert_str_eq(err.message, "cannot write: No space left on device");
	cr_assert_eq(stat("/dev/full", &st), 0);
	cr_assert(S_ISCHR(st.st_mode), "the device stays a device");
}

Test(output, a_folder_or_a_missing_folder_fails_at_once)
{
	char dir[] = "/tmp/dt-out-XXXXXX", path[64];
	dt_output *o = NULL;
	dt_error err = { 0 };
	struct stat st;

	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(dt_output_open(&o, dir, &err), DT_EIO);
	cr_assert_null(o);
	cr_assert_str_eq(err.message, "is a directory");
	memset(&err, 0, sizeof(err));
	snprintf(path, sizeof(path), "%s/missing/out.txt", dir);
	cr_assert_eq(dt_output_open(&o, path, &err), DT_EIO);
	cr_assert_null(o);
	cr_assert(strstr(err.message, "cannot create temporary file") != NULL);
	cr_assert_neq(stat(path, &st), 0);
	cr_assert_eq(rmdir(dir), 0);
}

Test(output, a_symlink_stays_a_link_to_the_new_file)
{
	char dir[] = "/tmp/dt-out-XXXXXX", path[64], link[80];
	dt_output *o = NULL;
	struct stat st;

	old_file(dir, path, sizeof(path));
	snprintf(link, sizeof(link), "%s/link.txt", dir);
	cr_assert_eq(symlink("report.txt", link), 0);
	cr_assert_eq(dt_output_open(&o, link, NULL), 0);
	cr_assert_eq(dt_output_write("new", 3, o), 0);
	cr_assert_eq(dt_output_commit(o, NULL), 0);
	cr_assert_eq(lstat(link, &st), 0);
	cr_assert(S_ISLNK(st.st_mode));
	assert_content(path, "new");
	unlink(link);
	assert_clean(dir, path);
}

static size_t pieces;

static int to_buf(const char *buf, size_t len, void *payload)
{
	pieces++;
	cr_assert_leq(len, 4 * DT_BUF_CHUNK);
	return dt__buf_append(payload, buf, len) == 0 ? 0 : DT_ENOMEM;
}

static int refuse(const char *buf, size_t len, void *payload)
{
	(void)buf;
	(void)len;
	(void)payload;
	return DT_EIO;
}

Test(buf, a_streaming_buffer_hands_over_pieces_in_order)
{
	dt_buf b, all, want;
	char big[3 * DT_BUF_CHUNK];
	long i;

	dt__buf_init(&all, 0);
	dt__buf_init(&want, 0);
	dt__buf_init_sink(&b, to_buf, &all);
	memset(big, 'y', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	for (i = 0; i < 100000; i++) {
		cr_assert_eq(dt__buf_printf(&b, "%ld,", i), 0);
		cr_assert_eq(dt__buf_printf(&want, "%ld,", i), 0);
		if (i % 20000 == 7) { /* a piece bigger than a chunk */
			cr_assert_eq(dt__buf_puts(&b, big), 0);
			cr_assert_eq(dt__buf_puts(&want, big), 0);
		}
		cr_assert_leq(b.cap, 4 * DT_BUF_CHUNK); /* big: 3 chunks */
	}
	cr_assert_eq(dt__buf_flush(&b), 0);
	cr_assert_eq(b.len, 0);
	cr_assert_gt(pieces, 4);
	cr_assert_eq(all.len, want.len);
	cr_assert(memcmp(all.data, want.data, want.len) == 0);
	dt__buf_dispose(&b);
	dt__buf_dispose(&all);
	dt__buf_dispose(&want);
}

Test(buf, a_failing_sink_fails_every_later_write)
{
	dt_buf b;
	char big[DT_BUF_CHUNK];

	memset(big, 'y', sizeof(big));
	dt__buf_init_sink(&b, refuse, NULL);
	cr_assert_eq(dt__buf_append(&b, big, 100), 0); /* held */
	cr_assert_eq(dt__buf_append(&b, big, sizeof(big)), DT_EIO);
	cr_assert_eq(b.sink_rc, DT_EIO);
	cr_assert_eq(dt__buf_putc(&b, 'x'), DT_EIO);
	cr_assert_eq(dt__buf_flush(&b), DT_EIO);
	dt__buf_dispose(&b);
}
