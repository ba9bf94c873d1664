/*
 * gen_corpus_text.c - the words of the corpus generator: buffers, the
 * seeded random generator, UTF-8 case, Vietnamese and Russian sentences
 * (Russian nouns and adjectives declined and agreeing in gender, number
 * and case) and word-level paraphrases.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_corpus.h"
#include "gen_corpus_words.h"

/* ## Buffers and randomness */

void sb_putn(sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t c = b->cap ? b->cap : 4096;
		char *p;

		while (c < b->len + n + 1) {
			c *= 2;
		}
		p = realloc(b->p, c);
		if (p == NULL) {
			fputs("gen_corpus: out of memory\n", stderr);
			exit(2);
		}
		b->p = p;
		b->cap = c;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void sb_put(sbuf *b, const char *s)
{
	sb_putn(b, s, strlen(s));
}

void sb_printf(sbuf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	sb_putn(b, tmp, n < 0 ? 0 : (size_t)n < sizeof(tmp) ? (size_t)n :
		sizeof(tmp) - 1);
}

uint64_t rnd(rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15u);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

size_t pick(rng *r, size_t n)
{
	return (size_t)(rnd(r) % n);
}

size_t skew(rng *r, size_t n)
{
	double u = (double)(rnd(r) >> 11) * (1.0 / 9007199254740992.0);

	return (size_t)(u * u * (double)n);
}

int chance(rng *r, unsigned pct)
{
	return pick(r, 100) < pct;
}


/* ## UTF-8 case */

/* Upper case of a lower-case Latin, Vietnamese or Cyrillic code point;
 * anything else unchanged. */
static unsigned upper_cp(unsigned c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7) ||
		(c >= 0x430 && c <= 0x44F)) {
		return c - 0x20;
	}
	if (c >= 0x450 && c <= 0x45F) {
		return c - 0x50;
	}
	if (((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177) ||
		(c >= 0x1EA0 && c <= 0x1EF9)) && (c & 1)) {
		return c - 1;
	}
	if (c == 0x1A1 || c == 0x1B0) { /* ơ ư */
		return c == 0x1A1 ? 0x1A0 : 0x1AF;
	}
	return c;
}

static size_t get_cp(const char *s, unsigned *c)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] < 0x80) {
		*c = u[0];
		return 1;
	}
	if ((u[0] & 0xE0) == 0xC0) {
		*c = ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
		return 2;
	}
	*c = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
	return 3;
}

static void put_cp(sbuf *b, unsigned c)
{
	char o[3];

	if (c < 0x80) {
		o[0] = (char)c;
		sb_putn(b, o, 1);
	} else if (c < 0x800) {
		o[0] = (char)(0xC0 | (c >> 6));
		o[1] = (char)(0x80 | (c & 0x3F));
		sb_putn(b, o, 2);
	} else {
		o[0] = (char)(0xE0 | (c >> 12));
		o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		sb_putn(b, o, 3);
	}
}

void put_upper(sbuf *b, const char *s, int all)
{
	int first = 1;

	while (*s) {
		unsigned c;
		size_t n = get_cp(s, &c);

		put_cp(b, first || all ? upper_cp(c) : c);
		first = 0;
		s += n;
	}
}

/* ## Vietnamese sentences */

static const char *const vi_other_actor[] = { "ủy ban nhân dân xã",
	"các thôn, tổ dân phố", "chính quyền địa phương",
	"ban chỉ huy phòng, chống thiên tai", "lực lượng dân quân" };
static const char *const vi_other_prep[] = { "tại các thôn",
	"trên địa bàn xã", "ở vùng trũng thấp", "dọc các tuyến sông" };

/* Expand template t left to right (the draws happen in template order,
 * whatever the compiler): {A} actor, {V} verb, {O} object, {M} manner,
 * {P} place or means, {T} time, {G} goal, {R} shortcoming, {S} result;
 * {a} {o} {p} the same on the subject, or off it when `other`; {q} 3, 6
 * or 9, {n} 10..49, {m} 50..69, {%} 60..99. */
void vi_fill(sbuf *b, rng *r, const char *t, int other)
{
	while (*t) {
		const char *open = strchr(t, '{');

		if (open == NULL || open[1] == '\0' || open[2] != '}') {
			sb_put(b, t);
			return;
		}
		sb_putn(b, t, (size_t)(open - t));
		switch (open[1]) {
		case 'A': sb_put(b, SKEW(r, vi_actor)); break;
		case 'V': sb_put(b, SKEW(r, vi_verb)); break;
		case 'O': sb_put(b, SKEW(r, vi_object)); break;
		case 'M': sb_put(b, SKEW(r, vi_mod)); break;
		case 'P': sb_put(b, SKEW(r, vi_prep)); break;
		case 'T': sb_put(b, SKEW(r, vi_time)); break;
		case 'G': sb_put(b, SKEW(r, vi_goal)); break;
		case 'R': sb_put(b, SKEW(r, vi_problem)); break;
		case 'S': sb_put(b, SKEW(r, vi_result)); break;
		case 'a': sb_put(b, other ? PICK(r, vi_other_actor) :
			SKEW(r, vi_actor)); break;
		case 'o': sb_put(b, other ? PICK(r, vi_other_object) :
			SKEW(r, vi_object)); break;
		case 'p': sb_put(b, other ? PICK(r, vi_other_prep) :
			SKEW(r, vi_prep)); break;
		case 'q': sb_printf(b, "%u", 3 + 3 * (unsigned)pick(r, 3)); break;
		case 'n': sb_printf(b, "%u", 10 + (unsigned)pick(r, 40)); break;
		case 'm': sb_printf(b, "%u", 50 + (unsigned)pick(r, 20)); break;
		case '%': sb_printf(b, "%u", 60 + (unsigned)pick(r, 40)); break;
		default: sb_putn(b, open, 3); break;
		}
		t = open + 3;
	}
}

void vi_sentence(sbuf *b, rng *r, int cap)
{
	static const char *const tmpl[] = {
		"{A} có trách nhiệm {V} {O} {M}, {V} {O} {P} {T}",
		"{A} {V} {O} {P}; {A} {V} {O} và {V} {O} nhằm {G}",
		"việc {V} {O} phải {M} và được thực hiện {T}; {A} chịu trách "
		"nhiệm {V} {O} {P}",
		"{A} định kỳ {T} {V} {O} {M}, {V} {O} nhằm {G}, báo cáo kết quả "
		"về {A}",
		"{A} phối hợp với {A} {V} {O} {P}, {V} {O} {T}, bảo đảm {M}",
	};
	sbuf s = { 0 };

	vi_fill(&s, r, PICK(r, tmpl), 0);
	if (cap) {
		put_upper(b, s.p, 0);
	} else {
		sb_put(b, s.p);
	}
	free(s.p);
}

/* Filler of a local document: situation, results, shortcomings. */
void vi_filler(sbuf *b, rng *r, int other)
{
	static const char *const tmpl[] = {
		"Trong {q} tháng đầu năm, {a} đã {V} {o} {M}; tuy nhiên, việc "
		"{V} {o} ở một số nơi {R}.",
		"Kết quả: {n}/{m} đơn vị đã {V} {o}, đạt tỷ lệ {%}%; {V} {o} "
		"{p}, {S}.",
		"Tiếp tục {V} {o} {M}, gắn với {V} {o}; chú trọng {V} {o} {T}.",
		"Nguyên nhân chủ yếu là {o} {R}, {a} chưa quan tâm đúng mức đến "
		"việc {V} {o}.",
	};

	vi_fill(b, r, PICK(r, tmpl), other);
}

/* ## Russian phrases */

static int gender_of(unsigned char cls)
{
	return cls <= RN_MS ? MASC : cls <= RN_FS ? FEM : NEUT;
}

static int velar_end(const char *stem)
{
	size_t n = strlen(stem);

	return n >= 2 && (strcmp(stem + n - 2, "к") == 0 ||
		strcmp(stem + n - 2, "г") == 0 || strcmp(stem + n - 2, "х") == 0);
}

static void ru_noun_form(sbuf *b, const ru_noun *n, int cas, int pl)
{
	static const char *const end[7][2][NCASE] = {
		{ { "", "а", "у", "", "ом", "е" },
		  { "ы", "ов", "ам", "ы", "ами", "ах" } },
		{ { "ь", "я", "ю", "ь", "ем", "е" },
		  { "и", "ей", "ям", "и", "ями", "ях" } },
		{ { "а", "ы", "е", "у", "ой", "е" },
		  { "ы", "*", "ам", "ы", "ами", "ах" } },
		{ { "я", "и", "и", "ю", "ей", "и" },
		  { "и", "й", "ям", "и", "ями", "ях" } },
		{ { "ь", "и", "и", "ь", "ью", "и" },
		  { "и", "ей", "ям", "и", "ями", "ях" } },
		{ { "е", "я", "ю", "е", "ем", "и" },
		  { "я", "й", "ям", "я", "ями", "ях" } },
		{ { "о", "а", "у", "о", "ом", "е" },
		  { "а", "*", "ам", "а", "ами", "ах" } },
	};
	const char *e;

	if (cas == ACC && n->animate && (pl || gender_of(n->cls) == MASC)) {
		cas = GEN;
	}
	e = end[n->cls][pl][cas];
	if (e[0] == '*') {
		sb_put(b, n->genpl);
		return;
	}
	sb_put(b, n->stem);
	if (strcmp(e, "ы") == 0 && velar_end(n->stem)) {
		e = "и";
	}
	sb_put(b, e);
}

static void ru_adj_form(sbuf *b, const ru_adj *a, int g, int cas, int pl,
	int animate)
{
	static const char *const y[4][NCASE] = {
		{ "ый", "ого", "ому", "ый", "ым", "ом" },
		{ "ая", "ой", "ой", "ую", "ой", "ой" },
		{ "ое", "ого", "ому", "ое", "ым", "ом" },
		{ "ые", "ых", "ым", "ые", "ыми", "ых" },
	};
	static const char *const k[4][NCASE] = {
		{ "ий", "ого", "ому", "ий", "им", "ом" },
		{ "ая", "ой", "ой", "ую", "ой", "ой" },
		{ "ое", "ого", "ому", "ое", "им", "ом" },
		{ "ие", "их", "им", "ие", "ими", "их" },
	};
	int row = pl ? 3 : g;

	if (cas == ACC && animate && (pl || g == MASC)) {
		cas = GEN;
	}
	sb_put(b, a->stem);
	if (a->cls == RA_OI && row == MASC && (cas == NOM || cas == ACC)) {
		sb_put(b, "ой");
	} else {
		sb_put(b, (a->cls == RA_K ? k : y)[row][cas]);
	}
}

void ru_np(sbuf *b, rng *r, int cas, int depth, int *gn_out)
{
	const ru_noun *n = &ru_nouns[skew(r, N(ru_nouns))];
	int pl = chance(r, 30), g = gender_of(n->cls);

	if (chance(r, 55)) {
		ru_adj_form(b, &ru_adjs[skew(r, N(ru_adjs))], g, cas, pl,
			n->animate);
		sb_put(b, " ");
	}
	ru_noun_form(b, n, cas, pl);
	if (depth == 0 && chance(r, 40)) {
		sb_put(b, " ");
		if (chance(r, 50)) {
			sb_put(b, SKEW(r, ru_tail));
		} else {
			ru_np(b, r, GEN, 1, NULL);
		}
	}
	if (gn_out) {
		*gn_out = pl ? 3 : g;
	}
}

static int is_ru_vowel(unsigned c)
{
	return c == 0x430 || c == 0x435 || c == 0x438 || c == 0x43E ||
		c == 0x443 || c == 0x44D || c == 0x44B || c == 0x44F;
}

/* A prepositional phrase, with "об", "со", "во" where Russian wants them. */
void ru_pp(sbuf *b, rng *r)
{
	size_t i = skew(r, N(ru_prep));
	const char *p = ru_prep[i].prep;
	sbuf np = { 0 };
	unsigned c1, c2;
	size_t k;

	ru_np(&np, r, ru_prep[i].cas, 0, NULL);
	k = get_cp(np.p, &c1);
	get_cp(np.p + k, &c2);
	sb_put(b, p);
	if (strcmp(p, "о") == 0 && is_ru_vowel(c1)) {
		sb_put(b, "б");
	} else if (strcmp(p, "с") == 0 && (c1 == 0x441 || c1 == 0x437) &&
		!is_ru_vowel(c2)) {
		sb_put(b, "о");
	} else if (strcmp(p, "в") == 0 && (c1 == 0x432 || c1 == 0x444) &&
		!is_ru_vowel(c2)) {
		sb_put(b, "о");
	}
	sb_put(b, " ");
	sb_put(b, np.p);
	free(np.p);
}

void ru_sentence(sbuf *b, rng *r, int cap)
{
	static const char *const obliged[4] = { "обязан", "обязана",
		"обязано", "обязаны" };
	sbuf s = { 0 };
	int gn;

	switch (pick(r, 4)) {
	case 0:
		ru_np(&s, r, NOM, 0, &gn);
		sb_printf(&s, " %s ", ru_verb[skew(r, N(ru_verb))][gn == 3]);
		ru_np(&s, r, ACC, 0, NULL);
		sb_put(&s, " ");
		ru_pp(&s, r);
		sb_printf(&s, " %s", SKEW(r, ru_time));
		break;
	case 1:
		ru_np(&s, r, NOM, 1, &gn);
		sb_printf(&s, " %s %s ", obliged[gn],
			ru_verb[skew(r, N(ru_verb))][2]);
		ru_np(&s, r, ACC, 0, NULL);
		sb_put(&s, " ");
		ru_pp(&s, r);
		sb_printf(&s, ", а также %s ", ru_verb[skew(r, N(ru_verb))][2]);
		ru_np(&s, r, ACC, 1, NULL);
		sb_printf(&s, " %s", SKEW(r, ru_time));
		break;
	case 2:
		ru_np(&s, r, NOM, 0, &gn);
		sb_printf(&s, " %s ", ru_passive[skew(r, N(ru_passive))][gn == 3]);
		ru_pp(&s, r);
		sb_printf(&s, " %s, ", SKEW(r, ru_time));
		ru_pp(&s, r);
		break;
	default:
		sb_put(&s, "в целях ");
		ru_np(&s, r, GEN, 1, NULL);
		sb_put(&s, " ");
		ru_np(&s, r, NOM, 1, &gn);
		sb_printf(&s, " %s ", ru_verb[skew(r, N(ru_verb))][gn == 3]);
		ru_np(&s, r, ACC, 0, NULL);
		sb_printf(&s, " и %s ", ru_verb[skew(r, N(ru_verb))][gn == 3]);
		ru_np(&s, r, ACC, 1, NULL);
		break;
	}
	if (cap) {
		put_upper(b, s.p, 0);
	} else {
		sb_put(b, s.p);
	}
	free(s.p);
}

void ru_filler(sbuf *b, rng *r, int other)
{
	int gn;

	switch (pick(r, 3)) {
	case 0:
		sb_put(b, "В отчетном периоде ");
		ru_np(b, r, NOM, 1, &gn);
		sb_printf(b, " %s ", ru_verb[skew(r, N(ru_verb))][gn == 3]);
		ru_np(b, r, ACC, 1, NULL);
		if (other) {
			sb_printf(b, " %s", PICK(r, ru_other));
		}
		sb_put(b, " ");
		ru_pp(b, r);
		sb_put(b, ".");
		break;
	case 1:
		sb_printf(b, "По состоянию на 1 %s 2026 года ",
			PICK(r, ru_month));
		sb_printf(b, "выявлено %u нарушений, ", 5 + (unsigned)pick(r, 90));
		sb_printf(b, "из них устранено %u; ", (unsigned)pick(r, 5));
		ru_np(b, r, NOM, 1, &gn);
		sb_printf(b, " %s", ru_passive[skew(r, N(ru_passive))][gn == 3]);
		sb_printf(b, " %s", SKEW(r, ru_adverb));
		if (other) {
			sb_printf(b, " для %s", PICK(r, ru_other));
		}
		sb_put(b, ".");
		break;
	default:
		sb_put(b, "Вместе с тем ");
		ru_np(b, r, NOM, 0, &gn);
		sb_printf(b, " %s %s ", SKEW(r, ru_adverb),
			gn == 3 ? "не обеспечивают" : "не обеспечивает");
		ru_np(b, r, ACC, 0, NULL);
		sb_printf(b, " %s.", other ? PICK(r, ru_other) :
			SKEW(r, ru_tail));
		break;
	}
}

/* ## Paraphrases */

static unsigned lower_cp(unsigned c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
		(c >= 0x410 && c <= 0x42F)) {
		return c + 0x20;
	}
	if (c >= 0x400 && c <= 0x40F) {
		return c + 0x50;
	}
	if (((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177) ||
		(c >= 0x1EA0 && c <= 0x1EF9)) && !(c & 1)) {
		return c + 1;
	}
	if (c == 0x1A0 || c == 0x1AF) {
		return c == 0x1A0 ? 0x1A1 : 0x1B0;
	}
	return c;
}

void put_lower_first(sbuf *b, const char *s)
{
	unsigned c;
	size_t n = get_cp(s, &c);

	put_cp(b, lower_cp(c));
	sb_put(b, s + n);
}

/* Word-level edits of a leaf's text: each word is dropped (12%),
 * preceded by an inserted word (8%), replaced (8%) or swapped with the
 * next (4%).  About three words in four survive. */
void paraphrase(sbuf *b, rng *r, const char *text, int lang)
{
	char *copy = strdup(text), *tok[256], *save = NULL, *w;
	size_t n = 0, i;
	int first = 1;

	if (copy == NULL) {
		exit(2);
	}
	for (w = strtok_r(copy, " ", &save); w != NULL && n < N(tok);
		w = strtok_r(NULL, " ", &save)) {
		tok[n++] = w;
	}
	for (i = 0; i < n; i++) {
		const char *word = tok[i];
		unsigned x = (unsigned)pick(r, 100);

		if (x < 12 && n > 6) {
			continue;
		}
		if (!first) {
			sb_put(b, " ");
		}
		first = 0;
		if (x < 20) {
			sb_put(b, lang == L_RU ? SKEW(r, ru_adverb) :
				PICK(r, vi_insert));
			sb_put(b, " ");
		} else if (x < 28) {
			if (lang == L_RU) {
				const ru_noun *noun = &ru_nouns[skew(r,
					N(ru_nouns))];
				int cas = (int)pick(r, NCASE);

				ru_noun_form(b, noun, cas, chance(r, 30));
			} else {
				sb_put(b, SKEW(r, vi_verb));
			}
			continue;
		} else if (x < 32 && i + 1 < n) {
			sb_put(b, tok[i + 1]);
			sb_put(b, " ");
			sb_put(b, word);
			i++;
			continue;
		}
		sb_put(b, word);
	}
	free(copy);
}
