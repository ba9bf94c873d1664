/*
 * prefix_dfa.c - the test of prefix.h compiled into a byte automaton.
 *
 * The test decodes the text a character at a time, folds it and looks
 * the running hash of the tokens read up (walk(), prefix.c), after a
 * table of first byte pairs: some 200 instructions for each word start
 * the pair table lets through, most of a Vietnamese text.  Its answer is
 * a function of the bytes read, and only a few hundred states of it
 * matter: the node of the prefixes' trie the tokens read lead to (or, on
 * leaving the trie before the first lookup, how many tokens walk() still
 * reads), whether the last token was a blank (more blanks join it),
 * which bytes of the current character were read, and for the first
 * byte the pair still to check.  One table row per state, one lookup
 * per byte.
 *
 * The states follow walk() and the pair table to the letter (a
 * character cut by the end of the text lets the position pass), so that
 * the automaton answers as they do, 64-bit hash collisions aside.  What
 * is no UTF-8 (a continuation byte where a character starts, a lead not
 * followed by its continuation bytes, an overlong form), and four-byte
 * characters (emoji, rare here; decoded blindly a four-byte lead may be
 * any character at all), are left to them: DT_PREFIX_SLOW.  So the
 * answers are theirs on any bytes, which a test checks.
 */
#include <pthread.h>
#include <string.h>

#include "prefix.h"

/* fold() knows no character at or above U+2200 (prefix.c): the blocks
 * of 64 code points below hold every character that is not "unknown". */
#define FOLD_CP 0x2200u
#define KNOWN_SUBS (FOLD_CP >> 6)
/* tokens read before a lookup always happens (walk(): i >= 2) */
#define FREE_TOKENS 2
#define MAX_STATES 0xFFFFu

/* A node of the trie of prefixes: its token, first child, next sibling,
 * and whether a whole prefix ends here. */
typedef struct {
	uint32_t tok;
	int32_t kid, sib;
	int whole;
} tnode;

/* A state between two characters: a trie node (-1 once the tokens read
 * have left the trie before a lookup), the tokens read, and whether the
 * last was a blank. */
typedef struct {
	int32_t node;
	unsigned depth, blank;
	uint16_t id;
} bstate;

/* fold() below FOLD_CP, and the characters it knows sorted by their
 * fold: built once, shared by every automaton. */
static int32_t fold_of[FOLD_CP];
static uint16_t by_fold[FOLD_CP];
static size_t nknown;
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

/* Interned rows: id + 1 per slot, 0 empty. */
typedef struct {
	uint32_t *slot;
	size_t cap, n;
} idset;

/* What one character does at a state, where it differs from a state
 * with no trie node and the same default (plain()). */
typedef struct {
	uint32_t cp;
	uint16_t to;
} override;

typedef struct {
	const dt_prefixes *p;
	tnode *node;
	size_t nnode;
	uint16_t *at_node;  /* [node * 2 + blank]: boundary state, 0 none */
	uint16_t dead[DT_PREFIX_TOKENS][2];
	bstate *bs;         /* boundary states, filled in order */
	size_t nbs, bs_done;
	uint16_t *rows;     /* [state << 8 | byte] */
	uint8_t *end;
	size_t n, cap;
	idset full;         /* rows compared whole */
	idset tails;        /* rows after a lead byte, by their 64 entries */
	/* what a state without trie node does on each known character,
	 * by default (default_of()) and block of 64 code points, and the
	 * rows of such blocks and of three-byte leads */
	uint16_t plain[FREE_TOKENS + 1][KNOWN_SUBS][64];
	uint8_t plain_done[FREE_TOKENS + 1][KNOWN_SUBS];
	uint16_t gen_sub[FREE_TOKENS + 1][KNOWN_SUBS];
	uint16_t gen_blk3[FREE_TOKENS + 1][16];
	uint16_t all_accept;
	override *ov;       /* room for every known character */
	int err;
} builder;

/* ## The trie */

static int32_t child(const builder *b, int32_t n, uint32_t tok)
{
	int32_t k;

	for (k = b->node[n].kid; k >= 0; k = b->node[k].sib) {
		if (b->node[k].tok == tok) {
			return k;
		}
	}
	return -1;
}

static int trie_build(builder *b)
{
	const dt_prefixes *p = b->p;
	size_t i, k, total = 1;

	for (i = 0; i < p->nseq; i++) {
		total += p->seq_len[i];
	}
	b->node = dt__calloc(total, sizeof(*b->node));
	b->at_node = dt__calloc(total * 2, sizeof(*b->at_node));
	if (b->node == NULL || b->at_node == NULL) {
		return DT_ENOMEM;
	}
	b->node[0].kid = b->node[0].sib = -1;
	b->nnode = 1;
	for (i = 0; i < p->nseq; i++) {
		int32_t n = 0, c;

		for (k = 0; k < p->seq_len[i]; k++, n = c) {
			c = child(b, n, p->seq[i][k]);
			if (c < 0) {
				c = (int32_t)b->nnode++;
				b->node[c].tok = p->seq[i][k];
				b->node[c].kid = -1;
				b->node[c].sib = b->node[n].kid;
				b->node[n].kid = c;
			}
		}
		b->node[n].whole = 1;
	}
	return 0;
}

/* ## States and their rows */

static uint32_t hash_words(const uint16_t *v, size_t n, uint64_t h)
{
	uint64_t w;
	size_t i;

	for (i = 0; i < n; i += 4) {
		memcpy(&w, v + i, sizeof(w));
		h = (h ^ w) * 0x100000001B3u;
		h ^= h >> 29;
	}
	return (uint32_t)(h >> 32);
}

/* A new state with this row (NULL: one to fill later), its id; 0 and
 * b->err on failure. */
static uint16_t new_state(builder *b, const uint16_t *row, uint8_t end)
{
	if (b->n >= MAX_STATES) {
		b->err = DT_ELIMIT;
		return 0;
	}
	if (b->n == b->cap) {
		size_t cap = b->cap * 2;
		uint16_t *rows = dt__reallocarray(b->rows, cap, 256 *
			sizeof(*rows));
		uint8_t *e = rows ? dt__realloc(b->end, cap) : NULL;

		b->rows = rows ? rows : b->rows;
		if (e == NULL) {
			b->err = DT_ENOMEM;
			return 0;
		}
		b->end = e;
		b->cap = cap;
	}
	if (row != NULL) {
		memcpy(b->rows + (b->n << 8), row, 256 * sizeof(*row));
	}
	b->end[b->n] = (uint8_t)end;
	return (uint16_t)b->n++;
}

/* Room for one more id in set t: at most half full. */
static int reserve_ids(builder *b, idset *t, int tails)
{
	size_t cap = t->cap ? t->cap * 2 : 1024, i;
	uint32_t *slot;

	if ((t->n + 1) * 2 <= t->cap) {
		return 0;
	}
	slot = dt__calloc(cap, sizeof(*slot));
	if (slot == NULL) {
		b->err = DT_ENOMEM;
		return DT_ENOMEM;
	}
	for (i = 0; i < t->cap; i++) {
		uint32_t id = t->slot[i], h;
		const uint16_t *row;

		if (id == 0) {
			continue;
		}
		row = b->rows + ((size_t)(id - 1) << 8);
		h = tails ? hash_words(row + 0x80, 64, 0) :
			hash_words(row, 256, b->end[id - 1]);
		while (slot[h & (cap - 1)] != 0) {
			h++;
		}
		slot[h & (cap - 1)] = id;
	}
	dt__free(t->slot);
	t->slot = slot;
	t->cap = cap;
	return 0;
}

/* The state with this row and end result: an equal one made before, or
 * a new one.  States that go the same way are one, which keeps the
 * table small; one that refuses (passes) whatever follows, the end of
 * the text included, is DT_PREFIX_REJECT (DT_PREFIX_ACCEPT). */
static uint16_t intern(builder *b, const uint16_t *row, uint8_t end)
{
	uint32_t h = hash_words(row, 256, end), id;
	idset *t = &b->full;
	uint16_t s;
	size_t c;

	for (c = 0; c < 256 && row[c] == end; c++) {
	}
	if (c == 256 && end <= DT_PREFIX_ACCEPT) {
		return end; /* refused or passed whatever follows */
	}
	if (reserve_ids(b, t, 0) < 0) {
		return 0;
	}
	for (;; h++) {
		id = t->slot[h & (t->cap - 1)];
		if (id == 0) {
			break;
		}
		if (b->end[id - 1] == end && memcmp(b->rows + ((size_t)(id -
			1) << 8), row, 256 * sizeof(*row)) == 0) {
			return (uint16_t)(id - 1);
		}
	}
	s = new_state(b, row, end);
	if (s != 0) {
		t->slot[h & (t->cap - 1)] = (uint32_t)s + 1;
		t->n++;
	}
	return s;
}

/* The state after a lead byte whose character, completed by
 * continuation byte c, leads to v[c & 0x3F].  Any other byte ends the
 * character early: no UTF-8, left to walk().  Such a state is known by
 * v alone. */
static uint16_t intern_tail(builder *b, const uint16_t *v)
{
	uint32_t h = hash_words(v, 64, 0), id;
	idset *t = &b->tails;
	uint16_t row[256], s;
	size_t c;

	if (reserve_ids(b, t, 1) < 0) {
		return 0;
	}
	for (;; h++) {
		id = t->slot[h & (t->cap - 1)];
		if (id == 0) {
			break;
		}
		if (memcmp(b->rows + ((size_t)(id - 1) << 8) + 0x80, v,
			64 * sizeof(*v)) == 0) {
			return (uint16_t)(id - 1);
		}
	}
	for (c = 0; c < 256; c++) {
		row[c] = (c & 0xC0) == 0x80 ? v[c & 0x3F] : DT_PREFIX_SLOW;
	}
	s = new_state(b, row, DT_PREFIX_ACCEPT); /* cut by the end */
	if (s != 0) {
		t->slot[h & (t->cap - 1)] = (uint32_t)s + 1;
		t->n++;
	}
	return s;
}

/* The state between characters at trie node n (-1: off the trie) after
 * `depth` tokens, the last a blank or not; made and queued the first
 * time. */
static uint16_t boundary(builder *b, int32_t n, unsigned depth,
	unsigned blank)
{
	uint16_t *at = n >= 0 ? &b->at_node[n * 2 + blank] :
		&b->dead[depth][blank];
	bstate *x;

	if (*at != 0) {
		return *at;
	}
	*at = new_state(b, NULL, DT_PREFIX_REJECT);
	if (*at == 0) {
		return DT_PREFIX_REJECT;
	}
	x = &b->bs[b->nbs++];
	x->node = n;
	x->depth = depth;
	x->blank = blank;
	x->id = *at;
	return *at;
}

/* walk(), one token: what follows character cp at boundary state x. */
static uint16_t token(builder *b, const bstate *x, uint32_t cp)
{
	long f = cp < FOLD_CP ? fold_of[cp] : -1;
	unsigned i = x->depth;
	int lookup = i >= FREE_TOKENS || (b->p->short_lens >> i & 1);
	int32_t c = -1;

	if (x->blank && f == ' ') {
		return x->id; /* part of the blank run read last */
	}
	if (f < 0) {
		return DT_PREFIX_ACCEPT; /* a character not folded here */
	}
	if (x->node >= 0) {
		c = child(b, x->node, (uint32_t)f);
	}
	if (lookup && (c < 0 || b->node[c].whole)) {
		return c < 0 ? DT_PREFIX_REJECT : DT_PREFIX_ACCEPT;
	}
	if (i + 1 >= DT_PREFIX_TOKENS) {
		return DT_PREFIX_REJECT; /* walk() reads no more tokens */
	}
	return boundary(b, c, i + 1, f == ' ');
}

/* ## Rows shared by default
 *
 * A state goes where its trie node's children and its blank run say on
 * the few characters they name, and on every other character where a
 * state off the trie after as many lookup-free tokens goes: its
 * default, 0 once the next token is looked up, else the tokens read
 * plus one.  Rows are made from the default's and the exceptions. */

static unsigned default_of(const builder *b, const bstate *x)
{
	return x->depth >= FREE_TOKENS ||
		(b->p->short_lens >> x->depth & 1) ? 0 : x->depth + 1;
}

/* token() at a state off the trie (or looked up) with default d that
 * does not absorb blanks, for the 64 characters of block sub. */
static const uint16_t *plain(builder *b, unsigned d, unsigned sub)
{
	uint16_t *v = b->plain[d][sub];
	uint32_t k;

	if (b->plain_done[d][sub]) {
		return v;
	}
	for (k = 0; k < 64; k++) {
		long f = fold_of[sub << 6 | k];

		v[k] = f < 0 ? DT_PREFIX_ACCEPT : d == 0 ? DT_PREFIX_REJECT :
			boundary(b, -1, d, f == ' ');
	}
	b->plain_done[d][sub] = 1;
	return v;
}

/* The row after a two-byte lead of block sub (or a three-byte lead and
 * one byte), default d and no exception. */
static uint16_t gen_sub(builder *b, unsigned d, unsigned sub)
{
	if (sub >= KNOWN_SUBS) {
		return b->all_accept;
	}
	if (b->gen_sub[d][sub] == 0) {
		b->gen_sub[d][sub] = intern_tail(b, plain(b, d, sub));
	}
	return b->gen_sub[d][sub];
}

/* The row after a three-byte lead of block blk (code points blk << 12
 * on): the rows of its 64 blocks, sub[] where given, else default d's. */
static uint16_t lead3(builder *b, unsigned d, unsigned blk,
	const uint16_t *sub)
{
	uint16_t v[64];
	unsigned k;

	for (k = 0; k < 64; k++) {
		unsigned s = blk << 6 | k;

		/* "E0 80".."E0 9F" open overlong forms: no UTF-8 */
		v[k] = blk == 0 && k < 32 ? DT_PREFIX_SLOW :
			s < KNOWN_SUBS && sub[s] != 0 ? sub[s] :
			gen_sub(b, d, s);
	}
	return intern_tail(b, v);
}

/* The exceptions of x: every character folding to the token of one of
 * its node's children, and blanks when it absorbs them; sorted. */
static size_t overrides(builder *b, const bstate *x)
{
	size_t n = 0, i;
	int32_t k = x->node >= 0 ? b->node[x->node].kid : -1;

	for (;; k = b->node[k].sib) {
		size_t lo = 0, hi = nknown;
		uint32_t tok = k >= 0 ? b->node[k].tok : ' ';

		if (k < 0 && !x->blank) {
			break;
		}
		while (lo < hi) { /* the first character folding to tok */
			size_t mid = (lo + hi) / 2;

			if ((uint32_t)fold_of[by_fold[mid]] < tok) {
				lo = mid + 1;
			} else {
				hi = mid;
			}
		}
		for (; lo < nknown && (uint32_t)fold_of[by_fold[lo]] == tok;
			lo++) {
			b->ov[n].cp = by_fold[lo];
			b->ov[n++].to = token(b, x, by_fold[lo]);
		}
		if (k < 0) {
			break; /* the blanks came last */
		}
	}
	for (i = 1; i < n; i++) { /* insertion sort: a few dozen */
		override o = b->ov[i];
		size_t j = i;

		for (; j > 0 && b->ov[j - 1].cp > o.cp; j--) {
			b->ov[j] = b->ov[j - 1];
		}
		b->ov[j] = o;
	}
	return n;
}

/* Fill the row of boundary state x. */
static void fill(builder *b, const bstate *x)
{
	uint16_t row[256], sub[KNOWN_SUBS], v[64];
	unsigned d = default_of(b, x);
	size_t n = overrides(b, x), i, c;
	unsigned blk3 = 0; /* bit k: three-byte block k has exceptions */

	memset(sub, 0, sizeof(sub));
	memcpy(row, plain(b, d, 0), 64 * sizeof(*row));
	memcpy(row + 64, plain(b, d, 1), 64 * sizeof(*row));
	for (i = 0; i < n && b->ov[i].cp < 0x80; i++) {
		row[b->ov[i].cp] = b->ov[i].to;
	}
	while (i < n) { /* one block of 64 at a time */
		unsigned s = b->ov[i].cp >> 6;

		memcpy(v, plain(b, d, s), sizeof(v));
		for (; i < n && b->ov[i].cp >> 6 == s; i++) {
			v[b->ov[i].cp & 0x3F] = b->ov[i].to;
		}
		sub[s] = intern_tail(b, v);
		blk3 |= 1u << (s >> 6);
	}
	/* continuation bytes, overlong leads C0 C1 and four-byte leads
	 * are left to walk() */
	for (c = 0x80; c < 0xC2; c++) {
		row[c] = DT_PREFIX_SLOW;
	}
	for (c = 0xC2; c < 0xE0; c++) {
		row[c] = sub[c & 0x1F] ? sub[c & 0x1F] :
			gen_sub(b, d, c & 0x1F);
	}
	for (c = 0xE0; c < 0xF0; c++) {
		unsigned blk = c & 0x0F;

		if (blk3 >> blk & 1) {
			row[c] = lead3(b, d, blk, sub);
			continue;
		}
		if (b->gen_blk3[d][blk] == 0) {
			b->gen_blk3[d][blk] = lead3(b, d, blk, sub);
		}
		row[c] = b->gen_blk3[d][blk];
	}
	for (c = 0xF0; c < 0x100; c++) {
		row[c] = DT_PREFIX_SLOW;
	}
	if (b->err == 0) {
		memcpy(b->rows + ((size_t)x->id << 8), row, sizeof(row));
	}
}

/* ## The first byte */

static int pair_bit(const dt_prefixes *p, unsigned b0, unsigned b1)
{
	unsigned i = b0 << 8 | b1;

	return p->pairs[i >> 3] >> (i & 7) & 1;
}

/* The state after first byte b0: the walk's next state r (ACCEPT when
 * the walk needs no more), the pair table checking the next byte. */
static uint16_t first_byte(builder *b, unsigned b0, uint16_t r)
{
	uint16_t row[256];
	size_t c;

	if (r == DT_PREFIX_REJECT || r == DT_PREFIX_SLOW) {
		return r;
	}
	for (c = 0; c < 256; c++) {
		row[c] = !pair_bit(b->p, b0, (unsigned)c) ? DT_PREFIX_REJECT :
			r == DT_PREFIX_ACCEPT ? DT_PREFIX_ACCEPT :
			b->rows[(size_t)r << 8 | c];
	}
	return intern(b, row, r == DT_PREFIX_ACCEPT ? 1 : b->end[r]);
}

static void fold_table(void)
{
	size_t cp, i, n = 0;

	for (cp = 0; cp < FOLD_CP; cp++) {
		fold_of[cp] = (int32_t)dt__prefix_fold((uint32_t)cp);
		if (fold_of[cp] >= 0) {
			by_fold[n++] = (uint16_t)cp;
		}
	}
	/* insertion sort by fold: most characters are near their fold */
	for (i = 1; i < n; i++) {
		uint16_t v = by_fold[i];
		size_t k = i;

		while (k > 0 && fold_of[by_fold[k - 1]] > fold_of[v]) {
			by_fold[k] = by_fold[k - 1];
			k--;
		}
		by_fold[k] = v;
	}
	nknown = n;
}

static int build(builder *b)
{
	uint16_t row[256], root = 0;
	size_t v;
	int rc = trie_build(b);

	pthread_once(&fold_once, fold_table);
	b->bs = rc == 0 ? dt__calloc(b->nnode * 2 + 2 * DT_PREFIX_TOKENS,
		sizeof(*b->bs)) : NULL;
	b->ov = dt__calloc(nknown, sizeof(*b->ov));
	b->cap = 256;
	b->rows = dt__calloc(b->cap, 256 * sizeof(*b->rows));
	b->end = dt__calloc(b->cap, 1);
	if (rc < 0 || !b->bs || !b->ov || !b->rows || !b->end) {
		return DT_ENOMEM;
	}
	b->n = DT_PREFIX_START + 1; /* the fixed states: rows set last */
	for (v = 0; v < 64; v++) {
		row[v] = DT_PREFIX_ACCEPT;
	}
	b->all_accept = intern_tail(b, row);
	if (!b->p->all) {
		root = boundary(b, 0, 0, 0);
	}
	while (b->err == 0 && b->bs_done < b->nbs) {
		fill(b, &b->bs[b->bs_done++]);
	}
	for (v = 0; b->err == 0 && v < 256; v++) {
		row[v] = first_byte(b, (unsigned)v, b->p->all ?
			DT_PREFIX_ACCEPT : b->rows[(size_t)root << 8 | v]);
	}
	if (b->err == 0) {
		memcpy(b->rows + ((size_t)DT_PREFIX_START << 8), row,
			sizeof(row));
	}
	/* the answers lead to themselves: a test may read on past one */
	for (v = 0; v < 256; v++) {
		b->rows[(size_t)DT_PREFIX_REJECT << 8 | v] = DT_PREFIX_REJECT;
		b->rows[(size_t)DT_PREFIX_ACCEPT << 8 | v] = DT_PREFIX_ACCEPT;
		b->rows[(size_t)DT_PREFIX_SLOW << 8 | v] = DT_PREFIX_SLOW;
	}
	return b->err;
}

/* ## The first two bytes
 *
 * A search tests few positions if it first looks up the two bytes each
 * opens with: one bit of an 8 KiB table, set where the automaton does
 * not refuse them (it never refuses fewer texts than the pair table, and
 * no character starts at a continuation byte). */

static int make_lead2(dt_prefixes *p)
{
	unsigned b0, b1;

	if (p->lead2 == NULL) {
		p->lead2 = dt__calloc(256 * 256 / 8, 1);
		if (p->lead2 == NULL) {
			return DT_ENOMEM;
		}
	}
	memset(p->lead2, 0, 256 * 256 / 8);
	for (b0 = 0; b0 < 256; b0++) {
		unsigned s = p->dfa[DT_PREFIX_START << 8 | b0];

		for (b1 = 0; b1 < 256 && (b0 & 0xC0) != 0x80; b1++) {
			unsigned i = b0 << 8 | b1;

			if (p->dfa[s << 8 | b1] != DT_PREFIX_REJECT) {
				p->lead2[i >> 3] |= (uint8_t)(1u << (i & 7));
			}
		}
	}
	return 0;
}

int dt__prefixes_build_dfa(dt_prefixes *p)
{
	builder *b = dt__calloc(1, sizeof(*b));
	int rc;

	if (b == NULL) {
		return DT_ENOMEM;
	}
	b->p = p;
	rc = build(b);
	if (rc == 0) {
		dt__free(p->dfa);
		dt__free(p->dfa_end);
		p->dfa = b->rows;
		p->dfa_end = b->end;
		p->nstates = b->n;
		b->rows = NULL;
		b->end = NULL;
		rc = make_lead2(p);
	}
	dt__free(b->node);
	dt__free(b->at_node);
	dt__free(b->bs);
	dt__free(b->ov);
	dt__free(b->rows);
	dt__free(b->end);
	dt__free(b->full.slot);
	dt__free(b->tails.slot);
	dt__free(b);
	return rc;
}
