/*
 * json.c - writing JSON strings and CSV fields into a dt_buf.
 *
 * Hand-written: the only JSON dirtrace writes is its own reports, and a
 * string escaper is a dozen lines; no JSON library is needed for that.
 */
#include <stdint.h>
#include <string.h>

#include "decimal.h"
#include "json.h"

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Nonzero when some byte of the word `w` needs escaping: a control (<
 * 0x20), '"' or '\\'.  The tests for "a byte less than n" and "a zero
 * byte" of Hacker's Delight (6-1), for w, w ^ '"'s and w ^ '\\'s at once:
 * exact as to whether any byte matches (a borrow can only flag a byte
 * above one that matches), and ~w stands for ~(w ^ c) in the last step
 * since '"' and '\\' leave the top bit alone.  UTF-8 bytes (top bit set)
 * never match. */
static uint64_t word_needs_escape(uint64_t w)
{
	uint64_t q = w ^ (ONES * '"'), bs = w ^ (ONES * '\\');

	return ((w - ONES * 0x20) | (q - ONES) | (bs - ONES)) & ~w & HIGHS;
}

static int byte_needs_escape(unsigned char c)
{
	return c < 0x20 || c == '"' || c == '\\';
}

size_t dt__json_plain_len(const char *s, size_t len)
{
	size_t i = 0;
	uint64_t w;

	/* Eight bytes at a step: report text is long runs of plain UTF-8,
	 * and a byte-at-a-time scan was most of the time of writing it. */
	while (len - i >= 8) {
		memcpy(&w, s + i, 8);
		if (word_needs_escape(w)) {
			break;
		}
		i += 8;
	}
	while (i < len && !byte_needs_escape((unsigned char)s[i])) {
		i++;
	}
	return i;
}

/* The escape of a byte byte_needs_escape() holds: two or six bytes. */
static int put_escape(dt_buf *b, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char esc[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };

	switch (c) {
	case '"': return dt__buf_append(b, "\\\"", 2);
	case '\\': return dt__buf_append(b, "\\\\", 2);
	case '\n': return dt__buf_append(b, "\\n", 2);
	case '\t': return dt__buf_append(b, "\\t", 2);
	case '\r': return dt__buf_append(b, "\\r", 2);
	default: return dt__buf_append(b, esc, 6);
	}
}

/* Append `"s"` (len bytes of s, nothing to escape) in one step. */
static int put_quoted(dt_buf *b, const char *s, size_t len)
{
	int rc = dt__buf_reserve(b, len + 2);
	char *d;

	if (rc < 0) {
		return rc;
	}
	d = b->data + b->len;
	d[0] = '"';
	memcpy(d + 1, s, len);
	d[len + 1] = '"';
	b->len += len + 2;
	b->data[b->len] = '\0';
	return 0;
}

int dt__json_str(dt_buf *b, const char *s)
{
	size_t len = strlen(s), i = dt__json_plain_len(s, len);
	int rc;

	if (i == len) { /* nearly every string */
		return put_quoted(b, s, len);
	}
	rc = dt__buf_putc(b, '"');
	while (rc == 0 && i < len) {
		rc = dt__buf_append(b, s, i);
		if (rc == 0) {
			rc = put_escape(b, (unsigned char)s[i]);
		}
		s += i + 1;
		len -= i + 1;
		i = dt__json_plain_len(s, len);
	}
	if (rc == 0) {
		rc = dt__buf_append(b, s, len);
	}
	return rc == 0 ? dt__buf_putc(b, '"') : rc;
}

int dt__json_key(dt_buf *b, const char *key, int first)
{
	size_t len = strlen(key);
	int rc = first ? 0 : dt__buf_putc(b, ',');

	/* Keys are nearly always our own words: quoted as they are. */
	if (rc == 0 && dt__json_plain_len(key, len) == len) {
		rc = put_quoted(b, key, len);
	} else if (rc == 0) {
		rc = dt__json_str(b, key);
	}
	return rc == 0 ? dt__buf_putc(b, ':') : rc;
}

int dt__json_kv_str(dt_buf *b, const char *key, const char *value,
	int first)
{
	int rc = dt__json_key(b, key, first);

	return rc == 0 ? dt__json_str(b, value ? value : "") : rc;
}

int dt__json_kv_num(dt_buf *b, const char *key, long value, int first)
{
	int rc = dt__json_key(b, key, first);

	return rc == 0 ? dt__buf_putl(b, value) : rc;
}

/* Append the bytes of string literal `lit`: a key already quoted, with
 * the ',' before it and the ':' after it. */
#define PUT_LIT(b, lit) dt__buf_append((b), (lit), sizeof(lit) - 1)

/* A report holds a link per local paragraph that matched (vi-100:
 * ~400,000), and quoting each of its six keys with dt__json_key (a
 * strlen, a scan and three appends) cost as much as its values: the keys
 * go in as literals, the values as dt__json_str writes them.  The
 * bytes are those of dt__json_kv_str/kv_num for each key in turn
 * (tests/unit/test_json.c compares them). */
int dt__json_link(dt_buf *b, const dt_link *l)
{
	char num[DT_FIXED3_MAX];
	int rc = PUT_LIT(b, "{\"file\":");

	rc = rc == 0 ? dt__json_str(b, l->file ? l->file : "") : rc;
	rc = rc == 0 ? PUT_LIT(b, ",\"eid\":") : rc;
	rc = rc == 0 ? dt__json_str(b, l->local_eid ? l->local_eid : "") : rc;
	rc = rc == 0 ? PUT_LIT(b, ",\"line\":") : rc;
	rc = rc == 0 ? dt__buf_putl(b, (long)l->line) : rc;
	if (rc == 0) {
		rc = l->kind == DT_LINK_EXPLICIT ?
			PUT_LIT(b, ",\"kind\":\"explicit\",\"score\":") :
			PUT_LIT(b, ",\"kind\":\"implicit\",\"score\":");
	}
	rc = rc == 0 ? dt__buf_append(b, num, dt__fixed3(num, l->score)) : rc;
	rc = rc == 0 ? PUT_LIT(b, ",\"evidence\":") : rc;
	rc = rc == 0 ? dt__json_str(b, l->evidence ? l->evidence : "") : rc;
	return rc == 0 ? dt__buf_putc(b, '}') : rc;
}

/* Nonzero when some byte of `w` makes a CSV field need quotes: ',', '"',
 * '\r' or '\n' (as word_needs_escape: none of them has the top bit). */
static uint64_t word_needs_quotes(uint64_t w)
{
	uint64_t c = w ^ (ONES * ','), q = w ^ (ONES * '"');
	uint64_t r = w ^ (ONES * '\r'), n = w ^ (ONES * '\n');

	return ((c - ONES) | (q - ONES) | (r - ONES) | (n - ONES)) & ~w &
		HIGHS;
}

static int byte_needs_quotes(char c)
{
	return c == ',' || c == '"' || c == '\r' || c == '\n';
}

int dt__csv_needs_quotes(const char *s, size_t len)
{
	size_t i = 0;
	uint64_t w;

	for (; len - i >= 8; i += 8) { /* as dt__json_plain_len */
		memcpy(&w, s + i, 8);
		if (word_needs_quotes(w)) {
			break;
		}
	}
	for (; i < len; i++) {
		if (byte_needs_quotes(s[i])) {
			return 1;
		}
	}
	return 0;
}

int dt__csv_field(dt_buf *b, const char *s)
{
	size_t len = strlen(s);
	int rc;

	if (!dt__csv_needs_quotes(s, len)) {
		return dt__buf_append(b, s, len);
	}
	rc = dt__buf_putc(b, '"');
	for (; rc == 0 && *s != '\0'; s++) {
		rc = *s == '"' ? dt__buf_append(b, "\"\"", 2) :
			dt__buf_putc(b, *s);
	}
	return rc == 0 ? dt__buf_putc(b, '"') : rc;
}
