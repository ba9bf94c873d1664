/*
 * version.c - the version of the library linked at run time.
 */
#include "internal.h"

const char *dt_version_string(void)
{
	return DT_VERSION_STRING;
}

int dt_version_number(void)
{
	return DT_VERSION_NUMBER;
}
