/*
 * prefix.c - the literal prefixes of a set of patterns, folded to one
 * case, and the test of whether text can start a match (prefix.h).
 *
 * Folding follows PCRE2's caseless matching (PCRE2_UCP), which equates
 * single characters, never sequences.  Only the blocks a legal text here
 * is written in are folded: ASCII, Latin-1, Latin Extended-A, the
 * Vietnamese letters of Latin Extended-B and Latin Extended Additional,
 * basic Cyrillic, general punctuation and "№".  Everything else is
 * "unknown", and an unknown character lets the position pass, so a
 * character PCRE2 folds in a way not listed here (the Kelvin sign to
 * "k", "ſ" to "s", Cyrillic "ᲀ" to "в") is never wrongly refused.  A unit
 * test checks the fold against PCRE2 on every pair of known characters.
 */
#include <pthread.h>
#include <string.h>

#include "prefix.h"

/* ## Folding */

/* Latin Extended-A: pairs upper/lower at even/odd code points, but
 * odd/even in U+0139-0148 and U+0179-017E; the rest have no plain pair. */
static long fold_latin_ext_a(uint32_t cp)
{
	if (cp == 0x130 || cp == 0x131 || cp == 0x138 || cp == 0x149 ||
		cp == 0x178 || cp == 0x17F) {
		return -1;
	}
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) {
		return (long)(cp + (cp & 1));
	}
	return (long)(cp | 1);
}

/* PCRE2's \s among the characters folded here: one token, ' '. */
static int is_space(uint32_t cp)
{
	return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 ||
		cp == 0xA0 || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
		cp == 0x205F;
}

static long fold_slow(uint32_t cp)
{
	if (is_space(cp)) {
		return ' ';
	}
	if (cp < 0x80) {
		return cp >= 'A' && cp <= 'Z' ? (long)cp + 32 : (long)cp;
	}
	if (cp < 0xC0) {
		return cp == 0xB5 ? -1 : (long)cp; /* micro sign = Greek mu */
	}
	if (cp < 0xDF) {
		return cp == 0xD7 ? (long)cp : (long)cp + 32;
	}
	if (cp < 0x100) {
		return (long)cp;
	}
	if (cp < 0x180) {
		return fold_latin_ext_a(cp);
	}
	if (cp == 0x1A0 || cp == 0x1A1 || cp == 0x1AF || cp == 0x1B0) {
		return cp == 0x1A0 || cp == 0x1AF ? (long)cp + 1 : (long)cp;
	}
	if (cp >= 0x400 && cp < 0x410) {
		return (long)cp + 0x50;
	}
	if (cp >= 0x410 && cp < 0x430) {
		return (long)cp + 0x20;
	}
	if (cp >= 0x430 && cp < 0x460) {
		return (long)cp;
	}
	if (cp >= 0x1EA0 && cp < 0x1F00) {
		return (long)(cp | 1);
	}
	if ((cp >= 0x2010 && cp < 0x2060) || cp == 0x2116) {
		return (long)cp;
	}
	return -1;
}

/* fold_slow() of U+0000-U+047F, where nearly every character of a
 * text here falls (Vietnamese adds U+1EA0-U+1EFF, folded inline). */
static int32_t low_fold[0x480];
static pthread_once_t low_once = PTHREAD_ONCE_INIT;

static void low_init(void)
{
	uint32_t cp;

	for (cp = 0; cp < 0x480; cp++) {
		low_fold[cp] = (int32_t)fold_slow(cp);
	}
}

static inline long fold(uint32_t cp)
{
	if (cp < 0x480) {
		return low_fold[cp];
	}
	if (cp - 0x1EA0u < 0x60u) {
		return (long)(cp | 1);
	}
	return fold_slow(cp);
}

long dt__prefix_fold(uint32_t cp)
{
	pthread_once(&low_once, low_init);
	return fold(cp);
}

/* The code point at s[*pos] (valid UTF-8), advancing *pos; -1 when the
 * text ends inside it. */
static inline long decode(const char *s, size_t len, size_t *pos)
{
	const unsigned char *u = (const unsigned char *)s + *pos;
	size_t n = u[0] < 0x80 ? 1 : u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : 4;
	uint32_t cp;
	size_t i;

	if (n > len - *pos) {
		return -1;
	}
	cp = n == 1 ? u[0] : n == 2 ? (u[0] & 0x1Fu) : n == 3 ?
		(u[0] & 0x0Fu) : (u[0] & 0x07u);
	for (i = 1; i < n; i++) {
		cp = cp << 6 | (u[i] & 0x3Fu);
	}
	*pos += n;
	return (long)cp;
}

/* ## Reading a pattern's literal beginning */

static int is_quantifier(char c)
{
	return c == '?' || c == '*' || c == '+' || c == '{';
}

/* One literal character at p: its code point into *cp and the bytes it
 * takes in the pattern; 0 when p holds syntax (conservatively: "]" and
 * "}" too, and every escape but escaped ASCII punctuation). */
static size_t literal_char(const char *p, uint32_t *cp)
{
	unsigned char c = (unsigned char)p[0];
	size_t pos = 0;
	long v;

	if (c == '\\') {
		c = (unsigned char)p[1];
		if (c > 0x20 && c < 0x7F && strchr("\\^$.[]|()?*+{}-/,;:'\"#"
			"&!%<=>@~`", c) != NULL) {
			*cp = c;
			return 2;
		}
		return 0;
	}
	if (c < 0x20 || c == 0x7F || strchr("^$.[]|()?*+{}", c) != NULL) {
		return 0; /* NUL is in every strchr set */
	}
	v = decode(p, strlen(p), &pos);
	if (v < 0) {
		return 0;
	}
	*cp = (uint32_t)v;
	return pos;
}

/* "\s", "\s+" or "\s{n,m}" with n >= 1 at p: at least one blank, a
 * token of its own.  The bytes it takes, 0 when p holds none of them. */
static size_t blanks(const char *p)
{
	size_t k = 2;

	if (strncmp(p, "\\s", 2) != 0) {
		return 0;
	}
	if (p[2] == '+') {
		return 3;
	}
	if (p[2] != '{') {
		return is_quantifier(p[2]) ? 0 : 2;
	}
	if (p[3] < '1' || p[3] > '9') {
		return 0; /* "\s{0,3}": maybe none */
	}
	for (k = 3; p[k] != '}'; k++) {
		if ((p[k] < '0' || p[k] > '9') && p[k] != ',') {
			return 0;
		}
	}
	return is_quantifier(p[k + 1]) ? 0 : k + 1;
}

/* Past a lookaround "(?=…)", "(?!…)", "(?<=…)", "(?<!…)" that holds no
 * group or class; NULL when p opens none such. */
static const char *skip_lookaround(const char *p)
{
	size_t open = strncmp(p, "(?=", 3) == 0 || strncmp(p, "(?!", 3) == 0 ?
		3 : strncmp(p, "(?<=", 4) == 0 || strncmp(p, "(?<!", 4) == 0 ?
		4 : 0;

	if (open == 0) {
		return NULL;
	}
	for (p += open; *p != '\0' && *p != ')'; p++) {
		if (*p == '(' || *p == '[') {
			return NULL;
		}
		if (*p == '\\' && *++p == '\0') {
			return NULL;
		}
	}
	return *p == ')' && !is_quantifier(p[1]) ? p + 1 : NULL;
}

/* Does the pattern have a "|" outside every group and class? */
static int top_alternation(const char *p)
{
	int depth = 0;

	for (; *p != '\0'; p++) {
		if (*p == '\\') {
			if (*++p == '\0') {
				return 1;
			}
		} else if (*p == '[') {
			p += p[1] == '^' ? 2 : 1;
			p += *p == ']'; /* "[]…]": the first ']' is literal */
			while (*p != '\0' && *p != ']') {
				p += *p == '\\' && p[1] != '\0' ? 2 : 1;
			}
			if (*p == '\0') {
				return 1;
			}
		} else if (*p == '(') {
			depth++;
		} else if (*p == ')') {
			depth--;
		} else if (*p == '|' && depth == 0) {
			return 1;
		}
	}
	return 0;
}

/* Append token t to out[0..*n) unless it is a blank after a blank (text
 * folds a run of blanks into one token too). */
static void put_token(uint32_t *out, size_t *n, uint32_t t)
{
	if (!(t == ' ' && *n > 0 && out[*n - 1] == ' ')) {
		out[(*n)++] = t;
	}
}

/* Fold the literal characters and blanks at p into out[*n..); stop at
 * syntax, at a character a quantifier follows, at one that does not
 * fold, or when out is full.  The end of what was read. */
static const char *literals(const char *p, uint32_t *out, size_t *n)
{
	uint32_t cp;
	size_t k;
	long f;

	while (*n < DT_PREFIX_TOKENS) {
		k = blanks(p);
		if (k > 0) {
			put_token(out, n, ' ');
			p += k;
			continue;
		}
		k = literal_char(p, &cp);
		if (k == 0 || is_quantifier(p[k])) {
			break;
		}
		f = fold(cp);
		if (f < 0) {
			break;
		}
		put_token(out, n, (uint32_t)f);
		p += k;
	}
	return p;
}

/* A case-sensitive literal group "(?-i:QĐ)" not made optional: its
 * characters count like any others (folding them is only lenient).  The
 * group's end, or NULL when p opens no such group. */
static const char *literal_group(const char *p)
{
	uint32_t cp;
	size_t k;

	if (strncmp(p, "(?-i:", 5) != 0) {
		return NULL;
	}
	for (p += 5; *p != ')'; p += k) {
		k = literal_char(p, &cp);
		if (k == 0 || is_quantifier(p[k])) {
			return NULL;
		}
	}
	return is_quantifier(p[1]) ? NULL : p + 1;
}

size_t dt__prefix_of(const char *pattern, uint32_t *out)
{
	const char *p = pattern, *q, *end;
	size_t n = 0;

	pthread_once(&low_once, low_init);
	if (top_alternation(pattern)) {
		return 0;
	}
	p += *p == '^';
	while (n < DT_PREFIX_TOKENS) {
		q = skip_lookaround(p);
		if (q != NULL) {
			p = q;
			continue;
		}
		end = literal_group(p);
		q = literals(end != NULL ? p + 5 : p, out, &n);
		if (end != NULL && q == end - 1) {
			p = end; /* the whole group was read */
			continue;
		}
		if (end != NULL || q == p) {
			break; /* a group read in part, or syntax */
		}
		p = q;
	}
	return n;
}

/* ## The set: every prefix's beginnings, in a hash table
 *
 * A sequence of tokens is known by a running 64-bit hash; KEY_WHOLE
 * marks a whole prefix, the other entries its beginnings, so that a walk
 * along the text stops as soon as no prefix begins like it.  Two hashes
 * that collide only let more positions pass. */

#define KEY_WHOLE ((uint64_t)1 << 63)
#define HASH_SEED ((uint64_t)0xCBF29CE484222325u)

/* The hash of a sequence one token longer (never 0, KEY_WHOLE clear). */
static uint64_t step(uint64_t h, uint32_t token)
{
	h = (h ^ token) * 0x100000001B3u;
	return (h | 1) & ~KEY_WHOLE;
}

static size_t slot_of(const dt_prefixes *p, uint64_t key)
{
	return (size_t)((key * 0x9E3779B97F4A7C15u) >> 40) & (p->cap - 1);
}

/* The entry for `key` (KEY_WHOLE clear), 0 when there is none. */
static uint64_t lookup(const dt_prefixes *p, uint64_t key)
{
	size_t i;

	if (p->cap == 0) {
		return 0;
	}
	for (i = slot_of(p, key); p->slot[i] != 0; i = (i + 1) &
		(p->cap - 1)) {
		if ((p->slot[i] & ~KEY_WHOLE) == key) {
			return p->slot[i];
		}
	}
	return 0;
}

static void put(dt_prefixes *p, uint64_t entry)
{
	size_t i;

	for (i = slot_of(p, entry & ~KEY_WHOLE); p->slot[i] != 0 &&
		(p->slot[i] & ~KEY_WHOLE) != (entry & ~KEY_WHOLE);
		i = (i + 1) & (p->cap - 1)) {
	}
	p->n += p->slot[i] == 0;
	p->slot[i] |= entry;
}

/* Room for one more entry; the table stays at most half full. */
static int reserve(dt_prefixes *p)
{
	uint64_t *old = p->slot;
	size_t oldcap = p->cap, i;

	if ((p->n + 1) * 2 <= p->cap) {
		return 0;
	}
	p->slot = dt__calloc(oldcap ? oldcap * 2 : 64, sizeof(*p->slot));
	if (p->slot == NULL) {
		p->slot = old;
		return DT_ENOMEM;
	}
	p->cap = oldcap ? oldcap * 2 : 64;
	p->n = 0;
	for (i = 0; i < oldcap; i++) {
		if (old[i] != 0) {
			put(p, old[i]);
		}
	}
	dt__free(old);
	return 0;
}

int dt__prefixes_new(dt_prefixes **out)
{
	pthread_once(&low_once, low_init);
	*out = dt__calloc(1, sizeof(**out));
	return *out ? 0 : DT_ENOMEM;
}

void dt__prefixes_free(dt_prefixes *p)
{
	if (p != NULL) {
		dt__free(p->slot);
		dt__free(p->pairs);
		dt__free(p->seq);
		dt__free(p->seq_len);
		dt__free(p->dfa);
		dt__free(p->dfa_end);
		dt__free(p->lead2);
		dt__free(p);
	}
}

/* Keep the tokens of a prefix for the automaton (prefix_dfa.c). */
static int keep(dt_prefixes *p, const uint32_t *t, size_t n)
{
	if (p->nseq == p->seq_cap) {
		size_t cap = p->seq_cap ? p->seq_cap * 2 : 64;
		void *seq = dt__reallocarray(p->seq, cap, sizeof(*p->seq));
		void *len = seq ? dt__realloc(p->seq_len, cap) : NULL;

		p->seq = seq ? seq : p->seq;
		if (len == NULL) {
			return DT_ENOMEM;
		}
		p->seq_len = len;
		p->seq_cap = cap;
	}
	memcpy(p->seq[p->nseq], t, n * sizeof(*t));
	p->seq_len[p->nseq++] = (uint8_t)n;
	return 0;
}

int dt__prefixes_add(dt_prefixes *p, const char *pattern)
{
	uint32_t t[DT_PREFIX_TOKENS];
	size_t n = dt__prefix_of(pattern, t), i;
	uint64_t h = HASH_SEED;

	p->sealed = 0;
	if (n == 0) {
		p->all = 1;
		return 0;
	}
	if (keep(p, t, n) < 0) {
		return DT_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		h = step(h, t[i]);
		if (reserve(p) < 0) {
			return DT_ENOMEM;
		}
		put(p, i + 1 == n ? h | KEY_WHOLE : h);
	}
	if (n < 3) {
		p->short_lens |= 1u << (n - 1);
	}
	return 0;
}

/* The next token of the text at *pos (a run of blanks is one), -1 for a
 * character not folded here. */
static inline long next_token(const char *s, size_t len, size_t *pos)
{
	unsigned char b = (unsigned char)s[*pos];
	long f;

	if (b < 0x80) {
		++*pos;
		f = low_fold[b];
	} else {
		f = decode(s, len, pos);
		f = f < 0 ? -1 : fold((uint32_t)f);
	}
	while (f == ' ' && *pos < len) {
		size_t at = *pos;
		long g = decode(s, len, &at);

		if (g < 0 || fold((uint32_t)g) != ' ') {
			break;
		}
		*pos = at;
	}
	return f;
}

/* The whole test, token by token.  The beginnings of one or two tokens
 * are looked up only where a whole prefix that short exists: past them,
 * one lookup of three tokens rules out most of the text. */
static int walk(const dt_prefixes *p, const char *s, size_t len, size_t pos)
{
	uint64_t h = HASH_SEED, e;
	size_t i;

	for (i = 0; i < DT_PREFIX_TOKENS; i++) {
		long f;

		if (pos >= len) {
			return 0; /* too short for any prefix left */
		}
		f = next_token(s, len, &pos);
		if (f < 0) {
			return 1; /* a character not folded here */
		}
		h = step(h, (uint32_t)f);
		if (i < 2 && !(p->short_lens >> i & 1)) {
			continue;
		}
		e = lookup(p, h);
		if (e == 0 || (e & KEY_WHOLE)) {
			return e != 0;
		}
	}
	return 0;
}

/* ## The table of first two bytes
 *
 * Most words begin with two ASCII letters ("th", "ch", "ng") or with a
 * two-byte letter, so one bit per pair of first bytes rules out most of
 * them before anything is decoded.  A bit is set when some text opening
 * with those bytes may pass walk(). */

/* May a character whose UTF-8 opens with byte b be unknown to fold()? */
static int lead_unknown(unsigned b)
{
	uint32_t cp;

	if (b < 0xC2 || b > 0xDF) {
		return b >= 0x80; /* three- and four-byte leads: always */
	}
	for (cp = (b & 0x1Fu) << 6; cp < ((b & 0x1Fu) + 1) << 6; cp++) {
		if (fold(cp) < 0) {
			return 1;
		}
	}
	return 0;
}

/* Does the sequence hashed `h` go on with character cp (or is cp not
 * folded here)? */
static int stem(const dt_prefixes *p, uint64_t h, uint32_t cp)
{
	long f = fold(cp);

	return f < 0 || lookup(p, step(h, (uint32_t)f)) != 0;
}

/* Some character opening with byte b1 continues the one-token beginning
 * hashed `h`. */
static int second_may(const dt_prefixes *p, uint64_t h, unsigned b1)
{
	uint32_t cp;

	if (b1 < 0x80) {
		return stem(p, h, b1);
	}
	if (lead_unknown(b1)) {
		return 1;
	}
	for (cp = (b1 & 0x1Fu) << 6; cp < ((b1 & 0x1Fu) + 1) << 6; cp++) {
		if (stem(p, h, cp)) {
			return 1;
		}
	}
	return 0;
}

static int pair_may(const dt_prefixes *p, unsigned b0, unsigned b1)
{
	uint64_t h, e;
	uint32_t cp, lo;

	if (b0 < 0x80) {
		long f = fold(b0);

		h = step(HASH_SEED, (uint32_t)f);
		e = lookup(p, h);
		/* after a blank, b1 may be another blank of the same token */
		return e != 0 && ((e & KEY_WHOLE) || f == ' ' ||
			second_may(p, h, b1));
	}
	if (b0 < 0xC0) {
		return 0; /* a continuation byte starts no character */
	}
	if (b0 < 0xC2 || b0 > 0xEF || b1 < 0x80 || b1 > 0xBF) {
		return 1; /* four-byte or not UTF-8: not judged here */
	}
	if (b0 < 0xE0) {
		return stem(p, HASH_SEED, (b0 & 0x1Fu) << 6 | (b1 & 0x3Fu));
	}
	lo = (b0 & 0x0Fu) << 12 | (b1 & 0x3Fu) << 6;
	for (cp = lo; cp < lo + 64; cp++) {
		if (stem(p, HASH_SEED, cp)) {
			return 1;
		}
	}
	return 0;
}

/* An ASCII byte \w matches: no "(?<!\w)" match starts after it. */
static int ascii_word(unsigned c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
		(c >= 'a' && c <= 'z') || c == '_';
}

int dt__prefixes_seal(dt_prefixes *p)
{
	unsigned b0, b1;
	int rc;

	if (p->pairs == NULL) {
		p->pairs = dt__calloc(256 * 256 / 8, 1);
		if (p->pairs == NULL) {
			return DT_ENOMEM;
		}
	}
	memset(p->pairs, 0, 256 * 256 / 8);
	for (b0 = 0; b0 < 256; b0++) {
		for (b1 = 0; b1 < 256; b1++) {
			unsigned i = b0 << 8 | b1;

			if ((p->all && (b0 & 0xC0) != 0x80) ||
				pair_may(p, b0, b1)) {
				p->pairs[i >> 3] |= (uint8_t)(1u << (i & 7));
			}
		}
	}
	for (b0 = 0; b0 < 256; b0++) {
		p->word_start[b0] = (uint8_t)!ascii_word(b0);
	}
	rc = dt__prefixes_build_dfa(p);
	p->sealed = rc == 0;
	return rc;
}

int dt__prefixes_walk(const dt_prefixes *p, const char *s, size_t len,
	size_t pos)
{
	return p->all || walk(p, s, len, pos);
}

int dt__prefixes_may_start_slow(const dt_prefixes *p, const char *s,
	size_t len, size_t pos)
{
	const unsigned char *u = (const unsigned char *)s + pos;
	unsigned i;

	assert(p->pairs != NULL && pos < len);
	if (pos + 1 < len) {
		i = (unsigned)u[0] << 8 | u[1];
		if (!(p->pairs[i >> 3] >> (i & 7) & 1)) {
			return 0;
		}
	}
	return dt__prefixes_walk(p, s, len, pos);
}

/* ## Searching with the filter in front */

static int after_word(const dt_prefixes *p, const unsigned char *u,
	size_t q)
{
	return q > 0 && !p->word_start[u[q - 1]];
}

/* Where a test may pass in u[lo..hi) (hi < the text's length): the
 * positions whose two first bytes dt__prefixes_lead2() lets through and,
 * with `word`, that follow no ASCII \w byte (lo > 0), into at[].  No
 * branch on the bytes: a text has a few of these every hundred bytes,
 * at places no predictor guesses.  Their count. */
static size_t gather(const dt_prefixes *p, const unsigned char *u,
	size_t lo, size_t hi, int word, uint32_t *at)
{
	size_t n = 0, q;

	assert(lo > 0 || !word);
	if (!word) {
		for (q = lo; q < hi; q++) {
			at[n] = (uint32_t)q;
			n += (size_t)dt__prefixes_lead2(p, u + q);
		}
		return n;
	}
	for (q = lo; q < hi; q++) {
		at[n] = (uint32_t)q;
		n += (size_t)(dt__prefixes_lead2(p, u + q) &
			p->word_start[u[q - 1]]);
	}
	return n;
}

/* The search at one position q. */
static int try_at(const dt_prefixes *p, const dt_re *anchored, int word,
	const char *s, size_t len, size_t q, size_t *ov, size_t ovn)
{
	if ((word && after_word(p, (const unsigned char *)s, q)) ||
		!dt__prefixes_may_start(p, s, len, q)) {
		return 0;
	}
	return dt__re_match(anchored, s, len, q, ov, ovn);
}

/* Positions gathered at a time (offsets held in 32 bits). */
#define CHUNK 256

int dt__prefixes_search(const dt_prefixes *p, const dt_re *anchored,
	unsigned flags, const char *s, size_t len, size_t from, size_t *ov,
	size_t ovn)
{
	const unsigned char *u = (const unsigned char *)s;
	int word = (flags & DT_PREFIX_WORD_START) != 0, rc = 0;
	uint32_t at[CHUNK];
	size_t q = from;

	assert(p->sealed && len <= UINT32_MAX);
	if (q == 0 && len > 1) { /* no byte before: gather() needs one */
		rc = dt__prefixes_lead2(p, u) ? try_at(p, anchored, 0, s, len,
			0, ov, ovn) : 0;
		q = 1;
	}
	while (rc == 0 && q + 1 < len) {
		size_t hi = q + CHUNK < len - 1 ? q + CHUNK : len - 1;
		size_t n = gather(p, u, q, hi, word, at), i;

		for (i = 0; rc == 0 && i < n; i++) {
			rc = try_at(p, anchored, word, s, len, at[i], ov, ovn);
		}
		q = hi;
	}
	/* the last byte has no pair; no character starts at a
	 * continuation byte */
	if (rc == 0 && q + 1 == len && (u[q] & 0xC0) != 0x80) {
		rc = try_at(p, anchored, word, s, len, q, ov, ovn);
	}
	return rc;
}
