/*
 * decimal.c - "%.3f" (and "%.2f") without printf.  A gaps report prints a
 * score for every link (hundreds of thousands at province scale) and
 * glibc's printf_fp was a quarter of the time spent writing the JSON
 * report (Markdown and HTML print "%.2f").
 *
 * Hand-written because no library we use formats a fixed-point decimal:
 * ICU's number formatting is locale machinery for a three-digit score.
 * printf rounds the exact binary value to nearest (ties to even); x *
 * 1000 (or 100) in double arithmetic can be off by an ulp from that
 * value, which matters only when it lies within an ulp or so of a half -
 * those values, and anything outside [0, 1000), are left to snprintf.
 * So the result is printf's byte for byte (tests/unit/test_decimal.c).
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>

#include "decimal.h"

/* Far wider than the error of x * 1000 (< 2^-33 below 1000), far
 * narrower than the gap between two scores anybody reads. */
#define NEAR_HALF 1e-9

static size_t by_printf(char out[DT_FIXED3_MAX], double x, unsigned digits)
{
	int n = snprintf(out, DT_FIXED3_MAX, "%.*f", (int)digits, x);

	return n > 0 && n < DT_FIXED3_MAX ? (size_t)n : 0;
}

size_t dt__fixed(char out[DT_FIXED3_MAX], double x, unsigned digits)
{
	static const unsigned long pow10[] = { 1, 10, 100, 1000 };
	double scaled, whole;
	unsigned long k, units, d;
	char ds[8];
	size_t n = 0, len = 0;

	assert(digits >= 1 && digits <= 3);
	scaled = x * (double)pow10[digits];
	whole = floor(scaled);
	if (!(x >= 0.0 && x < 1000.0) || signbit(x) ||
		fabs(scaled - whole - 0.5) < NEAR_HALF) {
		return by_printf(out, x, digits);
	}
	k = (unsigned long)whole + (scaled - whole > 0.5);
	units = k / pow10[digits];
	do { /* the integer part, least significant digit first */
		ds[n++] = (char)('0' + units % 10);
		units /= 10;
	} while (units > 0);
	while (n > 0) {
		out[len++] = ds[--n];
	}
	out[len++] = '.';
	for (d = pow10[digits] / 10; d > 0; d /= 10) {
		out[len++] = (char)('0' + k / d % 10);
	}
	out[len] = '\0';
	return len;
}

size_t dt__fixed3(char out[DT_FIXED3_MAX], double x)
{
	return dt__fixed(out, x, 3);
}
