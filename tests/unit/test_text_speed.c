/*
 * test_text_speed.c - the text layer's fast paths against the slow paths
 * they replaced (test_text_speed_ref.c), on generated text: ASCII,
 * Vietnamese precomposed and decomposed in both tone styles, Russian,
 * characters the NFC quick check must stop at, at every offset across
 * the fast paths' block boundaries.  A fast path that differs from its
 * reference on any input fails here.
 */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "test_text_speed_ref.h"
#include "text_scan.h"

/* ## Deterministic text */

static uint64_t rng = 88172645463325252ull;

static unsigned pick(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

#define PICK(a) (a[pick(sizeof(a) / sizeof(a[0]))])

/* clang-format off */
static const char *const onsets[] = {
	"", "", "b", "c", "ch", "d", "đ", "Đ", "g", "gh", "gi", "h", "k",
	"kh", "l", "m", "n", "ng", "nh", "p", "ph", "q", "qu", "Qu", "QU",
	"r", "s", "t", "th", "tr", "v", "x", "H", "TH", "KH", "ngh", "a",
	"ư", "hh", "khkh", "bbbbbb", "ngngng", "đđđđđ", "bbbbbbb", "Qqu",
};
static const char *const finals[] = {
	"", "", "", "", "n", "ng", "c", "ch", "t", "m", "p", "nh", "i", "o",
	"a", "y",
};
static const char *const others[] = {
	"ư", "ơ", "â", "ê", "ô", "ă", "i", "ươ", "iê", "uô", "ạ", "ế", "ộ",
	"ữ", "ì", "ậ", "ặ", "ỗ",
};
static const char *const seps[] = {
	" ", " ", " ", "  ", ", ", ".", "\n", "-", "×", "÷", "“", "”", "1",
	"0", "_", "/", "(", ")", "»", "\t", "\u00A0", "…",
};
/* Code points the NFC check must look at (or that look like them). */
static const char *const specials[] = {
	"\u0301", "\u0323", "\u0302", "\u0308", "\u0309", "\u031B",
	"\u0300\u0323", "\u0323\u0300", "\u2116", "\u2126", "\u212B",
	"\u1F71", "\u1161", "\uAC00", "\U0001F600", "\u0344", "\u0958",
	"\u2ADC", "\U0001D15E", "\uFEFF", "\u0483", "\u0489", "\u05B0",
	"\u0E48", "\u3099", "\u00C5", "A\u030A", "\u0340", "\u0374",
	"\u037E", "\u0387", "\U0002F800", "\u0F73", "\u1E9B\u0323",
	"\u0591", "\u05C4", "\u0E49", "\u0EB8",
	"e\u0308", "\u0451", "\u0419", "\u0439", "\u0418\u0306",
};
static const char *const russian[] = {
	"Статья", "пункт", "подпункт", "органы", "власти", "ёлка",
	"Министерство", "№", "«", "»", "—", "і", "ї", "ў",
};

/* A tone of a vowel, as NFC or (decomposed) NFD, from `vowels`. */
static const char *const tone_marks[] = {
	"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323",
};
static const char *const toned[5][2][6] = {
	{ { "a", "à", "á", "ả", "ã", "ạ" }, { "A", "À", "Á", "Ả", "Ã", "Ạ" } },
	{ { "e", "è", "é", "ẻ", "ẽ", "ẹ" }, { "E", "È", "É", "Ẻ", "Ẽ", "Ẹ" } },
	{ { "o", "ò", "ó", "ỏ", "õ", "ọ" }, { "O", "Ò", "Ó", "Ỏ", "Õ", "Ọ" } },
	{ { "u", "ù", "ú", "ủ", "ũ", "ụ" }, { "U", "Ù", "Ú", "Ủ", "Ũ", "Ụ" } },
	{ { "y", "ỳ", "ý", "ỷ", "ỹ", "ỵ" }, { "Y", "Ỳ", "Ý", "Ỷ", "Ỹ", "Ỵ" } },
};
static const char *const bare[5][2] = {
	{ "a", "A" }, { "e", "E" }, { "o", "O" }, { "u", "U" }, { "y", "Y" },
};
/* clang-format on */

static void put(char *b, size_t cap, size_t *n, const char *s)
{
	size_t k = strlen(s);

	if (*n + k < cap) {
		memcpy(b + *n, s, k);
		*n += k;
	}
	b[*n] = '\0';
}

/* A vowel with tone t; decomposed now and then when `nfd`. */
static void put_vowel(
	char *b, size_t cap, size_t *n, int v, int up, int t, int nfd)
{
	if (nfd && t > 0 && pick(4) == 0) {
		put(b, cap, n, bare[v][up]);
		put(b, cap, n, tone_marks[t]);
	} else {
		put(b, cap, n, toned[v][up][t]);
	}
}

/* One word: mostly onset + oa/oe/uy with a tone on either vowel (or on
 * neither or both) + maybe a final; else another Vietnamese syllable,
 * a Russian word, a special code point or plain ASCII. */
static void put_word(char *b, size_t cap, size_t *n, int nfd)
{
	static const int pairs[3][2] = {{2, 0}, {2, 1}, {3, 4}};
	unsigned kind = pick(10);
	int up = pick(3) == 0;

	if (kind < 6) {
		const int *p = pairs[pick(3)];
		int t1 = (int)pick(6), t2 = (int)pick(6);

		if (pick(3) > 0) {
			*(pick(2) ? &t1 : &t2) = 0;
		}
		put(b, cap, n, PICK(onsets));
		put_vowel(b, cap, n, p[0], up, t1, nfd);
		put_vowel(b, cap, n, p[1], pick(4) ? up : !up, t2, nfd);
		if (pick(3) == 0) {
			put(b, cap, n, PICK(finals));
		}
	} else if (kind == 6) {
		put(b, cap, n, PICK(onsets));
		put(b, cap, n, PICK(others));
		put(b, cap, n, PICK(finals));
	} else if (kind == 7) {
		put(b, cap, n, PICK(russian));
	} else if (kind == 8) {
		put(b, cap, n, nfd ? PICK(specials) : "Điều");
	} else {
		put(b, cap, n, pick(2) ? "Resolution" : "khoan");
	}
}

/* Text of up to cap - 1 bytes: words and separators. */
static size_t gen_text(char *b, size_t cap, size_t words, int nfd)
{
	size_t n = 0, i;

	b[0] = '\0';
	for (i = 0; i < words; i++) {
		put_word(b, cap, &n, nfd);
		if (pick(5) > 0) {
			put(b, cap, &n, PICK(seps));
		}
	}
	return n;
}

/* ## NFC quick check */

static void expect_nfc_quick(const char *s, size_t len)
{
	cr_assert_eq(!!dt__nfc_quick(s, len), !!ref_nfc_quick(s, len),
		"nfc quick check differs on \"%.*s\"", (int)len, s);
}

Test(text_speed, nfc_quick_check_agrees_with_icu_on_generated_text)
{
	char b[4096];
	int round;

	for (round = 0; round < 3000; round++) {
		size_t len = gen_text(b, sizeof(b), 1 + pick(60), round & 1);

		expect_nfc_quick(b, len);
	}
}

Test(text_speed, nfc_quick_check_stops_at_a_mark_at_every_offset)
{
	static const char *const pads[] = {"a", "ệ", "д", "\u2116", "\u1EA0"};
	char b[256];
	size_t p, off, s;

	for (p = 0; p < 5; p++) {
		for (s = 0; s < sizeof(specials) / sizeof(specials[0]); s++) {
			for (off = 0; off < 40; off++) {
				size_t n = 0, k;

				b[0] = '\0';
				for (k = 0; k < off; k++) {
					put(b, sizeof(b), &n, pads[p]);
				}
				put(b, sizeof(b), &n, specials[s]);
				put(b, sizeof(b), &n, off & 1 ? "x" : "");
				expect_nfc_quick(b, n);
				/* and without the text's last byte */
				expect_nfc_quick(b, n - 1);
			}
		}
	}
}

Test(text_speed, nfc_quick_check_agrees_on_pairs_of_special_characters)
{
	static const char *const between[] = {"", "a", "ệ", "д", "\u2116"};
	size_t i, j, k;

	for (i = 0; i < sizeof(specials) / sizeof(specials[0]); i++) {
		for (j = 0; j < sizeof(specials) / sizeof(specials[0]); j++) {
			for (k = 0; k < 5; k++) {
				char b[64];

				snprintf(b, sizeof(b), "%s%s%s", specials[i],
					between[k], specials[j]);
				expect_nfc_quick(b, strlen(b));
			}
		}
	}
}

Test(text_speed, nfc_quick_check_agrees_on_every_bmp_code_point_pair)
{
	uint32_t c;

	for (c = 0x80; c < 0x10000; c += 1) {
		char b[16];
		size_t n = dt__utf8_encode(c, b);

		if (c >= 0xD800 && c < 0xE000) {
			continue;
		}
		/* before a mark of class 230, then after a letter */
		n += dt__utf8_encode(0x301, b + n);
		expect_nfc_quick(b, n);
		n = dt__utf8_encode('a', b);
		n += dt__utf8_encode(c, b + n);
		expect_nfc_quick(b, n);
	}
}

/* ## Plain UTF-8 in one pass (utf8.c dt__utf8_plain) */

/* Its definition, code point by code point through ICU: at least two
 * bytes, no BOM, valid UTF-8 of BMP code points with NFC quick check Yes
 * and combining class 0, none of them NUL or CR. */
static int ref_plain(const char *s, size_t len)
{
	size_t i = 0;

	if (len < 2 || (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)) {
		return 0;
	}
	while (i < len) {
		uint32_t c;
		size_t n = dt__utf8_decode(
			(const unsigned char *)s + i, len - i, &c);

		if (n == 0 || c == 0 || c == '\r' || c >= 0x10000 ||
			u_getCombiningClass((UChar32)c) != 0 ||
			u_getIntPropertyValue((UChar32)c,
				UCHAR_NFC_QUICK_CHECK) != UNORM_YES) {
			return 0;
		}
		i += n;
	}
	return 1;
}

static void expect_plain(const char *s, size_t len)
{
	cr_assert_eq(!!dt__utf8_plain(s, len), ref_plain(s, len),
		"plain check differs on %zu bytes \"%.*s\"", len, (int)len, s);
}

Test(text_speed, plain_check_agrees_with_icu_on_generated_text)
{
	char b[4096];
	int round;

	for (round = 0; round < 4000; round++) {
		size_t len = gen_text(b, sizeof(b), 1 + pick(60), round & 1);
		size_t cut = len ? pick((unsigned)len) : 0;

		expect_plain(b, len);
		expect_plain(b + cut, len - cut); /* any start, any split */
	}
}

/* Every byte value at every position of texts up to 40 bytes (so at
 * both halves of the scan, at its split and at the last byte). */
Test(text_speed, plain_check_agrees_on_every_byte_at_every_position)
{
	static const char *const bases[] = {
		"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
		"Điều 1. Quyết định “này” – có hiệu lực.",
		"Статья 5 — № 12 «о порядке» ё",
		"\357\273\277abcdefghijklmnopqrstuvwxyz", /* a BOM */
	};
	size_t k, len, pos;
	unsigned v;

	for (k = 0; k < sizeof(bases) / sizeof(bases[0]); k++) {
		size_t blen = strlen(bases[k]);

		for (len = 0; len <= blen && len <= 40; len++) {
			for (pos = 0; pos < len; pos++) {
				for (v = 0; v < 256; v++) {
					char b[64];

					memcpy(b, bases[k], len);
					b[pos] = (char)v;
					expect_plain(b, len);
				}
			}
		}
	}
}

Test(text_speed, plain_check_agrees_on_every_bmp_code_point)
{
	uint32_t c;

	for (c = 1; c < 0x10000; c++) {
		char b[16];
		size_t n;

		if (c >= 0xD800 && c < 0xE000) {
			continue;
		}
		n = dt__utf8_encode('a', b);
		n += dt__utf8_encode(c, b + n);
		n += dt__utf8_encode(c & 1 ? 'b' : 0x1EA1, b + n);
		expect_plain(b, n);
		expect_plain(b + 1, n - 1);
	}
}

/* ## Tone placement */

static char *tone_with(int (*fn)(dt_buf *, const char *, size_t, dt_tone),
	const char *s, size_t len, dt_tone tone, size_t *out_len)
{
	dt_buf b;

	dt__buf_init(&b, 0);
	cr_assert_eq(fn(&b, s, len, tone), 0);
	cr_assert_eq(dt__buf_reserve(&b, 0), 0);
	return dt__buf_detach(&b, out_len);
}

static void expect_tone(const char *s, size_t len, dt_tone tone)
{
	size_t flen, rlen, first = dt__tone_first(s, len, tone);
	char *fast = tone_with(dt__tone_apply, s, len, tone, &flen);
	char *ref = tone_with(ref_tone_apply, s, len, tone, &rlen);

	cr_assert(flen == rlen && memcmp(fast, ref, rlen) == 0,
		"tone %d differs on \"%.*s\":\n%s\nwant\n%s", (int)tone,
		(int)len, s, fast, ref);
	/* dt__tone_first: everything before it is unchanged, and at it the
	 * text changes (or nothing does) */
	cr_assert(first <= len && first <= rlen && memcmp(s, ref, first) == 0);
	if (first == len) {
		cr_assert(rlen == len && memcmp(s, ref, len) == 0,
			"tone_first missed a change in \"%.*s\"", (int)len, s);
	} else {
		size_t k = first;

		while (k < len && k < rlen && s[k] == ref[k]) {
			k++;
		}
		cr_assert(k < len || k < rlen);
		/* the first changed byte is inside the word that starts at
		 * `first` (at most 8 letters of 3 bytes) */
		cr_assert_lt(k - first, 8 * 3, "tone_first %zu, change at %zu",
			first, k);
	}
	dt__free(fast);
	dt__free(ref);
}

Test(text_speed, tone_placement_agrees_with_the_word_by_word_pass)
{
	char b[2048];
	int round;

	for (round = 0; round < 6000; round++) {
		size_t len = gen_text(b, sizeof(b), 1 + pick(30), round & 1);

		expect_tone(b, len, DT_TONE_NEW);
		expect_tone(b, len, DT_TONE_OLD);
		expect_tone(b, len, DT_TONE_KEEP);
	}
}

Test(text_speed, tone_placement_agrees_at_text_edges_and_on_long_words)
{
	/* clang-format off */
	static const char *const cases[] = {
		"hoà", "hòa", "oà", "òa", "uỷ", "ủy", "quỷ", "QUỶ", "khoẻ",
		"hoàhoà", "bbbbbbhoà", "bbbbbbbhoà", "bbbbbhoà", "đđđđđđoà",
		"ngngnghoà", "1hoà", "hoà1", "hoà×", "×hoà", "\u0301hoà",
		"hoà\u0301", "ho\u0300a", "xhòa", "hòax", "thủy.", "(Thủy)",
		"ĐOẠ", "Uỷ", "uÝ", "Oà", "oÀ", "ò", "à", "o", "",
		" bbbbbhoà", "x bbbbbhoà", " bbbbbbhoà", " bbbbhoà",
		" bbbbbhòa", "x bbbbbhòa", " bbbbbbhòa", " đđđđđđoà",
		"hoà hòa hoà", "ủy ban, hoà bình; khỏe", "ĕhoà", "ǿhoà",
		"ђhoà", "ɏhoà", "ḁhoà", "\u1EFFhoà", "\u1F00hoà",
	};
	/* clang-format on */
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		expect_tone(cases[i], strlen(cases[i]), DT_TONE_NEW);
		expect_tone(cases[i], strlen(cases[i]), DT_TONE_OLD);
	}
}

Test(text_speed, tone_placement_agrees_at_every_offset_of_the_scan)
{
	static const char *const pads[] = {"x", "ệ", " ", "đ", "ó"};
	static const char *const words[] = {
		"hoà", "hòa", "thuỷ", "thủy", "khoẽ", "khõe", "của", "hoàn"};
	size_t p, w, off;

	for (p = 0; p < sizeof(pads) / sizeof(pads[0]); p++) {
		for (w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
			for (off = 0; off < 24; off++) {
				char b[256];
				size_t n = 0, k;

				b[0] = '\0';
				for (k = 0; k < off; k++) {
					put(b, sizeof(b), &n, pads[p]);
				}
				put(b, sizeof(b), &n, off % 3 ? " " : "");
				put(b, sizeof(b), &n, words[w]);
				put(b, sizeof(b), &n, off % 2 ? "." : "");
				expect_tone(b, n, DT_TONE_NEW);
				expect_tone(b, n, DT_TONE_OLD);
			}
		}
	}
}

/* The scan for candidate pairs goes sixteen and eight bytes at a time
 * (pairs16(), pairs8()): every code point of the scripts and marks it
 * must see or skip (ASCII, Latin, combining marks, Cyrillic, the
 * Vietnamese block, three-byte punctuation), at every byte offset before
 * and after a word to rewrite, so each lands at every lane and at the
 * text's end. */
Test(text_speed, tone_scan_agrees_for_every_code_point_at_every_lane)
{
	static const uint32_t ranges[][2] = {
		{0x01, 0x7F}, {0x80, 0x24F}, {0x300, 0x36F}, {0x400, 0x45F},
		{0x1E00, 0x1EFF}, {0x2010, 0x2030},
	};
	static const char *const words[] = {"hoà", "hòa", "Thuỷ", "khõe"};
	size_t r, w, off;
	uint32_t c;

	for (r = 0; r < sizeof(ranges) / sizeof(ranges[0]); r++) {
		for (c = ranges[r][0]; c <= ranges[r][1]; c++) {
			for (w = 0; w < 4; w++) {
				for (off = 0; off < 20; off += 1 + (c & 1)) {
					char b[128];
					size_t n = 0, k;

					for (k = 0; k < off; k++) {
						b[n++] = k % 5 ? 'x' : ' ';
					}
					n += dt__utf8_encode(c, b + n);
					memcpy(b + n, words[w], strlen(words[w]));
					n += strlen(words[w]);
					n += dt__utf8_encode(c, b + n);
					expect_tone(b, n, DT_TONE_NEW);
					expect_tone(b, n, DT_TONE_OLD);
					expect_tone(b + off, n - off, DT_TONE_NEW);
				}
			}
		}
	}
}

/* ## The whole decode */

static void expect_decode(const char *s, size_t len, dt_tone tone)
{
	dt_text_opts o = DT_TEXT_OPTS_INIT;
	dt_text *t = NULL;
	dt_error err = {0};
	char *raw = NULL;
	size_t raw_len = 0, *starts = NULL, nlines = 0, k, line;
	dt_encoding enc;
	dt_buf want;
	int rc;

	o.tone = tone;
	rc = dt_text_decode(&t, s, len, &o, &err);
	if (dt__decode(&raw, &raw_len, &enc, s, len, DT_ENC_AUTO, NULL) < 0 ||
		memchr(raw, '\0', raw_len) != NULL) {
		cr_assert_lt(rc, 0);
		dt__free(raw);
		return;
	}
	cr_assert_eq(rc, 0, "%s", err.message);
	dt__buf_init(&want, 0);
	cr_assert_eq(
		ref_normalize(&want, &starts, &nlines, raw, raw_len, tone), 0);
	cr_assert(dt_text_len(t) == want.len &&
			  memcmp(dt_text_data(t), want.data, want.len) == 0,
		"decode differs on \"%.*s\":\n%s\nwant\n%s", (int)len, s,
		dt_text_data(t), want.data);
	cr_assert_eq(dt_text_data(t)[dt_text_len(t)], '\0');
	cr_assert_eq(dt_text_line_count(t), nlines);
	cr_assert_eq(dt_text_encoding(t), enc);
	for (k = 0, line = 1; k <= want.len; k++) {
		while (line < nlines && starts[line] <= k) {
			line++;
		}
		cr_assert_eq(dt_text_line(t, k), line, "offset %zu", k);
	}
	dt__free(starts);
	dt__free(raw);
	dt__buf_dispose(&want);
	dt_text_free(t);
}

/* Line breaks of every kind, NFD now and then, a BOM. */
static size_t gen_lines(char *b, size_t cap, int nfd)
{
	/* clang-format off */
	static const char *const breaks[] = {
		"\n", "\n", "\n\n", "\r\n", "\r", "\n\r", "",
	};
	/* clang-format on */
	size_t n = 0, lines = pick(6), i;

	b[0] = '\0';
	if (pick(10) == 0) {
		put(b, cap, &n, "\xEF\xBB\xBF");
	}
	for (i = 0; i < lines; i++) {
		char w[512];

		gen_text(w, sizeof(w), pick(12), nfd && pick(3) == 0);
		put(b, cap, &n, w);
		put(b, cap, &n, PICK(breaks));
	}
	return n;
}

Test(text_speed, decode_agrees_with_the_line_by_line_pass)
{
	char b[4096];
	int round;

	for (round = 0; round < 3000; round++) {
		size_t len = gen_lines(b, sizeof(b), round & 1);

		expect_decode(b, len, (dt_tone)(round % 3));
	}
}

Test(text_speed, decode_agrees_with_a_bad_byte_at_every_position)
{
	/* clang-format off */
	static const unsigned char bad[] = { 0x80, 0xBF, 0xC0, 0xC3, 0xE1,
		0xED, 0xF0, 0xF5, 0xFF, 0x00, '\r' };
	/* clang-format on */
	char b[512];
	int round;

	for (round = 0; round < 40; round++) {
		size_t len = gen_lines(b, 256, round & 1), p, k;

		for (p = 0; p < len; p++) {
			char save = b[p];

			for (k = 0; k < sizeof(bad); k++) {
				b[p] = (char)bad[k];
				expect_decode(b, len, (dt_tone)(k % 3));
			}
			b[p] = save;
		}
	}
}

/* ## Language detection */

static void expect_counts(const char *s, size_t len)
{
	dt_lang_counts fast, ref;
	size_t i = 0;

	ref_lang_count(&ref, s, len);
	/* in pieces of random sizes */
	memset(&fast, 0, sizeof(fast));
	while (i < len) {
		size_t to = i + 1 + pick(40);

		i = dt__lang_count(&fast, s, i, to < len ? to : len, len);
	}
	dt__lang_count(&fast, "\n", 0, 1, 1); /* close the last word */
	cr_assert(fast.latin == ref.latin && fast.cyr == ref.cyr &&
			  fast.cyr_foreign == ref.cyr_foreign &&
			  fast.other == ref.other && fast.words == ref.words &&
			  fast.vi_words == ref.vi_words &&
			  fast.dia_words == ref.dia_words,
		"counts differ on \"%.*s\"", (int)len, s);
}

Test(text_speed, language_counts_agree_with_the_code_point_pass)
{
	/* clang-format off */
	static const char *const extra[] = { "Ω", "ж", "ї", "ў", "ά", "中",
		"\U0001D400", "ｆ", "ɐ", "ꜳ", "\xE1", "\x80", "\xC3", "x\xF0\x9F" };
	/* clang-format on */
	char b[4096];
	int round;

	for (round = 0; round < 3000; round++) {
		size_t len =
			gen_text(b, sizeof(b) - 64, 1 + pick(80), round & 1);

		if (round % 3 == 0) {
			size_t k = pick((unsigned)len + 1);
			const char *x = PICK(extra);

			memmove(b + k + strlen(x), b + k, len - k + 1);
			memcpy(b + k, x, strlen(x));
			len += strlen(x);
		}
		expect_counts(b, len);
	}
}

/* A document of about `size` bytes in one language: 0 Vietnamese, 1
 * Russian, 2 English with Vietnamese names, 3 Ukrainian, 4 mixed. */
static size_t gen_doc(char *b, size_t cap, size_t size, int kind)
{
	/* clang-format off */
	static const char *const vi[] = { "Điều", "khoản", "thực", "hiện",
		"quy", "định", "của", "Ủy", "ban", "nhân", "dân", "tỉnh", "và",
		"các", "cơ", "quan", "hòa", "thủy", "theo", "Nghị", "quyết",
		"số", "12/NQ-TW", "ngày", "2026", "Resolution" };
	/* clang-format on */
	static const char *const ru[] = {"Статья", "пункт", "органы", "власти",
		"субъекта", "Российской", "Федерации", "№", "12-ФЗ", "от",
		"2026", "г.", "«О", "порядке»", "Minsk", "ёлка"};
	static const char *const en[] = {"the", "Provincial", "Committee",
		"shall", "report", "on", "Bắc", "Ninh", "Resolution", "12",
		"of", "Hà", "Nội", "and", "implement", "Article"};
	static const char *const uk[] = {"Стаття", "пункт", "органи", "влади",
		"України", "і", "їх", "області", "є"};
	size_t n = 0;

	b[0] = '\0';
	while (n + 64 < size && n + 64 < cap) {
		int k = kind == 4 ? (int)pick(3) : kind;

		put(b, cap, &n,
			k == 0   ? PICK(vi)
			: k == 1 ? PICK(ru)
			: k == 2 ? PICK(en)
				 : PICK(uk));
		put(b, cap, &n, pick(12) == 0 ? ".\n" : " ");
	}
	return n;
}

Test(text_speed, language_detection_agrees_with_the_whole_sample)
{
	static char b[300 * 1024];
	int round;

	for (round = 0; round < 200; round++) {
		int kind = round % 5;
		size_t size = 1000 + pick(kind == 4 ? 20000 : 280 * 1024);
		size_t len = gen_doc(b, sizeof(b), size, kind);
		dt_lang want = ref_lang_detect(b, len);

		cr_assert_eq(dt_lang_detect(b, len), want,
			"kind %d, %zu bytes: %s, want %s", kind, len,
			dt_lang_code(dt_lang_detect(b, len)),
			dt_lang_code(want));
	}
}

Test(text_speed, language_detection_decides_from_a_decisive_start)
{
	/* The documented rule: 4 KiB of plain Vietnamese decide, even if
	 * English follows (the whole sample would say English). */
	static char b[64 * 1024];
	size_t n = gen_doc(b, sizeof(b), 6000, 0);
	size_t m = gen_doc(b + n, sizeof(b) - n, 40000, 2);

	cr_assert_eq(ref_lang_detect(b, n + m), DT_LANG_EN);
	cr_assert_eq(dt_lang_detect(b, n + m), DT_LANG_VI);
	/* but under 4 KiB of it is not enough */
	n = gen_doc(b, sizeof(b), 3000, 0);
	m = gen_doc(b + n, sizeof(b) - n, 40000, 2);
	cr_assert_eq(dt_lang_detect(b, n + m), ref_lang_detect(b, n + m));
}

Test(text_speed, language_detection_reads_on_after_a_start_without_margin)
{
	static char b[128 * 1024];
	dt_lang_counts st;
	size_t n = 0, m;

	/* two Vietnamese words to one Russian: Latin leads, not 4 to 1 */
	while (n < 6000) {
		n += gen_doc(b + n, sizeof(b) - n, 65, 0);
		n += gen_doc(b + n, sizeof(b) - n, 65, 0);
		n += gen_doc(b + n, sizeof(b) - n, 65, 1);
	}
	ref_lang_count(&st, b, n);
	cr_assert(st.latin > st.cyr && st.latin < 4 * st.cyr, "%zu %zu",
		st.latin, st.cyr);
	m = gen_doc(b + n, sizeof(b) - n, 100000, 1);
	cr_assert_eq(ref_lang_detect(b, n + m), DT_LANG_RU);
	cr_assert_eq(dt_lang_detect(b, n + m), DT_LANG_RU);
}
