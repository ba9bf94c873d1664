/*
 * cite_attach.c - how the unit groups of one citation hang together
 * (DOMAIN §4.2): each group gets the larger unit it belongs to.  A
 * smaller-first chain ("điểm a khoản 2 Điều 5") attaches to the right; a
 * descent ("Điều 26, khoản 5, điểm a") to the left; ';' ends both.  The
 * scanner (cite.c) calls it once per raw citation; resolution
 * (citeset_resolve.c) walks the result from the roots.
 */
#include "cite_scan.h"

int dt__cite_rank(const dt_cite_group *g)
{
	switch (g->kind) {
	case DT_KIND_PART: return 10;
	case DT_KIND_CHAPTER: return 20;
	case DT_KIND_SECTION: return g->decimal ? 65 : 30;
	case DT_KIND_SUBSECTION: return g->decimal ? 65 : 40;
	case DT_KIND_ARTICLE: return 50;
	case DT_KIND_CLAUSE: return g->decimal ? 65 : 60;
	case DT_KIND_POINT: return g->decimal ? 65 : 70;
	default: return g->decimal ? 65 : 80;
	}
}

void dt__cite_attach(dt_cite_raw *raw)
{
	int n = (int)raw->ngroups, i, j;
	unsigned char closed[DT_CITE_MAX_GROUPS] = { 0 };

	for (i = 0; i < n; i++) {
		dt_cite_group *g = &raw->groups[i];
		int rank = dt__cite_rank(g);

		g->parent = -1;
		g->children = 0;
		for (j = i + 1; j < n && raw->groups[j].seg == g->seg; j++) {
			if (dt__cite_rank(&raw->groups[j]) < rank) {
				g->parent = j;
				/* "khoản 1 Điều 5": a smaller-first chain ends
				 * here ("Điều 1, mục 1" is only an odd rank) */
				closed[j] |= rank >= 60;
				break;
			}
		}
	}
	/* a descent ("Điều 26, khoản 5, điểm a") starts at a unit that
	 * closed no smaller-first chain: in "khoản 1 Điều 5, mục 2.1" the
	 * item does not hang on Điều 5 */
	for (i = 0; i < n; i++) {
		dt_cite_group *g = &raw->groups[i];
		int rank = dt__cite_rank(g);

		for (j = i - 1; g->parent < 0 && j >= 0 &&
			raw->groups[j].seg == g->seg; j--) {
			if (dt__cite_rank(&raw->groups[j]) < rank) {
				if (!closed[j]) {
					g->parent = j;
				}
				break;
			}
		}
	}
	for (i = 0; i < n; i++) {
		if (raw->groups[i].parent >= 0) {
			raw->groups[raw->groups[i].parent].children++;
		}
	}
}
