/*
 * test_eval_boot.c - the bootstrap interval of dt-eval (tools/eval_boot.c):
 * a section's implicit-link counts are the sum of its files', and the
 * interval of F1 holds the pooled F1, is fixed by its seed and has no
 * width when every document is alike.
 */
#include <string.h>

#include <criterion/criterion.h>

#include "eval.h"

static const char gold_text[] =
	"directive\td.md\ttest\n"
	"link\tart_1__para_1\ttest/a.md\t10\timplicit\n"
	"link\tart_2\ttest/a.md\t20\texplicit\n"
	"link\tart_3__para_1\ttest/b.md\t5\timplicit\n"
	"link\tart_3__para_2\ttest/b.md\t9\timplicit\n"
	"nolinks\ttest/c.md\n";

Test(eval_boot, a_sections_counts_are_the_sum_of_its_files)
{
	static const char *const files[] = { "test/a.md", "test/b.md",
		"test/c.md", "test/d.md" };
	ev_fact p[] = {
		/* right: the gold implicit link, and one under the explicit */
		{ EV_LINK, "art_1__para_1", "test/a.md", 10, 1, NULL, 0.5 },
		{ EV_LINK, "art_2__para_3", "test/a.md", 21, 1, NULL, 0.3 },
		/* one of b's two, and a false one into the nolinks file */
		{ EV_LINK, "art_3__para_2", "test/b.md", 9, 1, NULL, 0.4 },
		{ EV_LINK, "art_3__para_1", "test/c.md", 3, 1, NULL, 0.6 },
	};
	ev_gold g;
	ev_scores all;
	ev_score sum = { 0, 0, 0, 0 }, one;
	char err[128];
	size_t i;

	cr_assert_eq(ev_gold_parse(&g, gold_text, err, sizeof(err)), 0, "%s",
		err);
	ev_score_section(&all, &g.sections[0], p, 4, NULL);
	for (i = 0; i < 4; i++) {
		cr_assert_eq(ev_implicit_of_file(&one, &g.sections[0], p, 4,
				     files[i]), 0);
		sum.pred += one.pred;
		sum.matched_pred += one.matched_pred;
		sum.gold += one.gold;
		sum.matched_gold += one.matched_gold;
		if (i == 2) { /* c: one prediction, false; no gold */
			cr_assert_eq(one.pred, 1);
			cr_assert_eq(one.matched_pred, 0);
			cr_assert_eq(one.gold, 0);
		}
	}
	cr_assert_eq(all.implicit_links.pred, 4);
	cr_assert_eq(all.implicit_links.matched_pred, 3);
	cr_assert_eq(all.implicit_links.gold, 3);
	cr_assert_eq(all.implicit_links.matched_gold, 2);
	cr_assert_eq(memcmp(&sum, &all.implicit_links, sizeof(sum)), 0);
	ev_gold_free(&g);
}

Test(eval_boot, the_interval_holds_the_pooled_f1_and_is_fixed_by_its_seed)
{
	ev_score docs[] = { { 4, 4, 4, 4 }, { 3, 1, 2, 1 }, { 0, 0, 2, 0 },
		{ 2, 2, 1, 1 }, { 5, 2, 3, 2 }, { 1, 0, 0, 0 } };
	ev_score pool = { 0, 0, 0, 0 };
	double lo, hi, lo2, hi2;
	size_t i, n = sizeof(docs) / sizeof(docs[0]);

	for (i = 0; i < n; i++) {
		pool.pred += docs[i].pred;
		pool.matched_pred += docs[i].matched_pred;
		pool.gold += docs[i].gold;
		pool.matched_gold += docs[i].matched_gold;
	}
	cr_assert_eq(ev_bootstrap_f1(docs, n, 2000, 7, &lo, &hi), 0);
	cr_assert_lt(lo, ev_f1(&pool));
	cr_assert_gt(hi, ev_f1(&pool));
	cr_assert_geq(lo, 0.0);
	cr_assert_leq(hi, 1.0);
	cr_assert_eq(ev_bootstrap_f1(docs, n, 2000, 7, &lo2, &hi2), 0);
	cr_assert(lo == lo2 && hi == hi2, "the same seed, another interval");
	/* documents all alike: every draw gives their F1 */
	cr_assert_eq(ev_bootstrap_f1(docs, 1, 500, 7, &lo, &hi), 0);
	cr_assert_float_eq(lo, 1.0, 1e-12);
	cr_assert_float_eq(hi, 1.0, 1e-12);
	cr_assert_lt(ev_bootstrap_f1(docs, 0, 500, 7, &lo, &hi), 0);
	cr_assert_lt(ev_bootstrap_f1(docs, n, 0, 7, &lo, &hi), 0);
}
