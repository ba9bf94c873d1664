/*
 * test_decimal.c - dt__fixed3 and dt__fixed (decimal.c) write what
 * printf("%.3f") (and "%.1f", "%.2f") writes, for every kind of double.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "decimal.h"

static void same_as_printf(double x)
{
	char got[DT_FIXED3_MAX], want[DT_FIXED3_MAX];
	size_t n = dt__fixed3(got, x);
	unsigned d;

	snprintf(want, sizeof(want), "%.3f", x);
	cr_assert_str_eq(got, want, "%.17g: got %s, printf %s", x, got, want);
	cr_assert_eq(n, strlen(want));
	for (d = 1; d <= 3; d++) { /* "%.2f" of the Markdown and HTML */
		n = dt__fixed(got, x, d);
		snprintf(want, sizeof(want), "%.*f", (int)d, x);
		cr_assert_str_eq(got, want, "%.17g, %u digits: got %s, "
			"printf %s", x, d, got, want);
		cr_assert_eq(n, strlen(want));
	}
}

/* xorshift64: a fixed sequence, so a failure can be replayed. */
static uint64_t next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

Test(decimal, scores_like_the_reports_print)
{
	static const double v[] = { 0, 1, 0.2, 0.1, 0.3, 0.2005, 0.0005,
		0.0015, 0.9995, 0.9994999, 0.999, 0.5, 0.125, 0.0625,
		0.1234, 0.8765, 1.0 / 3, 2.0 / 3, 999.9995, 999.9994, 12.3456 };
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		same_as_printf(v[i]);
	}
}

/* Exact binary halves (k + 1/2) / 1000 scaled by powers of two, and
 * their neighbours one ulp away: where double arithmetic could round the
 * other way. */
Test(decimal, values_next_to_a_rounding_boundary)
{
	unsigned k;

	for (k = 0; k < 20000; k++) {
		double x = (k + 0.5) / 1000.0, y = (k + 0.5) / 100.0;

		same_as_printf(x);
		same_as_printf(nextafter(x, 0));
		same_as_printf(nextafter(x, 2000));
		same_as_printf(k / 8.0 / 1000.0);
		same_as_printf(y); /* the same for "%.2f" */
		same_as_printf(nextafter(y, 0));
		same_as_printf(nextafter(y, 2000));
	}
}

Test(decimal, random_doubles_in_and_out_of_range)
{
	uint64_t s = 0x9E3779B97F4A7C15u;
	unsigned i;

	for (i = 0; i < 400000; i++) {
		uint64_t r = next(&s);
		double unit = (double)(r >> 11) / 9007199254740992.0;

		same_as_printf(unit);                /* [0, 1): the scores */
		same_as_printf(unit * 1000.0);       /* the integer path's end */
		same_as_printf(unit * 2e6 - 1e6);    /* negatives, large */
	}
}

Test(decimal, special_values_go_to_printf)
{
	same_as_printf(-0.0);
	same_as_printf(-0.0004);
	same_as_printf(1000.0);
	same_as_printf(DBL_MAX);
	same_as_printf(DBL_MIN);
	same_as_printf(INFINITY);
	same_as_printf(-INFINITY);
	same_as_printf(NAN);
}
