/*
 * limits.c - the caps of dt_parse_opts and their defaults, in one place.
 *
 * Every limit is 0 = default in the options, so all-zero options are the
 * documented defaults; the readers see the options resolved once.
 */
#include <string.h>

#include "internal.h"

void dt__parse_limits(dt_parse_opts *out, const dt_parse_opts *given)
{
	static const dt_parse_opts none = DT_PARSE_OPTS_INIT;

	*out = given != NULL ? *given : none;
	if (out->max_bytes == 0) {
		out->max_bytes = DT_DEFAULT_MAX_BYTES;
	}
	if (out->max_depth == 0) {
		out->max_depth = DT_DEFAULT_MAX_DEPTH;
	}
	/* the outline stops at DT_DEFAULT_MAX_UNITS whatever it is told */
	if (out->max_units == 0 || out->max_units > DT_DEFAULT_MAX_UNITS) {
		out->max_units = DT_DEFAULT_MAX_UNITS;
	}
	if (out->max_line == 0) {
		out->max_line = DT_DEFAULT_MAX_LINE;
	}
	if (out->max_cells == 0) {
		out->max_cells = DT_DEFAULT_MAX_CELLS;
	}
	if (out->max_cites == 0) {
		out->max_cites = DT_DEFAULT_MAX_CITES;
	}
	if (out->max_seconds == 0) {
		out->max_seconds = DT_DEFAULT_MAX_SECONDS;
	}
	if (out->max_memory == 0) {
		out->max_memory = DT_DEFAULT_MAX_MEMORY;
	}
}
