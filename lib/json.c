/*
 * json.c - writing JSON strings and CSV fields into a dt_buf.
 *
 * Hand-written: the only JSON dirtrace writes is its own reports, and a
 * string escaper is a dozen lines; no JSON library is needed for that.
 */
#include <string.h>

#include "json.h"

/* Bytes a JSON string holds as they are: not '"', '\\' or a control. */
static size_t plain_run(const char *s)
{
	size_t n = 0;

	while ((unsigned char)s[n] >= 0x20 && s[n] != '"' && s[n] != '\\') {
		n++;
	}
	return n;
}

int dt__json_str(dt_buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	int rc = dt__buf_putc(b, '"');

	while (rc == 0 && *s != '\0') {
		unsigned char c = (unsigned char)*s;
		size_t n = plain_run(s);

		if (n > 0) { /* most of every string: one copy */
			rc = dt__buf_append(b, s, n);
			s += n;
			continue;
		}
		switch (c) {
		case '"': rc = dt__buf_append(b, "\\\"", 2); break;
		case '\\': rc = dt__buf_append(b, "\\\\", 2); break;
		case '\n': rc = dt__buf_append(b, "\\n", 2); break;
		case '\t': rc = dt__buf_append(b, "\\t", 2); break;
		case '\r': rc = dt__buf_append(b, "\\r", 2); break;
		default: {
			char esc[6] = { '\\', 'u', '0', '0', hex[c >> 4],
				hex[c & 15] };

			rc = dt__buf_append(b, esc, 6);
		}
		}
		s++;
	}
	return rc == 0 ? dt__buf_putc(b, '"') : rc;
}

int dt__json_key(dt_buf *b, const char *key, int first)
{
	int rc = first ? 0 : dt__buf_putc(b, ',');

	if (rc == 0) {
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

int dt__csv_field(dt_buf *b, const char *s)
{
	int rc;

	if (strpbrk(s, ",\"\r\n") == NULL) {
		return dt__buf_append(b, s, strlen(s));
	}
	rc = dt__buf_putc(b, '"');
	for (; rc == 0 && *s != '\0'; s++) {
		rc = *s == '"' ? dt__buf_append(b, "\"\"", 2) :
			dt__buf_putc(b, *s);
	}
	return rc == 0 ? dt__buf_putc(b, '"') : rc;
}
