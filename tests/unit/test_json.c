/*
 * test_json.c - the JSON string writer (json.c) escapes exactly what the
 * simple byte-at-a-time escaper escapes (and CSV fields are quoted as
 * the strpbrk test quoted them): on random strings, on every byte
 * value at every position around the eight-byte steps of its scan, and
 * through a streaming buffer that hands strings over in pieces.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "json.h"

/* The escaper json.c had before its word-at-a-time scan. */
static void ref_json_str(dt_buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";

	cr_assert_eq(dt__buf_putc(b, '"'), 0);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		char esc[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };

		switch (c) {
		case '"': dt__buf_append(b, "\\\"", 2); break;
		case '\\': dt__buf_append(b, "\\\\", 2); break;
		case '\n': dt__buf_append(b, "\\n", 2); break;
		case '\t': dt__buf_append(b, "\\t", 2); break;
		case '\r': dt__buf_append(b, "\\r", 2); break;
		default:
			if (c < 0x20) {
				dt__buf_append(b, esc, 6);
			} else {
				dt__buf_putc(b, (char)c);
			}
		}
	}
	cr_assert_eq(dt__buf_putc(b, '"'), 0);
}

static size_t ref_plain_len(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && (unsigned char)s[i] >= 0x20 && s[i] != '"' &&
		s[i] != '\\') {
		i++;
	}
	return i;
}

/* `s` escaped both ways gives the same bytes. */
static void same_as_ref(const char *s)
{
	dt_buf got, want;

	dt__buf_init(&got, 0);
	dt__buf_init(&want, 0);
	cr_assert_eq(dt__json_str(&got, s), 0);
	ref_json_str(&want, s);
	cr_assert_eq(got.len, want.len, "length of the escape of \"%s\"", s);
	cr_assert(memcmp(got.data, want.data, got.len) == 0,
		"escape of \"%s\": %s, not %s", s, got.data, want.data);
	cr_assert_eq(dt__json_plain_len(s, strlen(s)),
		ref_plain_len(s, strlen(s)));
	dt__buf_dispose(&got);
	dt__buf_dispose(&want);
}

/* xorshift64: a fixed sequence, so a failure can be replayed. */
static uint64_t next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

typedef void check_fn(const char *s);

/* 20,000 random strings from `seed`: runs of `tricky` bytes, and one in
 * `plain_every` strings mostly 'a'-'z' with a tricky byte one time in
 * `rare`; each goes through `check`. */
static void random_strings(uint64_t seed, const unsigned char *tricky_bytes,
	size_t ntricky, unsigned plain_every, unsigned rare, check_fn *check)
{
	char s[200];
	size_t i, k;

	for (i = 0; i < 20000; i++) {
		size_t len = next(&seed) % 150;
		int plain = next(&seed) % plain_every == 0;

		for (k = 0; k < len; k++) {
			uint64_t x = next(&seed);

			s[k] = plain && x % rare != 0 ? (char)('a' + x % 26) :
				(char)tricky_bytes[x % ntricky];
		}
		s[len] = '\0';
		check(s);
	}
}

/* Every byte value at every position of strings of 1-39 'x'. */
static void every_byte_everywhere(check_fn *check)
{
	char s[40];
	size_t len, at;
	unsigned c;

	for (len = 1; len < sizeof(s); len++) {
		for (at = 0; at < len; at++) {
			for (c = 1; c < 256; c++) {
				memset(s, 'x', len);
				s[len] = '\0';
				s[at] = (char)c;
				check(s);
			}
		}
	}
}

/* Bytes near the ones to escape, in their bit patterns too: 0x22 and
 * 0x5c with the top bit set (UTF-8 continuation bytes), the edges of the
 * control range, DEL, Cyrillic and Vietnamese UTF-8. */
static const unsigned char tricky[] = { 'a', ' ', '"', '\\', '\n', '\t',
	'\r', 0x01, 0x1f, 0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x80, 0xa2,
	0xdc, 0x9f, 0xa0, 0xd0, 0xb8, 0xe1, 0xbb, 0x87, 0xff, 0x1b, 0x08 };

Test(json, random_strings_are_escaped_as_byte_by_byte)
{
	/* long plain runs too */
	random_strings(0x9E3779B97F4A7C15ull, tricky, sizeof(tricky), 4, 50,
		same_as_ref);
}

Test(json, every_byte_at_every_position_is_escaped_as_byte_by_byte)
{
	every_byte_everywhere(same_as_ref);
}

Test(json, a_string_at_any_alignment_is_escaped_alike)
{
	static const char text[] = "Điều 5 \"Quy định\" \\ tab\there "
		"Статья 12\n\x01 end";
	char room[sizeof(text) + 16];
	size_t off;

	for (off = 0; off < 16; off++) {
		memcpy(room + off, text, sizeof(text));
		same_as_ref(room + off);
	}
	same_as_ref("");
}

static int into(const char *buf, size_t len, void *payload)
{
	return dt__buf_append(payload, buf, len);
}

/* A long string, plain and with escapes, through a streaming buffer that
 * empties itself on the way. */
Test(json, long_strings_through_a_stream_come_out_whole)
{
	static char s[3 * DT_BUF_CHUNK];
	dt_buf sink, all, want;
	size_t i;
	int pass;

	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i + 1 < sizeof(s); i++) {
			s[i] = pass && i % 1000 == 7 ? '"' : (char)('a' + i % 26);
		}
		s[sizeof(s) - 1] = '\0';
		dt__buf_init(&all, 0);
		dt__buf_init(&want, 0);
		dt__buf_init_sink(&sink, into, &all);
		cr_assert_eq(dt__json_kv_str(&sink, "k", "v", 1), 0);
		cr_assert_eq(dt__json_str(&sink, s), 0);
		cr_assert_eq(dt__buf_flush(&sink), 0);
		dt__buf_append(&want, "\"k\":\"v\"", 7);
		ref_json_str(&want, s);
		cr_assert_eq(all.len, want.len);
		cr_assert(memcmp(all.data, want.data, all.len) == 0);
		dt__buf_dispose(&sink);
		dt__buf_dispose(&all);
		dt__buf_dispose(&want);
	}
}

Test(json, keys_are_quoted_and_escaped_when_need_be)
{
	dt_buf b;

	dt__buf_init(&b, 0);
	cr_assert_eq(dt__json_key(&b, "file", 1), 0);
	cr_assert_eq(dt__json_key(&b, "a\"b", 0), 0);
	cr_assert_eq(dt__json_kv_num(&b, "n", -12, 0), 0);
	cr_assert_str_eq(b.data, "\"file\":,\"a\\\"b\":,\"n\":-12");
	dt__buf_dispose(&b);
}

/* ## CSV fields */

/* The CSV field writer json.c had before its word-at-a-time scan. */
static void ref_csv_field(dt_buf *b, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		dt__buf_append(b, s, strlen(s));
		return;
	}
	dt__buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"') {
			dt__buf_append(b, "\"\"", 2);
		} else {
			dt__buf_putc(b, *s);
		}
	}
	dt__buf_putc(b, '"');
}

static void csv_same_as_ref(const char *s)
{
	dt_buf got, want;

	dt__buf_init(&got, 0);
	dt__buf_init(&want, 0);
	cr_assert_eq(dt__csv_field(&got, s), 0);
	ref_csv_field(&want, s);
	cr_assert_eq(got.len, want.len, "length of the field \"%s\"", s);
	cr_assert(memcmp(got.data, want.data, got.len) == 0,
		"field \"%s\": %s, not %s", s, got.data, want.data);
	cr_assert_eq(dt__csv_needs_quotes(s, strlen(s)),
		strpbrk(s, ",\"\r\n") != NULL);
	dt__buf_dispose(&got);
	dt__buf_dispose(&want);
}

/* Around ',' (0x2c), '"' (0x22), CR and LF: their neighbours and the
 * same bytes with the top bit set. */
static const unsigned char csv_tricky[] = { 'a', ',', '"', '\r', '\n',
	0x2b, 0x2d, 0x21, 0x23, 0x0c, 0x0b, 0x09, 0xac, 0xa2, 0x8d, 0x8a,
	0xd0, 0xb8, 0xe1, 0xbb, 0x87, 0xff, 0x01 };

Test(json, random_csv_fields_are_quoted_as_byte_by_byte)
{
	random_strings(0x2545F4914F6CDD1Dull, csv_tricky, sizeof(csv_tricky),
		3, 60, csv_same_as_ref);
}

Test(json, every_byte_at_every_position_of_a_csv_field)
{
	every_byte_everywhere(csv_same_as_ref);
	csv_same_as_ref("");
}

/* ## Links */

/* A link as report_review.c wrote it, key by key, before dt__json_link:
 * the reference the literal keys must give byte for byte. */
static void ref_json_link(dt_buf *b, const dt_link *l)
{
	char num[32];

	cr_assert_eq(dt__buf_putc(b, '{'), 0);
	cr_assert_eq(dt__json_kv_str(b, "file", l->file, 1), 0);
	cr_assert_eq(dt__json_kv_str(b, "eid", l->local_eid, 0), 0);
	cr_assert_eq(dt__json_kv_num(b, "line", (long)l->line, 0), 0);
	cr_assert_eq(dt__json_kv_str(b, "kind", l->kind == DT_LINK_EXPLICIT ?
		"explicit" : "implicit", 0), 0);
	cr_assert_eq(dt__json_key(b, "score", 0), 0);
	snprintf(num, sizeof(num), "%.3f", l->score);
	cr_assert_eq(dt__buf_puts(b, num), 0);
	cr_assert_eq(dt__json_kv_str(b, "evidence", l->evidence, 0), 0);
	cr_assert_eq(dt__buf_putc(b, '}'), 0);
}

/* A random string of up to 60 bytes, tricky ones among them; NULL one
 * time in 16. */
static const char *random_value(uint64_t *seed, char *s)
{
	size_t len = next(seed) % 60, k;

	if (next(seed) % 16 == 0) {
		return NULL;
	}
	for (k = 0; k < len; k++) {
		uint64_t x = next(seed);

		s[k] = x % 3 ? (char)('a' + x % 26) :
			(char)tricky[x % sizeof(tricky)];
	}
	s[len] = '\0';
	return s;
}

Test(json, a_link_with_literal_keys_is_written_as_key_by_key)
{
	static const double scores[] = { 0, 1, 0.2, 0.2005, 0.9995, 0.123456,
		1e-9, 0.35, 0.0004999, 0.6665 };
	uint64_t seed = 0x2545F4914F6CDD1Dull;
	char f[64], e[64], v[64];
	size_t i;

	for (i = 0; i < 20000; i++) {
		dt_buf got, want;
		dt_link l = { 0 };

		l.file = random_value(&seed, f);
		l.local_eid = random_value(&seed, e);
		l.evidence = random_value(&seed, v);
		l.line = i % 7 == 0 ? 0 : (size_t)(next(&seed) % 100000);
		l.kind = next(&seed) % 2 ? DT_LINK_EXPLICIT : DT_LINK_IMPLICIT;
		l.score = i % 3 ? (double)(next(&seed) % 1000001) / 1e6 :
			scores[i % (sizeof(scores) / sizeof(scores[0]))];
		dt__buf_init(&got, 0);
		dt__buf_init(&want, 0);
		cr_assert_eq(dt__json_link(&got, &l), 0);
		ref_json_link(&want, &l);
		cr_assert_str_eq(got.data, want.data, "link %zu", i);
		dt__buf_dispose(&got);
		dt__buf_dispose(&want);
	}
}
