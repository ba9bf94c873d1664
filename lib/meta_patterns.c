/*
 * meta_patterns.c - the patterns metadata extraction reads text with:
 * the word lists (mottos, preamble openers, unit words, end-matter marks,
 * supersession verbs) and the table of patterns built from them, compiled
 * once under pthread_once and read-only after, so any number of threads
 * may extract at once.  dt__meta_run() and dt__meta_at() run them.
 */
#include <pthread.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "meta_internal.h"
#include "prefix.h"

/* ## Data */

/* Fixed top-right header strings (DOMAIN §3.4), blanked before the rest
 * of a header segment is read. */
static const char *const mottos[] = {
	"ĐẢNG\\s+CỘNG\\s+SẢN\\s+VIỆT\\s+NAM",
	"CỘNG\\s+H(?:ÒA|OÀ)\\s+XÃ\\s+HỘI\\s+CHỦ\\s+NGHĨA\\s+VIỆT\\s+NAM",
	"Độc\\s+lập\\s*[-–—]\\s*Tự\\s+do\\s*[-–—]\\s*Hạnh\\s+phúc",
	"РОССИЙСКАЯ\\s+ФЕДЕРАЦИЯ",
};

/* Words that open a preamble line ("- Căn cứ …;", "Thực hiện …"). */
static const char *const preamble_openers[] = {
	"Căn\\s+cứ", "Thực\\s+hiện", "Xét", "Để\\s+cụ\\s+thể\\s+hóa",
	"Để\\s+triển\\s+khai", "В\\s+соответствии\\s+с",
	"На\\s+основании", "Во\\s+исполнение", "Руководствуясь",
	"В\\s+целях\\s+(?:реализации|исполнения)",
};

/* Unit words that, with a number, open a body unit ("Điều 1."). */
static const char *const unit_words[] = {
	"điều", "chương", "phần", "mục", "tiểu\\s+mục", "статья", "глава",
	"раздел", "подраздел", "часть", "article", "chapter", "section",
	"part",
};

/* End matter: the recipients list and signature blocks (DOMAIN §3.4). */
static const char *const recipient_words[] = {
	"Nơi\\s+nhận[ \\t]*:", "Рассылка", "Разослать[ \\t]*:",
};
static const char *const sign_marks[] = {
	"T/M", "TM\\.?", "K/T", "KT\\.?", "T/L", "TL\\.?", "TUQ\\.?", "Q\\.",
};
static const char *const ru_sign_words[] = {
	"Председатель", "Секретарь", "Губернатор", "Мэр", "Министр",
	"Руководитель", "Директор",
};

/* An appendix after the signature is body again. */
/* What opens an attachment after the signature: an appendix, or the
 * approval stamp of a plan approved by the document ("УТВЕРЖДЕН
 * приказом …", "Ban hành kèm theo Quyết định …"). */
static const char *const appendix_words[] = {
	"PHỤ\\s+LỤC", "ПРИЛОЖЕНИЕ", "УТВЕРЖД[ЕЁ]Н\\p{L}?",
	"\\(?\\s*BAN\\s+HÀNH\\s+KÈM\\s+THEO",
};

/* Supersession verbs, and on which side of each the superseded document
 * is named (dt__meta_verb_sides[i] belongs to verb_words[i]). */
static const char *const verb_words[] = {
	"thay\\s+thế", "bãi\\s+bỏ", "hết\\s+hiệu\\s+lực",
	"утратившими?\\s+силу", "утрачива(?:ет|ют)\\s+силу",
	"утратил[аои]?\\s+силу",
};
const int dt__meta_verb_sides[] = {
	SIDE_AFTER, SIDE_AFTER, SIDE_BEFORE, SIDE_BOTH, SIDE_BEFORE,
	SIDE_BEFORE,
};
_Static_assert(sizeof(verb_words) / sizeof(verb_words[0]) ==
	sizeof(dt__meta_verb_sides) / sizeof(dt__meta_verb_sides[0]),
	"one side per verb");

/* dt__meta_verb_marks() knows these six verbs by a few bytes each: a
 * new verb must teach it its own (see there). */
_Static_assert(sizeof(verb_words) / sizeof(verb_words[0]) == 6,
	"dt__meta_verb_marks() covers every verb");

/* What may stand between a supersession verb and the document it names:
 * "thay thế các …", "bãi bỏ khoản 2 Điều 5 của …", "пункт 3 …". */
static const char *const gap_words[] = {
	"điểm", "khoản", "điều", "mục", "tiểu\\s+mục", "chương", "phần",
	"пункт\\w{0,2}", "подпункт\\w{0,2}", "стать\\w{1,2}", "глав\\w{1,2}",
	"раздел\\w{0,2}",
};

/* ## Patterns */

#define WORDS(a) a, sizeof(a) / sizeof(a[0])

/* A pattern is head, then each word as a capture group joined by "|",
 * then tail. */
static const struct {
	const char *head;
	const char *const *words;
	size_t nwords;
	const char *tail;
	unsigned flags;
} specs[RE_COUNT] = {
	[RE_NUMBERED] = { "(?i:", WORDS(unit_words),
		")\\s+[\\dIVXLCivxlc]{1,8}(?!\\p{L})"
		"|[IVXLC]{1,7}[ \\t]*[.\\-–)]"
		"|\\d{1,3}(?:\\.\\d{1,3}){0,5}[ \\t]*[.\\-–)](?=\\s|$)"
		"|\\d{1,3}(?:\\.\\d{1,3}){1,5}(?=\\s)"
		"|[a-zđ]\\)|[а-яё]\\)|\\([a-zđ\\d]{1,3}\\)", DT_RE_ANCHORED },
	[RE_UNIT] = { "(?i:", WORDS(unit_words),
		")\\s+[\\dIVXLCivxlc]{1,8}(?!\\p{L})"
		"|[IVXLC]{1,7}[ \\t]*[.\\-–)]", DT_RE_ANCHORED },
	[RE_PREAMBLE] = { "(?:[-+•–*][ \\t]*)?(?:", WORDS(preamble_openers),
		")(?!\\w)", DT_RE_CASELESS | DT_RE_ANCHORED },
	[RE_MOTTO] = { "(?:", WORDS(mottos), ")", DT_RE_CASELESS },
	[RE_SO] = { "s[ốổo][ \\t]*:?[ \\t]*", NULL, 0, "",
		DT_RE_CASELESS | DT_RE_ANCHORED },
	[RE_PLACE] = { "((?:(?:TP|Tp|Thành\\s+phố)\\.?[ \\t]*)?"
		"\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?"
		"(?:[ \\t]+\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?){0,4})"
		"[ \\t]*,?[ \\t]*$", NULL, 0, "", 0 },
	[RE_RU_PLACE] = { "г\\.[ \\t]*(\\p{Lu}[\\p{L}\\-]*"
		"(?:[ \\t]+\\p{Lu}[\\p{L}\\-]*){0,2})[ \\t]*$", NULL, 0, "",
		DT_RE_ANCHORED },
	[RE_LETTER] = { "\\p{L}", NULL, 0, "", 0 },
	[RE_LOWER] = { "\\p{Ll}", NULL, 0, "", 0 },
	[RE_LOWER_AT] = { "\\p{Ll}", NULL, 0, "", DT_RE_ANCHORED },
	[RE_UPPER] = { "\\p{Lu}", NULL, 0, "", DT_RE_ANCHORED },
	[RE_TITLE_START] = { "(?:о|об|về|v/v)(?!\\p{L})", NULL, 0, "",
		DT_RE_CASELESS | DT_RE_ANCHORED },
	[RE_STAMP] = { "утвержд[её]н\\w{0,2}(?!\\w)", NULL, 0, "",
		DT_RE_CASELESS | DT_RE_ANCHORED },
	[RE_NOTE] = { "\\((?:ban\\s+hành\\s+)?kèm\\s+theo|\\(утвержд", NULL,
		0, "", DT_RE_CASELESS | DT_RE_ANCHORED },
	[RE_RECIP] = { "(?:", WORDS(recipient_words), ")",
		DT_RE_CASELESS | DT_RE_ANCHORED },
	[RE_SIGN] = { "(?:", WORDS(sign_marks), ")[ \\t]*\\p{Lu}",
		DT_RE_ANCHORED },
	[RE_RU_SIGN] = { "(?:", WORDS(ru_sign_words), ")(?!\\w)",
		DT_RE_ANCHORED },
	[RE_APPENDIX] = { "(?:", WORDS(appendix_words), ")(?!\\p{L})",
		DT_RE_CASELESS | DT_RE_ANCHORED },
	[RE_VERB] = { "(?<!\\w)(?:", WORDS(verb_words), ")(?!\\w)",
		DT_RE_CASELESS },
	/* RE_VERB anchored: run where a verb's beginning stands */
	[RE_VERB_AT] = { "(?<!\\w)(?:", WORDS(verb_words), ")(?!\\w)",
		DT_RE_CASELESS | DT_RE_ANCHORED },
	[RE_GAP] = { "[\\s:,]*(?:(?:các|toàn\\s+bộ|một\\s+số"
		"|следующ\\w{1,3})\\s+)?(?:(?:", WORDS(gap_words),
		")\\s+[\\p{L}\\d.]{1,8}[\\s,]*(?:(?:và|и|của|tại)\\s+)?){0,6}",
		DT_RE_CASELESS | DT_RE_ANCHORED },
};

static dt_re *re[RE_COUNT];
/* Where a verb may begin: a search for RE_VERB runs RE_VERB_AT only
 * there.  The verb pattern is tried at every character, and most text
 * begins with its first letters (t, h, b); the beginnings "thay thế",
 * "bãi bỏ", "hết hiệ" rule out nearly all of them for less than the
 * pattern costs. */
static dt_prefixes *verb_starts;
static int re_status;
static pthread_once_t re_once = PTHREAD_ONCE_INIT;

static int build(dt_buf *b, size_t k)
{
	size_t i;
	int rc = dt__buf_append(b, specs[k].head, strlen(specs[k].head));

	for (i = 0; rc == 0 && i < specs[k].nwords; i++) {
		const char *w = specs[k].words[i];

		rc = dt__buf_printf(b, "%s(%s)", i ? "|" : "", w);
	}
	if (rc == 0) {
		rc = dt__buf_append(b, specs[k].tail, strlen(specs[k].tail));
	}
	return rc;
}

static void re_compile(void)
{
	size_t k;
	int rc = 0;

	for (k = 0; rc == 0 && k < RE_COUNT; k++) {
		dt_buf b;

		dt__buf_init(&b, 8192);
		rc = build(&b, k);
		if (rc == 0) {
			rc = dt__re_compile(&re[k], b.data, specs[k].flags,
				NULL);
		}
		dt__buf_dispose(&b);
	}
	rc = rc == 0 ? dt__prefixes_new(&verb_starts) : rc;
	for (k = 0; rc == 0 && k < sizeof(verb_words) /
		sizeof(verb_words[0]); k++) {
		rc = dt__prefixes_add(verb_starts, verb_words[k]);
	}
	rc = rc == 0 ? dt__prefixes_seal(verb_starts) : rc;
	re_status = rc < 0 ? DT_ERROR : 0;
}

int dt__meta_patterns_init(void)
{
	pthread_once(&re_once, re_compile);
	return re_status;
}

int dt__meta_run(int which, const char *s, size_t len, size_t from,
	size_t *ov, size_t ovn)
{
	int rc;

	if (from > len) {
		return 0;
	}
	rc = which == RE_VERB ? dt__prefixes_search(verb_starts,
		re[RE_VERB_AT], DT_PREFIX_WORD_START, s, len, from, ov, ovn) :
		dt__re_match(re[which], s, len, from, ov, ovn);
	dt__re_unset_rest(rc, ov, ovn);
	return rc;
}

const dt_re *dt__meta_re(int which)
{
	return re[which];
}

int dt__meta_at(int which, const char *s, size_t len, size_t pos,
	size_t *end)
{
	size_t ov[2];
	int rc = dt__meta_run(which, s, len, pos, ov, 1);

	if (rc > 0 && end != NULL) {
		*end = ov[1];
	}
	return rc > 0 ? 1 : rc;
}

/* Bytes of a caseless letter: lower or upper case, as PCRE2 (UCP) folds
 * it.  The letters used below have no third case form. */
static int ascii_is(unsigned char c, char lower)
{
	return (c | 0x20) == (unsigned char)lower;
}

/* u[i] is the last byte of "у"/"У" (D1 83 / D0 A3): is it the end of
 * "илу" in any case (И D0 98, и D0 B8, Л D0 9B, л D0 BB), which "силу"
 * of every Russian verb holds? */
static int ru_ilu(const unsigned char *u, size_t i)
{
	return i >= 5 && u[i - 1] == (u[i] == 0x83 ? 0xD1 : 0xD0) &&
		u[i - 3] == 0xD0 && (u[i - 2] == 0xBB || u[i - 2] == 0x9B) &&
		u[i - 5] == 0xD0 && (u[i - 4] == 0xB8 || u[i - 4] == 0x98);
}

/* u[i] is the last byte of "ế"/"Ế" (E1 BA BF/BE): is it "hế" as in "thế"
 * (a 't' before) or "hết" (a 't' after)? */
static int vi_he(const unsigned char *u, size_t len, size_t i)
{
	return i >= 3 && u[i - 1] == 0xBA && u[i - 2] == 0xE1 &&
		ascii_is(u[i - 3], 'h') && ((i >= 4 && ascii_is(u[i - 4], 't')) ||
		(i + 1 < len && ascii_is(u[i + 1], 't')));
}

/* u[i] is the last byte of "ỏ"/"Ỏ" (E1 BB 8F/8E): is it "bỏ"? */
static int vi_bo(const unsigned char *u, size_t i)
{
	return i >= 3 && u[i - 1] == 0xBB && u[i - 2] == 0xE1 &&
		ascii_is(u[i - 3], 'b');
}

/* Does a verb's mark end at u[i], a last byte of ế, ỏ or у in either
 * case? */
static int mark_at(const unsigned char *u, size_t len, size_t i)
{
	switch (u[i]) {
	case 0xBF:
	case 0xBE:
		return vi_he(u, len, i);
	case 0x8F:
	case 0x8E:
		return vi_bo(u, i);
	case 0x83:
	case 0xA3:
		return ru_ilu(u, i);
	default:
		return 0;
	}
}

#define ONES 0x0101010101010101u
#define HIGHS 0x8080808080808080u

/* The 8 bytes at u, u[0] lowest, whatever the machine's byte order:
 * one load where it is little-endian (the test folds away). */
static uint64_t load_le(const unsigned char *u)
{
	static const union {
		uint16_t word;
		unsigned char byte[2];
	} probe = { 1 };
	uint64_t v;
	size_t k;

	if (probe.byte[0] == 1) {
		memcpy(&v, u, sizeof(v));
		return v;
	}
	for (v = 0, k = 0; k < 8; k++) {
		v |= (uint64_t)u[k] << (8 * k);
	}
	return v;
}

/* The high bit of every zero byte of x (and maybe of a few more): the
 * classic test never misses one. */
static uint64_t zeros(uint64_t x)
{
	return (x - ONES) & ~x & HIGHS;
}

/* Byte pairs of v (byte k and k + 1) that may be the last two bytes of
 * a mark's letter: BA BF/BE (ế Ế), BB 8F/8E (ỏ Ỏ), D1 83 / D0 A3 (у У);
 * flagged on the second byte.  One pair is about one in a hundred of
 * Vietnamese or Russian text, where each of its bytes alone is common
 * (BB in ệ, BF in п). */
static uint64_t pairs(uint64_t v)
{
	uint64_t odd = v | ONES;
	uint64_t vi1 = zeros(odd ^ (ONES * 0xBB));
	uint64_t vi2 = zeros(odd ^ (ONES * 0xBF)) | zeros(odd ^ (ONES * 0x8F));
	uint64_t ru1 = zeros(odd ^ (ONES * 0xD1));
	uint64_t ru2 = zeros((v | (ONES * 0x20)) ^ (ONES * 0xA3));

	return (vi1 << 8 & vi2) | (ru1 << 8 & ru2);
}

/* The portable scan: windows of 8 bytes 7 apart, so that every pair of
 * neighbouring bytes lies in one; mark_at() looks only where pairs()
 * flags the last bytes of ế, ỏ or у. */
int dt__meta_verb_marks_portable(const char *t, size_t len)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t i = 0, k;

	for (; i + 8 <= len; i += 7) {
		uint64_t m = pairs(load_le(u + i));

		for (k = 1; m != 0 && k < 8; k++) {
			if ((m >> (8 * k + 7) & 1) && mark_at(u, len, i + k)) {
				return 1;
			}
		}
	}
	/* the last window ended at i + 7: its bytes were second bytes */
	for (k = i + 1; k < len; k++) {
		if (mark_at(u, len, k)) {
			return 1;
		}
	}
	return 0;
}

#ifdef __SSE2__
/* Byte k of x (k < 16) is one of the pair c, c ^ flip: bit k. */
static unsigned eq16(__m128i x, unsigned char c, unsigned char flip)
{
	__m128i y = _mm_or_si128(x, _mm_set1_epi8((char)flip));

	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(y,
		_mm_set1_epi8((char)(c | flip))));
}

/* The pairs of pairs() in 16 bytes at once: bit k of the result flags
 * byte k as a second byte (carry bit 0: byte -1 may be a Vietnamese
 * first byte, bit 1 a Russian one; on return, those of byte 15). */
static unsigned pairs16(const unsigned char *u, unsigned *carry)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)u);
	unsigned vi1 = eq16(x, 0xBA, 0x01), ru1 = eq16(x, 0xD0, 0x01);
	unsigned vi2 = eq16(x, 0xBE, 0x01) | eq16(x, 0x8E, 0x01);
	unsigned ru2 = eq16(x, 0x83, 0x20);
	unsigned m = (((vi1 << 1) | (*carry & 1)) & vi2) |
		(((ru1 << 1) | (*carry >> 1)) & ru2);

	*carry = (vi1 >> 15 & 1) | (ru1 >> 15 & 1) << 1;
	return m;
}
#endif

/* Every RE_VERB match holds one of these marks, in any case (PCRE2 knows
 * no third case form of their letters): "thế" ("thay thế"), "hết" ("hết
 * hiệu lực"), "bỏ" ("bãi bỏ"), "илу" ("силу").  A cheap test of byte
 * pairs finds where one may end (about one byte in a hundred of
 * Vietnamese or Russian text; each byte of a pair alone is common), and
 * mark_at() looks closer there.  With SSE2, 16 bytes take some twenty
 * instructions, where the verb search spends twenty a byte. */
int dt__meta_verb_marks(const char *t, size_t len)
{
#ifdef __SSE2__
	const unsigned char *u = (const unsigned char *)t;
	unsigned carry = 0;
	size_t i = 0, k;

	for (; i + 16 <= len; i += 16) {
		unsigned m = pairs16(u + i, &carry);

		for (k = 0; m != 0; k++, m >>= 1) {
			if ((m & 1) && mark_at(u, len, i + k)) {
				return 1;
			}
		}
	}
	for (k = i; k < len; k++) {
		if (mark_at(u, len, k)) {
			return 1;
		}
	}
	return 0;
#else
	return dt__meta_verb_marks_portable(t, len);
#endif
}
