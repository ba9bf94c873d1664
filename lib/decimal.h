/*
 * decimal.h - fixed-point decimals for the reports, without printf.
 */
#ifndef DT_DECIMAL_H
#define DT_DECIMAL_H

#include <stddef.h>

/* Room for any result of dt__fixed3, with its NUL: "-DBL_MAX.000"
 * has 314 bytes. */
#define DT_FIXED3_MAX 320

/**
 * Write `x` as printf's "%.3f" would, into `out` (DT_FIXED3_MAX bytes),
 * and return the length.  The same bytes for every double: scores in
 * [0, 1000) take an integer path, the rest and the values too close to a
 * rounding boundary to decide in double arithmetic go through snprintf.
 */
size_t dt__fixed3(char out[DT_FIXED3_MAX], double x);
/** The same for "%.1f", "%.2f" or "%.3f": `digits` is 1, 2 or 3. */
size_t dt__fixed(char out[DT_FIXED3_MAX], double x, unsigned digits);

#endif /* DT_DECIMAL_H */
