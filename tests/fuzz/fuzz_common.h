/*
 * fuzz_common.h - helpers shared by the fuzz harnesses (fuzz_common.c).
 */
#ifndef DT_FUZZ_COMMON_H
#define DT_FUZZ_COMMON_H

#include <dirtrace.h>

/* Read every field of `doc` and its units, write its outline in every
 * format and Markdown; abort() when a documented promise is broken. */
void fuzz_check_doc(const dt_doc *doc);

#endif /* DT_FUZZ_COMMON_H */
