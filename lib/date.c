/*
 * date.c - dates as Vietnamese and Russian directives write them, found
 * in running text and checked against the calendar (DOMAIN §3.3).
 *
 * One pattern covers every form, so the leftmost date wins whatever its
 * form.  Month words (Vietnamese "tháng bốn", Russian genitive "марта")
 * are the tables below; each word gets its own capture group, so the
 * group that matched is the month and no case-insensitive comparison is
 * needed outside PCRE2.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "symbol.h"

/* "tháng <word>": longer words first, the alternation takes the first
 * that fits ("mười một" before "mười" before "một"). */
static const struct {
	const char *word;
	int month;
} vi_months[] = {
	{ "mười\\s+một", 11 }, { "mười\\s+hai", 12 }, { "mười", 10 },
	{ "một", 1 }, { "giêng", 1 }, { "hai", 2 }, { "ba", 3 },
	{ "bốn", 4 }, { "tư", 4 }, { "năm", 5 }, { "sáu", 6 },
	{ "bảy", 7 }, { "tám", 8 }, { "chín", 9 }, { "chạp", 12 },
};

/* Russian month names in the genitive, as dates use them. */
static const char *const ru_months[12] = {
	"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
	"августа", "сентября", "октября", "ноября", "декабря",
};

#define N_VI (sizeof(vi_months) / sizeof(vi_months[0]))
#define N_RU 12

/* Capture groups of the pattern, numbered while it is built. */
static struct {
	size_t vi_day, vi_mnum, vi_mword, vi_year; /* vi_mword: first word */
	size_t num_day, num_month, num_year;
	size_t ru_day, ru_month, ru_year;           /* ru_month: first name */
	size_t iso_year, iso_month, iso_day;
	size_t ngroups;
} grp;

static dt_re *date_re;
static int date_status;
static pthread_once_t date_once = PTHREAD_ONCE_INIT;

/* Append a group "(body)" and return its number. */
static size_t add_group(dt_buf *b, const char *body, int *rc)
{
	if (*rc == 0) {
		*rc = dt__buf_printf(b, "(%s)", body);
	}
	return ++grp.ngroups;
}

static void add(dt_buf *b, const char *s, int *rc)
{
	if (*rc == 0) {
		*rc = dt__buf_append(b, s, strlen(s));
	}
}

/* The long Vietnamese form: "[ngày] 15 tháng 3|ba năm 2026". */
static void build_vi(dt_buf *b, int *rc)
{
	size_t i;

	grp.vi_day = add_group(b, "\\d{1,2}", rc);
	add(b, "\\s+tháng\\s+(?:", rc);
	grp.vi_mnum = add_group(b, "\\d{1,2}", rc);
	for (i = 0; i < N_VI; i++) {
		add(b, "|", rc);
		if (i == 0) {
			grp.vi_mword = grp.ngroups + 1;
		}
		add_group(b, vi_months[i].word, rc);
	}
	add(b, ")\\s*,?\\s*năm\\s+", rc);
	grp.vi_year = add_group(b, "\\d{4}", rc);
}

/* "15/3/2026", "15-03-2026", "30.07.2021": one separator, twice. */
static void build_numeric(dt_buf *b, int *rc)
{
	size_t sep;

	grp.num_day = add_group(b, "\\d{1,2}", rc);
	sep = add_group(b, "[/.\\-]", rc);
	grp.num_month = add_group(b, "\\d{1,2}", rc);
	if (*rc == 0) {
		*rc = dt__buf_printf(b, "\\g{%zu}", sep);
	}
	grp.num_year = add_group(b, "\\d{4}", rc);
}

/* "«17» марта 2011 г.", "30 мая 2019 года" ("от" is the common prefix). */
static void build_ru(dt_buf *b, int *rc)
{
	size_t i;

	add(b, "«?", rc);
	grp.ru_day = add_group(b, "\\d{1,2}", rc);
	add(b, "»?\\s+(?:", rc);
	for (i = 0; i < N_RU; i++) {
		add(b, i ? "|" : "", rc);
		if (i == 0) {
			grp.ru_month = grp.ngroups + 1;
		}
		add_group(b, ru_months[i], rc);
	}
	add(b, ")\\s+", rc);
	grp.ru_year = add_group(b, "\\d{4}", rc);
}

static void date_compile(void)
{
	dt_buf b;
	int rc = 0;

	dt__buf_init(&b, 4096);
	/* not inside a number, a symbol or a longer date */
	add(&b, "(?<![\\w/.\\-])(?:(?:ngày|от)\\s+)?(?:", &rc);
	build_vi(&b, &rc);
	add(&b, "|", &rc);
	build_numeric(&b, &rc);
	add(&b, "|", &rc);
	build_ru(&b, &rc);
	add(&b, "|", &rc);
	grp.iso_year = add_group(&b, "\\d{4}", &rc);
	add(&b, "-", &rc);
	grp.iso_month = add_group(&b, "\\d{2}", &rc);
	add(&b, "-", &rc);
	grp.iso_day = add_group(&b, "\\d{2}", &rc);
	/* "г."/"года" closes a Russian date of any form */
	add(&b, ")(?!\\d)(?![/.\\-]\\d)(?:\\s*(?:года|г\\.|г(?!\\w)))?", &rc);
	if (rc == 0) {
		rc = dt__re_compile(&date_re, b.data, DT_RE_CASELESS, NULL);
	}
	date_status = rc < 0 ? rc : 0;
	dt__buf_dispose(&b);
}

int dt__date_valid(int year, int month, int day)
{
	static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30,
		31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	if (year < 1800 || year > 2200 || month < 1 || month > 12 ||
		day < 1) {
		return 0;
	}
	if (month == 2 && !leap) {
		return day <= 28;
	}
	return day <= mdays[month - 1];
}

/* Value of the digits in s[span] (at most 4, by the pattern). */
static int num_at(const char *s, const size_t *ov, size_t g)
{
	size_t i;
	int v = 0;

	for (i = ov[2 * g]; i < ov[2 * g + 1]; i++) {
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int group_set(const size_t *ov, size_t g)
{
	return ov[2 * g] != SIZE_MAX;
}

/* The month of a word alternative: the first of `n` groups from `first`
 * that matched; Vietnamese words map through vi_months (two words can
 * name one month), Russian names are the months in order. */
static int month_word(const size_t *ov, size_t first, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (group_set(ov, first + i)) {
			return n == N_VI ? vi_months[i].month : (int)i + 1;
		}
	}
	return 0;
}

/* Fill `d` from a match; the day/month/year are not yet validated. */
static void from_match(dt_date *d, const char *s, const size_t *ov)
{
	d->all.start = ov[0];
	d->all.end = ov[1];
	if (group_set(ov, grp.vi_day)) {
		d->day = num_at(s, ov, grp.vi_day);
		d->month = group_set(ov, grp.vi_mnum) ?
			num_at(s, ov, grp.vi_mnum) :
			month_word(ov, grp.vi_mword, N_VI);
		d->year = num_at(s, ov, grp.vi_year);
	} else if (group_set(ov, grp.num_day)) {
		d->day = num_at(s, ov, grp.num_day);
		d->month = num_at(s, ov, grp.num_month);
		d->year = num_at(s, ov, grp.num_year);
	} else if (group_set(ov, grp.ru_day)) {
		d->day = num_at(s, ov, grp.ru_day);
		d->month = month_word(ov, grp.ru_month, N_RU);
		d->year = num_at(s, ov, grp.ru_year);
	} else {
		d->day = num_at(s, ov, grp.iso_day);
		d->month = num_at(s, ov, grp.iso_month);
		d->year = num_at(s, ov, grp.iso_year);
	}
}

int dt__date_find(dt_date *out, const char *s, size_t len, size_t from)
{
	size_t ov[2 * 64];
	size_t pos = from;
	size_t i;

	pthread_once(&date_once, date_compile);
	if (date_status < 0) {
		return DT_ERROR;
	}
	while (pos <= len) {
		int rc = dt__re_match(date_re, s, len, pos, ov, 64);

		if (rc <= 0) {
			return rc;
		}
		/* groups past the highest one set are unset, whatever the
		 * ovector held before */
		for (i = (size_t)rc; i <= grp.ngroups; i++) {
			ov[2 * i] = ov[2 * i + 1] = SIZE_MAX;
		}
		from_match(out, s, ov);
		if (dt__date_valid(out->year, out->month, out->day)) {
			return 1;
		}
		pos = ov[1]; /* a match is never empty: this advances */
	}
	return 0;
}

int dt__date_parse(dt_date *out, const char *s, size_t len)
{
	size_t a = 0, z = len;
	int rc;

	dt__trim_blanks(s, &a, &z);
	rc = dt__date_find(out, s, z, a);
	if (rc <= 0) {
		return rc;
	}
	return out->all.start == a && out->all.end == z;
}

int dt__date_iso_shaped(const char *s)
{
	static const char shape[] = "dddd-dd-dd";
	size_t i;

	for (i = 0; s != NULL && i < 10; i++) {
		int digit = s[i] >= '0' && s[i] <= '9';

		if (shape[i] == 'd' ? !digit : s[i] != '-') {
			return 0;
		}
	}
	return s != NULL;
}

void dt__date_iso(char *out, const dt_date *date)
{
	snprintf(out, DT_DATE_ISO_SIZE, "%04d-%02d-%02d", date->year,
		date->month, date->day);
}
