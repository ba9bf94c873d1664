/*
 * match_fixtures.h - the random documents of the match.c tests
 * (test_match_dense.c, test_match_bags.c), defined in match_fixtures.c:
 * directives of syllables drawn from a small Vietnamese vocabulary, so
 * that leaves share many terms, with clauses repeated inside an article
 * (equal scores: ties) and short ones (shares capped at 1: more ties),
 * and local plans that paraphrase them.  A test seeds rng, then draws.
 */
#ifndef DT_TEST_MATCH_FIXTURES_H
#define DT_TEST_MATCH_FIXTURES_H

#include <stddef.h>

#include <dirtrace.h>

#define DOC_CAP 65536   /* bytes of a generated document, NUL included */
#define MAX_CLAUSES 64  /* clauses a directive keeps for its plan */

/* The state of the generator (xorshift): set it to seed a test; never 0. */
extern unsigned long long rng;

/* A random number in [0, n), n > 0. */
size_t pick(size_t n);

/* n random syllables, skewed towards the start of the vocabulary,
 * appended to buf (cap bytes). */
void words(char *buf, size_t cap, size_t n);

/* A directive of a few articles of clauses into buf (DOC_CAP bytes);
 * clauses[] keeps their text for the plan.  The number of clauses. */
size_t directive(char *buf, char clauses[][512]);

/* A plan into buf (DOC_CAP bytes) whose paragraphs paraphrase
 * clauses[0..nclauses). */
void plan(char *buf, char clauses[][512], size_t nclauses);

/* src parsed as Markdown (the test fails if it cannot); free with
 * dt_doc_free(). */
dt_doc *parse(const char *src);

#endif /* DT_TEST_MATCH_FIXTURES_H */
