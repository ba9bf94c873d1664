/*
 * dt-eval.c - `make eval`: score dirtrace against the gold annotations of
 * corpus/ (DESIGN §4), per set and split.
 *
 * Linked against the library; runs no subprocesses.  Measures whose
 * producer does not exist yet are reported as not available, never as a
 * number: today that is every link and gap measure (citations are issue
 * 5, the linker and coverage issue 6).  What exists is checked: every
 * directive and local document reads, and every eId the gold names is a
 * unit of the directive's outline.
 *
 * usage: dt-eval [--json] [GOLD.tsv ...]   (default: corpus/ * /gold.tsv)
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"

typedef struct {
	const char *gold_path;
	const char *set;
	const ev_section *sec;
	size_t units, eids, eids_found, docs, docs_failed;
} section_report;

static const char *const measures[] = { "explicit links", "implicit links",
	"all links", "uncovered", "partial", "broken", "stale" };
static const char *const missing_why[] = { "citations (issue 5)",
	"the linker (issue 6)", "the linker (issues 5-6)",
	"coverage (issue 6)", "coverage (issue 6)", "citations (issue 5)",
	"citations (issue 5)" };

/* "corpus/vi/gold.tsv" -> folder "corpus/vi/" and set name "vi". */
static void split_path(const char *gold, char *dir, size_t dlen, char *set,
	size_t slen)
{
	const char *slash = strrchr(gold, '/');
	size_t n = slash ? (size_t)(slash - gold + 1) : 0;
	const char *s;

	snprintf(dir, dlen, "%.*s", (int)n, gold);
	s = n > 1 ? gold + n - 2 : gold;
	while (s > gold && *s != '/') {
		s--;
	}
	if (*s == '/') {
		s++;
	}
	snprintf(set, slen, "%.*s", (int)(n > 0 ? gold + n - 1 - s : 0), s);
}

/* Gold eIds that name units of the directive. */
static void check_eids(section_report *r, const dt_doc *d)
{
	size_t i;

	for (i = 0; i < r->sec->n; i++) {
		const ev_fact *f = &r->sec->facts[i];

		if (f->eid == NULL) {
			continue;
		}
		r->eids++;
		if (d != NULL && dt_doc_find(d, f->eid) != NULL) {
			r->eids_found++;
		} else {
			fprintf(stderr, "dt-eval: %s: %s: gold eId %s is not "
				"a unit of %s\n", r->gold_path, r->sec->split,
				f->eid, r->sec->directive);
		}
	}
}

/* Read every local document of the split folder. */
static void check_docs(section_report *r, const char *dir)
{
	char pattern[8300];
	glob_t g;
	size_t i;

	snprintf(pattern, sizeof(pattern), "%s%s/*", dir, r->sec->split);
	if (r->sec->split[0] == '\0' || glob(pattern, 0, NULL, &g) != 0) {
		return;
	}
	for (i = 0; i < g.gl_pathc; i++) {
		dt_doc *doc = NULL;
		dt_error err = { 0 };

		r->docs++;
		if (dt_doc_load(&doc, g.gl_pathv[i], NULL, &err) < 0) {
			r->docs_failed++;
			fprintf(stderr, "dt-eval: %s:%zu: error: %s\n",
				g.gl_pathv[i], err.line, err.message);
		}
		dt_doc_free(doc);
	}
	globfree(&g);
}

static void print_text(const section_report *r)
{
	size_t i;

	printf("%s %s  directive %s: %zu units; gold eIds found %zu/%zu; "
		"%zu local documents read, %zu failed\n", r->set,
		r->sec->split, r->sec->directive, r->units, r->eids_found,
		r->eids, r->docs - r->docs_failed, r->docs_failed);
	for (i = 0; i < sizeof(measures) / sizeof(measures[0]); i++) {
		printf("  %-15s P=n/a R=n/a F1=n/a  (not available: needs "
			"%s)\n", measures[i], missing_why[i]);
	}
}

static void print_json(const section_report *r, int first)
{
	size_t i;

	printf("%s{\"set\":\"%s\",\"split\":\"%s\",\"directive\":\"%s\","
		"\"units\":%zu,\"gold_eids\":%zu,\"gold_eids_found\":%zu,"
		"\"documents\":%zu,\"documents_failed\":%zu,\"measures\":{",
		first ? "" : ",", r->set, r->sec->split, r->sec->directive,
		r->units, r->eids, r->eids_found, r->docs, r->docs_failed);
	for (i = 0; i < sizeof(measures) / sizeof(measures[0]); i++) {
		printf("%s\"%s\":null", i ? "," : "", measures[i]);
	}
	printf("}}");
}

static int eval_gold(const char *path, int json, int *first)
{
	char dir[4096], set[256], errbuf[256], dpath[8192];
	char *text = NULL;
	size_t len = 0, i;
	dt_error err = { 0 };
	ev_gold g;

	split_path(path, dir, sizeof(dir), set, sizeof(set));
	if (dt_file_read(&text, &len, path, 0, &err) < 0) {
		fprintf(stderr, "dt-eval: %s: error: %s\n", path, err.message);
		return 2;
	}
	if (ev_gold_parse(&g, text, errbuf, sizeof(errbuf)) < 0) {
		fprintf(stderr, "dt-eval: %s:%s\n", path, errbuf);
		dt_free(text);
		ev_gold_free(&g);
		return 2;
	}
	dt_free(text);
	for (i = 0; i < g.n; i++) {
		section_report r = { path, set, &g.sections[i], 0, 0, 0, 0, 0 };
		dt_doc *d = NULL;

		snprintf(dpath, sizeof(dpath), "%s%s", dir, r.sec->directive);
		if (dt_doc_load(&d, dpath, NULL, &err) < 0) {
			fprintf(stderr, "dt-eval: %s:%zu: error: %s\n", dpath,
				err.line, err.message);
		} else {
			r.units = dt_doc_unit_count(d);
		}
		check_eids(&r, d);
		check_docs(&r, dir);
		if (json) {
			print_json(&r, *first);
			*first = 0;
		} else {
			print_text(&r);
		}
		dt_doc_free(d);
	}
	if (!json) {
		printf("overall F1=n/a (%s): no predictions yet\n\n", set);
	}
	ev_gold_free(&g);
	return 0;
}

int main(int argc, char **argv)
{
	int json = 0, first = 1, rc = 0, i = 1;
	glob_t g;
	size_t k;

	if (argc > 1 && strcmp(argv[1], "--json") == 0) {
		json = 1;
		i = 2;
	}
	if (json) {
		printf("{\"tool\":\"dt-eval\",\"schema\":1,\"sections\":[");
	}
	if (i < argc) {
		for (; i < argc; i++) {
			rc |= eval_gold(argv[i], json, &first);
		}
	} else if (glob("corpus/*/gold.tsv", 0, NULL, &g) == 0) {
		for (k = 0; k < g.gl_pathc; k++) {
			rc |= eval_gold(g.gl_pathv[k], json, &first);
		}
		globfree(&g);
	}
	if (json) {
		printf("]}\n");
	}
	return rc;
}
