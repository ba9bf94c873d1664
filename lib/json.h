/*
 * json.h - small writers shared by the report modules.
 */
#ifndef DT_JSON_H
#define DT_JSON_H

#include "internal.h"

/** How many bytes `s` (of `len`) begins with that a JSON string holds as
 *  they are: up to the first control, '"' or '\\' (or `len`). */
size_t dt__json_plain_len(const char *s, size_t len);
/** Append `s` as a JSON string literal (quotes, escapes). */
int dt__json_str(dt_buf *b, const char *s);
/** Append `"key":` (preceded by ',' unless `first`). */
int dt__json_key(dt_buf *b, const char *key, int first);
int dt__json_kv_str(dt_buf *b, const char *key, const char *value,
	int first);
int dt__json_kv_num(dt_buf *b, const char *key, long value, int first);
/** Append link `l` as the review's JSON holds it: {"file", "eid",
 *  "line", "kind", "score" (%.3f), "evidence"}, NULL strings as "". */
int dt__json_link(dt_buf *b, const dt_link *l);
/** Does `s` (of `len` bytes) hold ',', '"', CR or LF: must it be quoted
 *  as a CSV field? */
int dt__csv_needs_quotes(const char *s, size_t len);
/** Append `s` as one RFC 4180 CSV field. */
int dt__csv_field(dt_buf *b, const char *s);

#endif /* DT_JSON_H */
