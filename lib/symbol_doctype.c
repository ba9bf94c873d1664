/*
 * symbol_doctype.c - document type words ("Quy định", "KẾ HOẠCH",
 * "постановлением"): a table of rows, one per type, each row its
 * canonical name, the pattern of its case forms and its symbol codes
 * (DOMAIN §1.2; symbol.h).
 *
 * One pattern holds every row as a group, so the row a match took tells
 * the type.  A search runs it anchored, only where the prefix set of the
 * rows lets a type word begin (prefix.h): the unanchored alternation of
 * every row's case forms cost about 50 instructions a byte of text.
 */
#include <pthread.h>
#include <string.h>

#include "internal.h"
#include "prefix.h"
#include "symbol.h"

/* ## Data */

/* Document types (DOMAIN §1.2).  `pattern` NULL means the name itself in
 * any case, blanks as \s+.  At one position the first row that fits
 * wins, so a longer name precedes its prefix ("CHƯƠNG TRÌNH HÀNH ĐỘNG"
 * before "CHƯƠNG TRÌNH").  Russian rows take any case ending. */
static const struct {
	const char *name;
	const char *pattern;
	const char *codes;
} doctypes[] = {
	{ "QUY ĐỊNH", NULL, "QĐ QĐi QyĐ" },
	{ "QUYẾT ĐỊNH", NULL, "QĐ" },
	{ "NGHỊ QUYẾT", NULL, "NQ" },
	{ "NGHỊ ĐỊNH", NULL, "NĐ" },
	{ "CHỈ THỊ", NULL, "CT" },
	{ "KẾT LUẬN", NULL, "KL" },
	{ "KẾ HOẠCH", NULL, "KH" },
	{ "HƯỚNG DẪN", NULL, "HD" },
	{ "BÁO CÁO", NULL, "BC" },
	{ "THÔNG BÁO", NULL, "TB" },
	{ "THÔNG TRI", NULL, "TT" },
	{ "THÔNG TƯ LIÊN TỊCH", NULL, "TTLT" },
	{ "THÔNG TƯ", NULL, "TT" },
	{ "CHƯƠNG TRÌNH HÀNH ĐỘNG", NULL, "CTr" },
	{ "CHƯƠNG TRÌNH", NULL, "CTr" },
	{ "QUY CHẾ", NULL, "QC" },
	{ "TỜ TRÌNH", NULL, "TTr" },
	{ "ĐỀ ÁN", NULL, "ĐA" },
	{ "PHƯƠNG ÁN", NULL, "PA" },
	{ "CÔNG VĂN", NULL, "CV" },
	{ "CÔNG ĐIỆN", NULL, "CĐ" },
	{ "BỘ LUẬT", NULL, "" },
	{ "LUẬT", NULL, "" },
	{ "PHÁP LỆNH", NULL, "" },
	{ "HIẾN PHÁP", NULL, "" },
	{ "ĐIỀU LỆ", NULL, "" },
	{ "CƯƠNG LĨNH", NULL, "" },
	{ "ПОЛОЖЕНИЕ", "положени[еяюи]\\w{0,2}", "" },
	{ "ПОСТАНОВЛЕНИЕ", "постановлени[еяюи]\\w{0,2}", "П ПП" },
	{ "РЕШЕНИЕ", "решени[еяюи]\\w{0,2}", "" },
	{ "РАСПОРЯЖЕНИЕ", "распоряжени[еяюи]\\w{0,2}", "Р РП" },
	{ "ПРИКАЗ", "приказ\\w{0,3}", "" },
	{ "ПЛАН", "план(?:а|у|ом|е|ы|ов)?", "" },
	{ "ПРОГРАММА", "программ[аыуео]\\w{0,2}", "" },
	{ "РЕЗОЛЮЦИЯ", "резолюци[яиейю]\\w{0,2}", "" },
	{ "ДИРЕКТИВА", "директив[аыуео]\\w{0,2}", "" },
	{ "ИНСТРУКЦИЯ", "инструкци[яиейю]\\w{0,2}", "" },
	{ "РЕГЛАМЕНТ", "регламент\\w{0,3}", "" },
	{ "ЗАКЛЮЧЕНИЕ", "заключени[еяюи]\\w{0,2}", "" },
	{ "УКАЗ", "указ(?:а|у|ом|е)?", "" },
	{ "ФЕДЕРАЛЬНЫЙ ЗАКОН", "федеральн\\w{2,3}\\s+закон\\w{0,3}", "ФЗ" },
	{ "ЗАКОН", "закон(?:а|у|ом|е|ы|ов)?", "" },
	{ "УСТАВ", "устав(?:а|у|ом|е)?", "" },
};

#define N_DOCTYPES (sizeof(doctypes) / sizeof(doctypes[0]))
/* one capture group per row, and regex.c keeps 64 pairs */
_Static_assert(N_DOCTYPES < 63, "too many document types for one pattern");

/* ## Patterns */

enum {
	RE_TYPE,    /* type words, found */
	RE_TYPE_AT, /* type words, anchored */
	RE_COUNT
};

static dt_re *re[RE_COUNT];
/* What each type-word row begins with: dt__symbol_doctype_find() runs
 * RE_TYPE_AT only where one may start (a text names a document type at
 * a few places in thousands of bytes, and the unanchored alternation of
 * every row's case forms costs ~50 instructions a byte). */
static dt_prefixes *type_starts;
static int re_status;
static pthread_once_t re_once = PTHREAD_ONCE_INIT;

/* Row i's alternative alone: its pattern, or its name, blanks as \s+. */
static int build_row(dt_buf *b, size_t i)
{
	const char *p = doctypes[i].pattern;
	int rc = 0;

	if (p != NULL) {
		return dt__buf_append(b, p, strlen(p));
	}
	for (p = doctypes[i].name; rc == 0 && *p != '\0'; p++) {
		rc = *p == ' ' ? dt__buf_append(b, "\\s+", 3) :
			dt__buf_putc(b, *p);
	}
	return rc;
}

/* The first characters of every row, for the search (type_starts). */
static int build_type_starts(void)
{
	dt_buf b;
	size_t i;
	int rc = dt__prefixes_new(&type_starts);

	dt__buf_init(&b, 256);
	for (i = 0; rc == 0 && i < N_DOCTYPES; i++) {
		b.len = 0;
		rc = build_row(&b, i);
		rc = rc == 0 ? dt__prefixes_add(type_starts, b.data) : rc;
	}
	dt__buf_dispose(&b);
	return rc == 0 ? dt__prefixes_seal(type_starts) : rc;
}

/* The type-word pattern: one group per row, in table order. */
static int build_types(dt_buf *b)
{
	size_t i;
	int rc = dt__buf_append(b, "(?<!\\w)(?:", 10);

	for (i = 0; rc == 0 && i < N_DOCTYPES; i++) {
		rc = dt__buf_append(b, i ? "|(" : "(", i ? 2 : 1);
		rc = rc == 0 ? build_row(b, i) : rc;
		if (rc == 0) {
			rc = dt__buf_putc(b, ')');
		}
	}
	return rc == 0 ? dt__buf_append(b, ")(?!\\w)", 7) : rc;
}

static void re_compile(void)
{
	dt_buf b;
	int rc;

	dt__buf_init(&b, 8192);
	rc = build_types(&b);
	if (rc == 0) {
		rc = dt__re_compile(&re[RE_TYPE], b.data, DT_RE_CASELESS,
			NULL);
	}
	if (rc == 0) {
		rc = dt__re_compile(&re[RE_TYPE_AT], b.data,
			DT_RE_CASELESS | DT_RE_ANCHORED, NULL);
	}
	dt__buf_dispose(&b);
	rc = rc == 0 ? build_type_starts() : rc;
	re_status = rc < 0 ? DT_ERROR : 0;
}

/* The patterns, compiled on first use: 0 or DT_ERROR. */
static int compiled(void)
{
	pthread_once(&re_once, re_compile);
	return re_status;
}

/* Run pattern `which`; on a match clear the groups past the highest one
 * set (their ovector slots hold stale offsets). */
static int run(int which, const char *s, size_t len, size_t from,
	size_t *ov, size_t ovn)
{
	int rc = compiled();

	if (rc < 0 || from > len) {
		return rc;
	}
	rc = dt__re_match(re[which], s, len, from, ov, ovn);
	dt__re_unset_rest(rc, ov, ovn);
	return rc;
}

/* ## Finding type words */

/* The row and span of a type-word match, from its groups. */
static int doctype_of(int rc, const size_t *ov, size_t *idx_out,
	dt_span *span_out)
{
	size_t i;

	if (rc <= 0) {
		return rc;
	}
	for (i = 1; i <= N_DOCTYPES; i++) {
		if (ov[2 * i] != SIZE_MAX) {
			*idx_out = i - 1;
			span_out->start = ov[0];
			span_out->end = ov[1];
			return 1;
		}
	}
	return 0;
}

static int doctype_match(int which, size_t *idx_out, dt_span *span_out,
	const char *s, size_t len, size_t from)
{
	size_t ov[2 * (N_DOCTYPES + 1)];

	return doctype_of(run(which, s, len, from, ov, N_DOCTYPES + 1), ov,
		idx_out, span_out);
}

/* RE_TYPE_AT at each position where a row may start: the same match as
 * RE_TYPE's search (the leftmost; there the first row that fits). */
static int doctype_search(size_t *idx_out, dt_span *span_out,
	const char *s, size_t len, size_t from)
{
	size_t ov[2 * (N_DOCTYPES + 1)];
	int rc = compiled();

	if (rc < 0 || from > len) {
		return rc;
	}
	rc = dt__prefixes_search(type_starts, re[RE_TYPE_AT],
		DT_PREFIX_WORD_START, s, len, from, ov, N_DOCTYPES + 1);
	dt__re_unset_rest(rc, ov, N_DOCTYPES + 1);
	return doctype_of(rc, ov, idx_out, span_out);
}

int dt__symbol_doctype_find(size_t *idx_out, dt_span *span_out,
	const char *s, size_t len, size_t from)
{
	return doctype_search(idx_out, span_out, s, len, from);
}

int dt__symbol_doctype_find_plain(size_t *idx_out, dt_span *span_out,
	const char *s, size_t len, size_t from)
{
	return doctype_match(RE_TYPE, idx_out, span_out, s, len, from);
}

int dt__symbol_doctype_at(size_t *idx_out, dt_span *span_out,
	const char *s, size_t len, size_t at)
{
	/* no row can begin here: the anchored pattern fails (prefix.h) */
	if (compiled() == 0 && at < len &&
		!dt__prefixes_may_start(type_starts, s, len, at)) {
		return 0;
	}
	return dt__symbol_doctype_at_full(idx_out, span_out, s, len, at);
}

int dt__symbol_doctype_at_full(size_t *idx_out, dt_span *span_out,
	const char *s, size_t len, size_t at)
{
	return doctype_match(RE_TYPE_AT, idx_out, span_out, s, len, at);
}

const char *dt__symbol_doctype_name(size_t idx)
{
	return idx < N_DOCTYPES ? doctypes[idx].name : NULL;
}

const char *dt__symbol_doctype_codes(size_t idx)
{
	return idx < N_DOCTYPES ? doctypes[idx].codes : NULL;
}
