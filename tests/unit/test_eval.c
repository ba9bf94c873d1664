/*
 * test_eval.c - the evaluator's scoring on a tiny set whose scores are
 * known (tools/eval.c).
 */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "eval.h"

static const char gold_text[] =
	"# a tiny gold file\n"
	"directive\td.md\tdev\n"
	"link\tart_1__para_1\tdev/a.md\t10\texplicit\t# khoản 1 Điều 1\n"
	"link\tart_1__para_2\tdev/a.md\t11\texplicit\n"
	"link\tart_2\tdev/a.md\t20\texplicit\n"
	"link\tart_3__para_1\tdev/b.md\t5\timplicit\t# ~ words\n"
	"uncovered\tart_4\n"
	"partial\tart_1\n"
	"broken\tdev/a.md\t30\tkhoản 9 Điều 6\n"
	"stale\tdev/b.md\t7\tQuy định số 18-QĐ/TW\n"
	"nolinks\tdev/c.md\n";

static ev_gold gold;

static void setup(void)
{
	char err[128];

	cr_assert_eq(ev_gold_parse(&gold, gold_text, err, sizeof(err)), 0,
		"%s", err);
}

static void teardown(void)
{
	ev_gold_free(&gold);
}

/* The gold facts themselves, as predictions. */
static void copy_gold(ev_fact **v, size_t *n, size_t *cap)
{
	size_t i;

	for (i = 0; i < gold.sections[0].n; i++) {
		if (gold.sections[0].facts[i].kind != EV_NOLINKS) {
			ev_facts_push(v, n, cap, &gold.sections[0].facts[i]);
		}
	}
}

Test(eval, parses_sections_and_facts, .init = setup, .fini = teardown)
{
	cr_assert_eq(gold.n, 1);
	cr_assert_str_eq(gold.sections[0].directive, "d.md");
	cr_assert_str_eq(gold.sections[0].split, "dev");
	cr_assert_eq(gold.sections[0].n, 9);
	cr_assert_eq(gold.sections[0].facts[3].implicit, 1);
	cr_assert_eq(gold.sections[0].facts[6].line, 30);
}

Test(eval, perfect_prediction_scores_one, .init = setup, .fini = teardown)
{
	ev_fact *pred = NULL;
	size_t n = 0, cap = 0;
	ev_scores s;

	copy_gold(&pred, &n, &cap);
	ev_score_section(&s, &gold.sections[0], pred, n, NULL);
	cr_assert_float_eq(ev_f1(&s.explicit_links), 1.0, 1e-9);
	cr_assert_float_eq(ev_f1(&s.implicit_links), 1.0, 1e-9);
	cr_assert_float_eq(ev_f1(&s.all_links), 1.0, 1e-9);
	cr_assert_float_eq(ev_f1(&s.uncovered), 1.0, 1e-9);
	cr_assert_float_eq(ev_f1(&s.partial), 1.0, 1e-9);
	cr_assert_float_eq(ev_f1(&s.broken), 1.0, 1e-9);
	cr_assert_float_eq(ev_f1(&s.stale), 1.0, 1e-9);
	ev_facts_free(pred, n);
}

Test(eval, one_missing_link_costs_exactly_its_recall, .init = setup,
	.fini = teardown)
{
	ev_fact *pred = NULL;
	size_t n = 0, cap = 0;
	ev_scores s;

	copy_gold(&pred, &n, &cap);
	/* drop the explicit link to art_2 */
	free(pred[2].eid);
	free(pred[2].file);
	memmove(&pred[2], &pred[3], (n - 3) * sizeof(*pred));
	n--;
	ev_score_section(&s, &gold.sections[0], pred, n, NULL);
	cr_assert_float_eq(ev_recall(&s.explicit_links), 2.0 / 3.0, 1e-9);
	cr_assert_float_eq(ev_precision(&s.explicit_links), 1.0, 1e-9);
	cr_assert_float_eq(ev_recall(&s.all_links), 3.0 / 4.0, 1e-9);
	ev_facts_free(pred, n);
}

Test(eval, matches_ancestors_and_refuses_nolinks_files, .init = setup,
	.fini = teardown)
{
	ev_fact p[3] = {
		{ EV_LINK, "art_1", "dev/a.md", 10, 0, NULL, 0 },
		{ EV_LINK, "art_3__para_1__point_a", "dev/b.md", 5, 0, NULL, 0 },
		{ EV_LINK, "art_2", "dev/c.md", 1, 1, NULL, 0 },
	};
	ev_scores s;

	ev_score_section(&s, &gold.sections[0], p, 3, NULL);
	/* art_1 is an ancestor of two gold explicit links. */
	cr_assert_eq(s.explicit_links.matched_gold, 2);
	/* a predicted explicit link finds the gold implicit one */
	cr_assert_eq(s.implicit_links.matched_gold, 1);
	/* the link into the nolinks file is a false positive */
	cr_assert_eq(s.implicit_links.pred, 1);
	cr_assert_eq(s.implicit_links.matched_pred, 0);
	/* art_10 is not a descendant of art_1 */
	{
		ev_fact q = { EV_LINK, "art_10", "dev/a.md", 10, 0, NULL, 0 };

		ev_score_section(&s, &gold.sections[0], &q, 1, NULL);
		cr_assert_eq(s.explicit_links.matched_pred, 0);
	}
}

Test(eval, matches_broken_refs_within_one_line, .init = setup,
	.fini = teardown)
{
	ev_fact p[2] = {
		{ EV_BROKEN, NULL, "dev/a.md", 31, 0, "x", 0 },
		{ EV_STALE, NULL, "dev/b.md", 9, 0, "y", 0 },
	};
	ev_scores s;

	ev_score_section(&s, &gold.sections[0], p, 2, NULL);
	cr_assert_float_eq(ev_f1(&s.broken), 1.0, 1e-9);
	cr_assert_float_eq(ev_recall(&s.stale), 0.0, 1e-9);
}

Test(eval, rejects_malformed_gold_with_its_line)
{
	ev_gold g;
	char err[128];

	cr_assert_lt(ev_gold_parse(&g, "directive\td.md\nlink\tx\n", err,
		sizeof(err)), 0);
	cr_assert_str_eq(err, "2: too few fields");
	ev_gold_free(&g);
	cr_assert_lt(ev_gold_parse(&g, "link\ta\tb\t1\texplicit\n", err,
		sizeof(err)), 0);
	cr_assert_str_eq(err, "1: fact before the first directive line");
	ev_gold_free(&g);
}

/* What ev_score_section_errors() told, one line per error. */
typedef struct {
	char lines[16][96];
	size_t n;
} told;

static void collect(
	const char *measure, int missed, const ev_fact *f, void *payload)
{
	told *t = payload;

	cr_assert_lt(t->n, 16, "more errors told than the test expects");
	snprintf(t->lines[t->n++], sizeof(t->lines[0]), "%s %s %s %s:%zu",
		measure, missed ? "missed" : "false", f->eid ? f->eid : "-",
		f->file ? f->file : "-", f->line);
}

Test(eval, tells_each_unmatched_fact_of_each_measure, .init = setup,
	.fini = teardown)
{
	ev_fact p[4] = {
		/* finds art_1__para_1 and art_1__para_2, not art_2 */
		{ EV_LINK, "art_1", "dev/a.md", 10, 0, NULL, 1.0 },
		/* a false implicit link: into a nolinks file */
		{ EV_LINK, "art_3__para_1", "dev/c.md", 4, 1, "words", 0.4 },
		/* a false uncovered unit, and the gold art_4 missed */
		{ EV_UNCOVERED, "art_5", NULL, 0, 0, NULL, 0 },
		/* the broken ref, one line off: found */
		{ EV_BROKEN, NULL, "dev/a.md", 31, 0, "x", 0 },
	};
	told t = { .n = 0 };
	ev_scores s, plain;
	size_t i, expected = 0;

	ev_score_section_errors(&s, &gold.sections[0], p, 4, NULL, collect,
		&t);
	cr_assert_eq(t.n, 7);
	cr_assert_str_eq(t.lines[0], "explicit links missed art_2 dev/a.md:20");
	cr_assert_str_eq(
		t.lines[1], "implicit links false art_3__para_1 dev/c.md:4");
	cr_assert_str_eq(
		t.lines[2], "implicit links missed art_3__para_1 dev/b.md:5");
	cr_assert_str_eq(t.lines[3], "uncovered false art_5 -:0");
	cr_assert_str_eq(t.lines[4], "uncovered missed art_4 -:0");
	cr_assert_str_eq(t.lines[5], "partial missed art_1 -:0");
	cr_assert_str_eq(t.lines[6], "stale missed - dev/b.md:7");
	/* the same figures as without the callback, and one error told per
	 * unmatched prediction or gold fact of every measure but all links */
	ev_score_section(&plain, &gold.sections[0], p, 4, NULL);
	cr_assert_eq(memcmp(&s, &plain, sizeof(s)), 0);
	for (i = 0; i < sizeof(s) / sizeof(ev_score); i++) {
		const ev_score *m = (const ev_score *)&s + i;

		if (m != &s.all_links) {
			expected += m->pred - m->matched_pred + m->gold -
				    m->matched_gold;
		}
	}
	cr_assert_eq(expected, t.n);
}
