/*
 * resolve.c - from the unit groups of a citation to eIds of a directive.
 *
 * Every leaf group (one no other group attaches to) gives one path per
 * label, from the largest unit down; lists and ranges are expanded here
 * ("khoản 1 đến khoản 3" -> 1, 2, 3; "từ điểm a đến điểm đ" walks the
 * Vietnamese letter table, so đ is a member).  Each path is then walked
 * in the directive: at each step the eIds the outline would have given
 * such a unit (DESIGN §3) are tried in turn and the first that exists is
 * kept.  Several forms exist because level words are unreliable (DOMAIN
 * §4.7): "mục 2" is a section "sec_2" in a plan and a decimal item
 * "lvl_2" in a directive numbered 1., 1.1.; a dotted label is a full
 * path whatever word precedes it.  A point letter of the other alphabet
 * is tried at the same position ("а" names "a" in a Vietnamese text).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "outline_grammar.h"

#define LABEL_CAP 24
/* Members a range may have: beyond this it is taken as its two ends. */
#define RANGE_MAX 200
/* Labels kept for a unit other units of a path hang on ("Điều 5, 6"). */
#define ANCESTOR_LABELS 32

typedef char label_buf[LABEL_CAP];

/* snprintf that reports truncation (1) instead of warning about it: eIds
 * and labels longer than their buffers simply match nothing. */
static int fmt(char *out, size_t cap, const char *f, ...) DT_PRINTF(3, 4);

static int fmt(char *out, size_t cap, const char *f, ...)
{
	va_list ap;
	int n;

	va_start(ap, f);
	n = vsnprintf(out, cap, f, ap);
	va_end(ap);
	return n < 0 || (size_t)n >= cap;
}

/* ## Labels */

static long roman(const char *s, size_t n)
{
	long v = 0, prev = 0;
	size_t i;

	for (i = n; i-- > 0;) {
		static const char sym[] = "IVXLC";
		static const long val[] = { 1, 5, 10, 50, 100 };
		const char *k = memchr(sym, s[i], 5);
		long d;

		if (k == NULL) {
			return 0;
		}
		d = val[k - sym];
		v += d < prev ? -d : d;
		prev = d > prev ? d : prev;
	}
	return v;
}

/* Lower-case the letter at s[0..n) into out: ASCII, Đ, Cyrillic А-Я
 * and Ё; other letters are copied.  Returns the bytes read (= written). */
static size_t lower_letter(const char *s, size_t n, char *out)
{
	unsigned char a = (unsigned char)s[0], b = n > 1 ?
		(unsigned char)s[1] : 0;
	uint32_t cp;
	size_t k = dt__utf8_decode((const unsigned char *)s, n, &cp);

	if (k == 0) {
		k = 1;
	}
	memcpy(out, s, k);
	if (a >= 'A' && a <= 'Z') {
		out[0] = (char)(a + 32);
	} else if (a == 0xC4 && b == 0x90) {
		out[1] = (char)0x91;
	} else if (a == 0xD0 && b >= 0x90 && b <= 0x9F) {
		out[1] = (char)(b + 0x20);
	} else if (a == 0xD0 && b >= 0xA0 && b <= 0xAF) {
		out[0] = (char)0xD1;
		out[1] = (char)(b - 0x20);
	} else if (a == 0xD0 && b == 0x81) {
		out[0] = (char)0xD1;
		out[1] = (char)0x91;
	}
	return k;
}

/* The label s[sp] in the form eIds use: digits without leading zeros
 * ("05" -> "5", "1.02" -> "1.2"), a Roman numeral as its value ("II" ->
 * "2"), letters in lower case without the dot of a sub-point ("a.1" ->
 * "a1"). */
static void norm_label(char *out, const char *s, dt_span sp)
{
	size_t i = sp.start, k = 0;

	if (sp.end > sp.start && strchr("IVXLC", s[sp.start]) != NULL &&
		roman(s + sp.start, sp.end - sp.start) > 0) {
		fmt(out, LABEL_CAP, "%ld",
			roman(s + sp.start, sp.end - sp.start));
		return;
	}
	while (i < sp.end && k + 3 < LABEL_CAP) {
		int at_start = i == sp.start || s[i - 1] == '.';

		if (s[i] >= '0' && s[i] <= '9') {
			if (!(at_start && s[i] == '0' && i + 1 < sp.end &&
				s[i + 1] >= '0' && s[i + 1] <= '9')) {
				out[k++] = s[i];
			}
			i++;
		} else if (s[i] == '.') {
			/* keep the dots of "2.1", drop the one of "a.1" */
			if (k > 0 && out[k - 1] >= '0' && out[k - 1] <= '9') {
				out[k++] = '.';
			}
			i++;
		} else if (k + 4 < LABEL_CAP) {
			size_t n = lower_letter(s + i, sp.end - i, out + k);

			k += n;
			i += n;
		} else {
			break;
		}
	}
	out[k] = '\0';
}

static int all_digits(const char *s)
{
	if (*s == '\0') {
		return 0;
	}
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9') {
			return 0;
		}
	}
	return 1;
}

/* Position of `l` in a letter table (1-based), 0 if absent. */
static long letter_pos(const char *const *table, const char *l)
{
	long i;

	for (i = 0; table[i] != NULL; i++) {
		if (strcmp(table[i], l) == 0) {
			return i + 1;
		}
	}
	return 0;
}

typedef struct {
	label_buf *v;
	size_t n, cap;
} label_list;

static void push_label(label_list *l, const char *s)
{
	size_t n = strlen(s);

	if (l->n < l->cap && n < LABEL_CAP) {
		memcpy(l->v[l->n++], s, n + 1);
	}
}

/* lo..hi when both are numbers, dotted numbers with one prefix, or
 * letters of one table; else the two ends. */
static void expand_range(label_list *l, const char *lo, const char *hi)
{
	const char *const *tables[] = { dt__letters_vi, dt__letters_ru };
	const char *dl = strrchr(lo, '.'), *dh = strrchr(hi, '.');
	size_t pre = dl ? (size_t)(dl - lo) + 1 : 0;
	long a, b, i;
	size_t t;

	if ((dl == NULL) == (dh == NULL) && (pre == 0 || (dh - hi ==
		dl - lo && memcmp(lo, hi, pre) == 0)) &&
		all_digits(lo + pre) && all_digits(hi + pre)) {
		a = strtol(lo + pre, NULL, 10);
		b = strtol(hi + pre, NULL, 10);
		for (i = a; b >= a && b - a <= RANGE_MAX && i <= b; i++) {
			char one[LABEL_CAP];

			fmt(one, sizeof(one), "%.*s%ld", (int)pre, lo, i);
			push_label(l, one);
		}
		if (b >= a && b - a <= RANGE_MAX) {
			return;
		}
	}
	for (t = 0; t < 2; t++) {
		a = letter_pos(tables[t], lo);
		b = letter_pos(tables[t], hi);
		if (a > 0 && b >= a) {
			for (i = a; i <= b; i++) {
				push_label(l, tables[t][i - 1]);
			}
			return;
		}
	}
	push_label(l, lo);
	push_label(l, hi);
}

/* The labels of group g, lists and ranges expanded, normalized. */
static void group_labels(label_list *l, const dt_cite_raw *raw,
	const char *s, const dt_cite_group *g)
{
	unsigned i;

	l->n = 0;
	for (i = g->first; i < g->first + g->count; i++) {
		const dt_cite_label *lb = &raw->labels[i];
		label_buf lo, hi;

		norm_label(lo, s, lb->lo);
		if (lb->hi.end > lb->hi.start) {
			norm_label(hi, s, lb->hi);
			expand_range(l, lo, hi);
		} else {
			push_label(l, lo);
		}
	}
}

/* ## Walking a directive */

#define EID_CAP 96

typedef struct {
	char eid[EID_CAP];     /* the unit reached so far ("" = the root) */
	char charter[EID_CAP]; /* tagged targets: the Charter unit named */
} cursor;

static int exists(const dt_cite_dir *d, const char *eid)
{
	return eid[0] != '\0' && dt_doc_find(d->doc, eid) != NULL;
}

/* out = a b c d; "" when it does not fit (then it names no unit).
 * Plain copies: eIds are built for every step of every path, and
 * snprintf was the largest cost of resolution. */
static void cat4(char *out, const char *a, const char *b, const char *c,
	const char *d)
{
	const char *part[4] = { a, b, c, d };
	size_t n = 0, i;

	for (i = 0; i < 4; i++) {
		size_t k = strlen(part[i]);

		if (n + k >= EID_CAP) {
			out[0] = '\0';
			return;
		}
		memcpy(out + n, part[i], k);
		n += k;
	}
	out[n] = '\0';
}

static void join(char *out, const char *cur, const char *prefix,
	const char *label)
{
	cat4(out, cur, cur[0] ? "__" : "", prefix, label);
}

/* The eId of decimal item `label` reached from `cur`: a dotted label is
 * a full path below the first non-decimal ancestor ("2.1" ->
 * "lvl_2__lvl_2-1"); a plain one continues a decimal item ("1" under
 * "lvl_2" -> "lvl_2__lvl_2-1") or starts one ("4" -> "lvl_4"). */
static void decimal_eid(char *out, const char *cur, const char *label)
{
	const char *lv = strstr(cur, "lvl_");
	char path[2 * EID_CAP];
	size_t base, k, n;

	if (strchr(label, '.') == NULL && lv != NULL) {
		fmt(out, EID_CAP, "%s__lvl_%s-%s", cur,
			strrchr(cur, '_') + 1, label);
		return;
	}
	base = lv ? (size_t)(lv - cur) : strlen(cur);
	base -= lv != NULL && base >= 2 ? 2 : 0; /* the "__" before it */
	fmt(path, EID_CAP, "%.*s", (int)base, cur);
	/* one part per prefix of the label that ends before a dot */
	for (n = 0; (k = strlen(path)) < EID_CAP; n++) {
		if (label[n] == '.' || label[n] == '\0') {
			fmt(path + k, EID_CAP, "%slvl_%.*s", k ? "__" : "",
				(int)n, label);
		}
		if (label[n] == '\0') {
			break;
		}
	}
	for (n = base; path[n] != '\0'; n++) {
		path[n] = path[n] == '.' ? '-' : path[n];
	}
	fmt(out, EID_CAP, "%s", path);
}

static long table_len(const char *const *table)
{
	long n = 0;

	while (table[n] != NULL) {
		n++;
	}
	return n;
}

/* The same point letter in the other alphabet: "а" <-> "a", "д" <-> "đ"
 * (Russian translations keep the positions of the Vietnamese points). */
static int other_letter(char *out, const char *l)
{
	long k = letter_pos(dt__letters_vi, l);

	if (k > 0 && k <= table_len(dt__letters_ru)) {
		fmt(out, LABEL_CAP, "%s", dt__letters_ru[k - 1]);
		return 1;
	}
	k = letter_pos(dt__letters_ru, l);
	if (k > 0 && k <= table_len(dt__letters_vi)) {
		fmt(out, LABEL_CAP, "%s", dt__letters_vi[k - 1]);
		return 1;
	}
	return 0;
}

/* Tagged targets (a Charter-keyed regulation): the first unit that
 * implements Charter unit `eid` ("art_1__para_2") or, for an article,
 * one of its clauses ("1. Điều 1 (Khoản 2)" answers "Điều 1"). */
static const dt_unit *implementing(const dt_cite_dir *d, const char *eid)
{
	return dt__doc_implementing(d->doc, eid);
}

/* Candidate `i` (0, 1, …) of the eIds one step from `cur` may have,
 * most likely first; 0 when there are no more. */
static int candidate(char *out, const cursor *cur, const dt_cite_step *st,
	int i)
{
	const char *l = st->label, *para;
	int digit = l[0] >= '0' && l[0] <= '9';
	label_buf other;

	if (st->decimal && i-- == 0) {
		decimal_eid(out, cur->eid, l);
		return 1;
	}
	switch (st->kind) {
	case DT_KIND_ARTICLE:
	case DT_KIND_CHAPTER:
	case DT_KIND_PART:
		join(out, "", st->kind == DT_KIND_ARTICLE ? "art_" :
			st->kind == DT_KIND_CHAPTER ? "chp_" : "part_", l);
		return i == 0;
	case DT_KIND_SECTION:
	case DT_KIND_SUBSECTION:
		if (i == 0) {
			join(out, cur->eid, st->kind == DT_KIND_SECTION ?
				"sec_" : "subsec_", l);
		} else {
			decimal_eid(out, cur->eid, l);
		}
		return i <= 1;
	default:
		break;
	}
	if (!digit) {
		if (i == 1 && !other_letter(other, l)) {
			return 0;
		}
		join(out, cur->eid, "point_", i ? other : l);
		return i <= 1;
	}
	para = st->kind == DT_KIND_ITEM ? "item_" : "para_";
	if (cur->eid[0] == '\0') {
		i++; /* no container: only a decimal item can be meant */
	}
	if (i == 0) {
		join(out, cur->eid, para, l);
	} else {
		decimal_eid(out, cur->eid, l);
	}
	return i <= 1;
}

/* Take one step of a path; 1 when the unit exists. */
static int step(const dt_cite_dir *d, cursor *cur, const dt_cite_step *st)
{
	char c[EID_CAP], tag[EID_CAP];
	const dt_unit *u;
	int i;

	for (i = 0; candidate(c, cur, st, i); i++) {
		if (exists(d, c)) {
			memcpy(cur->eid, c, EID_CAP);
			return 1;
		}
	}
	if (!d->tagged || st->decimal) {
		return 0;
	}
	/* "Điều 1 (Khoản 2)" of a Charter-keyed regulation: the item that
	 * implements Charter clause 1.2 (DOMAIN §2.3) */
	if (st->kind == DT_KIND_ARTICLE) {
		fmt(tag, sizeof(tag), "art_%s", st->label);
	} else if (cur->charter[0] != '\0' &&
		strstr(cur->charter, "__") == NULL && st->label[0] >= '0' &&
		st->label[0] <= '9') {
		fmt(tag, sizeof(tag), "%s__para_%s", cur->charter,
			st->label);
	} else {
		return 0;
	}
	u = implementing(d, tag);
	if (u == NULL) {
		return 0;
	}
	memcpy(cur->charter, tag, EID_CAP);
	fmt(cur->eid, EID_CAP, "%s", dt_unit_eid(u));
	return 1;
}

/* ## Paths */

/* Display form of a label in a message: as normalized, but a Roman
 * chapter number stays Roman ("Chương II"). */
static void display_label(char *out, const char *l, int roman_src)
{
	static const char *const r[] = { "", "I", "II", "III", "IV", "V",
		"VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
		"XV", "XVI", "XVII", "XVIII", "XIX", "XX" };
	long v = strtol(l, NULL, 10);

	if (roman_src && all_digits(l) && v > 0 && v <= 20) {
		fmt(out, LABEL_CAP, "%s", r[v]);
	} else {
		fmt(out, LABEL_CAP, "%s", l);
	}
}

/* "khoản 9 Điều 6": the path's words as written, smallest unit first. */
static void path_text(char *out, size_t cap, const dt_cite_raw *raw,
	const char *s, const int *chain, const size_t *pick,
	label_list *lists, size_t depth)
{
	size_t k = 0, i;

	out[0] = '\0';
	for (i = 0; i < depth && (k = strlen(out)) + 1 < cap; i++) {
		const dt_cite_group *g = &raw->groups[chain[i]];
		const dt_cite_label *lb = &raw->labels[g->first];
		label_buf shown;

		display_label(shown, lists[i].v[pick[i]],
			strchr("IVXLC", s[lb->lo.start]) != NULL);
		if (g->word.end > g->word.start) {
			fmt(out + k, cap - k, "%s%.*s %s", k ? " " : "",
				(int)(g->word.end - g->word.start),
				s + g->word.start, shown);
		} else {
			fmt(out + k, cap - k, "%s(%s)",
				k ? " " : "", shown);
		}
	}
}

/* Walk one path (chain[depth-1] is the largest unit) in `dir`. */
static int walk(char *eid, const dt_cite_raw *raw, const dt_cite_dir *dir,
	const int *chain, const size_t *pick, label_list *lists,
	size_t depth)
{
	cursor cur;
	size_t i;

	memset(&cur, 0, sizeof(cur));
	for (i = depth; i-- > 0;) {
		const dt_cite_group *g = &raw->groups[chain[i]];
		dt_cite_step st;

		memset(&st, 0, sizeof(st));
		st.kind = g->kind;
		st.decimal = strchr(lists[i].v[pick[i]], '.') != NULL;
		memcpy(st.label, lists[i].v[pick[i]], LABEL_CAP);
		if (!step(dir, &cur, &st)) {
			return 0;
		}
	}
	memcpy(eid, cur.eid, EID_CAP);
	return 1;
}

typedef struct {
	char (*eids)[EID_CAP];
	size_t max, n;
	char *miss;
	size_t misscap;
} targets;

static void add_target(targets *t, const char *eid)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		if (strcmp(t->eids[i], eid) == 0) {
			return;
		}
	}
	if (t->n < t->max) {
		memcpy(t->eids[t->n++], eid, EID_CAP);
	}
}

/* Every path of leaf group `leaf`: its labels times its ancestors'. */
static void leaf_paths(targets *t, const dt_cite_raw *raw, const char *s,
	const dt_cite_dir *dir, int leaf, label_list *lists)
{
	int chain[DT_CITE_MAX_GROUPS];
	size_t pick[DT_CITE_MAX_GROUPS] = { 0 }, depth = 0, i;
	int g;

	/* up to the first decimal group: a dotted label is a full path */
	for (g = leaf; g >= 0 && depth < DT_CITE_MAX_GROUPS;
		g = raw->groups[g].parent) {
		chain[depth] = g;
		group_labels(&lists[depth], raw, s, &raw->groups[g]);
		if (lists[depth++].n == 0) {
			return;
		}
		if (raw->groups[g].decimal) {
			break;
		}
	}
	while (t->n < t->max) {
		char eid[EID_CAP];

		if (walk(eid, raw, dir, chain, pick, lists, depth)) {
			add_target(t, eid);
		} else if (t->miss[0] == '\0') {
			path_text(t->miss, t->misscap, raw, s, chain, pick,
				lists, depth);
		}
		for (i = 0; i < depth && ++pick[i] == lists[i].n; i++) {
			pick[i] = 0;
		}
		if (i == depth) {
			break;
		}
	}
}

/* Is group g a decimal item or under one ("điểm c tiểu mục 8.1")? */
static int under_decimal(const dt_cite_raw *raw, int g)
{
	for (; g >= 0; g = raw->groups[g].parent) {
		if (raw->groups[g].decimal) {
			return 1;
		}
	}
	return 0;
}

/* Does a label of group g read `head`? */
static int group_has_label(const dt_cite_raw *raw, const char *s,
	const dt_cite_group *g, const char *head)
{
	unsigned i;

	for (i = g->first; i < g->first + g->count; i++) {
		label_buf lb;

		norm_label(lb, s, raw->labels[i].lo);
		if (strcmp(lb, head) == 0) {
			return 1;
		}
	}
	return 0;
}

/* "tiểu mục 2.1 và mục 4": a dotted label is a full path, so the plain
 * item ("mục") it attaches to is its head ("tiểu mục 2.1 mục 2") or,
 * when no dotted label below it starts with one of its labels, an item
 * listed beside it.  Other levels only say where the path is ("Điều 4,
 * mục 3.2" in a Charter-keyed regulation).  Is plain group g an item of
 * its own? */
static int listed_beside_dotted(const dt_cite_raw *raw, const char *s,
	int g)
{
	dt_kind kind = raw->groups[g].kind;
	unsigned c, i;
	int dotted = 0;

	if (kind != DT_KIND_SECTION && kind != DT_KIND_SUBSECTION) {
		return 0; /* "Điều 4, mục 3.2": the article says where */
	}

	for (c = 0; c < raw->ngroups; c++) {
		const dt_cite_group *k = &raw->groups[c];

		if (k->parent != g) {
			continue;
		}
		if (!k->decimal) {
			return 0; /* a plain child: g is its container */
		}
		for (i = k->first; i < k->first + k->count; i++) {
			label_buf lb;
			char *dot;

			norm_label(lb, s, raw->labels[i].lo);
			dot = strchr(lb, '.');
			if (dot == NULL) {
				return 0;
			}
			*dot = '\0';
			if (group_has_label(raw, s, &raw->groups[g], lb)) {
				return 0;
			}
			dotted = 1;
		}
	}
	return dotted;
}

int dt__cite_targets(char (*eids)[96], size_t max, size_t *n_out,
	char *miss, size_t misscap, const dt_cite_raw *raw, const char *s,
	unsigned g0, unsigned g1, const dt_cite_dir *dir)
{
	/* the leaf's labels may be many (a range); an ancestor's few */
	label_buf leaf[DT_CITE_MAX_TARGETS];
	label_buf up[DT_CITE_MAX_GROUPS - 1][ANCESTOR_LABELS];
	label_list lists[DT_CITE_MAX_GROUPS];
	targets t = { eids, max, 0, miss, misscap };
	size_t i;
	int decimal = 0;

	for (i = 0; i < DT_CITE_MAX_GROUPS; i++) {
		lists[i].v = i ? up[i - 1] : leaf;
		lists[i].n = 0;
		lists[i].cap = i ? ANCESTOR_LABELS : DT_CITE_MAX_TARGETS;
	}
	miss[0] = '\0';
	/* a dotted label is a full path: the other words of its citation
	 * ("Điều 1, mục 1, khoản 1.1.1") only say where it is */
	for (i = g0; i < g1; i++) {
		decimal |= raw->groups[i].decimal;
	}
	for (i = g0; i < g1; i++) {
		if ((raw->groups[i].children == 0 && (!decimal ||
			under_decimal(raw, (int)i))) ||
			(!raw->groups[i].decimal &&
			listed_beside_dotted(raw, s, (int)i))) {
			leaf_paths(&t, raw, s, dir, (int)i, lists);
		}
	}
	*n_out = t.n;
	return 0;
}
