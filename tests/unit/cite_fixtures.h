/*
 * cite_fixtures.h - the shared harness of the citation tables
 * (test_cite_vi.c, test_cite_ru_en.c, test_cite_resolution.c): the fixture
 * directives, the directive sets, the case type and its builders, and the
 * runner.  Definitions are in cite_fixtures.c.  The citation engine is
 * tested through the public API only: dt_cites_find() over local documents
 * written in Markdown, against fixture directives in Vietnamese, Russian
 * and English.  The expectations come from the specification (issue 5,
 * DOMAIN.md §2.3 and §4, DESIGN.md §3), not from the implementation.
 *
 * A table case names a directive set, a local document and the citation
 * under test: the first citation of the local document's LAST unit whose
 * text contains `pick` (or the `index`-th one of that unit when `pick` is
 * "").  Its status and directive are checked; for RESOLVED, the eIds of
 * every RESOLVED citation of that unit from the picked one on, joined by
 * spaces, must equal `eids` (so one citation or several for a list both
 * pass).  Two special statuses cover negatives: NONE (no citation at all
 * in the document) and NO_UNITS (no citation in the document is RESOLVED,
 * BROKEN or AMBIGUOUS).
 */
#ifndef DT_TEST_CITE_FIXTURES_H
#define DT_TEST_CITE_FIXTURES_H

#include <stddef.h>

#include <dirtrace.h>

/* ## Fixtures: the loaded directives (see cite_fixtures.c) */

enum { FX_REG31, FX_HD06, FX_CT07, FX_REG24, FX_POL12, FX_ACT8, FX_CHARTER,
	FX_COUNT };

/* ## Harness state: parsed per test, freed by teardown() */

extern dt_doc *fx[FX_COUNT]; /* the loaded fixtures, NULL when not loaded */
extern dt_doc *local;        /* the local document */
extern dt_citeset *set;      /* its citations */

/* Free everything a test parsed; every test's .fini. */
void teardown(void);

/* The index in fx[] of fixture `name` (fails the test when unknown). */
int fixture_index(const char *name);

/* Parse the fixtures of set `name` into fx[] and list them in `out`. */
size_t load_set(const char *name, const dt_doc **out);

/* Parse `md` as the local document and find its citations against the
 * directive set `dirset`. */
void cite(const char *lang, const char *dirset, const char *md);

/* The fixture name of a directive, for messages. */
const char *directive_name(const dt_doc *d);

/* Every citation of the set, one a line, for failure messages. */
const char *dump(void);

/* ## Cases */

#define NONE (-1)     /* no citation at all */
#define NO_UNITS (-2) /* nothing RESOLVED, BROKEN or AMBIGUOUS */

#define RES DT_CITE_RESOLVED
#define DOC DT_CITE_DOCUMENT
#define BRK DT_CITE_BROKEN
#define STL DT_CITE_STALE
#define SLF DT_CITE_SELF
#define EXT DT_CITE_EXTERNAL
#define AMB DT_CITE_AMBIGUOUS

/* One case: values only, the body runs in another process. */
typedef struct {
	char lang[4];      /* language of the local document */
	char fixture[16];  /* directive set: "all", "charter", "vi", "none" */
	char local[512];   /* the local document (Markdown) */
	char pick[48];     /* the citation under test contains this … */
	int index;         /* … or is this one of the last unit ("" pick) */
	int status;        /* dt_cite_status, NONE or NO_UNITS */
	char target[8];    /* fixture name of the directive, "" = none */
	char eids[256];    /* RESOLVED: expected eIds, space separated */
} cite_case;

/* Case builders: language, directive set, local text, pick, status,
 * target, eIds. */
#define CASE(lang, set_, local_, pick_, status_, target_, eids_) \
	{ lang, set_, local_, pick_, 0, status_, target_, eids_ }
#define VI(local_, pick_, status_, target_, eids_) \
	CASE("vi", "all", local_, pick_, status_, target_, eids_)
#define RU(local_, pick_, status_, target_, eids_) \
	CASE("ru", "all", local_, pick_, status_, target_, eids_)
#define EN(local_, pick_, status_, target_, eids_) \
	CASE("en", "all", local_, pick_, status_, target_, eids_)

/* Basis preambles: "Thực hiện …" naming exactly one loaded directive. */
#define VI_BASIS "Thực hiện Quy định số 31-QĐ/TW ngày 15/3/2026 của Ban " \
	"Chấp hành Trung ương, Ban Thường vụ Tỉnh ủy hướng dẫn như sau:\n\n"
#define HD_BASIS "Thực hiện Hướng dẫn số 06-HD/TW ngày 20/4/2026 của Ban " \
	"Tổ chức Trung ương, Đảng ủy hướng dẫn như sau:\n\n"
#define Q24_BASIS "Thực hiện Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban " \
	"Chấp hành Trung ương, chi bộ hướng dẫn như sau:\n\n"
#define RU_BASIS "Во исполнение Положения № 12-П от 10 марта 2026 г. " \
	"комитет постановляет:\n\n"
#define RU31_BASIS "Во исполнение Положения № 31-QD/TW от 15 марта 2026 " \
	"г. комитет постановляет:\n\n"

/* Run one table case (see the top of this file) and check it. */
void run_case(const cite_case *k);

#endif /* DT_TEST_CITE_FIXTURES_H */
