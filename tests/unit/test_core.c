/*
 * test_core.c - version, buffers, UTF-8 primitives and file I/O.
 */
#include <stdio.h>
#include <string.h>
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
