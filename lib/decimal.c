/*
 * decimal.c - "%.3f" without printf.  A gaps report prints a score for
 * every link (hundreds of thousands at province scale) and glibc's
 * printf_fp was a quarter of the time spent writing the JSON report.
 *
 * Hand-written because no library we use formats a fixed-point decimal:
 * ICU's number formatting is locale machinery for a three-digit score.
 * printf rounds the exact binary value to nearest (ties to even); x *
 * 1000 in double arithmetic can be off by an ulp from that value, which
 * matters only when it lies within an ulp or so of a half - those
 * values, and anything outside [0, 1000), are left to snprintf.  So the
 * result is printf's byte for byte (tests/unit/test_decimal.c).
 */
#include <math.h>
#include <stdio.h>

#include "decimal.h"

/* Far wider than the error of x * 1000 (< 2^-43 below 1000), far
 * narrower than the gap between two scores anybody reads. */
#define NEAR_HALF 1e-9

static size_t by_printf(char out[DT_FIXED3_MAX], double x)
{
	int n = snprintf(out, DT_FIXED3_MAX, "%.3f", x);

	return n > 0 && n < DT_FIXED3_MAX ? (size_t)n : 0;
}

size_t dt__fixed3(char out[DT_FIXED3_MAX], double x)
{
	double scaled = x * 1000.0, whole = floor(scaled);
	unsigned long k, units;
	char digits[8];
	size_t n = 0, len = 0;

	if (!(x >= 0.0 && x < 1000.0) || signbit(x) ||
		fabs(scaled - whole - 0.5) < NEAR_HALF) {
		return by_printf(out, x);
	}
	k = (unsigned long)whole + (scaled - whole > 0.5);
	units = k / 1000;
	do { /* the integer part, least significant digit first */
		digits[n++] = (char)('0' + units % 10);
		units /= 10;
	} while (units > 0);
	while (n > 0) {
		out[len++] = digits[--n];
	}
	out[len++] = '.';
	out[len++] = (char)('0' + k / 100 % 10);
	out[len++] = (char)('0' + k / 10 % 10);
	out[len++] = (char)('0' + k % 10);
	out[len] = '\0';
	return len;
}
